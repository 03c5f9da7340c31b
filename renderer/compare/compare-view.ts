import type { Overlap, OverlapPassage } from '../../main/core/engine/overlaps.js'
import { type Aligned, alignedDefinitions, definitionHeat, definitionOverlays, type PassageSpan } from '../definitions/definition-marks.js'
import { el } from '../shared/dom.js'
import type { State, StateSource } from '../state/store.js'
import { type Overlay, type Place, Reader, type ReaderEvents, type Span } from './reader.js'
import { follow, interpolate, monotonic, nearby, strength } from './scroll-sync.js'
import { drawMargin, layoutStripes, type Stripe } from './margin.js'
import type { AnnotationSpan } from '../../main/core/contract/api.js'
import type { Tag } from '../../main/core/annotations/codebook.js'
import { compareLegend } from './legend.js'
import { variantOverlays } from './variant-overlays.js'
import { KIND_LABELS } from '../../main/core/engine/kinds.js'
import { type HeatPassage, heatMarks } from './heat-strip.js'
import { pairPanes } from './pair-panes.js'
import { documentsToShow, DUPLICATE_PANES, overlapPanes } from './overlap-panes.js'
import { documentNames } from '../shared/document-names.js'

// The compare view: 2 to 5 documents side by side, each in a read-only ProseMirror pane, with the
// passages they share drawn over the text (coloured by kind, stronger for higher scores), linked
// by connectors, aligned on selection and (optionally) scrolled together by alignment anchors.
// Beside each pane's scrollbar, a heat strip shows where its shared text lies. The definitions of
// the term the Definitions view shows are a layer of their own (toggled, remembered); a facet or
// definition chosen there is lined up and joined exactly as a selected overlap is.

export const MIN_PANES = 2
/** Where the margin's on/off choice is remembered (on unless turned off). */
const MARGIN_KEY = 'parallax.margin'
/** Where the definitions layer's on/off choice is remembered (on unless turned off). */
const DEFINITIONS_KEY = 'parallax.definitions'
export const MAX_PANES = 5
/** Where a selected passage is placed in its pane, as a share of the pane's height from the top. */
const ALIGN_AT = 0.3
const SVG_NS = 'http://www.w3.org/2000/svg'
/**
 * How long after this view scrolls a pane a scroll event at the position it set is taken as its own.
 * A scroll event at any other position is the user's at once (and ends the wait), so this only
 * bounds how late the event of the view's own scroll may come: long, because a busy page can
 * deliver it several frames late, and a late one taken for the user's would scroll the other panes.
 */
const PROGRAMMATIC_SCROLL_MS = 1000

/**
 * How long after a selection the panes are held at its passages (ms). A pane's paragraphs far from
 * its screen are not laid out (styles.css: content-visibility), their height a guess until they
 * come near it, so a passage scrolled to from afar moves as the text around it is laid out, by
 * hundreds of pixels in a text of many short lines (a changelog), and the browser's scroll
 * anchoring moves the pane while it does, which read as the reader's own scrolling moved the
 * other panes away from the passage too (22 of 74 panes showed none of it, 12 changelogs at
 * 1024x700). So every frame for this long measures again where the text now is and scrolls there,
 * and the panes' scrolling is not passed on. The reader's own wheel, key, touch or pointer ends it.
 */
const ALIGN_MS = 600

export interface Pane {
  /** The document this pane is to show (its reader shows it once its text is in the state). */
  docId: string | null
  /**
   * Whether the reader picked that document in this pane (its list, "+ Pane", a document opened),
   * not the app for an overlap chosen: choosing another overlap keeps it while there is room
   * (overlap-panes.ts).
   */
  chosen: boolean
  reader: Reader
  dom: HTMLElement
  picker: HTMLSelectElement
  heat: HTMLElement
  /** Its toolbar's buttons: swap with the pane on the left, on the right, close (layout says when each can act). */
  left: HTMLButtonElement
  right: HTMLButtonElement
  close: HTMLButtonElement
  /** What watches its size (the margin's stripes, its place kept): let go when it closes. */
  watchers: ResizeObserver[]
}

export interface CompareHooks {
  /** Key and click handling for a pane's reader (annotating lives in main.ts). */
  readerEvents(pane: () => Pane): ReaderEvents
  /** Brings a document's text and annotation spans into the state. */
  load(docId: string): Promise<void>
  /** The user chose an overlap (in a pane, the list, a heat strip). */
  onSelect(id: string | null): void
  /** The user chose a definition in a pane or a heat strip (`definition:<index>`). */
  onSelectDefinition(id: string): void
  /** Another pane became the active one (it receives opened documents and annotation keys). */
  onFocus(pane: Pane): void
  /** The user chose what the panes show: a pane's document picked, a pane added or closed. */
  onChoose(): void
}

/**
 * The narrowest a pane gets (px): below it a line holds too few words to read. More panes than fit
 * scroll sideways instead of shrinking further.
 */
export const MIN_PANE_WIDTH = 240
/** The width of the divider between two panes (px; the panes' grid columns). */
const SPLITTER_WIDTH = 6

/**
 * The document to open next beside `shown`: the one sharing the most text (summed passage lengths)
 * with the documents already shown; else the first one not shown; null when all are shown.
 */
export function nextDocument(
  documents: readonly string[],
  shown: readonly string[],
  overlaps: readonly { passages: readonly { doc: string; start: number; end: number }[] }[],
): string | null {
  const open = new Set(shown)
  const shared = new Map<string, number>()
  for (const o of overlaps) {
    if (!o.passages.some((p) => open.has(p.doc))) continue
    for (const p of o.passages) if (!open.has(p.doc)) shared.set(p.doc, (shared.get(p.doc) ?? 0) + (p.end - p.start))
  }
  const candidates = documents.filter((d) => !open.has(d))
  if (!candidates.length) return null
  return candidates.reduce((best, d) => ((shared.get(d) ?? 0) > (shared.get(best) ?? 0) ? d : best), candidates[0])
}

