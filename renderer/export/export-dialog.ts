import type { Api, OperationInput, ProjectView } from '../../main/core/contract/api.js'
import { DEFINITIONS_SECTION_FORMATS, EXPORT_FORMAT_IDS, EXPORT_FORMATS, type ExportFormat } from '../../main/core/export/formats.js'
import { el, select } from '../shared/dom.js'
import type { StateSource } from '../state/store.js'

// Export annotated excerpts: format, scope (everything, a tag, a document, an author, or what the
// Passages view shows), order, notes and context; orphaned annotations (their passage no longer in
// the text) are counted and left out unless asked for (then quoted as stored and marked); the
// reader's name (the DOCX author, the REFI-QDA user) is kept in the project's settings. The file
// arrives as a download (a save dialog in the desktop app).

/** The formats as the dropdown offers them (core/export/formats.ts). */
const FORMATS = EXPORT_FORMAT_IDS.map((id) => [id, EXPORT_FORMATS[id].label] as const)

/** Saves content as a file through the browser's download (Electron shows a save dialog). */
export function download(fileName: string, mediaType: string, content: string, encoding: 'utf8' | 'base64' = 'utf8'): void {
  const bytes = encoding === 'base64' ? Uint8Array.from(atob(content), (c) => c.charCodeAt(0)) : new TextEncoder().encode(content)
  const url = URL.createObjectURL(new Blob([bytes], { type: mediaType }))
  const a = el('a', { href: url, download: fileName, hidden: true })
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

export class ExportDialog {
  readonly dom: HTMLDialogElement
  private readonly format = select({ 'aria-label': 'Format' }, FORMATS)
  private readonly scope = select({ 'aria-label': 'Which excerpts' }, [
    ['all', 'Everything'],
    ['tag', 'One tag (and its sub-tags)'],
    ['doc', 'One document'],
    ['author', 'One author'],
    ['view', 'What the Passages view shows'],
  ])
  private readonly which = el('select', { 'aria-label': 'Tag, document or author' })
  private readonly order = el(
    'select',
    { 'aria-label': 'Order' },
    el('option', { value: 'document' }, 'Document order'),
    el('option', { value: 'tag' }, 'By tag'),
  )
  private readonly notes = el('input', { type: 'checkbox', checked: true })
  private readonly context = el('input', { type: 'checkbox' })
  private readonly orphans = el('input', { type: 'checkbox' })
  /** The orphan choice, shown only when the excerpts chosen include orphans. */
  private readonly orphanRow = el('div', { class: 'orphan-choice', hidden: true })
  private readonly orphanCount = el('p', { class: 'muted orphan-count' })
  private readonly readerName = el('input', {
    type: 'text',
    name: 'readerName',
    autocomplete: 'name',
    placeholder: 'Not set',
    'aria-describedby': 'reader-name-hint',
  })
  /** Adds "How the authors define X" (the term the Definitions view shows) to the formats that carry it. */
  private readonly definitions = el('input', { type: 'checkbox', class: 'export-definitions' })
  private readonly definitionsLabel = el('span', {}, 'Add “How the authors define …”')
  private readonly definitionsRow = el('label', { class: 'check' }, this.definitions, this.definitionsLabel)
  private readonly message = el('p', { class: 'muted', role: 'status' })

  /** The open project, from the store. */
  private get project(): ProjectView | null {
    return this.store.state.project
  }
  /** Set when the reader was told the export would be empty; the next Export writes it. */
  private emptyConfirmed = false

  constructor(
    private readonly api: Api,
    private readonly passagesQuery: () => OperationInput<'retrieve'>,
    private readonly store: StateSource,
  ) {
    const go = el('button', { type: 'submit', class: 'primary' }, 'Export')
    const cancel = el('button', { type: 'button' }, 'Cancel')
    cancel.addEventListener('click', () => this.dom.close())
    const form = el(
      'form',
      { class: 'details-body' },
      el('h2', { class: 'popover-heading' }, 'Export annotated excerpts'),
      el('label', {}, 'Format', this.format),
      el('label', {}, 'Excerpts', this.scope),
      this.which,
      el('label', {}, 'Order', this.order),
      el('label', { class: 'check' }, this.notes, 'Include notes'),
      el('label', { class: 'check' }, this.context, 'Include context around each excerpt'),
      this.orphanRow,
      el('label', {}, 'Your name', this.readerName),
      el(
        'p',
        { class: 'muted hint', id: 'reader-name-hint' },
        'The author of a Word file and the user of a REFI-QDA project; kept in the project.',
      ),
      this.definitionsRow,
      this.message,
      el('div', { class: 'popover-actions' }, go, cancel),
    )
    form.addEventListener('submit', (e) => {
      e.preventDefault()
      void this.export()
    })
    this.orphanRow.append(
      this.orphanCount,
      el('label', { class: 'check' }, this.orphans, 'Include orphans (with their stored quote, marked)'),
    )
    this.scope.addEventListener('change', () => this.fillWhich())
    this.which.addEventListener('change', () => void this.countOrphans())
    this.format.addEventListener('change', () => this.fillDefinitions())
    this.dom = el('dialog', { class: 'popover modal-dialog', 'data-dialog': 'export', 'aria-label': 'Export' }, form) as HTMLDialogElement
  }

  open(): void {
    this.emptyConfirmed = false
    this.message.textContent = ''
    this.orphans.checked = false
    this.readerName.value = this.project?.readerName ?? ''
    this.fillWhich()
    this.fillDefinitions()
    this.dom.showModal()
    this.format.focus()
  }

  /** The term the definitions section is about: the one the Definitions view shows (none: the key term). */
  private get term(): string | undefined {
    return this.store.state.definitions?.term
  }

  /** The definitions option: offered for the formats that carry the section; the facets format is that matrix alone. */
  private fillDefinitions(): void {
    const format = this.format.value as ExportFormat
    const term = this.term
    this.definitionsLabel.textContent = `Add “How the authors define ${term ? `“${term}”` : 'the key term'}” (the facet matrix)`
    this.definitionsRow.hidden = !DEFINITIONS_SECTION_FORMATS.includes(format)
    for (const control of [this.scope, this.which, this.order, this.notes, this.context]) control.disabled = format === 'facets'
  }

  private fillWhich(): void {
    const p = this.project
    const options: [string, string][] =
      this.scope.value === 'tag'
        ? (p?.tags ?? []).map((t) => [t.id, t.name])
        : this.scope.value === 'doc'
          ? (p?.documents ?? []).map((d) => [d.id, d.title])
          : this.scope.value === 'author'
            ? [...new Set((p?.documents ?? []).map((d) => d.author).filter(Boolean))].map((a) => [a, a])
            : []
    this.which.replaceChildren(...options.map(([v, label]) => el('option', { value: v }, label)))
    this.which.hidden = options.length === 0
    void this.countOrphans()
  }

  /** The retrieval query for the excerpts chosen (null: what the Passages view shows). */
  private query(): OperationInput<'retrieve'> {
    if (this.scope.value === 'view') return this.passagesQuery()
    return {
      tagIds: this.scope.value === 'tag' ? [this.which.value] : undefined,
      docIds: this.scope.value === 'doc' ? [this.which.value] : undefined,
      authors: this.scope.value === 'author' ? [this.which.value] : undefined,
    }
  }

  /** Counts the orphaned annotations among the excerpts chosen and offers to include them. */
  private async countOrphans(): Promise<void> {
    const scope = `${this.scope.value}\n${this.which.value}`
    const count =
      (this.project?.orphanCount ?? 0) === 0 ? 0 : (await this.api.retrieve({ ...this.query(), status: ['orphan'] })).items.length
    // The choice may have changed while the count was on its way.
    if (scope !== `${this.scope.value}\n${this.which.value}`) return
    this.orphanRow.hidden = count === 0
    this.orphanCount.textContent =
      count === 1
        ? '1 orphaned annotation (its passage could not be found with certainty in the text as it is now) is left out.'
        : `${count} orphaned annotations (their passages could not be found with certainty in the texts as they are now) are left out.`
  }

  private async export(): Promise<void> {
    const input: OperationInput<'exportExcerpts'> = {
      format: this.format.value as OperationInput<'exportExcerpts'>['format'],
      order: this.order.value as 'document' | 'tag',
      notes: this.notes.checked,
      context: this.context.checked,
      orphans: this.orphans.checked,
    }
    const term = this.term
    if (input.format === 'facets' || (this.definitions.checked && DEFINITIONS_SECTION_FORMATS.includes(input.format)))
      input.definitions = term ? { term } : {}
    if (this.scope.value === 'tag') input.tags = [this.which.value]
    if (this.scope.value === 'doc') input.docs = [this.which.value]
    if (this.scope.value === 'author') input.authors = [this.which.value]
    if (this.scope.value === 'view' && input.format !== 'facets') {
      input.annotationIds = (await this.api.retrieve(this.passagesQuery())).items.map((i) => i.annotation.id)
      if (input.annotationIds.length === 0) {
        this.message.textContent = 'The Passages view shows no annotations to export.'
        return
      }
    }
    // An export that would hold nothing is confirmed first: a second Export writes it anyway.
    const empty =
      input.format !== 'facets' &&
      !input.annotationIds &&
      (await this.api.retrieve({ tagIds: input.tags, docIds: input.docs, authors: input.authors })).items.length === 0
    if (empty && !this.emptyConfirmed) {
      this.emptyConfirmed = true
      this.message.textContent = 'No annotations match: the file would be empty. Press Export again to write it anyway.'
      return
    }
    this.emptyConfirmed = false
    this.message.textContent = 'Exporting…'
    try {
      const name = this.readerName.value.trim()
      if (name !== (this.project?.readerName ?? '')) await this.api.updateProjectSettings({ readerName: name })
      const result = await this.api.exportExcerpts(input)
      download(result.fileName, result.mediaType, result.content, result.encoding)
      this.dom.close()
    } catch (e) {
      this.message.textContent = e instanceof Error ? e.message : String(e)
    }
  }
}
