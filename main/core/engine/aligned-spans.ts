import type { PairSides } from './cluster.js'

// Where two documents were aligned with each other. Passages are extended by the words another
// passage of their overlap goes on with alike (extend.ts); where those two documents were aligned
// with each other over those words, the words are what the two share with each other, already an
// overlap of their own (the longer text two reprints share, around a part a third document
// shares with them), not what the extended overlap's documents share.

/** The pairs of passages found (pair-table.ts), read by pair of documents. */
export class AlignedSpans {
  /** Documents d, e (key d * docCount + e) -> d's side of each of their pairs, [start, end] flat. */
  private readonly sides = new Map<number, number[]>()

  constructor(
    pairs: PairSides,
    private readonly docCount: number,
  ) {
    for (let i = 0; i < pairs.length; i++) {
      this.add(pairs, 2 * i, 2 * i + 1)
      this.add(pairs, 2 * i + 1, 2 * i)
    }
  }

  private add(pairs: PairSides, own: number, other: number): void {
    const key = pairs.doc(own) * this.docCount + pairs.doc(other)
    const list = this.sides.get(key)
    if (list) list.push(pairs.start(own), pairs.end(own))
    else this.sides.set(key, [pairs.start(own), pairs.end(own)])
  }

  /** Whether documents d and e were aligned with each other over d's token t. */
  covers(d: number, t: number, e: number): boolean {
    const list = this.sides.get(d * this.docCount + e)
    if (!list) return false
    for (let k = 0; k < list.length; k += 2) if (list[k] <= t && t <= list[k + 1]) return true
    return false
  }
}
