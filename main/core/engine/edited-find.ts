import { diffArrays } from 'diff'
import { distance } from 'fastest-levenshtein'
import search from 'approx-string-match'
import type { AnalysedDocument } from './analyse.js'
import { hasNumber, isNumber } from './nonwords.js'
import { continuesWord } from './word-edges.js'

// A passage's words found in another document as an edited copy: the same match forms in order
// but for a few words inserted, deleted or replaced ("Specifies the TCP port or local Unix domain
// socket" / "Specifies the TCP port or the local Unix domain socket", one page of a family of
// manual pages against the others). The copy is found between a few words of the passage's
// start and a few of its end, read word for word (EDITED_ANCHOR_TOKENS), and its edits are the
// Levenshtein distance of the words between (fastest-levenshtein: Myers' bit-parallel algorithm
// over token ids read as characters); where no pair of anchors holds one whole, the stretch
// between them with fewest edits (editedWithin: a copy edited in its first or last words after
// the anchor, "THE REGENTS AND CONTRIBUTORS" for "THE AUTHOR"). Measured on Debian's copyright
// files, the search took 1.0 s of a run as one approximate search between the anchors
// (approx-string-match builds a table of the passage's every distinct word against its every
// position, the square of a licence's thousands of words), 0.43 s so; and a copy found between
// anchors starts with the passage's sentence, where the approximate search could start it a few
// words in ("THE REGENTS AND CONTRIBUTORS ``AS IS''" without "THIS SOFTWARE IS PROVIDED BY": 140
// passages of one overlap). A copy that starts or ends on a piece of a written word
// ("licenses/GPL-2" of a path, read as the words "licenses", "GPL", "2") is none, nor one whose
// edits change a number: a number is a fact the passage states (a licence's version, "version 2"
// / "version 1", a release, a date), and a copy with another one states another fact. An edit of
// a word may still change what a passage says ("GNU Lesser General Public License" for "GNU
// General Public License"): such copies are near-verbatim, as the longer overlap the passage is
// read through holds them already.

/**
 * Share of a passage's tokens, at most, that an edited copy may differ in (each word inserted,
 * deleted or replaced one edit). A tenth is a word changed in every sentence or so; more, and a
 * copy is another text on the same subject, which alignment reads with its measures, not a
 * search. Passages shorter than 1 / MAX_EDITED_SHARE tokens are found word for word or not at all.
 */
export const MAX_EDITED_SHARE = 0.1

/**
 * Tokens at a passage's start and at its end that must be in the copy word for word, as far
 * apart as the passage's length allows, before the words between are compared: most places
 * searched hold no copy at all, and a scan for a few words costs a small part of a comparison of
 * a licence's thousands of words (on Debian's copyright files, with an anchor at one end only
 * and an approximate search from it, the search took a fifth of the run). A copy edited in its
 * first or last EDITED_ANCHOR_TOKENS words is not found so.
 */
export const EDITED_ANCHOR_TOKENS = 4

/**
 * A passage of A, tokens [start, end], prepared to be looked for as an edited copy (see above) in
 * many places: nesting looks for one passage in every passage of the longer overlap it lies in,
 * and its ids are read as characters once, not once a place.
 */
export class EditedPassage {
  private readonly length: number
  private readonly maxErrors: number
  /** The passage's ids as characters 1, 2, ..., and the string they make; made when first compared. */
  private codes: Map<number, number> | undefined
  private passage: string | undefined
  /** Set when the passage has too many distinct ids to be compared (see prepare). */
  private tooLong = false

  constructor(
    private readonly A: AnalysedDocument,
    private readonly start: number,
    private readonly end: number,
  ) {
    this.length = end - start + 1
    this.maxErrors = Math.floor(MAX_EDITED_SHARE * this.length)
  }

