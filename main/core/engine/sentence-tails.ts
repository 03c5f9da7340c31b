import type { AnalysedDocument } from './analyse.js'
import { breaksLine, endsSentence, fullLineOf } from './sentences.js'

// The rest of the sentence an edited copy stops short of. A near-verbatim passage ends where the
// texts stop matching, and a copy edited in its last words ends a few words before its sentence
// does: "... is used to build the project.  See also the" against "... See also the", the one
// going on ":prop_tgt:`INSTALL_RPATH` target property." and the other ":variable:
// `CMAKE_INSTALL_RPATH` variable." (a reviewer of CMake's help: the change that makes the two
// variants is left out, and both read as cut short). Where every passage of a near-verbatim
// overlap is that close to its sentence's end (or start), each is taken to it, and the words
// they differ in there are changes like any other. A verbatim overlap stays as found: its
// passages are the words the texts share, word for word.

/**
 * Words (tokens) a passage may be short of its sentence's end or start and be taken to it: the
 * rest of a clause naming something (":prop_tgt:`INSTALL_RPATH` target property" is six, the
 * "What compatibility" a heading repeats two). At seven, the bundled corpus's "New quality
 * productive forces are driven by" / "Specifically, it called for “promoting" came in before the
 * list both quote: each text's own framing of it, said as a change.
 */
export const MAX_SENTENCE_TAIL = 6

/** A passage: tokens [start, end] of document `doc`. */
export interface TailedPassage {
  doc: number
  start: number
  end: number
}

/**
 * Where sentences end in a corpus's documents, read around a passage's edges only (sentences.ts
 * endsSentence): a passage's sentence is found by reading at most MAX_SENTENCE_TAIL + 1 gaps
 * from each edge, not by splitting its whole document (Debian's changelogs: 150 MB of text).
 */
export class SentenceEdges {
  constructor(private readonly docs: readonly AnalysedDocument[]) {}

  /**
   * Words (tokens) from the start of token t's sentence to t (`dir` -1), or from t to its end
   * (1); Infinity when more than MAX_SENTENCE_TAIL.
   */
  distance(d: number, t: number, dir: -1 | 1): number {
    const doc = this.docs[d]
    const fullLine = fullLineOf(doc)
    for (let k = 0; k <= MAX_SENTENCE_TAIL; k++) {
      const u = t + dir * k
      if (dir < 0 ? u === 0 || endsSentence(doc, u - 1, fullLine) : u === doc.starts.length - 1 || endsSentence(doc, u, fullLine)) return k
      // The gap to the next word out: one that holds a stretch of spaces is text left out there;
      // a line break, the next line's unless the text goes on in lower case.
      const [from, to] = dir < 0 ? [doc.ends[u - 1], doc.starts[u]] : [doc.ends[u], doc.starts[u + 1]]
      if (spaced(doc.text, from, to) || (breaksLine(doc.text, from, to) && !LOWER.test(doc.text[to]))) return Infinity
    }
    return Infinity
  }
}

/**
 * Spaces in a row, within a line, from which the text between two words is taken for text left
 * out: an excluded range (project/exclusions.ts) is blanked with a space a character, offsets
 * kept, and a passage taken over it would show the excluded words. A man page's justified line
 * spaces its words two or three apart; a line's indent, after its line break, is no stretch.
 */
export const MIN_BLANK_SPACES = 4

/**
 * A line break read as going on only before a lower-case word. A text wrapped at a fixed width is
 * one paragraph to sentences.ts however its next line starts, and a Debian copyright file's
 * fields are such lines: " 2012-2019 Michael Gilbert <mgilbert@debian.org>" went on into
 * "License: BSD-3-clause", said as a change against another text's next name (a reviewer).
 */
const LOWER = /\p{Ll}/u

/** Whether text[from, to) holds MIN_BLANK_SPACES spaces or tabs in a row, not at a line's start. */
function spaced(text: string, from: number, to: number): boolean {
  let run = 0
  let lineStart = false
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k)
    if (c === 0x0a || c === 0x0d) {
      lineStart = true
      run = 0
    } else if (c === 0x20 || c === 0x09) {
      if (!lineStart && ++run >= MIN_BLANK_SPACES) return true
    } else {
      lineStart = false
      run = 0
    }
  }
  return false
}

/**
 * The passages taken to their sentences' ends, where each ends at most MAX_SENTENCE_TAIL words
 * before its own (and no stretch of spaces lies between); and to their starts likewise.
 */
export function sentenceTails<P extends TailedPassage>(passages: readonly P[], edges: SentenceEdges): P[] {
  // Each passage's distance to its sentence's start (end), read until one is too far: a licence's
  // overlap of hundreds of passages is seldom taken anywhere, and is told so by its first few.
  const gaps = (dir: -1 | 1): number[] | undefined => {
    const found: number[] = []
    for (const p of passages) {
      const gap = edges.distance(p.doc, dir < 0 ? p.start : p.end, dir)
      if (gap > MAX_SENTENCE_TAIL) return undefined
      found.push(gap)
    }
    return found
  }
  const heads = gaps(-1)
  const tails = gaps(1)
  if (!heads && !tails) return [...passages]
  return passages.map((p, i) => ({ ...p, start: heads ? p.start - heads[i] : p.start, end: tails ? p.end + tails[i] : p.end }))
}
