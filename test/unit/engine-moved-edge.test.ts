import { describe, expect, it } from 'vitest'
import type { AnalysedDocument } from '../../main/core/engine/analyse.js'
import { movedEdges } from '../../main/core/engine/moved-edge.js'
import { findOverlaps } from '../../main/core/engine/overlaps.js'
import { loadFolder } from '../../main/node/engine/inline.js'
import { analysed, CORPUS } from '../helpers.js'

// Words an edited copy moved to a passage's edge (moved-edge.ts): the edge reaches over them.

/** Tokens of `doc` from the one starting with `first` to the one ending with `last`. */
function span(doc: AnalysedDocument, first: string, last: string): [number, number] {
  const at = (word: string, from = 0) => {
    for (let t = from; t < doc.starts.length; t++) if (doc.text.slice(doc.starts[t], doc.ends[t]) === word) return t
    throw new Error(`no ${word}`)
  }
  const t0 = at(first)
  return [t0, at(last, t0)]
}

/** Passage [first..last] of a as moved-edge.ts extends it against passage [bFirst..bLast] of b, as text. */
function extended(a: string, [first, last]: [string, string], b: string, [bFirst, bLast]: [string, string]): string {
  const [A, B] = analysed(a, b)
  let [a0, a1] = span(A, first, last)
  const [b0, b1] = span(B, bFirst, bLast)
  const [before, after] = movedEdges(A, a0, a1, B, b0, b1)
  a0 -= before
  a1 += after
  return A.text.slice(A.starts[a0], A.ends[a1])
}

describe('words moved to a passage edge', () => {
  it('takes in a word or two the other passage has near its edge, moved', () => {
    const a = 'It called for deep transformation and upgrading of industries, and more.'
    const b = 'They are driven by deep industrial transformation and upgrading, taking the improvement.'
    expect(extended(a, ['deep', 'upgrading'], b, ['deep', 'upgrading'])).toBe('deep transformation and upgrading of industries')
    const c = 'Central Committee members met. The Bureau of the Party of China Central Committee met.'
    const d = 'A study of the Bureau of the Central Committee of the Party of China was held.'
    expect(extended(c, ['Bureau', 'China'], d, ['Bureau', 'China'])).toBe('Bureau of the Party of China Central Committee')
  })

  it('takes in a word moved to a start', () => {
    expect(extended('Lately yellow red green blue ones', ['red', 'blue'], 'Then red green blue yellow ones', ['red', 'yellow'])).toBe(
      'yellow red green blue',
    )
  })

  it('reaches over nothing the other passage lacks at its edge, has as often, or beyond a sentence end', () => {
    const b = 'They are driven by deep industrial transformation and upgrading, taking the improvement.'
    // The other passage lacks "sectors".
    expect(extended('It called for deep transformation and upgrading of sectors.', ['deep', 'upgrading'], b, ['deep', 'upgrading'])).toBe(
      'deep transformation and upgrading',
    )
    // Both have "industrial" inside: the one beyond is another use.
    expect(
      extended('It called for deep industrial transformation and upgrading of industries.', ['deep', 'upgrading'], b, [
        'deep',
        'upgrading',
      ]),
    ).toBe('deep industrial transformation and upgrading')
    expect(
      extended('It called for deep transformation and upgrading. Industries grew.', ['deep', 'upgrading'], b, ['deep', 'upgrading']),
    ).toBe('deep transformation and upgrading')
  })

  it('reaches over no line break: the next item of a list may start with a word the other replaced', () => {
    const a = '* Fix a rare crash when closing the main window of the text editor with unsaved changes\n* Translations updated\n'
    const b = 'Changes:\n- Fix a rare crash when closing the translations window of the text editor with unsaved changes\n- Other\n'
    expect(extended(a, ['Fix', 'changes'], b, ['Fix', 'changes'])).toBe(
      'Fix a rare crash when closing the main window of the text editor with unsaved changes',
    )
  })

  it('gives the bundled corpus its moved words: "of industries", "Central Committee"', async () => {
    const { texts } = await loadFolder(CORPUS)
    const passages = findOverlaps(texts).overlaps.flatMap((o) => o.passages.map((p) => p.text))
    expect(passages).toContain(
      'revolutionary technological breakthroughs, innovative allocation of production factors, and deep transformation and upgrading of industries',
    )
    // Read to its sentences, the restatement around it naming Xi Jinping too (widened-pairs.ts),
    // its end the moved words still.
    expect(passages).toContain(
      'Xi Jinping, general secretary of the CPC Central Committee, chaired a study session of the Political Bureau of the Communist Party of China Central Committee',
    )
  })
})
