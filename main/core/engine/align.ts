import { type AnalysedDocument, isFunctionWord } from './analyse.js'
import { LONG_MATCH_WORDS } from './banality.js'
import type { Lexicon } from './lexicon.js'
import { isStopMark, WIDE_STOPS } from './sentences.js'

// Exact passage ends by local alignment. A candidate passage (chain.ts) starts and ends on shared
// content words; the words just outside may still belong to it ("the improvement of workers"
// starts at "the", though seeds start at "improvement"), sometimes past an edit. From each end the
// two texts are aligned outward, anchored at the end (a semi-global Smith-Waterman over a small
// window), and the passage is extended to the cell of best score: the extension stops where
// further words would cost more in mismatches and gaps than they add in matches. Crossing the end
// of a sentence or a line break costs BOUNDARY_COST, and an extension beyond one ends on a content
// word both texts have: two texts agreeing on function words beyond it ("In the ...") is chance,
// but a shared content word beyond it is the passage going on. A
// paragraph break is never crossed: a new paragraph that opens alike in both texts ("Accelerating
// the formation of new quality productive forces") is the subject's stock, not the passage.
// (Seeds may span sentences and paragraphs; only the extension beyond them stops.)
//
// Before that, a candidate reaches as far as both texts go on with the same content words, word
// for word (verbatimReach): a frequent text is seeded through a representative occurrence
// (ngrams.ts), and two copies of a longer text that holds it (a 4-clause BSD licence, whose
// clauses 1-2 and disclaimer are in three hundred 3-clause copies) are then paired only around
// their rarer words, each copy's other parts going to the representative's text. Past a paragraph
// break the words must go on alike for LONG_MATCH_WORDS more: a paragraph that merely opens alike
// is still not taken.

/**
 * Content words both texts go on with alike beyond content position ca of A and cb of B (dir 1:
 * after them, -1: before), by match form (normalise.ts), so function words between may differ
 * (the alignment and the measure judge them); past a paragraph break only as far as a run of at
 * least LONG_MATCH_WORDS content words goes on alike after it (see above). One pass over the
 * words shared, which the measure reads again.
 */
export function verbatimReach(A: AnalysedDocument, ca: number, B: AnalysedDocument, cb: number, dir: 1 | -1): number {
  let k = 0
  let kept = 0
  /** Content words alike since the last paragraph break crossed, -1 before any. */
  let sinceBreak = -1
  for (;;) {
    const na = ca + dir * (k + 1)
    const nb = cb + dir * (k + 1)
    if (na < 0 || nb < 0 || na >= A.content.length || nb >= B.content.length) break
    if (A.match[A.content[na]] !== B.match[B.content[nb]]) break
    if (paragraphBetween(A, A.content[na - dir], A.content[na]) || paragraphBetween(B, B.content[nb - dir], B.content[nb])) sinceBreak = 0
    k++
    if (sinceBreak < 0) kept = k
    else if (++sinceBreak >= LONG_MATCH_WORDS) kept = k
  }
  return kept
}

/** Whether a paragraph break (PARAGRAPH_GAP) lies between tokens t and u of a document (either order). */
export function paragraphBetween(doc: Pick<AnalysedDocument, 'text' | 'starts' | 'ends'>, t: number, u: number): boolean {
  const from = doc.ends[Math.min(t, u)]
  const to = doc.starts[Math.max(t, u)]
  // Most gaps hold no line break at all: read for one before any pattern.
  let lines = 0
  for (let i = from; i < to; i++) {
    const c = doc.text.charCodeAt(i)
    if (c === 0x0a || c === 0x0d || c === 0x2029) lines++
  }
  return lines > 0 && PARAGRAPH_GAP.test(doc.text.slice(from, to))
}

/** Tokens looked at beyond each end. A dozen words cover a clause; beyond, seeds would exist. */
export const EDGE_WINDOW = 12

/** Score of aligning two equal content words. */
const MATCH_CONTENT = 2
/** Score of aligning two equal function words: they alone should not carry a passage outward. */
const MATCH_FUNCTION = 1
/** Score of aligning two different words. */
const MISMATCH = -2
/** Score of skipping a word in one text (an inserted or deleted word). */
const GAP = -2

/**
 * A sentence end or a line break in the gap between two words (moved-edge.ts stops there too): a
 * Chinese or Japanese full stop, question or exclamation mark (WIDE_STOPS) needs no space after it.
 */
export const SENTENCE_GAP = new RegExp(`[.!?]["”’)\\]]*\\s|[${WIDE_STOPS}\\n\\r\\u2028\\u2029]`)
/**
 * A paragraph break (a blank line or a paragraph separator): the extension stops there. A line that
 * holds only the marks of a margin the text is framed in is a blank line of that text: pydoc's
 * pages print a class's methods after a "|" on every line, the blank lines between two methods'
 * entries too, and a passage ran from one method's entry into the next one's, or joined two
 * entries written to one template (a tester of Python's pages); a quoted e-mail's paragraphs
 * stand between lines of ">" alone, or "> >" quoted twice. So do a comment block's, between lines
 * of its comment mark alone: "#" (shell, configuration files), " *" (C), "//", ";" (INI files).
 * Five systemd configuration files' passages in the overlap of the LGPL notice they share with a
 * sixth ran on past its "#" line into the paragraph after it (a tester of /etc).
 */
