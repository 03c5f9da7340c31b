import { DocumentMemo } from './document-memo.js'
import type { AnalysedDocument } from './analyse.js'
import type { PairPassage } from './cluster.js'
import { furnitureHeadings } from './furniture.js'
import { headings } from './headings.js'
import { pageLines } from './next-item.js'
import { noticeEnd } from './notices.js'
import { lowerBound, upperBound } from '../text/sorted.js'
import { sameRun } from './word-places.js'

// Where a pair of passages is cut: at a manual page's section headings, and where a page's or a
// README's furniture starts or ends (furniture.ts). A reader cites an option's entry, a FILES
// list, an EXIT STATUS table, not a stretch from one into the next, which other pages share
// apart: reviewers of man-db's, OpenSSH's and the compressors' pages found passages running
// across headings (whatis's "-l, --long" entry on through EXIT STATUS, ENVIRONMENT, FILES, SEE
// ALSO, AUTHOR and BUGS to the page's footer; ssh-add's SSH_SK_PROVIDER entry on into FILES'
// ~/.ssh/id_dsa), and the same AUTHOR and BUGS sections of apropos in two overlaps, one
// boilerplate, one not, the other running from the FILES entries on. Cut, the parts are overlaps
// of their own, each with the pages that share it, and furniture is labelled as such. A page's
// running header and footer lines are furniture of their own: 269 Perl modules' pages printed
// "perl v5.36.0  2022-10-13  Authen::SASL(3pm)" under their COPYRIGHT sections, and the licence
// sentence they share was in eleven overlaps, split by the footers' dates and versions, with 156
// passages holding a footer's words (a tester); cut there, it is in three.
//
// A page's section against a text of other sections (an info manual's chapter, bc's) is cut only
// where furniture starts: the other side has no headings to cut at there, and is cut where the
// page's part after the cut starts in it, its words found there (alignedStretches): bzip2's
// info manual against its page, CAVEATS and then AUTHOR in both, was one pair of the manual's
// whole text against the page's CAVEATS, and the acknowledgements both print (a hundred words,
// six of sim_text's runs) were in no overlap (a tester of info manuals and their pages). A
// passage is not extended across a cut either (extend.ts, sectionRoom).

/** What sections.ts reads of a document. */
type Sectioned = Pick<AnalysedDocument, 'text' | 'starts' | 'ends' | 'match'>

/** A side's stretch between two cuts: tokens [start, end], in furniture (1) or not (0). */
interface Stretch {
  readonly start: number
  readonly end: number
  readonly furniture: number
  /** The title of the section it starts in ('' before the first). */
  readonly title: string
}

/** Tokens [t0, t1] of `doc` as their stretches between cuts, in order (see above). */
function stretches(doc: Paged, t0: number, t1: number): Stretch[] {
  const { token, furniture, titles } = cuts(doc)
  const out: Stretch[] = []
  /** Tokens [start, end], after cut k - 1 (none before the first). */
  const push = (start: number, end: number, k: number): void => {
    out.push({ start, end, furniture: k > 0 ? furniture[k - 1] : 0, title: k > 0 ? titles[k - 1] : '' })
  }
  // The first cut after t0.
  let k = upperBound(token, t0)
  let from = t0
  for (; k < token.length && token[k] <= t1; k++) {
    if (token[k] > from) push(from, token[k] - 1, k)
    from = token[k]
  }
  push(from, t1, k)
  return out
}

/** Stretches joined where they are of one kind (furniture or not), untitled: a text without a page's headings has no titles to pair them by. */
function byFurniture(stretches: Stretch[]): Stretch[] {
  const out: Stretch[] = []
  for (const s of stretches) {
    const last = out[out.length - 1]
    if (last && last.furniture === s.furniture) out[out.length - 1] = { ...last, end: s.end }
    else out.push({ ...s, title: '' })
  }
  return out
}

/**
 * A pair of passages, tokens [a0, a1] of A and [b0, b1] of B, cut where it runs from one section
 * of a manual page into the next, or from a text into its furniture or out of it (see above):
 * its sides' stretches paired in order, [a0, a1, b0, b1] each — as many on each side, of the
 * same kinds, one by one; else those of one kind and title, and of two that do not pair the
 * shorter is left out (SEE ALSO's references on one side, between an example's output and the
 * SOURCES section, and none on the other). Undefined when neither side crosses a cut.
 */
