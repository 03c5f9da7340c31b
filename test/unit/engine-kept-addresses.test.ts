import { describe, expect, it } from 'vitest'
import { findOverlaps } from '../../main/core/engine/overlaps.js'
import { keptKindOf } from '../helpers.js'

// A pair shares the pieces of an e-mail address only where both texts write that address
// (kept-pair.ts sharedWholeWords): Debian change logs' sign-off lines by different maintainers on
// one day shared "debian", "org" and the date, six words, and such pairs joined hundreds of
// sign-offs of different people and days into one overlap.

/** A Debian change log's entry: its heading, one change, and the maintainer's sign-off line. */
const entry = (source: string, version: string, change: string, who: string, when: string) =>
  `${source} (${version}) unstable; urgency=medium\n\n  * ${change}\n\n -- ${who}  ${when}\n\n`

const shell = entry(
  'gnome-shell',
  '43.1-2',
  'Rebuild against the new mutter to pick up the fixed introspection data.',
  'Simon McVittie <smcv@debian.org>',
  'Sat, 21 Aug 2021 10:04:12 +0100',
)
const secret = entry(
  'libsecret',
  '0.20.4-2',
  'Drop the obsolete transitional package that nothing depends on any more.',
  'Jeremy Bicha <jbicha@debian.org>',
  'Sat, 21 Aug 2021 18:30:55 -0400',
)
const gtk = entry(
  'gtk4',
  '4.4.0-1',
  'New upstream release with many fixes for the file chooser.',
  'Jeremy Bicha <jbicha@debian.org>',
  'Sat, 02 Oct 2021 09:11:45 -0400',
)

const overlapsOf = (...texts: string[]) => findOverlaps(texts.map((text, k) => ({ id: `log${k}`, text }))).overlaps

describe('e-mail addresses in what two texts share', () => {
  it('shares no text between two maintainers who signed on one day', () => {
    expect(overlapsOf(shell, secret)).toEqual([])
    // The pieces of two addresses at one host are no words the two share.
    expect(keptKindOf('<smcv@debian.org>  Sat, 21 Aug 2021', '<jbicha@debian.org>  Sat, 21 Aug 2021')).toBeUndefined()
    // One address both write is shared piece by piece, as sim_text reads it.
    expect(keptKindOf('<jbicha@debian.org>  Sat, 21 Aug 2021', '<jbicha@debian.org>  Sat, 21 Aug 2021')).toBe('verbatim')
  })

  it("keeps an entry copied with its sign-off, and puts no other maintainer's sign-off with it", () => {
    const overlaps = overlapsOf(shell + secret, gtk + shell)
    const copied = overlaps.find((o) => o.passages.some((p) => p.text.includes('Rebuild against the new mutter')))
    expect(copied?.kind).toBe('verbatim')
    expect(copied?.passages.map((p) => p.text)).toEqual([shell.trim(), shell.trim()])
    // Whatever else the two logs share is one maintainer's, not two maintainers' sign-offs joined
    // through a date.
    for (const o of overlaps)
      expect(o.passages.some((p) => p.text.includes('McVittie')) && o.passages.some((p) => p.text.includes('Bicha'))).toBe(false)
  })

  it('keeps a sentence two entries share after headers with different addresses at one host (a reviewer)', () => {
    // GNU change logs: read word for word, the pair reached back into "gnu.org>"; it starts after
    // the two addresses, a whole sentence both have.
    const sentence = 'Add copyright headers to some files which lack them.'
    const overlaps = overlapsOf(
      `2015-11-01  James Youngman  <jay@gnu.org>\n\n\t${sentence}\n\t* find/testsuite/excuses.txt: remove spurious character (a typo).\n`,
      `2016-02-03  Jim Meyering  <meyering@gnu.org>\n\n\t${sentence}\n\t* src/ls.c: tidy up the option parsing code.\n`,
    )
    expect(overlaps.map((o) => [o.kind, o.passages.map((p) => p.text)])).toEqual([['verbatim', [sentence, sentence]]])
  })

  it('reads one address written with "mailto:" or after a label as the same address (a reviewer)', () => {
    expect(keptKindOf('Please send bug reports to <mailto:bug-grep@gnu.org>.', 'Please send bug reports to <bug-grep@gnu.org>.')).toBe(
      'variant',
    )
    expect(keptKindOf('For support write to Email:jane.roe@example.com or', 'For support write to Email: jane.roe@example.com or')).toBe(
      'verbatim',
    )
  })
})
