import type { AnalysedDocument } from './analyse.js'
import { paragraphBetween } from './align.js'
import { sameSpelling } from './respelled.js'
import { breaksLine, isSpace, stopAfter } from './sentences.js'
import { continuesNumber } from './nonwords.js'
import { continuesWord } from './word-edges.js'

// Where a change of a word diff stands among the places it could. A run of words one passage adds
// (or removes) that begins with the words just after it, or ends with those just before, can be
// put a word or more further on or back, the same diff: two versions of a change log, one adding
// an entry, "bpo-29706: IDLE now colors ... in 3.7.\n\nbpo-32984: Set __file__" against
// "bpo-32984: Set __file__", diff as "bpo" equal, "29706: IDLE now colors ... in 3.7.\n\nbpo"
// added, the rest equal: the added entry without its own "bpo-" and with the next one's (a
// reviewer of IDLE's NEWS files). A reader marks the entry: "bpo-29706: ... in 3.7." added
// before a blank line. So each such change is put where it starts and ends at the best gaps
// between words, as diff-match-patch's semantic clean-up does with characters: a passage's edge,
// then a paragraph break, a line break, a sentence's end, a space, a gap inside a written word
// ("bpo-29706"), and last one inside a written number ("3.7.0": nonwords.ts continuesNumber):
// "<2.0.0-0" against "<2.0.0", a line before "* ^0.2.3" in both, deleted the "0" of "0.2.3",
// and the whole number shown was "0.2.3" replaced by "2.3" (a tester of the variants). At a
// passage's edge, a change is read against what the other document has just outside the other
// passage (variants.ts, Change.beyond): one version's passage starting an entry earlier than
// another's, the entry itself is no difference.

/** A passage of a pair diffed: tokens [start, end] of `doc`. */
export interface SlidSide {
  doc: AnalysedDocument
  start: number
  end: number
}

/** A step of a word diff: `count` words equal, removed (only in a) or added (only in b). */
export interface SlidPart {
  added: boolean
  removed: boolean
  count: number
}

/**
 * How good a gap is for a change to start or end at (see above), best first. A passage's edge is
 * best: the change is then what one passage reaches further than the other, and, when the other
 * document has its words just outside, no difference at all.
 */
export const GAP_SCORES = {
  edge: 6,
  paragraph: 5,
  line: 4,
  sentence: 3,
  space: 1,
  inWord: 0,
  inNumber: -1,
} as const

/**
 * `parts` with each run of words only one side has, between two equal runs (or a passage's edge),
 * put where its ends score best (GAP_SCORES, both ends summed) among the places the same diff
 * allows, the place it stands at kept on a tie. An equal run between two changes keeps a word at
 * least, so that no two changes meet and read as one. The same array where nothing moves.
 */
export function slidChanges(a: SlidSide, b: SlidSide, parts: readonly SlidPart[]): readonly SlidPart[] {
  let out: SlidPart[] | undefined
  let ia = a.start
  let ib = b.start
  for (let k = 0; k < (out ?? parts).length; k++) {
    const part = (out ?? parts)[k]
    const equal = !part.added && !part.removed
    const before = k > 0 ? (out ?? parts)[k - 1] : undefined
    const after = k + 1 < (out ?? parts).length ? (out ?? parts)[k + 1] : undefined
    const isEqual = (p: SlidPart | undefined): p is SlidPart => !!p && !p.added && !p.removed
    if (!equal && (!before || isEqual(before)) && (!after || isEqual(after))) {
      const length = (out ?? parts).length
      const shift = bestShift(a, b, part, ia, ib, before?.count ?? 0, k === 1, after?.count ?? 0, k + 2 === length)
      if (shift !== 0) {
        out ??= parts.map((p) => ({ ...p }))
        if (shift < 0) {
          out[k - 1].count += shift
          ensureAfter(out, k, -shift)
        } else {
          out[k + 1].count -= shift
          ensureBefore(out, k, shift)
        }
        // The equal run before grew (or a new one opened): the change is now one part further on.
        if (shift > 0 && k === 0) k++
        ia += shift
        ib += shift
      }
    }
    const now = (out ?? parts)[k]
    if (!now.added) ia += now.count
    if (!now.removed) ib += now.count
  }
  return out ? out.filter((p) => p.count > 0) : parts
}

/** Grows the equal run after part k by `count` words (opening one where the pair ends). */
function ensureAfter(parts: SlidPart[], k: number, count: number): void {
  const next = parts[k + 1]
  if (next && !next.added && !next.removed) next.count += count
  else parts.splice(k + 1, 0, { added: false, removed: false, count })
}

/** Grows the equal run before part k by `count` words (opening one where the pair starts). */
function ensureBefore(parts: SlidPart[], k: number, count: number): void {
  const last = parts[k - 1]
  if (last && !last.added && !last.removed) last.count += count
  else parts.splice(k, 0, { added: false, removed: false, count })
}

/**
 * The shift (words; negative: back) of a change of `part.count` words, starting at tokens ia of a
 * and ib of b, between an equal run of `before` words (the pair's first part when `first`) and
 * one of `after` words (its last when `last`), that puts its ends at the best gaps (see
 * slidChanges); 0 where no place is better than its own.
 */
function bestShift(
  a: SlidSide,
  b: SlidSide,
  part: SlidPart,
  ia: number,
  ib: number,
  before: number,
  first: boolean,
  after: number,
  last: boolean,
): number {
  // The side whose words the change is, where it starts, and the other side's place.
  const [x, y, px, py] = part.added ? [b, a, ib, ia] : [a, b, ia, ib]
  const n = part.count
  const surface = x.doc.surface
  /** Whether x's token t and y's token u are one word as the diff compares them, spelled alike. */
  const alike = (t: number, u: number): boolean =>
    surface[t] === y.doc.surface[u] && (part.added ? sameSpelling(a.doc, u, b.doc, t, 1) : sameSpelling(a.doc, t, b.doc, u, 1))
  const score = (shift: number): number => gapScore(x, px + shift) + gapScore(x, px + shift + n)
  let best = 0
  let bestScore = score(0)
  // Back: the word before the change is its last one, read against the other side's word the
  // equal run paired with it.
  const back = first ? before : before - 1
  for (let s = 1; s <= back; s++) {
    const t = px - s
    if (surface[t] !== surface[t + n] || !alike(t + n, py - s)) break
    const value = score(-s)
    if (value > bestScore) [best, bestScore] = [-s, value]
  }
  const on = last ? after : after - 1
  for (let s = 1; s <= on; s++) {
    const t = px + s - 1
    if (surface[t] !== surface[t + n] || !alike(t, py + s - 1)) break
    const value = score(s)
    if (value > bestScore) [best, bestScore] = [s, value]
  }
  return best
}

/** How good the gap before token t of passage x is for a change to start or end at (GAP_SCORES). */
function gapScore(x: SlidSide, t: number): number {
  if (t <= x.start || t > x.end) return GAP_SCORES.edge
  const { doc } = x
  if (continuesWord(doc, t)) return continuesNumber(doc, t) ? GAP_SCORES.inNumber : GAP_SCORES.inWord
  if (paragraphBetween(doc, t - 1, t)) return GAP_SCORES.paragraph
  if (breaksLine(doc.text, doc.ends[t - 1], doc.starts[t])) return GAP_SCORES.line
  if (stopAfter(doc, t - 1)) return GAP_SCORES.sentence
  for (let k = doc.ends[t - 1]; k < doc.starts[t]; k++) if (isSpace(doc.text, k)) return GAP_SCORES.space
  return GAP_SCORES.inWord
}
