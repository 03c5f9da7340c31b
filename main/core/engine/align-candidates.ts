import { type AnalysedCorpus, contentFrom } from './analyse.js'
import { extendEdge, verbatimReach } from './align.js'
import type { Region } from './chain.js'
import { keptKind, keptValues, MIN_SENTENCE_PART_TOKENS, MIN_SENTENCE_SHARED, MIN_SENTENCE_TOKENS, otherAddressEdges } from './kept-pair.js'
import { sectionParts } from './sections.js'
import { movedEdges } from './moved-edge.js'
import { onPageLines } from './next-item.js'
import type { OverlapKind } from './overlaps.js'
import type { PairTable } from './pair-table.js'
import { endOnHeadings, paragraphEdges } from './paragraph-edge.js'
import { raggedEdge } from './ragged-edge.js'
import type { RegionList } from './region-list.js'
import { SentenceEdges } from './sentence-tails.js'
import { sharedRuns } from './shared-runs.js'
import { type PairMeasure, type PairMeasurer, sameSurface } from './similarity.js'

// The align stage: each candidate passage (chain.ts) read to its exact ends in both documents
// and measured, and kept as a pair of passages when it passes the rules of kept-pair.ts. A
// candidate too unlike as a whole is tried as the candidates it joins, and those as the runs of
// words their passages share word for word (shared-runs.ts).
//
// Candidates are read in order, and a pair's candidates come together (chain.ts): what one
// candidate read word for word is not read again for a later one of the same pair inside it
// (verbatimReach). Candidates of different pairs share nothing else: a run of candidates that
// starts where a pair's start gives the same pairs aligned alone as among the others.
// So the stage could be shared among threads. It was tried and measured slower on the two cores
// of the machines it runs on: a worker analysed the same documents itself, then took chunks of
// 256 candidates in turn with this thread (77 of the 177 chunks of a thousand copyright files),
// and the pairs were the same; but the worker's start and analysis ran on the core this thread's
// garbage collector and compiler use, and slowed every earlier stage more than its aligning saved
// (7.5 s instead of 7.2, 90 MB more at peak; without --json, 7.2 s instead of 6.9).

/** Aligns candidates of one analysed corpus into pairs (see above). */
export class CandidateAligner {
  private readonly edges: SentenceEdges

  constructor(
    private readonly corpus: AnalysedCorpus,
    private readonly measurer: PairMeasurer,
    /** Content words per seed n-gram (ngrams.ts). */
    private readonly n: number,
    /** Least shared content words of a pair (OverlapOptions.minWords). */
    private readonly minWords: number,
  ) {
    this.edges = new SentenceEdges(corpus.docs)
  }

  /**
   * Aligns candidates [from, to) of `regions` into `table`, in order; `tick(k)` is called before
   * candidate k (progress, cancellation). `from` must start a pair's candidates for the pairs to
   * be those of one reading of all of them (see above).
   */
  alignCandidates(regions: RegionList, from: number, to: number, table: PairTable, tick?: (k: number) => void): void {
    /**
     * The last candidate reached out word for word (verbatimReach), as content positions: a later
     * candidate of the same pair inside it is not read out again, so a long text both documents
     * share costs one reading however many candidates it holds.
     */
    const reached = { docA: -1, docB: -1, a0: 0, a1: -1, b0: 0, b1: -1 }
    for (let k = from; k < to; k++) {
      tick?.(k)
      const r = regions.at(k)
      if (this.alignRegion(r, reached, table)) continue
      // Too unlike as a whole: the candidates it joins, and of one too unlike, the runs of words
      // its passages share word for word (shared-runs.ts).
      for (const part of r.parts ?? [r]) {
        if (part !== r && this.alignRegion(part, reached, table)) continue
        for (const shared of sharedRuns(part, this.corpus.docs[part.docA], this.corpus.docs[part.docB], this.minWords))
          this.alignRegion(shared, reached, table)
      }
    }
  }

