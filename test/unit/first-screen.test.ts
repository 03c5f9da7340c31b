import { describe, expect, it } from 'vitest'
import { firstPair } from '../../renderer/compare/first-screen.js'

// What the app opens on: the two documents sharing the most, with their best passage selected.

const p = (doc: string, start: number, end: number) => ({ doc, start, end })

describe('firstPair', () => {
  const docs = ['a', 'b', 'c', 'd']

  it('picks the pair sharing the most text, not the first documents listed', () => {
    const overlaps = [
      { id: 'ab', score: 9, passages: [p('a', 0, 10), p('b', 0, 10)] },
      { id: 'cd1', score: 3, passages: [p('c', 0, 40), p('d', 0, 40)] },
      { id: 'cd2', score: 5, passages: [p('c', 50, 60), p('d', 50, 60)] },
    ]
    // c–d share 100 code points against a–b's 20; their best passage is cd2 (score 5).
    expect(firstPair(docs, overlaps)).toEqual({ docs: ['c', 'd'], overlap: 'cd2' })
  })

  it('counts a passage shared by three documents for each pair and prefers an overlap of only the two', () => {
    const overlaps = [
      { id: 'abc', score: 8, passages: [p('a', 0, 30), p('b', 0, 30), p('c', 0, 30)] },
      { id: 'bc', score: 2, passages: [p('b', 40, 50), p('c', 40, 50)] },
    ]
    expect(firstPair(docs, overlaps)).toEqual({ docs: ['b', 'c'], overlap: 'bc' })
  })

  it('leaves out boilerplate and duplicate documents, and breaks ties by document order', () => {
    const overlaps = [
      { id: 'nav', score: 20, boilerplate: true, passages: [p('a', 0, 500), p('b', 0, 500)] },
      { id: 'dup', score: 30, duplicate: true, passages: [p('a', 0, 900), p('d', 0, 900)] },
      { id: 'cd', score: 1, passages: [p('d', 0, 10), p('c', 0, 10)] },
      { id: 'bc', score: 1, passages: [p('c', 20, 30), p('b', 20, 30)] },
    ]
    expect(firstPair(docs, overlaps)).toEqual({ docs: ['b', 'c'], overlap: 'bc' })
  })

  it('is null when nothing is shared', () => {
    expect(firstPair(docs, [])).toBeNull()
    expect(firstPair(docs, [{ id: 'x', score: 1, boilerplate: true, passages: [p('a', 0, 5), p('b', 0, 5)] }])).toBeNull()
  })
})
