import { continuesAddress } from './addresses.js'
import { codeSpanAround } from './nonwords.js'
import type { AnalysedDocument } from './analyse.js'
import { afterPrefix } from './prefixes.js'
import { isWideStop, WIDE_STOPS } from './sentences.js'
import { OWN_WORD } from './tokenize.js'
import { WORD_CHAR } from './word-char.js'

// Where a passage begins and ends in its text. The engine matches tokens (tokenize.ts), and one
// written word can be several of them: "--no-target-directory" is "no", "target", "directory";
// "3.4.0" is "3", "4", "0". A paraphrase, a clause read by the words it shares, can begin inside
// such a word, and one that starts at "target-directory" names another option than its text
// does. So a paraphrase begins at a whole written word: a piece of a word at its start is left
// out (not the whole passage: a passage that is one such word stays as found). A range of numbers
// is two words ("2002-2012" and "2000-2012" share the year 2012). A passage of words the texts
// have in common, verbatim or nearly, holds every one of them, as sim_text's runs do: "ci
// yml | 2 +- 1 file changed" of "linux-ci.yml" and ".gitlab-ci.yml" is shared, and cut back to
// whole words, Debian's changelogs lost a twentieth of sim_text's runs (git logs' lines that differ
// in a file's name), the copyright files a third of a hundredth at the start alone, a hundredth
// and a half at both edges ("License: LGPL-2" of "LGPL-2.1+"). So such a passage reaches to its
// edge words' whole written words instead (wholeWritten: "License: LGPL-2.1+", whose ".1+" is then
// a change where the other text has "LGPL-2+"). Only a piece of a name of code joined by
// underscores is left out at either edge ("PROJECT" of "PROJECT_NAME": wholeIdentifiers).
// And the marks that belong to its first and last words are in every passage: before the first,
// "-z", "\0NNN", "(see", an opening quotation mark; after the last, the brackets and quotation
// marks it opened, "basename(1))", "combinations.”". What else follows the last word, a comma,
// a colon, is the sentence's; its full stop too, unless every passage of the overlap ends its
// sentence there (sentenceEndAfter): "This gives time to attach a debugger." is the whole
// sentence both texts have, and without its stop read as cut short (a reviewer: 35% of the
// passages of info manuals and man pages ended just before one), while "...a debugger." against
// "...a debugger, and" would show a change no reader asked for. A passage no longer drops the
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
/**
 * Marks after a passage's last word that end a clause: no closing mark after them is its. With the
 * Chinese and Japanese comma, enumeration comma, semicolon and colon (，、；：).
 */
const CLAUSE_MARKS = new Set([',', ';', ':', '\uff0c', '\u3001', '\uff1b', '\uff1a'])
/**
 * Marks that end what comes before them in Chinese and Japanese, where no space follows them
 * (。？！ and ，、；：), and an ellipsis (……): the passage after one starts after it, not with it.
 * (In other scripts a space follows such a mark, and what touches a word belongs to it:
 * ".bashrc", "-z".)
 */
const WIDE_ENDS = new Set([...WIDE_STOPS, '\uff0c', '\u3001', '\uff1b', '\uff1a', '\u2026'])
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
  if (digits && RANGE_MARKS.has(mark) && !inIsoDate(text, from)) return false
  return JOINERS.has(mark) || (digits && NUMBER_JOINERS.has(mark))
}

/** A date and time as ISO 8601 writes them, "2019-07-10T14", no digit before. */
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d/

/**
 * Whether the hyphen text[at] is one of an ISO timestamp's ("2019-07-10T14:02:12.000Z"): its
 * parts are one written word, not a range of numbers ("2002-2012"). A passage of the AWS command
 * line's outputs started at "10T14:02:12.000Z", its year and month left out, and two times of
 * different months read as the same month (a reviewer). A date alone stays in pieces: two GNU
 * change logs' entries go on alike into the next entry's "2007-06", which sim_text's runs count
 * (read as one word, 93 of its runs on Debian's change logs were no longer covered).
 */
function inIsoDate(text: string, at: number): boolean {
  for (const start of [at - 4, at - 7]) {
    if (start < 0) continue
    if (ISO_TIMESTAMP.test(text.slice(start, start + 12)) && (start === 0 || !DIGIT.test(text[start - 1]))) return true
  }
  return false
}

/**
 * Whether the UTF-16 unit text[k] is a mark: no space, no word character, and no half of a
 * character beyond the Basic Multilingual Plane (most of them letters: CJK, mathematical).
 */
