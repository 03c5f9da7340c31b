import type { PairSides } from './cluster.js'
import { upperBound } from '../text/sorted.js'

// Where the documents' text is reused: the tokens that lie in a side of a pair the engine kept
// (pair-table.ts). The paraphrase pass reads it to leave alone what no restatement can add to: a
// pair whose sides are both mostly in pairs of the same two documents (covers) is dropped
// (overlaps.ts), and a gap whose sentences all lie in pairs (holds, each document's spans merged
// where they touch or overlap) is not read (paraphrase.ts).

/** The tokens of each document that lie in a side of a pair. */
export class ReusedSpans {
  /** Per document, the sides of pairs in it, as start, end, start, end, ... */
  private readonly spans: number[][]
  /** Per document, the document of each side's other side, in the order of `spans`. */
  private readonly others: number[][]
  /** Per document, its merged spans' starts and ends, ascending (starts[k] <= ends[k] < starts[k + 1] - 1). */
  private readonly starts: Uint32Array[]
  private readonly ends: Uint32Array[]

  constructor(documents: number, pairs: PairSides) {
    const spans: number[][] = Array.from({ length: documents }, () => [])
    const others: number[][] = Array.from({ length: documents }, () => [])
    for (let e = 0; e < 2 * pairs.length; e++) {
      spans[pairs.doc(e)].push(pairs.start(e), pairs.end(e))
      others[pairs.doc(e)].push(pairs.doc(e ^ 1))
    }
    this.spans = spans
    this.others = others
    this.starts = []
    this.ends = []
    for (const list of spans) {
      const order = Array.from({ length: list.length / 2 }, (_, k) => k).sort((x, y) => list[2 * x] - list[2 * y])
      const starts: number[] = []
      const ends: number[] = []
      for (const k of order) {
        const s = list[2 * k]
        const e = list[2 * k + 1]
        if (ends.length && s <= ends[ends.length - 1] + 1) ends[ends.length - 1] = Math.max(ends[ends.length - 1], e)
        else {
          starts.push(s)
          ends.push(e)
        }
      }
      this.starts.push(Uint32Array.from(starts))
      this.ends.push(Uint32Array.from(ends))
    }
  }

  /**
   * Whether tokens [start, end] of document `doc` lie mostly in sides of pairs with document
   * `other`: the tokens each such side holds, summed over the sides (a token in two sides counts
   * twice), are more than half.
   */
  covers(doc: number, start: number, end: number, other: number): boolean {
    const list = this.spans[doc]
    const others = this.others[doc]
    let inside = 0
    for (let k = 0; k < list.length; k += 2)
      if (others[k >>> 1] === other) inside += Math.max(0, Math.min(list[k + 1], end) - Math.max(list[k], start) + 1)
    return inside * 2 > end - start + 1
  }

  /** Whether every token of [start, end] of document `doc` lies in a side of a pair. */
  holds(doc: number, start: number, end: number): boolean {
    const k = upperBound(this.starts[doc], start) - 1
    return k >= 0 && this.ends[doc][k] >= end
  }
}
