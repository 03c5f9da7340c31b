import { DocumentMemo } from './document-memo.js'
import { type AnalysedDocument, SpanMemo } from './analyse.js'
import { paragraphBetween } from './align.js'
import { inCodeBlock } from './nonwords.js'
import { NUMBER_ITEM, opensListItem } from './paragraph-edge.js'
import { patternOnUse } from '../text/pattern-on-use.js'
import { lowerBound } from '../text/sorted.js'
import { stopAfter } from './sentences.js'

// A passage's end on the first words of the next item of a list, and its start on the last words
// of the item before. A manual page's options, configuration variables and sections each open a
// paragraph of their own, and two pages that describe an option alike go on alike into the next
// one's name: "... respects the system's password policy.\n\n-r, --system" against "... password
// policy.\n\n-r, --remove", "... unless you really need it.\n\nSYS_GID_MAX (number)" against
// "... need it.\n\nSUB_GID_MIN (number)", "--version Show the version and exit.\n\nOPTIONS
// --admindir". The words past the break are shared, or taken in by sentence-tails.ts as the
// rest of a sentence, but a reader marks the option described, not the next one's name (a
// reviewer of user-administration, dpkg and coreutils pages: the commonest edge defect of the
// three). So, as the last thing done to an overlap's passages, where every passage ends at most
// MAX_ITEM_TOKENS tokens into a paragraph that opens such an item (an option, a numbered item, a
// variable's name in capitals, a heading of a few words in capitals: opensItem), or ends with its
// paragraph there, each ends before the break (at an end, a passage that ends elsewhere, inside a
// sentence of a paragraph that opens no item, keeps its end, and the others are cut all the same:
// in an overlap of hundreds of gcloud's pages, one ending "... in other ways.\n\nTo set the" kept
// all the others going on into the next bullet); and a start likewise, after the break, where the
// passage's own paragraph opens an item. Only items (at a start, not a bullet's: a changelog's
// entries open alike, and two changelogs share them as sim_text's runs read them,
// paragraph-edge.ts). At an end a bullet's item is one where the passage ends in it
// (lastBreak): "To set the project attribute:\n\n— provide the argument" in gcloud's pages,
// going on "dashboard" in one and "LOCATION" in the other (a tester: a tenth of the passages of
// 3,000 pages ended so), and a changelog's "* New upstream" going on "release" and "version"
// (one more of sim_text's 46,272 runs on the changelogs missed, of 1,991).
// A manual's items need not be paragraphs of their own: bash(1) lists its tests with no blank line
// between them ("-s file\n              True if file exists and has a size greater than\n
// zero.\n       -t fd  True if ..."), its line back at the item's margin; and an item may open
// with a name rather than an option: a built-in command with its synopsis ("trap [-lp] [[arg]
// sigspec ...]"), a parameter expansion ("${parameter:-word}"), its description indented under
// it. So a line that starts left of the line before it breaks items as a paragraph does
// (breakBefore), and a line whose next line is indented deeper opens an item (hangingTerm).

/** Tokens of the next (previous) paragraph, at most, cut from a passage's end (start). */
export const MAX_ITEM_TOKENS = 8

/**
 * Share of a passage's tokens, at most, that what is cut from it may be: a short passage that is
 * mostly the item's name is what the texts share there, not a stray word of it.
 */
export const MAX_ITEM_SHARE = 0.25

/** A passage: tokens [start, end] of document `doc`. */
export interface ItemPassage {
  doc: number
  start: number
  end: number
}

/** What the tests read of a document: its text and where its tokens are. */
type Paragraphs = Pick<AnalysedDocument, 'text' | 'starts' | 'ends'>

/**
 * `passages` without the words of the next (previous) item at their ends (starts), see above;
 * the same array where nothing is cut.
 */
export function withoutNextItems<P extends ItemPassage>(given: readonly P[], docs: readonly Paragraphs[]): readonly P[] {
  const passages = withoutLabels(given, docs)
  const ends = edges(passages, docs, 1)
  const starts = edges(passages, docs, -1)
  /** Whether every passage keeps its share with these edges cut. */
  const keeps = (starts: number[] | undefined, ends: number[] | undefined): boolean =>
    passages.every((p, i) => {
      const cut = (starts ? starts[i] - p.start : 0) + (ends ? p.end - ends[i] : 0)
      return cut <= MAX_ITEM_SHARE * (p.end - p.start + 1)
    })
  // Both edges where the passages keep their share so; else the end, else the start.
  const tried: [number[] | undefined, number[] | undefined][] = [
    [starts, ends],
    [undefined, ends],
    [starts, undefined],
  ]
  let chosen = tried.find(([s, e]) => (s || e) && keeps(s, e))
  // Else each end at its nearest item's break alone, where one cut with the heading over the item
  // is too much of a passage: a short passage of gcloud's pages, "in other ways.\n\nTo set the
  // project attribute:\n\n— provide the argument", mostly that heading, kept hundreds of others
  // going on into the bullet (a tester).
  if (!chosen && ends) {
    const nearest = edges(passages, docs, 1, false)
    if (nearest && keeps(undefined, nearest)) chosen = [undefined, nearest]
  }
  if (!chosen) return passages
  const [s, e] = chosen
  return passages.map((p, i) => ({ ...p, start: s ? s[i] : p.start, end: e ? e[i] : p.end }))
}

/**
 * `passages` each without the label of the next line it ends on: a header's next field's name
 * (fieldNameEnd), the opening of the next copyright notice (noticeLabelEnd), the next item's
 * number (itemLabelEnd), within its share (MAX_ITEM_SHARE); or its text's footer (footerEnd),
 * whatever its share; the same array where none ends so.
 * Each on its own, not only where every passage ends on an item as edges() asks: the label is a
 * stray word of its own document's next line, whatever the others end with, and the others go
 * on past it only with what it labels, which this one does not share (an overlap of a licence's
 * copies, two of three ending "... License: GPL-2+\n\nFiles", the third inside a list of
 * translators' names).
 */
function withoutLabels<P extends ItemPassage>(passages: readonly P[], docs: readonly Paragraphs[]): readonly P[] {
  let out: P[] | undefined
  // (Read once per text and span: an overlap holds a passage in each copy of a text.)
  const labels = new SpanMemo((doc: Paragraphs, start: number, end: number): [number, number] | undefined => {
    const p = { doc: -1, start, end }
    const label = fieldNameEnd(doc, p) ?? noticeLabelEnd(doc, p) ?? itemLabelEnd(doc, p)
    const last = label !== undefined && end - label <= MAX_ITEM_SHARE * (end - start + 1) ? label : footerEnd(doc, p)
    const first = headerStart(doc, p)
    return first === undefined && last === undefined ? undefined : [first ?? start, last ?? end]
  })
  passages.forEach((p, i) => {
    const at = labels.get(docs[p.doc], p.start, p.end)
    if (at === undefined || at[0] > at[1]) return
    out ??= [...passages]
    out[i] = { ...p, start: at[0], end: at[1] }
  })
  return out ?? passages
}

