import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { analyse } from '../../main/core/engine/analyse.js'
import { uniqueAnchors } from '../../main/core/engine/anchors.js'
import { Run } from '../../main/core/engine/progress.js'
import { diffPassages, MAX_EDIT_LENGTH } from '../../main/core/engine/variants.js'
import { OffsetMap } from '../../main/core/text/offsets.js'

/** The passages [0, last] of the given texts, analysed together as the engine does. */
function sides(...texts: string[]) {
  const corpus = analyse(
    texts.map((text, k) => ({ id: `d${k}`, text })),
    true,
    new Run(),
  )
  return corpus.docs.map((doc) => ({ doc, start: 0, end: doc.starts.length - 1, map: new OffsetMap(doc.text) }))
}

describe('uniqueAnchors', () => {
  it('pairs the words once in each run, the longest run of them in the same order', () => {
    //                          0  1  2  3  4  5
    const a = new Uint32Array([1, 2, 9, 3, 4, 9])
    const b = new Uint32Array([3, 1, 9, 2, 4, 5, 9])
    // 9 is twice in each, 5 only in b; of 1, 2, 3, 4 (at 1, 3, 0, 4 in b) the longest rising run is 1, 2, 4.
    expect(uniqueAnchors(a, 0, 5, b, 0, 6)).toEqual([
      [0, 1],
      [1, 3],
      [4, 4],
    ])
    // Within sub-ranges, counted there only: 9 is once in a[2..3] and once in b[2..4].
    expect(uniqueAnchors(a, 2, 3, b, 2, 4)).toEqual([[2, 2]])
    expect(uniqueAnchors(a, 0, 1, b, 5, 6)).toEqual([])
  })
})

describe('diffPassages cut at anchors', () => {
  const vocabulary = ['the', 'licence', 'permits', 'copying', 'and', 'use', 'of', 'this', 'work', 'by', 'anyone']
  const text = fc.array(fc.oneof(fc.constantFrom(...vocabulary), fc.constantFrom('alpha', 'beta', 'gamma', 'delta', 'omega')), {
    minLength: 1,
    maxLength: 80,
  })

  it('gives steps that rebuild both passages, equal steps having the same words', () => {
    fc.assert(
      fc.property(text, text, (wa, wb) => {
        const [a, b] = sides(wa.join(' '), wb.join(' '))
        const changes = diffPassages(a, b)
        expect(changes).not.toBeNull()
        const words = (s: string) => s.split(/\s+/).filter(Boolean)
        expect(changes!.flatMap((c) => words(c.a))).toEqual(wa)
        expect(changes!.flatMap((c) => words(c.b))).toEqual(wb)
        for (const c of changes!) if (c.op === 'equal') expect(words(c.a)).toEqual(words(c.b))
        // Steps are joined across anchors: two equal steps never follow each other.
        for (let k = 1; k < changes!.length; k++) expect(changes![k].op === 'equal' && changes![k - 1].op === 'equal').toBe(false)
      }),
      { numRuns: 300 },
    )
  })

  it('lines an edited passage up on its rare words, with few edits', () => {
    const base = Array.from({ length: 120 }, (_, k) => (k % 10 === 0 ? `clause${k}` : vocabulary[k % vocabulary.length]))
    const edited = base.map((w, k) => (k % 7 === 3 ? `edit${k}` : w))
    const [a, b] = sides(base.join(' '), edited.join(' '))
    const changes = diffPassages(a, b)!
    const replaced = changes.filter((c) => c.op !== 'equal')
    expect(replaced.every((c) => c.op === 'replace')).toBe(true)
    expect(replaced.map((c) => c.b)).toEqual(edited.filter((w) => w.startsWith('edit')))
    expect(replaced.length * 2).toBeLessThanOrEqual(MAX_EDIT_LENGTH)
  })
})
