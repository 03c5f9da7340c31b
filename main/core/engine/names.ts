import { DocumentMemo } from './document-memo.js'
import { contentFrom, type AnalysedDocument } from './analyse.js'
import { shouted } from './abbreviations.js'
import { WIDE_STOPS } from './sentences.js'
import { wordStart } from './tokenize.js'

// Names in a loose match. Two passages that share a person's name and title ("Xi Jinping, general
// secretary of the Communist Party of China Central Committee") and little else say different
// things about one person or body: a paraphrase restates what is said, so its shared words must
// include words that are not names. A word is written as a name where it is capitalised inside a
// sentence, where it mixes capitals and small letters otherwise than a capitalised word does
// ("macOS", "OpenBSD", "XPath", "XIncludes"), where it is an acronym nobody spells out ("AIX",
// "XML": capitals, not among other words in capitals), and where it is written like a code
// ("MD5", "SHA256", "X11": capitals, then digits, not among other words in capitals); a
// sentence's first word and a word in capitals among others (licences shout whole paragraphs)
// tell nothing either way, nor does an acronym the corpus spells out where the caller reads it as
// the words it stands for (plainSharedWords' `standsFor`: the paraphrase pass reads "NQPFs" so).
// A word written as an ordinary word anywhere in the two passages is not a name there; nor is one
// that is never written so as to tell.
// Without the second and third, lists of systems and formats were paraphrases ("Linux, MacOS/X,
// FreeBSD, NetBSD, OpenBSD" / "This release runs on OpenBSD, FreeBSD, NetBSD, Linux, macOS and
// Solaris", "While libxml2 is trying to fit at best the XML, XPath, XIncludes, etc" / "Note that
// this also applies to libxml2 about XML, XPath, XIncludes, etc"); without the fourth, two lists
// of hash methods in shadow's manual pages ("DES, MD5, NONE, and SHA256 or SHA512" / "DES
// (default), MD5, SHA256, SHA512", judged false by a reviewer). A code is a name as "CPU" is: a
// formula written so ("CO2", "H2O") is one too, and "CO2 emissions rose" / "emissions of CO2
// rose" share two plain words, not three. Beside a word of three capitals or more a code is read
// as shouted, in a list too: "DES, MD5" tells nothing of MD5.

/**
 * Shared words that are not names a loose match (paraphrase, or a pair of passages under
 * VARIANT_SIMILARITY) needs, at least (see above).
 */
export const MIN_PLAIN_SHARED = 3

/**
 * Sentence punctuation (a colon too, and the Chinese and Japanese stops: sentences.ts) or a line
 * break between two words: the next one starts a sentence.
 */
