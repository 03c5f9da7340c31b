import { describe, expect, it } from 'vitest'
import { PairTable, type PairValues } from '../../main/core/engine/pair-table.js'

const values = (i: number): PairValues => ({
  shared: 6 + i,
  similarity: 0.4 + (i % 7) / 10 + 1e-9 * i,
  verbatim: i % 3 === 0,
  kind: i % 3,
  score: i * 1.0000001,
  ...(i % 5 === 0 ? { because: [`reason ${i}`] } : {}),
})

describe('PairTable', () => {
  it('gives back every value pushed, past several doublings of its arrays', () => {
    const table = new PairTable()
    const count = 5000
    for (let i = 0; i < count; i++)
      table.push({ doc: i, start: i, end: i + 2 }, { doc: i + 1, start: 2 * i, end: 2 * i + 5 }, values(i), i % 4 === 1)
    expect(table.length).toBe(count)
    for (let i = 0; i < count; i++) {
      const v = values(i)
      expect([table.shared(i), table.similarity(i), table.verbatim(i), table.kind(i), table.score(i), table.because(i)]).toEqual([
        v.shared,
        v.similarity,
        v.verbatim,
        v.kind,
        v.score,
        v.because,
      ])
      expect(table.pair(i)).toEqual({
        a: { doc: i, start: i, end: i + 2 },
        b: { doc: i + 1, start: 2 * i, end: 2 * i + 5 },
        ...(i % 4 === 1 ? { projected: true } : {}),
      })
      expect([
        table.doc(2 * i),
        table.start(2 * i),
        table.end(2 * i),
        table.doc(2 * i + 1),
        table.start(2 * i + 1),
        table.end(2 * i + 1),
      ]).toEqual([i, i, i + 2, i + 1, 2 * i, 2 * i + 5])
      expect(table.projected(i)).toBe(i % 4 === 1)
    }
  })

  it('lets its pairs go on clear, and can be filled again', () => {
    const table = new PairTable()
    for (let i = 0; i < 2000; i++) table.push({ doc: 0, start: i, end: i }, { doc: 1, start: i, end: i }, values(i))
    table.clear()
    expect(table.length).toBe(0)
    table.push({ doc: 2, start: 0, end: 9 }, { doc: 3, start: 1, end: 10 }, values(10))
    expect([table.length, table.shared(0), table.kind(0), table.because(0)]).toEqual([1, 16, 1, ['reason 10']])
  })
})
