import { describe, expect, it } from 'vitest'
import { analyse } from '../../main/core/engine/analyse.js'
import type { PairPassage } from '../../main/core/engine/cluster.js'
import { findOverlaps, type Overlap } from '../../main/core/engine/overlaps.js'
import { MAX_PROJECTIONS } from '../../main/core/engine/nested.js'
import { MAX_REPEATS, nestClusters } from '../../main/core/engine/nesting.js'
import { Run } from '../../main/core/engine/progress.js'
import { filler, wordMaker } from '../made-up-text.js'
import { tokenSpan } from '../helpers.js'

// Overlaps nested in longer ones (nesting.ts): the part two different texts share is an overlap of
// its own, in every document that holds either text, while each text's overlap stays one text.

function docsOf(o: Overlap): string[] {
  return [...new Set(o.passages.map((p) => p.doc))].sort()
}

/**
 * Documents reprinting one of two texts that share a paragraph (`shared`): `first` documents hold
 * text 1 (its own paragraphs, then the shared one, then more of its own) and `second` documents
 * text 2 (the shared paragraph among text 2's own), each between words of its own.
 */
function twoTexts(seed: number, first: number, second: number) {
  const word = wordMaker(seed)
  const shared = filler(word, 2)
  const t1 = [filler(word, 4), shared, filler(word, 4)].join('\n\n')
  const t2 = [filler(word, 3), shared, filler(word, 5)].join('\n\n')
  const documents = [
    ...Array.from({ length: first }, (_, i) => ({
      id: `t1-${String(i).padStart(2, '0')}`,
      text: [filler(word, 2), t1, filler(word, 2)].join('\n\n'),
    })),
    ...Array.from({ length: second }, (_, i) => ({
      id: `t2-${String(i).padStart(2, '0')}`,
      text: [filler(word, 2), t2, filler(word, 2)].join('\n\n'),
    })),
  ]
  return { documents, shared: shared.replace(/\.$/, ''), ids: documents.map((d) => d.id).sort() }
}

describe('overlaps nested in longer ones', () => {
  it('makes the paragraph two texts share one overlap in every document, each text still one overlap', () => {
    const { documents, shared, ids } = twoTexts(3, 2, 1)
    const { overlaps } = findOverlaps(documents)
    const nested = overlaps.filter((o) => docsOf(o).length === 3)
    expect(nested).toHaveLength(1)
    expect(docsOf(nested[0])).toEqual(ids)
    // The paragraph, also in text 1's reprints, which go on alike over the whole of text 1: that is
    // text 1's overlap, not the paragraph's.
    for (const p of nested[0].passages) expect(p.text.replace(/\.$/, '')).toBe(shared)
    // Text 1's overlap: its two reprints, not text 2's; its passages are longer than the paragraph.
    const text1 = overlaps.filter((o) => o !== nested[0])
    expect(text1.map(docsOf)).toEqual([['t1-00', 't1-01']])
    for (const p of text1[0].passages) expect(p.text.length).toBeGreaterThan(3 * shared.length)
  })

  it('finds the shared paragraph in all documents when one text has more reprints than a passage is projected into', () => {
    const first = MAX_PROJECTIONS + 8
    const { documents, shared, ids } = twoTexts(5, first, 3)
    const { overlaps } = findOverlaps(documents)
    const nested = overlaps.filter((o) => o.passages.every((p) => p.text.includes(shared) && p.text.length < 3 * shared.length))
    expect(nested).toHaveLength(1)
    expect(docsOf(nested[0])).toEqual(ids)
    // Each text is one overlap of its own reprints only.
    const groups = overlaps.filter((o) => o !== nested[0]).map(docsOf)
    expect(groups).toContainEqual(ids.filter((d) => d.startsWith('t1-')))
    expect(groups).toContainEqual(ids.filter((d) => d.startsWith('t2-')))
    for (const g of groups) expect(g.every((d) => d.startsWith('t1-')) || g.every((d) => d.startsWith('t2-'))).toBe(true)
  })
})

