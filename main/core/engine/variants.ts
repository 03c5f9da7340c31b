import { diffArrays } from 'diff'
import { type AnalysedDocument, foreignAt } from './analyse.js'
import { everyToken, uniqueAnchors } from './anchors.js'
import { fmix32, mix32 } from './hash.js'
import { continuesNumber, isNumber } from './nonwords.js'
import type { OffsetMap } from '../text/offsets.js'
import { sameSpelling, spellingDifferences } from './respelled.js'
import { otherCode, sameCode } from './same-stretch.js'
import { sameSurface } from './similarity.js'
import { slidChanges } from './slid-changes.js'
import { STOPWORDS } from './stopwords.js'
import { surfaceForm } from './normalise.js'
import { MAX_DIFF_WORDS } from './variant-pairs.js'
import { continuesWord, withBrackets, withOptionHyphens } from './word-edges.js'

// How two passages of an overlap differ, word by word: jsdiff's diffArrays over the passages'
// tokens, between the anchors both share (anchors.ts), two tokens being equal when their surface
// forms are (normalise.ts: case, quotes and hyphenation do not count as changes, though the texts
// shown for an "equal" run may differ in them); a word spelled otherwise ("labour" for "labor",
// respelled.ts) is then a change of its own, a replace of that word. Only passages are diffed,
// never whole documents, and each diff is bounded twice: by edit length (each stretch between the
// passages' anchors needing more edits than that shares too little in order to show word by word)
// and by the passages' length, never by a clock, so the result is the same on any machine. Passages with the same words are not diffed at all: one "equal" step
// (and an overlap lists no variant for them: sameWords, variant-pairs.ts).

/**
 * One step from passage a to passage b. Offsets are code points into each document's text; an
 * empty side (an insert's a, a delete's b) has start = end at the point where the other side's
 * words go.
 *   equal    the same words (surface forms), spelled alike, in both; `a` and `b` show each
 *            text's own wording (case, quotes)
 *   delete   words only in a (with the brackets that belong to them: "(C) 2005", "(1)")
 *   insert   words only in b (likewise)
 *   replace  words of a replaced by words of b, or by a sign read as them ("(C)" / "©": SIGNS)
 * A removal and an addition that hold the same words at different places are moved words
 * (movedWords): each is a delete or insert of its own, marked `moved`, never half of a replace.
 */
export interface Change {
  op: 'equal' | 'insert' | 'delete' | 'replace'
  a: string
  b: string
  aStart: number
  aEnd: number
  bStart: number
  bEnd: number
  /**
   * On a delete or an insert: its words are not gone but moved, added (deleted) at another place
   * of the pair, word for word (MIN_MOVED_WORDS or more): a sentence or clause put elsewhere.
   */
  moved?: true
  /**
   * On a delete or an insert at the start or end of a pair (or the marks beside such words): the
   * other passage stops short of these words, and its document has the same words (as the diff
   * compares them: case and quotes aside) just outside it, not as part of a longer written word.
   * The passages' extents differ, not their texts: an overlap's passages reach as far as each
   * document's matches with the others do, and one may end "the Licensor and" where another ends
   * "the Licensor and You", its own text going on "You." (a reviewer: 695 of 1748 overlaps of
   * Debian's copyright files with variants had such a change, said to be "only in" one text).
   * Where only some of those words are there, they are a change of their own and the rest
   * another, not beyond (beyondPart); words the other document has a few words of its own further
   * on (a heading one edition adds, MAX_BEYOND_GAP) are beyond it too. Passages diffed alone (an
   * imported overlap's, reuse/variants.ts) have nothing outside them and never have it.
   */
  beyond?: true
}

/**
 * The differences between passages `a` and `b` (indices into the overlap's passages). `changes`
 * is null when the diff gave up: the passages share words but not in an order a word diff can
 * show (a stretch between their anchors over MAX_EDIT_LENGTH edits), or, with `tooLong`, they differ over more than MAX_DIFF_WORDS
 * words of one of them (their shared beginning and end aside) and were not diffed at all (two
 * versions of a long history, a whole document each, edited throughout), or,
 * with `apart`, the two passages are different parts of the overlap's text, one document holding
 * it in pieces or twice, and were not compared (overlaps.ts closestPart).
 */
export interface Variant {
  a: number
  b: number
  changes: Change[] | null
  tooLong?: true
  apart?: true
}

/** The variant of passages `a` and `b`, numbered i and j in their overlap (diffPassages, memo). */
export function variantOf(i: number, j: number, a: DiffSide, b: DiffSide, memo?: DiffMemo): Variant {
  const changes = diffPassages(a, b, memo)
  return changes === null && tooLong(a, b) ? { a: i, b: j, changes, tooLong: true } : { a: i, b: j, changes }
}

/**
 * Whether the passages differ over more words than the diff reads (MAX_DIFF_WORDS): the words
 * they begin and end with alike aside (sharedEnds), on either side.
 */
function tooLong(a: DiffSide, b: DiffSide): boolean {
  const ends = longEnds(a, b)
  return ends !== undefined && overLimit(a, b, ends)
}

/** sharedEnds of passages either of which is longer than MAX_DIFF_WORDS; undefined for shorter ones. */
function longEnds(a: DiffSide, b: DiffSide): [number, number] | undefined {
  return a.end - a.start + 1 > MAX_DIFF_WORDS || b.end - b.start + 1 > MAX_DIFF_WORDS ? sharedEnds(a, b) : undefined
}

/** Whether what lies between the passages' shared ends (`head`, `tail`) is over MAX_DIFF_WORDS on either side. */
function overLimit(a: DiffSide, b: DiffSide, [head, tail]: [number, number]): boolean {
  return a.end - a.start + 1 - head - tail > MAX_DIFF_WORDS || b.end - b.start + 1 - head - tail > MAX_DIFF_WORDS
}

/**
 * How many tokens passages `a` and `b` begin with alike, and then how many of the rest they end
 * with alike (surface ids): equal steps of any shortest diff. Two copies of a long history that
 * differ in a line (a package's name in its last line) differ over that line only.
 */
function sharedEnds(a: DiffSide, b: DiffSide): [number, number] {
  const sa = a.doc.surface
  const sb = b.doc.surface
  const most = Math.min(a.end - a.start, b.end - b.start) + 1
  let head = 0
  while (head < most && sa[a.start + head] === sb[b.start + head]) head++
  let tail = 0
  while (tail < most - head && sa[a.end - tail] === sb[b.end - tail]) tail++
  return [head, tail]
}

export { MAX_DIFF_WORDS }

/**
 * Most inserted plus deleted words a diff may need beyond those that one passage adds (wordDiff),
 * the whole's or each stretch's between anchors (anchoredDiff): a stretch needing over 400 more
 * shares little in order, and Myers' algorithm costs grow with the square of the edits.
 */
export const MAX_EDIT_LENGTH = 400

/**
 * Most words one side of a stretch between anchors may add to a run of Myers' algorithm (words
 * added where the other side has none cost nothing): the run costs about the square of its edits,
 * and 1,000 words added to 1,500 with MAX_EDIT_LENGTH more edits took a third of a second here.
 */
export const MAX_ADDED_WORDS = 1000

/** A passage to diff: tokens [start, end] (inclusive) of a document and its offset map. */
export interface DiffSide {
  doc: AnalysedDocument
  start: number
  end: number
  map: OffsetMap
}

type Part = { added: boolean; removed: boolean; count: number }

