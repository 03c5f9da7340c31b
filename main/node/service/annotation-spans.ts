import { noteOf, positionOf, tagIdsOf } from '../../core/annotations/annotation.js'
import type { Annotation } from '../../core/annotations/annotation.js'
import type { AnchorStatus } from '../../core/annotations/anchor.js'
import type { AnnotationSpan } from '../../core/contract/api.js'

// listAnnotationSpans: what a reader draws of a document's annotations. A document with 10,000
// highlights answers in about a sixth of the bytes of listAnnotations (no W3C bodies, quotes,
// prefixes or suffixes), so the pane is ready sooner; the editor and the passages still ask for
// full annotations.

/** The slim form of each annotation: span, tag ids, whether it has a note, anchoring status. */
export function annotationSpans(annotations: readonly Annotation[], statusOf: (a: Annotation) => AnchorStatus): AnnotationSpan[] {
  return annotations.map((a) => {
    const { start, end } = positionOf(a)
    return { id: a.id, start, end, tagIds: tagIdsOf(a), hasNote: noteOf(a) !== '', status: statusOf(a) }
  })
}
