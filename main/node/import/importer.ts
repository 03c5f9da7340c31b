import { randomUUID } from 'node:crypto'
import { mkdir, readFile, readdir, realpath, stat } from 'node:fs/promises'
import { basename, extname, join, relative, resolve, sep } from 'node:path'
import { ApiError, type ImportFailure } from '../../core/contract/api.js'
import { withUniqueIds } from '../../core/annotations/unique-ids.js'
import { readStatedMetadata, type StatedMetadata } from '../../core/project/metadata.js'
import type { DocumentEntry } from '../../core/project/project.js'
import { documentIdFor } from '../../core/project/document-id.js'
import { DecodeError, EMPTY_FILE } from '../project/decode.js'
import { writeDurable } from '../project/durable.js'
import { refuseSpecialPath } from '../project/special-paths.js'
import { decodeImportedText } from './encoding.js'
import type { ExtractedText } from './html.js'
import { readOffThread } from './off-thread.js'
import { type PreparedQdpx, prepareQdpx } from './qdpx.js'
import { ANNOTATIONS_DIR, DOCUMENTS_DIR, TAGS_FILE, type ProjectStore } from '../project/store.js'
import { importFormatOf, IMPORT_FORMATS_LIST, namedOnly } from '../../core/project/formats.js'

/**
 * Largest file imported, in bytes. 64 MB: several times the longest book as text, a long report as
 * PDF or .docx; a bigger file is almost surely data, and extracting its text would hold several
 * times its size in memory (bytes, DOM or page objects, string).
 */
export const MAX_IMPORT_BYTES = 64 * 2 ** 20

/**
 * Files a folder import leaves out unless named on their own: a project's README, licence,
 * changelog and the like describe the folder, they are not texts of the corpus.
 */
const FOLDER_FILES =
  /^(readme|read[-_ ]me|licen[cs]e|copying|notice|changelog|changes|contributing|authors|code[-_]of[-_]conduct)([-_.][^/]*)?$/i

/** Whether a file found in a folder describes the folder rather than being one of its texts. */
export function isFolderFile(name: string): boolean {
  return FOLDER_FILES.test(name)
}

/**
 * Whether a file is imported: by its ending; a file named without one (formats.ts namedOnly) only
 * where it is named itself, as plain text: in a folder, such files are a checkout's and a
 * program's (a Makefile, a script, a library's "libfoo.so.1"), not documents (a reviewer: a
 * folder's .git read as eight documents).
 */
function isImportable(path: string, named: boolean): boolean {
  return importFormatOf(path) !== undefined || (named && namedOnly(path))
}

/**
 * The files named by `paths`: files as given, folders searched (recursively) for importable files.
 * A path that is missing, of a format Parallax does not read, or a folder with nothing to import
 * goes to `failed`, and the others are still imported. A link inside a folder that leads outside it
 * is refused, not followed, and so is a device or system folder: the whole import stops, as the
 * choice itself is suspect.
 */
async function expand(paths: readonly string[], failed: ImportFailure[]): Promise<string[]> {
  const out: string[] = []
  for (const given of paths) {
    const path = resolve(given)
    await refuseSpecialPath(path, 'a document or folder to import')
    const info = await stat(path).catch(() => null)
    if (!info) failed.push({ file: path, reason: 'no such file or folder' })
    else if (info.isDirectory()) {
      const root = await realpath(path)
      // Nor a file in a hidden folder (a checkout's .git, a virtual environment's licences), as
      // the CLI's engine commands read a folder.
      const hidden = (e: { parentPath: string }) =>
        relative(path, e.parentPath)
          .split(sep)
          .some((part) => part.startsWith('.'))
      const entries = (await readdir(path, { recursive: true, withFileTypes: true }))
        .filter(
          (e) =>
            (e.isFile() || e.isSymbolicLink()) &&
            !e.name.startsWith('.') &&
            isImportable(e.name, false) &&
            !isFolderFile(e.name) &&
            !hidden(e),
        )
        .map((e) => join(e.parentPath, e.name))
        .sort()
      const files: string[] = []
      for (const entry of entries) {
        const real = await realpath(entry).catch(() => null)
        if (!real) continue // a broken link
        if (real !== root && !real.startsWith(root + sep)) {
          throw new ApiError('invalid-input', `${entry}: links to ${real}, outside the chosen folder ${path}; nothing was imported`)
        }
        if ((await stat(real)).isFile()) files.push(entry)
      }
      if (files.length === 0) failed.push({ file: path, reason: `the folder holds no files Parallax can import (${IMPORT_FORMATS_LIST})` })
      out.push(...files)
    } else if (isImportable(path, true)) {
      out.push(path)
    } else {
      failed.push({
        file: path,
        reason: `cannot import "${extname(path)}" files (only ${IMPORT_FORMATS_LIST}, and plain text named without an ending)`,
      })
    }
  }
  return out
}

