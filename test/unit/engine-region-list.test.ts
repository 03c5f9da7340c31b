import { describe, expect, it } from 'vitest'
import type { Region } from '../../main/core/engine/chain.js'
import { RegionList } from '../../main/core/engine/region-list.js'

const region = (k: number): Region => ({ docA: k % 7, docB: 70_000 + k, a0: k, a1: k + 5, b0: 2 * k, b1: 2 * k + 9, seeds: 2 + (k % 5) })

describe('RegionList', () => {
  it('gives back every candidate pushed, past several doublings of its arrays, and its bounds and seeds as changed', () => {
    const list = new RegionList()
    const count = 5000
    for (let k = 0; k < count; k++) list.push(region(k))
    expect(list.length).toBe(count)
    for (let k = 0; k < count; k++) expect(list.at(k)).toEqual(region(k))
    list.setBounds(4321, 1, 2, 3, 0xffffffff)
    list.setSeeds(4321, 99)
    expect(list.at(4321)).toEqual({ ...region(4321), a0: 1, a1: 2, b0: 3, b1: 0xffffffff, seeds: 99 })
    expect([list.a0(4321), list.a1(4321), list.b0(4321), list.b1(4321), list.seeds(4321)]).toEqual([1, 2, 3, 0xffffffff, 99])
    expect(list.at(4320)).toEqual(region(4320))
  })

  it('keeps the parts of a candidate, pushed with it or added later', () => {
    const list = new RegionList()
    list.push({ ...region(0), parts: [region(1), region(2)] })
    list.push(region(3))
    expect(list.hasParts(0)).toBe(true)
    expect(list.hasParts(1)).toBe(false)
    expect(list.at(0).parts).toEqual([region(1), region(2)])
    expect(list.at(1).parts).toBeUndefined()
    list.parts(1).push(region(4))
    expect(list.hasParts(1)).toBe(true)
    expect(list.at(1)).toEqual({ ...region(3), parts: [region(4)] })
  })
})
