import { randomUUID } from 'node:crypto'
import { readFile, stat } from 'node:fs/promises'
import { basename, extname, posix } from 'node:path'
import { type Annotation, makeAnnotation } from '../../core/annotations/annotation.js'
import { ApiError } from '../../core/contract/api.js'
import { findTagByName, HEX_COLOUR, paletteColour, type Tag, unusedTagId } from '../../core/annotations/codebook.js'
import type { DocumentEntry } from '../../core/project/project.js'
import { documentIdFor } from '../../core/project/document-id.js'
import { type QdaCode, QdaFormatError, type QdaProject, type QdaSelection, parseQdc, parseQde } from '../../core/export/refi-qda.js'
import { placeSelections } from '../../core/export/refi-positions.js'
import { ORPHAN_HEAD } from '../../core/export/excerpts.js'
import { OffsetMap } from '../../core/text/offsets.js'
import { DecodeError, EMPTY_FILE } from '../project/decode.js'
import { refuseSpecialPath } from '../project/special-paths.js'
import { decodeImportedText } from './encoding.js'
import { unzipWithin } from './zip.js'
import type { ProjectStore } from '../project/store.js'

// REFI-QDA import: a .qdpx project (its text sources become documents, its codes tags, its
// PlainTextSelections annotations with their codings and memos, its memos on passages annotations
// with notes) or a .qdc codebook (codes only; a .qdpx without sources is one too). Codes are
// matched to existing tags by name, so importing into a project with the same codebook adds no
// duplicates; a category (isCodable="false") stays a category (a tag marked codable: false).
// Each producer is read as it writes: how line breaks are counted is decided per source by
// refi-positions.ts. A selection that cannot be placed is skipped, and what cannot be brought in
// (PDF sources without text, pictures, audio, video, cases, sets, journals) is reported in one
// message. Everything is read and checked before anything is written.

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
  /** One line saying what was brought in, and what was not and why. */
  report: string
}

