import { describe, expect, it } from 'vitest'
import { identity, sortIndicesByKey, sortIndicesByList, UintList } from '../../main/core/engine/radix.js'

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
