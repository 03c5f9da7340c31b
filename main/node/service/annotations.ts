import { randomUUID } from 'node:crypto'
import { withSpan } from '../../core/annotations/anchor.js'
import { type Annotation, makeAnnotation, noteOf, tagIdsOf, withTagsAndNote } from '../../core/annotations/annotation.js'
import type { Tag } from '../../core/annotations/codebook.js'
import { ApiError, type OperationInput, type Results } from '../../core/contract/api.js'
import type { OffsetMap } from '../../core/text/offsets.js'
import { annotationSpans } from './annotation-spans.js'
import { tagIdsFor } from './codebook.js'
import type { OpenProject } from './open-project.js'

// Annotations of the open project: list, create, edit and delete, each change one undoable
// transaction that also creates the tags it names. The W3C body rules are core/annotations/annotation.ts's.

/** The annotations of one document, or of all; only those with the ids asked for when ids are given. */
export function listAnnotations(
  { store, anchors }: OpenProject,
  { docId, ids }: OperationInput<'listAnnotations'>,
): Results['listAnnotations'] {
  const docs = docId ? [store.document(docId)] : store.project.documents
  const wanted = ids ? new Set(ids) : null
  return {
    items: docs.flatMap((d) =>
      store
        .annotationsOf(d.id)
        .filter((a) => !wanted || wanted.has(a.id))
        .map((a) => anchors.item(d.id, a)),
    ),
  }
}

/** What a reader draws of one document's annotations (see annotation-spans.ts). */
export function listAnnotationSpans(
  { store, anchors }: OpenProject,
  { docId }: OperationInput<'listAnnotationSpans'>,
): Results['listAnnotationSpans'] {
  return { spans: annotationSpans(store.annotationsOf(store.document(docId).id), (a) => anchors.of(docId, a).status) }
}

/** Checks a span against a document's current text. */
async function span({ texts }: OpenProject, docId: string, start: number, end: number): Promise<OffsetMap> {
  const { map } = await texts.get(docId)
  if (!(end > start) || end > map.codePointLength) {
    throw new ApiError('invalid-input', `span ${start}..${end} is not inside document "${docId}" (0..${map.codePointLength})`)
  }
  return map
}

/** An annotation as stored, or a not-found error. */
function stored({ store }: OpenProject, docId: string, id: string): Annotation {
  const a = store.annotationsOf(docId).find((x) => x.id === id)
  if (!a) throw new ApiError('not-found', `no annotation ${id} in document "${docId}"`)
  return a
}

export async function createAnnotation(open: OpenProject, input: OperationInput<'createAnnotation'>): Promise<Results['createAnnotation']> {
  const { store, anchors } = open
  const { docId, start, end, note } = input
  store.document(docId)
  const map = await span(open, docId, start, end)
  return store.transaction('Annotate', async (tx) => {
    const { ids, created } = await tagIdsFor(store, input.tags ?? [], tx)
    const annotation = makeAnnotation({
      id: `urn:uuid:${randomUUID()}`,
      now: new Date().toISOString(),
      docId,
      text: map,
      start,
      end,
      tagIds: ids,
      note,
    })
    await store.updateAnnotations(docId, (items) => [...items, annotation], tx)
    anchors.placed(docId, annotation.id, start, end)
    return { annotation: anchors.item(docId, annotation), createdTags: created }
  })
}

/** Annotates many passages with the same tags as one undoable transaction (the search's "Tag all hits"). */
export async function tagHits(open: OpenProject, input: OperationInput<'tagHits'>): Promise<Results['tagHits']> {
  const { store, anchors } = open
  const byDoc = new Map<string, { start: number; end: number }[]>()
  for (const h of input.hits) byDoc.set(h.docId, [...(byDoc.get(h.docId) ?? []), h])
  const maps = new Map<string, OffsetMap>()
  for (const [docId, hits] of byDoc) {
    store.document(docId)
    for (const h of hits) maps.set(docId, await span(open, docId, h.start, h.end))
  }
  return store.transaction(`Tag ${input.hits.length} hits`, async (tx) => {
    const { ids, created } = await tagIdsFor(store, input.tags, tx)
    const now = new Date().toISOString()
    let count = 0
    for (const [docId, hits] of byDoc) {
      store.document(docId)
      const made: { annotation: Annotation; start: number; end: number }[] = []
      for (const h of hits) {
        const already = store.annotationsOf(docId).some((a) => {
          const at = anchors.of(docId, a)
          return at.start === h.start && at.end === h.end && ids.every((t) => tagIdsOf(a).includes(t))
        })
        if (already) continue
        const id = `urn:uuid:${randomUUID()}`
        const annotation = makeAnnotation({
          id,
          now,
          docId,
          text: maps.get(docId)!,
          start: h.start,
          end: h.end,
          tagIds: ids,
        })
        made.push({ annotation, start: h.start, end: h.end })
      }
      if (made.length === 0) continue
      await store.updateAnnotations(docId, (items) => [...items, ...made.map((m) => m.annotation)], tx)
      for (const m of made) anchors.placed(docId, m.annotation.id, m.start, m.end)
      count += made.length
    }
    return { count, createdTags: created }
  })
}

export async function updateAnnotation(open: OpenProject, input: OperationInput<'updateAnnotation'>): Promise<Results['updateAnnotation']> {
  const { store, anchors } = open
  const { docId, id } = input
  const current = stored(open, docId, id)
  if ((input.start === undefined) !== (input.end === undefined))
    throw new ApiError('invalid-input', 'give both start and end to change the span')
  const map = input.start !== undefined ? await span(open, docId, input.start, input.end!) : null
  return store.transaction('Edit annotation', async (tx) => {
    const { ids, created } = input.tags ? await tagIdsFor(store, input.tags, tx) : { ids: tagIdsOf(current), created: [] as Tag[] }
    const note = input.note ?? noteOf(current)
    let next: Annotation | undefined
    await store.updateAnnotations(
      docId,
      (items) =>
        items.map((a) => {
          if (a.id !== id) return a
          next = { ...withTagsAndNote(a, ids, note), modified: new Date().toISOString() }
          if (map) next = withSpan(next, map, input.start!, input.end!)
          return next
        }),
      tx,
    )
    if (!next) throw new ApiError('not-found', `no annotation ${id} in document "${docId}"`)
    if (map) anchors.placed(docId, id, input.start!, input.end!)
    return { annotation: anchors.item(docId, next), createdTags: created }
  })
}

export async function deleteAnnotation(
  open: OpenProject,
  { docId, id }: OperationInput<'deleteAnnotation'>,
): Promise<Results['deleteAnnotation']> {
  const { store, anchors } = open
  stored(open, docId, id)
  await store.transaction('Delete annotation', (tx) => store.updateAnnotations(docId, (items) => items.filter((a) => a.id !== id), tx))
  anchors.forget(docId, id)
  return { deleted: id }
}
