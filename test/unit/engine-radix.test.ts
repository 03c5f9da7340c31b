import { describe, expect, it } from 'vitest'
import { identity, type RowKey, sortByKey, sortIndicesByKey, sortIndicesByKeys, sortRows, UintList } from '../../main/core/engine/radix.js'

/** Keys of every kind a radix pass treats differently, by index. */
const keyKinds: Record<string, (i: number) => number> = {
  'full 32-bit keys': (i) => (i * 2654435761) >>> 0,
  'keys below 2^16 (the high pass skipped)': (i) => ((i * 2654435761) >>> 0) % 60_000,
  'one low digit (the low pass skipped)': (i) => (((i * 2654435761) >>> 0) % 7) << 16,
  'all keys equal (both skipped)': () => 42,
  'most keys in one bucket (no pass skipped)': (i) => (i % 10 ? 0x10005 : (i * 2654435761) >>> 0),
}

describe('UintList', () => {
  it('gives back every value pushed, in order, across chunks, and nothing after clear', () => {
    // Chunks of 2^10 values (expected 1000), so 2,500,003 values fill thousands of them.
    const count = 2_500_003
    const wide = new UintList(false, 1000)
    const narrow = new UintList(true)
    for (let i = 0; i < count; i++) {
      wide.push((i * 2654435761) >>> 0)
      narrow.push(i & 0xffff)
    }
    expect([wide.length, narrow.length]).toEqual([count, count])
    expect(wide.chunks[0]).toBeInstanceOf(Uint32Array)
    expect(narrow.chunks[0]).toBeInstanceOf(Uint16Array)
    let wrong = 0
    for (let i = 0; i < count; i++) if (wide.at(i) !== (i * 2654435761) >>> 0 || narrow.at(i) !== (i & 0xffff)) wrong++
    expect(wrong).toBe(0)
    wide.clear()
    expect([wide.length, wide.chunks.length]).toEqual([0, 0])
    wide.push(7)
    expect(wide.at(0)).toBe(7)
  })
})

describe('sortRows', () => {
  /** Rows as [key columns..., row number], ordered by a stable comparison sort (keys least significant first). */
  const reference = (columns: Uint32Array[], keys: RowKey[]): number[][] => {
    const rows = Array.from(columns[0], (_, r) => columns.map((c) => c[r]))
    return rows.sort((x, y) => {
      for (let k = keys.length - 1; k >= 0; k--) if (x[keys[k].column] !== y[keys[k].column]) return x[keys[k].column] - y[keys[k].column]
      return 0
    })
  }
  const column = (n: number, value: (i: number) => number): Uint32Array => Uint32Array.from({ length: n }, (_, i) => value(i) >>> 0)
  it('orders rows by every key, stable, moving each row whole (keys of one, two and three digits, skipped passes, none)', () => {
    for (const n of [0, 1, 1000, 200_003]) {
      const hash = (i: number, s: number) => Math.imul(i + s, 2654435761) >>> 0
      // A position of up to 32 bits, a pair of documents of up to 21 bits, one key the same in every
      // row (its passes skipped), and the row number (stability: equal keys keep their rows' order).
      const columns = [column(n, (i) => hash(i, 1)), column(n, (i) => hash(i, 2) % 1_700_000), column(n, () => 77), column(n, (i) => i)]
      const keys: RowKey[] = [
        { column: 0, max: 0xffffffff },
        { column: 2, max: 77 },
        { column: 1, max: 1_699_999 },
      ]
      const expected = reference(columns, keys)
      const { sorted } = sortRows(columns, keys)
      const got = Array.from(sorted[0], (_, r) => sorted.map((c) => c[r]))
      expect(got).toEqual(expected)
    }
  })

  it('keeps the given order of rows whose keys are equal, and gives back the arrays the passes left free', () => {
    const n = 50_000
    const columns = [column(n, (i) => i % 3), column(n, (i) => n - i)]
    const { sorted, free } = sortRows(columns, [{ column: 0, max: 2 }])
    expect(Array.from(sorted[0].subarray(0, 3))).toEqual([0, 0, 0])
    expect(Array.from(sorted[1].subarray(0, 3))).toEqual([n, n - 3, n - 6])
    expect(free.every((f) => f instanceof Uint32Array && f.length === n)).toBe(true)
    // One key the same everywhere: no pass runs, nothing is moved.
    const same = sortRows([column(10, () => 5)], [{ column: 0, max: 5 }])
    expect(same.free).toEqual([undefined])
  })
})