function isMark(text: string, k: number): boolean {
  const c = text.charCodeAt(k)
  return !(c >= 0xd800 && c <= 0xdfff) && !SPACE.test(text[k]) && !WORD_CHAR.test(text[k])
}

/** The marks just before text[at]: where they start. */
function marksBefore(text: string, at: number): number {
  let k = at
  while (k > 0 && isMark(text, k - 1)) k--
  return k
}

/** The marks just from text[at] on: where they end. */
function marksAfter(text: string, at: number): number {
  let k = at
  while (k < text.length && isMark(text, k)) k++
  return k
}

/** Whether token t of `doc` continues the written word of token t - 1 (see JOINERS). */
export function continuesWord(doc: AnalysedDocument, t: number): boolean {
  if (t === 0 || t >= doc.starts.length) return false
  const from = doc.ends[t - 1]
  const to = doc.starts[t]
  return marksBefore(doc.text, to) === from && joins(doc.text, from, to)
}

/**
 * Whether token t of `doc` is written on from the token before it: two marks or more between them
 * and no space, as code writes a call's parts ("type(manager).__exit__", whose "exit" a paraphrase
 * of Python's reference began at: a reviewer). One mark is a joiner's or a range's (continuesWord
 * reads it); Chinese and Japanese write no spaces at all (OWN_WORD).
 */
function writtenOn(doc: AnalysedDocument, t: number): boolean {
  if (t === 0 || t >= doc.starts.length) return false
  const from = doc.ends[t - 1]
  const to = doc.starts[t]
  if (to - from < 2 || OWN_WORD.test(doc.text[from - 1]) || OWN_WORD.test(doc.text[to])) return false
  for (let k = from; k < to; k++) if (SPACE.test(doc.text[k])) return false
  return true
}

/**
 * Tokens [t0, t1] of `doc` (a paraphrase's) without a piece of a written word at its start (see
 * above; nor a token written on from the one before, writtenOn): the range itself when that would
 * leave nothing. A word after a bound prefix is read with it (prefixes.ts), and its passage
 * starts at the prefix: "re-uses the loop device", not "the loop device".
 */
export function wholeWords(doc: AnalysedDocument, t0: number, t1: number): [number, number] {
  if (afterPrefix(doc, t0)) return [t0 - 1, t1]
  let start = t0
  while (start <= t1 && (continuesWord(doc, start) || writtenOn(doc, start))) start++
  return start <= t1 ? [start, t1] : [t0, t1]
}

/**
 * Tokens [t0, t1] of `doc` (a paraphrase's) reaching to the ends of the Markdown code spans that
 * its first and last words lie in (nonwords.ts codeSpanAround): a call or a name
 * written as code is shown whole, "[`stream.resume()`]", not "[`stream.resume" (a paraphrase's
 * passage is read from its first to its last shared word, paraphrase.ts coreOf).
 */
export function wholeCodeSpans(doc: AnalysedDocument, t0: number, t1: number): [number, number] {
  let start = t0
  const opening = codeSpanAround(doc, doc.starts[t0])
  if (opening) while (start > 0 && doc.starts[start - 1] > opening[0]) start--
  let end = t1
  const closing = codeSpanAround(doc, doc.ends[t1] - 1)
  if (closing) while (end + 1 < doc.starts.length && doc.ends[end + 1] <= closing[1]) end++
  return [start, end]
}

/**
 * Pieces of a written word (see JOINERS), at most, that a passage takes in at either edge
 * (wholeWritten): an option's or a version's, "--update-billing-project", "2.4.10"; a longer
 * chain of pieces is a list or a path written without spaces, not one word.
 */
export const MAX_PIECES_TAKEN = 6

/**
 * Tokens [t0, t1] of `doc` (a verbatim or near-verbatim passage's) reaching to the start of the
 * written word the first is a piece of and the end of the one the last is (see JOINERS; not
 * underscores, whose pieces wholeIdentifiers leaves out), MAX_PIECES_TAKEN pieces more at most
 * each way (a longer chain's edge stays where it was). Two texts share the words from
 * "billing-project=BILLING_PROJECT" on, one as the option "--billing-project", the other inside
 * "--update-billing-project": begun where the shared words
 * begin, the passages showed two different options as the same (a reviewer of gcloud's manual
 * pages); so shown, the option's first word is a change. As sim_text's runs do, a passage still
 * holds what the texts share (a piece is added, never cut off: see above).
 */
