import { type AnalysedDocument, contentFrom } from './analyse.js'
import { type PairPassage, SAME_PASSAGE_SHARE } from './cluster.js'
import { EditedPassage } from './edited-find.js'
import { mergePassages } from './extend.js'
import { flatPassages } from './flat-passages.js'
import { findWords } from './nested.js'
import { sameRun } from './word-places.js'
import { upperBound } from '../text/sorted.js'
import { identity, sortIndicesByKeys } from './radix.js'

// Overlaps nested inside longer ones, as passim nests its clusters where the set of documents
// changes. Every overlap is one text (cores.ts), so two different texts that share a part (the
// GPL version 2 and version 3 preambles share sentences; a licence quotes a paragraph of another)
// are two overlaps, and the part they share lies in both, inside longer passages. The shared part
// is an overlap of its own only where seeds happened to pair it (a document of one text with the
// representative occurrence of the other, ngrams.ts), in a few of the documents that hold it, so
// most pairs of documents of the two texts shared it in no one overlap. (nested.ts reads a short
// passage through the long pairs it lies in before clustering, but into MAX_PROJECTIONS documents
// at most, lest a quoted paragraph of a licence cost the square of its reprints.)
//
// After clustering, each overlap is read through the longer overlaps it lies in. Where a passage
// Y of overlap C lies inside a passage X of a longer overlap K in one document (Y shorter than X,
// or as long and C listed after K), and C has a document that K lacks (the set of documents
// changes) or a passage that K's passage in its document does not hold (K's stops short of it:
// seven versions of a change log, one of whose passages in K ended a release earlier than the
// others, and C, the entries of that release, was in the six others but not the seventh, whose K
// passage held them; a reviewer of IDLE's NEWS files). Else every pair of C's documents shares Y
// in K already:
//   down  Y's words are looked for in each passage of K in a document C lacks, at the same
//         distance from its start as Y from X's (nested.ts `findWords`: the same match forms in
//         order, near the proportional place in an edited copy), and each document where they
//         are gets a passage in C: the shared part in every document of the longer text. Where Y
//         is not whole, an edited copy of it there, a few words changed (edited-find.ts), from its
//         first word to its last: a family of manual pages shares its connection options, one of
//         them with "the" inserted ("the TCP port or the local Unix domain socket"), and that page
//         was in no overlap of them. Else, while Y has been found in no copy, Y's first words
//         placed there and read on as far as the words agree, when that is SAME_PASSAGE_SHARE of Y
//         and half its content words are words most of C's passages have (coreWords): Y can be
//         a passage merged with the text before C's (a BSD licence's second clause before the
//         third, which another copy lacks), and read so, that text alone joined C (an overlap of
//         the third clause holding one copy's second, similarity 0);
//   up    Y's first words are looked for around each passage of C in a document K lacks, and X's
//         words read back and on from there as far as they agree: a document holding the longer
//         text, whose copy of the shared part was paired and clustered with C only, gets a
//         passage in K when that is more than Y and SAME_PASSAGE_SHARE of X (so K's passages
//         still share most of their text, as clustering demands), and half its content words
//         are K's core words (coreWords): X can run on into another text in its document (the
//         GPL's pointer to its text and the BSD licence in a row, in Debian's util-linux
//         copyright files), and read around Y where only that other text goes on, the other
//         text alone joined K (133 GPL notices among the 293 passages of a BSD overlap).
// A passage is searched wherever the overlap it would join has no passage that overlaps it, not
// only in documents that overlap lacks: a document can hold a text at more than one place (a
// licence grant repeated under each group of files, inside another licence's text once), and
// the copy the longer text holds is then in no overlap with the other documents' copies of the
// part; MAX_REPEATS more places than the first at most.
// Only a few Y per pair (C, K) are read (NEST_READINGS), so a part shared by a text reprinted k
// times costs k word searches, not k² pairs; a Y found in none of the first NEST_TRIALS passages
// it is looked for in is given up. A passage found holds the words searched for, in order, but
// for the few words an edited copy changes. K's passages are not cut: the reprints keep their
// longer passage, and the shared part is its own overlap with sub-spans of them, as in passim.

/**
 * Inner passages read per pair of overlaps (the first met, each in another document; the longest
 * tried first). C's passages in documents of the longer text may reach past the shared part
 * (extend.ts extends copies of one text alike), and then are in none of the other text's
 * documents; readings from a few documents find the shared part where one fails. Each is one
 * more word search per passage not yet reached; one reading found 8% fewer of the runs nesting
 * adds on the copyright files than four.
 */
export const NEST_READINGS = 4

