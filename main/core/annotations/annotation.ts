import * as z from 'zod'
import { type OffsetMap } from '../text/offsets.js'
import { DOCUMENT_IRI_PREFIX, documentIri, noteOf, positionOf, quoteOf, TAG_IRI_PREFIX, tagIdsOf } from './annotation-parts.js'

// Reading an annotation's parts is in annotation-parts.ts (no zod, so the renderer can use it).
export { DOCUMENT_IRI_PREFIX, documentIri, noteOf, positionOf, quoteOf, TAG_IRI_PREFIX, tagIdsOf }

// Annotations are stored as W3C Web Annotation JSON-LD (https://www.w3.org/TR/annotation-model/),
// one AnnotationPage per document in annotations/<document-id>.json, written so that the W3C test
// suite's MUST assertions hold for the file (test/unit/store-w3c.test.ts): the page's id is
// urn:parallax:annotations:<document-id>, each target's source is the document's IRI
// (urn:parallax:document:<document-id>, see documentIri), and an annotation without bodies (a
// highlight) has no `body` key. Files written before this form (a relative `documents/<file>`
// source, `"body": []`, no page id) are read as they are and rewritten in this form the first
// time their document's annotations change (annotationFile). Every target carries a
// TextQuoteSelector (the quoted text with PREFIX_LENGTH code points either side) and a
// TextPositionSelector (start/end in code points). Tags are bodies with purpose "tagging" whose
// source is the tag's stable id as an IRI (TAG_IRI_PREFIX + id); a note is a TextualBody with
// purpose "commenting" in Markdown. Unknown properties are kept, so a file enriched by another
// tool survives a rewrite.

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld'
/**
 * Code points of context kept before and after the quote. 32 (as Hypothesis keeps) is enough to
 * tell apart repeated phrases in prose while staying short enough that an edit next to the
 * passage rarely touches it.
 */
export const PREFIX_LENGTH = 32

export const TextQuoteSelector = z.looseObject({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().min(1),
  prefix: z.string().default(''),
  suffix: z.string().default(''),
})
export type TextQuoteSelector = z.infer<typeof TextQuoteSelector>

export const TextPositionSelector = z
  .looseObject({
    type: z.literal('TextPositionSelector'),
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
  })
  .refine((s) => s.end > s.start, 'end must be after start')
export type TextPositionSelector = z.infer<typeof TextPositionSelector>

const Selector = z.looseObject({ type: z.string() })

const Body = z.looseObject({ type: z.string().optional(), purpose: z.string().optional() })

export const Annotation = z
  .looseObject({
    id: z.string().min(1),
    type: z.literal('Annotation'),
    motivation: z.string().default('highlighting'),
    created: z.string(),
    modified: z.string(),
    /** Absent on a highlight (an empty body array fails the W3C MUST assertions). */
    body: z.array(Body).optional(),
    target: z.looseObject({
      source: z.string(),
      selector: z.array(Selector),
    }),
  })
  .superRefine((a, ctx) => {
    const quote = a.target.selector.filter((s) => s.type === 'TextQuoteSelector')
    const position = a.target.selector.filter((s) => s.type === 'TextPositionSelector')
    if (quote.length !== 1 || !TextQuoteSelector.safeParse(quote[0]).success) {
      ctx.addIssue({ code: 'custom', message: `annotation ${a.id}: needs one valid TextQuoteSelector` })
    }
    if (position.length !== 1 || !TextPositionSelector.safeParse(position[0]).success) {
      ctx.addIssue({ code: 'custom', message: `annotation ${a.id}: needs one valid TextPositionSelector` })
    }
  })
export type Annotation = z.infer<typeof Annotation>

export const AnnotationFile = z.looseObject({
  '@context': z.literal(ANNOTATION_CONTEXT),
  /** Absent in files written before the page had an id; added on their next write. */
  id: z.string().optional(),
  type: z.literal('AnnotationPage'),
  items: z.array(Annotation),
})
export type AnnotationFile = z.infer<typeof AnnotationFile>

/** Quote and position selectors for the span [start, end) in code points of `text`. */
export function selectorsFor(text: OffsetMap, start: number, end: number): [TextQuoteSelector, TextPositionSelector] {
  if (!(end > start)) throw new RangeError(`an annotation needs a non-empty span (got ${start}..${end})`)
  if (end > text.codePointLength) {
    throw new RangeError(`span ${start}..${end} runs past the end of the text (${text.codePointLength})`)
  }
  return [
    {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - PREFIX_LENGTH), start),
      suffix: text.slice(end, Math.min(text.codePointLength, end + PREFIX_LENGTH)),
    },
    { type: 'TextPositionSelector', start, end },
  ]
}

