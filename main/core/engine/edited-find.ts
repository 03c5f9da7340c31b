import search from 'approx-string-match'
import type { AnalysedDocument } from './analyse.js'

// A passage's words found in another document as an edited copy: the same match forms in order
// but for a few words inserted, deleted or replaced ("Specifies the TCP port or local Unix domain
// socket" / "Specifies the TCP port or the local Unix domain socket", one page of a family of
// manual pages against the others). Token ids are read as the characters of two strings, the
// passage's ids each as a character of their own and every other id as one character that
// matches none, and approx-string-match (Myers' bit-parallel algorithm) finds the copy with the
// fewest edits, whole, from its first word to its last.

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
 * a licence's thousands of words (on Debian's copyright files, a search without these anchors
 * took a third of the run). A copy edited in its first or last words is not found so.
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
  // The anchors: the passage's first words at p, its last at q, the copy's length about the
  // passage's; the pair starting nearest `near`.
  const firsts = placesOf(a, start, anchor, b, from, to)
  if (!firsts.length) return undefined
  const lasts = placesOf(a, end - anchor + 1, anchor, b, from, to)
  let p = -1
  let q = -1
  for (const first of firsts) {
    if (p >= 0 && Math.abs(first - near) >= Math.abs(p - near)) continue
    for (const last of lasts) {
      const copy = last + anchor - first
      if (Math.abs(copy - length) <= maxErrors) {
        p = first
        q = last + anchor - 1
        break
      }
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
  return best && [p + best.start, p + best.end - 1]
}

/** Where b[from .. to] holds the `count` ids of a from `at` in a row, ascending. */
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
