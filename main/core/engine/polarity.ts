import type { AnalysedDocument } from './analyse.js'
import { lowerBound } from '../text/sorted.js'
import { negationBefore } from './negated-edges.js'
import { breaksClause, endsSentence, fullLineOf } from './sentences.js'
import { negates } from './stopwords.js'

// A restatement says what the other passage says; two passages whose words are the same but for
// a negation of one of them say the opposite. The paraphrase pass compares content words, and a
// negation is a function word ("not", "no": stopwords.ts), so "A single file is possible to
// decompress in place" and "It is not possible to decompress a single file in place" were a
// paraphrase of cosine 1, and dpkg's "need not await the processing of this trigger" and "The
// package awaits trigger processing" one too (a reviewer: false). Where one side negates words
// both sides have and the other negates none of them, the pair is no paraphrase (overlaps.ts).
// What a negation negates is read without a parse: the first content word after it in its clause
// ("not possible", "need not await"), past an adverb ("no longer possible", "not always
// possible": ADVERBS), and the words joined to that one by "or", "and" or "nor" ("no
// representations or warranties"). So a negation of another word ("which need not be copied")
// leaves the claim as it is, and both sides negating the words they share say the same
// ("WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND" / "no representations or warranties of any
// kind"). Read to its clause's end, a negation turned licences' restatements into opposites: GPL
// 2's "do not apply to those sections when you distribute them as separate works" and GPL 3's
// "separate and independent works", LGPL 2.1's terms that "permit modification" and LGPL 3's
// that "do not restrict modification". Not read as negations: "or not" and "or without"
// ("whether or not", "with or without modification"), "not only" ("not only X but also Y" says
// X), and "no" joined to the next word ("no-charge"). A negation said in a word of its own
// ("Declining to grant rights" / "does not grant permission") is not read as one, and that pair
// is lost.

/**
 * Adverbs between a negation and the word it negates ("no longer possible"). A closed list: any
 * content word past the first would reach the clause's objects, which the clause may share
 * whatever it negates.
 */
const ADVERBS: ReadonlySet<string> = new Set([
  'longer',
  'always',
  'necessarily',
  'even',
  'yet',
  'ever',
  'really',
  'entirely',
  'fully',
  'quite',
  'otherwise',
  'currently',
  'generally',
  'usually',
  'completely',
  'exactly',
])

/** Words that join another word to the one a negation negates ("no representations or warranties"). */
const JOINS: ReadonlySet<string> = new Set(['or', 'and', 'nor'])

/** Words after "not" that make it no negation of what follows ("not only X but also Y"). */
const NOT_ONLY: ReadonlySet<string> = new Set(['only', 'just', 'merely', 'simply'])

/** Whether token t of D negates what follows it in its clause (see above). */
function negatesHere(D: AnalysedDocument, surfaces: readonly string[], t: number): boolean {
  if (!negates(surfaces[D.surface[t]])) return false
  if (t > 0 && surfaces[D.surface[t - 1]] === 'or') return false
  if (t + 1 < D.starts.length && NOT_ONLY.has(surfaces[D.surface[t + 1]])) return false
  // "no-charge": a hyphen and nothing else between it and the next word.
  if (t + 1 < D.starts.length && /^[-\u2010\u2011]$/.test(D.text.slice(D.ends[t], D.starts[t + 1]))) return false
  return true
}

/**
 * The match ids of `shared` that tokens [t0, t1] of D negate (see above): after each negation, in
 * its clause and sentence and inside the span, its first content word but for ADVERBS, and the
 * words JOINS join to it.
 */
export function negatedShared(
  D: AnalysedDocument,
  surfaces: readonly string[],
  t0: number,
  t1: number,
  shared: ReadonlySet<number>,
): Set<number> {
  const out = new Set<number>()
  const fullLine = fullLineOf(D)
  const apart = (t: number): boolean => breaksClause(D.text, D.ends[t], D.starts[t + 1]) || endsSentence(D, t, fullLine)
  const content = (t: number): boolean => D.content[lowerBound(D.content, t)] === t
  for (let t = t0; t <= t1; t++) {
    if (!negatesHere(D, surfaces, t)) continue
    // The first content word after it, past the adverbs.
    let u = t + 1
    while (u <= t1 && !apart(u - 1) && (!content(u) || ADVERBS.has(surfaces[D.surface[u]]))) u++
    if (u > t1 || apart(u - 1)) continue
    for (;;) {
      if (shared.has(D.match[u])) out.add(D.match[u])
      // "or warranties": a join and a content word next, in the clause.
      const next = u + 2
      if (next > t1 || apart(u) || apart(u + 1) || !JOINS.has(surfaces[D.surface[u + 1]]) || !content(next)) break
      u = next
    }
  }
  return out
}

/** The match ids of the content words of tokens [t0, t1] of D. */
function contentMatches(D: AnalysedDocument, t0: number, t1: number): Set<number> {
  const out = new Set<number>()
  for (let c = lowerBound(D.content, t0); c < D.content.length && D.content[c] <= t1; c++) out.add(D.match[D.content[c]])
  return out
}

/**
 * Whether tokens [a0, a1] of A and [b0, b1] of B say opposite things (see above): one negates
 * content words both have, and the other none of them. Each side is read from the negation that
 * governs it, which its passage takes in (negated-edges.ts): CC0's "no representations or
 * warranties of any kind" was paired from "warranties".
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
  a0 = governed(A, surfaces, a0)
  b0 = governed(B, surfaces, b0)
  const inA = contentMatches(A, a0, a1)
  const inB = contentMatches(B, b0, b1)
  const shared = new Set([...inA].filter((m) => inB.has(m)))
  return negatedShared(A, surfaces, a0, a1, shared).size > 0 !== negatedShared(B, surfaces, b0, b1, shared).size > 0
}

/** Where a side starting at token t0 of D starts with the negation that governs it (negated-edges.ts). */
function governed(D: AnalysedDocument, surfaces: readonly string[], t0: number): number {
  const before = negationBefore(D, surfaces, t0)
  return before >= 0 ? before : t0
}
