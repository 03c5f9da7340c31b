import { describe, expect, it } from 'vitest'
import { joinTwins } from '../../main/core/engine/twins.js'

// Overlaps of the same documents and most of the same passages are one (twins.ts).

/** A cluster of pairs `pairs` and passages [doc, start, end] (sorted by document and start). */
const cluster = (pairs: number[], ...passages: Array<[number, number, number]>) => ({
  pairs,
  passages: passages.map(([doc, start, end]) => ({ doc, start, end })),
})

describe('twin overlaps', () => {
  it('are joined when they hold the same documents and half the passages of each are the same', () => {
    // A stock sentence three pages give twice; two overlaps took another copy in page 0.
    const first = cluster([0, 1], [0, 10, 30], [1, 5, 25], [2, 40, 60])
    const second = cluster([2], [0, 110, 130], [1, 5, 25], [2, 40, 60])
    const other = cluster([3], [3, 0, 9], [4, 0, 9])
    const { clusters, members } = joinTwins([first, second, other])
    expect(members).toEqual([[0, 1], [2]])
    expect(clusters[0].pairs).toEqual([0, 1, 2])
    expect(clusters[0].passages).toEqual([
      { doc: 0, start: 10, end: 30 },
      { doc: 0, start: 110, end: 130 },
      { doc: 1, start: 5, end: 25 },
      { doc: 2, start: 40, end: 60 },
    ])
    expect(clusters[1]).toEqual(other)
    // The clusters given are left as they were.
    expect(first.passages).toHaveLength(3)
    expect(first.pairs).toEqual([0, 1])
  })

  it('merge the passages of one place that the two reach to differently, and join a star, never a chain', () => {
    const { clusters, members } = joinTwins([
      cluster([0], [0, 0, 20], [1, 0, 20], [2, 0, 20]),
      cluster([1], [0, 0, 20], [1, 0, 20], [2, 2, 25]),
      cluster([2], [0, 0, 20], [1, 3, 22], [2, 2, 25]),
      cluster([3], [0, 0, 20], [1, 0, 20], [2, 0, 18]),
    ])
    // The second and the fourth are twins of the first; the third of the second only.
    expect(members).toEqual([[0, 1, 3], [2]])
    expect(clusters[0].passages).toEqual([
      { doc: 0, start: 0, end: 20 },
      { doc: 1, start: 0, end: 20 },
      { doc: 2, start: 0, end: 25 },
    ])
  })

  it('never joins the likeness of two texts bridged.ts parted with either (a reviewer)', () => {
    // Text X in documents 0, 1 and 2, text Y in all three too, and the loose pairs of X's copies
    // in 0 and 1 with Y's in 2, their likeness: it shares two passages with X, and joined, X's
    // text was one overlap with Y's copy again.
    const x = cluster([0], [0, 0, 99], [1, 0, 99], [2, 0, 99])
    const y = cluster([1], [0, 200, 299], [1, 200, 299], [2, 200, 299])
    const likeness = cluster([2], [0, 0, 99], [1, 0, 99], [2, 200, 299])
    expect(joinTwins([x, y, likeness]).members).toEqual([[0, 2], [1]])
    expect(joinTwins([x, y, { ...likeness, likeness: true as const }]).members).toEqual([[0], [1], [2]])
    // Nor are two overlaps one for one passage in common.
    expect(joinTwins([cluster([0], [0, 0, 99], [1, 0, 99]), cluster([3], [0, 0, 99], [1, 300, 399])]).members).toEqual([[0], [1]])
  })

  it('are not joined with fewer passages in common, nor with a document one lacks', () => {
    // One passage of four in common.
    const few = joinTwins([
      cluster([0], [0, 0, 9], [1, 0, 9], [2, 0, 9], [3, 0, 9]),
      cluster([1], [0, 0, 9], [1, 50, 59], [2, 50, 59], [3, 50, 59]),
    ])
    expect(few.members).toEqual([[0], [1]])
    // The same passages in two documents, and a third document only one has: a text a document
    // shares with others more loosely is parted so (bridged.ts), or shorter and in more documents.
    const more = joinTwins([cluster([0], [0, 0, 9], [1, 0, 9]), cluster([1], [0, 0, 9], [1, 0, 9], [2, 0, 9])])
    expect(more.members).toEqual([[0], [1]])
    expect(joinTwins([]).clusters).toEqual([])
  })
})