/**
 * Where passage `p` would start after its text's running header (pageLines), where it starts on
 * the header's line and goes on past it: "User Contributed Perl Documentation
 * File::BaseDir(3pm)\n\nNAME ..." (a tester of 269 Perl modules' pages); undefined if it does not.
 * Each passage on its own, as a footer is cut (footerEnd).
 */
function headerStart(doc: Paragraphs, p: ItemPassage): number | undefined {
  const header = pageLines(doc).header
  if (header < 0 || doc.starts[p.start] >= header) return undefined
  const t = lowerBound(doc.starts, header)
  return t <= p.end ? t : undefined
}

/**
 * The offsets where a manual page's running lines end (`header`: its text's first line, the page's
 * name and section at both ends, "LWP::Debug(3pm)  User Contributed Perl Documentation
 * LWP::Debug(3pm)") and start (`footer`: its last line, opensFooter, as a formatter prints it,
 * PRINTED_FOOTER); -1 where it has none. What a page prints on every page, not what it says: a
 * passage does not start or end on them (headerStart, footerEnd), and an overlap of nothing else
 * is furniture (furniture.ts).
 */
export function pageLines(doc: Paragraphs): { header: number; footer: number } {
  return pageLinesOf.get(doc)
}

/** What pageLines gives for a document, read from it once (its memo keeps it). */
function readPageLines(doc: Paragraphs): { header: number; footer: number } {
  const first = doc.text.search(/\S/)
  const lineEnded = first < 0 ? -1 : doc.text.indexOf('\n', first)
  const line = first < 0 ? '' : doc.text.slice(doc.text.lastIndexOf('\n', first) + 1, lineEnded < 0 ? doc.text.length : lineEnded)
  const header = lineEnded >= 0 && RUNNING_HEADER.test(line) ? lineEnded : -1
  const last = doc.starts.length - 1
  const from = last < 0 ? -1 : lineStart(doc.text, doc.starts[last])
  const t = from < 0 ? -1 : lowerBound(doc.starts, from)
  const footer = t > 0 && opensFooter(doc, t) && PRINTED_FOOTER.test(lineAt(doc.text, from)) ? from : -1
  return { header, footer }
}

/** Whether tokens [t0, t1] of `doc` lie on its running header's or footer's line (pageLines). */
export function onPageLines(doc: Paragraphs, t0: number, t1: number): boolean {
  const { header, footer } = pageLines(doc)
  return doc.ends[t1] <= header || (footer >= 0 && doc.starts[t0] >= footer)
}

/** Per text read so far, its running lines (pageLines). */
const pageLinesOf = new DocumentMemo(readPageLines)

/**
 * A manual page's running header: its name and section at the line's start and again at its end,
 * the title between (in a name too long for its column, run together: "Algorithm::Diff::XS(3pUser
 * Contributed Perl DocumentatAlgorithm::Diff::XS(3pm)").
 */