export function wholeWritten(doc: AnalysedDocument, t0: number, t1: number): [number, number] {
  const joined = (t: number): boolean => continuesWord(doc, t) && !continuesIdentifier(doc, t)
  let start = t0
  while (t0 - start <= MAX_PIECES_TAKEN && joined(start)) start--
  let end = t1
  while (end - t1 <= MAX_PIECES_TAKEN && joined(end + 1)) end++
  // A chain of more pieces is no one word: that edge stays where it was.
  return [t0 - start > MAX_PIECES_TAKEN ? t0 : start, end - t1 > MAX_PIECES_TAKEN ? t1 : end]
}

/**
 * Tokens [t0, t1] of `doc` (a close copy's passage) reaching to the end of a path or web address
 * its last token is inside of (a word written without spaces that holds a slash), MAX_PIECES_TAKEN
 * pieces more at most (a longer address's edge stays where it was). Two texts that name
 * "/etc/security/limits.conf" and "/etc/security/time.conf" in one sentence share it up to
 * "/etc/security": ended there, the passages named a folder neither text names, said
 * "verbatim", and hid the one difference (a reviewer of PAM's pages; links to packages,
 * "https://npmjs.org/package" of ".../hasown" and ".../gopd"); so shown, the file's name is a
 * change. The parts of a path are still matched alone (JOINERS): a passage only holds more of the
 * text. Read last, at the edges shown (overlaps.ts shownEdges): a passage cut before the next
 * section's heading and its first path ("FILES\n       /etc/fstab") is not read on into it. Not
 * at a passage's start: one starting at the last part of a link's address
 * ("https://github.com/jonschlinkert/is-glob") where the other starts at a heading of that name
 * ("# is-glob") would take in the link the other text has nowhere.
 */
export function wholeAddressAtEnd(doc: AnalysedDocument, t0: number, t1: number): [number, number] {
  const { text, starts, ends } = doc
  let end = t1
  const to = runEnd(text, ends[t1])
  if (to > ends[t1] && text.slice(runStart(text, starts[t1]), to).includes('/'))
    while (end - t1 <= MAX_PIECES_TAKEN && end + 1 < starts.length && ends[end + 1] <= to) end++
  return [t0, end - t1 > MAX_PIECES_TAKEN ? t1 : end]
}

/** Where the run without white space that holds text[at] starts. */
function runStart(text: string, at: number): number {
  let k = at
  while (k > 0 && !SPACE.test(text[k - 1])) k--
  return k
}

/** Where the run without white space that holds text[at - 1] ends. */
function runEnd(text: string, at: number): number {
  let k = at
  while (k < text.length && !SPACE.test(text[k])) k++
  return k
}

/** Whether token t of `doc` continues an identifier of token t - 1: only underscores between them ("PROJECT_NAME"). */
export function continuesIdentifier(doc: AnalysedDocument, t: number): boolean {
  if (t === 0 || t >= doc.starts.length) return false
  const { text } = doc
  const from = doc.ends[t - 1]
  const to = doc.starts[t]
  if (to === from) return false
  for (let k = from; k < to; k++) if (text.charCodeAt(k) !== 0x5f) return false
  return true
}

/**
 * Whether token t of `doc` is the section of a manual page's name, "1" of "dropdb(1)" or "3pm"
 * of "File::Temp(3pm)": a digit and at most two letters, in brackets right after a word.
 */
export function namesManualSection(doc: AnalysedDocument, t: number): boolean {
  if (t === 0 || t >= doc.starts.length) return false
  const { text } = doc
  const from = doc.ends[t - 1]
  if (doc.starts[t] !== from + 1 || text.charCodeAt(from) !== 0x28 || text.charCodeAt(doc.ends[t]) !== 0x29) return false
  return MANUAL_SECTION.test(text.slice(doc.starts[t], doc.ends[t]))
}

const MANUAL_SECTION = /^\d[a-z]{0,2}$/