export interface NewAnnotation {
  id: string
  /** ISO timestamp. */
  now: string
  /** The document annotated: the target's source is its IRI (documentIri). */
  docId: string
  text: OffsetMap
  start: number
  end: number
  tagIds: readonly string[]
  note?: string
}

// The body rules, written once: tags come first as "tagging" bodies, in the order given; a note
// that is not blank is one "commenting" TextualBody in Markdown; the motivation says what the
// annotation carries: "commenting" with a note, else "tagging" with tags, else "highlighting".

/** The body that tags an annotation with tag `id`. */
export function tagBody(id: string): NonNullable<Annotation['body']>[number] {
  return { type: 'SpecificResource', purpose: 'tagging', source: TAG_IRI_PREFIX + id }
}

/** The motivation of an annotation with these tags and this note. */
export function motivationFor(tagIds: readonly string[], note: string): string {
  return note.trim() ? 'commenting' : tagIds.length ? 'tagging' : 'highlighting'
}

/**
 * The annotation with its tags replaced by `tagIds`; its other bodies (the note and anything
 * another tool added) stay as they are, where they are.
 */
export function withTags(a: Annotation, tagIds: readonly string[]): Annotation {
  const others = (a.body ?? []).filter((b) => b.purpose !== 'tagging')
  return withBody(a, [...tagIds.map(tagBody), ...others], motivationFor(tagIds, noteOf(a)))
}

/** The annotation with these bodies (no `body` key when there are none) and this motivation. */
function withBody(a: Annotation, body: NonNullable<Annotation['body']>, motivation: string): Annotation {
  const { body: _old, ...rest } = a
  return body.length ? { ...rest, body, motivation } : { ...rest, motivation }
}

/**
 * The annotation with its tags replaced by `tagIds` and its note by `note` (none when blank);
 * bodies with other purposes are kept, between the tags and the note.
 */
export function withTagsAndNote(a: Annotation, tagIds: readonly string[], note: string): Annotation {
  const body = [...tagIds.map(tagBody), ...(a.body ?? []).filter((b) => b.purpose !== 'tagging' && b.purpose !== 'commenting')]
  if (note.trim()) body.push({ type: 'TextualBody', purpose: 'commenting', value: note, format: 'text/markdown' })
  return withBody(a, body, motivationFor(tagIds, note))
}

/** Builds a W3C annotation for a span of a document. */
export function makeAnnotation(n: NewAnnotation): Annotation {
  const bare: Annotation = {
    id: n.id,
    type: 'Annotation',
    motivation: 'highlighting',
    created: n.now,
    modified: n.now,
    target: { source: documentIri(n.docId), selector: selectorsFor(n.text, n.start, n.end) },
  }
  return withTagsAndNote(bare, n.tagIds, n.note ?? '')
}

/** Annotations in the order files keep them: by start, then end, then id. */
export function sortAnnotations(items: readonly Annotation[]): Annotation[] {
  return [...items].sort((a, b) => {
    const pa = positionOf(a)
    const pb = positionOf(b)
    return pa.start - pb.start || pa.end - pb.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  })
}

/** The id of the AnnotationPage that holds document `docId`'s annotations. */
export function annotationPageId(docId: string): string {
  return 'urn:parallax:annotations:' + encodeURIComponent(docId)
}

/** An IRI with a scheme (RFC 3987), as the W3C model requires of `source`. */
const ABSOLUTE_IRI = /^[A-Za-z][A-Za-z0-9+.-]*:/

/**
 * An annotation in the stored form: a relative `source` (files written before the document IRI)
 * becomes document `docId`'s IRI and an empty body array goes. The same object when nothing
 * changes, so the serialisation cache keeps working.
 */
export function storedAnnotation(a: Annotation, docId: string): Annotation {
  const relative = !ABSOLUTE_IRI.test(a.target.source)
  const emptyBody = a.body !== undefined && a.body.length === 0
  if (!relative && !emptyBody) return a
  const { body: _body, ...rest } = a
  const out: Annotation = relative ? { ...rest, target: { ...a.target, source: documentIri(docId) } } : rest
  if (a.body?.length) out.body = a.body
  return out
}

/** The file content for document `docId`'s annotations, in the stored form (older forms migrated). */
export function annotationFile(docId: string, items: readonly Annotation[]): AnnotationFile {
  return {
    '@context': ANNOTATION_CONTEXT,
    id: annotationPageId(docId),
    type: 'AnnotationPage',
    items: sortAnnotations(items.map((a) => storedAnnotation(a, docId))),
  }
}
