import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CONTENT_BLOCK, contentBlocksOf, contentFrom } from '../../main/core/engine/analyse.js'
import { lowerBound } from '../../main/core/text/sorted.js'
import { analysed } from '../helpers.js'

// A token's content position (analyse.ts contentFrom): lowerBound(doc.content, t), searched in
// the token's block of CONTENT_BLOCK tokens only.

describe('content positions', () => {
  it('are lowerBound of the content words, for any tokens, inside and outside the document', () => {
    fc.assert(
      fc.property(
        // Per token, whether it is a content word: runs of either, over several blocks.
        fc.array(fc.boolean(), { maxLength: 5 * CONTENT_BLOCK }),
        fc.array(fc.integer({ min: -3, max: 6 * CONTENT_BLOCK })),
        (isContent, asked) => {
          const content = Uint32Array.from(isContent.flatMap((yes, t) => (yes ? [t] : [])))
          const doc = { content, contentBlocks: contentBlocksOf(content, isContent.length) }
          for (const t of [...asked, 0, isContent.length - 1, isContent.length, isContent.length + 1])
            expect(contentFrom(doc, t)).toBe(lowerBound(content, t))
        },
      ),
      { numRuns: 500 },
    )
  })

  it("are an analysed document's: its content words of a span, whichever block they start in", () => {
    const words = Array.from({ length: 300 }, (_, k) => (k % 3 === 0 ? 'the' : `word${k}`)).join(' ')
    const [doc] = analysed(words)
    for (let t = 0; t <= doc.starts.length + 1; t++) expect(contentFrom(doc, t)).toBe(lowerBound(doc.content, t))
    // Tokens 0 to 9: "the" at 0, 3, 6 and 9 are function words, six content words.
    expect(contentFrom(doc, 10) - contentFrom(doc, 0)).toBe(6)
  })
})
