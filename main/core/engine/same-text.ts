import { type PairPassage, SAME_PASSAGE_SHARE } from './cluster.js'
import { mergePassages } from './extend.js'
import { fmix32, mix32 } from './hash.js'
import { UnionFind } from '../text/union-find.js'

// Overlaps of one text that clustering never compared. Clustering joins two pairs where their
// passages overlap in one document (cluster.ts), and frequent text is seeded through
// representative occurrences, each occurrence linked to the copy that shares the most context
// with it (ngrams.ts `linkByContext`). A clause that licences share word for word with different
// words around it ("… DISCLAIM ALL WARRANTIES WITH REGARD TO THIS SOFTWARE, INCLUDING ALL IMPLIED
// WARRANTIES OF MERCHANTABILITY AND FITNESS, IN NO EVENT SHALL …", after one company's name or
// another's) is therefore paired within groups of copies alike in context, and a group whose
// passages overlap no other group's in any document is clustered on its own: two overlaps of the
// same words, and no overlap holds a copy of one group with a copy of the other.
//
// Each overlap is sketched by the TEXT_SKETCH smallest hashes of the SKETCH_WORDS-word windows
// (match forms, normalise.ts) of its shortest passage, the one nearest to what all its passages
// share; overlaps with a hash in common are compared, and two whose passages share a stretch word
// for word, through the window hashed, of SAME_PASSAGE_SHARE of the longer of the two passages
// sketched (as clustering demands of one overlap's passages) are one overlap, unless a passage of
// one overlaps a passage of the other in some document (clustering has judged those and kept them
// apart; a document may hold both at different places, the text repeated). A joined overlap is a
// star, one overlap and those alike its sketched passage, never a chain that drifts from text to
// text. Cost: a hash per word of one passage per overlap.

/** Words per window hashed: a window in common must be a phrase, not a pair of common words. */
export const SKETCH_WORDS = 8

/**
 * Hashes kept per overlap (the smallest): two passages of one text that stop at different words
 * still have one of their smallest in common unless most of their windows differ.
 */
export const TEXT_SKETCH = 2

/** What joining needs of an overlap: its passages (sorted by document and start, merged) and pairs. */
export interface TextCluster {
  pairs: number[]
  passages: PairPassage[]
}

/** What joining needs of a document: its tokens' match ids. */
export interface MatchIds {
  match: Uint32Array
}

/**
 * Joins the clusters that hold the same text and that clustering never compared (see above);
 * returns the clusters, each joined one at the place of its first member, its pairs and passages
 * those of all its members.
 */
