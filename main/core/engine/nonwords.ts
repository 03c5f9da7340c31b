import type { AnalysedDocument } from './analyse.js'
import { lowerBound } from '../text/sorted.js'

// Tokens that are not words of a claim, which the paraphrase pass does not read (paraphrase.ts):
//   addresses  web and e-mail addresses. The tokenizer reads "https://www.gnu.org/licenses/gpl.html"
//              as the words https, www, gnu, org, licenses, gpl, html; two addresses of one kind
//              share most of them ("www", "org", "licenses") and looked like a restated sentence.
//   numbers    tokens without a letter: years, days, times of day. Two timestamps ("Thu, 21 Aug
//              2008 21:50", "Thu, 25 Jul 2002 21:50:21") or two lists of copyright years share
//              numbers by chance, and say nothing alike.
// Both still count where passages are aligned word for word (a copyright line copied with its
// years is a copy): only a match by content words, with no run to show, ignores them.

/**
 * An address: a scheme and what follows it, or a "www." name and what follows it, or an e-mail
 * address (its domain ending in letters: "lodash@4.17.21" is a package, not an address). An
 * address is ASCII up to a space, bracket or quotation mark: a dash, curly quotation mark or
 * Chinese character after it, with no space between, is text again. Neither part may start inside
 * a longer run of word characters, dots, pluses or hyphens, so a long unbroken token (base64, a
 * sequence) is tried once, not from each of its characters. (Case is spelled out: with the `i`
 * flag a Unicode class folds case, and "ſ", outside ASCII, would exclude "s".)
 */
const ADDRESS =
  /(?<![\w.+-])(?:[a-zA-Z][a-zA-Z0-9+.-]*:\/\/|[wW]{3}\.)[^\s<>"'()[\]{}\u0080-\uffff]+|(?<![\w.+-])[\w.+-]+@(?:[\w-]+\.)+[a-zA-Z][a-zA-Z-]*/gu

const LETTER = /\p{L}/u

/** Per token of `doc`, 1 when the token is part of a web or e-mail address or a number (see above). */
export function nonWordTokens(doc: AnalysedDocument): Uint8Array {
  const marks = new Uint8Array(doc.starts.length)
  for (const match of doc.text.matchAll(ADDRESS)) {
    const end = match.index + match[0].length
    for (let t = lowerBound(doc.starts, match.index); t < doc.starts.length && doc.starts[t] < end; t++) marks[t] = 1
  }
  for (let t = 0; t < marks.length; t++) if (!marks[t] && isNumber(doc, t)) marks[t] = 1
  return marks
}

/** Whether token t of `doc` is a number: no letter in it. */
export function isNumber(doc: AnalysedDocument, t: number): boolean {
  const c = doc.text.charCodeAt(doc.starts[t]) | 0x20
  // Most tokens start with a Latin letter: no need to look further.
  if (c >= 0x61 && c <= 0x7a) return false
  return !LETTER.test(doc.text.slice(doc.starts[t], doc.ends[t]))
}
