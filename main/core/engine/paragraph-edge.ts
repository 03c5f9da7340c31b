import { contentFrom, type AnalysedDocument } from './analyse.js'
import { PARAGRAPH_GAP, paragraphBetween } from './align.js'
import { continuesWord } from './word-edges.js'
import { inCodeBlock } from './nonwords.js'
import { wordStart } from './tokenize.js'

// A passage's end a word or two into the next paragraph, and its start a word or two before its
// own. Seeds span paragraph breaks (chain.ts), so a candidate can end inside the next paragraph
// where both texts open it alike: two releases' notes whose shared entries are followed, in each,
// by an entry of its own with an identifier that starts alike ("... with the keyboard.\n\nbpo-9999:
// Something ..." and "... with the keyboard.\n\nbpo-7777: Another ..."): the passage ended with
// "bpo". The extension never crosses a paragraph break, and the word-for-word reach crosses one
// only for a long run (align.ts): a paragraph that merely opens alike is not the passage. So a
// side that runs into a paragraph for fewer content words than a seed holds (in the candidate
// only through a seed that spans the break), less than half of that paragraph, ends before that
// paragraph when the other side does too, where it ends inside a written word that goes on, or
// where the break lies between two list items (betweenListItems): git's release notes list their
// fixes as items (" * ..."), and items that close alike and open alike ("... which has been
// fixed." and ' * "git push ...' / ' * "git branch ...') made 250 passage ends and 43 starts a word
// or two into the next item or the one before (a reviewer: 13 overlaps near-verbatim only by such
// a word); now 95 and 34, the rest after headings ("Fixes since v2.33" and the first item). An end
// on the line of a heading in capitals goes too ("ENVIRONMENT", a manual page's next section). A
// manual page's options and exit codes are items too: unzip's and zip's pages describe -P alike and
// exit code 4 alike, and the passages ended on the next option's "-q" and the next code's "5" (a
// reviewer of compression tools' manual pages). A side's start goes so too, between two items.
// Other whole words stay: a changelog's version line or author line and its first item ("foo
// (1.2-1) unstable; urgency=medium" / "  * New upstream release", "2012-03-12  Rainer Orth <...>" /
// "* configure.tgt"), and an entry's last line and its trailer's "-- Matthias Klose", are what two
// changelogs share as sim_text reads them (its runs of eight words and more go on so: cut at every
// break, 84.0% of the changelogs' runs were covered, not 95.1%; at every break into a list item,
// 94.8%), and so do a whole paragraph after the break (a heading both texts have), most of one, and
// an end one text writes without the break. Nor does an end a word or two into the next paragraph
// where the two sides' pieces of it are unlike (unlikeOpenings): other words ("... not handle the
// exception.)\n\nBefore an except" against a code line's "except"), another label before their
// words (a manual's list of the marks special in brackets, "‘[.’\n represents the" against
// "‘-’\n represents the", two entries shown as one, an "equal" change); a reviewer of Python's
// reference and GNU manuals. Not where the pieces are alike but stop on a function word (a clause
// cut short, "Otherwise, the"): that is judged pair by pair, and an overlap's passages were then
// cut unlike, one pair's "... Jean-loup Gailly" beside another's "... Gailly\n\nPermission is
// granted" (a reviewer of gzip's manuals); nor for as many content words as a seed holds, as every
// rule here (Python's reference's "Otherwise, "raise" evaluates the" stays). Of sim_text's 46,271
// runs of Debian's change logs, 6 more are no longer covered (an author line whose next
// entries open unlike, which the runs read on into); the copyright files' coverage is unchanged.
// (The caller keeps the edges where the pair would be too short without them, but for the next
// section's heading: a pair too short without it is none, endOnHeadings.)

/** What the paragraph tests read of a document: its text and where its tokens are. */
type Paragraphs = Pick<AnalysedDocument, 'text' | 'starts' | 'ends'>

/**
 * Where side [.., t1] of `doc` would end without the fewer than `words` content words it has in
 * another paragraph (see above), that paragraph's first token t (lastParagraphStart): the last
 * token before the break; undefined when it keeps its end.
 */
function beforePartialParagraph(doc: AnalysedDocument, t: number | undefined, t1: number): number | undefined {
  if (t === undefined) return undefined
  // The end is a piece of a written word, which goes on ("bpo" of "bpo-9999"), or any words of a
  // list item.
  const piece = continuesWord(doc, t1 + 1)
  return ((piece || betweenListItems(doc, t) || headingLine(doc, t, t1)) && lessThanHalf(doc, t, t1)) || markdownHeading(doc, t, t1)
    ? t - 1
    : undefined
}

