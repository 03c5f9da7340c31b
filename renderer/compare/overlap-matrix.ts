import type { OverlapsView } from '../../main/core/contract/api.js'
import { el, select } from '../shared/dom.js'
import type { StateSource } from '../state/store.js'
import { asksSource, filterFor, type OverlapFilterChoice, SOURCE_LABELS } from './overlap-filter.js'
import { matrixLayout, type MatrixLayout, ROW_LABEL } from './matrix-layout.js'
import { MATRIX_MAX_DOCUMENTS, sharedPairs, type SharedPairs } from './matrix-pairs.js'
import { documentNames, type Named } from '../shared/document-names.js'

// The overlap matrix: documents by documents, each cell the share of the row document's text
// that it has in common with the column document, with the number of shared passages. Drawn as
// an SVG picture (values and layout: matrix-layout.ts) beside a column of row labels that stays
// in view when the picture scrolls sideways (a tester read "emergenc…" and "ng Yundong", the
// labels scrolled half out of the side panel); clicking (or Enter on) a cell opens that pair
// side by side. Past MATRIX_MAX_DOCUMENTS documents it shows those of the pairs that share most,
// or a document chosen and those that share most with it, and says how many of how many it shows.
// Built only when its tab is shown (main.ts calls draw then, and when the state changes while it
// is shown): hidden at 200 documents it held 160,000 of the page's 173,000 elements, and took 23 s
// to build at every analysis.
// It counts the overlaps the list's source filter and its hides leave (the store's overlapFilter,
// one choice for both views, its source set from either): at 200 Debian copyright files its
// closest pairs were the copies of one licence and the groups of duplicate documents, which the
// list beside it hid (a tester).

const SVG_NS = 'http://www.w3.org/2000/svg'
function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, tag)
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v))
  return node
}

export class OverlapMatrix {
  readonly dom: HTMLElement
  private readonly picture = el('div', { class: 'matrix' })
  /** Which source's overlaps the matrix counts ('' for all): the store's overlapFilter.source, shown. */
  private readonly source = select({ 'aria-label': 'Source' }, [['', 'All sources'], ...Object.entries(SOURCE_LABELS)])
  /** Past MATRIX_MAX_DOCUMENTS: which documents to show ('' for those of the closest pairs). */
  private readonly focus = el('select', { 'aria-label': 'Documents shown', class: 'matrix-focus', hidden: true })
  /** How many documents the matrix shows of how many, and why those. */
  private readonly note = el('p', { class: 'hint matrix-note', role: 'status', hidden: true })
  /** Which overlaps the list's hides leave out of the counts, if any. */
  private readonly hides = el('p', { class: 'hint matrix-hides', hidden: true })
  /** What was last drawn from (identities), so that a draw with nothing changed does nothing. */
  private drawn: { project: unknown; overlaps: unknown; filter: unknown; focus: string } | null = null
  /** The pairs' figures of the overlaps counted, kept while those are (a new focus reads them again). */
  private pairs: { of: OverlapsView; counted: string; pairs: SharedPairs; view: OverlapsView } | null = null

