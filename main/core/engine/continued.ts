import { contentFrom, type AnalysedDocument } from './analyse.js'
import { paragraphBetween } from './align.js'
import type { PairPassage } from './cluster.js'
import type { TextCluster } from './same-text.js'
import { lowerBound } from '../text/sorted.js'

// An overlap that another goes on from. Three versions of a manual page, A, B and C: B and C are
// copies word for word from their first line on, and their pair is one passage each; A has an
// edit near the top (its own name, a paragraph of its own), and its pairs with B and C are two
// passages, the head and the rest, apart at the edit. Clustered (cluster.ts), the rest of A joins
// B's and C's whole passages, and the head is an overlap of its own, lying inside B's and C's
// passages and before A's. The main overlap's passages then do not line up: A's starts at the
// rest, B's and C's at the top, and its variants say that B and C added the head, which A has too,
// just outside its passage (a reviewer of gcloud's alpha, beta and GA pages: 6 of 6 commands so,
// up to 1,250 characters of invented edits in one overlap).
//
// So an overlap X whose passages each lie inside the one passage of another overlap Y in that
// document, at that passage's start, or start before Y's passage there, the text between no
// longer than X's passage (Y then reaches back to X's start: the text between is A's edit, which
// the variants show), is part of Y; the same at Y's end. X and Y are in the same documents, and
// X stands apart from Y in no more of them than it lies inside Y: the copies that go on alike
// show the text, the edited ones are the exception. Where most documents have a text of their own
// between X and Y (two copies of a head and its rest, six with a paragraph of each one's own
// between: a reviewer), the head is a text they all share, and the paragraphs no edits of each
// other. A longer text between than X is another text, not an edit of the one both go on with: a
// copyright file's list of holders with lines of its own after the seven words it shares with
// another's ("Copyright (c) 1998 Geoffrey Keating Copyright (c)"). One document at least of each:
// all inside is an overlap inside another (contained.ts), none inside is two overlaps one after
// the other, the text going on alike in no document. And where X stands apart, Y's passage there
// does not open (close) with X's words: else it holds X's text already, and X is a second copy
// of it in that document, not Y's head (a reviewer of npm READMEs: is-extglob's list of related
// projects quotes is-glob's description twice, cut short and then in a link's title, and the
// overlap of both copies with is-glob said the first was deleted).
// Of two documents, or a few, no pair need be one passage: two copies of a licence, one with a
// list of years inserted ("Copyright (c) 2001, 2002, 2003, 2004, 2005, ... 2014 Python Software
// Foundation", the other's list ending at 2004), are paired as the head and the rest, apart at
// the insertion, and were two verbatim overlaps of the same two documents (a reviewer of Debian's
// copyright files). So where X's passage and Y's follow each other in a document, no token
// between and no paragraph break (Succession.goesOn), the text goes on alike there as in a
// passage that holds both: it counts as one inside; where no passage holds both, the text
// between elsewhere must be an insertion (MAX_INSERTED_SHARE).

/**
 * Tokens, at most, between the start (end) of Y's passage and that of X's inside it: a heading's
 * words or the end of a page header before a section both copies open alike. More, and X is in
 * the middle of Y there, and the order of the texts differs from the documents where X stands
 * before Y.
 */
export const MAX_LEAD_TOKENS = 8

/**
 * Whether passage `y` opens (`side` -1) or closes (1) with the words of passage `x` of the same
 * document, every one in order (see above): startsWithCopy reads them.
 */
export type HoldsCopy = (x: PairPassage, y: PairPassage, side: -1 | 1) => boolean

/**
 * HoldsCopy over the documents' content words: y's first (last) content words are x's, match
 * form for match form. All of x's, not a few: a manual page names its command at its head and
 * again where the rest goes on ("gcloud bigtable app-profiles create" in NAME and in SYNOPSIS).
 */
