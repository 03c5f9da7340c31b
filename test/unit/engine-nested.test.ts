import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type AnalysedDocument, analyse } from '../../main/core/engine/analyse.js'
import { findWords, INDEXED_RADIUS, MIN_SEARCH_TOKENS, SEARCH_SHARE } from '../../main/core/engine/nested.js'
import { Run } from '../../main/core/engine/progress.js'
import { WordPlaces } from '../../main/core/engine/word-places.js'
import { wordMaker } from '../made-up-text.js'

// findWords (nested.ts): a passage of one text looked for in a copy of it, near the place
// proportion puts it at, within a tenth of the copy; in a long copy through the places of its
// words (word-places.ts), which find what reading every place finds.

/**
 * A text of `length` made-up words (one token each) and its copy with `inserted` words of its own
 * before them all, analysed: the copy's words stand `inserted` tokens later than proportion puts
 * them near the text's start.
 */
function textAndCopy(length: number, inserted: number) {
  const word = wordMaker(length + inserted)
  const words = Array.from({ length }, word)
  const extra = Array.from({ length: inserted }, word)
  const { docs } = analyse(
    [
      { id: 'text', text: words.join(' ') },
      { id: 'copy', text: [...extra, ...words].join(' ') },
    ],
    true,
    new Run(),
  )
  return { text: docs[0], copy: docs[1] }
}

/**
 * Where findWords finds tokens [10, 19] of the text in its copy (the text and the copy matched
 * whole), reading every place, and through the copy's places of each word.
 */
function found(length: number, inserted: number): [number, number] {
  const { text, copy } = textAndCopy(length, inserted)
  const to = length + inserted - 1
  return [
    findWords(text, 10, 19, 0, length - 1, copy, 0, to),
    findWords(text, 10, 19, 0, length - 1, copy, 0, to, Infinity, new WordPlaces(copy.match, 0, to)),
  ]
}

describe('findWords', () => {
  it('finds a passage in a copy as long at the same distance from its start', () => {
    expect(found(500, 0)).toEqual([10, 10])
  })

  it('finds a passage moved from its proportional place by less than a tenth of the copy', () => {
    // 2,000 words: a tenth is 200 tokens, past the least distance searched.
    expect(SEARCH_SHARE * 2000).toBeGreaterThan(MIN_SEARCH_TOKENS)
    expect(found(2000, 150)).toEqual([160, 160])
    expect(found(2000, 250)).toEqual([-1, -1])
  })

  it('finds it in a long copy through the places of its words, as far as reading every place does', () => {
    // 20,000 words: a tenth is 2,000 tokens, read through the places of the passage's rarest word.
    expect(SEARCH_SHARE * 20_000).toBeGreaterThan(INDEXED_RADIUS)
    expect(found(20_000, 1900)).toEqual([1910, 1910])
    expect(found(20_000, 2300)).toEqual([-1, -1])
  })

  it('finds through the places of its words what reading every place finds, of two as near the one before', () => {
    // Texts of few words (many places alike) and a copy with a stretch of its own: the place found
    // is the same, or none both ways.
    const docOf = (ids: number[]) => ({ match: Uint32Array.from(ids) }) as AnalysedDocument
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 2600, maxLength: 3000 }),
        fc.array(fc.integer({ min: 1, max: 3 }), { maxLength: 400 }),
        fc.nat(),
        fc.nat(),
        fc.integer({ min: 1, max: 12 }),
        (text, inserted, at, from, length) => {
          const cut = at % text.length
          const copy = [...text.slice(0, cut), ...inserted, ...text.slice(cut)]
          const start = from % (text.length - length)
          const [A, B] = [docOf(text), docOf(copy)]
          const to = copy.length - 1
          const read = findWords(A, start, start + length - 1, 0, text.length - 1, B, 0, to)
          const placed = findWords(A, start, start + length - 1, 0, text.length - 1, B, 0, to, Infinity, new WordPlaces(B.match, 0, to))
          expect(placed).toBe(read)
        },
      ),
      { numRuns: 200 },
    )
  })
})
