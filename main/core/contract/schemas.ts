import * as z from 'zod'
import { HEX_COLOUR } from '../annotations/codebook.js'
import { type Api, ApiError, type Envelope, isOperation, type OperationName } from './api.js'
import { EXPORT_FORMAT_IDS } from '../export/formats.js'
import { MAX_MEMO_LENGTH } from '../project/memo.js'
import { dateProblem, titleProblem } from '../project/metadata-rules.js'
import { REUSE_SOURCES } from '../reuse/imported.js'

// The contract's input schemas (zod) and `dispatch`, which validates an operation's input before
// an implementation sees it. Only Node-side code imports this module (the web host, Electron's
// main process, the service, the CLI, tests): the renderer and the preload bundle no zod, and see
// the inputs' types through api.ts, which derives them from these schemas with type-only imports.

/** A tag colour as tags.json stores it. */
const tagColour = z.string().regex(HEX_COLOUR)

/** A string check from a rule that says why a value breaks it (null when it does not). */
function ruled(problem: (value: string) => string | null): (value: string, ctx: z.RefinementCtx) => void {
  return (value, ctx) => {
    const message = problem(value)
    if (message) ctx.addIssue({ code: 'custom', message })
  }
}

/** A memo's Markdown ('' removes the memo). */
const memoText = z.string().max(MAX_MEMO_LENGTH, `a memo holds at most ${MAX_MEMO_LENGTH.toLocaleString('en')} characters`)

/**
 * Input schema of every operation (each name of api.ts's `operationNames`, no other: `satisfies`
 * checks both ways). api.ts derives the input types from these.
 */
