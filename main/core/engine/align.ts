import type { AnalysedDocument } from './analyse.js'
import type { Lexicon } from './lexicon.js'

// Exact passage ends by local alignment. A candidate passage (chain.ts) starts and ends on shared
// content words; the words just outside may still belong to it ("the improvement of workers"
// starts at "the", though seeds start at "improvement"), sometimes past an edit. From each end the
// two texts are aligned outward, anchored at the end (a semi-global Smith-Waterman over a small
// window), and the passage is extended to the cell of best score: the extension stops where
// further words would cost more in mismatches and gaps than they add in matches. An extension
// never crosses the end of a sentence or a line break: words beyond belong to the next sentence,
// and two texts agreeing there ("The ...") is chance. (Seeds may span sentences; only the
// extension beyond them stops.)

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

/** Tokens from `from` in direction `dir`, at most EDGE_WINDOW, before a sentence end or the text's end. */
function reach(doc: AnalysedDocument, from: number, dir: 1 | -1): number {
  let k = 0
  while (k < EDGE_WINDOW) {
    const t = from + dir * k
    const next = t + dir
    if (next < 0 || next >= doc.starts.length) break
    const gap = dir > 0 ? doc.text.slice(doc.ends[t], doc.starts[next]) : doc.text.slice(doc.ends[next], doc.starts[t])
    if (SENTENCE_GAP.test(gap)) break
    k++
  }
  return k
}

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
  const wa = reach(a, fromA, dir)
  const wb = reach(b, fromB, dir)
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
      if (s > best) {
        best = s
        bestI = i
        bestJ = j
      }
    }
  }
  return [bestI, bestJ]
}
