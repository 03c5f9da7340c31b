import type { DocumentSummary } from '../../main/core/contract/api.js'
import { metadataProblems } from '../../main/core/project/metadata-rules.js'
import { el } from '../shared/dom.js'

// The form of a document's metadata (title, author, outlet, date, URL). It is kept while the same
// document is shown, so a redraw (an analysis finishing, another change) never throws away what the
// reader has typed but not yet saved: a field the reader edited keeps the edit, the others follow the
// stored values.
//
// A field that breaks its rule (an empty title, a date as "10 April 2024") is said so under the
// field, in the rule's own sentence (core/project/metadata-rules.ts, which the services check
// with too), before anything is sent; a save that fails for another reason is said under the
// button. A tester read the services' raw message in the title bar ("updateDocumentMetadata:
// title: Too small: …"), with nothing pointing at the field, and still read it after a later
// save worked: a message here goes as soon as its field is put right, or the form saves.

/** The metadata fields the reader can edit, with their labels. */
const FIELDS = [
  ['title', 'Title'],
  ['author', 'Author'],
  ['outlet', 'Outlet'],
  ['date', 'Date (YYYY-MM-DD)'],
  ['url', 'URL'],
] as const

type Field = (typeof FIELDS)[number][0]

export type MetadataChanges = Partial<Record<Field, string>>

/**
 * Saves the changes; resolves to whether they were saved, handing a failure's message to `failed`
 * (shown under the Save button) rather than to the title bar.
 */
export type SaveMetadata = (id: string, changes: MetadataChanges, failed: (message: string) => void) => Promise<boolean>

interface FieldView {
  key: Field
  input: HTMLInputElement
  /** The stored value last shown in the input. */
  shown: string
  /** What is wrong with the value typed (hidden when nothing is). */
  error: HTMLElement
}

export class MetadataForm {
  readonly dom: HTMLFormElement
  private doc: DocumentSummary
  private readonly fields: FieldView[]
  /** Why the last save failed, when not for one field. */
  private readonly failure = el('p', { class: 'form-error', role: 'alert', hidden: true })

  /** `save` gets the fields that differ from the stored document, when there are any and all are valid. */
  constructor(
    doc: DocumentSummary,
    private readonly save: SaveMetadata,
  ) {
    this.doc = doc
    this.fields = FIELDS.map(([key, label]) => {
      const error = el('span', { class: 'field-error', id: `metadata-${key}-error`, role: 'alert', hidden: true })
      const input = el('input', { name: key, 'aria-label': label, 'aria-describedby': error.id })
      // Put right, a field's message goes at once.
      input.addEventListener('input', () => {
        if (!error.hidden) this.check([this.fields.find((f) => f.key === key)!])
      })
      return { key, input, shown: '', error }
    })
    this.dom = el(
      'form',
      { class: 'details-body metadata-form', novalidate: true },
      el('h3', { class: 'details-heading' }, 'Details'),
      ...this.fields.map(({ key, input, error }) => el('label', {}, FIELDS.find(([k]) => k === key)![1], input, error)),
      el('button', { type: 'submit' }, 'Save details'),
      this.failure,
    )
    this.dom.addEventListener('submit', (e) => {
      e.preventDefault()
      void this.submit()
    })
    this.show(doc)
  }

  /** The id of the document the form edits. */
  get target(): string {
    return this.doc.id
  }

  /** Shows the stored values of `doc` (the same document) in every field the reader has not edited. */
  show(doc: DocumentSummary): void {
    this.doc = doc
    for (const field of this.fields) {
      const stored = doc[field.key]
      if (field.input.value === field.shown) field.input.value = stored
      field.shown = stored
    }
  }

  private async submit(): Promise<void> {
    this.failure.hidden = true
    const changed = this.fields.filter((f) => f.input.value !== this.doc[f.key])
    const wrong = this.check(changed)
    // A field put back to its stored value is not sent: its message goes too.
    for (const field of this.fields) if (!changed.includes(field)) this.mark(field, null)
    if (wrong.length) {
      wrong[0].input.focus()
      return
    }
    if (!changed.length) return
    const changes: MetadataChanges = Object.fromEntries(changed.map((f) => [f.key, f.input.value]))
    await this.save(this.doc.id, changes, (message) => {
      this.failure.textContent = `Not saved: ${message}`
      this.failure.hidden = false
    })
  }

  /** Shows or clears each field's message by its rule; returns the fields that break theirs. */
  private check(fields: readonly FieldView[]): FieldView[] {
    const problems = metadataProblems(Object.fromEntries(fields.map((f) => [f.key, f.input.value])))
    for (const field of fields) this.mark(field, problems[field.key] ?? null)
    return fields.filter((f) => problems[f.key])
  }

  /** Shows what is wrong with a field (null: nothing). */
  private mark(field: FieldView, problem: string | null): void {
    field.error.textContent = problem ?? ''
    field.error.hidden = !problem
    field.input.setAttribute('aria-invalid', String(!!problem))
  }
}