const RUNNING_HEADER = /^[ \t]*([^\s(]+)\(\d.*\1\(\d\w*\)[ \t]*$/u

/**
 * Where each passage would end (`dir` 1) or start (-1) without the next (previous) item's words,
 * where every passage either has such words at that edge or is whole there (or ends its sentence
 * with its stop), or, at an end, ends elsewhere (keeping its end), and one at least has them;
 * undefined where the edge stays. Where a passage ends whole on the very item words cut from
 * another (its text ending "-r, --system", where the other's paragraph goes on past them), or
 * ends elsewhere in a paragraph that opens with them, the end stays for all: cut in the others
 * only, the words both have would read as a difference. Without `headings`, an end is cut at
 * its nearest item alone (itemBreak).
 */
function edges(passages: readonly ItemPassage[], docs: readonly Paragraphs[], dir: 1 | -1, headings = true): number[] | undefined {
  const out: number[] = []
  /** The words cut from passages, and those that whole passages end on an item with (dir 1). */
  const cutWords = new Set<string>()
  const itemWords = new Set<string>()
  /** The passages that end elsewhere (dir 1), by index: mid-sentence, on no item's words. */
  const elsewhere: number[] = []
  // Each passage's edge read once per text and span (an overlap holds a passage in each copy of
  // a text: of the copyright files' passages whose edges are read, three in five are copies).
  const readings = new SpanMemo((doc: Paragraphs, start: number, end: number) => edgeOf(doc, { doc: -1, start, end }, dir, headings))
  for (const [i, p] of passages.entries()) {
    const reading = readings.get(docs[p.doc], p.start, p.end)
    if (reading.whole) {
      if (reading.words !== undefined) itemWords.add(reading.words)
      out.push(dir > 0 ? p.end : p.start)
      continue
    }
    if (reading.at === undefined && dir < 0) return undefined
    if (reading.at === undefined) {
      elsewhere.push(i)
      out.push(p.end)
      continue
    }
    cutWords.add(reading.words!)
    out.push(reading.at)
  }
  if (!cutWords.size) return undefined
  for (const item of itemWords) if (cutWords.has(item)) return undefined
  // A passage that ends elsewhere keeps its end, and the others are cut, unless its last
  // paragraph opens with the words cut from them: it goes on past them into the item they open,
  // and cut from the others, they would read as a difference. So where its last paragraph opens
  // further back than MAX_HELD_TOKENS (what it opens with is not read).
  const lasts = new SpanMemo(lastParagraphWords)
  for (const i of elsewhere) {
    const p = passages[i]
    const last = lasts.get(docs[p.doc], p.start, p.end)
    if (last === undefined) return undefined
    for (const cut of cutWords) if (last.startsWith(cut)) return undefined
  }
  return out
}

/**
 * What `edges` reads of one passage at its end (`dir` 1) or start (-1): whether it is whole there
 * (or ends its sentence with its stop), and then the words of the item it ends on, if any (dir
 * 1); else where the next (previous) item's words break off from it, if they do, and those words.
 */
function edgeOf(doc: Paragraphs, p: ItemPassage, dir: 1 | -1, headings: boolean): { whole: boolean; at?: number; words?: string } {
  const edge = dir > 0 ? p.end : p.start
  // (Or, at an end, its sentence's end with its own stop, in a paragraph that goes on: it holds
  // none of a next item's words, and the others' are cut. A pydoc page's method box goes on
  // "|\t---- Methods inherited from ...", where three other pages' passages of the same
  // docstring ended on the next class's "class": a reviewer of Python's documentation.)
  if (whole(doc, edge, dir) || (dir > 0 && stoppedSentence(doc, edge))) {
    const item = dir > 0 ? lastItem(doc, p) : undefined
    return { whole: true, words: item === undefined ? undefined : spacedWords(doc, item, p.end) }
  }
  const at = itemBreak(doc, p, dir, headings)
  if (at === undefined) return { whole: false }
  return { whole: false, at, words: dir > 0 ? spacedWords(doc, at + 1, p.end) : spacedWords(doc, p.start, at - 1) }
}

/** Tokens [t0, t1] of `doc` as `edges` compares them: spaced alike, in lower case. */
function spacedWords(doc: Paragraphs, t0: number, t1: number): string {
  return doc.text.slice(doc.starts[t0], doc.ends[t1]).replace(/\s+/g, ' ').toLowerCase()
}

/**
 * The words (spacedWords) of the last paragraph of tokens [t0, t1] of `doc`, a passage that ends
 * elsewhere (edges), from where it opens, at most MAX_HELD_TOKENS back; undefined where it opens
 * further back.
 */
function lastParagraphWords(doc: Paragraphs, t0: number, t1: number): string | undefined {
  let t = t1
  while (t > t0 && t > t1 - MAX_HELD_TOKENS && !breakBefore(doc, t, false)) t--
  return breakBefore(doc, t, false) ? spacedWords(doc, t, t1) : undefined
}

/**
 * Tokens, at most, of the last paragraph of a passage that ends elsewhere (edges) read for the
 * words cut from the others: the most an item's words cut (MAX_ITEM_TOKENS) and as many again of
 * the item's description.
 */
const MAX_HELD_TOKENS = 2 * MAX_ITEM_TOKENS

/**
 * Whether token t of `doc` ends a sentence with its own stop: a full stop, question or
 * exclamation mark (closing brackets or quotation marks after it) and white space, or the text's
 * end; not the dot inside a name ("asyncio.base_events").
 */
function stoppedSentence(doc: Paragraphs, t: number): boolean {
  const last = t + 1 >= doc.starts.length
  return STOPPED.test(doc.text.slice(doc.ends[t], last ? doc.text.length : doc.starts[t + 1]) + (last ? ' ' : ''))
}

/** A sentence's stop, with what may close after it (".", "?)", '!"', ".)"), then white space. */
const STOPPED = /^[)\]"'\u2019\u201d]*[.?!][)\]"'\u2019\u201d]*\s/u

/**
 * Where passage `p`'s last paragraph starts, when it is at most MAX_ITEM_TOKENS tokens and opens
 * an item: a passage that ends with its text or paragraph on an item's words ("... policy.\n\n-r,
 * --system"); undefined if it does not.
 */
function lastItem(doc: Paragraphs, p: ItemPassage): number | undefined {
  const [nearest] = paragraphsNear(doc, p, 1)
  return nearest !== undefined && opensItem(doc, nearest, true) ? nearest : undefined
}

/**
 * The first tokens of the paragraphs that open within passage `p`'s last (`dir` 1) or first (-1)
 * MAX_ITEM_TOKENS tokens, nearest that edge first.
 */
function paragraphsNear(doc: Paragraphs, p: ItemPassage, dir: 1 | -1): number[] {
  const out: number[] = []
  if (dir > 0) {
    for (let t = p.end; t > p.start && t > p.end - MAX_ITEM_TOKENS; t--) if (breakBefore(doc, t, false)) out.push(t)
  } else {
    for (let t = p.start; t < p.end && t < p.start + MAX_ITEM_TOKENS; t++) if (breakBefore(doc, t + 1, true)) out.push(t + 1)
  }
  return out
}

/**
 * Whether token `edge` of `doc` ends (`dir` 1) or starts (-1) its paragraph or its text, or its
 * item where the next item opens on a line of its own (breakBefore, opensItem).
 */
function whole(doc: Paragraphs, edge: number, dir: 1 | -1): boolean {
  const next = edge + dir
  if (next < 0 || next >= doc.starts.length || paragraphBetween(doc, edge, next)) return true
  const after = Math.max(edge, next)
  // A header's field ends with its line (fieldNameEnd).
  if (dir > 0 && opensField(doc, after)) return true
  return breakBefore(doc, after, dir < 0) && opensItem(doc, after, dir > 0)
}

/**
 * Whether an item may open at token t of `doc` (t > 0): after a paragraph break; at a line that
 * starts left of the one before, back at the margin of an item above it (in a manual, the next
 * item after a description indented under its item's name; not a paragraph indented on its first
 * line only, whose second line may start with "-v, which prints ..."); or at a line at the margin
 * of the one before when that one is an option's or a numbered item's and ends a sentence
 * (bash(1)'s "-i        If the -i option is present, the shell is interactive.\n       -l
 * Make bash act ...", each option a line of its own; SQLite's "3. Added the "-echo" option to
 * the shell.\n    4. Changes to comments.", a whole item of two changelogs, not a stray start of
 * the next). Not after any line that ends a sentence: a changelog's entry goes on with a line that
 * starts with a compiler's flag ("Unbreak llvm-toolchain-13 on buster.\n    -fuse-ld=gold wasn't
 * passed to compiler-rt"). `atStart`, where a passage's start is read: also at the first option
 * under a subsection's heading (headingOver).
 */
function breakBefore(doc: Paragraphs, t: number, atStart: boolean): boolean {
  if (paragraphBetween(doc, t - 1, t)) return true
  const lines = linesBefore(doc, t)
  if (!lines) return false
  const [previous, line] = lines
  const { text } = doc
  const indent = indentAt(text, line)
  const indentBefore = indentAt(text, previous)
  if (indent < indentBefore) return backAtItemMargin(doc, line, indent)
  if (indent > indentBefore) return atStart && headingOver(doc, previous, t) >= 0
  return indent === indentBefore && ITEM_LINE.test(text.slice(previous, line)) && (stopAfter(doc, t - 1) || text[doc.ends[t - 1]] === ':')
}

/**
 * The first token of the line at `previous` where token t of `doc`, first on a line indented
 * deeper, opens the first option of a list under that line as its heading, else -1: a manual's
 * subsection ("   Getting help\n       -?, --help\n              Print a help message and exit.",
 * man-db's pages), its options indented under it with no blank line between. The line above is a
 * heading: a few words (MAX_SUBHEADING_WORDS), no sentence's or clause's end, no item of its own
 * (an option's name, whose description, indented deeper, may name another option first; a
 * changelog's bullet, whose wrapped line may start with one: "* run-parts.c: skip all files that
 * can't be statted unless\n    --exit-on-error is set."). Read at a passage's start only
 * (breakBefore): at its end, the heading goes with the item under it, and the break before the
 * heading is where it ends; at a start that holds the heading, it starts there (itemBreak).
 */
function headingOver(doc: Paragraphs, previous: number, t: number): number {
  const line = lineStart(doc.text, doc.starts[t])
  const heading = doc.text.slice(previous, line)
  if (!opensListItem(doc, t, false) || HEADING_END.test(heading) || heading.trim().split(/\s+/).length > MAX_SUBHEADING_WORDS) return -1
  const first = lowerBound(doc.starts, previous)
  return first < t && !opensListItem(doc, first) ? first : -1
}

/** The first token of the subsection's heading over the option that token t opens (headingOver); -1 where none is. */
function headingAt(doc: Paragraphs, t: number): number {
  const lines = t > 0 && !paragraphBetween(doc, t - 1, t) ? linesBefore(doc, t) : undefined
  if (!lines || indentAt(doc.text, lines[1]) <= indentAt(doc.text, lines[0])) return -1
  return headingOver(doc, lines[0], t)
}

/** Words, at most, of a subsection's heading over its options (headingOver): "PKCS#12 input (parsing) options". */
const MAX_SUBHEADING_WORDS = 6

/** A line that ends a sentence or a clause, leads into what follows, or goes on on the next (a shell's "\\"): no heading (headingOver). */
const HEADING_END = /[.?!:;,\\][ \t]*\r?\n?$/u

/**
 * Where the line of token t of `doc` (t > 0) starts, and the one before it, when token t is the
 * first of its line and the line before it holds the token before (no paragraph break between).
 */
function linesBefore(doc: Paragraphs, t: number): [number, number] | undefined {
  const { text, starts, ends } = doc
  const line = lineStart(text, starts[t])
  if (line <= ends[t - 1]) return undefined
  const previous = lineStart(text, line - 1)
  return previous >= 0 && previous <= starts[t - 1] ? [previous, line] : undefined
}

/**
 * Whether the line that starts at `line`, indented `indent` columns, is back at the margin of an
 * item above it: the nearest line above it, within MAX_LINES_BACK, that holds anything and is
 * indented no deeper is indented as much and opens an item (an option's, a number's, a name with
 * its description indented under it: termLine).
 */
function backAtItemMargin(doc: Paragraphs, line: number, indent: number): boolean {
  const { text, starts } = doc
  let at = line
  for (let k = 0; k < MAX_LINES_BACK && at > 0; k++) {
    at = lineStart(text, at - 1)
    if (at < 0) return false
    let first = at
    while (text[first] === ' ' || text[first] === '\t') first++
    if (first >= text.length || endsLine(text, first) || text[first] === '\r') continue
    const column = indentAt(text, at)
    if (column > indent) continue
    if (column < indent) return false
    const t = lowerBound(starts, first)
    return t < starts.length && (opensListItem(doc, t, false) || termLine(doc, t))
  }
  return false
}

/**
 * Characters, at most, of a line read for where it starts or ends: a manual's lines are under a
 * hundred. A text written a paragraph a line, or one without line breaks at all (extracted from a
 * PDF or a web page), has no layout to read, and reading its lines whole from every passage's
 * edge took 32 s instead of 3 on two one-line files of a megabyte (a reviewer).
 */
const MAX_LINE = 1000

/** Lines above an item's description read for the line that opens the item (backAtItemMargin). */
const MAX_LINES_BACK = 40

/** Where the line holding offset i of `text` starts; -1 when that is more than `most` (MAX_LINE) before i. */
function lineStart(text: string, i: number, most = MAX_LINE): number {
  const floor = Math.max(0, i - most)
  for (let j = i - 1; j >= floor; j--) if (endsLine(text, j)) return j + 1
  return floor === 0 ? 0 : -1
}

/** Where the line holding offset i of `text` ends (its line break, or the text's end); -1 when more than MAX_LINE after i. */
function lineEnd(text: string, i: number): number {
  const ceiling = Math.min(text.length, i + MAX_LINE)
  for (let j = i; j < ceiling; j++) if (endsLine(text, j)) return j
  return ceiling === text.length ? text.length : -1
}

/**
 * Whether the character at j of `text` ends a line: a line feed, a carriage return alone (an old
 * Mac's line break; before a line feed, the line ends at the line feed), or a paragraph separator.
 */
function endsLine(text: string, j: number): boolean {
  const c = text.charCodeAt(j)
  return c === 0x0a || c === 0x2029 || (c === 0x0d && text.charCodeAt(j + 1) !== 0x0a)
}

/** Columns of white space at the start of the line that starts at `from` (a tab to the next multiple of 8). */
function indentAt(text: string, from: number): number {
  let column = 0
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x20) column++
    else if (c === 0x09) column = (column & ~7) + 8
    else break
  }
  return column
}

