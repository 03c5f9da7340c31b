// The first screen: the app opens on the two documents that share the most, with their strongest
// shared passage selected, rather than on the first two documents in the list (which may share
// nothing visible).

interface Shared {
  id: string
  score: number
  boilerplate?: boolean
  duplicate?: boolean
  passages: readonly { doc: string; start: number; end: number }[]
}

/**
 * The pair of documents sharing the most text (summed lengths of their passages in overlaps both
 * take part in; site boilerplate and whole duplicate documents left out, as they say nothing
 * about the texts) and the overlap to select between them: the highest-scoring one holding only
 * these two, else the highest-scoring one holding both. Ties go to the documents first in
 * `documents`. Null when no two documents share anything.
 */
export function firstPair(documents: readonly string[], overlaps: readonly Shared[]): { docs: [string, string]; overlap: string } | null {
  const order = new Map(documents.map((d, i) => [d, i]))
  const key = (a: string, b: string) => ((order.get(a) ?? 0) <= (order.get(b) ?? 0) ? `${a}\n${b}` : `${b}\n${a}`)
  const shared = new Map<string, number>()
  const usable = overlaps.filter((o) => !o.boilerplate && !o.duplicate)
  for (const o of usable) {
    const length = new Map<string, number>()
    for (const p of o.passages) if (order.has(p.doc)) length.set(p.doc, (length.get(p.doc) ?? 0) + (p.end - p.start))
    const docs = [...length.keys()]
    for (const [i, a] of docs.entries()) {
      for (const b of docs.slice(i + 1)) {
        const k = key(a, b)
        shared.set(k, (shared.get(k) ?? 0) + length.get(a)! + length.get(b)!)
      }
    }
  }
  let best: string | null = null
  for (const [k, total] of shared) {
    if (best === null || total > shared.get(best)!) best = k
    else if (total === shared.get(best)! && rank(k, order) < rank(best, order)) best = k
  }
  if (best === null) return null
  const [a, b] = best.split('\n') as [string, string]
  const both = usable.filter((o) => o.passages.some((p) => p.doc === a) && o.passages.some((p) => p.doc === b))
  const only = both.filter((o) => o.passages.every((p) => p.doc === a || p.doc === b))
  const top = (list: Shared[]) => list.reduce<Shared | null>((m, o) => (m === null || o.score > m.score ? o : m), null)
  return { docs: [a, b], overlap: (top(only) ?? top(both))!.id }
}

/** A pair's place in document order (lower first), for ties. */
function rank(k: string, order: Map<string, number>): number {
  const [a, b] = k.split('\n')
  return (order.get(a) ?? 0) * order.size + (order.get(b) ?? 0)
}
