import type { Node as PMNode } from 'prosemirror-model'
import { EditorState, Plugin, PluginKey, TextSelection, type Transaction } from 'prosemirror-state'
import { Decoration, DecorationSet, EditorView } from 'prosemirror-view'
import type { AnnotationSpan, DocumentView } from '../../main/core/contract/api.js'
import type { Tag } from '../../main/core/annotations/codebook.js'
import { OffsetMap } from '../../main/core/text/offsets.js'
import { lastAtOrBefore } from '../../main/core/text/sorted.js'
import { type LineIndex, offsetToPos, posToOffset, textToDoc } from './doc-model.js'
import { el } from '../shared/dom.js'
import type { MarginGeometry } from './margin.js'

// One document in a ProseMirror view that can be read, selected with mouse or keyboard (caret,
// Shift+arrows) and never edited: every change to the document is refused. Annotations are
// inline decorations kept in plugin state, in lanes so overlapping ones stay apart.
//
// Decorations are built only for the part of the text around what the pane shows (its range: the
// visible paragraphs and RANGE_SCREENS pane heights above and below) and rebuilt when scrolling
// leaves it. A 1 MiB document with 10,000 annotations and thousands of shared passages would
// otherwise be some 55,000 elements, built, styled and laid out before the pane shows anything.

/**
 * A layer of inline decorations kept in plugin state: replaced whole by a transaction carrying a
 * new set under the layer's key, mapped through any other transaction.
 */
function decorationLayer(name: string): { key: PluginKey<DecorationSet>; plugin: Plugin<DecorationSet> } {
  const key = new PluginKey<DecorationSet>(name)
  const plugin = new Plugin<DecorationSet>({
    key,
    state: {
      init: () => DecorationSet.empty,
      apply(tr: Transaction, set: DecorationSet) {
        const next = tr.getMeta(key) as DecorationSet | undefined
        return next ?? set.map(tr.mapping, tr.doc)
      },
    },
    props: { decorations: (state) => key.getState(state) },
  })
  return { key, plugin }
}

/** How many underline lanes overlapping annotations get before they share the last one. */
const MAX_LANES = 4

/**
 * How many pane heights above and below the visible text get their decorations. More means more
 * elements, and more work each time the range moves; fewer means the range moves more often while
 * scrolling, and a fast fling could show a paragraph before its highlights.
 */
const RANGE_SCREENS = 2

/** Annotations (drawn above the overlays). */
const annotationsLayer = decorationLayer('annotations')
/** Everything else drawn over the text: shared passages, variant words, excluded ranges. */
const overlaysLayer = decorationLayer('overlays')
/** The paragraphs in the decorated range, marked so that they are laid out (see styles.css, .in-range). */
const rangeLayer = decorationLayer('range')
/** Definitions of the term the Definitions view shows (a layer of their own, under the others). */
const definitionsLayer = decorationLayer('definitions')

/** An inline mark to draw over the text: code points [start, end), a class and attributes. */
export interface Overlay {
  start: number
  end: number
  class: string
  attrs?: Record<string, string>
}

/** Refuses every change to the document, whatever its origin (typing, paste, drop, IME). */
const readOnly = new Plugin({
  filterTransaction: (tr) => !tr.docChanged,
  props: {
    handleDOMEvents: {
      beforeinput: (_view, event) => {
        event.preventDefault()
        return true
      },
      drop: (_view, event) => {
        event.preventDefault()
        return true
      },
    },
    handlePaste: () => true,
    handleTextInput: () => true,
  },
})

/** The byline under a title: author, outlet and date, whichever the document states. */
export function byline(d: { author: string; outlet: string; date: string }): string {
  return [d.author, d.outlet, d.date].filter(Boolean).join(' · ')
}

export interface ReaderEvents {
  /** A key the reader does not handle itself (annotate, apply the active tag, …). */
  onKey?(event: KeyboardEvent): boolean
  /** The user clicked annotations (innermost first). */
  onAnnotationClick?(ids: string[], event: MouseEvent): void
  onSelectionChange?(): void
}

