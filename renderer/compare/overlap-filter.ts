import type { Overlap } from '../../main/core/engine/overlaps.js'
import { foldString } from '../../main/core/text/search.js'

// Which overlaps the list shows: pure (no DOM), so it is tested alone.

export interface OverlapFilter {
  kind: string
  minScore: number
  doc: string
  text: string
}

/** The overlaps a filter keeps, in rank order. */
export function filterOverlaps(overlaps: readonly Overlap[], f: OverlapFilter): Overlap[] {
  const text = f.text.trim() ? foldString(f.text.trim()) : ''
  return overlaps.filter(
    (o) =>
      (!f.kind || o.kind === f.kind) &&
      o.score >= f.minScore &&
      (!f.doc || o.passages.some((p) => p.doc === f.doc)) &&
      (!text || o.passages.some((p) => foldString(p.text).includes(text))),
  )
}
