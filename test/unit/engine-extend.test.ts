import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { AlignedSpans } from '../../main/core/engine/aligned-spans.js'
import { pairSides, SAME_PASSAGE_SHARE } from '../../main/core/engine/cluster.js'
import { EDGE_CONTEXT, EDGE_SHIFTS, extendAlike, MAX_EXTENSION, type MatchSource, mergePassages } from '../../main/core/engine/extend.js'
import { analyse } from '../../main/core/engine/analyse.js'
import { Run } from '../../main/core/engine/progress.js'
import { analysed } from '../helpers.js'

/**
 * Documents as extension reads them: one small number per distinct word of the text (words
 * separated by white space), and where each word is in the text.
 */
function docsOf(texts: string[]): MatchSource[] {
  const ids = new Map<string, number>()
  return texts.map((text) => {
    const words = [...text.matchAll(/\S+/g)]
    return {
      text,
      starts: Uint32Array.from(words.map((w) => w.index)),
      ends: Uint32Array.from(words.map((w) => w.index + w[0].length)),
      match: Uint32Array.from(words.map(([w]) => ids.get(w) ?? (ids.set(w, ids.size + 1), ids.size))),
    }
  })
}

/** The words of a passage. */
function words(texts: string[], p: { doc: number; start: number; end: number }): string {
  return texts[p.doc]
    .split(/\s+/)
    .slice(p.start, p.end + 1)
    .join(' ')
}

// A stock line in four documents, each passage found against the first (the representative) and
// so cut where the first document goes on differently: documents 1 and 2 go on alike for three
// words after it ("date wed jun"), document 3 like neither.
const STOCK = 'author carlos garcia campos carlosgc gnome org'
const TEXTS = [
  `intro ${STOCK} date thu jan 01 end`,
  `other words ${STOCK} date wed jun 17 16 59`,
  `more ${STOCK} date wed jun 17 11 10`,
  `${STOCK} date fri may 09 14 49`,
]

describe('AlignedSpans', () => {
  it('says whether two documents were aligned over a token, as reading every pair says', () => {
    const side = fc.record({ doc: fc.nat(3), start: fc.nat(40), length: fc.nat(15) })
    const pairs = fc.array(fc.tuple(side, side), { maxLength: 30 }).map((list) =>
      list.map(([a, b]) => ({
        a: { doc: a.doc, start: a.start, end: a.start + a.length },
        b: { doc: b.doc, start: b.start, end: b.start + b.length },
      })),
    )
    fc.assert(
      fc.property(pairs, fc.nat(3), fc.nat(60), fc.nat(3), (list, d, t, e) => {
        const over = (p: { doc: number; start: number; end: number }, q: { doc: number }) =>
          p.doc === d && q.doc === e && p.start <= t && t <= p.end
        expect(new AlignedSpans(pairSides(list)).covers(d, t, e)).toBe(list.some(({ a, b }) => over(a, b) || over(b, a)))
      }),
      { numRuns: 500 },
    )
  })
})