/**
 * Diffs made so far, by the words diffed: an overlap found in several copies of one text (a
 * licence shipped with many packages) has the same pair of passages again and again, and the
 * diff of a pair depends on nothing but their surface ids. A pair is looked up by a hash of both
 * passages' ids and their lengths, and found when the ids are the same (compared, so a collision
 * of hashes costs a comparison, never a wrong diff): the copies of a text in two documents that
 * differ elsewhere are one pair too, not only identical texts, which share their arrays
 * (analyse.ts). On the copyright files a fifth of the pairs diffed repeat one diffed before in
 * other documents. One memo per engine run; it holds the diffs' steps, not their texts.
 */
export class DiffMemo {
  private readonly entries = new Map<string, MemoEntry[]>()
  private count = 0

  /** Pairs of passages diffed. */
  get size(): number {
    return this.count
  }

  /** The diff steps of a and b, computed once. */
  partsOf(a: DiffSide, b: DiffSide, compute: () => readonly Part[] | null): readonly Part[] | null {
    const key = `${hashRun(a.doc.surface, a.start, a.end)}:${a.end - a.start}:${hashRun(b.doc.surface, b.start, b.end)}:${b.end - b.start}`
    const list = this.entries.get(key)
    if (list) for (const e of list) if (sameRun(e.a, a) && sameRun(e.b, b)) return e.parts
    const parts = compute()
    const entry: MemoEntry = { a: { ids: a.doc.surface, start: a.start }, b: { ids: b.doc.surface, start: b.start }, parts }
    if (list) list.push(entry)
    else this.entries.set(key, [entry])
    this.count++
    return parts
  }
}

/** A pair diffed: where each side's ids start (their lengths are in the memo's key), and the steps. */
interface MemoEntry {
  a: { ids: Uint32Array; start: number }
  b: { ids: Uint32Array; start: number }
  parts: readonly Part[] | null
}

/** A hash of ids[start..end]. */
function hashRun(ids: Uint32Array, start: number, end: number): number {
  return fmix32(mixRun(ids, start, end))
}

/**
 * ids[start..end] mixed into one running hash (hashRun, before its finaliser). The loop is a
 * function of its own, with no call after it: V8 compiled it inside hashRun while running the
 * first long passage, before the finaliser's call had ever been made, and each later long passage
 * entered that compiled loop and fell out of it at the call (501 times on the copyright files).
 */
function mixRun(ids: Uint32Array, start: number, end: number): number {
  let h = end - start
  for (let t = start; t <= end; t++) h = mix32(h, ids[t])
  return h
}

/** Whether side's ids are those of a memo entry's side of the same length. */
function sameRun(run: { ids: Uint32Array; start: number }, side: DiffSide): boolean {
  const ids = side.doc.surface
  if (run.ids === ids && run.start === side.start) return true
  for (let k = 0; k <= side.end - side.start; k++) if (run.ids[run.start + k] !== ids[side.start + k]) return false
  return true
}

/**
 * Whether passages `a` and `b` have the same words, spelled alike (surface forms and respelled.ts,
 * so case, quotes and hyphenation aside), and on lines of code the same signs between them
 * (same-stretch.ts sameCode): their diff would be one "equal" step, which says nothing the
 * passages' texts do not, so an overlap lists no variant for them (variant-pairs.ts). One pass
 * over the two id runs, no diff; the same token range of one surface array (identical texts share
 * it) at once.
 */
export function sameWords(a: Pick<DiffSide, 'doc' | 'start' | 'end'>, b: Pick<DiffSide, 'doc' | 'start' | 'end'>): boolean {
  if (a.doc.surface === b.doc.surface && a.start === b.start && a.end === b.end) return true
  return (
    sameSurface(a.doc, a.start, a.end, b.doc, b.start, b.end) &&
    sameSpelling(a.doc, a.start, b.doc, b.start, a.end - a.start + 1) &&
    sameCode(a.doc, a.start, a.end, b.doc, b.start - a.start)
  )
}

/**
 * Word-level changes from passage `a` to passage `b`, or null when the diff gave up. With a memo,
 * a pair of passages diffed before (the same words, see DiffMemo) is not diffed again.
 */
export function diffPassages(a: DiffSide, b: DiffSide, memo?: DiffMemo): Change[] | null {
  const na = a.end - a.start + 1
  if (sameWords(a, b)) return changesOf(a, b, [{ added: false, removed: false, count: na }])
  const ends = longEnds(a, b)
  if (ends && overLimit(a, b, ends)) return null
  // The same surface forms spelled otherwise: one equal step, cut at the respelled words.
  if (sameSurface(a.doc, a.start, a.end, b.doc, b.start, b.end)) return changesOf(a, b, [{ added: false, removed: false, count: na }])
  const diff = (): readonly Part[] | null => (ends ? middleDiff(a, b, ends) : wordDiff(a, b))
  const parts = memo ? memo.partsOf(a, b, diff) : diff()
  return parts ? changesOf(a, b, parts) : null
}

/**
 * wordDiff's steps of passages longer than MAX_DIFF_WORDS (not tooLong) between the tokens they
 * begin and end with alike (`head`, `tail`: sharedEnds): those are equal steps, read once, not
 * again in search of anchors.
 */
function middleDiff(a: DiffSide, b: DiffSide, [head, tail]: [number, number]): readonly Part[] | null {
  const middle = wordDiff(
    { ...a, start: a.start + head, end: a.end - tail },
    { ...b, start: b.start + head, end: b.end - tail },
    head + tail,
  )
  if (!middle) return null
  const parts: Part[] = []
  if (head) append(parts, { added: false, removed: false, count: head })
  for (const part of middle) append(parts, part)
  if (tail) append(parts, { added: false, removed: false, count: tail })
  return parts
}

/**
 * jsdiff's steps from a's words to b's, or null past MAX_EDIT_LENGTH. The passages are cut at
 * their anchors (anchors.ts: words once in each, in the same order), and each stretch between
 * anchors at its own anchors in turn, as patience diff does; what is left is diffed by jsdiff
 * within MAX_EDIT_LENGTH, the words a stretch's longer side adds not counted. An edited licence
 * with 150 edits costs the sum of its stretches' squared edits, not 150 squared, and two versions
 * of a release history, thousands of words of new entries among shared ones, are diffed whole.
 * Steps with fewer equal words than half the shorter passage share too little in order (anchors
 * found in a text and its reverse). If the anchored diff needs more than MAX_EDIT_LENGTH edits in
 * all, the whole is diffed within that bound; where that gives up too, the anchored diff is shown,
 * each of its stretches within the bound: two editions of a book, thousands of words edited in
 * hundreds of places, are diffed word by word as two versions of a licence are (the King James
 * Version of Mark against the World English Bible's, 4,000 words changed in 15,000, were "too
 * different in order" with the bound taken over the whole). `alike`: equal words around the
 * passages, which they are the middle of (middleDiff), counted with theirs and in their lengths.
 */
