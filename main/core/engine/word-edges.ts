import type { AnalysedDocument } from './analyse.js'

// Where a passage begins and ends in its text. The engine matches tokens (tokenize.ts), and one
// written word can be several of them: "--no-target-directory" is "no", "target", "directory";
// "3.4.0" is "3", "4", "0". A paraphrase, a clause read by the words it shares, can begin inside
// such a word, and one that starts at "target-directory" names another option than its text
// does. So a paraphrase begins at a whole written word: a piece of a word at its start is left
// out (not the whole passage: a passage that is one such word stays as found). A range of numbers
// is two words ("2002-2012" and "2000-2012" share the year 2012). A passage of words the texts
// have in common, verbatim or nearly, begins and ends where they do, as sim_text's runs do: "ci
// yml | 2 +- 1 file changed" of "linux-ci.yml" and ".gitlab-ci.yml" is shared, and cut back to
// whole words, Debian's changelogs lost a twentieth of sim_text's runs (git logs' lines that differ
// in a file's name), the copyright files a third of a hundredth at the start alone, a hundredth
// and a half at both edges ("License: LGPL-2" of "LGPL-2.1+").
// And the marks that belong to its first and last words are in every passage: before the first,
// "-z", "\0NNN", "(see", an opening quotation mark; after the last, the brackets and quotation
// marks it opened, "basename(1))", "combinations.”" (what else follows the last word, a full
// stop, a comma, is the sentence's, as a reader marks a passage). A passage no longer drops the
// dash of an option or the bracket it opened.

/**
 * Marks that join the parts of one written word: "no-target", "3.4.0", "snake_case". Not a
 * slash: the parts of a path or web address are read alone ("common-licenses/GPL-2" and "GPL-3"
 * share the folder, "https://www.gnu.org/software/coreutils/ls" and ".../dir" the address).
 */
const JOINERS = new Set(['-', '\u2010', '\u2011', '.', '_'])
/** Marks that join the parts of one number only, between digits: "1,000", "10:30". */
const NUMBER_JOINERS = new Set([',', ':'])
/** Marks between two numbers that make a range of them, each number whole: "2002-2012". */
const RANGE_MARKS = new Set(['-', '\u2013'])
/** Marks after a passage's last word that end a clause: no closing mark after them is its. */
const CLAUSE_MARKS = new Set([',', ';', ':'])
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u
const SPACE = /\s/u
const DIGIT = /\d/

/**
 * Whether the marks text[from, to) join the word characters on either side into one written
 * word (see JOINERS). Nothing between two tokens (Chinese, one character a token) joins nothing.
 */
function joins(text: string, from: number, to: number): boolean {
  if (to - from !== 1) return false
  const mark = text[from]
  const digits = DIGIT.test(text[from - 1]) && DIGIT.test(text[to])
  if (digits && RANGE_MARKS.has(mark)) return false
  return JOINERS.has(mark) || (digits && NUMBER_JOINERS.has(mark))
}

/** The marks (no word character, no space) just before text[at]: where they start. */
function marksBefore(text: string, at: number): number {
  let k = at
  while (k > 0 && !SPACE.test(text[k - 1]) && !WORD_CHAR.test(text[k - 1])) k--
  return k
}

/** The marks just from text[at] on: where they end. */
function marksAfter(text: string, at: number): number {
  let k = at
  while (k < text.length && !SPACE.test(text[k]) && !WORD_CHAR.test(text[k])) k++
  return k
}

/** Whether token t of `doc` continues the written word of token t - 1 (see JOINERS). */
function continuesWord(doc: AnalysedDocument, t: number): boolean {
  if (t === 0) return false
  const from = doc.ends[t - 1]
  const to = doc.starts[t]
  return marksBefore(doc.text, to) === from && joins(doc.text, from, to)
}

/**
 * Tokens [t0, t1] of `doc` (a paraphrase's) without a piece of a written word at its start (see
 * above): the range itself when that would leave nothing.
 */
export function wholeWords(doc: AnalysedDocument, t0: number, t1: number): [number, number] {
  let start = t0
  while (start <= t1 && continuesWord(doc, start)) start++
  return start <= t1 ? [start, t1] : [t0, t1]
}

/** Closing brackets and quotation marks, each with its opening one. */
const CLOSERS = new Map([
  [')', '('],
  [']', '['],
  ['}', '{'],
  ['\u201d', '\u201c'],
  ['\u2019', '\u2018'],
  ['\u00bb', '\u00ab'],
  ['\u203a', '\u2039'],
])
const OPENERS = new Map([...CLOSERS].map(([close, open]) => [open, close]))
/** The quotation mark that opens and closes alike. */
const STRAIGHT_QUOTE = '"'

/** How many times text[from, to) holds `mark`. */
function count(text: string, from: number, to: number, mark: string): number {
  let n = 0
  for (let k = text.indexOf(mark, from); k >= 0 && k < to; k = text.indexOf(mark, k + 1)) n++
  return n
}

/**
 * Whether the bracket or quotation mark at text[at] is matched within text[from, to): an opening
 * one closed after it, a closing one opened before it. Other marks are matched by themselves.
 */
function matched(text: string, at: number, from: number, to: number): boolean {
  const mark = text[at]
  if (mark === STRAIGHT_QUOTE) return count(text, from, to, mark) % 2 === 0
  const open = CLOSERS.get(mark)
  if (open) return count(text, from, at, open) > count(text, from, at, mark)
  const close = OPENERS.get(mark)
  if (close) return count(text, at + 1, to, close) > count(text, at + 1, to, mark)
  return true
}

/**
 * The UTF-16 offsets [start, end) of tokens [t0, t1] of `doc` with the marks that belong to the
 * first and last words (see above): before the first, those that follow a space or the text's
 * start; after the last, up to the last closing bracket or quotation mark of the marks that end
 * the text or a space follows, not past a mark that ends a clause (CLAUSE_MARKS). A bracket or
 * quotation mark is taken only with its partner inside the passage: "(see basename(1))", but
 * "local conditions" of a quotation that began before the passage without its closing mark.
 */
export function passageOffsets(doc: AnalysedDocument, t0: number, t1: number): [number, number] {
  const { text } = doc
  const first = doc.starts[t0]
  const before = marksBefore(text, first)
  let start = before === 0 || SPACE.test(text[before - 1]) ? before : first
  const last = doc.ends[t1]
  let end = last
  const after = marksAfter(text, last)
  if (after === text.length || SPACE.test(text[after]))
    for (let k = last; k < after && !CLAUSE_MARKS.has(text[k]) && matched(text, k, start, k + 1); k++)
      if (CLOSERS.has(text[k]) || text[k] === STRAIGHT_QUOTE) end = k + 1
  while (start < first && !matched(text, start, start, end)) start++
  return [start, end]
}
