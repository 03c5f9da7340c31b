import { mkdir, readFile, readdir, rm, stat } from 'node:fs/promises'
import { basename, dirname, join, relative, resolve, sep } from 'node:path'
import type * as z from 'zod'
import { type Annotation, AnnotationFile, annotationFile, tagIdsOf } from '../../core/annotations/annotation.js'
import { ApiError, type Problem } from '../../core/contract/api.js'
import { checkCodebook, CodebookFile } from '../../core/annotations/codebook.js'
import { idsMentioned, splitDuplicateIds } from '../../core/annotations/unique-ids.js'
import { type SerialisationCache, stableStringify } from '../../core/project/json.js'
import { type DocumentEntry, ProjectFile } from '../../core/project/project.js'
import { documentIdCandidates, documentIdFor } from '../../core/project/document-id.js'
import { readTextFile } from './decode.js'
import { refuseSpecialPath } from './special-paths.js'
import { cannotWriteProject } from './file-problem.js'
import { removeLeftovers, syncFolder, WriteFailure, writeDurable } from './durable.js'
import { ANNOTATIONS_DIR, DOCUMENTS_DIR, PROJECT_FILE, TAGS_FILE } from './layout.js'
import { LOCK_STALE_MS, ProjectLock } from './lock.js'

// A project folder on disk:
//   project.json            name, documents (id, file, title, author, outlet, date, url), settings
//   documents/<file>        the source texts, UTF-8; never rewritten by Parallax
//   annotations/<id>.json   W3C Web Annotation JSON-LD, one AnnotationPage per document
//   tags.json               the codebook
// Every file is validated on load. One that fails is listed in `problems` with its path and
// reason, left untouched, and never written over (writes to it fail with a clear error); the rest
// of the project still opens. Every change takes the project's lock (one writer at a time across
// processes, see lock.ts), re-reads the file it changes, so edits made meanwhile by another process
// (the CLI, a text editor) are kept, and resolves only when the new file is durable on disk.
// Temporary files a crashed writer left behind are removed when the project opens.

export { ANNOTATIONS_DIR, DOCUMENTS_DIR, PROJECT_FILE, TAGS_FILE }

type Loaded<T> = { state: 'ok'; value: T; raw: string } | { state: 'missing' } | { state: 'invalid'; reason: string }

/** Reads and validates one JSON file. */
async function loadJson<S extends z.ZodType>(path: string, schema: S): Promise<Loaded<z.output<S>>> {
  let raw: string
  try {
    // A FIFO or device put in a file's place would be read forever.
    if (!(await stat(path)).isFile()) return { state: 'invalid', reason: 'is not a regular file (a device, pipe or socket)' }
    raw = await readFile(path, 'utf8')
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'missing' }
    return { state: 'invalid', reason: `cannot be read: ${(e as Error).message}` }
  }
  let data: unknown
  try {
    data = JSON.parse(raw)
  } catch (e) {
    return { state: 'invalid', reason: `is not valid JSON: ${(e as Error).message}` }
  }
  const parsed = schema.safeParse(data)
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    const more = parsed.error.issues.length > 3 ? ` (and ${parsed.error.issues.length - 3} more)` : ''
    return { state: 'invalid', reason: `does not match the expected format: ${issues.join('; ')}${more}` }
  }
  return { state: 'ok', value: parsed.data, raw }
}

/** One file's content before and after a change (null: the file did not exist). */
interface FileChange {
  path: string
  before: string | null
  after: string
}

/** A user's change, as the files it touched: what undo and redo replay. */
interface HistoryEntry {
  label: string
  changes: FileChange[]
}

/** An operation undone or redone: its label, and the files put back (absolute paths). */
export interface Replayed {
  label: string
  paths: string[]
}

/** Collects the file changes of one user operation, for the undo history. */
export class Transaction {
  readonly changes: FileChange[] = []

  constructor(readonly label: string) {}

