import type { Api, ProjectView, SearchHit } from '../../main/core/contract/api.js'
import { QUERY_SYNTAX } from '../../main/core/text/search.js'
import { el, select } from '../shared/dom.js'
import type { StateSource } from '../state/store.js'
import { documentNames } from '../shared/document-names.js'

// Search across the project, reading words as the engine does (spelling variants and word forms,
// `*` wildcards, "quoted phrases"; core/text/search.ts), with a keyword-in-context concordance that
// sorts by document order, left context or right context, and "Tag all hits" with the active tag.

type Order = 'document' | 'left' | 'right'

const collator = new Intl.Collator(undefined, { sensitivity: 'base' })

/** Sorts hits for a concordance: by the words nearest the keyword, leftwards or rightwards. */
export function sortHits(hits: readonly SearchHit[], order: Order, docOrder: readonly string[]): SearchHit[] {
  const byDoc = (a: SearchHit, b: SearchHit) => docOrder.indexOf(a.docId) - docOrder.indexOf(b.docId) || a.start - b.start
  if (order === 'document') return [...hits].sort(byDoc)
  const key = (h: SearchHit) => (order === 'left' ? h.left.trim().split(/\s+/).reverse().join(' ') : h.right.trim())
  return [...hits].sort((a, b) => collator.compare(key(a), key(b)) || byDoc(a, b))
}

export class SearchView {
  readonly dom: HTMLElement
  private readonly input = el('input', {
    type: 'search',
    class: 'search-input',
    placeholder: 'Search: words, innovat*, "a phrase"',
    'aria-label': 'Search the documents',
  })
  private readonly order = select({ 'aria-label': 'Sort by' }, [
    ['document', 'Document order'],
    ['left', 'Left context'],
    ['right', 'Right context'],
  ])
  private readonly summary = el('p', { class: 'passages-summary', role: 'status' })
  private readonly tagAll = el('button', { type: 'button', class: 'tag-all', hidden: true }, 'Tag all hits')
  private readonly table = el('table', { class: 'kwic', 'aria-label': 'Keyword in context' })
  private hits: SearchHit[] = []

  /** The open project, from the store. */
  private get project(): ProjectView | null {
    return this.store.state.project
  }

  constructor(
    private readonly api: Api,
    private readonly open: (hit: SearchHit) => void,
    private readonly store: StateSource,
    /** Tags the hits with the active tag as one undoable change (or says why it cannot). */
    private readonly tagHits: (hits: SearchHit[]) => void,
  ) {
    const form = el(
      'form',
      { class: 'filters', role: 'search' },
      this.input,
      el('button', { type: 'submit' }, 'Search'),
      el('label', {}, 'Sort ', this.order),
    )
    form.addEventListener('submit', (e) => {
      e.preventDefault()
      void this.run()
    })
    this.order.addEventListener('change', () => this.render())
    this.tagAll.addEventListener('click', () => this.tagHits(this.hits))
    this.table.addEventListener('click', (e) => {
      const row = (e.target as HTMLElement).closest<HTMLElement>('[data-hit]')
      if (row) this.open(this.hits[Number(row.dataset.hit)])
    })
    this.table.addEventListener('keydown', (e) => {
      const row = (e.target as HTMLElement).closest<HTMLElement>('[data-hit]')
      if (row && (e.key === 'Enter' || e.key === ' ')) {
        e.preventDefault()
        this.open(this.hits[Number(row.dataset.hit)])
      }
    })
    this.dom = el(
      'section',
      { class: 'view search-view', 'aria-label': 'Search' },
      form,
      el('p', { class: 'hint search-syntax' }, QUERY_SYNTAX),
      el('div', { class: 'search-summary' }, this.summary, this.tagAll),
      el('div', { class: 'kwic-scroll' }, this.table),
    )
  }

  focus(): void {
    this.input.focus()
  }

  private async run(): Promise<void> {
    if (!this.input.value.trim()) return
    const { hits, truncated } = await this.api.search({ query: this.input.value })
    this.hits = hits
    this.tagAll.hidden = hits.length === 0
    this.summary.textContent = hits.length
      ? `${hits.length}${truncated ? '+' : ''} hit${hits.length === 1 ? '' : 's'} in ${new Set(hits.map((h) => h.docId)).size} document(s)`
      : `No hits. Try a word's stem with *, e.g. ${/^\S+$/.test(this.input.value.trim()) ? this.input.value.trim().slice(0, 5) + '*' : 'innovat*'}.`
    this.render()
  }

  private render(): void {
    const docs = new Map((this.project?.documents ?? []).map((d) => [d.id, d]))
    const names = documentNames(this.project?.documents ?? [])
    const sorted = sortHits(this.hits, this.order.value as Order, [...docs.keys()])
    this.table.replaceChildren(
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          el('th', { class: 'left' }, 'Left context'),
          el('th', {}, 'Match'),
          el('th', {}, 'Right context'),
          el('th', {}, 'Document'),
        ),
      ),
      el(
        'tbody',
        {},
        ...sorted.map((h) =>
          el(
            'tr',
            { 'data-hit': String(this.hits.indexOf(h)), tabindex: '0', title: 'Open in the reader' },
            el('td', { class: 'left' }, el('bdi', { dir: 'ltr' }, h.left)),
            el('td', { class: 'match' }, h.match),
            el('td', { class: 'right' }, h.right),
            el('td', { class: 'doc' }, names.get(h.docId) ?? h.docId),
          ),
        ),
      ),
    )
  }
}
