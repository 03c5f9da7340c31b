import type { AnalysedDocument } from './analyse.js'
import { paragraphBetween } from './align.js'
import { headingBetween } from './paragraph-edge.js'
import type { Run } from './progress.js'
import type { Seeds } from './ngrams.js'
import { RegionList } from './region-list.js'
import { UnionFind } from '../text/union-find.js'

// Seeds to candidate passages. Seeds of one pair of documents that lie near each other in BOTH
// documents belong to one passage (single linkage): a gap of up to MAX_GAP_WORDS content words
// between seeds, on either side, is bridged, so inserted, deleted or changed words and clauses
// that moved within the passage (reordered clauses make seeds that are near in both texts but in
// another order) do not split it; seeds in another order across a paragraph break are two items
// of a list given in another order, two passages (reorderedAcrossBreak). The passage is the box
// spanned by its seeds in each document; align.ts then sets its exact ends.

/**
 * Content words that may separate two seeds of one passage, beyond the n-gram itself. Eight
 * content words are about a clause of 15 running words: enough for an inserted clause or a
 * rewritten phrase, not so much that two unrelated borrowings a paragraph apart fuse into one.
 */
export const MAX_GAP_WORDS = 8

/**
 * What a candidate needs: an anchor, two seeds one word apart in both texts, that is, a run of
 * n + 1 content words shared in order. One seed is one shared n-gram, which texts on one subject
 * share by chance, and so are two stock phrases that happen to meet in two sentences ("traditional
 * industries ... new business forms" against "new business forms ... traditional industries");
 * four content words in a row rarely are. Also keeps the work on large corpora near linear: most
 * seed pairs are lone chance matches, dropped here before any alignment.
 */
export const MIN_REGION_SEEDS = 2

/**
 * Content words between two candidate passages of one pair of documents, in order in both, that
 * still join them into one. Seeds of a frequent n-gram link it to a representative occurrence
 * (ngrams.ts), so a stretch two documents share whose n-grams a third document has first seeds the
 * pair only on either side of it; a gap of a few lines, in both texts, is such a stretch or an
 * edit. The joined passage is measured as a whole; when it fails (overlaps.ts), its parts are
 * measured one by one.
 */
export const MERGE_GAP_WORDS = 32

/**
 * True when the content words strictly between content positions a1 and a0 of A are those between
 * b1 and b0 of B, in order: two candidates of a pair separated by words both texts have word for
 * word are one passage, however long the stretch between them. It had no seeds of this pair
 * because its n-grams were linked to other documents that have them too (a sentence two licences
 * share, between stretches only one of them has); see ngrams.ts.
 */
function sameGap(A: AnalysedDocument, a1: number, a0: number, B: AnalysedDocument, b1: number, b0: number): boolean {
  const length = a0 - a1 - 1
  if (length <= 0 || length !== b0 - b1 - 1) return false
  for (let k = 1; k <= length; k++) if (A.match[A.content[a1 + k]] !== B.match[B.content[b1 + k]]) return false
  return true
}

/**
 * Least likeness of the words between two long candidates of a pair, in order in both texts, for
 * the two to be one passage however far apart (alikeGap): the Dice coefficient of the content
 * words between, as bags. Copies of one text edited every few words (a story each reprint edits,
 * a licence retyped) lose their shared n-grams in a stretch where the edits come close together,
 * or where a third copy took the pair's n-grams (ngrams.ts), and the two parts were apart; the
 * words between are still the same words for the most part. Two texts that share two paragraphs
 * and differ in the one between share a few words there by chance (a licence's "software",
 * "copyright"), not half. Copies misread by OCR, a letter in twenty or so, are not joined so: each
 * misread word is the rarest of all and the pair too unlike to keep whole (similarity.ts), and
 * their candidates lie further apart than they are long.
 */
export const MIN_GAP_LIKENESS = 0.5

/**
 * Words between candidates that joinAlikeGaps reads for a pair, at most, per content word its
 * candidates hold (their shorter sides). Joining the parts of an edited copy reads each stretch
 * between them once or twice; candidates that could join many others none of which they join
 * (a long text one document repeats, against another's many long candidates) would read the
 * words between every two of them, quadratic in the pair's length.
 */
export const GAP_READS_PER_WORD = 4

