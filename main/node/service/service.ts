import { randomUUID } from 'node:crypto'
import { type FSWatcher, watch } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, dirname, join, resolve } from 'node:path'
import { type Anchor, anchorAnnotation, withSpan } from '../../core/annotations/anchor.js'
import {
  type Annotation,
  makeAnnotation,
  noteOf,
  positionOf,
  quoteOf,
  TAG_IRI_PREFIX,
  tagIdsOf,
} from '../../core/annotations/annotation.js'
import {
  type AnnotationItem,
  type Api,
  ApiError,
  type ApiEvent,
  type DocumentSummary,
  type OperationInput,
  type ProjectView,
  type Results,
  type RetrievedItem,
  type SearchHit,
} from '../../core/contract/api.js'
import { addTag, CodebookError, descendantIds, editTag, findTagByName, removeTag, type Tag } from '../../core/annotations/codebook.js'
import { stableStringify } from '../../core/project/json.js'
import { contextOf, findHits, fold, type Folded, foldString, MAX_HITS, parseQuery } from '../../core/text/search.js'
import { OffsetMap } from '../../core/text/offsets.js'
import type { EngineDocument } from '../../core/engine/analyse.js'
import type { DefinitionResult } from '../../core/definitions/definitions.js'
import { maskExcluded, withOriginalTexts } from '../../core/project/exclusions.js'
import type { OverlapResult } from '../../core/engine/overlaps.js'
import { ensureDefaultProject } from '../project/corpus.js'
import { EngineRunner } from '../engine/runner.js'
import { type EngineJob, runJob } from '../engine/worker.js'
import { writeDurable } from '../project/durable.js'
import type { PdfPrinter } from '../export/export.js'
import { exportBaseName } from '../../core/export/jsonld.js'
import { normaliseRanges, suggestBoilerplate } from '../../core/project/exclusions.js'
import { defaultProjectDir } from '../project/paths.js'
import { ANNOTATIONS_DIR, DOCUMENTS_DIR, ProjectStore, type Transaction } from '../project/store.js'

/** How many folders the recent-projects list keeps. */
const RECENT_LIMIT = 10
const RECENT_FILE = 'recent-projects.json'
/**
 * How long a file must be quiet before a change on disk is acted on: editors save in several
 * steps (write a temporary file, rename, touch), and one re-anchor per save is enough.
 */
const WATCH_SETTLE_MS = 150

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
  /** How PDF exports are printed; Electron passes webContents.printToPDF (default: Chromium via Playwright). */
  printPdf?: PdfPrinter
}

interface CachedText {
  mtimeMs: number
  size: number
  map: OffsetMap
  folded?: Folded
}

/** Converts a codebook rule violation into an API error. */
async function codebookStep<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (e) {
    if (e instanceof CodebookError) throw new ApiError('invalid-input', e.message)
    throw e
  }
}

/**
 * The Node-side implementation of the API contract: one open project at a time. Electron's
 * ipcMain and the web host both serve an instance of this class through `dispatch`; the CLI
 * calls it directly.
 */
export class Service implements Api {
  private listeners = new Set<(event: ApiEvent) => void>()
  /** Where each annotation (by id) stands in its document's current text. */
  private anchors = new Map<string, Anchor>()
  private texts = new Map<string, CachedText>()
  private watchers: FSWatcher[] = []
  private watching = false
  private pending = new Map<string, ReturnType<typeof setTimeout>>()
  private engine: EngineRunner | null
  /** The last analyses, by task, with the texts they were computed from. */
  private analyses = new Map<string, { key: string; result: Promise<unknown> }>()
  /** Bumped by cancelAnalysis: analyses started before it are cancelled, even before their worker starts. */
  private cancellations = 0

  private constructor(
    private readonly options: ServiceOptions,
    private store: ProjectStore,
  ) {
    this.engine = options.engineWorker ? new EngineRunner(options.engineWorker) : null
  }

