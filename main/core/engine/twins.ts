import { type PairPassage, SAME_PASSAGE_SHARE } from './cluster.js'
import { mergePassages } from './extend.js'
import { flatPassages } from './flat-passages.js'
import { identity, sortIndicesByKeys } from './radix.js'
import { UnionFind } from '../text/union-find.js'

// Overlaps that are one overlap twice. A stock text a document gives several times (a manual
// page's "This represents a Cloud resource. (NOTE) Some attributes are not given arguments in
// this group ..." under each of its resource arguments, a licence's notice under each group of
// files) is paired copy by copy, and clustering keeps copies at different places of one document
// apart: each overlap holds one copy of each document, and which copy differs from overlap to
// overlap. Once their passages have reached as far as the text goes (extend.ts, nesting.ts), such
// overlaps hold the same documents and most of the same passages: a reviewer of gcloud's manual
// pages found the sentence above in six overlaps of the same thirty pages, each with 14 to 26 of
// the same thirty passages, and Debian's copyright files had the MIT licence's "The above
// copyright notice and this permission notice shall be included" twice, 439 of 459 passages the
// same. Two overlaps of the same documents, SAME_PASSAGE_SHARE of the passages of each the very
// same (document, first and last token), two at least (MIN_SAME_PASSAGES), are therefore one: its
// passages those of both, each document holding the text at as many places as the two found it.
// So are two overlaps at the same places of nearly all the documents of each (SAME_PLACE_SHARE),
// however their passages' ends differ: one text whose pairs ended at different words.
// Not fewer documents in common: same-text.ts joins overlaps of one text that
// share no document, and bridged.ts parts two texts a document holds only loosely alike, in one
// passage each (their likeness, which shares a passage with each, is never joined).

/**
 * Passages two twins must have the very same, at least: one alone is a passage two texts both
 * matched (a document's copy read against two others), not the same text.
 */
export const MIN_SAME_PASSAGES = 2

/**
 * What joining needs of an overlap: the pairs it was clustered from, its passages (sorted by
 * document and start, apart), and whether it is the likeness of two texts bridged.ts parted,
 * which is never joined: it holds a passage of each text, and joined, it joined them again.
 */
export interface TwinCluster {
  pairs: number[]
  passages: PairPassage[]
  likeness?: true
}

/**
 * Rounds of joining, at most. Each set of twins joined is a star (see joinOnce), so two overlaps
 * each joined to a third they are not twins of are joined, if twins, in the next round, as what
 * they then are. On Debian's copyright files three rounds join (1,823, 1,777, 1,769 overlaps
 * after each) and a fourth joins none.
 */
export const TWIN_ROUNDS = 4

/**
 * The clusters with each set of twins (see above) joined into the first of them, in order, and
 * per cluster returned, the indices of the clusters it joins (itself first).
 */
export function joinTwins<C extends TwinCluster>(clusters: readonly C[]): { clusters: C[]; members: number[][] } {
  let joined = joinOnce(clusters)
  for (let round = 1; round < TWIN_ROUNDS && joined.clusters.length < clusters.length; round++) {
    const before = joined
    const next = joinOnce(before.clusters)
    if (next.clusters.length === before.clusters.length) break
    joined = { clusters: next.clusters, members: next.members.map((m) => m.flatMap((k) => before.members[k])) }
  }
  return joined
}

/** One round of joinTwins. */
function joinOnce<C extends TwinCluster>(clusters: readonly C[]): { clusters: C[]; members: number[][] } {
  // Every passage as an entry, sorted by document, start and end: the same passage of two
  // clusters are neighbours.
  const { total, owner, doc, start, end } = flatPassages(clusters)
  const sorted = sortIndicesByKeys(identity(total), total, [(k) => doc[k], (k) => start[k], (k) => end[k]])
  // Per pair of clusters with a passage in common, how many they have (key: x * count + y, x < y).
  const count = clusters.length
  const common = new Map<number, number>()
  for (let g = 0; g < total;) {
    let h = g + 1
    const k = sorted[g]
    while (h < total && doc[sorted[h]] === doc[k] && start[sorted[h]] === start[k] && end[sorted[h]] === end[k]) h++
    for (let i = g; i < h; i++)
      for (let j = i + 1; j < h; j++) {
        const x = Math.min(owner[sorted[i]], owner[sorted[j]])
        const y = Math.max(owner[sorted[i]], owner[sorted[j]])
        if (x !== y) common.set(x * count + y, (common.get(x * count + y) ?? 0) + 1)
      }
    g = h
  }
  // Each set of twins is a star, one overlap and those it shares its passages with, never a chain
  // from one text to another through overlaps each like the next (same-text.ts). Per cluster, its
  // star's hub, or -1 while it is alone.
  const sets = new UnionFind(count)
  const hub = new Int32Array(count).fill(-1)
  let joined = false
  const join = (x: number, y: number): void => {
    const center = hub[x] < 0 && hub[y] < 0 ? x : hub[x] < 0 && hub[y] === y ? y : hub[y] < 0 && hub[x] === x ? x : -1
    if (center < 0) return
    sets.union(x, y)
    hub[x] = hub[y] = center
    joined = true
  }
  for (const [key, n] of [...common].sort((a, b) => b[1] - a[1] || a[0] - b[0])) {
    const x = Math.floor(key / count)
    const y = key % count
    const [cx, cy] = [clusters[x], clusters[y]]
    if (cx.likeness || cy.likeness) continue
    const most = Math.max(cx.passages.length, cy.passages.length)
    if (n < MIN_SAME_PASSAGES || n < SAME_PASSAGE_SHARE * most || !sameDocuments(cx.passages, cy.passages)) continue
    join(x, y)
  }
  // Then overlaps at the same places of nearly all their documents (samePlaces).
  const documents = clusters.map((c) => documentCount(c.passages))
  for (const [key, n] of [...samePlaces(clusters, sorted, doc, start, end, owner)].sort((a, b) => b[1] - a[1] || a[0] - b[0])) {
    const x = Math.floor(key / count)
    const y = key % count
    if (clusters[x].likeness || clusters[y].likeness) continue
    if (n < MIN_SAME_PLACES || n < SAME_PLACE_SHARE * Math.max(documents[x], documents[y])) continue
    join(x, y)
  }
  if (!joined) return { clusters: [...clusters], members: clusters.map((_, ci) => [ci]) }
  const out: C[] = []
  const members: number[][] = []
  const at = new Map<number, number>()
  clusters.forEach((c, ci) => {
    const root = sets.find(ci)
    const k = at.get(root)
    if (k === undefined) {
      at.set(root, out.length)
      out.push({ ...c, pairs: [...c.pairs], passages: [...c.passages] })
      members.push([ci])
      return
    }
    out[k].pairs.push(...c.pairs)
    out[k].passages.push(...c.passages)
    members[k].push(ci)
  })
  for (let k = 0; k < out.length; k++) if (members[k].length > 1) out[k].passages = mergePassages(out[k].passages)
  return { clusters: out, members }
}

