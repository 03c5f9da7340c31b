import search from 'approx-string-match'
import { diffArrays } from 'diff'
import type { AnalysedDocument } from './analyse.js'
import { isNumber } from './nonwords.js'
import { continuesWord } from './word-edges.js'

// A passage's words found in another document as an edited copy: the same match forms in order
// but for a few words inserted, deleted or replaced ("Specifies the TCP port or local Unix domain
// socket" / "Specifies the TCP port or the local Unix domain socket", one page of a family of
// manual pages against the others). Token ids are read as the characters of two strings, the
// passage's ids each as a character of their own and every other id as one character that
// matches none, and approx-string-match (Myers' bit-parallel algorithm) finds the copy with the
// fewest edits, whole, from its first word to its last. A copy that starts or ends on a piece of a
// written word ("licenses/GPL-2" of a path, read as the words "licenses", "GPL", "2") is none, nor
// one whose edits change a number: a number is a fact the passage states (a licence's version,
// "version 2" / "version 1", a release, a date), and a copy with another one states another fact.
// An edit of a word may still change what a passage says ("GNU Lesser General Public License" for
// "GNU General Public License"): such copies are near-verbatim, as the longer overlap the passage
// is read through holds them already.

/**
 * Share of a passage's tokens, at most, that an edited copy may differ in (each word inserted,
 * deleted or replaced one edit). A tenth is a word changed in every sentence or so; more, and a
 * copy is another text on the same subject, which alignment reads with its measures, not a
 * search. Passages shorter than 1 / MAX_EDITED_SHARE tokens are found word for word or not at all.
 */
export const MAX_EDITED_SHARE = 0.1

/**
 * Tokens at a passage's start and at its end that must be in the copy word for word, as far
 * apart as the passage's length allows, before the copy is searched for: most places searched
 * hold no copy at all, and a scan for a few words costs a small part of an approximate search of
 * a licence's thousands of words (on Debian's copyright files, with an anchor at one end only,
 * the search took a fifth of the run). A copy edited in its first or last words is not found so.
 */
export const EDITED_ANCHOR_TOKENS = 4

/** The character every token id that is not the passage's reads as (see above). */
const OTHER = 0

/**
 * Tokens [start, end] of A found in B's tokens [from, to] as an edited copy (see above): the copy
 * with the fewest edits, at most MAX_EDITED_SHARE of the passage's tokens, between the pair of
 * anchors nearest `near`, as B's first and last token; undefined when there is none.
 */
export function findEdited(
  A: AnalysedDocument,
  start: number,
  end: number,
  B: AnalysedDocument,
  from: number,
  to: number,
  near: number,
): [number, number] | undefined {
  const length = end - start + 1
  const maxErrors = Math.floor(MAX_EDITED_SHARE * length)
  const anchor = EDITED_ANCHOR_TOKENS
  if (maxErrors < 1 || length < 2 * anchor || to < from) return undefined
  const a = A.match
  const b = B.match
  // The anchors, read as written (surface forms, not match forms: "licenses" is no "License"):
  // the passage's first words at p, its last at q, the copy's length about the passage's; the
  // first anchor nearest `near` that has such a last one, and its furthest such last one (the
  // search finds the copy with fewest edits between them, however the words repeat there).
  const firsts = placesOf(A.surface, start, anchor, B.surface, from, to)
  if (!firsts.length) return undefined
  const lasts = placesOf(A.surface, end - anchor + 1, anchor, B.surface, from, to)
  let p = -1
  let q = -1
  for (const first of firsts) {
    if (p >= 0 && Math.abs(first - near) >= Math.abs(p - near)) continue
    for (const last of lasts)
      if (Math.abs(last + anchor - first - length) <= maxErrors && (p !== first || last + anchor - 1 > q)) {
        p = first
        q = last + anchor - 1
      }
  }
  if (p < 0) return undefined
  // The passage's ids as characters 1, 2, ... (more distinct ids than a string's code units:
  // too long a passage to search so).
  const codes = new Map<number, number>()
  const pattern: number[] = []
  for (let t = start; t <= end; t++) {
    let c = codes.get(a[t])
    if (c === undefined) codes.set(a[t], (c = codes.size + 1))
    pattern.push(c)
  }
  if (codes.size >= 0xffff) return undefined
  const text: number[] = []
  for (let t = p; t <= q; t++) text.push(codes.get(b[t]) ?? OTHER)
  let best: { start: number; end: number; errors: number } | undefined
  for (const m of search(fromCodes(text), fromCodes(pattern), maxErrors)) if (m.end > m.start && (!best || m.errors < best.errors)) best = m
  if (!best) return undefined
  const s = p + best.start
  const e = p + best.end - 1
  if (continuesWord(B, s) || continuesWord(B, e + 1)) return undefined
  return changesNumber(A, start, end, B, s, e) ? undefined : [s, e]
}

/** Whether the edits between tokens [a0, a1] of A and [b0, b1] of B insert, delete or replace a number. */
function changesNumber(A: AnalysedDocument, a0: number, a1: number, B: AnalysedDocument, b0: number, b1: number): boolean {
  let i = a0
  let j = b0
  for (const part of diffArrays(Array.from(A.match.subarray(a0, a1 + 1)), Array.from(B.match.subarray(b0, b1 + 1)))) {
    const n = part.count ?? part.value.length
    if (part.removed) {
      for (let k = 0; k < n; k++) if (isNumber(A, i + k)) return true
      i += n
    } else if (part.added) {
      for (let k = 0; k < n; k++) if (isNumber(B, j + k)) return true
      j += n
    } else {
      i += n
      j += n
    }
  }
  return false
}

/** Where b[from .. to] holds the `count` ids of a from `at` in a row, ascending (surface or match ids). */
function placesOf(a: Uint32Array, at: number, count: number, b: Uint32Array, from: number, to: number): number[] {
  const out: number[] = []
  const first = a[at]
  for (let j = from; j + count - 1 <= to; j++) {
    if (b[j] !== first) continue
    let k = 1
    while (k < count && b[j + k] === a[at + k]) k++
    if (k === count) out.push(j)
  }
  return out
}

/** Character codes as a string, in chunks (String.fromCharCode takes its codes as arguments). */
function fromCodes(codes: readonly number[]): string {
  let out = ''
  for (let k = 0; k < codes.length; k += 8192) out += String.fromCharCode(...codes.slice(k, k + 8192))
  return out
}
