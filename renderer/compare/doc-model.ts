import { type Node, Schema } from 'prosemirror-model'
import { lastAtOrBefore } from '../../main/core/text/sorted.js'

// A source text as a ProseMirror document: one paragraph per non-empty line, each remembering
// where its line starts in the text. ProseMirror positions and the text's UTF-16 offsets convert
// both ways through that, so a selection in a pane becomes exact offsets in the file.

export const schema = new Schema({
  nodes: {
    doc: { content: 'paragraph+' },
    paragraph: {
      content: 'text*',
      attrs: { start: { default: 0 } },
      parseDOM: [{ tag: 'p' }],
      toDOM: () => ['p', 0],
    },
    text: {},
  },
})

/** Where each paragraph starts, in ProseMirror positions and in the text (UTF-16), ascending. */
export interface LineIndex {
  pos: number[]
  offset: number[]
  lengths: number[]
}

export interface TextDocument {
  doc: Node
  lines: LineIndex
}

/** Builds the document for `text` (lines split on \n; a \r before it is not shown). */
export function textToDoc(text: string): TextDocument {
  const paragraphs: Node[] = []
  const lines: LineIndex = { pos: [], offset: [], lengths: [] }
  let pos = 0
  let offset = 0
  for (const raw of text.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw
    if (line.length > 0) {
      paragraphs.push(schema.node('paragraph', { start: offset }, [schema.text(line)]))
      lines.pos.push(pos + 1)
      lines.offset.push(offset)
      lines.lengths.push(line.length)
      pos += line.length + 2
    }
    offset += raw.length + 1
  }
  if (paragraphs.length === 0) paragraphs.push(schema.node('paragraph', { start: 0 }))
  return { doc: schema.node('doc', null, paragraphs), lines }
}

/** The ProseMirror position of a UTF-16 offset in the text (an offset in a hidden line break maps to the end of its line). */
export function offsetToPos(lines: LineIndex, offset: number): number {
  if (lines.pos.length === 0) return 1
  const i = lastAtOrBefore(lines.offset, offset)
  return lines.pos[i] + Math.max(0, Math.min(offset - lines.offset[i], lines.lengths[i]))
}

/** The UTF-16 offset in the text of a ProseMirror position. */
export function posToOffset(lines: LineIndex, pos: number): number {
  if (lines.pos.length === 0) return 0
  const i = lastAtOrBefore(lines.pos, pos)
  return lines.offset[i] + Math.max(0, Math.min(pos - lines.pos[i], lines.lengths[i]))
}