/**
 * Passages (tokens [start, end] of `doc`) without a piece of an identifier at either edge: the
 * parts of "IMPORTED_NO_SYSTEM" or "PROJECT_DESCRIPTION" in a passage where the identifier goes
 * on outside it. Two texts that share a sentence up to a name of code that differs
 * ("PROJECT_DESCRIPTION" / "PROJECT_NAME") share its words up to the name, not the name's first
 * part: shown, the part named a variable neither text has (a reviewer of CMake's help: passages
 * of 219 of 654 overlaps began or ended inside an identifier). Passages that are one run of
 * words in each text (`inStep`, a verbatim or near-verbatim overlap's, and as many words each)
 * lose as many words at an edge as the one that loses most, so that they stay word for word
 * alike ("see the PROJECT" of "PROJECT_NAME" and "see the PROJECT manual" both end "see the");
 * others, each its own (a cluster's passages need not start at the same word: cut alike, 120
 * passages of a policy's closing paragraph lost their last sentence). A passage is left as found
 * where that would leave nothing (all of them, when in step). Nor does a passage start at the
 * section of a manual page's name ("1), CREATE DATABASE ..." of "dropdb(1), CREATE DATABASE",
 * the end of two pages' SEE ALSO lines: namesManualSection). Only underscores: the parts of
 * "no-target-directory" or "3.4.0" that two texts share are shared as sim_text reads them (see
 * above). And no passage starts or ends on a lone piece of a web or e-mail address that goes on
 * outside it: "Project-URL: Changelog, https" of two different addresses, or "com>" of
 * "<contact@palletsprojects.com>" (a reviewer of Python packages' descriptions: 49 passages ended
 * on a bare "https"). One piece only: texts that share an address's first pieces share them as
 * sim_text counts them ("Source: https://www." of Debian's copyright files), and with two cut,
 * 52 of its runs there were no longer covered.
 */
export function wholeIdentifiers<P extends { start: number; end: number }>(
  passages: readonly P[],
  docOf: (p: P) => AnalysedDocument,
  inStep: boolean,
): P[] {
  const cuts = passages.map((p) => {
    const doc = docOf(p)
    let head = 0
    while (p.start + head <= p.end && (continuesIdentifier(doc, p.start + head) || namesManualSection(doc, p.start + head))) head++
    let tail = 0
    while (p.end - tail >= p.start + head && continuesIdentifier(doc, p.end - tail + 1)) tail++
    // A lone piece of an address at an edge, the address going on outside (see above).
    if (head === 0 && continuesAddress(doc, p.start) && !continuesAddress(doc, p.start + 1)) head = 1
    if (tail === 0 && continuesAddress(doc, p.end + 1) && !continuesAddress(doc, p.end)) tail = 1
    return { head, tail }
  })
  const fits = (p: P, head: number, tail: number) => p.start + head <= p.end - tail
  const alike = inStep && passages.every((p) => p.end - p.start === passages[0].end - passages[0].start)
  if (!alike)
    return passages.map((p, i) =>
      fits(p, cuts[i].head, cuts[i].tail) ? { ...p, start: p.start + cuts[i].head, end: p.end - cuts[i].tail } : p,
    )
  const head = Math.max(...cuts.map((c) => c.head))
  const tail = Math.max(...cuts.map((c) => c.tail))
  if ((head === 0 && tail === 0) || !passages.every((p) => fits(p, head, tail))) return [...passages]
  return passages.map((p) => ({ ...p, start: p.start + head, end: p.end - tail }))
}

/**
 * Opening brackets and quotation marks, each with the marks that close it: the pairs of English,
 * German („…“), French (« … » and » … «) and Chinese and Japanese (（…）, 「…」) texts, the angle
 * brackets of an e-mail address or a placeholder ("<doko@debian.org>", "<version>", and groff's
 * "⟨procps@freelists.org⟩" in a rendered manual page), and the
 * marks that close as they open (", ', and ` … ' as TeX and old man pages quote).
 */
const PARTNERS = new Map<string, string>([
  ['(', ')'],
  ['[', ']'],
  ['{', '}'],
  ['\u201c', '\u201d'],
  ['\u2018', '\u2019'],
  ['\u201e', '\u201c\u201d'],
  ['\u201a', '\u2018\u2019'],
  ['\u00ab', '\u00bb'],
  ['\u00bb', '\u00ab'],
  ['\u2039', '\u203a'],
  ['<', '>'],
  ['\uff08', '\uff09'],
  ['\u300c', '\u300d'],
  ['\u300e', '\u300f'],
  ['\u3010', '\u3011'],
  ['\u300a', '\u300b'],
  ['\u3008', '\u3009'],
  ['\u27e8', '\u27e9'],
  ['"', '"'],
  ["'", "'"],
  ['`', "'`"],
])
/** The brackets of PARTNERS, each with the one that closes it (quotation marks, which may close as they open, are not). */
const BRACKETS = new Map([...PARTNERS].filter(([open, close]) => /\p{Ps}/u.test(open) && close.length === 1))
const CLOSED_BY = new Map([...BRACKETS].map(([open, close]) => [close, open]))

