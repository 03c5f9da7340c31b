import { documentPair, type PairSides } from './cluster.js'
import { sortIndicesByKeys } from './radix.js'

// Where two documents were aligned with each other. Passages are extended by the words another
// passage of their overlap goes on with alike (extend.ts); where those two documents were aligned
// with each other over those words, the words are what the two share with each other, already an
// overlap of their own (the longer text two reprints share, around a part a third document
// shares with them), not what the extended overlap's documents share.
//
// Held as the pairs' sides sorted by document, other document and start (a radix sort, radix.ts),
// with the furthest end so far within each pair of documents: two typed arrays of a number per
// side, off V8's heap as the pair table is (pair-table.ts), found by binary search.

/** The pairs of passages found (pair-table.ts), read by pair of documents. */
export class AlignedSpans {
  /** The sides (entries of `pairs`: pair e >>> 1's a when e is even, b when odd), sorted. */
  private readonly sides: Uint32Array
  /** reach[r]: the furthest end of sides[0..r] of the same pair of documents as sides[r]. */
  private readonly reach: Uint32Array

  constructor(private readonly pairs: PairSides) {
    const count = 2 * pairs.length
    const all = new Uint32Array(count)
    for (let e = 0; e < count; e++) all[e] = e
    this.sides = sortIndicesByKeys(all, count, [(e) => pairs.doc(e), (e) => pairs.doc(e ^ 1), (e) => pairs.start(e)])
    this.reach = new Uint32Array(count)
    for (let r = 0; r < count; r++) {
      const e = this.sides[r]
      const same = r > 0 && this.group(this.sides[r - 1]) === this.group(e)
      this.reach[r] = same ? Math.max(this.reach[r - 1], pairs.end(e)) : pairs.end(e)
    }
  }

  /** Side e's pair of documents as one number (documentPair). */
  private group(e: number): number {
    return documentPair(this.pairs.doc(e), this.pairs.doc(e ^ 1))
  }

  /**
   * Where the last side in document d of documents d and e that starts at or before token t is
   * in `sides`, or where it would be (then the side there is of another pair of documents, or
   * there is none: -1).
   */
  private lastStartingBy(d: number, e: number, t: number): number {
    const key = documentPair(d, e)
    const { sides, pairs } = this
    let lo = 0
    let hi = sides.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      const s = sides[mid]
      const g = this.group(s)
      if (g < key || (g === key && pairs.start(s) <= t)) lo = mid + 1
      else hi = mid
    }
    return lo - 1
  }

  /** Whether documents d and e were aligned with each other over d's token t. */
  covers(d: number, t: number, e: number): boolean {
    // The last side of (d, e) starting at or before t: sides before it reach no further than reach.
    const r = this.lastStartingBy(d, e, t)
    return r >= 0 && this.group(this.sides[r]) === documentPair(d, e) && this.reach[r] >= t
  }

  /**
   * The sides in document d of the pairs of documents d and e whose side in d meets tokens
   * [d0, d1] and whose side in e meets tokens [e0, e1]: the pairs two passages of d and e lie
   * across, each as its side in d (its side in e is that ^ 1).
   */
  meeting(d: number, d0: number, d1: number, e: number, e0: number, e1: number): number[] {
    const key = documentPair(d, e)
    const { sides, pairs } = this
    // From the last side of (d, e) starting at or before d1, back while the sides before reach d0.
    const out: number[] = []
    for (let r = this.lastStartingBy(d, e, d1); r >= 0 && this.group(sides[r]) === key && this.reach[r] >= d0; r--) {
      const s = sides[r]
      if (pairs.end(s) >= d0 && pairs.start(s ^ 1) <= e1 && pairs.end(s ^ 1) >= e0) out.push(s)
    }
    return out
  }
}
