import { DocumentMemo } from './document-memo.js'
import type { AnalysedDocument } from './analyse.js'

// A source file's notice: the comments it opens with that state its copyright or licence (C's
// "/* Copyright (C) 1996-2022 Free Software Foundation, Inc. ... */", Linux's "/* SPDX-License-
// Identifier: GPL-2.0 */", "// Copyright ..."). It is the file's furniture, as a manual page's
// COPYRIGHT section is (furniture.ts): a reader comparing headers skips it as they skip a licence,
// and a pair is cut where it ends (sections.ts). Read on, the notices of glibc's headers went on
// into each file's include guard and #include lines, whose names then read as the notice's
// variants ("AIO" -> "ALLOCA"); 58 of the 80 passages of glibc's notice, 59 of 90 of Linux's SPDX
// lines, 27 of 59 of X11's Open Group notice (a tester of /usr/include).

/** Characters of a file's start read for its notice, at most: a long licence is a few thousand. */
const MAX_NOTICE_CHARS = 20_000

/** Words that make a comment a notice. */
const NOTICE_WORDS = /\b(?:copyright|licen[cs]e[ds]?|SPDX-License-Identifier|free software|permission is hereby granted)\b|\(c\)|©/i

/** Per document read so far: where its notice ends (a UTF-16 offset), 0 without one. */
const noticeOf = new DocumentMemo((doc: Pick<AnalysedDocument, 'text'>) => readNotice(doc.text))

/**
 * Where the notice `doc` opens with ends (see above): the offset after the close of the last of
 * its opening comments that is a notice (a comment describing the file may follow: glibc's aio.h
 * names its standard, "ISO/IEC 9945-1:1996 6.7: Asynchronous Input and Output", in a comment of
 * its own); 0 when none is. C's block comments and runs of "//" lines, white space between them.
 */
export function noticeEnd(doc: Pick<AnalysedDocument, 'text'>): number {
  return noticeOf.get(doc)
}

function readNotice(text: string): number {
  const limit = Math.min(text.length, MAX_NOTICE_CHARS)
  let at = 0
  /** The end of the last comment that is a notice. */
  let last = 0
  for (;;) {
    while (at < limit && /\s/.test(text[at])) at++
    let end: number
    if (text.startsWith('/*', at)) {
      const close = text.indexOf('*/', at + 2)
      if (close < 0 || close + 2 > limit) break
      end = close + 2
    } else if (text.startsWith('//', at)) {
      // A run of lines that each open with "//".
      end = at
      while (end < limit && /^[ \t]*\/\//.test(text.slice(end, end + 64))) {
        const line = text.indexOf('\n', end)
        end = line < 0 ? text.length : line + 1
      }
      if (end > limit) break
    } else break
    if (NOTICE_WORDS.test(text.slice(at, end))) last = end
    at = end
  }
  return last
}
