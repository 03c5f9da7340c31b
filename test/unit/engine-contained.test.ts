import { describe, expect, it } from 'vitest'
import { CONTAINED_SHARE, containedOverlaps, MAX_LOOKED_AT, shownTwice } from '../../main/core/engine/contained.js'
import { MAX_PAIRWISE_PASSAGES } from '../../main/core/engine/variant-pairs.js'
import { findOverlaps } from '../../main/core/engine/overlaps.js'
import { loadFolder } from '../../main/node/engine/inline.js'
import { ROOT } from '../helpers.js'

// Overlaps inside another are not listed again (contained.ts).

const overlap = (kind: string, ...passages: Array<[number, number, number]>) => ({
  kind,
  passages: passages.map(([doc, start, end]) => ({ doc, start, end })),
})

describe('overlaps inside another', () => {
  it('are those each of whose passages lies inside a passage of one other overlap', () => {
    const inner = containedOverlaps([
      overlap('verbatim', [0, 0, 99], [1, 0, 99]), // the longer text two documents share
      overlap('verbatim', [0, 10, 19], [0, 40, 49], [1, 10, 19], [1, 40, 49]), // two paragraphs alike, inside it
      overlap('verbatim', [0, 10, 19], [1, 10, 19], [2, 5, 14]), // a shorter text in a third document too
      overlap('verbatim', [0, 90, 109], [1, 90, 109]), // reaching past it
      overlap('variant', [0, 0, 99], [1, 0, 99]), // the same passages as the first: the first is kept
      overlap('verbatim', [0, 10, 19], [3, 10, 19]), // another document
    ])
    expect([...inner]).toEqual([0, 1, 0, 0, 1, 0])
  })

  it('are those of whose passages CONTAINED_SHARE lies inside, ragged ends aside (npm READMEs, a reviewer)', () => {
    const longer = overlap('variant', [0, 100, 199], [1, 100, 199], [2, 0, 99])
    // A part of it the same three documents share, one passage reaching 10 tokens past it, one starting 5 before.
    const part = overlap('variant', [0, 150, 199], [1, 150, 209], [2, 0, 54])
    expect(CONTAINED_SHARE).toBe(0.8)
    expect([...containedOverlaps([longer, part])]).toEqual([0, 1])
    // More than a fifth of a passage outside: it shows text the longer one does not.
    const past = overlap('variant', [0, 150, 199], [1, 150, 219], [2, 0, 54])
    expect([...containedOverlaps([longer, past])]).toEqual([0, 0])
  })

  it('are found inside a passage from far back however many shorter ones start between (a thousand of Debian’s changelogs’ overlaps)', () => {
    // A text two changelogs share from their tops, and more short overlaps than MAX_LOOKED_AT
    // starting inside it before the last one, each in one changelog and a third document.
    const many = MAX_LOOKED_AT + 10
    const short = Array.from({ length: many }, (_, k) => overlap('verbatim', [0, 10 * k, 10 * k + 3], [2, 10 * k, 10 * k + 3]))
    const last = overlap('verbatim', [0, 10 * many + 5, 10 * many + 8], [1, 10 * many + 5, 10 * many + 8])
    const inner = containedOverlaps([overlap('verbatim', [0, 0, 20000], [1, 0, 20000]), ...short, last])
    expect(inner[inner.length - 1]).toBe(1)
    expect(inner.slice(1, -1).every((x) => x === 0)).toBe(true)
  })

  it('but not inside an overlap with two passages in one of their documents: it shows no pairing of them', () => {
    const inner = containedOverlaps([
      // grep's -Z and -z and sed's -z joined, two of grep's options in it...
      overlap('variant', [0, 0, 99], [0, 500, 599], [1, 0, 99]),
      // ...and the sentence grep's -Z and sed's -z give word for word.
      overlap('verbatim', [0, 510, 519], [1, 80, 89]),
    ])
    expect([...inner]).toEqual([0, 0])
  })

  it('but inside an overlap with two passages in one document when each of theirs lies in its own and the longer shows every pairing', () => {
    const list = overlap('variant', [0, 0, 99], [0, 200, 299], [1, 0, 99])
    expect([...containedOverlaps([list, overlap('verbatim', [0, 0, 13], [0, 200, 213], [1, 0, 13])])]).toEqual([0, 1])
    // Not in each of its passages: which of its copies goes with which is the question again.
    expect([...containedOverlaps([list, overlap('verbatim', [0, 200, 213], [1, 0, 13])])]).toEqual([0, 0])
    // Past MAX_PAIRWISE_PASSAGES passages, only the first is compared with the others: a verbatim
    // overlap's are the same text, and the same part of each pairs the same words...
    const five = (kind: string) => overlap(kind, [0, 0, 99], [0, 200, 299], [1, 0, 99], [2, 0, 99], [3, 10, 109])
    const part = overlap('verbatim', [0, 0, 13], [0, 200, 213], [1, 0, 13], [2, 0, 13], [3, 10, 23])
    expect(five('verbatim').passages.length).toBeGreaterThan(MAX_PAIRWISE_PASSAGES)
    expect([...containedOverlaps([five('verbatim'), part])]).toEqual([0, 1])
    // ...not another part of one of them, nor a near-verbatim overlap's passages, which differ.
    expect([
      ...containedOverlaps([five('verbatim'), overlap('verbatim', [0, 0, 13], [0, 210, 223], [1, 0, 13], [2, 0, 13], [3, 10, 23])]),
    ]).toEqual([0, 0])
    expect([...containedOverlaps([five('variant'), part])]).toEqual([0, 0])
  })

  it('of the same passages as one before, even two in one document, are the same text twice: listed once', () => {
    const inner = containedOverlaps([
      overlap('verbatim', [0, 0, 9], [0, 50, 59], [1, 0, 9]),
      overlap('verbatim', [0, 0, 9], [0, 50, 59], [1, 0, 9]),
      overlap('verbatim', [0, 0, 9], [0, 50, 59], [2, 0, 9]), // another document
    ])
    expect([...inner]).toEqual([0, 1, 0])
  })

  it('but not inside a paraphrase: the words kept, moved or changed are what the closer match shows', () => {
    const inner = containedOverlaps([
      overlap('paraphrase', [0, 0, 30], [1, 0, 30]),
      overlap('variant', [0, 5, 20], [1, 6, 21]),
      overlap('paraphrase', [0, 2, 10], [1, 2, 10]),
    ])
    expect([...inner]).toEqual([0, 0, 1])
  })

  it('make no overlap of their own: paragraphs alike inside the chapter two documents share (bc, a reviewer)', async () => {
    // bc's info manual and man page share the chapter on operators, in which "expr + expr ... the
    // sum" and "expr - expr ... the difference" are alike enough to be each document's repetition
    // of one paragraph: an overlap of four passages inside the chapter's, listed again.
    const { texts } = await loadFolder(`${ROOT}/test/fixtures/engine/paragraphs-alike`)
    const { overlaps } = findOverlaps(texts)
    const within = (p: { doc: string; start: number; end: number }, q: { doc: string; start: number; end: number }) =>
      p.doc === q.doc && q.start <= p.start && q.end >= p.end
    for (const o of overlaps)
      for (const other of overlaps) if (o !== other) expect(o.passages.every((p) => other.passages.some((q) => within(p, q)))).toBe(false)
    expect(overlaps[0].kind).toBe('verbatim')
    expect(overlaps[0].passages.map((p) => p.text.length > 1000)).toEqual([true, true])
  })

  it('leave no first lines of a list listed again where one document has the list twice (git-config and git-diff, a reviewer)', async () => {
    // git-config's manual page lists the diff tools under diff.tool and merge.tool, git-diff's once;
    // the list's first two lines, alike in the lines after them, were an overlap of their own.
    const { texts } = await loadFolder(`${ROOT}/test/fixtures/engine/diff-tools`)
    const { overlaps } = findOverlaps(texts)
    expect(overlaps.map((o) => [o.kind, o.passages.map((p) => `${p.doc} ${p.start}-${p.end}`)])).toEqual([
      ['verbatim', ['config 0-500', 'config 502-1002', 'diff 0-500']],
    ])
  })

  it('leave no bullet read against its neighbour inside the option two documents give whole (wget, a reviewer)', async () => {
    // wget's -k option in its info manual and man page, two bullets alike in each: "links to files
    // that have been downloaded ... relative link" and "... that have not been downloaded ...
    // absolute path". The info's second read against the man page's first was listed as an
    // overlap: a text edited into its opposite.
    const { texts } = await loadFolder(`${ROOT}/test/fixtures/engine/sibling-bullets`)
    const { overlaps } = findOverlaps(texts)
    expect(overlaps).toHaveLength(1)
    expect(overlaps[0].passages.map((p) => p.text.length > 2000)).toEqual([true, true])
  })
})

describe('overlaps shown alike', () => {
  const shown = (...passages: Array<[number, number, number]>) => passages.map(([doc, start, end]) => ({ doc, start, end }))

  it('are one text twice, whatever they were as clustered: the first listed, the others not (a sign-off line of Debian’s changelogs under one id)', () => {
    const again = shownTwice([
      shown([0, 10, 19], [1, 40, 49], [2, 5, 14]),
      shown([0, 10, 19], [1, 40, 49]), // fewer passages
      shown([0, 10, 19], [1, 40, 50], [2, 5, 14]), // one edge elsewhere
      shown([0, 10, 19], [1, 40, 49], [2, 5, 14]), // the first again
      shown([0, 10, 19], [1, 40, 49]), // the second again
      shown(),
      shown(),
    ])
    expect([...again]).toEqual([0, 0, 0, 1, 1, 0, 1])
  })
})
