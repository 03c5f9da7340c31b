import type { AnalysedDocument } from './analyse.js'
import { upperBound } from '../text/sorted.js'
import { identity, sortIndicesByKeys } from './radix.js'
import { type PairLike, type PairPassage, type PairSides, pairSides, SAME_PASSAGE_SHARE } from './cluster.js'
import { sameRun, WordPlaces } from './word-places.js'

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
// stretch of W nearest to Y's proportional place with Y's words in Y's order (match forms,
// normalise.ts). A position found by
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

/**
 * Long passages searched (see INDEXED_RADIUS) whose places of each word are kept at once: the
 * partners of the long matches around the passage being projected, which the next passages are
 * projected through too.
 */
export const PLACES_KEPT = 8

/**
 * One distinct passage span of a document; the passages it was matched with are the partners of
 * entries [from, to) of projectNested's sorted entries.
 */
interface Span {
  start: number
  end: number
  from: number
  to: number
}

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
  given: readonly PairLike[] | PairSides,
  verbatim: (pair: number) => boolean,
): Projection[] {
  const pairs = Array.isArray(given) ? pairSides(given as readonly PairLike[]) : (given as PairSides)
  // Every passage of every pair, as an entry: 2i is pair i's a (matched with its b), 2i + 1 its b
  // (PairSides; an entry's partner is e ^ 1). Sorted by document (in order of first appearance),
  // span (start ascending, longest first) and entry, so each distinct span is a run of entries
  // with its partners in pair order: no object or key per passage (a million at corpus scale).
  const rank = new Int32Array(docs.length).fill(-1)
  let ranked = 0
  for (let e = 0; e < 2 * pairs.length; e++) {
    const d = pairs.doc(e)
    if (rank[d] < 0) rank[d] = ranked++
  }
  const entries = sortIndicesByKeys(identity(2 * pairs.length), 2 * pairs.length, [
    (e) => rank[pairs.doc(e)],
    (e) => pairs.start(e),
    (e) => -pairs.end(e),
  ])
  const out: Projection[] = []
  // The places of each word in the long passages searched (word-places.ts), made on a passage's
  // second search, for the last PLACES_KEPT of them (a long match's nested passages are searched
  // one after another): most recently searched last.
  const searched = new Map<string, { searches: number; places?: WordPlaces }>()
  const placesIn = (d: number, from: number, to: number): WordPlaces | undefined => {
    if (Math.ceil(SEARCH_SHARE * (to - from + 1)) < INDEXED_RADIUS) return undefined
    const key = `${d}:${from}:${to}`
    const entry = searched.get(key) ?? { searches: 0 }
    searched.delete(key)
    searched.set(key, entry)
    if (searched.size > PLACES_KEPT) searched.delete(searched.keys().next().value!)
    if (++entry.searches >= 2) entry.places ??= new WordPlaces(docs[d].match, from, to)
    return entry.places
  }
  for (let g = 0; g < entries.length;) {
    const doc = pairs.doc(entries[g])
    // The document's distinct spans, longest first among equal starts, so that a containing span
    // is open before those inside it.
    const list: Span[] = []
    for (; g < entries.length && pairs.doc(entries[g]) === doc; g++) {
      const start = pairs.start(entries[g])
      const end = pairs.end(entries[g])
      const last = list[list.length - 1]
      if (last && last.start === start && last.end === end) last.to = g + 1
      else list.push({ start, end, from: g, to: g + 1 })
    }
    // Spans that may still contain a later one, by end descending: those ending before a span's
    // start are at the tail, and those that end late enough to contain it at the head.
    const open: Span[] = []
    const negatedEnds: number[] = [] // -end of each open span, ascending, for the binary search
    for (const y of list) {
      while (open.length && open[open.length - 1].end < y.start) {
        open.pop()
        negatedEnds.pop()
      }
      const length = y.end - y.start + 1
      // Documents y is matched with directly, and those it has been projected into.
      const reached = new Set<number>()
      for (let k = y.from; k < y.to; k++) reached.add(pairs.doc(entries[k] ^ 1))
      reached.add(doc)
      let made = 0
      for (let k = 0; k < open.length && open[k].end >= y.end && made < MAX_PROJECTIONS; k++) {
        const x = open[k]
        // Spans that cover half the longer one are joined by clustering already.
        if (length >= SAME_PASSAGE_SHARE * (x.end - x.start + 1)) continue
        for (let m = x.from; m < x.to; m++) {
          if (made >= MAX_PROJECTIONS) break
          const w = entries[m] ^ 1
          const wDoc = pairs.doc(w)
          const wStart = pairs.start(w)
          const wEnd = pairs.end(w)
          const pair = entries[m] >>> 1
          if (reached.has(wDoc)) continue
          const start =
            verbatim(pair) && wEnd - wStart === x.end - x.start
              ? wStart + (y.start - x.start)
              : findWords(docs[doc], y.start, y.end, x.start, x.end, docs[wDoc], wStart, wEnd, Infinity, placesIn(wDoc, wStart, wEnd))
          if (start < 0) continue
          reached.add(wDoc)
          out.push({ a: { doc, start: y.start, end: y.end }, b: { doc: wDoc, start, end: start + (y.end - y.start) }, through: pair })
          made++
        }
      }
      const at = upperBound(negatedEnds, -y.end)
      open.splice(at, 0, y)
      negatedEnds.splice(at, 0, -y.end)
    }
  }
  return out
}

