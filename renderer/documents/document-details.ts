import type { Api, BoilerplateSuggestion, DocumentSummary } from '../../main/core/contract/api.js'
import type { ExcludedRange } from '../../main/core/project/exclusions.js'
import { el, keepFocus } from '../shared/dom.js'
import { MemoEditor } from '../shared/memo-editor.js'
import { MetadataForm } from './metadata-form.js'

// The details of the document in the active pane: its metadata (as read from the text, editable),
// the reader's memo on it (Markdown, rendered as notes are), and the ranges left out of analysis (site furniture and the like), with the app's suggestions
// of likely boilerplate to exclude. Excluding never changes the file.

export interface DetailsActions {
  api: Api
  run(label: string, change: () => Promise<unknown>, failed?: (message: string) => void): Promise<boolean>
  /** The text of a document's span, for showing what a range holds. */
  excerpt(docId: string, start: number, end: number): string | null
  /** A document's title. */
  title(docId: string): string
}

function snippet(text: string | null): string {
  if (!text) return ''
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > 90 ? `${flat.slice(0, 60)} … ${flat.slice(-25)}` : flat
}

export class DocumentDetails {
  readonly dom: HTMLElement
  private doc: DocumentSummary | null = null
  private readonly suggestions = el('div', { class: 'suggestions-list' })
  /** The document's memo editor, kept across redraws while the same document is shown. */
  private memo: MemoEditor | null = null
  /** The metadata form, kept across redraws while the same document is shown (unsaved edits stay). */
  private form: MetadataForm | null = null

  constructor(private readonly actions: DetailsActions) {
    this.dom = el('section', { class: 'doc-details', 'aria-label': 'Document details' })
  }

  render(doc: DocumentSummary | null): void {
    const same = this.doc?.id === doc?.id
    this.doc = doc
    if (!same) this.suggestions.replaceChildren()
    if (!doc) {
      this.dom.replaceChildren()
      return
    }
    const api = this.actions.api
    if (this.form?.target !== doc.id)
      this.form = new MetadataForm(doc, (id, changes, failed) =>
        this.actions.run('Details saved', () => api.updateDocumentMetadata({ id, ...changes }), failed),
      )
    else this.form.show(doc)

    if (this.memo?.target !== doc.id) {
      const id = doc.id
      this.memo = new MemoEditor(id, {
        about: `document “${doc.title || doc.id}”`,
        subject: doc.title || doc.id,
        save: (memo) => this.actions.run(memo ? 'Memo saved' : 'Memo removed', () => api.setDocumentMemo({ id, memo })),
      })
    }
    this.memo.show(doc.memo ?? '')
    const memo = el('div', { class: 'details-body doc-memo' }, this.memo.dom)

    const ranges = doc.excluded ?? []
    const remove = (r: ExcludedRange) =>
      this.setRanges(
        ranges.filter((x) => x !== r),
        'Text included again',
      )
    const suggest = el('button', { type: 'button' }, 'Suggest boilerplate')
    suggest.addEventListener('click', () => void this.suggest())
    const suggestAll = el(
      'button',
      { type: 'button', class: 'suggest-all', title: 'Find likely site text in every document, to review and exclude in one step' },
      'In all documents',
    )
    suggestAll.addEventListener('click', () => void this.suggestAll())
    const refocus = keepFocus(this.dom)
    this.dom.replaceChildren(
      memo,
      this.form.dom,
      el(
        'div',
        { class: 'details-body' },
        el('h3', { class: 'details-heading' }, 'Left out of analysis'),
        el(
          'p',
          { class: 'hint' },
          'Select text in a pane and press ',
          el('kbd', {}, 'X'),
          ' to leave it out of the analysis. The file is not changed.',
        ),
        spanList(
          ranges,
          'Nothing is left out.',
          'Include',
          (r) => ({ label: `${r.start}–${r.end}${r.reason ? ` · ${r.reason}` : ''}`, text: this.actions.excerpt(doc.id, r.start, r.end) }),
          (r) => void remove(r),
        ),
        el('div', { class: 'row' }, suggest, suggestAll),
        this.suggestions,
      ),
    )
    refocus()
  }

