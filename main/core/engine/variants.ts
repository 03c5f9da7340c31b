import { diffArrays } from 'diff'
import type { AnalysedDocument } from './analyse.js'
import type { OffsetMap } from '../text/offsets.js'

// How two passages of an overlap differ, word by word: jsdiff's diffArrays over the passages'
// tokens, two tokens being equal when their surface forms are (normalise.ts: case, quotes,
// hyphenation and British/American spelling do not count as changes, though the texts shown for
// an "equal" run may differ in them). Only passages are diffed, never whole documents, and each
// diff is bounded twice: by edit length (a pair needing more edits than that is not a variant
// worth showing word by word) and by time.

/**
 * One step from passage a to passage b. Offsets are code points into each document's text; an
 * empty side (an insert's a, a delete's b) has start = end at the point where the other side's
 * words go.
 *   equal    the same words (surface forms) in both; `a` and `b` show each text's own wording
 *   delete   words only in a
 *   insert   words only in b
 *   replace  words of a replaced by words of b
 */
export interface Change {
  op: 'equal' | 'insert' | 'delete' | 'replace'
  a: string
  b: string
  aStart: number
  aEnd: number
  bStart: number
  bEnd: number
}

/**
 * The differences between passages `a` and `b` (indices into the overlap's passages). `changes`
 * is null when the diff gave up (over MAX_EDIT_LENGTH or DIFF_TIMEOUT_MS): the passages share
 * words but not in an order a word diff can show.
 */
export interface Variant {
  a: number
  b: number
  changes: Change[] | null
}

/**
 * Most inserted plus deleted words a diff may need. Passages are at most a few hundred words; a
 * pair needing over 400 edits shares little in order, and Myers' algorithm costs grow with the
 * square of the edits.
 */
export const MAX_EDIT_LENGTH = 400

/** Longest one diff may run, in milliseconds, whatever its edit length. */
export const DIFF_TIMEOUT_MS = 250

/** A passage to diff: tokens [start, end] (inclusive) of a document and its offset map. */
export interface DiffSide {
  doc: AnalysedDocument
  start: number
  end: number
  map: OffsetMap
}

/** Word-level changes from passage `a` to passage `b`, or null when the diff gave up. */
export function diffPassages(a: DiffSide, b: DiffSide): Change[] | null {
  const left: number[] = []
  const right: number[] = []
  for (let t = a.start; t <= a.end; t++) left.push(t)
  for (let t = b.start; t <= b.end; t++) right.push(t)
  const sa = a.doc.surface
  const sb = b.doc.surface
  const parts = diffArrays(left, right, {
    comparator: (x: number, y: number) => sa[x] === sb[y],
    maxEditLength: MAX_EDIT_LENGTH,
    timeout: DIFF_TIMEOUT_MS,
  })
  if (!parts) return null
  const changes: Change[] = []
  let ia = a.start
  let ib = b.start
  for (let k = 0; k < parts.length; k++) {
    const part = parts[k]
    let na = 0
    let nb = 0
    let op: Change['op']
    if (!part.added && !part.removed) {
      op = 'equal'
      na = nb = part.count
    } else {
      const next = parts[k + 1]
      if (next && (next.added || next.removed) && next.added !== part.added) {
        op = 'replace'
        na = part.removed ? part.count : next.count
        nb = part.added ? part.count : next.count
        k++
      } else if (part.removed) {
        op = 'delete'
        na = part.count
      } else {
        op = 'insert'
        nb = part.count
      }
    }
    const [aStart, aEnd] = span(a, ia, na)
    const [bStart, bEnd] = span(b, ib, nb)
    changes.push({
      op,
      a: a.doc.text.slice(aStart, aEnd),
      b: b.doc.text.slice(bStart, bEnd),
      aStart: a.map.toCodePoint(aStart),
      aEnd: a.map.toCodePoint(aEnd),
      bStart: b.map.toCodePoint(bStart),
      bEnd: b.map.toCodePoint(bEnd),
    })
    ia += na
    ib += nb
  }
  return changes
}

/** UTF-16 span of `count` tokens from token `from`; an empty span sits after the previous token. */
function span(side: DiffSide, from: number, count: number): [number, number] {
  const { doc } = side
  if (count > 0) return [doc.starts[from], doc.ends[from + count - 1]]
  const at = from > side.start ? doc.ends[from - 1] : doc.starts[side.start]
  return [at, at]
}
