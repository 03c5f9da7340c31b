import { contentFrom, type AnalysedCorpus, type AnalysedDocument, foreignNegationAt } from './analyse.js'
import { sameSpelling } from './respelled.js'
import { negates, STOPWORDS } from './stopwords.js'
import { isNumber, LINK, MARKUP, mayLink, nonWordTokensIn } from './nonwords.js'

// How much two passages share, counted on their content words as bags (order ignored, so a
// passage whose clauses were reordered is as similar as one copied in order):
//   shared      content words in common (per word, the smaller of its two counts)
//   weighted    the same, each word weighted by its rarity (analyse.ts), so that sharing
//               "catalysts" counts more than sharing "development"
//   similarity  weighted Dice coefficient: 2 x weighted / (weight of A + weight of B), 0..1,
//               where a negation that is a function word (stopwords.ts negates: "not", "no",
//               "doesn't") one passage has more often than the other weighs on its side as a
//               content word the other lacks would: "is not a SYSTEM library"
//               and "is a SYSTEM library" say opposite things, and were similarity 1
//   dice        the plain Dice coefficient of the same bags: 2 x shared / (content words of A + of
//               B), a negation one passage has more counted as a word the other lacks: the share
//               of the two passages' words they have in common, as a reader counts it, and the
//               figure an overlap shows (overlaps.ts). Weighted, a word in few documents outweighs
//               all the words of a sentence two of them copy: a program's own name, in every
//               other sentence of its manual page and in few other pages, made two pages'
//               "It is possible to concatenate .lz4 files as is. lz4 will decompress such files as
//               if they were a single .lz4 file." and the same with "xz" similarity 0.14 (dice 0.7)
//   outsideLinks  when both passages hold a link (nonwords.ts LINK) and words besides: the shared
//               words and similarity of the words outside links, numbers aside. An address says
//               where a text points, not what it says, and its parts are rare words (a commit's
//               hash, a repository's name): two change logs' entries "[meta] create FUNDING.yml;
//               add `funding` in package.json" with their commit links were similarity 0.48 alone
//               and 0.32 once a third log had the entry's words; outside the links, 0.76
//   outsideMarkup the same outside HTML tags (nonwords.ts MARKUP) alone, when both passages hold
//               a tag: a code span's tag ("`<meta name=...>`") is code, and its words count
//   commonShare share of the shared words that common n-grams cover (banality.ts)
//   verbatim    the two passages are the same sequence of surface forms (normalise.ts)

export interface PairMeasure {
  shared: number
  weighted: number
  similarity: number
  /**
   * The words outside links (see above), counted when first read (the measurer's scratch arrays
   * are clear between calls); undefined when a passage holds no link or nothing else.
   */
  readonly outsideLinks: { shared: number; similarity: number } | undefined
  /** The words outside HTML tags (see above), as outsideLinks; undefined when a passage holds no tag or nothing else. */
  readonly outsideMarkup: { shared: number; similarity: number } | undefined
  dice: number
  commonShare: number
  /** Same surface forms in order (sameSurface): one passage token for token. */
  verbatim: boolean
  /** Verbatim and spelled alike (respelled.ts): a verbatim copy, not a respelled one. */
  spelledAlike: boolean
}

/**
 * A pair as measure gives it (PairMeasure), the words outside its links counted when first read.
 * A class, its getter on the prototype: as an object literal with a getter of its own (a closure
 * over the pair), each cost about 0.7 microseconds to make, against 0.03, and a pair is measured
 * several times as its edges are tried (113 k times on the copyright files).
 */
class Measured implements PairMeasure {
  private outside: PairMeasure['outsideLinks'] | null = null
  private outsideTags: PairMeasure['outsideMarkup'] | null = null

  constructor(
    readonly shared: number,
    readonly weighted: number,
    readonly similarity: number,
    readonly dice: number,
    readonly commonShare: number,
    readonly verbatim: boolean,
    readonly spelledAlike: boolean,
    /** The measurer that counts the words outside links; undefined where a side holds no link. */
    private readonly measurer: PairMeasurer | undefined,
    private readonly A: AnalysedDocument,
    private readonly a0: number,
    private readonly a1: number,
    private readonly B: AnalysedDocument,
    private readonly b0: number,
    private readonly b1: number,
    /** The negations' weight one side has more (PairMeasurer.measure). */
    private readonly unmatched: number,
  ) {}

