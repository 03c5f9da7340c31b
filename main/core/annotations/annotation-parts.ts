import type { Annotation, TextPositionSelector, TextQuoteSelector } from './annotation.js'

// What a W3C annotation (annotation.ts) says, read without its schemas: position, quote, tags and
// note. This module imports no zod, so the renderer can use it and its bundle stays small;
// annotation.ts re-exports all of it.

/** Tag ids become IRIs under this prefix in annotation bodies. */
export const TAG_IRI_PREFIX = 'urn:parallax:tag:'

/**
 * A document's id becomes the IRI its annotations target (`target.source`) under this prefix: an
 * absolute IRI, as the W3C model requires, that stays true when the project folder moves or a
 * document's file is renamed (a file:// URL would do neither).
 */
export const DOCUMENT_IRI_PREFIX = 'urn:parallax:document:'

/** The IRI of document `docId` as stored annotations target it. */
export function documentIri(docId: string): string {
  return DOCUMENT_IRI_PREFIX + encodeURIComponent(docId)
}

/** The quote selector of an annotation (validated on load, so always present). */
export function quoteOf(a: Annotation): TextQuoteSelector {
  return a.target.selector.find((s) => s.type === 'TextQuoteSelector') as TextQuoteSelector
}

/** The position selector of an annotation (validated on load, so always present). */
export function positionOf(a: Annotation): TextPositionSelector {
  return a.target.selector.find((s) => s.type === 'TextPositionSelector') as TextPositionSelector
}

/** Ids of the tags an annotation carries, in body order. */
export function tagIdsOf(a: Annotation): string[] {
  return (a.body ?? [])
    .filter((b) => b.purpose === 'tagging' && typeof b.source === 'string' && b.source.startsWith(TAG_IRI_PREFIX))
    .map((b) => (b.source as string).slice(TAG_IRI_PREFIX.length))
}

/** The annotation's note (Markdown), or '' when it has none. */
export function noteOf(a: Annotation): string {
  const body = a.body?.find((b) => b.purpose === 'commenting' && typeof b.value === 'string')
  return body ? (body.value as string) : ''
}