/** Whether content words strictly between a1 and a0 of A and b1 and b0 of B are alike (MIN_GAP_LIKENESS). */
function alikeGap(A: AnalysedDocument, a1: number, a0: number, B: AnalysedDocument, b1: number, b0: number): boolean {
  const lengthA = Math.max(0, a0 - a1 - 1)
  const lengthB = Math.max(0, b0 - b1 - 1)
  if (lengthA === 0 || lengthB === 0) return lengthA === lengthB
  const counts = new Map<number, number>()
  for (let c = a1 + 1; c < a0; c++) {
    const m = A.match[A.content[c]]
    counts.set(m, (counts.get(m) ?? 0) + 1)
  }
  let shared = 0
  for (let c = b1 + 1; c < b0; c++) {
    const m = B.match[B.content[c]]
    const left = counts.get(m)
    if (!left) continue
    shared++
    counts.set(m, left - 1)
  }
  return (2 * shared) / (lengthA + lengthB) >= MIN_GAP_LIKENESS
}

/**
 * Whether candidate y goes on from x in both texts: starts after x's start and ends after x's end
 * in each (overlapping it or not).
 */
function goesOn(x: Region, y: Region): boolean {
  return y.a0 > x.a0 && y.a1 > x.a1 && y.b0 > x.b0 && y.b1 > x.b1
}

/** Content words in the shorter side of a candidate. */
function extent(r: Region): number {
  return Math.min(r.a1 - r.a0, r.b1 - r.b0) + 1
}

/**
 * Whether a candidate of the pair (of `found`) lies among the words between content positions a1
 * and a0 of A, or between b1 and b0 of B, but not in both: those words are then text the other
 * document gives at another place (heldElsewhere), not an edited stretch of the passage.
 */
function movedInto(found: readonly Region[], a1: number, a0: number, b1: number, b0: number): boolean {
  for (const r of found) {
    if (r.a0 > a1 && r.a1 < a0 && r.b0 > b1 && r.b1 < b0) continue
    if ((r.b0 > b1 && r.b1 < b0) || (r.a0 > a1 && r.a1 < a0)) return true
  }
  return false
}

/**
 * The candidates of one pair of documents (`pair`, in the order chaining made them) with the long
 * ones (more than `link` content words each) joined where one goes on from another in both texts
 * (goesOn) with words alike between (alikeGap), no more of them in either text than the two
 * candidates hold (else they are a text of their own that the two frame), and no long candidate
 * of the pair elsewhere among them (movedInto, of the pair's `found` candidates: items in another
 * order). The words between are read GAP_READS_PER_WORD times the candidates' words at most.
 * Of the candidates a candidate could join, among the last MERGE_LOOKBACK long ones, it joins
 * the longest (a chance match of a phrase the text repeats, beside the passage, is short). The
 * joined candidate is measured as a whole, and where that fails, its parts one by one
 * (align-candidates.ts). The candidates as they are, or where joined to an earlier one,
 * undefined, in the order given; undefined where none joins.
 */
export function joinAlikeGaps(
  pair: readonly Region[],
  A: AnalysedDocument,
  B: AnalysedDocument,
  found: readonly Region[],
  link: number,
): (Region | undefined)[] | undefined {
  // (A document's repetition of itself is read as found: joined, its copies would meet.)
  if (A === B) return undefined
  const kept: (Region | undefined)[] = []
  const longKept: Region[] = []
  let joined = false
  let reads = 0
  for (const candidate of pair) if (extent(candidate) > link) reads += GAP_READS_PER_WORD * extent(candidate)
  /** The pair's long candidates as found (movedInto), read where a candidate would join. */
  let longFound: Region[] | undefined
  for (const candidate of pair) {
    if (extent(candidate) <= link) {
      kept.push(candidate)
      continue
    }
    let before: Region | undefined
    for (let i = longKept.length - 1; i >= 0 && i >= longKept.length - MERGE_LOOKBACK; i--) {
      const r = longKept[i]
      if (before && extent(r) <= extent(before)) continue
      const between = Math.max(candidate.a0 - r.a1, candidate.b0 - r.b1) - 1
      if (!goesOn(r, candidate) || between > extent(r) + extent(candidate) || 2 * between > reads) continue
      reads -= 2 * Math.max(0, between)
      if (alikeGap(A, r.a1, candidate.a0, B, r.b1, candidate.b0)) before = r
    }
    if (before) {
      longFound ??= found.filter((r) => extent(r) > link)
      if (movedInto(longFound, before.a1, candidate.a0, before.b1, candidate.b0)) before = undefined
    }
    if (!before) {
      const copy = { ...candidate }
      kept.push(copy)
      longKept.push(copy)
      continue
    }
    before.parts = [...(before.parts ?? [{ ...before }]), ...(candidate.parts ?? [candidate])]
    before.a1 = Math.max(before.a1, candidate.a1)
    before.b1 = Math.max(before.b1, candidate.b1)
    before.b0 = Math.min(before.b0, candidate.b0)
    before.seeds += candidate.seeds
    kept.push(undefined)
    joined = true
  }
  return joined ? kept : undefined
}