  /** Adds a span to the active document's excluded ranges. */
  async exclude(docId: string, start: number, end: number, reason?: string): Promise<void> {
    if (this.doc?.id !== docId) return
    await this.setRanges([...(this.doc.excluded ?? []), { start, end, ...(reason ? { reason } : {}) }], 'Left out of analysis')
  }

  private setRanges(ranges: ExcludedRange[], label: string): Promise<boolean> {
    const id = this.doc!.id
    return this.actions.run(label, () =>
      this.actions.api.setExcludedRanges({ id, ranges: ranges.map((r) => ({ start: r.start, end: r.end, reason: r.reason })) }),
    )
  }

  /** Suggestions in every document, to review; the checked ones are excluded in one step. */
  private async suggestAll(): Promise<void> {
    const { suggestions } = await this.actions.api.suggestBoilerplate({})
    this.suggestions.replaceChildren(
      reviewList(suggestions, this.actions.title, (chosen) => {
        if (!chosen.length) return
        const ranges = chosen.map(({ docId, start, end, reason }) => ({ docId, start, end, reason }))
        void this.actions
          .run(`Excluded ${ranges.length} span${ranges.length === 1 ? '' : 's'} of boilerplate`, () =>
            this.actions.api.addExcludedRanges({ ranges }),
          )
          .then(() => this.suggestions.replaceChildren())
      }),
    )
  }

  private async suggest(): Promise<void> {
    const doc = this.doc
    if (!doc) return
    const { suggestions } = await this.actions.api.suggestBoilerplate({ id: doc.id })
    this.suggestions.replaceChildren(
      spanList(
        suggestions,
        'No likely boilerplate found.',
        'Exclude',
        (s) => ({ label: s.reason, text: s.text }),
        (s, row) => void this.exclude(doc.id, s.start, s.end, s.reason).then(() => row.remove()),
      ),
    )
  }
}

/**
 * Boilerplate suggestions of every document, each with a checkbox (checked), and one button that
 * excludes the checked ones in one change (one undo step).
 */
function reviewList(
  suggestions: readonly BoilerplateSuggestion[],
  title: (docId: string) => string,
  exclude: (chosen: BoilerplateSuggestion[]) => void,
): HTMLElement {
  if (!suggestions.length) return el('p', { class: 'muted' }, 'No boilerplate left to suggest in any document.')
  const boxes = suggestions.map((s) => el('input', { type: 'checkbox', checked: true, 'aria-label': `Exclude: ${s.reason}` }))
  const chosen = () => suggestions.filter((_, i) => boxes[i].checked)
  const button = el('button', { type: 'button', class: 'primary exclude-checked' })
  const count = () => {
    const n = chosen().length
    button.textContent = `Exclude ${n} checked`
    button.disabled = n === 0
  }
  for (const box of boxes) box.addEventListener('change', count)
  count()
  button.addEventListener('click', () => exclude(chosen()))
  return el(
    'div',
    { class: 'review-boilerplate' },
    el(
      'ul',
      { class: 'excluded-list' },
      ...suggestions
        .flatMap((s, i) => [
          // Each document's title once, above its suggestions.
          s.docId !== suggestions[i - 1]?.docId ? el('li', { class: 'review-doc' }, title(s.docId)) : null,
          el('li', {}, el('label', { class: 'check' }, boxes[i], el('span', { class: 'muted' }, s.reason)), el('q', {}, snippet(s.text))),
        ])
        .filter((li) => li !== null),
    ),
    button,
  )
}

/** Spans of a document as a list: what each is, its text and one button; `empty` when there are none. */
function spanList<T>(
  items: readonly T[],
  empty: string,
  action: string,
  describe: (item: T) => { label: string; text: string | null },
  onAction: (item: T, row: HTMLLIElement) => void,
): HTMLElement {
  if (!items.length) return el('p', { class: 'muted' }, empty)
  return el(
    'ul',
    { class: 'excluded-list' },
    ...items.map((item) => {
      const { label, text } = describe(item)
      const button = el('button', { type: 'button', class: 'small' }, action)
      const row = el('li', {}, el('span', { class: 'muted' }, label), el('q', {}, snippet(text)), button)
      button.addEventListener('click', () => onAction(item, row))
      return row
    }),
  )
}
