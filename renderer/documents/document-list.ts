import type { DocumentSummary } from '../../main/core/contract/api.js'
import { el } from '../shared/dom.js'
import { byline } from '../compare/reader.js'
import { documentNames } from '../shared/document-names.js'

// The project's documents as a keyboard-navigable list box: arrows and Home/End move, Enter or
// Space (or a click) opens.

/** The start of a memo on one line, for a tooltip (the details show it whole). */
function memoGlimpse(memo: string, max = 160): string {
  const line = memo.replace(/\s+/g, ' ').trim()
  return line.length > max ? `${line.slice(0, max - 1)}…` : line
}

export class DocumentList {
  readonly dom: HTMLElement
  private readonly list: HTMLElement
  private documents: readonly DocumentSummary[] = []
  private selected: string | null = null

  constructor(private readonly onOpen: (id: string) => void) {
    this.list = el('ul', { class: 'doc-list', role: 'listbox', 'aria-label': 'Documents', tabindex: '0' })
    this.dom = el('nav', { class: 'doc-nav', 'aria-label': 'Project documents' }, this.list)
    this.list.addEventListener('keydown', (e) => this.key(e))
    this.list.addEventListener('click', (e) => {
      const item = (e.target as HTMLElement).closest<HTMLElement>('[data-id]')
      if (item?.dataset.id) this.open(item.dataset.id)
    })
  }

  render(documents: readonly DocumentSummary[], selected: string | null): void {
    this.documents = documents
    this.selected = selected
    const names = documentNames(documents)
    this.list.replaceChildren(
      ...documents.map((d) =>
        el(
          'li',
          { class: 'doc-item', role: 'option', id: `doc-${d.id}`, 'data-id': d.id, 'aria-selected': String(d.id === selected) },
          el('span', { class: 'doc-title' }, names.get(d.id) ?? d.title),
          el('span', { class: 'doc-byline' }, byline(d) || '—'),
          d.annotationCount
            ? el(
                'span',
                { class: 'doc-count', title: 'Annotations' },
                `${d.annotationCount} annotation${d.annotationCount === 1 ? '' : 's'}`,
              )
            : null,
          d.memo?.trim()
            ? el('span', { class: 'doc-memo-mark', title: `Memo: ${memoGlimpse(d.memo)}`, 'aria-label': 'has a memo' }, '✎ memo')
            : null,
          d.available ? null : el('span', { class: 'doc-missing' }, 'file missing'),
        ),
      ),
    )
    if (selected) this.list.setAttribute('aria-activedescendant', `doc-${selected}`)
  }

  private open(id: string): void {
    this.selected = id
    this.onOpen(id)
  }

  private key(e: KeyboardEvent): void {
    if (this.documents.length === 0) return
    const index = this.documents.findIndex((d) => d.id === this.selected)
    const move: Record<string, number> = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: this.documents.length - 1 }
    if (e.key in move) {
      e.preventDefault()
      const next = Math.max(0, Math.min(this.documents.length - 1, move[e.key]))
      this.open(this.documents[next].id)
    } else if ((e.key === 'Enter' || e.key === ' ') && index >= 0) {
      e.preventDefault()
      this.open(this.documents[index].id)
    }
  }
}
