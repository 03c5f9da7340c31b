import { describe, expect, it } from 'vitest'
import { pairSides } from '../../main/core/engine/cluster.js'
import { crossAligned } from '../../main/core/engine/cross-aligned.js'
import { findOverlaps } from '../../main/core/engine/overlaps.js'
import { loadFolder } from '../../main/node/engine/inline.js'
import { pairOf, ROOT } from '../helpers.js'

// A document's repetition of itself read across another document that shares its text
// (cross-aligned.ts).

describe('pairs that read a repetition across', () => {
  it('are those inside a longer pair of the same documents, away from where it reads them', () => {
    const cross = crossAligned(
      pairSides([
        pairOf([0, 0, 99], [1, 0, 99]), // the text the two documents share
        pairOf([0, 10, 19], [1, 60, 69]), // a list of A read against B's copy of A's later list
        pairOf([1, 10, 19], [0, 60, 69]), // the same, its documents the other way round
        pairOf([0, 10, 19], [1, 12, 21]), // inside, at about the place the longer pair reads it
        pairOf([0, 150, 159], [1, 60, 69]), // A's passage outside the longer pair
        pairOf([0, 10, 19], [2, 60, 69]), // another document
        pairOf([0, 10, 19], [0, 60, 69]), // a document with itself
      ]),
    )
    expect([...cross]).toEqual([0, 1, 1, 0, 0, 0, 0])
  })

  it('make no overlap of their own: two NEWS files, one holding the other (a reviewer: 155 of 826 overlaps)', async () => {
    // GTK 3's NEWS holds GTK 2's two releases, each with a list of translations much like the
    // other's; the lists read across and the releases' headings were three more overlaps.
    const { texts } = await loadFolder(`${ROOT}/test/fixtures/engine/repeated-inside`)
    const { overlaps } = findOverlaps(texts)
    expect(overlaps).toHaveLength(1)
    expect(overlaps[0].passages.map((p) => [p.doc, p.text.slice(0, 47)])).toEqual([
      ['gtk2', 'Overview of Changes from GTK+ 2.16.1 to 2.16.2\n'],
      ['gtk3', 'Overview of Changes from GTK+ 2.16.1 to 2.16.2\n'],
    ])
  })

  it('reach a word past the longer pair and still lie inside it (gpg: --ask-cert-expire is not --ask-sig-expire)', async () => {
    const { texts } = await loadFolder(`${ROOT}/test/fixtures/engine/sibling-options`)
    const { overlaps } = findOverlaps(texts)
    expect(overlaps).toHaveLength(1)
    expect(overlaps[0].passages.map((p) => p.text.replace(/^'/, '').slice(0, 16))).toEqual(['--ask-sig-expire', '--ask-sig-expire'])
  })
})