  /**
   * The passage found in B's tokens [from, to] as an edited copy: between the pair of anchors
   * that leaves the fewest edits, at most MAX_EDITED_SHARE of the passage's tokens, the nearest
   * `near` of those as few, as B's first and last token; undefined when there is none.
   */
  find(B: AnalysedDocument, from: number, to: number, near: number): [number, number] | undefined {
    const { A, start, end, length, maxErrors } = this
    const anchor = EDITED_ANCHOR_TOKENS
    if (maxErrors < 1 || length < 2 * anchor || to < from) return undefined
    // The anchors, read as written (surface forms, not match forms: "licenses" is no "License"):
    // the passage's first words at p, its last at q, the copy's length about the passage's. Only
    // where a pair of them can be (|last + anchor - p - length| <= maxErrors) is scanned: a first
    // anchor at most maxErrors past where the passage would end at `to`, a last one as far from a
    // first as that allows.
    const firsts = placesOf(A.surface, start, anchor, B.surface, from, Math.min(to, to - length + maxErrors + anchor))
    if (!firsts.length) return undefined
    const lasts = placesOf(
      A.surface,
      end - anchor + 1,
      anchor,
      B.surface,
      Math.max(from, firsts[0] + length - anchor - maxErrors),
      Math.min(to, firsts[firsts.length - 1] + length + maxErrors - 1),
    )
    // No pair of anchors as far apart as the passage is long: nothing to compare.
    if (!firsts.some((p) => lasts.some((last) => Math.abs(last + anchor - p - length) <= maxErrors))) return undefined
    const codes = this.codes ?? (this.tooLong ? undefined : this.prepare())
    if (!codes) return undefined
    const passage = this.passage as string
    // Of the pairs of anchors, the copy between with fewest edits; of those as few, the one that
    // starts nearest `near`, then the longer (the words at either end may repeat near the copy: a
    // licence's name on the line before its text).
    let best: { p: number; q: number; edits: number } | undefined
    for (const p of firsts) {
      if (continuesWord(B, p)) continue
      for (const last of lasts) {
        const q = last + anchor - 1
        // The difference in length is as many edits at least.
        const most = best ? best.edits : maxErrors
        if (Math.abs(q + 1 - p - length) > most || continuesWord(B, q + 1)) continue
        const copy: number[] = []
        for (let t = p; t <= q; t++) copy.push(codes.get(B.match[t]) ?? OTHER)
        const edits = distance(passage, fromCodes(copy))
        if (edits > most) continue
        const better = !best || edits < best.edits || Math.abs(p - near) < Math.abs(best.p - near) || (p === best.p && q > best.q)
        if (better) best = { p, q, edits }
      }
    }
    if (!best) best = editedWithin(passage, firsts, lasts, length, maxErrors, near, B, codes)
    if (!best) return undefined
    return changesNumber(A, start, end, B, best.p, best.q) ? undefined : [best.p, best.q]
  }

  /**
   * The passage's ids as characters 1, 2, ..., every other id reading as OTHER; undefined when it
   * has more distinct ids than a string's code units (too long a passage to compare so).
   */
  private prepare(): Map<number, number> | undefined {
    const { A, start, end } = this
    const codes = new Map<number, number>()
    const pattern: number[] = []
    for (let t = start; t <= end; t++) {
      let c = codes.get(A.match[t])
      if (c === undefined) codes.set(A.match[t], (c = codes.size + 1))
      pattern.push(c)
    }
    if (codes.size >= 0xffff) {
      this.tooLong = true
      return undefined
    }
    this.passage = fromCodes(pattern)
    return (this.codes = codes)
  }
}

/**
 * Tokens [start, end] of A found in B's tokens [from, to] as an edited copy (EditedPassage.find),
 * for one search.
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
  return new EditedPassage(A, start, end).find(B, from, to, near)
}

/**
 * A copy edited in its first or last words, where no pair of anchors holds one whole (a licence's
 * "THE REGENTS AND CONTRIBUTORS" for "THE AUTHOR" after the anchor "THIS SOFTWARE IS PROVIDED"):
 * the stretch of words with fewest edits (approx-string-match's approximate search) between the
 * first anchor nearest `near` that has a last one and its furthest last one. Slower than a
 * distance (a table of the passage's every distinct word against its every position), so only
 * where the anchors held none.
 */
