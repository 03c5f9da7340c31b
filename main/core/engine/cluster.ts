import { type Span, TextClusters } from './cores.js'
import { mergePassages } from './extend.js'
import { sortIndicesByKeys } from './radix.js'
// Pairs of passages to overlaps. Alignment works on pairs of documents, but a passage quoted in
// three documents is one overlap with three passages, not three pairs. Every pair contributes its
// two passages; two passages of one document that cover mostly the same words are the same
// passage, so the pairs they belong to join one cluster (union-find). Within a cluster, the
// passages of one document that overlap at all are merged into one (their union).
//
// An overlap is one text, not a chain of texts. "Mostly the same words" is not transitive: a
// document holding two texts one after the other (a GPL notice, then a BSD one) is matched as one
// passage against another document holding both, and that passage shares half its words with the
// GPL passages and half with the BSD ones. Joined on that alone, every GPL copy was glued to every
// BSD copy, and on through documents holding BSD and MIT, into one overlap of thousands of
// passages and many licences. So clusters join only when the stretch of text all their pairs
// cover (their core, cores.ts) is still most of every passage: the two-text pair joins the GPL
// copies or the BSD copies, not both.
//
// A projected passage (nested.ts: a short passage read through a longer match into its partner's
// document) joins its pair's cluster only: overlapping another passage there, it would chain the
// short text to whatever else lies in that long match. But the short text's representatives each
// make a star of pairs of their own (ngrams.ts), and where two stars' passages were projected
// onto the very same span of a document, both read the same words there: the stars are one text.
// On Debian's copyright files the warranty formula "the implied warranty of MERCHANTABILITY or
// FITNESS FOR A PARTICULAR PURPOSE" was some thirty stars of a few dozen passages each, apart,
// and each found, through nesting.ts, in the five hundred documents of the licences around it:
// thirty overlaps of a thousand passages, of one sentence (2,072 overlaps in all; 1,908 so
// joined, sim_text's runs covered by one overlap 95.7% -> 95.6%, five short runs of stanza
// headers fewer; the whole run 9.8 s -> 8.0 s, one round each).

/**
 * Share of the longer of two passages of one document that the other must cover for both to be
 * the same passage, and of every passage of an overlap that its core must cover. At one half, a
 * quotation matched against two authors who each quote a somewhat different stretch of it is
 * still one overlap, while two distinct borrowings that merely touch stay apart, and a long
 * passage does not swallow every short one inside it (which would chain unrelated overlaps
 * together through it).
 */
export const SAME_PASSAGE_SHARE = 0.5

/**
 * Share of the longer passage that passages join on in a first round, before SAME_PASSAGE_SHARE:
 * copies of one text cut a few words apart. A passage holding two texts shares half of itself
 * with each, so it waits for the second round, when each text's copies are already together.
 */
export const NEAR_SAME_SHARE = 0.9

/** A passage of one pairwise match: tokens [start, end] (inclusive) of document `doc`. */
export interface PairPassage {
  doc: number
  start: number
  end: number
}

/** A pairwise match to cluster. */
export interface PairLike {
  a: PairPassage
  b: PairPassage
  /**
   * b was projected through a longer match (nested.ts): the pair joins clusters through a only,
   * so that the projection adds its document to a's overlap without chaining it to others; and
   * through b where another pair's b was projected onto the very same span (see above).
   */
  projected?: boolean
}

/**
 * Two documents (ordered: `a` first) in one number, exact for fewer than 2^26 (67 million)
 * documents: a pair of documents as a Map's key, read whole by one comparison.
 */
export function documentPair(a: number, b: number): number {
  return a * 2 ** 26 + b
}

/** Two documents in one number whichever comes first (documentPair of the lower, then the higher). */
export function eitherOrder(a: number, b: number): number {
  return a < b ? documentPair(a, b) : documentPair(b, a)
}

/**
 * Pairwise matches read side by side without an object per passage: entry e is pair e >>> 1's a
 * when e is even, its b when odd (PairTable, pair-table.ts, holds them so; pairSides reads an
 * array of PairLike so).
 */
export interface PairSides {
  /** Number of pairs. */
  readonly length: number
  doc(e: number): number
  start(e: number): number
  end(e: number): number
  /** Pair i's `projected` (PairLike). */
  projected(i: number): boolean
}

/** PairSides over pairs held as objects. */
export function pairSides(pairs: readonly PairLike[]): PairSides {
  const side = (e: number): PairPassage => (e & 1 ? pairs[e >>> 1].b : pairs[e >>> 1].a)
  return {
    length: pairs.length,
    doc: (e) => side(e).doc,
    start: (e) => side(e).start,
    end: (e) => side(e).end,
    projected: (i) => !!pairs[i].projected,
  }
}

/** A cluster: the indices of its pairs and its passages, one per document span after merging. */
export interface Cluster {
  pairs: number[]
  passages: PairPassage[]
  /** The likeness of texts split apart (bridged.ts), which hides none of them (contained.ts). */
  likeness?: true
}