/**
 * Whether candidate x, the first of its passage so far (no parts), is kept from joining y, the
 * next candidate of the pair, across the words between them (see chainSeeds): when x is shorter
 * than y and than the words between them in either text, and a paragraph break lies in x or
 * among those words, unless they are the same words in both (sameGap).
 */
function apartAcrossBreak(A: AnalysedDocument, B: AnalysedDocument, x: Region, y: Region): boolean {
  const gapA = y.a0 - x.a1
  const gapB = y.b0 - x.b1
  const lengthX = Math.min(x.a1 - x.a0, x.b1 - x.b0) + 1
  const lengthY = Math.min(y.a1 - y.a0, y.b1 - y.b0) + 1
  if (lengthX > lengthY || Math.max(gapA, gapB) - 1 <= lengthX) return false
  const broken = paragraphBetween(A, A.content[x.a0], A.content[y.a0]) || paragraphBetween(B, B.content[x.b0], B.content[y.b0])
  return broken && !sameGap(A, x.a1, y.a0, B, x.b1, y.b0)
}

/**
 * Whether candidate y, the next after x (a passage so far, its parts joined), is kept from joining
 * it across the words between them: when y is shorter than x and than those words in either text,
 * and a section's heading lies among them (paragraph-edge.ts headingBetween), unless they are the
 * same words in both (sameGap). Two manual pages' "-z undo_file" paragraphs went on through one
 * page's BUGS section and both AUTHOR sections to the one phrase they share there, "written by
 * Theodore Ts'o <tytso@mit.edu>" (a reviewer of e2fsprogs' pages): a short tail a heading and
 * more words away is another section's text, as a short head is (apartAcrossBreak).
 */
function tailAcrossHeading(A: AnalysedDocument, B: AnalysedDocument, x: Region, y: Region): boolean {
  const gapA = y.a0 - x.a1
  const gapB = y.b0 - x.b1
  const lengthX = Math.min(x.a1 - x.a0, x.b1 - x.b0) + 1
  const lengthY = Math.min(y.a1 - y.a0, y.b1 - y.b0) + 1
  if (lengthY >= lengthX || Math.max(gapA, gapB) - 1 <= lengthY) return false
  const headed = headingBetween(A, A.content[x.a1], A.content[y.a0]) || headingBetween(B, B.content[x.b1], B.content[y.b0])
  return headed && !sameGap(A, x.a1, y.a0, B, x.b1, y.b0)
}

/**
 * Whether two seeds in opposite orders in the two texts (content positions a0 < a1 of A, b0 < b1
 * of B, a0 with b1 and a1 with b0) have a paragraph break between them in either text: two items
 * of a list that two texts give in another order ("GIT_EDITOR=: git branch --edit-description
 * ..." and "The code to clean temporary object directories ..." in two releases' notes) are two
 * passages, not one whose clauses moved; chained, the pair's sides started and ended in the other
 * item.
 */
function reorderedAcrossBreak(A: AnalysedDocument, a0: number, a1: number, B: AnalysedDocument, b0: number, b1: number): boolean {
  return paragraphBetween(A, A.content[a0], A.content[a1]) || paragraphBetween(B, B.content[b0], B.content[b1])
}

/**
 * Makes the links `refused` (pairs of entries of seeds [start, end) of documents A and B, see
 * chainSeeds) where one of the two sets they would join is a whole list item in both texts (its
 * paragraph, from the first content word to the last) of fewer than `alone` content words: a
 * reordered item too short to be a passage of its own goes with its neighbour, as it did before
 * items were told apart (" * Fixed crash when saving spreadsheets." and " * Updated German
 * translation strings." in another order: each alone was too short, and lost). A short set that
 * is part of an item is a phrase the two items share by chance ("git branch --edit-description"
 * in two different items), and stays apart. `box`: each set's box, kept at its representative
 * (boxRun).
 */
