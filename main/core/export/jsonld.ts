import { ANNOTATION_CONTEXT, type Annotation } from '../annotations/annotation.js'
import type { ExcerptSet } from './excerpts.js'

// W3C Web Annotation JSON-LD export: one AnnotationCollection whose single AnnotationPage holds the
// annotations as the project stores them (https://www.w3.org/TR/annotation-model/#collections).

export interface AnnotationCollection {
  '@context': typeof ANNOTATION_CONTEXT
  type: 'AnnotationCollection'
  label: string
  total: number
  first: { type: 'AnnotationPage'; startIndex: 0; items: Annotation[] }
}

/** An AnnotationCollection of `items`, in the order given. */
export function annotationCollection(label: string, items: readonly Annotation[]): AnnotationCollection {
  return {
    '@context': ANNOTATION_CONTEXT,
    type: 'AnnotationCollection',
    label,
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items: [...items] },
  }
}

/** The annotation without its note bodies (for an export asked for without notes). */
function withoutNotes(a: Annotation): Annotation {
  return { ...a, body: a.body.filter((b) => b.purpose !== 'commenting') }
}

/** The JSON-LD export of an excerpt set: its annotations in document order. */
export function excerptsToJsonLd(set: ExcerptSet): AnnotationCollection {
  return annotationCollection(
    set.title,
    set.excerpts.map((e) => (set.notes ? e.annotation : withoutNotes(e.annotation))),
  )
}

/** A file name made from a project name: letters, digits, dots and hyphens. */
export function exportBaseName(projectName: string): string {
  return projectName.replace(/[^\w.-]+/g, '-').replace(/^-|-$/g, '') || 'annotations'
}