/**
 * Whether token t of `doc` opens a manual's item by a name (see above): after a sentence's stop
 * (not a lead-in, "The following parameters are available:", nor a sentence that goes on in an
 * example, "To write a file, use\n\n              tar -cf ..."), the first word of its line,
 * indented, with a few marks at most before it, the next line that holds anything indented deeper:
 * the item's description (termLine). Not at the margin: there a line with lines indented under it
 * is a log's entry (a changelog's "foo (1.2-1) unstable; urgency=medium", a NEWS file's "Version
 * 1.2"), whose opening words two logs share as sim_text's runs read them (paragraph-edge.ts); nor
 * a bullet's line.
 */
function hangingTerm(doc: Paragraphs, t: number): boolean {
  return t > 0 && (stopAfter(doc, t - 1) || termAbove(doc, t)) && termLine(doc, t)
}

/**
 * Whether the paragraph before token t's (a blank line between) opens with a term at t's indent:
 * a table of terms whose descriptions are no sentences, an EXIT STATUS section's "0\n success\n\n
 * 1\n failure\n\n 32\n all failed" (util-linux's pages: a passage ended on fstrim's and lsblk's
 * "32", verbatim, their meanings of it differing, a reviewer).
 */
function termAbove(doc: Paragraphs, t: number): boolean {
  if (!paragraphBetween(doc, t - 1, t)) return false
  let k = t - 1
  while (k > 0 && !paragraphBetween(doc, k - 1, k)) k--
  const indent = (u: number): number => indentAt(doc.text, lineStart(doc.text, doc.starts[u]))
  if (termLine(doc, k) && indent(k) === indent(t)) return true
  // Or its second line, under a heading: a pydoc page's "CLASSES\n    class FunctionTestCase(...)"
  // over its body, then "    class SkipTest(...)" (two pages of Python's documentation shared the
  // first class and went on into the next one's name: a reviewer).
  const end = lineEnd(doc.text, doc.starts[k])
  if (end < 0 || end >= doc.text.length) return false
  const next = lowerBound(doc.starts, end + 1)
  return next < t && !paragraphBetween(doc, k, next) && termLine(doc, next) && indent(next) === indent(t)
}

