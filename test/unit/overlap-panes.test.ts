import { describe, expect, it } from 'vitest'
import { documentsToShow, overlapPanes, type PaneSlot } from '../../renderer/compare/overlap-panes.js'

// Which panes show an overlap's documents once it is chosen.

const app = (doc: string | null): PaneSlot => ({ doc, chosen: false })
const reader = (doc: string): PaneSlot => ({ doc, chosen: true })
const docsOf = (plan: { doc: string | null }[]) => plan.map((t) => t.doc)

describe('the panes an overlap opens in', () => {
  it('shows only its documents in place of an earlier overlap’s: the app’s other panes are used, then closed', () => {
    // The tester's five panes of a group of identical Boost files, then an overlap of three others:
    // two Boost panes stayed beside the three.
    const boost = ['b1', 'b2', 'b3', 'b4', 'b5'].map(app)
    const plan = overlapPanes(boost, ['gtk', 'icons', 'cache'], 3, 2)
    expect(docsOf(plan)).toEqual(['gtk', 'icons', 'cache'])
    expect(plan.map((t) => t.from)).toEqual([0, 1, 2])
    // Two documents after five panes: two panes, never fewer than the least.
    expect(docsOf(overlapPanes(boost, ['x', 'y'], 3, 2))).toEqual(['x', 'y'])
  })

  it('keeps the panes that show its documents where they are and fills the others beside them', () => {
    const plan = overlapPanes([app('a'), app('z'), app('b')], ['a', 'b', 'c'], 3, 2)
    expect(docsOf(plan)).toEqual(['a', 'c', 'b'])
    expect(docsOf(overlapPanes([app('z'), app('a')], ['a', 'b'], 3, 2))).toEqual(['b', 'a'])
  })

  it('opens new panes only while they fit, and leaves a document the reader picked while there is room', () => {
    // Two panes, three documents, room for three: a third pane.
    const plan = overlapPanes([app('a'), app('z')], ['a', 'b', 'c'], 3, 2)
    expect(docsOf(plan)).toEqual(['a', 'b', 'c'])
    expect(plan.map((t) => t.from)).toEqual([0, 1, null])
    // The reader's own document stays while a new pane fits ...
    expect(docsOf(overlapPanes([reader('mine'), app('a')], ['a', 'b'], 3, 2))).toEqual(['mine', 'a', 'b'])
    // ... and gives way where none does.
    expect(docsOf(overlapPanes([reader('mine'), app('a')], ['a', 'b'], 2, 2))).toEqual(['b', 'a'])
    // The app's panes go before the reader's.
    expect(docsOf(overlapPanes([reader('mine'), app('old'), app('a')], ['a', 'b'], 3, 2))).toEqual(['mine', 'b', 'a'])
    // No more panes than the room, whatever the documents.
    expect(overlapPanes([app('a'), app('b')], ['a', 'b', 'c', 'd', 'e'], 3, 2)).toHaveLength(3)
  })

  it('shows one document once, a second pane with it used for another', () => {
    expect(docsOf(overlapPanes([app('a'), app('a')], ['a', 'b'], 2, 2))).toEqual(['a', 'b'])
  })

  it('shows the documents already shown first, up to the number asked', () => {
    // A group of six identical files, two of them shown: those two; none shown: the first two.
    const copies = ['b1', 'b2', 'b3', 'b4', 'b5', 'b6']
    expect(documentsToShow(['x', 'b4', 'b2'], copies, 2)).toEqual(['b2', 'b4'])
    expect(documentsToShow(['x', 'y'], copies, 2)).toEqual(['b1', 'b2'])
    expect(documentsToShow(['x'], ['a', 'b', 'a', 'c'], 5)).toEqual(['a', 'b', 'c'])
  })

  it('shows one document of each text before a second copy of one (a tester: three copies shown, the other text left out)', () => {
    const texts: Record<string, string> = { original: 'China is', copy: 'China is', prefix: 'China is', markdown: 'China | is' }
    const textOf = (d: string) => texts[d]
    // The panes showed the original and its copy: the markdown version takes the third pane.
    expect(documentsToShow(['original', 'copy'], ['original', 'copy', 'prefix', 'markdown'], 3, textOf)).toEqual([
      'original',
      'markdown',
      'copy',
    ])
    // A group of identical documents still opens two of its copies.
    expect(documentsToShow([], ['original', 'copy', 'prefix'], 2, textOf)).toEqual(['original', 'copy'])
    // Without the texts, as before.
    expect(documentsToShow(['original', 'copy'], ['original', 'copy', 'prefix', 'markdown'], 3)).toEqual(['original', 'copy', 'prefix'])
  })
})