export class CompareView {
  readonly dom: HTMLElement
  /** The toolbar above the panes (the page adds its own controls to it). */
  readonly toolbar: HTMLElement
  readonly panes: Pane[] = []
  /**
   * The panes. Busy (aria-busy) until the app has chosen what they show first (settled): the
   * documents they open on may still change.
   */
  private readonly row = el('div', { class: 'panes', 'aria-busy': 'true' })
  private readonly svg = document.createElementNS(SVG_NS, 'svg')
  private readonly syncToggle = el('input', { type: 'checkbox', checked: true })
  private readonly marginToggle = el('input', { type: 'checkbox', class: 'margin-toggle' })
  private readonly definitionsToggle = el('input', { type: 'checkbox', class: 'definitions-toggle' })
  private active = 0
  /** The passages two documents share, by document pair (`a|b`), sorted by their start in a. */
  private pairCache = new Map<string, { starts: number[]; pairs: [OverlapPassage, OverlapPassage][] }>()
  /** Where and when (performance.now()) this view last scrolled each pane body, until the user scrolls it. */
  private programmatic = new Map<HTMLElement, { at: number; top: number }>()
  /** Each pane body's scrollTop at its last scroll event or scroll by this view: where a scroll of the reader's starts. */
  private lastTop = new WeakMap<HTMLElement, number>()
  private frame = 0
  /** The next frame of a selection's lining up (align), and until when (performance.now()) it goes on. */
  private alignFrame = 0
  private alignUntil = 0
  /**
   * What each pane is held at until alignUntil, measured again every frame (see ALIGN_MS): the
   * selected passage in its document, or the place it showed before the panes changed (see keep).
   */
  private held = new Map<Pane, Place | 'selection'>()
  /**
   * Each pane's place at its last scroll event, and the pane's width then: kept when the pane is
   * resized (see keep). Not measured again until the resize is seen: the browser's scroll
   * anchoring moves a pane as its text reflows, and its scroll event can come before the resize's.
   */
  private places = new WeakMap<Pane, Place & { width: number }>()
  /** Variant word marks of the selected overlap, by document (derived from the state, kept for its overlap). */
  private variantMarks: { overlap: Overlap | null; marks: Map<string, Overlay[]> } = { overlap: null, marks: new Map() }
  /** Margin stripes laid out per annotation list (the state's, by identity) and the tags they were coloured with. */
  private stripes = new WeakMap<readonly AnnotationSpan[], { tags: readonly Tag[]; length: number; stripes: Stripe[] }>()
  /** Panes whose margin is drawn before the next frame (see drawMargin). */
  private readonly marginsDue = new Set<Pane>()
  /** "+ Pane" (disabled at MAX_PANES: see layout). */
  private readonly addButton = el('button', { type: 'button', class: 'add-pane' }, '+ Pane')

  constructor(
    private readonly hooks: CompareHooks,
    private readonly store: StateSource,
  ) {
    this.svg.setAttribute('class', 'connectors')
    this.svg.setAttribute('aria-hidden', 'true')
    const add = this.addButton
    add.addEventListener('click', () => {
      this.hooks.onChoose()
      void this.addNextPane()
    })
    this.toolbar = el(
      'div',
      { class: 'compare-toolbar' },
      el(
        'label',
        { class: 'check', title: 'Scroll the panes together, aligned on their shared passages' },
        this.syncToggle,
        'Synchronised scrolling',
      ),
      el('label', { class: 'check', title: 'Coding stripes and note markers beside the text (remembered)' }, this.marginToggle, 'Margin'),
      el(
        'label',
        { class: 'check', title: 'Mark the definitions of the term the Definitions view shows (remembered)' },
        this.definitionsToggle,
        'Definitions',
      ),
      add,
      compareLegend(),
    )
    const area = el('div', { class: 'panes-area' }, this.row, this.svg)
    // More panes than fit scroll sideways: the connectors follow.
    area.addEventListener('scroll', () => this.redraw(), { passive: true })
    this.dom = el('div', { class: 'compare' }, this.toolbar, area)
    const showMargin = (on: boolean) => {
      this.marginToggle.checked = on
      this.dom.classList.toggle('with-margin', on)
    }
    showMargin(localStorage.getItem(MARGIN_KEY) !== '0')
    this.marginToggle.addEventListener('change', () => {
      localStorage.setItem(MARGIN_KEY, this.marginToggle.checked ? '1' : '0')
      showMargin(this.marginToggle.checked)
      for (const pane of this.panes) this.drawMargin(pane)
    })
    const showDefinitions = (on: boolean) => {
      this.definitionsToggle.checked = on
      this.dom.classList.toggle('with-definitions', on)
    }
    showDefinitions(localStorage.getItem(DEFINITIONS_KEY) !== '0')
    this.definitionsToggle.addEventListener('change', () => {
      localStorage.setItem(DEFINITIONS_KEY, this.definitionsToggle.checked ? '1' : '0')
      showDefinitions(this.definitionsToggle.checked)
      for (const pane of this.panes) this.paintDefinitions(pane)
    })
    this.syncToggle.addEventListener('change', () => this.syncFrom(this.active))
    new ResizeObserver(() => this.redraw()).observe(this.row)
  }

  private get project() {
    return this.store.state.project
  }

  private get overlaps() {
    return this.store.state.overlaps
  }

  /** The selected overlap, as the state names it. */
  private get selected(): Overlap | null {
    const { overlaps, selectedOverlap } = this.store.state
    return overlaps?.overlaps.find((o) => o.id === selectedOverlap) ?? null
  }