function wordDiff(a: DiffSide, b: DiffSide, alike = 0): readonly Part[] | null {
  const sa = a.doc.surface
  const sb = b.doc.surface
  // Each word of one passage without a partner in the other (as a multiset) is one insertion or
  // deletion in any diff: a lower bound on the edits, counted once for the pair.
  let unpaired: number | undefined
  const unpairedOnce = (): number => (unpaired ??= unpairedWords(sa, a.start, a.end, sb, b.start, b.end))
  // Equal steps with fewer words than half the shorter passage share too little in order (see
  // above). Any diff's equal words are at most half the words the multisets pair, so where those
  // are too few no anchored diff is sought: it would read every stretch for nothing (passages long
  // enough to need MAX_EDIT_LENGTH edits only).
  const least = Math.min(a.end - a.start, b.end - b.start) + alike + 1
  const enough = (equal: number): boolean => 2 * equal >= least
  const words = a.end - a.start + b.end - b.start + 2
  const hopeless = words > MAX_EDIT_LENGTH && !enough(alike + (words - unpairedOnce()) / 2)
  const cut = { atAnchors: false }
  // (A diff that needs more than MAX_EDIT_LENGTH edits in all is the last resort: `beyond`.)
  let beyond: Part[] | undefined
  let anchored = hopeless ? null : anchoredSteps(sa, a, sb, b, everyToken, cut)
  if (anchored && anchored.used > MAX_EDIT_LENGTH) [beyond, anchored] = [anchored.parts, null]
  // Cut at anchors (anchoredDiff), a word once in each stretch may line up what does not belong
  // together: the passages diffed again without anchors, shown where that is clearly shorter
  // (UNANCHORED_SHARE). Sought only where anchors cut the diff and the words one passage has and
  // the other lacks leave room for it: sought for every diff with edits, the changelogs'
  // variants took 2 s longer, of 5.
  const wholeLimit = anchored ? Math.floor(UNANCHORED_SHARE * anchored.edits) : 0
  if (wholeLimit > 0 && cut.atAnchors && unpairedOnce() <= wholeLimit) {
    const whole = anchoredSteps(sa, a, sb, b, noToken)
    if (whole && whole.used <= MAX_EDIT_LENGTH && whole.edits <= wholeLimit) anchored = whole
  }
  if (anchored && enough(equalIn(anchored.parts, alike))) return anchored.parts
  // Myers' algorithm gives up only after trying every edit length up to the limit, the slowest
  // case; a pair that surely needs more edits is known at once.
  const whole = unpairedOnce() > MAX_EDIT_LENGTH ? null : stretchDiff(sa, a.start, a.end, sb, b.start, b.end, MAX_EDIT_LENGTH)
  return whole ?? (beyond && enough(equalIn(beyond, alike)) ? beyond : null)
}

/** The words of the equal steps of `parts`, and `alike` more. */
function equalIn(parts: readonly Part[], alike: number): number {
  let equal = alike
  for (const part of parts) if (!part.added && !part.removed) equal += part.count
  return equal
}

/**
 * anchoredDiff's steps from side a's words to b's, their insertions plus deletions (`edits`), and
 * of those the ones beyond the words each stretch's longer side adds (`used`); null where a
 * stretch between anchors needs more than MAX_EDIT_LENGTH of those. `cut.atAnchors` is set where
 * anchors cut the passages (else the diff is the whole's, without anchors).
 */
function anchoredSteps(
  sa: Uint32Array,
  a: DiffSide,
  sb: Uint32Array,
  b: DiffSide,
  anchorable: (t: number) => boolean,
  cut?: { atAnchors: boolean },
): { parts: Part[]; edits: number; used: number } | null {
  const parts: Part[] = []
  const used = anchoredDiff(sa, a.start, a.end, sb, b.start, b.end, parts, anchorable, cut)
  if (used === null) return null
  let edits = 0
  for (const part of parts) if (part.added || part.removed) edits += part.count
  return { parts, edits, used }
}

/**
 * Share of an anchored diff's edits at most that the diff of the same passages without anchors
 * must take to be shown instead (wordDiff): clearly fewer, not a tie broken otherwise. A BSD
 * licence's "... derived from this software without specific prior written permission. THIS
 * SOFTWARE IS PROVIDED ..." against another's "... distribution. THIS SOFTWARE IS PROVIDED ...",
 * diffed without anchors, lined the first "this software" up with the second and showed the
 * disclaimer's opening deleted, for a few edits fewer (a reviewer). pg_dump's page against
 * pg_dumpall's, lined up on "For" and "for" once in each: 65 edits, 49 without anchors. Two of
 * CMake's property pages, "the ``MACHO_COMPATIBILITY_VERSION`` property corresponds to the
 * *compatibility version* and :prop_tgt:`MACHO_CURRENT_VERSION` corresponds to ..." and "the
 * :prop_tgt:`SOVERSION` property corresponds to the *compatibility version* and ``VERSION``
 * corresponds to ...", lined up on "prop_tgt", had the clause both say deleted and inserted again:
 * 21 edits, 12 without anchors (a reviewer). (A second recheck, the whole diffed again where its
 * diff would take three quarters of the anchored one's edits, took none of 168 diffs on two
 * fixtures, a reviewer found: the diff without anchors is a shortest diff too, sought first.)
 */
export const UNANCHORED_SHARE = 0.9

/** No token anchors a diff: the diff of a stretch whole (anchoredDiff). */
const noToken = (): boolean => false

/**
 * Stretches of fewer words than this (both sides together) are diffed without looking for
 * anchors: finding them costs about as much as Myers' algorithm on a few dozen words.
 */
const MIN_ANCHORED_WORDS = 32

/**
 * Appends to `parts` the steps from a[a0..a1] to b[b0..b1], cut at their anchors; returns the
 * insertions plus deletions used beyond the words each stretch's longer side adds, or null where a
 * stretch needs more than MAX_EDIT_LENGTH such edits, or adds more than MAX_ADDED_WORDS (parts then
 * incomplete). Anchors are the
 * tokens `anchorable` (of a's). wordDiff tries every word, and where that diff was cut at
 * anchors, none too (the stretch whole), shown where clearly shorter (UNANCHORED_SHARE): a word
 * once in each stretch can line up what does not belong together, and what lies between is then
 * deleted and inserted again. pg_dump's page, "... call pg_restore.\n\n --no-tablespaces Do not
 * output commands to select tablespaces", and pg_dumpall's, "--no-tablespaces Do not output
 * commands to create tablespaces nor select tablespaces for objects", were lined up on the "For"
 * of pg_dump's "For the archive formats" and the "for" of "for objects": the option's name and
 * its description were a change of the deleted sentences (65 edits, 49 without anchors; a
 * tester). Content words alone make worse anchors: so anchored instead, 19 of the 23 diffs of
 * Debian's copyright files that changed had more words changed.
 */
function anchoredDiff(
  a: Uint32Array,
  a0: number,
  a1: number,
  b: Uint32Array,
  b0: number,
  b1: number,
  parts: Part[],
  anchorable: (t: number) => boolean,
  cut?: { atAnchors: boolean },
): number | null {
  const anchors = a1 - a0 + b1 - b0 + 2 < MIN_ANCHORED_WORDS ? [] : uniqueAnchors(a, a0, a1, b, b0, b1, anchorable)
  if (cut && anchors.length > 0) cut.atAnchors = true
  if (anchors.length === 0) {
    // The words both begin and end with are equal steps of any shortest diff: what one side adds
    // after the last shared entry is then often all that is left.
    let head = 0
    while (a0 + head <= a1 && b0 + head <= b1 && a[a0 + head] === b[b0 + head]) head++
    let tail = 0
    while (a1 - tail >= a0 + head && b1 - tail >= b0 + head && a[a1 - tail] === b[b1 - tail]) tail++
    if (head) append(parts, { added: false, removed: false, count: head })
    // Of the edits, those the difference in length needs anyway are not counted: words one side
    // adds (the entries a release's notes add among the last release's) cost no part of the limit.
    const m0 = a0 + head
    const m1 = a1 - tail
    const n0 = b0 + head
    const n1 = b1 - tail
    const added = Math.abs(m1 - m0 - (n1 - n0))
    if (m1 >= m0 && n1 >= n0 && added > MAX_ADDED_WORDS) return null
    const stretch = stretchDiff(a, m0, m1, b, n0, n1, added + MAX_EDIT_LENGTH)
    if (!stretch) return null
    let used = -added
    for (const part of stretch) {
      if (part.added || part.removed) used += part.count
      append(parts, part)
    }
    if (tail) append(parts, { added: false, removed: false, count: tail })
    return used
  }
  let used = 0
  let ia = a0
  let ib = b0
  for (let k = 0; k <= anchors.length; k++) {
    const [ja, jb] = k < anchors.length ? anchors[k] : [a1 + 1, b1 + 1]
    const more = anchoredDiff(a, ia, ja - 1, b, ib, jb - 1, parts, anchorable, cut)
    if (more === null) return null
    used += more
    if (k < anchors.length) append(parts, { added: false, removed: false, count: 1 })
    ia = ja + 1
    ib = jb + 1
  }
  return used
}