export interface Span {
  start: number
  end: number
}

/** Where a pane is in its text: the code point of a line, `below` px under the pane's top edge. */
export interface Place {
  at: number
  below: number
}

/** Annotations as a reader draws them: their spans, coloured by the codebook's tags. */
export interface AnnotationLayer {
  spans: readonly AnnotationSpan[]
  tags: readonly Tag[]
}

/** Decoration layers to draw with a document (each replaces its layer when given). */
export interface Layers {
  annotations?: AnnotationLayer
  overlays?: readonly Overlay[]
  definitions?: readonly Overlay[]
}

/** Assigns each span a lane so that overlapping spans never share one (greedy interval colouring). */
export function lanes(spans: readonly Span[]): number[] {
  const order = spans.map((_, i) => i).sort((a, b) => spans[a].start - spans[b].start || spans[b].end - spans[a].end)
  const laneEnds: number[] = []
  const out = new Array<number>(spans.length).fill(0)
  for (const i of order) {
    let lane = laneEnds.findIndex((end) => end <= spans[i].start)
    if (lane === -1) lane = laneEnds.length
    laneEnds[lane] = spans[i].end
    out[i] = Math.min(lane, MAX_LANES - 1)
  }
  return out
}

export class Reader {
  readonly dom: HTMLElement
  readonly body: HTMLElement
  /** The margin beside the text (coding stripes, note markers), scrolled with it. */
  readonly margin: HTMLElement
  private readonly header: HTMLElement
  readonly view: EditorView
  private lines: LineIndex = { pos: [], offset: [], lengths: [] }
  private offsets = new OffsetMap('')
  private spans = new Map<string, Span>()
  /** What was last drawn (by identity), so `render` redraws only what changed. */
  private drawn: { document: DocumentView['document'] | null; annotations: AnnotationLayer | null } = { document: null, annotations: null }
  /** The annotations shown in the text (no orphans), with their lanes, and the overlays: all of them, decorated or not. */
  private content: { spans: readonly AnnotationSpan[]; lanes: number[]; tags: ReadonlyMap<string, Tag>; overlays: readonly Overlay[] } = {
    spans: [],
    lanes: [],
    tags: new Map(),
    overlays: [],
  }
  /** The code points whose decorations are built (see RANGE_SCREENS). */
  private shown: Span = { start: 0, end: 0 }
  /** Called after the decorated range moved (the margin follows it). */
  onRangeChange?: () => void
  docId: string | null = null

  constructor(private readonly events: ReaderEvents = {}) {
    this.header = el('header', { class: 'reader-header' })
    this.margin = el('div', { class: 'reader-margin', 'aria-label': 'Codes in the margin' })
    this.body = el('div', { class: 'reader-body' }, this.margin)
    this.dom = el('section', { class: 'reader', 'aria-label': 'Document' }, this.header, this.body)
    this.view = new EditorView(this.body, {
      state: this.freshState(textToDoc('').doc),
      attributes: { class: 'reader-text', role: 'document', 'aria-readonly': 'true', spellcheck: 'false', 'aria-label': 'Document text' },
      handleKeyDown: (_view, event) => {
        this.adoptPageSelection()
        return this.events.onKey?.(event) ?? false
      },
      handleClick: (_view, _pos, event) => {
        const ids = this.annotationsAtEvent(event)
        if (ids.length) this.events.onAnnotationClick?.(ids, event)
        return false
      },
      dispatchTransaction: (tr) => {
        this.view.updateState(this.view.state.apply(tr))
        if (tr.selectionSet) this.events.onSelectionChange?.()
      },
    })
    // Focus given back to the text from another element of the page (the annotation popover
    // closed with Escape) lands with the browser's caret at the start of the text, and ProseMirror
    // puts its selection back on the page only 20 ms later: a key pressed in between (T right after
    // Escape, on a busy machine) would act on that caret (adoptPageSelection). The selection is put
    // back at once; a click still places its caret, after the focus event. Focus coming back with
    // the window (no element losing it) is left to ProseMirror, as before.
    this.view.dom.addEventListener('focus', (event) => {
      const from = event.relatedTarget
      if (from instanceof Node && !this.view.dom.contains(from)) this.view.focus()
    })
    // Scrolled, resized, shown after being hidden, or the text reflowed: the range follows.
    this.body.addEventListener('scroll', () => this.follow(), { passive: true })
    const resized = new ResizeObserver(() => this.follow())
    resized.observe(this.body)
    resized.observe(this.view.dom)
  }

