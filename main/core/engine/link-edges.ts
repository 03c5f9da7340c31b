import { DocumentMemo } from './document-memo.js'
import type { AnalysedDocument } from './analyse.js'
import { LINK, MARKUP, NON_WORD, nonWordTokensIn } from './nonwords.js'
import { lowerBound } from '../text/sorted.js'

// A passage's edge on a line of links or tags. Node.js's change logs list commits one a line:
// "* \[[`c742a1cc4d`](https://github.com/nodejs/node/commit/c742a1cc4d)] - **doc**: feature
// management proposal (Michael Dawson) [#41420](https://github.com/nodejs/node/pull/41420)". Two
// logs that backport the same commits share the items, under other hashes, and their passages
// started on the previous item's pull-request address ("https://github.com/nodejs/node/pull/41813)",
// "…/41831)") and ended on the next item's commit link, whose message differs: two thirds of the
// overlaps of /usr/share/doc's Markdown files did (a tester). An edge is cut back to the line
// after (before) such a part of a line:
//   - the part of the passage on its first (last) line holds only tags (nonwords.ts MARKUP), the
//     next release's anchor "<a id="16.14.1"></a>", a table's "<td>";
//   - or it holds only the words of links and addresses, numbers and commit hashes, the line goes
//     on before (after) it outside the passage, and the passage's next (last) line opens an item
//     of a list ("* ", "- ", "1. "): the tail of the item before's link, the link the next item
//     opens with. A sentence goes on over an address that ends it, and the text after it on its
//     line ("as explained at\n http://creativecommons.org/licenses/publicdomain.  Send
//     questions", dlmalloc's notice in git's copyright file) opens no item.
// A passage on one line keeps its edges; so does a line that says something in words, and a
// passage that would keep less than MIN_KEPT_SHARE of its tokens: it is little more than links.
// And a passage that starts on its first item's own link, after the item's hash, starts with the
// item (itemStart): two logs' hashes for one commit differ, and the shared words began after it.

/**
 * Share of a passage's tokens, at least, that its edges cut so keep: a passage that is mostly its
 * links ("warnings\n* https://github.com/yaml/pyyaml/pull/560") left as its one word
 * ("warnings") would show nothing of what it was found by.
 */
export const MIN_KEPT_SHARE = 0.5

