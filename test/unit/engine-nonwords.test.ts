import { describe, expect, it } from 'vitest'
import type { AnalysedDocument } from '../../main/core/engine/analyse.js'
import { nonWordTokens, nonWordTokensIn } from '../../main/core/engine/nonwords.js'
import { findOverlaps } from '../../main/core/engine/overlaps.js'
import { analysed } from '../helpers.js'

// What a loose match does not read as words of a claim (nonwords.ts): parts of web and e-mail
// addresses, paths, and numbers.

const words = (doc: AnalysedDocument, marks: Uint8Array) =>
  [...marks.keys()].filter((t) => marks[t]).map((t) => doc.text.slice(doc.starts[t], doc.ends[t]))

describe('tokens that are no words of a claim', () => {
  it('marks numbers, and nothing else of a date or a name', () => {
    const [doc] = analysed('On Thu, 21 Aug 2008 at 21:50 the 3rd release of MD5 tools for Windows 10 came out.')
    expect(words(doc, nonWordTokens(doc))).toEqual(['21', '2008', '21', '50', '10'])
  })

  it('marks the words of addresses and nothing around them', () => {
    const [doc] = analysed('See https://www.gnu.org/licenses/gpl.html, or write to <help@example.org> (www.example.com/faq) today.')
    expect(words(doc, nonWordTokens(doc))).toEqual([
      'https',
      'www',
      'gnu',
      'org',
      'licenses',
      'gpl',
      'html',
      'help',
      'example',
      'org',
      'www',
      'example',
      'com',
      'faq',
    ])
  })

  it('ends an address where text follows it without a space, and reads a package version as numbers', () => {
    const [doc] = analysed('Visit WWW.Example.com\u2014the site\u2014or “https://a.org/x” today; lodash@4.17.21 is no address.')
    expect(words(doc, nonWordTokens(doc))).toEqual(['WWW', 'Example', 'com', 'https', 'a', 'org', 'x', '4', '17', '21'])
  })

  it('marks paths, and not words joined by a slash', () => {
    const [doc] = analysed(
      'Files: debian/* and src/lib/util.c, see /usr/share/common-licenses/GPL-2 or ./configure; GNU/Linux, and/or and input/output are words.',
    )
    expect(words(doc, nonWordTokens(doc))).toEqual([
      'debian',
      'src',
      'lib',
      'util',
      'c',
      'usr',
      'share',
      'common',
      'licenses',
      'GPL',
      '2',
      'configure',
    ])
  })

  it('marks a span of tokens as it marks them in the whole text, however the span cuts an address or path', () => {
    // A fresh document each time: nonWordTokens keeps its marks, which nonWordTokensIn would reuse.
    const text =
      'Files: debian/* src/lib/util.c\nSee https://www.gnu.org/licenses/gpl.html or <help@example.org>, 2008-2010; GNU/Linux 3rd.'
    const whole = nonWordTokens(analysed(text)[0])
    for (let t0 = 0; t0 < whole.length; t0++)
      for (let t1 = t0; t1 < whole.length; t1++)
        expect([...nonWordTokensIn(analysed(text)[0], t0, t1)]).toEqual([...whole.slice(t0, t1 + 1)])
  })

  it('makes no loose match of two stanzas naming different files', () => {
    // Debian copyright stanzas of two programs, each naming its own test_utils files: read as
    // words, the paths share "test", "utils", "h" in order, and were aligned into a match of
    // similarity 0.6, reported as a paraphrase.
    const documents = [
      'Files: chrome/test/file_test_utils.cc chrome/test/file_test_utils.h\nCopyright: 2006-2009 The Chromium Authors.\nLicense: BSD-3-clause\n\n' +
        'Files: chrome/browser/tab_utils.cc\nCopyright: 2010 The Chromium Authors.\nLicense: BSD-3-clause\n',
      'Files: test_utils/test_utils.c\n       test_utils/test_utils.h\nCopyright:\n (c) 2003-2012 Tim Kientzle\nLicense: BSD-2-clause\n\n' +
        'Files: tar/test/test_option.c\nCopyright: 2021 Ryan Libby\nLicense: BSD-2-clause\n',
    ].map((text, k) => ({ id: `d${k}`, text }))
    expect(findOverlaps(documents).overlaps).toEqual([])
  })

  it('makes no paraphrase of two addresses on one site', () => {
    // Each address a sentence of its own, its site's name said often around it: read as words,
    // the two share http, www, org and licenses, and their cosine is 0.7.
    const documents = [
      'The Apache License 2.0 covers this program. Apache grants you a patent grant too. Version 2.0 of it came out in 2004.\n\n' +
        'http://www.apache.org/licenses/LICENSE-2.0\n\nThe Apache foundation keeps the text.\n',
      'The GNU LGPL covers this library. Read why the GNU project prefers the GPL to the LGPL for most libraries. Why not the LGPL, ' +
        'you ask? The html page says why.\n\n<https://www.gnu.org/licenses/why-not-lgpl.html>\n\nGNU software is free.\n',
    ].map((text, k) => ({ id: `d${k}`, text }))
    expect(findOverlaps(documents).overlaps).toEqual([])
  })
  it('makes no paraphrase of two timestamps', () => {
    // Each timestamp a clause; the months, years and zones are said again around them (so they
    // weigh little), and the two share only a weekday and three numbers.
    const documents = [
      'This package was debianized by Marcus Brinkmann on\nThu, 25 Jul 2002 21:50:21 +0200.\n\nIt was taken over in Jul 2002 by Matthias.\n' +
        'The 25 Jul 2002 upload was the first.\nAnother upload on Aug 2008 fixed it, at +0200.\nPeter wrote on 25 Aug 2008, -0400 time.\n',
      '  Subject: Re: license for the annotations\n  Date: Thu, 21 Aug 2008 21:50:44 -0400\n  .\n  I hereby grant license to the code on 25 Jul 2002.\n' +
        'The mail of Aug 2008 came at -0400 and 44 past.\nIn Jul 2002 and +0200 too.\n',
    ].map((text, k) => ({ id: `d${k}`, text }))
    expect(findOverlaps(documents).overlaps).toEqual([])
  })
})
