import { describe, expect, it } from 'vitest'
import { noticeEnd } from '../../main/core/engine/notices.js'
import { findOverlaps } from '../../main/core/engine/overlaps.js'
import { engineFixture } from '../helpers.js'

const end = (text: string) => noticeEnd({ text })

describe("a source file's notice (notices.ts)", () => {
  it('is the comments a file opens with, to the last that states a copyright or licence', () => {
    const glibc = '/* Copyright (C) 1996-2022 Free Software Foundation, Inc.\n   This file is part of the GNU C Library.  */\n\n'
    const described = `${glibc}/*\n * ISO/IEC 9945-1:1996 6.7: Asynchronous Input and Output\n */\n\n#ifndef _AIO_H\n`
    expect(end(described)).toBe(glibc.trimEnd().length)
    const linux =
      '/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */\n/*\n * Copyright (C) 2007 Oracle.  All rights reserved.\n */\n'
    expect(end(`${linux}\n#ifndef _BTRFS_H\n`)).toBe(linux.trimEnd().length)
    const slashes = '// Copyright 2020 The Authors\n// Use of this source code is governed by a BSD-style license.\n'
    expect(end(`${slashes}\npackage main\n`)).toBe(slashes.length)
    expect(end(`\n\n${glibc}int x;`)).toBe(2 + glibc.trimEnd().length)
  })

  it('is none where the file opens with no comment, or with comments that state neither', () => {
    expect(end('#include <stdio.h>\n/* Copyright 2020 */\n')).toBe(0)
    expect(end('/* Fast string functions.  */\n\nint x;')).toBe(0)
    expect(end('The GNU C Library is free software.')).toBe(0)
    // A comment left open is no comment the file opens with.
    expect(end('/* Copyright (C) 2020 and never closed')).toBe(0)
  })

  it("is cut from the code after it, and labelled boilerplate (glibc's and X11's headers, a tester)", () => {
    // The first lines of five glibc headers: the LGPL notice, then each file's own comment, include
    // guard and #include lines, whose names were the notice's variants ("AIO" -> "ALLOCA").
    const { overlaps } = findOverlaps(engineFixture('source-notices'))
    const notice = overlaps.find((o) => o.passages.some((p) => p.text.includes('free software')))!
    expect(notice.passages).toHaveLength(5)
    for (const p of notice.passages) {
      expect(p.text).toMatch(/^Copyright \(C\) \d{4}-2022 Free Software Foundation/)
      expect(p.text).toMatch(/<https:\/\/www\.gnu\.org\/licenses\/>\.$/)
    }
    expect(notice.boilerplate).toBe(true)
    // X11's notice ends with a disclaimer in capitals, a line read as a heading elsewhere: it is
    // the notice's, and the include guard after it is not.
    const x11 = findOverlaps(engineFixture('source-notices-x11')).overlaps
    expect(x11).toHaveLength(1)
    expect(x11[0].kind).toBe('verbatim')
    expect(x11[0].boilerplate).toBe(true)
    for (const p of x11[0].passages)
      expect(p.text).toMatch(/^Copyright 1987, 1988, 1998 {2}The Open Group[^]*PERFORMANCE OF THIS\nSOFTWARE\.$/)
    // Only the years differ.
    for (const v of notice.variants)
      for (const c of v.changes ?? []) if (c.op !== 'equal') expect(`${c.a ?? ''}${c.b ?? ''}`).toMatch(/^[\d\s-]+$/)
  })
})
