import { diffArrays } from 'diff'
import { describe, expect, it } from 'vitest'
import { analyse } from '../../main/core/engine/analyse.js'
import { Run } from '../../main/core/engine/progress.js'
import { DiffMemo, diffPassages, MAX_EDIT_LENGTH } from '../../main/core/engine/variants.js'
import { OffsetMap } from '../../main/core/text/offsets.js'

const words = (n: number, prefix: string) => Array.from({ length: n }, (_, k) => `${prefix}${k}`)

/** The passages [0, last] of the given texts, analysed together as the engine does. */
function sides(...texts: string[]) {
  const corpus = analyse(
    texts.map((text, k) => ({ id: `d${k}`, text })),
    true,
    new Run(),
  )
  return corpus.docs.map((doc) => ({ doc, start: 0, end: doc.starts.length - 1, map: new OffsetMap(doc.text) }))
}

describe('diffPassages', () => {
  it('gives the same changes with a memo, and for identical texts the memo answers', () => {
    const base = 'the quick brown fox jumps over the lazy dog while the cat sleeps'
    const edited = 'the quick red fox leaps over the lazy dog while a cat sleeps'
    // The third text is the first again: analyse shares its arrays, so the memo knows the pair.
    const [a, b, c] = sides(base, edited, base)
    expect(c.doc.surface).toBe(a.doc.surface)
    const plain = diffPassages(a, b)
    expect(plain?.map((x) => x.op)).toContain('replace')
    const memo = new DiffMemo()
    expect(diffPassages(a, b, memo)).toEqual(plain)
    expect(diffPassages(c, b, memo)).toEqual(plain)
    expect(memo.size).toBe(1)
  })

  it('gives up on a pair that needs more than MAX_EDIT_LENGTH edits, as jsdiff does', () => {
    // Disjoint words: known at once from the words alone.
    const [a, b] = sides(words(300, 'a').join(' '), words(300, 'b').join(' '))
    expect(diffPassages(a, b)).toBeNull()
    // The same words reversed: pairable as multisets, so jsdiff itself has to give up.
    const forward = words(300, 'w')
    const [c, d] = sides(forward.join(' '), [...forward].reverse().join(' '))
    expect(diffArrays(forward, [...forward].reverse(), { maxEditLength: MAX_EDIT_LENGTH })).toBeUndefined()
    expect(diffPassages(c, d)).toBeNull()
    // Just within the limit: 200 words replaced, 400 edits.
    const [e, f] = sides([...words(200, 'x'), ...words(100, 'k')].join(' '), [...words(200, 'y'), ...words(100, 'k')].join(' '))
    const changes = diffPassages(e, f)
    expect(changes?.map((x) => x.op)).toEqual(['replace', 'equal'])
  })
})