/**
 * Whether sides [a0, a1] of A and [b0, b1] of B both end a word or two into the next section's
 * heading (headingLine, markdownHeading), fewer than `words` content words: the heading is no part
 * of the passage, and a pair too short without it is none (paragraphEdges' caller keeps the other
 * edges it would cut where the pair is too short without them). Three AWS CLI examples' "in the
 * *Amazon EC2 User Guide*.\n\n**Example 3: To" was a verbatim overlap of six words (a tester).
 */
export function endOnHeadings(
  A: AnalysedDocument,
  a0: number,
  a1: number,
  B: AnalysedDocument,
  b0: number,
  b1: number,
  words: number,
): boolean {
  // Not where the side starts on a heading itself: a release's heading and its first section's,
  // "## 0.11.0 (2016-09-21)\n\n### Breaking changes", are what two change logs share there.
  const onHeading = (doc: AnalysedDocument, t0: number, t1: number): boolean => {
    const t = lastParagraphStart(doc, t0, t1, words)
    return t !== undefined && (headingLine(doc, t, t1) || markdownHeading(doc, t, t1)) && !markdownHeading(doc, t0, t0)
  }
  return onHeading(A, a0, a1) && onHeading(B, b0, b1)
}

/**
 * The first token of the paragraph side [t0, t1] of `doc` ends in, where it has fewer than `words`
 * content words there (and holds the break before it); undefined where it has more, or no break.
 */
function lastParagraphStart(doc: AnalysedDocument, t0: number, t1: number, words: number): number | undefined {
  // After the words-th content word from the end, fewer than `words` content words.
  const { content } = doc
  const c = contentFrom(doc, t1 + 1) - words
  const floor = Math.max(t0, c >= 0 ? content[c] : t0)
  for (let t = t1; t > floor; t--) if (paragraphBetween(doc, t - 1, t)) return t
  return undefined
}

/**
 * Whether the pieces [a, a1] of A and [b, b1] of B of the paragraphs two aligned sides end in (each
 * less than half of its paragraph) are unlike (see above): not as many words, or not the same
 * marks before their first words on their paragraph's first line (a label written without
 * letters, "‘[.’" and "‘-’"; not a label against none: a change log's author line goes on into
 * "\tdoc: ..." in one log and "\t* doc/tar.texi ..." in another, as sim_text's runs do). Not
 * words in the same number that differ: a change log's next entries open so ("* configure.in"
 * and "* configure.ac"), and sim_text's runs go on into them.
 */
function unlikeOpenings(A: AnalysedDocument, a: number, a1: number, B: AnalysedDocument, b: number, b1: number): boolean {
  if (!lessThanHalf(A, a, a1) || !lessThanHalf(B, b, b1)) return false
  if (a1 - a !== b1 - b) return true
  const x = labelBefore(A, a)
  const y = labelBefore(B, b)
  return x !== '' && y !== '' && x !== y
}

/**
 * Where aligned sides [.., a1] of A and [.., b1] of B end without the fewer than `words` content
 * words each has in the paragraph after, x and y its first tokens (lastParagraphStart), where
 * their pieces of it are unlike (unlikeOpenings), or where one piece ends inside a bracket it
 * opens (insideBracket), as [a, b]; undefined where they are not, or one has no such piece.
 */
function beforeUnlikeOpenings(
  A: AnalysedDocument,
  x: number | undefined,
  a1: number,
  B: AnalysedDocument,
  y: number | undefined,
  b1: number,
): [number, number] | undefined {
  if (x === undefined || y === undefined) return undefined
  const bracket = (insideBracket(A, x, a1) || insideBracket(B, y, b1)) && lessThanHalf(A, x, a1) && lessThanHalf(B, y, b1)
  return bracket || unlikeOpenings(A, x, a1, B, y, b1) ? [x - 1, y - 1] : undefined
}

/** What stands before token t of `doc` after the paragraph break before it (PARAGRAPH_GAP), white space aside. */
function labelBefore(doc: Paragraphs, t: number): string {
  const gap = doc.text.slice(doc.ends[t - 1], doc.starts[t])
  const parts = gap.split(PARAGRAPH_GAP)
  return parts[parts.length - 1].replace(WHITE_SPACE, '')
}
const WHITE_SPACE = /\s+/gu

/**
 * Whether tokens [t, t1] of `doc`, a side's piece of the next paragraph, end inside a bracket
 * they open: the next entry's signature, which two texts open alike and go on with otherwise
 * (beforeUnlikeOpenings, where the pieces are less than half of their paragraphs). pydoc's pages
 * list a class's methods, and passages ended "Return an empty bytes object at EOF.\n |\n |
 * readable(self" (one page's "readable(self, /)", the other's "readable(self)"; a tester of
 * Python's pages: 533 passages ended on a signature's line).
 */