/** Adds a step, joined to the last one when they are of the same kind. */
function append(parts: Part[], part: Part): void {
  const last = parts[parts.length - 1]
  if (last && last.added === part.added && last.removed === part.removed) last.count += part.count
  else parts.push({ ...part })
}

/**
 * jsdiff's steps from a[a0..a1] to b[b0..b1] (inclusive; either may be empty), or null past
 * `limit` insertions plus deletions.
 */
function stretchDiff(a: Uint32Array, a0: number, a1: number, b: Uint32Array, b0: number, b1: number, limit: number): Part[] | null {
  const na = a1 - a0 + 1
  const nb = b1 - b0 + 1
  if (na === 0 || nb === 0) {
    if (na + nb > limit) return null
    return na ? [{ added: false, removed: true, count: na }] : nb ? [{ added: true, removed: false, count: nb }] : []
  }
  const left: number[] = []
  const right: number[] = []
  for (let t = a0; t <= a1; t++) left.push(t)
  for (let t = b0; t <= b1; t++) right.push(t)
  const parts = diffArrays(left, right, { comparator: (x: number, y: number) => a[x] === b[y], maxEditLength: limit })
  // The steps only: jsdiff's also list the tokens, which a memo would keep alive.
  return parts ? parts.map(({ added, removed, count }) => ({ added, removed, count })) : null
}

/** Per surface id, a count (scratch for unpairedWords, grown as needed, left all zero). */
let wordCounts = new Int32Array(1024)

/**
 * Words of a[a0..a1] and b[b0..b1] (surface ids, inclusive ranges) left over when the two are
 * paired off as multisets: a lower bound on the insertions plus deletions of any diff.
 */
function unpairedWords(a: Uint32Array, a0: number, a1: number, b: Uint32Array, b0: number, b1: number): number {
  const na = a1 - a0 + 1
  const nb = b1 - b0 + 1
  // Cheap bounds first: the difference in length, and the case where all words could be unpaired.
  if (Math.abs(na - nb) > MAX_EDIT_LENGTH || na + nb <= MAX_EDIT_LENGTH) return Math.abs(na - nb)
  let max = 0
  for (let t = a0; t <= a1; t++) if (a[t] > max) max = a[t]
  for (let t = b0; t <= b1; t++) if (b[t] > max) max = b[t]
  if (max >= wordCounts.length) wordCounts = new Int32Array(Math.max(max + 1, wordCounts.length * 2))
  const counts = wordCounts
  for (let t = a0; t <= a1; t++) counts[a[t]]++
  let paired = 0
  for (let t = b0; t <= b1; t++) {
    if (counts[b[t]] > 0) {
      counts[b[t]]--
      paired++
    }
  }
  for (let t = a0; t <= a1; t++) counts[a[t]] = 0
  return na + nb - 2 * paired
}

/**
 * jsdiff's parts with each equal run cut where a word is spelled otherwise on either side
 * (respelled.ts): such words are a removal and an addition, which changesOf reads as a replace.
 * Where that leaves steps that are not equal next to each other (a respelled word after an
 * insertion), they are one removal and one addition, one replace: the positions on each side are
 * the same in either order.
 */
function withRespellings(a: DiffSide, b: DiffSide, parts: readonly Part[]): readonly Part[] {
  if (a.doc.respelled.length === 0 && b.doc.respelled.length === 0) return parts
  const cut: Part[] = []
  let ia = a.start
  let ib = b.start
  for (const part of parts) {
    const differences = part.added || part.removed ? [] : spellingDifferences(a.doc, ia, b.doc, ib, part.count)
    if (differences.length === 0) cut.push(part)
    else {
      let at = 0
      for (let d = 0; d < differences.length;) {
        let end = d + 1
        while (end < differences.length && differences[end] === differences[end - 1] + 1) end++
        const run = end - d
        if (differences[d] > at) cut.push({ added: false, removed: false, count: differences[d] - at })
        cut.push({ added: false, removed: true, count: run }, { added: true, removed: false, count: run })
        at = differences[d] + run
        d = end
      }
      if (part.count > at) cut.push({ added: false, removed: false, count: part.count - at })
    }
    if (!part.added) ia += part.count
    if (!part.removed) ib += part.count
  }
  if (cut.length === parts.length) return parts
  const joined: Part[] = []
  for (let k = 0; k < cut.length;) {
    if (!cut[k].added && !cut[k].removed) {
      joined.push(cut[k++])
      continue
    }
    let removed = 0
    let added = 0
    for (; k < cut.length && (cut[k].added || cut[k].removed); k++) {
      if (cut[k].removed) removed += cut[k].count
      else added += cut[k].count
    }
    if (removed) joined.push({ added: false, removed: true, count: removed })
    if (added) joined.push({ added: true, removed: false, count: added })
  }
  return joined
}

/** A diff's equal run (`equal` words) or change (`removed` and `added` words), with where it starts on each side. */
interface DiffRun {
  equal: number
  removed: number
  added: number
  ia: number
  ib: number
}

/** The runs of jsdiff's parts from a's and b's starts: each equal part one, the parts of a change between two joined. */
function runsOf(a: DiffSide, b: DiffSide, parts: readonly Part[]): DiffRun[] {
  const runs: DiffRun[] = []
  let ia = a.start
  let ib = b.start
  for (const part of parts) {
    const last = runs[runs.length - 1]
    if (!part.added && !part.removed) runs.push({ equal: part.count, removed: 0, added: 0, ia, ib })
    else if (last && last.equal === 0) {
      if (part.removed) last.removed += part.count
      else last.added += part.count
    } else runs.push({ equal: 0, removed: part.removed ? part.count : 0, added: part.added ? part.count : 0, ia, ib })
    if (!part.added) ia += part.count
    if (!part.removed) ib += part.count
  }
  return runs
}

/**
 * Most words of an equal run between two changes that are taken into them (absorbShortEquals),
 * function words or numbers all: the glue of a clause ("of", "of the"). A sentence or clause between a
 * removal and an addition is what a move leaves in place (movedWords), and stays; so does a
 * content word ("the red fox jumps" / "the blue fox leaps": "fox" is in both).
 */
export const MAX_ABSORBED_WORDS = 2

