import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { UnionFind } from '../../main/core/text/union-find.js'

/** The sets made by joining the given pairs, as each element's smallest set-mate, computed naively. */
function naive(size: number, pairs: readonly [number, number][]): number[] {
  const label = Array.from({ length: size }, (_, i) => i)
  for (const [x, y] of pairs) {
    const [from, to] = [label[x], label[y]].sort((p, q) => q - p)
    for (let i = 0; i < size; i++) if (label[i] === from) label[i] = to
  }
  return label
}

describe('UnionFind', () => {
  const joins = fc
    .integer({ min: 1, max: 40 })
    .chain((size) => fc.tuple(fc.constant(size), fc.array(fc.tuple(fc.nat(size - 1), fc.nat(size - 1)), { maxLength: 60 })))

  it('union and joinRoots make the same sets, each represented by its smallest member', () => {
    fc.assert(
      fc.property(joins, ([size, pairs]) => {
        const byUnion = new UnionFind(size)
        for (const [x, y] of pairs) byUnion.union(x, y)
        // As chainSeeds joins: one element's representative carried across its joins.
        const byRoots = new UnionFind(size)
        for (const [x, y] of pairs) {
          let root = byRoots.find(x)
          root = byRoots.joinRoots(root, byRoots.find(y))
          expect(root).toBe(byRoots.find(x))
        }
        const expected = naive(size, pairs)
        for (let i = 0; i < size; i++) {
          expect(byUnion.find(i)).toBe(expected[i])
          expect(byRoots.find(i)).toBe(expected[i])
        }
      }),
    )
  })
})