/**
 * The report's line for a file the project holds already (one part: a report line's parts are
 * separated by "; ").
 */
function alreadyLine(name: string, title: string): string {
  return `${name}: already in the project, as “${title}”${NOT_AGAIN}`
}
const NOT_AGAIN = ', not imported again'

/** Whether a line of an import's report names a file the project holds already (alreadyLine). */
export function isAlreadyLine(line: string): boolean {
  return line.endsWith(NOT_AGAIN)
}

/** Why a file could not be read, in one line. */
function failureOf(file: string, e: unknown): ImportFailure {
  const reason = e instanceof DecodeError ? e.reason : e instanceof Error ? e.message : String(e)
  return { file, reason: reason.split('\n')[0] }
}

export interface ImportOptions {
  /**
   * The bundled reader worker (dist/main/reader-worker.cjs): hosts with a UI read HTML, .docx and PDF
   * there, off the thread that serves the UI (off-thread.ts). Without it (the CLI) they are read inline.
   */
  readerWorker?: string
  /**
   * The name to report a file by, where its path is not what the user chose (a file picked in the
   * page is read from a temporary copy: a tester read "/tmp/parallax-upload-XeDuxl/1/h3bin.txt").
   */
  shownAs?: ReadonlyMap<string, string>
}

/** What an import added, and each file it could not read. */
export interface ImportOutcome {
  added: DocumentEntry[]
  failed: ImportFailure[]
}

interface Prepared {
  bytes: Uint8Array
  entry: DocumentEntry
}

type MetadataKey = 'title' | 'author' | 'outlet' | 'date' | 'url'

/**
 * What the text states about itself, with the format's metadata (page meta tags, document
 * properties) filling the gaps, or winning for the keys in `formatFirst`.
 */
function merge(fromFormat: Partial<StatedMetadata>, fromText: StatedMetadata, formatFirst: readonly MetadataKey[]): StatedMetadata {
  const out = { ...fromText }
  for (const key of ['title', 'author', 'outlet', 'date', 'url'] as const) {
    const f = fromFormat[key]?.trim()
    if (f && (formatFirst.includes(key) || !out[key])) out[key] = f
  }
  return out
}

/** A file's text, bytes to store, stored file name and metadata. */
async function extract(
  file: string,
  bytes: Uint8Array,
  readerWorker: string | undefined,
): Promise<{ bytes: Uint8Array; name: string; stated: StatedMetadata; notes: string[] }> {
  // A file named without an ending is plain text (formats.ts namedOnly), stored as a .txt file.
  const format = importFormatOf(file) ?? 'text'
  const base = basename(file, extname(file))
  if (format === 'text' || format === 'markdown') {
    const decoded = decodeImportedText(bytes, file)
    // UTF-8 files are copied byte for byte; converted ones are stored as UTF-8.
    const stored = decoded.converted ? new TextEncoder().encode(decoded.text) : bytes
    return {
      bytes: stored,
      name: importFormatOf(file) ? basename(file) : `${basename(file)}.txt`,
      stated: readStatedMetadata(decoded.text, format === 'markdown'),
      notes: decoded.converted ? [`converted from ${decoded.encoding}`] : [],
    }
  }
  let extracted: ExtractedText
  let formatFirst: MetadataKey[] = []
  if (format === 'html') {
    extracted = await readOffThread({ format, bytes, path: file }, readerWorker)
    formatFirst = ['title', 'author', 'outlet', 'date', 'url'] // a page's own metadata is meant for this
  } else if (format === 'docx') extracted = await readOffThread({ format, bytes, path: file }, readerWorker)
  else {
    extracted = await readOffThread({ format: 'pdf', bytes, path: file }, readerWorker)
    // A PDF's Author field is set on purpose; a "By …" line found in the text may be anyone's.
    formatFirst = ['author']
  }
  const text = extracted.text
  return {
    bytes: new TextEncoder().encode(text),
    name: `${base}.txt`,
    stated: merge(extracted.metadata, readStatedMetadata(text), formatFirst),
    notes: extracted.notes,
  }
}

