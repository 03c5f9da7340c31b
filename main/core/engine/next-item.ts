import type { AnalysedDocument } from './analyse.js'
import { paragraphBetween } from './align.js'
import { opensListItem } from './paragraph-edge.js'

// A passage's end on the first words of the next item of a list, and its start on the last words
// of the item before. A manual page's options, configuration variables and sections each open a
// paragraph of their own, and two pages that describe an option alike go on alike into the next
// one's name: "... respects the system's password policy.\n\n-r, --system" against "... password
// policy.\n\n-r, --remove", "... unless you really need it.\n\nSYS_GID_MAX (number)" against
// "... need it.\n\nSUB_GID_MIN (number)", "--version Show the version and exit.\n\nOPTIONS
// --admindir". The words past the break are shared, or taken in by sentence-tails.ts as the
// rest of a sentence, but a reader marks the option described, not the next one's name (a
// reviewer of user-administration, dpkg and coreutils pages: 10 of 66 overlaps so). So, as the
// last thing done to an overlap's passages, where every passage ends at most MAX_ITEM_TOKENS
// tokens into a paragraph that opens such an item (an option, a numbered item, a line in
// capitals: a heading or a variable's name), or ends with its paragraph or sentence there, each
// ends before the break; and a start likewise, after the break, where the passage's own
// paragraph opens an item. Only items: a changelog's entries (a version line, a bullet, a
// trailer) open alike and two changelogs share them as sim_text's runs read them
// (paragraph-edge.ts).

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
export function withoutNextItems<P extends ItemPassage>(passages: readonly P[], docs: readonly Paragraphs[]): readonly P[] {
  const ends = edges(passages, docs, 1)
  const starts = edges(passages, docs, -1)
  if (!ends && !starts) return passages
  return passages.map((p, i) => ({ ...p, start: starts ? starts[i] : p.start, end: ends ? ends[i] : p.end }))
}

/**
 * Where each passage would end (`dir` 1) or start (-1) without the next (previous) item's words,
 * where every passage either has such words at that edge or is whole there and one at least has
 * them, and each keeps its share; undefined where the edge stays.
 */
function edges(passages: readonly ItemPassage[], docs: readonly Paragraphs[], dir: 1 | -1): number[] | undefined {
  const out: number[] = []
  let cut = false
  for (const p of passages) {
    const doc = docs[p.doc]
    const edge = dir > 0 ? p.end : p.start
    if (whole(doc, edge, dir)) {
      out.push(edge)
      continue
    }
    const at = itemBreak(doc, p, dir)
    if (at === undefined) return undefined
    const kept = dir > 0 ? at - p.start + 1 : p.end - at + 1
    if ((1 - MAX_ITEM_SHARE) * (p.end - p.start + 1) > kept) return undefined
    out.push(at)
    cut = true
  }
  return cut ? out : undefined
}

/** Whether token `edge` of `doc` ends (`dir` 1) or starts (-1) its paragraph or its text. */
function whole(doc: Paragraphs, edge: number, dir: 1 | -1): boolean {
  const next = edge + dir
  return next < 0 || next >= doc.starts.length || paragraphBetween(doc, edge, next)
}

/**
 * Where passage `p` would end (`dir` 1: the last token before a paragraph break at most
 * MAX_ITEM_TOKENS from its end, the paragraph after it opening an item) or start (-1: the first
 * after such a break near its start, its own paragraph opening an item); undefined if none.
 */
function itemBreak(doc: Paragraphs, p: ItemPassage, dir: 1 | -1): number | undefined {
  if (dir > 0) {
    for (let t = p.end; t > p.start && t > p.end - MAX_ITEM_TOKENS; t--)
      if (paragraphBetween(doc, t - 1, t)) return opensItem(doc, t) ? t - 1 : undefined
  } else {
    for (let t = p.start; t < p.end && t < p.start + MAX_ITEM_TOKENS; t++)
      if (paragraphBetween(doc, t, t + 1)) return opensItem(doc, t + 1) ? t + 1 : undefined
  }
  return undefined
}

/**
 * Whether the paragraph at token t of `doc` opens an item: an option's or a number's
 * (paragraph-edge.ts opensListItem; not a bullet's, which a changelog's entries have), or a line
 * in capitals, a heading ("ENVIRONMENT") or a variable's name ("SYS_GID_MAX (number)").
 */
function opensItem(doc: Paragraphs, t: number): boolean {
  if (opensListItem(doc, t, false)) return true
  const from = doc.starts[t]
  let to = doc.text.indexOf('\n', from)
  if (to < 0) to = doc.text.length
  return CAPITALS_LINE.test(doc.text.slice(from, to))
}

/**
 * A line that opens with a name in capitals (two capitals at least, with digits and underscores),
 * on its own or with what a manual writes beside it: a type in brackets, another name, no
 * sentence ("SYS_GID_MAX (number), SYS_GID_MIN (number)", "ENVIRONMENT", "AUTHORS").
 */
const CAPITALS_LINE = /^\p{Lu}[\p{Lu}\d_]+(?:[ \t]*(?:\([\p{Ll}\p{Lu} ]+\)|,|[\p{Lu}\d_]{2,}))*[ \t]*\r?$/u
