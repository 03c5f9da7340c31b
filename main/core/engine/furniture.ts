import { DocumentMemo } from './document-memo.js'
import type { AnalysedDocument } from './analyse.js'
import type { PairPassage } from './cluster.js'
import { headings } from './headings.js'
import { onPageLines } from './next-item.js'
import { noticeEnd } from './notices.js'
import { upperBound } from '../text/sorted.js'

// A document's furniture: the sections of a manual page or a README about the document, not its
// subject: where to report bugs, who wrote it, its copyright and licence, where to read on. Pages of
// one package print them alike ("REPORTING BUGS\n  Please send bug reports to
// <procps@freelists.org>", "SEE ALSO ps(1), top(1)"), and a reader comparing what the pages say
// skips them, as they skip a licence: reviewers of procps', PAM's, OpenSSL's and e2fsprogs' pages
// found such sections among the top overlaps, unlabelled, fewer pages sharing each than a tenth of
// the corpus. An overlap each of whose passages lies in such sections is boilerplate
// (boilerplate.ts). The sections are those man-pages(7) lists after a page's subject (AUTHORS,
// REPORTING BUGS, COPYRIGHT, SEE ALSO; COLOPHON and AVAILABILITY, which Linux's and util-linux's
// pages add) and a README's (License, Contributing, Authors). Not STANDARDS, HISTORY or BUGS,
// which say something of the subject ("No standards apply, but pmap looks an awful lot like a
// SunOS command") — but a BUGS section that only says where to report them is (pointerOnly:
// man-db's pages print two addresses there, lz4's and zstd's "Report bugs at:" one).
//

/** Section titles (upper case, single spaces) that name furniture (see above). */
const FURNITURE = new Set([
  'SEE ALSO',
  'AUTHOR',
  'AUTHORS',
  'REPORTING BUGS',
  'COPYRIGHT',
  'COLOPHON',
  'AVAILABILITY',
  'LICENSE',
  'LICENCE',
  'CONTRIBUTING',
  'CONTRIBUTORS',
])

/** A BUGS section's title: furniture when it only points elsewhere (pointerOnly). */
const BUGS = 'BUGS'

/**
 * Words, at most, of a BUGS section that is a pointer (pointerOnly). "Report bugs at:" and an
 * address, or two addresses, are a few; a section that describes a bug says more than a line
 * ("The -x option does not work on ... ").
 */
export const MAX_POINTER_WORDS = 12

/** An address to report at: a web address or an e-mail address. */
const ADDRESS = /\bhttps?:\/\/\S+|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g

/** Words that say a line is about reporting: "Report bugs at:", "Please send bug reports to". */
const REPORTING = /\b(?:report|reports|bugs?|issues?)\b/i

/**
 * Whether a BUGS section's body only points at where to report bugs: an address, and nothing
 * else or MAX_POINTER_WORDS words at most that say to report there (not "The -x option shows
 * nothing for another user's process; see <address>").
 */
function pointerOnly(body: string): boolean {
  const rest = body.replace(ADDRESS, ' ')
  if (rest.length === body.length) return false
  const words = (rest.match(/\p{L}+/gu) ?? []).length
  return words === 0 || (words <= MAX_POINTER_WORDS && REPORTING.test(rest))
}

/** Per document read so far: whether each of its headings (headings.ts) opens furniture. */
const furnitureOf = new DocumentMemo(readFurnitureHeadings)

/** Per heading of `doc` (headings.ts), 1 when its section is furniture (see above). */
export function furnitureHeadings(doc: Pick<AnalysedDocument, 'text'>): Uint8Array {
  return furnitureOf.get(doc)
}

/** What furnitureHeadings gives for a document, read from it once (its memo keeps it). */
function readFurnitureHeadings(doc: Pick<AnalysedDocument, 'text'>): Uint8Array {
  const { at, ends, titles, manual } = headings(doc)
  /** Heading k's section's text; a manual page's without its lines from the margin, the page's footer ("2.11.2  2023-01-08  APROPOS(1)"). */
  const body = (k: number): string => {
    const text = doc.text.slice(ends[k], at[k + 1] ?? doc.text.length)
    return manual[k] ? text.replace(/^\S.*$/gm, '') : text
  }
  // A heading with nothing but white space before it is the document's title, not a section of
  // it: a CONTRIBUTING guide titled "Contributing" is all about contributing, and what it shares
  // with another guide was boilerplate where the same text titled "How to contribute" was not
  // (a tester of /usr/share/doc's Markdown files).
  const title = (k: number): boolean => k === 0 && !/\S/.test(doc.text.slice(0, at[0]))
  return Uint8Array.from(titles, (name, k) => (!title(k) && (FURNITURE.has(name) || (name === BUGS && pointerOnly(body(k)))) ? 1 : 0))
}

/**
 * Whether the text of `doc` from offset `start` to `end` lies in furniture sections: the section
 * it starts in, and each it reaches into, is furniture's (see above).
 */
export function inFurniture(doc: Pick<AnalysedDocument, 'text'>, start: number, end: number): boolean {
  // A source file's notice (notices.ts).
  if (end <= noticeEnd(doc)) return true
  const { at } = headings(doc)
  const furniture = furnitureHeadings(doc)
  // The heading of the section it starts in: the last at or before its start (a passage may open
  // with its heading's words).
  let k = upperBound(at, start) - 1
  if (k < 0) return false
  for (; k < at.length && at[k] < end; k++) if (!furniture[k]) return false
  return true
}

/**
 * Whether every passage (tokens [start, end] of its document) lies in furniture sections
 * (inFurniture), or on its page's running header or footer line (next-item.ts onPageLines: "perl
 * v5.36.0  2023-03-01  LWP::Debug(3pm)", which pages of one date share).
 */
export function furnitureOnly(
  passages: readonly PairPassage[],
  docs: readonly Pick<AnalysedDocument, 'text' | 'starts' | 'ends'>[],
): boolean {
  return passages.every((p) => {
    const doc = docs[p.doc]
    return onPageLines(doc, p.start, p.end) || inFurniture(doc, doc.starts[p.start], doc.ends[p.end])
  })
}