export function joinSameText<C extends TextCluster>(clusters: C[], docs: readonly MatchIds[]): C[] {
  // Per cluster, its sketched passage and where each of its smallest hashes starts in it.
  const sketched: (PairPassage | undefined)[] = []
  const byHash = new Map<number, number[]>() // hash -> [cluster, start, cluster, start, ...]
  clusters.forEach((c, ci) => {
    let shortest: PairPassage | undefined
    for (const p of c.passages)
      if (p.end - p.start + 1 >= SKETCH_WORDS && (!shortest || p.end - p.start < shortest.end - shortest.start)) shortest = p
    sketched.push(shortest)
    if (!shortest) return
    const match = docs[shortest.doc].match
    // The TEXT_SKETCH smallest window hashes, ascending, and where their windows start.
    const least: number[] = []
    const at: number[] = []
    for (let s = shortest.start; s + SKETCH_WORDS - 1 <= shortest.end; s++) {
      let h = 0x2f0b3a49
      for (let k = 0; k < SKETCH_WORDS; k++) h = mix32(h, match[s + k])
      h = fmix32(h)
      if (least.length === TEXT_SKETCH && h >= least[TEXT_SKETCH - 1]) continue
      if (least.includes(h)) continue
      let i = least.length
      while (i > 0 && least[i - 1] > h) i--
      least.splice(i, 0, h)
      at.splice(i, 0, s)
      if (least.length > TEXT_SKETCH) {
        least.pop()
        at.pop()
      }
    }
    least.forEach((h, i) => {
      let list = byHash.get(h)
      if (!list) byHash.set(h, (list = []))
      list.push(ci, at[i])
    })
  })
  const sets = new UnionFind(clusters.length)
  // Each joined set is a star: one cluster, its hub, and clusters whose sketched passages each
  // share SAME_PASSAGE_SHARE with the hub's, so that joins do not drift from text to text along
  // a chain of overlapping passages. Per cluster, its set's hub, or -1 while it is alone.
  const hub = new Int32Array(clusters.length).fill(-1)
  // The passages of each joined set, at its root (sorted by document and start, merged).
  const passagesOf = new Map<number, PairPassage[]>()
  const passages = (root: number): PairPassage[] => passagesOf.get(root) ?? clusters[root].passages
  for (const list of byHash.values()) {
    for (let i = 2; i < list.length; i += 2) {
      for (let j = 0; j < i; j += 2) {
        const x = list[i]
        const y = list[j]
        const center = starCenter(hub, x, y)
        if (center < 0) continue
        const rx = sets.find(x)
        const ry = sets.find(y)
        if (rx === ry) continue
        if (!sameText(docs, sketched[x]!, list[i + 1], sketched[y]!, list[j + 1])) continue
        const px = passages(rx)
        const py = passages(ry)
        if (touch(px, py)) continue
        const root = sets.joinRoots(rx, ry)
        passagesOf.set(root, mergePassages([...px, ...py]))
        passagesOf.delete(root === rx ? ry : rx)
        hub[x] = center
        hub[y] = center
      }
    }
  }
  const out: C[] = []
  const joined = new Map<number, C>()
  clusters.forEach((c, ci) => {
    const root = sets.find(ci)
    const first = joined.get(root)
    if (!first) {
      joined.set(root, c)
      out.push(c)
      return
    }
    first.pairs.push(...c.pairs)
  })
  for (const [root, list] of passagesOf) joined.get(root)!.passages = list
  return out
}

/**
 * The hub of the star clusters x and y would join (y sketched before x), or -1 when joining them
 * would make a chain: one of them must be alone, the other alone (y becomes the hub) or a hub.
 */
function starCenter(hub: Int32Array, x: number, y: number): number {
  const xAlone = hub[x] < 0
  const yAlone = hub[y] < 0
  if (xAlone && yAlone) return y
  if (yAlone && hub[x] === x) return x
  if (xAlone && hub[y] === y) return y
  return -1
}

/**
 * Whether passages x and y share, word for word, a stretch through the windows starting at sx
 * and sy of SAME_PASSAGE_SHARE of the longer of them.
 */
function sameText(docs: readonly MatchIds[], x: PairPassage, sx: number, y: PairPassage, sy: number): boolean {
  const a = docs[x.doc].match
  const b = docs[y.doc].match
  let before = 0
  while (sx - before - 1 >= x.start && sy - before - 1 >= y.start && a[sx - before - 1] === b[sy - before - 1]) before++
  let after = 0
  while (sx + after <= x.end && sy + after <= y.end && a[sx + after] === b[sy + after]) after++
  const longer = Math.max(x.end - x.start, y.end - y.start) + 1
  return after >= SKETCH_WORDS && before + after >= SAME_PASSAGE_SHARE * longer
}

/**
 * Whether a passage of one list overlaps a passage of the other in the same document (lists
 * sorted by document and start): clustering has judged those two passages, and kept them apart.
 */
function touch(xs: readonly PairPassage[], ys: readonly PairPassage[]): boolean {
  let i = 0
  let j = 0
  while (i < xs.length && j < ys.length) {
    const x = xs[i]
    const y = ys[j]
    if (x.doc === y.doc && x.start <= y.end && y.start <= x.end) return true
    if (x.doc < y.doc || (x.doc === y.doc && x.end < y.end)) i++
    else j++
  }
  return false
}
