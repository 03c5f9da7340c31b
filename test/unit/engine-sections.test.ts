import { describe, expect, it } from 'vitest'
import { ROOT } from '../helpers.js'
import { findOverlaps } from '../../main/core/engine/overlaps.js'
import { sectionParts, sectionRoom } from '../../main/core/engine/sections.js'
import { loadFolder } from '../../main/node/engine/inline.js'
import { tokenize } from '../../main/core/engine/tokenize.js'

// Where a pair of passages is cut: at a manual page's section headings, and where furniture starts
// or ends (sections.ts).

/** A manual page's section heading inside a passage (not at its start). */
const INNER_HEADING = /\n[A-Z][A-Z]+(?: [A-Z]+)*[ \t]*\n/

/** A document as sections.ts reads it: its text and its tokens' starts. */
const doc = (text: string) => ({ text, starts: Uint32Array.from(tokenize(text).starts) })

describe('sections', () => {
  it("cuts a pair at a manual page's headings, and a page against a text without them only where furniture starts", () => {
    const page = (name: string) =>
      `NAME\n       ${name} - search\n\nDESCRIPTION\n       Searches the index for the words given.\n\nENVIRONMENT\n       MANPATH  the path searched\n\nAUTHOR\n       Colin Watson\n`
    const A = doc(page('apropos'))
    const B = doc(page('whatis'))
    const last = (d: ReturnType<typeof doc>) => d.starts.length - 1
    const from = (d: ReturnType<typeof doc>, words: string) => d.starts.findIndex((s) => s >= d.text.indexOf(words))
    // DESCRIPTION to the end: three parts, one a section each, paired in order.
    const parts = sectionParts(A, from(A, 'DESCRIPTION'), last(A), B, from(B, 'DESCRIPTION'), last(B))!
    expect(parts.map(([a0, a1]) => A.text.slice(A.starts[a0], A.starts[a1]).split('\n')[0])).toEqual([
      'DESCRIPTION',
      'ENVIRONMENT',
      'AUTHOR',
    ])
    // Inside one section: not cut.
    expect(sectionParts(A, from(A, 'Searches'), from(A, 'given'), B, from(B, 'Searches'), from(B, 'given'))).toBeUndefined()
    // An info manual's chapter has none of the page's headings: cut where AUTHOR starts only.
    const info = doc('Searching\n*********\n\nSearches the index for the words given.\nMANPATH  the path searched\nColin Watson\n')
    const cut = sectionParts(A, from(A, 'Searches'), last(A), info, from(info, 'Searches'), last(info))!
    expect(cut).toHaveLength(1)
    expect(A.text.slice(A.starts[cut[0][0]], A.starts[cut[0][1]])).toContain('ENVIRONMENT')
    // An edge moves within its section only.
    expect(sectionRoom(A, from(A, 'searched'), 1)).toBe(from(A, 'AUTHOR') - 1 - from(A, 'searched'))
    expect(sectionRoom(A, from(A, 'Searches'), -1)).toBe(from(A, 'Searches') - from(A, 'DESCRIPTION'))
    expect(sectionRoom(info, 0, 1)).toBe(Infinity)
  })

  it('reports sections apart, and the furniture after them as boilerplate (man-db, a reviewer)', async () => {
    // apropos(1), whatis(1) and catman(8): before, one passage ran from whatis's "-l, --long" on
    // through EXIT STATUS, ENVIRONMENT, FILES, SEE ALSO, AUTHOR and BUGS to the page's footer,
    // and the AUTHOR and BUGS text was in two overlaps, one boilerplate and one not.
    const { texts } = await loadFolder(`${ROOT}/test/fixtures/engine/man-sections`)
    const { overlaps } = findOverlaps(texts)
    for (const o of overlaps) for (const p of o.passages) expect(p.text).not.toMatch(INNER_HEADING)
    const opening = (heading: string) => overlaps.find((o) => o.passages.every((p) => p.text.startsWith(heading)))
    expect(opening('EXIT STATUS')?.boilerplate).toBe(false)
    expect(opening('ENVIRONMENT')?.boilerplate).toBe(false)
    expect(opening('AUTHOR')?.boilerplate).toBe(true)
    expect(opening('BUGS')?.boilerplate).toBe(true)
    // Each passage of the AUTHOR text is in one overlap only.
    const author = overlaps.filter((o) => o.passages.some((p) => p.text.includes('Fabrizio Polacco')))
    expect(author).toHaveLength(1)
  })
})