/**
 * Adds documents to a project: .txt and .md files are copied byte for byte into documents/ (or
 * converted to UTF-8 from a legacy encoding); the text of .html (Readability), .docx (mammoth) and
 * .pdf (pdf.js) files is stored as a UTF-8 .txt file; a .qdpx brings its sources, codes and
 * codings. A file whose name is taken (by a document, or by any file in documents/, listed in
 * project.json or not) gets a numeric suffix (a listed document with the same
 * content is skipped), with the metadata the document states about itself. Every file is read and
 * checked before anything is written; a file that cannot be read (binary, empty, too large, damaged)
 * is left out and reported in `failed`, and the others are imported all the same (a tester's good
 * file was silently not imported because another file of the batch was binary). What a .qdpx
 * brought and left out is added to `report`, one line per file, and how a file added was read
 * where it was not read as it is (its readers' notes: "converted from windows-1252").
 */
export async function importDocuments(
  store: ProjectStore,
  paths: readonly string[],
  report: string[] = [],
  options: ImportOptions = {},
): Promise<ImportOutcome> {
  const failed: ImportFailure[] = []
  const shown = (file: string) => options.shownAs?.get(file) ?? file
  const files = await expand(paths, failed)
  // Failures are reported in the order the files were given (expand's first, then the reading's).
  const order = [...paths.map((p) => resolve(p)), ...files]
  const rank = (f: ImportFailure) => order.indexOf(f.file)
  const prepared: Prepared[] = []
  const projects: PreparedQdpx[] = []
  const ids = store.project.documents.map((d) => d.id)
  const names = new Map<string, DocumentEntry | true>(store.project.documents.map((d) => [d.file, d]))
  // A file in documents/ that project.json does not list (left by an earlier import that failed
  // half-way, or put there by hand) is someone's; its name is taken, never written over.
  for (const file of await readdir(join(store.dir, DOCUMENTS_DIR)).catch(() => [] as string[])) if (!names.has(file)) names.set(file, true)
  for (const file of files) {
    try {
      const read = await readOne(store, file, ids, names, options.readerWorker)
      // A file the project holds already is said so, not passed over in silence (a tester picked
      // three files, and the report named the two that could not be read).
      if ('already' in read) {
        report.push(alreadyLine(basename(shown(file)), read.already.title))
        continue
      }
      if ('documents' in read) {
        // Its documents' ids and names are taken only now that the whole project was read.
        for (const d of read.documents) {
          ids.push(d.entry.id)
          names.set(d.entry.file, true)
        }
        projects.push(read)
        continue
      }
      ids.push(read.entry.id)
      names.set(read.entry.file, read.entry)
      prepared.push(read)
      // How the file was read, where it was not read as it is: a legacy encoding converted, a page
      // with no article found taken whole (its menus with it).
      for (const note of read.notes) report.push(`${basename(shown(file))}: ${note}`)
    } catch (e) {
      failed.push(failureOf(file, e))
    }
  }
  failed.sort((a, b) => rank(a) - rank(b))
  for (const f of failed) {
    const name = shown(f.file)
    f.reason = f.reason.split(f.file).join(name)
    f.file = name
  }
  const documents = [...prepared, ...projects.flatMap((p) => p.documents)]
  // Annotation ids stay unique in the project: one the project (or an earlier file of this import)
  // already holds is replaced, the old id kept on the annotation as `via` and counted in the report.
  // The ids held include those in annotation files that could not be read; when a file's ids
  // cannot be told at all, every imported id is replaced.
  const held = await store.heldAnnotationIds()
  const taken = held.ids
  for (const p of projects) {
    let renamed = 0
    for (const [docId, items] of p.annotations) {
      if (held.unknown.length) for (const a of items) taken.add(a.id)
      const unique = withUniqueIds(items, taken, () => `urn:uuid:${randomUUID()}`)
      p.annotations.set(docId, unique.items)
      renamed += unique.renamed.length
    }
    if (renamed) {
      const files = held.unreadable.map((f) => relative(store.dir, f)).join(', ')
      p.report +=
        `; ${renamed} annotation id${renamed === 1 ? ' was' : 's were'} already in the project and got new ones (the old id is kept as "via")` +
        (held.unknown.length
          ? `: every imported id was replaced, as ${files} could not be read and may hold any id`
          : held.unreadable.length
            ? `, counting the ids in ${files}, which could not be read`
            : '')
    }
  }
  report.push(...projects.map((p) => p.report))
  if (documents.length === 0 && !projects.some((p) => p.tags.length)) return { added: [], failed }
  store.refuseIfBlocked(store.projectPath)
  if (projects.some((p) => p.tags.length)) store.refuseIfBlocked(join(store.dir, TAGS_FILE))
  await mkdir(join(store.dir, DOCUMENTS_DIR), { recursive: true })
  for (const p of documents) await writeDurable(join(store.dir, DOCUMENTS_DIR, p.entry.file), p.bytes)
  const tags = projects.flatMap((p) => p.tags)
  if (tags.length) {
    await store.updateCodebook((book) => ({ ...book, tags: [...book.tags, ...tags.filter((t) => !book.tags.some((b) => b.id === t.id))] }))
  }
  if (documents.length) {
    await store.updateProject((project) => ({ ...project, documents: [...project.documents, ...documents.map((p) => p.entry)] }))
  }
  for (const p of projects) {
    if (p.annotations.size) await mkdir(join(store.dir, ANNOTATIONS_DIR), { recursive: true })
    for (const [docId, items] of p.annotations) await store.updateAnnotations(docId, (current) => [...current, ...items])
  }
  return { added: documents.map((p) => p.entry), failed }
}

