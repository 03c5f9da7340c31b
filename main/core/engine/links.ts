import type { AnalysedDocument } from './analyse.js'
import { lowerBound } from '../text/sorted.js'

// Web and e-mail addresses in a text. The tokenizer reads "https://www.gnu.org/licenses/gpl.html"
// as the words https, www, gnu, org, licenses, gpl, html; two addresses of one kind share most of
// them ("www", "org", "licenses") and looked like a restated sentence to the paraphrase pass. An
// address names a place; its words are not words of a claim.

/**
 * An address: a scheme and what follows it up to a space, a "www." name, or an e-mail address.
 * Brackets and quotation marks end it.
 */
const ADDRESS = /\b(?:[a-z][a-z0-9+.-]*:\/\/|www\.)[^\s<>"'()[\]{}]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/giu

/** Per token of `doc`, 1 when the token is part of a web or e-mail address (see above). */
export function addressTokens(doc: AnalysedDocument): Uint8Array {
  const marks = new Uint8Array(doc.starts.length)
  for (const match of doc.text.matchAll(ADDRESS)) {
    const end = match.index + match[0].length
    for (let t = lowerBound(doc.starts, match.index); t < doc.starts.length && doc.starts[t] < end; t++) marks[t] = 1
  }
  return marks
}