function insideBracket(doc: Paragraphs, t: number, t1: number): boolean {
  const { text, starts, ends } = doc
  let open = 0
  for (let k = starts[t]; k < ends[t1]; k++) {
    const c = text[k]
    if (c === '(' || c === '[' || c === '{') open++
    else if ((c === ')' || c === ']' || c === '}') && open > 0) open--
  }
  return open > 0
}

/**
 * Whether tokens [t0, t1] of `doc` are a heading's whole line: written in capitals, alone on
 * their line, without a stop. Eight manual pages' "--version Show the version and exit." went on
 * alike into the next section's heading, "ENVIRONMENT", and every passage ended on it.
 */
function headingLine(doc: Paragraphs, t0: number, t1: number): boolean {
  const { text, starts, ends } = doc
  const after = t1 + 1 < starts.length ? starts[t1 + 1] : text.length
  if (after < text.length && !LINE_END.test(text.slice(ends[t1], after))) return false
  const line = text.slice(starts[t0], ends[t1])
  return CAPITALS.test(line) && !NOT_HEADING.test(line)
}

/**
 * Whether tokens [t0, t1] of `doc` lie on the line of a Markdown heading ("### Event:
 * `'checkExpectation'`", a line underlined with "===" or "---", or a line in strong emphasis
 * alone, STRONG_LINE): at a passage's end, the next section's title, which says nothing of the
 * section the passage is in, however much of it two texts write alike (at its start, a heading is
 * its own section's, and stays). Two API references described an event alike and their passages
 * ran on into the next event's heading, different in each ("### Event: `'checkExpectation'`" /
 * "#### Event: `'connection'`": a reviewer of Node.js's documentation). Not a line of a code block
 * ("# a comment" in a shell script).
 */
function markdownHeading(doc: Paragraphs, t0: number, t1: number): boolean {
  const { text, starts, ends } = doc
  const lineStart = text.lastIndexOf('\n', starts[t0] - 1) + 1
  const lineEnd = text.indexOf('\n', starts[t0])
  if (lineEnd >= 0 && ends[t1] > lineEnd) return false
  if (
    !ATX_HEADING.test(text.slice(lineStart, starts[t0] + 1)) &&
    !STRONG_LINE.test(text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd))
  ) {
    if (lineEnd < 0) return false
    const next = text.indexOf('\n', lineEnd + 1)
    if (!SETEXT_UNDERLINE.test(text.slice(lineEnd + 1, next < 0 ? text.length : next))) return false
  }
  return !inCodeBlock(doc, starts[t0])
}

/**
 * Whether a section's heading stands between tokens t and u of `doc` (t < u): a line of its own
 * after a paragraph break, in capitals (a manual page's "BUGS", "AUTHOR") or a Markdown heading
 * (headingLine, markdownHeading), among tokens t + 1 to u.
 */
export function headingBetween(doc: Paragraphs, t: number, u: number): boolean {
  const { text, starts, ends } = doc
  for (let k = t + 1; k <= u; k++) {
    if (!paragraphBetween(doc, k - 1, k)) continue
    // The tokens of the line k starts.
    let end = k
    while (end < u && !/[\n\r\u2029]/u.test(text.slice(ends[end], starts[end + 1]))) end++
    if (headingLine(doc, k, end) || markdownHeading(doc, k, end)) return true
  }
  return false
}

/** A Markdown heading's line: up to three spaces, one to six hashes, a space or tab. */
const ATX_HEADING = /^ {0,3}#{1,6}[ \t]/

/** The line under a Markdown heading written over it: "=====" or "-----". */
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*\r?$/

/**
 * A line in strong emphasis alone, a heading as Markdown and reStructuredText texts write one
 * without a heading's markup: the AWS CLI's examples open each with "**Example 3: To tag an
 * AMI**", and their passages ran from the end of one example into the next one's "**Example 3:
 * To" (a tester).
 */
const STRONG_LINE = /^[ \t]*(\*\*|__)(?![ \t]).*[^ \t]\1[ \t]*\r?$/

/** A line break right after a token, spaces aside. */
const LINE_END = /^[ \t]*(?:\r?\n|\r|\u2029)/u
/** Two capitals in a row. */
const CAPITALS = /\p{Lu}{2}/u
/** What a heading in capitals has none of: a small letter, a line break, a stop. */
const NOT_HEADING = /[\p{Ll}\n\r.!?]/u