  get outsideLinks(): PairMeasure['outsideLinks'] {
    if (this.outside === null) {
      const { measurer, A, a0, a1, B, b0, b1, unmatched } = this
      this.outside = measurer ? measurer.outsideLinks(A, a0, a1, B, b0, b1, unmatched) : undefined
    }
    return this.outside
  }

  get outsideMarkup(): PairMeasure['outsideMarkup'] {
    if (this.outsideTags === null) {
      const { measurer, A, a0, a1, B, b0, b1, unmatched } = this
      this.outsideTags = measurer ? measurer.outsideLinks(A, a0, a1, B, b0, b1, unmatched, MARKUP) : undefined
    }
    return this.outsideTags
  }
}

/** Measures passage pairs of one corpus, reusing its scratch arrays between calls. */
export class PairMeasurer {
  private readonly countA: Int32Array
  private readonly countB: Int32Array
  private readonly touched: number[] = []
  /** Per surface id: 1 when it negates, 2 when not, 0 not yet asked (negates, stopwords.ts). */
  private negating = new Uint8Array(0)

  constructor(
    private readonly corpus: AnalysedCorpus,
    /** Rarity weight of every match id. */
    readonly weights: Float64Array,
    /** Per document, per content position: 1 when covered by a common n-gram. */
    private readonly common: Uint8Array[],
  ) {
    this.countA = new Int32Array(corpus.lexicon.matchCount)
    this.countB = new Int32Array(corpus.lexicon.matchCount)
  }

  /** Measures tokens [a0, a1] of document `da` against tokens [b0, b1] of `db` (inclusive). */
  measure(da: number, a0: number, a1: number, db: number, b0: number, b1: number): PairMeasure {
    const A = this.corpus.docs[da]
    const B = this.corpus.docs[db]
    const { countA, countB, touched, weights } = this
    const ca0 = contentFrom(A, a0)
    const ca1 = contentFrom(A, a1 + 1)
    const cb0 = contentFrom(B, b0)
    const cb1 = contentFrom(B, b1 + 1)
    let totalA = 0
    let totalB = 0
    for (let c = ca0; c < ca1; c++) {
      const m = A.match[A.content[c]]
      if (countA[m] === 0 && countB[m] === 0) touched.push(m)
      countA[m]++
      totalA += weights[m]
    }
    for (let c = cb0; c < cb1; c++) {
      const m = B.match[B.content[c]]
      if (countA[m] === 0 && countB[m] === 0) touched.push(m)
      countB[m]++
      totalB += weights[m]
    }
    const [shared, weighted] = this.sharedCounted()
    let sharedPositions = 0
    let commonPositions = 0
    const commonA = this.common[da]
    const commonB = this.common[db]
    for (let c = ca0; c < ca1; c++) {
      if (countB[A.match[A.content[c]]] > 0) {
        sharedPositions++
        commonPositions += commonA[c]
      }
    }
    for (let c = cb0; c < cb1; c++) {
      if (countA[B.match[B.content[c]]] > 0) {
        sharedPositions++
        commonPositions += commonB[c]
      }
    }
    for (const m of touched) {
      countA[m] = 0
      countB[m] = 0
    }
    touched.length = 0
    const verbatim = sameSurface(A, a0, a1, B, b0, b1)
    let unmatched = 0
    let unmatchedCount = 0
    if (!verbatim) {
      const [countA, weightA] = this.negations(A, a0, a1)
      const [countB, weightB] = this.negations(B, b0, b1)
      unmatched = Math.abs(weightA - weightB)
      unmatchedCount = Math.abs(countA - countB)
    }
    const words = ca1 - ca0 + cb1 - cb0
    const similarity = totalA + totalB > 0 ? (2 * weighted) / (totalA + totalB + unmatched) : 0
    // The words outside links are counted when first asked: only a pair less similar than
    // MIN_SIMILARITY is (kept-pair.ts), and counting them for every pair with a link took 1.7% of
    // a run on Debian's copyright files.
    const links = !verbatim && mayLink(A, a0, a1) && mayLink(B, b0, b1)
    return new Measured(
      shared,
      weighted,
      similarity,
      words > 0 ? (2 * shared) / (words + unmatchedCount) : 0,
      sharedPositions > 0 ? commonPositions / sharedPositions : 1,
      verbatim,
      verbatim && sameSpelling(A, a0, B, b0, a1 - a0 + 1),
      links ? this : undefined,
      A,
      a0,
      a1,
      B,
      b0,
      b1,
      unmatched,
    )
  }

