import type { AlignedSpans } from './aligned-spans.js'
import type { Cluster, PairPassage, PairSides } from './cluster.js'

// A restatement's passages that are copies of one another: one stands for them. A sentence two
// pages print alike, and a third page restates, was one restatement of all three, the two copies
// among its passages, beside the overlap that reports them as copies: util-linux's lsblk and
// findmnt print "All potentially unsafe value characters are hex-escaped (\x<code>)" in their -P
// and -r entries, and wipefs "Encode all potentially unsafe characters of a string to the
// corresponding hex value prefixed by '\x'"; the four copies were a near-verbatim overlap and
// again, with wipefs's sentence, a paraphrase (a reviewer: one sentence reported three times,
// under two kinds). Kept, the restatement shows the passage that restates the others most, and
// the copies are the copies' overlap's.

/**
 * Share of each of two passages, at least, that pairs kept between them (verbatim or edited
 * copies) cover for the two to be copies. Half: an edited copy's pair is cut where its words part
 * and seldom covers the whole sentence a restatement reads; a phrase two sentences of their own
 * quote is less.
 */
export const COPY_SHARE = 0.5

/** Tokens of `p` that the kept pairs' sides `sides` (in p's document) cover, overlaps counted once. */
function coveredBy(p: PairPassage, sides: readonly number[], kept: PairSides): number {
  const spans = sides
    .map((e): [number, number] => [Math.max(p.start, kept.start(e)), Math.min(p.end, kept.end(e))])
    .filter(([s, e]) => s <= e)
    .sort((x, y) => x[0] - y[0])
  let covered = 0
  let reached = -1
  for (const [s, e] of spans) {
    if (e <= reached) continue
    covered += e - Math.max(s, reached + 1) + 1
    reached = e
  }
  return covered
}

/** Whether passages p and q are copies of each other: kept pairs between them cover COPY_SHARE of each. */
function copies(p: PairPassage, q: PairPassage, aligned: AlignedSpans, kept: PairSides): boolean {
  const sides = aligned.meeting(p.doc, p.start, p.end, q.doc, q.start, q.end)
  if (sides.length === 0) return false
  const held = (x: PairPassage, of: readonly number[]): boolean => coveredBy(x, of, kept) >= COPY_SHARE * (x.end - x.start + 1)
  return (
    held(p, sides) &&
    held(
      q,
      sides.map((e) => e ^ 1),
    )
  )
}

/**
 * The restatements (clusters of `pairs`), each with one passage of each group of copies among its
 * passages (see above): of a group, the one most of its pairs hold is kept, and the pairs of the
 * others go. A restatement left with fewer than two passages, or with no pair, is none. Only
 * restatements all of whose pairs `restating` says are restatements: one with an edited copy
 * among them (order.ts editedWords) may be an edited copy of them all, its passages each a copy
 * of one (order.ts editedAround: the GPL's and the LGPL's "refrain entirely from distribution").
 * `aligned` and `kept`: the pairs kept as copies.
 */
export function oneOfEachCopy(
  restatements: readonly Cluster[],
  pairs: PairSides,
  restating: (pair: number) => boolean,
  aligned: AlignedSpans,
  kept: PairSides,
): Cluster[] {
  const out: Cluster[] = []
  for (const c of restatements) {
    if (c.passages.length < 3 || !c.pairs.every(restating)) {
      out.push(c)
      continue
    }
    /** The passage of c that side e of a pair lies in (-1 if none). */
    const passageOf = (e: number): number =>
      c.passages.findIndex((p) => p.doc === pairs.doc(e) && p.start <= pairs.start(e) && pairs.end(e) <= p.end)
    const held = c.passages.map(() => 0)
    for (const i of c.pairs)
      for (const e of [2 * i, 2 * i + 1]) {
        const k = passageOf(e)
        if (k >= 0) held[k]++
      }
    // Groups of copies, copies of copies too (two sentences of one page each copied in another).
    const group = c.passages.map((_, k) => k)
    const root = (k: number): number => (group[k] === k ? k : (group[k] = root(group[k])))
    for (let j = 0; j < c.passages.length; j++)
      for (let k = j + 1; k < c.passages.length; k++)
        if (root(j) !== root(k) && copies(c.passages[j], c.passages[k], aligned, kept)) group[root(k)] = root(j)
    // Of each group, the passage the most pairs hold (the first of equals).
    const best = new Map<number, number>()
    c.passages.forEach((_, k) => {
      const b = best.get(root(k))
      if (b === undefined || held[k] > held[b]) best.set(root(k), k)
    })
    const left = [...best.values()]
    if (left.length === c.passages.length) {
      out.push(c)
      continue
    }
    const keep = new Set(left)
    const between = c.pairs.filter((i) => keep.has(passageOf(2 * i)) && keep.has(passageOf(2 * i + 1)))
    const passages = c.passages.filter((_, k) => keep.has(k))
    if (between.length > 0 && new Set(passages.map((p) => p.doc)).size >= 2) out.push({ ...c, pairs: between, passages })
  }
  return out
}