  /**
   * What the panes line up on: the selected overlap's passages, or the facet's or definition's
   * chosen in the Definitions view (the state holds at most one of the two).
   */
  private get aligned(): Aligned | null {
    const o = this.selected
    if (o) return { id: o.id, kind: `kind-${o.kind}`, passages: o.passages }
    const { definitions, selectedDefinition } = this.store.state
    return alignedDefinitions(definitions, selectedDefinition)
  }

  get activePane(): Pane {
    return this.panes[Math.min(this.active, this.panes.length - 1)]
  }

  get syncing(): boolean {
    return this.syncToggle.checked
  }

  /** The documents shown, pane by pane. */
  docIds(): (string | null)[] {
    return this.panes.map((p) => p.docId)
  }

  /**
   * Redraws what changed between two states: each pane's text, annotations, overlays and
   * definitions in one transaction (on a long text every transaction walks the whole document).
   */
  update(state: State, previous: State): void {
    if (state.project !== previous.project && state.project) this.projectChanged(state.project.documents.map((d) => d.id))
    const selectionChanged = state.selectedOverlap !== previous.selectedOverlap
    const overlays =
      state.overlaps !== previous.overlaps ||
      selectionChanged ||
      (state.project?.documents !== previous.project?.documents && state.overlaps !== null)
    const definitions = state.definitions !== previous.definitions || state.selectedDefinition !== previous.selectedDefinition
    if (overlays) this.pairCache.clear()
    const content = state.project !== previous.project || state.texts !== previous.texts || state.spans !== previous.spans
    if (content || overlays || definitions) for (const pane of this.panes) this.drawPane(pane, { overlays, definitions })
    if (selectionChanged || state.selectedDefinition !== previous.selectedDefinition) this.align()
  }

  /**
   * A (new or changed) project: panes whose document is gone (another project was opened) show
   * the project's first documents instead.
   */
  private projectChanged(ids: string[]): void {
    for (const pane of this.panes) this.fillPicker(pane)
    if (this.panes.length === 0) {
      for (let i = 0; i < MIN_PANES; i++) void this.addPane(ids[i] ?? null)
      return
    }
    this.panes.forEach((pane, i) => {
      if (pane.docId && !ids.includes(pane.docId)) {
        pane.docId = null
        if (ids[i]) void this.show(pane, ids[i])
      }
    })
  }

  private fillPicker(pane: Pane): void {
    const docs = this.project?.documents ?? []
    const names = documentNames(docs)
    pane.picker.replaceChildren(
      el('option', { value: '' }, 'Choose a document…'),
      ...docs.map((d) => el('option', { value: d.id }, names.get(d.id) ?? d.title)),
    )
    pane.picker.value = pane.docId ?? ''
  }

  /** "+ Pane": a pane showing the document that shares the most with the open ones. */
  private async addNextPane(): Promise<void> {
    if (this.panes.length >= MAX_PANES) return
    const docs = this.project?.documents.map((d) => d.id) ?? []
    const shown = this.docIds().filter((d): d is string => d !== null)
    const focused = document.activeElement === this.addButton
    await this.addPane(nextDocument(docs, shown, this.overlaps?.overlaps ?? []))
    const added = this.panes[this.panes.length - 1]
    added.chosen = true
    this.focusPane(added)
    // The last pane allowed: "+ Pane" is disabled now, so the keyboard's focus moves on to the new pane.
    if (focused && this.addButton.disabled) added.picker.focus()
  }

  async addPane(docId: string | null = null): Promise<void> {
    if (this.panes.length >= MAX_PANES) return
    const picker = el('select', { class: 'pane-picker', 'aria-label': 'Document in this pane' })
    const left = el('button', { type: 'button', class: 'icon', 'aria-label': 'Move pane left' }, '←')
    const right = el('button', { type: 'button', class: 'icon', 'aria-label': 'Move pane right' }, '→')
    const close = el('button', { type: 'button', class: 'icon', 'aria-label': 'Close pane' }, '×')
    const heat = el('div', { class: 'heat', role: 'img', 'aria-label': 'Where this document shares text' })
    const pane = {} as Pane
    const reader = new Reader(this.hooks.readerEvents(() => pane))
    const dom = el(
      'section',
      { class: 'pane', role: 'region' },
      el('div', { class: 'pane-toolbar' }, picker, left, right, close),
      reader.dom,
      heat,
    )
    Object.assign(pane, { docId: null, chosen: false, reader, dom, picker, heat, left, right, close, watchers: [] })
    this.panes.push(pane)
    this.fillPicker(pane)
    picker.addEventListener('change', () => {
      this.hooks.onChoose()
      pane.chosen = true
      if (picker.value) void this.show(pane, picker.value)
    })
    left.addEventListener('click', () => this.move(pane, -1, left))
    right.addEventListener('click', () => this.move(pane, 1, right))
    close.addEventListener('click', () => {
      this.hooks.onChoose()
      this.close(pane)
    })
    dom.addEventListener('focusin', () => this.focusPane(pane))
    dom.addEventListener('mousedown', () => this.focusPane(pane))
    reader.body.addEventListener('scroll', () => this.onScroll(pane), { passive: true })
    for (const input of ['wheel', 'keydown', 'touchstart', 'pointerdown'])
      reader.body.addEventListener(input, () => this.stopAligning(), { passive: true })
    reader.body.addEventListener('click', (e) => {
      const target = e.target as HTMLElement
      // A drag that selected text ends in a click too: that is selecting, not choosing an overlap.
      if (target.closest('[data-annotation]') || !(window.getSelection()?.isCollapsed ?? true)) return
      // The innermost mark under the click: a shared passage, else a definition.
      const mark = target.closest<HTMLElement>('[data-overlap], [data-definition]')
      if (mark?.dataset.overlap) this.hooks.onSelect(mark.dataset.overlap)
      else if (mark?.dataset.definition) this.hooks.onSelectDefinition(mark.dataset.definition)
    })
    heat.addEventListener('click', (e) => this.heatClick(pane, e))
    // The text reflows (pane resized, text size changed): the stripes follow its lines.
    const stripes = new ResizeObserver(() => this.drawMargin(pane))
    stripes.observe(reader.view.dom)
    // Scrolling moved the reader's decorated range: the margin draws the same range.
    reader.onRangeChange = () => this.drawMargin(pane)
    // Resized (the sidebar hidden, the window or a splitter dragged), the text reflows: the pane
    // keeps the text it showed at its top. The browser's scroll anchoring keeps about as much, but
    // synchronised scrolling took its scroll for the reader's (a tester hid the sidebar, and the
    // other pane went from 105 px to 4,938, to another passage); held, the panes pass none on.
    const resized = new ResizeObserver(() => {
      const place = this.places.get(pane)
      const width = reader.body.clientWidth
      if (!place || place.width === width || !this.panes.includes(pane) || reader.body.clientHeight === 0) return
      this.places.set(pane, { ...place, width })
      this.keep([[pane, place]])
    })
    resized.observe(reader.body)
    pane.watchers.push(stripes, resized)
    this.layout()
    pane.dom.classList.toggle('active', this.panes.indexOf(pane) === this.active)
    if (docId) await this.show(pane, docId)
  }

