import type { SourcedOverlap } from '../../main/core/reuse/imported.js'
import { foldString } from '../../main/core/text/search.js'

// Which overlaps the list shows: pure (no DOM), so it is tested alone.

export interface OverlapFilter {
  /** Who found it: '' for all, 'parallax' (the engine), 'passim' or 'textpair' (imported). */
  source?: string
  kind: string
  minScore: number
  doc: string
  text: string
}

/** Labels of the sources, for badges and the source filter. */
export const SOURCE_LABELS: Record<SourcedOverlap['source'], string> = { parallax: 'Parallax', passim: 'passim', textpair: 'TextPAIR' }

/** The overlaps a filter keeps, in rank order. */
export function filterOverlaps<O extends SourcedOverlap>(overlaps: readonly O[], f: OverlapFilter): O[] {
  const text = f.text.trim() ? foldString(f.text.trim()) : ''
  return overlaps.filter(
    (o) =>
      (!f.source || o.source === f.source) &&
      (!f.kind || o.kind === f.kind) &&
      o.score >= f.minScore &&
      (!f.doc || o.passages.some((p) => p.doc === f.doc)) &&
      (!text || o.passages.some((p) => foldString(p.text).includes(text))),
  )
}
