import { mkdir, readFile, readdir, stat } from 'node:fs/promises'
import { basename, extname, join, resolve } from 'node:path'
import { ApiError } from '../core/api.js'
import { readStatedMetadata } from '../core/metadata.js'
import { type DocumentEntry, documentIdFor } from '../core/project.js'
import { DecodeError, decodeUtf8, MAX_TEXT_BYTES } from './decode.js'
import { writeDurable } from './durable.js'
import { DOCUMENTS_DIR, type ProjectStore } from './store.js'

/** File endings imported as plain text (.txt) or Markdown. Richer formats come with their own readers. */
export const TEXT_EXTENSIONS = new Set(['.txt', '.text'])
export const MARKDOWN_EXTENSIONS = new Set(['.md', '.markdown'])

function isImportable(path: string): boolean {
  const ext = extname(path).toLowerCase()
  return TEXT_EXTENSIONS.has(ext) || MARKDOWN_EXTENSIONS.has(ext)
}

/** The files named by `paths`: files as given, folders searched (recursively) for importable files. */
async function expand(paths: readonly string[]): Promise<string[]> {
  const out: string[] = []
  for (const given of paths) {
    const path = resolve(given)
    const info = await stat(path).catch(() => null)
    if (!info) throw new ApiError('not-found', `${path}: no such file or folder`)
    if (info.isDirectory()) {
      const entries = (await readdir(path, { recursive: true, withFileTypes: true }))
        .filter((e) => e.isFile() && !e.name.startsWith('.') && isImportable(e.name))
        .map((e) => join(e.parentPath, e.name))
        .sort()
      if (entries.length === 0) throw new ApiError('not-found', `${path}: the folder holds no .txt or .md files`)
      out.push(...entries)
    } else if (isImportable(path)) {
      out.push(path)
    } else {
      throw new ApiError('invalid-input', `${path}: cannot import "${extname(path) || 'files without an ending'}" yet (only .txt and .md)`)
    }
  }
  return out
}

interface Prepared {
  bytes: Uint8Array
  entry: DocumentEntry
}

/**
 * Adds text and Markdown files to a project: each is copied byte for byte into documents/ under
 * its own file name (a numeric suffix when the name is taken by a different text; a file already
 * there with the same content is skipped), with the metadata the text states about itself. Every
 * file is read and checked before anything is written, so one bad file leaves the project as it
 * was.
 */
export async function importDocuments(store: ProjectStore, paths: readonly string[]): Promise<DocumentEntry[]> {
  const files = await expand(paths)
  const prepared: Prepared[] = []
  const ids = store.project.documents.map((d) => d.id)
  const names = new Map(store.project.documents.map((d) => [d.file, d]))
  for (const file of files) {
    const info = await stat(file)
    if (info.size > MAX_TEXT_BYTES) throw new DecodeError(file, `the file is over the ${MAX_TEXT_BYTES / 2 ** 20} MB limit for a text`)
    const bytes = await readFile(file)
    const text = decodeUtf8(bytes, file)
    let name = basename(file)
    const existing = names.get(name)
    if (existing) {
      const current = await readFile(store.documentPath(existing)).catch(() => null)
      if (current && Buffer.compare(current, bytes) === 0) continue
      const ext = extname(name)
      for (let n = 2; names.has(name); n++) name = `${basename(file, ext)}-${n}${ext}`
    }
    const stated = readStatedMetadata(text, MARKDOWN_EXTENSIONS.has(extname(file).toLowerCase()))
    const id = documentIdFor(name, ids)
    ids.push(id)
    const entry: DocumentEntry = { id, file: name, ...stated, title: stated.title || basename(name, extname(name)) }
    names.set(name, entry)
    prepared.push({ bytes, entry })
  }
  if (prepared.length === 0) return []
  store.refuseIfBlocked(store.projectPath)
  await mkdir(join(store.dir, DOCUMENTS_DIR), { recursive: true })
  for (const p of prepared) await writeDurable(join(store.dir, DOCUMENTS_DIR, p.entry.file), p.bytes)
  await store.updateProject((project) => ({ ...project, documents: [...project.documents, ...prepared.map((p) => p.entry)] }))
  return prepared.map((p) => p.entry)
}