function editedWithin(
  passage: string,
  firsts: readonly number[],
  lasts: readonly number[],
  length: number,
  maxErrors: number,
  near: number,
  B: AnalysedDocument,
  codes: ReadonlyMap<number, number>,
): { p: number; q: number; edits: number } | undefined {
  const anchor = EDITED_ANCHOR_TOKENS
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
  const text: number[] = []
  for (let t = p; t <= q; t++) text.push(codes.get(B.match[t]) ?? OTHER)
  if (missingWords(passage, codes.size, text, length + maxErrors) > maxErrors) return undefined
  let best: { start: number; end: number; errors: number } | undefined
  for (const m of search(fromCodes(text), passage, maxErrors)) if (m.end > m.start && (!best || m.errors < best.errors)) best = m
  if (!best) return undefined
  const s = p + best.start
  const e = p + best.end - 1
  return continuesWord(B, s) || continuesWord(B, e + 1) ? undefined : { p: s, q: e, edits: best.errors }
}

/**
 * The fewest of the passage's words (characters 1 .. `distinct` of `passage`, as a bag) that a
 * stretch of `text` (the same characters) `width` long, or all of it when shorter, lacks. Each
 * word a copy lacks is an edit, and a copy at most `width` long lies inside such a stretch, so a
 * copy with fewer edits than this is nowhere in the text: the approximate search, a table of the
 * passage's every word against its every position, is not run (on Debian's copyright files half
 * of the stretches searched so had none, of 4,479, and 43 had one).
 */
function missingWords(passage: string, distinct: number, text: readonly number[], width: number): number {
  // Per word, how many more of it the passage has than the stretch; `missing`, their sum over
  // the words the stretch has too few of.
  const more = new Int32Array(distinct + 1)
  for (let k = 0; k < passage.length; k++) more[passage.charCodeAt(k)]++
  let missing = passage.length
  const add = (c: number): void => {
    if (c !== OTHER && more[c]-- > 0) missing--
  }
  const span = Math.min(width, text.length)
  for (let k = 0; k < span; k++) add(text[k])
  let fewest = missing
  for (let k = span; k < text.length && fewest > 0; k++) {
    add(text[k])
    const c = text[k - span]
    if (c !== OTHER && ++more[c] > 0) missing++
    fewest = Math.min(fewest, missing)
  }
  return fewest
}

/** Whether the edits between tokens [a0, a1] of A and [b0, b1] of B insert, delete or replace a number. */
function changesNumber(A: AnalysedDocument, a0: number, a1: number, B: AnalysedDocument, b0: number, b1: number): boolean {
  // The words both start and end with are no edit: only the stretch between is diffed (a copy of
  // a licence's thousands of words differs in a few, and a diff of all of them took a third of
  // the search on Debian's copyright files).
  for (; a0 <= a1 && b0 <= b1 && A.match[a0] === B.match[b0]; a0++) b0++
  for (; a1 >= a0 && b1 >= b0 && A.match[a1] === B.match[b1]; a1--) b1--
  // Most copies change no number at all (a licence's text): no edit of one.
  if (!hasNumber(A, a0, a1) && !hasNumber(B, b0, b1)) return false
  // A number one side has and the other lacks altogether is removed (added) by any diff, which
  // pairs only words that are the same: no diff is needed to say so. Most copies that change a
  // number change it so ("version 2" / "version 3", a year): on Debian's copyright files, all but
  // 15 of the 7,329 that do, and the diffs were two thirds of this function's time.
  if (numberNotIn(A, a0, a1, B, b0, b1) || numberNotIn(B, b0, b1, A, a0, a1)) return true
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

/** Whether one of tokens [a0, a1] of A is a number whose match id none of tokens [b0, b1] of B has. */
function numberNotIn(A: AnalysedDocument, a0: number, a1: number, B: AnalysedDocument, b0: number, b1: number): boolean {
  let ids: Set<number> | undefined
  for (let t = a0; t <= a1; t++) {
    if (!isNumber(A, t)) continue
    ids ??= new Set(B.match.subarray(b0, b1 + 1))
    if (!ids.has(A.match[t])) return true
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

/** The character every token id that is not the passage's reads as (see findEdited). */
const OTHER = 0

/** Character codes as a string, in chunks (String.fromCharCode takes its codes as arguments). */
function fromCodes(codes: readonly number[]): string {
  let out = ''
  for (let k = 0; k < codes.length; k += 8192) out += String.fromCharCode(...codes.slice(k, k + 8192))
  return out
}
