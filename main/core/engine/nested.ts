import type { AnalysedDocument } from './analyse.js'
import { type PairLike, type PairPassage, SAME_PASSAGE_SHARE } from './cluster.js'

// Passages seen through a longer match. Seeds of a frequent n-gram go through a representative
// occurrence (ngrams.ts), so a document may meet a shared passage only inside a much longer match
// with the representative's document: document 1 copies the first pages of document 0, and
// document 2 quotes one paragraph of them. The pairs are then 0–1 (the pages) and 0–2 (the
// paragraph); clustering (cluster.ts) rightly keeps them apart, since a long passage must not
// swallow every short one inside it, and so document 1's copy of the paragraph would never join
// the paragraph's overlap, though document 1 holds it word for word. Adding a document to a corpus
// could then take a passage out of an overlap it was in.
//
// The remedy is to read the short passage through the long match: a passage Y of document d that
// lies inside a passage X of d matched with W of document f is looked for in W: where X and W
// are the same words, at the same distance from W's start as Y is from X's; otherwise as the
// first stretch of W with Y's words in Y's order (match forms, normalise.ts). A position found by
// proportion could land beside the words in an edited copy, and a passage shown must be the text
// that is shared; a Y that W holds only in edited form is left to the seeds. The pair Y–W' is
// offered for measuring like any candidate (overlaps.ts keeps it only if it holds the words).
// Clustering then joins it to Y's overlap by Y's span, and W' to nothing else.

/**
 * Most projections of one passage. A passage inside a text reprinted by hundreds of documents (a
 * licence quoted in part) would otherwise be projected into every reprint, the square of the
 * corpus; past this many, the reprints after the first are reached through the overlap of the
 * reprint itself (its clustering with the representative's copy).
 */
export const MAX_PROJECTIONS = 32

/** A candidate pair seen through a longer match: Y in its document against W' in the partner's. */
export interface Projection {
  a: PairPassage
  b: PairPassage
  /** Index of the pair whose long passage Y lies in. */
  through: number
}

/**
 * The projections of nested passages (see above), at most MAX_PROJECTIONS per passage span.
 * `verbatim(i)` says whether pair i is a word-for-word match.
 */
export function projectNested(
  docs: readonly AnalysedDocument[],
  pairs: readonly PairLike[],
  verbatim: (pair: number) => boolean,
): Projection[] {
  const byDoc = new Map<number, { p: PairPassage; other: PairPassage; pair: number }[]>()
  const add = (p: PairPassage, other: PairPassage, pair: number) => {
    const list = byDoc.get(p.doc)
    if (list) list.push({ p, other, pair })
    else byDoc.set(p.doc, [{ p, other, pair }])
  }
  pairs.forEach((pair, i) => {
    add(pair.a, pair.b, i)
    add(pair.b, pair.a, i)
  })
  const out: Projection[] = []
  for (const list of byDoc.values()) {
    // Longest first among equal starts, so that a containing passage is open before those inside it.
    list.sort((x, y) => x.p.start - y.p.start || y.p.end - x.p.end)
    const open: typeof list = []
    const done = new Set<string>()
    for (const item of list) {
      for (let k = open.length - 1; k >= 0; k--) if (open[k].p.end < item.p.start) open.splice(k, 1)
      const span = item.p.end - item.p.start + 1
      let made = 0
      for (const outer of open) {
        if (made >= MAX_PROJECTIONS) break
        const x = outer.p
        const w = outer.other
        if (item.p.end > x.end || w.doc === item.other.doc || w.doc === item.p.doc) continue
        const long = x.end - x.start + 1
        // Passages that cover half the longer one are joined by clustering already.
        if (span >= SAME_PASSAGE_SHARE * long) continue
        const key = `${item.p.start}:${item.p.end}:${w.doc}:${w.start}`
        if (done.has(key)) continue
        done.add(key)
        const start =
          verbatim(outer.pair) && w.end - w.start === x.end - x.start
            ? w.start + (item.p.start - x.start)
            : findWords(docs[item.p.doc], item.p.start, item.p.end, docs[w.doc], w.start, w.end)
        if (start < 0) continue
        const end = start + (item.p.end - item.p.start)
        out.push({ a: { ...item.p }, b: { doc: w.doc, start, end }, through: outer.pair })
        made++
      }
      open.push(item)
    }
  }
  return out
}

/**
 * The first token of B in [from, to] where tokens [start, end] of A occur with the same match
 * forms, in order; -1 when none does.
 */
function findWords(A: AnalysedDocument, start: number, end: number, B: AnalysedDocument, from: number, to: number): number {
  const length = end - start + 1
  const first = A.match[start]
  for (let i = from; i + length - 1 <= to; i++) {
    if (B.match[i] !== first) continue
    let k = 1
    while (k < length && B.match[i + k] === A.match[start + k]) k++
    if (k === length) return i
  }
  return -1
}
