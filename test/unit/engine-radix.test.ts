import { describe, expect, it } from 'vitest'
import { identity, sortByKey, sortIndicesByKey, sortIndicesByKeys, sortIndicesByList, UintList } from '../../main/core/engine/radix.js'

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

describe('sortIndicesByList', () => {
  it('orders as sortIndicesByKey does over the same values, stable, small and large', () => {
    for (const count of [1000, 100_000]) {
      const list = new UintList(false, 64)
      const keys = new Uint32Array(count)
      for (let i = 0; i < count; i++) {
        keys[i] = ((i * 2654435761) >>> 0) % 5000
        list.push(keys[i])
      }
      expect(sortIndicesByList(identity(count), list)).toEqual(sortIndicesByKey(identity(count), keys))
    }
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