export const PARAGRAPH_GAP = /\n[ \t]*(?:(?:[|>#*;]|\/\/)[ \t]*)*\r?\n|\r[ \t]*(?:(?:[|>#*;]|\/\/)[ \t]*)*\r|\u2029/

/**
 * What extending a passage across a sentence end or a line break costs: more than a function word
 * matched and less than a content word. Two texts agreeing on "The" after a full stop is chance,
 * but a content word both continue with belongs to the passage, and in hard-wrapped or list-like
 * text (a licence's lines, a changelog's entries) lines and stops fall inside a shared formula
 * ("Free Software Foundation, Inc.\nLicense: GPL-2+").
 */
export const BOUNDARY_COST = 1.5

/**
 * Tokens from `from` in direction `dir`, at most EDGE_WINDOW, before a paragraph break or the
 * text's end; crossed[k] is set to how many sentence ends or line breaks lie between `from` and
 * the k-th of them.
 */
function reach(doc: AnalysedDocument, from: number, dir: 1 | -1, crossed: Uint8Array): number {
  let k = 0
  crossed[0] = 0
  const { text, starts, ends } = doc
  while (k < EDGE_WINDOW) {
    const t = from + dir * k
    const next = t + dir
    if (next < 0 || next >= starts.length) break
    const gapStart = dir > 0 ? ends[t] : ends[next]
    const gapEnd = dir > 0 ? starts[next] : starts[t]
    // Most gaps are one space or one line break: no need to match them against the patterns.
    const single = gapEnd - gapStart === 1 ? text.charCodeAt(gapStart) : -1
    if (single === 0x20) {
      crossed[k + 1] = crossed[k]
    } else if (single === 0x0a || single === 0x0d) {
      crossed[k + 1] = crossed[k] + 1
    } else if (!mayEnd(text, gapStart, gapEnd)) {
      crossed[k + 1] = crossed[k]
    } else {
      const gap = text.slice(gapStart, gapEnd)
      if (PARAGRAPH_GAP.test(gap)) break
      crossed[k + 1] = crossed[k] + (SENTENCE_GAP.test(gap) ? 1 : 0)
    }
    k++
  }
  return k
}

/**
 * Whether text[from, to) has a character either boundary pattern needs (a line break, a line or
 * paragraph separator, or a full stop, question or exclamation mark: isStopMark): a gap without
 * one (", ", " (") is neither a sentence end nor a paragraph break, and is not cut from the text
 * and matched.
 */
function mayEnd(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029 || isStopMark(c)) return true
  }
  return false
}

const crossedA = new Uint8Array(EDGE_WINDOW + 1)
const crossedB = new Uint8Array(EDGE_WINDOW + 1)
const scores = new Float64Array((EDGE_WINDOW + 1) * (EDGE_WINDOW + 1))
const matchA = new Uint32Array(EDGE_WINDOW + 1)
const matchB = new Uint32Array(EDGE_WINDOW + 1)
const stopA = new Uint8Array(EDGE_WINDOW + 1)

/** Whether matchA[1..wa] and matchB[1..wb] have a match id in common. */
function shareWord(wa: number, wb: number): boolean {
  for (let i = 1; i <= wa; i++) {
    const m = matchA[i]
    for (let j = 1; j <= wb; j++) if (matchB[j] === m) return true
  }
  return false
}

/**
 * How many tokens to add beyond token `fromA` of `a` and `fromB` of `b`, going in direction
 * `dir` (+1 after the end, -1 before the start); [0, 0] when no extension pays.
 */
export function extendEdge(
  lexicon: Lexicon,
  a: AnalysedDocument,
  fromA: number,
  b: AnalysedDocument,
  fromB: number,
  dir: 1 | -1,
): [number, number] {
  const wa = reach(a, fromA, dir, crossedA)
  const wb = reach(b, fromB, dir, crossedB)
  // The window's words, read once: match ids and whether each is a function word.
  for (let i = 1; i <= wa; i++) {
    const t = fromA + dir * i
    matchA[i] = a.match[t]
    stopA[i] = isFunctionWord(lexicon, a, t) ? 1 : 0
  }
  for (let j = 1; j <= wb; j++) matchB[j] = b.match[fromB + dir * j]
  // Without a word in both windows every step is a gap or a mismatch, each a loss, and no
  // extension pays: the table below would find none. A quarter of the copyright files' edges.
  if (!shareWord(wa, wb)) return [0, 0]
  const width = wb + 1
  let best = 0
  let bestI = 0
  let bestJ = 0
  scores[0] = 0
  // Row 0: only gaps in b.
  for (let j = 1; j <= wb; j++) {
    const s = scores[j - 1] + GAP
    scores[j] = s
    const crossed = crossedB[j] > crossedA[0] ? crossedB[j] : crossedA[0]
    if (crossed === 0 && s > best) {
      best = s
      bestI = 0
      bestJ = j
    }
  }
  for (let i = 1; i <= wa; i++) {
    const row = i * width
    const above = row - width
    const m = matchA[i]
    const matchStep = stopA[i] ? MATCH_FUNCTION : MATCH_CONTENT
    const ca = crossedA[i]
    // Column 0: only gaps in a.
    let left = scores[above] + GAP
    scores[row] = left
    if (ca === 0 && left > best) {
      best = left
      bestI = i
      bestJ = 0
    }
    for (let j = 1; j <= wb; j++) {
      const same = m === matchB[j]
      let s = scores[above + j - 1] + (same ? matchStep : MISMATCH)
      const up = scores[above + j] + GAP
      if (up > s) s = up
      const fromLeft = left + GAP
      if (fromLeft > s) s = fromLeft
      scores[row + j] = s
      left = s
      const cb = crossedB[j]
      const crossed = ca > cb ? ca : cb
      const net = s - BOUNDARY_COST * crossed
      // Beyond a boundary, an extension ends on a word both texts have, and a content word.
      if (net > best && (crossed === 0 || (same && !stopA[i]))) {
        best = net
        bestI = i
        bestJ = j
      }
    }
  }
  return [bestI, bestJ]
}
