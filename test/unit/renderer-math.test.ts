import { describe, expect, it } from 'vitest'
import type { DocumentSummary, OverlapsView } from '../../main/core/contract/api.js'
import type { Overlap, OverlapPassage } from '../../main/core/engine/overlaps.js'
import type { SourcedOverlap } from '../../main/core/reuse/imported.js'
import { matrixLayout, overlapMatrix, shareText, shortLabel, similarityOrder } from '../../renderer/compare/matrix-layout.js'
import { matrixDocuments, sharedPairs } from '../../renderer/compare/matrix-pairs.js'
import {
  DUPLICATES_TOP,
  filterFor,
  filterOverlaps,
  hideBoilerplateByDefault,
  hideDuplicatesByDefault,
  NO_FILTER,
} from '../../renderer/compare/overlap-filter.js'
import { follow, interpolate, MAX_SYNC_RATE, monotonic, nearby, strength } from '../../renderer/compare/scroll-sync.js'
import { HEAT_RESOLUTION, heatMarks } from '../../renderer/compare/heat-strip.js'

// The renderer's pure math, without a DOM: synchronised scrolling, the overlap list's filters and
// the overlap matrix.

function overlap(
  id: string,
  kind: Overlap['kind'],
  score: number,
  passages: OverlapPassage[],
  source: SourcedOverlap['source'] = 'parallax',
): SourcedOverlap {
  const pairKinds = { verbatim: 0, variant: 0, paraphrase: 0, [kind]: 1 }
  return { id, kind, score, words: 10, similarity: 1, passages, variants: [], pairKinds, boilerplate: false, source }
}
const p = (doc: string, start: number, end: number, text = 'shared words'): OverlapPassage => ({ doc, start, end, text })

describe('synchronised scrolling', () => {
  it('maps through anchor pairs piecewise-linearly, and by offset outside them', () => {
    const anchors: [number, number][] = [
      [100, 200],
      [300, 600],
    ]
    expect(interpolate(anchors, 100)).toBe(200)
    expect(interpolate(anchors, 200)).toBe(400)
    expect(interpolate(anchors, 300)).toBe(600)
    expect(interpolate(anchors, 50)).toBe(150)
    expect(interpolate(anchors, 400)).toBe(700)
    expect(interpolate([], 123)).toBe(123)
  })

  it('jumps at an anchor of zero width instead of dividing by zero', () => {
    expect(
      interpolate(
        [
          [0, 0],
          [100, 100],
          [100, 500],
        ],
        100,
      ),
    ).toBe(100)
  })

  it('never maps a lower position of one pane below a higher one (monotonic)', () => {
    const kept = monotonic([
      [0, 0],
      [300, 100],
      [100, 400],
      [200, 500],
      [400, 600],
    ])
    expect(kept).toEqual([
      [0, 0],
      [100, 400],
      [200, 500],
      [400, 600],
    ])
    for (let k = 1; k < kept.length; k++) {
      expect(kept[k][0]).toBeGreaterThanOrEqual(kept[k - 1][0])
      expect(kept[k][1]).toBeGreaterThanOrEqual(kept[k - 1][1])
    }
  })

  it('keeps the longest run of passages in order, not the first one found (one moved far away drops out)', () => {
    const moved: [number, number][] = [
      [0, 0],
      [100, 900],
      [200, 100],
      [300, 200],
      [400, 300],
      [1000, 1000],
    ]
    expect(monotonic(moved)).toEqual([
      [0, 0],
      [200, 100],
      [300, 200],
      [400, 300],
      [1000, 1000],
    ])
  })

  // Heights in two panes (px) of the tops and ends of the passages two texts share, as a tester
  // had them: the last two passages of the first text (from 9,980 px) are near the start of the
  // second; the panes are lined up on the first of them (9,980 ↔ 200).
  const reordered: [number, number][] = [
    [845, 423],
    [1194, 748],
    [5580, 3104],
    [5626, 3220],
    [9980, 200],
    [10010, 240],
    [10300, 500],
    [10400, 600],
  ]

  it('moves another pane a small, corresponding amount on a small scroll, from where it is', () => {
    // A map through all the passages put the other pane some 3,000 px on, off the passage.
    expect(interpolate(monotonic(reordered), 10_080)).toBeGreaterThan(3000)
    const moved = follow(reordered, 9980, 10_080, 200) - 200
    expect(moved).toBeGreaterThan(50)
    expect(moved).toBeLessThan(150)
    // Back up by as much: back where it was.
    expect(follow(reordered, 10_080, 9980, 200 + moved)).toBeCloseTo(200, 0)
    // Past the last passage that agrees with where the panes are: px for px.
    expect(follow(reordered, 10_400, 10_500, 600)).toBe(700)
  })

  it('follows the map through the passages where the panes are on it', () => {
    const inOrder: [number, number][] = [
      [0, 0],
      [100, 200],
      [300, 600],
      [1000, 1300],
    ]
    expect(follow(inOrder, 100, 150, 200)).toBe(interpolate(inOrder, 150))
    expect(follow(inOrder, 150, 100, 300)).toBe(200)
    expect(follow(inOrder, 300, 500, 600)).toBe(interpolate(inOrder, 500))
  })

  it('never moves another pane more than MAX_SYNC_RATE times as far as the scrolled one', () => {
    const steep: [number, number][] = [
      [0, 0],
      [1000, 1000],
      [1010, 5000],
      [2000, 6000],
    ]
    expect(follow(steep, 1000, 1020, 1000)).toBe(1000 + 20 * MAX_SYNC_RATE)
    expect(follow(steep, 1020, 1000, 1060)).toBe(1060 - 20 * MAX_SYNC_RATE)
  })

  it('grades highlights by score against the best', () => {
    expect([strength(10, 10), strength(5, 10), strength(3, 10), strength(1, 10), strength(1, 0)]).toEqual([3, 2, 2, 1, 1])
  })
})

