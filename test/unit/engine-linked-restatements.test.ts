import { describe, expect, it } from 'vitest'
import { ROOT } from '../helpers.js'
import { pairSides, type Cluster, type PairLike } from '../../main/core/engine/cluster.js'
import { withoutLinked } from '../../main/core/engine/linked-restatements.js'
import { findOverlaps, type Overlap } from '../../main/core/engine/overlaps.js'
import { loadFolder } from '../../main/node/engine/inline.js'

// No restatement of two passages that an overlap of shared text already holds side by side
// (linked-restatements.ts).

describe('a restatement of passages an overlap holds', () => {
  it('is not listed again when the overlap joins them through a third text (copyright files, a reviewer)', async () => {
    // libgl1-mesa-dev's "On Debian systems, the full text of the GPL license can be found in ..."
    // and libpangocairo's, which spells out "GNU General Public License": each is paired with
    // libglvnd0's, and the three are one near-verbatim overlap.
    const { texts } = await loadFolder(`${ROOT}/test/fixtures/engine/content-anchor-tie`)
    const { overlaps } = findOverlaps(texts)
    const holds = (o: Overlap, doc: string, words: RegExp) => o.passages.some((p) => p.doc === doc && words.test(p.text))
    const both = (o: Overlap) =>
      holds(o, 'libgl1-mesa-dev-copyright', /full text of the GPL license/) &&
      holds(o, 'libpangocairo-1-0-0-copyright', /complete text of the GNU General Public License/)
    expect(overlaps.some((o) => o.kind !== 'paraphrase' && both(o))).toBe(true)
    expect(overlaps.filter((o) => o.kind === 'paraphrase' && both(o))).toEqual([])
  })

  // Two documents' passages [0, 40] and [100, 140] in one overlap; a restatement of tokens 10-20
  // of the first with a span of the second.
  const held = [
    {
      passages: [
        { doc: 0, start: 0, end: 40 },
        { doc: 1, start: 100, end: 140 },
      ],
    },
  ]
  const restatement = (pairs: PairLike[]): Cluster => ({
    pairs: pairs.map((_, i) => i),
    passages: pairs.flatMap((p) => [p.a, p.b]),
  })

  it('drops a pair at the same place of the two passages, and the passages only it made', () => {
    const pairs: PairLike[] = [
      { a: { doc: 0, start: 10, end: 20 }, b: { doc: 1, start: 111, end: 121 } },
      { a: { doc: 0, start: 10, end: 20 }, b: { doc: 2, start: 5, end: 15 } },
    ]
    const [left] = withoutLinked([restatement(pairs)], pairSides(pairs), () => true, held)
    expect(left.pairs).toEqual([1])
    expect(left.passages).toEqual([pairs[0].a, pairs[1].a, pairs[1].b])
    expect(withoutLinked([restatement(pairs.slice(0, 1))], pairSides(pairs.slice(0, 1)), () => true, held)).toEqual([])
  })

  it('keeps a pair at other places of the passages (two licences printed one after the other), or not a restatement', () => {
    const pairs: PairLike[] = [{ a: { doc: 0, start: 10, end: 20 }, b: { doc: 1, start: 125, end: 135 } }]
    expect(withoutLinked([restatement(pairs)], pairSides(pairs), () => true, held)).toHaveLength(1)
    const same: PairLike[] = [{ a: { doc: 0, start: 10, end: 20 }, b: { doc: 1, start: 111, end: 121 } }]
    expect(withoutLinked([restatement(same)], pairSides(same), () => false, held)).toHaveLength(1)
    // Nor one a passage holds too little of (CONTAINED_SHARE): tokens 30-60 reach past [0, 40].
    const past: PairLike[] = [{ a: { doc: 0, start: 30, end: 60 }, b: { doc: 1, start: 130, end: 160 } }]
    expect(withoutLinked([restatement(past)], pairSides(past), () => true, held)).toHaveLength(1)
  })
})