function joinShortItems(
  n: number,
  alone: number,
  A: AnalysedDocument,
  B: AnalysedDocument,
  sets: UnionFind,
  refused: readonly number[],
  box: { lowA: Uint32Array; highA: Uint32Array; lowB: Uint32Array; highB: Uint32Array },
): void {
  const { lowA, highA, lowB, highB } = box
  /** Whether content words [c0, c1] of `doc` are a whole paragraph of it. */
  const paragraph = (doc: AnalysedDocument, c0: number, c1: number): boolean =>
    (c0 === 0 || paragraphBetween(doc, doc.content[c0 - 1], doc.content[c0])) &&
    (c1 >= doc.content.length - 1 || paragraphBetween(doc, doc.content[c1], doc.content[c1 + 1]))
  const shortItem = (r: number): boolean =>
    Math.min(highA[r] - lowA[r], highB[r] - lowB[r]) + n < alone &&
    paragraph(A, lowA[r], highA[r] + n - 1) &&
    paragraph(B, lowB[r], highB[r] + n - 1)
  for (let k = 0; k < refused.length; k += 2) {
    const x = sets.find(refused[k])
    const y = sets.find(refused[k + 1])
    if (x !== y && (shortItem(x) || shortItem(y))) sets.joinRoots(x, y)
  }
}

/**
 * Whether words between two candidates of a pair (content positions a1 < a0 of A, b1 < b0 of B)
 * are a candidate of the pair elsewhere (`found`): one of `link` content words or more (no chance
 * match) wholly inside the gap in A or in B. The words between are then text the other document
 * gives at another place, items or paragraphs in another order, not words one of them inserts (a
 * reviewer: change log items 0-5 given as 0, 5, 2, 4, 3, 1, joined into one). Read only where a
 * join goes past a chance match.
 */
function heldElsewhere(found: readonly Region[], a1: number, a0: number, b1: number, b0: number, link: number): boolean {
  for (const r of found) {
    if (Math.min(r.a1 - r.a0, r.b1 - r.b0) < link) continue
    if ((r.b0 > b1 && r.b1 < b0) || (r.a0 > a1 && r.a1 < a0)) return true
  }
  return false
}

/**
 * The two copies of a text one document of a pair holds twice, where the pair's seeds `members`
 * (indices into `seeds`, in order of their place in A) were chained into one set: their boxes
 * (first seeds' positions, each copy's seeds), or undefined when the set is one passage. A text
 * given twice in B against once in A is two runs of seeds on two diagonals (posB - posA) as far
 * apart as the text is long; chance matches of a phrase the text repeats ("(requires a graphical
 * session)" after each of git's diff tools) lie between them and chain the two runs into one
 * passage, the whole of B's two copies against A's one. Seeds are sorted by A, so the copies
 * were chained only when B holds the text twice, and which document came first decided (git's
 * configuration page lists the tools twice, git-diff's once). Each run is a copy when it holds
 * as many seeds as a link spans and the second holds half as many as the first, and they lie
 * further apart than two links and than half the shorter extent of the set (clauses in another
 * order lie a link or so apart). A copy holds the seeds within a link of its diagonal (words
 * inserted or left out shift it) but for those in the other copy's stretch of the document that
 * holds the two; the others are chance matches, left out.
 */
