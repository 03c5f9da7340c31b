import { paragraphBetween } from './align.js'
import type { AlignedSpans } from './aligned-spans.js'
import { type AnalysedDocument, contentFrom } from './analyse.js'
import type { Cluster, PairPassage } from './cluster.js'
import type { PairTable } from './pair-table.js'

// A restatement found across a pair kept of the same two texts is that pair read to the edges of
// its sentences. The paraphrase pass reads whole sentences; where a verbatim or edited pair lies
// in them ("'k', 'm', 'g', 't' (either upper-case or lower-case), then it is interpreted in
// power-of-two kilobytes", cut where the two texts' words part), the two were one sentence pair
// reported twice, a fragment of it ranked first and the whole of it as a paraphrase (a reviewer,
// on mke2fs and resize2fs). Read as one pair, from the first to the last word of either, it is
// one report with sentence edges, its differences shown as changes: "If the fs-size is suffixed
// by 'k', ..." / "Optionally, the size parameter may be suffixed by one of the following units
// designators: 'K', ...".
//
// Only where the sentences share words outside the pairs (`adds`: "size", "suffixed"; the
// "target" both entries are headed by): a phrase two authors quote in sentences of their own
// ("New quality productive forces are driven by revolutionary technological breakthroughs, ..." /
// "Specifically, it called for "promoting revolutionary technological breakthroughs, ...") stays
// the phrase, and a restatement that shares nothing besides it is not reported again. A
// restatement of several texts is read so only when every pair of it is (keptWidened): otherwise
// its other texts would lose it.

/**
 * Tokens of each side of a restatement a kept pair must hold for the restatement to be that pair
 * read to its sentences. One is too few: a pair that starts on the last word of the sentence
 * before ("Kilobytes.\n\n'Z' System's page size", another entry) meets the sentence "Average size
 * of the process's shared text, in Kilobytes" in that word only; two are the words of a pair cut
 * partway through a sentence ("legal values being 'PEM").
 */
export const MIN_HELD = 2

/** What the widening reads of a document: its tokens, content words and paragraph breaks. */
type Words = Pick<AnalysedDocument, 'text' | 'starts' | 'ends' | 'match' | 'content' | 'contentBlocks'>

/** A restatement read with the kept pairs it lies across: their joined extents. */
export interface Widened {
  a: PairPassage
  b: PairPassage
  /** The best kind (KIND_RANK) of the kept pairs it lies across. */
  kind: number
  /** Whether its two sides share a content word outside those pairs (see above). */
  adds: boolean
}

/**
 * Tokens [a0, a1] of document da and [b0, b1] of db joined with the kept pairs (`kept`, read
 * through `spans`) of those two documents that hold MIN_HELD tokens of each and reach them within
 * their paragraphs (joinsParagraphs); undefined when none does.
 */
export function widenedOver(
  spans: AlignedSpans,
  kept: PairTable,
  docs: readonly Words[],
  da: number,
  a0: number,
  a1: number,
  db: number,
  b0: number,
  b1: number,
): Widened | undefined {
  const A = docs[da]
  const B = docs[db]
  let widened: Widened | undefined
  for (const s of spans.meeting(da, a0, a1, db, b0, b1)) {
    const s0 = kept.start(s)
    const s1 = kept.end(s)
    const t0 = kept.start(s ^ 1)
    const t1 = kept.end(s ^ 1)
    if (Math.min(s1, a1) - Math.max(s0, a0) + 1 < MIN_HELD || Math.min(t1, b1) - Math.max(t0, b0) + 1 < MIN_HELD) continue
    if (joinsParagraphs(A, s0, s1, a0, a1) || joinsParagraphs(B, t0, t1, b0, b1)) continue
    if (!widened)
      widened = { a: { doc: da, start: s0, end: s1 }, b: { doc: db, start: t0, end: t1 }, kind: kept.kind(s >>> 1), adds: false }
    const { a, b } = widened
    ;[a.start, a.end, b.start, b.end] = [Math.min(a.start, s0), Math.max(a.end, s1), Math.min(b.start, t0), Math.max(b.end, t1)]
    widened.kind = Math.min(widened.kind, kept.kind(s >>> 1))
  }
  if (!widened) return undefined
  const { a, b } = widened
  widened.adds = sharedOutside(A, a0, a1, a.start, a.end, B, b0, b1, b.start, b.end)
  ;[a.start, a.end, b.start, b.end] = [Math.min(a.start, a0), Math.max(a.end, a1), Math.min(b.start, b0), Math.max(b.end, b1)]
  return widened
}

/**
 * Whether side [s0, s1] of a kept pair reaches restatement side [r0, r1] of `doc` across the
 * paragraph break before or after it: a pair that runs a few words into the next paragraph, the
 * next entry of a list ("...that address.\n\nnumber Match only"), joins no restatement of that
 * entry to the paragraph before, which the paragraph edges would have cut it back to (paragraph-edge.ts).
 */
function joinsParagraphs(doc: Words, s0: number, s1: number, r0: number, r1: number): boolean {
  return (s0 < r0 && paragraphBetween(doc, r0 - 1, r0)) || (s1 > r1 && paragraphBetween(doc, r1, r1 + 1))
}

/** The match ids of the content words of tokens [t0, t1] of `doc` outside tokens [k0, k1]. */
function contentOutside(doc: Words, t0: number, t1: number, k0: number, k1: number): number[] {
  const out: number[] = []
  for (let c = contentFrom(doc, t0); c < doc.content.length && doc.content[c] <= t1; c++)
    if (doc.content[c] < k0 || doc.content[c] > k1) out.push(doc.match[doc.content[c]])
  return out
}

/**
 * Whether restatement sides [a0, a1] of A and [b0, b1] of B share a content word outside the
 * pairs' extents [ka0, ka1] and [kb0, kb1].
 */
function sharedOutside(
  A: Words,
  a0: number,
  a1: number,
  ka0: number,
  ka1: number,
  B: Words,
  b0: number,
  b1: number,
  kb0: number,
  kb1: number,
): boolean {
  const inA = new Set(contentOutside(A, a0, a1, ka0, ka1))
  return inA.size > 0 && contentOutside(B, b0, b1, kb0, kb1).some((m) => inA.has(m))
}

/**
 * The restatements left once those each of whose pairs was widened (`widened`, by pair) are
 * handed to `keep` as the kept pairs they are, pair by pair, those that add words (the others
 * are their pairs reported again).
 */
export function keptWidened(restatements: Cluster[], widened: ReadonlyMap<number, Widened>, keep: (pair: Widened) => void): Cluster[] {
  return restatements.filter((c) => {
    if (!c.pairs.every((i) => widened.has(i))) return true
    for (const i of c.pairs) if (widened.get(i)!.adds) keep(widened.get(i)!)
    return false
  })
}
