import type { OverlapsView, ProjectView } from '../../main/core/contract/api.js'
import { el, select } from '../shared/dom.js'
import { SOURCE_LABELS } from './overlap-filter.js'
import { matrixLayout, ROW_LABEL } from './matrix-layout.js'

// The overlap matrix: documents by documents, each cell the share of the row document's text
// that it has in common with the column document, with the number of shared passages. Drawn as
// an SVG picture (values and layout: matrix-layout.ts) beside a column of row labels that stays
// in view when the picture scrolls sideways (a tester read "emergenc…" and "ng Yundong", the
// labels scrolled half out of the side panel); clicking (or Enter on) a cell opens that pair
// side by side.

const SVG_NS = 'http://www.w3.org/2000/svg'
function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, tag)
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v))
  return node
}

export class OverlapMatrix {
  readonly dom: HTMLElement
  private readonly picture = el('div', { class: 'matrix' })
  /** Which source's overlaps the matrix counts ('' for all). */
  private readonly source = select({ 'aria-label': 'Source' }, [['', 'All sources'], ...Object.entries(SOURCE_LABELS)])
  private last: [ProjectView | null, OverlapsView | null] = [null, null]

  constructor(private readonly onOpenPair: (a: string, b: string) => void) {
    this.dom = el(
      'section',
      { class: 'side-section', 'aria-label': 'Overlap matrix' },
      el(
        'p',
        { class: 'hint' },
        'Share of each row’s text found in the column’s document, with the number of shared passages. Click a cell to compare the pair.',
      ),
      el('div', { class: 'filters compact' }, this.source),
      this.picture,
    )
    this.source.addEventListener('input', () => this.render(...this.last))
  }

  render(project: ProjectView | null, all: OverlapsView | null): void {
    this.last = [project, all]
    if (!project || !all) {
      this.picture.replaceChildren()
      return
    }
    const source = this.source.value
    const view = source ? { ...all, overlaps: all.overlaps.filter((o) => o.source === source) } : all
    const layout = matrixLayout(project.documents, view)
    // The row labels: HTML, so that a name wraps onto two lines and is cut where the browser
    // measures it, not at a guessed number of characters; the full title on hover.
    // (Sizes set through the CSSOM: the page's CSP refuses style attributes.)
    const rows = el('div', { class: 'matrix-rows' })
    rows.style.width = `${ROW_LABEL}px`
    rows.style.paddingTop = `${layout.labels[0]?.row.y ?? 0}px`
    for (const label of layout.labels) {
      const row = el('div', { class: 'matrix-row-label', title: label.title }, el('span', {}, label.name))
      row.style.height = `${label.row.height}px`
      rows.append(row)
    }
    const root = svg('svg', {
      width: layout.width,
      height: layout.height,
      viewBox: `0 0 ${layout.width} ${layout.height}`,
      role: 'img',
      'aria-label': 'Overlap matrix',
    })
    for (const label of layout.labels) {
      // Written upwards: a slanted label of the last column needed room past the panel's edge.
      const col = svg('text', {
        x: 0,
        y: 0,
        transform: `translate(${label.column.x}, ${label.column.y}) rotate(-90)`,
        class: 'matrix-label',
      })
      col.textContent = label.text
      // The full title on hover: an SVG tooltip is a title child of the hovered element's group.
      const title = svg('title', {})
      title.textContent = label.title
      const group = svg('g', { class: 'matrix-labels' })
      group.append(title, col)
      root.append(group)
    }
    for (const c of layout.cells) {
      const g = svg('g', {
        class: c.self ? 'matrix-cell self' : 'matrix-cell',
        'data-a': c.a,
        'data-b': c.b,
        tabindex: c.self ? -1 : 0,
        role: c.self ? 'presentation' : 'button',
      })
      if (c.label) g.setAttribute('aria-label', c.label)
      const rect = svg('rect', { x: c.x + 1, y: c.y + 1, width: c.size - 2, height: c.size - 2, rx: 4 })
      rect.style.setProperty('--strength', String(c.strength))
      g.append(rect)
      if (!c.self) {
        const pct = svg('text', { x: c.x + c.size / 2, y: c.y + c.size / 2, 'text-anchor': 'middle', class: 'matrix-value' })
        pct.textContent = c.value
        const n = svg('text', { x: c.x + c.size / 2, y: c.y + c.size / 2 + 13, 'text-anchor': 'middle', class: 'matrix-count' })
        n.textContent = c.count
        g.append(pct, n)
      }
      root.append(g)
    }
    const open = (target: EventTarget | null) => {
      const g = (target as Element | null)?.closest?.('.matrix-cell:not(.self)') as SVGGElement | null
      if (g) this.onOpenPair(g.dataset.a!, g.dataset.b!)
    }
    root.addEventListener('click', (e) => open(e.target))
    root.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault()
        open(e.target)
      }
    })
    this.picture.replaceChildren(el('div', { class: 'matrix-grid' }, rows, root))
  }
}