export function repeatedTwice(seeds: Seeds, members: readonly number[], link: number): Omit<Region, 'docA' | 'docB'>[] | undefined {
  const counts = new Map<number, number>()
  let lowA = Infinity
  let highA = -Infinity
  let lowB = Infinity
  let highB = -Infinity
  for (const i of members) {
    const d = seeds.posB[i] - seeds.posA[i]
    counts.set(d, (counts.get(d) ?? 0) + 1)
    lowA = Math.min(lowA, seeds.posA[i])
    highA = Math.max(highA, seeds.posA[i])
    lowB = Math.min(lowB, seeds.posB[i])
    highB = Math.max(highB, seeds.posB[i])
  }
  const apart = Math.max(2 * link, Math.min(highA - lowA, highB - lowB) / 2)
  let first = 0
  let most = 0
  for (const [d, c] of counts) if (c > most || (c === most && d < first)) [first, most] = [d, c]
  let second = 0
  let next = 0
  for (const [d, c] of counts) if (Math.abs(d - first) > apart && (c > next || (c === next && d < second))) [second, next] = [d, c]
  if (most < link || next < most / 2) return undefined
  const copies = [first, second].sort((x, y) => x - y)
  // Each copy's core: the places of the seeds on its diagonal. A seed that lies in the other
  // copy's core, in the document that holds the two apart, is of that copy (or a chance match).
  const cores = copies.map((diagonal) => {
    const core = { a0: Infinity, a1: -Infinity, b0: Infinity, b1: -Infinity }
    for (const i of members)
      if (seeds.posB[i] - seeds.posA[i] === diagonal) {
        core.a0 = Math.min(core.a0, seeds.posA[i])
        core.a1 = Math.max(core.a1, seeds.posA[i])
        core.b0 = Math.min(core.b0, seeds.posB[i])
        core.b1 = Math.max(core.b1, seeds.posB[i])
      }
    return core
  })
  const apartInA = cores[0].a1 < cores[1].a0 || cores[1].a1 < cores[0].a0
  const apartInB = cores[0].b1 < cores[1].b0 || cores[1].b1 < cores[0].b0
  const boxes = copies.map((diagonal, c) => {
    const other = cores[1 - c]
    const box = { a0: Infinity, a1: -Infinity, b0: Infinity, b1: -Infinity, seeds: 0 }
    for (const i of members) {
      const pa = seeds.posA[i]
      const pb = seeds.posB[i]
      const d = pb - pa
      if (Math.abs(d - diagonal) >= link || Math.abs(d - diagonal) > Math.abs(d - copies[1 - c])) continue
      if ((apartInA && pa >= other.a0 && pa <= other.a1) || (apartInB && pb >= other.b0 && pb <= other.b1)) continue
      box.a0 = Math.min(box.a0, pa)
      box.a1 = Math.max(box.a1, pa)
      box.b0 = Math.min(box.b0, pb)
      box.b1 = Math.max(box.b1, pb)
      box.seeds++
    }
    return box
  })
  // (Each holds its diagonal's own seeds, which lie in its core; read as one passage otherwise.)
  return boxes.every((box) => box.seeds > 0) ? boxes : undefined
}

/** How many earlier candidates of a pair a candidate may join across words both texts share. */
const MERGE_LOOKBACK = 64

/** How many earlier seeds each seed is compared with; bounds the cost on highly repetitive pairs. */
const MAX_LOOKBACK = 64

/** A candidate passage pair: content-word positions [a0, a1] in docA and [b0, b1] in docB. */
export interface Region {
  docA: number
  docB: number
  a0: number
  a1: number
  b0: number
  b1: number
  seeds: number
  /** When this region joins several across gaps (MERGE_GAP_WORDS): the regions it joins. */
  parts?: Region[]
}

/**
 * Groups the seeds of each document pair into candidate passages (see above). `alone`: the content
 * words a list item needs to be a passage of its own when two texts give it in another order
 * (the least words of an overlap); a shorter item stays joined to its neighbour.
 */