export function startsWithCopy(docs: readonly AnalysedDocument[]): HoldsCopy {
  return (x, y, side) => {
    const D = docs[x.doc]
    const x0 = contentFrom(D, x.start)
    const x1 = contentFrom(D, x.end + 1)
    const y0 = contentFrom(D, y.start)
    const y1 = contentFrom(D, y.end + 1)
    const words = x1 - x0
    if (words === 0 || words > y1 - y0) return false
    const [from, to] = side < 0 ? [x0, y0] : [x1 - words, y1 - words]
    for (let k = 0; k < words; k++) if (D.match[D.content[from + k]] !== D.match[D.content[to + k]]) return false
    return true
  }
}

/**
 * Where X and Y are joined only through documents where one goes on into the other (see above),
 * the text between them elsewhere is an insertion into a paragraph, not paragraphs of its own,
 * and this share of the shorter of the two passages there at most: a manual page and its info
 * manual go on alike from one item of a list into the next where the other lists items of its
 * own between ("X ... Z ... Date fields: a ... c" against "'X' ... 'c'", findutils; a reviewer's
 * corpora), which are items apart, not an edited copy of one text.
 */
export const MAX_INSERTED_SHARE = 0.25

/** How passages of one document follow each other, for joinContinued (see above). */
export interface Succession {
  /** Whether the text goes on from passage x into passage y right after it: no token between, no paragraph break. */
  goesOn(x: PairPassage, y: PairPassage): boolean
  /** Whether a paragraph break lies between passage x and passage y after it. */
  breaksBetween(x: PairPassage, y: PairPassage): boolean
}

/** Succession over the documents' tokens and text. */
export function successionIn(docs: readonly Pick<AnalysedDocument, 'text' | 'starts' | 'ends'>[]): Succession {
  const breaksBetween = (x: PairPassage, y: PairPassage): boolean => {
    for (let t = x.end; t < y.start; t++) if (paragraphBetween(docs[x.doc], t, t + 1)) return true
    return false
  }
  return { goesOn: (x, y) => x.doc === y.doc && y.start === x.end + 1 && !breaksBetween(x, y), breaksBetween }
}

/** A Succession in which no passage goes on into another. */
const APART: Succession = { goesOn: () => false, breaksBetween: () => true }

/**
 * The clusters with each one that another goes on from (see above) made part of it: its pairs
 * added to the other's, the other's passages reaching back (on) to its own in the documents where
 * it stands before (after) them; in the clusters' order, less those joined.
 */
export function joinContinued<C extends TextCluster & { likeness?: true }>(
  clusters: C[],
  holdsCopy: HoldsCopy,
  succession: Succession = APART,
): C[] {
  // Every passage, by document and start, and by document and end: a passage that holds one of
  // X's at its start starts at most MAX_LEAD_TOKENS before it, and one that holds it at its end
  // ends at most MAX_LEAD_TOKENS after it.
  const entries: { cluster: number; passage: PairPassage }[] = []
  clusters.forEach((c, cluster) => {
    for (const passage of c.passages) entries.push({ cluster, passage })
  })
  const byStart = [...entries].sort((x, y) => x.passage.doc - y.passage.doc || x.passage.start - y.passage.start || x.cluster - y.cluster)
  const byEnd = [...entries].sort((x, y) => x.passage.doc - y.passage.doc || x.passage.end - y.passage.end || x.cluster - y.cluster)
  // Each as one ascending key, its document and its start (end), for the one binary search.
  const key = (doc: number, token: number): number => doc * 2 ** 32 + Math.max(0, token)
  const startKeys = Float64Array.from(byStart, (e) => key(e.passage.doc, e.passage.start))
  const endKeys = Float64Array.from(byEnd, (e) => key(e.passage.doc, e.passage.end))
  const joined = new Uint8Array(clusters.length)
  clusters.forEach((x, xi) => {
    // The likeness of texts parted (bridged.ts) is no head or tail of either: it reads a text
    // against another place, and is listed beside it.
    if (x.likeness || !onePerDocument(x.passages)) return
    // Clusters with a passage that holds one of x's at its start or at its end.
    const holders = new Set<number>()
    for (const p of x.passages) {
      const from = lowerBound(startKeys, key(p.doc, p.start - MAX_LEAD_TOKENS))
      for (let r = from; r < byStart.length && byStart[r].passage.doc === p.doc && byStart[r].passage.start <= p.start; r++)
        if (byStart[r].passage.end >= p.end) holders.add(byStart[r].cluster)
      const to = lowerBound(endKeys, key(p.doc, p.end))
      for (let r = to; r < byEnd.length && byEnd[r].passage.doc === p.doc && byEnd[r].passage.end <= p.end + MAX_LEAD_TOKENS; r++)
        if (byEnd[r].passage.start <= p.start) holders.add(byEnd[r].cluster)
      // And those with a passage that goes on from it, or that it goes on from.
      const after = lowerBound(startKeys, key(p.doc, p.end + 1))
      for (let r = after; r < byStart.length && startKeys[r] === key(p.doc, p.end + 1); r++)
        if (succession.goesOn(p, byStart[r].passage)) holders.add(byStart[r].cluster)
      const before = lowerBound(endKeys, key(p.doc, p.start - 1))
      for (let r = before; r < byEnd.length && endKeys[r] === key(p.doc, p.start - 1); r++)
        if (succession.goesOn(byEnd[r].passage, p)) holders.add(byEnd[r].cluster)
    }
    holders.delete(xi)
    for (const yi of [...holders].sort((a, b) => a - b)) {
      const y = clusters[yi]
      // (A cluster joined to another is no longer one to join to.)
      if (joined[yi] || y.passages.length !== x.passages.length) continue
      const reach =
        continuation(x.passages, y.passages, -1, holdsCopy, succession) ?? continuation(x.passages, y.passages, 1, holdsCopy, succession)
      if (!reach) continue
      y.passages = reach
      y.pairs.push(...x.pairs)
      joined[xi] = 1
      return
    }
  })
  return clusters.filter((_, i) => !joined[i])
}

