import type { AnalysedDocument } from './analyse.js'
import type { Lexicon } from './lexicon.js'

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

const SENTENCE_GAP = /[.!?]["”’)\]]*\s|[\n\r\u2029]/
/** A paragraph break (a blank line or a paragraph separator): the extension stops there. */
const PARAGRAPH_GAP = /\n[ \t]*\r?\n|\r[ \t]*\r|\u2029/

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
  while (k < EDGE_WINDOW) {
    const t = from + dir * k
    const next = t + dir
    if (next < 0 || next >= doc.starts.length) break
    const gap = dir > 0 ? doc.text.slice(doc.ends[t], doc.starts[next]) : doc.text.slice(doc.ends[next], doc.starts[t])
    if (PARAGRAPH_GAP.test(gap)) break
    crossed[k + 1] = crossed[k] + (SENTENCE_GAP.test(gap) ? 1 : 0)
    k++
  }
  return k
}

const crossedA = new Uint8Array(EDGE_WINDOW + 1)
const crossedB = new Uint8Array(EDGE_WINDOW + 1)
const scores = new Float64Array((EDGE_WINDOW + 1) * (EDGE_WINDOW + 1))

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
  const width = wb + 1
  let best = 0
  let bestI = 0
  let bestJ = 0
  for (let i = 0; i <= wa; i++) {
    for (let j = 0; j <= wb; j++) {
      if (i === 0 && j === 0) {
        scores[0] = 0
        continue
      }
      let s = -Infinity
      if (i > 0 && j > 0) {
        const ta = fromA + dir * i
        const tb = fromB + dir * j
        const same = a.match[ta] === b.match[tb]
        const step = same ? (lexicon.isStop(a.surface[ta]) ? MATCH_FUNCTION : MATCH_CONTENT) : MISMATCH
        s = scores[(i - 1) * width + (j - 1)] + step
      }
      if (i > 0) s = Math.max(s, scores[(i - 1) * width + j] + GAP)
      if (j > 0) s = Math.max(s, scores[i * width + (j - 1)] + GAP)
      scores[i * width + j] = s
      const crossed = Math.max(crossedA[i], crossedB[j])
      const net = s - BOUNDARY_COST * crossed
      // Beyond a boundary, an extension ends on a word both texts have, and a content word.
      const endsWell =
        crossed === 0 ||
        (i > 0 && j > 0 && a.match[fromA + dir * i] === b.match[fromB + dir * j] && !lexicon.isStop(a.surface[fromA + dir * i]))
      if (net > best && endsWell) {
        best = net
        bestI = i
        bestJ = j
      }
    }
  }
  return [bestI, bestJ]
}
