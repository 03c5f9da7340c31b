import { DocumentMemo } from './document-memo.js'
import type { AnalysedDocument } from './analyse.js'
import { wordStart } from './tokenize.js'

// Sentences as token ranges. A sentence ends at a line break, or at ., ! or ? followed by a word
// that starts with a capital letter or a digit (possibly after quotes or brackets), unless the
// word before the full stop is an abbreviation or an initial ("U.S. released", "Mr. Xi"), or at
// the full stop, question or exclamation mark of Chinese and Japanese (。？！, WIDE_STOPS),
// whatever follows: those scripts have no capitals, and no space after the mark.
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
  '&c',
  'inc',
  'ltd',
  'co',
  'jr',
  'sr',
  'gen',
  'gov',
  'sen',
  'rep',
  // Titles before a name ("Rev. Martin Luther King", "Capt. Smith", "Rt. Hon. Member"; a
  // reviewer): a title and two names were read as a sentence's end and three words of the next.
  'rev',
  'capt',
  'lt',
  'col',
  'sgt',
  'maj',
  'adm',
  'hon',
  'pres',
  'supt',
  'rt',
  'messrs',
  'mme',
  'mlle',
  'fig',
  'eg',
  'ie',
  'al',
  'approx',
  'dept',
  'est',
  'vol',
  'resp',
  'cf',
  'viz',
])

/**
 * The full stop, question and exclamation marks of Chinese and Japanese (the ideographic full stop,
 * its half-width form, the full-width ？ and ！): each ends a sentence whatever follows it. Not the
 * full-width full stop ．, which also writes the decimal point of full-width numbers (３．５).
 */
export const WIDE_STOPS = '\u3002\uff61\uff1f\uff01'

/** Whether the UTF-16 unit `c` is a mark that can end a sentence: . ! ? or one of WIDE_STOPS. */
export function isStopMark(c: number): boolean {
  return c === 0x2e || c === 0x21 || c === 0x3f || isWideStop(c)
}

/** Whether the UTF-16 unit `c` is one of WIDE_STOPS. */
export function isWideStop(c: number): boolean {
  return c === 0x3002 || c === 0xff61 || c === 0xff1f || c === 0xff01
}

/** A closing bracket or quotation mark. */
const CLOSING = /[\p{Pe}\p{Pf}"']/u
const HIRAGANA_START = /^\p{sc=Hiragana}/u

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
 * Whether `text` is hard-wrapped (see fullLineLength): its paragraphs are runs of lines, a blank
 * line between them, not a line each.
 */
export function isHardWrapped(text: string): boolean {
  return fullLineLength(text) !== Infinity
}

/**
 * The length a line of `text` must reach to run on into the next (see FULL_LINE_SHARE), or
 * Infinity when the text is not hard-wrapped.
 */
function fullLineLength(text: string): number {
  // The lengths of the lines with a letter or digit, spaces at either end left out, counted: one
  // pass over the text's units, no line copied and none sorted (this is read for every document a
  // passage's sentence is looked for in, and a changelog is megabytes). Only lengths up to
  // MAX_WRAP_WIDTH are counted one by one: a text is wrapped when WRAPPED_SHARE of its lines, more
  // than half, are that short, and then its median line is one of them.
  const counts = new Uint32Array(MAX_WRAP_WIDTH + 1)
  let lines = 0
  const n = text.length
  // Lines end at a line feed, a carriage return or a paragraph separator; most texts have only
  // the first, found by the native search.
  const feedsOnly = !text.includes('\r') && !text.includes('\u2029')
  for (let start = 0; start <= n;) {
    let i = feedsOnly ? text.indexOf('\n', start) : lineBreakFrom(text, start)
    if (i < 0) i = n
    let from = start
    let to = i
    while (from < to && isSpace(text, from)) from++
    while (to > from && isSpace(text, to - 1)) to--
    for (let k = from; k < to; k++) {
      if (isLetterOrDigit(text, k)) {
        lines++
        if (to - from <= MAX_WRAP_WIDTH) counts[to - from]++
        break
      }
    }
    start = i + 1
  }
  if (lines < MIN_WRAPPED_LINES) return Infinity
  let wrapped = 0
  for (const count of counts) wrapped += count
  if (wrapped < WRAPPED_SHARE * lines) return Infinity
  // The median: the length of line lines >> 1 in ascending order.
  for (let length = 0, below = 0; length <= MAX_WRAP_WIDTH; length++) {
    below += counts[length]
    if (below > lines >> 1) return FULL_LINE_SHARE * length
  }
  return Infinity
}

/** Where the first line break (line feed, carriage return, paragraph separator) from `start` is, or -1. */
function lineBreakFrom(text: string, start: number): number {
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x0a || c === 0x0d || c === 0x2029) return i
  }
  return -1
}

