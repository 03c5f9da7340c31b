import { lowerBound, upperBound } from '../text/sorted.js'
import type { PairPassage } from './cluster.js'
import { flatPassages } from './flat-passages.js'
import { fmix32, mix32 } from './hash.js'
import { sortIndicesByKeys } from './radix.js'
import { MAX_PAIRWISE_PASSAGES } from './variant-pairs.js'

// Overlaps that say nothing another does not: each of their passages lies inside the one passage
// another overlap has in that document (four fifths of it at least: CONTAINED_SHARE). The other
// overlap shows all they show, in the same documents, with more around it; listed too, they are the same text twice in the list (a
// reviewer found 106 of 1316 overlaps of info manuals and man pages so: bc's "expr + expr ... the
// sum" and "expr - expr ... the difference", alike enough to be a repetition in each document,
// were an overlap of their own inside the two documents' whole shared chapter). An overlap inside
// a longer one with a document the longer one lacks is not inside it: a shorter text can be in
// more documents (nesting.ts). Of two overlaps with the same passages, the first is kept. A
// paraphrase holds only paraphrases: a passage copied word for word, or edited, inside two
// sentences that restate each other says which words were kept and how they were changed ("study
// session of the Political Bureau of the Communist Party of China Central Committee", inside the
// bundled corpus's sentences on Xi Jinping's study session), which the paraphrase does not. And
// an overlap with two passages or more in a document holds none there: it does not show which of
// them goes with which passage of another document (its variants compare its first passage with
// the others), and a pairing the inner overlap makes would be shown nowhere (a reviewer: the
// sentence grep and sed give word for word, inside an overlap of grep's -Z and -z and sed's -z) —
// unless the shorter one has a passage inside each of the longer one's and every pairing it makes
// is shown by the longer one (pairedInside): the longer one is verbatim and the shorter one the
// same part of each of its passages, or all pairs of its passages are compared (variant-pairs.ts)
// (a reviewer of git's manual pages: the list of diff tools, twice in git-config and once in
// git-diff, and its first two lines listed again as an overlap of their own).
// Nor is a group of identical documents (duplicates.ts) inside another overlap: that they are
// copies of one text is said by no other (a reviewer: two identical READMEs, and a third that
// shares most of their text, were one near-verbatim overlap of three, and nothing said the two
// were the same file).

/**
 * Passages of a document looked at as the one holding another, the nearest start first, of those
 * that reach as far as it (the others are skipped without a look: a long passage from a
 * document's top holds the short ones thousands of passages later, which counted against this
 * bound left 1,011 of 14,954 overlaps of Debian's changelogs listed inside another; thirty came
 * back when the nearer one holding them was joined to the longer, continued.ts). A document with
 * thousands of long passages would cost a look at each for each. One not found so is listed: the
 * same text twice, nothing lost.
 */
export const MAX_LOOKED_AT = 256

/**
 * Share of a passage's tokens, at least, that lie in another's for it to be inside that one. Two
 * passages found by different pairs seldom end on the same word: a part of a README that five of
 * its versions share was listed again below the longer part holding it, one version's passage
 * reaching a few words past its end (a reviewer of npm's READMEs; most of the 29 of 40 overlaps
 * the reviewer counted in a higher-ranked one's passages are parts in more documents, nesting.ts,
 * and stay). The words a passage so held shows beyond the other are a few of each
 * side's; it adds no document, and none of its pairings is new. Of Debian's change logs' overlaps,
 * 32 fewer are listed (10,506 -> 10,474), of the copyright files' 8; one of sim_text's runs in
 * each is no longer covered (2,262 -> 2,263 and 288 -> 289 missed): a few words only such a
 * passage held.
 */
export const CONTAINED_SHARE = 0.8

/** Tokens of [start, end] (inclusive), at most, outside a passage holding it (CONTAINED_SHARE). */
function slackOf(start: number, end: number): number {
  return Math.floor((1 - CONTAINED_SHARE) * (end - start + 1))
}

/** The passages of one overlap, sorted by document and start, whether it is a paraphrase, and whether it is a group of duplicates. */
interface Held {
  readonly passages: readonly PairPassage[]
  readonly kind: string
  readonly duplicate?: boolean
  /** The likeness of texts split apart (bridged.ts): listed beside them, it holds none of them. */
  readonly likeness?: boolean
}

/**
 * Per overlap of `overlaps` (in order, the first kept of equals), 1 when each of its passages lies
 * inside a passage of one other overlap (see above).
 */