export function chainSeeds(seeds: Seeds, n: number, run: Run, docs?: readonly AnalysedDocument[], alone = 0): RegionList {
  const link = n + MAX_GAP_WORDS
  const regions = new RegionList()
  // Seeds are linked only within the run of one pair of documents: a union-find per run, and
  // anchor flags and boxes as long as the longest run, reused from run to run (indices from the
  // run's start), not an entry per seed of the corpus held through the stage (tens of millions).
  let longest = 0
  for (let start = 0, end = 1; start < seeds.count; start = end++) {
    while (end < seeds.count && seeds.docA[end] === seeds.docA[start] && seeds.docB[end] === seeds.docB[start]) end++
    longest = Math.max(longest, end - start)
  }
  const anchoredRun = new Uint8Array(longest)
  const rootList = new Uint32Array(longest)
  const lowA = new Uint32Array(longest)
  const highA = new Uint32Array(longest)
  const lowB = new Uint32Array(longest)
  const highB = new Uint32Array(longest)
  const seedCount = new Uint32Array(longest)
  run.phase('chain', seeds.count)
  let start = 0
  while (start < seeds.count) {
    const da = seeds.docA[start]
    const db = seeds.docB[start]
    let end = start + 1
    while (end < seeds.count && seeds.docA[end] === da && seeds.docB[end] === db) end++
    const start0 = regions.length
    // Seed i of the run is entry i - start of both.
    const sets = new UnionFind(end - start)
    /** Links not made, as list items reordered (reorderedAcrossBreak): pairs of entries. */
    const refused: number[] = []
    const anchored = anchoredRun.subarray(0, end - start)
    anchored.fill(0)
    linkRun(seeds, start, end, link, sets, anchored, refused, docs?.[da], docs?.[db], run)
    // The lookback sees at most MAX_LOOKBACK seeds; a pair with more seeds at the same places of
    // one document (a line one text repeats hundreds of times against a few copies in the other)
    // has the next seed of a run further back. Seeds on one diagonal (posB - posA) are one run of
    // shared words: read in diagonal order, consecutive ones are linked as the lookback would.
    if (end - start > MAX_LOOKBACK) linkDiagonals(seeds, start, end, link, sets, anchored)
    const boxes = { lowA, highA, lowB, highB, seedCount }
    if (refused.length > 0 && docs) {
      // The sets' boxes as linked, which the items are read by; made again once they are joined.
      boxRun(seeds, start, end, sets, anchored, rootList, boxes)
      joinShortItems(n, alone, docs[da], docs[db], sets, refused, boxes)
    }
    // Each set's box and seed count, kept at its representative (boxRun).
    const roots = boxRun(seeds, start, end, sets, anchored, rootList, boxes)
    const found: Region[] = []
    // A set far longer in one text than in the other may hold one text's passage twice in the
    // other (repeatedTwice); its seeds are read again for the two copies.
    let lopsided: Map<number, number[]> | undefined
    for (let r = 0; r < roots; r++) {
      const k = rootList[r]
      if (seedCount[k] < MIN_REGION_SEEDS || !anchored[k]) continue
      if (Math.abs(highA[k] - lowA[k] - (highB[k] - lowB[k])) > 2 * link) (lopsided ??= new Map()).set(k, [])
    }
    if (lopsided)
      for (let i = start; i < end; i++) {
        const members = lopsided.get(sets.find(i - start))
        if (members) members.push(i)
      }
    for (let r = 0; r < roots; r++) {
      const k = rootList[r]
      if (seedCount[k] < MIN_REGION_SEEDS || !anchored[k]) continue
      const copies = lopsided?.has(k) ? repeatedTwice(seeds, lopsided.get(k)!, link) : undefined
      if (copies) {
        for (const copy of copies) found.push({ docA: da, docB: db, ...copy, a1: copy.a1 + n - 1, b1: copy.b1 + n - 1 })
        continue
      }
      found.push({ docA: da, docB: db, a0: lowA[k], a1: highA[k] + n - 1, b0: lowB[k], b1: highB[k] + n - 1, seeds: seedCount[k] })
    }
    found.sort((x, y) => x.a0 - y.a0 || x.b0 - y.b0)
    joinNearby(regions, found, start0, n, link, docs?.[da], docs?.[db])
    // Long candidates joined across alike words (joinAlikeGaps), read as objects: the others,
    // most of a pair's where it has thousands, are passed over as they are.
    const longs: number[] = []
    for (let k = start0; k < regions.length; k++)
      if (Math.min(regions.a1(k) - regions.a0(k), regions.b1(k) - regions.b0(k)) >= link) longs.push(k)
    const joined =
      docs && longs.length >= 2
        ? joinAlikeGaps(
            longs.map((k) => regions.at(k)),
            docs[da],
            docs[db],
            found,
            link,
          )
        : undefined
    if (joined) {
      const pair = Array.from({ length: regions.length - start0 }, (_, i) => start0 + i)
      const long = new Map(longs.map((k, i) => [k, i]))
      const rest = pair.map((k) => (long.has(k) ? joined[long.get(k)!] : regions.at(k)))
      regions.truncate(start0)
      for (const region of rest) if (region) regions.push(region)
    }
    start = end
  }
  run.end()
  return regions
}

/**
 * Each set of seeds [start, end) of one pair's box and seed count (see chainSeeds), kept at its
 * representative (its smallest member, so met first), in `box`'s typed arrays reused from run to
 * run (a Region made only for a set that is kept), `anchored` carried to it too; the
 * representatives listed in `rootList`. Returns how many. A function of its own, as linkRun is.
 */
