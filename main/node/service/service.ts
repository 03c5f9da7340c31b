import { resolve } from 'node:path'
import { type Api, ApiError, type ApiEvent, type OperationInput, type ProjectView, type Results } from '../../core/contract/api.js'
import type { PdfPrinter } from '../export/export.js'
import { ensureDefaultProject } from '../project/corpus.js'
import { defaultProjectDir } from '../project/paths.js'
import { ProjectStore, type Replayed } from '../project/store.js'
import { Analyses } from './analysis.js'
import { type FacetTable, facetTable } from '../../core/definitions/facet-table.js'
import { DEFINITIONS_SECTION_FORMATS } from '../../core/export/formats.js'
import * as annotations from './annotations.js'
import * as codebook from './codebook.js'
import * as documents from './documents.js'
import { OpenProject } from './open-project.js'
import { RecentProjects } from './recent.js'
import * as retrieval from './retrieval.js'
import * as transfer from './transfer.js'
import { watchProject } from './watcher.js'

/** How often a batch tool import's progress is told at most: a few times a second is enough to watch. */
const REUSE_PROGRESS_INTERVAL_MS = 200

// The Node-side implementation of the API contract, as a façade: each operation is one call to
// the part that does it (see the files beside this one) and then the events that tell the UI what
// changed. Here only: which project is open, watching it, and the events.

export interface ServiceOptions {
  /** The bundled corpus (read-only). */
  corpusDir: string
  /** The user data folder: default project and recent list. */
  userData: string
  /** A project folder to open instead of the default project. */
  project?: string
  /**
   * The bundled engine worker (dist/main/engine-worker.cjs): hosts with a UI run analyses there,
   * off the thread that serves the UI. Without it (the CLI) analyses run inline.
   */
  engineWorker?: string
  /**
   * The bundled reader worker (dist/main/reader-worker.cjs): hosts with a UI read imported HTML,
   * .docx and PDF there, bounded in time and memory. Without it (the CLI) they are read inline.
   */
  readerWorker?: string
  /** How PDF exports are printed; Electron passes webContents.printToPDF (default: Chromium via Playwright). */
  printPdf?: PdfPrinter
}

/**
 * The API over one open project at a time. Electron's ipcMain and the web host both serve an
 * instance through `dispatch`; the CLI calls it directly.
 */
export class Service implements Api {
  private readonly listeners = new Set<(event: ApiEvent) => void>()
  private readonly recent: RecentProjects
  private readonly analyses: Analyses
  private watching = false
  private stopWatching = () => {}

  private constructor(
    private readonly options: ServiceOptions,
    private open: OpenProject,
  ) {
    this.recent = new RecentProjects(options.userData)
    this.analyses = new Analyses(options.engineWorker, (event) => this.emit(event))
  }

  /** Opens `options.project`, or else the default project (creating it on first start). */
  static async start(options: ServiceOptions): Promise<Service> {
    const service = new Service(options, new OpenProject(await Service.openStore(options, options.project)))
    if (options.project) await service.recent.remember(service.project.dir)
    await service.open.anchors.anchorAll()
    return service
  }

  private static async openStore(options: ServiceOptions, dir: string | undefined): Promise<ProjectStore> {
    if (dir) return ProjectStore.open(dir, { create: true })
    return ProjectStore.open(await ensureDefaultProject(options.corpusDir, options.userData))
  }

  /** The project currently open. */
  get project(): ProjectStore {
    return this.open.store
  }

