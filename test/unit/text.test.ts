import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { codePointLength, OffsetMap } from '../../main/core/text/offsets.js'

describe('OffsetMap', () => {
  it('counts astral characters as one code point', () => {
    const text = 'a😀b𝔸c'
    const map = new OffsetMap(text)
    expect(map.codePointLength).toBe(5)
    expect(codePointLength(text)).toBe(5)
    expect(map.toUtf16(2)).toBe(3)
    expect(map.toCodePoint(3)).toBe(2)
    expect(map.slice(1, 4)).toBe('😀b𝔸')
  })

  it('round-trips every code point offset', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (text) => {
        const map = new OffsetMap(text)
        const points = [...text]
        expect(map.codePointLength).toBe(points.length)
        for (let c = 0; c <= points.length; c++) {
          const u = map.toUtf16(c)
          expect(text.slice(0, u)).toBe(points.slice(0, c).join(''))
          expect(map.toCodePoint(u)).toBe(c)
        }
      }),
    )
  })

  it('rejects offsets outside the text', () => {
    const map = new OffsetMap('abc')
    expect(() => map.toUtf16(4)).toThrow(RangeError)
    expect(() => map.toCodePoint(-1)).toThrow(RangeError)
  })
})