/**
 * Whether token t of `doc` is the first word of an indented line, a few marks at most before it
 * (TERM_OPENING), whose next line that holds anything (past MAX_BLANK_LINES at most) is indented
 * deeper.
 */
function termLine(doc: Paragraphs, t: number): boolean {
  const { text, starts } = doc
  const from = lineStart(text, starts[t])
  if (from < 0 || !TERM_OPENING().test(text.slice(from, starts[t]))) return false
  const indent = indentAt(text, from)
  let end = lineEnd(text, starts[t])
  for (let blank = 0; end >= 0 && end < text.length && blank <= MAX_BLANK_LINES; blank++) {
    let i = end + 1
    while (i < text.length && i - end <= MAX_LINE && (text[i] === ' ' || text[i] === '\t')) i++
    if (i >= text.length) return false
    if (!endsLine(text, i) && text[i] !== '\r') return indentAt(text, end + 1) > indent
    end = endsLine(text, i) ? i : i + 1
  }
  return false
}

/**
 * Columns a text's last line is indented, at least, to be a right-aligned footer (opensFooter): a
 * third of a page of 80 columns, deeper than a manual's paragraphs (7) and the examples and
 * lists nested in them (a dozen or two).
 */
export const FOOTER_INDENT = 26

/** Blank lines, at most, between an item's name and its description (termLine). */
const MAX_BLANK_LINES = 2

/**
 * Where passage `p` would end (`dir` 1: the last token before the paragraph break of its last
 * MAX_ITEM_TOKENS tokens after which an item opens, the first such of the headings before it,
 * where `headings`; else the nearest) or
 * start (-1: the first token after the last such break of its first MAX_ITEM_TOKENS, its own
 * paragraph opening an item); undefined if none. A heading and the first item under it go
 * together: "exit.\n\nOPTIONS\n\n-a, --all".
 */
function itemBreak(doc: Paragraphs, p: ItemPassage, dir: 1 | -1, headings = true): number | undefined {
  // A start on a heading's last words (markedHeading) is cut after it as well: the passage's own
  // paragraph is what the heading is over. Not one before the heading, or on its first word: a
  // heading both texts have is the passage's (a reviewer: "How to report bugs", cut from two of
  // three passages, read as deleted from the third).
  const items = paragraphsNear(doc, p, dir).filter(
    (t) =>
      (opensItem(doc, t, dir > 0) && (dir < 0 || !opensListItem(doc, t) || lastBreak(doc, t, p.end))) ||
      (dir < 0 && paragraphBetween(doc, t - 1, t) && markedHeading(doc, t - 1) && withinParagraph(doc, p.start, t - 1)),
  )
  if (items.length === 0) return undefined
  if (dir < 0) {
    // The one furthest from the edge, or the heading over it where the start holds that too.
    const t = items[items.length - 1]
    const heading = headingAt(doc, t)
    return heading > p.start && items.includes(heading) ? heading : t
  }
  // The nearest, and beyond it each further one whose paragraph is a heading's line alone (a
  // heading goes with the item under it): not any break within reach, which in a short passage
  // is its own start ("NAME\n       namespace.conf - the namespace configuration
  // file\n\nDESCRIPTION", cut at NAME, was too much of it to cut, and kept DESCRIPTION).
  let k = 0
  while (headings && k + 1 < items.length && oneLine(doc, items[k + 1], items[k] - 1)) k++
  return items[k] - 1
}

/**
 * Whether no item may open after token t of `doc` up to token `end` (breakBefore): a passage's
 * end is in the item t opens. A bullet's item is cut from an end only so, the words of the item
 * the texts go on differently in: not a whole item both have before it, a changelog's "* Team
 * upload.\n\n  [ Miguel Landaeta" (a reviewer: the entry cut back to its version line).
 */
function lastBreak(doc: Paragraphs, t: number, end: number): boolean {
  for (let u = t + 1; u <= end; u++) if (breakBefore(doc, u, false)) return false
  return true
}

/** Whether tokens [t0, t1] of `doc` are on one line. */
function oneLine(doc: Paragraphs, t0: number, t1: number): boolean {
  for (let i = doc.starts[t0]; i < doc.ends[t1]; i++) if (endsLine(doc.text, i)) return false
  return true
}

/**
 * Whether the paragraph at token t of `doc` opens an item: an option's or a number's
 * (paragraph-edge.ts opensListItem; a bullet's only `atEnd`, see above), a letter's
 * (opensLetteredItem: a list's first letter only `atEnd`, a passage's end), a heading its markup
 * makes one (markedHeading), or a line in capitals, a heading ("ENVIRONMENT") or a variable's name
 * ("SYS_GID_MAX (number)").
 */
function opensItem(doc: Paragraphs, t: number, atEnd = false): boolean {
  if (opensListItem(doc, t, atEnd) || opensLetteredItem(doc, t, atEnd) || hangingTerm(doc, t)) return true
  if (paragraphBetween(doc, t - 1, t) && markedHeading(doc, t)) return true
  if (opensFooter(doc, t)) return true
  const line = lineAt(doc.text, doc.starts[t])
  if (!CAPITALS_LINE().test(line)) return false
  // A name (an underscore, a digit, a type in brackets), or a heading of a few words: not a
  // sentence written in capitals ("GNU GENERAL PUBLIC LICENSE", "THERE IS NO WARRANTY FOR THE
  // PROGRAM, TO THE EXTENT ..."), nor one wrapped over lines in capitals.
  if (!NAME.test(line) && (line.includes(',') || line.trim().split(/\s+/).length > MAX_HEADING_WORDS)) return false
  const end = lineEnd(doc.text, doc.starts[t])
  const after = end < 0 || end >= doc.text.length ? '' : lineAt(doc.text, end + 1).trim()
  return !(CAPITALS_LINE().test(after) && !NAME.test(after))
}

/**
 * Whether token t of `doc` opens the text's last line, a footer: at the margin under indented
 * lines, a manual's ("GNU grep 3.8 2022-09-02   GREP(1)"; not any line at the margin under an
 * indented one: a paragraph indented on its first line only goes on at the margin, "  11.
 * BECAUSE THE PROGRAM IS LICENSED FREE OF CHARGE, THERE IS NO WARRANTY\nFOR THE PROGRAM", GPL
 * version 2), or pushed to the right, the page's name alone (FOOTER_INDENT, PAGE_NAME_LINE).
 */
