import { stat } from 'node:fs/promises'
import { tagIdsOf } from '../../core/annotations/annotation.js'
import { ancestorsOf } from '../../core/annotations/codebook.js'
import { ApiError, type DocumentSummary, type OperationInput, type ProjectView, type Results } from '../../core/contract/api.js'
import { type ExcludedRange, normaliseRanges, suggestBoilerplate as findBoilerplate } from '../../core/project/exclusions.js'
import { withMemo } from '../../core/project/memo.js'
import type { DocumentEntry, ProjectFile } from '../../core/project/project.js'
import type { OpenProject } from './open-project.js'

// The open project as the UI shows it (documents, codebook, counts, history, problems), one
// document with its text, and the changes to a document's entry in project.json: its metadata
// and the ranges excluded from analysis.

/** A document entry with whether its file is there and how many annotations it has. */
export async function summary({ store }: OpenProject, doc: DocumentEntry): Promise<DocumentSummary> {
  const available = !!(await stat(store.documentPath(doc)).catch(() => null))
  return { ...doc, available, annotationCount: store.annotationsOf(doc.id).length }
}

/** The project view; `isDefault` says whether it is the default project of the bundled corpus. */
export async function projectView(open: OpenProject, isDefault: boolean): Promise<ProjectView> {
  const { store: s, anchors } = open
  const tagCounts: Record<string, number> = {}
  const tagTotals: Record<string, number> = {}
  const tags = s.codebook.tags
  const byId = new Map(tags.map((t) => [t.id, t]))
  const withAncestors = new Map<string, string[]>()
  const lineage = (id: string) => {
    let ids = withAncestors.get(id)
    if (!ids) {
      const tag = byId.get(id)
      ids = [id, ...(tag ? ancestorsOf(tags, tag).map((t) => t.id) : [])]
      withAncestors.set(id, ids)
    }
    return ids
  }
  let orphanCount = 0
  for (const d of s.project.documents) {
    for (const a of s.annotationsOf(d.id)) {
      const own = new Set(tagIdsOf(a))
      for (const id of own) tagCounts[id] = (tagCounts[id] ?? 0) + 1
      for (const id of new Set([...own].flatMap(lineage))) tagTotals[id] = (tagTotals[id] ?? 0) + 1
      if (anchors.of(d.id, a).status === 'orphan') orphanCount++
    }
  }
  return {
    name: s.name,
    dir: s.dir,
    isDefault,
    documents: await Promise.all(s.project.documents.map((d) => summary(open, d))),
    tags: s.codebook.tags,
    tagCounts,
    tagTotals,
    orphanCount,
    readerName: readerNameOf(s.project),
    history: s.history(),
    problems: s.problems,
  }
}

export async function getDocument(open: OpenProject, { id }: OperationInput<'getDocument'>): Promise<Results['getDocument']> {
  const doc = open.store.document(id)
  return { document: await summary(open, doc), text: (await open.texts.get(id)).map.text }
}

/** The reader's name a project's settings give ('' when none). */
export function readerNameOf(project: ProjectFile): string {
  return project.settings.readerName?.trim() ?? ''
}

export async function updateProjectSettings(
  { store }: OpenProject,
  input: OperationInput<'updateProjectSettings'>,
): Promise<Results['updateProjectSettings']> {
  const project = await store.transaction('Edit project settings', (tx) =>
    store.updateProject((p) => {
      const settings = { ...p.settings }
      const name = input.readerName?.trim()
      if (name) settings.readerName = name
      else if (name !== undefined) delete settings.readerName
      return { ...p, settings }
    }, tx),
  )
  return { readerName: readerNameOf(project) }
}

export async function updateDocumentMetadata(
  open: OpenProject,
  input: OperationInput<'updateDocumentMetadata'>,
): Promise<Results['updateDocumentMetadata']> {
  const { store } = open
  const { id, ...fields } = input
  store.document(id)
  const given = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined))
  const project = await store.transaction('Edit document details', (tx) =>
    store.updateProject((p) => ({ ...p, documents: p.documents.map((d) => (d.id === id ? { ...d, ...given } : d)) }), tx),
  )
  return { document: await summary(open, project.documents.find((d) => d.id === id) ?? store.document(id)) }
}

