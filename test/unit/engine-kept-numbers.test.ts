import { describe, expect, it } from 'vitest'
import { findOverlaps } from '../../main/core/engine/overlaps.js'

// A pair that is not word for word shares numbers as the whole numbers they are written in, not
// their pieces (kept-pair.ts sharedWholeNumbers).

describe('numbers in what two texts share', () => {
  it("makes no near-verbatim pair of two releases' headings by the pieces of their numbers (a reviewer of npm change logs)", () => {
    // Headings as acorn's and prosemirror-model's change logs write them: the versions and dates
    // differ, and share "3", "2021" and "04" as pieces.
    const entry = (version: string, date: string, fix: string) => `## ${version} (${date})\n\n### Bug fixes\n\nFix an issue where ${fix}\n`
    const logs = [
      { id: 'acorn', text: entry('8.2.3', '2021-05-04', 'the library would loop forever when parsing an unterminated template literal.') },
      { id: 'model', text: entry('1.13.3', '2021-02-04', 'nested marks were dropped when a fragment was serialized to the DOM.') },
    ]
    expect(findOverlaps(logs).overlaps.filter((o) => o.kind !== 'verbatim')).toEqual([])
    // One release's entry, edited in the other log, is a near-verbatim copy, its numbers whole.
    const edited = [
      { id: 'acorn', text: entry('8.2.3', '2021-05-04', 'the library would loop forever when parsing an unterminated template literal.') },
      { id: 'fork', text: entry('8.2.3', '2021-05-04', 'the parser would loop forever when parsing an unterminated template literal.') },
    ]
    expect(findOverlaps(edited).overlaps.map((o) => o.kind)).toEqual(['variant'])
  })
})
