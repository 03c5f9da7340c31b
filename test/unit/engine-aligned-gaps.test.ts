import { describe, expect, it } from 'vitest'
import { NO_ABBREVIATIONS } from '../../main/core/engine/abbreviations.js'
import { alignedGaps } from '../../main/core/engine/aligned-gaps.js'
import { analyse } from '../../main/core/engine/analyse.js'
import { pairSides } from '../../main/core/engine/cluster.js'
import { findOverlaps } from '../../main/core/engine/overlaps.js'
import { findParaphrases, GAP_WORK_PER_WORD } from '../../main/core/engine/paraphrase.js'
import { Run } from '../../main/core/engine/progress.js'
import { ReusedSpans } from '../../main/core/engine/reused-spans.js'
import { sentenceStarts } from '../../main/core/engine/sentences.js'
import { lowerBound } from '../../main/core/text/sorted.js'
import { loadFolder } from '../../main/node/engine/inline.js'
import { filler, wordMaker } from '../made-up-text.js'
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

  it('are not read where every sentence on both sides is reused already: no pair there would be kept', async () => {
    // sed's restatement, in a gap of its two documents: found, unless both sentences lie in
    // passages shared word for word (overlaps.ts drops a paraphrase whose sides are both reused;
    // 40 versions of one text spent 10 s comparing such sentences).
    const { texts } = await loadFolder(`${ROOT}/test/fixtures/engine/restated-between`)
    const corpus = analyse(texts, true, new Run())
    const [man, manual] = ['sed-man-page', 'sed-manual'].map((id) => texts.findIndex((t) => t.id === id))
    /** The tokens of the line of document d that holds `phrase`. */
    const line = (d: number, phrase: string): [number, number, number] => {
      const { text, starts } = corpus.docs[d]
      const at = text.indexOf(phrase)
      const from = text.lastIndexOf('\n', at) + 1
      const to = text.indexOf('\n', at)
      return [d, lowerBound(starts, from), lowerBound(starts, to) - 1]
    }
    const a = line(man, 'number Match')
    const b = line(manual, 'Specifying a line number')
    const gap = { docA: man, a0: a[1], a1: a[2], docB: manual, b0: b[1], b1: b[2] }
    // The pair of those two lines (the pass finds others between the two documents elsewhere).
    const restated = (reused?: ReusedSpans): boolean =>
      findParaphrases(corpus, corpus.docs.map(sentenceStarts), new Run(), NO_ABBREVIATIONS, new Map(), [gap], reused).some(
        (p) => p.da === man && p.db === manual && p.a0 <= a[2] && p.a1 >= a[1] && p.b0 <= b[2] && p.b1 >= b[1],
      )
    const reusedAs = (...pairs: [number, number, number][][]) =>
      new ReusedSpans(texts.length, pairSides(pairs.map(([x, y]) => pairOf(x, y))))
    const other = texts.findIndex((t) => t.id === 'other-manuals')
    expect(restated()).toBe(true)
    // One side reused: still read.
    expect(restated(reusedAs([a, [other, 0, a[2] - a[1]]]))).toBe(true)
    // Both documents wholly, one as two pairs whose spans touch: not read.
    const last = (d: number) => corpus.docs[d].starts.length - 1
    const mid = a[1]
    expect(
      restated(
        reusedAs(
          [
            [man, 0, mid],
            [other, 0, mid],
          ],
          [
            [man, mid + 1, last(man)],
            [other, 0, last(man) - mid - 1],
          ],
          [
            [manual, 0, last(manual)],
            [other, 0, last(manual)],
          ],
        ),
      ),
    ).toBe(false)
  })

  it('are read where a sentence reused in both reaches the next gap: a pair found there is no candidate in it (a reviewer)', () => {
    // A and B share paragraphs in order; between two of them, each has a sentence holding eight
    // made-up words both have (a passage of their own, P2), so each sentence lies in two gaps. The
    // two sentences are reused whole (C and D reprint them with the paragraph before) and restate
    // each other; B goes on with another restatement of A's sentence (tp), which is not reused. The
    // first gap, all reused on both sides, pairs the two sentences, which the second gap then does
    // not compare: A's sentence is free to pair with tp. Skipped, the first gap let the second take
    // the reused pair first, and tp's restatement was lost.
    const word = wordMaker(7)
    const paragraph = () => filler(word, 4)
    const [P1, P3, P4, P5, XA, XB, YA, YB] = Array.from({ length: 8 }, paragraph)
    const P2 = Array.from({ length: 8 }, word).join(' ')
    const s = `The city council approved ${P2} the annual budget for the regional hospital after a long evening debate.`
    const t = `After a long debate one evening, ${P2} the regional hospital annual budget was approved by the city council.`
    const tp = 'Regional hospital gets its annual budget: city council approves it after long debate in the evening.'
    // Their words in thirty sentences of another document: too common to propose a pair anywhere
    // but in the gaps.
    const bag = [s, t, tp].join(' ').replace(/[.,:]/g, '').split(/\s+/)
    const shuffle = wordMaker(5)
    const F = Array.from(
      { length: 30 },
      () => [...bag].sort((x, y) => shuffle().localeCompare(shuffle()) || x.localeCompare(y)).join(' ') + '.',
    ).join('\n\n')
    const { overlaps } = findOverlaps([
      {
        id: 'A',
        text: [
          P1,
          XA,
          `${s} Gardeners planted tulips along the river promenade during spring mornings.`,
          YA,
          P3,
          paragraph(),
          P4,
          paragraph(),
          P5,
        ].join('\n\n'),
      },
      { id: 'B', text: [P1, XB, `${t} ${tp}`, YB, P3, paragraph(), P4, paragraph(), P5].join('\n\n') },
      { id: 'C', text: [filler(word, 3), XA, s, filler(word, 3)].join('\n\n') },
      { id: 'D', text: [filler(word, 3), XB, t, filler(word, 3)].join('\n\n') },
      { id: 'F', text: F },
    ])
    const restated = overlaps.find((o) => o.kind === 'paraphrase' && o.passages.some((p) => p.text.startsWith('Regional hospital gets')))
    // A's sentence with both of B's: the two reused sentences restate each other too, reused
    // only with C and D, never in a pair of A and B.
    expect(restated?.passages.map((p) => [p.doc, p.text.slice(0, 20)])).toEqual([
      ['A', 'The city council app'],
      ['B', 'After a long debate '],
      ['B', 'Regional hospital ge'],
    ])
  })

  it('cost at most GAP_WORK_PER_WORD per word of the two documents: gaps past it are not read (a tester)', () => {
    // A restatement whose words a third document uses everywhere, found only in its gap; before
    // it, a gap of long comma-cut sentences of one small vocabulary, which every sentence and
    // clause shares by chance with every other.
    const s = 'The city council approved the annual budget for the regional hospital after a long evening debate.'
    const t = 'After a long debate one evening, the regional hospital annual budget was approved by the city council.'
    const bag = [s, t].join(' ').replace(/[.,]/g, '').split(/\s+/)
    const shuffle = wordMaker(5)
    const common = Array.from(
      { length: 30 },
      () => [...bag].sort((x, y) => shuffle().localeCompare(shuffle()) || x.localeCompare(y)).join(' ') + '.',
    )
    const vocabulary = Array.from({ length: 40 }, wordMaker(11))
    const pick = wordMaker(13)
    const chance = (sentences: number) =>
      Array.from({ length: sentences }, () => {
        const words = Array.from({ length: 60 }, () => vocabulary[pick().length % vocabulary.length] + pick().slice(0, 1))
        return words.map((w, k) => (k % 3 === 2 ? `${w},` : w)).join(' ') + '.'
      }).join(' ')
    const documents = (sentences: number) => [
      { id: 'A', text: `${chance(sentences)}\n\n${s}` },
      { id: 'B', text: `${chance(sentences)}\n\n${t}` },
      { id: 'F', text: common.join('\n\n') },
    ]
    const restated = (sentences: number): boolean => {
      const corpus = analyse(documents(sentences), true, new Run())
      const [A, B] = corpus.docs
      const end = (doc: typeof A) => doc.text.lastIndexOf('\n\n')
      const gaps = [
        { docA: 0, a0: 0, a1: lowerBound(A.starts, end(A)) - 1, docB: 1, b0: 0, b1: lowerBound(B.starts, end(B)) - 1 },
        {
          docA: 0,
          a0: lowerBound(A.starts, end(A)),
          a1: A.starts.length - 1,
          docB: 1,
          b0: lowerBound(B.starts, end(B)),
          b1: B.starts.length - 1,
        },
      ]
      return findParaphrases(corpus, corpus.docs.map(sentenceStarts), new Run(), NO_ABBREVIATIONS, new Map(), gaps).some(
        (p) => p.da === 0 && p.db === 1 && corpus.docs[0].text.slice(corpus.docs[0].starts[p.a0]).startsWith('The city'),
      )
    }
    // A gap of a few such sentences leaves the next one read; one of twenty spends the pair's work.
    expect(restated(2)).toBe(true)
    expect(restated(20)).toBe(false)
    expect(GAP_WORK_PER_WORD).toBe(128)
  })
})
