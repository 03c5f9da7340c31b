import { EditorState, Plugin, PluginKey, type Transaction } from 'prosemirror-state'
import { Decoration, DecorationSet, EditorView } from 'prosemirror-view'
import { positionOf, tagIdsOf } from '../main/core/annotation.js'
import type { AnnotationItem, DocumentView } from '../main/core/api.js'
import type { Tag } from '../main/core/codebook.js'
import { OffsetMap } from '../main/core/text.js'
import { type LineIndex, offsetToPos, posToOffset, textToDoc } from './doc-model.js'
import { el } from './dom.js'

// One document in a read-only ProseMirror view: text selectable, annotations shown as inline
// decorations (kept in plugin state, never as marks in the document).

const highlights = new PluginKey<DecorationSet>('highlights')

const highlightPlugin = new Plugin<DecorationSet>({
  key: highlights,
  state: {
    init: () => DecorationSet.empty,
    apply(tr: Transaction, set: DecorationSet) {
      const next = tr.getMeta(highlights) as DecorationSet | undefined
      return next ?? set.map(tr.mapping, tr.doc)
    },
  },
  props: { decorations: (state) => highlights.getState(state) },
})

/** The byline under a title: author, outlet and date, whichever the document states. */
export function byline(d: { author: string; outlet: string; date: string }): string {
  return [d.author, d.outlet, d.date].filter(Boolean).join(' · ')
}

export class Reader {
  readonly dom: HTMLElement
  private readonly header: HTMLElement
  private readonly view: EditorView
  private lines: LineIndex = { pos: [], offset: [], lengths: [] }
  private offsets = new OffsetMap('')

  constructor() {
    this.header = el('header', { class: 'reader-header' })
    const body = el('div', { class: 'reader-body' })
    this.dom = el('section', { class: 'reader', 'aria-label': 'Document' }, this.header, body)
    this.view = new EditorView(body, {
      state: EditorState.create({ doc: textToDoc('').doc, plugins: [highlightPlugin] }),
      editable: () => false,
      attributes: { class: 'reader-text', role: 'document', 'aria-readonly': 'true', tabindex: '0' },
    })
  }

  /** Shows a document with its annotations, coloured by their first tag. */
  show(view: DocumentView, annotations: readonly AnnotationItem[], tags: readonly Tag[]): void {
    const { doc, lines } = textToDoc(view.text)
    this.lines = lines
    this.offsets = new OffsetMap(view.text)
    const d = view.document
    this.header.replaceChildren(el('h1', { class: 'reader-title' }, d.title), el('p', { class: 'reader-byline' }, byline(d) || 'No author, outlet or date stated'))
    this.dom.setAttribute('aria-label', d.title)
    this.view.updateState(EditorState.create({ doc, plugins: [highlightPlugin] }))
    this.view.dispatch(this.view.state.tr.setMeta(highlights, this.decorations(annotations, tags)))
    this.view.dom.scrollTop = 0
    this.dom.querySelector('.reader-body')?.scrollTo(0, 0)
  }

  private decorations(annotations: readonly AnnotationItem[], tags: readonly Tag[]): DecorationSet {
    const byId = new Map(tags.map((t) => [t.id, t]))
    const decos: Decoration[] = []
    for (const { annotation } of annotations) {
      const { start, end } = positionOf(annotation)
      if (end > this.offsets.codePointLength) continue
      const from = offsetToPos(this.lines, this.offsets.toUtf16(start))
      const to = offsetToPos(this.lines, this.offsets.toUtf16(end))
      const tag = byId.get(tagIdsOf(annotation)[0] ?? '')
      const names = tagIdsOf(annotation).map((id) => byId.get(id)?.name ?? id)
      decos.push(
        Decoration.inline(from, to, {
          class: 'annotation',
          style: `--tag-colour: ${tag?.colour ?? '#e6a23c'}`,
          title: names.length ? `Tagged: ${names.join(', ')}` : 'Highlight',
          'data-annotation': annotation.id,
        }),
      )
    }
    return DecorationSet.create(this.view.state.doc, decos)
  }

  /** The current selection as code point offsets into the text, or null when it is empty. */
  selection(): { start: number; end: number } | null {
    const { from, to, empty } = this.view.state.selection
    if (empty) return null
    return { start: this.offsets.toCodePoint(posToOffset(this.lines, from)), end: this.offsets.toCodePoint(posToOffset(this.lines, to)) }
  }
}