describe('nestClusters', () => {
  // Hand-made overlaps over analysed documents, so that what nesting adds is exactly known.
  const word = wordMaker(9)
  const [before, shared, after, other] = [filler(word, 3), filler(word, 2), filler(word, 3), filler(word, 3)]
  const text1 = [before, shared, after].join('\n\n')
  // The shared paragraph with a word inserted after its sixth, and text 1 around that copy.
  const sharedEdited = shared.replace(/^((?:\S+ ){6})/, '$1vunvun ')
  const text1Edited = [before, sharedEdited, after].join('\n\n')
  const texts = {
    a: text1,
    b: [filler(word, 1), text1].join('\n\n'),
    d: [text1, filler(word, 1)].join('\n\n'),
    e: [other, shared, filler(word, 2)].join('\n\n'),
    // The shared paragraph on its own, then inside text 1 (once, then more often than
    // MAX_REPEATS allows to be looked for).
    r: [filler(word, 1), shared, filler(word, 1), text1].join('\n\n'),
    s: [filler(word, 1), shared, ...Array.from({ length: MAX_REPEATS + 1 }, () => [filler(word, 1), text1]).flat()].join('\n\n'),
    f: [filler(word, 1), text1Edited].join('\n\n'),
    // Text 1 with another paragraph where the shared one is (a licence without one of its clauses).
    g: [filler(word, 1), before, other, after].join('\n\n'),
  }
  const ids = Object.keys(texts)
  const corpus = analyse(
    ids.map((id) => ({ id, text: texts[id as keyof typeof texts] })),
    true,
    new Run({}),
  )
  /** Tokens of document `id` that hold `part` (its first occurrence from character `after` on). */
  const span = (id: keyof typeof texts, part: string, after = 0): PairPassage => {
    const d = ids.indexOf(id)
    return { doc: d, ...tokenSpan(corpus.docs[d], texts[id], part, after) }
  }
  const docs = (ps: PairPassage[]) => ps.map((p) => ids[p.doc])
  /** Where the k-th occurrence (from 0) of `part` starts in `text`. */
  const nth = (text: string, part: string, k: number): number => {
    let at = text.indexOf(part)
    for (let i = 0; i < k; i++) at = text.indexOf(part, at + 1)
    return at
  }

  it("finds the shared part in the longer text's documents and the longer text around the part", () => {
    // Text 1 in a and b; the shared paragraph in a and e (a document of another text) and d, whose
    // copy of text 1 was clustered with the paragraph only.
    const text = { passages: [span('a', text1), span('b', text1)] }
    const part = { passages: [span('a', shared), span('d', shared), span('e', shared)] }
    const added = nestClusters([text, part], corpus.docs)
    // Down: the paragraph in b; up: text 1 in d, not in e, which holds the paragraph only.
    expect(docs(part.passages)).toEqual(['a', 'b', 'd', 'e'])
    expect(part.passages[1]).toEqual(span('b', shared))
    expect(docs(text.passages)).toEqual(['a', 'b', 'd'])
    expect(text.passages[2]).toEqual(span('d', text1))
    expect([...added.verbatim]).toEqual([1, 1])
    expect([...added.edited]).toEqual([0, 0])
  })

  it('finds the shared part inside the longer text in a document that has it at another place too', () => {
    // r and s hold the paragraph on its own (clustered with the paragraph) and inside text 1
    // (clustered with text 1 only): having the paragraph in r is not having it there.
    const copies = texts.s.split(text1).length - 1
    const inCopies = Array.from({ length: copies }, (_, k) => span('s', text1, nth(texts.s, text1, k)))
    const text = { passages: [span('a', text1), span('r', text1), ...inCopies] }
    const part = { passages: [span('a', shared), span('e', shared), span('r', shared), span('s', shared)] }
    nestClusters([text, part], corpus.docs)
    const inR = part.passages.filter((p) => ids[p.doc] === 'r')
    expect(inR).toEqual([span('r', shared), span('r', shared, texts.r.indexOf(text1))])
    // In s, MAX_REPEATS more places than the first, not every copy of text 1.
    const inS = part.passages.filter((p) => ids[p.doc] === 's')
    expect(copies).toBeGreaterThan(MAX_REPEATS)
    expect(inS).toHaveLength(1 + MAX_REPEATS)
    expect(inS[1]).toEqual(span('s', shared, texts.s.indexOf(text1)))
  })

  it('finds the shared part in an edited copy of the longer text, whole, from its first word to its last', () => {
    // f's copy of text 1 has a word inserted in the paragraph: not the paragraph word for word,
    // and read on from its start only as far as the insertion (a quarter of it).
    expect(sharedEdited).not.toBe(shared)
    const text = { passages: [span('a', text1), span('f', text1Edited)] }
    const part = { passages: [span('a', shared), span('e', shared)] }
    const added = nestClusters([text, part], corpus.docs)
    expect(part.passages.filter((p) => ids[p.doc] === 'f')).toEqual([span('f', sharedEdited)])
    expect([...added.verbatim, ...added.edited]).toEqual([0, 0, 0, 1])
  })

  it("finds the part in the longer text's other documents where its passage in one of the part's stops short of it", () => {
    // Seven versions of a change log (a reviewer of IDLE's NEWS files): the longer overlap's
    // passage in d ends before the part, whose overlap has d but not b. Every document of the part
    // is one of the longer text's, and still no overlap held the part in b.
    const before = text1.slice(0, text1.indexOf(shared)).trim()
    const text = { passages: [span('a', text1), span('b', text1), span('d', before)] }
    const part = { passages: [span('a', shared), span('d', shared)] }
    const added = nestClusters([text, part], corpus.docs)
    expect(docs(part.passages)).toEqual(['a', 'b', 'd'])
    expect(part.passages[1]).toEqual(span('b', shared))
    // And, up, the longer text around the part in d: its passage there no longer stops short.
    expect(text.passages.filter((p) => ids[p.doc] === 'd')).toEqual([span('d', text1)])
    expect([...added.verbatim]).toEqual([1, 1])
  })

  it("reads no passage into the part's overlap from the text before the part, where a copy of the longer text lacks the part", () => {
    // The part's passage in a also holds the paragraphs before it (merged with the next text of
    // its document), so read from its start in g, whose copy of text 1 has another paragraph in
    // place of the part, it agrees for more than half its length: all of it the paragraphs
    // before, none of it the part (on the copyright files, a BSD licence's second clause was read
    // so into an overlap of the third, from a copy without the third: similarity 0).
    const text = { passages: [span('a', text1), span('g', [before, other, after].join('\n\n'))] }
    const part = { passages: [span('a', [before, shared].join('\n\n')), span('e', shared)] }
    const added = nestClusters([text, part], corpus.docs)
    expect(docs(part.passages)).toEqual(['a', 'e'])
    expect([...added.verbatim, ...added.edited]).toEqual([0, 0, 0, 0])
  })

  it('leaves a part alone whose documents all hold the longer text', () => {
    const text = { passages: [span('a', text1), span('b', text1), span('d', text1)] }
    const part = { passages: [span('a', shared), span('b', shared)] }
    const added = nestClusters([text, part], corpus.docs)
    expect(docs(part.passages)).toEqual(['a', 'b'])
    expect([...added.verbatim, ...added.edited]).toEqual([0, 0, 0, 0])
  })
})

