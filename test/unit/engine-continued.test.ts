import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { PairPassage } from '../../main/core/engine/cluster.js'
import { joinContinued, MAX_INSERTED_SHARE, MAX_LEAD_TOKENS, startsWithCopy, type Succession } from '../../main/core/engine/continued.js'
import { mergePassages } from '../../main/core/engine/extend.js'
import { findOverlaps } from '../../main/core/engine/overlaps.js'
import { analysed } from '../helpers.js'
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

describe('a text one document holds twice, the first copy cut short', () => {
  it('is two passages of that document, neither said to be deleted (a reviewer of npm READMEs: is-extglob quoting is-glob)', () => {
    // A generated list of related projects quotes a description cut short, then whole in the
    // link's title: the two copies were one passage, the first shown as deleted from is-glob's.
    const description =
      'Returns `true` if the given string looks like a glob pattern or an extglob pattern. This makes it easy to create code that only uses external modules like node-glob when necessary, resulting in much faster code execution and initialization time, and a better user experience.'
    const cut = description.slice(0, description.indexOf('.'))
    const documents = [
      {
        id: 'is-extglob',
        text: `# is-extglob\n\n## Related projects\n\n* [is-glob](https://www.npmjs.com/package/is-glob): ${cut}… [more](https://github.com/jonschlinkert/is-glob) | [homepage](https://github.com/jonschlinkert/is-glob "${description}")\n* [micromatch](https://www.npmjs.com/package/micromatch): Glob matching for javascript and node.js.\n`,
      },
      { id: 'is-glob', text: `# is-glob\n\n> ${description}\n\nCheck if a string is a glob pattern.\n` },
    ]
    const { overlaps } = findOverlaps(documents)
    const holders = overlaps.filter((o) => o.passages.some((p) => p.doc === 'is-glob' && p.text.includes(cut)))
    expect(holders.length).toBeGreaterThan(0)
    for (const o of holders) {
      // Each passage holds one copy; no change deletes or inserts a copy.
      for (const p of o.passages) expect(p.text.split('Returns `true`')).toHaveLength(2)
      for (const v of o.variants) for (const c of v.changes ?? []) expect(c.op === 'equal' || !(c.a + c.b).includes('Returns')).toBe(true)
    }
    // The whole description is in an overlap of its own, word for word.
    expect(holders.some((o) => o.kind === 'verbatim' && o.passages.every((p) => p.text.includes('code execution')))).toBe(true)
  })
})

