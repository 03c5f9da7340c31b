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
// reviewer of user-administration, dpkg and coreutils pages: the commonest edge defect of the
// three). So, as the last thing done to an overlap's passages, where every passage ends at most
// MAX_ITEM_TOKENS tokens into a paragraph that opens such an item (an option, a numbered item, a
// variable's name in capitals, a heading of a few words in capitals: opensItem), or ends with its
// paragraph there, each ends before the break; and a start likewise, after the break, where the
// passage's own paragraph opens an item. Only items: a changelog's entries (a version line, a
// bullet, a trailer) open alike and two changelogs share them as sim_text's runs read them
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
  const chosen = tried.find(([s, e]) => (s || e) && keeps(s, e))
  if (!chosen) return passages
  const [s, e] = chosen
  return passages.map((p, i) => ({ ...p, start: s ? s[i] : p.start, end: e ? e[i] : p.end }))
}

/**
 * Where each passage would end (`dir` 1) or start (-1) without the next (previous) item's words,
 * where every passage either has such words at that edge or is whole there, and one at least has
 * them; undefined where the edge stays. Where a passage ends whole on the very item words cut
 * from another (its text ending "-r, --system", where the other's paragraph goes on past them),
 * the end stays for all: cut in the others only, the words both have would read as a
 * difference.
 */
function edges(passages: readonly ItemPassage[], docs: readonly Paragraphs[], dir: 1 | -1): number[] | undefined {
  const out: number[] = []
  /** The words cut from passages, and those that whole passages end on an item with (dir 1). */
  const cutWords = new Set<string>()
  const itemWords = new Set<string>()
  const words = (doc: Paragraphs, t0: number, t1: number): string =>
    doc.text.slice(doc.starts[t0], doc.ends[t1]).replace(/\s+/g, ' ').toLowerCase()
  for (const p of passages) {
    const doc = docs[p.doc]
    const edge = dir > 0 ? p.end : p.start
    if (whole(doc, edge, dir)) {
      const item = dir > 0 ? lastItem(doc, p) : undefined
      if (item !== undefined) itemWords.add(words(doc, item, p.end))
      out.push(edge)
      continue
    }
    const at = itemBreak(doc, p, dir)
    if (at === undefined) return undefined
    cutWords.add(dir > 0 ? words(doc, at + 1, p.end) : words(doc, p.start, at - 1))
    out.push(at)
  }
  if (!cutWords.size) return undefined
  for (const item of itemWords) if (cutWords.has(item)) return undefined
  return out
}

/**
 * Where passage `p`'s last paragraph starts, when it is at most MAX_ITEM_TOKENS tokens and opens
 * an item: a passage that ends with its text or paragraph on an item's words ("... policy.\n\n-r,
 * --system"); undefined if it does not.
 */
function lastItem(doc: Paragraphs, p: ItemPassage): number | undefined {
  const [nearest] = paragraphsNear(doc, p, 1)
  return nearest !== undefined && opensItem(doc, nearest) ? nearest : undefined
}

/**
 * The first tokens of the paragraphs that open within passage `p`'s last (`dir` 1) or first (-1)
 * MAX_ITEM_TOKENS tokens, nearest that edge first.
 */
function paragraphsNear(doc: Paragraphs, p: ItemPassage, dir: 1 | -1): number[] {
  const out: number[] = []
  if (dir > 0) {
    for (let t = p.end; t > p.start && t > p.end - MAX_ITEM_TOKENS; t--) if (paragraphBetween(doc, t - 1, t)) out.push(t)
  } else {
    for (let t = p.start; t < p.end && t < p.start + MAX_ITEM_TOKENS; t++) if (paragraphBetween(doc, t, t + 1)) out.push(t + 1)
  }
  return out
}

/** Whether token `edge` of `doc` ends (`dir` 1) or starts (-1) its paragraph or its text. */
function whole(doc: Paragraphs, edge: number, dir: 1 | -1): boolean {
  const next = edge + dir
  return next < 0 || next >= doc.starts.length || paragraphBetween(doc, edge, next)
}

/**
 * Where passage `p` would end (`dir` 1: the last token before the first paragraph break of its
 * last MAX_ITEM_TOKENS tokens after which an item opens) or start (-1: the first token after the
 * last such break of its first MAX_ITEM_TOKENS, its own paragraph opening an item); undefined if
 * none. A heading and the first item under it go together: "exit.\n\nOPTIONS\n\n-a, --all".
 */
function itemBreak(doc: Paragraphs, p: ItemPassage, dir: 1 | -1): number | undefined {
  const items = paragraphsNear(doc, p, dir).filter((t) => opensItem(doc, t))
  // The one furthest from the edge.
  const t = items[items.length - 1]
  return t === undefined ? undefined : dir > 0 ? t - 1 : t
}

/**
 * Whether the paragraph at token t of `doc` opens an item: an option's or a number's
 * (paragraph-edge.ts opensListItem; not a bullet's, which a changelog's entries have), or a line
 * in capitals, a heading ("ENVIRONMENT") or a variable's name ("SYS_GID_MAX (number)").
 */
function opensItem(doc: Paragraphs, t: number): boolean {
  if (opensListItem(doc, t, false)) return true
  const line = lineAt(doc.text, doc.starts[t])
  if (!CAPITALS_LINE.test(line)) return false
  // A name (an underscore, a digit, a type in brackets), or a heading of a few words: not a
  // sentence written in capitals ("GNU GENERAL PUBLIC LICENSE", "THERE IS NO WARRANTY FOR THE
  // PROGRAM, TO THE EXTENT ..."), nor one wrapped over lines in capitals.
  if (!NAME.test(line) && (line.includes(',') || line.trim().split(/\s+/).length > MAX_HEADING_WORDS)) return false
  const next = doc.text.indexOf('\n', doc.starts[t])
  const after = next < 0 ? '' : lineAt(doc.text, next + 1).trim()
  return !(CAPITALS_LINE.test(after) && !NAME.test(after))
}

/** The line of `text` from `from` to its end (its line break left out). */
function lineAt(text: string, from: number): string {
  const to = text.indexOf('\n', from)
  return text.slice(from, to < 0 ? text.length : to)
}

/** Words of a heading in capitals, at most: "EXIT STATUS", "REPORTING BUGS", "SEE ALSO". */
const MAX_HEADING_WORDS = 3

/** What makes a line in capitals a name: an underscore, a digit, a type in brackets. */
const NAME = /[_\d(]/u

/**
 * A line that opens with a name in capitals (two capitals at least, with digits and underscores),
 * on its own or with what a manual writes beside it: a type in brackets, another name, no
 * sentence ("SYS_GID_MAX (number), SYS_GID_MIN (number)", "ENVIRONMENT", "AUTHORS").
 */
const CAPITALS_LINE = /^\p{Lu}[\p{Lu}\d_]+(?:[ \t]*(?:\([\p{Ll}\p{Lu} ]+\)|,|[\p{Lu}\d_]{2,}))*[ \t]*\r?$/u