function boxRun(
  seeds: Seeds,
  start: number,
  end: number,
  sets: UnionFind,
  anchored: Uint8Array,
  rootList: Uint32Array,
  box: { lowA: Uint32Array; highA: Uint32Array; lowB: Uint32Array; highB: Uint32Array; seedCount: Uint32Array },
): number {
  const { lowA, highA, lowB, highB, seedCount } = box
  let roots = 0
  for (let i = start; i < end; i++) {
    const k = i - start
    const root = sets.find(k)
    const pa = seeds.posA[i]
    const pb = seeds.posB[i]
    if (root === k) {
      rootList[roots++] = k
      lowA[k] = pa
      highA[k] = pa
      lowB[k] = pb
      highB[k] = pb
      seedCount[k] = 1
    } else {
      if (anchored[k]) anchored[root] = 1
      if (pa < lowA[root]) lowA[root] = pa
      if (pa > highA[root]) highA[root] = pa
      if (pb < lowB[root]) lowB[root] = pb
      if (pb > highB[root]) highB[root] = pb
      seedCount[root]++
    }
  }
  return roots
}

/**
 * Adds a pair's candidates `found` (sorted by start in A) to `regions`, each joined to the last
 * near it there, if any (see chainSeeds; `start0`: the pair's first entry in `regions`). A
 * function of its own, as linkRun is.
 */
function joinNearby(
  regions: RegionList,
  found: readonly Region[],
  start0: number,
  n: number,
  link: number,
  A: AnalysedDocument | undefined,
  B: AnalysedDocument | undefined,
): void {
  for (const region of found) {
    // The candidate this one joins (an index into regions), or -1: the last before it near it
    // in both texts. Chance matches of a phrase one text repeats, matched at its other place,
    // sort between two parts of one passage; stopped at one, a sentence one text inserts split
    // the passage in two (three versions of 100 k words: 28 overlaps). So the search goes past
    // candidates shorter than a link and those inside the one joined in A, and past them a
    // long candidate only joins a long one, or one the other text has at once after it (an
    // insertion or deletion, not other words in both): a short line further on, a name in a
    // sign-off, an item given in another order is no part of the passage (a reviewer: man-db's
    // and xdg-utils' change logs), and a chance match near it is no partner.
    const long = Math.min(region.a1 - region.a0, region.b1 - region.b0) >= link
    let last = -1
    let laterEnd = -1
    // A short candidate just before a long one is joined only when no long candidate further
    // back is (shortBefore): a chance match of a phrase the first text repeats, which an
    // insertion in that text sorts between the parts of its passage, joined the part after the
    // insertion and parted it from the part before (three editions of an article, the one with
    // two sentences inserted read first: three overlaps for one).
    let shortBefore = -1
    // A passage does not start with a short candidate a paragraph and more words away from the
    // next: a stock line before stanzas of other words ("License: GPL-2+", then each file's
    // names and copyright holders, then the licence) is not the start of the licence text that
    // follows it in both. Within a paragraph, a short clause before an inserted one is the
    // passage's start ("If a member brings a grain claim (excluding small debts, ...)
    // alleging"), and a short stretch inside a passage stays in it, however edited around.
    // Nor does it end with a short one a section's heading and more words away
    // (tailAcrossHeading). Such a candidate is passed over, and the search goes on: a chance
    // match near the end of a long passage (an example's "following properties:" beside
    // another's, in Node.js's path.md and the text of its HTML page) kept the passage's next
    // part from it, and that part joined a repeated example far back (joinAlikeGaps), a
    // thousand words of a pair whose start lay four hundred words off.
    const apart = (k: number): boolean =>
      !!A &&
      !!B &&
      ((!regions.hasParts(k) && apartAcrossBreak(A, B, regions.at(k), region)) || tailAcrossHeading(A, B, regions.at(k), region))
    for (let k = regions.length - 1; k >= start0 && k >= regions.length - MERGE_LOOKBACK; k--) {
      const gapA = region.a0 - regions.a1(k)
      const gapB = region.b0 - regions.b1(k)
      const near = gapA >= -n && gapA <= MERGE_GAP_WORDS && gapB >= -n && gapB <= MERGE_GAP_WORDS
      const past = k < regions.length - 1
      const kLong = Math.min(regions.a1(k) - regions.a0(k), regions.b1(k) - regions.b0(k)) >= link
      if (
        near &&
        laterEnd <= regions.a1(k) &&
        (!past ||
          (kLong && (long || Math.min(gapA, gapB) <= n) && !heldElsewhere(found, regions.a1(k), region.a0, regions.b1(k), region.b0, link)))
      ) {
        if (past || kLong || !long) {
          if (!apart(k)) {
            last = k
            break
          }
        } else shortBefore = k
      }
      if (regions.a1(k) - regions.a0(k) >= link) laterEnd = Math.max(laterEnd, regions.a1(k))
    }
    if (last < 0 && shortBefore >= 0 && !apart(shortBefore)) last = shortBefore
    if (last < 0) {
      // Near none: a candidate the same words in both texts lead to, among the last few (chance
      // matches of a few words may lie between two parts of one passage).
      for (let k = regions.length - 1; A && B && k >= start0 && k >= regions.length - MERGE_LOOKBACK; k--) {
        if (sameGap(A, regions.a1(k), region.a0, B, regions.b1(k), region.b0)) {
          last = k
          break
        }
      }
    }
    // (Words the same in both texts lead from that candidate: neither apartAcrossBreak nor
    // tailAcrossHeading keeps them apart.)
    if (last >= 0) {
      if (!regions.hasParts(last)) {
        // The candidate as it was, taken before its list of parts exists (it would be its own part).
        const first = regions.at(last)
        regions.parts(last).push(first)
      }
      regions.parts(last).push(region)
      regions.setBounds(
        last,
        Math.min(regions.a0(last), region.a0),
        Math.max(regions.a1(last), region.a1),
        Math.min(regions.b0(last), region.b0),
        Math.max(regions.b1(last), region.b1),
      )
      regions.setSeeds(last, regions.seeds(last) + region.seeds)
    } else regions.push(region)
  }
}

