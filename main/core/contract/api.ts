import { z } from 'zod'
import type { AnchorStatus } from '../annotations/anchor.js'
import type { Annotation } from '../annotations/annotation.js'
import type { Tag } from '../annotations/codebook.js'
import type { DefinitionResult } from '../definitions/definitions.js'
import type { Overlap, OverlapResult } from '../engine/overlaps.js'
import type { Hit } from '../text/search.js'
import type { DocumentEntry } from '../project/project.js'

// The one contract between the UI and the Node-side services. The services implement `Api` once
// (main/node/service/service.ts); Electron registers each operation on ipcMain behind the preload, the web
// host serves the same operations over loopback HTTP, and the renderer holds a client made by
// `createClient` that cannot tell which host it talks to. Inputs are validated here, at the
// boundary, by `dispatch`, whichever host received them.

/** Input schema of every operation. Adding an operation starts here. */
export const operations = {
  /** The open project: its documents, codebook and any files that failed to load. */
  getProject: z.object({}),
  /** One document's metadata and full text. */
  getDocument: z.object({ id: z.string().min(1) }),
  /** Annotations of one document, or of all documents when `docId` is omitted. */
  listAnnotations: z.object({ docId: z.string().min(1).optional() }),
  /**
   * Annotates the span [start, end) (code points) of a document. Tags are given by name and
   * created when new. Resolves only once the annotation is durable on disk.
   */
  createAnnotation: z.object({
    docId: z.string().min(1),
    start: z.number().int().nonnegative(),
    end: z.number().int().positive(),
    tags: z.array(z.string().trim().min(1)).default([]),
    note: z.string().optional(),
  }),
  /** Opens a folder as the current project, creating project.json there if it has none. */
  openProject: z.object({ dir: z.string().min(1) }),
  /** Opens the default project of the bundled corpus. */
  openDefaultProject: z.object({}),
  /** Folders opened recently, newest first. */
  listRecentProjects: z.object({}),
  /**
   * Adds documents (files, or the importable files in folders): .txt and .md copied (legacy
   * encodings converted to UTF-8), .html/.docx/.pdf as their extracted text, .qdpx with codes and
   * codings. All are checked before anything is written.
   */
  importDocuments: z.object({ paths: z.array(z.string().min(1)).min(1) }),
  /** All annotations of the project as one W3C AnnotationCollection (JSON-LD). */
  exportAnnotations: z.object({}),
  /**
   * Changes an annotation: its tags (by name, created when new), its note, or its span (which
   * also re-attaches an orphan). Resolves once durable.
   */
  updateAnnotation: z.object({
    docId: z.string().min(1),
    id: z.string().min(1),
    tags: z.array(z.string().trim().min(1)).optional(),
    note: z.string().optional(),
    start: z.number().int().nonnegative().optional(),
    end: z.number().int().positive().optional(),
  }),
  /** Deletes an annotation. */
  deleteAnnotation: z.object({ docId: z.string().min(1), id: z.string().min(1) }),
  /** Undoes the last annotation or codebook operation. */
  undo: z.object({}),
  /** Redoes the last undone operation. */
  redo: z.object({}),
  /** Adds a tag to the codebook. */
  createTag: z.object({
    name: z.string().trim().min(1),
    colour: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/)
      .optional(),
    parent: z.string().min(1).nullable().optional(),
    description: z.string().optional(),
  }),
  /** Renames, recolours, re-parents or re-describes a tag (annotations follow by id). */
  updateTag: z.object({
    id: z.string().min(1),
    name: z.string().trim().min(1).optional(),
    colour: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/)
      .optional(),
    parent: z.string().min(1).nullable().optional(),
    description: z.string().optional(),
  }),
  /** Merges tag `from` into tag `into`: its annotations and sub-tags move to `into`. */
  mergeTags: z.object({ from: z.string().min(1), into: z.string().min(1) }),
  /** Deletes a tag, either reassigning its annotations to another tag or removing it from them. */
  deleteTag: z.object({ id: z.string().min(1), reassignTo: z.string().min(1).optional() }),
  /**
   * Passages by tag (optionally with its sub-tags), document, author, text and anchoring status,
   * in document order, with context.
   */
  retrieve: z.object({
    tagIds: z.array(z.string().min(1)).optional(),
    includeChildren: z.boolean().default(true),
    docIds: z.array(z.string().min(1)).optional(),
    authors: z.array(z.string()).optional(),
    text: z.string().optional(),
    status: z.array(z.enum(['anchored', 'moved', 'orphan'])).optional(),
  }),
  /** Full-text search across the project: words and "quoted phrases", ignoring case and accents. */
  search: z.object({ query: z.string().trim().min(1), docIds: z.array(z.string().min(1)).optional() }),
  /**
   * The passages the documents share (text reuse), best first, with their word-level variants.
   * Runs off the UI's thread with progress events; a result is reused until a text changes.
   */
  analyseOverlaps: z.object({}),
  /** How each document defines a term (by default the first proposed key term), grouped across authors. */
  findDefinitions: z.object({ term: z.string().trim().min(1).optional() }),
  /** Stops running analyses; their calls fail with code 'cancelled'. */
  cancelAnalysis: z.object({}),
  /**
   * Imports files given by content (dropped or picked in the page, where no path is known): the
   * same formats and checks as importDocuments. `data` is base64.
   */
  importFiles: z.object({ files: z.array(z.object({ name: z.string().min(1), data: z.string() })).min(1) }),
  /**
   * Annotated excerpts as a file: chosen by tag (names or ids, sub-tags included), document,
   * author or annotation id (what the retrieval view shows); ordered by document or by tag; with
   * or without notes and context. Text formats come as text, docx/pdf/qdpx in base64 (`encoding`).
   */
  exportExcerpts: z.object({
    format: z.enum(['md', 'html', 'docx', 'csv', 'pdf', 'jsonld', 'qdpx', 'qdc']),
    tags: z.array(z.string().min(1)).optional(),
    docs: z.array(z.string().min(1)).optional(),
    authors: z.array(z.string()).optional(),
    annotationIds: z.array(z.string().min(1)).optional(),
    order: z.enum(['document', 'tag']).default('document'),
    notes: z.boolean().default(true),
    context: z.boolean().default(false),
    /** Include orphaned annotations, quoted as stored and marked; by default they are left out and counted (`omittedOrphans`). */
    orphans: z.boolean().default(false),
  }),
  /** Changes a document's metadata; only the fields given. Resolves once durable (undoable). */
  updateDocumentMetadata: z.object({
    id: z.string().min(1),
    title: z.string().trim().min(1).optional(),
    author: z.string().trim().optional(),
    outlet: z.string().trim().optional(),
    date: z
      .string()
      .trim()
      .regex(/^(\d{4}(-\d{2}(-\d{2})?)?)?$/, 'an ISO date: YYYY, YYYY-MM or YYYY-MM-DD')
      .optional(),
    url: z.string().trim().optional(),
  }),
  /**
   * Replaces a document's excluded ranges ([start, end) in code points): text left out of
   * analysis, the file unchanged. Overlapping ranges are merged. Undoable.
   */
  setExcludedRanges: z.object({
    id: z.string().min(1),
    ranges: z.array(z.object({ start: z.number().int().nonnegative(), end: z.number().int().positive(), reason: z.string().optional() })),
  }),
  /** Ranges of a document that look like site text (navigation, "About Us", comment forms), to offer for exclusion. */
  suggestBoilerplate: z.object({ id: z.string().min(1) }),
  /** Adds the codes of a REFI-QDA codebook (.qdc, or a .qdpx's) to the tags, reusing tags of the same name. */
  importCodebook: z.object({ path: z.string().min(1) }),
} as const

