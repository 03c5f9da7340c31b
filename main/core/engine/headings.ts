import { DocumentMemo } from './document-memo.js'
import type { AnalysedDocument } from './analyse.js'
import { inCodeBlock } from './nonwords.js'
import { upperBound } from '../text/sorted.js'

// A document's section headings: a manual page's titles in capitals from a line's start ("SEE
// ALSO", "EXIT STATUS") and Markdown's ("## License"), outside code blocks. Read once per
// document. Which sections are furniture is furniture.ts's; where a pair of passages is cut at
// them, sections.ts's.

/**
 * A heading's line: a manual page's, its title in capitals from the line's start, or a Markdown
 * heading; the title in group 1 or 2. A Markdown title starts and ends on a mark that is neither
 * a space nor "#", so that no run of spaces can be split between the title and what is around it
 * in more than one way: written so ("[ \t]+([^\n#]+?)[ \t#]*[ \t]*"), a line of a "#" and spaces
 * that did not end as a heading was tried every way, as the fourth power of its spaces (a line
 * of 500: 12 s; "## Results", 2,000 spaces and "# see below": 5 s; a tester).
 */
const HEADING = /^(?:([A-Z][A-Z]+(?: [A-Z]+)*)[ \t]*|[ ]{0,3}#{1,6}[ \t]+([^\s#](?:[^\n#]*[^\s#])?)[ \t#]*)\r?$/gm

/** A document's headings, in order. */
export interface Headings {
  /** Offsets of the headings' lines. */
  readonly at: Uint32Array
  /** Offsets where the headings' lines end (their sections' text starts). */
  readonly ends: Uint32Array
  /** Titles, upper case, single spaces. */
  readonly titles: readonly string[]
  /**
   * Per heading, 1 when it is a manual page's section heading: a title in capitals in a document
   * that has a NAME section and a SYNOPSIS or DESCRIPTION one, as man-pages(7) lays a page out. A
   * title in capitals elsewhere ("END OF TERMS AND CONDITIONS", in a licence) is a line of its
   * text.
   */
  readonly manual: Uint8Array
}

/** Per document read so far: its headings. */
const headingsOf = new DocumentMemo(readHeadings)

/** A document's section headings (see above). */
export function headings(doc: Pick<AnalysedDocument, 'text'>): Headings {
  return headingsOf.get(doc)
}

/** What headings gives for a document, read from it once (its memo keeps it). */
function readHeadings(doc: Pick<AnalysedDocument, 'text'>): Headings {
  const at: number[] = []
  const ends: number[] = []
  const titles: string[] = []
  const capitals: number[] = []
  HEADING.lastIndex = 0
  for (let m = HEADING.exec(doc.text); m; m = HEADING.exec(doc.text)) {
    if (m[2] !== undefined && inCodeBlock(doc, m.index)) continue
    at.push(m.index)
    ends.push(m.index + m[0].length)
    capitals.push(m[1] !== undefined ? 1 : 0)
    titles.push((m[1] ?? m[2]).toUpperCase().replace(/\s+/g, ' '))
  }
  const page = titles.includes('NAME') && (titles.includes('SYNOPSIS') || titles.includes('DESCRIPTION'))
  return {
    at: Uint32Array.from(at),
    ends: Uint32Array.from(ends),
    titles,
    manual: page ? Uint8Array.from(capitals) : new Uint8Array(capitals.length),
  }
}

/**
 * The title of the manual page's section that offset `at` of `doc` lies in ('' outside a manual
 * page's sections: before the first, or in a document that is no manual page).
 */
export function manualSectionAt(doc: Pick<AnalysedDocument, 'text'>, at: number): string {
  const { at: starts, manual, titles } = headings(doc)
  let k = upperBound(starts, at) - 1
  // The last manual heading at or before it (a Markdown heading inside a page's section is its text).
  while (k >= 0 && !manual[k]) k--
  return k >= 0 ? titles[k] : ''
}

/**
 * Whether a paraphrase starting at token a0 of A and b0 of B has a side in a manual page's
 * SYNOPSIS or SEE ALSO, or both in NAME sections (manualSectionAt): the paraphrase pass's, and a
 * loose match the alignment kept ("NAME\n       deb-preinst - package pre-installation maintainer
 * script", against deb-prerm's "pre-removal": a paraphrase of the paraphrases bench, judged
 * false). A SYNOPSIS shows how a program is called, two pages' NAME lines name two programs, and a
 * SEE ALSO lists other pages and where the full manual is: no claim restated.
 * A SYNOPSIS's option list ("[-t dsa | ecdsa | ed25519 | rsa]", against "Lists the public keys
 * (DSA, ECDSA, Ed25519, RSA) that can be used for logging in") and two NAME lines ("ssh-add —
 * adds private key identities to the OpenSSH authentication agent" / "ssh-agent — OpenSSH
 * authentication agent"; msgfmt's "compile message catalog to binary format" and msgunfmt's
 * "uncompile ...") were paraphrases (a reviewer of OpenSSH's pages). A NAME line against
 * another text's sentence may restate it (bc's "An arbitrary precision calculator language" and
 * its manual's "'bc' is a language that supports arbitrary precision numbers"). Two of
 * findutils' pages' SEE ALSO, "chmod(1), locate(1), ls(1), updatedb(1), xargs(1) ..." and
 * "find(1), kill(1), locate(1), updatedb(1) ...", were a paraphrase (a reviewer: false); of the
 * review corpora's paraphrases, it alone went.
 */
export function callsOrNames(
  A: Pick<AnalysedDocument, 'text' | 'starts'>,
  a0: number,
  B: Pick<AnalysedDocument, 'text' | 'starts'>,
  b0: number,
): boolean {
  const x = manualSectionAt(A, A.starts[a0])
  const y = manualSectionAt(B, B.starts[b0])
  return x === 'SYNOPSIS' || y === 'SYNOPSIS' || (x === 'NAME' && y === 'NAME') || x === 'SEE ALSO' || y === 'SEE ALSO'
}
