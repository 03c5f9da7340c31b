import type { Cluster, PairPassage, PairSides } from './cluster.js'
import { CONTAINED_SHARE } from './contained.js'

// A restatement between two passages that an overlap of shared text already holds side by side
// says nothing that overlap does not. The paraphrase pass drops a pair mostly in pairs kept of
// its own two texts (overlaps.ts), but two texts can be in one overlap without a pair of their
// own: each is paired with a third, and the overlap joins the three. libgl1-mesa-dev's "On
// Debian systems, the full text of the GPL license can be found in ..." and libpangocairo's,
// which spells out "GNU General Public License", each paired with libglvnd0's, were one
// near-verbatim overlap of the three and again a paraphrase of each other (a reviewer: four
// such restatements among nine copyright files, none before the pass read pairs by their texts).
// Judged on the overlaps as drafted, the passages a reader is shown together, not on the pairs
// kept: each side mapped through its pair onto a third text, ten restatements that readers judged
// true (bench -- paraphrases), nine of them clauses of the GNU, Apache and Mozilla licences,
// met at one place of it, though no overlap drafted holds the two at one place.

/**
 * Share of the shorter of two sides' places in their passages, at least, that the other's takes
 * too, for two sides of a restatement to be at the same place of passages an overlap holds: the
 * same part of the text the overlap's passages share. Each place is the side's span as a share of
 * its passage's length (from 0 at its start to 1 at its end). Two files that print two licences
 * one after the other are one overlap whose passages hold both; the Apache licence's "In no
 * event and under no legal theory ..." in one and the Mozilla licence's "UNDER NO CIRCUMSTANCES
 * AND UNDER NO LEGAL THEORY ..." in the other are a restatement still, at other places of the
 * passages the overlap holds. Half: an edited copy's passages are not the same length, and a
 * clause is seldom more than a tenth of a licence, so that two clauses of one are apart by more
 * than their length.
 */
export const SAME_PLACE_SHARE = 0.5

/** An overlap's passages, as the overlaps drafted from the pairs kept hold them. */
export interface HeldPassages {
  readonly passages: readonly PairPassage[]
}

/** A side's place in a passage [s, t] holding it: its start and end as shares of the passage's length. */
function placeIn(start: number, end: number, s: number, t: number): [number, number] {
  const length = t - s + 1
  return [(Math.max(start, s) - s) / length, (Math.min(end, t) - s + 1) / length]
}

/**
 * The restatements `restatements` (clusters of `pairs`) less each pair that `restating` says is
 * a restatement and whose two sides an overlap of `held` already holds side by side: each inside
 * a passage of one and the same overlap (CONTAINED_SHARE of the side at least, as one overlap is
 * inside another: contained.ts), at the same place of the two passages (SAME_PLACE_SHARE); and
 * less the passages only such pairs made. A restatement left with no pair, or with passages in
 * fewer than two documents, is none; one whose pairs all stay is returned as it is. (An edited
 * copy the paraphrase pass found, order.ts editedWords, stays: it shows two sentences side by
 * side with the words changed, "See the GNU Lesser General Public License" / "See the GNU
 * General Public License", which a long overlap of hundreds of passages shows only against its
 * first.)
 */
export function withoutLinked(
  restatements: readonly Cluster[],
  pairs: PairSides,
  restating: (i: number) => boolean,
  held: readonly HeldPassages[],
): Cluster[] {
  // (A large corpus, which the paraphrase pass does not read, has none: its overlaps, thousands
  // of passages in one, are not indexed for nothing.)
  if (restatements.length === 0) return []
  // Per document, the held passages as [start, end, overlap], by start.
  const byDoc = new Map<number, [number, number, number][]>()
  held.forEach((o, k) => {
    for (const p of o.passages) {
      let list = byDoc.get(p.doc)
      if (!list) byDoc.set(p.doc, (list = []))
      list.push([p.start, p.end, k])
    }
  })
  for (const list of byDoc.values()) list.sort((x, y) => x[0] - y[0])
  /** The passages holding side e of `pairs`: their overlaps, and the side's place in each. */
  const holders = (e: number): { overlap: number; place: [number, number] }[] => {
    const out: { overlap: number; place: [number, number] }[] = []
    const start = pairs.start(e)
    const end = pairs.end(e)
    const slack = Math.floor((1 - CONTAINED_SHARE) * (end - start + 1))
    for (const [s, t, k] of byDoc.get(pairs.doc(e)) ?? []) {
      // (By start: a passage that starts past the side's slack holds too little of it.)
      if (s > start + slack) break
      if (Math.min(t, end) - Math.max(s, start) + 1 >= end - start + 1 - slack) out.push({ overlap: k, place: placeIn(start, end, s, t) })
    }
    return out
  }
  const samePlace = ([s0, e0]: [number, number], [s1, e1]: [number, number]): boolean =>
    Math.min(e0, e1) - Math.max(s0, s1) >= SAME_PLACE_SHARE * Math.min(e0 - s0, e1 - s1)
  const linked = (i: number): boolean => {
    if (!restating(i)) return false
    const a = holders(2 * i)
    if (a.length === 0) return false
    return holders(2 * i + 1).some((y) => a.some((x) => x.overlap === y.overlap && samePlace(x.place, y.place)))
  }
  const out: Cluster[] = []
  for (const c of restatements) {
    const kept = c.pairs.filter((i) => !linked(i))
    if (kept.length === c.pairs.length) {
      out.push(c)
      continue
    }
    // The passages the pairs left make: each that one of their sides meets.
    const meets = (p: PairPassage): boolean =>
      kept.some((i) => [2 * i, 2 * i + 1].some((e) => pairs.doc(e) === p.doc && pairs.start(e) <= p.end && pairs.end(e) >= p.start))
    const passages = c.passages.filter(meets)
    if (kept.length === 0 || new Set(passages.map((p) => p.doc)).size < 2) continue
    out.push({ ...c, pairs: kept, passages })
  }
  return out
}