  /** Calls `listener` with every event; returns a function that stops it. */
  onEvent(listener: (event: ApiEvent) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private emit(event: ApiEvent): void {
    for (const listener of this.listeners) listener(event)
  }

  /** Waits for a change, then tells the views what changed (`events`, or events made from its result). */
  private async changed<T>(change: Promise<T>, events: ApiEvent[] | ((result: T) => ApiEvent[])): Promise<T> {
    const result = await change
    for (const event of typeof events === 'function' ? events(result) : events) this.emit(event)
    return result
  }

  /** The events of an annotation change: its document's annotations, and the codebook if tags were created. */
  private annotationEvents(docId: string, createdTags: readonly unknown[] = []): ApiEvent[] {
    return [{ type: 'annotations-changed', docId }, ...(createdTags.length ? [{ type: 'codebook-changed' } as const] : [])]
  }

  /** The events of a change that may touch the codebook and every document's annotations. */
  private allAnnotationEvents(): ApiEvent[] {
    return [
      { type: 'codebook-changed' },
      ...this.project.project.documents.map((d) => ({ type: 'annotations-changed', docId: d.id }) as const),
    ]
  }

  /**
   * Watches the project's tags.json, project.json, documents/ and annotations/ for changes by
   * other programs (watcher.ts). Hosts with a UI call this; the CLI does not. Returns a function that stops.
   */
  watchFiles(): () => void {
    this.watching = true
    this.rewatch()
    return () => {
      this.watching = false
      this.rewatch()
    }
  }

  private rewatch(): void {
    this.stopWatching()
    this.stopWatching = this.watching ? watchProject(this.open, (event) => this.emit(event)) : () => {}
  }

  // --- Project ---------------------------------------------------------------------------------

  private async switchTo(store: ProjectStore): Promise<ProjectView> {
    const open = new OpenProject(store)
    this.open = open
    await open.anchors.anchorAll()
    this.rewatch()
    this.emit({ type: 'project-changed' })
    return this.getProject()
  }

  async getProject(): Promise<ProjectView> {
    return documents.projectView(this.open, this.project.dir === resolve(defaultProjectDir(this.options.userData)))
  }

  async getDocument(input: OperationInput<'getDocument'>): Promise<Results['getDocument']> {
    return documents.getDocument(this.open, input)
  }

  async openProject({ dir }: OperationInput<'openProject'>): Promise<ProjectView> {
    const store = await Service.openStore(this.options, dir)
    await this.recent.remember(store.dir)
    return this.switchTo(store)
  }

  async openDefaultProject(): Promise<ProjectView> {
    return this.switchTo(await Service.openStore(this.options, undefined))
  }

  async listRecentProjects(): Promise<Results['listRecentProjects']> {
    return { dirs: await this.recent.list() }
  }

  async updateDocumentMetadata(input: OperationInput<'updateDocumentMetadata'>): Promise<Results['updateDocumentMetadata']> {
    return this.changed(documents.updateDocumentMetadata(this.open, input), [{ type: 'project-changed' }])
  }

  async setDocumentMemo(input: OperationInput<'setDocumentMemo'>): Promise<Results['setDocumentMemo']> {
    return this.changed(documents.setDocumentMemo(this.open, input), [{ type: 'project-changed' }])
  }

  async updateProjectSettings(input: OperationInput<'updateProjectSettings'>): Promise<Results['updateProjectSettings']> {
    return this.changed(documents.updateProjectSettings(this.open, input), [{ type: 'project-changed' }])
  }

  async setExcludedRanges(input: OperationInput<'setExcludedRanges'>): Promise<Results['setExcludedRanges']> {
    return this.changed(documents.setExcludedRanges(this.open, input), [{ type: 'project-changed' }])
  }

  async suggestBoilerplate(input: OperationInput<'suggestBoilerplate'>): Promise<Results['suggestBoilerplate']> {
    return documents.suggestBoilerplate(this.open, input)
  }

  async addExcludedRanges(input: OperationInput<'addExcludedRanges'>): Promise<Results['addExcludedRanges']> {
    return this.changed(documents.addExcludedRanges(this.open, input), [{ type: 'project-changed' }])
  }

  // --- Import and export -----------------------------------------------------------------------

  async importDocuments({ paths }: OperationInput<'importDocuments'>): Promise<Results['importDocuments']> {
    return this.importPaths(paths)
  }

  async importFiles({ files }: OperationInput<'importFiles'>): Promise<Results['importFiles']> {
    // Each file is read from a temporary copy; what is reported names it as the user picked it.
    return transfer.withUploadedFiles(files, (paths) => this.importPaths(paths, new Map(paths.map((p, k) => [p, files[k].name]))))
  }

  /** importDocuments, naming a file by `shownAs` where its path is not the one the user chose. */
  private async importPaths(paths: readonly string[], shownAs?: ReadonlyMap<string, string>): Promise<Results['importDocuments']> {
    const open = this.open
    const report: string[] = []
    // The codebook is replaced, not changed in place, when an import brings tags (a .qdpx): its
    // report also says how plain files were read, which changes no tag.
    const book = open.store.codebook
    const { added, failed } = await transfer.importDocuments(open.store, paths, report, this.options.readerWorker, shownAs)
    this.rewatch()
    this.emit({ type: 'project-changed' })
    if (open.store.codebook !== book) this.emit({ type: 'codebook-changed' })
    return {
      added: await Promise.all(added.map((d) => documents.summary(open, d))),
      ...(report.length ? { report } : {}),
      ...(failed.length ? { failed } : {}),
    }
  }

  async importCodebook({ path, file }: OperationInput<'importCodebook'>): Promise<Results['importCodebook']> {
    if (file) return transfer.withUploadedFiles([file], ([uploaded]) => this.importCodebook({ path: uploaded }))
    if (!path) throw new ApiError('invalid-input', 'importCodebook: give either path or file')
    const added = await this.changed(transfer.importCodebook(this.project, path), (tags) =>
      tags.length ? [{ type: 'codebook-changed' }] : [],
    )
    return { added }
  }

  async importReuse({ tool, path }: OperationInput<'importReuse'>): Promise<Results['importReuse']> {
    const { importPassim, importTextPair } = await import('../reuse/import.js')
    const read = tool === 'passim' ? importPassim : importTextPair
    let last = 0
    const { report } = await read(this.project, path, {
      onProgress: (p) => {
        const now = Date.now()
        if (now - last < REUSE_PROGRESS_INTERVAL_MS && p.bytes < p.totalBytes) return
        last = now
        this.emit({ type: 'reuse-progress', tool, bytes: p.bytes, totalBytes: p.totalBytes, records: p.records, kept: p.kept })
      },
    })
    this.emit({ type: 'reuse-imported', report })
    return { report }
  }

  async importReuseFiles({ tool, files }: OperationInput<'importReuseFiles'>): Promise<Results['importReuseFiles']> {
    return transfer.withUploadedOutput(files, (path) => this.importReuse({ tool, path }))
  }

  async exportExcerpts(input: OperationInput<'exportExcerpts'>): Promise<Results['exportExcerpts']> {
    return transfer.exportExcerpts(this.project, { ...input, facetTable: await this.facetTableFor(input) }, this.options.printPdf)
  }

  /**
   * The facet table an export asks for (the `facets` format, or `definitions` with a format that
   * carries the section), over the project's documents; undefined when it asks for none.
   */
  async facetTableFor(input: Pick<OperationInput<'exportExcerpts'>, 'format' | 'definitions'>): Promise<FacetTable | undefined> {
    const wanted = input.format === 'facets' || (input.definitions && DEFINITIONS_SECTION_FORMATS.includes(input.format))
    if (!wanted) return undefined
    const result = await this.analyses.definitions(this.open, input.definitions?.term)
    return facetTable(result, this.project.project.documents)
  }

  async exportAnnotations(): Promise<Results['exportAnnotations']> {
    return transfer.exportAnnotations(this.project)
  }

  // --- Annotations -----------------------------------------------------------------------------

  async listAnnotations(input: OperationInput<'listAnnotations'>): Promise<Results['listAnnotations']> {
    return annotations.listAnnotations(this.open, input)
  }

  async listAnnotationSpans(input: OperationInput<'listAnnotationSpans'>): Promise<Results['listAnnotationSpans']> {
    return annotations.listAnnotationSpans(this.open, input)
  }

  async createAnnotation(input: OperationInput<'createAnnotation'>): Promise<Results['createAnnotation']> {
    return this.changed(annotations.createAnnotation(this.open, input), (r) => this.annotationEvents(input.docId, r.createdTags))
  }

  async tagHits(input: OperationInput<'tagHits'>): Promise<Results['tagHits']> {
    return this.changed(annotations.tagHits(this.open, input), (r) => [
      ...(r.createdTags.length ? [{ type: 'codebook-changed' } as const] : []),
      ...[...new Set(input.hits.map((h) => h.docId))].map((docId) => ({ type: 'annotations-changed', docId }) as const),
    ])
  }

  async updateAnnotation(input: OperationInput<'updateAnnotation'>): Promise<Results['updateAnnotation']> {
    return this.changed(annotations.updateAnnotation(this.open, input), (r) => this.annotationEvents(input.docId, r.createdTags))
  }

  async deleteAnnotation(input: OperationInput<'deleteAnnotation'>): Promise<Results['deleteAnnotation']> {
    return this.changed(annotations.deleteAnnotation(this.open, input), this.annotationEvents(input.docId))
  }

  /**
   * After undo or redo: fresh anchors, and every view told, with the events the operation itself
   * sent: a change to project.json (excluded ranges, a document's details) is a project change,
   * which the views answer by analysing again. (A tester undid an exclusion: it left the
   * sidebar, but the shared passages stayed as analysed without the excluded text.)
   */
  private async afterHistory(replayed: Replayed): Promise<void> {
    const project = replayed.paths.includes(this.project.projectPath)
    await this.changed(this.open.anchors.anchorAll(), () => [
      ...(project ? [{ type: 'project-changed' } as const] : []),
      ...this.allAnnotationEvents(),
    ])
  }

  async undo(_input: OperationInput<'undo'> = {}): Promise<Results['undo']> {
    const undone = await this.project.undo()
    if (undone) await this.afterHistory(undone)
    return { undone: undone?.label ?? null }
  }

  async redo(_input: OperationInput<'redo'> = {}): Promise<Results['redo']> {
    const redone = await this.project.redo()
    if (redone) await this.afterHistory(redone)
    return { redone: redone?.label ?? null }
  }

  // --- Codebook --------------------------------------------------------------------------------

  async createTag(input: OperationInput<'createTag'>): Promise<Results['createTag']> {
    return this.changed(codebook.createTag(this.project, input), [{ type: 'codebook-changed' }])
  }

  async updateTag(input: OperationInput<'updateTag'>): Promise<Results['updateTag']> {
    return this.changed(codebook.updateTag(this.project, input), [{ type: 'codebook-changed' }])
  }

  async setTagMemo(input: OperationInput<'setTagMemo'>): Promise<Results['setTagMemo']> {
    return this.changed(codebook.setTagMemo(this.project, input), [{ type: 'codebook-changed' }])
  }

  async mergeTags(input: OperationInput<'mergeTags'>): Promise<Results['mergeTags']> {
    return this.changed(codebook.mergeTags(this.project, input), () => this.allAnnotationEvents())
  }

  async deleteTag(input: OperationInput<'deleteTag'>): Promise<Results['deleteTag']> {
    return this.changed(codebook.deleteTag(this.project, input), () => this.allAnnotationEvents())
  }

  // --- Finding things again --------------------------------------------------------------------

  async retrieve(input: OperationInput<'retrieve'>): Promise<Results['retrieve']> {
    return retrieval.retrieve(this.open, input)
  }

  async search(input: OperationInput<'search'>): Promise<Results['search']> {
    return retrieval.search(this.open, input)
  }

  // --- Analysis --------------------------------------------------------------------------------

  async analyseOverlaps({ paraphrases }: OperationInput<'analyseOverlaps'> = {}): Promise<Results['analyseOverlaps']> {
    return this.analyses.overlaps(this.open, paraphrases)
  }

  async findDefinitions({ term }: OperationInput<'findDefinitions'>): Promise<Results['findDefinitions']> {
    return this.analyses.definitions(this.open, term)
  }

  async cancelAnalysis(): Promise<Results['cancelAnalysis']> {
    return this.analyses.cancel()
  }
}
