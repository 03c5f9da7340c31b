import { describe, expect, it } from 'vitest'
import { analyse } from '../../main/core/engine/analyse.js'
import { Run } from '../../main/core/engine/progress.js'
import { sameStretch } from '../../main/core/engine/same-stretch.js'

// Two passages are one stretch of the same words (same-stretch.ts) when their words agree where
// both have them and each document goes on as the other passage does: the test by which an
// overlap is verbatim as a reader compares its passages (overlaps.ts closeKind).

/**
 * Whether the passages `a` of text A and `b` of text B (each given by its first and last words,
 * first occurrences) are one stretch of the same words.
 */
function same(A: string, a: [string, string], B: string, b: [string, string]): boolean {
  const corpus = analyse(
    [
      { id: 'a', text: A },
      { id: 'b', text: B },
    ],
    true,
    new Run({}),
  )
  const [docA, docB] = corpus.docs
  const span = (doc: typeof docA, [first, last]: [string, string]): [number, number] => {
    const word = (t: number) => doc.text.slice(doc.starts[t], doc.ends[t])
    let t0 = 0
    while (word(t0) !== first) t0++
    let t1 = t0
    while (word(t1) !== last) t1++
    return [t0, t1]
  }
  const [a0, a1] = span(docA, a)
  const [b0, b1] = span(docB, b)
  return sameStretch(docA, a0, a1, docB, b0, b1) !== undefined
}

const COPY = 'Permission is hereby granted, free of charge, to any person obtaining a copy of this software.'

describe('one stretch of the same words', () => {
  it('holds for the same words, and for passages whose extents differ where each text goes on alike', () => {
    expect(same(COPY, ['Permission', 'software'], `Notice. ${COPY}`, ['Permission', 'software'])).toBe(true)
    // A starts earlier, B ends later: B's text has A's first words before its passage, and A's
    // text B's last words after its own.
    expect(same(COPY, ['Permission', 'person'], COPY, ['granted', 'software'])).toBe(true)
    expect(same(COPY, ['granted', 'person'], COPY, ['Permission', 'software'])).toBe(true)
    // The stretch is both passages' span: the whole sentence in each.
    const corpus = analyse(
      [
        { id: 'a', text: COPY },
        { id: 'b', text: `Notice. ${COPY}` },
      ],
      true,
      new Run({}),
    )
    const [A, B] = corpus.docs
    expect(sameStretch(A, 0, 5, B, 4, A.surface.length)).toEqual({ from: 0, to: A.surface.length - 1, shift: 1 })
    // Case and quotation marks are no words.
    expect(same(COPY, ['Permission', 'software'], COPY.replace('Permission', 'PERMISSION'), ['PERMISSION', 'software'])).toBe(true)
  })

  it('fails for a word inserted, replaced or respelled, and for an edge word the other text lacks', () => {
    expect(same(COPY, ['Permission', 'software'], COPY.replace('any person', 'any natural person'), ['Permission', 'software'])).toBe(false)
    expect(same(COPY, ['Permission', 'software'], COPY.replace('a copy', 'the copy'), ['Permission', 'software'])).toBe(false)
    expect(
      same('The colour of the sky at noon is blue.', ['colour', 'blue'], 'The color of the sky at noon is blue.', ['color', 'blue']),
    ).toBe(false)
    // A's passage starts with "Notice", which B's text has not before its passage.
    expect(same(`Notice. ${COPY}`, ['Notice', 'software'], `Warning. ${COPY}`, ['Permission', 'software'])).toBe(false)
    // Passages with no word in common at one place.
    expect(same(COPY, ['Permission', 'charge'], COPY, ['person', 'software'])).toBe(false)
  })
})
