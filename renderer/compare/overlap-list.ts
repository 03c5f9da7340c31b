import type { Overlap } from '../../main/core/engine/overlaps.js'
import { el, select } from '../shared/dom.js'
import type { State, StateSource } from '../state/store.js'
import { filterOverlaps } from './overlap-filter.js'

// The ranked overlap list, best first, with filters (kind, minimum score, document, text) and
// next/previous keys as diff tools have (N / P, or Alt+↓ / Alt+↑, anywhere in the compare view).

export class OverlapList {
  readonly dom: HTMLElement
  private readonly list = el('ul', { class: 'overlap-list', role: 'listbox', 'aria-label': 'Shared passages, best first', tabindex: '0' })
  private readonly kind = select({ 'aria-label': 'Kind' }, [
    ['', 'All kinds'],
    ['verbatim', 'Verbatim'],
    ['variant', 'Variant'],
    ['paraphrase', 'Paraphrase'],
  ])
  private readonly minScore = el('input', {
    type: 'number',
    min: '0',
    step: '0.5',
    value: '0',
    'aria-label': 'Minimum score',
    title: 'Minimum score',
  })
  private readonly doc = el('select', { 'aria-label': 'Document' })
  private readonly text = el('input', { type: 'search', placeholder: 'Text…', 'aria-label': 'Filter by text' })
  private readonly summary = el('p', { class: 'passages-summary', role: 'status' })
  /** The overlaps the filters keep, as last drawn (what N and P step through). */
  private shown: Overlap[] = []

  constructor(
    private readonly onSelect: (id: string) => void,
    private readonly store: StateSource,
  ) {
    this.dom = el(
      'section',
      { class: 'side-section', 'aria-label': 'Overlaps' },
      el('div', { class: 'filters compact' }, this.kind, this.minScore, this.doc, this.text),
      this.summary,
      this.list,
    )
    for (const input of [this.kind, this.minScore, this.doc, this.text]) input.addEventListener('input', () => this.render())
    this.list.addEventListener('click', (e) => {
      const id = (e.target as HTMLElement).closest<HTMLElement>('[data-overlap]')?.dataset.overlap
      if (id) this.onSelect(id)
    })
    this.list.addEventListener('keydown', (e) => {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault()
        this.step(e.key === 'ArrowDown' ? 1 : -1)
      }
    })
  }

  /** Redraws what changed between two states. */
  update(state: State, previous: State): void {
    if (state.project !== previous.project && state.project) this.fillDocuments(state.project.documents)
    if (state.overlaps !== previous.overlaps || state.project !== previous.project) this.render()
    else if (state.selectedOverlap !== previous.selectedOverlap) this.showSelected()
  }

  private fillDocuments(documents: readonly { id: string; title: string }[]): void {
    const value = this.doc.value
    this.doc.replaceChildren(el('option', { value: '' }, 'All documents'), ...documents.map((d) => el('option', { value: d.id }, d.title)))
    this.doc.value = documents.some((d) => d.id === value) ? value : ''
  }

  private showSelected(): void {
    const id = this.store.state.selectedOverlap
    for (const item of this.list.querySelectorAll<HTMLElement>('[data-overlap]')) {
      const on = item.dataset.overlap === id
      item.setAttribute('aria-selected', String(on))
      if (on) {
        item.scrollIntoView({ block: 'nearest' })
        this.list.setAttribute('aria-activedescendant', item.id)
      }
    }
  }

  /** Selects the next (1) or previous (-1) overlap of the filtered list. */
  step(by: 1 | -1): void {
    if (!this.shown.length) return
    const i = this.shown.findIndex((o) => o.id === this.store.state.selectedOverlap)
    const next = i < 0 ? (by > 0 ? 0 : this.shown.length - 1) : Math.max(0, Math.min(this.shown.length - 1, i + by))
    this.onSelect(this.shown[next].id)
  }

  private render(): void {
    const { project, overlaps: view, selectedOverlap } = this.store.state
    const titles = new Map((project?.documents ?? []).map((d) => [d.id, d.author || d.outlet || d.title]))
    this.shown = filterOverlaps(view?.overlaps ?? [], {
      kind: this.kind.value,
      minScore: Number(this.minScore.value) || 0,
      doc: this.doc.value,
      text: this.text.value,
    })
    this.summary.textContent = view ? `${this.shown.length} of ${view.overlaps.length} shared passages` : ''
    this.list.replaceChildren(
      ...this.shown.map((o, i) =>
        el(
          'li',
          {
            role: 'option',
            id: `overlap-${o.id}`,
            'data-overlap': o.id,
            class: `overlap-item kind-${o.kind}`,
            'aria-selected': String(o.id === selectedOverlap),
          },
          el(
            'div',
            { class: 'overlap-head' },
            el('span', { class: `kind-badge kind-${o.kind}` }, o.kind),
            el('span', { class: 'rank' }, `#${i + 1}`),
            el('span', { class: 'score', title: 'Rarity-weighted shared words × similarity' }, o.score.toFixed(1)),
          ),
          el(
            'p',
            { class: 'overlap-snippet' },
            o.passages[0].text.length > 160 ? o.passages[0].text.slice(0, 160) + '…' : o.passages[0].text,
          ),
          el('p', { class: 'overlap-docs' }, [...new Set(o.passages.map((p) => titles.get(p.doc) ?? p.doc))].join(' · ')),
        ),
      ),
    )
    this.showSelected()
  }
}
