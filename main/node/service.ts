import { randomUUID } from 'node:crypto'
import { mkdir, readFile, stat } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { ANNOTATION_CONTEXT, makeAnnotation } from '../core/annotation.js'
import {
  type AnnotationItem,
  type Api,
  ApiError,
  type ApiEvent,
  type DocumentSummary,
  type OperationInput,
  type ProjectView,
  type Results,
} from '../core/api.js'
import { findTagByName, paletteColour, type Tag } from '../core/codebook.js'
import { stableStringify } from '../core/json.js'
import { OffsetMap } from '../core/text.js'
import { ensureDefaultProject } from './corpus.js'
import { writeDurable } from './durable.js'
import { importDocuments } from './importer.js'
import { defaultProjectDir } from './paths.js'
import { ProjectStore } from './store.js'

/** How many folders the recent-projects list keeps. */
const RECENT_LIMIT = 10
const RECENT_FILE = 'recent-projects.json'

export interface ServiceOptions {
  /** The bundled corpus (read-only). */
  corpusDir: string
  /** The user data folder: default project and recent list. */
  userData: string
  /** A project folder to open instead of the default project. */
  project?: string
}

/**
 * The Node-side implementation of the API contract: one open project at a time. Electron's
 * ipcMain and the web host both serve an instance of this class through `dispatch`.
 */
export class Service implements Api {
  private listeners = new Set<(event: ApiEvent) => void>()

  private constructor(
    private readonly options: ServiceOptions,
    private store: ProjectStore,
  ) {}

  /** Opens `options.project`, or else the default project (creating it on first start). */
  static async start(options: ServiceOptions): Promise<Service> {
    const service = new Service(options, await Service.openStore(options, options.project))
    if (options.project) await service.remember(service.store.dir)
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

  private async summary(doc: ProjectStore['project']['documents'][number]): Promise<DocumentSummary> {
    const available = !!(await stat(this.store.documentPath(doc)).catch(() => null))
    return { ...doc, available, annotationCount: this.store.annotationsOf(doc.id).length }
  }

  async getProject(): Promise<ProjectView> {
    const s = this.store
    return {
      name: s.name,
      dir: s.dir,
      isDefault: s.dir === resolve(defaultProjectDir(this.options.userData)),
      documents: await Promise.all(s.project.documents.map((d) => this.summary(d))),
      tags: s.codebook.tags,
      problems: s.problems,
    }
  }

  async getDocument({ id }: OperationInput<'getDocument'>): Promise<Results['getDocument']> {
    const doc = this.store.document(id)
    let text: string
    try {
      text = await this.store.text(id)
    } catch (e) {
      throw new ApiError('unreadable', (e as Error).message)
    }
    return { document: await this.summary(doc), text }
  }

  async listAnnotations({ docId }: OperationInput<'listAnnotations'>): Promise<Results['listAnnotations']> {
    const docs = docId ? [this.store.document(docId)] : this.store.project.documents
    const items: AnnotationItem[] = docs.flatMap((d) => this.store.annotationsOf(d.id).map((annotation) => ({ docId: d.id, annotation })))
    return { items }
  }

  /** Ids for tag names, creating the tags that do not exist yet (one durable write for all). */
  private async tagIds(names: readonly string[]): Promise<{ ids: string[]; created: Tag[] }> {
    const created: Tag[] = []
    const resolveAll = (tags: readonly Tag[]) => names.map((n) => (findTagByName(tags, n) ?? findTagByName(created, n))?.id)
    if (resolveAll(this.store.codebook.tags).every(Boolean)) return { ids: resolveAll(this.store.codebook.tags) as string[], created }
    const codebook = await this.store.updateCodebook((book) => {
      created.length = 0
      const tags = [...book.tags]
      for (const name of names) {
        if (findTagByName(tags, name)) continue
        const taken = new Set(tags.map((t) => t.id))
        let id: string
        do id = `t${randomUUID().slice(0, 8)}`
        while (taken.has(id))
        const tag: Tag = { id, name: name.trim(), colour: paletteColour(tags.length), parent: null, description: '' }
        tags.push(tag)
        created.push(tag)
      }
      return { ...book, tags }
    })
    return { ids: resolveAll(codebook.tags) as string[], created }
  }

  async createAnnotation(input: OperationInput<'createAnnotation'>): Promise<Results['createAnnotation']> {
    const { docId, start, end, note } = input
    const doc = this.store.document(docId)
    const text = new OffsetMap(await this.store.text(docId))
    if (!(end > start) || end > text.codePointLength) {
      throw new ApiError('invalid-input', `span ${start}..${end} is not inside document "${docId}" (0..${text.codePointLength})`)
    }
    const { ids, created } = await this.tagIds([...new Set(input.tags ?? [])])
    const annotation = makeAnnotation({
      id: `urn:uuid:${randomUUID()}`,
      now: new Date().toISOString(),
      source: `documents/${doc.file}`,
      text,
      start,
      end,
      tagIds: [...new Set(ids)],
      note,
    })
    await this.store.updateAnnotations(docId, (items) => [...items, annotation])
    this.emit({ type: 'annotations-changed', docId })
    return { annotation: { docId, annotation }, createdTags: created }
  }

  private async switchTo(store: ProjectStore): Promise<ProjectView> {
    this.store = store
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
    const added = await importDocuments(this.store, paths)
    this.emit({ type: 'project-changed' })
    return { added: await Promise.all(added.map((d) => this.summary(d))) }
  }

  async exportAnnotations(): Promise<Results['exportAnnotations']> {
    const items = (await this.listAnnotations({})).items.map((i) => i.annotation)
    const collection = {
      '@context': ANNOTATION_CONTEXT,
      type: 'AnnotationCollection',
      label: this.store.name,
      total: items.length,
      first: { type: 'AnnotationPage', startIndex: 0, items },
    }
    const fileName = `${this.store.name.replace(/[^\w.-]+/g, '-').replace(/^-|-$/g, '') || 'annotations'}.annotations.jsonld`
    return { fileName, mediaType: 'application/ld+json', content: stableStringify(collection) }
  }
}