function opensFooter(doc: Paragraphs, t: number): boolean {
  const from = lineStart(doc.text, doc.starts[t])
  if (from < 0 || !lastLine(doc.text, from) || !paragraphBetween(doc, t - 1, t)) return false
  const indent = indentAt(doc.text, from)
  return indent === 0 ? indentedLineOf(doc, t - 1) : indent >= FOOTER_INDENT || PAGE_NAME_LINE.test(lineAt(doc.text, from))
}

/**
 * A line of a manual page's name and section alone, indented: its footer right-aligned, however
 * far a long name brings it left ("GCLOUD_DATABASE-MIGRATION_PRIVATE-CONNECTIONS_CREATE(1)", 25
 * columns in: a sixth of 3,000 gcloud pages' footers are indented less than FOOTER_INDENT).
 */
const PAGE_NAME_LINE = /^[ \t]+[^\s(]+\(\d\w*\)[ \t]*$/

/**
 * Where passage `p` would end before its text's footer (opensFooter), where it ends on the
 * footer's line, holding its first words or all of it, however many tokens they are (a Perl
 * module's page, "perl v5.36.0  2022-10-13  Authen::SASL(3pm)", nine, more than an item's
 * MAX_ITEM_TOKENS: 291 passages of 269 such pages held a header's or footer's words, a tester);
 * undefined if it does not. Each passage on its own (withoutLabels): a footer is no text any document shares
 * with another, and a page's passage that ran into it kept it, or stopped inside it, wherever the
 * other passages of its overlap ended (gcloud's pages: 712 of 45,597 passages of 1,000 pages, in
 * 190 overlaps, one of 813 passages; a tester). Whatever share of the passage it is: a short
 * passage is not what the texts share there, as an item's name may be (MAX_ITEM_SHARE), for no
 * text shares another's footer (two pages' NOTES, a line and a footer each, were a variant of
 * "GCLOUD_AUDIT-MANAGER_AUDIT-REPORTS(1)" and "...-SCOPES(1)").
 */
function footerEnd(doc: Paragraphs, p: ItemPassage): number | undefined {
  const { footer } = pageLines(doc)
  if (footer < 0 || doc.ends[p.end] <= footer) return undefined
  const t = lowerBound(doc.starts, footer)
  return t > p.start ? t - 1 : undefined
}

/**
 * A footer as a formatter prints one (footerEnd): pushed right, or its fields set apart by
 * columns of spaces ("Git 2.39.5                        10/07/2025"). Not a last line at the
 * margin under indented ones that is text: a licence's "That's all there is to it!", which its
 * copies share.
 */
const PRINTED_FOOTER = /^[ \t]|\S {3,}\S/

/**
 * A lettered item's opening, as a numbered one's (paragraph-edge.ts NUMBER_ITEM: the start of a
 * line, spaces, an opening bracket at most), with a letter alone and a closing bracket or stop and
 * a space or line break: "b) ", "(c) ", "a. ". A capital only before a bracket ("A) "): "A. " opens
 * a name's initial as often; nor "(C)" or "(c)" before a year, a copyright's sign. Licences and
 * laws letter the items of a clause where manuals number them, and two versions of a licence go on
 * alike into the next item's letter, their items parting after it ("... use the modified
 * definitions.)\n\n    b) Use a suitable shared library mechanism" / "b) Accompany the work with
 * a written offer", LGPL 2.1 and 2: a reviewer of /usr/share/common-licenses). A list's first
 * letter ("a", "A", and "i", "I" of a list numbered in Roman numerals) is an item's only where a
 * passage ends (`first`): at a start, the paragraph before it is the list's heading, which a
 * passage that starts on it holds ("Changes to Readline\n\na.  When setting the terminal
 * attributes ...", bash's and readline's change logs: 23 overlaps of Debian's changelogs started at
 * "a." without it, cut as the tail of an item before).
 */
const SMALL_LETTER = /^\p{Ll}$/u
const CAPITAL_LETTER = /^\p{Lu}$/u
const AFTER_SMALL_LETTER = /^[.)][ \t\r\n\u2029]/u
const AFTER_CAPITAL_LETTER = /^\)[ \t\r\n\u2029]/u
const FIRST_LETTERS = new Set(['a', 'A', 'i', 'I'])
/** A copyright's sign in brackets before its year: "(C) 2005", "(c) 1999-2002". */
const COPYRIGHT_SIGN = /^[cC]\)[ \t]*\d/

/** Whether token t of `doc` opens a lettered item (see above); a list's first letter too where `first`. */
function opensLetteredItem(doc: Paragraphs, t: number, first: boolean): boolean {
  const word = doc.text.slice(doc.starts[t], doc.ends[t])
  const after = SMALL_LETTER.test(word) ? AFTER_SMALL_LETTER : CAPITAL_LETTER.test(word) ? AFTER_CAPITAL_LETTER : undefined
  return (
    after !== undefined &&
    (first || !FIRST_LETTERS.has(word)) &&
    after.test(doc.text.slice(doc.ends[t], doc.ends[t] + 2)) &&
    !COPYRIGHT_SIGN.test(doc.text.slice(doc.starts[t], doc.ends[t] + 12)) &&
    NUMBER_ITEM.test(doc.text.slice(t > 0 ? doc.ends[t - 1] : 0, doc.starts[t]))
  )
}

/** Whether token `from` of `doc` is inside the paragraph of token `to` (from < to), not at its start. */
function withinParagraph(doc: Paragraphs, from: number, to: number): boolean {
  if (from === 0 || paragraphBetween(doc, from - 1, from)) return false
  for (let t = from + 1; t <= to; t++) if (paragraphBetween(doc, t - 1, t)) return false
  return true
}

/**
 * A line that is a heading by its markup: wholly in strong emphasis ("**Example 2: To modify a
 * Capacity Reservation**", as the AWS command line's examples head each example, or "__...__").
 * Two examples that end alike went on alike into the next
 * one's heading, "... in the *Amazon EC2 User Guide*.\n\n**Example 2: To", and others started
 * on a heading's last words, "multicast group**" (a reviewer).
 */
const MARKED_HEADING = /^[ \t]*(?:\*\*[^*\n]*[^*\s]\*\*|__[^_\n]*[^_\s]__)[ \t]*\r?$/u

/**
 * A Markdown heading, at the line's start ("## Usage"): not one indented, a root shell's prompt in
 * a plain text ("  # systemctl enable --now ..."), nor a comment in a code block (inCodeBlock).
 */
const HASH_HEADING = /^#{1,6}[ \t]+\S/u

/**
 * A line that underlines the one above it as a heading (reStructuredText, Markdown's setext
 * headings): three or more of one mark and nothing else.
 */
