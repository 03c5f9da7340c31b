import { type AnalysedDocument, analyse } from '../engine/analyse.js'
import { MIN_SIMILARITY } from '../engine/overlaps.js'
import { Run } from '../engine/progress.js'
import { comparedPairs } from '../engine/variant-pairs.js'
import { sameWords, type Variant, variantOf } from '../engine/variants.js'
import { OffsetMap } from '../text/offsets.js'

// Word-level differences between the passages of an imported overlap, as the engine gives them
// for its own (engine/variants.ts): passim and TextPAIR give none, so the passages are analysed on
// their own by the engine's tokenizer and normaliser, and diffed pair by pair under the engine's
// limits (the pairs of variant-pairs.ts; a pair with the same words gets no variant). A pair
// sharing fewer content words than the engine would call one passage (Dice similarity of their
// words under MIN_SIMILARITY: a cluster joined through a third passage) is not diffed, its changes
// null as for a diff that gave up: such a diff costs much and shows nothing. Offsets are code
// points into each passage's document.

/** The variants of an overlap whose passages are `passages` (texts and where they start). */
export function passageVariants(passages: readonly { doc: string; start: number; text: string }[]): Variant[] {
  const corpus = analyse(
    passages.map((p, k) => ({ id: String(k), text: p.text })),
    false,
    new Run(),
  )
  const maps = passages.map((p) => new OffsetMap(p.text))
  const variants: Variant[] = []
  for (const [i, j] of comparedPairs(passages.map((p) => p.doc))) {
    const a = corpus.docs[i]
    const b = corpus.docs[j]
    // Two passages without words are alike; one without words against one with cannot be diffed.
    if (a.starts.length === 0 || b.starts.length === 0) {
      if (a.starts.length !== b.starts.length) variants.push({ a: i, b: j, changes: null })
      continue
    }
    const sideA = { doc: a, start: 0, end: a.starts.length - 1, map: maps[i] }
    const sideB = { doc: b, start: 0, end: b.starts.length - 1, map: maps[j] }
    if (sameWords(sideA, sideB)) continue
    if (contentDice(a, b) < MIN_SIMILARITY) {
      variants.push({ a: i, b: j, changes: null })
      continue
    }
    const variant = variantOf(i, j, sideA, sideB)
    const { changes } = variant
    const shift = (c: NonNullable<typeof changes>[number]) => ({
      ...c,
      aStart: c.aStart + passages[i].start,
      aEnd: c.aEnd + passages[i].start,
      bStart: c.bStart + passages[j].start,
      bEnd: c.bEnd + passages[j].start,
    })
    variants.push({ ...variant, changes: changes && changes.map(shift) })
  }
  return variants
}

/** Dice similarity of two passages' content words (function words left out, as the engine does). */
function contentDice(a: AnalysedDocument, b: AnalysedDocument): number {
  const counts = new Map<number, number>()
  for (const t of a.content) counts.set(a.surface[t], (counts.get(a.surface[t]) ?? 0) + 1)
  let shared = 0
  for (const t of b.content) {
    const n = counts.get(b.surface[t])
    if (n) {
      shared++
      counts.set(b.surface[t], n - 1)
    }
  }
  const total = a.content.length + b.content.length
  return total ? (2 * shared) / total : 1
}
