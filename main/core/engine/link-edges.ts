import type { AnalysedDocument } from './analyse.js'
import { LINK, MARKUP, NON_WORD, nonWordTokensIn } from './nonwords.js'

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

/**
 * Share of a passage's tokens, at least, that its edges cut so keep: a passage that is mostly its
 * links ("warnings\n* https://github.com/yaml/pyyaml/pull/560") left as its one word
 * ("warnings") would show nothing of what it was found by.
 */
export const MIN_KEPT_SHARE = 0.5

/** A commit's hash as a change log writes it: seven to forty hexadecimal digits, letters and digits both. */
const HASH = /^(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{7,40}$/i

/** Signs that a stretch of text may hold a link or a tag: read for its marks only then. */
const LINK_SIGN = /:\/\/|\]\(|</

/**
 * Tokens [start, end] of `doc` without a first or last line's part of links or tags (see above);
 * the same pair where neither edge moves.
 */
export function withoutLinkEdges(doc: AnalysedDocument, start: number, end: number): [number, number] {
  let s = start
  let e = end
  // The start: the tokens of its line, from s on.
  const startLineEnd = lineEndAfter(doc, s, e)
  if (startLineEnd <= e && linkPart(doc, s, startLineEnd - 1, s > 0 && sameLine(doc, s - 1, s) && opensItem(doc, startLineEnd)))
    s = startLineEnd
  const endLineStart = lineStartBefore(doc, e, s)
  if (
    endLineStart >= s &&
    linkPart(doc, endLineStart + 1, e, e + 1 < doc.starts.length && sameLine(doc, e, e + 1) && opensItem(doc, endLineStart + 1))
  )
    e = endLineStart
  return e - s + 1 >= MIN_KEPT_SHARE * (end - start + 1) ? [s, e] : [start, end]
}

/** A list item's mark at a line's start: a bullet or a number, then a space. */
const ITEM = /^[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]/

/** Whether the line token t of `doc` is on opens an item of a list (ITEM). */
function opensItem(doc: AnalysedDocument, t: number): boolean {
  const from = doc.text.lastIndexOf('\n', doc.starts[t] - 1) + 1
  return ITEM.test(doc.text.slice(from, doc.starts[t] + 1))
}

/** The first token after t (up to `last` + 1) that is on a later line than t. */
function lineEndAfter(doc: AnalysedDocument, t: number, last: number): number {
  let k = t
  while (k < last && sameLine(doc, k, k + 1)) k++
  return k + 1
}

/** The last token before t (down to `first` - 1) that is on an earlier line than t. */
function lineStartBefore(doc: AnalysedDocument, t: number, first: number): number {
  let k = t
  while (k > first && sameLine(doc, k - 1, k)) k--
  return k - 1
}

/** Whether tokens t and t + 1 of `doc` are on one line. */
function sameLine(doc: AnalysedDocument, t: number, next: number): boolean {
  return doc.text.lastIndexOf('\n', doc.starts[next] - 1) < doc.ends[t]
}

/**
 * Whether tokens [t0, t1] of `doc` (one line's part) are a part to cut (see above): tags only, or,
 * where the line goes on outside the passage (`cutLine`), links, numbers and hashes only.
 */
function linkPart(doc: AnalysedDocument, t0: number, t1: number, cutLine: boolean): boolean {
  if (t1 < t0) return false
  // (Read on the whole line: a part that starts after "https://" shows no sign of its own.)
  const lineStart = doc.text.lastIndexOf('\n', doc.starts[t0] - 1) + 1
  const lineEnd = doc.text.indexOf('\n', doc.ends[t1])
  if (!LINK_SIGN.test(doc.text.slice(lineStart, lineEnd < 0 ? doc.text.length : lineEnd))) return false
  const marks = nonWordTokensIn(doc, t0, t1)
  let tags = true
  let links = true
  for (let k = 0; k <= t1 - t0 && (tags || links); k++) {
    const mark = marks[k]
    tags &&= (mark & MARKUP) !== 0
    links &&= (mark & (LINK | NON_WORD)) !== 0 || HASH.test(doc.text.slice(doc.starts[t0 + k], doc.ends[t0 + k]))
  }
  return tags || (cutLine && links)
}