/**
 * Passages an inner passage is looked for in before it is given up when found in none of them:
 * an inner passage can lie in a stretch of the outer one that is not the outer text (two passages
 * of one document merged), and is then in none of its other passages; 97% of the searches failed
 * without this bound. Once found, it is looked for in all of them.
 */
export const NEST_TRIALS = 8

/**
 * How far (tokens) from where it should start the longer text is looked for around an inner
 * passage (up): the inner passages of one overlap start a few words apart where their pairs were
 * aligned to different edges.
 */
export const UP_RADIUS = 16

/**
 * Words of the inner passage that place it in a document (up) before the outer text is read
 * around it: enough that a common phrase does not place it, few enough that an inner passage
 * whose copy starts a word later is still placed.
 */
export const ANCHOR_TOKENS = 8

/**
 * How far (tokens) from its proportional place the shared part is looked for in a passage of the
 * longer text (down), at most: nested.ts looks as far as a tenth of the passage, for an edited
 * copy; here most searches are in passages that lack the part, each a scan of the whole radius.
 * At 32 the copyright files lose no run nesting adds, at 8 they lose 6 of 140.
 */
export const DOWN_RADIUS = 32

/**
 * Places of a document beyond the first where an overlap's text is looked for. A document can
 * hold a text more than once (a licence grant under each group of files, each time inside another
 * licence's text), and a passage of the longer overlap at another place of a document that has
 * the shorter one already is searched too; but a collection of licences reprints a clause dozens
 * of times (and is often shipped in several packages, each copy a document), and a passage at
 * every place added 260 k passages (68%) on the copyright files for 56 more of sim_text's runs
 * covered. At 1: 29 more runs for 107 k passages; at 2: 42 for 153 k. (With same-text.ts, whose
 * joined overlaps hold more documents to begin with, at 1: 24 more runs for 24 k passages; at 2:
 * 37 for 64 k, and 8% more JSON.)
 */
export const MAX_REPEATS = 1

/**
 * Passages of an overlap, each of another document, whose content words make its core words
 * (coreWords): the first met. A few are enough to tell the text all its passages share from the
 * words a few of them hold besides (one passage merged with the next text of its document).
 */
export const CORE_SAMPLE = 8

/** What nesting needs of an overlap: its passages (sorted by document and start, merged). */
export interface NestCluster {
  passages: PairPassage[]
  /** The likeness of texts bridged.ts parted: it reads a text against another place, and takes no more of it. */
  likeness?: true
}

/** Per cluster, how many passages nesting added: found word for word, and found as edited copies. */
export interface NestedPassages {
  verbatim: Uint32Array<ArrayBuffer>
  edited: Uint32Array<ArrayBuffer>
}

/**
 * Adds to each cluster the passages of its text found in the documents of the longer clusters
 * it lies in (see above), in place (passages merged and sorted again); returns, per cluster, how
 * many passages were added, word for word and as edited copies.
 */