  /** Opens `options.project`, or else the default project (creating it on first start). */
  static async start(options: ServiceOptions): Promise<Service> {
    const service = new Service(options, await Service.openStore(options, options.project))
    if (options.project) await service.remember(service.store.dir)
    await service.anchorAll()
    return service
  }

  private static async openStore(options: ServiceOptions, dir: string | undefined): Promise<ProjectStore> {
    if (dir) return ProjectStore.open(dir, { create: true })
    return ProjectStore.open(await ensureDefaultProject(options.corpusDir, options.userData))
  }

  /** The project currently open. */
  get project(): ProjectStore {
    return this.store
  }

  /** Calls `listener` with every event; returns a function that stops it. */
  onEvent(listener: (event: ApiEvent) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private emit(event: ApiEvent): void {
    for (const listener of this.listeners) listener(event)
  }

  // --- Texts and anchoring -------------------------------------------------------------------

  /** A document's text, read again only when its file changed. */
  private async text(docId: string): Promise<CachedText> {
    const path = this.store.documentPath(this.store.document(docId))
    const info = await stat(path).catch(() => null)
    const cached = this.texts.get(path)
    if (cached && info && cached.mtimeMs === info.mtimeMs && cached.size === info.size) return cached
    let text: string
    try {
      text = await this.store.text(docId)
    } catch (e) {
      throw new ApiError('unreadable', (e as Error).message)
    }
    const fresh = { mtimeMs: info?.mtimeMs ?? 0, size: info?.size ?? 0, map: new OffsetMap(text) }
    this.texts.set(path, fresh)
    return fresh
  }

  private anchorOf(a: Annotation): Anchor {
    return this.anchors.get(a.id) ?? { status: 'anchored', ...positionOf(a) }
  }

  /**
   * Re-anchors a document's annotations in its current text. Annotations found elsewhere get
   * their stored selectors updated (only if nobody changed them meanwhile); those not found
   * become orphans and are left exactly as stored.
   */
  private async anchorDocument(docId: string): Promise<void> {
    const items = this.store.annotationsOf(docId)
    if (items.length === 0) return
    let map: OffsetMap
    try {
      map = (await this.text(docId)).map
    } catch {
      for (const a of items) this.anchors.set(a.id, { status: 'orphan', ...positionOf(a) })
      return
    }
    const moved = new Map<string, { anchor: Anchor; selectors: string }>()
    for (const a of items) {
      const anchor = anchorAnnotation(map, a)
      this.anchors.set(a.id, anchor)
      if (anchor.status === 'moved') moved.set(a.id, { anchor, selectors: JSON.stringify(a.target.selector) })
    }
    if (moved.size === 0) return
    await this.store
      .updateAnnotations(docId, (list) =>
        list.map((a) => {
          const m = moved.get(a.id)
          return m && JSON.stringify(a.target.selector) === m.selectors ? withSpan(a, map, m.anchor.start, m.anchor.end) : a
        }),
      )
      .catch(() => undefined) // An unwritable file keeps its old selectors; the anchors still show where the passages are.
  }

  private async anchorAll(): Promise<void> {
    this.anchors.clear()
    for (const d of this.store.project.documents) await this.anchorDocument(d.id)
  }

  private item(docId: string, annotation: Annotation): AnnotationItem {
    return { docId, annotation, status: this.anchorOf(annotation).status }
  }

  // --- Watching the project folder -------------------------------------------------------------

  /**
   * Watches the project's documents/ and annotations/ folders: a source file changed on disk is
   * re-read and its annotations re-anchored; an annotations file changed by another program
   * (the CLI, git) is reloaded. Hosts with a UI call this; the CLI does not.
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
    for (const w of this.watchers) w.close()
    this.watchers = []
    for (const t of this.pending.values()) clearTimeout(t)
    this.pending.clear()
    if (!this.watching) return
    const store = this.store
    const add = (dir: string, onChange: (name: string) => Promise<void>) => {
      try {
        const w = watch(dir, (_event, name) => {
          if (!name || this.store !== store) return
          const key = `${dir}/${name}`
          clearTimeout(this.pending.get(key))
          this.pending.set(
            key,
            setTimeout(() => {
              this.pending.delete(key)
              onChange(String(name)).catch(() => undefined)
            }, WATCH_SETTLE_MS),
          )
        })
        w.on('error', () => undefined)
        this.watchers.push(w)
      } catch {
        // The folder does not exist (yet): nothing to watch.
      }
    }
    add(join(store.dir, DOCUMENTS_DIR), async (name) => {
      const doc = store.project.documents.find((d) => d.file === name)
      if (!doc) return
      await this.anchorDocument(doc.id)
      this.emit({ type: 'document-changed', docId: doc.id })
    })
    add(join(store.dir, ANNOTATIONS_DIR), async (name) => {
      const doc = store.project.documents.find((d) => `${d.id}.json` === name)
      if (!doc) return
      const before = JSON.stringify(store.annotationsOf(doc.id))
      await store.reload([store.annotationsPath(doc.id)])
      if (JSON.stringify(store.annotationsOf(doc.id)) === before) return
      await this.anchorDocument(doc.id)
      this.emit({ type: 'annotations-changed', docId: doc.id })
    })
  }

  // --- Project ---------------------------------------------------------------------------------

  private async summary(doc: ProjectStore['project']['documents'][number]): Promise<DocumentSummary> {
    const available = !!(await stat(this.store.documentPath(doc)).catch(() => null))
    return { ...doc, available, annotationCount: this.store.annotationsOf(doc.id).length }
  }

  async getProject(): Promise<ProjectView> {
    const s = this.store
    const tagCounts: Record<string, number> = {}
    let orphanCount = 0
    for (const d of s.project.documents) {
      for (const a of s.annotationsOf(d.id)) {
        for (const id of new Set(tagIdsOf(a))) tagCounts[id] = (tagCounts[id] ?? 0) + 1
        if (this.anchorOf(a).status === 'orphan') orphanCount++
      }
    }
    return {
      name: s.name,
      dir: s.dir,
      isDefault: s.dir === resolve(defaultProjectDir(this.options.userData)),
      documents: await Promise.all(s.project.documents.map((d) => this.summary(d))),
      tags: s.codebook.tags,
      tagCounts,
      orphanCount,
      history: s.history(),
      problems: s.problems,
    }
  }

  async getDocument({ id }: OperationInput<'getDocument'>): Promise<Results['getDocument']> {
    const doc = this.store.document(id)
    return { document: await this.summary(doc), text: (await this.text(id)).map.text }
  }

  private async switchTo(store: ProjectStore): Promise<ProjectView> {
    this.store = store
    this.texts.clear()
    await this.anchorAll()
    this.rewatch()
    this.emit({ type: 'project-changed' })
    return this.getProject()
  }

  async openProject({ dir }: OperationInput<'openProject'>): Promise<ProjectView> {
    const store = await Service.openStore(this.options, dir)
    await this.remember(store.dir)
    return this.switchTo(store)
  }

  async openDefaultProject(): Promise<ProjectView> {
    return this.switchTo(await Service.openStore(this.options, undefined))
  }

  private recentPath(): string {
    return join(this.options.userData, RECENT_FILE)
  }

  async listRecentProjects(): Promise<Results['listRecentProjects']> {
    try {
      const data = JSON.parse(await readFile(this.recentPath(), 'utf8')) as { dirs?: unknown }
      return { dirs: Array.isArray(data.dirs) ? data.dirs.filter((d): d is string => typeof d === 'string') : [] }
    } catch {
      return { dirs: [] }
    }
  }

  /** Puts `dir` first in the recent-projects list. */
  private async remember(dir: string): Promise<void> {
    const { dirs } = await this.listRecentProjects()
    const next = [dir, ...dirs.filter((d) => d !== dir)].slice(0, RECENT_LIMIT)
    await mkdir(this.options.userData, { recursive: true })
    await writeDurable(this.recentPath(), stableStringify({ dirs: next }))
  }

  async importDocuments({ paths }: OperationInput<'importDocuments'>): Promise<Results['importDocuments']> {
    // The format readers (pdf.js, mammoth, Readability) load on first import, not at every start.
    const { importDocuments } = await import('../import/importer.js')
    const report: string[] = []
    const added = await importDocuments(this.store, paths, report)
    this.rewatch()
    this.emit({ type: 'project-changed' })
    if (report.length) this.emit({ type: 'codebook-changed' })
    return { added: await Promise.all(added.map((d) => this.summary(d))), ...(report.length ? { report } : {}) }
  }

  async importFiles({ files }: OperationInput<'importFiles'>): Promise<Results['importFiles']> {
    const dir = await mkdtemp(join(tmpdir(), 'parallax-upload-'))
    try {
      const paths: string[] = []
      for (const f of files) {
        // Only the file's own name is kept: a name with folders in it cannot write elsewhere.
        const name = basename(f.name.replace(/\\/g, '/')).replace(/^\.+/, '') || 'document.txt'
        const path = join(dir, `${paths.length}`, name)
        await mkdir(dirname(path), { recursive: true })
        await writeFile(path, Buffer.from(f.data, 'base64'))
        paths.push(path)
      }
      return await this.importDocuments({ paths })
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  }

  async exportAnnotations(): Promise<Results['exportAnnotations']> {
    const { allAnnotationsJsonLd } = await import('../export/export.js')
    const fileName = `${exportBaseName(this.store.name)}.annotations.jsonld`
    return { fileName, mediaType: 'application/ld+json', content: stableStringify(await allAnnotationsJsonLd(this.store)) }
  }

  // --- Annotations -----------------------------------------------------------------------------

  async listAnnotations({ docId }: OperationInput<'listAnnotations'>): Promise<Results['listAnnotations']> {
    const docs = docId ? [this.store.document(docId)] : this.store.project.documents
    return { items: docs.flatMap((d) => this.store.annotationsOf(d.id).map((a) => this.item(d.id, a))) }
  }

  /** Ids for tag names, creating the tags that do not exist yet (one durable write for all). */
  private async tagIds(names: readonly string[], tx: Transaction): Promise<{ ids: string[]; created: Tag[] }> {
    const created: Tag[] = []
    const lookup = (tags: readonly Tag[]) => [...new Set(names.map((n) => findTagByName(tags, n)?.id))]
    if (names.every((n) => findTagByName(this.store.codebook.tags, n)))
      return { ids: lookup(this.store.codebook.tags) as string[], created }
    const codebook = await this.store.updateCodebook((book) => {
      created.length = 0
      let tags = book.tags
      for (const name of names) {
        if (findTagByName(tags, name)) continue
        tags = addTag(tags, this.newTagId(tags), { name })
        created.push(tags[tags.length - 1])
      }
      return { ...book, tags }
    }, tx)
    return { ids: lookup(codebook.tags) as string[], created }
  }

  private newTagId(tags: readonly Tag[]): string {
    const taken = new Set(tags.map((t) => t.id))
    let id: string
    do id = `t${randomUUID().slice(0, 8)}`
    while (taken.has(id))
    return id
  }

  /** Checks a span against a document's current text. */
  private async span(docId: string, start: number, end: number): Promise<OffsetMap> {
    const { map } = await this.text(docId)
    if (!(end > start) || end > map.codePointLength) {
      throw new ApiError('invalid-input', `span ${start}..${end} is not inside document "${docId}" (0..${map.codePointLength})`)
    }
    return map
  }

  async createAnnotation(input: OperationInput<'createAnnotation'>): Promise<Results['createAnnotation']> {
    const { docId, start, end, note } = input
    const doc = this.store.document(docId)
    const map = await this.span(docId, start, end)
    const result = await this.store.transaction('Annotate', async (tx) => {
      const { ids, created } = await this.tagIds(input.tags ?? [], tx)
      const annotation = makeAnnotation({
        id: `urn:uuid:${randomUUID()}`,
        now: new Date().toISOString(),
        source: `documents/${doc.file}`,
        text: map,
        start,
        end,
        tagIds: ids,
        note,
      })
      await this.store.updateAnnotations(docId, (items) => [...items, annotation], tx)
      this.anchors.set(annotation.id, { status: 'anchored', start, end })
      return { annotation: this.item(docId, annotation), createdTags: created }
    })
    this.emit({ type: 'annotations-changed', docId })
    if (result.createdTags.length) this.emit({ type: 'codebook-changed' })
    return result
  }

  private stored(docId: string, id: string): Annotation {
    const a = this.store.annotationsOf(docId).find((x) => x.id === id)
    if (!a) throw new ApiError('not-found', `no annotation ${id} in document "${docId}"`)
    return a
  }

  async updateAnnotation(input: OperationInput<'updateAnnotation'>): Promise<Results['updateAnnotation']> {
    const { docId, id } = input
    const current = this.stored(docId, id)
    if ((input.start === undefined) !== (input.end === undefined))
      throw new ApiError('invalid-input', 'give both start and end to change the span')
    const map = input.start !== undefined ? await this.span(docId, input.start, input.end!) : null
    const result = await this.store.transaction('Edit annotation', async (tx) => {
      const { ids, created } = input.tags ? await this.tagIds(input.tags, tx) : { ids: tagIdsOf(current), created: [] as Tag[] }
      const note = input.note ?? noteOf(current)
      let next: Annotation | undefined
      await this.store.updateAnnotations(
        docId,
        (items) =>
          items.map((a) => {
            if (a.id !== id) return a
            let body = a.body.filter((b) => b.purpose !== 'tagging' && b.purpose !== 'commenting')
            body = [...ids.map((t) => ({ type: 'SpecificResource', purpose: 'tagging', source: TAG_IRI_PREFIX + t })), ...body]
            if (note.trim()) body.push({ type: 'TextualBody', purpose: 'commenting', value: note, format: 'text/markdown' })
            next = {
              ...a,
              body,
              motivation: note.trim() ? 'commenting' : ids.length ? 'tagging' : 'highlighting',
              modified: new Date().toISOString(),
            }
            if (map) next = withSpan(next, map, input.start!, input.end!)
            return next
          }),
        tx,
      )
      if (!next) throw new ApiError('not-found', `no annotation ${id} in document "${docId}"`)
      if (map) this.anchors.set(id, { status: 'anchored', start: input.start!, end: input.end! })
      return { annotation: this.item(docId, next), createdTags: created }
    })
    this.emit({ type: 'annotations-changed', docId })
    if (result.createdTags.length) this.emit({ type: 'codebook-changed' })
    return result
  }

  async deleteAnnotation({ docId, id }: OperationInput<'deleteAnnotation'>): Promise<Results['deleteAnnotation']> {
    this.stored(docId, id)
    await this.store.transaction('Delete annotation', (tx) =>
      this.store.updateAnnotations(docId, (items) => items.filter((a) => a.id !== id), tx),
    )
    this.anchors.delete(id)
    this.emit({ type: 'annotations-changed', docId })
    return { deleted: id }
  }

  /** After undo or redo: fresh anchors, and every view told. */
  private async afterHistory(): Promise<void> {
    await this.anchorAll()
    this.emit({ type: 'codebook-changed' })
    for (const d of this.store.project.documents) this.emit({ type: 'annotations-changed', docId: d.id })
  }

  async undo(_input: OperationInput<'undo'> = {}): Promise<Results['undo']> {
    const undone = await this.store.undo()
    if (undone) await this.afterHistory()
    return { undone }
  }

  async redo(_input: OperationInput<'redo'> = {}): Promise<Results['redo']> {
    const redone = await this.store.redo()
    if (redone) await this.afterHistory()
    return { redone }
  }

  // --- Codebook --------------------------------------------------------------------------------

  async createTag(input: OperationInput<'createTag'>): Promise<Results['createTag']> {
    const book = await codebookStep(() =>
      this.store.transaction(`Create tag "${input.name}"`, (tx) =>
        this.store.updateCodebook((b) => ({ ...b, tags: addTag(b.tags, this.newTagId(b.tags), input) }), tx),
      ),
    )
    this.emit({ type: 'codebook-changed' })
    return { tag: book.tags[book.tags.length - 1] }
  }

  async updateTag(input: OperationInput<'updateTag'>): Promise<Results['updateTag']> {
    const { id, ...fields } = input
    const label = fields.name ? `Rename tag to "${fields.name}"` : fields.parent !== undefined ? 'Move tag' : 'Edit tag'
    const book = await codebookStep(() =>
      this.store.transaction(label, (tx) => this.store.updateCodebook((b) => ({ ...b, tags: editTag(b.tags, id, fields) }), tx)),
    )
    this.emit({ type: 'codebook-changed' })
    return { tag: book.tags.find((t) => t.id === id)! }
  }

  /** Rewrites the tag references of every annotation, in one transaction. Returns how many changed. */
  private async retag(tx: Transaction, change: (ids: string[]) => string[]): Promise<number> {
    let changed = 0
    for (const d of this.store.project.documents) {
      if (!this.store.annotationsOf(d.id).some((a) => tagIdsOf(a).length)) continue
      await this.store.updateAnnotations(
        d.id,
        (items) =>
          items.map((a) => {
            const before = tagIdsOf(a)
            const after = [...new Set(change(before))]
            if (after.join() === before.join()) return a
            changed++
            const others = a.body.filter((b) => b.purpose !== 'tagging')
            const body = [...after.map((t) => ({ type: 'SpecificResource', purpose: 'tagging', source: TAG_IRI_PREFIX + t })), ...others]
            const motivation = noteOf(a).trim() ? 'commenting' : after.length ? 'tagging' : 'highlighting'
            return { ...a, body, motivation }
          }),
        tx,
      )
    }
    return changed
  }

  async mergeTags({ from, into }: OperationInput<'mergeTags'>): Promise<Results['mergeTags']> {
    const tags = this.store.codebook.tags
    const source = tags.find((t) => t.id === from)
    const target = tags.find((t) => t.id === into)
    if (!source || !target) throw new ApiError('not-found', `no tag with id "${source ? into : from}"`)
    const moved = await codebookStep(() =>
      this.store.transaction(`Merge "${source.name}" into "${target.name}"`, async (tx) => {
        removeTag(this.store.codebook.tags, from, into) // Checks the merge before any file changes.
        const n = await this.retag(tx, (ids) => ids.map((t) => (t === from ? into : t)))
        await this.store.updateCodebook((b) => ({ ...b, tags: removeTag(b.tags, from, into) }), tx)
        return n
      }),
    )
    this.emit({ type: 'codebook-changed' })
    for (const d of this.store.project.documents) this.emit({ type: 'annotations-changed', docId: d.id })
    return { into: this.store.codebook.tags.find((t) => t.id === into)!, moved }
  }

  async deleteTag({ id, reassignTo }: OperationInput<'deleteTag'>): Promise<Results['deleteTag']> {
    if (reassignTo !== undefined) {
      const { moved } = await this.mergeTags({ from: id, into: reassignTo })
      return { deleted: id, changed: moved }
    }
    const tag = this.store.codebook.tags.find((t) => t.id === id)
    if (!tag) throw new ApiError('not-found', `no tag with id "${id}"`)
    const changed = await codebookStep(() =>
      this.store.transaction(`Delete tag "${tag.name}"`, async (tx) => {
        const n = await this.retag(tx, (ids) => ids.filter((t) => t !== id))
        await this.store.updateCodebook((b) => ({ ...b, tags: removeTag(b.tags, id) }), tx)
        return n
      }),
    )
    this.emit({ type: 'codebook-changed' })
    for (const d of this.store.project.documents) this.emit({ type: 'annotations-changed', docId: d.id })
    return { deleted: id, changed }
  }

  // --- Finding things again --------------------------------------------------------------------

  async retrieve(input: OperationInput<'retrieve'>): Promise<Results['retrieve']> {
    const tags = this.store.codebook.tags
    let wanted: Set<string> | null = null
    if (input.tagIds?.length) {
      wanted = new Set(input.tagIds)
      if (input.includeChildren !== false) for (const id of input.tagIds) for (const d of descendantIds(tags, id)) wanted.add(d)
    }
    const authors = input.authors?.length ? new Set(input.authors) : null
    const docIds = input.docIds?.length ? new Set(input.docIds) : null
    const statuses = input.status?.length ? new Set(input.status) : null
    const text = input.text?.trim() ? foldString(input.text.trim()) : ''
    const items: RetrievedItem[] = []
    for (const doc of this.store.project.documents) {
      if (docIds && !docIds.has(doc.id)) continue
      if (authors && !authors.has(doc.author)) continue
      const annotations = this.store.annotationsOf(doc.id).filter((a) => !wanted || tagIdsOf(a).some((t) => wanted!.has(t)))
      if (annotations.length === 0) continue
      const map = await this.text(doc.id).then(
        (t) => t.map,
        () => null,
      )
      for (const a of annotations) {
        const anchor = this.anchorOf(a)
        if (statuses && !statuses.has(anchor.status)) continue
        const live = map && anchor.status !== 'orphan'
        const quote = live ? map.slice(anchor.start, anchor.end) : quoteOf(a).exact
        const context = live ? contextOf(map, anchor.start, anchor.end) : { before: '', after: '' }
        if (text && !foldString(`${quote} ${noteOf(a)}`).includes(text)) continue
        items.push({ ...this.item(doc.id, a), start: anchor.start, end: anchor.end, quote, ...context })
      }
    }
    return { items }
  }

  async search({ query, docIds }: OperationInput<'search'>): Promise<Results['search']> {
    const terms = parseQuery(query)
    const hits: SearchHit[] = []
    let truncated = false
    for (const doc of this.store.project.documents) {
      if (docIds?.length && !docIds.includes(doc.id)) continue
      const cached = await this.text(doc.id).catch(() => null)
      if (!cached) continue
      cached.folded ??= fold(cached.map.text)
      const found = findHits(cached.map.text, cached.folded, terms, MAX_HITS - hits.length + 1)
      for (const h of found) hits.push({ docId: doc.id, ...h })
      if (hits.length > MAX_HITS) {
        hits.length = MAX_HITS
        truncated = true
        break
      }
    }
    return { hits, truncated }
  }

  // --- Export of excerpts, document metadata, excluded ranges, codebook import ------------------

  async exportExcerpts(input: OperationInput<'exportExcerpts'>): Promise<Results['exportExcerpts']> {
    const { exportExcerpts, exportResult } = await import('../export/export.js')
    return exportResult(await exportExcerpts(this.store, input, this.options.printPdf))
  }

  async updateDocumentMetadata(input: OperationInput<'updateDocumentMetadata'>): Promise<Results['updateDocumentMetadata']> {
    const { id, ...fields } = input
    this.store.document(id)
    const given = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined))
    const project = await this.store.transaction('Edit document details', (tx) =>
      this.store.updateProject((p) => ({ ...p, documents: p.documents.map((d) => (d.id === id ? { ...d, ...given } : d)) }), tx),
    )
    this.emit({ type: 'project-changed' })
    return { document: await this.summary(project.documents.find((d) => d.id === id) ?? this.store.document(id)) }
  }