const SENTENCE_GAP = new RegExp(`[.!?:${WIDE_STOPS}\\n\\r\\u2029]`)
const UPPER = /\p{Lu}/gu
const LOWER = /\p{Ll}/u
/** What a word in capitals may hold in small letters: a possessive, an ß. */
const SHOUTED_LOWER = /['’]s$|ß/gu
/** A capital after a small letter: "macOS", "OpenBSD". */
const CAMEL = /\p{Ll}\p{Lu}/u
/** Two to six capitals, a plural s allowed: an acronym, unless shouted. */
const ACRONYM = /^\p{Lu}{2,6}s?$/u
/**
 * Capitals, then a digit, then any capitals and digits, a plural s allowed: a code, a format, a
 * version ("MD5", "SHA256", "X11R6"), unless shouted.
 */
const CODE = /^\p{Lu}+\d[\p{Lu}\d]*s?$/u

/** How a token is written (see writtenAs). */
type Written = 'name' | 'word' | 'either'
const WRITTEN: readonly Written[] = ['name', 'word', 'either']

/**
 * Per document asked about, how each token is written, once read: its index in WRITTEN plus one
 * (0: not read yet). The paraphrase pass asks about the same sentences' words for each sentence
 * they are compared with; reading a word's letters each time was a tenth of its time.
 */
const writtenOf = new DocumentMemo((doc: AnalysedDocument) => new Uint8Array(doc.starts.length))

/** How token t of `doc` is written (see above): as a name, as an ordinary word, or telling neither. */
export function writtenAs(doc: AnalysedDocument, t: number): Written {
  const known = writtenOf.get(doc)
  if (known[t] === 0) known[t] = WRITTEN.indexOf(readWrittenAs(doc, t)) + 1
  return WRITTEN[known[t] - 1]
}

/** writtenAs, read from the token's letters and the text before it. */
function readWrittenAs(doc: AnalysedDocument, t: number): Written {
  // Read without the sign it may be written with (tokenize.ts: sed's "~N").
  const word = doc.text.slice(wordStart(doc.text, doc.starts[t]), doc.ends[t])
  if (CAMEL.test(word)) return 'name'
  const first = word[0]
  if (first === first.toLowerCase()) return 'word'
  if (ACRONYM.test(word) || CODE.test(word)) return shouted(doc, t) ? 'either' : 'name'
  // Capitals and small letters mixed, not a capital and then small letters: a name ("XPath",
  // "XIncludes"); capitals alone tell nothing, nor do those of a shouted word with its possessive
  // or an ß, which has no capital in common use ("US's", "HAFTUNGSAUSSCHLUß").
  if ((word.match(UPPER)?.length ?? 0) > 1) return LOWER.test(word.replace(SHOUTED_LOWER, '')) ? 'name' : 'either'
  if (t === 0 || SENTENCE_GAP.test(doc.text.slice(doc.ends[t - 1], doc.starts[t]))) return 'either'
  return 'name'
}

/**
 * How many distinct words (by `formOf`, a token's match id by default) the content words of
 * tokens [a0, a1] of A and [b0, b1] of B share that are not written as names in both passages
 * (see above). A token for which `formOf` gives -1 is no word and not counted. `standsFor` gives
 * the words (forms) an abbreviation token stands for ("NQPFs": new, quality, productive, forces):
 * they are shared where the other passage writes them out, every one of them, not where both only
 * abbreviate them (an acronym in both is one shared word, its own), nor where the other passage
 * has one of them ("PAM", Pluggable Authentication Modules, and "what modules are available").
 */
export function plainSharedWords(
  A: AnalysedDocument,
  a0: number,
  a1: number,
  B: AnalysedDocument,
  b0: number,
  b1: number,
  formOf: (doc: AnalysedDocument, t: number) => number = (doc, t) => doc.match[t],
  standsFor: (doc: AnalysedDocument, t: number) => readonly number[] | undefined = () => undefined,
): number {
  // Per form: 1 seen in A, 2 seen in B, 4 written as an ordinary word, 8 as a name, 16 written
  // out in A, 32 written out in B (not only abbreviated).
  const flags = new Map<number, number>()
  /** The abbreviations read, as [side, the words it stands for]: counted once both sides are read. */
  const abbreviations: [number, readonly number[]][] = []
  const read = (doc: AnalysedDocument, t0: number, t1: number, side: number): void => {
    for (let c = contentFrom(doc, t0); c < doc.content.length && doc.content[c] <= t1; c++) {
      const t = doc.content[c]
      const form = formOf(doc, t)
      if (form < 0) continue
      const words = standsFor(doc, t)
      // An abbreviation spelt out is read as its words, which tell how they are written.
      const as = words ? 'either' : writtenAs(doc, t)
      flags.set(form, (flags.get(form) ?? 0) | side | (side << 4) | (as === 'word' ? 4 : as === 'name' ? 8 : 0))
      if (words) abbreviations.push([side, words])
    }
  }
  read(A, a0, a1, 1)
  read(B, b0, b1, 2)
  for (const [side, words] of abbreviations) {
    const writtenOut = (3 - side) << 4
    if (words.every((word) => (flags.get(word) ?? 0) & writtenOut)) for (const word of words) flags.set(word, flags.get(word)! | side)
  }
  let plain = 0
  for (const f of flags.values()) if ((f & 3) === 3 && f & 48 && (f & 4 || !(f & 8))) plain++
  return plain
}