/**
 * One file read and checked, nothing written: a .qdpx's sources, codes and codings, or a
 * document's bytes and entry under a name `names` does not hold (`already`: the listed document
 * that has the very same content). Throws when the file cannot be read.
 */
async function readOne(
  store: ProjectStore,
  file: string,
  ids: readonly string[],
  names: ReadonlyMap<string, DocumentEntry | true>,
  readerWorker: string | undefined,
): Promise<PreparedQdpx | (Prepared & { notes: string[] }) | { already: DocumentEntry }> {
  const info = await stat(file)
  if (info.size > MAX_IMPORT_BYTES) {
    throw new DecodeError(file, `the file is ${Math.round(info.size / 2 ** 20)} MB, over the ${MAX_IMPORT_BYTES / 2 ** 20} MB import limit`)
  }
  if (info.size === 0) throw new DecodeError(file, EMPTY_FILE)
  if (importFormatOf(file) === 'qdpx') return prepareQdpx(store, file, [...ids], new Map(names))
  const extracted = await extract(file, await readFile(file), readerWorker)
  const bytes = extracted.bytes
  let name = extracted.name
  const existing = names.get(name)
  if (existing) {
    const current = existing === true ? null : await readFile(store.documentPath(existing)).catch(() => null)
    if (current && existing !== true && Buffer.compare(current, bytes) === 0) return { already: existing }
    const ext = extname(name)
    for (let n = 2; names.has(name); n++) name = `${basename(extracted.name, ext)}-${n}${ext}`
  }
  const { stated } = extracted
  const entry: DocumentEntry = { id: documentIdFor(name, ids), file: name, ...stated, title: stated.title || basename(name, extname(name)) }
  return { bytes, entry, notes: extracted.notes }
}
