// Disjoint sets over 0..n-1 with path halving: the engine's chaining and clustering and the
// grouping of definitions all use this one.

/** Disjoint sets whose root is always the smallest member, so roots keep first-seen order. */
export class UnionFind {
  private readonly parent: Uint32Array

  constructor(size: number) {
    this.parent = new Uint32Array(size)
    for (let i = 0; i < size; i++) this.parent[i] = i
  }

  /** The representative (smallest member) of `x`'s set. */
  find(x: number): number {
    const parent = this.parent
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]]
      x = parent[x]
    }
    return x
  }

  /**
   * Joins the sets whose representatives are `rx` and `ry` (results of find); returns the joined
   * set's representative. For a caller that joins one element to many others: it finds its own
   * representative once, not at every join.
   */
  joinRoots(rx: number, ry: number): number {
    if (rx === ry) return rx
    if (rx < ry) {
      this.parent[ry] = rx
      return rx
    }
    this.parent[rx] = ry
    return ry
  }

  /** Joins the sets of `x` and `y`; true when they were apart. */
  union(x: number, y: number): boolean {
    const rx = this.find(x)
    const ry = this.find(y)
    if (rx === ry) return false
    if (rx < ry) this.parent[ry] = rx
    else this.parent[rx] = ry
    return true
  }
}
