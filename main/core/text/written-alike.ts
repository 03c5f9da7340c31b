import { diffChars } from 'diff'

// Whether two texts with the same words write them alike: the same letters in the same case, the
// same punctuation between them; and where not, which of their words are written otherwise. The
// engine compares words by their surface forms (case, quotes and hyphenation aside:
// engine/normalise.ts), so an "equal" step of a variant, or a pair of passages with the same
// words, can still differ as written: "use password" and "Use password", "(TZ)" and "TZ", "using #
// compression level" and "using compression level" (a reviewer of manual pages: 42 of 272 equal
// steps). A reader told "identical" there is told wrong. Layout is not writing: spaces, line
// breaks, soft hyphens, and a hyphen at a line's end, which one text may have where the other
// has none ("INSE-\n  CURE" / "INSECURE") or a hyphen within the line ("over-the-\n  shoulder" /
// "over-the-shoulder"); nor are the typographic forms of one mark (curly or straight quotes; a
// hyphen, the hyphen U+2010, the non-breaking hyphen and the minus sign). Any other hyphen is
// writing: "-5 degrees" is not "5 degrees".

/** Characters that are layout alone: white space, the soft hyphen, the zero-width space. */
const LAYOUT = /[\s\u00ad\u200b]/u
const HYPHEN = /[-\u2010\u2011\u2212]/u
const SINGLE_QUOTE = /[\u2018\u2019\u02bc\u0060\u00b4\u2032]/u
const DOUBLE_QUOTE = /[\u201c\u201d\u201e\u201f\u2033]/u
/** What follows a hyphen at a line's end: spaces or tabs, then the line break. */
const LINE_END = /^[ \t]*\r?\n/u

/** A text's writing (see above): its characters but layout, each mark in one form, where each is in the text. */
interface Writing {
  chars: string
  at: number[]
  /** Per character: 1 for a hyphen at a line's end (layout where the other text has none there). */
  lineEnd: Uint8Array
}

/** The writing of `text` (see above). */
function writing(text: string): Writing {
  let chars = ''
  const at: number[] = []
  const lineEnd: number[] = []
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (LAYOUT.test(c)) continue
    const hyphen = HYPHEN.test(c)
    chars += hyphen ? '-' : SINGLE_QUOTE.test(c) ? "'" : DOUBLE_QUOTE.test(c) ? '"' : c
    at.push(i)
    lineEnd.push(hyphen && LINE_END.test(text.slice(i + 1, i + 8)) ? 1 : 0)
  }
  return { chars, at, lineEnd: Uint8Array.from(lineEnd) }
}

/**
 * Characters written otherwise, at most, beyond case, that writingDifferences places one by one:
 * more, and the two texts are said to differ throughout. Bounds the diff by size, never by a
 * clock: its cost grows with the text times this (8,000 words with a comma changed: 30 ms; at
 * 2,000, a text written otherwise throughout took 0.7 s, for a panel redrawn as the reader
 * moves). Case is compared place by place, within the text both have, and costs nothing here.
 */
export const MAX_WRITING_EDITS = 200

/** Spans [start, end) of a text (UTF-16 offsets). */
export type Span = [number, number]

/** Where two texts write the same words otherwise: each place's span in both (see writingDifferences). */
export interface WritingDifferences {
  /** Ascending; each place's span in `a` and its span in `b`. */
  places: { a: Span; b: Span }[]
  /** More than MAX_WRITING_EDITS differences beyond case: the one place is the two texts whole. */
  throughout: boolean
}

/** Two texts written alike: no place. */
export const ALIKE: WritingDifferences = { places: [], throughout: false }

/**
 * Where `a` and `b`, two texts of the same words, write them otherwise (see above): the words
 * (runs without white space) of each that hold a character the other does not have there, or
 * beside which the other has one more, as places: a place is its words in `a` and the words of
 * `b` they are written against, words next to each other one place ("Study Session" / "study
 * session"). None for texts written alike.
 */
