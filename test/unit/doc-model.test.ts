import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { offsetToPos, posToOffset, textToDoc } from '../../renderer/compare/doc-model.js'

describe('text to ProseMirror document', () => {
  it('makes one paragraph per non-empty line and keeps the text', () => {
    const { doc } = textToDoc('Title\r\n\nFirst line.\nSecond 😀 line.\n')
    expect(doc.childCount).toBe(3)
    expect(doc.child(2).textContent).toBe('Second 😀 line.')
  })

  it('maps every text offset to a position holding the same character', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constant('\n'), fc.constant('\r\n'), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 })), {
          maxLength: 12,
        }),
        (parts) => {
          const text = parts.join('')
          const { doc, lines } = textToDoc(text)
          for (let i = 0; i < text.length; i++) {
            if (text[i] === '\n' || text[i] === '\r') continue
            const pos = offsetToPos(lines, i)
            expect(doc.textBetween(pos, pos + 1)).toBe(text[i])
            expect(posToOffset(lines, pos)).toBe(i)
          }
        },
      ),
    )
  })

  it('maps every offset of a hard-wrapped text (its lines made paragraphs of several) to a position holding the same character', () => {
    const line = fc.string({ unit: fc.constantFrom('a', 'é', ' ', '😀', '-', '.'), minLength: 40, maxLength: 80 })
    fc.assert(
      fc.property(fc.array(fc.tuple(line, fc.constantFrom('\n', '\r\n', '\n\n')), { minLength: 2, maxLength: 12 }), (parts) => {
        const text = parts.map(([l, end]) => l + end).join('')
        const { doc, lines } = textToDoc(text)
        for (let i = 0; i < text.length; i++) {
          if (lines.lengths.every((n, k) => i < lines.offset[k] || i >= lines.offset[k] + n)) continue
          const pos = offsetToPos(lines, i)
          expect(doc.textBetween(pos, pos + 1)).toBe(text[i])
          expect(posToOffset(lines, pos)).toBe(i)
        }
      }),
    )
  })
})