  /**
   * Tokens [a0, a1] of document da and [b0, b1] of db, read word for word alike, taken to their
   * sentences' starts and ends where the words up to them are alike too, when that makes a whole
   * sentence of MIN_SENTENCE_TOKENS words at least on both sides, or the whole start or end of a
   * sentence (the other edge where the texts part) of MIN_SENTENCE_PART_TOKENS; undefined when it
   * makes neither.
   */
  private wholeSentence(
    da: number,
    a0: number,
    a1: number,
    db: number,
    b0: number,
    b1: number,
  ): [number, number, number, number] | undefined {
    const { corpus, edges } = this
    const A = corpus.docs[da]
    const B = corpus.docs[db]
    // How far both sides reach alike to their sentence's start (-1) or end (1): 0 where they
    // stand there already, or do not reach it alike (opens tells the two apart).
    const reach = (ta: number, tb: number, dir: -1 | 1): number => {
      const k = edges.distance(da, ta, dir)
      if (k === Infinity || k !== edges.distance(db, tb, dir)) return 0
      const alike = dir < 0 ? sameSurface(A, ta - k, ta - 1, B, tb - k, tb - 1) : sameSurface(A, ta + 1, ta + k, B, tb + 1, tb + k)
      return alike ? k : 0
    }
    const opens = (t: number, d: number, dir: -1 | 1): boolean => edges.distance(d, t, dir) === 0
    const head = reach(a0, b0, -1)
    const tail = reach(a1, b1, 1)
    const starts = opens(a0 - head, da, -1) && opens(b0 - head, db, -1)
    const ends = opens(a1 + tail, da, 1) && opens(b1 + tail, db, 1)
    const tokens = a1 - a0 + 1 + head + tail
    if (starts && ends ? tokens < MIN_SENTENCE_TOKENS : !(starts || ends) || tokens < MIN_SENTENCE_PART_TOKENS) return undefined
    return [a0 - head, a1 + tail, b0 - head, b1 + tail]
  }

  /** Aligns and measures one candidate; true when it is kept as a pair (in `table`). */
  private alignRegion(
    r: Region,
    reached: { docA: number; docB: number; a0: number; a1: number; b0: number; b1: number },
    table: PairTable,
  ): boolean {
    const { corpus, n } = this
    const A = corpus.docs[r.docA]
    const B = corpus.docs[r.docB]
    let { a0: ca0, a1: ca1, b0: cb0, b1: cb1 } = r
    // A side stretched by a chance seed beside the passage starts and ends where the other's does
    // (ragged-edge.ts): n + 1 words alike, an anchor.
    cb0 += raggedEdge(A, ca0, ca1, B, cb0, cb1, -1, n + 1)
    ca0 += raggedEdge(B, cb0, cb1, A, ca0, ca1, -1, n + 1)
    cb1 -= raggedEdge(A, ca0, ca1, B, cb0, cb1, 1, n + 1)
    ca1 -= raggedEdge(B, cb0, cb1, A, ca0, ca1, 1, n + 1)
    const inside =
      r.docA === reached.docA && r.docB === reached.docB && ca0 >= reached.a0 && ca1 <= reached.a1 && cb0 >= reached.b0 && cb1 <= reached.b1
    // A document's repetition of itself is read as found: reaching out could make its copies meet.
    if (!inside && r.docA !== r.docB) {
      const after = verbatimReach(A, ca1, B, cb1, 1)
      const before = verbatimReach(A, ca0, B, cb0, -1)
      ca0 -= before
      cb0 -= before
      ca1 += after
      cb1 += after
      Object.assign(reached, { docA: r.docA, docB: r.docB, a0: ca0, a1: ca1, b0: cb0, b1: cb1 })
    }
    let a0 = A.content[ca0]
    let a1 = A.content[ca1]
    let b0 = B.content[cb0]
    let b1 = B.content[cb1]
    const [la, lb] = extendEdge(corpus.lexicon, A, a0, B, b0, -1)
    a0 -= la
    b0 -= lb
    const [ra, rb] = extendEdge(corpus.lexicon, A, a1, B, b1, 1)
    a1 += ra
    b1 += rb
    // Words moved to an edge (moved-edge.ts), each side read against the other as aligned.
    const [ma0, ma1, mb0, mb1] = movedEdges(A, a0, a1, B, b0, b1)
    a0 -= ma0
    a1 += ma1
    b0 -= mb0
    b1 += mb1
    // Nor does it start or end on pieces of two different e-mail addresses (kept-pair.ts).
    const [leading, trailing] = otherAddressEdges(A, a0, a1, B, b0, b1)
    a0 += leading
    b0 += leading
    a1 -= trailing
    b1 -= trailing
    if (a1 < a0 || b1 < b0) return false
    // A document's repetition of itself: only the two copies, never one stretch against itself.
    if (r.docA === r.docB && a1 >= b0 && b1 >= a0) return false
    // A pair running from a page's text into its furniture is two pairs (furniture.ts).
    const parts = sectionParts(A, a0, a1, B, b0, b1)
    if (!parts) return this.alignAt(table, r.docA, a0, a1, r.docB, b0, b1)
    const unkept = parts.filter(([x0, x1, y0, y1]) => !this.alignAt(table, r.docA, x0, x1, r.docB, y0, y1))
    if (unkept.length === parts.length) return false
    // A part too unlike, where the only parts kept are the pages' running lines, is read as a
    // candidate too unlike is (alignCandidates): by the runs of words its two sides share word
    // for word. The coreutils pages' AUTHOR to SEE ALSO, stat's naming three pages of its own, cut
    // from their running footer, which all six pages share and which was kept. (Not where a part
    // of the text is kept: there the runs joined 1,000 gcloud pages' resource arguments otherwise,
    // and a thousand more passages ended a few words into a bullet.)
    const pageLinesOnly = parts.every((part) => unkept.includes(part) || onPageLines(A, part[0], part[1]))
    for (const [x0, x1, y0, y1] of pageLinesOnly ? unkept : []) {
      const ca0 = contentFrom(A, x0)
      const ca1 = contentFrom(A, x1 + 1) - 1
      const cb0 = contentFrom(B, y0)
      const cb1 = contentFrom(B, y1 + 1) - 1
      if (ca1 < ca0 || cb1 < cb0) continue
      const part = { docA: r.docA, docB: r.docB, a0: ca0, a1: ca1, b0: cb0, b1: cb1, seeds: 0 }
      for (const shared of sharedRuns(part, A, B, this.minWords)) this.alignRegion(shared, reached, table)
    }
    return true
  }

