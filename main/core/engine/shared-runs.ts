import type { AnalysedDocument } from './analyse.js'
import type { Region } from './chain.js'

// The runs of words a candidate's two passages share word for word, tried when the candidate as
// a whole is too unlike to keep (overlaps.ts). Seeds a few words apart are chained into one
// candidate however different the words around them, and the candidate is measured whole: the
// coreutils man pages end in one footer, word for word, followed by a line of each program's own
// (its name in a web address, its related manual pages), and stat's page, whose own line names
// three pages, was measured with it against each other page and found too unlike (similarity
// 0.37): its footer was in no overlap, and 19 of 105 pages' were not (a reviewer). A run of the
// words both passages have in the same order is what both texts share, whatever the candidate
// joins it to.

/**
 * Content words of a candidate's passage past which its runs are not looked for: a candidate
 * that long joins its runs by many seeds, and is seldom measured as unlike; looking costs a
 * comparison for each pair of its occurrences of a word.
 */
export const MAX_RUN_SEARCH_WORDS = 4000

/**
 * The longest runs of content words (by match id) that the two passages of `region` share in
 * order, each at least `least` words, no two using the same word of either passage (a run that
 * meets a longer one keeps its other words), in the order of passage A; none when the candidate
 * is itself one such run. Each is a candidate of its own (no parts, its seeds its words).
 */
export function sharedRuns(region: Region, A: AnalysedDocument, B: AnalysedDocument, least: number): Region[] {
  const { a0, a1, b0, b1 } = region
  if (a1 - a0 + 1 > MAX_RUN_SEARCH_WORDS || b1 - b0 + 1 > MAX_RUN_SEARCH_WORDS) return []
  const word = (doc: AnalysedDocument, c: number): number => doc.match[doc.content[c]]
  // Positions in B of each word, in order.
  const placesInB = new Map<number, number[]>()
  for (let c = b0; c <= b1; c++) {
    const w = word(B, c)
    const list = placesInB.get(w)
    if (list) list.push(c)
    else placesInB.set(w, [c])
  }
  // Every maximal run: one starting where the words before differ, or at a passage's start.
  const runs: Array<[number, number, number]> = []
  for (let i = a0; i <= a1; i++) {
    const places = placesInB.get(word(A, i))
    if (!places) continue
    for (const j of places) {
      if (i > a0 && j > b0 && word(A, i - 1) === word(B, j - 1)) continue
      let length = 1
      while (i + length <= a1 && j + length <= b1 && word(A, i + length) === word(B, j + length)) length++
      if (length >= least) runs.push([i, j, length])
    }
  }
  // The longest first, each keeping its words from those after it: of a run that meets a longer
  // one, its stretches of words still free, each of `least` words or more.
  runs.sort((x, y) => y[2] - x[2] || x[0] - y[0] || x[1] - y[1])
  const takenA = new Uint8Array(a1 - a0 + 1)
  const takenB = new Uint8Array(b1 - b0 + 1)
  const taken = (i: number, j: number): boolean => takenA[i - a0] === 1 || takenB[j - b0] === 1
  const kept: Region[] = []
  for (const [i, j, length] of runs) {
    for (let k = 0; k < length;) {
      while (k < length && taken(i + k, j + k)) k++
      const from = k
      while (k < length && !taken(i + k, j + k)) k++
      if (k - from < least) continue
      takenA.fill(1, i + from - a0, i + k - a0)
      takenB.fill(1, j + from - b0, j + k - b0)
      kept.push({ docA: region.docA, docB: region.docB, a0: i + from, a1: i + k - 1, b0: j + from, b1: j + k - 1, seeds: k - from })
    }
  }
  // A candidate that is one run word for word has no runs to try but itself.
  if (kept.length === 1 && kept[0].a0 === a0 && kept[0].a1 === a1 && kept[0].b0 === b0 && kept[0].b1 === b1) return []
  return kept.sort((x, y) => x.a0 - y.a0)
}
