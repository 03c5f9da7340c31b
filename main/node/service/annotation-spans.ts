import { noteOf, positionOf, tagIdsOf } from '../../core/annotations/annotation.js'
import type { Annotation } from '../../core/annotations/annotation.js'
import type { AnchorStatus } from '../../core/annotations/anchor.js'
import type { AnnotationSpan, OperationInput, Results } from '../../core/contract/api.js'
import type { OpenProject } from './open-project.js'

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

/** listAnnotationSpans over the open project: one document's annotations, slim, with their status. */
export function listAnnotationSpans(
  { store, anchors }: OpenProject,
  { docId }: OperationInput<'listAnnotationSpans'>,
): Results['listAnnotationSpans'] {
  return { spans: annotationSpans(store.annotationsOf(store.document(docId).id), (a) => anchors.of(a).status) }
}
