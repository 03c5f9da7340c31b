import { type Node, Schema } from 'prosemirror-model'
import { lastAtOrBefore } from '../../main/core/text/sorted.js'
import { wrappedLines } from './hard-wrap.js'

// A source text as a ProseMirror document: one paragraph per non-empty line, or per run of lines
// a hard-wrapped text wraps one paragraph over (hard-wrap.ts), each remembering where it starts in
// the text. A paragraph holds its text as it is, line feeds and indentation too, and its view
// flows them as spaces (white-space: normal on the paragraphs the lines of a wrapped text make), so
// ProseMirror positions and the text's UTF-16 offsets convert both ways one to one within it, and
// a selection in a pane becomes exact offsets in the file.

export const schema = new Schema({
  nodes: {
    doc: { content: 'paragraph+' },
    paragraph: {
      content: 'text*',
      attrs: { start: { default: 0 }, wrapped: { default: false } },
      parseDOM: [{ tag: 'p' }],
      toDOM: (node) => (node.attrs.wrapped ? ['p', { class: 'wrapped' }, 0] : ['p', 0]),
    },
    text: {},
  },
})

/** Where each paragraph starts, in ProseMirror positions and in the text (UTF-16), ascending, and its length. */
export interface LineIndex {
  pos: number[]
  offset: number[]
  lengths: number[]
}

export interface TextDocument {
  doc: Node
  lines: LineIndex
}

/**
 * Builds the document for `text`: lines split on \n (a \r before it is not shown), a paragraph
 * per non-empty line or per run of lines that wrap one (hard-wrap.ts wrappedLines).
 */
export function textToDoc(text: string): TextDocument {
  const paragraphs: Node[] = []
  const lines: LineIndex = { pos: [], offset: [], lengths: [] }
  const raws = text.split('\n')
  const goesOn = wrappedLines(raws.map((raw) => (raw.endsWith('\r') ? raw.slice(0, -1) : raw)))
  let pos = 0
  let offset = 0
  for (let k = 0; k < raws.length; k++) {
    // The lines from k that make one paragraph: k and each that the one before goes on in.
    let last = k
    let length = raws[k].length
    while (goesOn[last]) length += 1 + raws[++last].length
    const line = raws[last].endsWith('\r') ? text.slice(offset, offset + length - 1) : text.slice(offset, offset + length)
    if (line.length > 0) {
      paragraphs.push(schema.node('paragraph', { start: offset, wrapped: last > k }, [schema.text(line)]))
      lines.pos.push(pos + 1)
      lines.offset.push(offset)
      lines.lengths.push(line.length)
      pos += line.length + 2
    }
    offset += length + 1
    k = last
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
