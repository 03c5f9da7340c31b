import { type AnalysedDocument, analyse } from '../engine/analyse.js'
import { MAX_DIFFS, MAX_PAIRWISE_PASSAGES, MIN_SIMILARITY } from '../engine/overlaps.js'
import { Run } from '../engine/progress.js'
import { diffPassages, type Variant } from '../engine/variants.js'
import { OffsetMap } from '../text/offsets.js'

// Word-level differences between the passages of an imported overlap, as the engine gives them
// for its own (engine/variants.ts): passim and TextPAIR give none, so the passages are analysed on
// their own by the engine's tokenizer and normaliser, and diffed pair by pair under the engine's
// limits (all pairs up to MAX_PAIRWISE_PASSAGES passages, then the first against the rest, at most
// MAX_DIFFS). A pair sharing fewer content words than the engine would call one passage (Dice similarity of
// their words under MIN_SIMILARITY: a cluster joined through a third passage) is not diffed, its
// changes null as for a diff that gave up: such a diff costs much and shows nothing. Offsets are
// code points into each passage's document.

/** The variants of an overlap whose passages are `passages` (texts and where they start). */
export function passageVariants(passages: readonly { doc: string; start: number; text: string }[]): Variant[] {
  const corpus = analyse(
    passages.map((p, k) => ({ id: String(k), text: p.text })),
    false,
    new Run(),
  )
  const maps = passages.map((p) => new OffsetMap(p.text))
  const variants: Variant[] = []
  const count = passages.length
  for (let i = 0; i < count; i++) {
    for (let j = i + 1; j < count; j++) {
      if ((count > MAX_PAIRWISE_PASSAGES && i > 0) || variants.length >= MAX_DIFFS) break
      if (passages[i].doc === passages[j].doc) continue
      const a = corpus.docs[i]
      const b = corpus.docs[j]
      if (a.starts.length === 0 || b.starts.length === 0) continue
      if (contentDice(a, b) < MIN_SIMILARITY) {
        variants.push({ a: i, b: j, changes: null })
        continue
      }
      const changes = diffPassages(
        { doc: a, start: 0, end: a.starts.length - 1, map: maps[i] },
        { doc: b, start: 0, end: b.starts.length - 1, map: maps[j] },
      )
      const shift = (c: NonNullable<typeof changes>[number]) => ({
        ...c,
        aStart: c.aStart + passages[i].start,
        aEnd: c.aEnd + passages[i].start,
        bStart: c.bStart + passages[j].start,
        bEnd: c.bEnd + passages[j].start,
      })
      variants.push({ a: i, b: j, changes: changes && changes.map(shift) })
    }
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
