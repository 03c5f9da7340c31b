import { randomUUID } from 'node:crypto'
import { readFile, stat } from 'node:fs/promises'
import { basename, extname, posix } from 'node:path'
import { type Annotation, makeAnnotation } from '../../core/annotations/annotation.js'
import { ApiError } from '../../core/contract/api.js'
import { findTagByName, HEX_COLOUR, paletteColour, type Tag, unusedTagId } from '../../core/annotations/codebook.js'
import { type DocumentEntry, documentIdFor } from '../../core/project/project.js'
import { type QdaCode, QdaFormatError, type QdaProject, parseQdc, parseQde } from '../../core/export/refi-qda.js'
import { OffsetMap } from '../../core/text/offsets.js'
import { DecodeError } from '../project/decode.js'
import { decodeImportedText } from './encoding.js'
import { unzipWithin } from './zip.js'
import type { ProjectStore } from '../project/store.js'

// REFI-QDA import: a .qdpx project (its text sources become documents, its codes tags, its
// PlainTextSelections annotations with their codings and notes) or a .qdc codebook (codes only).
// Codes are matched to existing tags by name, so importing into a project with the same codebook
// adds no duplicates. Everything is read and checked before anything is written.

/** Largest .qdpx or .qdc file read, in bytes (a .qdpx is a zip; see MAX_UNPACKED_BYTES for its content). */
export const MAX_QDA_BYTES = 64 * 2 ** 20

/** Names of REFI-QDA variables read into document metadata (any case). */
const METADATA_VARIABLES = { title: 'title', author: 'author', outlet: 'outlet', date: 'date', url: 'url' } as const

/** A document ready to be written: its UTF-8 bytes and its project.json entry. */
export interface PreparedDocument {
  bytes: Uint8Array
  entry: DocumentEntry
}

/** Everything a .qdpx adds to a project, checked and ready to write. */
export interface PreparedQdpx {
  documents: PreparedDocument[]
  /** Tags to add to the codebook (codes with no tag of the same name yet). */
  tags: Tag[]
  annotations: Map<string, Annotation[]>
}