  private freshState(doc: ReturnType<typeof textToDoc>['doc']): EditorState {
    return EditorState.create({
      doc,
      plugins: [readOnly, rangeLayer.plugin, definitionsLayer.plugin, overlaysLayer.plugin, annotationsLayer.plugin],
    })
  }

  /** The text as the reader holds it. */
  get text(): OffsetMap {
    return this.offsets
  }

  /**
   * Draws a document from the state, in one transaction: the text only when it is another text,
   * the title and the annotations only when they changed, the overlays and definitions when
   * `changed` says so (they are asked for when the text is drawn anew).
   */
  render(
    view: DocumentView,
    annotations: AnnotationLayer,
    overlays: () => readonly Overlay[],
    definitions: () => readonly Overlay[] = () => [],
    changed: { overlays?: boolean; definitions?: boolean } = {},
  ): void {
    if (this.docId !== view.document.id || this.offsets.text !== view.text) {
      this.show(view, { annotations, overlays: overlays(), definitions: definitions() })
      return
    }
    if (this.drawn.document !== view.document) this.showHeader(view.document)
    const drawn = this.drawn.annotations
    this.setLayers({
      annotations: drawn?.spans !== annotations.spans || drawn.tags !== annotations.tags ? annotations : undefined,
      overlays: changed.overlays ? overlays() : undefined,
      definitions: changed.definitions ? definitions() : undefined,
    })
  }

  private showHeader(d: DocumentView['document']): void {
    const by = byline(d) || 'No author, outlet or date stated'
    // (Their whole text on hover: a pane shows two lines of the title and one of the byline.)
    this.header.replaceChildren(
      el('h1', { class: 'reader-title', title: d.title }, d.title),
      el('p', { class: 'reader-byline', title: by }, by),
    )
    this.dom.setAttribute('aria-label', d.title)
    this.drawn.document = d
  }

  /** Shows a document (keeping the scroll position when it is the same document again). */
  show(view: DocumentView, layers: Layers = {}): void {
    const same = this.docId === view.document.id && this.offsets.text === view.text
    const d = view.document
    this.showHeader(d)
    this.dom.dataset.doc = d.id
    this.docId = d.id
    if (same) {
      // The same text: only the decorations change, and the reader keeps its place.
      this.redraw(this.withLayers(this.view.state.tr, layers))
      return
    }
    const { doc, lines } = textToDoc(view.text)
    this.lines = lines
    this.offsets = new OffsetMap(view.text)
    this.body.scrollTo(0, 0)
    // Text and decorations in one state, so the document is rendered once: the range is guessed
    // from the pane's size (the text is not laid out yet), then measured.
    this.shown = { start: 0, end: this.guessEnd() }
    // The old text's paragraphs go first: given the new document at once, ProseMirror would update
    // them in place one by one, finding each one's position by counting its siblings before it, so
    // a text of n paragraphs after another costs n²/2 steps (after a 45,000-line Boost copyright
    // file, 26 s of a 2-core machine's 90 for a click that opened five such texts).
    this.view.updateState(this.freshState(textToDoc('').doc))
    const state = this.freshState(doc)
    const tr = this.withLayers(state.tr, layers)
    this.view.updateState(state.apply(tr.setMeta(rangeLayer.key, this.rangeDecorations(tr.doc))))
    this.follow()
  }

