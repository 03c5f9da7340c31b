import { noteOf, tagIdsOf } from '../../main/core/annotations/annotation-parts.js'
import type { Api, OperationInput, ProjectView, RetrievedItem } from '../../main/core/contract/api.js'
import { noteView } from '../shared/note-view.js'
import { el } from '../shared/dom.js'
import { byline } from '../compare/reader.js'
import type { StateSource } from '../state/store.js'
import { renderCodeTables } from './code-matrix.js'

// The retrieval view: every tagged passage across documents, in document order, with context,
// filtered by tags (two combined with AND or OR, one left out with NOT; optionally with sub-tags),
// document, author and text; each can be edited in
// place or opened in the reader. In "orphans" mode it lists the annotations whose passage could
// not be found after their document changed, with their stored quote and note, and re-attaches
// them.

export interface PassagesActions {
  api: Api
  /** Opens a document at a span (and, for an orphan, starts re-attaching it). */
  open(item: RetrievedItem): void
  edit(item: RetrievedItem, anchor: DOMRect): void
}

export class PassagesView {
  readonly dom: HTMLElement
  private readonly list = el('ol', { class: 'passages', 'aria-label': 'Passages' })
  private readonly summary = el('p', { class: 'passages-summary', role: 'status' })
  /** The memos of the tags and the document chosen in the filters, read beside their passages. */
  private readonly memos = el('div', { class: 'passages-memos' })
  private readonly codes = el('details', { class: 'code-overview' }, el('summary', {}, 'Codes × documents and co-occurrence'))
  private readonly codeTables = el('div', {})
  private readonly tag = el('select', { 'aria-label': 'Tag' })
  private readonly combine = el(
    'select',
    { 'aria-label': 'Combine the two tags' },
    el('option', { value: 'any' }, 'or'),
    el('option', { value: 'all' }, 'and'),
  )
  private readonly tag2 = el('select', { 'aria-label': 'Second tag' })
  private readonly notTag = el('select', { 'aria-label': 'Leave out tag' })
  private readonly children = el('input', { type: 'checkbox', checked: true, 'aria-label': 'Include sub-tags' })
  private readonly doc = el('select', { 'aria-label': 'Document' })
  private readonly author = el('select', { 'aria-label': 'Author' })
  private readonly text = el('input', { type: 'search', placeholder: 'Filter by text…', 'aria-label': 'Filter by text' })
  private generation = 0

  /** The open project, from the store. */
  private get project(): ProjectView | null {
    return this.store.state.project
  }

  constructor(
    private readonly actions: PassagesActions,
    readonly mode: 'passages' | 'orphans',
    private readonly store: StateSource,
  ) {
    const filters =
      mode === 'passages'
        ? el(
            'div',
            { class: 'filters', role: 'group', 'aria-label': 'Filters' },
            this.tag,
            this.combine,
            this.tag2,
            el('label', { class: 'not-tag' }, 'not ', this.notTag),
            el('label', { class: 'check' }, this.children, 'sub-tags'),
            this.doc,
            this.author,
            this.text,
          )
        : el(
            'p',
            { class: 'hint' },
            'These annotations could not be found again after their document changed. They keep their quote and note. Re-attach one by opening it and selecting the new passage.',
          )
    this.dom = el(
      'section',
      { class: 'view passages-view', 'aria-label': mode === 'passages' ? 'Passages by tag' : 'Orphaned annotations' },
      filters,
      mode === 'passages' ? this.codes : null,
      this.summary,
      this.memos,
      this.list,
    )
    for (const input of [this.tag, this.combine, this.tag2, this.notTag, this.children, this.doc, this.author])
      input.addEventListener('change', () => void this.refresh())
    this.codes.append(this.codeTables)
    this.codes.addEventListener('toggle', () => void this.refresh())
    let timer: ReturnType<typeof setTimeout> | undefined
    this.text.addEventListener('input', () => {
      clearTimeout(timer)
      timer = setTimeout(() => void this.refresh(), 200)
    })
  }

  /** Shows passages of one tag. */
  showTag(tagId: string, filter: { docId?: string; withTagId?: string } = {}): void {
    this.tag.value = tagId
    this.tag2.value = filter.withTagId ?? ''
    this.combine.value = filter.withTagId ? 'all' : 'any'
    this.notTag.value = ''
    this.doc.value = filter.docId ?? ''
    void this.refresh()
  }

