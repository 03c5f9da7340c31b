import { z } from 'zod'
import { type OffsetMap } from '../text/offsets.js'
import { noteOf, positionOf, quoteOf, TAG_IRI_PREFIX, tagIdsOf } from './annotation-parts.js'

// Reading an annotation's parts is in annotation-parts.ts (no zod, so the renderer can use it).
export { noteOf, positionOf, quoteOf, TAG_IRI_PREFIX, tagIdsOf }

// Annotations are stored as W3C Web Annotation JSON-LD (https://www.w3.org/TR/annotation-model/),
// one AnnotationPage per document in annotations/<document-id>.json. Every target carries a
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
    body: z.array(Body).default([]),
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
  /** The target's source: the document file relative to the project folder. */
  source: string
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
export function tagBody(id: string): Annotation['body'][number] {
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
  const others = a.body.filter((b) => b.purpose !== 'tagging')
  return { ...a, body: [...tagIds.map(tagBody), ...others], motivation: motivationFor(tagIds, noteOf(a)) }
}

/**
 * The annotation with its tags replaced by `tagIds` and its note by `note` (none when blank);
 * bodies with other purposes are kept, between the tags and the note.
 */
export function withTagsAndNote(a: Annotation, tagIds: readonly string[], note: string): Annotation {
  const body = [...tagIds.map(tagBody), ...a.body.filter((b) => b.purpose !== 'tagging' && b.purpose !== 'commenting')]
  if (note.trim()) body.push({ type: 'TextualBody', purpose: 'commenting', value: note, format: 'text/markdown' })
  return { ...a, body, motivation: motivationFor(tagIds, note) }
}

/** Builds a W3C annotation for a span of a document. */
export function makeAnnotation(n: NewAnnotation): Annotation {
  const bare: Annotation = {
    id: n.id,
    type: 'Annotation',
    motivation: 'highlighting',
    created: n.now,
    modified: n.now,
    body: [],
    target: { source: n.source, selector: selectorsFor(n.text, n.start, n.end) },
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

/** The file content for a document's annotations. */
export function annotationFile(items: readonly Annotation[]): AnnotationFile {
  return { '@context': ANNOTATION_CONTEXT, type: 'AnnotationPage', items: sortAnnotations(items) }
}
