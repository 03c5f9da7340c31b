import { DocumentMemo } from './document-memo.js'
import type { AnalysedDocument } from './analyse.js'
import { isSpace } from './sentences.js'

// Web and e-mail addresses in a text: what the paraphrase pass reads as no words (nonwords.ts),
// what a passage's edge does not cut a lone piece of (word-edges.ts wholeIdentifiers), which
// e-mail address a word is a piece of (mailAddressAt: two texts share the pieces of one address,
// not of two, kept-pair.ts), and what tells two statements apart that point at different places
// (pointElsewhere, below).

/**
 * An address: a scheme and what follows it, or a "www." name and what follows it, or an e-mail
 * address (its domain ending in letters: "lodash@4.17.21" is a package, not an address), with
 * its "mailto:" if it has one (a passage ended on "... the affected versions to mailto", the two
 * addresses parting after it: a reviewer). An
 * address is ASCII up to a space, bracket or quotation mark: a dash, curly quotation mark or
 * Chinese character after it, with no space between, is text again. Neither part may start inside
 * a longer run of word characters, dots, pluses or hyphens, so a long unbroken token (base64, a
 * sequence) is tried once, not from each of its characters. (Case is spelled out: with the `i`
 * flag a Unicode class folds case, and "ſ", outside ASCII, would exclude "s".)
 */
export const ADDRESS =
  /(?<![\w.+-])(?:[a-zA-Z][a-zA-Z0-9+.-]*:\/\/|[wW]{3}\.)[^\s<>"'()[\]{}\u0080-\uffff]+|(?<![\w.+-])(?:[mM][aA][iI][lL][tT][oO]:)?[\w.+-]+@(?:[\w-]+\.)+[a-zA-Z][a-zA-Z-]*/gu

/** What a run of text without white space holds wherever ADDRESS matches in it. */
export const ADDRESS_NEEDS = /:\/\/|[wW]{3}\.|@/

/**
 * Characters read, at most, on either side of two tokens for the address they may be in
 * (continuesAddress): an address is seldom longer than a few hundred, and the run of text without
 * white space around two tokens can be a whole document.
 */
export const MAX_ADDRESS = 2048

/**
 * The run of text without white space around characters [start, end) of `text`, as [from, to):
 * MAX_ADDRESS characters either side at most, and from `floor` on.
 */
function runAround(text: string, start: number, end: number, floor = 0): [number, number] {
  let from = start
  while (from > floor && start - from < MAX_ADDRESS && !isSpace(text, from - 1)) from--
  let to = end
  while (to < text.length && to - end < MAX_ADDRESS && !isSpace(text, to)) to++
  return [from, to]
}

/**
 * Whether token t of `doc` goes on from token t - 1 in one web or e-mail address (ADDRESS): no
 * white space between them, and one address holds both ("github" and "com" of
 * "https://github.com/p1c2u/"). Read from the run of text around the two tokens.
 */
export function continuesAddress(doc: AnalysedDocument, t: number): boolean {
  if (t <= 0 || t >= doc.starts.length) return false
  const { text, starts, ends } = doc
  // An address is ASCII (ADDRESS): most tokens are told so by their first character, and a text
  // written without spaces (Chinese, a line of 180,000 characters) is not read as one run.
  if (text.charCodeAt(starts[t - 1]) > 0x7f || text.charCodeAt(starts[t]) > 0x7f) return false
  for (let k = ends[t - 1]; k < starts[t]; k++) if (isSpace(text, k)) return false
  const [from, to] = runAround(text, starts[t - 1], ends[t])
  const run = text.slice(from, to)
  if (!ADDRESS_NEEDS.test(run)) return false
  ADDRESS.lastIndex = 0
  for (let match = ADDRESS.exec(run); match; match = ADDRESS.exec(run))
    if (from + match.index <= starts[t - 1] && ends[t] <= from + match.index + match[0].length) return true
  return false
}

/**
 * Whether an address ADDRESS matched with an "@" is an e-mail address, not what is written like
 * one: a systemd unit ("getty@tty1.service", "pg_dump@15-main.timer") or a package at a version
 * ("pnpm@7.x"), whose words are a text's as much as a file's name is (a reviewer: a README's
 * units weighed nothing in its overlap's score). Its host ends with a name of two letters or more
 * that is no unit's type.
 */
export function isMailAddress(address: string): boolean {
  const last = address.slice(address.lastIndexOf('.') + 1).toLowerCase()
  return last.length >= 2 && !UNIT_TYPES.has(last)
}

/** The types of systemd's units, which name one unit of a template after an "@" (systemd.unit(5)). */
const UNIT_TYPES: ReadonlySet<string> = new Set([
  'service',
  'socket',
  'device',
  'mount',
  'automount',
  'swap',
  'target',
  'path',
  'timer',
  'slice',
  'scope',
])

/** Per document, its e-mail addresses (mailAddresses), found once. */
const mailOf = new DocumentMemo((doc: AnalysedDocument) => mailAddresses(doc.text))

/**
 * The e-mail address (ADDRESS and isMailAddress, as comparable reads it: "mailto:" and case aside)
 * that token t of `doc` is part of; undefined when it is part of none.
 */
export function mailAddressAt(doc: AnalysedDocument, t: number): string | undefined {
  const { starts, ends, addresses } = mailOf.get(doc)
  // The last address starting at or before the token.
  let lo = 0
  let hi = starts.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (starts[mid] <= doc.starts[t]) lo = mid + 1
    else hi = mid
  }
  return lo > 0 && ends[lo - 1] >= doc.ends[t] ? addresses[lo - 1] : undefined
}