  setProject(project: ProjectView): void {
    const keep = (select: HTMLSelectElement, options: [string, string][], all: string) => {
      const value = select.value
      select.replaceChildren(el('option', { value: '' }, all), ...options.map(([v, label]) => el('option', { value: v }, label)))
      select.value = options.some(([v]) => v === value) ? value : ''
    }
    const depth = (id: string | null): number => (id ? 1 + depth(project.tags.find((t) => t.id === id)?.parent ?? null) : 0)
    const ordered: [string, string][] = []
    const walk = (parent: string | null) => {
      for (const t of project.tags.filter((x) => x.parent === parent)) {
        ordered.push([t.id, `${'  '.repeat(depth(t.parent))}${t.name}`])
        walk(t.id)
      }
    }
    walk(null)
    keep(this.tag, ordered, 'All tags')
    keep(this.tag2, ordered, '(any tag)')
    keep(this.notTag, ordered, '(none)')
    keep(
      this.doc,
      project.documents.map((d) => [d.id, d.title]),
      'All documents',
    )
    const authors = [...new Set(project.documents.map((d) => d.author).filter(Boolean))]
    keep(
      this.author,
      authors.map((a) => [a, a]),
      'All authors',
    )
  }

  /** The filter as the retrieval operation takes it (also what an export of "this view" uses). */
  query(): OperationInput<'retrieve'> {
    if (this.mode === 'orphans') return { status: ['orphan'] }
    return {
      tagIds: [this.tag.value, this.tag2.value].filter(Boolean).length ? [this.tag.value, this.tag2.value].filter(Boolean) : undefined,
      tagMode: this.combine.value === 'all' ? 'all' : 'any',
      notTagIds: this.notTag.value ? [this.notTag.value] : undefined,
      includeChildren: this.children.checked,
      docIds: this.doc.value ? [this.doc.value] : undefined,
      authors: this.author.value ? [this.author.value] : undefined,
      text: this.text.value || undefined,
    }
  }

  private showMemos(items: ({ about: string; memo?: string } | undefined)[]): void {
    const shown = this.mode === 'passages' ? items.filter((i): i is { about: string; memo: string } => !!i?.memo?.trim()) : []
    this.memos.replaceChildren(
      ...shown.map((i) =>
        el(
          'section',
          { class: 'passages-memo', 'aria-label': `Memo on ${i.about}` },
          el('h3', { class: 'details-heading' }, `Memo · ${i.about}`),
          noteView(i.memo, 'memo-text'),
        ),
      ),
    )
  }

  async refresh(): Promise<void> {
    const project = this.project
    if (!project) return
    const generation = ++this.generation
    const [{ items }, all] = await Promise.all([
      this.actions.api.retrieve(this.query()),
      this.mode === 'passages' && this.codes.open ? this.actions.api.retrieve({}) : null,
    ])
    if (generation !== this.generation) return
    if (all)
      this.codeTables.replaceChildren(
        renderCodeTables(project, all.items, ({ tagId, docId, withTagId }) => {
          this.children.checked = false
          this.showTag(tagId, { docId, withTagId })
        }),
      )
    const docs = new Map(project.documents.map((d) => [d.id, d]))
    const tags = new Map(project.tags.map((t) => [t.id, t]))
    this.showMemos([
      ...[this.tag.value, this.tag2.value].map((id) => tags.get(id)).map((t) => t && { about: t.name, memo: t.memo }),
      ((d) => d && { about: d.title || d.id, memo: d.memo })(docs.get(this.doc.value)),
    ])
    this.summary.textContent =
      this.mode === 'orphans'
        ? items.length
          ? `${items.length} orphaned annotation${items.length === 1 ? '' : 's'}`
          : 'No orphaned annotations.'
        : `${items.length} passage${items.length === 1 ? '' : 's'}`
    this.list.replaceChildren(
      ...items.map((item) => {
        const d = docs.get(item.docId)!
        const chips = tagIdsOf(item.annotation).map((id) => {
          const chip = el('span', { class: 'chip' }, el('span', { class: 'swatch' }), tags.get(id)?.name ?? '?')
          chip.style.setProperty('--tag-colour', tags.get(id)?.colour ?? '#999')
          return chip
        })
        const open = el('button', { type: 'button' }, this.mode === 'orphans' ? 'Re-attach…' : 'Open')
        open.addEventListener('click', () => this.actions.open(item))
        const edit = el('button', { type: 'button' }, 'Edit')
        edit.addEventListener('click', () => this.actions.edit(item, edit.getBoundingClientRect()))
        const note = noteOf(item.annotation)
        return el(
          'li',
          { class: `passage status-${item.status}`, 'data-annotation': item.annotation.id },
          el('div', { class: 'passage-source' }, el('strong', {}, d.title), ' ', el('span', { class: 'muted' }, byline(d))),
          el(
            'p',
            { class: 'passage-text' },
            item.before ? '…' + item.before : '',
            el('mark', { class: 'passage-quote' }, item.quote),
            item.after ? item.after + '…' : '',
          ),
          note ? noteView(note, 'passage-note') : null,
          el('div', { class: 'passage-meta' }, ...chips, el('span', { class: 'spacer' }), edit, open),
        )
      }),
    )
  }
}
