import { describe, expect, it } from 'vitest'
import { boilerplateOverlaps } from '../../main/core/engine/boilerplate.js'

// Which overlaps are boilerplate (boilerplate.ts): by the share of the corpus's texts they are in,
// by a text known to be boilerplate, and as a part of boilerplate. (engine-reuse.test.ts reads the
// same through findOverlaps.)

const overlap = (...passages: Array<[number, number, number]>) => ({ passages: passages.map(([doc, start, end]) => ({ doc, start, end })) })
const documents = (n: number) => Array.from({ length: n }, (_, d) => d)

describe('boilerplate overlaps', () => {
  it('are in a tenth of the texts and eight at least, copies of one text counted once', () => {
    // 100 documents: a tenth is 10 texts.
    const textOf = documents(100)
    const reference = textOf.map(() => false)
    const inTen = overlap(...documents(10).map((d): [number, number, number] => [d, 0, 9]))
    const inNine = overlap(...documents(9).map((d): [number, number, number] => [d + 20, 0, 9]))
    expect([...boilerplateOverlaps([inTen, inNine], textOf, reference)]).toEqual([1, 0])
    // Documents 1 to 9 copies of document 0: ten documents, one text.
    const copies = textOf.map((d) => (d < 10 ? 0 : d))
    expect([...boilerplateOverlaps([inTen], copies, reference)]).toEqual([0])
  })

  it('match a text known to be boilerplate', () => {
    const reference = documents(20).map((d) => d === 19)
    expect([...boilerplateOverlaps([overlap([0, 5, 9], [1, 0, 4], [19, 0, 4])], documents(20), reference)]).toEqual([1])
  })

  it('are parts of boilerplate: each passage inside boilerplate of its document, however many texts it is in', () => {
    const textOf = documents(100)
    const reference = textOf.map(() => false)
    // A licence in ten documents, in two overlaps that meet in document 0 (tokens 0-49 and 50-99).
    const licence = overlap(...documents(10).map((d): [number, number, number] => [d, 0, 49]))
    const rest = overlap(...documents(10).map((d): [number, number, number] => [d, 50, 99]))
    const clause = overlap([0, 10, 20], [1, 12, 22], [2, 10, 20]) // inside the licence in three
    const across = overlap([0, 40, 60], [3, 45, 55]) // across the two, inside both together
    const beyond = overlap([0, 90, 105], [4, 90, 99]) // past the licence's end in document 0
    const elsewhere = overlap([0, 10, 20], [50, 10, 20]) // in a document without the licence
    const result = boilerplateOverlaps([licence, rest, clause, across, beyond, elsewhere], textOf, reference)
    expect([...result]).toEqual([1, 1, 1, 1, 0, 0])
    // Not a group of duplicate documents: that they are one file's copies is said by no other overlap.
    expect([...boilerplateOverlaps([licence, { ...clause, duplicate: true }], textOf, reference)]).toEqual([1, 0])
  })
})
