import { UnionFind } from '../text/union-find.js'
import { mergePassages } from './extend.js'
// Pairs of passages to overlaps. Alignment works on pairs of documents, but a passage quoted in
// three documents is one overlap with three passages, not three pairs. Every pair contributes its
// two passages; two passages of one document that cover mostly the same words are the same
// passage, so the pairs they belong to join one cluster (union-find). Within a cluster, the
// passages of one document that overlap at all are merged into one (their union).

/**
 * Share of the longer of two passages of one document that the other must cover for both to be
 * the same passage. At one half, a quotation matched against two authors who each quote a somewhat
 * different stretch of it is still one overlap, while two distinct borrowings that merely touch
 * stay apart, and a long passage does not swallow every short one inside it (which would chain
 * unrelated overlaps together through it).
 */
export const SAME_PASSAGE_SHARE = 0.5

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
  const sets = new UnionFind(pairs.length)
  // Every passage with the pair it came from, as an entry (2i: pair i's a, 2i + 1: its b; a
  // projected pair's b left out), sorted by document, start, end and entry: the passages of each
  // document in order, with no object per passage (a million at corpus scale). The sets made do
  // not depend on the order in which passages are compared.
  const passage = (e: number): PairPassage => (e & 1 ? pairs[e >>> 1].b : pairs[e >>> 1].a)
  const entries = new Uint32Array(2 * pairs.length)
  let count = 0
  pairs.forEach((pair, i) => {
    entries[count++] = 2 * i
    if (!pair.projected) entries[count++] = 2 * i + 1
  })
  const sorted = entries.subarray(0, count).sort((x, y) => {
    const p = passage(x)
    const q = passage(y)
    return p.doc - q.doc || p.start - q.start || p.end - q.end || x - y
  })
  const open: { p: PairPassage; pair: number }[] = []
  for (let k = 0; k < sorted.length; k++) {
    const p = passage(sorted[k])
    const item = { p, pair: sorted[k] >>> 1 }
    if (k === 0 || passage(sorted[k - 1]).doc !== p.doc) open.length = 0
    // The same span as the last one (one representative's passage against many documents):
    // the same passage, and comparing it with the others again would cost the square of them.
    const last = open[open.length - 1]
    if (last && last.p.start === item.p.start && last.p.end === item.p.end) {
      sets.union(item.pair, last.pair)
      continue
    }
    // Drop passages that end before this one starts: they cannot overlap it or any later one.
    for (let j = open.length - 1; j >= 0; j--) if (open[j].p.end < item.p.start) open.splice(j, 1)
    for (const other of open) {
      const longer = Math.max(item.p.end - item.p.start, other.p.end - other.p.start) + 1
      if (sharedLength(item.p, other.p) >= SAME_PASSAGE_SHARE * longer) sets.union(item.pair, other.pair)
    }
    open.push(item)
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
    cluster.passages.push({ ...pair.a }, { ...pair.b })
  })
  for (const cluster of clusters.values()) cluster.passages = mergePassages(cluster.passages)
  return [...clusters.values()]
}
