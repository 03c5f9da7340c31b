import { describe, expect, it } from 'vitest'
import { analyse } from '../../main/core/engine/analyse.js'
import { EDITED_ANCHOR_TOKENS, findEdited, MAX_EDITED_SHARE } from '../../main/core/engine/edited-find.js'
import { Run } from '../../main/core/engine/progress.js'
import { wordMaker } from '../made-up-text.js'

// A passage found in another document as an edited copy (edited-find.ts): a few words inserted,
// deleted or replaced, found whole, between anchors at its first and last words.

const word = wordMaker(21)
const words = (n: number) => Array.from({ length: n }, word)
/** The passage: forty made-up words. */
const passage = words(40)
const around = (inner: string[]) => [...words(30), ...inner, ...words(30)].join(' ')

/**
 * findEdited of document 0's tokens [30, 30 + length) (the passage, by default the forty words) in
 * all of document 1, near its token 30.
 */
function find(copy: string[], original = passage): [number, number] | undefined {
  const corpus = analyse(
    [
      { id: 'a', text: around(original) },
      { id: 'b', text: around(copy) },
    ],
    false,
    new Run({}),
  )
  const [A, B] = corpus.docs
  return findEdited(A, 30, 30 + original.length - 1, B, 0, B.match.length - 1, 30)
}

describe('findEdited', () => {
  it('finds a copy with a word inserted, one deleted and one replaced, from its first word to its last', () => {
    const copy = [...passage]
    copy.splice(10, 0, 'inserted')
    copy.splice(20, 1)
    copy[30] = 'replaced'
    expect(find(copy)).toEqual([30, 30 + copy.length - 1])
  })

  it('finds a copy word for word too', () => {
    expect(find(passage)).toEqual([30, 69])
  })

  it('finds no copy with more edits than MAX_EDITED_SHARE of the passage', () => {
    const edits = Math.floor(MAX_EDITED_SHARE * passage.length) + 1
    const copy = passage.map((w, k) => (k >= 10 && k < 10 + edits ? `${w}x` : w))
    expect(find(copy)).toBeUndefined()
    const fewer = passage.map((w, k) => (k >= 10 && k < 9 + edits ? `${w}x` : w))
    expect(find(fewer)).toEqual([30, 69])
  })

  it('finds no copy whose first or last words are edited (its anchors)', () => {
    const copy = [...passage]
    copy[EDITED_ANCHOR_TOKENS - 1] = 'changed'
    expect(find(copy)).toBeUndefined()
    const end = [...passage]
    end[passage.length - EDITED_ANCHOR_TOKENS] = 'changed'
    expect(find(end)).toBeUndefined()
  })

  it('finds no copy whose edits change a number, which is a fact the passage states', () => {
    const versioned = (n: string) => [...passage.slice(0, 20), 'version', n, ...passage.slice(20)]
    const corpus = analyse(
      [
        { id: 'a', text: around(versioned('2')) },
        { id: 'b', text: around(versioned('3')) },
        { id: 'c', text: around([...versioned('2').slice(0, 10), 'inserted', ...versioned('2').slice(10)]) },
      ],
      false,
      new Run({}),
    )
    const [A, B, C] = corpus.docs
    expect(findEdited(A, 30, 71, B, 0, B.match.length - 1, 30)).toBeUndefined()
    expect(findEdited(A, 30, 71, C, 0, C.match.length - 1, 30)).toEqual([30, 72])
  })

  it('finds no copy that starts on a piece of a written word, read as written words', () => {
    // The copy's first word is the end of a path ("common-licenses"), the passage's a word.
    const text = (first: string) => [...words(30), first, ...passage.slice(1), ...words(30)].join(' ')
    const corpus = analyse(
      [
        { id: 'a', text: text(passage[0]) },
        { id: 'b', text: text(`common-${passage[0]}`) },
      ],
      false,
      new Run({}),
    )
    const [A, B] = corpus.docs
    expect(findEdited(A, 30, 69, B, 0, B.match.length - 1, 30)).toBeUndefined()
  })

  it('takes the copy from its first words where words are inserted after them (a licence: "PROVIDED BY THE REGENTS AND CONTRIBUTORS")', () => {
    // Fifty words, five edits allowed; the copy has five words inserted after the first four.
    // Read from the second inserted word, the copy was four edits (its first words replaced),
    // and it started mid-sentence: "THE REGENTS AND CONTRIBUTORS ``AS IS''".
    const long = words(50)
    const copy = [...long.slice(0, 4), ...words(5), ...long.slice(4)]
    expect(Math.floor(MAX_EDITED_SHARE * long.length)).toBe(5)
    expect(find(copy, long)).toEqual([30, 30 + copy.length - 1])
  })

  it('finds a copy edited in its first words, where no pair of anchors holds one whole, from the words the two share', () => {
    // Fifty words, five edits allowed: five words inserted after the first four and one deleted
    // further on. From the first words the copy is six edits; read from the second inserted
    // word, five (the passage's first four words replaced, the one deleted).
    const long = words(50)
    const copy = [...long.slice(0, 4), ...words(5), ...long.slice(4, 20), ...long.slice(21)]
    expect(find(copy, long)).toEqual([35, 30 + copy.length - 1])
  })

  it('takes the anchors that leave fewest edits, not the nearest: a heading that repeats the first words', () => {
    // "License: BSD-3-clause" on the line before the licence's own: nearer, but a copy from there
    // has the heading's words more, and a number among them (refused).
    const heading = passage.slice(0, EDITED_ANCHOR_TOKENS)
    const copy = [...passage]
    copy.splice(10, 0, 'inserted')
    const corpus = analyse(
      [
        { id: 'a', text: around(passage) },
        { id: 'b', text: [...words(30), ...heading, '3', ...copy, ...words(30)].join(' ') },
      ],
      false,
      new Run({}),
    )
    const [A, B] = corpus.docs
    const at = 30 + EDITED_ANCHOR_TOKENS + 1
    expect(findEdited(A, 30, 69, B, 0, B.match.length - 1, 30)).toEqual([at, at + copy.length - 1])
  })

  it('finds no copy where the anchors are too far apart for the passage', () => {
    const copy = [...passage.slice(0, 20), ...words(10), ...passage.slice(20)]
    expect(find(copy)).toBeUndefined()
  })
})
