import type { ImportFailure } from '../../main/core/contract/api.js'
import { el } from '../shared/dom.js'

// What an import brought in and what it could not, in one message: the documents or tags added,
// each file that could not be read and why (the others were imported all the same: a tester's
// good file was lost when another of the batch was binary), then each line of the importer's
// report (for a REFI-QDA project: what was not brought in — PDF sources without text, cases, sets,
// journals — selections skipped and why, ids remapped; for any file, how it was read where not as
// it is: "notes.txt: converted from windows-1252"). A report line lists its parts separated by
// "; ", shown one per line.

export class ImportReport {
  readonly dom: HTMLDialogElement
  private readonly heading = el('h2', { class: 'popover-heading', id: 'import-report-heading' })
  private readonly body = el('div', { class: 'import-report-body' })

  constructor() {
    const close = el('button', { type: 'button', class: 'primary' }, 'Close')
    close.addEventListener('click', () => this.dom.close())
    this.dom = el(
      'dialog',
      { class: 'popover modal-dialog import-report', 'data-dialog': 'import-report', 'aria-labelledby': 'import-report-heading' },
      this.heading,
      this.body,
      el('div', { class: 'popover-actions' }, close),
    ) as HTMLDialogElement
  }

  /**
   * Shows the report: `added` names what came in, `failed` the files that could not be read, `lines`
   * are the importer's report lines.
   */
  show(heading: string, added: readonly string[], lines: readonly string[], failed: readonly ImportFailure[] = []): void {
    this.heading.textContent = heading
    const parts = lines.flatMap((line) => line.split('; ').filter(Boolean))
    this.body.replaceChildren(
      added.length ? el('p', {}, `Added: ${added.join(', ')}`) : el('p', {}, 'Nothing new was added.'),
      failed.length
        ? el(
            'div',
            { class: 'import-failed' },
            el('p', {}, failed.length === 1 ? 'Not imported:' : `Not imported (${failed.length} files):`),
            el('ul', { class: 'import-report-lines' }, ...failed.map((f) => el('li', {}, el('strong', {}, f.file), `: ${f.reason}`))),
          )
        : '',
      parts.length ? el('ul', { class: 'import-report-lines' }, ...parts.map((p) => el('li', {}, p))) : '',
    )
    this.dom.showModal()
  }
}
