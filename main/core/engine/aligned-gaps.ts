import type { PairSides } from './cluster.js'

// Where two documents that share passages in order say something between them. Versions of one
// text (a program's info manual and its man page, two editions of a report) share passages word
// for word, and between two of those each says in its own words what the other says there: the
// manual's "Specifying a line number will match only that line in the input" where the man page
// has "Match only the specified line number". The paraphrase pass proposes only sentences that
// share words few sentences of the corpus use, and what a manual and its man page share there
// ("line", "number", "match") is in thousands of a corpus of manuals: a reviewer found that the
// pass itself found none of 26 such restatements. Between two passages the two documents share,
// in the same order in both, is where each restates the other, and there sentences are compared
// whatever words they share (paraphrase.ts).

/** Tokens [a0, a1] of document docA and [b0, b1] of docB, between the same two shared passages. */
export interface AlignedGap {
  docA: number
  a0: number
  a1: number
  docB: number
  b0: number
  b1: number
}

/**
 * The gaps between consecutive pairs of `pairs` of each two documents (documents docA < docB),
 * the pairs taken in order in docA and kept only where they go on in order in docB too; gaps
 * with no token on a side are left out.
 */
export function alignedGaps(pairs: PairSides): AlignedGap[] {
  // Pairs by their two documents, each as its side in docA (its side in docB is that ^ 1).
  const groups = new Map<number, number[]>()
  for (let i = 0; i < pairs.length; i++) {
    const x = 2 * i
    if (pairs.doc(x) === pairs.doc(x + 1)) continue
    const a = pairs.doc(x) < pairs.doc(x + 1) ? x : x + 1
    // Both documents in one number (documents are fewer than 2^26).
    const key = pairs.doc(a) * 2 ** 26 + pairs.doc(a ^ 1)
    const group = groups.get(key)
    if (group) group.push(a)
    else groups.set(key, [a])
  }
  const gaps: AlignedGap[] = []
  for (const group of groups.values()) {
    if (group.length < 2) continue
    group.sort((a, c) => pairs.start(a) - pairs.start(c) || pairs.end(a) - pairs.end(c))
    // In order in both: each pair starting after the last kept one ends, in both documents.
    let last = -1
    for (const a of group) {
      const b = a ^ 1
      if (last >= 0 && (pairs.start(a) <= pairs.end(last) || pairs.start(b) <= pairs.end(last ^ 1))) continue
      if (last >= 0) {
        const gap = {
          docA: pairs.doc(a),
          a0: pairs.end(last) + 1,
          a1: pairs.start(a) - 1,
          docB: pairs.doc(b),
          b0: pairs.end(last ^ 1) + 1,
          b1: pairs.start(b) - 1,
        }
        if (gap.a1 >= gap.a0 && gap.b1 >= gap.b0) gaps.push(gap)
      }
      last = a
    }
  }
  return gaps
}