  /** A transaction that replaces the given decoration layers (built for the current range). */
  private withLayers(tr: Transaction, layers: Layers): Transaction {
    if (layers.annotations) {
      const max = this.offsets.codePointLength
      const spans = layers.annotations.spans.filter((s) => s.status !== 'orphan' && s.end <= max)
      this.content.spans = spans
      this.content.lanes = lanes(spans)
      this.content.tags = new Map(layers.annotations.tags.map((t) => [t.id, t]))
      this.spans = new Map(spans.map((s) => [s.id, s]))
      tr.setMeta(annotationsLayer.key, this.annotationDecorations(tr.doc))
      this.drawn.annotations = layers.annotations
    }
    if (layers.overlays) {
      const max = this.offsets.codePointLength
      this.content.overlays = layers.overlays.filter((o) => o.end > o.start && o.end <= max)
      tr.setMeta(overlaysLayer.key, this.overlayDecorations(tr.doc))
    }
    if (layers.definitions) tr.setMeta(definitionsLayer.key, this.definitionDecorations(tr.doc, layers.definitions))
    return tr
  }

  /** The code points whose decorations are built: the visible text and RANGE_SCREENS pane heights around it. */
  get range(): Span {
    return this.shown
  }

  /** Whether a span has any code point in the decorated range (an empty one: whether it sits in it). */
  inRange(span: Span): boolean {
    return span.start < this.shown.end && (span.end > this.shown.start || (span.end === span.start && span.start >= this.shown.start))
  }

  /**
   * Moves the decorated range to the visible text when the visible text is no longer inside it,
   * rebuilding both decoration layers for it.
   */
  private follow(): void {
    const count = this.view.dom.childElementCount
    if (count === 0 || count !== this.lines.pos.length) {
      // No text, or paragraphs not one element each (never expected): decorate everything.
      const all = { start: 0, end: this.offsets.codePointLength }
      if (this.shown.start !== all.start || this.shown.end !== all.end) this.moveRange(all)
      return
    }
    const height = this.body.clientHeight
    if (height === 0) return // not laid out (hidden): the range is measured once it is shown
    const top = this.body.scrollTop
    const visible = { start: this.codePointAtY(top, 'start'), end: this.codePointAtY(top + height, 'end') }
    if (visible.start >= this.shown.start && visible.end <= this.shown.end) return
    this.moveRange({
      start: this.codePointAtY(top - RANGE_SCREENS * height, 'start'),
      end: this.codePointAtY(top + (1 + RANGE_SCREENS) * height, 'end'),
    })
  }

  private moveRange(range: Span): void {
    this.shown = range
    const tr = this.view.state.tr
    tr.setMeta(annotationsLayer.key, this.annotationDecorations(tr.doc))
    tr.setMeta(overlaysLayer.key, this.overlayDecorations(tr.doc))
    tr.setMeta(rangeLayer.key, this.rangeDecorations(tr.doc))
    this.view.dispatch(this.withPageSelection(tr))
    this.onRangeChange?.()
  }

  /**
   * The start (or end) of the paragraph at a height in the scrolled content (pixels from its top),
   * as a code point offset: the paragraphs' offsetTop searched (the reader's body is their offset
   * parent), read only where the search looks.
   */
  codePointAtY(y: number, side: 'start' | 'end'): number {
    const paragraphs = this.view.dom.children
    if (paragraphs.length !== this.lines.pos.length || this.lines.pos.length === 0) return 0
    const tops = new Proxy({ length: paragraphs.length } as ArrayLike<number>, {
      get: (target, key) => (key === 'length' ? target.length : (paragraphs[Number(key)] as HTMLElement).offsetTop),
    })
    const i = lastAtOrBefore(tops, y)
    const offset = side === 'start' ? this.lines.offset[i] : this.lines.offset[i] + this.lines.lengths[i]
    return this.offsets.toCodePoint(offset)
  }