/**
 * Links each seed of seeds [start, end) of one pair of documents (A and B, where given) with the
 * earlier ones near it in both texts (see chainSeeds): `sets`, `anchored` and `refused` are the
 * run's (seed i at i - start). A function of its own, apart from the rest of chainSeeds (as are
 * boxRun and joinNearby): this loop is the stage's work (17 M steps on the copyright files), and
 * inside chainSeeds, with everything around it, V8 optimised it six times over as the rarer paths
 * met new cases, 1.8 s of its compiler's time, the loop run unoptimised meanwhile. Apart, the
 * small functions are optimised at once: the stage, run once in a process as the CLI runs it,
 * took 1.6 s instead of 0.7 (medians of five, alternating).
 */
function linkRun(
  seeds: Seeds,
  start: number,
  end: number,
  link: number,
  sets: UnionFind,
  anchored: Uint8Array,
  refused: number[],
  A: AnalysedDocument | undefined,
  B: AnalysedDocument | undefined,
  run: Run,
): void {
  for (let i = start; i < end; i++) {
    const pa = seeds.posA[i]
    const pb = seeds.posB[i]
    // i's set found once: in a long shared stretch each seed joins a dozen earlier ones.
    let root = sets.find(i - start)
    for (let j = i - 1, steps = 0; j >= start && steps < MAX_LOOKBACK; j--, steps++) {
      const stepA = pa - seeds.posA[j]
      if (stepA > link) break
      const stepB = pb - seeds.posB[j]
      if (stepB <= link && stepB >= -link) {
        if (stepB < 0 && stepA > 0 && A && B && reorderedAcrossBreak(A, seeds.posA[j], pa, B, pb, seeds.posB[j])) {
          refused.push(i - start, j - start)
          continue
        }
        if (stepA === 1 && stepB === 1) anchored[i - start] = anchored[j - start] = 1
        root = sets.joinRoots(root, sets.find(j - start))
        // A copy of seed i (the same two positions; a context link's anchor often repeats the
        // next n-gram's own seed): every seed further back that i would join, the copy has
        // joined (its lookback reached at least as far, with the same positions), and any
        // anchor among them is already in the set. The copies are a third of the copyright
        // files' seeds (an n-gram seeds a pair once: ngrams.ts pushOnce).
        if (stepA === 0 && stepB === 0) break
      }
    }
    run.tick(i)
  }
}

/**
 * Links seeds [start, end) of one pair that follow each other on a diagonal (see chainSeeds);
 * `sets` and `anchored` are the run's (seed i at i - start). The seeds come in order of their
 * position in A, so a seed's predecessor on its diagonal is the last one seen there: one pass
 * with the last seed of each diagonal, no sort.
 */
function linkDiagonals(seeds: Seeds, start: number, end: number, link: number, sets: UnionFind, anchored: Uint8Array): void {
  const last = new Map<number, number>()
  for (let i = start; i < end; i++) {
    const diagonal = seeds.posB[i] - seeds.posA[i]
    const j = last.get(diagonal)
    last.set(diagonal, i)
    if (j === undefined) continue
    const step = seeds.posA[i] - seeds.posA[j]
    if (step > link) continue
    if (step === 1) anchored[i - start] = anchored[j - start] = 1
    sets.union(i - start, j - start)
  }
}