describe('passages anchoring the synchronised scroll', () => {
  const starts = [10, 20, 30, 40, 50, 60]
  it('takes up to n passages at or before the line and n after it', () => {
    expect(nearby(starts, 35, 2)).toEqual([1, 5])
    expect(nearby(starts, 30, 2)).toEqual([1, 5])
  })
  it('clamps at both ends and before the first passage', () => {
    expect(nearby(starts, 5, 2)).toEqual([0, 2])
    expect(nearby(starts, 12, 2)).toEqual([0, 3])
    expect(nearby(starts, 99, 2)).toEqual([4, 6])
    expect(nearby([], 10, 2)).toEqual([0, 0])
  })
})

describe('heat strip', () => {
  const passage = (start: number, end: number, kind = 'quotation', overlap = `o${start}`) => ({ start, end, kind, overlap })

  it('merges passages of one kind closer than the strip can show apart, keeping kinds apart', () => {
    const length = 100_000
    const near = HEAT_RESOLUTION * length - 1
    const marks = heatMarks(
      [passage(0, 100), passage(100 + near, 300), passage(50_000, 50_100), passage(150, 250, 'paraphrase')],
      length,
      null,
    )
    expect(marks).toEqual([
      { top: 0, height: 0.003, kind: 'quotation', overlap: 'o0', selected: false },
      { top: 0.0015, height: 0.001, kind: 'paraphrase', overlap: 'o150', selected: false },
      { top: 0.5, height: 0.001, kind: 'quotation', overlap: 'o50000', selected: false },
    ])
  })

  it('gives the selected overlap marks of its own, drawn last', () => {
    const marks = heatMarks(
      [passage(0, 100, 'quotation', 'a'), passage(120, 200, 'quotation', 'b'), passage(150, 160, 'quotation', 'a')],
      1000,
      'a',
    )
    expect(marks.map((m) => [m.overlap, m.selected, m.top])).toEqual([
      ['b', false, 0.12],
      ['a', true, 0],
      ['a', true, 0.15],
    ])
  })

  it('draws passages farther apart than the resolution as marks of their own', () => {
    const length = 10_000
    const far = HEAT_RESOLUTION * length + 1
    expect(heatMarks([passage(0, 10), passage(10 + far, 30)], length, null)).toHaveLength(2)
  })
})

