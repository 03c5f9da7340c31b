import { describe, expect, it } from 'vitest'
import type { PairPassage } from '../../main/core/engine/cluster.js'
import { joinContinued, MAX_LEAD_TOKENS } from '../../main/core/engine/continued.js'
import { findOverlaps } from '../../main/core/engine/overlaps.js'
import { filler, wordMaker } from '../made-up-text.js'

// An overlap another goes on from (continued.ts): three versions of one page, two of them copies
// from the top, the third with an edit near the top, are one overlap whose passages all start at
// the top; the head the edit cut off is no overlap of its own.

describe('three versions of a page, one edited near its top', () => {
  const word = wordMaker(52)
  const [top, added, rest, endB, endC] = [filler(word, 4), filler(word, 3), filler(word, 5), filler(word, 1), filler(word, 1)]
  // Alpha's three paragraphs of its own part its pairs with beta and ga at them: two passages each.
  const documents = [
    { id: 'alpha', text: ['Voltaro alpha quen', top, added, rest].join('\n\n') },
    { id: 'beta', text: ['Voltaro beta quen', top, rest, endB].join('\n\n') },
    { id: 'ga', text: ['Voltaro quen', top, rest, endC].join('\n\n') },
  ]

  it('is one overlap whose passages all start at the top, its variants the edits', () => {
    const { overlaps } = findOverlaps(documents)
    const holding = (doc: string, part: string) => overlaps.filter((o) => o.passages.some((p) => p.doc === doc && p.text.includes(part)))
    // The head (the top paragraphs) is in one overlap only: the one holding the rest.
    for (const doc of ['alpha', 'beta', 'ga']) expect(holding(doc, top)).toHaveLength(1)
    const [whole] = holding('alpha', top)
    expect(whole.passages.map((p) => p.doc)).toEqual(['alpha', 'beta', 'ga'])
    for (const p of whole.passages) expect(p.text).toContain(rest)
    // Alpha's paragraph of its own is a change between alpha and beta, not text beta added.
    const alphaBeta = whole.variants.find((v) => whole.passages[v.a].doc === 'alpha' && whole.passages[v.b].doc === 'beta')
    const changes = alphaBeta!.changes!.filter((c) => c.op !== 'equal')
    expect(changes.some((c) => c.op === 'delete' && c.a.includes(added.slice(0, 30)))).toBe(true)
    expect(changes.every((c) => !c.b.includes(top.slice(0, 30)))).toBe(true)
  })
})

describe('joinContinued', () => {
  /** A cluster of passages [doc, start, end]. */
  const cluster = (pairs: number[], ...spans: [number, number, number][]) => ({
    pairs,
    passages: spans.map(([doc, start, end]): PairPassage => ({ doc, start, end })),
  })

  it('joins a head inside the others at their start and before the third, Y reaching back', () => {
    const y = cluster([0], [0, 40, 200], [1, 0, 180], [2, 0, 181])
    const x = cluster([1], [0, 0, 30], [1, 0, 30], [2, 2, 31])
    const out = joinContinued([y, x])
    expect(out).toEqual([y])
    expect(y.pairs).toEqual([0, 1])
    expect(y.passages).toEqual([
      { doc: 0, start: 0, end: 200 },
      { doc: 1, start: 0, end: 180 },
      { doc: 2, start: 0, end: 181 },
    ])
  })

  it('joins a tail the same way, Y reaching on', () => {
    const y = cluster([0], [0, 0, 100], [1, 0, 180])
    const x = cluster([1], [0, 120, 160], [1, 150, 180])
    expect(joinContinued([y, x])).toEqual([y])
    expect(y.passages[0]).toEqual({ doc: 0, start: 0, end: 160 })
  })

  it('leaves apart what is not one text going on', () => {
    const y = () => cluster([0], [0, 40, 200], [1, 0, 180])
    // Before Y in every document: two texts one after the other.
    expect(joinContinued([cluster([0], [0, 40, 200], [1, 50, 180]), cluster([1], [0, 0, 30], [1, 0, 30])])).toHaveLength(2)
    // Inside Y but in its middle, past MAX_LEAD_TOKENS: the texts are in another order there.
    expect(joinContinued([y(), cluster([1], [0, 0, 30], [1, MAX_LEAD_TOKENS + 1, 40])])).toHaveLength(2)
    // More text between than X's passage there: another text between.
    expect(joinContinued([cluster([0], [0, 63, 200], [1, 0, 180]), cluster([1], [0, 0, 30], [1, 0, 30])])).toHaveLength(2)
    // A document where Y has two passages, or X is not in Y's documents.
    expect(joinContinued([cluster([0], [0, 40, 200], [1, 0, 60], [1, 70, 180]), cluster([1], [0, 0, 30], [1, 0, 30])])).toHaveLength(2)
    expect(joinContinued([y(), cluster([1], [0, 0, 30], [1, 0, 30], [2, 0, 30])])).toHaveLength(2)
  })
})