/**
 * The parts with each run of equal function words (or numbers) between two changes taken into them when it is
 * no longer than either change (its larger side) and MAX_ABSORBED_WORDS, and the two remove words and add
 * others (not two removals, nor two additions), as word diffs clean up after a
 * minimal diff (diff-match-patch's semantic clean-up): jsdiff pairs any word it can, and "be
 * aware of the abstraction.  The policy" / "expect the lack of warning flags.  The policy" came
 * out as "be aware" replaced, "of" equal, "warning flags" added, "the" (one text's article) equal
 * to "The" (the other's next sentence), "abstraction.  The" removed (a reviewer of CMake's help):
 * it is one clause replaced by another. The words both sides of a change so made start or end
 * with, spelled alike, are taken back out of it (the next sentence's "The").
 */
function absorbShortEquals(a: DiffSide, b: DiffSide, parts: readonly Part[]): readonly Part[] {
  const runs: (DiffRun & { absorbed?: true })[] = runsOf(a, b, parts)
  // A word spelled otherwise (withRespellings) is a change of its own, its neighbours equal to it.
  const respelled = (r: DiffRun) => r.removed === r.added && sameSurface(a.doc, r.ia, r.ia + r.removed - 1, b.doc, r.ib, r.ib + r.added - 1)
  const size = (r: DiffRun) => (respelled(r) ? 0 : Math.max(r.removed, r.added))
  /**
   * Whether an equal run is function words or numbers only ("of", "of the", "10"): a content word
   * between two changes is one both texts keep, but a number there is met by chance (the "10" of
   * "3.10.0" and of the month in "2022-10-24", two headings of release notes).
   */
  const glue = (r: DiffRun) => functionWordsOnly(a.doc, r.ia, r.equal)
  let absorbed = false
  for (let i = 1; i + 1 < runs.length;) {
    const before = runs[i - 1]
    const run = runs[i]
    const after = runs[i + 1]
    const short = run.equal > 0 && run.equal <= MAX_ABSORBED_WORDS && run.equal <= size(before) && run.equal <= size(after) && glue(run)
    // Between two removals (or two additions) the words are kept, not replaced: "Neither the
    // name ... this software.\n\nTHIS SOFTWARE IS" / "THIS IS" is two removals around the "THIS"
    // both keep, where one change replacing them all by "THIS" said a text was put in its place.
    const replaces = before.removed + after.removed > 0 && before.added + after.added > 0
    if (short && replaces && before.equal === 0 && after.equal === 0) {
      const removed = before.removed + run.equal + after.removed
      const added = before.added + run.equal + after.added
      runs.splice(i - 1, 3, { equal: 0, removed, added, ia: before.ia, ib: before.ib, absorbed: true })
      absorbed = true
      i = Math.max(1, i - 1)
    } else i++
  }
  if (!absorbed) return parts
  // Back to parts, a change so made without the words both its sides start or end with.
  const out: Part[] = []
  const equal = (count: number) => count && append(out, { added: false, removed: false, count })
  const alike = (x: number, y: number) => a.doc.surface[x] === b.doc.surface[y] && sameSpelling(a.doc, x, b.doc, y, 1)
  let ia = a.start
  let ib = b.start
  for (const run of runs) {
    if (run.equal) {
      equal(run.equal)
      ia += run.equal
      ib += run.equal
      continue
    }
    const { removed, added } = run
    let head = 0
    let tail = 0
    if (run.absorbed) {
      while (head < removed && head < added && alike(ia + head, ib + head)) head++
      while (tail < removed - head && tail < added - head && alike(ia + removed - 1 - tail, ib + added - 1 - tail)) tail++
    }
    equal(head)
    if (removed - head - tail) append(out, { added: false, removed: true, count: removed - head - tail })
    if (added - head - tail) append(out, { added: true, removed: false, count: added - head - tail })
    equal(tail)
    ia += removed
    ib += added
  }
  return out
}

/**
 * The parts with no change that starts or ends inside a written number: a number written with
 * dots, commas or colons is several tokens ("2.0", "1.2.3", "1,000", "22:26:34"), and a diff of
 * tokens says "Version 2" / "Version 2.0" is an insertion of "0" after an equal "2", and "3.10.0"
 * / "3.9.0" a replace of "10" by "9" (a reviewer of licences: "insert 0"). A change of numbers
 * only is widened over the equal tokens of the number it starts or ends inside (continuesNumber),
 * on both sides, so that each side shows its whole number: "2" replaced by "2.0". A change with
 * words in it is widened only where it starts inside a number: "version 2.1 in March" / "version
 * 2.2 in April" replaces "2.1 in March", not "1 in March" (a tester of the variants); at its end it
 * is left as it is: "v14.8.0 and v12.19.0" / "v14.0.0" deletes "8" and "and v12.19", the last "0"
 * of each equal (a reviewer: widened, "and v12.19.0" was replaced by "0"). An equal run between
 * two changes keeps a token at least, so that two changes never become one ("libfoo (1:1.0.5" /
 * "libbar (1:1.0.3": "libfoo" replaced, "(1:" equal, "1.0.5" replaced; a reviewer). The same array
 * where nothing is widened.
 */
function wholeNumbers(a: DiffSide, b: DiffSide, parts: readonly Part[]): readonly Part[] {
  const runs = runsOf(a, b, parts)
  let widened = false
  /** Whether tokens [t0, t0 + count) of `doc` are numbers, all of them. */
  const numbers = (doc: AnalysedDocument, t0: number, count: number): boolean => {
    for (let t = t0; t < t0 + count; t++) if (!isNumber(doc, t)) return false
    return true
  }
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i]
    if (run.equal) continue
    // A change with words in it is widened at its start only (see above).
    const numbersOnly = numbers(a.doc, run.ia, run.removed) && numbers(b.doc, run.ib, run.added)
    // The equal token before the change and a changed token after it, on a side that has one.
    const before = runs[i - 1]
    const keptBefore = i >= 2 ? 1 : 0
    while (
      before?.equal > keptBefore &&
      ((run.removed > 0 && continuesNumber(a.doc, run.ia)) || (run.added > 0 && continuesNumber(b.doc, run.ib)))
    ) {
      before.equal--
      run.ia--
      run.ib--
      run.removed++
      run.added++
      widened = true
    }
    const after = runs[i + 1]
    const keptAfter = i + 2 < runs.length ? 1 : 0
    while (
      numbersOnly &&
      after?.equal > keptAfter &&
      ((run.removed > 0 && continuesNumber(a.doc, run.ia + run.removed)) || (run.added > 0 && continuesNumber(b.doc, run.ib + run.added)))
    ) {
      after.equal--
      after.ia++
      after.ib++
      run.removed++
      run.added++
      widened = true
    }
  }
  if (!widened) return parts
  const out: Part[] = []
  for (const run of runs) {
    if (run.equal) append(out, { added: false, removed: false, count: run.equal })
    if (run.removed) append(out, { added: false, removed: true, count: run.removed })
    if (run.added) append(out, { added: true, removed: false, count: run.added })
  }
  return out
}

/**
 * Whether words [t0, t0 + count) of `doc` are function words or numbers, all of them: English
 * ones, or of the language their sentence is written in (analyse.ts foreignAt).
 */
function functionWordsOnly(doc: AnalysedDocument, t0: number, count: number): boolean {
  for (let t = t0; t < t0 + count; t++)
    if (!isNumber(doc, t) && !STOPWORDS.has(surfaceForm(doc.text.slice(doc.starts[t], doc.ends[t]))) && !foreignAt(doc, t)) return false
  return true
}