describe('extendAlike', () => {
  it('extends passages of one overlap by the words two of them go on with alike, and only those', () => {
    const docs = docsOf(TEXTS)
    const passages = [
      { doc: 0, start: 1, end: 8 },
      { doc: 1, start: 2, end: 9 },
      { doc: 2, start: 1, end: 8 },
      { doc: 3, start: 0, end: 7 },
    ]
    const out = extendAlike(passages, docs)
    expect(out.map((p) => words(TEXTS, p))).toEqual([
      `${STOCK} date`,
      `${STOCK} date wed jun 17`,
      `${STOCK} date wed jun 17`,
      `${STOCK} date`,
    ])
  })

  it('lines up passages cut at different words of the same line', () => {
    const docs = docsOf(TEXTS)
    // Document 2's passage stops one word further on than document 1's ("date" against "date wed").
    const out = extendAlike(
      [
        { doc: 1, start: 2, end: 9 },
        { doc: 2, start: 1, end: 9 },
      ],
      docs,
    )
    expect(out.map((p) => words(TEXTS, p))).toEqual([`${STOCK} date wed jun 17`, `${STOCK} date wed jun 17`])
    expect(EDGE_SHIFTS).toBeGreaterThan(0)
  })

  it('leaves to their own overlap the words two documents aligned with each other go on with alike', () => {
    const docs = docsOf(TEXTS)
    const passages = () => [
      { doc: 0, start: 1, end: 8 },
      { doc: 1, start: 2, end: 9 },
      { doc: 2, start: 1, end: 8 },
      { doc: 3, start: 0, end: 7 },
    ]
    // Documents 1 and 2 were aligned with each other over the stock line and the date after it.
    const aligned = new AlignedSpans(pairSides([{ a: { doc: 1, start: 2, end: 13 }, b: { doc: 2, start: 1, end: 12 } }]))
    expect(extendAlike(passages(), docs, aligned).map((p) => words(TEXTS, p))).toEqual([
      `${STOCK} date`,
      `${STOCK} date`,
      `${STOCK} date`,
      `${STOCK} date`,
    ])
    // A fifth document that goes on like them, aligned with neither, still extends both: the
    // neighbour aligned with each is passed over for it.
    const texts = [...TEXTS, `start ${STOCK} date wed jun 17 09 00`]
    const out = extendAlike([...passages(), { doc: 4, start: 1, end: 8 }], docsOf(texts), aligned)
    expect(out.map((p) => words(texts, p))).toEqual([
      `${STOCK} date`,
      `${STOCK} date wed jun 17`,
      `${STOCK} date wed jun 17`,
      `${STOCK} date`,
      `${STOCK} date wed jun 17`,
    ])
  })

  it('does not carry a passage a word or two into the next paragraph', () => {
    // Two licences that end alike, each followed by its file's next stanza.
    const body = 'in no event shall the authors be liable for any damages arising from the use of this software'
    const texts = [`${body}\n\nfiles debian/* copyright 2001 ann`, `${body}\n\nfiles src/x.c copyright 1999 bob`]
    const out = extendAlike(
      [0, 1].map((doc) => ({ doc, start: 0, end: 14 })),
      docsOf(texts),
    )
    expect(out.map((p) => words(texts, p))).toEqual([body, body])
    // More than STRAY_EDGE_WORDS words alike after the break are the passage going on (a
    // changelog entry's sign-off after its blank line).
    const signed = texts.map((t) => t.replace('files ', '-- julien cristau '))
    expect(
      extendAlike(
        [0, 1].map((doc) => ({ doc, start: 0, end: 14 })),
        docsOf(signed),
      ).map((p) => words(signed, p)),
    ).toEqual([`${body} -- julien cristau`, `${body} -- julien cristau`])
  })

  it('takes whole sentences where the texts stop going on alike inside one (a tester of /etc)', () => {
    // Configuration files that go on alike past the notice their passages hold, into a paragraph's
    // second sentence, each then naming its own folder.
    const notice =
      'This file is part of the suite, which is free software: you can redistribute it and modify it under the terms of the licence as published by its authors, either version two or any later version.'
    const texts = ['alpha', 'beta'].map(
      (name) => `${notice} Entries in this file show the compiled defaults. Local settings should be made in the ${name} folder.`,
    )
    const docs = analysed(...texts)
    const last = docs[0].starts.findIndex((s) => s === texts[0].indexOf('version.'))
    const out = extendAlike(
      [0, 1].map((doc) => ({ doc, start: 0, end: last })),
      docs,
    )
    // Through the sentence after the notice (its stop aside), not into the next one.
    for (const p of out)
      expect(texts[p.doc].slice(docs[p.doc].starts[p.start], docs[p.doc].ends[p.end])).toBe(
        `${notice} Entries in this file show the compiled defaults`,
      )
  })

  it('extends backwards the same way', () => {
    const texts = ['x y z a b c d e f', 'q y z a b c d e f', 'p w z a b c d e f']
    const out = extendAlike(
      [0, 1, 2].map((doc) => ({ doc, start: 3, end: 8 })),
      docsOf(texts),
    )
    expect(out.map((p) => words(texts, p))).toEqual(['y z a b c d e f', 'y z a b c d e f', 'z a b c d e f'])
  })

  it('does not extend through a repetition inside one document', () => {
    const texts = ['a b c d e f g h a b c d e f g h', 'a b c d e z z z']
    const out = extendAlike(
      [
        { doc: 0, start: 0, end: 4 },
        { doc: 0, start: 8, end: 12 },
        { doc: 1, start: 0, end: 4 },
      ],
      docsOf(texts),
    )
    expect(out.map((p) => [p.doc, p.start, p.end])).toEqual([
      [0, 0, 4],
      [0, 8, 12],
      [1, 0, 4],
    ])
  })

  it('needs the edges to agree on EDGE_CONTEXT words and extends by at most MAX_EXTENSION', () => {
    const tail = Array.from({ length: MAX_EXTENSION + 10 }, (_, i) => `t${i}`).join(' ')
    // Passages as long as MAX_EXTENSION, so that their own length does not bound the extension.
    const head = (w: string) => Array.from({ length: MAX_EXTENSION - 1 }, (_, i) => `${w}${i}`).join(' ')
    // Documents 0 and 1 end their passages on the same words; document 2 on the same last word
    // only, at another place of the text.
    const texts = [`${head('a')} e ${tail}`, `${head('a')} e ${tail}`, `${head('k')} e ${tail}`]
    const last = MAX_EXTENSION - 1
    const out = extendAlike(
      [
        { doc: 0, start: 0, end: last },
        { doc: 1, start: 0, end: last },
        { doc: 2, start: 0, end: last },
      ],
      docsOf(texts),
    )
    expect(EDGE_CONTEXT).toBeGreaterThan(1)
    expect(out.map((p) => p.end)).toEqual([last + MAX_EXTENSION, last + MAX_EXTENSION, last])
  })

  it('extends a passage by at most as many words as it has, so that the words all share stay most of it', () => {
    // A six-word phrase that two documents go on with alike for twenty more words at each side.
    const before = Array.from({ length: 20 }, (_, i) => `b${i}`).join(' ')
    const after = Array.from({ length: 20 }, (_, i) => `t${i}`).join(' ')
    const texts = [`${before} p q r s u v ${after}`, `x ${before} p q r s u v ${after}`]
    const out = extendAlike(
      [
        { doc: 0, start: 20, end: 25 },
        { doc: 1, start: 21, end: 26 },
      ],
      docsOf(texts),
    )
    expect(SAME_PASSAGE_SHARE).toBe(0.5)
    // Six words given, after the end first: the phrase is at least half of each passage.
    expect(out.map((p) => [p.start, p.end])).toEqual([
      [20, 31],
      [21, 32],
    ])
  })

  it('ends an extension cut short by that bound at the last sentence end within it, not on the word the bound falls on', () => {
    // A six-word phrase; after it the two documents go on alike with a sentence of four words and
    // then twenty more: six words would end inside the second sentence. (Analysed as the engine
    // does, so that the full stop is between tokens.)
    const after = Array.from({ length: 20 }, (_, i) => `t${i}`).join(' ')
    const texts = [`a b c d p q r s u v w0 w1 w2 w3. Then ${after}`, `e f g h p q r s u v w0 w1 w2 w3. Then ${after}`]
    const analysed = (texts: string[]) =>
      analyse(
        texts.map((text, i) => ({ id: String(i), text })),
        false,
        new Run({}),
      ).docs
    const passages = () => [
      { doc: 0, start: 4, end: 9 },
      { doc: 1, start: 4, end: 9 },
    ]
    const docs = analysed(texts)
    const shown = (p: { doc: number; start: number; end: number }) =>
      texts[p.doc].slice(docs[p.doc].starts[p.start], docs[p.doc].ends[p.end])
    expect(extendAlike(passages(), docs).map(shown)).toEqual(['p q r s u v w0 w1 w2 w3', 'p q r s u v w0 w1 w2 w3'])
    // Where no sentence ends within the bound, to the bound; a line break before a comment
    // block's next line (" * ") is no sentence's end.
    const comment = analysed(texts.map((t) => t.replace('w3. Then', 'w3\n * then')))
    expect(extendAlike(passages(), comment).map((p) => [p.start, p.end])).toEqual([
      [4, 15],
      [4, 15],
    ])
    const unbroken = analysed(texts.map((t) => t.replace('w3. Then', 'w3 then')))
    expect(extendAlike(passages(), unbroken).map((p) => [p.start, p.end])).toEqual([
      [4, 15],
      [4, 15],
    ])
  })

  it("takes into the next paragraph only its whole sentences, not a heading and its sentence's first words", () => {
    const text = (page: string) =>
      `${page}. p q r s u v x1 x2 x3 x4 x5 x6 w0 w1 w2 w3.\n\nDIAGNOSTICS\nIn case of difficulty see ${page} and the rest.`
    const texts = [text('alpha'), text('beta')]
    const docs = analyse(
      texts.map((text, i) => ({ id: String(i), text })),
      false,
      new Run({}),
    ).docs
    // The phrase's twelve tokens, after the page's name: room for ten more.
    const passages = [
      { doc: 0, start: 1, end: 12 },
      { doc: 1, start: 1, end: 12 },
    ]
    const shown = (p: { doc: number; start: number; end: number }) =>
      texts[p.doc].slice(docs[p.doc].starts[p.start], docs[p.doc].ends[p.end])
    const phrase = 'p q r s u v x1 x2 x3 x4 x5 x6 w0 w1 w2 w3'
    expect(extendAlike(passages, docs).map(shown)).toEqual([phrase, phrase])
  })

  it('merges passages of one document that come to overlap', () => {
    const texts = ['a b c d e f g h i j', 'a b c d e f g h i j']
    const out = extendAlike(
      [
        { doc: 0, start: 0, end: 4 },
        { doc: 0, start: 6, end: 9 },
        { doc: 1, start: 0, end: 4 },
        { doc: 1, start: 6, end: 9 },
      ],
      docsOf(texts),
    )
    expect(out).toEqual([
      { doc: 0, start: 0, end: 9 },
      { doc: 1, start: 0, end: 9 },
    ])
  })
  it('extends every copy of a line one document repeats, however many, by what another document goes on with', () => {
    // Document 0 repeats the stock line forty times, each copy going on "date wed jun 17"; its
    // keys sort side by side, and only the copies at the end of that run have document 1's key
    // next to them. All forty share those words with document 1's copy.
    const texts = [
      Array.from({ length: 40 }, (_, k) => `entry${k} ${STOCK} date wed jun 17 x${k}`).join(' '),
      `other ${STOCK} date wed jun 17 16 59`,
    ]
    const docs = docsOf(texts)
    const line = STOCK.split(' ').length
    const passages = Array.from({ length: 40 }, (_, k) => ({ doc: 0, start: k * (line + 6) + 1, end: k * (line + 6) + line }))
    passages.push({ doc: 1, start: 1, end: line })
    const out = extendAlike(passages, docs)
    expect(out).toHaveLength(41)
    for (const p of out) expect(words(texts, p)).toBe(`${STOCK} date wed jun 17`)
  })

  it('extends as the extension that read each word through its passage did, for any passages', () => {
    // Few distinct words, so that keys agree long and often; passages of up to four documents,
    // some copies of others, some near the documents' edges.
    const input = fc
      .array(fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 120 }), { minLength: 2, maxLength: 4 })
      .chain((texts) =>
        fc.tuple(
          fc.constant(docsOf(texts.map((t) => t.map((w) => `w${w}`).join(' ')))),
          fc.array(
            fc
              .nat(texts.length - 1)
              .chain((doc) =>
                fc
                  .tuple(fc.nat(texts[doc].length - 1), fc.nat(texts[doc].length - 1))
                  .map(([x, y]) => ({ doc, start: Math.min(x, y), end: Math.max(x, y) })),
              ),
            { minLength: 2, maxLength: 12 },
          ),
        ),
      )
    fc.assert(
      fc.property(input, ([docs, passages]) => {
        const copy = passages.map((p) => ({ ...p }))
        expect(extendAlike(passages, docs)).toEqual(referenceExtendAlike(copy, docs))
      }),
      { numRuns: 500 },
    )
  })
})

