import type { AnalysedDocument } from './analyse.js'
import type { PairPassage } from './cluster.js'
import { inCodeBlock } from './nonwords.js'
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
// SunOS command").

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

/**
 * A section's heading line: a manual page's, its title in capitals from the line's start ("SEE
 * ALSO"), or a Markdown heading ("## License"); the title in group 1 or 2.
 */
const HEADING = /^(?:([A-Z][A-Z]+(?: [A-Z]+)*)|[ ]{0,3}#{1,6}[ \t]+([^\n#]+?)[ \t#]*)[ \t]*\r?$/gm

/** Per document read so far: its headings' offsets, ascending, and whether each is furniture's. */
const headingsOf = new WeakMap<Pick<AnalysedDocument, 'text'>, { at: Uint32Array; furniture: Uint8Array }>()

/** A document's section headings (HEADING), outside code blocks. */
function headings(doc: Pick<AnalysedDocument, 'text'>): { at: Uint32Array; furniture: Uint8Array } {
  let found = headingsOf.get(doc)
  if (!found) {
    const at: number[] = []
    const furniture: number[] = []
    HEADING.lastIndex = 0
    for (let m = HEADING.exec(doc.text); m; m = HEADING.exec(doc.text)) {
      if (m[2] !== undefined && inCodeBlock(doc, m.index)) continue
      at.push(m.index)
      furniture.push(FURNITURE.has((m[1] ?? m[2]).toUpperCase().replace(/\s+/g, ' ')) ? 1 : 0)
    }
    headingsOf.set(doc, (found = { at: Uint32Array.from(at), furniture: Uint8Array.from(furniture) }))
  }
  return found
}

/**
 * Whether the text of `doc` from offset `start` to `end` lies in furniture sections: the section
 * it starts in, and each it reaches into, is furniture's (see above).
 */
export function inFurniture(doc: Pick<AnalysedDocument, 'text'>, start: number, end: number): boolean {
  const { at, furniture } = headings(doc)
  // The heading of the section it starts in: the last at or before its start (a passage may open
  // with its heading's words).
  let k = upperBound(at, start) - 1
  if (k < 0) return false
  for (; k < at.length && at[k] < end; k++) if (!furniture[k]) return false
  return true
}

/** Whether every passage (tokens [start, end] of its document) lies in furniture sections (inFurniture). */
export function furnitureOnly(
  passages: readonly PairPassage[],
  docs: readonly Pick<AnalysedDocument, 'text' | 'starts' | 'ends'>[],
): boolean {
  return passages.every((p) => inFurniture(docs[p.doc], docs[p.doc].starts[p.start], docs[p.doc].ends[p.end]))
}
