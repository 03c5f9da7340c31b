import type { AnalysedDocument } from './analyse.js'

// Sentences as token ranges. A sentence ends at a line break, or at ., ! or ? followed by a word
// that starts with a capital letter or a digit (possibly after quotes or brackets), unless the
// word before the full stop is an abbreviation or an initial ("U.S. released", "Mr. Xi").
// A single line break inside a hard-wrapped paragraph is no end: where the next line starts with
// a lower-case letter ("a work based\non the Program"), and, in a document whose lines are
// wrapped (fullLineLength), where the line before it is about as long as the document's lines are.
// Cut at every line break, a licence, a mail or a plain-text book was a list of half sentences,
// and the definitions read in them stopped at the end of a line.

/** Lower-case words that a full stop after them does not end a sentence. */
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'st',
  'no',
  'vs',
  'etc',
  'inc',
  'ltd',
  'co',
  'jr',
  'sr',
  'gen',
  'gov',
  'sen',
  'rep',
  'fig',
  'eg',
  'ie',
  'al',
  'approx',
  'dept',
  'est',
  'vol',
])

const CAPITAL_OR_DIGIT = /^[\p{Lu}\p{Lt}\p{N}]/u
const LOWER = /^\p{Ll}/u
/** What starts a list item or a quoted line of a mail: a bullet, a dash, ">" or "#". */
const LIST_MARKER = /[-*•·–—>#]/

/**
 * Longest line (in UTF-16 units) of a hard-wrapped text: typewriter and mail widths are 60-80
 * characters, a few texts wrap at 100. A text whose lines are longer writes a paragraph a line.
 */
export const MAX_WRAP_WIDTH = 100
/** Share of a text's lines with words that must be no longer than MAX_WRAP_WIDTH for it to be hard-wrapped. */
export const WRAPPED_SHARE = 0.8
/** Lines with words a text needs before it can be told hard-wrapped: a few short lines are a list or a poem. */
export const MIN_WRAPPED_LINES = 8
/**
 * A line of a hard-wrapped text goes on into the next when it is at least this share of the
 * text's common line length (the median of its lines with words): the last line of a paragraph,
 * a heading or a list item is shorter.
 */
export const FULL_LINE_SHARE = 0.75

/**
 * The length a line of `text` must reach to run on into the next (see FULL_LINE_SHARE), or
 * Infinity when the text is not hard-wrapped.
 */
function fullLineLength(text: string): number {
  const lengths: number[] = []
  for (const line of text.split(/\r\n|[\n\r\u2029]/)) {
    const trimmed = line.trim()
    if (/[\p{L}\p{N}]/u.test(trimmed)) lengths.push(trimmed.length)
  }
  if (lengths.length < MIN_WRAPPED_LINES) return Infinity
  const wrapped = lengths.filter((l) => l <= MAX_WRAP_WIDTH).length
  if (wrapped < WRAPPED_SHARE * lengths.length) return Infinity
  lengths.sort((a, b) => a - b)
  return FULL_LINE_SHARE * lengths[lengths.length >> 1]
}

/** Length of the line of `text` that ends at `end` (a line break), leading and trailing spaces left out. */
function lineLengthBefore(text: string, end: number): number {
  let start = end
  while (start > 0 && !/[\n\r\u2029]/.test(text[start - 1])) start--
  return text.slice(start, end).trim().length
}

/** Start token of every sentence, then the token count (so sentence i is [out[i], out[i+1]) ). */
export function sentenceStarts(doc: AnalysedDocument): Uint32Array {
  const { text, starts, ends } = doc
  const n = starts.length
  const out: number[] = []
  if (n === 0) return new Uint32Array([0])
  out.push(0)
  let fullLine: number | undefined
  for (let i = 0; i + 1 < n; i++) {
    const gapStart = ends[i]
    const gapEnd = starts[i + 1]
    let breaks = 0
    let lineEnd = -1
    let stop = false
    for (let k = gapStart; k < gapEnd; k++) {
      const c = text.charCodeAt(k)
      if (c === 0x0a || c === 0x2029 || (c === 0x0d && text.charCodeAt(k + 1) !== 0x0a)) {
        breaks++
        if (lineEnd < 0) lineEnd = k
      } else if (c === 0x2e || c === 0x21 || c === 0x3f) stop = true
    }
    // One line break with no full stop before it, and no list marker after it: the paragraph may
    // be wrapped there.
    if (breaks === 1 && !stop && !LIST_MARKER.test(text.slice(lineEnd + 1, gapEnd))) {
      const next = text.slice(gapEnd, gapEnd + 2)
      if (LOWER.test(next)) breaks = 0
      else {
        fullLine ??= fullLineLength(text)
        if (lineLengthBefore(text, lineEnd) >= fullLine) breaks = 0
      }
    }
    if (!breaks && stop) {
      const word = text.slice(starts[i], ends[i])
      const first = text.charCodeAt(gapStart)
      const initial = word.length === 1 && first === 0x2e
      if (initial || (first === 0x2e && ABBREVIATIONS.has(word.toLowerCase()))) stop = false
      else if (!CAPITAL_OR_DIGIT.test(text.slice(gapEnd, gapEnd + 2))) stop = false
    }
    if (breaks || stop) out.push(i + 1)
  }
  out.push(n)
  return Uint32Array.from(out)
}

/**
 * Whether the text between two words, [from, to), ends a clause: a comma, semicolon, colon, dash,
 * bracket or quotation mark. The paraphrase pass compares clauses (paraphrase.ts); a same-event
 * pair is the clauses that name its facts (events.ts).
 */
export function breaksClause(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (CLAUSE_BREAKS.has(text.charCodeAt(i))) return true
  return false
}

/** Punctuation between two words that ends a clause (breaksClause). */
const CLAUSE_BREAKS = new Set([...',;:()[]\u2014\u2013"\u201c\u201d'].map((c) => c.charCodeAt(0)))
