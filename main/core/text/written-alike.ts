import { diffChars } from 'diff'

// Whether two texts with the same words write them alike: the same letters in the same case, the
// same punctuation between them; and where not, which of their words are written otherwise. The
// engine compares words by their surface forms (case, quotes and hyphenation aside:
// engine/normalise.ts), so an "equal" step of a variant, or a pair of passages with the same
// words, can still differ as written: "use password" and "Use password", "(TZ)" and "TZ", "using #
// compression level" and "using compression level" (a reviewer of manual pages: 42 of 272 equal
// steps). A reader told "identical" there is told wrong. Layout is not writing: spaces, line
// breaks and a line end's hyphen ("INSE-\n  CURE" is "INSECURE", "over-the-\n  shoulder" is
// "over-the-shoulder"), nor are typographic forms of one mark (curly or straight quotes, a hyphen
// or the hyphen character U+2010).

/** White space, and the hyphens (hyphen-minus, U+2010, U+2011, soft hyphen, zero-width space) that layout adds or typography varies. */
const LAYOUT = /[\s\u00ad\u200b\-\u2010\u2011]/u
const SINGLE_QUOTE = /[\u2018\u2019\u02bc\u0060\u00b4\u2032]/u
const DOUBLE_QUOTE = /[\u201c\u201d\u201e\u201f\u2033]/u

/** A text's writing (see above): its characters but layout, quotes in one form, and where each is in the text. */
interface Written {
  chars: string
  at: number[]
}

/** The writing of `text` (see above). */
function writing(text: string): Written {
  let chars = ''
  const at: number[] = []
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (LAYOUT.test(c)) continue
    chars += SINGLE_QUOTE.test(c) ? "'" : DOUBLE_QUOTE.test(c) ? '"' : c
    at.push(i)
  }
  return { chars, at }
}

/** Whether `a` and `b` are written alike: the same letters, case and punctuation, their layout aside (see above). */
export function writtenAlike(a: string, b: string): boolean {
  return a === b || writing(a).chars === writing(b).chars
}

/**
 * Characters written otherwise, at most, that writingDifferences places one by one where the
 * texts differ in more than case; more, and the two texts are one run written otherwise each.
 * Bounds the diff by size, never by a clock: its cost grows with the text times this (8,000
 * words with a comma changed: 30 ms; at 2,000 edits, text written otherwise throughout took 0.7
 * s, for a panel redrawn as the reader moves).
 */
export const MAX_WRITING_EDITS = 200

/** Spans [start, end) of a text (UTF-16 offsets), ascending, apart. */
export type Spans = [number, number][]

/**
 * Where `a` and `b`, two texts of the same words, write them otherwise (see above): in each, the
 * words (runs without white space) that hold a character the other does not have at that place,
 * or beside which the other has one more; one span per place in each, so that the k-th span of
 * `a` and of `b` are one difference where their counts agree. Empty for texts written alike.
 */
export function writingDifferences(a: string, b: string): { a: Spans; b: Spans } {
  if (writtenAlike(a, b)) return { a: [], b: [] }
  const [wa, wb] = [writing(a), writing(b)]
  const marksA: number[] = []
  const marksB: number[] = []
  /**
   * The character of the other text beside characters that one text has alone (from its
   * normalised index k; the other goes on at normalised index ko): the other's word they are
   * written against, the one before where they are written onto the word before ("user;"),
   * else the one after ("(TZ)").
   */
  const beside = (text: string, w: Written, k: number, other: Written, ko: number): number | undefined => {
    const p = w.at[k]
    return other.at[p > 0 && !/\s/u.test(text[p - 1]) ? Math.max(0, ko - 1) : Math.min(ko, other.at.length - 1)]
  }
  // Case alone: read place by place, no diff needed.
  if (wa.chars.toLowerCase() === wb.chars.toLowerCase()) {
    for (let k = 0; k < wa.chars.length; k++)
      if (wa.chars[k] !== wb.chars[k]) {
        marksA.push(wa.at[k])
        marksB.push(wb.at[k])
      }
    return { a: wordSpans(a, marksA), b: wordSpans(b, marksB) }
  }
  const parts = diffChars(wa.chars, wb.chars, { maxEditLength: MAX_WRITING_EDITS })
  // Written otherwise throughout (another case from start to end): one run each.
  if (!parts) return { a: [[0, a.length]], b: [[0, b.length]] }
  let ia = 0
  let ib = 0
  parts.forEach((part, k) => {
    const n = part.value.length
    // A removal next to an addition is one replacement: each side marks its own characters.
    const replaced =
      (parts[k - 1]?.added && part.removed) ||
      (parts[k - 1]?.removed && part.added) ||
      (parts[k + 1]?.added && part.removed) ||
      (parts[k + 1]?.removed && part.added)
    if (part.removed) {
      for (let j = ia; j < ia + n; j++) marksA.push(wa.at[j])
      if (!replaced) marksB.push(beside(a, wa, ia, wb, ib) ?? -1)
      ia += n
    } else if (part.added) {
      for (let j = ib; j < ib + n; j++) marksB.push(wb.at[j])
      if (!replaced) marksA.push(beside(b, wb, ib, wa, ia) ?? -1)
      ib += n
    } else {
      ia += n
      ib += n
    }
  })
  return { a: wordSpans(a, marksA), b: wordSpans(b, marksB) }
}

/** The words (runs without white space) of `text` that hold an offset of `marks`, as spans, words next to each other as one. */
function wordSpans(text: string, marks: readonly number[]): Spans {
  const spans: Spans = []
  for (const at of [...new Set(marks)].filter((m) => m >= 0).sort((x, y) => x - y)) {
    let start = at
    while (start > 0 && !/\s/u.test(text[start - 1])) start--
    let end = at + 1
    while (end < text.length && !/\s/u.test(text[end])) end++
    // Words next to each other ("Study Session" / "study session") are one run.
    const last = spans[spans.length - 1]
    if (last && !/\S/u.test(text.slice(last[1], start))) last[1] = Math.max(last[1], end)
    else spans.push([start, end])
  }
  return spans
}