/** Whether `c` opens a bracket (BRACKETS: "(", "[", "（", "「", not a quotation mark). */
export function opensBracket(c: string): boolean {
  return BRACKETS.has(c)
}

/** Whether `c` closes a bracket (BRACKETS: ")", "]", "）", "」", not a quotation mark). */
export function closesBracket(c: string): boolean {
  return CLOSED_BY.has(c)
}

/**
 * Span [start, end) of `text` (words a change removes or adds) with the brackets just outside it
 * that belong to it: an opening one before it whose closing one is in it unopened ("(C) 2005",
 * not "C) 2005"), a closing one after it whose opening one is in it unclosed, or a pair around it
 * ("(1)" of "tcsh(1)"). Only brackets in [low, high): the text between the words around the span.
 */
export function withBrackets(text: string, start: number, end: number, low: number, high: number): [number, number] {
  // The brackets in the span that close one opened before it, and that open one closed after it.
  const unopened: string[] = []
  const unclosed: string[] = []
  for (let k = start; k < end; k++) {
    const c = text[k]
    if (BRACKETS.has(c)) unclosed.push(c)
    else if (CLOSED_BY.has(c)) {
      if (unclosed.length && unclosed[unclosed.length - 1] === CLOSED_BY.get(c)) unclosed.pop()
      else if (unclosed.length === 0) unopened.push(c)
    }
  }
  const before = start > low ? text[start - 1] : ''
  const after = end < high ? text[end] : ''
  const around = BRACKETS.has(before) && BRACKETS.get(before) === after && unopened.length === 0 && unclosed.length === 0
  const opensIt = unopened.length === 1 && CLOSED_BY.get(unopened[0]) === before
  const closesIt = unclosed.length === 1 && BRACKETS.get(unclosed[0]) === after
  return [around || opensIt ? start - 1 : start, around || closesIt ? end + 1 : end]
}

/**
 * Where span [start, ...) of `text` (words a change removes or adds) starts with the hyphens of an
 * option its first word names ("-q, --quiet", not "q, --quiet": a reviewer of GNU manuals): one
 * or two hyphens (U+2010 and the minus sign too, as groff writes them) just before it, in
 * [low, start), after a space or an opening bracket; not the hyphen of a compound ("well-known"),
 * which follows the word before.
 */
export function withOptionHyphens(text: string, start: number, low: number): number {
  let k = start
  while (k > low && start - k < 2 && OPTION_HYPHENS.includes(text[k - 1])) k--
  return k < start && k > low && (SPACE.test(text[k - 1]) || BRACKETS.has(text[k - 1])) ? k : start
}
const OPTION_HYPHENS = '-\u2010\u2212'

/** Every mark that closes a pair (see PARTNERS), with the marks that open it. */
const OPENED_BY = new Map<string, string>()
for (const [open, closes] of PARTNERS) for (const close of closes) OPENED_BY.set(close, (OPENED_BY.get(close) ?? '') + open)
/** Brackets and quotation marks no pair above names: they go with no passage's edge. */
const OTHER_PAIRED = /[\p{Ps}\p{Pe}\p{Pi}\p{Pf}]/u

/**
 * Whether the mark at text[k] is an apostrophe: a single quotation mark between two letters
 * ("it’s", "don't"), which closes nothing.
 */
function apostrophe(text: string, k: number): boolean {
  return (text[k] === "'" || text[k] === '\u2019') && k > 0 && LETTER.test(text[k - 1]) && LETTER.test(text[k + 1] ?? '')
}
const LETTER = /\p{L}/u

/**
 * Whether text[from, to) holds one of `marks` that is no apostrophe. Searched in a slice of the
 * passage (a view, not a copy, in V8): looked for in the whole text, a mark absent from the
 * passage was looked for to the document's end.
 */
function holdsMark(text: string, from: number, to: number, marks: string): boolean {
  const part = text.slice(from, to)
  for (const mark of marks)
    for (let k = part.indexOf(mark); k >= 0; k = part.indexOf(mark, k + 1)) if (!apostrophe(text, from + k)) return true
  return false
}

/**
 * Whether the mark at text[at] may be an edge of passage text[from, to) (see above): an opening
 * bracket or quotation mark whose closing one is in the passage after it, a closing one whose
 * opening one is in it before it, or a mark that is neither.
 */