/**
 * Y's passages reaching back (`side` -1) or on (1) to X's where X goes on into Y there (see
 * above); undefined where it does not. Both sorted by document and start, X one passage per
 * document, Y as many passages: Y is in X's documents where its passages are, one by one, in the
 * same documents as X's.
 */
function continuation(
  x: readonly PairPassage[],
  y: readonly PairPassage[],
  side: -1 | 1,
  holdsCopy: HoldsCopy,
  succession: Succession,
): PairPassage[] | undefined {
  const out = y.map((q) => ({ ...q }))
  let inside = 0
  let outside = 0
  // Documents where X lies inside Y's passage (a pair held both).
  let held = 0
  // Whether every text between, where X stands apart, is an insertion (MAX_INSERTED_SHARE).
  let inserted = true
  for (let at = 0; at < x.length; at++) {
    const p = x[at]
    const q = y[at]
    if (q.doc !== p.doc) return undefined
    // The tokens between X's passage and Y's, no more than X's passage holds.
    const gap = side < 0 ? q.start - p.end - 1 : p.start - q.end - 1
    const gapFits = gap <= p.end - p.start + 1
    if (q.start <= p.start && p.end <= q.end) {
      if ((side < 0 ? p.start - q.start : q.end - p.end) > MAX_LEAD_TOKENS) return undefined
      inside++
      held++
    } else if ((side < 0 ? p.start < q.start && p.end < q.end : p.end > q.end && p.start > q.start) && gapFits) {
      if (holdsCopy(p, q, side)) return undefined
      if (side < 0) out[at].start = p.start
      else out[at].end = p.end
      const [first, second] = side < 0 ? [p, q] : [q, p]
      if (succession.goesOn(first, second)) inside++
      else {
        outside++
        const shorter = Math.min(p.end - p.start, q.end - q.start) + 1
        inserted &&= gap <= MAX_INSERTED_SHARE * shorter && !succession.breaksBetween(first, second)
      }
    } else return undefined
  }
  return inside > 0 && outside > 0 && outside <= inside && (held > 0 || inserted) ? out : undefined
}

/** Whether passages (sorted by document) are one per document. */
function onePerDocument(passages: readonly PairPassage[]): boolean {
  for (let i = 1; i < passages.length; i++) if (passages[i].doc === passages[i - 1].doc) return false
  return passages.length >= 2
}
