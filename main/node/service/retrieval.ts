import { noteOf, quoteOf, tagIdsOf } from '../../core/annotations/annotation.js'
import { withDescendantIds } from '../../core/annotations/codebook.js'
import type { OperationInput, Results, RetrievedItem, SearchHit } from '../../core/contract/api.js'
import { contextOf, findHitsInSteps, foldString, MAX_HITS, parseQuery } from '../../core/text/search.js'
import type { OpenProject } from './open-project.js'
import { inSteps } from './steps.js'

// Finding things again in the open project: annotations by tags combined with AND / OR / NOT
// (sub-tags included), document,
// author, status and text, each with its passage as it reads now; and full-text search with
// keyword-in-context (core/text/search.ts), bounded (MAX_HITS) and done in steps, so a huge
// document never blocks the host serving the UI (bench: npm run bench -- search).

export async function retrieve(open: OpenProject, input: OperationInput<'retrieve'>): Promise<Results['retrieve']> {
  const { store, texts, anchors } = open
  const tags = store.codebook.tags
  const expand = (ids: readonly string[]) => (input.includeChildren !== false ? withDescendantIds(tags, ids) : new Set(ids))
  // OR: one set of all the tags, to be met by the annotation's own tags. AND: one set per tag, each
  // met by the annotation's tags or those of an annotation overlapping it (where the codes meet, as
  // a QDA tool's intersection). NOT: none of the annotation's own tags may be in the set.
  const all = input.tagMode === 'all' && (input.tagIds?.length ?? 0) > 1
  const groups: Set<string>[] = !input.tagIds?.length ? [] : all ? input.tagIds.map((id) => expand([id])) : [expand(input.tagIds)]
  const unwanted = input.notTagIds?.length ? expand(input.notTagIds) : null
  const keeps = (own: string[], near: string[]) =>
    groups.every((g) => own.some((t) => g.has(t)) || near.some((t) => g.has(t))) && !(unwanted && own.some((t) => unwanted.has(t)))
  const authors = input.authors?.length ? new Set(input.authors) : null
  const docIds = input.docIds?.length ? new Set(input.docIds) : null
  const statuses = input.status?.length ? new Set(input.status) : null
  const text = input.text?.trim() ? foldString(input.text.trim()) : ''
  const items: RetrievedItem[] = []
  for (const doc of store.project.documents) {
    if (docIds && !docIds.has(doc.id)) continue
    if (authors && !authors.has(doc.author)) continue
    const every = store.annotationsOf(doc.id)
    const overlapping = (a: (typeof every)[number]): string[] => {
      if (!all) return []
      const at = anchors.of(doc.id, a)
      if (at.status === 'orphan') return []
      return every.flatMap((b) => {
        const bt = b === a ? null : anchors.of(doc.id, b)
        return bt && bt.status !== 'orphan' && bt.start < at.end && at.start < bt.end ? tagIdsOf(b) : []
      })
    }
    const annotations = every.filter((a) => keeps(tagIdsOf(a), overlapping(a)))
    if (annotations.length === 0) continue
    const map = (await texts.readable(doc.id))?.map ?? null
    for (const a of annotations) {
      const anchor = anchors.of(doc.id, a)
      if (statuses && !statuses.has(anchor.status)) continue
      const live = map && anchor.status !== 'orphan'
      const quote = live ? map.slice(anchor.start, anchor.end) : quoteOf(a).exact
      const context = live ? contextOf(map, anchor.start, anchor.end) : { before: '', after: '' }
      if (text && !foldString(`${quote} ${noteOf(a)}`).includes(text)) continue
      items.push({ ...anchors.item(doc.id, a), start: anchor.start, end: anchor.end, quote, ...context })
    }
  }
  return { items }
}

export async function search({ store, texts }: OpenProject, { query, docIds }: OperationInput<'search'>): Promise<Results['search']> {
  const terms = parseQuery(query)
  const hits: SearchHit[] = []
  let truncated = false
  for (const doc of store.project.documents) {
    if (docIds?.length && !docIds.includes(doc.id)) continue
    const found = await texts.words(doc.id).catch(() => null)
    if (!found) continue
    const inDocument = await inSteps(findHitsInSteps(found.text, found.words, terms, MAX_HITS - hits.length + 1, found.map))
    for (const h of inDocument) hits.push({ docId: doc.id, ...h })
    if (hits.length > MAX_HITS) {
      hits.length = MAX_HITS
      truncated = true
      break
    }
  }
  return { hits, truncated }
}