/** Sets or removes a document's memo (project.json documents[].memo), one undoable transaction. */
export async function setDocumentMemo(
  open: OpenProject,
  { id, memo }: OperationInput<'setDocumentMemo'>,
): Promise<Results['setDocumentMemo']> {
  const { store } = open
  const doc = store.document(id)
  const label = `${memo.trim() ? 'Edit' : 'Remove'} memo on “${doc.title || doc.id}”`
  const project = await store.transaction(label, (tx) =>
    store.updateProject((p) => ({ ...p, documents: p.documents.map((d) => (d.id === id ? withMemo(d, memo) : d)) }), tx),
  )
  return { document: await summary(open, project.documents.find((d) => d.id === id) ?? store.document(id)) }
}

export async function setExcludedRanges(
  open: OpenProject,
  { id, ranges }: OperationInput<'setExcludedRanges'>,
): Promise<Results['setExcludedRanges']> {
  const { store } = open
  const { map } = await open.texts.get(id)
  let excluded: ReturnType<typeof normaliseRanges>
  try {
    excluded = normaliseRanges(ranges, map.codePointLength)
  } catch (e) {
    throw new ApiError('invalid-input', `document "${id}": ${(e as Error).message}`)
  }
  const project = await store.transaction(excluded.length ? 'Exclude text from analysis' : 'Include all text in analysis', (tx) =>
    store.updateProject(
      (p) => ({
        ...p,
        documents: p.documents.map((d) => {
          if (d.id !== id) return d
          const { excluded: _old, ...rest } = d
          return excluded.length ? { ...rest, excluded } : rest
        }),
      }),
      tx,
    ),
  )
  return { document: await summary(open, project.documents.find((d) => d.id === id) ?? store.document(id)) }
}

export async function suggestBoilerplate(
  open: OpenProject,
  { id }: OperationInput<'suggestBoilerplate'>,
): Promise<Results['suggestBoilerplate']> {
  const suggest = async (docId: string) => {
    const { map } = await open.texts.get(docId)
    return findBoilerplate(map.text).map((s) => ({ docId, start: s.start, end: s.end, reason: s.reason, text: map.slice(s.start, s.end) }))
  }
  if (id !== undefined) return { suggestions: await suggest(id) }
  const suggestions = []
  for (const doc of open.store.project.documents) {
    const excluded = doc.excluded ?? []
    const covered = (s: { start: number; end: number }) => excluded.some((r) => r.start <= s.start && s.end <= r.end)
    suggestions.push(...(await suggest(doc.id)).filter((s) => !covered(s)))
  }
  return { suggestions }
}

export async function addExcludedRanges(
  open: OpenProject,
  { ranges }: OperationInput<'addExcludedRanges'>,
): Promise<Results['addExcludedRanges']> {
  const { store } = open
  const byDoc = new Map<string, ExcludedRange[]>()
  for (const { docId, start, end, reason } of ranges)
    byDoc.set(docId, [...(byDoc.get(docId) ?? []), { start, end, ...(reason === undefined ? {} : { reason }) }])
  // Every document's new ranges are checked before anything is written.
  const merged = new Map<string, ExcludedRange[]>()
  for (const [id, added] of byDoc) {
    const { map } = await open.texts.get(id)
    try {
      merged.set(id, normaliseRanges([...(store.document(id).excluded ?? []), ...added], map.codePointLength))
    } catch (e) {
      throw new ApiError('invalid-input', `document "${id}": ${(e as Error).message}`)
    }
  }
  const count = ranges.length
  const project = await store.transaction(`Exclude ${count} span${count === 1 ? '' : 's'} from analysis`, (tx) =>
    store.updateProject(
      (p) => ({ ...p, documents: p.documents.map((d) => (merged.has(d.id) ? { ...d, excluded: merged.get(d.id)! } : d)) }),
      tx,
    ),
  )
  return { documents: await Promise.all(project.documents.filter((d) => merged.has(d.id)).map((d) => summary(open, d))) }
}