/** "#abc" → "#aabbcc"; anything else that is not #rrggbb → undefined. */
function hexColour(c: string | undefined): string | undefined {
  if (!c) return undefined
  if (HEX_COLOUR.test(c)) return c.toLowerCase()
  const m = c.match(/^#([0-9a-fA-F])([0-9a-fA-F])([0-9a-fA-F])$/)
  return m ? `#${m[1]}${m[1]}${m[2]}${m[2]}${m[3]}${m[3]}`.toLowerCase() : undefined
}

/**
 * Tags for a tree of codes: existing tags reused by name, new ones made with the code's colour,
 * description and parent. Returns the new tags and a map from code GUID to tag id.
 */
export function tagsForCodes(codes: readonly QdaCode[], existing: readonly Tag[]): { added: Tag[]; byGuid: Map<string, string> } {
  const added: Tag[] = []
  const byGuid = new Map<string, string>()
  const taken = new Set(existing.map((t) => t.id))
  const visit = (code: QdaCode, parent: string | null) => {
    const name = code.name.trim() || 'Unnamed code'
    let tag = findTagByName(existing, name) ?? findTagByName(added, name)
    if (!tag) {
      const id = unusedTagId(taken, randomUUID)
      taken.add(id)
      tag = {
        id,
        name,
        colour: hexColour(code.color) ?? paletteColour(existing.length + added.length),
        parent,
        description: code.description,
      }
      added.push(tag)
    }
    byGuid.set(code.guid, tag.id)
    for (const child of code.children) visit(child, tag.id)
  }
  for (const code of codes) visit(code, null)
  return { added, byGuid }
}

async function readLimited(path: string): Promise<Uint8Array> {
  const info = await stat(path)
  if (info.size > MAX_QDA_BYTES)
    throw new DecodeError(path, `the file is ${Math.round(info.size / 2 ** 20)} MB, over the ${MAX_QDA_BYTES / 2 ** 20} MB limit`)
  if (info.size === 0) throw new DecodeError(path, 'the file is empty')
  return readFile(path)
}

/** The .qde of an unpacked .qdpx: project.qde, or the one .qde file at its top level. */
function qdeOf(files: Map<string, Uint8Array>, path: string): string {
  const name = files.has('project.qde')
    ? 'project.qde'
    : [...files.keys()].find((n) => !n.includes('/') && n.toLowerCase().endsWith('.qde'))
  if (!name) throw new DecodeError(path, 'this .qdpx has no project.qde; it is not a REFI-QDA project')
  return decodeImportedText(files.get(name)!, `${path}:${name}`).text
}

/**
 * The bytes of an internal source ("internal://name" → sources/name). Only entries inside the
 * archive's sources folder are read: a path that climbs out of it ("../") or is absolute is refused.
 */
function internalSource(files: Map<string, Uint8Array>, plainTextPath: string, path: string, what: string): Uint8Array {
  const m = plainTextPath.match(/^internal:\/\/(.+)$/)
  if (!m) throw new DecodeError(path, `${what} refers to ${plainTextPath}, outside the archive; only internal sources can be imported`)
  const name = m[1].replace(/\\/g, '/')
  const normal = posix.normalize(name)
  if (normal.startsWith('../') || normal === '..' || normal.startsWith('/') || /^[a-z]:/i.test(normal)) {
    throw new DecodeError(path, `${what} refers to ${plainTextPath}, a path outside the archive's sources folder; not imported`)
  }
  for (const folder of ['sources/', 'Sources/', '']) {
    const bytes = files.get(folder + normal)
    if (bytes) return bytes
  }
  throw new DecodeError(path, `${what} refers to ${plainTextPath}, which is not in the archive`)
}

function qdaError(path: string, e: unknown): never {
  if (e instanceof QdaFormatError) throw new DecodeError(path, e.message)
  throw e
}

/**
 * Reads and checks a .qdpx against a project: documents (ids and file names made unique against
 * `ids` and `names`, which are updated), tags, annotations. Writes nothing.
 */
export async function prepareQdpx(store: ProjectStore, path: string, ids: string[], names: Map<string, unknown>): Promise<PreparedQdpx> {
  const files = unzipWithin(await readLimited(path), path, '.qdpx project')
  let project: QdaProject
  try {
    project = parseQde(qdeOf(files, path))
  } catch (e) {
    qdaError(path, e)
  }
  const { added, byGuid } = tagsForCodes(project.codes, store.codebook.tags)
  const notes = new Map(project.notes.map((n) => [n.guid, n.text.trim()]))
  const documents: PreparedDocument[] = []
  const annotations = new Map<string, Annotation[]>()
  const now = new Date().toISOString()
  for (const source of project.sources) {
    const what = `TextSource "${source.name || source.guid}"`
    let text: string
    if (source.plainTextPath) text = decodeImportedText(internalSource(files, source.plainTextPath, path, what), `${path}: ${what}`).text
    else if (source.plainTextContent !== undefined) text = source.plainTextContent
    else throw new DecodeError(path, `${what} has neither plainTextPath nor PlainTextContent`)
    if (!text.trim()) throw new DecodeError(path, `${what} is empty`)
    const map = new OffsetMap(text)
    const base =
      (source.name || source.guid)
        .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-')
        .replace(/^\.+/, '')
        .slice(0, 80) || 'source'
    let file = extname(base).toLowerCase() === '.txt' ? base : `${base.replace(/\.[^.]{1,5}$/, '')}.txt`
    for (let n = 2; names.has(file); n++) file = `${basename(base, extname(base))}-${n}.txt`
    names.set(file, true)
    const id = documentIdFor(file, ids)
    ids.push(id)
    const variable = (key: keyof typeof METADATA_VARIABLES) =>
      Object.entries(source.variables)
        .find(([k]) => k.trim().toLowerCase() === METADATA_VARIABLES[key])?.[1]
        ?.trim() ?? ''
    const entry: DocumentEntry = {
      id,
      file,
      title: variable('title') || basename(file, '.txt'),
      author: variable('author'),
      outlet: variable('outlet'),
      date: variable('date'),
      url: variable('url'),
    }
    const items: Annotation[] = []
    for (const sel of source.selections) {
      if (!(sel.end > sel.start) || sel.end > map.codePointLength) {
        throw new DecodeError(
          path,
          `PlainTextSelection ${sel.guid} in ${what} spans ${sel.start}..${sel.end}, outside its text (0..${map.codePointLength})`,
        )
      }
      const tagIds = [...new Set(sel.codeGuids.map((g) => byGuid.get(g)).filter((t): t is string => !!t))]
      const note =
        sel.description ||
        sel.noteGuids
          .map((g) => notes.get(g) ?? '')
          .filter(Boolean)
          .join('\n\n')
      const guid = sel.guid.replace(/^\{|\}$/g, '').toLowerCase()
      const created =
        sel.creationDateTime && !Number.isNaN(Date.parse(sel.creationDateTime)) ? new Date(sel.creationDateTime).toISOString() : now
      items.push(
        makeAnnotation({
          id: `urn:uuid:${guid}`,
          now: created,
          source: `documents/${file}`,
          text: map,
          start: sel.start,
          end: sel.end,
          tagIds,
          note,
        }),
      )
    }
    documents.push({ bytes: new TextEncoder().encode(text), entry })
    if (items.length) annotations.set(id, items)
  }
  if (documents.length === 0) throw new DecodeError(path, 'this .qdpx has no text sources to import')
  return { documents, tags: added, annotations }
}

/**
 * Adds the codes of a REFI-QDA codebook (.qdc, or the codebook of a .qdpx) to the project's tags,
 * reusing tags of the same name. Returns the tags added.
 */
export async function importCodebook(store: ProjectStore, path: string): Promise<Tag[]> {
  const ext = extname(path).toLowerCase()
  if (ext !== '.qdc' && ext !== '.qdpx')
    throw new ApiError('invalid-input', `${path}: a codebook is a REFI-QDA .qdc file (or a .qdpx project)`)
  const info = await stat(path).catch(() => null)
  if (!info?.isFile()) throw new ApiError('not-found', `${path}: no such file`)
  const bytes = await readLimited(path)
  let codes: QdaCode[]
  try {
    if (ext === '.qdpx') codes = parseQde(qdeOf(unzipWithin(bytes, path, '.qdpx project'), path)).codes
    else codes = parseQdc(decodeImportedText(bytes, path).text)
  } catch (e) {
    qdaError(path, e)
  }
  if (codes.length === 0) throw new DecodeError(path, 'this codebook has no codes')
  const { added } = tagsForCodes(codes, store.codebook.tags)
  if (added.length === 0) return []
  const book = await store.updateCodebook((current) => {
    // Re-resolved against the file as it is now, in case tags were added meanwhile.
    const fresh = tagsForCodes(codes, current.tags)
    added.splice(0, added.length, ...fresh.added)
    return { ...current, tags: [...current.tags, ...fresh.added] }
  })
  return added.filter((t) => book.tags.some((b) => b.id === t.id))
}