export function sectionParts(
  A: Sectioned,
  a0: number,
  a1: number,
  B: Sectioned,
  b0: number,
  b1: number,
): [number, number, number, number][] | undefined {
  // Most pairs cross no cut (a corpus without manual pages has none): told without a stretch.
  if (!crosses(A, a0, a1) && !crosses(B, b0, b1)) return undefined
  let x = stretches(A, a0, a1)
  let y = stretches(B, b0, b1)
  // A manual page's section against a text of other sections (an info manual's chapter) is cut
  // only where furniture starts, and the text where the page's parts are found in it.
  if (x.length === 1 || y.length === 1) {
    x = byFurniture(x)
    y = byFurniture(y)
    if (x.length === 1 && y.length > 1) x = alignedStretches(A, x[0], B, y) ?? x
    else if (y.length === 1 && x.length > 1) y = alignedStretches(B, y[0], A, x) ?? y
  }
  if (x.length === 1 && y.length === 1) return undefined
  const out: [number, number, number, number][] = []
  const inOrder = x.length === y.length && x.every((p, i) => p.furniture === y[i].furniture)
  for (let i = 0, j = 0; i < x.length && j < y.length;) {
    const p = x[i]
    const q = y[j]
    if (inOrder || (p.furniture === q.furniture && p.title === q.title)) {
      out.push([p.start, p.end, q.start, q.end])
      i++
      j++
    } else if (p.end - p.start <= q.end - q.start) i++
    else j++
  }
  return out
}

/**
 * Words of the other side's stretch, at most, looked for in order where one stretch is cut at
 * another's parts (alignedStretches): a heading and the first words under it ("AUTHOR Julian
 * Seward"), or a stretch's last words. Fewer are found anywhere (a name, "the file"); more miss
 * where the two texts part a few words in.
 */
export const SPLIT_WORDS = 3

/**
 * Words, at most, skipped at the start of the other side's stretch before its first words are
 * looked for: its heading, which the text without headings may not have ("AUTHOR" against an
 * info manual's "Colin Watson" alone).
 */
export const SPLIT_SKIP = 2

/**
 * `whole`, a stretch of `doc` without cuts, cut where the parts of `parts` (stretches of `other`,
 * two or more) start and end in it (see above): each part's first words (after its heading:
 * SPLIT_SKIP), SPLIT_WORDS of them or the part's own if fewer, found in order from where the part
 * before was found, and that part's last words before them, words between two parts left out
 * (an info node's line "File: bzip2.info, Node: AUTHOR, Prev: CAVEATS"). As many stretches as
 * `parts`, of the same kinds; undefined where some part's words are not found.
 */
function alignedStretches(doc: Sectioned, whole: Stretch, other: Sectioned, parts: readonly Stretch[]): Stretch[] | undefined {
  const out: Stretch[] = []
  let from = whole.start
  for (let k = 1; k < parts.length; k++) {
    const next = parts[k]
    let start = -1
    for (let skip = 0; skip <= SPLIT_SKIP && start < 0; skip++) {
      const u0 = next.start + skip
      const u1 = Math.min(next.end, u0 + SPLIT_WORDS - 1)
      if (u1 - u0 < 1) break
      start = findWords(doc, from + 1, whole.end, other, u0, u1)
    }
    if (start < 0) return undefined
    // The part before ends at its last words, where they are before `start`.
    const before = parts[k - 1]
    const v0 = Math.max(before.start, before.end - SPLIT_WORDS + 1)
    const last = lastWords(doc, from, start - 1, other, v0, before.end)
    out.push({ ...before, start: from, end: last >= 0 ? last : start - 1 })
    from = start
  }
  out.push({ ...parts[parts.length - 1], start: from, end: whole.end })
  return out
}

/** The first token t in [t0, t1] of `doc` where tokens [u0, u1] of `other` are word for word (match forms); -1 if none. */
function findWords(doc: Sectioned, t0: number, t1: number, other: Sectioned, u0: number, u1: number): number {
  const length = u1 - u0
  for (let t = t0; t + length <= t1; t++) if (sameWordsAt(doc, t, other, u0, length)) return t
  return -1
}

/** The last token of the last place in [t0, t1] of `doc` where tokens [u0, u1] of `other` are word for word; -1 if none. */
function lastWords(doc: Sectioned, t0: number, t1: number, other: Sectioned, u0: number, u1: number): number {
  const length = u1 - u0
  for (let t = t1 - length; t >= t0; t--) if (sameWordsAt(doc, t, other, u0, length)) return t + length
  return -1
}

/** Whether tokens t to t + length of `doc` are tokens u to u + length of `other`, by match form (word-places.ts sameRun). */
function sameWordsAt(doc: Sectioned, t: number, other: Sectioned, u: number, length: number): boolean {
  return doc.match[t] === other.match[u] && sameRun(doc.match, t, other.match, u, length + 1)
}