/** The changes of jsdiff's parts, in text offsets. */
function changesOf(a: DiffSide, b: DiffSide, diffParts: readonly Part[]): Change[] {
  const parts = wholeNumbers(a, b, slidChanges(a, b, absorbShortEquals(a, b, withRespellings(a, b, diffParts))))
  const moved = movedWords(a, b, parts)
  const changes: Change[] = []
  let ia = a.start
  let ib = b.start
  /**
   * Adds a change of na words of a from ia and nb of b from ib, and moves on past them; `spans`:
   * the UTF-16 spans shown, when they are not the words' own (a sign read as the words, signGap;
   * the brackets that belong to them, withBrackets); `isBeyond`: whether a removal (addition) is
   * words the other passage stops short of (beyondPart), else whether they are so just outside it.
   */
  const push = (
    op: Change['op'],
    na: number,
    nb: number,
    isMoved = false,
    spans?: [number, number, number, number],
    isBeyond?: boolean,
  ): void => {
    const [aStart, aEnd] = spans ? [spans[0], spans[1]] : span(a, ia, na)
    const [bStart, bEnd] = spans ? [spans[2], spans[3]] : span(b, ib, nb)
    const outside =
      !isMoved && (isBeyond ?? ((op === 'delete' && beyond(a, ia, na, b, ib)) || (op === 'insert' && beyond(b, ib, nb, a, ia))))
    changes.push({
      op,
      a: a.doc.text.slice(aStart, aEnd),
      b: b.doc.text.slice(bStart, bEnd),
      aStart: a.map.toCodePoint(aStart),
      aEnd: a.map.toCodePoint(aEnd),
      bStart: b.map.toCodePoint(bStart),
      bEnd: b.map.toCodePoint(bEnd),
      ...(isMoved ? { moved: true } : {}),
      ...(outside ? { beyond: true } : {}),
    })
    ia += na
    ib += nb
  }
  /**
   * An equal step of `count` words, but for the words with other signs between them on a line of
   * code (same-stretch.ts otherCode): each such run of words, from the word before the first sign
   * that differs to the word after the last, is a replacement ("release) >= 1" / "release) > 1").
   */
  const equalOrCode = (count: number): void => {
    // (Most equal steps have the same signs throughout, told in one read of the two.)
    if (count < 2 || sameCode(a.doc, ia, ia + count - 1, b.doc, ib - ia)) {
      push('equal', count, count)
      return
    }
    let from = 0
    for (let k = 0; k + 1 < count; k++) {
      if (!otherCode(a.doc, ia + k - from, b.doc, ib + k - from)) continue
      let last = k + 1
      while (last + 1 < count && otherCode(a.doc, ia + last - from, b.doc, ib + last - from)) last++
      if (k > from) push('equal', k - from, k - from)
      push('replace', last - k + 1, last - k + 1)
      from = last + 1
      k = last
    }
    if (count > from) push('equal', count - from, count - from)
  }
  /** A removal (or addition) cut where its words start or stop being moved ones, each piece a change. */
  const pieces = (op: 'delete' | 'insert', count: number): void => {
    const marks = op === 'delete' ? moved!.inA : moved!.inB
    const from = op === 'delete' ? ia - a.start : ib - b.start
    for (let k = 0; k < count;) {
      let end = k + 1
      while (end < count && marks[from + end] === marks[from + k]) end++
      if (op === 'delete') push('delete', end - k, 0, marks[from + k] === 1)
      else push('insert', 0, end - k, marks[from + k] === 1)
      k = end
    }
  }
  const anyMoved = (marks: Uint8Array, from: number, count: number): boolean => {
    for (let k = from; k < from + count; k++) if (marks[k]) return true
    return false
  }
  for (let k = 0; k < parts.length; k++) {
    const part = parts[k]
    if (!part.added && !part.removed) {
      equalOrCode(part.count)
      continue
    }
    const next = parts[k + 1]
    const paired = next && (next.added || next.removed) && next.added !== part.added
    const na = part.removed ? part.count : paired ? next.count : 0
    const nb = part.added ? part.count : paired ? next.count : 0
    if (paired) k++
    if (moved && (anyMoved(moved.inA, ia - a.start, na) || anyMoved(moved.inB, ib - b.start, nb))) {
      // Moved words are said to be moved, not replaced by whatever stands in their place.
      pieces('delete', na)
      pieces('insert', nb)
    } else if (na && nb) push(sameWriting(a, ia, na, b, ib, nb) ? 'equal' : 'replace', na, nb)
    else {
      // Words one side has where the other has a sign ("(C)" / "©"): the sign replaced them.
      const spans = na ? signGap(a, ia, na, b, ib) : signGap(b, ib, nb, a, ia)
      if (spans) push('replace', na, nb, false, na ? spans : [spans[2], spans[3], spans[0], spans[1]])
      else {
        // Words removed (added) with the brackets that belong to them: "(C) 2005", "tcsh(1)"; and
        // the hyphens of an option they name ("-q, --quiet").
        const removal = (count: number, isBeyond: boolean): void => {
          const [x, from, [at]] = na ? [a, ia, span(b, ib, 0)] : [b, ib, span(a, ia, 0)]
          const { starts, ends } = x.doc
          const low = from > x.start ? ends[from - 1] : starts[from]
          const high = from + count <= x.end ? starts[from + count] : ends[from + count - 1]
          const words = span(x, from, count)
          const [first, end] = withBrackets(x.doc.text, ...words, low, high)
          // An option's hyphens before its first word, where no bracket is taken there.
          const start = first === words[0] ? withOptionHyphens(x.doc.text, first, low) : first
          push(na ? 'delete' : 'insert', na ? count : 0, nb ? count : 0, false, na ? [start, end, at, at] : [at, at, start, end], isBeyond)
        }
        // At the pair's start or end, the words the other document has just outside its passage
        // are a change of their own (Change.beyond), the others removed (added): "--region=REGION
        // Region in which ... GCLOUD WIDE FLAGS These flags are ...", where the other page has no
        // region flag and its passage stops short of the flags it has too (a reviewer of gcloud's
        // pages: 286 characters said to be removed, most of them there).
        const count = na || nb
        const outside = na ? beyondPart(a, ia, na, b, ib) : beyondPart(b, ib, nb, a, ia)
        if (outside.words === 0 || outside.words === count) removal(count, outside.words === count)
        else if (outside.leading) {
          removal(outside.words, true)
          removal(count - outside.words, false)
        } else {
          removal(count - outside.words, false)
          removal(outside.words, true)
        }
      }
    }
  }
  return changes
}

/**
 * Whether words [from, from + count) of side x, which side y lacks at the start or end of the pair
 * (y's words go on at `at`, its passage's first token or one past its last), are what y's
 * document has, word for word, just before or after y's passage (see Change.beyond), as words of
 * their own: not the end of a longer written word ("VS_JUST_MY_CODE" of "CMAKE_VS_JUST_MY_CODE")
 * or the start of one ("common-licenses/GPL" of ".../GPL-2": word-edges.ts continuesWord).
 */
function beyond(x: DiffSide, from: number, count: number, y: DiffSide, at: number): boolean {
  const first = at === y.start
  const last = at === y.end + 1
  if (!first && !last) return false
  const ys = y.doc.surface
  const start = first ? y.start - count : y.end + 1
  if (start < 0 || start + count > ys.length) return false
  for (let k = 0; k < count; k++) if (x.doc.surface[from + k] !== ys[start + k]) return false
  return !continuesWord(y.doc, start) && !continuesWord(y.doc, start + count)
}