/** Clusters pairwise matches (see above); clusters keep the order of their first pair. */
export function clusterPairs(given: readonly PairLike[] | PairSides): Cluster[] {
  const pairs = Array.isArray(given) ? pairSides(given as readonly PairLike[]) : (given as PairSides)
  const { length: count } = pairs
  const lengths = new Float64Array(count)
  for (let i = 0; i < count; i++)
    lengths[i] = Math.max(pairs.end(2 * i) - pairs.start(2 * i), pairs.end(2 * i + 1) - pairs.start(2 * i + 1)) + 1
  const sets = new TextClusters(lengths, SAME_PASSAGE_SHARE)
  // Entries x and y as spans for TextClusters.join, in two objects reused from join to join.
  const x: Span = { start: 0, end: 0 }
  const y: Span = { start: 0, end: 0 }
  const join = (ex: number, ey: number): boolean => {
    x.start = pairs.start(ex)
    x.end = pairs.end(ex)
    y.start = pairs.start(ey)
    y.end = pairs.end(ey)
    return sets.join(ex >>> 1, x, ey >>> 1, y)
  }
  // Every passage as its entry (a projected pair's b left out), sorted by document (in the order
  // the pairs first name them), start, end and entry: the passages of each document in order,
  // with no object per passage (a million at corpus scale).
  const entries = new Uint32Array(2 * count)
  let documents = 0
  for (let e = 0; e < 2 * count; e++) documents = Math.max(documents, pairs.doc(e) + 1)
  const rank = new Int32Array(documents).fill(-1)
  let ranked = 0
  let listed = 0
  for (let i = 0; i < count; i++) {
    entries[listed++] = 2 * i
    if (rank[pairs.doc(2 * i)] < 0) rank[pairs.doc(2 * i)] = ranked++
    if (pairs.projected(i)) continue
    entries[listed++] = 2 * i + 1
    if (rank[pairs.doc(2 * i + 1)] < 0) rank[pairs.doc(2 * i + 1)] = ranked++
  }
  const sorted = sortIndicesByKeys(entries.subarray(0, listed), 2 * count, [
    (e) => rank[pairs.doc(e)],
    (e) => pairs.start(e),
    (e) => pairs.end(e),
  ])
  // Passages nearly the same first, so that each text's clusters form before a passage that
  // holds two texts (and may join only one of them) is met; then those sharing half.
  for (const share of [NEAR_SAME_SHARE, SAME_PASSAGE_SHARE]) {
    const open: number[] = []
    for (let k = 0; k < sorted.length; k++) {
      const e = sorted[k]
      const start = pairs.start(e)
      const end = pairs.end(e)
      if (k === 0 || pairs.doc(sorted[k - 1]) !== pairs.doc(e)) open.length = 0
      // The same span as the last one (one representative's passage against many documents):
      // the same passage, and comparing it with the others again would cost the square of them.
      // Only when it cannot join the last (their clusters hold different texts) is it compared
      // with the other open passages; it is not kept open twice.
      const last = open.length ? open[open.length - 1] : -1
      const same = last >= 0 && pairs.start(last) === start && pairs.end(last) === end
      if (same && join(e, last)) continue
      // Drop passages that end before this one starts: they cannot overlap it or any later one.
      for (let j = open.length - 1; j >= 0; j--) if (pairs.end(open[j]) < start) open.splice(j, 1)
      for (const other of open) {
        const longer = Math.max(end - start, pairs.end(other) - pairs.start(other)) + 1
        const shared = Math.min(end, pairs.end(other)) - Math.max(start, pairs.start(other)) + 1
        if (shared >= share * longer) join(e, other)
      }
      if (!same) open.push(e)
    }
  }
  // Projected passages (PairLike.projected) join no cluster by overlapping another passage, but
  // two projected onto the very same span of a document (see above) are joined there, as any
  // two passages are: under the same rule of cores.
  const projected: number[] = []
  for (let i = 0; i < count; i++) if (pairs.projected(i)) projected.push(2 * i + 1)
  if (projected.length > 1) {
    const byPlace = sortIndicesByKeys(Uint32Array.from(projected), 2 * count, [
      (e) => pairs.doc(e),
      (e) => pairs.start(e),
      (e) => pairs.end(e),
    ])
    for (let k = 1; k < byPlace.length; k++) {
      const e = byPlace[k]
      const last = byPlace[k - 1]
      if (pairs.doc(e) === pairs.doc(last) && pairs.start(e) === pairs.start(last) && pairs.end(e) === pairs.end(last)) join(e, last)
    }
  }
  return clustersOf(sets, pairs)
}

/**
 * The clusters of `pairs` as `sets` joined them (clusterPairs), each with its passages merged, in
 * the order their first pairs come. Functions of their own (this and membersOf), each loop with
 * nothing after it but a return: V8 compiled clusterPairs while a sweep ran through a long list
 * of pairs, before anything after it had run, and each later long list entered that compiled
 * code and fell out of it at what followed (24-30 times a run on the copyright files).
 */
function clustersOf(sets: TextClusters, pairs: PairSides): Cluster[] {
  const clusters = membersOf(sets, pairs.length)
  // Each cluster's passages made and merged in turn, so that the unmerged ones (two a pair) are
  // never all held at once.
  const side = (e: number): PairPassage => ({ doc: pairs.doc(e), start: pairs.start(e), end: pairs.end(e) })
  const out: Cluster[] = []
  for (const cluster of clusters.values()) {
    const passages: PairPassage[] = []
    for (const i of cluster.pairs) passages.push(side(2 * i), side(2 * i + 1))
    cluster.passages = mergePassages(passages)
    out.push(cluster)
  }
  return out
}

/** Pairs [0, count) by the set of `sets` they are in, each set a cluster without its passages yet, in the order their first pairs come. */
function membersOf(sets: TextClusters, count: number): Map<number, Cluster> {
  const clusters = new Map<number, Cluster>()
  for (let i = 0; i < count; i++) {
    const root = sets.find(i)
    let cluster = clusters.get(root)
    if (!cluster) {
      cluster = { pairs: [], passages: [] }
      clusters.set(root, cluster)
    }
    cluster.pairs.push(i)
  }
  return clusters
}