  record(path: string, before: string | null, after: string): void {
    const earlier = this.changes.find((c) => c.path === path)
    if (earlier) earlier.after = after
    else this.changes.push({ path, before, after })
  }
}

/** How many operations undo can go back. */
const HISTORY_LIMIT = 200
/**
 * How much file content the undo history may hold. Each entry keeps the files it changed, before
 * and after: small for most projects, but 17 MB a change for a document with 10,000 annotations;
 * the oldest entries go first.
 */
const HISTORY_MAX_BYTES = 256 * 2 ** 20

export class ProjectStore {
  /** Files that failed to load, with their reasons. */
  readonly problems: Problem[] = []
  /** Absolute paths that must not be written, with the reason. */
  private readonly blocked = new Map<string, string>()
  /** The last write queued per file: writes to one file run one after another. */
  private readonly queues = new Map<string, Promise<unknown>>()
  /** Per document, the annotations the app works on: the first of each id (see unique-ids.ts). */
  private annotations = new Map<string, Annotation[]>()
  /** Per document, later copies of an id already in its file: kept in the file as they are, reported. */
  private duplicates = new Map<string, Annotation[]>()
  /**
   * What this store last read or wrote, per file: a file whose content is still exactly this is
   * not parsed and validated again before the next change. (The content is compared, not the
   * modification time and size: another process may write a file of the same size within the
   * file system's time resolution, and its change must not be missed.)
   */
  private known = new Map<string, { value: unknown; raw: string }>()
  /** Serialised annotations, reused while they are unchanged (see SerialisationCache). */
  private readonly serialised: SerialisationCache = new WeakMap()
  private undoStack: HistoryEntry[] = []
  private redoStack: HistoryEntry[] = []
  /** Operations that must not interleave: transactions, undo, redo. */
  private exclusive: Promise<unknown> = Promise.resolve()

  /** The cross-process write lock of the project. */
  private readonly lock: ProjectLock

  private constructor(
    readonly dir: string,
    public project: ProjectFile,
    codebook: CodebookFile,
    lockStaleMs: number,
  ) {
    this.lock = new ProjectLock(dir, lockStaleMs)
    this.codebook = codebook
  }

  private usableCodebook: CodebookFile = { tags: [] }
  /** Problems found in the content of files that loaded (duplicate ids, cycles, …): reported, the files kept. */
  private contentProblems: Problem[] = []

  /**
   * The codebook as the app uses it: tags.json after checkCodebook (each id once, no cycles or
   * missing parents, bounded depth). What is wrong with the file is listed in `problems`; the
   * file itself is never rewritten for it.
   */
  get codebook(): CodebookFile {
    return this.usableCodebook
  }

  set codebook(value: CodebookFile) {
    this.usableCodebook = { ...value, tags: checkCodebook(value.tags).tags }
    this.recheck()
  }

  /** Recomputes the content problems of tags.json and the annotation files. */
  private recheck(): void {
    const found: Problem[] = []
    const tagsPath = join(this.dir, TAGS_FILE)
    // The raw tags are gone once checked; checking the usable ones again finds nothing, so keep the first report.
    for (const reason of this.codebookProblems) found.push({ path: tagsPath, reason: `tags.json: ${reason}` })
    const tagIds = new Set(this.usableCodebook.tags.map((t) => t.id))
    const firstFile = new Map<string, string>() // annotation id → the first annotations file holding it
    for (const [docId, items] of this.annotations) {
      const path = this.annotationsPath(docId)
      const name = `annotations/${docId}.json`
      const counts = new Map<string, number>()
      for (const a of [...items, ...(this.duplicates.get(docId) ?? [])]) counts.set(a.id, (counts.get(a.id) ?? 0) + 1)
      for (const [id, n] of counts)
        if (n > 1)
          found.push({
            path,
            reason: `${name}: annotation id "${id}" appears ${n} times; only the first is shown and edited, the other ${n - 1} kept in the file as they are`,
          })
      const elsewhere = [...counts.keys()].filter((id) => firstFile.has(id))
      if (elsewhere.length)
        found.push({
          path,
          reason: `${name}: ${elsewhere.length} annotation id(s) also used in another document (${elsewhere
            .slice(0, 3)
            .map((id) => `"${id}" in ${firstFile.get(id)}`)
            .join(', ')}${elsewhere.length > 3 ? ', …' : ''}); each is edited in its own document only`,
        })
      for (const id of counts.keys()) if (!firstFile.has(id)) firstFile.set(id, name)
      const missing = new Set(items.flatMap((a) => tagIdsOf(a)).filter((id) => !tagIds.has(id)))
      if (missing.size)
        found.push({
          path,
          reason: `${name}: annotations refer to tag(s) not in tags.json: ${[...missing].map((id) => `"${id}"`).join(', ')}`,
        })
    }
    for (const p of this.contentProblems) {
      const i = this.problems.indexOf(p)
      if (i !== -1) this.problems.splice(i, 1)
    }
    this.contentProblems = found
    this.problems.push(...found)
    this.problems.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  }