export const operations = {
  /** The open project: its documents, codebook and any files that failed to load. */
  getProject: z.object({}),
  /** One document's metadata and full text. */
  getDocument: z.object({ id: z.string().min(1) }),
  /**
   * Annotations of one document, or of all documents when `docId` is omitted; only those whose id
   * is in `ids` when it is given (an editor opening one annotation asks for just that one).
   */
  listAnnotations: z.object({ docId: z.string().min(1).optional(), ids: z.array(z.string().min(1)).optional() }),
  /**
   * What a reader draws of one document's annotations: span, tags, whether there is a note, and
   * anchoring status, without the W3C bodies and selectors (full items: listAnnotations).
   */
  listAnnotationSpans: z.object({ docId: z.string().min(1) }),
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
    colour: tagColour.optional(),
    parent: z.string().min(1).nullable().optional(),
    description: z.string().optional(),
    /** Its memo (Markdown), as setTagMemo sets it. */
    memo: memoText.optional(),
  }),
  /** Renames, recolours, re-parents or re-describes a tag (annotations follow by id). */
  updateTag: z.object({
    id: z.string().min(1),
    name: z.string().trim().min(1).optional(),
    colour: tagColour.optional(),
    parent: z.string().min(1).nullable().optional(),
    description: z.string().optional(),
  }),
  /** Merges tag `from` into tag `into`: its annotations and sub-tags move to `into`. */
  mergeTags: z.object({ from: z.string().min(1), into: z.string().min(1) }),
  /** Deletes a tag, either reassigning its annotations to another tag or removing it from them. */
  deleteTag: z.object({ id: z.string().min(1), reassignTo: z.string().min(1).optional() }),
  /**
   * Sets a tag's memo (Markdown: the reader's note about the code itself, as QDA tools keep a code
   * memo; tags.json `memo`); '' removes it. Undoable; resolves once durable.
   */
  setTagMemo: z.object({ id: z.string().min(1), memo: memoText }),
  /**
   * Passages by tag (optionally with its sub-tags), document, author, text and anchoring status,
   * in document order, with context.
   */
  retrieve: z.object({
    tagIds: z.array(z.string().min(1)).optional(),
    /**
     * How `tagIds` combine: 'any' (OR, the default) keeps a passage that carries one of them,
     * 'all' (AND) one that carries every one of them (each counting its sub-tags when
     * includeChildren).
     */
    tagMode: z.enum(['any', 'all']).default('any'),
    /** NOT: passages carrying any of these tags (with their sub-tags when includeChildren) are left out. */
    notTagIds: z.array(z.string().min(1)).optional(),
    includeChildren: z.boolean().default(true),
    docIds: z.array(z.string().min(1)).optional(),
    authors: z.array(z.string()).optional(),
    text: z.string().optional(),
    status: z.array(z.enum(['anchored', 'moved', 'orphan'])).optional(),
  }),
  /** Full-text search across the project: words and "quoted phrases", ignoring case and accents. */
  search: z.object({ query: z.string().trim().min(1), docIds: z.array(z.string().min(1)).optional() }),
  /**
   * Annotates every passage given (search hits, code point offsets) with the tags named (created
   * when new), as one undoable change. A passage already annotated exactly so is left as it is.
   */
  tagHits: z.object({
    hits: z
      .array(z.object({ docId: z.string().min(1), start: z.number().int().nonnegative(), end: z.number().int().positive() }))
      .min(1)
      .max(5000),
    tags: z.array(z.string().trim().min(1)).min(1),
  }),
  /**
   * The passages the documents share (text reuse), best first, with their word-level variants.
   * Runs off the UI's thread with progress events; a result is reused until a text changes.
   * `paraphrases`: look for paraphrases whatever the corpus's size (true) or not at all (false),
   * now and in the project's next analyses (until a project is opened or an analysis cancelled);
   * by default in a corpus of PARAPHRASE_MAX_WORDS words at most (the result's
   * stats.paraphraseSearch says whether they were).
   */
  analyseOverlaps: z.object({ paraphrases: z.boolean().optional() }),
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
    format: z.enum(EXPORT_FORMAT_IDS),
    tags: z.array(z.string().min(1)).optional(),
    docs: z.array(z.string().min(1)).optional(),
    authors: z.array(z.string()).optional(),
    annotationIds: z.array(z.string().min(1)).optional(),
    order: z.enum(['document', 'tag']).default('document'),
    notes: z.boolean().default(true),
    context: z.boolean().default(false),
    /** Include orphaned annotations, quoted as stored and marked; by default they are left out and counted (`omittedOrphans`). */
    orphans: z.boolean().default(false),
    /**
     * Adds the section "How the authors define X" (the facet × author matrix, findDefinitions's
     * facets) to Markdown, HTML, DOCX and PDF; the term as findDefinitions takes it (none: the key
     * term). The `facets` format is that matrix alone, as CSV, and reads its term from here too.
     */
    definitions: z.object({ term: z.string().trim().min(1).optional() }).optional(),
  }),
  /**
   * Changes the project's settings (project.json "settings"); only the fields given. `readerName`
   * is the DOCX export's author and the REFI-QDA export's user ('' clears it). Undoable.
   */
  updateProjectSettings: z.object({
    readerName: z.string().trim().max(200).optional(),
  }),
  /** Changes a document's metadata; only the fields given. Resolves once durable (undoable). */
  updateDocumentMetadata: z.object({
    id: z.string().min(1),
    // The rules and their sentences are the metadata form's too (project/metadata-rules.ts).
    title: z.string().trim().superRefine(ruled(titleProblem)).optional(),
    author: z.string().trim().optional(),
    outlet: z.string().trim().optional(),
    date: z.string().trim().superRefine(ruled(dateProblem)).optional(),
    url: z.string().trim().optional(),
  }),
  /**
   * Sets a document's memo (Markdown: the reader's note about the document as a whole;
   * project.json documents[].memo); '' removes it. Undoable; resolves once durable.
   */
  setDocumentMemo: z.object({ id: z.string().min(1), memo: memoText }),
  /**
   * Replaces a document's excluded ranges ([start, end) in code points): text left out of
   * analysis, the file unchanged. Overlapping ranges are merged. Undoable.
   */
  setExcludedRanges: z.object({
    id: z.string().min(1),
    ranges: z.array(z.object({ start: z.number().int().nonnegative(), end: z.number().int().positive(), reason: z.string().optional() })),
  }),
  /**
   * Ranges of a document that look like site text (navigation, "About Us", comment forms), to offer
   * for exclusion; without `id`, of every document, leaving out what is already excluded.
   */
  suggestBoilerplate: z.object({ id: z.string().min(1).optional() }),
  /**
   * Adds excluded ranges to several documents at once (each document's ranges merged as
   * setExcludedRanges does): one change, undone in one step. Every range is checked before any is
   * stored.
   */
  addExcludedRanges: z.object({
    ranges: z
      .array(
        z.object({
          docId: z.string().min(1),
          start: z.number().int().nonnegative(),
          end: z.number().int().positive(),
          reason: z.string().optional(),
        }),
      )
      .min(1),
  }),
  /**
   * Adds the codes of a REFI-QDA codebook (.qdc, or a .qdpx's) to the tags, reusing tags of the
   * same name. The file by `path`, or by content (`file`, base64, as importFiles takes it) from
   * the page, where no path is known: one of the two.
   */
  importCodebook: z
    .object({
      path: z.string().min(1).optional(),
      file: z.object({ name: z.string().min(1), data: z.string() }).optional(),
    })
    .refine((i) => (i.path === undefined) !== (i.file === undefined), 'give either path or file'),
  /**
   * Reads a batch tool's results into the project (reuse/<tool>.json, replacing that tool's last
   * import), streamed, with 'reuse-progress' events, then a 'reuse-imported' event: passim's output
   * folder (or its out.json/, or one JSON Lines file, .gz too); TextPAIR's alignments.jsonl or
   * alignments.jsonl.lz4. What `passim import` and `textpair import` do in the CLI.
   */
  importReuse: z.object({ tool: z.enum(REUSE_SOURCES), path: z.string().min(1) }),
  /**
   * importReuse from files given by content (picked in the page), base64: one file, or the part-*
   * files of passim's out.json/ (read in name order, as Spark numbers them).
   */
  importReuseFiles: z.object({
    tool: z.enum(REUSE_SOURCES),
    files: z.array(z.object({ name: z.string().min(1), data: z.string() })).min(1),
  }),
} as const satisfies { [K in OperationName]: z.ZodType }

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
