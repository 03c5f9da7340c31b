import type { AnalysedDocument } from './analyse.js'
import { lowerBound } from '../text/sorted.js'
import { negationBefore } from './negated-edges.js'
import { breaksClause } from './sentences.js'
import { negates } from './stopwords.js'

// A restatement says what the other passage says; two passages whose words are the same but for
// a negation of one of them say the opposite. The paraphrase pass compares content words, and a
// negation is a function word ("not", "no": stopwords.ts), so "A single file is possible to
// decompress in place" and "It is not possible to decompress a single file in place" were a
// paraphrase of cosine 1, and dpkg's "need not await the processing of this trigger" and "The
// package awaits trigger processing" one too (a reviewer: false). Where one side negates a word
// both sides have and the other holds no negation, the pair is no paraphrase (overlaps.ts). What a
// negation negates is read without a parse: the first content word after it in its clause ("not
// possible", "need not await", "no control-field-names"). Negations of other words leave the pair
// as it is: LGPL 2.1's "uses only numerical parameters, data structure layouts and accessors" and
// LGPL 3's "is not limited to numerical parameters, data structure layouts and accessors" are the
// same clause of the two versions, its condition turned round, which a reader comparing them
// looks for. Both sides negating, whatever each negates, say the same or near it ("WITHOUT
// WARRANTIES OR CONDITIONS OF ANY KIND" / "no representations or warranties of any kind"). A
// negation said in a word of its own ("Declining to grant rights" / "does not grant permission")
// is not read as one, and that pair is lost.

/**
 * Whether tokens [t0, t1] of D negate a content word that `shared` holds (by match id): a
 * negation whose next content word in its clause, inside the span, is one.
 */
export function negatesShared(
  D: AnalysedDocument,
  surfaces: readonly string[],
  t0: number,
  t1: number,
  shared: ReadonlySet<number>,
): boolean {
  for (let t = t0; t <= t1; t++) {
    if (!negates(surfaces[D.surface[t]])) continue
    const c = lowerBound(D.content, t + 1)
    const next = c < D.content.length ? D.content[c] : t1 + 1
    if (next > t1 || !shared.has(D.match[next])) continue
    let apart = false
    for (let u = t; u < next && !apart; u++) apart = breaksClause(D.text, D.ends[u], D.starts[u + 1])
    if (!apart) return true
  }
  return false
}

/** The match ids of the content words of tokens [t0, t1] of D. */
function contentMatches(D: AnalysedDocument, t0: number, t1: number): Set<number> {
  const out = new Set<number>()
  for (let c = lowerBound(D.content, t0); c < D.content.length && D.content[c] <= t1; c++) out.add(D.match[D.content[c]])
  return out
}

/**
 * Whether tokens [a0, a1] of A and [b0, b1] of B say opposite things (see above): one negates a
 * content word both have, and the other holds no negation at all.
 */
export function saysOpposite(
  A: AnalysedDocument,
  a0: number,
  a1: number,
  B: AnalysedDocument,
  b0: number,
  b1: number,
  surfaces: readonly string[],
): boolean {
  // Each side from the negation that governs it, which its passage will take in (negated-edges.ts):
  // CC0's "no representations or warranties of any kind" was paired from "warranties".
  a0 = governed(A, surfaces, a0)
  b0 = governed(B, surfaces, b0)
  const negatedA = hasNegation(A, surfaces, a0, a1)
  if (negatedA === hasNegation(B, surfaces, b0, b1)) return false
  const inA = contentMatches(A, a0, a1)
  const inB = contentMatches(B, b0, b1)
  const shared = new Set([...inA].filter((m) => inB.has(m)))
  return negatedA ? negatesShared(A, surfaces, a0, a1, shared) : negatesShared(B, surfaces, b0, b1, shared)
}

/** Where a side starting at token t0 of D starts with the negation that governs it (negated-edges.ts). */
function governed(D: AnalysedDocument, surfaces: readonly string[], t0: number): number {
  const before = negationBefore(D, surfaces, t0)
  return before >= 0 ? before : t0
}

/** Whether tokens [t0, t1] of D hold a negation. */
function hasNegation(D: AnalysedDocument, surfaces: readonly string[], t0: number, t1: number): boolean {
  for (let t = t0; t <= t1; t++) if (negates(surfaces[D.surface[t]])) return true
  return false
}