export function containedOverlaps(overlaps: readonly Held[]): Uint8Array {
  // Every passage by a number, in flat arrays, in the overlaps' order (each overlap's from
  // first[k], sorted by document).
  const { total, first, owner, doc, start, end } = flatPassages(overlaps)
  // By document, by start, the longest first (then in the overlaps' order), as one ascending key
  // each.
  const order = new Uint32Array(total)
  for (let e = 0; e < total; e++) order[e] = e
  const sorted = sortIndicesByKeys(order, total, [(e) => doc[e], (e) => start[e], (e) => -end[e]])
  const keys = Float64Array.from(sorted, (e) => doc[e] * 2 ** 32 + start[e])
  // Per place, the nearest before it in its document that ends as far or further (-1: none): from
  // a passage that ends short of another, the next that may hold it is there, the ones between
  // ending shorter still.
  const reaching = new Int32Array(total)
  const stack: number[] = []
  for (let r = 0; r < total; r++) {
    if (r > 0 && doc[sorted[r - 1]] !== doc[sorted[r]]) stack.length = 0
    while (stack.length && end[sorted[stack[stack.length - 1]]] < end[sorted[r]]) stack.pop()
    reaching[r] = stack.length ? stack[stack.length - 1] : -1
    stack.push(r)
  }
  /** The nearest place at or before r (in r's document) whose passage ends at `to` or further; -1 if none. */
  const reachingFrom = (r: number, to: number): number => {
    while (r >= 0 && end[sorted[r]] < to) r = reaching[r]
    return r
  }
  /** Whether overlaps h and k have the same passages (each sorted by document and start). */
  const same = (h: number, k: number): boolean => {
    if (first[h + 1] - first[h] !== first[k + 1] - first[k]) return false
    for (let e = first[h], f = first[k]; e < first[h + 1]; e++, f++)
      if (doc[e] !== doc[f] || start[e] !== start[f] || end[e] !== end[f]) return false
    return true
  }
  /** Whether passage p lies inside the one passage overlap h has in its document (CONTAINED_SHARE of it). */
  const holds = (h: number, p: PairPassage): boolean => {
    const docs = doc.subarray(first[h], first[h + 1])
    const at = lowerBound(docs, p.doc)
    if (at === docs.length || docs[at] !== p.doc || upperBound(docs, p.doc) !== at + 1) return false
    const e = first[h] + at
    return Math.min(end[e], p.end) - Math.max(start[e], p.start) + 1 >= p.end - p.start + 1 - slackOf(p.start, p.end)
  }
  /** Whether each passage of `o` lies inside the one passage overlap h has in its document, or each in its own of h's, paired as h pairs them (pairedInside). */
  const inside = (o: Held, h: number): boolean => o.passages.every((p) => holds(h, p)) || pairedInside(overlaps[h], o)
  const inner = new Uint8Array(overlaps.length)
  for (let k = 0; k < overlaps.length; k++) {
    const o = overlaps[k]
    if (o.duplicate) continue
    // The holders of its longest passage, each tried for all of its passages.
    let longest = o.passages[0]
    for (const p of o.passages) if (p.end - p.start > longest.end - longest.start) longest = p
    // From the last passage starting at or before it (its slack aside), in its document, back.
    const slack = slackOf(longest.start, longest.end)
    const reach = longest.end - slack
    for (
      let r = reachingFrom(upperBound(keys, longest.doc * 2 ** 32 + longest.start + slack) - 1, reach), looked = 0;
      r >= 0 && doc[sorted[r]] === longest.doc && looked < MAX_LOOKED_AT;
      r = reachingFrom(r - 1, reach), looked++
    ) {
      const h = owner[sorted[r]]
      if (h === k || inner[h] || end[sorted[r]] < reach) continue
      if ((overlaps[h].kind === 'paraphrase' && o.kind !== 'paraphrase') || overlaps[h].likeness) continue
      // The same passages as an overlap before it, even two in one document: the same text twice,
      // under one id (overlapId reads the passages), the second saying nothing the first does not
      // (a reviewer: two overlaps of 17 avatar links in 16 READMEs).
      if (h < k && same(h, k)) {
        inner[k] = 1
        break
      }
      if (!inside(o, h)) continue
      // Of two overlaps with the same passages, the later one is inside the first.
      if (h > k && o.passages.length === overlaps[h].passages.length && inside(overlaps[h], k)) continue
      inner[k] = 1
      break
    }
  }
  return inner
}

/**
 * Whether each passage of `inner` lies inside its own passage of `outer` and every pairing it makes
 * is one `outer` shows (see above): as many passages, the k-th inside the k-th (both sorted by
 * document and start); and `outer` is verbatim with each of `inner`'s passages as long and as far
 * from the start of the passage holding it (the same words at the same place of the same text),
 * or all pairs of its passages are compared (MAX_PAIRWISE_PASSAGES).
 */
function pairedInside(outer: Held, inner: Held): boolean {
  const { passages } = outer
  if (passages.length !== inner.passages.length) return false
  if (!inner.passages.every((p, k) => passages[k].doc === p.doc && passages[k].start <= p.start && p.end <= passages[k].end)) return false
  if (passages.length <= MAX_PAIRWISE_PASSAGES) return true
  if (outer.kind !== 'verbatim') return false
  const p0 = inner.passages[0]
  const q0 = passages[0]
  return inner.passages.every((p, k) => p.start - passages[k].start === p0.start - q0.start && p.end - p.start === p0.end - p0.start)
}

/**
 * Per overlap of `shown` (each its passages as shown, in order; the first kept of equals), 1 when
 * an overlap before it is shown with the same passages: the same text twice, under one id
 * (overlaps.ts overlapId reads them). Overlaps whose passages as clustered differ can meet there,
 * their edges read alike (overlaps.ts shownEdges): two overlaps of 32 passages of the same
 * sign-off line in Debian's changelogs, one from 84 pairs and one from 32, listed both, 7,000
 * places apart, under one id (three such ids in 13,686 overlaps).
 */
export function shownTwice(shown: readonly (readonly PairPassage[])[]): Uint8Array {
  const again = new Uint8Array(shown.length)
  // By a hash of the passages, the overlaps met so far; equal hashes compared whole.
  const seen = new Map<number, number[]>()
  const same = (a: readonly PairPassage[], b: readonly PairPassage[]): boolean =>
    a.length === b.length && a.every((p, i) => p.doc === b[i].doc && p.start === b[i].start && p.end === b[i].end)
  shown.forEach((passages, k) => {
    let h = passages.length
    for (const p of passages) h = mix32(mix32(mix32(h, p.doc), p.start), p.end)
    h = fmix32(h)
    const before = seen.get(h)
    if (before?.some((j) => same(shown[j], passages))) again[k] = 1
    else if (before) before.push(k)
    else seen.set(h, [k])
  })
  return again
}
