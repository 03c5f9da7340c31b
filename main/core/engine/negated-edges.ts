import { type AnalysedDocument, isFunctionWord, negatesAt } from './analyse.js'
import type { PairPassage } from './cluster.js'
import type { Lexicon } from './lexicon.js'
import { breaksClause, endsSentence, fullLineOf, stopAfter } from './sentences.js'

// A passage's edge just past the negation that governs it. Passages are aligned on what two texts
// share, and a negation can stand outside that: a hard-wrapped licence's "THERE IS NO\nWARRANTY
// FOR THE LIBRARY" was aligned from "WARRANTY" on (a line break in the way of the function words
// before it), "IN NO EVENT UNLESS REQUIRED BY APPLICABLE LAW ... WILL ANY COPYRIGHT HOLDER ... BE
// LIABLE" from "UNLESS" (the other licences say "In no event and under no legal theory"), CC0's
// "makes no representations or warranties of any kind" from "warranties", LGPL's "even though the
// source code is not" to "code" (a reviewer of ten licences: five overlaps so). Each such passage
// says the opposite of its text. So a passage takes in a negation (stopwords.ts `negates`) among
// the MAX_NEGATION_REACH tokens before its start in its clause, and with it the function words
// that open the clause before the negation ("THERE IS NO", "IN NO EVENT"). After its end, only a
// negation that ends the sentence ("is not."): one with words after it negates those, which the
// passage does not hold ("library facilities | not covered by this License", "is not, as the
// manual explains, removed"). The other passages of the overlap show whether their texts say it
// too: where one does not, the two differ there, as they do. Without a parse, a negation of the
// clause before, joined without punctuation, is taken in too ("if the directory does not exist
// | the program creates it"): a few words more, not a claim turned over.

/**
 * Tokens before a passage's start (after its end), at most, among which a negation governing it
 * is taken in: "IN NO EVENT UNLESS", "makes no representations or warranties". Further, the
 * negation is another clause's, or the passage's words are not the ones it negates.
 */
export const MAX_NEGATION_REACH = 4

/**
 * Function words before a negation, at most, taken in with it: the clause's opening, "THERE IS
 * NO", "You may not". Further back they are another clause's, joined without a comma ("... may
 * revise it and you may not distribute": "it and" is the first clause's).
 */
export const MAX_OPENING_WORDS = 2

/**
 * The negation that governs a passage starting at token t0 of `doc` (see above): the nearest of
 * the MAX_NEGATION_REACH tokens before it, with no clause or sentence ending between; -1 where
 * none does. `fullLine` as sentences.ts fullLineOf gives it.
 */
export function negationBefore(doc: AnalysedDocument, surfaces: readonly string[], t0: number, fullLine = fullLineOf(doc)): number {
  // The nearest negation within reach is found first (most passages have none), then the clause
  // is read back to it.
  let before = t0 - 1
  while (before >= 0 && t0 - before <= MAX_NEGATION_REACH && !negatesAt(surfaces, doc, before)) before--
  if (before < 0 || t0 - before > MAX_NEGATION_REACH) return -1
  for (let t = before; t < t0; t++) if (breaksClause(doc.text, doc.ends[t], doc.starts[t + 1]) || endsSentence(doc, t, fullLine)) return -1
  return before
}

/**
 * `passages` (sorted by document and start, apart) with their edges taken to the negations that
 * govern them (see above), never into another of them: the same objects where none is.
 */
export function withGoverningNegations<P extends PairPassage>(passages: P[], docs: readonly AnalysedDocument[], lexicon: Lexicon): P[] {
  let out: P[] | undefined
  passages.forEach((p, i) => {
    const doc = docs[p.doc]
    const fullLine = fullLineOf(doc)
    const negation = (t: number): boolean => negatesAt(lexicon.surfaces, doc, t)
    const function_ = (t: number): boolean => isFunctionWord(lexicon, doc, t)
    /** Whether the gap between tokens t and t + 1 ends a clause or a sentence. */
    const apart = (t: number): boolean => breaksClause(doc.text, doc.ends[t], doc.starts[t + 1]) || endsSentence(doc, t, fullLine)
    /** Whether a clause or a sentence ends after any of tokens from..to. */
    const apartWithin = (from: number, to: number): boolean => {
      for (let t = from; t <= to; t++) if (apart(t)) return true
      return false
    }
    let start = p.start
    const before = negationBefore(doc, lexicon.surfaces, p.start, fullLine)
    if (before >= 0) {
      start = before
      for (let k = 0; k < MAX_OPENING_WORDS && start > 0 && function_(start - 1) && !apart(start - 1); k++) start--
    }
    let end = p.end
    const last = doc.starts.length - 1
    let after = p.end + 1
    while (after <= last && after - p.end <= MAX_NEGATION_REACH && !negation(after)) after++
    if (after <= last && after - p.end <= MAX_NEGATION_REACH && !apartWithin(p.end, after - 1) && (after === last || stopAfter(doc, after)))
      end = after
    // Not into the passage of the same document before or after it.
    const previous = passages[i - 1]
    const next = passages[i + 1]
    if (previous?.doc === p.doc && start <= previous.end) start = p.start
    if (next?.doc === p.doc && end >= next.start) end = p.end
    if (start === p.start && end === p.end) return
    out ??= [...passages]
    out[i] = { ...p, start, end }
  })
  return out ?? passages
}
