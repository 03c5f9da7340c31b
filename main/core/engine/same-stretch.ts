import { DocumentMemo } from './document-memo.js'
import type { AnalysedDocument } from './analyse.js'
import { onCodeLines } from './code-lines.js'
import { codeOf, opensCode, signsOf } from './code-signs.js'
import { lowerBound } from '../text/sorted.js'
import { sameSpelling } from './respelled.js'
import { sameSurface } from './similarity.js'

// Whether two passages say the same words as a reader compares them: parts of one stretch of the
// same words in their two documents. Where both passages have words, the words are the same
// (surface forms, spelled alike); where one reaches further than the other, the other's document
// goes on with the same words just outside its passage. Their word diff would be "equal" steps and
// changes marked `beyond` only (variants.ts): the passages' extents differ, not their texts. An
// overlap is verbatim by its passages so read (overlaps.ts), not by the pairs that were matched
// to find it: those are stretches of their own, and a passage merged from several of them, or
// found through a longer overlap (nesting.ts), can hold words another passage does not (a reviewer
// of git's manual pages: a "verbatim" overlap of 13 passages in 9 wordings).

/**
 * Tokens from the start of one passage looked for in the other to place it: enough that a common
 * word seldom places it wrongly, few enough for short passages.
 */
export const PLACE_TOKENS = 4

/**
 * Places tried, each way, at most: a passage's first words can recur in the other (a list whose
 * items start alike, "Set the value of the first option ... Set the value of the second"), and
 * the first place is then not the one where the passages agree (a reviewer). A place that does
 * not agree costs a read as far as the first word that differs.
 */
export const MAX_PLACES = 16

/**
 * The stretch passages [a0, a1] of A and [b0, b1] of B are parts of (see above): tokens
 * [from, to] of A, the same words as tokens [from + shift, to + shift] of B; undefined when they
 * are not parts of one.
 */
export function sameStretch(
  A: AnalysedDocument,
  a0: number,
  a1: number,
  B: AnalysedDocument,
  b0: number,
  b1: number,
): { from: number; to: number; shift: number } | undefined {
  // B's token b0 at A's token p (B index = A index + b0 - p), or A's a0 at B's q.
  let tried = 0
  for (let p = place(B, b0, b1, A, a0, a1, a0); p >= 0 && tried < MAX_PLACES; p = place(B, b0, b1, A, a0, a1, p + 1), tried++) {
    const stretch = agreeing(A, a0, a1, B, b0, b1, b0 - p)
    if (stretch) return stretch
  }
  tried = 0
  for (let q = place(A, a0, a1, B, b0, b1, b0); q >= 0 && tried < MAX_PLACES; q = place(A, a0, a1, B, b0, b1, q + 1), tried++) {
    const stretch = agreeing(A, a0, a1, B, b0, b1, q - a0)
    if (stretch) return stretch
  }
  return undefined
}

/**
 * The first token of [from, t1] of T at which the first PLACE_TOKENS tokens of [s0, s1] of S
 * (fewer when it is shorter) start, read on in T's text past t1 where they must, or -1.
 */
function place(S: AnalysedDocument, s0: number, s1: number, T: AnalysedDocument, t0: number, t1: number, from: number): number {
  const n = Math.min(PLACE_TOKENS, s1 - s0 + 1)
  for (let t = Math.max(from, t0); t <= t1 && t + n <= T.surface.length; t++) {
    let k = 0
    while (k < n && T.surface[t + k] === S.surface[s0 + k]) k++
    if (k === n) return t
  }
  return -1
}

/**
 * The passages' span (their union) with B's token i + shift read against A's token i, when it
 * has the same words, spelled alike, in both documents and the passages share a word at least.
 */
function agreeing(
  A: AnalysedDocument,
  a0: number,
  a1: number,
  B: AnalysedDocument,
  b0: number,
  b1: number,
  shift: number,
): { from: number; to: number; shift: number } | undefined {
  const from = Math.min(a0, b0 - shift)
  const to = Math.max(a1, b1 - shift)
  if (Math.max(a0, b0 - shift) > Math.min(a1, b1 - shift)) return undefined
  if (from < 0 || to >= A.surface.length || from + shift < 0 || to + shift >= B.surface.length) return undefined
  const same =
    sameSurface(A, from, to, B, from + shift, to + shift) &&
    sameSpelling(A, from, B, from + shift, to - from + 1) &&
    sameCode(A, from, to, B, shift)
  return same ? { from, to, shift } : undefined
}

