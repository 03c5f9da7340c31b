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
  /** Leave out overlaps labelled boilerplate (Overlap.boilerplate). */
  hideBoilerplate?: boolean
}

/**
 * Share of the list that boilerplate overlaps must make up for "Hide boilerplate" to be on by
 * default: when a third of what is listed is licences and standard notices, they crowd out the
 * borrowings a reader is looking for; when there are a few, hiding them would hide more than it
 * helps (and a reader may be looking for exactly those).
 */
export const HIDE_BOILERPLATE_SHARE = 1 / 3

/** Whether "Hide boilerplate" is on when the reader has not chosen: see HIDE_BOILERPLATE_SHARE. */
export function hideBoilerplateByDefault(overlaps: readonly { boilerplate?: boolean }[]): boolean {
  const boilerplate = overlaps.filter((o) => o.boilerplate).length
  return boilerplate > 0 && boilerplate >= HIDE_BOILERPLATE_SHARE * overlaps.length
}

/** Labels of the sources, for badges and the source filter. */
export const SOURCE_LABELS: Record<SourcedOverlap['source'], string> = { parallax: 'Parallax', passim: 'passim', textpair: 'TextPAIR' }

/** The overlaps a filter keeps, in rank order. */
export function filterOverlaps<O extends SourcedOverlap>(overlaps: readonly O[], f: OverlapFilter): O[] {
  const text = f.text.trim() ? foldString(f.text.trim()) : ''
  return overlaps.filter(
    (o) =>
      (!f.source || o.source === f.source) &&
      !(f.hideBoilerplate && o.boilerplate) &&
      (!f.kind || o.kind === f.kind) &&
      o.score >= f.minScore &&
      (!f.doc || o.passages.some((p) => p.doc === f.doc)) &&
      (!text || o.passages.some((p) => foldString(p.text).includes(text))),
  )
}