export function nestClusters(clusters: NestCluster[], docs: readonly AnalysedDocument[]): NestedPassages {
  const added = new Uint32Array(clusters.length) as Uint32Array<ArrayBuffer>
  const edited = new Uint32Array(clusters.length) as Uint32Array<ArrayBuffer>
  // Every passage as an entry: its cluster, document and span in typed arrays, sorted by
  // document, start, longest first (no object per passage: hundreds of thousands at corpus scale).
  const { total, owner: clusterOf, doc: docOf, start: startOf, end: endOf } = flatPassages(clusters)
  const entries = sortIndicesByKeys(identity(total), total, [(k) => docOf[k], (k) => startOf[k], (k) => -endOf[k]])
  const passage = (k: number): PairPassage => ({ doc: docOf[k], start: startOf[k], end: endOf[k] })
  // Contacts: (inner cluster, outer cluster) -> up to NEST_READINGS inner passages found inside
  // an outer one, each in another document, as [inner entry, outer entry, ...]. The sweep keeps,
  // per document, the passages that may still contain a later one, by end descending.
  const contacts = new Map<number, number[]>()
  const spanOf = (k: number): number => endOf[k] - startOf[k]
  const key = (inner: number, outer: number): number => inner * clusters.length + outer
  const open: number[] = []
  const negatedEnds: number[] = []
  for (let g = 0; g < total; g++) {
    const y = entries[g]
    if (g === 0 || docOf[entries[g - 1]] !== docOf[y]) {
      open.length = 0
      negatedEnds.length = 0
    }
    while (open.length && negatedEnds[negatedEnds.length - 1] > -startOf[y]) {
      open.pop()
      negatedEnds.pop()
    }
    const inner = clusterOf[y]
    const length = endOf[y] - startOf[y] + 1
    for (let k = 0; k < open.length && -negatedEnds[k] >= endOf[y]; k++) {
      const x = open[k]
      const outer = clusterOf[x]
      if (outer === inner) continue
      const outerLength = endOf[x] - startOf[x] + 1
      if (length > outerLength || (length === outerLength && inner < outer)) continue
      const id = key(inner, outer)
      let list = contacts.get(id)
      if (!list) contacts.set(id, (list = []))
      if (list.length < 2 * NEST_READINGS && (list.length === 0 || docOf[list[list.length - 2]] !== docOf[y])) list.push(y, x)
    }
    const at = upperBound(negatedEnds, -endOf[y])
    open.splice(at, 0, y)
    negatedEnds.splice(at, 0, -endOf[y])
  }
  // Per cluster, the documents it has passages in (made when it first has a contact), and the
  // passages found for it.
  const held = new Map<number, Set<number>>()
  const heldBy = (c: number): Set<number> => {
    let set = held.get(c)
    if (!set) held.set(c, (set = new Set(clusters[c].passages.map((p) => p.doc))))
    return set
  }
  // The passages found, in typed arrays (hundreds of thousands at corpus scale): cluster,
  // document, span, and the one found before it for the same cluster and document (-1: none);
  // the last found per cluster and document by key c * docs.length + doc.
  const found = new FoundList()
  const lastFound = new Map<number, number>()
  const add = (c: number, p: PairPassage, isEdited = false): void => {
    if (isEdited) edited[c]++
    heldBy(c).add(p.doc)
    const at = c * docs.length + p.doc
    lastFound.set(at, found.push(c, p, lastFound.get(at) ?? -1))
  }
  /**
   * Whether cluster c has a passage overlapping p, or has MAX_REPEATS more places in p's document
   * than the first already (see MAX_REPEATS). A document can hold a text more than once, and
   * having it in the document is not having it at p.
   */
  const holds = (c: number, p: PairPassage): boolean => {
    if (!heldBy(c).has(p.doc)) return false
    // Its own passages are sorted by document and start and do not overlap: only the last that
    // starts before p ends can reach p.
    const own = clusters[c].passages
    const lo = startingBy(own, p.doc, p.end)
    const last = own[lo - 1]
    if (last && last.doc === p.doc && last.end >= p.start) return true
    let places = (last && last.doc === p.doc) || (lo < own.length && own[lo].doc === p.doc) ? 1 : 0
    for (let k = lastFound.get(c * docs.length + p.doc) ?? -1; k >= 0; k = found.before[k]) {
      if (found.start[k] <= p.end && found.end[k] >= p.start) return true
      places++
    }
    return places > MAX_REPEATS
  }
  // Per cluster, its core words (coreWords), read when a passage read around another is to join it.
  const cores = new Map<number, Set<number>>()
  const coreOf = (c: number): Set<number> => {
    let core = cores.get(c)
    if (!core) cores.set(c, (core = coreWords(clusters[c].passages, docs)))
    return core
  }
  // The pairs (C, K) where the set of documents changes (see above).
  const changes = new Set<number>()
  for (const [id, readings] of contacts) {
    sortReadings(readings, spanOf)
    const inner = Math.floor(id / clusters.length)
    const outer = id % clusters.length
    if (clusters[inner].likeness) continue
    // Down (see above), only where the set of documents changes or K stops short of C somewhere.
    if (clusters[inner].passages.every((p) => holdsWhole(clusters[outer].passages, p))) continue
    changes.add(id)
    const spans = readings.map(passage)
    const innerHolds = (w: PairPassage): boolean => holds(inner, w)
    let editedCopy: EditedPassage | undefined
    searchPassages(clusters[outer].passages, innerHolds, (w, anyFound) => {
      for (let r = 0; r < spans.length; r += 2) {
        const y = spans[r]
        const x = spans[r + 1]
        const start = findWords(docs[y.doc], y.start, y.end, x.start, x.end, docs[w.doc], w.start, w.end, DOWN_RADIUS)
        if (start < 0) continue
        add(inner, { doc: w.doc, start, end: start + (y.end - y.start) })
        return true
      }
      // Not whole: the longest reading as an edited copy, a few words changed (edited-find.ts;
      // prepared once for every passage of the outer overlap), around the place proportion puts
      // it at.
      const [y, x] = spans
      const guess = w.start + Math.round(((y.start - x.start) * (w.end - w.start + 1)) / (x.end - x.start + 1))
      const copy = (editedCopy ??= new EditedPassage(docs[y.doc], y.start, y.end)).find(
        docs[w.doc],
        Math.max(w.start, guess - DOWN_RADIUS),
        Math.min(w.end, guess + (y.end - y.start) + DOWN_RADIUS),
        guess,
      )
      if (copy) {
        add(inner, { doc: w.doc, start: copy[0], end: copy[1] }, true)
        return true
      }
      // Else the longest reading as far as the words agree from where it starts, when that is
      // SAME_PASSAGE_SHARE of it (an edited copy of the longer text) and holds C's text (its core
      // words, see above), only while the part has been found whole in no copy (read so in
      // copies after one that holds it whole, it added 31 k passages on the copyright files and
      // covered 9 fewer of sim_text's runs).
      if (anyFound) return false
      const span = readAround(docs[y.doc], y.start, y.end, y.start, docs[w.doc], guess, DOWN_RADIUS)
      if (!span || span[1] - span[0] + 1 < SAME_PASSAGE_SHARE * (y.end - y.start + 1)) return false
      if (!holdsCore(coreOf(inner), docs[w.doc], span[0], span[1])) return false
      add(inner, { doc: w.doc, start: span[0], end: span[1] })
      return true
    })
  }
  for (const [id, readings] of contacts) {
    const inner = Math.floor(id / clusters.length)
    const outer = id % clusters.length
    if (clusters[inner].likeness) continue
    if (!changes.has(id)) continue
    // Up: the outer text, word for word, around the inner overlap's passages in other documents.
    const spans = readings.map(passage)
    const outerHolds = (z: PairPassage): boolean => holds(outer, z)
    searchPassages(clusters[inner].passages, outerHolds, (z) => {
      for (let r = 0; r < spans.length; r += 2) {
        const y = spans[r]
        const x = spans[r + 1]
        // The outer passage's words around the inner one, when they are half of it and more
        // than the inner one.
        const span = readAround(docs[x.doc], x.start, x.end, y.start, docs[z.doc], z.start, UP_RADIUS)
        if (!span) continue
        const length = span[1] - span[0] + 1
        if (length <= y.end - y.start + 1 || length < SAME_PASSAGE_SHARE * (x.end - x.start + 1)) continue
        // And holds the outer text's core words (see above).
        if (!holdsCore(coreOf(outer), docs[z.doc], span[0], span[1])) continue
        add(outer, { doc: z.doc, start: span[0], end: span[1] })
        return true
      }
      return false
    })
  }
  lastFound.clear()
  const byCluster = new Map<number, PairPassage[]>()
  for (let k = 0; k < found.length; k++) {
    const c = found.cluster[k]
    const p = { doc: found.doc[k], start: found.start[k], end: found.end[k] }
    const list = byCluster.get(c)
    if (list) list.push(p)
    else byCluster.set(c, [p])
  }
  for (const [c, list] of byCluster) {
    added[c] = list.length - edited[c]
    clusters[c].passages = mergePassages([...clusters[c].passages, ...list])
  }
  return { verbatim: added, edited }
}