/**
 * Whether tokens [from, to] of A and B's tokens `shift` further on have the same signs between
 * their words where they are code: on lines of code (code-lines.ts onCodeLines), and in prose
 * where they are keys, options and operators (code-signs.ts), whose words also keep their case
 * ("\d", "\D"). In code, what lies between words is what it says, and "#if ! defined
 * (_FILE_OFFSET_BITS) || _FILE_OFFSET_BITS != 64" is not the same words as "#if defined
 * _FILE_OFFSET_BITS && _FILE_OFFSET_BITS == 64", nor a cast "((long double) (x)" a parameter
 * "(long double __x" (a tester of /usr/include: 10 of glibc's 25 verbatim overlaps differed so).
 * In prose they are typography (quotes, a comma), which a copy may change: compared only where
 * they differ, on the lines there. Compared by hashes (code-signs.ts), so a licence's copies in
 * hundreds of files are read as fast as their words.
 */
export function sameCode(A: AnalysedDocument, from: number, to: number, B: AnalysedDocument, shift: number): boolean {
  if (A === B && shift === 0) return true
  const a = signsOf(A)
  const b = signsOf(B)
  // In prose: the gaps with code in either range, walked together, and the words code opens.
  let i = lowerBound(a.codeAt, from)
  let j = lowerBound(b.codeAt, from + shift)
  for (;;) {
    const x = i < a.codeAt.length && a.codeAt[i] < to ? a.codeAt[i] : to
    const y = j < b.codeAt.length && b.codeAt[j] < to + shift ? b.codeAt[j] - shift : to
    if (x === to && y === to) break
    if (x !== y || a.codeHash[i] !== b.codeHash[j]) return false
    i++
    j++
  }
  for (let k = lowerBound(a.codeWords, from); k < a.codeWords.length && a.codeWords[k] <= to; k++)
    if (otherCase(A, a.codeWords[k], B, a.codeWords[k] + shift)) return false
  for (let k = lowerBound(b.codeWords, from + shift); k < b.codeWords.length && b.codeWords[k] <= to + shift; k++)
    if (otherCase(A, b.codeWords[k] - shift, B, b.codeWords[k])) return false
  // On lines of code, every sign (read inline where they agree, as in most copies: a licence's are hundreds).
  const betweenA = a.between
  const betweenB = b.between
  for (let t = from; t < to; t++) {
    const u = t + shift
    if (betweenA[t] !== betweenB[u] && (codeLine(A, t) || codeLine(A, t + 1) || codeLine(B, u) || codeLine(B, u + 1))) return false
  }
  return true
}

/**
 * Whether the signs between tokens t and t + 1 of A are not those between u and u + 1 of B where
 * they are code, or a word of code beside them is written otherwise (see sameCode): "len(self.release)
 * >= 1" against "> 1", "Type ]s" against "Type [s".
 */
export function otherCode(A: AnalysedDocument, t: number, B: AnalysedDocument, u: number): boolean {
  const a = signsOf(A)
  const b = signsOf(B)
  if (codeOf(a, t) !== codeOf(b, u)) return true
  if (a.between[t] !== b.between[u] && (codeLine(A, t) || codeLine(A, t + 1) || codeLine(B, u) || codeLine(B, u + 1))) return true
  const opened = (x: number, y: number): boolean => (opensCode(a, x) || opensCode(b, y)) && otherCase(A, x, B, y)
  return opened(t, u) || opened(t + 1, u + 1)
}

/** Whether token t of A and token u of B are written otherwise, case and all ("\d", "\D"). */
function otherCase(A: AnalysedDocument, t: number, B: AnalysedDocument, u: number): boolean {
  const x0 = A.starts[t]
  const x1 = A.ends[t]
  const y0 = B.starts[u]
  const y1 = B.ends[u]
  // (A word hyphenated across a line break, "decom‐\n press", is told by its first letter.)
  const n = x1 - x0 === y1 - y0 ? x1 - x0 : 1
  for (let k = 0; k < n; k++) if (A.text.charCodeAt(x0 + k) !== B.text.charCodeAt(y0 + k)) return true
  return false
}

/**
 * Whether two documents with the same words (as many tokens, the same surface forms) have the
 * same signs between them where they are code (sameCode): else they are two versions of a
 * program, not two copies of one text (duplicates.ts).
 */
export function sameSignsInCode(A: AnalysedDocument, B: AnalysedDocument): boolean {
  return sameCode(A, 0, A.surface.length - 1, B, 0)
}

/** Per document read so far, whether each line asked of it is code, by the line's start. */
const codeLinesOf = new DocumentMemo(() => new Map<number, boolean>())

/**
 * Whether the line token t of `doc` is on is code (onCodeLines), read once per line: the lines of
 * a licence whose copies differ in a comma are asked of again for each copy compared.
 */
function codeLine(doc: AnalysedDocument, t: number): boolean {
  const lines = codeLinesOf.get(doc)
  const start = doc.text.lastIndexOf('\n', doc.starts[t] - 1) + 1
  let code = lines.get(start)
  if (code === undefined) lines.set(start, (code = onCodeLines(doc, t, t)))
  return code
}