  private focusPane(pane: Pane): void {
    const changed = this.panes[this.active] !== pane
    this.active = this.panes.indexOf(pane)
    this.panes.forEach((p, i) => p.dom.classList.toggle('active', i === this.active))
    if (changed) this.hooks.onFocus(pane)
  }

  private layout(): void {
    // Taken out of the page and put back (replaceChildren), a pane's scroll position is lost: a
    // tester's panes all went to the top when a pane was added, closed or moved, the selected
    // passage's connector pointing off the screen. Each keeps the text it showed at its top.
    const places = this.panes.flatMap((p): [Pane, Place][] => {
      const place = p.reader.place()
      return place ? [[p, place]] : []
    })
    const children: HTMLElement[] = []
    this.panes.forEach((p, i) => {
      if (i > 0) children.push(this.splitter(i))
      children.push(p.dom)
      p.dom.setAttribute('aria-label', `Pane ${i + 1}`)
    })
    this.row.replaceChildren(...children)
    this.enableButtons()
    this.row.style.gridTemplateColumns = this.panes.map(() => `minmax(${MIN_PANE_WIDTH}px, 1fr)`).join(` ${SPLITTER_WIDTH}px `)
    this.keep(places)
    this.redraw()
  }

  /**
   * Disables the buttons that would do nothing, their titles saying why: a tester clicked the first
   * pane's ←, the last pane's → and "+ Pane" at five panes, enabled, and nothing happened (or an
   * error was reported only then).
   */
  private enableButtons(): void {
    const n = this.panes.length
    this.panes.forEach(({ left, right, close }, i) => {
      left.disabled = i === 0
      left.title = i === 0 ? 'The first pane: there is no pane on its left to swap with' : 'Swap with the pane on the left'
      right.disabled = i === n - 1
      right.title = i === n - 1 ? 'The last pane: there is no pane on its right to swap with' : 'Swap with the pane on the right'
      close.disabled = n <= MIN_PANES
      close.title = n <= MIN_PANES ? `At least ${MIN_PANES} panes stay open: add one (+ Pane) to close this one` : 'Close this pane'
    })
    this.addButton.disabled = n >= MAX_PANES
    this.addButton.title =
      n >= MAX_PANES
        ? `At most ${MAX_PANES} panes: close one (×) to open another document`
        : 'Add a pane showing the document that shares the most with the open ones'
  }

