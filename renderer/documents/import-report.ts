import { el } from '../shared/dom.js'

// What an import brought in and what it could not, in one message: the documents or tags added,
// then each line of the importer's report (for a REFI-QDA project: what was not brought in — PDF
// sources without text, cases, sets, journals — selections skipped and why, ids remapped; for any
// file, how it was read where not as it is: "notes.txt: converted from windows-1252"). A report
// line lists its parts separated by "; ", shown one per line.

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

  /** Shows the report: `added` names what came in, `lines` are the importer's report lines. */
  show(heading: string, added: readonly string[], lines: readonly string[]): void {
    this.heading.textContent = heading
    const parts = lines.flatMap((line) => line.split('; ').filter(Boolean))
    this.body.replaceChildren(
      added.length ? el('p', {}, `Added: ${added.join(', ')}`) : el('p', {}, 'Nothing new was added.'),
      parts.length ? el('ul', { class: 'import-report-lines' }, ...parts.map((p) => el('li', {}, p))) : '',
    )
    this.dom.showModal()
  }
}
