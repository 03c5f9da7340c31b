import type { OverlapsView, ProjectView } from '../../main/core/contract/api.js'
import { el } from '../shared/dom.js'

// The overlap matrix: documents by documents, each cell the share of the row document's text
// that it has in common with the column document, with the number of shared passages. Drawn as
// an SVG picture; clicking (or Enter on) a cell opens that pair side by side.

const SVG_NS = 'http://www.w3.org/2000/svg'
const CELL = 46
const LABEL = 92

export interface MatrixCell {
  share: number
  count: number
}

/** Share of each document's text (code points) covered by passages shared with each other one. */
export function overlapMatrix(view: OverlapsView, ids: readonly string[]): MatrixCell[][] {
  return ids.map((a) =>
    ids.map((b) => {
      if (a === b) return { share: 0, count: 0 }
      const spans: [number, number][] = []
      let count = 0
      for (const o of view.overlaps) {
        if (!o.passages.some((p) => p.doc === b)) continue
        const mine = o.passages.filter((p) => p.doc === a)
        if (mine.length) count++
        for (const p of mine) spans.push([p.start, p.end])
      }
      spans.sort((x, y) => x[0] - y[0])
      let covered = 0
      let end = -1
      for (const [s, e] of spans) {
        if (e <= end) continue
        covered += e - Math.max(s, end)
        end = e
      }
      return { share: covered / Math.max(1, view.lengths[a] ?? 1), count }
    }),
  )
}

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, tag)
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v))
  return node
}

export class OverlapMatrix {
  readonly dom: HTMLElement
  private readonly picture = el('div', { class: 'matrix' })

  constructor(private readonly onOpenPair: (a: string, b: string) => void) {
    this.dom = el(
      'section',
      { class: 'side-section', 'aria-label': 'Overlap matrix' },
      el(
        'p',
        { class: 'hint' },
        'Share of each row’s text found in the column’s document, with the number of shared passages. Click a cell to compare the pair.',
      ),
      this.picture,
    )
  }

  render(project: ProjectView | null, view: OverlapsView | null): void {
    if (!project || !view) {
      this.picture.replaceChildren()
      return
    }
    const docs = project.documents.filter((d) => view.lengths[d.id] !== undefined)
    const ids = docs.map((d) => d.id)
    const cells = overlapMatrix(view, ids)
    const max = Math.max(0.0001, ...cells.flat().map((c) => c.share))
    const size = LABEL + CELL * ids.length
    // Room on the right for the last column's slanted label.
    const width = size + LABEL / 2
    const root = svg('svg', { width, height: size, viewBox: `0 0 ${width} ${size}`, role: 'img', 'aria-label': 'Overlap matrix' })
    const short = (i: number) => {
      const d = docs[i]
      const name = d.author || d.outlet.split(/[(,]/)[0].trim() || d.title
      return name.length > 13 ? name.slice(0, 12) + '…' : name
    }
    docs.forEach((_, i) => {
      const row = svg('text', { x: LABEL - 6, y: LABEL + CELL * i + CELL / 2 + 4, 'text-anchor': 'end', class: 'matrix-label' })
      row.textContent = short(i)
      const col = svg('text', {
        x: 0,
        y: 0,
        transform: `translate(${LABEL + CELL * i + CELL / 2 + 4}, ${LABEL - 6}) rotate(-50)`,
        class: 'matrix-label',
      })
      col.textContent = short(i)
      root.append(row, col)
    })
    cells.forEach((row, i) =>
      row.forEach((c, j) => {
        const g = svg('g', {
          class: i === j ? 'matrix-cell self' : 'matrix-cell',
          'data-a': ids[i],
          'data-b': ids[j],
          tabindex: i === j ? -1 : 0,
          role: i === j ? 'presentation' : 'button',
        })
        if (i !== j)
          g.setAttribute('aria-label', `${docs[i].title} and ${docs[j].title}: ${(100 * c.share).toFixed(1)}% shared, ${c.count} passages`)
        const rect = svg('rect', { x: LABEL + CELL * j + 1, y: LABEL + CELL * i + 1, width: CELL - 2, height: CELL - 2, rx: 4 })
        rect.style.setProperty('--strength', String(i === j ? 0 : c.share / max))
        g.append(rect)
        if (i !== j) {
          const pct = svg('text', {
            x: LABEL + CELL * j + CELL / 2,
            y: LABEL + CELL * i + CELL / 2,
            'text-anchor': 'middle',
            class: 'matrix-value',
          })
          pct.textContent = c.share ? `${(100 * c.share).toFixed(c.share < 0.1 ? 1 : 0)}%` : '–'
          const n = svg('text', {
            x: LABEL + CELL * j + CELL / 2,
            y: LABEL + CELL * i + CELL / 2 + 13,
            'text-anchor': 'middle',
            class: 'matrix-count',
          })
          n.textContent = c.count ? `${c.count}×` : ''
          g.append(pct, n)
        }
        root.append(g)
      }),
    )
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
    this.picture.replaceChildren(root)
  }
}