function belongs(text: string, at: number, from: number, to: number): boolean {
  const mark = text[at]
  // (A comparison's or an arrow's "<" and ">" are no brackets: ">=0.10", "<=", "->".)
  if ((mark === '<' || mark === '>') && operator(text, at)) return true
  const opens = at < to - 1 && PARTNERS.has(mark) && holdsMark(text, at + 1, to, PARTNERS.get(mark)!)
  const closes = at > from && OPENED_BY.has(mark) && holdsMark(text, from, at, OPENED_BY.get(mark)!)
  if (PARTNERS.has(mark) || OPENED_BY.has(mark)) return opens || closes
  return !OTHER_PAIRED.test(mark)
}

/** Whether the "<" or ">" at text[at] is part of an operator: beside "=", "-" or itself (">=", "->", "<<"). */
function operator(text: string, at: number): boolean {
  const around = (c: string | undefined): boolean => c === '=' || c === '-' || c === text[at]
  return around(text[at - 1]) || around(text[at + 1])
}

/**
 * Whether a character beside a run of marks sets them apart from the next word: a space, or a
 * Chinese or Japanese character, each a word of its own (tokenize.ts), which a bracket or
 * quotation mark touches with no space between ("加快（发展新质生产力）").
 */
function apart(char: string): boolean {
  return SPACE.test(char) || OWN_WORD.test(char)
}

/**
 * The UTF-16 offsets [start, end) of tokens [t0, t1] of `doc` with the marks that belong to the
 * first and last words (see above): before the first, those set apart from the word before them
 * (`apart`) or at the text's start, back from the word to the first that does not belong; after
 * the last, up to the last closing bracket or quotation mark of the marks that end the text or are
 * set apart, not past a mark that ends a clause (CLAUSE_MARKS) or one that does not belong. A
 * bracket or quotation mark belongs only with its partner inside the passage: "(see
 * basename(1))", but "local conditions" of a quotation that began before the passage. Each mark
 * is looked for inside the passage only: a passage can be a whole document, and there are
 * hundreds of thousands. A code span the passage holds all the words of comes with its
 * backquotes (codeEdges).
 */
export function passageOffsets(doc: AnalysedDocument, t0: number, t1: number): [number, number] {
  const { text } = doc
  const [first, last] = delimitedEdges(text, ...codeEdges(doc, t0, t1))
  const before = marksBefore(text, first)
  const after = marksAfter(text, last)
  // Marks between two words written without a space belong to the passage as far as a bracket of
  // the next word opens, or from where one of the first word's opens: a locale's country name in
  // code points, '"<U0627><U0644><U0623>', a passage ending or starting inside it takes its
  // own word's brackets (a tester of glibc's locales: "<U0644" cut from its ">").
  const widest = before === 0 || apart(text[before - 1]) ? before : lastOpening(text, before, first)
  const stop = after === text.length || apart(text[after]) ? after : firstOpening(text, last, after)
  /** The end: the closing marks whose opening ones are in the passage from `start`. */
  const endFrom = (start: number): number => {
    let end = last
    for (let k = last; k < stop && (!CLAUSE_MARKS.has(text[k]) || trailingComma(text, k)) && belongs(text, k, start, k + 1); k++)
      if (OPENED_BY.has(text[k])) end = k + 1
    return end
  }
  /** The start: back from the first word while the marks belong to the passage up to `end`. */
  const startTo = (end: number): number => {
    let start = first
    while (start > widest && !WIDE_ENDS.has(text[start - 1]) && belongs(text, start - 1, start - 1, end)) start--
    return start
  }
  // The closing marks first, read against every mark before the passage that may open; then the
  // opening ones against them. Where an opening mark does not belong after all, a closing one
  // taken for it goes, and the start is read again ('x "(see the manual" b': the quotation mark
  // after "manual" went with the one before the bracket, which goes with the bracket).
  let end = endFrom(widest)
  let start = startTo(end)
  while (start > widest) {
    const shorter = endFrom(start)
    if (shorter === end) break
    end = shorter
    const later = startTo(end)
    if (later === start) break
    start = later
  }
  return [
    markLabelStart(text, start === first ? identifierStart(text, first) : start),
    frenchClose(text, start, end === last ? identifierEnd(text, last) : end),
  ]
}

/**
 * Where the last bracket of marks text[from, to) opens (PARTNERS) after a mark that closes one:
 * the first word's own, of two written without a space between them; `to` where there is none.
 */
function lastOpening(text: string, from: number, to: number): number {
  for (let k = to - 1; k > from; k--) if (PARTNERS.has(text[k]) && OPENED_BY.has(text[k - 1])) return k
  return to
}

