import type { AnalysedDocument } from './analyse.js'
import { count } from './moved-edge.js'

// A candidate's ragged edge. A candidate is the box its seeds span in each text (chain.ts), and
// seeds may link out of order (a clause moved within the passage). So a chance seed beside the
// passage, on another diagonal, can stretch one text's side of the box by a few words the other
// side never says: "debian-toolchain@lists.debian.org; for GCC specific things, please use
// debian-gcc@lists.debian.org" against "debian-gcc@lists.debian.org mailing list", where the first
// address's "lists.debian.org" seeded against the second's, and the first passage began inside
// an address with a sentence the other text does not have. Such a side starts (or ends) where the
// other side's edge words go on alike in it, when the words it loses are, most of them, surplus:
// more often in its side of the box than in the other's. Words moved within the passage are
// there as often in both (a clause said first in one text and last in the other), and stay.

/**
 * Content words the side may lose at an edge, at most: what chaining bridges between two seeds
 * (chain.ts MAX_GAP_WORDS) and the seed itself. Further, the edge is no chance seed's.
 */
export const MAX_RAGGED_WORDS = 12

/**
 * Content positions by which side [b0, b1] of B moves inward at its edge (dir -1: its start b0,
 * 1: its end b1) so that it starts (ends) where the edge words of side [a0, a1] of A go on alike
 * in it, `run` content words of them at least; 0 when it stays (see above).
 */
export function raggedEdge(
  A: AnalysedDocument,
  a0: number,
  a1: number,
  B: AnalysedDocument,
  b0: number,
  b1: number,
  dir: 1 | -1,
  run: number,
): number {
  const ma = (c: number): number => A.match[A.content[c]]
  const mb = (c: number): number => B.match[B.content[c]]
  const edgeA = dir < 0 ? a0 : a1
  const edgeB = dir < 0 ? b0 : b1
  if (a1 - a0 + 1 < run || b1 - b0 + 1 < run) return 0
  // Already alike at the edge: the usual case, told at once.
  if (ma(edgeA) === mb(edgeB)) return 0
  // The nearest place inside B's side where A's edge words go on alike.
  let moved = 0
  for (let k = 1; k <= MAX_RAGGED_WORDS && k + run - 1 <= b1 - b0; k++) {
    const at = edgeB - dir * k
    let alike = true
    for (let j = 0; j < run && alike; j++) alike = ma(edgeA - dir * j) === mb(at - dir * j)
    if (alike) {
      moved = k
      break
    }
  }
  if (moved === 0) return 0
  // The words lost: surplus in B's side, most of them.
  let surplus = 0
  for (let k = 0; k < moved; k++) {
    const m = mb(edgeB - dir * k)
    if (count(B, b0, b1 + 1, m) > count(A, a0, a1 + 1, m)) surplus++
  }
  return surplus * 2 > moved ? moved : 0
}
