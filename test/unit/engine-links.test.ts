import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { findOverlaps } from '../../main/core/engine/overlaps.js'
import { loadFolder } from '../../main/node/engine/inline.js'
import { keptKindOf } from '../helpers.js'

// Links (web addresses, HTML tags: nonwords.ts LINK) say where a text points or how it is shown,
// not what it says: an edited copy shares words besides them (kept-pair.ts linksOnly), and an
// overlap ranks by the words outside them (overlaps.ts, Overlap.score).

describe('links in what two texts share', () => {
  it('makes no near-verbatim overlap of two different notes that share only their links (a reviewer of npm change logs)', async () => {
    // The 0.11.0 notes of prosemirror-state and prosemirror-transform, as their CHANGELOG.md files
    // have them: their sentences differ, their links into one site's documentation do not, and
    // three "variant" overlaps paired different sentences through the addresses' words.
    const { texts } = await loadFolder(join(import.meta.dirname, '../fixtures/engine/links'))
    const overlaps = findOverlaps(texts).overlaps
    expect(overlaps.filter((o) => o.kind !== 'verbatim')).toEqual([])
    // What they do share word for word is still found: the release's heading.
    expect(overlaps.map((o) => o.passages.map((p) => p.text))).toEqual([Array(2).fill('0.11.0 (2016-09-21)\n\n### Breaking changes')])
  })

  it('keeps one link two texts write alike, its number changed', () => {
    const overlaps = findOverlaps([
      {
        id: 'viewer',
        text: 'Release notes of the viewer.\n\n  * Fixes: https://bugs.freedesktop.org/show_bug.cgi?id=14723 (reported upstream)\n\nThe window opens where it closed.\n',
      },
      {
        id: 'fonts',
        text: 'Changes to the font library.\n\n  * Partially fixes: https://bugs.freedesktop.org/show_bug.cgi?id=20708 (reported upstream)\n\nKerning is read.\n',
      },
    ]).overlaps
    expect(overlaps).toHaveLength(1)
    for (const p of overlaps[0].passages)
      expect(p.text).toMatch(/fixes: https:\/\/bugs\.freedesktop\.org\/show_bug\.cgi\?id=\d+ \(reported upstream\)$/i)
  })

  it('ranks a sentence two READMEs share above the badges they share, however many words the addresses have', () => {
    const badges = ['npm', 'build', 'coverage', 'downloads']
      .map((w) => `[![${w}](https://img.shields.io/${w}/v/shared-badges.svg)](https://www.npmjs.com/package/shared-badges)`)
      .join('\n')
    const readme = (name: string, about: string) =>
      `# ${name}\n\n${badges}\n\n${about}\n\n## Usage\n\nThe parser reads a document once and keeps every node in the order the author wrote it.\n`
    const overlaps = findOverlaps([
      {
        id: 'tables',
        text: readme(
          'tool-one',
          'A tool of its own, written for the command line, which formats tables of figures for printing on paper. It reads comma separated values, aligns the columns by their decimal points, and pads every cell so the rows line up in a fixed width font. Totals are added under each column on request, and negative figures may be shown in brackets as accountants write them.',
        ),
      },
      {
        id: 'photos',
        text: readme(
          'tool-two',
          'Another tool entirely: a daemon that watches folders and uploads new photographs to a gallery. Pictures are resized on a background thread, their location data stripped unless the owner asks to keep it, and albums are made from the names of the folders. A failed upload is retried with a growing delay until the network returns.',
        ),
      },
    ]).overlaps
    expect(overlaps.map((o) => o.passages[0].text.slice(0, 16))).toEqual(['Usage\n\nThe parse', '[![npm](https://'])
    // The badges hold more words, and rarer ones.
    expect(overlaps[1].words).toBeGreaterThan(overlaps[0].words)
  })

  it('keeps an edited copy with links that shares MIN_SHARED_WORDS words outside them, not one word fewer; and a copy word for word', () => {
    const link = (page: string) => `https://site.example.org/docs/guide/${page}/page`
    const note = (words: string, edition: string) => `${words} and ${link(`intro${edition}`)} or ${link(`setup${edition}`)}`
    const six = 'alpha bravo charlie delta echo foxtrot'
    expect(keptKindOf(note(six, 'a'), note(six, 'b'))).toBe('variant')
    expect(keptKindOf(note(six, 'a'), note('alpha bravo charlie delta echo golf', 'b'))).toBeUndefined()
    // A word one side writes in its text and the other only in a link is not shared outside links.
    expect(keptKindOf(note('alpha bravo charlie delta echo guide', 'a'), note('alpha bravo charlie delta echo golf', 'b'))).toBeUndefined()
    expect(keptKindOf(note('alpha bravo charlie delta echo golf', 'a'), note('alpha bravo charlie delta echo guide', 'b'))).toBeUndefined()
    // Word for word, links and all: a copy, however few its other words.
    expect(keptKindOf(note('alpha bravo', 'a'), note('alpha bravo', 'a'))).toBe('verbatim')
  })

  it("discounts the links of either side of an overlap's best pair alike, whichever document comes first", () => {
    const [before, after] = [
      'The parser reads a document once from start to end',
      'and keeps every node in the order the author wrote it, then hands the tree to the printer unchanged.',
    ]
    const linked = `${before} (see https://docs.example.org/parser/guide/reading/page) ${after}`
    const plain = `${before} ${after}`
    const scores = (a: string, b: string) =>
      findOverlaps([
        { id: 'a', text: a },
        { id: 'b', text: b },
      ]).overlaps.map((o) => o.score)
    const [[first], [second], [neither]] = [scores(linked, plain), scores(plain, linked), scores(plain, plain)]
    expect(first).toBe(second)
    expect(first).toBeLessThan(neither)
  })
})
