import { UnionFind } from '../text/union-find.js'

// Clusters of pairwise matches that hold one text. Each cluster has its own coordinates along the
// text it holds (about one unit a word) and its core: the stretch every pair of the cluster
// covers, in those coordinates. Each pair maps its two passages onto the coordinates linearly (a
// verbatim pair exactly, a variant pair roughly); a single pair's core is the whole pair. Two
// clusters meet where a passage of one and a passage of the other lie in the same document: that
// place ties their coordinates together, and they join only if their cores, read there, still
// share a stretch covering `share` of the longest passage of either. Every passage of a cluster
// therefore covers its core, and the core is most of every passage: different texts that only
// touch or follow each other in some document never join, however many documents hold both.
// Joining relabels the smaller cluster's pairs into the larger's coordinates, so that n pairs cost
// O(n log n) relabellings.

/** A passage of a pair, as clustering sees it: tokens [start, end] (inclusive) of a document. */
export interface Span {
  start: number
  end: number
}

/** Union-find over pairs that joins two clusters only when they hold the same text (see above). */
export class TextClusters {
  private readonly sets: UnionFind
  /** Per pair: its coordinates are scale * u + shift for u in [0, 1) along either passage. */
  private readonly scale: Float64Array
  private readonly shift: Float64Array
  /** Per pair: the next pair of its cluster (a circular list), and the cluster's size at its root. */
  private readonly next: Uint32Array
  private readonly size: Uint32Array
  /** Per cluster, at its root: the core [lo, hi) and the longest pair, in its coordinates. */
  private readonly lo: Float64Array
  private readonly hi: Float64Array
  private readonly longest: Float64Array

  /** `lengths[i]`: pair i's length in words (the longer of its passages). */
  constructor(
    lengths: ArrayLike<number>,
    private readonly share: number,
  ) {
    const n = lengths.length
    this.sets = new UnionFind(n)
    this.scale = Float64Array.from(lengths)
    this.shift = new Float64Array(n)
    this.next = new Uint32Array(n)
    this.size = new Uint32Array(n).fill(1)
    this.lo = new Float64Array(n)
    this.hi = Float64Array.from(lengths)
    this.longest = Float64Array.from(lengths)
    for (let i = 0; i < n; i++) this.next[i] = i
  }

  /** The cluster (its smallest pair) that pair i belongs to. */
  find(i: number): number {
    return this.sets.find(i)
  }

  /**
   * Joins the clusters of pair i and pair j, whose passages x and y lie in one document, when
   * their cores share enough there (see above); true when they are in one cluster afterwards.
   */
  join(i: number, x: Span, j: number, y: Span): boolean {
    const ri = this.sets.find(i)
    const rj = this.sets.find(j)
    if (ri === rj) return true
    // Coordinates of j's cluster to i's: c_i = a * c_j + b, through the document's tokens.
    const lengthX = x.end - x.start + 1
    const lengthY = y.end - y.start + 1
    const a = (lengthY / this.scale[j]) * (this.scale[i] / lengthX)
    const b = this.shift[i] + (this.scale[i] * (y.start - (lengthY * this.shift[j]) / this.scale[j] - x.start)) / lengthX
    const lo = Math.max(this.lo[ri], a * this.lo[rj] + b)
    const hi = Math.min(this.hi[ri], a * this.hi[rj] + b)
    const longest = Math.max(this.longest[ri], a * this.longest[rj])
    if (hi - lo < this.share * longest) return false
    this.sets.union(ri, rj)
    const root = this.sets.find(ri)
    // The smaller cluster's pairs take the larger's coordinates.
    const [small, ka, kb] = this.size[ri] >= this.size[rj] ? [rj, a, b] : [ri, 1 / a, -b / a]
    let k = small
    do {
      this.scale[k] *= ka
      this.shift[k] = ka * this.shift[k] + kb
      k = this.next[k]
    } while (k !== small)
    const keep = small === rj ? 1 : 1 / a
    const offset = small === rj ? 0 : -b / a
    this.lo[root] = keep * lo + offset
    this.hi[root] = keep * hi + offset
    this.longest[root] = keep * longest
    this.size[root] = this.size[ri] + this.size[rj]
    // Splice the two circular lists into one.
    const after = this.next[ri]
    this.next[ri] = this.next[rj]
    this.next[rj] = after
    return true
  }
}