describe('overlap filters', () => {
  const list = [
    overlap('a', 'verbatim', 9, [p('one', 0, 10, 'The Café opened'), p('two', 5, 15, 'the cafe opened')]),
    overlap('b', 'paraphrase', 4, [p('two', 20, 30), p('three', 0, 10)]),
    overlap('c', 'variant', 1, [p('one', 40, 50), p('three', 20, 30)]),
    overlap('passim-9007199254740993', 'variant', 30, [p('one', 60, 70), p('two', 60, 70)], 'passim'),
  ]
  const none = { source: '', kind: '', minScore: 0, doc: '', text: '' }
  const ids = (f: Partial<typeof none>) => filterOverlaps(list, { ...none, ...f }).map((o) => o.id)

  it('keeps everything without a filter, in rank order', () => expect(ids({})).toEqual(['a', 'b', 'c', 'passim-9007199254740993']))
  it('by source', () => {
    expect(ids({ source: 'passim' })).toEqual(['passim-9007199254740993'])
    expect(ids({ source: 'parallax' })).toEqual(['a', 'b', 'c'])
    expect(ids({ source: 'textpair' })).toEqual([])
  })
  it('by kind', () => expect(ids({ kind: 'paraphrase' })).toEqual(['b']))
  it('by minimum score', () => expect(ids({ minScore: 4 })).toEqual(['a', 'b', 'passim-9007199254740993']))
  it('by document', () => expect(ids({ doc: 'three' })).toEqual(['b', 'c']))
  it('by text, ignoring case and accents', () => expect(ids({ text: '  CAFÉ ' })).toEqual(['a']))
  it('by all at once', () => expect(ids({ doc: 'one', minScore: 2, kind: 'verbatim' })).toEqual(['a']))
  it('hiding boilerplate', () => {
    const marked = list.map((o) => ({ ...o, boilerplate: o.id === 'b' }))
    expect(filterOverlaps(marked, { ...none, hideBoilerplate: true }).map((o) => o.id)).toEqual(['a', 'c', 'passim-9007199254740993'])
    expect(filterOverlaps(marked, { ...none, hideBoilerplate: false }).map((o) => o.id)).toEqual(['a', 'b', 'c', 'passim-9007199254740993'])
  })
  it('hides boilerplate by default only when it is a third of the list or more', () => {
    const of = (flags: boolean[]) => flags.map((boilerplate) => ({ boilerplate }))
    expect(hideBoilerplateByDefault([])).toBe(false)
    expect(hideBoilerplateByDefault(of([false, false, false]))).toBe(false)
    expect(hideBoilerplateByDefault(of([true, false, false, false]))).toBe(false)
    expect(hideBoilerplateByDefault(of([true, false, false]))).toBe(true)
    expect(hideBoilerplateByDefault(of([true, true]))).toBe(true)
    expect(hideBoilerplateByDefault([{}, {}])).toBe(false)
  })
  it('hiding duplicate documents', () => {
    const marked = list.map((o) => ({ ...o, duplicate: o.id === 'a' }))
    expect(filterOverlaps(marked, { ...none, hideDuplicates: true }).map((o) => o.id)).toEqual(['b', 'c', 'passim-9007199254740993'])
    expect(filterOverlaps(marked, { ...none, hideDuplicates: false }).map((o) => o.id)).toEqual(['a', 'b', 'c', 'passim-9007199254740993'])
  })
  it('hides duplicates by default only when they are a third of the top of the list or more', () => {
    const of = (flags: boolean[]) => flags.map((duplicate) => ({ duplicate }))
    expect(hideDuplicatesByDefault([])).toBe(false)
    expect(hideDuplicatesByDefault(of([true, false, false, false]))).toBe(false)
    expect(hideDuplicatesByDefault(of([true, false, false]))).toBe(true)
    // 30 groups among 415 overlaps (7 %), 22 of them in the first 40: hidden.
    const debian = of([...Array(40)].map((_, i) => i % 2 === 0 || i < 4).concat(Array<boolean>(375).fill(false)))
    expect(hideDuplicatesByDefault(debian)).toBe(true)
    // As many at the bottom of the list: shown.
    expect(hideDuplicatesByDefault([...debian].reverse())).toBe(false)
    expect(DUPLICATES_TOP).toBe(40)
  })
  it("reads a hide the reader has not chosen by its default rule, the boilerplate's first", () => {
    // Two duplicates of seven: not a third; of the three left once boilerplate is hidden, two.
    const seven = list.concat(list.slice(0, 3)).map((o, i) => ({ ...o, id: `o${i}`, boilerplate: i >= 3, duplicate: i < 2 }))
    expect(filterFor(NO_FILTER, seven)).toMatchObject({ hideBoilerplate: true, hideDuplicates: true })
    expect(filterFor({ ...NO_FILTER, hideBoilerplate: false }, seven)).toMatchObject({ hideBoilerplate: false, hideDuplicates: false })
    expect(filterFor({ ...NO_FILTER, hideDuplicates: false }, seven)).toMatchObject({ hideBoilerplate: true, hideDuplicates: false })
    // A document chosen that the project no longer has filters nothing (a reviewer: "0 of N").
    expect(filterFor({ ...NO_FILTER, doc: 'gone' }, seven, new Set(['a', 'b'])).doc).toBe('')
    expect(filterFor({ ...NO_FILTER, doc: 'a' }, seven, new Set(['a', 'b'])).doc).toBe('a')
  })
})