/**
 * How far from where proportion puts it a nested passage is looked for in an edited copy: this
 * share of the copy's length, and at least MIN_SEARCH_TOKENS. An edited copy keeps its passages
 * near their proportional place (edits are local); a passage moved further is left to the seeds.
 * Wider costs a scan of the whole copy for every nested passage it lacks.
 */
export const SEARCH_SHARE = 0.1
export const MIN_SEARCH_TOKENS = 64

/**
 * A search this many tokens wide (each way) or wider reads the places of the passage's rarest word
 * (word-places.ts) instead of every place, where the caller has them: a long match holds nested
 * passages in proportion to its length, and reading a tenth of it for each cost the square of it.
 * Narrower, reading every place costs less than listing the places first.
 */
export const INDEXED_RADIUS = 256

/**
 * The token of B in [from, to] nearest to where proportion puts tokens [start, end] of A (which
 * lie in [x0, x1] of A, matched with B's [from, to]), at which those tokens occur with the same
 * match forms, in order, searched within the distance above (at most `maxRadius` tokens; through
 * `places`, B's places of each word in [from, to] or around it, where that is INDEXED_RADIUS or more); -1
 * when none does. Where [x0, x1] and [from, to] are as long, proportion puts them at the same
 * distance from the start.
 */
export function findWords(
  A: AnalysedDocument,
  start: number,
  end: number,
  x0: number,
  x1: number,
  B: AnalysedDocument,
  from: number,
  to: number,
  maxRadius = Infinity,
  places?: WordPlaces,
): number {
  const length = end - start + 1
  const last = to - length + 1
  if (last < from) return -1
  const guess = Math.min(last, Math.max(from, from + Math.round(((start - x0) * (to - from + 1)) / (x1 - x0 + 1))))
  const radius = Math.min(maxRadius, Math.max(MIN_SEARCH_TOKENS, Math.ceil(SEARCH_SHARE * (to - from + 1))))
  if (places && radius >= INDEXED_RADIUS && places.match === B.match && places.from <= from && places.to >= to)
    return places.nearest(A.match, start, length, guess, Math.max(from, guess - radius), Math.min(last, guess + radius))
  // The arrays read once, and each place's first word compared before the rest: most searches
  // find nothing, a place's first word differing.
  const a = A.match
  const b = B.match
  const first = a[start]
  for (let d = 0; d <= radius; d++) {
    const before = guess - d
    const after = guess + d
    if (before < from && after > last) break
    if (before >= from && b[before] === first && sameRun(a, start, b, before, length)) return before
    if (d > 0 && after <= last && b[after] === first && sameRun(a, start, b, after, length)) return after
  }
  return -1
}