/** "#abc" → "#aabbcc"; anything else that is not #rrggbb → undefined. */
function hexColour(c: string | undefined): string | undefined {
  if (!c) return undefined
  if (HEX_COLOUR.test(c)) return c.toLowerCase()
  const m = c.match(/^#([0-9a-fA-F])([0-9a-fA-F])([0-9a-fA-F])$/)
  return m ? `#${m[1]}${m[1]}${m[2]}${m[2]}${m[3]}${m[3]}`.toLowerCase() : undefined
}

/**
 * A code's Description as a tag's fields. QDA tools keep their code memo there (MAXQDA, ATLAS.ti,
 * QualCoder), and Parallax writes the tag's description and memo there, a blank line between: one
 * line is a description (the tag's one-line gloss), more is a memo (Markdown).
 */
export function codeTexts(description: string): { description: string; memo?: string } {
  const text = description.trim()
  return /\n/.test(text) ? { description: '', memo: text } : { description: text }
}

/**
 * A code's Description and the texts of the notes it refers to (NoteRef) as a tag's fields. The
 * notes are its memo, and the Description less that memo at its end its description: Parallax
 * writes a tag's memo both ways (export.ts tagMemoGuid), so that other tools show it and a round
 * trip tells it from the description. With no such notes, codeTexts.
 */
export function codeFields(description: string, notes: readonly string[]): { description: string; memo?: string } {
  const memo = notes
    .map((n) => n.trim())
    .filter(Boolean)
    .join('\n\n')
  if (!memo) return codeTexts(description)
  const text = description.trim()
  return { description: text.endsWith(memo) ? text.slice(0, -memo.length).trim() : text, memo }
}

/** The GUIDs of the notes a tree of codes refers to (codeFields). */
export function codeNoteGuids(codes: readonly QdaCode[]): string[] {
  return codes.flatMap((c) => [...(c.noteGuids ?? []), ...codeNoteGuids(c.children)])
}

/**
 * Tags for a tree of codes: existing tags reused by name, new ones made with the code's colour,
 * parent, Description and notes (`noteText`, by GUID: codeFields). Returns the new tags and a map
 * from code GUID to tag id.
 */
export function tagsForCodes(
  codes: readonly QdaCode[],
  existing: readonly Tag[],
  noteText: ReadonlyMap<string, string> = new Map(),
): { added: Tag[]; byGuid: Map<string, string> } {
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
        ...codeFields(
          code.description,
          (code.noteGuids ?? []).map((g) => noteText.get(g) ?? ''),
        ),
        // A category groups codes and is not applied to text (QualCoder, MAXQDA, NVivo folders).
        ...(code.isCodable ? {} : { codable: false }),
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
  if (info.size === 0) throw new DecodeError(path, EMPTY_FILE)
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

/** "3 annotations", "1 annotation". */
function count(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? '' : 's'}`
}

/** A REFI GUID as an annotation id: braces dropped, lower case. */
function annotationId(guid: string): string {
  return `urn:uuid:${guid.replace(/^\{|\}$/g, '').toLowerCase()}`
}

function isoDate(raw: string | undefined, fallback: string): string {
  return raw && !Number.isNaN(Date.parse(raw)) ? new Date(raw).toISOString() : fallback
}

/**
 * Reads and checks a .qdpx against a project: documents (ids and file names made unique against
 * `ids` and `names`, which are updated), tags, annotations, and a report of what was left out.
 * Writes nothing. Throws a DecodeError only for a file that is not a readable REFI-QDA project.
 */
export async function prepareQdpx(store: ProjectStore, path: string, ids: string[], names: Map<string, unknown>): Promise<PreparedQdpx> {
  const files = unzipWithin(await readLimited(path), path, '.qdpx project')
  let project: QdaProject
  try {
    project = parseQde(qdeOf(files, path))
  } catch (e) {
    qdaError(path, e)
  }
  const skipped: string[] = []

  // Notes: their text (inline, or a file in the archive), and which ones are memos on passages or codes.
  const noteText = new Map<string, string>()
  for (const n of project.notes) {
    let text = n.text
    if (!text.trim() && n.plainTextPath) {
      try {
        text = decodeImportedText(internalSource(files, n.plainTextPath, path, `Note "${n.name || n.guid}"`), `${path}: Note`).text
      } catch {
        text = ''
      }
    }
    noteText.set(n.guid, text.trim())
  }
  const linked = new Map<string, string[]>() // selection GUID → note GUIDs (NVivo: Link from the note to the selection)
  for (const l of project.links ?? []) if (noteText.has(l.origin)) linked.set(l.target, [...(linked.get(l.target) ?? []), l.origin])
  const { added, byGuid } = tagsForCodes(project.codes, store.codebook.tags, noteText)
  const used = new Set<string>([...[...linked.values()].flat(), ...codeNoteGuids(project.codes)])
  for (const src of project.sources) for (const sel of src.selections) for (const g of sel.noteGuids) used.add(g)
  // Memos with their own selections (QualCoder's annotations) belong to the source that refers to
  // them; QualCoder refers only to the first of each source, so with one source, that one.
  const memosOf = new Map<string, { note: string; sel: QdaSelection }[]>()
  for (const n of project.notes) {
    if (!n.selections?.length) continue
    used.add(n.guid)
    const owner =
      project.sources.find((src) => src.noteGuids?.includes(n.guid)) ?? (project.sources.length === 1 ? project.sources[0] : undefined)
    if (!owner) {
      skipped.push(`memo "${n.name || n.guid}" (its source is not named)`)
      continue
    }
    const items = memosOf.get(owner.guid) ?? []
    for (const sel of n.selections) items.push({ note: noteText.get(n.guid) ?? '', sel })
    memosOf.set(owner.guid, items)
  }
  // Parallax's own orphans (export.ts qdaProjectOf) are notes, not passages: told apart from
  // other tools' journals, as what they are.
  const unused = project.notes.filter((n) => !used.has(n.guid))
  const orphans = unused.filter((n) => noteText.get(n.guid)?.startsWith(ORPHAN_HEAD)).length
  const journals = unused.length - orphans

  const documents: PreparedDocument[] = []
  const annotations = new Map<string, Annotation[]>()
  const now = new Date().toISOString()
  let annotationCount = 0
  for (const source of project.sources) {
    const what = `TextSource "${source.name || source.guid}"`
    let text: string
    if (source.plainTextPath) text = decodeImportedText(internalSource(files, source.plainTextPath, path, what), `${path}: ${what}`).text
    else if (source.plainTextContent !== undefined) text = source.plainTextContent
    else {
      skipped.push(`${what} (it has no text)`)
      continue
    }
    if (!text.trim()) {
      skipped.push(`${what} (its text is empty)`)
      continue
    }
    const map = new OffsetMap(text)
    const base =
      (source.name || source.guid)
        .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-')
        .replace(/^\.+/, '')
        .slice(0, 80) || 'source'
    // "interview.docx" → "interview.txt"; "Hamlet 1.2" keeps its ".2" (not a file type).
    const stem = base.replace(/\.(txt|text|docx?|rtf|odt|pdf|html?|md|markdown)$/i, '')
    let file = `${stem}.txt`
    for (let n = 2; names.has(file); n++) file = `${stem}-${n}.txt`
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
      // The source's Description is where QDA tools keep their document memo.
      ...(source.description ? { memo: source.description } : {}),
    }
    const memos = memosOf.get(source.guid) ?? []
    const all = [...source.selections, ...memos.map((m) => m.sel)]
    const { placements } = placeSelections(text, all, project.origin)
    const items: Annotation[] = []
    all.forEach((sel, i) => {
      const placed = placements[i]
      if (!placed.ok) {
        skipped.push(`selection ${sel.guid} in ${what} (${placed.reason})`)
        return
      }
      const memo = i >= source.selections.length ? memos[i - source.selections.length].note : ''
      const tagIds = [...new Set(sel.codeGuids.map((g) => byGuid.get(g)).filter((t): t is string => !!t))]
      const note =
        memo ||
        sel.description ||
        [...sel.noteGuids, ...(linked.get(sel.guid) ?? [])]
          .map((g) => noteText.get(g) ?? '')
          .filter(Boolean)
          .join('\n\n')
      items.push(
        makeAnnotation({
          id: annotationId(sel.guid),
          now: isoDate(sel.creationDateTime, now),
          docId: id,
          text: map,
          start: placed.start,
          end: placed.end,
          tagIds,
          note,
        }),
      )
    })
    documents.push({ bytes: new TextEncoder().encode(text), entry })
    if (items.length) annotations.set(id, items)
    annotationCount += items.length
  }
  if (documents.length === 0 && project.codes.length === 0) {
    throw new DecodeError(path, 'this .qdpx has no text sources and no codes to import')
  }
  const left = Object.entries(project.unsupported ?? {}).map(([kind, n]) => `${n} ${n === 1 ? kind.replace(/s\b/, '') : kind}`)
  if (journals) left.push(count(journals, 'journal') + ' (notes not on a passage)')
  if (orphans)
    left.push(
      count(orphans, 'orphaned annotation') + ' (their passages were not found in the texts when exported; kept in the file as notes)',
    )
  const parts = [
    `${basename(path)}: brought in ${count(documents.length, 'document')}, ${count(annotationCount, 'annotation')}, ${count(added.length, 'new tag')}`,
  ]
  if (left.length) parts.push(`not brought in: ${left.join(', ')}`)
  if (skipped.length) parts.push(`skipped ${skipped.join('; ')}`)
  return { documents, tags: added, annotations, report: parts.join('; ') }
}

/**
 * Adds the codes of a REFI-QDA codebook (.qdc, or the codebook of a .qdpx) to the project's tags,
 * reusing tags of the same name. Returns the tags added.
 */
export async function importCodebook(store: ProjectStore, path: string): Promise<Tag[]> {
  const ext = extname(path).toLowerCase()
  if (ext !== '.qdc' && ext !== '.qdpx')
    throw new ApiError('invalid-input', `${path}: a codebook is a REFI-QDA .qdc file (or a .qdpx project)`)
  await refuseSpecialPath(path, 'a codebook')
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