/**
 * The content words (match ids) in more than half of the first CORE_SAMPLE passages of
 * `passages` (sorted by document and start), each of another document: the words of the text the
 * overlap is, not those a passage or two hold besides it.
 */
function coreWords(passages: readonly PairPassage[], docs: readonly AnalysedDocument[]): Set<number> {
  const counts = new Map<number, number>()
  let sampled = 0
  for (let k = 0; k < passages.length && sampled < CORE_SAMPLE; k++) {
    const p = passages[k]
    if (k > 0 && passages[k - 1].doc === p.doc) continue
    sampled++
    const doc = docs[p.doc]
    const words = new Set<number>()
    for (let c = contentFrom(doc, p.start); c < doc.content.length && doc.content[c] <= p.end; c++) words.add(doc.match[doc.content[c]])
    for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1)
  }
  const core = new Set<number>()
  for (const [w, n] of counts) if (2 * n > sampled) core.add(w)
  return core
}

/** Whether SAME_PASSAGE_SHARE of the content words of tokens [start, end] of `doc` at least are `core` words. */
function holdsCore(core: ReadonlySet<number>, doc: AnalysedDocument, start: number, end: number): boolean {
  let words = 0
  let held = 0
  for (let c = contentFrom(doc, start); c < doc.content.length && doc.content[c] <= end; c++) {
    words++
    if (core.has(doc.match[doc.content[c]])) held++
  }
  return held >= SAME_PASSAGE_SHARE * words
}