/**
 * Of words [from, from + count) of side x that side y lacks at the start or end of the pair (y's
 * words go on at `at`), those y's document has just outside y's passage (see beyond), and
 * whether they lead x's words (else they close them). Three readings, the one with more words
 * taken, the first on a tie:
 *   along   y's document goes on past its passage (back before it) with x's words next to what
 *           both have, then differs: one passage stopped short, and the texts part further on
 *           ("The exception information is not available ..." one edition goes on with, for
 *           53 of the 98 words the other's passage has; a reviewer of Python's reference);
 *   across  x's words end (open) with the words y's document has next to its passage: x has
 *           more between ("--region=REGION Region in which ... GCLOUD WIDE FLAGS These flags
 *           are", where the other page has no region flag and its passage stops short of the
 *           flags it has too; a reviewer of gcloud's pages);
 *   past    as along, a few words of y's own between (MAX_BEYOND_GAP, MIN_GAPPED_BEYOND).
 * 0 words where none; all where all (beyond).
 */
function beyondPart(x: DiffSide, from: number, count: number, y: DiffSide, at: number): { words: number; leading: boolean } {
  if (beyond(x, from, count, y, at)) return { words: count, leading: true }
  const first = from === x.start && at === y.start
  const last = from + count === x.end + 1 && at === y.end + 1
  if (!first && !last) return { words: 0, leading: true }
  const xs = x.doc.surface
  const ys = y.doc.surface
  // At the end, x's words as they are, against y's words after its passage; at the start, both
  // read backwards (x's from its last word, y's from its passage's start).
  const m = last ? Math.min(count, ys.length - (y.end + 1)) : Math.min(count, y.start)
  if (m <= 0) return { words: 0, leading: true }
  const word = (i: number): number => (last ? xs[from + i] : xs[from + count - 1 - i])
  const other = (i: number): number => (last ? ys[y.end + 1 + i] : ys[y.start - 1 - i])
  /** Whether k words of x from x0 and of y from y0 are words of their own at both ends. */
  const whole = (x0: number, y0: number, k: number): boolean =>
    !continuesWord(y.doc, y0) && !continuesWord(y.doc, y0 + k) && !continuesWord(x.doc, x0) && !continuesWord(x.doc, x0 + k)
  /**
   * How many of x's words, from the one next to what both have, y's document has alike from y0
   * on (read away from y's passage): as many as are words of their own at both ends, `least` at
   * fewest, not function words or numbers only (met by chance: "The" of two different sentences
   * after a passage); else 0.
   */
  const alikeFrom = (y0: number, least: number): number => {
    const at = (i: number): number => (last ? ys[y0 + i] : ys[y0 - i])
    let n = 0
    while (n < count && (last ? y0 + n < ys.length : y0 - n >= 0) && word(n) === at(n)) n++
    for (; n >= least; n--) {
      const [x0, y1] = last ? [from, y0] : [from + count - n, y0 - n + 1]
      if (whole(x0, y1, n)) break
    }
    return n >= least && !functionWordsOnly(x.doc, last ? from : from + count - n, n) ? n : 0
  }
  // Along: the words x and y's document have alike from the edge on.
  const along = alikeFrom(last ? y.end + 1 : y.start - 1, 1)
  // Across: the longest run that ends x's words (in that order) and opens y's (a border, as
  // Knuth-Morris-Pratt finds it: linear in the words, where trying each length was quadratic on a
  // text of one word repeated); shorter runs that do too, longest first, until one is words of
  // their own at both ends.
  const border = new Int32Array(m)
  for (let i = 1, k = 0; i < m; i++) {
    while (k > 0 && other(i) !== other(k)) k = border[k - 1]
    if (other(i) === other(k)) k++
    border[i] = k
  }
  let k = 0
  for (let i = 0; i < count; i++) {
    while (k > 0 && (k === m || word(i) !== other(k))) k = border[k - 1]
    if (word(i) === other(k)) k++
  }
  for (; k > 0; k = border[k - 1]) {
    if (k >= count) continue
    const [x0, y0] = last ? [from + count - k, y.end + 1] : [from, y.start - k]
    if (whole(x0, y0, k)) break
  }
  // Past a gap: y's document has x's words next to what both have a few words of its own on (a
  // heading, a note one edition adds before the paragraph both go on with; reviewers of IDLE's
  // NEWS files and Python's reference), MIN_GAPPED_BEYOND of them at least; the nearest such place.
  let past = 0
  // More words alike than the gap holds: a heading or a note put between, not another place of
  // the text where a formula it repeats is met again (a licence's "On Debian systems, the
  // complete text of ..." under the next "Files:" stanza; a reviewer).
  for (let gap = 1; gap <= MAX_BEYOND_GAP && past === 0; gap++)
    past = alikeFrom(last ? y.end + 1 + gap : y.start - 1 - gap, Math.max(MIN_GAPPED_BEYOND, gap + 1))
  // Along, the words next to what both have: x's first at the end, its last at the start; so past
  // a gap.
  if (along >= k && along >= past) return { words: along, leading: last }
  if (k >= past) return { words: k, leading: !last }
  return { words: past, leading: last }
}

/**
 * Words of its own, at most, y's document may have between its passage and words of x's it has
 * past them, for those words to count as beyond y's passage (beyondPart): a heading, a sentence
 * or a short note one edition adds where the other goes on with the same paragraph. Further, the
 * words are another place of the text, not the other passage's continuation.
 */
export const MAX_BEYOND_GAP = 48

/**
 * Least words x and y's document must have alike past such a gap. Licences say "a copy of the GNU
 * General Public License" in one sentence and another: at 8 words, Debian's copyright files had
 * such phrases of two sentences said to be beyond; the editions reviewers found had dozens to
 * hundreds of words past a heading or a note. And more than the gap holds (beyondPart).
 */
export const MIN_GAPPED_BEYOND = 12

/**
 * Whether words [ia, ia + na) of a and [ib, ib + nb) of b are the same writing read as other words:
 * the same characters but for case, white space and a line-end hyphen's break ("left-\nhand"
 * read as a compound in a text that writes "left-hand", and as one hyphenated word in one that
 * does not: line-end-hyphens.ts reads each text on its own), or but for a line-end hyphen itself
 * ("pre-\ncomputed" / "precomputed"). Hyphenation is no change (see above); a reviewer of Python's
 * reference was shown "left-\nhand" replaced by "left-\nhand". Characters are compared as
 * written (no compatibility folding: "10²" is no "102"), and a hyphen beside a digit is never
 * dropped: "5-\n10" is a range, not the number 510 (a reviewer).
 */
function sameWriting(a: DiffSide, ia: number, na: number, b: DiffSide, ib: number, nb: number): boolean {
  const x = a.doc.text.slice(a.doc.starts[ia], a.doc.ends[ia + na - 1])
  const y = b.doc.text.slice(b.doc.starts[ib], b.doc.ends[ib + nb - 1])
  if (!LINE_END_HYPHEN.test(x) && !LINE_END_HYPHEN.test(y)) return false
  const written = (text: string, hyphen: string): string => text.toLowerCase().replace(LINE_END_HYPHENS, hyphen).replace(/\s+/g, ' ')
  if (written(x, '$1') === written(y, '$1')) return true
  return !DIGIT_HYPHEN.test(x) && !DIGIT_HYPHEN.test(y) && written(x, '') === written(y, '')
}

