import { noteOf, quoteOf, tagIdsOf } from '../../core/annotations/annotation.js'
import { withDescendantIds } from '../../core/annotations/codebook.js'
import type { OperationInput, Results, RetrievedItem, SearchHit } from '../../core/contract/api.js'
import { contextOf, findHits, foldString, MAX_HITS, parseQuery } from '../../core/text/search.js'
import type { OpenProject } from './open-project.js'

// Finding things again in the open project: annotations by tags combined with AND / OR / NOT
// (sub-tags included), document,
// author, status and text, each with its passage as it reads now; and full-text search with
// keyword-in-context (core/text/search.ts).

export async function retrieve(open: OpenProject, input: OperationInput<'retrieve'>): Promise<Results['retrieve']> {
  const { store, texts, anchors } = open
  const tags = store.codebook.tags
  const expand = (ids: readonly string[]) => (input.includeChildren !== false ? withDescendantIds(tags, ids) : new Set(ids))
  // AND: one set per chosen tag, each must be met; OR: one set of them all; NOT: none may be met.
  const groups: Set<string>[] = !input.tagIds?.length
    ? []
    : input.tagMode === 'all'
      ? input.tagIds.map((id) => expand([id]))
      : [expand(input.tagIds)]
  const unwanted = input.notTagIds?.length ? expand(input.notTagIds) : null
  const keeps = (tagIds: string[]) =>
    groups.every((g) => tagIds.some((t) => g.has(t))) && !(unwanted && tagIds.some((t) => unwanted.has(t)))
  const authors = input.authors?.length ? new Set(input.authors) : null
  const docIds = input.docIds?.length ? new Set(input.docIds) : null
  const statuses = input.status?.length ? new Set(input.status) : null
  const text = input.text?.trim() ? foldString(input.text.trim()) : ''
  const items: RetrievedItem[] = []
  for (const doc of store.project.documents) {
    if (docIds && !docIds.has(doc.id)) continue
    if (authors && !authors.has(doc.author)) continue
    const annotations = store.annotationsOf(doc.id).filter((a) => keeps(tagIdsOf(a)))
    if (annotations.length === 0) continue
    const map = (await texts.readable(doc.id))?.map ?? null
    for (const a of annotations) {
      const anchor = anchors.of(a)
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
    for (const h of findHits(found.text, found.words, terms, MAX_HITS - hits.length + 1)) hits.push({ docId: doc.id, ...h })
    if (hits.length > MAX_HITS) {
      hits.length = MAX_HITS
      truncated = true
      break
    }
  }
  return { hits, truncated }
}