/**
 * Where side [t0, t1] of `doc` would start without the fewer than `words` content words it has in
 * the paragraph before (see above): the first token after the break; undefined when it keeps its
 * start.
 */
function afterPartialParagraph(doc: AnalysedDocument, t0: number, t1: number, words: number): number | undefined {
  const t = firstParagraphStart(doc, t0, t1, words)
  return t !== undefined && betweenListItems(doc, t) && lessThanHalf(doc, t0, t - 1, -1) ? t : undefined
}

/**
 * The first token after the paragraph break side [t0, t1] of `doc` starts before, where it has
 * fewer than `words` content words before the break; undefined where it has more, or no break.
 */
function firstParagraphStart(doc: AnalysedDocument, t0: number, t1: number, words: number): number | undefined {
  // Before the words-th content word from the start, fewer than `words` content words.
  const { content } = doc
  const c = contentFrom(doc, t0) + words - 1
  const ceiling = Math.min(t1, c < content.length ? content[c] : t1)
  for (let t = t0; t < ceiling; t++) if (paragraphBetween(doc, t, t + 1)) return t + 1
  return undefined
}

/**
 * Where aligned sides [a0, a1] of A and [b0, b1] of B start without the fewer than `words` content
 * words each has in the paragraph before, where their pieces of it are unlike: not as many words,
 * each less than half of its paragraph. Two texts that go on alike from a paragraph's last words
 * into the same next paragraph share that paragraph, not the last words of two others: an
 * identical clause after "You may obtain a copy of the License at" in one text and "Nothing here
 * modifies the License." in another was near-verbatim from the start of each of those lines (a
 * tester). As with the ends (unlikeOpenings), pieces of as many words stay: a changelog's version
 * line or an entry's last line, which sim_text's runs read on from.
 */
function afterUnlikeClosings(
  A: AnalysedDocument,
  a0: number,
  a1: number,
  B: AnalysedDocument,
  b0: number,
  b1: number,
  words: number,
): [number, number] | undefined {
  const x = firstParagraphStart(A, a0, a1, words)
  const y = x === undefined ? undefined : firstParagraphStart(B, b0, b1, words)
  if (x === undefined || y === undefined || x - a0 === y - b0) return undefined
  return lessThanHalf(A, a0, x - 1, -1) && lessThanHalf(B, b0, y - 1, -1) ? [x, y] : undefined
}

/**
 * A list item's opening: a bullet (an asterisk, plus sign, bullet character, or a hyphen, en or
 * em dash alone: groff writes a manual's bullets "•" and "—") at the start of a line (or of the
 * text), spaces after it, and before its first word at most quotation marks and opening
 * brackets. Not "--": a Debian changelog's trailer line ("-- Matthias Klose"); nor "* * *", a
 * break between scenes.
 */