/** A hyphen at a line's end, with the break after it (LINE_END_HYPHENS: all of them, the hyphen kept as $1). */
const LINE_END_HYPHEN = /[-\u2010][ \t]*(?:\r\n|\r|\n)/
const LINE_END_HYPHENS = /([-\u2010])[ \t]*(?:\r\n|\r|\n)[ \t]*/g
/** A line-end hyphen with a digit on either side of it. */
const DIGIT_HYPHEN = /\p{N}[-\u2010][ \t]*(?:\r\n|\r|\n)|[-\u2010][ \t]*(?:\r\n|\r|\n)[ \t]*\p{N}/u

/**
 * Signs put for words, each with the words (lower case, spaces between) it is read as: "(C)" and
 * "©", "and" and "&", "EUR" and "€". Only these: a sign beside words the other text lacks is
 * no more than a sign where the words are others ("Copyright 2005" / "Copyright ©" removed a
 * year, it did not write it as a sign; a reviewer).
 */
const SIGNS = new Map<string, readonly string[]>([
  ['©', ['c', 'copyright']],
  ['®', ['r']],
  ['™', ['tm']],
  ['&', ['and']],
  ['€', ['eur', 'euro', 'euros']],
  ['£', ['gbp', 'pound', 'pounds']],
  ['$', ['usd', 'dollar', 'dollars']],
  ['¥', ['jpy', 'yen', 'cny', 'rmb', 'yuan']],
  ['°', ['deg', 'degree', 'degrees']],
  ['§', ['section']],
])

/**
 * Where side `x` has words [from, from + count) and side `y` none between its tokens `at - 1` and
 * `at`, but a sign those words are read as (SIGNS): the spans [xStart, xEnd, yStart, yEnd] of the
 * text between the words around, spaces trimmed, on each side ("(C)" with its brackets, "©");
 * undefined when y has no such sign there, x has the sign too, or the words are at a passage's
 * edge.
 */
function signGap(x: DiffSide, from: number, count: number, y: DiffSide, at: number): [number, number, number, number] | undefined {
  if (from <= x.start || from + count > x.end || at <= y.start || at > y.end) return undefined
  const [y0, y1] = trimmed(y.doc.text, y.doc.ends[at - 1], y.doc.starts[at])
  const spellings = SIGNS.get(y.doc.text.slice(y0, y1))
  if (!spellings) return undefined
  const { text, starts, ends } = x.doc
  const words: string[] = []
  for (let t = from; t < from + count; t++) words.push(text.slice(starts[t], ends[t]).toLowerCase())
  if (!spellings.includes(words.join(' '))) return undefined
  // Where x writes the sign too ("© (C) 2005" / "© 2005"), its words are removed, not written as it.
  const [x0, x1] = trimmed(text, ends[from - 1], starts[from + count])
  return text.slice(x0, x1).includes(y.doc.text.slice(y0, y1)) ? undefined : [x0, x1, y0, y1]
}

/** [start, end) of `text` without the white space at either end. */
function trimmed(text: string, start: number, end: number): [number, number] {
  while (start < end && /\s/.test(text[start])) start++
  while (end > start && /\s/.test(text[end - 1])) end--
  return [start, end]
}

/**
 * Least words a run removed in one place and one added in another must share, one after another,
 * to be read as moved (a sentence or clause put elsewhere): fewer, and a common phrase ("of the
 * Software") removed here and added there would be called moved.
 */
export const MIN_MOVED_WORDS = 6

/**
 * Least share of its removal or of its addition a moved run must be: a clause put elsewhere is
 * most of what was taken out there or put in here. Licence passages that differ throughout share
 * "the GNU General Public License" inside long removals and additions; called moved, it only cut
 * them into pieces (130 of the copyright files' overlaps at 4 words and no share).
 */
export const MIN_MOVED_SHARE = 0.5

/** Words of marks[from, from + count) not yet marked. */
function unmarked(marks: Uint8Array, from: number, count: number): number {
  let left = 0
  for (let k = from; k < from + count; k++) if (!marks[k]) left++
  return left
}

/** Most moved runs looked for in one diff: each is a search over the removed and added words. */
const MAX_MOVES = 16

/**
 * The words of a and b (by offset from a.start and b.start) that the diff removes in one place and
 * adds in another: the longest run of the same surface forms shared by a removal and an addition
 * that do not stand in each other's place (a replace) and is MIN_MOVED_SHARE of one of them, then
 * the next longest among the words left, while they are MIN_MOVED_WORDS long. Null when the diff
 * moves nothing.
 */
function movedWords(a: DiffSide, b: DiffSide, parts: readonly Part[]): { inA: Uint8Array; inB: Uint8Array } | null {
  const removed: { from: number; count: number; place: number }[] = []
  const added: { from: number; count: number; place: number }[] = []
  let ia = 0
  let ib = 0
  // Each change's place: a removal and an addition side by side share one.
  let place = 0
  for (let k = 0; k < parts.length; k++) {
    const part = parts[k]
    if (!part.added && !part.removed) {
      ia += part.count
      ib += part.count
      place++
      continue
    }
    if (part.removed) {
      removed.push({ from: ia, count: part.count, place })
      ia += part.count
    } else {
      added.push({ from: ib, count: part.count, place })
      ib += part.count
    }
    const next = parts[k + 1]
    if (!next || (!next.added && !next.removed) || next.added === part.added) place++
  }
  if (!removed.some((r) => r.count >= MIN_MOVED_WORDS) || !added.some((r) => r.count >= MIN_MOVED_WORDS)) return null
  const sa = a.doc.surface
  const sb = b.doc.surface
  const inA = new Uint8Array(a.end - a.start + 1)
  const inB = new Uint8Array(b.end - b.start + 1)
  let found = false
  for (let move = 0; move < MAX_MOVES; move++) {
    // The longest common run of unmarked words over all pairs of a removal and an addition, that
    // is most of what is left unmarked of one of them.
    let best = MIN_MOVED_WORDS - 1
    let bestA = -1
    let bestB = -1
    for (const r of removed) {
      const leftR = unmarked(inA, r.from, r.count)
      if (leftR < MIN_MOVED_WORDS) continue
      for (const d of added) {
        const leftD = unmarked(inB, d.from, d.count)
        if (leftD < MIN_MOVED_WORDS || d.place === r.place) continue
        // Runs ending at each word of d, for the previous word of r (one row of the table).
        let previous = new Int32Array(d.count + 1)
        let current = new Int32Array(d.count + 1)
        for (let x = 0; x < r.count; x++) {
          const ta = r.from + x
          for (let y = 0; y < d.count; y++) {
            const tb = d.from + y
            const run = inA[ta] || inB[tb] || sa[a.start + ta] !== sb[b.start + tb] ? 0 : previous[y] + 1
            current[y + 1] = run
            if (run > best && (run >= MIN_MOVED_SHARE * leftR || run >= MIN_MOVED_SHARE * leftD)) {
              best = run
              bestA = ta - run + 1
              bestB = tb - run + 1
            }
          }
          ;[previous, current] = [current, previous]
        }
      }
    }
    if (bestA < 0) break
    inA.fill(1, bestA, bestA + best)
    inB.fill(1, bestB, bestB + best)
    found = true
  }
  return found ? { inA, inB } : null
}

/** UTF-16 span of `count` tokens from token `from`; an empty span sits after the previous token. */
function span(side: DiffSide, from: number, count: number): [number, number] {
  const { doc } = side
  if (count > 0) return [doc.starts[from], doc.ends[from + count - 1]]
  const at = from > side.start ? doc.ends[from - 1] : doc.starts[side.start]
  return [at, at]
}