export type OperationName = keyof typeof operations
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
  /** Annotations that could not be re-anchored in their changed document. */
  orphanCount: number
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
  overlaps: Overlap[]
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
  /** Orphaned annotations in the selection left out of the file (their passages are no longer in the texts). */
  omittedOrphans?: number
}

/** A span suggested for exclusion, with why and what it holds. */
export interface BoilerplateSuggestion {
  start: number
  end: number
  reason: string
  text: string
}

/** What each operation resolves to. */
export interface Results {
  getProject: ProjectView
  getDocument: DocumentView
  listAnnotations: { items: AnnotationItem[] }
  createAnnotation: { annotation: AnnotationItem; createdTags: Tag[] }
  openProject: ProjectView
  openDefaultProject: ProjectView
  listRecentProjects: { dirs: string[] }
  /** `report`: one line per REFI-QDA project imported, saying what was brought in and what was left out. */
  importDocuments: { added: DocumentSummary[]; report?: string[] }
  exportAnnotations: ExportResult
  updateAnnotation: { annotation: AnnotationItem; createdTags: Tag[] }
  deleteAnnotation: { deleted: string }
  undo: { undone: string | null }
  redo: { redone: string | null }
  createTag: { tag: Tag }
  updateTag: { tag: Tag }
  mergeTags: { into: Tag; moved: number }
  deleteTag: { deleted: string; changed: number }
  retrieve: { items: RetrievedItem[] }
  search: { hits: SearchHit[]; truncated: boolean }
  analyseOverlaps: OverlapsView
  findDefinitions: DefinitionResult
  cancelAnalysis: { cancelled: number }
  importFiles: Results['importDocuments']
  exportExcerpts: ExportResult
  updateDocumentMetadata: { document: DocumentSummary }
  setExcludedRanges: { document: DocumentSummary }
  suggestBoilerplate: { suggestions: BoilerplateSuggestion[] }
  importCodebook: { added: Tag[] }
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
  | { type: 'command'; command: 'export' }
  /** A running analysis's progress. */
  | { type: 'analysis-progress'; task: 'overlaps' | 'definitions'; phase: string; done: number; total: number }

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

/** True when `name` is one of the contract's operations. */
export function isOperation(name: unknown): name is OperationName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(operations, name)
}

/** All operation names, for hosts that register them one by one (the preload, ipcMain). */
export const operationNames = Object.keys(operations) as OperationName[]

/**
 * Runs one operation on an implementation: checks the name, validates the input against the
 * contract, and turns every outcome into an envelope. Both hosts call this and nothing else.
 */
export async function dispatch(impl: Api, op: unknown, input: unknown): Promise<Envelope> {
  if (!isOperation(op)) return { ok: false, error: { code: 'not-found', message: `unknown operation: ${String(op)}` } }
  const parsed = operations[op].safeParse(input ?? {})
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ')
    return { ok: false, error: { code: 'invalid-input', message: `${op}: ${detail}` } }
  }
  try {
    const fn = impl[op] as (input: unknown) => Promise<unknown>
    return { ok: true, value: await fn.call(impl, parsed.data) }
  } catch (e) {
    if (e instanceof ApiError) return { ok: false, error: { code: e.code, message: e.message } }
    return { ok: false, error: { code: 'internal', message: e instanceof Error ? e.message : String(e) } }
  }
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
