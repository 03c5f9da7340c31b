import { describe, expect, it } from 'vitest'
import { citedNumbers, citeOthers, namedVersions, nameOtherVersions } from '../../main/core/engine/cited-numbers.js'
import { findOverlaps } from '../../main/core/engine/overlaps.js'
import { analysed } from '../helpers.js'
import { join } from 'node:path'
import { loadFolder } from '../../main/node/engine/inline.js'

// Statements that cite different reference numbers are no paraphrase (cited-numbers.ts).

describe('citedNumbers', () => {
  it('reads issues, prefixed identifiers and their digits, not dates, versions or counts', () => {
    const [doc] = analysed('Issue #13052 and bpo-33656, CVE-2021-3156; released 2018-06-27 as 3.7.0 with 5 files, #7 too')
    expect([...citedNumbers(doc, 0, doc.starts.length - 1)].sort()).toEqual(['13052', '3156', '33656'])
  })

  it('tells two statements citing other numbers from two citing one, or one citing none', () => {
    const [a, b, c, d] = analysed(
      'Issue #13052: Fix IDLE crashing',
      'Issue #16226: Fix IDLE Path Browser crash',
      'bpo-13052: Fix IDLE crash',
      'Fix IDLE crashing',
    )
    const all = (x: typeof a) => [x, 0, x.starts.length - 1] as const
    expect(citeOthers(...all(a), ...all(b))).toBe(true)
    expect(citeOthers(...all(a), ...all(c))).toBe(false)
    expect(citeOthers(...all(a), ...all(d))).toBe(false)
  })
})

describe('findOverlaps, entries of a change log', () => {
  it('reports no paraphrase between fixes of different issues, and keeps rewordings of one (a reviewer)', async () => {
    // Excerpts of IDLE's NEWS files as Python 2.7.18 and 3.10.13 ship them: "Issue #13052: Fix
    // IDLE crashing" and "Issue #16226: Fix IDLE Path Browser crash" were a paraphrase.
    const { texts } = await loadFolder(join(import.meta.dirname, '../fixtures/engine/cited-numbers'))
    const paraphrases = findOverlaps(texts).overlaps.filter((o) => o.kind === 'paraphrase')
    const cited = paraphrases.map((o) => o.passages.map((p) => p.text.match(/#\d+/)?.[0]))
    expect(cited.length).toBeGreaterThan(0)
    for (const numbers of cited) expect(new Set(numbers).size).toBe(1)
    expect(cited).toContainEqual(expect.arrayContaining(['#17390']))
  })
})

describe('named versions', () => {
  it('are read where a version is named so, and tell two licences apart', () => {
    // A reviewer of GNU READMEs: libgpg-error's "... GNU Lesser General Public License as
    // published by the Free Software Foundation; either version 2.1 of the License" and
    // libtasn1's "licensed under the GNU General Public License version 3.0 or later" were a
    // paraphrase; so were the GFDL's "Version 1.3 or any later version" and a GPL notice's
    // "version 2 or later" in ed's manuals.
    const [lgpl, gpl, gfdl, gpl2, again, none] = analysed(
      'Libgpg-error is free software; you can redistribute it under the terms of the GNU Lesser General Public License; either version 2.1 of the License, or any later version.',
      'The library is licensed under the GNU General Public License version 3.0 or later.',
      'Permission is granted under the terms of the GNU Free Documentation License, Version 1.3 or any later version.',
      'License GPLv3+: GNU GPL version 2 or later; this is free software.',
      'This file is free software, under the GNU General Public License, version v3.0, or later.',
      'The library is free software under the GNU General Public License.',
    )
    const all = (x: typeof lgpl) => [x, 0, x.starts.length - 1] as const
    expect(namedVersions(...all(lgpl))).toEqual(new Map([['version', new Set(['2.1'])]]))
    expect(namedVersions(...all(again))).toEqual(new Map([['version', new Set(['3.0'])]]))
    expect(nameOtherVersions(...all(lgpl), ...all(gpl))).toBe(true)
    expect(nameOtherVersions(...all(gfdl), ...all(gpl2))).toBe(true)
    // The same version, or none named on one side: no reason to part them.
    expect(nameOtherVersions(...all(gpl), ...all(again))).toBe(false)
    expect(nameOtherVersions(...all(gpl), ...all(none))).toBe(false)
  })
})

describe('named releases', () => {
  it('tell apart two statements of one pattern naming other releases of one thing', () => {
    // A review of C string and OpenSSH manual pages: each page's history, written to one pattern,
    // was a paraphrase of another page's.
    const [keysign, helper, memchr, strerror, again, counts] = analysed(
      'HISTORY ssh-keysign first appeared in OpenBSD 3.2.',
      'HISTORY ssh-pkcs11-helper first appeared in OpenBSD 4.7.',
      'The rawmemchr() function is a GNU extension, available since glibc 2.1.91.',
      'The GNU-specific strerror_r() is available since glibc 2.0 and the XSI-compliant one since glibc 2.3.4.',
      'This function first appeared in OpenBSD 3.2, as ssh-keysign did.',
      'The tool uses 4 threads and keeps 2 copies of version 3 of the file.',
    )
    const all = (x: typeof keysign) => [x, 0, x.starts.length - 1] as const
    expect(namedVersions(...all(memchr))).toEqual(new Map([['glibc', new Set(['2.1.91'])]]))
    expect(namedVersions(...all(strerror))).toEqual(new Map([['glibc', new Set(['2.0', '2.3.4'])]]))
    expect(nameOtherVersions(...all(keysign), ...all(helper))).toBe(true)
    expect(nameOtherVersions(...all(memchr), ...all(strerror))).toBe(true)
    // The same release named on both sides, or releases of different things: no reason to part them.
    expect(nameOtherVersions(...all(keysign), ...all(again))).toBe(false)
    expect(nameOtherVersions(...all(keysign), ...all(memchr))).toBe(false)
    // A number without a dot is a count, except after "version".
    expect(namedVersions(...all(counts))).toEqual(new Map([['version', new Set(['3'])]]))
  })
})
