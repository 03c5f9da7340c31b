import { describe, expect, it } from 'vitest'
import { clusterPairs, type PairLike, SAME_PASSAGE_SHARE } from '../../main/core/engine/cluster.js'

const pair = (a: [number, number, number], b: [number, number, number]): PairLike => ({
  a: { doc: a[0], start: a[1], end: a[2] },
  b: { doc: b[0], start: b[1], end: b[2] },
})
/** The documents of each cluster, sorted. */
const docsOf = (pairs: PairLike[]): number[][] =>
  clusterPairs(pairs)
    .map((c) => [...new Set(c.passages.map((p) => p.doc))].sort((x, y) => x - y))
    .sort((x, y) => x[0] - y[0])

describe('clusterPairs', () => {
  it('does not chain different texts into one overlap through documents that hold two of them', () => {
    // Three texts of 100 words, T1, T2, T3. Document 0 holds T1; 1 holds T1 T2; 2 holds T1 T2 T3
    // (T3 at 200); 3 holds T2; 4 holds T2 T3; 5 holds T3.
    const pairs = [
      pair([0, 0, 99], [1, 0, 99]), // T1
      pair([1, 0, 199], [2, 0, 199]), // T1 T2, one passage of 1 and of 2
      pair([2, 100, 199], [3, 0, 99]), // T2
      pair([2, 100, 299], [4, 0, 199]), // T2 T3
      pair([4, 100, 199], [5, 0, 99]), // T3
    ]
    // Each passage that holds two texts shares half its words with each text's copies: the old
    // rule (half of the longer) made one overlap of all six documents.
    expect(SAME_PASSAGE_SHARE).toBeLessThanOrEqual(0.5)
    expect(docsOf(pairs)).toEqual([
      [0, 1, 2],
      [2, 3, 4],
      [4, 5],
    ])
  })

  it('still joins copies of one text that differ in extent', () => {
    // A licence (words 10-109 of document 1) matched without its heading against 0 and with its
    // 20-word heading against 2, and a copy in 3 matched against 2 a little shorter at the end.
    const pairs = [pair([0, 0, 99], [1, 10, 109]), pair([1, 0, 109], [2, 0, 109]), pair([2, 0, 99], [3, 0, 99])]
    expect(docsOf(pairs)).toEqual([[0, 1, 2, 3]])
  })

  it('joins every document paired with one representative passage', () => {
    const pairs = Array.from({ length: 50 }, (_, i) => pair([0, 5, 60], [i + 1, 0, 55]))
    expect(docsOf(pairs)).toEqual([Array.from({ length: 51 }, (_, i) => i)])
  })

  it('joins the stars of one short text projected onto the very same span of a document', () => {
    // A formula's two representatives, in documents 0 and 1, each paired with copies read
    // through longer matches (projected, nested.ts): both stars put a passage at words 5-15 of
    // document 2. One text: one overlap (Debian's copyright files had thirty such stars of the
    // warranty formula, each an overlap of its own).
    const projected = (a: [number, number, number], b: [number, number, number]): PairLike => ({ ...pair(a, b), projected: true })
    const stars = [
      projected([0, 10, 20], [2, 5, 15]),
      projected([0, 10, 20], [3, 30, 40]),
      projected([1, 50, 60], [2, 5, 15]),
      projected([1, 50, 60], [4, 70, 80]),
    ]
    expect(docsOf(stars)).toEqual([[0, 1, 2, 3, 4]])
    // Projected onto spans that only overlap, the stars stay apart: a projection joins nothing
    // else by overlapping it (it could lie in a long match that holds two texts).
    const apart = [projected([0, 10, 20], [2, 5, 15]), projected([1, 50, 60], [2, 8, 18])]
    expect(docsOf(apart)).toEqual([
      [0, 2],
      [1, 2],
    ])
    // Nor does a passage projected onto a document's span join a pair of which that span is a
    // passage (not projected): that pair is judged by its other side.
    expect(docsOf([projected([0, 10, 20], [2, 5, 15]), pair([2, 5, 15], [5, 0, 10])])).toEqual([
      [0, 2],
      [2, 5],
    ])
  })
})
