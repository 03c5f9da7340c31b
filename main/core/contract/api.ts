import type * as z from 'zod'
import type { AnchorStatus } from '../annotations/anchor.js'
import type { Annotation } from '../annotations/annotation.js'
import type { Tag } from '../annotations/codebook.js'
import type { DefinitionResult } from '../definitions/definitions.js'
import type { OverlapResult } from '../engine/overlaps.js'
import type { Hit } from '../text/search.js'
import type { ImportReport, ReuseSource, SourcedOverlap } from '../reuse/imported.js'
import type { DocumentEntry } from '../project/project.js'
import type { operations } from './schemas.js'

// The one contract between the UI and the Node-side services. The services implement `Api` once
// (main/node/service/service.ts); Electron registers each operation on ipcMain behind the preload, the web
// host serves the same operations over loopback HTTP, and the renderer holds a client made by
// `createClient` that cannot tell which host it talks to. This module carries no zod: the input
// schemas, documented per operation, and `dispatch`, which validates inputs at the boundary
// whichever host received them, are in schemas.ts, which only Node-side code imports.

/** Every operation of the contract, by name (what each does: its schema in schemas.ts). Adding one starts here. */
export const operationNames = [
  'getProject',
  'getDocument',
  'listAnnotations',
  'listAnnotationSpans',
  'createAnnotation',
  'openProject',
  'openDefaultProject',
  'listRecentProjects',
  'importDocuments',
  'exportAnnotations',
  'updateAnnotation',
  'deleteAnnotation',
  'undo',
  'redo',
  'createTag',
  'updateTag',
  'mergeTags',
  'deleteTag',
  'setTagMemo',
  'retrieve',
  'search',
  'tagHits',
  'analyseOverlaps',
  'findDefinitions',
  'cancelAnalysis',
  'importFiles',
  'exportExcerpts',
  'updateDocumentMetadata',
  'setDocumentMemo',
  'setExcludedRanges',
  'suggestBoilerplate',
  'addExcludedRanges',
  'importCodebook',
  'updateProjectSettings',
  'importReuse',
  'importReuseFiles',
] as const

export type OperationName = (typeof operationNames)[number]
/** An operation's input as callers write it (defaults not yet applied), derived from its schema. */
export type OperationInput<K extends OperationName> = z.input<(typeof operations)[K]>

/** A document as the UI lists it. */
export interface DocumentSummary extends DocumentEntry {
  /** False when the document's file is missing from documents/. */
  available: boolean
  annotationCount: number
}

/** A file of the project that failed to load: reported, never written over. */
export interface Problem {
  path: string
  reason: string
}

export interface ProjectView {
  name: string
  dir: string
  /** True for the default project of the bundled corpus. */
  isDefault: boolean
  documents: DocumentSummary[]
  tags: Tag[]
  /** Annotations per tag id (directly tagged, not counting sub-tags). */
  tagCounts: Record<string, number>
  /**
   * Annotations per tag id tagged with it or any of its sub-tags, each annotation once (so an
   * annotation tagged with a tag and its sub-tag is not counted twice).
   */
  tagTotals: Record<string, number>
  /** Annotations that could not be re-anchored in their changed document. */
  orphanCount: number
  /** The reader's name (project.json settings.readerName; '' when not set): DOCX author, REFI-QDA user. */
  readerName: string
  /** What undo and redo would replay next, as labels (null: nothing). */
  history: { undo: string | null; redo: string | null }
  problems: Problem[]
}

export interface DocumentView {
  document: DocumentSummary
  text: string
}

export interface AnnotationItem {
  docId: string
  annotation: Annotation
  /** Whether the annotation was found at its stored position, found elsewhere, or not found. */
  status: AnchorStatus
}

/** An annotation as a reader draws it: listAnnotationSpans's slim form of an `AnnotationItem`. */
export interface AnnotationSpan {
  id: string
  /** Code point offsets of the stored position (re-anchored when the text changed). */
  start: number
  end: number
  /** Ids of the tags it carries, in body order. */
  tagIds: string[]
  hasNote: boolean
  status: AnchorStatus
}

/** A passage as the retrieval view lists it. */
export interface RetrievedItem extends AnnotationItem {
  /** Code point offsets in the document's current text (the stored ones for an orphan). */
  start: number
  end: number
  quote: string
  before: string
  after: string
}

/** The engine's overlaps for the open project. */
export interface OverlapsView {
  /** The engine's overlaps (source "parallax"), then those imported from passim and TextPAIR. */
  overlaps: SourcedOverlap[]
  stats: OverlapResult['stats']
  /** Code point length of each document's text, by id (for the matrix and heat strips). */
  lengths: Record<string, number>
}

/** One occurrence of a search term, in a document. */
export interface SearchHit extends Hit {
  docId: string
}

export interface ExportResult {
  fileName: string
  mediaType: string
  content: string
  /** How `content` holds the file: as text ('utf8', the default) or base64 for binary formats. */
  encoding?: 'utf8' | 'base64'
  /** Orphaned annotations in the selection left out of the file (their passages not found with certainty in the texts as they are now). */
  omittedOrphans?: number
}

