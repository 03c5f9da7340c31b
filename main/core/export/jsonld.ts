import { ANNOTATION_CONTEXT, type Annotation, positionOf, quoteOf, tagIdsOf, TAG_IRI_PREFIX } from '../annotations/annotation.js'
import type { Tag } from '../annotations/codebook.js'
import type { DocumentEntry } from '../project/project.js'
import type { Excerpt, ExcerptSet } from './excerpts.js'
import { guidFor } from './refi-qda.js'

// W3C Web Annotation JSON-LD export (https://www.w3.org/TR/annotation-model/): one
// AnnotationCollection whose single AnnotationPage holds the annotations, written so that other
// programs can use them without Parallax:
// - the collection and its page have absolute ids (urn:uuid, stable for the same selection);
// - each tag is a TextualBody with purpose "tagging" whose value is the tag's name; the tag's
//   stable IRI (urn:parallax:tag:<id>, as in the project's own files) is its dcterms:identifier.
//   Not its id: the suite reads a body with an id and a purpose as an External Web Resource,
//   which may not have a purpose (3.3.5-bodyEWRNoPurpose); not its source: a TextualBody has none
//   (4-bodyEmbeddedTextualNoSource);
// - a note is a TextualBody with purpose "commenting" (Markdown); a highlight has no body at all;
// - the motivation says what is there: commenting with a note, tagging with tags only,
//   highlighting otherwise;
// - the target's source is the document: its absolute IRI (a file:// URL of the text) with its
//   type, format and the metadata the project knows (Dublin Core terms, prefixes the W3C context
//   defines), and the selectors that find the passage in it. An orphan (its passage is no
//   longer in the text) keeps only its stored TextQuoteSelector, never a position in other text.
// The W3C test suite's MUST assertions hold for every file written here (test/unit/export-w3c.test.ts).

export interface AnnotationCollection {
  '@context': typeof ANNOTATION_CONTEXT
  id: string
  type: 'AnnotationCollection'
  label: string
  total: number
  first?: { id: string; type: 'AnnotationPage'; startIndex: 0; items: Record<string, unknown>[] }
}

/** How the export names things outside the annotations. */
export interface JsonLdContext {
  /** The absolute IRI of a document's text (the Node side gives its file:// URL). */
  documentIri: (doc: DocumentEntry) => string
}

/** The target's source: the document as an external resource, with what the project knows of it. */
function sourceOf(doc: DocumentEntry, iri: string): Record<string, unknown> {
  const source: Record<string, unknown> = { id: iri, type: 'Text', format: doc.file.endsWith('.md') ? 'text/markdown' : 'text/plain' }
  const meta: [string, string][] = [
    ['dcterms:title', doc.title],
    ['dcterms:creator', doc.author],
    ['dcterms:publisher', doc.outlet],
    ['dcterms:date', doc.date],
    ['dcterms:source', doc.url],
  ]
  for (const [key, value] of meta) if (value?.trim()) source[key] = value.trim()
  return source
}

/** The motivation an annotation's bodies call for. */
function motivationOf(body: readonly Record<string, unknown>[]): string {
  if (body.some((b) => b.purpose === 'commenting')) return 'commenting'
  if (body.some((b) => b.purpose === 'tagging')) return 'tagging'
  return 'highlighting'
}

/**
 * One annotation as exported: tags named, notes kept or dropped, the target's source absolute.
 * Other bodies and properties the stored annotation carries are kept as they are.
 */
export function exportedAnnotation(
  a: Annotation,
  options: { tags: readonly Tag[]; notes: boolean; source: Record<string, unknown>; orphan: boolean },
): Record<string, unknown> {
  const names = new Map(options.tags.map((t) => [t.id, t.name]))
  const tagBodies = tagIdsOf(a)
    .filter((id) => names.has(id))
    .map((id) => ({ type: 'TextualBody', purpose: 'tagging', value: names.get(id)!, 'dcterms:identifier': TAG_IRI_PREFIX + id }))
  const others = (a.body ?? []).filter((b) => {
    if (b.purpose === 'tagging' && typeof b.source === 'string' && b.source.startsWith(TAG_IRI_PREFIX)) return false
    if (b.purpose === 'commenting') return options.notes && typeof b.value === 'string' && !!b.value.trim()
    return true
  })
  const body = [...tagBodies, ...others]
  const quote = quoteOf(a)
  const selector: Record<string, unknown>[] = [
    { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
  ]
  if (!options.orphan) {
    const { start, end } = positionOf(a)
    selector.push({ type: 'TextPositionSelector', start, end })
  }
  const { body: _body, target, motivation: _motivation, ...rest } = a
  const { source: _source, selector: stored, ...targetRest } = target
  // Selectors other than the two Parallax writes (from another tool) are kept.
  const foreign = stored.filter((s) => s.type !== 'TextQuoteSelector' && s.type !== 'TextPositionSelector')
  const out: Record<string, unknown> = {
    ...rest,
    motivation: motivationOf(body),
    target: { ...targetRest, type: 'SpecificResource', source: options.source, selector: [...selector, ...foreign] },
  }
  if (body.length) out.body = body
  return out
}

/**
 * An AnnotationCollection of `items` (already exported annotations), in the order given. `key`
 * makes its ids: the same key gives the same ids, so an export written twice is the same file.
 */
export function annotationCollection(label: string, items: readonly Record<string, unknown>[], key: string): AnnotationCollection {
  const id = `urn:uuid:${guidFor(`collection:${key}`)}`
  const collection: AnnotationCollection = { '@context': ANNOTATION_CONTEXT, id, type: 'AnnotationCollection', label, total: items.length }
  // An empty collection has no pages (a page must hold at least one annotation).
  if (items.length)
    collection.first = { id: `urn:uuid:${guidFor(`page:${key}:1`)}`, type: 'AnnotationPage', startIndex: 0, items: [...items] }
  return collection
}

/** The JSON-LD export of an excerpt set: its annotations in document order. */
export function excerptsToJsonLd(set: ExcerptSet, context: JsonLdContext, key = set.description): AnnotationCollection {
  const sources = new Map<string, Record<string, unknown>>()
  const sourceFor = (e: Excerpt) => {
    let s = sources.get(e.docId)
    if (!s) sources.set(e.docId, (s = sourceOf(e.document, context.documentIri(e.document))))
    return s
  }
  const items = set.excerpts.map((e) =>
    exportedAnnotation(e.annotation, { tags: set.tags, notes: set.notes, source: sourceFor(e), orphan: e.status === 'orphan' }),
  )
  return annotationCollection(set.title, items, `${set.title}\n${key}`)
}

/** A file name made from a project name: letters, digits, dots and hyphens. */
export function exportBaseName(projectName: string): string {
  return projectName.replace(/[^\w.-]+/g, '-').replace(/^-|-$/g, '') || 'annotations'
}
