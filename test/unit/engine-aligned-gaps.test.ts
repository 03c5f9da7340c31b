import { describe, expect, it } from 'vitest'
import { alignedGaps } from '../../main/core/engine/aligned-gaps.js'
import { pairSides } from '../../main/core/engine/cluster.js'
import { findOverlaps } from '../../main/core/engine/overlaps.js'
import { loadFolder } from '../../main/node/engine/inline.js'
import { pairOf, ROOT } from '../helpers.js'

// Where two documents that share passages in order say something between them (aligned-gaps.ts),
// and the sentences the paraphrase pass compares there whatever words they share (paraphrase.ts).

describe('gaps between shared passages', () => {
  it('lie between consecutive passages of the longest chain two documents share in order', () => {
    const gaps = alignedGaps(
      pairSides([
        // A notice at the top of document 0 and at the end of document 1: out of order, first.
        pairOf([0, 0, 9], [1, 900, 909]),
        pairOf([1, 0, 49], [0, 100, 149]), // its documents the other way round
        pairOf([0, 300, 349], [1, 200, 249]),
        pairOf([0, 300, 319], [1, 400, 419]), // a part of the one before read across, by a sibling
        pairOf([0, 500, 549], [1, 400, 449]),
        pairOf([0, 700, 749], [1, 450, 499]), // right after the one before in document 1: no gap there
        pairOf([0, 400, 419], [0, 600, 619]), // a document with itself
        // Three passages in order: a header, a stock line and a footer, no versions of one text.
        pairOf([0, 0, 9], [2, 0, 9]),
        pairOf([0, 300, 309], [2, 100, 109]),
        pairOf([0, 900, 909], [2, 200, 209]),
      ]),
    )
    expect(gaps).toEqual([
      { docA: 0, a0: 150, a1: 299, docB: 1, b0: 50, b1: 199 },
      { docA: 0, a0: 350, a1: 499, docB: 1, b0: 250, b1: 399 },
    ])
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
