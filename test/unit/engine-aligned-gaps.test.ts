import { describe, expect, it } from 'vitest'
import { alignedGaps } from '../../main/core/engine/aligned-gaps.js'
import { pairSides } from '../../main/core/engine/cluster.js'
import { findOverlaps } from '../../main/core/engine/overlaps.js'
import { loadFolder } from '../../main/node/engine/inline.js'
import { ROOT } from '../helpers.js'

// Where two documents that share passages in order say something between them (aligned-gaps.ts),
// and the sentences the paraphrase pass compares there whatever words they share (paraphrase.ts).

const pair = (a: [number, number, number], b: [number, number, number]) => ({
  a: { doc: a[0], start: a[1], end: a[2] },
  b: { doc: b[0], start: b[1], end: b[2] },
})

describe('gaps between shared passages', () => {
  it('lie between consecutive pairs of two documents, in order in both', () => {
    const gaps = alignedGaps(
      pairSides([
        pair([1, 100, 149], [0, 40, 89]), // the second shared passage, its documents the other way round
        pair([0, 0, 19], [1, 0, 19]), // the first
        pair([0, 60, 69], [1, 10, 15]), // out of order: inside the first in document 1
        pair([0, 200, 219], [1, 150, 169]), // the third, right after the second in document 1: no gap there
        pair([0, 300, 319], [2, 0, 19]), // another document: one pair, no gap
        pair([0, 400, 419], [0, 500, 519]), // a document with itself
      ]),
    )
    expect(gaps).toEqual([{ docA: 0, a0: 20, a1: 39, docB: 1, b0: 20, b1: 99 }])
  })

  it('hold restatements whose words the corpus uses everywhere (sed, a reviewer: none of 26 was found)', async () => {
    // sed's man page and info manual share the paragraphs before and after their "number"
    // address, which each says in its own words; "line", "number", "match" and "specified" are in
    // a hundred sentences of other manuals, too common to propose the pair anywhere else.
    const { texts } = await loadFolder(`${ROOT}/test/fixtures/engine/restated-between`)
    const { overlaps } = findOverlaps(texts)
    const restated = overlaps.find((o) => o.passages.some((p) => p.text.startsWith('Specifying a line number')))
    expect(restated?.kind).toBe('paraphrase')
    expect(restated?.passages.map((p) => [p.doc, p.text])).toEqual([
      ['sed-man-page', 'number Match  only  the specified line number'],
      ['sed-manual', 'Specifying a line number will match only that line in the input'],
    ])
    // The other manuals' sentences are nowhere.
    expect(overlaps.every((o) => o.passages.every((p) => p.doc !== 'other-manuals'))).toBe(true)
  })
})
