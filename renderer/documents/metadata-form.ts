import type { DocumentSummary } from '../../main/core/contract/api.js'
import { el } from '../shared/dom.js'

// The form of a document's metadata (title, author, outlet, date, URL). It is kept while the same
// document is shown, so a redraw (an analysis finishing, another change) never throws away what the
// reader has typed but not yet saved: a field the reader edited keeps the edit, the others follow the
// stored values.

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

export class MetadataForm {
  readonly dom: HTMLFormElement
  private doc: DocumentSummary
  private readonly inputs: { key: Field; input: HTMLInputElement; shown: string }[]

  /** `save` gets the fields that differ from the stored document, when there are any. */
  constructor(doc: DocumentSummary, save: (id: string, changes: MetadataChanges) => void) {
    this.doc = doc
    this.inputs = FIELDS.map(([key, label]) => ({ key, input: el('input', { name: key, 'aria-label': label }), shown: '' }))
    this.dom = el(
      'form',
      { class: 'details-body' },
      el('h3', { class: 'details-heading' }, 'Details'),
      ...this.inputs.map(({ key, input }) => el('label', {}, FIELDS.find(([k]) => k === key)![1], input)),
      el('button', { type: 'submit' }, 'Save details'),
    )
    this.dom.addEventListener('submit', (e) => {
      e.preventDefault()
      const changes = Object.fromEntries(this.inputs.filter((f) => f.input.value !== this.doc[f.key]).map((f) => [f.key, f.input.value]))
      if (Object.keys(changes).length) save(this.doc.id, changes)
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
    for (const field of this.inputs) {
      const stored = doc[field.key]
      if (field.input.value === field.shown) field.input.value = stored
      field.shown = stored
    }
  }
}
