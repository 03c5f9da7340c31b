import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { anchorAnnotation, anchorSelectors } from '../../main/core/annotations/anchor.js'
import { makeAnnotation, quoteOf } from '../../main/core/annotations/annotation.js'
import { OffsetMap } from '../../main/core/text/offsets.js'

// Property tests: annotate spans of a random text, edit the text at random, re-anchor.

/** Words of random letters (and now and then an astral character), so passages rarely repeat. */
const word = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz😀é'.split(/(?:)/u)), minLength: 2, maxLength: 9 })
const text = fc.array(word, { minLength: 30, maxLength: 120 }).map((w) => w.join(' '))

interface Edit {
  at: number
  remove: number
  insert: string
}
const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 12 }), insert: fc.string({ maxLength: 15 }) })

/** Applies an edit in code points, keeping it inside [lo, hi). */
function apply(points: string[], e: Edit, lo: number, hi: number): { points: string[]; at: number; delta: number } | null {
  if (hi <= lo) return null
  const at = lo + (e.at % (hi - lo))
  const remove = Math.min(e.remove, hi - at)
  const insert = [...e.insert]
  return { points: [...points.slice(0, at), ...insert, ...points.slice(at + remove)], at, delta: insert.length - remove }
}

function annotate(source: string, start: number, end: number) {
  return makeAnnotation({ id: 'a', now: 't', source: 's', text: new OffsetMap(source), start, end, tagIds: [] })
}

describe('re-anchoring', () => {
  it('finds every annotation exactly after edits outside annotated spans', () => {
    fc.assert(
      fc.property(
        text,
        fc.nat(),
        fc.integer({ min: 3, max: 40 }),
        fc.array(edit, { minLength: 1, maxLength: 5 }),
        (source, s, length, edits) => {
          const original = [...source]
          const start = s % (original.length - length)
          const end = start + length
          const annotation = annotate(source, start, end)
          const quote = original.slice(start, end).join('')
          let points = original
          let spanStart = start
          for (const e of edits) {
            // Edit before the span (shifting it) or after it, never touching it or its neighbours.
            const before = e.at % 2 === 0
            const result = before
              ? apply(points, e, 0, Math.max(0, spanStart - 1))
              : apply(points, e, spanStart + length + 1, points.length)
            if (!result) continue
            points = result.points
            if (before) spanStart += result.delta
          }
          const edited = points.join('')
          // A passage that now occurs twice with the same surroundings is ambiguous for anyone.
          fc.pre(edited.split(quote).length === 2 || quoteOf(annotation).prefix.length === 32)
          const anchor = anchorAnnotation(new OffsetMap(edited), annotation)
          expect(anchor.status).not.toBe('orphan')
          expect(points.slice(anchor.start, anchor.end).join('')).toBe(quote)
          expect(anchor.start).toBe(spanStart)
          expect(anchor.status).toBe(spanStart === start ? 'anchored' : 'moved')
        },
      ),
      { numRuns: 300 },
    )
  })

  it('re-anchors or orphans every annotation after edits inside spans, never losing one', () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.integer({ min: 3, max: 40 }), edit, (source, s, length, e) => {
        const original = [...source]
        const start = s % (original.length - length)
        const annotation = annotate(source, start, start + length)
        const result = apply(original, e, start, start + length)!
        const edited = new OffsetMap(result.points.join(''))
        const anchor = anchorAnnotation(edited, annotation)
        expect(['anchored', 'moved', 'orphan']).toContain(anchor.status)
        if (anchor.status === 'orphan') {
          // An orphan keeps its stored span; nothing about it is changed.
          expect([anchor.start, anchor.end]).toEqual([start, start + length])
        } else {
          expect(anchor.end).toBeGreaterThan(anchor.start)
          expect(anchor.end).toBeLessThanOrEqual(edited.codePointLength)
        }
      }),
      { numRuns: 300 },
    )
  })

  it('follows a fixed typo and orphans a rewritten passage', () => {
    const before = 'Intro. New quality productive forces are, in essence, advanced productivity. Outro.'
    const a = annotate(before, 7, 76)
    const typo = 'Intro. Some words first. New quality productive forces are, in esence, advanced productivity. Outro.'
    const fixed = anchorAnnotation(new OffsetMap(typo), a)
    expect(fixed.status).toBe('moved')
    expect(typo.slice(fixed.start, fixed.end)).toBe('New quality productive forces are, in esence, advanced productivity.')
    const rewritten = 'Intro. Something else entirely is said here now, about other things. Outro.'
    expect(anchorAnnotation(new OffsetMap(rewritten), a).status).toBe('orphan')
  })

  it('picks the occurrence whose context matches among repeated phrases', () => {
    const text = new OffsetMap('alpha: the phrase here. beta: the phrase here. gamma: the phrase here.')
    const anchor = anchorSelectors(
      text,
      { type: 'TextQuoteSelector', exact: 'the phrase', prefix: 'beta: ', suffix: ' here. gamma' },
      { type: 'TextPositionSelector', start: 0, end: 10 },
    )
    expect(anchor).toEqual({ status: 'moved', start: 30, end: 40 })
  })
})