describe('sortIndicesByKey', () => {
  /** The order a stable comparison sort gives: by key, then by place in `order`. */
  const reference = (order: Uint32Array, keys: Uint32Array): number[] =>
    Array.from(order)
      .map((index, place) => ({ index, place }))
      .sort((x, y) => keys[x.index] - keys[y.index] || x.place - y.place)
      .map((e) => e.index)
  const shuffled = (n: number): Uint32Array => {
    const order = identity(n)
    for (let i = n - 1, s = 12345; i > 0; i--) {
      s = (Math.imul(s, 1103515245) + 12345) >>> 0
      const j = s % (i + 1)
      ;[order[i], order[j]] = [order[j], order[i]]
    }
    return order
  }
  it('sorts stably whichever of its passes it can skip, from any order of all or some of the keys', () => {
    const count = 50_000 // above the size a comparison sort is used for
    for (const [kind, key] of Object.entries(keyKinds)) {
      const keys = new Uint32Array(count).map((_, i) => key(i))
      for (const order of [identity(count), shuffled(count), shuffled(count).subarray(0, count - 1000)]) {
        expect(Array.from(sortIndicesByKey(order.slice(), keys)), kind).toEqual(reference(order, keys))
      }
    }
  })
})

describe('sortByKey', () => {
  it('gives the stable order and the sorted keys, whichever passes it skips, small and large', () => {
    for (const count of [0, 1, 900, 50_000]) {
      for (const [kind, key] of Object.entries(keyKinds)) {
        const keys = new Uint32Array(count).map((_, i) => key(i))
        const before = keys.slice()
        const { order, sorted } = sortByKey(keys)
        const expected = Array.from(identity(count)).sort((x, y) => keys[x] - keys[y] || x - y)
        expect(Array.from(order), `${kind}, ${count}`).toEqual(expected)
        expect(Array.from(sorted), `${kind}, ${count}`).toEqual(expected.map((i) => keys[i]))
        expect(keys, 'the keys are left as they were').toEqual(before)
      }
    }
  })
})

describe('sortIndicesByKeys', () => {
  it('orders as a comparison sort by the keys, most significant first, then by place, small and large', () => {
    for (const count of [500, 60_000]) {
      const doc = new Int32Array(count).map((_, i) => ((i * 2654435761) >>> 0) % 37)
      const start = new Int32Array(count).map((_, i) => ((i * 40503) >>> 0) % 5000)
      const end = start.map((s, i) => s + (((i * 9973) >>> 0) % 300))
      const same = new Int32Array(count).fill(3)
      // Some indices only, in a shuffled order; the end descending (negated).
      const order = identity(count).filter((i) => i % 3 !== 1)
      order.reverse()
      const expected = Array.from(order)
        .map((index, place) => ({ index, place }))
        .sort(
          (x, y) =>
            doc[x.index] - doc[y.index] ||
            start[x.index] - start[y.index] ||
            end[y.index] - end[x.index] ||
            same[x.index] - same[y.index] ||
            x.place - y.place,
        )
        .map((e) => e.index)
      const sorted = sortIndicesByKeys(order.slice(), count, [(i) => doc[i], (i) => start[i], (i) => -end[i], (i) => same[i]])
      expect(Array.from(sorted)).toEqual(expected)
    }
  })
})