describe('overlap matrix', () => {
  const view: OverlapsView = {
    overlaps: [
      overlap('a', 'verbatim', 9, [p('one', 0, 50), p('two', 0, 20)]),
      // Overlaps the first passage in "one": counted once in the share.
      overlap('b', 'variant', 5, [p('one', 25, 75), p('two', 50, 60), p('three', 0, 10)]),
    ],
    stats: {} as OverlapsView['stats'],
    lengths: { one: 100, two: 200, three: 50 },
  }

  it('is the share of the row text shared with the column, and the passages counted', () => {
    const m = overlapMatrix(sharedPairs(view), ['one', 'two', 'three'])
    expect(m[0][1]).toEqual({ share: 0.75, count: 2 })
    expect(m[1][0]).toEqual({ share: 30 / 200, count: 2 })
    expect(m[0][2]).toEqual({ share: 0.5, count: 1 })
    expect(m[2][0]).toEqual({ share: 0.2, count: 1 })
    expect(m[0][0]).toEqual({ share: 0, count: 0 })
  })

  it('counts an overlap once for each pair of its documents, however many passages each has in it (a tester: 6× one way, 5× the other)', () => {
    // "one" holds overlap a's text twice, with b's passage between the two.
    const repeated: OverlapsView = {
      ...view,
      overlaps: [
        overlap('a', 'verbatim', 9, [p('one', 0, 10), p('one', 40, 50), p('two', 0, 10)]),
        overlap('b', 'verbatim', 5, [p('one', 20, 30), p('two', 50, 60)]),
      ],
    }
    const m = overlapMatrix(sharedPairs(repeated), ['one', 'two'])
    expect(m[0][1].count).toBe(2)
    expect(m[1][0].count).toBe(2)
  })

  it('writes shares and labels the way the picture shows them', () => {
    expect([shareText(0), shareText(0.05), shareText(0.256), shareText(1)]).toEqual(['–', '5.0%', '26%', '100%'])
    expect(shortLabel({ author: 'Yang Yundong', outlet: '', title: 'T' })).toBe('Yang Yundong')
    expect(shortLabel({ author: '', outlet: 'Xinhua (Beijing), English', title: 'T' })).toBe('Xinhua')
    expect(shortLabel({ author: '', outlet: '', title: 'A very long title indeed' })).toBe('A very long …')
  })

  it('lays out one row and column per analysed document, strongest cell at 1', () => {
    const doc = (id: string): DocumentSummary =>
      ({ id, title: id.toUpperCase(), author: id, outlet: '', date: '', available: true, annotationCount: 0 }) as DocumentSummary
    const layout = matrixLayout([doc('one'), doc('unanalysed'), doc('two'), doc('three')], view)
    // In similarity order: "three" shares more with "one" than with "two".
    expect(layout.labels.map((l) => l.text)).toEqual(['three', 'one', 'two'])
    expect(layout.cells).toHaveLength(9)
    // Untitled by an author, documents that share a title are named with their files too (document-names.ts).
    const same = (id: string): DocumentSummary => ({ ...doc(id), author: '', title: 'Same', file: `${id}.txt` }) as DocumentSummary
    expect(matrixLayout([same('one'), same('two'), same('three')], view).labels.map((l) => l.name)).toEqual([
      'Same · three',
      'Same · one',
      'Same · two',
    ])
    expect(layout.height).toBe(layout.cells[8].y + layout.cells[8].size)
    // The picture holds the cells and the column labels; the row labels are beside it.
    expect(layout.width).toBe(layout.cells[8].x + layout.cells[8].size)
    expect(layout.labels.map((l) => l.row.y)).toEqual([0, 3, 6].map((i) => layout.cells[i].y))
    expect(Math.max(...layout.cells.map((c) => c.strength))).toBe(1)
    const self = layout.cells.filter((c) => c.self)
    expect(self.map((c) => [c.a, c.strength, c.value, c.label])).toEqual([
      ['three', 0, '', ''],
      ['one', 0, '', ''],
      ['two', 0, '', ''],
    ])
    const oneTwo = layout.cells.find((c) => c.a === 'one' && c.b === 'two')!
    expect([oneTwo.value, oneTwo.count, oneTwo.label]).toEqual(['75%', '2×', 'ONE and TWO: 75.0% shared, 2 passages'])
  })

  it('orders documents so that those sharing most are next to each other', () => {
    const cells = (rows: number[][]) => rows.map((r) => r.map((share) => ({ share, count: share ? 1 : 0 })))
    // Two pairs, listed interleaved: 0 and 2 share much, 1 and 3 share less, 2 and 1 a little.
    const values = cells([
      [0, 0, 0.6, 0],
      [0, 0, 0.05, 0.3],
      [0.5, 0.05, 0, 0],
      [0, 0.2, 0, 0],
    ])
    expect(similarityOrder(values)).toEqual([3, 1, 2, 0])
    // Nothing shared: project order kept.
    expect(
      similarityOrder(
        cells([
          [0, 0, 0],
          [0, 0, 0],
          [0, 0, 0],
        ]),
      ),
    ).toEqual([0, 1, 2])
    expect(similarityOrder([])).toEqual([])
  })

  it('shows at most twenty documents: those of the closest pairs, or one and those closest to it', () => {
    // Forty documents in twenty pairs, each pair's documents sharing a part of their text that
    // grows with the pair's number; document 0 also shares a little with every other document.
    const ids = Array.from({ length: 40 }, (_, i) => `d${i}`)
    const overlaps = Array.from({ length: 20 }, (_, k) =>
      overlap(`pair${k}`, 'verbatim', 1, [p(`d${2 * k}`, 0, 10 + k), p(`d${2 * k + 1}`, 0, 10 + k)]),
    )
    for (let i = 2; i < 40; i++) overlaps.push(overlap(`with0-${i}`, 'verbatim', 1, [p('d0', 100, 101), p(`d${i}`, 50, 50 + (i % 7))]))
    const many: OverlapsView = { overlaps, stats: {} as OverlapsView['stats'], lengths: Object.fromEntries(ids.map((id) => [id, 100])) }
    const pairs = sharedPairs(many)
    // The ten closest pairs (the highest numbers), in project order.
    expect(matrixDocuments(ids, pairs, null)).toEqual(ids.slice(20))
    // One document: it and the nineteen closest to it (most share little with d0).
    const around = matrixDocuments(ids, pairs, 'd0')
    expect(around).toHaveLength(20)
    expect(around.slice(0, 2)).toEqual(['d0', 'd1'])
    // A document sharing with few others: it and they (d39 with its pair, d38, and with d0).
    expect(matrixDocuments(ids, pairs, 'd39').sort()).toEqual(['d0', 'd38', 'd39'])
    // Twenty or fewer: all, whatever the focus.
    expect(matrixDocuments(ids.slice(0, 20), pairs, 'd3')).toEqual(ids.slice(0, 20))
    // The layout says how many it shows of how many, and around which document.
    const doc = (id: string): DocumentSummary =>
      ({ id, title: id, author: '', outlet: '', date: '', available: true, annotationCount: 0 }) as DocumentSummary
    const layout = matrixLayout(ids.map(doc), many, pairs, 'd0')
    expect([layout.labels.length, layout.analysed, layout.focus, layout.cells.length]).toEqual([20, 40, 'd0', 400])
    expect(matrixLayout(ids.map(doc), many)).toMatchObject({ analysed: 40, focus: null })
  })

  it('lays out the documents in similarity order, each label with its full title', () => {
    const doc = (id: string): DocumentSummary =>
      ({ id, title: `The long title of ${id}`, author: '', outlet: '', date: '', available: true, annotationCount: 0 }) as DocumentSummary
    // "three" shares nothing with "one", which shares most: it goes last though listed second.
    const layout = matrixLayout([doc('one'), doc('three'), doc('two')], {
      ...view,
      overlaps: [view.overlaps[0]],
    })
    // Columns cut short, rows whole (wrapped and cut where they are drawn).
    expect(layout.labels.map((l) => [l.text, l.name, l.title])).toEqual([
      ['The long tit…', 'The long title of one', 'The long title of one'],
      ['The long tit…', 'The long title of two', 'The long title of two'],
      ['The long tit…', 'The long title of three', 'The long title of three'],
    ])
    expect(layout.cells.filter((c) => c.self).map((c) => c.a)).toEqual(['one', 'two', 'three'])
    expect(layout.cells.find((c) => c.a === 'one' && c.b === 'two')).toMatchObject({ x: layout.cells[1].x, value: '50%' })
  })
})
