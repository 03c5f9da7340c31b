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
