import type { AnalysedDocument } from './analyse.js'

// Statements that cite different reference numbers. A change log's entries, a bug tracker's
// tickets and a standard's clauses are written to a pattern: "Issue #13052: Fix IDLE crashing"
// and "Issue #16226: Fix IDLE Path Browser crash" share the words of two fixes and are two bugs
// (a reviewer of IDLE's NEWS files: a paraphrase, "words in common: Issue, Fix, IDLE, crashing").
// A restatement cites what the other statement cites, or nothing; two that each cite a number
// (an issue, "#13052"; an identifier with its tracker's prefix, "bpo-33656", "CVE-2021-3156",
// "RFC 2119" is not one: a word and a space) and none the same are no paraphrase (overlaps.ts).
// Numbers are compared as their digits: "#33656" and "bpo-33656" cite one issue. Dates, years,
// versions and counts are no citations ("2018-06-27" has no letters before its hyphen, "3.7.0"
// no mark, "5 files" none).

/**
 * A cited number: "#" or a prefix of letters and a hyphen before two digits or more; the digits
 * after the last hyphen, for "CVE-2021-3156".
 */
const CITED = /(?:#|\b\p{L}{1,10}(?:-\d+)*-)(\d{2,})\b/gu
/**
 * What a text that cites a number holds: the mark or hyphen before its digits. Most passages have
 * none, and are told so without CITED, whose compilation (its letters are all of Unicode's) was a
 * millisecond of the bundled corpus's run.
 */
const MAY_CITE = /[#-]\d\d/

/** The numbers tokens [t0, t1] of `doc` cite (see above), as their digits. */
export function citedNumbers(doc: AnalysedDocument, t0: number, t1: number): Set<string> {
  const from = Math.max(0, doc.starts[t0] - 1)
  const out = new Set<string>()
  const text = doc.text.slice(from, doc.ends[t1])
  if (!MAY_CITE.test(text)) return out
  for (const m of text.matchAll(CITED)) out.add(m[1])
  return out
}

/** Whether tokens [a0, a1] of A and [b0, b1] of B each cite a number and none the same (see above). */
export function citeOthers(A: AnalysedDocument, a0: number, a1: number, B: AnalysedDocument, b0: number, b1: number): boolean {
  const inA = citedNumbers(A, a0, a1)
  if (inA.size === 0) return false
  const inB = citedNumbers(B, b0, b1)
  if (inB.size === 0) return false
  for (const n of inA) if (inB.has(n)) return false
  return true
}

// Versions likewise, named so: "version 2.1 of the License" and "the GNU General Public License
// version 3.0 or later" cite two licences, and a statement of one is no restatement of the other
// (a reviewer of GNU READMEs: a paraphrase, "words in common: GNU, General, Public, License,
// version, ..."; the GFDL's "Version 1.3 or any later version published by the Free Software
// Foundation" against "version 2 or later", a GPL notice, in ed's manuals). Only where the pass
// finds them in other words: two sentences a kept pair's words lie across are that pair read to
// its sentences (widened-pairs.ts), the licences' names a change of it ("Licensed under the
// Apache License, Version 2.0 (the "License"); you may not use this file ..." / "... the Mozilla
// Public License Version 1.1 (the "License"); ...").

/**
 * A version named so, "version 2.1", "Version 3", or a release of a named thing, a dotted number
 * after a word: "glibc 2.1.91", "OpenBSD 3.2" (the number as written, a "v" before it aside).
 * Manual pages write the history of each function or program to one pattern, and two such
 * sentences are two facts: "ssh-keysign first appeared in OpenBSD 3.2" / "ssh-pkcs11-helper first
 * appeared in OpenBSD 4.7", "function is a GNU extension, available since glibc 2.1.91" /
 * "(available since glibc 2.3.4 ...)" were paraphrases ("words in common: GNU, available, since,
 * glibc"; a review of C string and OpenSSH pages). A number without a dot after any other word is
 * more often a count ("uses 4 threads") or a section than a release, and is not read. A name starts
 * where a word does, not after a "+" inside one: tried after each, a long run such as "v+v+v+..."
 * was read to its end from each of its "+" (a tester).
 */
const RELEASE = /(?<![\p{L}\p{N}_.-])(?<![\p{L}\p{N}_+-]\+)(\p{L}[\p{L}\p{N}_+-]*)\s+v?(\d+(?:\.\d+)*)(?![\p{N}_]|\.\p{N})/gu

/**
 * The versions and releases tokens [t0, t1] of `doc` name (see RELEASE): per name (lower case;
 * "version" for a version named so), their numbers.
 */
export function namedVersions(doc: AnalysedDocument, t0: number, t1: number): Map<string, Set<string>> {
  const text = doc.text.slice(doc.starts[t0], doc.ends[t1])
  const out = new Map<string, Set<string>>()
  if (!/\d/.test(text)) return out
  for (const [, word, number] of text.matchAll(RELEASE)) {
    const name = word.toLowerCase()
    if (name !== 'version' && !number.includes('.')) continue
    let numbers = out.get(name)
    if (!numbers) out.set(name, (numbers = new Set()))
    numbers.add(number)
  }
  return out
}

/**
 * Whether tokens [a0, a1] of A and [b0, b1] of B name versions or releases of one name and none
 * the same (see RELEASE).
 */
export function nameOtherVersions(A: AnalysedDocument, a0: number, a1: number, B: AnalysedDocument, b0: number, b1: number): boolean {
  const inA = namedVersions(A, a0, a1)
  if (inA.size === 0) return false
  const inB = namedVersions(B, b0, b1)
  for (const [name, numbers] of inA) {
    const other = inB.get(name)
    if (other && [...numbers].every((n) => !other.has(n))) return true
  }
  return false
}