  /** A draggable divider between panes i-1 and i (arrow keys resize too). */
  private splitter(i: number): HTMLElement {
    const bar = el('div', {
      class: 'splitter',
      role: 'separator',
      'aria-orientation': 'vertical',
      tabindex: '0',
      'aria-label': `Resize panes ${i} and ${i + 1}`,
    })
    const resize = (dx: number) => {
      const widths = this.panes.map((p) => p.dom.getBoundingClientRect().width)
      const min = MIN_PANE_WIDTH
      const a = Math.max(min, widths[i - 1] + dx)
      const b = Math.max(min, widths[i] - (a - widths[i - 1]))
      widths[i - 1] = widths[i - 1] + widths[i] - b
      widths[i] = b
      this.row.style.gridTemplateColumns = widths.map((w) => `minmax(${min}px, ${w}fr)`).join(` ${SPLITTER_WIDTH}px `)
    }
    bar.addEventListener('pointerdown', (e) => {
      bar.setPointerCapture(e.pointerId)
      let x = e.clientX
      const move = (m: PointerEvent) => {
        resize(m.clientX - x)
        x = m.clientX
      }
      bar.addEventListener('pointermove', move)
      bar.addEventListener('pointerup', () => bar.removeEventListener('pointermove', move), { once: true })
    })
    bar.addEventListener('keydown', (e) => {
      if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
        e.preventDefault()
        resize(e.key === 'ArrowLeft' ? -24 : 24)
      }
    })
    return bar
  }

  /** Swaps a pane with its neighbour; the focus stays on the button pressed, or its twin once it cannot go further. */
  private move(pane: Pane, by: number, pressed: HTMLButtonElement): void {
    const i = this.panes.indexOf(pane)
    const j = i + by
    if (j < 0 || j >= this.panes.length) return
    ;[this.panes[i], this.panes[j]] = [this.panes[j], this.panes[i]]
    this.layout()
    const twin = pressed === pane.left ? pane.right : pane.left
    ;(pressed.disabled ? twin : pressed).focus()
  }

  private close(pane: Pane): void {
    if (this.panes.length <= MIN_PANES) return
    this.remove([pane])
  }

  /** Closes panes (as many as leave MIN_PANES open), laid out once. */
  private remove(panes: readonly Pane[]): void {
    for (const pane of panes) {
      if (this.panes.length <= MIN_PANES) break
      this.panes.splice(this.panes.indexOf(pane), 1)
      for (const watcher of pane.watchers) watcher.disconnect()
    }
    this.active = Math.min(this.active, this.panes.length - 1)
    this.layout()
    // The document list and details follow the pane now active, never a closed one.
    this.focusPane(this.activePane)
    this.hooks.onFocus(this.activePane)
  }

  /** Shows a document in a pane. */
  async show(pane: Pane, docId: string): Promise<void> {
    pane.docId = docId
    await this.hooks.load(docId)
    // Another document was shown in the pane while this one loaded: the pane is that one's.
    if (pane.docId !== docId) return
    pane.picker.value = docId
    const before = pane.reader.text
    this.drawPane(pane)
    // Another text, shown from its top: the selected passage in it, if it has one, lined up as a
    // selection lines up; else its top, never a place another text had.
    if (pane.reader.text !== before) {
      // Its scroll back to the top, as the old text goes, is the view's, not the reader's: taken
      // for the reader's, it scrolled the other panes after it, each measuring far passages of its
      // text (5 s of a 26 s click on two 2 MB texts).
      const body = pane.reader.body
      this.programmatic.set(body, { at: performance.now(), top: body.scrollTop })
      this.lastTop.set(body, body.scrollTop)
      this.places.delete(pane)
      if (this.aligned?.passages.some((p) => p.doc === docId)) this.keep([[pane, 'selection']])
      else this.held.delete(pane)
    }
  }

  /**
   * Draws a pane's document from the state (the reader redraws only what changed; `changed` names
   * the layers to build again). While the pane's document is still loading, the document it shows
   * gets the changed layers.
   */
  private drawPane(pane: Pane, changed: { overlays?: boolean; definitions?: boolean } = {}): void {
    const id = pane.docId
    const { project, texts, spans } = this.store.state
    const text = id ? texts.get(id) : undefined
    const list = id ? spans.get(id) : undefined
    const shown = pane.reader.docId
    if (!id || !text || !list || !project) {
      if (!shown) return
      pane.reader.setLayers({
        overlays: changed.overlays ? this.overlaysFor(shown) : undefined,
        definitions: changed.definitions ? this.definitionsFor(shown) : undefined,
      })
      if (changed.overlays || changed.definitions) this.paintHeat(pane)
      return
    }
    const document = project.documents.find((d) => d.id === id) ?? text.document
    const before = pane.reader.text
    pane.reader.render(
      { document, text: text.text },
      { spans: list, tags: project.tags },
      () => this.overlaysFor(id),
      () => this.definitionsFor(id),
      changed,
    )
    this.drawMargin(pane)
    // Another text, or its layers changed: the heat strip follows.
    if (pane.reader.text !== before || changed.overlays || changed.definitions) this.paintHeat(pane)
  }

  /**
   * Draws a pane's margin from the state before the next frame: the text's layout, scrolling and
   * the data each ask for it, often several times in one task (a first load asked 16 times), and
   * every drawing measures the text's lines.
   */
  private drawMargin(pane: Pane): void {
    if (this.marginsDue.size === 0) {
      requestAnimationFrame(() => {
        const due = [...this.marginsDue]
        this.marginsDue.clear()
        for (const p of due) if (this.panes.includes(p)) this.drawMarginNow(p)
      })
    }
    this.marginsDue.add(pane)
  }

  /** Draws a pane's margin from the state (nothing while the margin is off). */
  private drawMarginNow(pane: Pane): void {
    const { project, spans } = this.store.state
    const reader = pane.reader
    const list = reader.docId ? spans.get(reader.docId) : undefined
    if (!this.marginToggle.checked || !project || !list || !reader.docId) {
      reader.margin.replaceChildren()
      return
    }
    const length = reader.text.codePointLength
    let laid = this.stripes.get(list)
    if (laid?.tags !== project.tags || laid.length !== length) {
      const shown = list.filter((s) => s.status !== 'orphan' && s.end <= length)
      laid = { tags: project.tags, length, stripes: layoutStripes(shown, project.tags) }
      this.stripes.set(list, laid)
    }
    drawMargin(
      reader.margin,
      laid.stripes,
      (span) => reader.inRange(span),
      reader.geometry(),
      (id, event) => this.hooks.readerEvents(() => pane).onAnnotationClick?.([id], event),
    )
  }

  /** Opens a document where the reader expects it: the pane showing it, else the active pane. */
  async open(docId: string, span?: Span): Promise<Pane> {
    let pane = this.panes.find((p) => p.docId === docId)
    if (!pane) {
      pane = this.activePane
      await this.show(pane, docId)
    }
    // The reader's choice, whoever had put the document there (overlap-panes.ts keeps it).
    pane.chosen = true
    this.focusPane(pane)
    if (span) pane.reader.select(span)
    return pane
  }

  /** The app has chosen what the panes show first (see row). */
  settled(): void {
    this.row.setAttribute('aria-busy', 'false')
  }

  /**
   * Opens two documents side by side (a pane showing one of them keeps it, the other goes next to
   * it: pair-panes.ts) and selects `overlap`, by default the first listed overlap they share; not
   * where `superseded` says, once they are loaded, that the reader has since chosen otherwise.
   */
  async openPair(a: string, b: string, overlap?: string, superseded: () => boolean = () => false): Promise<void> {
    while (this.panes.length < MIN_PANES) await this.addPane()
    const [left, right] = pairPanes(this.docIds(), a, b).map((i) => this.panes[i])
    await Promise.all([this.show(left, a), this.show(right, b)])
    // The reader opened another document in one of the panes while these loaded: theirs stays,
    // and no overlap is selected over it.
    if (left.docId !== a || right.docId !== b || superseded()) return
    const shared = this.overlaps?.overlaps.find((o) =>
      overlap ? o.id === overlap : o.passages.some((p) => p.doc === a) && o.passages.some((p) => p.doc === b),
    )
    if (shared) this.hooks.onSelect(shared.id)
  }

  /** Draws a pane's definitions layer and heat strip (nothing while the layer is off). */
  private paintDefinitions(pane: Pane): void {
    if (!pane.reader.docId) return
    pane.reader.setLayers({ definitions: this.definitionsFor(pane.reader.docId) })
    this.paintHeat(pane)
  }

  /** The definitions layer of a document: its definitions, and the chosen facet's or definition's passages. */
  private definitionsFor(docId: string): Overlay[] {
    if (!this.definitionsToggle.checked) return []
    const { definitions, selectedDefinition } = this.store.state
    return definitionOverlays(definitions, docId, alignedDefinitions(definitions, selectedDefinition))
  }

  /** What to draw over a document: its shared passages, the selected overlap's variant words, excluded text. */
  private overlaysFor(docId: string): Overlay[] {
    const overlaps = this.overlaps?.overlaps ?? []
    const best = overlaps[0]?.score ?? 0
    const titles = new Map(this.project?.documents.map((d) => [d.id, d.title]))
    const title = (id: string) => titles.get(id) ?? id
    const selected = this.store.state.selectedOverlap
    const overlays: Overlay[] = []
    for (const o of overlaps) {
      if (!o.passages.some((p) => p.doc === docId)) continue
      const others = [...new Set(o.passages.filter((p) => p.doc !== docId).map((p) => title(p.doc)))]
      for (const p of o.passages) {
        if (p.doc !== docId) continue
        overlays.push({
          start: p.start,
          end: p.end,
          class: `overlap kind-${o.kind} strength-${strength(o.score, best)}${selected === o.id ? ` selected chosen-${o.kind}` : ''}`,
          attrs: { 'data-overlap': o.id, title: `${KIND_LABELS[o.kind]}, score ${o.score.toFixed(1)} — also in: ${others.join('; ')}` },
        })
      }
    }
    overlays.push(...(this.marks().get(docId) ?? []))
    const doc = this.project?.documents.find((d) => d.id === docId)
    for (const r of doc?.excluded ?? [])
      overlays.push({
        start: r.start,
        end: r.end,
        class: 'excluded',
        attrs: { title: `Left out of analysis${r.reason ? `: ${r.reason}` : ''}` },
      })
    return overlays
  }

  /** The heat strip beside a pane's scrollbar: where its shared passages lie. */
  private paintHeat(pane: Pane): void {
    const docId = pane.reader.docId
    if (!docId) return
    const length = this.overlaps?.lengths[docId] ?? 1
    const passages: HeatPassage[] = []
    for (const o of this.overlaps?.overlaps ?? [])
      for (const p of o.passages) if (p.doc === docId) passages.push({ start: p.start, end: p.end, kind: o.kind, overlap: o.id })
    const marks = heatMarks(passages, length, this.store.state.selectedOverlap).map((m) => {
      const mark = el('span', { class: `heat-mark kind-${m.kind}${m.selected ? ' selected' : ''}`, 'data-overlap': m.overlap })
      mark.style.top = `${100 * m.top}%`
      mark.style.height = `max(3px, ${100 * m.height}%)`
      return mark
    })
    if (this.definitionsToggle.checked) {
      const chosen = this.store.state.selectedDefinition
      for (const d of definitionHeat(this.store.state.definitions, docId)) {
        const mark = el('span', { class: `heat-mark heat-definition${chosen === d.id ? ' selected' : ''}`, 'data-definition': d.id })
        mark.style.top = `${(100 * d.start) / length}%`
        mark.style.height = `max(3px, ${(100 * (d.end - d.start)) / length}%)`
        marks.push(mark)
      }
    }
    pane.heat.replaceChildren(...marks)
  }

  private heatClick(pane: Pane, e: MouseEvent): void {
    const mark = (e.target as HTMLElement).closest<HTMLElement>('[data-overlap], [data-definition]')
    if (mark?.dataset.overlap) {
      this.hooks.onSelect(mark.dataset.overlap)
      return
    }
    if (mark?.dataset.definition) {
      this.hooks.onSelectDefinition(mark.dataset.definition)
      return
    }
    const box = pane.heat.getBoundingClientRect()
    const body = pane.reader.body
    this.stopAligning()
    body.scrollTop = ((e.clientY - box.top) / box.height) * body.scrollHeight - body.clientHeight / 2
  }

  /** The variant words of the selected overlap, by document. */
  private marks(): Map<string, Overlay[]> {
    const overlap = this.selected
    if (this.variantMarks.overlap !== overlap) this.variantMarks = { overlap, marks: overlap ? variantOverlays(overlap) : new Map() }
    return this.variantMarks.marks
  }

  /**
   * After a selection (update calls it; main.ts too when the selected overlap is chosen again):
   * every pane holding one of the selected passages (an overlap's, a facet's, a definition's)
   * scrolls so the passages line up, and connectors join them (the variant words are marked by
   * the overlays).
   */
  align(): void {
    this.held = new Map(this.panes.map((p) => [p, 'selection']))
    this.alignUntil = performance.now() + ALIGN_MS
    this.showPanesSideways()
    this.alignPass()
  }

  /**
   * Holds panes at what they are to show (see held and ALIGN_MS), beside any others held: the
   * text at their top where they keep their document, the selected passage where they have it.
   */
  private keep(targets: [Pane, Place | 'selection'][]): void {
    if (targets.length === 0) return
    if (!this.aligning) this.held.clear()
    // A pane being lined up on the selection stays so: resized as panes are added for it, it was
    // held at the text it showed before instead (two of three panes off their facet's passage).
    for (const [pane, target] of targets) this.held.set(pane, target)
    this.alignUntil = performance.now() + ALIGN_MS
    this.alignPass()
  }

  /**
   * Scrolls the panes' area sideways (where more panes are open than fit) so that the panes holding
   * the aligned passages are in view: all of them, centred, where they fit, else from the first.
   */
  private showPanesSideways(): void {
    const aligned = this.aligned
    const area = this.row.parentElement
    if (!aligned || !area || area.scrollWidth <= area.clientWidth) return
    const held = this.panes.filter((p) => aligned.passages.some((q) => q.doc === p.reader.docId)).map((p) => p.dom)
    if (held.length === 0) return
    const left = Math.min(...held.map((d) => d.offsetLeft))
    const right = Math.max(...held.map((d) => d.offsetLeft + d.offsetWidth))
    if (left >= area.scrollLeft && right <= area.scrollLeft + area.clientWidth) return
    const spare = area.clientWidth - (right - left)
    area.scrollLeft = spare >= 0 ? left - spare / 2 : left
  }

  /** One frame of align or keep: the panes held scrolled to where their text now is (see ALIGN_MS). */
  private alignPass(): void {
    cancelAnimationFrame(this.alignFrame)
    const aligned = this.aligned
    for (const [pane, target] of this.held) {
      if (!this.panes.includes(pane) || pane.reader.body.clientHeight === 0) continue
      if (target !== 'selection') {
        this.scrollPane(pane, pane.reader.contentTop(target.at) - target.below)
        continue
      }
      const passage = aligned?.passages.find((p) => p.doc === pane.reader.docId)
      if (passage) this.scrollPane(pane, pane.reader.contentTop(passage.start) - pane.reader.body.clientHeight * ALIGN_AT)
    }
    if (this.aligning) this.alignFrame = requestAnimationFrame(() => this.alignPass())
    else this.held.clear()
    this.redraw()
  }

  /** Whether the panes are being held at a selection's passages (see ALIGN_MS). */
  private get aligning(): boolean {
    return performance.now() < this.alignUntil
  }

  /** The reader moves a pane: a selection no longer holds the panes. */
  private stopAligning(): void {
    this.alignUntil = 0
    this.held.clear()
    cancelAnimationFrame(this.alignFrame)
  }

  /**
   * Opens the documents of selected passages (an overlap's, a facet's) in the panes (overlap-panes.ts):
   * panes that show them keep them, the others are used for them or closed, new panes open only
   * while they fit side by side; a group of identical documents opens DUPLICATE_PANES of its
   * copies. Returns how many of its documents the panes show.
   */
  async reveal(overlap: { passages: readonly (PassageSpan & { text?: string })[]; duplicate?: boolean }): Promise<number> {
    while (this.panes.length < MIN_PANES) await this.addPane()
    const all = overlap.passages.map((p) => p.doc)
    const room = this.room()
    const most = Math.min(overlap.duplicate ? DUPLICATE_PANES : Infinity, Math.max(room, this.panes.length))
    // Each document's text in the overlap (its passages', in order), where the passages give it.
    const texts = new Map<string, string>()
    for (const p of overlap.passages) if (p.text !== undefined) texts.set(p.doc, `${texts.get(p.doc) ?? ''}\u0000${p.text}`)
    const docs = documentsToShow(this.docIds(), all, most, (d) => texts.get(d))
    const plan = overlapPanes(
      this.panes.map((p) => ({ doc: p.docId, chosen: p.chosen })),
      docs,
      room,
      MIN_PANES,
    )
    const before = [...this.panes]
    const closing = before.filter((_, i) => !plan.some((t) => t.from === i))
    if (closing.length) this.remove(closing)
    // The texts load together, not one after another.
    const shows: Promise<void>[] = []
    for (const t of plan) {
      let pane = t.from === null ? undefined : before[t.from]
      if (!pane) {
        await this.addPane()
        pane = this.panes[this.panes.length - 1]
      }
      if (t.doc && pane.docId !== t.doc) {
        pane.chosen = false
        shows.push(this.show(pane, t.doc))
      }
    }
    // The panes resized by these changes are to line up on the selection, not to keep their text
    // (see resized in addPane): their widths are taken as seen. Their reports can come after the
    // lining up began, and held two of three panes off a facet's passages.
    for (const pane of this.panes) {
      const place = this.places.get(pane)
      if (place) this.places.set(pane, { ...place, width: pane.reader.body.clientWidth })
    }
    await Promise.all(shows)
    return docs.length
  }

  /** How many panes fit side by side in the panes' area (MIN_PANE_WIDTH each), MIN_PANES to MAX_PANES. */
  private room(): number {
    const width = this.row.parentElement?.clientWidth ?? 0
    const fit = Math.floor((width + SPLITTER_WIDTH) / (MIN_PANE_WIDTH + SPLITTER_WIDTH))
    return Math.max(MIN_PANES, Math.min(MAX_PANES, fit))
  }

  private scrollPane(pane: Pane, top: number): void {
    const body = pane.reader.body
    const target = Math.max(0, Math.min(top, body.scrollHeight - body.clientHeight))
    if (Math.abs(body.scrollTop - target) < 1) return
    body.scrollTop = target
    this.programmatic.set(body, { at: performance.now(), top: body.scrollTop })
    this.lastTop.set(body, body.scrollTop)
  }

  private onScroll(pane: Pane): void {
    const body = pane.reader.body
    const from = this.lastTop.get(body) ?? body.scrollTop
    this.lastTop.set(body, body.scrollTop)
    const width = body.clientWidth
    const place = this.places.get(pane)?.width === width || !this.places.has(pane) ? pane.reader.place() : null
    if (place) this.places.set(pane, { ...place, width })
    // Scroll events of a scroll this view made are not the user's: passing them on would make the
    // panes push each other back and forth.
    const mine = this.programmatic.get(body)
    if (mine && performance.now() - mine.at < PROGRAMMATIC_SCROLL_MS && Math.abs(body.scrollTop - mine.top) < 2) {
      this.redraw()
      return
    }
    this.programmatic.delete(body)
    // While the panes are lined up on a selection or held at their places (see keep), the text
    // moving as it is laid out is not the user.
    if (this.syncing && !this.aligning) this.syncFrom(this.panes.indexOf(pane), from)
    this.redraw()
  }

  /** The passages the documents of two readers share, sorted by their start in the first. */
  private sharedPassages(a: Reader, b: Reader): { starts: number[]; pairs: [OverlapPassage, OverlapPassage][] } {
    const key = `${a.docId}|${b.docId}`
    let shared = this.pairCache.get(key)
    if (!shared) {
      const pairs: [OverlapPassage, OverlapPassage][] = []
      for (const o of this.overlaps?.overlaps ?? []) {
        const pa = o.passages.find((p) => p.doc === a.docId)
        const pb = o.passages.find((p) => p.doc === b.docId)
        if (pa && pb) pairs.push([pa, pb])
      }
      pairs.sort((x, y) => x[0].start - y[0].start)
      shared = { starts: pairs.map(([pa]) => pa.start), pairs }
      this.pairCache.set(key, shared)
    }
    return shared
  }

  /**
   * Content-y anchor pairs between the documents of panes i and j around content height `line` of
   * pane i: the tops and ends of the SYNC_NEIGHBOURS shared passages on either side of it, measured
   * now (so they follow the text's current layout); crossings kept (the caller chooses the anchors
   * that agree).
   */
  private anchors(i: number, j: number, line: number): [number, number][] {
    const a = this.panes[i].reader
    const b = this.panes[j].reader
    const { starts, pairs } = this.sharedPassages(a, b)
    const [from, to] = nearby(starts, a.codePointAtY(line, 'start'))
    const anchors: [number, number][] = []
    // Each pane's place measured once for all its anchors (this runs on every scrolled frame).
    const ga = a.geometry()
    const gb = b.geometry()
    for (const [pa, pb] of pairs.slice(from, to)) {
      anchors.push([ga.top(pa.start), gb.top(pb.start)], [ga.top(pa.end), gb.top(pb.end)])
    }
    return anchors
  }

  /**
   * Scrolls every other pane to the position that corresponds to pane i's. Without `from`
   * (synchronised scrolling turned on): to where the anchors put it, the documents' tops and ends
   * lined up too. With `from` (pane i's scrollTop before the reader scrolled it): from where each
   * pane is, by as much as pane i moved in its text (see follow), px for px past the passages.
   */
  private syncFrom(i: number, from?: number): void {
    if (!this.syncing || i < 0) return
    const source = this.panes[i]
    if (!source?.reader.docId) return
    const body = source.reader.body
    const line = body.scrollTop + body.clientHeight * ALIGN_AT
    const before = (from ?? body.scrollTop) + body.clientHeight * ALIGN_AT
    this.panes.forEach((pane, j) => {
      if (j === i || !pane.reader.docId) return
      const other = pane.reader.body
      const at = other.scrollTop + other.clientHeight * ALIGN_AT
      const anchors = this.anchors(i, j, before)
      const ends: [number, number][] = [
        [0, 0],
        [body.scrollHeight, other.scrollHeight],
      ]
      const target = from === undefined ? interpolate(monotonic([...ends, ...anchors]), line) : follow(anchors, before, line, at)
      this.scrollPane(pane, target - other.clientHeight * ALIGN_AT)
    })
  }

  /** Redraws the connectors on the next frame (after scrolling and layout settle). */
  redraw(): void {
    cancelAnimationFrame(this.frame)
    this.frame = requestAnimationFrame(() => this.drawConnectors())
  }

  private drawConnectors(): void {
    const area = this.svg.getBoundingClientRect()
    this.svg.replaceChildren()
    const o = this.aligned
    if (!o) return
    const passageIn = (pane: Pane): PassageSpan | undefined => o.passages.find((p) => p.doc === pane.reader.docId)
    for (let k = 0; k + 1 < this.panes.length; k++) {
      const [left, right] = [this.panes[k], this.panes[k + 1]]
      const pa = passageIn(left)
      const pb = passageIn(right)
      if (!pa || !pb) continue
      const clip = (pane: Pane, r: DOMRect) => {
        const box = pane.reader.body.getBoundingClientRect()
        return [Math.max(box.top, Math.min(box.bottom, r.top)) - area.top, Math.max(box.top, Math.min(box.bottom, r.bottom)) - area.top]
      }
      const ra = left.reader.spanRect(pa.start, pa.end)
      const rb = right.reader.spanRect(pb.start, pb.end)
      const [a0, a1] = clip(left, ra)
      const [b0, b1] = clip(right, rb)
      const x0 = left.dom.getBoundingClientRect().right - area.left - 14
      const x1 = right.dom.getBoundingClientRect().left - area.left + 14
      const mid = (x0 + x1) / 2
      const path = document.createElementNS(SVG_NS, 'path')
      path.setAttribute('d', `M${x0},${a0} C${mid},${a0} ${mid},${b0} ${x1},${b0} L${x1},${b1} C${mid},${b1} ${mid},${a1} ${x0},${a1} Z`)
      path.setAttribute('class', `connector ${o.kind}`)
      path.setAttribute('data-selection', o.id)
      if (this.selected) path.setAttribute('data-overlap', o.id)
      this.svg.append(path)
    }
  }
}