  constructor(
    private readonly store: StateSource,
    private readonly onOpenPair: (a: string, b: string) => void,
    /** The reader chose a source here: the store's overlapFilter is to take it (the list shows it too). */
    private readonly onFilter: (change: Partial<OverlapFilterChoice>) => void,
  ) {
    this.dom = el(
      'section',
      { class: 'side-section', 'aria-label': 'Overlap matrix' },
      el(
        'p',
        { class: 'hint' },
        'Share of each row’s text found in the column’s document, with the number of shared passages. Click a cell to compare the pair.',
      ),
      el('div', { class: 'filters compact' }, this.source, this.focus),
      this.hides,
      this.note,
      this.picture,
    )
    this.source.addEventListener('input', () => this.onFilter({ source: this.source.value }))
    this.focus.addEventListener('input', () => this.draw())
    const open = (target: EventTarget | null) => {
      const g = (target as Element | null)?.closest?.('.matrix-cell:not(.self)') as SVGGElement | null
      if (g) this.onOpenPair(g.dataset.a!, g.dataset.b!)
    }
    this.picture.addEventListener('click', (e) => {
      // A row's label centres the matrix on its document (when not all are shown).
      const row = (e.target as Element).closest<HTMLElement>('.matrix-row-label[data-doc]')
      if (row && !this.focus.hidden) {
        this.focus.value = row.dataset.doc!
        this.draw()
      } else open(e.target)
    })
    this.picture.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault()
        open(e.target)
      }
    })
  }

  /** Draws the matrix from the state, if anything it shows changed since it was last drawn. */
  draw(): void {
    const { project, overlaps: all, overlapFilter } = this.store.state
    const inputs = { project, overlaps: all, filter: overlapFilter, focus: this.focus.value }
    const last = this.drawn
    if (last && (Object.keys(inputs) as (keyof typeof inputs)[]).every((k) => inputs[k] === last[k])) return
    this.drawn = inputs
    if (!project || !all) {
      this.picture.replaceChildren()
      return
    }
    // The list's source and hides, as the list reads them (filterFor: a hide not chosen is its
    // default rule's for these overlaps).
    const { source, hideBoilerplate, hideDuplicates } = filterFor(overlapFilter, all.overlaps)
    this.source.value = source ?? ''
    this.source.hidden = !asksSource(source, all.overlaps)
    const counted = `${source ?? ''} ${hideBoilerplate} ${hideDuplicates}`
    if (this.pairs?.of !== all || this.pairs.counted !== counted) {
      const kept = all.overlaps.filter(
        (o) => (!source || o.source === source) && !(hideBoilerplate && o.boilerplate) && !(hideDuplicates && o.duplicate),
      )
      const view = kept.length === all.overlaps.length ? all : { ...all, overlaps: kept }
      this.pairs = { of: all, counted, view, pairs: sharedPairs(view) }
    }
    const { view, pairs } = this.pairs
    this.hides.textContent = hidden(all.overlaps, !!hideBoilerplate, !!hideDuplicates)
    this.hides.hidden = !this.hides.textContent
    const analysed = project.documents.filter((d) => view.lengths[d.id] !== undefined)
    this.fillFocus(analysed, pairs)
    const layout = matrixLayout(project.documents, view, pairs, this.focus.value || null)
    this.sayShown(layout)
    this.picture.replaceChildren(this.grid(layout))
  }

  /**
   * The choice of documents, past MATRIX_MAX_DOCUMENTS: the closest pairs, or one document (those
   * that share text with any other, by title) and the documents that share most with it.
   */
  private fillFocus(analysed: readonly Named[], pairs: SharedPairs): void {
    const many = analysed.length > MATRIX_MAX_DOCUMENTS
    this.focus.hidden = !many
    if (!many) {
      this.focus.replaceChildren()
      return
    }
    const value = this.focus.value
    const names = documentNames(analysed)
    const name = (d: Named) => names.get(d.id) ?? d.title
    const sharing = analysed.filter((d) => pairs.partnerCount(d.id) > 0).sort((a, b) => name(a).localeCompare(name(b)))
    this.focus.replaceChildren(
      el('option', { value: '' }, `The closest pairs (${MATRIX_MAX_DOCUMENTS} documents)`),
      ...sharing.map((d) => el('option', { value: d.id }, `${name(d)} and its closest`)),
    )
    this.focus.value = sharing.some((d) => d.id === value) ? value : ''
  }

  /** Says how many documents the matrix shows, of how many, when not all. */
  private sayShown(layout: MatrixLayout): void {
    const shown = layout.labels.length
    this.note.hidden = shown >= layout.analysed
    if (this.note.hidden) return
    const of = `${shown} of ${layout.analysed} documents`
    const focus = layout.labels.find((l) => l.id === layout.focus)
    this.note.textContent = focus
      ? `Showing ${of}: “${focus.name}” and the ${shown - 1} that share most with it.`
      : `Showing ${of}: those of the pairs that share the most text. Choose a document above, or click a row’s name, for those closest to it.`
  }

  /** The grid: row labels beside an SVG picture of the column labels and the cells. */
  private grid(layout: MatrixLayout): HTMLElement {
    // The row labels: HTML, so that a name wraps onto two lines and is cut where the browser
    // measures it, not at a guessed number of characters; the full title on hover.
    // (Sizes set through the CSSOM: the page's CSP refuses style attributes.)
    const rows = el('div', { class: 'matrix-rows' })
    rows.style.width = `${ROW_LABEL}px`
    rows.style.paddingTop = `${layout.labels[0]?.row.y ?? 0}px`
    const many = !this.focus.hidden
    for (const label of layout.labels) {
      const row = el(
        'div',
        { class: 'matrix-row-label', title: many ? `${label.title}: show the documents that share most with it` : label.title },
        el('span', {}, label.name),
      )
      if (many) row.dataset.doc = label.id
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
    return el('div', { class: 'matrix-grid' }, rows, root)
  }
}

/**
 * What the list's hides leave out of the matrix's counts ("Boilerplate not counted, as in the
 * list."); empty where they leave out nothing.
 */
function hidden(overlaps: readonly { boilerplate?: boolean; duplicate?: boolean }[], boilerplate: boolean, duplicates: boolean): string {
  const out = [
    boilerplate && overlaps.some((o) => o.boilerplate) ? 'boilerplate' : '',
    duplicates && overlaps.some((o) => o.duplicate) ? 'duplicate documents' : '',
  ].filter(Boolean)
  if (!out.length) return ''
  const what = out.join(' and ')
  return `${what[0].toUpperCase()}${what.slice(1)} not counted, as in the list.`
}
