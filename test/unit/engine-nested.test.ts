import { describe, expect, it } from 'vitest'
import { analyse } from '../../main/core/engine/analyse.js'
import { findWords, MAX_SEARCH_TOKENS, MIN_SEARCH_TOKENS, SEARCH_SHARE } from '../../main/core/engine/nested.js'
import { Run } from '../../main/core/engine/progress.js'
import { wordMaker } from '../made-up-text.js'

// findWords (nested.ts): a passage of one text looked for in a copy of it, near the place
// proportion puts it at, within a distance that grows with the copy but is bounded.

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

/** Where findWords finds tokens [10, 19] of the text in its copy (the text and the copy matched whole). */
function found(length: number, inserted: number): number {
  const { text, copy } = textAndCopy(length, inserted)
  return findWords(text, 10, 19, 0, length - 1, copy, 0, length + inserted - 1)
}

describe('findWords', () => {
  it('finds a passage in a copy as long at the same distance from its start', () => {
    expect(found(500, 0)).toBe(10)
  })

  it('finds a passage moved from its proportional place by less than a tenth of the copy', () => {
    // 2,000 words: a tenth is 200 tokens, past the least distance searched.
    expect(SEARCH_SHARE * 2000).toBeGreaterThan(MIN_SEARCH_TOKENS)
    expect(found(2000, 150)).toBe(160)
    expect(found(2000, 250)).toBe(-1)
  })

  it('looks no further than MAX_SEARCH_TOKENS from that place in a long copy', () => {
    // 20,000 words: a tenth would be 2,000 tokens; each nested passage of a long match searched
    // so made three lists of 10,000 lines cost the square of their length.
    expect(SEARCH_SHARE * 20_000).toBeGreaterThan(2 * MAX_SEARCH_TOKENS)
    expect(found(20_000, MAX_SEARCH_TOKENS - 20)).toBe(10 + MAX_SEARCH_TOKENS - 20)
    expect(found(20_000, MAX_SEARCH_TOKENS + 20)).toBe(-1)
  })
})
