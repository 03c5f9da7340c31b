import type { PairLike, PairPassage, PairSides } from './cluster.js'

// The pairs of passages kept by alignment (and the paraphrase pass), before clustering, column by
// column in typed arrays: each pair's two passages (document, first and last token of each), its
// kind, score, shared words, similarity and whether it is verbatim. At corpus scale there are
// about a million pairs, all alive until they are clustered; held as an object each with a
// measure object of its own (some 300 bytes a pair), they were over 200 MB of V8's heap at the
// changelogs' largest full collection, and V8 lets the heap grow to about twice what it found
// alive there before it collects again, so they set the heap's size through clustering and
// variants (1.35 GB peak RSS). With their passages still objects (a pair and its two passages,
// some 130 bytes), the 600 k pairs of the changelogs kept the heap at 213 MB after nesting, 95 MB
// without them. Here a pair costs 50 bytes of typed arrays, which live outside the heap;
// clustering and nesting read the passages through PairSides (cluster.ts).

/** What a pair carries besides its passages. */
export interface PairValues {
  /** Content words shared (PairMeasure.shared). */
  shared: number
  /**
   * The similarity an overlap shows of the pair, 0..1: the share of their words in common
   * (PairMeasure.dice), or the cosine a paraphrase was found by (paraphrase.ts). Its kind and
   * score are judged by the weighted similarity (PairMeasure.similarity).
   */
  similarity: number
  /** Same surface forms (PairMeasure.verbatim). */
  verbatim: boolean
  /** The pair's kind as an index into the caller's list of kinds (overlaps.ts: verbatim, variant, paraphrase). */
  kind: number
  score: number
  /** Why a paraphrase was reported (Overlap.because). */
  because?: string[]
}

/** Values per pair an array starts with; each array doubles when full. */
const INITIAL_CAPACITY = 1024

/** A growable list of pairs, column by column (see above). */
export class PairTable implements PairSides {
  private count = 0
  /** Entry e (pair e >>> 1's a when e is even, its b when odd): document, start, end at 3e .. 3e + 2. */
  private sides = new Uint32Array(6 * INITIAL_CAPACITY)
  private shareds = new Uint32Array(INITIAL_CAPACITY)
  private similarities = new Float64Array(INITIAL_CAPACITY)
  private scores = new Float64Array(INITIAL_CAPACITY)
  /** Bit 0: verbatim; bit 1: projected; bits 2 and up: kind. */
  private flags = new Uint8Array(INITIAL_CAPACITY)
  private readonly reasons = new Map<number, string[]>()

  get length(): number {
    return this.count
  }

  /** Adds a pair; `projected` as in PairLike. */
  push(a: PairPassage, b: PairPassage, values: PairValues, projected = false): void {
    const i = this.count
    if (i === this.scores.length) this.grow()
    const s = this.sides
    s[6 * i] = a.doc
    s[6 * i + 1] = a.start
    s[6 * i + 2] = a.end
    s[6 * i + 3] = b.doc
    s[6 * i + 4] = b.start
    s[6 * i + 5] = b.end
    this.shareds[i] = values.shared
    this.similarities[i] = values.similarity
    this.scores[i] = values.score
    this.flags[i] = (values.verbatim ? 1 : 0) | (projected ? 2 : 0) | (values.kind << 2)
    if (values.because) this.reasons.set(i, values.because)
    this.count++
  }

  doc(e: number): number {
    return this.sides[3 * e]
  }

  start(e: number): number {
    return this.sides[3 * e + 1]
  }

  end(e: number): number {
    return this.sides[3 * e + 2]
  }

  projected(i: number): boolean {
    return (this.flags[i] & 2) === 2
  }

  /** Pair i as objects (made on each call). */
  pair(i: number): PairLike {
    const side = (e: number): PairPassage => ({ doc: this.doc(e), start: this.start(e), end: this.end(e) })
    const pair: PairLike = { a: side(2 * i), b: side(2 * i + 1) }
    if (this.projected(i)) pair.projected = true
    return pair
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
    return this.flags[i] >>> 2
  }

  because(i: number): string[] | undefined {
    return this.reasons.get(i)
  }

  /** Lets every pair go (the arrays too). */
  clear(): void {
    this.count = 0
    this.reasons.clear()
    this.sides = new Uint32Array(0)
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
    const sides = new Uint32Array(6 * size)
    sides.set(this.sides)
    this.sides = sides
    this.shareds = grown(this.shareds, (n) => new Uint32Array(n))
    this.similarities = grown(this.similarities, (n) => new Float64Array(n))
    this.scores = grown(this.scores, (n) => new Float64Array(n))
    this.flags = grown(this.flags, (n) => new Uint8Array(n))
  }
}
