import type { Overlap } from './overlaps.js'

// The texts a loose likeness is like (Overlap.likeness, bridged.ts). The likeness is listed apart
// from them and ranked by its own score, often hundreds of places from them; a reader who meets
// it asks what it is like. Its passages lie on the texts' passages (one side of a pair that reads
// a text again lies in the text's passage of that document; a pair that joins two texts lies on
// both), so the texts are the overlaps whose passages cover most of its passages' characters. A
// likeness of a licence's clause lies on the passages of dozens of overlaps (each part of the
// licence that some documents share is one), most of which cover a few of its words: the
// covering ones first, MAX_LIKENESS_TEXTS of them.

/**
 * Texts named per likeness, at most: a likeness joins two texts, or reads one again; the overlaps
 * that cover less of it are parts of those texts that fewer documents share, or other texts it
 * touches with a few words.
 */
export const MAX_LIKENESS_TEXTS = 2

/** What likenessTexts reads of an overlap. */
export type LikenessCandidate = Pick<Overlap, 'id' | 'passages' | 'likeness'>

/**
 * The ids of the overlaps of `overlaps` that `likeness`'s passages are like (see above): those
 * that are no likeness and share characters with its passages in the same documents, the most
 * characters first (the first listed where as many), MAX_LIKENESS_TEXTS at most.
 */
export function likenessTexts(likeness: LikenessCandidate, overlaps: readonly LikenessCandidate[]): string[] {
  const covered: { id: string; chars: number; at: number }[] = []
  overlaps.forEach((o, at) => {
    if (o.likeness || o.id === likeness.id) return
    let chars = 0
    for (const p of likeness.passages)
      for (const q of o.passages) if (q.doc === p.doc) chars += Math.max(0, Math.min(p.end, q.end) - Math.max(p.start, q.start))
    if (chars > 0) covered.push({ id: o.id, chars, at })
  })
  covered.sort((x, y) => y.chars - x.chars || x.at - y.at)
  return covered.slice(0, MAX_LIKENESS_TEXTS).map((c) => c.id)
}