/**
 * The e-mail addresses of `text`, in order: each run without white space that holds an "@" read
 * once (MAX_ADDRESS characters either side of its first "@" at most), every address in it.
 */
function mailAddresses(text: string): { starts: number[]; ends: number[]; addresses: string[] } {
  const starts: number[] = []
  const ends: number[] = []
  const addresses: string[] = []
  let read = 0
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', Math.max(at + 1, read))) {
    const [from, to] = runAround(text, at, at + 1, read)
    const run = text.slice(from, to)
    ADDRESS.lastIndex = 0
    for (let m = ADDRESS.exec(run); m; m = ADDRESS.exec(run)) {
      if (!m[0].includes('@') || m[0].includes('://') || !isMailAddress(m[0])) continue
      starts.push(from + m.index)
      ends.push(from + m.index + m[0].length)
      addresses.push(comparable(m[0]))
    }
    read = to
  }
  return { starts, ends, addresses }
}

// Statements that point at different addresses. A README or a package's notes says where things
// are: "There's a mailing list for discussion of issues related to Python on Debian systems:
// debian-python@lists.debian.org" and "Debian mailing list 'debian-sgml@lists.debian.org' is
// used to discuss issues related to XML and SGML on Debian systems" share the words of a
// mailing list and are two lists; "[Keyv docs](https://github.com/lukechilds/keyv) for more
// information on how to use storage adapters" and "[keyv-file](https://github.com/zaaack/keyv-file)
// - File system storage adapter for Keyv", two projects. The paraphrase pass reads no address as
// words (nonwords.ts), so it matched them on the words around. A restatement points where the
// other points, or nowhere: two that each point somewhere, and nowhere the same, are no
// paraphrase (overlaps.ts), as cited-numbers.ts says of two that cite different issues.

/**
 * An address as addressesIn compares it: lower case, without its scheme or "mailto:", a leading
 * "www." or the marks that end a sentence after it.
 */
function comparable(address: string): string {
  return address
    .toLowerCase()
    .replace(/^(?:[a-z][a-z0-9+.-]*:\/\/|mailto:)/, '')
    .replace(/^www\./, '')
    .replace(/(?<![.,;:!?/])[.,;:!?/]+$/, '')
}

/**
 * The web and e-mail addresses (ADDRESS) tokens [t0, t1] of `doc` hold a part of, each read whole
 * up to the white space around it (a passage may start or end inside one), as comparable reads
 * them.
 */
export function addressesIn(doc: AnalysedDocument, t0: number, t1: number): string[] {
  const { text } = doc
  const [from, to] = runAround(text, doc.starts[t0], doc.ends[t1])
  const part = text.slice(from, to)
  if (!ADDRESS_NEEDS.test(part)) return []
  const out: string[] = []
  for (const m of part.matchAll(ADDRESS)) out.push(comparable(m[0]))
  return out
}

/** Whether addresses a and b (comparable) are one, or one is a page or part of the other's ("github.com/x/issues"). */
function sameAddress(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a]
  return long === short || (long.startsWith(short) && '/#?'.includes(long[short.length]))
}

/** Whether tokens [a0, a1] of A and [b0, b1] of B each point at an address and none the same (see above). */
export function pointElsewhere(A: AnalysedDocument, a0: number, a1: number, B: AnalysedDocument, b0: number, b1: number): boolean {
  const inA = addressesIn(A, a0, a1)
  if (inA.length === 0) return false
  const inB = addressesIn(B, b0, b1)
  if (inB.length === 0) return false
  return !inA.some((a) => inB.some((b) => sameAddress(a, b)))
}