/** Whether one of `passages` (sorted by document and start, apart) holds all of p. */
function holdsWhole(passages: readonly PairPassage[], p: PairPassage): boolean {
  const q = passages[startingBy(passages, p.doc, p.start) - 1]
  return q !== undefined && q.doc === p.doc && q.end >= p.end
}

/** How many of `passages` (sorted by document and start) come before document `doc`'s token `at` or start there. */
function startingBy(passages: readonly PairPassage[], doc: number, at: number): number {
  let lo = 0
  let hi = passages.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    const q = passages[mid]
    if (q.doc < doc || (q.doc === doc && q.start <= at)) lo = mid + 1
    else hi = mid
  }
  return lo
}

/**
 * Calls `find` on each passage not `held` already (asked again at each step: a passage found is
 * held), until NEST_TRIALS of them have found nothing before the first that did (see
 * NEST_TRIALS); after one has, on all of them. `anyFound`: whether one has.
 */
function searchPassages(
  passages: readonly PairPassage[],
  held: (p: PairPassage) => boolean,
  find: (p: PairPassage, anyFound: boolean) => boolean,
): void {
  let misses = 0
  for (const p of passages) {
    if (held(p)) continue
    if (misses >= NEST_TRIALS) return
    misses++
    if (find(p, misses < 0)) misses = -Infinity
  }
}

/** Sorts readings [inner, outer, inner, outer, ...] by the inner passage's length, longest first. */
function sortReadings(readings: number[], spanOf: (e: number) => number): void {
  // An insertion sort of the pairs in place (stable): NEST_READINGS of them at most, one list per
  // pair of overlaps (tens of thousands at corpus scale), where sorting an array of indices cost
  // more than the few comparisons.
  for (let i = 2; i < readings.length; i += 2) {
    const inner = readings[i]
    const outer = readings[i + 1]
    let j = i
    for (; j > 0 && spanOf(readings[j - 2]) < spanOf(inner); j -= 2) {
      readings[j] = readings[j - 2]
      readings[j + 1] = readings[j - 1]
    }
    readings[j] = inner
    readings[j + 1] = outer
  }
}

/**
 * Tokens [from, to] of A read in B around `guess`: A's tokens from `anchor` on (ANCHOR_TOKENS of
 * them) are looked for within `radius` of `guess`, and the span reaches from there as far back
 * (to `from` at most) and on (to `to`) as B has A's words at the same places. Undefined when the
 * anchor is not there.
 */
function readAround(
  A: AnalysedDocument,
  from: number,
  to: number,
  anchor: number,
  B: AnalysedDocument,
  guess: number,
  radius: number,
): [number, number] | undefined {
  const words = Math.min(ANCHOR_TOKENS, to - anchor + 1)
  // The arrays read once, and each place's first word compared before the rest (see findWords).
  const a = A.match
  const b = B.match
  const first = a[anchor]
  const lastPlace = b.length - words
  const at = (i: number): boolean => i >= 0 && i <= lastPlace && (words <= 0 || (b[i] === first && sameRun(a, anchor, b, i, words)))
  let p = -1
  for (let d = 0; d <= radius && p < 0; d++) {
    if (at(guess - d)) p = guess - d
    else if (d > 0 && at(guess + d)) p = guess + d
  }
  if (p < 0) return undefined
  let before = 0
  while (anchor - before - 1 >= from && p - before - 1 >= 0 && b[p - before - 1] === a[anchor - before - 1]) before++
  let after = 0
  while (anchor + after <= to && p + after < b.length && b[p + after] === a[anchor + after]) after++
  return [p - before, p + after - 1]
}

/** Passages found by nesting, in growing typed arrays (see nestClusters). */
class FoundList {
  length = 0
  cluster = new Uint32Array(1024)
  doc = new Uint32Array(1024)
  start = new Uint32Array(1024)
  end = new Uint32Array(1024)
  before = new Int32Array(1024)

  /** Adds passage p of cluster c, found after `before` (-1: none) in its document; returns its index. */
  push(c: number, p: PairPassage, before: number): number {
    if (this.length === this.cluster.length) {
      const grow = <T extends Uint32Array | Int32Array>(a: T): T => {
        const b = new (a.constructor as new (n: number) => T)(2 * a.length)
        b.set(a)
        return b
      }
      this.cluster = grow(this.cluster)
      this.doc = grow(this.doc)
      this.start = grow(this.start)
      this.end = grow(this.end)
      this.before = grow(this.before)
    }
    const k = this.length++
    this.cluster[k] = c
    this.doc[k] = p.doc
    this.start[k] = p.start
    this.end[k] = p.end
    this.before[k] = before
    return k
  }
}