  async setExcludedRanges({ id, ranges }: OperationInput<'setExcludedRanges'>): Promise<Results['setExcludedRanges']> {
    const { map } = await this.text(id)
    let excluded: ReturnType<typeof normaliseRanges>
    try {
      excluded = normaliseRanges(ranges, map.codePointLength)
    } catch (e) {
      throw new ApiError('invalid-input', `document "${id}": ${(e as Error).message}`)
    }
    const project = await this.store.transaction(excluded.length ? 'Exclude text from analysis' : 'Include all text in analysis', (tx) =>
      this.store.updateProject(
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
    this.emit({ type: 'project-changed' })
    return { document: await this.summary(project.documents.find((d) => d.id === id) ?? this.store.document(id)) }
  }

  async suggestBoilerplate({ id }: OperationInput<'suggestBoilerplate'>): Promise<Results['suggestBoilerplate']> {
    const { map } = await this.text(id)
    return {
      suggestions: suggestBoilerplate(map.text).map((s) => ({
        start: s.start,
        end: s.end,
        reason: s.reason,
        text: map.slice(s.start, s.end),
      })),
    }
  }

  async importCodebook({ path }: OperationInput<'importCodebook'>): Promise<Results['importCodebook']> {
    const { importCodebook } = await import('../import/qdpx.js')
    const added = await importCodebook(this.store, path)
    if (added.length) this.emit({ type: 'codebook-changed' })
    return { added }
  }

  // --- Analysis --------------------------------------------------------------------------------

  /** The documents as the engine sees them: readable texts, excluded ranges blanked (offsets kept). */
  private async engineDocuments(): Promise<EngineDocument[]> {
    const out: EngineDocument[] = []
    for (const doc of this.store.project.documents) {
      const cached = await this.text(doc.id).catch(() => null)
      if (cached) out.push({ id: doc.id, text: doc.excluded?.length ? maskExcluded(cached.map.text, doc.excluded) : cached.map.text })
    }
    return out
  }

  /**
   * Runs an engine job in the worker (or inline without one), reusing the last result of the same
   * task while the texts it was computed from are unchanged.
   */
  private async analysis<T>(task: 'overlaps' | 'definitions', job: (documents: EngineDocument[]) => EngineJob, variant = ''): Promise<T> {
    const generation = this.cancellations
    const documents = await this.engineDocuments()
    if (generation !== this.cancellations) throw new ApiError('cancelled', 'the analysis was cancelled')
    // The texts as the engine sees them: each file's version, and what of it is excluded.
    const key = JSON.stringify([
      this.store.dir,
      variant,
      documents.map((d) => {
        const doc = this.store.document(d.id)
        return [d.id, d.text.length, this.texts.get(this.store.documentPath(doc))?.mtimeMs, doc.excluded ?? []]
      }),
    ])
    const cached = this.analyses.get(task + variant)
    if (cached?.key === key) return cached.result as Promise<T>
    const progress = (phase: string, done: number, total: number) => this.emit({ type: 'analysis-progress', task, phase, done, total })
    const result = this.engine
      ? this.engine.run<T>(job(documents), (p) => progress(p.phase, p.done, p.total))
      : Promise.resolve().then(() => runJob(job(documents), progress) as T)
    this.analyses.set(task + variant, { key, result })
    result.catch(() => {
      if (this.analyses.get(task + variant)?.result === result) this.analyses.delete(task + variant)
    })
    return result
  }

  async analyseOverlaps(_input: OperationInput<'analyseOverlaps'> = {}): Promise<Results['analyseOverlaps']> {
    const result = await this.analysis<OverlapResult>('overlaps', (documents) => ({ kind: 'overlaps', documents }))
    const lengths: Record<string, number> = {}
    const originals = new Map<string, string>()
    for (const d of this.store.project.documents) {
      const cached = await this.text(d.id).catch(() => null)
      if (!cached) continue
      lengths[d.id] = cached.map.codePointLength
      originals.set(d.id, cached.map.text)
    }
    return { overlaps: withOriginalTexts(result.overlaps, originals), stats: result.stats, lengths }
  }

  async findDefinitions({ term }: OperationInput<'findDefinitions'>): Promise<Results['findDefinitions']> {
    return this.analysis<DefinitionResult>('definitions', (documents) => ({ kind: 'definitions', documents, term }), term ?? '')
  }

  async cancelAnalysis(): Promise<Results['cancelAnalysis']> {
    this.cancellations++
    this.analyses.clear()
    return { cancelled: this.engine ? await this.engine.cancel() : 0 }
  }
}