export function writingDifferences(a: string, b: string): WritingDifferences {
  if (a === b) return ALIKE
  const [wa, wb] = [writing(a), writing(b)]
  if (wa.chars === wb.chars) return ALIKE
  // The places, as offsets in each text.
  const places: { a: number[]; b: number[] }[] = []
  const [foldA, foldB] = [fold(wa.chars), fold(wb.chars)]
  const parts = diffChars(foldA, foldB, { maxEditLength: MAX_WRITING_EDITS })
  if (!parts) return { places: [{ a: [0, a.length], b: [0, b.length] }], throughout: true }
  /**
   * The character of the other text beside characters one text has alone (from index k of its
   * writing; the other's writing goes on at index ko): of the word before where they are written
   * onto it ("user;"), else of the word after ("(TZ)").
   */
  const beside = (text: string, w: Writing, k: number, other: Writing, ko: number): number => {
    const p = w.at[k]
    const before = p > 0 && !LAYOUT.test(text[p - 1])
    return other.at.length ? other.at[before ? Math.max(0, ko - 1) : Math.min(ko, other.at.length - 1)] : -1
  }
  /** Whether part k (from index `from` of its text's writing) is line ends' hyphens alone: layout. */
  const layout = (k: number, from: number): boolean => {
    const w = parts[k].removed ? wa : wb
    for (let j = from; j < from + parts[k].value.length; j++) if (!w.lineEnd[j]) return false
    return true
  }
  const own = (w: Writing, from: number, n: number): number[] => w.at.slice(from, from + n)
  let ia = 0
  let ib = 0
  for (let k = 0; k < parts.length; k++) {
    const part = parts[k]
    const n = part.value.length
    if (!part.added && !part.removed) {
      // The same letters: case, place by place, a place going on into the next word.
      let last: { a: number[]; b: number[] } | undefined
      for (let j = 0; j < n; j++) {
        if (wa.chars[ia + j] === wb.chars[ib + j]) continue
        const [x, y] = [wa.at[ia + j], wb.at[ib + j]]
        if (last && nextWord(a, last.a[last.a.length - 1], x)) {
          last.a.push(x)
          last.b.push(y)
        } else places.push((last = { a: [x], b: [y] }))
      }
      ia += n
      ib += n
      continue
    }
    const next = parts[k + 1]
    if (part.removed && next?.added && !layout(k, ia) && !layout(k + 1, ib)) {
      // A removal and the addition after it: one place, each text's own characters.
      places.push({ a: own(wa, ia, n), b: own(wb, ib, next.value.length) })
      ia += n
      ib += next.value.length
      k++
      continue
    }
    if (part.removed) {
      if (!layout(k, ia)) places.push({ a: own(wa, ia, n), b: [beside(a, wa, ia, wb, ib)] })
      ia += n
    } else {
      if (!layout(k, ib)) places.push({ a: [beside(b, wb, ib, wa, ia)], b: own(wb, ib, n) })
      ib += n
    }
  }
  // Each place's words, and places whose words meet or touch in either text made one.
  const spans = places
    .map((p) => ({ a: wordsHolding(a, p.a), b: wordsHolding(b, p.b) }))
    .filter((p): p is { a: Span; b: Span } => p.a !== undefined && p.b !== undefined)
    .sort((x, y) => x.a[0] - y.a[0] || x.b[0] - y.b[0])
  const merged: { a: Span; b: Span }[] = []
  for (const p of spans) {
    const last = merged[merged.length - 1]
    if (last && (touch(a, last.a, p.a) || touch(b, last.b, p.b))) {
      last.a = [Math.min(last.a[0], p.a[0]), Math.max(last.a[1], p.a[1])]
      last.b = [Math.min(last.b[0], p.b[0]), Math.max(last.b[1], p.b[1])]
    } else merged.push({ a: [...p.a], b: [...p.b] })
  }
  return merged.length ? { places: merged, throughout: false } : ALIKE
}

/** Characters in lower case, one for one (a letter whose lower case is longer, as "İ", kept). */
function fold(chars: string): string {
  let out = ''
  for (const c of chars) {
    const lower = c.toLowerCase()
    out += lower.length === c.length ? lower : c
  }
  return out
}

/** The span of the words (runs without white space) of `text` that hold the offsets `marks`; undefined for none. */
function wordsHolding(text: string, marks: readonly number[]): Span | undefined {
  let start = Infinity
  let end = -Infinity
  for (const at of marks) {
    if (at < 0) continue
    let s = at
    while (s > 0 && !LAYOUT.test(text[s - 1])) s--
    let e = at + 1
    while (e < text.length && !LAYOUT.test(text[e])) e++
    start = Math.min(start, s)
    end = Math.max(end, e)
  }
  return start < end ? [start, end] : undefined
}

/** Whether offset `to` of `text` is in the word of offset `from` or the word after it. */
function nextWord(text: string, from: number, to: number): boolean {
  let gaps = 0
  for (let k = from + 1; k < to; k++) if (LAYOUT.test(text[k]) && !LAYOUT.test(text[k - 1]) && ++gaps > 1) return false
  return true
}

/** Whether spans x and y of `text` (x starting first) overlap, or only layout lies between them. */
function touch(text: string, x: Span, y: Span): boolean {
  if (y[0] <= x[1] && x[0] <= y[1]) return true
  const [from, to] = x[1] <= y[0] ? [x[1], y[0]] : [y[1], x[0]]
  for (let k = from; k < to; k++) if (!LAYOUT.test(text[k])) return false
  return true
}
