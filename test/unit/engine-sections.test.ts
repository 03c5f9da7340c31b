import { describe, expect, it } from 'vitest'
import { analysed, ROOT } from '../helpers.js'
import { findOverlaps } from '../../main/core/engine/overlaps.js'
import { sectionParts, sectionRoom } from '../../main/core/engine/sections.js'
import { loadFolder } from '../../main/node/engine/inline.js'

// Where a pair of passages is cut: at a manual page's section headings, and where furniture starts
// or ends (sections.ts).

/** A manual page's section heading inside a passage (not at its start). */
const INNER_HEADING = /\n[A-Z][A-Z]+(?: [A-Z]+)*[ \t]*\n/

describe('sections', () => {
  it("cuts a pair at a manual page's headings, and a page against a text without them only where furniture starts", () => {
    const page = (name: string) =>
      `NAME\n       ${name} - search\n\nDESCRIPTION\n       Searches the index for the words given.\n\nENVIRONMENT\n       MANPATH  the path searched\n\nAUTHOR\n       Colin Watson\n`
    // (Analysed together: one lexicon, so that their words' match forms compare.)
    const [A, B, info, other] = analysed(
      page('apropos'),
      page('whatis'),
      'Searching\n*********\n\nSearches the index for the words given.\nMANPATH  the path searched\nColin Watson\n',
      'Searching\n*********\n\nSearches the index for the words given.\nMANPATH  the path searched\nWritten by others\n',
    )
    type Doc = typeof A
    const last = (d: Doc) => d.starts.length - 1
    const from = (d: Doc, words: string) => d.starts.findIndex((s) => s >= d.text.indexOf(words))
    // DESCRIPTION to the end: three parts, one a section each, paired in order.
    const parts = sectionParts(A, from(A, 'DESCRIPTION'), last(A), B, from(B, 'DESCRIPTION'), last(B))!
    expect(parts.map(([a0, a1]) => A.text.slice(A.starts[a0], A.starts[a1]).split('\n')[0])).toEqual([
      'DESCRIPTION',
      'ENVIRONMENT',
      'AUTHOR',
    ])
    // Inside one section: not cut.
    expect(sectionParts(A, from(A, 'Searches'), from(A, 'given'), B, from(B, 'Searches'), from(B, 'given'))).toBeUndefined()
    // An info manual's chapter has none of the page's headings: the page is cut where AUTHOR
    // starts only, and the chapter where the page's AUTHOR text is found in it (its heading
    // skipped), each part paired with its own.
    const cut = sectionParts(A, from(A, 'Searches'), last(A), info, from(info, 'Searches'), last(info))!
    const texts = (d: Doc, t0: number, t1: number) => d.text.slice(d.starts[t0], d.ends[t1])
    expect(cut.map(([a0, a1, b0, b1]) => [texts(A, a0, a1), texts(info, b0, b1)])).toEqual([
      [
        'Searches the index for the words given.\n\nENVIRONMENT\n       MANPATH  the path searched',
        'Searches the index for the words given.\nMANPATH  the path searched',
      ],
      ['AUTHOR\n       Colin Watson', 'Colin Watson'],
    ])
    // Where the page's part after the cut is not in the chapter, the chapter is one part, paired
    // with the page's part before.
    const one = sectionParts(A, from(A, 'Searches'), last(A), other, from(other, 'Searches'), last(other))!
    expect(one).toHaveLength(1)
    expect(texts(A, one[0][0], one[0][1])).toContain('ENVIRONMENT')
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

  it("reads an info manual's text against a page's sections in the page's parts (bzip2, a tester of info manuals)", async () => {
    // The end of CAVEATS and the AUTHOR section of bzip2's page, and the same two nodes of its
    // info manual (no page headings, the node's "File: ... Node: AUTHOR" line between). Before,
    // the manual's whole text was one pair with the page's CAVEATS (similarity 0.51) and the
    // acknowledgements both print were in no overlap.
    const { texts } = await loadFolder(`${ROOT}/test/fixtures/engine/info-against-page`)
    const { overlaps } = findOverlaps(texts)
    const holding = (words: string) => overlaps.filter((o) => o.passages.every((p) => p.text.replace(/\s+/g, ' ').includes(words)))
    const thanks = holding('Many people sent patches, helped with portability problems')
    expect(thanks).toHaveLength(1)
    expect(thanks[0].passages.map((p) => p.doc)).toEqual(['bzip2-info', 'bzip2-man'])
    const caveats = holding('set to be an unsigned 64-bit integer.')
    expect(caveats).toHaveLength(1)
    for (const p of caveats[0].passages) expect(p.text).not.toContain('Julian Seward')
    expect(caveats[0].similarity).toBeGreaterThan(0.9)
  })
})
