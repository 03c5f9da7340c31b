import { contentFrom, type AnalysedDocument } from './analyse.js'
import { SENTENCE_GAP } from './align.js'

// Words moved to a passage's edge. An edited copy may put a word or two of the passage elsewhere:
// "deep industrial transformation and upgrading" is "deep transformation and upgrading of
// industries" in another text, "the Political Bureau of the Communist Party of China Central
// Committee" is "the Political Bureau of the Central Committee of the Communist Party of China".
// Aligned word for word (align.ts), the second passage ends before "of industries" and the first
// before "Central Committee": those words stand beyond the edge in one text and inside the
// passage in the other. An edge reaches over them, when they are a word or two that the other
// passage has near its own edge, more times than this passage has them there, and no sentence
// end or line break comes before them: they are the passage's words, moved. (Beyond a line break,
// the next item of a list or entry of a changelog may start with a word the other passage
// replaced: "* Translations updated" after "... the main window", where the other text says "the
// translations window".)

/** Content words, at most, that an edge reaches over (see above). */
export const MOVED_EDGE_WORDS = 2

/**
 * Content words of each passage, from the edge, in which the moved words are counted: about a
 * clause. A word the other passage has further from its edge is another use of it, not this one
 * moved.
 */
export const MOVED_WINDOW = 8

/** Tokens by which a pair's edges reach over moved words (movedEdges), each 0 when none. */
export type MovedEdges = [aStart: number, aEnd: number, bStart: number, bEnd: number]

/**
 * Tokens by which passage [a0, a1] of A and passage [b0, b1] of B, aligned with each other, reach
 * beyond their edges to take in words moved there (see above). Each side's content positions are
 * found once for the four edges: found edge by edge, they were up to twenty searches a pair, and
 * on Debian's changelogs (documents of up to 670,000 words) movedEdge took 1.18 s of a CPU
 * profile, movedEdges 0.55 s.
 */
export function movedEdges(A: AnalysedDocument, a0: number, a1: number, B: AnalysedDocument, b0: number, b1: number): MovedEdges {
  const sideA = contentOf(A, a0, a1)
  const sideB = contentOf(B, b0, b1)
  return [
    movedEdge(A, a0, a1, sideA, B, sideB, -1),
    movedEdge(A, a0, a1, sideA, B, sideB, 1),
    movedEdge(B, b0, b1, sideB, A, sideA, -1),
    movedEdge(B, b0, b1, sideB, A, sideA, 1),
  ]
}

/** A passage's content positions [from, to): the content words of its tokens. */
type ContentSpan = [from: number, to: number]

/** Tokens [t0, t1] of `doc` as content positions. */
function contentOf(doc: AnalysedDocument, t0: number, t1: number): ContentSpan {
  return [contentFrom(doc, t0), contentFrom(doc, t1 + 1)]
}

/**
 * Tokens by which passage [a0, a1] of A (its content positions `inA`) reaches beyond its edge
 * (dir 1: its end a1, -1: its start a0) over words moved there, given the passage of B it is
 * aligned with (its content positions `inB`); 0 when none.
 */
function movedEdge(
  A: AnalysedDocument,
  a0: number,
  a1: number,
  inA: ContentSpan,
  B: AnalysedDocument,
  inB: ContentSpan,
  dir: 1 | -1,
): number {
  const edge = dir > 0 ? a1 : a0
  // The first content word beyond the edge.
  let c = dir > 0 ? inA[1] : inA[0] - 1
  // Most edges are followed by a word the other passage lacks: told before any window is read.
  if (c < 0 || c >= A.content.length) return 0
  const [bf, bt] = windowOf(inB, dir)
  if (count(B, bf, bt, A.match[A.content[c]]) === 0) return 0
  const [af, at] = windowOf(inA, dir)
  let reach = 0
  /** The words taken so far. */
  const taken: number[] = []
  for (let k = 0; k < MOVED_EDGE_WORDS && c >= 0 && c < A.content.length; k++, c += dir) {
    const t = A.content[c]
    const m = A.match[t]
    let used = 0
    for (const w of taken) if (w === m) used++
    if (count(B, bf, bt, m) - count(A, af, at, m) - used <= 0) break
    // The text between the edge so far and this word.
    const last = edge + dir * reach
    const gap = dir > 0 ? A.text.slice(A.ends[last], A.starts[t]) : A.text.slice(A.ends[t], A.starts[last])
    // A moved word is never beyond a sentence end or line break.
    if (SENTENCE_GAP.test(gap)) break
    taken.push(m)
    reach = dir * (t - edge)
  }
  return reach
}

/** The window (MOVED_WINDOW) of a passage with content positions [from, to) at its edge `dir`, as content positions. */
function windowOf([from, to]: ContentSpan, dir: 1 | -1): ContentSpan {
  return dir > 0 ? [Math.max(from, to - MOVED_WINDOW), to] : [from, Math.min(to, from + MOVED_WINDOW)]
}

/** How many of content positions [from, to) of `doc` are word m (match id). */
export function count(doc: AnalysedDocument, from: number, to: number, m: number): number {
  let n = 0
  for (let c = from; c < to; c++) if (doc.match[doc.content[c]] === m) n++
  return n
}
