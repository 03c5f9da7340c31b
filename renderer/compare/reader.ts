import type { Node as PMNode } from 'prosemirror-model'
import { EditorState, Plugin, PluginKey, TextSelection, type Transaction } from 'prosemirror-state'
import { Decoration, DecorationSet, EditorView } from 'prosemirror-view'
import type { AnnotationSpan, DocumentView } from '../../main/core/contract/api.js'
import type { Tag } from '../../main/core/annotations/codebook.js'
import { OffsetMap } from '../../main/core/text/offsets.js'
import { type LineIndex, offsetToPos, posToOffset, textToDoc } from './doc-model.js'
import { el } from '../shared/dom.js'

// One document in a ProseMirror view that can be read, selected with mouse or keyboard (caret,
// Shift+arrows) and never edited: every change to the document is refused. Annotations are
// inline decorations kept in plugin state, in lanes so overlapping ones stay apart.

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

/** Annotations (drawn above the overlays). */
const annotationsLayer = decorationLayer('annotations')
/** Everything else drawn over the text: shared passages, variant words, excluded ranges. */
const overlaysLayer = decorationLayer('overlays')
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
  docId: string | null = null

  constructor(private readonly events: ReaderEvents = {}) {
    this.header = el('header', { class: 'reader-header' })
    this.margin = el('div', { class: 'reader-margin', 'aria-label': 'Codes in the margin' })
    this.body = el('div', { class: 'reader-body' }, this.margin)
    this.dom = el('section', { class: 'reader', 'aria-label': 'Document' }, this.header, this.body)
    this.view = new EditorView(this.body, {
      state: this.freshState(textToDoc('').doc),
      attributes: { class: 'reader-text', role: 'document', 'aria-readonly': 'true', spellcheck: 'false', 'aria-label': 'Document text' },
      handleKeyDown: (_view, event) => this.events.onKey?.(event) ?? false,
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
  }

  private freshState(doc: ReturnType<typeof textToDoc>['doc']): EditorState {
    return EditorState.create({ doc, plugins: [readOnly, definitionsLayer.plugin, overlaysLayer.plugin, annotationsLayer.plugin] })
  }

  /** The text as the reader holds it. */
  get text(): OffsetMap {
    return this.offsets
  }

  /**
   * Draws a document from the state: the text only when it is another text, the title and the
   * annotations only when they changed; `overlays` (and `definitions`) are asked for when the
   * text is drawn anew.
   */
  render(
    view: DocumentView,
    annotations: AnnotationLayer,
    overlays: () => readonly Overlay[],
    definitions: () => readonly Overlay[] = () => [],
  ): void {
    if (this.docId !== view.document.id || this.offsets.text !== view.text) {
      this.show(view, { annotations, overlays: overlays(), definitions: definitions() })
      return
    }
    if (this.drawn.document !== view.document) this.showHeader(view.document)
    const drawn = this.drawn.annotations
    if (drawn?.spans !== annotations.spans || drawn.tags !== annotations.tags) this.setAnnotations(annotations)
  }

  private showHeader(d: DocumentView['document']): void {
    this.header.replaceChildren(
      el('h1', { class: 'reader-title' }, d.title),
      el('p', { class: 'reader-byline' }, byline(d) || 'No author, outlet or date stated'),
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
      this.view.dispatch(this.withLayers(this.view.state.tr, layers))
      return
    }
    const { doc, lines } = textToDoc(view.text)
    this.lines = lines
    this.offsets = new OffsetMap(view.text)
    // Text and decorations in one state, so the document is rendered once.
    const state = this.freshState(doc)
    this.view.updateState(state.apply(this.withLayers(state.tr, layers)))
    this.body.scrollTo(0, 0)
  }

  /** A transaction that replaces the given decoration layers. */
  private withLayers(tr: Transaction, layers: Layers): Transaction {
    if (layers.annotations) {
      tr.setMeta(annotationsLayer.key, this.annotationDecorations(tr.doc, layers.annotations))
      this.drawn.annotations = layers.annotations
    }
    if (layers.overlays) tr.setMeta(overlaysLayer.key, this.overlayDecorations(tr.doc, layers.overlays))
    if (layers.definitions) tr.setMeta(definitionsLayer.key, this.overlayDecorations(tr.doc, layers.definitions))
    return tr
  }

  /** Shows annotations, coloured by their first tag; orphans are not shown in the text. */
  setAnnotations(annotations: AnnotationLayer): void {
    this.view.dispatch(this.withLayers(this.view.state.tr, { annotations }))
  }

  /** Draws the definitions layer (replacing the previous one). */
  setDefinitions(definitions: readonly Overlay[]): void {
    this.view.dispatch(this.withLayers(this.view.state.tr, { definitions }))
  }

  /** Draws overlays (replacing the previous ones). */
  setOverlays(overlays: readonly Overlay[]): void {
    this.view.dispatch(this.withLayers(this.view.state.tr, { overlays }))
  }

  private annotationDecorations(doc: PMNode, { spans, tags }: AnnotationLayer): DecorationSet {
    const byId = new Map(tags.map((t) => [t.id, t]))
    const visible = spans.filter((s) => s.status !== 'orphan' && s.end <= this.offsets.codePointLength)
    const lane = lanes(visible)
    this.spans = new Map(visible.map((s) => [s.id, s]))
    const decos = visible.map((span, k) => {
      const { start, end } = span
      const ids = span.tagIds
      const names = ids.map((id) => byId.get(id)?.name ?? '?')
      // nodeName gives every annotation its own element, so overlapping ones stay nested and
      // each keeps its id (ProseMirror would otherwise merge their attributes into one span).
      return Decoration.inline(this.toPos(start), this.toPos(end), {
        nodeName: 'span',
        class: `annotation lane-${lane[k]}`,
        style: `--tag-colour: ${byId.get(ids[0] ?? '')?.colour ?? 'var(--plain-highlight)'}`,
        title: names.length ? `Tagged: ${names.join(', ')}` : 'Highlight',
        'data-tags': names.join(', '),
        'data-annotation': span.id,
      })
    })
    return DecorationSet.create(doc, decos)
  }

  private overlayDecorations(doc: PMNode, overlays: readonly Overlay[]): DecorationSet {
    const max = this.offsets.codePointLength
    const decos = overlays
      .filter((o) => o.end > o.start && o.end <= max)
      .map((o) => Decoration.inline(this.toPos(o.start), this.toPos(o.end), { class: o.class, ...o.attrs }))
    return DecorationSet.create(doc, decos)
  }

  /** Vertical position of a code point offset within the scrolled content (pixels from its top). */
  contentTop(codePoint: number): number {
    const c = this.view.coordsAtPos(this.toPos(Math.min(codePoint, this.offsets.codePointLength)))
    return c.top - this.body.getBoundingClientRect().top + this.body.scrollTop
  }

  /** Vertical position of the bottom of the line holding a code point offset (pixels from the content's top). */
  contentBottom(codePoint: number): number {
    const c = this.view.coordsAtPos(this.toPos(Math.min(codePoint, this.offsets.codePointLength)), -1)
    return c.bottom - this.body.getBoundingClientRect().top + this.body.scrollTop
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