const LIST_ITEM = /(?:^|[\n\r\u2029])[ \t]*[*+\u2022\u2023\u25e6\u00b7\u2013\u2014-][ \t]+["'\u201c\u2018([]*$/u

/**
 * Tokens read back, at most, for the start of the paragraph before a break (betweenListItems): a
 * list item is a few lines; a paragraph that goes on longer is taken for no item.
 */
const ITEM_TOKENS = 200

/**
 * Whether the paragraph break before token t of `doc` lies between two list items (LIST_ITEM): the
 * paragraph t starts, and the one before it. Between a heading or a changelog's version line and
 * its first item ("foo (1.2-1) unstable; urgency=medium" / "  * New upstream release."), or an
 * item and a sign-off, it does not: what two texts share across those is one text (sim_text's
 * runs go on there).
 */
export function betweenListItems(doc: Paragraphs, t: number): boolean {
  if (!opensListItem(doc, t)) return false
  for (let u = t - 1; u >= 0 && u >= t - ITEM_TOKENS; u--) if (u === 0 || paragraphBetween(doc, u - 1, u)) return opensListItem(doc, u)
  return false
}

/**
 * A manual's option item: a hyphen or two at the start of a line ("       -q", "       --quiet";
 * groff may write them as the hyphen U+2010 or the minus sign U+2212) and the option's name right
 * after them: after one, a letter first or a digit alone (gzip's -1 to -9); after two, a
 * lower-case letter. Not a changelog's trailer (" -- Matthias Klose", or "--Matthias Klose"). A
 * short option named by a mark, which no word holds, may come first ("-?, --help", man-db's
 * pages).
 */
const OPTION_ITEM = /(?:^|[\n\r\u2029])[ \t]*(?:[-\u2010\u2212][^\s\p{L}\p{N}-],[ \t]+)?[-\u2010\u2212]{1,2}$/u
const SHORT_OPTION = /^(?:\p{L}|\d$)/u
const LONG_OPTION = /^\p{Ll}/u
const TWO_DASHES = /[-\u2010\u2212]{2}$/u

/**
 * A numbered item's opening before its number: the start of a line, spaces, an opening bracket.
 * The number (NUMBER: three digits at most, so that a year opening a changelog's author line is
 * none) is then followed by a stop or closing bracket and a space or line break ("1. ", "2) "),
 * by a tab, or by two spaces or more (a manual's "5      a severe error ..."). Its limit, and the
 * options': two paragraphs that open with a date written "3. Oktober" and "9. November", or with
 * "-5 degrees" and "-3 degrees", read as two items (a reviewer), and a passage that runs a word or
 * two across their break ends before it.
 */
export const NUMBER_ITEM = /(?:^|[\n\r\u2029])[ \t]*\(?$/u
const NUMBER = /^\d{1,3}$/u
const AFTER_NUMBER = /^(?:[.)][ \t\r\n\u2029]|\t| {2,})/u

/**
 * Whether the gap before token t of `doc` (the text's start before token 0) opens a list item: a
 * bullet's (LIST_ITEM; unless `bullets` is false), an option's (OPTION_ITEM) or a number's
 * (NUMBER_ITEM).
 */
export function opensListItem(doc: Paragraphs, t: number, bullets = true): boolean {
  // A sign the word is written with (tokenize.ts: gzip's option "-9") is read in the gap before it.
  const from = wordStart(doc.text, doc.starts[t])
  const gap = doc.text.slice(t > 0 ? doc.ends[t - 1] : 0, from)
  if (bullets && LIST_ITEM.test(gap)) return true
  const word = doc.text.slice(from, doc.ends[t])
  if (OPTION_ITEM.test(gap)) return (TWO_DASHES.test(gap) ? LONG_OPTION : SHORT_OPTION).test(word)
  return NUMBER_ITEM.test(gap) && NUMBER.test(word) && AFTER_NUMBER.test(doc.text.slice(doc.ends[t], doc.ends[t] + 2))
}

/**
 * Whether tokens [t0, t1] of `doc` are less than half of their paragraph, which goes on after t1
 * (`dir` 1) or before t0 (-1).
 */
export function lessThanHalf(doc: Paragraphs, t0: number, t1: number, dir: 1 | -1 = 1): boolean {
  const part = t1 - t0 + 1
  let rest = 0
  if (dir > 0) for (let t = t1 + 1; rest <= part && t < doc.starts.length && !paragraphBetween(doc, t - 1, t); t++) rest++
  else for (let t = t0 - 1; rest <= part && t >= 0 && !paragraphBetween(doc, t, t + 1); t--) rest++
  return rest > part
}

/**
 * The aligned sides [a0, a1] of A and [b0, b1] of B without the words each has in the paragraph
 * after (before) the rest, fewer than `words` content words, where both have such (see above), as
 * [a0, a1, b0, b1]; undefined when both sides keep both edges.
 */
export function paragraphEdges(
  A: AnalysedDocument,
  a0: number,
  a1: number,
  B: AnalysedDocument,
  b0: number,
  b1: number,
  words: number,
): [number, number, number, number] | undefined {
  // The paragraph each side ends in, read once for the rules below.
  const x = lastParagraphStart(A, a0, a1, words)
  const y = x === undefined ? undefined : lastParagraphStart(B, b0, b1, words)
  const a = beforePartialParagraph(A, x, a1)
  const b = a === undefined ? undefined : beforePartialParagraph(B, y, b1)
  // Or where both end a word or two into a paragraph, their pieces of it unlike (see above).
  const ends = a !== undefined && b !== undefined ? [a, b] : beforeUnlikeOpenings(A, x, a1, B, y, b1)
  const c = afterPartialParagraph(A, a0, a1, words)
  const d = c === undefined ? undefined : afterPartialParagraph(B, b0, b1, words)
  // Or where both start a word or two before a paragraph break, their pieces unlike (see above).
  const starts = c !== undefined && d !== undefined ? [c, d] : afterUnlikeClosings(A, a0, a1, B, b0, b1, words)
  if (!ends && !starts) return undefined
  const edges: [number, number, number, number] = [
    starts ? starts[0] : a0,
    ends ? ends[0] : a1,
    starts ? starts[1] : b0,
    ends ? ends[1] : b1,
  ]
  // Nothing left of a side: as found.
  return edges[0] <= edges[1] && edges[2] <= edges[3] ? edges : undefined
}