  /**
   * The shared words and similarity (weighted Dice, `unmatched` the negations' weight) of the
   * content words of tokens [a0, a1] of A and [b0, b1] of B that lie outside links and are no
   * numbers (isNumber); undefined when either side has none in a link or none such outside one.
   * Read through PairMeasure.outsideLinks, whenever asked: measure leaves the scratch arrays clear.
   * `mask`: the marks (nonwords.ts) of the tokens left out, LINK or MARKUP (outsideMarkup).
   */
  outsideLinks(
    A: AnalysedDocument,
    a0: number,
    a1: number,
    B: AnalysedDocument,
    b0: number,
    b1: number,
    unmatched: number,
    mask: number = LINK,
  ): PairMeasure['outsideLinks'] {
    const { countA, countB, touched, weights } = this
    const count = (D: AnalysedDocument, t0: number, t1: number, counts: Int32Array): [total: number, linked: number] => {
      const marks = nonWordTokensIn(D, t0, t1)
      let total = 0
      let linked = 0
      for (let c = contentFrom(D, t0); c < D.content.length && D.content[c] <= t1; c++) {
        const t = D.content[c]
        if (marks[t - t0] & mask) {
          linked++
          continue
        }
        // The labels of a list of links ("[2.4.4]: https://...") are no words around them.
        if (isNumber(D, t)) continue
        const m = D.match[t]
        if (countA[m] === 0 && countB[m] === 0) touched.push(m)
        counts[m]++
        total += weights[m]
      }
      return [total, linked]
    }
    const [totalA, linkedA] = count(A, a0, a1, countA)
    const [totalB, linkedB] = count(B, b0, b1, countB)
    const [shared, weighted] = this.sharedCounted()
    for (const m of touched) {
      countA[m] = 0
      countB[m] = 0
    }
    touched.length = 0
    if (!linkedA || !linkedB || totalA === 0 || totalB === 0) return undefined
    return { shared, similarity: (2 * weighted) / (totalA + totalB + unmatched) }
  }

  /** The words counted on both sides (countA, countB): how many (as many as each has), and their weight. */
  private sharedCounted(): [shared: number, weighted: number] {
    const { countA, countB, weights } = this
    let shared = 0
    let weighted = 0
    for (const m of this.touched) {
      const s = Math.min(countA[m], countB[m])
      shared += s
      weighted += s * weights[m]
    }
    return [shared, weighted]
  }

  /** The negations among tokens [t0, t1] of D: how many, and their weights summed. */
  private negations(D: AnalysedDocument, t0: number, t1: number): [count: number, weight: number] {
    const { surfaces } = this.corpus.lexicon
    if (this.negating.length < surfaces.length) {
      const grown = new Uint8Array(surfaces.length)
      grown.set(this.negating)
      this.negating = grown
    }
    const negating = this.negating
    let count = 0
    let sum = 0
    for (let t = t0; t <= t1; t++) {
      const s = D.surface[t]
      // Only a function word: a negation that is a content word ("never") is weighed as one already.
      if (negating[s] === 0) negating[s] = negates(surfaces[s]) && STOPWORDS.has(surfaces[s]) ? 1 : 2
      // Or one of the language besides English its sentence is written in (a function word there).
      if (negating[s] === 1 || foreignNegationAt(surfaces, D, t)) {
        count++
        sum += this.weights[D.match[t]]
      }
    }
    return [count, sum]
  }
}

/** True when tokens [a0, a1] of A and [b0, b1] of B have the same surface forms in order. */
export function sameSurface(A: AnalysedDocument, a0: number, a1: number, B: AnalysedDocument, b0: number, b1: number): boolean {
  if (a1 - a0 !== b1 - b0) return false
  for (let k = 0; k <= a1 - a0; k++) if (A.surface[a0 + k] !== B.surface[b0 + k]) return false
  return true
}