/** extendAlike as it was at f0242d2: each comparison read its words through the passage and document. */
function referenceExtendAlike(passages: { doc: number; start: number; end: number }[], docs: readonly { match: Uint32Array }[]) {
  const ends = referenceEdges(passages, docs, 1)
  const starts = referenceEdges(passages, docs, -1)
  passages.forEach((p, i) => {
    const room = Math.floor((p.end - p.start + 1) * (1 / SAME_PASSAGE_SHARE - 1))
    const after = Math.min(ends[i], room)
    p.end += after
    p.start -= Math.min(starts[i], room - after)
  })
  return mergePassages(passages)
}

function referenceEdges(
  passages: readonly { doc: number; start: number; end: number }[],
  docs: readonly { match: Uint32Array }[],
  dir: 1 | -1,
) {
  const out = new Int32Array(passages.length)
  const keys = EDGE_SHIFTS + 1
  const limit = EDGE_CONTEXT + EDGE_SHIFTS + MAX_EXTENSION
  const inside = (q: number): number => EDGE_CONTEXT + (q % keys)
  const origins = new Int32Array(passages.length * keys)
  const order: number[] = []
  passages.forEach((p, i) => {
    for (let j = 0; j < keys; j++) {
      const q = i * keys + j
      if (p.end - p.start + 1 < inside(q)) break
      origins[q] = dir === 1 ? p.end - inside(q) + 1 : p.start + inside(q) - 1
      order.push(q)
    }
  })
  const at = (q: number, k: number): number => {
    const match = docs[passages[(q / keys) | 0].doc].match
    const t = origins[q] + dir * k
    return t >= 0 && t < match.length ? match[t] : -1
  }
  const docOf = (q: number): number => passages[(q / keys) | 0].doc
  order.sort((x, y) => {
    for (let k = 0; k < limit; k++) {
      const u = at(x, k)
      const v = at(y, k)
      if (u !== v) return u - v
      if (u < 0) break
    }
    return x - y
  })
  const common = (x: number, y: number): number => {
    let k = 0
    while (k < limit && at(x, k) >= 0 && at(x, k) === at(y, k)) k++
    return k
  }
  const lcp = new Int32Array(order.length)
  for (let r = 1; r < order.length; r++) lcp[r] = common(order[r - 1], order[r])
  const extend = (q: number, o: number, shared: number): void => {
    if (shared < inside(q) || shared < inside(o)) return
    const i = (q / keys) | 0
    out[i] = Math.max(out[i], Math.min(MAX_EXTENSION, shared - inside(q)))
  }
  let other = -1
  let run = 0
  for (let r = 1; r < order.length; r++) {
    if (docOf(order[r - 1]) !== docOf(order[r])) {
      other = r - 1
      run = lcp[r]
    } else run = Math.min(run, lcp[r])
    if (other >= 0) extend(order[r], order[other], run)
  }
  other = -1
  for (let r = order.length - 2; r >= 0; r--) {
    if (docOf(order[r + 1]) !== docOf(order[r])) {
      other = r + 1
      run = lcp[r + 1]
    } else run = Math.min(run, lcp[r + 1])
    if (other >= 0) extend(order[r], order[other], run)
  }
  return out
}
