import type { PairSides } from './cluster.js'
import { upperBound } from '../text/sorted.js'

// Where two documents were aligned with each other. Passages are extended by the words another
// passage of their overlap goes on with alike (extend.ts); where those two documents were aligned
// with each other over those words, the words are what the two share with each other, already an
// overlap of their own (the longer text two reprints share, around a part a third document
// shares with them), not what the extended overlap's documents share.

/** One pair of documents' sides, sorted by start, with the furthest end so far at each. */
interface Spans {
  starts: Float64Array
  reach: Float64Array
}

/** The pairs of passages found (pair-table.ts), read by pair of documents. */
export class AlignedSpans {
  /** Documents d, e (key d * docCount + e) -> d's side of each of their pairs, [start, end] flat. */
  private readonly sides = new Map<number, number[]>()
  /** The same, sorted when first read (two versions of a changelog are aligned thousands of times). */
  private readonly sorted = new Map<number, Spans>()

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
    const key = d * this.docCount + e
    let spans = this.sorted.get(key)
    if (!spans) {
      const list = this.sides.get(key)
      if (!list) return false
      spans = sortSpans(list)
      this.sorted.set(key, spans)
      this.sides.delete(key)
    }
    // The last span starting at or before t; any earlier one reaching t is in its reach.
    const k = upperBound(spans.starts, t) - 1
    return k >= 0 && spans.reach[k] >= t
  }
}

function sortSpans(list: number[]): Spans {
  const count = list.length / 2
  const order = Array.from({ length: count }, (_, k) => k).sort((x, y) => list[2 * x] - list[2 * y])
  const starts = new Float64Array(count)
  const reach = new Float64Array(count)
  let furthest = -1
  order.forEach((k, r) => {
    starts[r] = list[2 * k]
    furthest = Math.max(furthest, list[2 * k + 1])
    reach[r] = furthest
  })
  return { starts, reach }
}