describe('nestClusters, an overlap whose passage in one document runs on into another text', () => {
  it('adds no passage of that other text to it: what is read around holds its core words (a reviewer: GPL notices in a BSD licence’s overlap)', () => {
    // Debian's util-linux copyright files give the GPL's pointer to its text and the BSD licence
    // in a row: one passage of the BSD overlap there held both. The pointer's last words, an
    // overlap of their own in other files, lay inside it, and read around them in the files
    // that hold the whole pointer, the pointer alone was half that passage and joined the BSD
    // overlap: 133 GPL passages among 293 of the BSD licence.
    const word = wordMaker(21)
    const gpl = filler(word, 3).replace(/\n\n/g, ' ')
    const bsd = filler(word, 2).replace(/\n\n/g, ' ')
    const tail = gpl.slice(gpl.lastIndexOf('.', gpl.length - 2) + 2)
    const texts: Record<string, string> = {
      both: [filler(word, 1), `${gpl} ${bsd}`, filler(word, 1)].join('\n\n'),
      b1: [filler(word, 1), bsd, filler(word, 1)].join('\n\n'),
      b2: [filler(word, 2), bsd, filler(word, 1)].join('\n\n'),
      g1: [filler(word, 1), gpl, filler(word, 1)].join('\n\n'),
      g2: [filler(word, 2), gpl, filler(word, 1)].join('\n\n'),
    }
    const ids = Object.keys(texts)
    const corpus = analyse(
      ids.map((id) => ({ id, text: texts[id] })),
      true,
      new Run({}),
    )
    const span = (id: string, part: string): PairPassage => {
      const d = ids.indexOf(id)
      return { doc: d, ...tokenSpan(corpus.docs[d], texts[id], part) }
    }
    // The BSD overlap, its passage in `both` running on from the GPL pointer; the pointer's last
    // sentence, an overlap of `both` and the two files holding the whole pointer.
    const licence = { passages: [span('both', `${gpl} ${bsd}`), span('b1', bsd), span('b2', bsd)] }
    const last = { passages: [span('both', tail), span('g1', tail), span('g2', tail)] }
    nestClusters([licence, last], corpus.docs)
    expect(licence.passages.map((p) => ids[p.doc])).toEqual(['both', 'b1', 'b2'])
  })
})
