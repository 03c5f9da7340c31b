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
 * Per likeness of `overlaps` (by id), the ids of the overlaps its passages are like (see above):
 * those that are no likeness and share characters with its passages in the same documents, the
 * most characters first (the first listed where as many), MAX_LIKENESS_TEXTS at most. The
 * passages are read by document once: a licence's overlaps hold thousands of passages, and the
 * list is drawn again at every change of its filters.
 */
export function likenessTexts(overlaps: readonly LikenessCandidate[]): Map<string, string[]> {
  const out = new Map<string, string[]>()
  const likenesses = overlaps.filter((o) => o.likeness)
  if (!likenesses.length) return out
  const wanted = new Set(likenesses.flatMap((l) => l.passages.map((p) => p.doc)))
  // The passages of the other overlaps in the documents the likenesses are in: [overlap, start, end].
  const byDoc = new Map<string, number[]>()
  overlaps.forEach((o, k) => {
    if (o.likeness) return
    for (const q of o.passages) {
      if (!wanted.has(q.doc)) continue
      let list = byDoc.get(q.doc)
      if (!list) byDoc.set(q.doc, (list = []))
      list.push(k, q.start, q.end)
    }
  })
  for (const likeness of likenesses) {
    const chars = new Map<number, number>()
    for (const p of likeness.passages) {
      const list = byDoc.get(p.doc) ?? []
      for (let i = 0; i < list.length; i += 3) {
        const common = Math.min(p.end, list[i + 2]) - Math.max(p.start, list[i + 1])
        if (common > 0) chars.set(list[i], (chars.get(list[i]) ?? 0) + common)
      }
    }
    const texts = [...chars].sort(([x, cx], [y, cy]) => cy - cx || x - y).slice(0, MAX_LIKENESS_TEXTS)
    out.set(
      likeness.id,
      texts.map(([k]) => overlaps[k].id),
    )
  }
  return out
}