  /** What checkCodebook found in tags.json as last read. */
  private codebookProblems: string[] = []

  /** Sets the codebook from the content of tags.json, checking it first. */
  private setCodebookFromFile(value: CodebookFile): void {
    this.codebookProblems = checkCodebook(value.tags).problems
    this.codebook = value
  }

  /**
   * Opens the project in `dir`. With `create`, a folder without project.json becomes a new, empty
   * project named after the folder; without it, such a folder is an error. `lockStaleMs`: see
   * LOCK_STALE_MS (tests that kill writers shorten it).
   */
  static async open(dir: string, options: { create?: boolean; name?: string; lockStaleMs?: number } = {}): Promise<ProjectStore> {
    dir = resolve(dir)
    await refuseSpecialPath(dir, 'a project folder')
    const info = await stat(dir).catch(() => null)
    if (!info && options.create) await mkdir(dir, { recursive: true })
    else if (!info) throw new ApiError('not-found', `no such folder: ${dir}`)
    else if (!info.isDirectory()) throw new ApiError('invalid-input', `not a folder: ${dir}`)

    const stale = options.lockStaleMs ?? LOCK_STALE_MS
    // Leftovers of a writer that crashed; removed only while no other process writes (whose
    // temporary files they could be), else left for the next opening.
    const leftovers = await new ProjectLock(dir, stale).tryRun(async () => [
      ...(await removeLeftovers(dir)),
      ...(await removeLeftovers(join(dir, ANNOTATIONS_DIR))),
    ])
    const projectPath = join(dir, PROJECT_FILE)
    const loadedProject = await loadJson(projectPath, ProjectFile)
    let store: ProjectStore
    if (loadedProject.state === 'ok') {
      store = new ProjectStore(dir, loadedProject.value, { tags: [] }, stale)
    } else if (loadedProject.state === 'missing') {
      if (!options.create) throw new ApiError('not-found', `${dir} is not a Parallax project (it has no ${PROJECT_FILE})`)
      const project: ProjectFile = { name: options.name ?? basename(dir), documents: [], settings: {} }
      await mkdir(join(dir, DOCUMENTS_DIR), { recursive: true })
      await new ProjectLock(dir, stale).run(() => writeDurable(projectPath, stableStringify(project)))
      store = new ProjectStore(dir, project, { tags: [] }, stale)
    } else {
      // The rest of the project still opens: its documents are listed from the folder.
      store = new ProjectStore(dir, await ProjectStore.projectFromFolder(dir), { tags: [] }, stale)
      store.block(projectPath, loadedProject.reason)
    }

    const tagsPath = join(dir, TAGS_FILE)
    const loadedTags = await loadJson(tagsPath, CodebookFile)
    if (loadedTags.state === 'ok') store.setCodebookFromFile(loadedTags.value)
    else if (loadedTags.state === 'invalid') store.block(tagsPath, loadedTags.reason)

    await Promise.all(
      store.project.documents.map(async (doc) => {
        const path = store.annotationsPath(doc.id)
        const loaded = await loadJson(path, AnnotationFile)
        if (loaded.state === 'ok') store.setAnnotations(doc.id, loaded.value.items)
        else if (loaded.state === 'invalid') store.block(path, loaded.reason)
      }),
    )
    store.recheck()
    store.leftovers = leftovers ?? []
    return store
  }

