import type { PairLike, PairPassage } from './cluster.js'

// The pairs of passages kept by alignment (and the paraphrase pass), before clustering: each
// pair's two passages as a small object (what clustering and nesting read), and what else a pair
// carries, its kind, score, shared words, similarity and whether it is verbatim, in typed arrays
// beside them. At corpus scale there are about a million pairs, all alive until they are
// clustered; held as an object each with a measure object of its own (some 300 bytes a pair),
// they were over 200 MB of V8's heap at the changelogs' largest full collection, and V8 lets the
// heap grow to about twice what it found alive there before it collects again, so they set the
// heap's size through clustering and variants (1.35 GB peak RSS). Here a pair costs its passages
// and 26 bytes of typed arrays, which live outside the heap.

/** What a pair carries besides its passages. */
export interface PairValues {
  /** Content words shared (PairMeasure.shared). */
  shared: number
  /** Similarity, 0..1 (PairMeasure.similarity, or a paraphrase's cosine). */
  similarity: number
  /** Same surface forms (PairMeasure.verbatim). */
  verbatim: boolean
  /** The pair's kind as an index into the caller's list of kinds (overlaps.ts: verbatim, variant, paraphrase). */
  kind: number
  score: number
  /** Why a paraphrase was reported (Overlap.because), when there is more to say than shared words. */
  because?: string[]
}

/** Values per pair an array starts with; each array doubles when full. */
const INITIAL_CAPACITY = 1024

/** A growable list of pairs, their values column by column (see above). */
export class PairTable {
  /** Each pair's passages, in the order pushed (pair i is pairs[i]). */
  readonly pairs: PairLike[] = []
  private shareds = new Uint32Array(INITIAL_CAPACITY)
  private similarities = new Float64Array(INITIAL_CAPACITY)
  private scores = new Float64Array(INITIAL_CAPACITY)
  /** Bit 0: verbatim; bits 1 and up: kind. */
  private flags = new Uint8Array(INITIAL_CAPACITY)
  private readonly reasons = new Map<number, string[]>()

  get length(): number {
    return this.pairs.length
  }

  /** Adds a pair; `projected` as in PairLike. */
  push(a: PairPassage, b: PairPassage, values: PairValues, projected = false): void {
    const i = this.pairs.length
    if (i === this.scores.length) this.grow()
    this.pairs.push(projected ? { a, b, projected } : { a, b })
    this.shareds[i] = values.shared
    this.similarities[i] = values.similarity
    this.scores[i] = values.score
    this.flags[i] = (values.verbatim ? 1 : 0) | (values.kind << 1)
    if (values.because) this.reasons.set(i, values.because)
  }

  shared(i: number): number {
    return this.shareds[i]
  }

  similarity(i: number): number {
    return this.similarities[i]
  }

  score(i: number): number {
    return this.scores[i]
  }

  verbatim(i: number): boolean {
    return (this.flags[i] & 1) === 1
  }

  kind(i: number): number {
    return this.flags[i] >>> 1
  }

  because(i: number): string[] | undefined {
    return this.reasons.get(i)
  }

  /** Lets every pair go (the arrays too). */
  clear(): void {
    this.pairs.length = 0
    this.reasons.clear()
    this.shareds = new Uint32Array(0)
    this.similarities = new Float64Array(0)
    this.scores = new Float64Array(0)
    this.flags = new Uint8Array(0)
  }

  private grow(): void {
    const size = Math.max(INITIAL_CAPACITY, 2 * this.scores.length)
    const grown = <T extends Uint32Array | Float64Array | Uint8Array>(array: T, make: (n: number) => T): T => {
      const bigger = make(size)
      bigger.set(array)
      return bigger
    }
    this.shareds = grown(this.shareds, (n) => new Uint32Array(n))
    this.similarities = grown(this.similarities, (n) => new Float64Array(n))
    this.scores = grown(this.scores, (n) => new Float64Array(n))
    this.flags = grown(this.flags, (n) => new Uint8Array(n))
  }
}