const UNDERLINE = /^[ \t]*([=\-~^"'`#*+])\1{2,}[ \t]*\r?$/u

/**
 * Whether token t of `doc` is on a line that its markup makes a heading: MARKED_HEADING,
 * HASH_HEADING, or a line of words with an UNDERLINE under it.
 */
export function markedHeading(doc: Paragraphs, t: number): boolean {
  const from = lineStart(doc.text, doc.starts[t])
  if (from < 0) return false
  const line = lineAt(doc.text, from)
  if (MARKED_HEADING.test(line)) return true
  if (HASH_HEADING.test(line)) return !inCodeBlock(doc, from)
  const end = lineEnd(doc.text, from)
  if (end < 0 || end >= doc.text.length) return false
  return /\p{L}/u.test(line) && UNDERLINE.test(lineAt(doc.text, end + 1))
}

/**
 * A contents entry: a line that is only a Markdown link to a place in its own page, a list item or
 * not ("* [Getting the AST node](#getting-the-ast-node)", "1. [Usage](<#usage> \"Usage\")"): the
 * title of a section, pointed to.
 */
const CONTENTS_ENTRY = /^[ \t]*(?:(?:[-*+]|\d{1,3}[.)])[ \t]+)?\[[^\]\n]+\]\(<?#[^\s()<>]*>?(?:[ \t]+"[^"\n]*")?\)[ \t]*\r?$/u

/**
 * An Info file's lines that point to its nodes (Texinfo's Info format): a node's header, "File:
 * grep.info,  Node: Anchoring,  Next: Back-references and Subexpressions,  Prev: ...,  Up: ...",
 * a menu entry, "* Invoking::     Command-line options, environment, exit status.", and an index
 * entry, "* case insensitive search:     Matching Control.    (line  26)". Two manuals' headers
 * and index entries name their nodes in the same words, and were five of the paraphrases a
 * reviewer found between grep's, sed's and gzip's manuals. A menu entry's name ends with two
 * colons and a space ("Foo::bar" is C++); a header's file is a name without spaces; a change
 * log's item, "* debian/control: Add a field.", is none.
 */
const INFO_NAVIGATION =
  /^(?:File:[ \t]+[^\s,]+,[ \t]+Node:[ \t]|\* [^:\n]+::(?:[ \t]|\r?$)|\* [^\n]+:[ \t]+[^\n]+\.[ \t]+\(line[ \t]+\d+\)[ \t]*\r?$)/u

/** Whether token t of `doc` is on a contents entry's line (CONTENTS_ENTRY), or on an Info file's line that points to a node (INFO_NAVIGATION). */
export function contentsEntry(doc: Paragraphs, t: number): boolean {
  const from = lineStart(doc.text, doc.starts[t])
  if (from < 0) return false
  const line = lineAt(doc.text, from)
  return CONTENTS_ENTRY.test(line) || INFO_NAVIGATION.test(line)
}

/** Whether token t of `doc` is on an indented line. */
function indentedLineOf(doc: Paragraphs, t: number): boolean {
  const from = lineStart(doc.text, doc.starts[t])
  return from >= 0 && indentAt(doc.text, from) > 0
}

/** Whether the line that starts at `from` is the last of `text` that holds anything. */
function lastLine(text: string, from: number): boolean {
  const end = lineEnd(text, from)
  if (end < 0) return false
  ANYTHING.lastIndex = end
  return !ANYTHING.test(text)
}

/** Any character but white space, searched from a place (lastLine). */
const ANYTHING = /\S/g

/** The line of `text` from `from` to its end (its line break left out). */
function lineAt(text: string, from: number): string {
  const to = lineEnd(text, from)
  return to < 0 ? '' : text.slice(from, to)
}

/**
 * A header's field, a line at the margin that opens with its name and a colon ("Classifier: ...",
 * "Description-Content-Type: text/x-rst", "License: GPL-2+"): a package's metadata (Python's
 * METADATA, Debian's copyright and control files, a mail's header) is a block of such lines.
 */
const FIELD_LINE = /^([A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*):(?:[ \t]|\r?$)/

/**
 * Where passage `p` would end without the name of the next field of a header it ends on, the
 * field's value left out (FIELD_LINE, opensField); undefined if it does not. Two packages'
 * headers went on alike into the next field's name, "... text/x-rst\nClassifier" (a reviewer of
 * Python packages' descriptions: 1,076 passages), two change logs' commits by one author
 * "Author: Brice Goglin <...>\nDate", two copyright files' stanzas "... License: X11\n\nFiles".
 * Only the name: each field an item, cut as options are, cost 10 of sim_text's runs on Debian's
 * copyright files, whose copies share fields' first words ("Files: *", "License: GPL") as its
 * runs read them. The name alone is what a run of 8 or 9 words holds past the 7 words two texts
 * share ("Copyright: 2009-2022 Red Hat Inc.\nLicense: LGPL-2.1+\n\nFiles"): cut from 5,288
 * passages of the copyright files and 34,529 of the change logs, it left 356 and 629 more of
 * sim_text's runs a word or two short of 90% covered (test/bench/engine.ts SHORT_BY).
 */
function fieldNameEnd(doc: Paragraphs, p: ItemPassage): number | undefined {
  return labelEnd(
    doc,
    p,
    (line) => FIELD_LINE.exec(line)?.[1].length,
    (t) => opensField(doc, t),
  )
}

/** Characters, at most, from a line's start to the end of a label on it (labelEnd): an indented field's or notice's. */
const MAX_LABEL_CHARS = 80

/**
 * Where passage `p` would end without the label of the line it ends on (before the line), where
 * it ends within the label (`labelLength` of the line's text, undefined where it has none) and
 * `opens` says the line's first token opens such a line; undefined if it does not.
 */
function labelEnd(
  doc: Paragraphs,
  p: ItemPassage,
  labelLength: (line: string) => number | undefined,
  opens: (t: number) => boolean,
): number | undefined {
  const { text, starts, ends } = doc
  // The line's start, read back MAX_LABEL_CHARS at most: a passage's end further into its line is
  // no label's (most passages, read three times).
  const from = lineStart(text, starts[p.end], MAX_LABEL_CHARS)
  if (from < 0 || from <= starts[p.start]) return undefined
  const length = labelLength(lineAt(text, from))
  if (length === undefined || ends[p.end] > from + length) return undefined
  const first = lowerBound(starts, from)
  return first > p.start && opens(first) ? first - 1 : undefined
}

/**
 * The opening of a copyright notice's line, before its years or holder: "Copyright", "Copyright
 * (C)", "Copyright ©", "Copyright:", indented or not; not "COPYRIGHT HOLDER" or "copyright
 * notice", a licence's words.
 */
const NOTICE_LABEL = /^[ \t]*Copyright(?:[ \t]*(?:\([cC]\)|©))?:?(?=[ \t]+(?:\([cC]\)|©|\d{4}))/

/**
 * Where passage `p` would end without the opening of the next copyright notice it ends on, its
 * years and holder left out (NOTICE_LABEL); undefined if it does not. Licences' copies go on alike
 * into the next notice's first word, "... THE USE OR PERFORMANCE OF THIS SOFTWARE.\n\nCopyright"
 * and part on its years, as a header's copies part on a field's value (fieldNameEnd): 641
 * passages of the copyright files the engine benchmark reads ended so (of sim_text's runs there,
 * none more missed, 11 more covered a word or two short: test/bench/engine.ts SHORT_BY).
 */
function noticeLabelEnd(doc: Paragraphs, p: ItemPassage): number | undefined {
  return labelEnd(
    doc,
    p,
    (line) => NOTICE_LABEL.exec(line)?.[0].length,
    () => true,
  )
}

/**
 * A numbered item's number at the start of its line, before its stop or bracket: "3" of " 3.
 * Neither ...", "(2" of "(2) ..."; or a section's, with its parts: "3.2" of "3.2. Availability
 * ..." or "3.2 Availability ...". Not a number alone before a word ("2 may be found").
 */
const ITEM_LABEL = /^[ \t]*(?:\(?\d{1,3}(?:\.\d{1,3})*(?=[.)][ \t])|\d{1,3}(?:\.\d{1,3})+(?=[ \t]))/

/**
 * Where passage `p` would end without the number of the next item of a list it ends on, the
 * item's words left out (ITEM_LABEL), after a sentence's end or a paragraph break; undefined if
 * it does not. BSD licences' copies go on alike into the next clause's number and part on its
 * words, "... provided with the distribution.\n 3" against ". Neither the name of the
 * University" and ". All advertising materials": 818 passages of the copyright files the engine
 * benchmark reads ended so. Not a number a line starts with inside a sentence ("... License
 * version\n 2 may be found").
 */
function itemLabelEnd(doc: Paragraphs, p: ItemPassage): number | undefined {
  return labelEnd(
    doc,
    p,
    (line) => ITEM_LABEL.exec(line)?.[0].length,
    (t) => stopAfter(doc, t - 1) || paragraphBetween(doc, t - 1, t),
  )
}

/**
 * Whether token t of `doc` opens a field's line (FIELD_LINE) of a header: the nearest line above
 * it at the margin, past the indented lines that go on a field's value and MAX_STANZA_BREAK
 * blank lines at most, is a field's line too. Debian's copyright files are stanzas of fields, a
 * blank line between, a licence's text indented under its "License:" line: two files go on alike
 * from a licence's last line into the next stanza's "Files" or "License", and part on its value
 * (of the 827 copyright files the engine benchmark reads, 5,473 passages ended on a lone word
 * after a line break, most of them such a name or "Copyright": "... License: X11\n\nFiles", "...
 * 2008, Steven G. Johnson <stevenj@alum.mit.edu>\nLicense"; with noticeLabelEnd's cuts too, 305).
 */
function opensField(doc: Paragraphs, t: number): boolean {
  const { text, starts } = doc
  if (t <= 0) return false
  const line = lineStart(text, starts[t])
  if (line < 0 || line !== starts[t] || !FIELD_LINE.test(lineAt(text, line))) return false
  let blank = 0
  let at = line
  for (let k = 0; k < MAX_FIELD_LINES_BACK && at > 0; k++) {
    at = lineStart(text, at - 1)
    if (at < 0) return false
    const first = text.charCodeAt(at)
    if (first === 0x20 || first === 0x09) {
      // An indented line: a value's, unless it holds nothing (a blank line of spaces).
      if (/\S/.test(lineAt(text, at))) continue
    } else if (at < text.length && !endsLine(text, at) && first !== 0x0d) return FIELD_LINE.test(lineAt(text, at))
    if (++blank > MAX_STANZA_BREAK) return false
  }
  // As many lines of a value as are read: a licence's text (not the text's start).
  return at > 0
}

/** Blank lines, at most, between two stanzas of a header's fields (opensField): one in Debian's format, two in some files. */
const MAX_STANZA_BREAK = 2

/**
 * Lines above a field's line read for the field before it (opensField), past a value's indented
 * lines: as many indented lines as that are read as a value (a licence's whole text, hundreds of
 * lines in a copyright file), a bound on what one passage's end costs.
 */
const MAX_FIELD_LINES_BACK = 60

/**
 * A line that opens with an option's name or an item's number ("       -i        If the -i option
 * ...", "    3. Added the "-echo" option to the shell.").
 */
const ITEM_LINE = /^[ \t]*(?:[-\u2010\u2212]{1,2}\p{L}|\(?\d{1,3}[.)][ \t])/u

/**
 * What a line may hold before an item's name (hangingTerm): its indentation, then up to three
 * marks, no space among them ("${#parameter}", "$((expression))"; a bullet has a space after it);
 * or, at the margin, the double backquotes of a reStructuredText literal, a definition list's
 * term ("``DEPENDS``" over its description: two CMake pages' "``COMMENT``" items, alike, ended on
 * the next term, whose descriptions differ; a reviewer). A log's entry at the margin opens with a
 * word, never so.
 */
const TERM_OPENING = patternOnUse(String.raw`^(?:[ \t]+[^\s\p{L}\p{N}]{0,3}|\x60\x60)$`, 'u')

/** Words of a heading in capitals, at most: "EXIT STATUS", "REPORTING BUGS", "SEE ALSO". */
const MAX_HEADING_WORDS = 3

/** What makes a line in capitals a name: an underscore, a digit, a type in brackets. */
const NAME = /[_\d(]/u

/**
 * A line that opens with a name in capitals (two capitals at least, with digits and underscores),
 * on its own or with what a manual writes beside it: a type in brackets, another name, no
 * sentence ("SYS_GID_MAX (number), SYS_GID_MIN (number)", "ENVIRONMENT", "AUTHORS"). Another name
 * follows white space, a bracket or a comma, never the name before it directly: read so, a
 * name of n capitals had 2^n ways to be cut into names, each tried on a line that then failed (a
 * manual's title line "GCLOUD_AI_OPERATIONS_DESCRIBGeneral Commands M...": 60 ms a test, 5.7 s of
 * a run on 18 pages; a longer name, minutes).
 */
const CAPITALS_LINE = patternOnUse(
  String.raw`^\p{Lu}[\p{Lu}\d_]+(?:[ \t]*\([\p{Ll}\p{Lu} ]+\)|[ \t]*,|(?:[ \t]+|(?<=[),]))[\p{Lu}\d_]{2,})*[ \t]*\r?$`,
  'u',
)