/** A commit's hash as a change log writes it: seven to forty hexadecimal digits, letters and digits both. */
const HASH = /^(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{7,40}$/i

/**
 * Signs that a line may hold a tag (a "<" and a name, then a space, "/" or ">") or a link or an
 * address ("://", "](", "@": a change log's author line "2014-06-26  Jane Doe
 * <jane@gcc.gnu.org>", whose tail a passage may start on): its marks are read only then.
 */
const SIGNS = /:\/\/|\]\(|@|<\/?[A-Za-z][A-Za-z0-9-]*[\s/>]/g

/**
 * Tokens [start, end] of `doc` without a first or last line's part of links or tags, and from its
 * item's start (see above); the same pair where neither edge moves.
 */
export function withoutLinkEdges(doc: AnalysedDocument, start: number, end: number): [number, number] {
  const { text, starts, ends } = doc
  let s = start
  let e = end
  // The start's line: its tokens from s on are [s, next), the passage going on at `next`.
  const startLineStart = lineStartOf(text, starts[s])
  const startLineEnd = lineEndOf(text, starts[s])
  const next = lowerBound(starts, startLineEnd, s, e + 1)
  if (next <= e) {
    const cutLine = s > 0 && startLineStart < ends[s - 1] && lineOpensItem(doc, next)
    if (linkPart(doc, s, next - 1, startLineStart, startLineEnd, cutLine)) s = next
  }
  // The end's line: its tokens up to e are [first, e], the passage's line before ending at first - 1.
  const endLineStart = lineStartOf(text, starts[e])
  const endLineEnd = lineEndOf(text, starts[e])
  const first = lowerBound(starts, endLineStart, s, e + 1)
  if (first > s) {
    const cutLine = e + 1 < starts.length && starts[e + 1] < endLineEnd && lineOpensItem(doc, first)
    if (linkPart(doc, first, e, endLineStart, endLineEnd, cutLine)) e = first - 1
  }
  if (e - s + 1 < MIN_KEPT_SHARE * (end - start + 1)) return [start, end]
  return [itemStart(doc, s), e]
}

/**
 * Tokens, at most, before a passage's start on its line that itemStart takes it back over: an
 * item's commit hash ("\\[[`ada2d053ae`](https://..." starting at "https"), not a line's words.
 */
export const MAX_ITEM_HEAD = 2

/**
 * Token s of `doc`, or the first of its line where the line opens an item of a list and holds
 * before s only the item's own link and hash (MAX_ITEM_HEAD tokens at most, written without a
 * space): a passage of two change logs' commit lists that starts on the address of its first
 * item's commit link, the hashes before it differing, starts with the item (2,394 of 37,303
 * passages of /usr/share/doc's Markdown files started in an address so).
 */
function itemStart(doc: AnalysedDocument, s: number): number {
  const { text, starts } = doc
  if (s === 0) return s
  const lineStart = lineStartOf(text, starts[s])
  const first = lowerBound(starts, lineStart, Math.max(0, s - MAX_ITEM_HEAD), s)
  if (first >= s || starts[first - 1] >= lineStart || !ITEM.test(text.slice(lineStart, starts[first] + 1))) return s
  if (/\s/.test(text.slice(starts[first], starts[s]))) return s
  const marks = nonWordTokensIn(doc, first, s - 1)
  for (let k = 0; k < s - first; k++)
    if (!(marks[k] & (LINK | NON_WORD)) && !HASH.test(text.slice(starts[first + k], doc.ends[first + k]))) return s
  return first
}

/** Where the line holding offset `at` of `text` starts. */
function lineStartOf(text: string, at: number): number {
  return text.lastIndexOf('\n', at - 1) + 1
}

/** Where the line holding offset `at` of `text` ends (its line feed, or the text's end). */
function lineEndOf(text: string, at: number): number {
  const end = text.indexOf('\n', at)
  return end < 0 ? text.length : end
}

/**
 * Whether tokens [t0, t1] of `doc` (a part of the line text[lineStart, lineEnd)) are a part to cut
 * (see above): tags only, or, where the line goes on outside the passage (`cutLine`), links,
 * numbers and hashes only, written without a space. Their marks are read only where the line
 * shows a sign of either (a change log's author lines and links are many: reading every one's
 * marks took half a second of its run).
 */
function linkPart(doc: AnalysedDocument, t0: number, t1: number, lineStart: number, lineEnd: number, cutLine: boolean): boolean {
  const { tags: tagSigns, links: linkSigns } = signsOf(doc)
  const linked = holds(linkSigns, lineStart, lineEnd)
  // (A tag shows its "<"; a link's reference definition, markup too, "[1]: https://...", its address.)
  let tags = holds(tagSigns, lineStart, lineEnd) || (linked && LINK_DEFINITION.test(doc.text.slice(lineStart, lineEnd)))
  // (A link's or an address's part is one unbroken string: "nodejs/node/pull/41813)", "gcc.gnu.org>".)
  let links = cutLine && (tags || linked) && !/\s/.test(doc.text.slice(doc.starts[t0], doc.ends[t1]))
  if (!tags && !links) return false
  const marks = nonWordTokensIn(doc, t0, t1)
  for (let k = 0; k <= t1 - t0 && (tags || links); k++) {
    const mark = marks[k]
    tags &&= (mark & MARKUP) !== 0
    links &&= (mark & (LINK | NON_WORD)) !== 0 || HASH.test(doc.text.slice(doc.starts[t0 + k], doc.ends[t0 + k]))
  }
  return tags || links
}

/** Per document read so far, the offsets of its signs of tags and of links (SIGNS), ascending. */
const signsFound = new DocumentMemo(readSigns)

/** The signs of tags and links of `doc` (see signsFound), found once. */
function signsOf(doc: AnalysedDocument): { tags: Uint32Array; links: Uint32Array } {
  return signsFound.get(doc)
}

/** What signsOf gives for a document, read from it once (its memo keeps it). */
function readSigns(doc: AnalysedDocument): { tags: Uint32Array; links: Uint32Array } {
  const tags: number[] = []
  const links: number[] = []
  for (const m of doc.text.matchAll(SIGNS)) (m[0][0] === '<' ? tags : links).push(m.index)
  return { tags: Uint32Array.from(tags), links: Uint32Array.from(links) }
}

/** A line that defines a Markdown link's reference: "[label]: address". */
const LINK_DEFINITION = /^[ ]{0,3}\[[^\]\n]+\]:/

/** Whether `sorted` holds an offset in [from, to). */
function holds(sorted: Uint32Array, from: number, to: number): boolean {
  const k = lowerBound(sorted, from)
  return k < sorted.length && sorted[k] < to
}

/** A list item's mark at a line's start: a bullet or a number, then a space. */
const ITEM = /^[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]/

/**
 * Whether the line token t of `doc` is on opens an item of a list (ITEM), whatever stands between
 * the item's mark and t. Not paragraph-edge.ts opensListItem, which asks that t be the item's
 * first word: a commit's item opens "* \\[[`c742a1cc4d`](", its link's marks before the hash.
 */
function lineOpensItem(doc: AnalysedDocument, t: number): boolean {
  const from = lineStartOf(doc.text, doc.starts[t])
  return ITEM.test(doc.text.slice(from, doc.starts[t] + 1))
}