/** Whether a cut of `doc` falls within tokens (t0, t1]. */
function crosses(doc: Paged, t0: number, t1: number): boolean {
  const { token } = cuts(doc)
  const k = upperBound(token, t0)
  return k < token.length && token[k] <= t1
}

/** A pair of passages at the sections of its documents (sectionParts): itself when it crosses none. */
export function sectionPairs(
  docs: readonly Sectioned[],
  pair: { readonly a: PairPassage; readonly b: PairPassage },
): { a: PairPassage; b: PairPassage }[] {
  const { a, b } = pair
  const parts = sectionParts(docs[a.doc], a.start, a.end, docs[b.doc], b.start, b.end)
  if (!parts) return [pair]
  return parts.map(([a0, a1, b0, b1]) => ({ a: { doc: a.doc, start: a0, end: a1 }, b: { doc: b.doc, start: b0, end: b1 } }))
}

/** A document's cuts: the headings where a pair is cut, in order. */
interface Cuts {
  /** The heading's first token. */
  readonly token: Uint32Array
  /** 1 when the section it opens is furniture. */
  readonly furniture: Uint8Array
  readonly titles: readonly string[]
}

/** Per document read so far: its cuts. */
const cutsOf = new DocumentMemo(readCuts)

/** The headings of `doc` where a pair is cut (see above): a manual page's, and where furniture starts or ends. */
function cuts(doc: Paged): Cuts {
  return cutsOf.get(doc)
}

/** What cuts gives for a document, read from it once (its memo keeps it). */
function readCuts(doc: Paged): Cuts {
  const { at, manual, titles } = headings(doc)
  const furniture = furnitureHeadings(doc)
  const { header, footer } = pageLines(doc)
  const token: number[] = []
  const kinds: number[] = []
  const named: string[] = []
  const cut = (t: number, kind: number, title: string): void => {
    token.push(t)
    kinds.push(kind)
    named.push(title)
  }
  // A source file's notice is its furniture, the code after it not (notices.ts); a file with a
  // page's headings or running lines in it is no source file.
  // Lines of it read as headings are a comment's (X11's notices end with a disclaimer in
  // capitals, "ARISING OUT OF OR IN CONNECTION WITH THE USE OR PERFORMANCE OF THIS").
  const notice = header < 0 && footer < 0 ? noticeEnd(doc) : 0
  const first = lowerBound(at, notice)
  if (notice > 0) {
    cut(0, 1, NOTICE)
    const after = lowerBound(doc.starts, notice)
    if (after < doc.starts.length && (first === at.length || at[first] > doc.starts[after])) cut(after, 0, '')
  }
  // A manual page's running header and footer are furniture of their own (next-item.ts
  // pageLines): "perl v5.36.0  2022-10-13  Authen::SASL(3pm)" is no part of the COPYRIGHT
  // section it follows, and pages of one date share it (a tester of Perl modules' pages).
  if (header >= 0) {
    cut(0, 1, HEADER)
    const after = lowerBound(doc.starts, header)
    // (The text after it, up to the first heading, is none.)
    if (after < doc.starts.length && (at.length === 0 || at[0] > doc.starts[after])) cut(after, 0, '')
  }
  let kind = 0
  at.forEach((offset, k) => {
    if ((footer >= 0 && offset >= footer) || offset < notice) return
    if (manual[k] || furniture[k] !== kind) {
      // The heading's first token: the first starting at or after the heading's line.
      cut(lowerBound(doc.starts, offset), furniture[k], titles[k])
    }
    kind = furniture[k]
  })
  if (footer >= 0) cut(lowerBound(doc.starts, footer), 1, FOOTER)
  return { token: Uint32Array.from(token), furniture: Uint8Array.from(kinds), titles: named }
}

/** What cuts() reads of a document: its text, and its tokens' offsets (next-item.ts pageLines). */
type Paged = Pick<AnalysedDocument, 'text' | 'starts' | 'ends'>

/** The titles of a manual page's running lines as cuts (cuts): no section's title. */
const HEADER = '(running header)'
const FOOTER = '(running footer)'
/** The title of a source file's notice as a cut (cuts). */
const NOTICE = '(notice)'

/**
 * Tokens, at most, a passage's edge at token t of `doc` may move past it (dir 1: after, -1:
 * before) and stay in its section (see above: a pair is cut there); Infinity in a document
 * without such sections.
 */
export function sectionRoom(doc: Paged, t: number, dir: 1 | -1): number {
  const { token } = cuts(doc)
  if (dir === 1) {
    const k = upperBound(token, t)
    return k < token.length ? token[k] - 1 - t : Infinity
  }
  const k = upperBound(token, t) - 1
  return k >= 0 ? t - token[k] : Infinity
}