/**
 * Where the first bracket of marks text[from, to) opens after a mark that closes one (see
 * lastOpening); `from` where there is none.
 */
function firstOpening(text: string, from: number, to: number): number {
  for (let k = from + 1; k < to; k++) if (PARTNERS.has(text[k]) && OPENED_BY.has(text[k - 1])) return k
  return from
}

/**
 * Where an identifier's opening underscores before offset `first` start, where a mark that is
 * no part of the passage comes before them: "_LazyModule" of "class _MovedItems(_LazyModule):",
 * whose "(" goes with "_MovedItems" (a tester of vendored Python libraries: the passage started
 * "LazyModule)"); `first` where none come before it, or a letter or digit does ("dict_items").
 */
function identifierStart(text: string, first: number): number {
  let k = first
  while (k > 0 && text[k - 1] === '_') k--
  return k < first && (k === 0 || !WORD_CHAR.test(text[k - 1])) ? k : first
}

/**
 * Whether the mark at text[k] is a comma that a closing bracket follows, as code writes a tuple of
 * one or a list's last item ("t.__args__ is (int,)."): no clause ends there, and a passage that
 * ends on "int" goes on to the bracket it opened (a tester of Python's pages: 150 passages of pydoc's
 * pages ended "(int").
 */
function trailingComma(text: string, k: number): boolean {
  return text[k] === ',' && closesBracket(text[k + 1] ?? '')
}

/**
 * Where a passage that starts at offset `start` on an option starts with the short options of
 * marks alone before it on its line ("-?, --help", dpkg's pages: a short option with no letter is
 * no word, and 143 passages of their French and German translations started at "--help", a
 * tester); `start` otherwise.
 */
function markLabelStart(text: string, start: number): number {
  if (text[start] !== '-') return start
  const from = text.lastIndexOf('\n', start - 1) + 1
  const label = MARK_LABELS.exec(text.slice(from, start))
  return label ? from + label[1].length : start
}

/** Short options of one mark each, with their commas, from a line's start ("       -?, "). */
const MARK_LABELS = /^([ \t]*)(?:-[^\s\p{L}\p{N}_-],[ \t]+)+$/u

/**
 * Where a passage's end `end` goes on to the French closing guillemet after the space French
 * typography sets inside it ("la commande « man -L C <section> <page_de_man> »."), where the
 * passage from `start` opened one that it has not closed; `end` otherwise. The marks after a
 * word are read up to a space (marksAfter), and the passages of man-db's French pages left 30 of
 * them open (a tester).
 */
function frenchClose(text: string, start: number, end: number): number {
  if (!FRENCH_SPACE.test(text[end] ?? '') || text[end + 1] !== '\u00bb') return end
  if (end + 2 < text.length && !apart(text[end + 2]) && !CLAUSE_MARKS.has(text[end + 2]) && !isMark(text, end + 2)) return end
  let open = 0
  for (let k = start; k < end; k++) open += text[k] === '\u00ab' ? 1 : text[k] === '\u00bb' ? -1 : 0
  return open > 0 ? end + 2 : end
}

/** A space inside French guillemets: a space, a no-break space, or a narrow one. */
const FRENCH_SPACE = /^[ \u00a0\u202f]$/u

/**
 * Marks that open and close a name written between them with no space: vim's help writes a link
 * "|CTRL-D|" and a tag "*N-back*" so, Markdown an emphasis "*word*".
 */
const DELIMITERS = '|*'

/**
 * Characters, at most, between the delimiters of one such name (DELIMITERS): vim's longest tags
 * are some forty ("*g:markdown_fenced_languages*"); a longer run without a space is no name.
 */
const MAX_DELIMITED = 80

/**
 * Passage [first, last) of `text` reaching over the delimiters of a name written between them
 * (DELIMITERS) at its edges, where it holds all of the name: "|CTRL-U| and |CTRL-D|", not "... and
 * |CTRL-D", and "|]s| ]s 1 move to next misspelled word", not "s| ]s ..." (a tester of vim's help
 * files: 323 passages ended inside a link, 43 started in one); not a name whose other words it
 * leaves out ("D|" of "|CTRL-D|"). The delimiters stand where a
 * space, a bracket or the text's end is beside them, and nothing but marks and word characters
 * lie between them, MAX_DELIMITED at most.
 */