  /** Keeps tokens [a0, a1] of document da and [b0, b1] of db, aligned, as a pair, at the edges its paragraphs and sentences give; true when kept. */
  private alignAt(table: PairTable, da: number, a0: number, a1: number, db: number, b0: number, b1: number): boolean {
    const { corpus, measurer, n, minWords } = this
    const A = corpus.docs[da]
    const B = corpus.docs[db]
    // An end a word or two into a paragraph both texts only open alike goes, and a start a word
    // or two into the list item before, where the pair is kept without them (paragraph-edge.ts).
    const edges = paragraphEdges(A, a0, a1, B, b0, b1, n)
    if (edges) {
      const [ea0, ea1, eb0, eb1] = edges
      const measure = measurer.measure(da, ea0, ea1, db, eb0, eb1)
      const kind = keptKind(measure, minWords, A, ea0, ea1, B, eb0, eb1)
      if (kind) return this.keep(table, da, ea0, ea1, db, eb0, eb1, measure, kind)
      if (endOnHeadings(A, a0, a1, B, b0, b1, n)) return false
    }
    let measure = measurer.measure(da, a0, a1, db, b0, b1)
    let kind = measure.shared < minWords ? undefined : keptKind(measure, minWords, A, a0, a1, B, b0, b1)
    // Too few words for a passage (or too few once each name of code counts as one word: 'The
    // "parse_config_key()" API function has been cleaned up.', the same item in two release
    // notes), but maybe a whole sentence both texts have word for word.
    if (!kind && measure.verbatim) {
      const sentence = this.wholeSentence(da, a0, a1, db, b0, b1)
      if (!sentence) return false
      ;[a0, a1, b0, b1] = sentence
      measure = measurer.measure(da, a0, a1, db, b0, b1)
      kind = keptKind(measure, Math.min(minWords, MIN_SENTENCE_SHARED), A, a0, a1, B, b0, b1)
    }
    return kind ? this.keep(table, da, a0, a1, db, b0, b1, measure, kind) : false
  }

  /**
   * Keeps a run of running words that documents da and db share word for word (tokens [a0, a1]
   * and [b0, b1]: verbatim-runs.ts) as a pair: the words either has in the next paragraph left
   * out (paragraphEdges), still `minTokens` words at least, taken to its sentences' edges where
   * the texts go on alike to them (wholeSentence), word for word, with `minShared` content words
   * in common (keptKind's minWords for it, at most the corpus's). True when kept.
   */
  alignRun(
    table: PairTable,
    da: number,
    a0: number,
    a1: number,
    db: number,
    b0: number,
    b1: number,
    minTokens: number,
    minShared: number,
  ): boolean {
    const { corpus, measurer, n } = this
    const A = corpus.docs[da]
    const B = corpus.docs[db]
    const edges = paragraphEdges(A, a0, a1, B, b0, b1, n)
    if (edges) [a0, a1, b0, b1] = edges
    if (a1 - a0 + 1 < minTokens || b1 - b0 + 1 < minTokens) return false
    const sentence = this.wholeSentence(da, a0, a1, db, b0, b1)
    if (sentence) [a0, a1, b0, b1] = sentence
    const measure = measurer.measure(da, a0, a1, db, b0, b1)
    if (!measure.verbatim) return false
    const kind = keptKind(measure, Math.min(this.minWords, minShared), A, a0, a1, B, b0, b1)
    return kind ? this.keep(table, da, a0, a1, db, b0, b1, measure, kind) : false
  }

  /** Keeps tokens [a0, a1] of document da and [b0, b1] of db as a pair; true. */
  private keep(
    table: PairTable,
    da: number,
    a0: number,
    a1: number,
    db: number,
    b0: number,
    b1: number,
    measure: PairMeasure,
    kind: OverlapKind,
  ): true {
    const a = { doc: da, start: a0, end: a1 }
    const b = { doc: db, start: b0, end: b1 }
    table.push(a, b, keptValues(this.corpus, measure, kind, a, b))
    return true
  }
}
