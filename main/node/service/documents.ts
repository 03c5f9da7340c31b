import { stat } from 'node:fs/promises'
import { tagIdsOf } from '../../core/annotations/annotation.js'
import { ApiError, type DocumentSummary, type OperationInput, type ProjectView, type Results } from '../../core/contract/api.js'
import { normaliseRanges, suggestBoilerplate as findBoilerplate } from '../../core/project/exclusions.js'
import type { DocumentEntry } from '../../core/project/project.js'
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
  let orphanCount = 0
  for (const d of s.project.documents) {
    for (const a of s.annotationsOf(d.id)) {
      for (const id of new Set(tagIdsOf(a))) tagCounts[id] = (tagCounts[id] ?? 0) + 1
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
    orphanCount,
    history: s.history(),
    problems: s.problems,
  }
}

export async function getDocument(open: OpenProject, { id }: OperationInput<'getDocument'>): Promise<Results['getDocument']> {
  const doc = open.store.document(id)
  return { document: await summary(open, doc), text: (await open.texts.get(id)).map.text }
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
  const { map } = await open.texts.get(id)
  return {
    suggestions: findBoilerplate(map.text).map((s) => ({ start: s.start, end: s.end, reason: s.reason, text: map.slice(s.start, s.end) })),
  }
}
