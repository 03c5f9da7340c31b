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
// Not fewer passages in common, nor other documents: same-text.ts joins overlaps of one text that
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
 * The clusters with each set of twins (see above) joined into the first of them, in order, and
 * per cluster returned, the indices of the clusters it joins (itself first).
 */
export function joinTwins<C extends TwinCluster>(clusters: readonly C[]): { clusters: C[]; members: number[][] } {
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
  for (const [key, n] of [...common].sort((a, b) => b[1] - a[1] || a[0] - b[0])) {
    const x = Math.floor(key / count)
    const y = key % count
    const cx = clusters[x]
    const cy = clusters[y]
    if (cx.likeness || cy.likeness) continue
    const most = Math.max(cx.passages.length, cy.passages.length)
    if (n < MIN_SAME_PASSAGES || n < SAME_PASSAGE_SHARE * most || !sameDocuments(cx.passages, cy.passages)) continue
    const center = hub[x] < 0 && hub[y] < 0 ? x : hub[x] < 0 && hub[y] === y ? y : hub[y] < 0 && hub[x] === x ? x : -1
    if (center < 0) continue
    sets.union(x, y)
    hub[x] = hub[y] = center
    joined = true
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