function delimitedEdges(text: string, first: number, last: number): [number, number] {
  // (Most edges have a space beside them, and so no delimiter: told without a search.)
  const around = first > 0 && !blank(text.charCodeAt(first - 1)) ? delimitedAround(text, first) : undefined
  const start = around && around[1] <= last && !WORD_CHAR.test(text.slice(around[0], first)) ? around[0] : first
  const end = last < text.length && !blank(text.charCodeAt(last)) ? delimitedAround(text, last - 1) : undefined
  return [start, end && end[0] >= start && !WORD_CHAR.test(text.slice(last, end[1])) ? end[1] + 1 : last]
}

/** Whether UTF-16 unit `code` is a space, tab, line feed or carriage return. */
function blank(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0d
}

/** The offsets of the delimiters (DELIMITERS) of the name offset `at` of `text` lies in, or undefined. */
function delimitedAround(text: string, at: number): [number, number] | undefined {
  let open = at
  while (open >= 0 && at - open <= MAX_DELIMITED && !DELIMITERS.includes(text[open]) && !SPACE.test(text[open])) open--
  if (open < 0 || open === at || !DELIMITERS.includes(text[open])) return undefined
  const mark = text[open]
  let close = at + 1
  while (close < text.length && close - open <= MAX_DELIMITED && text[close] !== mark && !SPACE.test(text[close])) close++
  if (text[close] !== mark) return undefined
  const outside = (c: string | undefined): boolean =>
    c === undefined || SPACE.test(c) || BRACKETS.has(c) || CLOSED_BY.has(c) || CLAUSE_MARKS.has(c) || c === '.'
  return outside(text[open - 1]) && outside(text[close + 1]) ? [open, close] : undefined
}

/**
 * Where an identifier's closing underscores after offset `last` end ("__dict__", "__init__":
 * the tokenizer splits at "_", and a passage's last word is "dict"), where the name ends with
 * them; `last` where none follow, or the name goes on after them ("dict_items"). The opening
 * ones come with a passage's first word as other marks do (a pydoc page's "__dict" against
 * "__dict__", a reviewer of Python's documentation).
 */
function identifierEnd(text: string, last: number): number {
  let k = last
  while (text[k] === '_') k++
  return k > last && (k === text.length || !WORD_CHAR.test(text[k])) ? k : last
}

/**
 * The UTF-16 offsets of the start of token t0 of `doc` and the end of token t1, reaching over the
 * backquotes of a Markdown code span (nonwords.ts codeSpanAround) whose words the passage holds
 * all of: "`process.cwd()`", not "`process.cwd"; a span it holds a part of keeps its marks out
 * ("start: number" of "`{ start: number, end: number }`", not "`{ start: number").
 */
function codeEdges(doc: AnalysedDocument, t0: number, t1: number): [number, number] {
  const { text, starts, ends } = doc
  let first = starts[t0]
  let last = ends[t1]
  /** Whether the passage holds every word of the span [open, close]. */
  const holds = ([open, close]: [number, number]): boolean =>
    (t0 === 0 || ends[t0 - 1] <= open) && (t1 + 1 >= starts.length || starts[t1 + 1] >= close)
  const opening = codeSpanAround(doc, first)
  if (opening && holds(opening)) first = opening[0]
  const closing = codeSpanAround(doc, last - 1)
  if (closing && holds(closing)) {
    last = closing[1]
    while (text[last] === '`') last++
  }
  return [first, last]
}

/** Marks that end a sentence, each read alone (an ellipsis of three stops is none). */
const SENTENCE_ENDS = new Set(['.', '!', '?', '\u2026', ...WIDE_STOPS])
/** What may follow a sentence's end mark: a space, the text's end, a closing bracket or quotation mark. */
const AFTER_SENTENCE = /[\s)\]}"'\u2019\u201d\u00bb]/u

/**
 * The mark ending a sentence just after UTF-16 offset `end` of `text` (a passage's end, as
 * passageOffsets gives it), or '' when none does: a full stop, question or exclamation mark or
 * ellipsis, followed by a space, a closing mark or the text's end ("e.g" and "3.8" go on); a
 * Chinese or Japanese one (WIDE_STOPS) whatever follows it, with the ones after it.
 */
export function sentenceEndAfter(text: string, end: number): string {
  const mark = text[end]
  if (!SENTENCE_ENDS.has(mark)) return ''
  if (isWideStop(mark.charCodeAt(0))) {
    // All of them: "？！", "。。。".
    let k = end + 1
    while (k < text.length && isWideStop(text.charCodeAt(k))) k++
    return text.slice(end, k)
  }
  return end + 1 === text.length || AFTER_SENTENCE.test(text[end + 1]) ? mark : ''
}
