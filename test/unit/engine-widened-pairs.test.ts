import { describe, expect, it } from 'vitest'
import { AlignedSpans } from '../../main/core/engine/aligned-spans.js'
import { findOverlaps } from '../../main/core/engine/overlaps.js'
import { PairTable } from '../../main/core/engine/pair-table.js'
import { KIND_RANK } from '../../main/core/engine/kept-pair.js'
import { keptWidened, MIN_HELD, type Widened, widenedOver } from '../../main/core/engine/widened-pairs.js'
import type { Cluster } from '../../main/core/engine/cluster.js'
import { analysed } from '../helpers.js'

// A restatement across a pair kept of the same two texts is that pair read to its sentences
// (widened-pairs.ts).

const kept = (...pairs: Array<[number, number, number, number, number, number, keyof typeof KIND_RANK]>): PairTable => {
  const table = new PairTable()
  for (const [da, a0, a1, db, b0, b1, kind] of pairs)
    table.push(
      { doc: da, start: a0, end: a1 },
      { doc: db, start: b0, end: b1 },
      { shared: 8, similarity: 1, verbatim: kind === 'verbatim', kind: KIND_RANK[kind], score: 1 },
    )
  return table
}

/** Five documents of one paragraph each, the same 200 words ("alpha0 alpha1 ..."): token t is word t. */
const docs = analysed(...Array.from({ length: 5 }, () => Array.from({ length: 200 }, (_, t) => `alpha${t}`).join(' ')))

describe('a restatement across a kept pair', () => {
  it('is read with the pairs of its two documents it lies across, from the first word of either to the last', () => {
    const table = kept([0, 10, 20, 1, 30, 40, 'verbatim'], [1, 50, 70, 0, 24, 60, 'variant'], [0, 10, 20, 2, 30, 40, 'verbatim'])
    const spans = new AlignedSpans(table)
    // Inside the sentences: the sentences' extents, and the best kind of the pairs.
    expect(widenedOver(spans, table, docs, 0, 5, 25, 1, 28, 45)).toEqual({
      a: { doc: 0, start: 5, end: 25 },
      b: { doc: 1, start: 28, end: 45 },
      kind: KIND_RANK.verbatim,
      adds: false,
    })
    // Reaching past them (a pair cut partway through a sentence): the pair's extents, whichever
    // document is given first.
    expect(widenedOver(spans, table, docs, 1, 45, 55, 0, 15, 26)).toEqual({
      a: { doc: 1, start: 45, end: 70 },
      b: { doc: 0, start: 15, end: 60 },
      kind: KIND_RANK.variant,
      adds: false,
    })
    // Words outside the pairs that both sides have: it adds them.
    expect(widenedOver(spans, table, docs, 0, 5, 25, 1, 25, 45)?.adds).toBe(true)
    // None outside: it adds nothing.
    expect(widenedOver(spans, table, docs, 0, 12, 18, 1, 32, 38)?.adds).toBe(false)
  })

  it('is not when a pair holds fewer than MIN_HELD of its tokens on a side, nor when the pair is of other documents', () => {
    const table = kept([0, 10, 20, 1, 30, 40, 'verbatim'])
    const spans = new AlignedSpans(table)
    expect(widenedOver(spans, table, docs, 0, 20 - MIN_HELD + 2, 30, 1, 28, 45)).toBeUndefined()
    expect(widenedOver(spans, table, docs, 0, 20 - MIN_HELD + 1, 30, 1, 28, 45)).toBeDefined()
    expect(widenedOver(spans, table, docs, 0, 5, 25, 2, 28, 45)).toBeUndefined()
    // Its side in the other document elsewhere: no pair lies across both.
    expect(widenedOver(spans, table, docs, 0, 5, 25, 1, 100, 120)).toBeUndefined()
  })

  it('is handed over as kept pairs only when every pair of its restatement is widened, those that add words', () => {
    const widened = new Map<number, Widened>([
      [0, { a: { doc: 0, start: 0, end: 9 }, b: { doc: 1, start: 0, end: 9 }, kind: 1, adds: false }],
      [2, { a: { doc: 0, start: 20, end: 29 }, b: { doc: 2, start: 0, end: 9 }, kind: 0, adds: true }],
      [3, { a: { doc: 3, start: 20, end: 29 }, b: { doc: 4, start: 0, end: 9 }, kind: 0, adds: false }],
    ])
    const cluster = (...pairs: number[]): Cluster => ({ pairs, passages: [] })
    const handed: Widened[] = []
    // Pairs 0 and 1: three texts, one pair widened; pairs 2 and 3: both widened, and 3 only
    // its pairs again, which are kept already.
    const left = keptWidened([cluster(0, 1), cluster(2, 3)], widened, (w) => handed.push(w))
    expect(left.map((c) => c.pairs)).toEqual([[0, 1]])
    expect(handed).toEqual([widened.get(2)])
  })

  it('makes one report of a sentence pair, a near-verbatim one from sentence edge to edge, not a fragment and a paraphrase (mke2fs and resize2fs)', () => {
    const mke2fs =
      "blocksize option is specified, in which case fs-size is interpreted as the number of blocksize blocks. If the fs-size is suffixed by 'k',\n" +
      "'m', 'g', 't' (either upper-case or lower-case), then it is interpreted\n" +
      'in power-of-two kilobytes, megabytes, gigabytes, terabytes, etc.\n'
    const resize2fs =
      'The size parameter specifies the requested new size of the file system.\n' +
      'If no units are specified, the units of the size parameter shall be the\n' +
      'file system blocksize of the file system. Optionally, the size parame‐\n' +
      "ter may be suffixed by one of the following units designators: 'K',\n" +
      "'M', 'G', 'T' (either upper-case or lower-case) or 's' for power-of-two\n" +
      'kilobytes, megabytes, gigabytes, terabytes or 512 byte sectors respec‐\n' +
      'tively. The size of the file system may never be larger than the size\n' +
      'of the partition.\n'
    const { overlaps } = findOverlaps([
      { id: 'mke2fs', text: mke2fs },
      { id: 'resize2fs', text: resize2fs },
    ])
    expect(overlaps.map((o) => [o.kind, o.passages.map((p) => p.text)])).toEqual([
      [
        'variant',
        [
          "If the fs-size is suffixed by 'k',\n'm', 'g', 't' (either upper-case or lower-case), then it is interpreted\nin power-of-two kilobytes, megabytes, gigabytes, terabytes, etc.",
          "Optionally, the size parame‐\nter may be suffixed by one of the following units designators: 'K',\n'M', 'G', 'T' (either upper-case or lower-case) or 's' for power-of-two\nkilobytes, megabytes, gigabytes, terabytes or 512 byte sectors respec‐\ntively.",
        ],
      ],
    ])
  })
})