  /**
   * Before the text is laid out: about where the range ends, from the pane's size (an overestimate
   * of the characters a line holds, so the first screen is covered; the measured range follows).
   */
  private guessEnd(): number {
    const height = this.body.clientHeight || window.innerHeight
    const width = this.body.clientWidth || window.innerWidth
    const characters = ((1 + RANGE_SCREENS) * height * width) / 40
    return Math.min(this.offsets.codePointLength, Math.ceil(characters))
  }

  /** Replaces the decoration layers given (none given: nothing happens), in one transaction. */
  setLayers(layers: Layers): void {
    if (!layers.annotations && !layers.overlays && !layers.definitions) return
    this.redraw(this.withLayers(this.view.state.tr, layers))
  }

  private annotationDecorations(doc: PMNode): DecorationSet {
    const { spans, lanes: lane, tags: byId } = this.content
    const decos: Decoration[] = []
    spans.forEach((span, k) => {
      if (!this.inRange(span)) return
      const { start, end } = span
      const ids = span.tagIds
      const names = ids.map((id) => byId.get(id)?.name ?? '?')
      // nodeName gives every annotation its own element, so overlapping ones stay nested and
      // each keeps its id (ProseMirror would otherwise merge their attributes into one span).
      decos.push(
        this.inline(start, end, {
          nodeName: 'span',
          class: `annotation lane-${lane[k]}${ids.length ? '' : ' untagged'}`,
          style: `--tag-colour: ${byId.get(ids[0] ?? '')?.colour ?? 'var(--plain-highlight)'}`,
          title: names.length ? `Tagged: ${names.join(', ')}` : 'Highlight',
          'data-tags': names.join(', '),
          'data-annotation': span.id,
        }),
      )
    })
    return DecorationSet.create(doc, decos)
  }

  /**
   * Marks the paragraphs of the decorated range: they are laid out even when off screen, so that
   * the margin and the connectors measure them without each measurement laying a paragraph out
   * on its own (the others are skipped until they come near the screen).
   */
  private rangeDecorations(doc: PMNode): DecorationSet {
    if (this.lines.pos.length === 0) return DecorationSet.empty
    const first = lastAtOrBefore(this.lines.offset, this.offsets.toUtf16(this.shown.start))
    const last = lastAtOrBefore(this.lines.offset, this.offsets.toUtf16(this.shown.end))
    const decos: Decoration[] = []
    for (let i = first; i <= last; i++) {
      const from = this.lines.pos[i] - 1
      decos.push(Decoration.node(from, from + this.lines.lengths[i] + 2, { class: 'in-range' }))
    }
    return DecorationSet.create(doc, decos)
  }

  /** The definitions layer: a few dozen passages, so drawn whole rather than by range. */
  private definitionDecorations(doc: PMNode, definitions: readonly Overlay[]): DecorationSet {
    const max = this.offsets.codePointLength
    const decos = definitions
      .filter((o) => o.end > o.start && o.end <= max)
      .map((o) => Decoration.inline(this.toPos(o.start), this.toPos(o.end), { class: o.class, ...o.attrs }))
    return DecorationSet.create(doc, decos)
  }

  /**
   * An inline decoration over code points [start, end), cut to the decorated range: a passage of a
   * whole document (a group of identical documents) would otherwise wrap each of its paragraphs,
   * and each paragraph whose decorations change is redrawn, ProseMirror finding its position by
   * counting the paragraphs before it (a 45,000-line text's whole passage selected: 17 s of 42).
   */
  private inline(start: number, end: number, attrs: Record<string, string>): Decoration {
    const from = Math.max(start, this.shown.start)
    const to = end > start ? Math.max(from, Math.min(end, this.shown.end)) : from
    return Decoration.inline(this.toPos(from), this.toPos(to), attrs)
  }

