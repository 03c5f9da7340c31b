import { describe, expect, it } from 'vitest'
import { UintList } from '../../main/core/engine/radix.js'

describe('UintList', () => {
  it('hands over every value pushed, in order, across chunks of every size, and is empty after', () => {
    // Past the largest chunk (2^20 values) twice, ending inside a chunk.
    const count = 2_500_003
    const wide = new UintList()
    const narrow = new UintList(true)
    for (let i = 0; i < count; i++) {
      wide.push((i * 2654435761) >>> 0)
      narrow.push(i & 0xffff)
    }
    expect(wide.length).toBe(count)
    const values = wide.take()
    const small = narrow.take()
    expect(values).toBeInstanceOf(Uint32Array)
    expect(small).toBeInstanceOf(Uint16Array)
    expect(values.length).toBe(count)
    expect(small.length).toBe(count)
    let wrong = 0
    for (let i = 0; i < count; i++) if (values[i] !== (i * 2654435761) >>> 0 || small[i] !== (i & 0xffff)) wrong++
    expect(wrong).toBe(0)
    expect(wide.length).toBe(0)
    wide.push(7)
    expect([...wide.take()]).toEqual([7])
    expect(new UintList().take().length).toBe(0)
  })
})