/** A span suggested for exclusion, with why and what it holds. */
export interface BoilerplateSuggestion {
  /** The document it is in. */
  docId: string
  start: number
  end: number
  reason: string
  text: string
}

/**
 * A file an import could not read: its name as the user gave it (the path named, or the name of
 * a file picked in the page, never the temporary copy the host read) and why, in one line.
 */
export interface ImportFailure {
  file: string
  reason: string
}

/** What each operation resolves to. */
export interface Results {
  getProject: ProjectView
  getDocument: DocumentView
  listAnnotations: { items: AnnotationItem[] }
  listAnnotationSpans: { spans: AnnotationSpan[] }
  createAnnotation: { annotation: AnnotationItem; createdTags: Tag[] }
  openProject: ProjectView
  openDefaultProject: ProjectView
  listRecentProjects: { dirs: string[] }
  /**
   * `report`: one line per REFI-QDA project imported, saying what was brought in and what was left
   * out, and how a file added was read where not as it is. `failed`: each file that could not be
   * read (the others are imported all the same), named as the user chose it.
   */
  importDocuments: { added: DocumentSummary[]; report?: string[]; failed?: ImportFailure[] }
  exportAnnotations: ExportResult
  updateAnnotation: { annotation: AnnotationItem; createdTags: Tag[] }
  deleteAnnotation: { deleted: string }
  undo: { undone: string | null }
  redo: { redone: string | null }
  createTag: { tag: Tag }
  updateTag: { tag: Tag }
  mergeTags: { into: Tag; moved: number }
  deleteTag: { deleted: string; changed: number }
  setTagMemo: { tag: Tag }
  retrieve: { items: RetrievedItem[] }
  search: { hits: SearchHit[]; truncated: boolean }
  tagHits: { count: number; createdTags: Tag[] }
  analyseOverlaps: OverlapsView
  findDefinitions: DefinitionResult
  cancelAnalysis: { cancelled: number }
  importFiles: Results['importDocuments']
  exportExcerpts: ExportResult
  updateDocumentMetadata: { document: DocumentSummary }
  setDocumentMemo: { document: DocumentSummary }
  updateProjectSettings: { readerName: string }
  setExcludedRanges: { document: DocumentSummary }
  suggestBoilerplate: { suggestions: BoilerplateSuggestion[] }
  addExcludedRanges: { documents: DocumentSummary[] }
  importCodebook: { added: Tag[] }
  /** What was read and kept (the CLI's `passim import --json` report). */
  importReuse: { report: ImportReport }
  importReuseFiles: Results['importReuse']
}

/** The API as the renderer (and the services) see it. */
export type Api = { [K in OperationName]: (input: OperationInput<K>) => Promise<Results[K]> }

/** Pushed from the services to the UI. */
export type ApiEvent =
  | { type: 'project-changed' }
  | { type: 'annotations-changed'; docId: string }
  | { type: 'codebook-changed' }
  /** A source file changed on disk; its annotations were re-anchored. */
  | { type: 'document-changed'; docId: string }
  /** A command from the desktop menu for the page to carry out. */
  | { type: 'command'; command: 'export' | 'undo' | 'redo' | 'shortcuts' }
  /** A running analysis's progress. */
  | { type: 'analysis-progress'; task: 'overlaps' | 'definitions'; phase: string; done: number; total: number }
  /** A batch tool's results being read (importReuse): bytes of the input read, records read and kept. */
  | { type: 'reuse-progress'; tool: ReuseSource; bytes: number; totalBytes: number; records: number; kept: number }
  /** A batch tool's results were imported: the overlaps changed. */
  | { type: 'reuse-imported'; report: ImportReport }

export type ErrorCode = 'invalid-input' | 'not-found' | 'unreadable' | 'conflict' | 'cancelled' | 'internal'

/** An error with a code the UI can act on and a message a person can read. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

/** What crosses a host boundary: a result or an error, never a thrown exception. */
export type Envelope<T = unknown> = { ok: true; value: T } | { ok: false; error: { code: ErrorCode; message: string } }

const names: ReadonlySet<string> = new Set(operationNames)

/** True when `name` is one of the contract's operations. */
export function isOperation(name: unknown): name is OperationName {
  return typeof name === 'string' && names.has(name)
}

/** Sends one operation to a host and returns its envelope. */
export type Transport = (op: OperationName, input: unknown) => Promise<Envelope>

/** An `Api` over a transport; errors come back as `ApiError`s. */
export function createClient(transport: Transport): Api {
  return new Proxy({} as Api, {
    get(_target, op) {
      if (!isOperation(op)) return undefined
      return async (input: unknown) => {
        const envelope = await transport(op, input ?? {})
        if (envelope.ok) return envelope.value
        throw new ApiError(envelope.error.code, envelope.error.message)
      }
    },
  })
}

/**
 * What the Electron preload exposes to the page as `window.parallax`: one function per operation
 * (nothing else of ipcRenderer) and a subscription to events that hands over only the event.
 */
export interface Bridge {
  api: { [K in OperationName]: (input: unknown) => Promise<Envelope> }
  onEvent(listener: (event: ApiEvent) => void): () => void
}