/**
 * Share of the documents of each of two overlaps, at least, where they have a passage at the same
 * place (SAME_PASSAGE_SHARE of the longer of the two in common) for the two to be one overlap.
 * Clustering keeps a text's pairs apart where their passages end at different places, so a text
 * that hundreds of documents print with other words around it (a BSD licence, after each
 * package's own notice, its disclaimer naming the regents or the contributors) was many overlaps
 * of nearly the same documents at the same places: Debian's copyright files had one licence's
 * conditions in some forty overlaps of three hundred documents each, two of them at the same
 * place in each of their 333 documents in common, and the licence's text, on average, in fourteen
 * overlaps. Four in five: an overlap of a text's larger part (its disclaimer, which other
 * licences print too) is in more documents than the text, and stays apart, as does one that
 * meets another's passages only in documents that hold two texts one after the other.
 */
export const SAME_PLACE_SHARE = 0.8

/**
 * Documents, at least, where two overlaps must be at the same places to be one: in two, the words
 * of two texts a pair of change logs both repeat meet by chance (gdb's log, twice: "config.guess:
 * Update to 2003-06-12 version" and "Update from version 2003-06-12 to 2004-02-16").
 */
export const MIN_SAME_PLACES = 3

/**
 * Per pair of clusters (key x * count + y, x < y), the documents where most passages of each
 * (SAME_PASSAGE_SHARE of them) lie at the same place as one of the other's (SAME_PASSAGE_SHARE of
 * the longer in common): the text at the same places. (Two overlaps of a line a change log
 * repeats, "CVE-...: Use after free in ... Reported by Google.", thirty and forty passages in
 * each of three logs, meet at a few of them: two texts.) `sorted`: the flat passages' entries by
 * document, start and end.
 */
function samePlaces(
  clusters: readonly TwinCluster[],
  sorted: ArrayLike<number>,
  doc: Uint32Array,
  start: Uint32Array,
  end: Uint32Array,
  owner: Uint32Array,
): Map<number, number> {
  const count = clusters.length
  const places = new Map<number, number>()
  const open: number[] = []
  for (let g = 0; g < sorted.length;) {
    // One document's passages, entries g..h of sorted.
    let h = g + 1
    while (h < sorted.length && doc[sorted[h]] === doc[sorted[g]]) h++
    // Per cluster, its passages here; per pair of clusters, their passages met at the same place.
    const own = new Map<number, number>()
    const met = new Map<number, Set<number>>()
    open.length = 0
    for (let m = g; m < h; m++) {
      const k = sorted[m]
      own.set(owner[k], (own.get(owner[k]) ?? 0) + 1)
      for (let j = open.length - 1; j >= 0; j--) if (end[open[j]] < start[k]) open.splice(j, 1)
      for (const o of open) {
        if (owner[o] === owner[k]) continue
        const longer = Math.max(end[o] - start[o], end[k] - start[k]) + 1
        const shared = Math.min(end[o], end[k]) - start[k] + 1
        if (shared < SAME_PASSAGE_SHARE * longer) continue
        const key = Math.min(owner[o], owner[k]) * count + Math.max(owner[o], owner[k])
        let both = met.get(key)
        if (!both) met.set(key, (both = new Set()))
        both.add(o).add(k)
      }
      open.push(k)
    }
    for (const [key, both] of met) {
      const [x, y] = [Math.floor(key / count), key % count]
      let inX = 0
      for (const e of both) if (owner[e] === x) inX++
      if (inX >= SAME_PASSAGE_SHARE * own.get(x)! && both.size - inX >= SAME_PASSAGE_SHARE * own.get(y)!)
        places.set(key, (places.get(key) ?? 0) + 1)
    }
    g = h
  }
  return places
}

/** How many documents a list of passages (sorted by document) is in. */
function documentCount(passages: readonly PairPassage[]): number {
  let n = 0
  for (let i = 0; i < passages.length; i++) if (i === 0 || passages[i].doc !== passages[i - 1].doc) n++
  return n
}

/** Whether two lists of passages (sorted by document and start) are in the same documents. */
function sameDocuments(xs: readonly PairPassage[], ys: readonly PairPassage[]): boolean {
  let i = 0
  let j = 0
  while (i < xs.length && j < ys.length) {
    if (xs[i].doc !== ys[j].doc) return false
    const d = xs[i].doc
    while (i < xs.length && xs[i].doc === d) i++
    while (j < ys.length && ys[j].doc === d) j++
  }
  return i === xs.length && j === ys.length
}