  private overlayDecorations(doc: PMNode): DecorationSet {
    const decos: Decoration[] = []
    for (const o of this.content.overlays) {
      if (this.inRange(o)) decos.push(this.inline(o.start, o.end, { class: o.class, ...o.attrs }))
    }
    return DecorationSet.create(doc, decos)
  }

  /**
   * What the pane shows at its top: the first code point whose line starts there or below, and
   * how far below the pane's top that line starts; null while nothing is laid out (no text, a
   * hidden view). Scrolling to `contentTop(at) - below` shows the same text at the top again,
   * also after the text has reflowed to another width.
   */
  place(): Place | null {
    const top = this.body.scrollTop
    if (!this.docId || this.body.clientHeight === 0 || this.lines.pos.length === 0) return null
    const g = this.geometry()
    // The paragraph at the top, then the first of its code points on a line starting at the top or below.
    let lo = this.codePointAtY(top, 'start')
    let hi = this.codePointAtY(top, 'end')
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2)
      if (g.top(mid) >= top) hi = mid
      else lo = mid + 1
    }
    return { at: lo, below: g.top(lo) - top }
  }

  /** Vertical position of a code point offset within the scrolled content (pixels from its top). */
  contentTop(codePoint: number): number {
    return this.geometry().top(codePoint)
  }

  /**
   * Where code points sit in the scrolled content (pixels from its top): a line's top and the
   * bottom of the line holding a code point, measured against the content's place now (taken
   * once, for many measurements while nothing moves).
   */
  geometry(): MarginGeometry {
    const origin = this.body.getBoundingClientRect().top - this.body.scrollTop
    const pos = (codePoint: number) => this.toPos(Math.min(codePoint, this.offsets.codePointLength))
    return {
      top: (codePoint) => this.view.coordsAtPos(pos(codePoint)).top - origin,
      bottom: (codePoint) => this.view.coordsAtPos(pos(codePoint), -1).bottom - origin,
    }
  }

  /** Screen rectangle from the start of a span to the end of its last line. */
  spanRect(start: number, end: number): DOMRect {
    const a = this.view.coordsAtPos(this.toPos(start))
    const b = this.view.coordsAtPos(this.toPos(Math.min(end, this.offsets.codePointLength)))
    const box = this.view.dom.getBoundingClientRect()
    return new DOMRect(box.left, a.top, box.width, Math.max(b.bottom - a.top, 1))
  }

  /** Scrolls so that a code point offset sits at `fraction` of the pane's height. */
  scrollToOffset(codePoint: number, fraction = 0.35): void {
    this.scrollToPos(this.toPos(Math.min(codePoint, this.offsets.codePointLength)), fraction)
  }

  private toPos(codePoint: number): number {
    return offsetToPos(this.lines, this.offsets.toUtf16(codePoint))
  }

  private toCodePoint(pos: number): number {
    return this.offsets.toCodePoint(posToOffset(this.lines, pos))
  }

  /** Annotation ids under a mouse event, innermost (shortest) first. */
  private annotationsAtEvent(event: MouseEvent): string[] {
    const ids: string[] = []
    for (let node = event.target as HTMLElement | null; node && node !== this.view.dom; node = node.parentElement) {
      const id = node.dataset?.annotation
      if (id && !ids.includes(id)) ids.push(id)
    }
    return ids.sort((a, b) => this.length(a) - this.length(b))
  }

  private length(id: string): number {
    const s = this.spans.get(id)
    return s ? s.end - s.start : Infinity
  }

  /**
   * The selection the reader sees on the page when it lies in the text (as positions), or null.
   * ProseMirror learns of a selection made with the mouse or the keyboard on the next
   * `selectionchange` event, so until then it may differ from the state's.
   */
  private pageSelection(): { anchor: number; head: number } | null {
    const dom = this.view.dom.ownerDocument.getSelection()
    if (!dom?.anchorNode || !dom.focusNode || !this.view.dom.contains(dom.anchorNode) || !this.view.dom.contains(dom.focusNode)) return null
    const anchor = this.view.posAtDOM(dom.anchorNode, dom.anchorOffset)
    const head = this.view.posAtDOM(dom.focusNode, dom.focusOffset)
    return anchor < 0 || head < 0 ? null : { anchor, head }
  }

  /** Sets the page's selection on `tr` when the state has not learnt it yet (see pageSelection). */
  private withPageSelection(tr: Transaction): Transaction {
    const seen = this.pageSelection()
    if (seen && (tr.selection.anchor !== seen.anchor || tr.selection.head !== seen.head)) {
      tr.setSelection(TextSelection.create(tr.doc, seen.anchor, seen.head))
    }
    return tr
  }

  /**
   * Makes the state's selection the one the reader sees, before every key the reader handles: a
   * transaction that lands between a selection and its `selectionchange` event (a redraw when the
   * analysis or a save reports back) can make ProseMirror miss that event, and a key pressed right
   * after selecting would then act on an older selection.
   */
  private adoptPageSelection(): void {
    const tr = this.withPageSelection(this.view.state.tr)
    if (tr.selectionSet) this.view.dispatch(tr)
  }

  /**
   * Dispatches new highlights (decorations only) with the selection the reader sees: ProseMirror
   * writes its state's selection back to the page when it redraws, so a selection it has not
   * learnt yet (made just before the analysis or a save reported back) would be lost.
   *
   * The browser's scroll anchoring is off while they are laid out: with it, a pane moved with no
   * scroll call of ours (93 px in the scroll-kept test on a loaded machine, after a save: the text
   * moved, and the other panes followed it), most likely because ProseMirror reuses the nodes of
   * old highlights for new ones elsewhere in the paragraph and the browser keeps the node it
   * anchored on where it was on screen. Highlights change no heights, so anchoring has nothing
   * to keep here. Moving the decorated range does (paragraphs laid out for the first time as it
   * reaches them), so moveRange leaves anchoring on.
   */
  private redraw(tr: Transaction): void {
    this.body.style.overflowAnchor = 'none'
    this.view.dispatch(this.withPageSelection(tr))
    void this.body.scrollHeight // laid out now, while anchoring is off
    this.body.style.overflowAnchor = ''
  }

  /** The current selection as code point offsets into the text, or null when it is empty. */
  selection(): Span | null {
    const { from, to, empty } = this.view.state.selection
    if (empty) return null
    const span = { start: this.toCodePoint(from), end: this.toCodePoint(to) }
    return span.end > span.start ? span : null
  }

  /** Selects a span and scrolls it into view (centred). */
  select(span: Span, focus = true): void {
    const from = this.toPos(span.start)
    const to = this.toPos(span.end)
    this.view.dispatch(this.view.state.tr.setSelection(TextSelection.create(this.view.state.doc, from, to)))
    this.scrollToPos(from)
    if (focus) this.view.focus()
  }

  /** Scrolls so that a span's start sits at `fraction` of the pane's height. */
  scrollToPos(pos: number, fraction = 0.35): void {
    const coords = this.view.coordsAtPos(pos)
    const box = this.body.getBoundingClientRect()
    this.body.scrollTop += coords.top - box.top - box.height * fraction
    // Decorate the new place now: callers look for its highlights right away.
    this.follow()
  }

  /** Screen rectangle of the current selection's end, for placing a popover. */
  selectionRect(): DOMRect | null {
    const { to, empty } = this.view.state.selection
    if (empty) return null
    const c = this.view.coordsAtPos(to)
    return new DOMRect(c.left, c.top, 1, c.bottom - c.top)
  }

  /** Screen rectangle of an annotation's highlight. */
  annotationRect(id: string): DOMRect | null {
    const node = this.view.dom.querySelector(`[data-annotation="${CSS.escape(id)}"]`)
    return node ? node.getBoundingClientRect() : null
  }
}