/** Whether text[from, to) holds a line break (line feed, carriage return, paragraph separator). */
export function breaksLine(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k)
    if (c === 0x0a || c === 0x0d || c === 0x2029) return true
  }
  return false
}

/** Whether text[k] is white space, as String.prototype.trim (and a pattern's \s) reads it. */
export function isSpace(text: string, k: number): boolean {
  const c = text.charCodeAt(k)
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || (c > 0x7f && /\s/.test(text[k]))
}

/** Whether the character at text[k] (or the pair of units starting there) is a letter or digit. */
function isLetterOrDigit(text: string, k: number): boolean {
  const c = text.charCodeAt(k)
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a)
  return /[\p{L}\p{N}]/u.test(String.fromCodePoint(text.codePointAt(k)!))
}

/** Length of the line of `text` that ends at `end` (a line break), leading and trailing spaces left out. */
function lineLengthBefore(text: string, end: number): number {
  let start = end
  while (start > 0) {
    const c = text.charCodeAt(start - 1)
    if (c === 0x0a || c === 0x0d || c === 0x2029) break
    start--
  }
  return text.slice(start, end).trim().length
}

/** sentenceStarts of each document, once computed. */
const sentenceStartsOf = new DocumentMemo(readSentenceStarts)

/**
 * Start token of every sentence, then the token count (so sentence i is [out[i], out[i+1]) ).
 * Computed once per document and kept with it (the definitions' stages each read every
 * document's sentences: 2.9 s of 26 on 1,300 change logs): the array is shared, not to be written.
 */
export function sentenceStarts(doc: AnalysedDocument): Uint32Array {
  return sentenceStartsOf.get(doc)
}

function readSentenceStarts(doc: AnalysedDocument): Uint32Array {
  const n = doc.starts.length
  if (n === 0) return new Uint32Array([0])
  const out: number[] = [0]
  const fullLine = fullLineOf(doc)
  for (let i = 0; i + 1 < n; i++) if (endsSentence(doc, i, fullLine)) out.push(i + 1)
  out.push(n)
  return Uint32Array.from(out)
}

/** fullLineLength of each document's text, once computed (see fullLineOf). */
const fullLines = new DocumentMemo((doc: Pick<AnalysedDocument, 'text'>) => fullLineLength(doc.text))

/**
 * fullLineLength of `doc`'s text, computed when first asked (only a line break with no full stop
 * before it needs it) and kept with the document: sentenceStarts and a passage's sentence edges
 * (sentence-tails.ts) read it for the same documents.
 */
export function fullLineOf(doc: Pick<AnalysedDocument, 'text'>): () => number {
  return () => fullLines.get(doc)
}

/**
 * Whether a sentence ends between tokens i and i + 1 of `doc`: a full stop, question or
 * exclamation mark and white space before a capital or digit (not after an initial or a known
 * abbreviation), a Chinese or Japanese one (WIDE_STOPS), a blank line, or a line break that no
 * wrapped paragraph runs on across. `fullLine`: the document's fullLineOf.
 */