describe('joinContinued', () => {
  /** joinContinued where no passage holds a copy of another (startsWithCopy: no texts here). */
  const joinApart = <C extends Parameters<typeof joinContinued>[0][number]>(clusters: C[]): C[] => joinContinued(clusters, () => false)
  /** A cluster of passages [doc, start, end]. */
  const cluster = (pairs: number[], ...spans: [number, number, number][]) => ({
    pairs,
    passages: spans.map(([doc, start, end]): PairPassage => ({ doc, start, end })),
  })

  it('joins a head that goes on into Y in one document and stands before it in another, the text between an insertion', () => {
    // Two copies of Python's licence, one with a list of years inserted ("2001, 2002, 2003, 2004"
    // against "2001, ..., 2014"): their pair is the head and the rest, and no passage holds both
    // (a reviewer of Debian's copyright files: two verbatim overlaps of the same two documents).
    const joinWith = (succession: Succession, gap: number) =>
      joinContinued([cluster([0], [0, 10, 49], [1, 10, 49]), cluster([1], [0, 50, 120], [1, 50 + gap, 120 + gap])], () => false, succession)
    const goesOn = (x: PairPassage, y: PairPassage) => y.start === x.end + 1
    const inserted: Succession = { goesOn, breaksBetween: () => false }
    const joined = joinWith(inserted, Math.floor(MAX_INSERTED_SHARE * 40))
    expect(joined).toHaveLength(1)
    expect(joined[0].passages).toEqual([
      { doc: 0, start: 10, end: 120 },
      { doc: 1, start: 10, end: 120 + Math.floor(MAX_INSERTED_SHARE * 40) },
    ])
    expect(joined[0].pairs).toEqual([1, 0])
    // Not where the text between is longer than MAX_INSERTED_SHARE of X, or holds a paragraph
    // break (items a manual lists between two its page lists one after the other), nor where
    // the text goes on in no document.
    expect(joinWith(inserted, Math.floor(MAX_INSERTED_SHARE * 40) + 1)).toHaveLength(2)
    expect(joinWith({ goesOn, breaksBetween: () => true }, 4)).toHaveLength(2)
    expect(joinWith({ goesOn: () => false, breaksBetween: () => false }, 4)).toHaveLength(2)
    expect(joinApart([cluster([0], [0, 10, 49], [1, 10, 49]), cluster([1], [0, 50, 120], [1, 54, 124])])).toHaveLength(2)
  })

  it('joins a head inside the others at their start and before the third, Y reaching back', () => {
    const y = cluster([0], [0, 40, 200], [1, 0, 180], [2, 0, 181])
    const x = cluster([1], [0, 0, 30], [1, 0, 30], [2, 2, 31])
    const out = joinApart([y, x])
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
    expect(joinApart([y, x])).toEqual([y])
    expect(y.passages[0]).toEqual({ doc: 0, start: 0, end: 160 })
  })

  it('joins at the bounds: the text between as long as X, X as far into Y as MAX_LEAD_TOKENS', () => {
    // X's passage in document 0 holds 31 tokens; 31 between it and Y's.
    const gap = joinApart([cluster([0], [0, 62, 200], [1, 0, 180]), cluster([1], [0, 0, 30], [1, 0, 30])])
    expect(gap).toHaveLength(1)
    expect(gap[0].passages[0]).toEqual({ doc: 0, start: 0, end: 200 })
    const lead = joinApart([cluster([0], [0, 40, 200], [1, 0, 180]), cluster([1], [0, 0, 30], [1, MAX_LEAD_TOKENS, 30])])
    expect(lead).toHaveLength(1)
  })

  it('leaves apart what is not one text going on', () => {
    const y = () => cluster([0], [0, 40, 200], [1, 0, 180])
    // Before Y in every document: two texts one after the other.
    expect(joinApart([cluster([0], [0, 40, 200], [1, 50, 180]), cluster([1], [0, 0, 30], [1, 0, 30])])).toHaveLength(2)
    // All inside Y: an overlap inside another (contained.ts), not this.
    expect(joinApart([cluster([0], [0, 0, 200], [1, 0, 180]), cluster([1], [0, 0, 30], [1, 0, 30])])).toHaveLength(2)
    // Inside Y but in its middle, past MAX_LEAD_TOKENS: the texts are in another order there.
    expect(joinApart([y(), cluster([1], [0, 0, 30], [1, MAX_LEAD_TOKENS + 1, 40])])).toHaveLength(2)
    // More text between than X's passage there: another text between.
    expect(joinApart([cluster([0], [0, 63, 200], [1, 0, 180]), cluster([1], [0, 0, 30], [1, 0, 30])])).toHaveLength(2)
    // X reaching over Y's passage there: no text going on from X into Y.
    expect(joinApart([cluster([0], [0, 10, 20], [1, 0, 180]), cluster([1], [0, 0, 30], [1, 0, 30])])).toHaveLength(2)
    // X with two passages in a document, Y with two, or X not in Y's documents.
    expect(joinApart([y(), cluster([1], [0, 0, 30], [1, 0, 30], [1, 40, 60])])).toHaveLength(2)
    expect(
      joinApart([cluster([0], [0, 40, 200], [1, 0, 60], [1, 70, 180]), cluster([1], [0, 0, 30], [1, 0, 30], [2, 0, 30])]),
    ).toHaveLength(2)
    expect(joinApart([y(), cluster([1], [0, 0, 30], [1, 0, 30], [2, 0, 30])])).toHaveLength(2)
    // Two passages of X in one document, each at Y's start there; Y in a document X is not in.
    const three = () => cluster([0], [0, 40, 200], [1, 0, 180], [2, 0, 180])
    expect(joinApart([three(), cluster([1], [0, 0, 30], [1, 0, 2], [1, 4, 6])])).toHaveLength(2)
    expect(joinApart([three(), cluster([1], [0, 0, 30], [1, 0, 30])])).toHaveLength(2)
  })

  it('joins no head or tail whose words the other passage already opens or closes with there (startsWithCopy)', () => {
    const y = () => cluster([0], [0, 0, 100], [1, 0, 180])
    const tail = () => cluster([1], [0, 120, 160], [1, 150, 180])
    // Asked of the side read (1: Y closes with X's words in document 0), it keeps them apart.
    expect(joinContinued([y(), tail()], (_x, _y, side) => side === 1)).toHaveLength(2)
    expect(joinContinued([y(), tail()], (_x, _y, side) => side === -1)).toHaveLength(1)
    const [doc] = analysed('Alpha beta gamma delta. Epsilon zeta eta. Alpha beta gamma delta. Alpha beta gamma omega theta.')
    const at = (word: string, from = 0) => doc.starts.findIndex((s, t) => t >= from && doc.text.startsWith(word, s))
    const holds = startsWithCopy([doc])
    const head = { doc: 0, start: 0, end: at('delta') }
    // Closing with all of its words (side 1); opening with other words (side -1).
    const closing = { doc: 0, start: at('Epsilon'), end: at('delta', at('Epsilon')) }
    expect(holds(head, closing, 1)).toBe(true)
    expect(holds(head, closing, -1)).toBe(false)
    // Its words but the last: no copy.
    const almost = { doc: 0, start: at('Alpha', at('Epsilon') + 5), end: at('theta') }
    expect(holds(head, almost, -1)).toBe(false)
    // Exactly its words: a copy; a passage of no content word holds none.
    expect(holds(head, { doc: 0, start: at('Alpha', 3), end: at('delta', at('Epsilon')) }, -1)).toBe(true)
    expect(holds({ doc: 0, start: at('Alpha'), end: at('Alpha') - 1 }, closing, -1)).toBe(false)
  })

  it('joins nothing to a cluster joined to another, and loses no pair so', () => {
    // Y goes on into Z and is joined to it first; X would go on into Y, and goes into Z.
    const y = cluster([0], [0, 100, 140], [1, 100, 140], [2, 100, 140])
    const z = cluster([1], [0, 100, 300], [1, 150, 300], [2, 100, 300])
    const x = cluster([2], [0, 100, 110], [1, 100, 110], [2, 80, 95])
    const out = joinApart([y, z, x])
    expect(out).toEqual([z])
    expect(z.pairs).toEqual([1, 0, 2])
    expect(z.passages.map((p) => p.start)).toEqual([100, 100, 80])
  })

  it('joins no head that most documents have apart from the rest (a reviewer: six copies, each a paragraph of its own between)', () => {
    // Documents 0 and 1 hold the head and the rest one after the other; 2 to 7 a paragraph of
    // their own between: the head is a text all eight share, the paragraphs no edits of each other.
    const spans = (from: number, to: number, shift: (d: number) => number): [number, number, number][] =>
      Array.from({ length: 8 }, (_, d) => [d, from + shift(d), to + shift(d)])
    const own = (d: number) => (d < 2 ? 0 : 40)
    const rest = cluster([0], ...spans(0, 100, own).map(([d, s, e]): [number, number, number] => [d, d < 2 ? 0 : s + 40, e + 40]))
    const head = cluster([1], ...spans(0, 39, () => 0))
    expect(joinApart([rest, head])).toHaveLength(2)
    // With one such document of three, the one edited copy: joined.
    const three = cluster([0], [0, 0, 140], [1, 0, 140], [2, 80, 180])
    expect(joinApart([three, cluster([1], [0, 0, 39], [1, 0, 39], [2, 0, 39])])).toHaveLength(1)
  })

  it('finds Y at its end however many passages lie inside it (a reviewer: 63 small overlaps inside a long one)', () => {
    const inner = Array.from({ length: 80 }, (_, k) => cluster([100 + k], [0, 10 * k, 10 * k + 5], [1, 10 * k, 10 * k + 5]))
    const y = cluster([0], [0, 0, 1000], [1, 0, 900])
    const x = cluster([1], [0, 980, 1000], [1, 905, 925])
    const out = joinApart([y, ...inner, x])
    expect(out).not.toContain(x)
    expect(y.passages[1]).toEqual({ doc: 1, start: 0, end: 925 })
  })

  it('loses no pair and no passage, and leaves each cluster’s passages sorted and apart (property)', () => {
    const span = fc
      .tuple(fc.nat(2), fc.nat(80), fc.nat(40))
      .map(([doc, start, length]): PairPassage => ({ doc, start, end: start + length }))
    fc.assert(
      fc.property(fc.array(fc.array(span, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 8 }), (lists) => {
        const clusters = lists.map((list, k) => ({ pairs: [k], passages: mergePassages(list.map((p) => ({ ...p }))) }))
        const before = clusters.map((c) => c.passages.map((p) => ({ ...p })))
        const out = joinApart(clusters)
        expect(out.flatMap((c) => c.pairs).sort((a, b) => a - b)).toEqual(clusters.map((_, k) => k))
        before.forEach((passages, k) => {
          const holder = out.find((c) => c.pairs.includes(k))!
          for (const p of passages) expect(holder.passages.some((q) => q.doc === p.doc && q.start <= p.start && q.end >= p.end)).toBe(true)
        })
        for (const c of out)
          c.passages.forEach((p, i) => {
            const q = c.passages[i - 1]
            if (q) expect(q.doc < p.doc || (q.doc === p.doc && q.end < p.start)).toBe(true)
          })
      }),
    )
  })
})