  /**
   * A project description made from the files in documents/, when project.json is unusable. A
   * document whose annotations are stored under another reading of its name's id (one made before
   * long names kept their end: document-id.ts documentIdCandidates) takes that id, so that its
   * annotations are read again (a reviewer: a long-named document's annotations were left unread).
   */
  private static async projectFromFolder(dir: string): Promise<ProjectFile> {
    const files = (await readdir(join(dir, DOCUMENTS_DIR)).catch(() => [] as string[])).filter((f) => !f.startsWith('.')).sort()
    const stored = new Set(
      (await readdir(join(dir, ANNOTATIONS_DIR)).catch(() => [] as string[])).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)),
    )
    const documents: DocumentEntry[] = []
    const taken = new Set<string>()
    for (const file of files) {
      const id = documentIdCandidates(file).find((c) => stored.has(c) && !taken.has(c)) ?? documentIdFor(file, taken)
      taken.add(id)
      documents.push({ id, file, title: file, author: '', outlet: '', date: '', url: '' })
    }
    return { name: basename(dir), documents, settings: {} }
  }

  /** Temporary files of a crashed writer that opening the project removed (names). */
  leftovers: string[] = []

  private block(path: string, reason: string): void {
    this.blocked.set(path, reason)
    this.problems.push({ path, reason: `${basename(path)} ${reason}` })
  }

  /** Throws the error a write to `path` would meet if the file could not be read. */
  refuseIfBlocked(path: string): void {
    const reason = this.blocked.get(path)
    if (reason !== undefined) {
      throw new ApiError(
        'unreadable',
        `${path} could not be read when the project was opened (${basename(path)} ${reason}); Parallax will not write over it. Fix or move the file, then reopen the project.`,
      )
    }
  }

  get name(): string {
    return this.project.name
  }

  get projectPath(): string {
    return join(this.dir, PROJECT_FILE)
  }

  documentPath(doc: DocumentEntry): string {
    return join(this.dir, DOCUMENTS_DIR, doc.file)
  }

  annotationsPath(docId: string): string {
    return join(this.dir, ANNOTATIONS_DIR, `${docId}.json`)
  }

  /** The document with this id, or a not-found error. */
  document(id: string): DocumentEntry {
    const doc = this.project.documents.find((d) => d.id === id)
    if (!doc) throw new ApiError('not-found', `no document with id "${id}" in project ${this.name}`)
    return doc
  }

  /** The text of a document, decoded strictly as UTF-8. */
  async text(id: string): Promise<string> {
    return readTextFile(this.documentPath(this.document(id)))
  }

  /**
   * Every annotation id the project holds: those of the annotations loaded, and those mentioned in
   * annotation files that could not be read (see unique-ids.ts), which come back when the file is
   * mended. `unreadable`: those files; `unknown`: the ones whose text cannot be read at all (not a
   * regular file, no permission), whose ids nobody can tell.
   */
  async heldAnnotationIds(): Promise<{ ids: Set<string>; unreadable: string[]; unknown: string[] }> {
    const ids = new Set(this.project.documents.flatMap((d) => this.annotationsOf(d.id).map((a) => a.id)))
    const unreadable = [...this.blocked.keys()].filter((path) => dirname(path) === join(this.dir, ANNOTATIONS_DIR)).sort()
    const unknown: string[] = []
    for (const path of unreadable) {
      const text = await stat(path)
        .then((info) => (info.isFile() ? readFile(path, 'utf8') : null))
        .catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? '' : null))
      if (text === null) unknown.push(path)
      else for (const id of idsMentioned(text)) ids.add(id)
    }
    return { ids, unreadable, unknown }
  }

  /** The annotations of one document as last loaded or written (the first of each id, see unique-ids.ts). */
  annotationsOf(docId: string): readonly Annotation[] {
    return this.annotations.get(docId) ?? []
  }

  /** Keeps a document's annotations as read from its file: the first of each id usable, the later copies apart. */
  private setAnnotations(docId: string, items: readonly Annotation[]): void {
    const { usable, duplicates } = splitDuplicateIds(items)
    this.annotations.set(docId, usable)
    if (duplicates.length) this.duplicates.set(docId, duplicates)
    else this.duplicates.delete(docId)
  }

  /**
   * Runs `task` after every earlier write to `path` has settled, so two changes to one file never
   * interleave their read-modify-write.
   */
  private serialise<T>(path: string, task: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(path) ?? Promise.resolve()
    const next = previous.catch(() => undefined).then(task)
    this.queues.set(path, next)
    return next
  }

  /**
   * Re-reads one JSON file, applies `change` and writes the result durably. Refuses files that
   * could not be read (now or when the project was opened). Records the change in `tx`, if given.
   */
  private update<S extends z.ZodType>(
    path: string,
    schema: S,
    empty: () => z.output<S>,
    change: (current: z.output<S>) => z.output<S>,
    tx?: Transaction,
  ): Promise<z.output<S>> {
    return this.serialise(path, () =>
      this.lock.run(async () => {
        this.refuseIfBlocked(path)
        const loaded = await this.load(path, schema)
        if (loaded.state === 'invalid') {
          this.block(path, loaded.reason)
          this.refuseIfBlocked(path)
        }
        const next = change(loaded.state === 'ok' ? loaded.value : empty())
        const content = stableStringify(next, this.serialised)
        await this.write(path, content)
        this.known.set(path, { value: next, raw: content })
        tx?.record(path, loaded.state === 'ok' ? loaded.raw : null, content)
        return next
      }),
    )
  }

  /**
   * Replaces a whole file of the project that the store does not keep in memory (reuse/<tool>.json)
   * durably, holding the project's lock like every other write, so no other process writes or
   * cleans up the project meanwhile. `path` must be inside the project folder.
   */
  async replaceFile(path: string, content: string): Promise<void> {
    const full = resolve(this.dir, path)
    if (!full.startsWith(this.dir + sep)) throw new ApiError('invalid-input', `${path} is not inside the project folder ${this.dir}`)
    await this.folder(dirname(full))
    await this.serialise(full, () => this.lock.run(() => this.write(full, content)))
  }

  /**
   * Makes a folder of the project where it is not there yet, or says in one line why it cannot be
   * made (cannotWriteProject). One level at a time: asked for a whole path at once, Node reported a
   * read-only disk as "no such file or directory" (a tester's annotate on a read-only mount).
   */
  private async folder(path: string): Promise<void> {
    let level = this.dir
    for (const part of relative(this.dir, path).split(sep).filter(Boolean)) {
      level = join(level, part)
      try {
        await mkdir(level)
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw cannotWriteProject(this.dir, e)
      }
    }
  }

  /** Writes a project file durably; a failure becomes one clear message saying what was not saved. */
  private async write(path: string, content: string): Promise<void> {
    try {
      await writeDurable(path, content)
    } catch (e) {
      if (!(e instanceof WriteFailure)) throw e
      const what =
        path === this.projectPath
          ? 'the change to the project'
          : path === join(this.dir, TAGS_FILE)
            ? 'the change to the codebook'
            : dirname(path) === join(this.dir, ANNOTATIONS_DIR)
              ? 'the annotation'
              : relative(this.dir, path)
      const cause = e.diskFull ? 'disk full' : `could not write ${basename(path)}`
      throw new ApiError('internal', `${cause}: ${what} was not saved (${path} is unchanged; ${e.message})`)
    }
  }

  /** Reads a file; parses and validates it only if its content differs from what this store last read or wrote. */
  private async load<S extends z.ZodType>(path: string, schema: S): Promise<Loaded<z.output<S>>> {
    const k = this.known.get(path)
    if (k) {
      const raw = await readFile(path, 'utf8').catch(() => null)
      if (raw === k.raw) return { state: 'ok', value: k.value as z.output<S>, raw: k.raw }
    }
    const loaded = await loadJson(path, schema)
    if (loaded.state === 'ok') this.known.set(path, { value: loaded.value, raw: loaded.raw })
    else this.known.delete(path)
    return loaded
  }

  /** Runs `task` after every earlier exclusive task has settled. */
  private exclusively<T>(task: () => Promise<T>): Promise<T> {
    const next = this.exclusive.catch(() => undefined).then(task)
    this.exclusive = next
    return next
  }

  /**
   * Runs one user operation as a unit of undo: every file it changes through `tx` is recorded,
   * and undo restores them all. Operations run one at a time. An operation that fails after some
   * of its files were written has them put back (what undo would do), so that it changed nothing:
   * "annotate with a new tag" on a nearly full disk said the annotation was not saved, and the new
   * tag was in the codebook all the same (a tester). Those that cannot be put back stay as the
   * operation left them, the message names them, and undo takes them back (only them: a file
   * put back, or changed meanwhile by another program, is no longer undo's).
   */
  transaction<T>(label: string, run: (tx: Transaction) => Promise<T>): Promise<T> {
    return this.exclusively(async () => {
      const tx = new Transaction(label)
      try {
        return await run(tx)
      } catch (error) {
        if (tx.changes.length) {
          try {
            await this.putBack({ label, changes: tx.changes }, 'before')
            tx.changes.length = 0
          } catch {
            const left: FileChange[] = []
            for (const c of tx.changes) if ((await readFile(c.path, 'utf8').catch(() => null)) === c.after) left.push(c)
            tx.changes.splice(0, tx.changes.length, ...left)
            if (error instanceof ApiError && left.length) {
              const names = left.map((c) => relative(this.dir, c.path)).join(', ')
              throw new ApiError(
                error.code,
                `${error.message}; "${label}" had already changed ${names}, which could not be put back: Undo takes it back`,
              )
            }
          }
        }
        throw error
      } finally {
        if (tx.changes.length) {
          this.undoStack.push({ label, changes: tx.changes })
          const size = (e: HistoryEntry) => e.changes.reduce((n, c) => n + (c.before?.length ?? 0) + c.after.length, 0)
          let bytes = this.undoStack.reduce((n, e) => n + size(e), 0)
          while (this.undoStack.length > 1 && (this.undoStack.length > HISTORY_LIMIT || bytes > HISTORY_MAX_BYTES))
            bytes -= size(this.undoStack.shift()!)
          this.redoStack = []
        }
      }
    })
  }

  /** Labels of the operations undo and redo would replay next (null when there is none). */
  history(): { undo: string | null; redo: string | null } {
    return { undo: this.undoStack.at(-1)?.label ?? null, redo: this.redoStack.at(-1)?.label ?? null }
  }

  /**
   * Undoes the last operation; resolves with its label and the files it put back, or null when
   * there is nothing to undo.
   */
  undo(): Promise<Replayed | null> {
    return this.exclusively(() => this.replay(this.undoStack, this.redoStack, 'before'))
  }

  /** Redoes the last undone operation; resolves with its label and the files it wrote, or null. */
  redo(): Promise<Replayed | null> {
    return this.exclusively(() => this.replay(this.redoStack, this.undoStack, 'after'))
  }

  /**
   * Puts the files of the top entry of `from` back to their `target` content, after checking
   * that each still holds the other side's content: a file changed meanwhile (by another
   * program, or by re-anchoring after a source edit) is never overwritten.
   */
  private async replay(from: HistoryEntry[], to: HistoryEntry[], target: 'before' | 'after'): Promise<Replayed | null> {
    const entry = from.at(-1)
    if (!entry) return null
    await this.putBack(entry, target)
    from.pop()
    to.push(entry)
    return { label: entry.label, paths: entry.changes.map((c) => c.path) }
  }

  /**
   * Puts the files of `entry` back to their `target` content (see replay) and reads them again;
   * refuses, changing nothing, where a file no longer holds the other side's content.
   */
  private async putBack(entry: HistoryEntry, target: 'before' | 'after'): Promise<void> {
    const current = target === 'before' ? 'after' : 'before'
    // The check and the writes under one lock: no other process can change a file in between.
    // (Read again whatever happens: a write that fails part way has put back some of the files.)
    try {
      await this.lock.run(async () => {
        for (const c of entry.changes) {
          const now = await readFile(c.path, 'utf8').catch(() => null)
          if (now !== c[current]) {
            throw new ApiError('conflict', `cannot ${target === 'before' ? 'undo' : 'redo'} "${entry.label}": ${c.path} has changed since`)
          }
        }
        for (const c of [...entry.changes].reverse()) {
          const content = c[target]
          if (content === null) {
            await rm(c.path, { force: true })
            await syncFolder(dirname(c.path))
          } else await this.write(c.path, content)
        }
      })
    } finally {
      await this.reload(entry.changes.map((c) => c.path))
    }
  }

  /** Re-reads files this store keeps in memory (after undo, redo, or a change by another program). */
  async reload(paths: readonly string[]): Promise<void> {
    for (const path of paths) {
      if (path === this.projectPath) {
        const loaded = await loadJson(path, ProjectFile)
        if (loaded.state === 'ok') this.project = loaded.value
      } else if (path === join(this.dir, TAGS_FILE)) {
        const loaded = await loadJson(path, CodebookFile)
        if (loaded.state === 'ok') this.setCodebookFromFile(loaded.value)
        else if (loaded.state === 'missing') this.setCodebookFromFile({ tags: [] })
      } else {
        const doc = this.project.documents.find((d) => this.annotationsPath(d.id) === path)
        if (!doc || this.blocked.has(path)) continue
        const loaded = await loadJson(path, AnnotationFile)
        if (loaded.state === 'ok') this.setAnnotations(doc.id, loaded.value.items)
        else if (loaded.state === 'missing') this.setAnnotations(doc.id, [])
      }
    }
    this.recheck()
  }

  /**
   * Changes a document's annotations; resolves with them once durable. `change` sees the first
   * annotation of each id; later copies of an id (a file written elsewhere) stay in the file
   * unchanged, after the others.
   */
  async updateAnnotations(docId: string, change: (items: Annotation[]) => Annotation[], tx?: Transaction): Promise<readonly Annotation[]> {
    this.document(docId)
    const path = this.annotationsPath(docId)
    await this.folder(join(this.dir, ANNOTATIONS_DIR))
    const file = await this.update(
      path,
      AnnotationFile,
      () => annotationFile(docId, []),
      (f) => {
        const { usable, duplicates } = splitDuplicateIds(f.items)
        const next = annotationFile(docId, change(usable))
        return duplicates.length ? { ...next, items: [...next.items, ...duplicates] } : next
      },
      tx,
    )
    this.setAnnotations(docId, file.items)
    this.recheck()
    return this.annotationsOf(docId)
  }

  /** Changes the codebook; resolves once tags.json is durable. */
  async updateCodebook(change: (codebook: CodebookFile) => CodebookFile, tx?: Transaction): Promise<CodebookFile> {
    this.setCodebookFromFile(await this.update(join(this.dir, TAGS_FILE), CodebookFile, () => ({ tags: [] }), change, tx))
    return this.codebook
  }

  /** Changes project.json; resolves once it is durable. */
  async updateProject(change: (project: ProjectFile) => ProjectFile, tx?: Transaction): Promise<ProjectFile> {
    this.project = await this.update(this.projectPath, ProjectFile, () => this.project, change, tx)
    return this.project
  }
}