export function endsSentence(doc: Pick<AnalysedDocument, 'text' | 'starts' | 'ends'>, i: number, fullLine: () => number): boolean {
  const { text, starts, ends } = doc
  const gapStart = ends[i]
  const gapEnd = starts[i + 1]
  let breaks = 0
  let lineEnd = -1
  let stop = false
  let spaced = false
  let wide = false
  for (let k = gapStart; k < gapEnd; k++) {
    const c = text.charCodeAt(k)
    if (c === 0x0a || c === 0x2029 || (c === 0x0d && text.charCodeAt(k + 1) !== 0x0a)) {
      breaks++
      if (lineEnd < 0) lineEnd = k
    } else if (isWideStop(c)) wide = true
    else if (isStopMark(c)) stop = true
    else if (stop && isSpace(text, k)) spaced = true
  }
  // A stop with no space after it is inside a number, a version or a name ("1.11.1", "3,327.8",
  // "example.Com").
  if (stop && !spaced && !breaks) stop = false
  // A Japanese quotation or bracket that ends with its own stop is inside the sentence when a
  // particle follows it: 彼は「本当？」と聞いた。
  if (wide) return !(CLOSING.test(text[gapEnd - 1]) && HIRAGANA_START.test(text.slice(gapEnd, gapEnd + 2)))
  // One line break with no full stop before it, and no list marker after it: the paragraph may
  // be wrapped there.
  if (breaks === 1 && !stop && !LIST_MARKER.test(text.slice(lineEnd + 1, gapEnd))) {
    const next = text.slice(gapEnd, gapEnd + 2)
    if (LOWER.test(next)) breaks = 0
    else if (lineLengthBefore(text, lineEnd) >= fullLine()) breaks = 0
  }
  if (!breaks && stop) {
    const word = text.slice(starts[i], ends[i])
    const first = text.charCodeAt(gapStart)
    const initial = word.length === 1 && first === 0x2e
    if (initial || (first === 0x2e && ABBREVIATIONS.has(word.toLowerCase()))) stop = false
    // Past the sign the next word may be written with (tokenize.ts: "+5 points came").
    else if (!CAPITAL_OR_DIGIT.test(text.slice(wordStart(text, gapEnd), gapEnd + 3))) stop = false
  }
  return breaks > 0 || stop
}

/**
 * Whether a full stop, question or exclamation mark (isStopMark, WIDE_STOPS) stands between token
 * t of `doc` and the next token, or the text's end after the last.
 */
export function stopAfter(doc: Pick<AnalysedDocument, 'text' | 'starts' | 'ends'>, t: number): boolean {
  const to = t + 1 < doc.starts.length ? doc.starts[t + 1] : doc.text.length
  for (let k = doc.ends[t]; k < to; k++) {
    const c = doc.text.charCodeAt(k)
    if (isStopMark(c) || isWideStop(c)) return true
  }
  return false
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

/**
 * Whether the text between two words, [from, to), opens a clause of purpose: "so that", "in order
 * to", "in order for". A translated policy text runs its purpose on without a comma where another
 * translation opens the sentence with it ("... achieve breakthroughs in core technologies in key
 * fields so that original and disruptive sci-tech innovation achievements emerge one after
 * another" / "In order for original and disruptive scientific and technological innovations to
 * proliferate ..."): the paraphrase pass (paraphrase.ts) compares the purpose as a clause of its
 * own, which the whole clause, 23 content words, is too long to be.
 */
export function opensPurpose(text: string, from: number, to: number): boolean {
  return to - from >= MIN_PURPOSE_GAP && PURPOSE.test(text.slice(from, to))
}

/** The words that open a clause of purpose (opensPurpose), between two content words. */
const PURPOSE = /(?:^|\s)(?:so\s+that|in\s+order\s+(?:to|for))\s/i

/** Characters, at least, of the text between two words that holds PURPOSE's words: " so that ". */
const MIN_PURPOSE_GAP = 9

/**
 * Punctuation between two words that ends a clause (breaksClause); with the Chinese and Japanese
 * comma, enumeration comma, semicolon, colon, brackets and quotation marks (，、；：（）「」『』《》【】).
 */
const CLAUSE_BREAKS = new Set(
  [...',;:()[]\u2014\u2013"\u201c\u201d\uff0c\u3001\uff1b\uff1a\uff08\uff09\u300c\u300d\u300e\u300f\u300a\u300b\u3010\u3011'].map((c) =>
    c.charCodeAt(0),
  ),
)
