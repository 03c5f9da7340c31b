import { TextClusters } from './cores.js'
import { mergePassages } from './extend.js'
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
   * so that the projection adds its document to a's overlap without chaining it to others.
   */
  projected?: boolean
}

/** A cluster: the indices of its pairs and its passages, one per document span after merging. */
export interface Cluster {
  pairs: number[]
  passages: PairPassage[]
}

function sharedLength(x: PairPassage, y: PairPassage): number {
  return Math.min(x.end, y.end) - Math.max(x.start, y.start) + 1
}

/** Clusters pairwise matches (see above); clusters keep the order of their first pair. */
export function clusterPairs(pairs: readonly PairLike[]): Cluster[] {
  const lengths = pairs.map((pair) => Math.max(pair.a.end - pair.a.start, pair.b.end - pair.b.start) + 1)
  const sets = new TextClusters(lengths, SAME_PASSAGE_SHARE)
  type Item = { p: PairPassage; pair: number }
  const join = (x: Item, y: Item): boolean => sets.join(x.pair, x.p, y.pair, y.p)
  // Every passage with the pair it came from, as an entry (2i: pair i's a, 2i + 1: its b; a
  // projected pair's b left out), sorted by document (in the order the pairs first name them),
  // start, end and entry: the passages of each document in order, with no object per passage (a
  // million at corpus scale).
  const passage = (e: number): PairPassage => (e & 1 ? pairs[e >>> 1].b : pairs[e >>> 1].a)
  const entries = new Uint32Array(2 * pairs.length)
  const rank = new Map<number, number>()
  let count = 0
  pairs.forEach((pair, i) => {
    entries[count++] = 2 * i
    if (!rank.has(pair.a.doc)) rank.set(pair.a.doc, rank.size)
    if (pair.projected) return
    entries[count++] = 2 * i + 1
    if (!rank.has(pair.b.doc)) rank.set(pair.b.doc, rank.size)
  })
  const sorted = entries.subarray(0, count).sort((x, y) => {
    const p = passage(x)
    const q = passage(y)
    return rank.get(p.doc)! - rank.get(q.doc)! || p.start - q.start || p.end - q.end || x - y
  })
  // Passages nearly the same first, so that each text's clusters form before a passage that
  // holds two texts (and may join only one of them) is met; then those sharing half.
  for (const share of [NEAR_SAME_SHARE, SAME_PASSAGE_SHARE]) {
    const open: Item[] = []
    for (let k = 0; k < sorted.length; k++) {
      const item = { p: passage(sorted[k]), pair: sorted[k] >>> 1 }
      if (k === 0 || passage(sorted[k - 1]).doc !== item.p.doc) open.length = 0
      // The same span as the last one (one representative's passage against many documents):
      // the same passage, and comparing it with the others again would cost the square of them.
      // Only when it cannot join the last (their clusters hold different texts) is it compared
      // with the other open passages; it is not kept open twice.
      const last = open[open.length - 1]
      const same = !!last && last.p.start === item.p.start && last.p.end === item.p.end
      if (same && join(item, last)) continue
      // Drop passages that end before this one starts: they cannot overlap it or any later one.
      for (let j = open.length - 1; j >= 0; j--) if (open[j].p.end < item.p.start) open.splice(j, 1)
      for (const other of open) {
        const longer = Math.max(item.p.end - item.p.start, other.p.end - other.p.start) + 1
        if (sharedLength(item.p, other.p) >= share * longer) join(item, other)
      }
      if (!same) open.push(item)
    }
  }
  const clusters = new Map<number, Cluster>()
  pairs.forEach((pair, i) => {
    const root = sets.find(i)
    let cluster = clusters.get(root)
    if (!cluster) {
      cluster = { pairs: [], passages: [] }
      clusters.set(root, cluster)
    }
    cluster.pairs.push(i)
    // Not copied: mergePassages copies the passages it returns and changes none it is given.
    cluster.passages.push(pair.a, pair.b)
  })
  for (const cluster of clusters.values()) cluster.passages = mergePassages(cluster.passages)
  return [...clusters.values()]
}
