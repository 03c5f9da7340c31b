import { describe, expect, it } from 'vitest'
import { MAX_SENTENCE_TAIL, SentenceEdges, sentenceTails } from '../../main/core/engine/sentence-tails.js'
import { analysed } from '../helpers.js'

// Two texts of numbered words: "w0 w1 ... w9. W10 ... w29. W30 ...", sentences of 10 and 20 words.
const sentence = (from: number, to: number) =>
  Array.from({ length: to - from }, (_, k) => (k === 0 ? `W${from + k}` : `w${from + k}`)).join(' ') + '.'
const docs = analysed([sentence(0, 10), sentence(10, 30), sentence(30, 40)].join(' '), [sentence(0, 12), sentence(12, 50)].join(' '))
const edges = new SentenceEdges(docs)

describe('sentenceTails', () => {
  it("takes every passage to its sentence's end when each stops at most MAX_SENTENCE_TAIL words short", () => {
    expect(
      sentenceTails(
        [
          { doc: 0, start: 10, end: 27 },
          { doc: 1, start: 12, end: 49 },
        ],
        edges,
      ),
    ).toEqual([
      { doc: 0, start: 10, end: 29 },
      { doc: 1, start: 12, end: 49 },
    ])
  })

  it('leaves the passages as they are when one of them stops further short, at either edge', () => {
    const far = [
      { doc: 0, start: 10, end: 29 - MAX_SENTENCE_TAIL - 1 },
      { doc: 1, start: 12, end: 47 },
    ]
    expect(sentenceTails(far, edges)).toEqual(far)
    // Starts 3 and 2 words into their sentences are taken back; the ends, too far, are left.
    expect(
      sentenceTails(
        [
          { doc: 0, start: 13, end: 20 },
          { doc: 1, start: 14, end: 30 },
        ],
        edges,
      ),
    ).toEqual([
      { doc: 0, start: 10, end: 20 },
      { doc: 1, start: 12, end: 30 },
    ])
  })
})
