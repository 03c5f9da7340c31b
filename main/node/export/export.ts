import { pathToFileURL } from 'node:url'
import {
  BorderStyle,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx'
import { zipSync } from 'fflate'
import { ApiError } from '../../core/contract/api.js'
import { safeColour, type Tag, tagTree } from '../../core/annotations/codebook.js'
import {
  type ExcerptScope,
  type ExcerptSet,
  type ExcerptSource,
  ORPHAN_LABEL,
  ScopeError,
  selectExcerpts,
} from '../../core/export/excerpts.js'
import { type NoteRun, noteBlocks } from '../../core/export/note.js'
import { excerptsToCsv } from '../../core/export/csv.js'
import { EXPORT_FORMAT_IDS, EXPORT_FORMATS, type ExportFormat, isExportFormat } from '../../core/export/formats.js'
import { excerptsToHtml } from '../../core/export/html.js'
import { type AnnotationCollection, excerptsToJsonLd, exportBaseName } from '../../core/export/jsonld.js'
import { excerptsToMarkdown } from '../../core/export/markdown.js'
import { stableStringify } from '../../core/project/json.js'
import { memoOf } from '../../core/project/memo.js'
import {
  type QdaCode,
  type QdaNote,
  type QdaUser,
  type QdaProject,
  type QdaSource,
  buildQdc,
  buildQde,
  guidFor,
  selectionName,
} from '../../core/export/refi-qda.js'
import { codePointLength } from '../../core/text/offsets.js'
import { columnName, type FacetTable, facetTableToCsv } from '../../core/definitions/facet-table.js'
import { lowerBound } from '../../core/text/sorted.js'
import { htmlToPdf } from './pdf.js'
import type { ProjectStore } from '../project/store.js'

// Writes annotated excerpts in every export format. The text formats (Markdown, HTML, CSV,
// JSON-LD) are rendered by pure functions in main/core; here are the binary ones: DOCX (the docx
// package), PDF (the HTML printed by Chromium, export-pdf.ts) and REFI-QDA .qdpx (project.qde plus
// the sources as UTF-8 text, zipped with fflate).

export interface ExportRequest extends ExcerptScope {
  format: ExportFormat
  /**
   * How the authors define a term (the facet matrix): the whole file for `facets`, the section
   * "How the authors define X" after the excerpts in Markdown, HTML, DOCX and PDF.
   */
  facetTable?: FacetTable
}

/** An exported file: its name, media type and bytes (and its text, for text formats). */
export interface ExportFile {
  fileName: string
  mediaType: string
  bytes: Uint8Array
  /** The content as text, for the text formats. */
  text?: string
  /** How many excerpts (annotations) it holds. */
  excerpts: number
  /** Orphaned annotations in the selection left out (their passages not found with certainty in the texts as they are now). */
  omittedOrphans: number
}

/** Names the tool in REFI-QDA files (Project origin). */
export const ORIGIN = 'Parallax'

/**
 * The reader's name, from the project's settings (project.json "settings": {"readerName": …}):
 * the author of a DOCX export and the user of a REFI-QDA one. '' when it is not set.
 */
export function readerName(store: ProjectStore): string {
  return store.project.settings.readerName?.trim() ?? ''
}

/** The absolute IRI of a document in exports: the file:// URL of its text. */
export function documentIri(store: ProjectStore): (doc: { id: string }) => string {
  return (doc) => pathToFileURL(store.documentPath(store.document(doc.id))).href
}

/** The project as excerpts are drawn from it: documents, codebook, annotations and readable texts. */
export async function loadExcerptSource(store: ProjectStore): Promise<ExcerptSource> {
  const documents = store.project.documents
  const texts = new Map<string, string>()
  for (const d of documents) {
    const text = await store.text(d.id).catch(() => null)
    if (text !== null) texts.set(d.id, text)
  }
  return {
    projectName: store.name,
    documents,
    tags: store.codebook.tags,
    annotations: documents.flatMap((d) => store.annotationsOf(d.id).map((annotation) => ({ docId: d.id, annotation }))),
    texts,
  }
}

function select(source: ExcerptSource, scope: ExcerptScope): ExcerptSet {
  try {
    return selectExcerpts(source, scope)
  } catch (e) {
    if (e instanceof ScopeError) throw new ApiError('not-found', e.message)
    throw e
  }
}

/** Writes the excerpts a request selects in its format. */
/** Prints an HTML export to PDF: htmlToPdf (Chromium via Playwright) by default; Electron passes webContents.printToPDF. */
export type PdfPrinter = (html: string, title: string) => Promise<Uint8Array>

export async function exportExcerpts(store: ProjectStore, request: ExportRequest, printPdf: PdfPrinter = htmlToPdf): Promise<ExportFile> {
  if (!isExportFormat(request.format)) {
    throw new ApiError('invalid-input', `unknown export format "${request.format}" (one of ${EXPORT_FORMAT_IDS.join(', ')})`)
  }
  const format = EXPORT_FORMATS[request.format]
  const source = await loadExcerptSource(store)
  const set = select(source, request)
  const fileName = exportBaseName(store.name) + format.suffix
  const excerpts = set.excerpts.length
  const omittedOrphans = set.omittedOrphans
  const text = (content: string): ExportFile => ({
    fileName,
    mediaType: format.mediaType,
    bytes: new TextEncoder().encode(content),
    text: content,
    excerpts,
    omittedOrphans,
  })
  const binary = (bytes: Uint8Array): ExportFile => ({ fileName, mediaType: format.mediaType, bytes, excerpts, omittedOrphans })
  const facets = request.facetTable
  switch (request.format) {
    case 'md':
      return text(excerptsToMarkdown(set, facets))
    case 'html':
      return text(excerptsToHtml(set, facets))
    case 'csv':
      return text(excerptsToCsv(set))
    case 'jsonld':
      return text(stableStringify(excerptsToJsonLd(set, { documentIri: documentIri(store) }, `${store.dir}\n${set.description}`)))
    case 'docx':
      return binary(await excerptsToDocx(set, readerName(store), facets))
    case 'pdf':
      return binary(await printPdf(excerptsToHtml(set, facets), set.title))
    case 'qdpx':
      return binary(excerptsToQdpx(source, set, request, readerName(store)))
    case 'qdc':
      return { ...text(buildQdc(codeTree(source.tags), ORIGIN)), excerpts: 0, omittedOrphans: 0 }
    case 'facets':
      if (!facets) throw new ApiError('invalid-input', 'the facets export needs the definitions of a term: export it through the service')
      return { ...text(facetTableToCsv(facets)), excerpts: 0, omittedOrphans: 0 }
  }
}

/**
 * Every annotation of the project as one W3C AnnotationCollection (the "export annotations"
 * operation): the same JSON-LD as the excerpt export, orphans included with their stored quote.
 */
export async function allAnnotationsJsonLd(store: ProjectStore): Promise<AnnotationCollection> {
  const source = await loadExcerptSource(store)
  const set = selectExcerpts(source, { orphans: true })
  return excerptsToJsonLd({ ...set, title: store.name }, { documentIri: documentIri(store) }, `${store.dir}\nall`)
}

/** What the API hands the UI: text as it is, binary formats in base64, and how many orphans were left out. */
export function exportResult(file: ExportFile): {
  fileName: string
  mediaType: string
  content: string
  encoding: 'utf8' | 'base64'
  omittedOrphans: number
} {
  const { fileName, mediaType, omittedOrphans } = file
  return file.text !== undefined
    ? { fileName, mediaType, content: file.text, encoding: 'utf8', omittedOrphans }
    : { fileName, mediaType, content: Buffer.from(file.bytes).toString('base64'), encoding: 'base64', omittedOrphans }
}

// DOCX ------------------------------------------------------------------------------------------

/** "#e6a23c" → "E6A23C" (docx colours have no "#"). */
function docxColour(tag: Tag | undefined): string {
  return safeColour(tag).slice(1).toUpperCase()
}

/** Runs for text with line breaks kept. */
function runs(text: string, options: { italics?: boolean; color?: string; bold?: boolean } = {}): TextRun[] {
  return text.split(/\r?\n/).map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined, ...options }))
}

/** A note's runs (from the shared Markdown reading, main/core/export/note.ts) as DOCX runs and links. */
function noteRuns(list: readonly NoteRun[]): (TextRun | ExternalHyperlink)[] {
  const out: (TextRun | ExternalHyperlink)[] = []
  let newline = false
  for (const r of list) {
    if (r.text === '\n') {
      newline = true
      continue
    }
    const options = { bold: r.strong, italics: r.em, font: r.code ? 'Courier New' : undefined, break: newline ? 1 : undefined }
    newline = false
    const lines = r.text.split('\n')
    const textRuns = lines.map((line, i) => new TextRun({ text: line, ...options, break: i > 0 ? 1 : options.break }))
    out.push(...(r.href ? [new ExternalHyperlink({ link: r.href, children: textRuns.map((t) => t) })] : textRuns))
  }
  return out
}

/** A note as DOCX paragraphs: the first after a bold "Note: ", lists and quotes indented. */
function noteParagraphs(note: string, label = 'Note: '): Paragraph[] {
  return noteBlocks(note).map((b, i) => {
    const children: (TextRun | ExternalHyperlink)[] = []
    if (i === 0) children.push(new TextRun({ text: label, bold: true }))
    if (b.marker) children.push(new TextRun(`${b.marker} `))
    if (b.kind === 'rule') children.push(new TextRun('———'))
    else if (b.kind === 'heading') children.push(...noteRuns(b.runs.map((r) => ({ ...r, strong: true }))))
    else children.push(...noteRuns(b.runs))
    const extra = (b.indent + b.quote) * 360
    return new Paragraph({ style: 'Details', children, indent: extra ? { left: 567 + extra } : undefined })
  })
}

/**
 * The DOCX export: a heading per group; each excerpt a quotation, then citation, tags and note.
 * `author` (the reader's name) is the document's creator; none when it is ''.
 */
/** The section "How the authors define X" as DOCX: a heading, the facet × author table, the shared quotations. */
function facetTableDocx(table: FacetTable): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [new Paragraph({ text: table.title, heading: HeadingLevel.HEADING_1 })]
  if (table.rows.length === 0) {
    out.push(new Paragraph('No element of the definitions is shared by two authors.'))
    return out
  }
  const cell = (children: Paragraph[], header = false) =>
    new TableCell({ children, shading: header ? { fill: 'F2F0EA' } : undefined, margins: { top: 40, bottom: 40, left: 80, right: 80 } })
  const small = (text: string, options: { bold?: boolean; italics?: boolean; color?: string } = {}) =>
    new Paragraph({ children: [new TextRun({ text, size: 18, ...options })] })
  const header = new TableRow({
    tableHeader: true,
    children: [
      cell([small('Element', { bold: true })], true),
      ...table.columns.map((d) => cell([small(columnName(d), { bold: true })], true)),
    ],
  })
  const rows = table.rows.map(
    (r) =>
      new TableRow({
        cantSplit: true,
        children: [
          cell([
            new Paragraph({
              children: [new TextRun({ text: r.label, bold: true, size: 18 })],
            }),
          ]),
          ...r.cells.map((words, c) => {
            if (words.length === 0) return cell([small('—', { color: '888888' })])
            const paragraphs = words.map((w) => small(`“${w}”`))
            if (r.quoting[c].length) paragraphs.push(small(`quoting ${r.quoting[c].join(', ')}`, { italics: true, color: '666666' }))
            if (c === r.first) paragraphs.push(small('first', { bold: true, color: '444444' }))
            return cell(paragraphs)
          }),
        ],
      }),
  )
  out.push(new Table({ rows: [header, ...rows], width: { size: 100, type: WidthType.PERCENTAGE } }))
  out.push(small('— : the author leaves the element out. first: the earliest dated use.', { italics: true, color: '666666' }))
  for (const q of table.quotations.filter((x) => x.columns.length > 1))
    out.push(small(`${q.speaker}: “${q.text}”, quoted by ${q.columns.map((c) => columnName(table.columns[c])).join(', ')}.`))
  return out
}

export async function excerptsToDocx(set: ExcerptSet, author = '', facets?: FacetTable): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({ text: set.title, heading: HeadingLevel.TITLE }),
    new Paragraph({ children: [new TextRun({ text: set.description, italics: true, color: '555555' })], spacing: { after: 240 } }),
  ]
  for (const group of set.groups) {
    children.push(new Paragraph({ text: group.heading, heading: HeadingLevel.HEADING_1 }))
    if (group.memo) children.push(...noteParagraphs(group.memo, 'Memo: '), new Paragraph({ text: '', spacing: { after: 120 } }))
    for (const e of group.excerpts) {
      const colour = docxColour(group.tag ?? e.tags[0])
      const orphan = e.status === 'orphan'
      const quote =
        set.context && !orphan
          ? [...runs(e.before, { color: '6B6B6B' }), ...runs(e.quote), ...runs(e.after, { color: '6B6B6B' })]
          : runs(e.quote)
      children.push(
        new Paragraph({
          style: 'Excerpt',
          children: quote,
          border: { left: { style: BorderStyle.SINGLE, size: 24, color: colour, space: 8 } },
        }),
      )
      children.push(new Paragraph({ style: 'Citation', children: [new TextRun(`— ${e.citation}`)] }))
      if (orphan)
        children.push(new Paragraph({ style: 'Details', children: [new TextRun({ text: ORPHAN_LABEL, italics: true, color: '8A4B00' })] }))
      if (e.tags.length) {
        const tagRuns: TextRun[] = [new TextRun({ text: 'Tags: ', bold: true })]
        e.tags.forEach((t, i) => {
          if (i) tagRuns.push(new TextRun(', '))
          tagRuns.push(new TextRun({ text: '■ ', color: docxColour(t) }), new TextRun(t.name))
        })
        children.push(new Paragraph({ style: 'Details', children: tagRuns }))
      }
      if (set.notes && e.note.trim()) children.push(...noteParagraphs(e.note))
      children.push(new Paragraph({ text: '', spacing: { after: 120 } }))
    }
  }
  if (set.groups.length === 0) children.push(new Paragraph('No annotations match this selection.'))
  if (set.memos.length) {
    children.push(new Paragraph({ text: 'Memos', heading: HeadingLevel.HEADING_1 }))
    for (const m of set.memos)
      children.push(
        new Paragraph({ text: `${m.heading} (${m.kind})`, heading: HeadingLevel.HEADING_2 }),
        ...noteParagraphs(m.memo, 'Memo: '),
      )
  }
  if (facets) children.push(...facetTableDocx(facets))
  const doc = new Document({
    title: set.title,
    creator: author,
    lastModifiedBy: author,
    description: set.description,
    styles: {
      paragraphStyles: [
        {
          id: 'Excerpt',
          name: 'Excerpt (quotation)',
          basedOn: 'Normal',
          next: 'Citation',
          quickFormat: true,
          run: { size: 24, font: 'Georgia' },
          paragraph: { indent: { left: 567, right: 284 }, spacing: { before: 120, after: 60 } },
        },
        {
          id: 'Citation',
          name: 'Citation',
          basedOn: 'Normal',
          quickFormat: true,
          run: { size: 18, color: '444444' },
          paragraph: { indent: { left: 567 }, spacing: { after: 40 } },
        },
        {
          id: 'Details',
          name: 'Excerpt details',
          basedOn: 'Normal',
          quickFormat: true,
          run: { size: 18 },
          paragraph: { indent: { left: 567 }, spacing: { after: 40 } },
        },
      ],
    },
    sections: [{ children }],
  })
  return new Uint8Array(await Packer.toBuffer(doc))
}

// REFI-QDA ----------------------------------------------------------------------------------------

/**
 * A text with "\r\n" and lone "\r" turned into "\n", and a function moving code point positions of
 * the original onto it. Tools disagree on whether "\r\n" is one character or two; with "\n" only,
 * they all count the same.
 */
export function unifyLineEnds(text: string): { text: string; move: (position: number) => number } {
  const removed: number[] = [] // code point offsets (in the original) of each "\r" dropped from "\r\n"
  let cp = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x0d && text.charCodeAt(i + 1) === 0x0a) removed.push(cp)
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) i++
    cp++
  }
  const unified = text.replace(/\r\n?/g, '\n')
  // Each removed \r before `position` moves it back by one.
  const move = (position: number) => position - lowerBound(removed, position)
  return { text: unified, move }
}

/**
 * A code's Description: the tag's description and its memo, a blank line between. REFI-QDA has one
 * Description per code, and it is where MAXQDA, ATLAS.ti and QualCoder put their code memos.
 */
function codeDescription(tag: Tag, memos: boolean): string {
  return [tag.description.trim(), memos ? memoOf(tag) : ''].filter(Boolean).join('\n\n')
}

/**
 * The GUID of the project Note that holds a tag's memo in a .qdpx, beside the code's Description:
 * the Description alone cannot say where a description ends and a memo begins, and a round trip
 * gave a tag's one-line memo back as its description, and a description and memo back as one memo
 * (a tester). The import (qdpx.ts tagsForCodes) takes the memo from the note the code refers to.
 */
const tagMemoGuid = (tag: Tag): string => guidFor(`memo:tag:${tag.id}`)

/**
 * The codebook as REFI-QDA codes, with the tags' memos (`memos`); with `memoNotes` (a project, not
 * a .qdc, whose schema has no notes), each code with a memo refers to its note (tagMemoNotes).
 */
function codeTree(tags: readonly Tag[], memos = true, memoNotes = false): QdaCode[] {
  const nodes = new Map<string, QdaCode>()
  const roots: QdaCode[] = []
  // tagTree puts a tag whose parent is missing, or where a cycle is entered, at depth 0: the top level.
  for (const { tag: t, depth } of tagTree(tags)) {
    const node: QdaCode = {
      guid: guidFor(`tag:${t.id}`),
      name: t.name,
      color: t.colour,
      description: codeDescription(t, memos),
      isCodable: t.codable !== false,
      children: [],
      ...(memos && memoNotes && memoOf(t) ? { noteGuids: [tagMemoGuid(t)] } : {}),
    }
    nodes.set(t.id, node)
    ;(depth ? nodes.get(t.parent!)!.children : roots).push(node)
  }
  return roots
}

/** The project Notes that hold the tags' memos (see tagMemoGuid), those codeTree refers to. */
function tagMemoNotes(tags: readonly Tag[], user: QdaUser, now: string): QdaNote[] {
  return tags
    .filter((t) => memoOf(t))
    .map((t) => ({
      guid: tagMemoGuid(t),
      name: `Memo on code “${t.name}”`,
      text: memoOf(t).trim(),
      creatingUser: user.guid,
      creationDateTime: now,
    }))
}

/**
 * The REFI-QDA project of an excerpt set: its documents as text sources (UTF-8 in sources/), the
 * whole codebook as codes (colours and hierarchy kept), each excerpt a PlainTextSelection with
 * its codings and its note as the selection's Description (the coding memo QualCoder, ATLAS.ti
 * and MAXQDA read; written once), tag and document memos as the codes' and sources' Descriptions
 * (with the notes: not without them), and document metadata as Text variables (Title, Author,
 * Outlet, Date, URL). An orphan is never a selection (its passage is not in the text): when
 * orphans are asked for, each becomes a project Note quoting its stored passage.
 */
export function qdaProjectOf(
  source: ExcerptSource,
  set: ExcerptSet,
  scope: ExcerptScope,
  now = new Date().toISOString(),
  reader = '',
): { project: QdaProject; files: Record<string, Uint8Array> } {
  const user = { guid: guidFor('user:parallax'), name: reader || ORIGIN }
  const narrowsAnnotations = !!(scope.tags?.length || scope.annotationIds?.length)
  const docs = source.documents.filter((d) => {
    if (narrowsAnnotations) return set.excerpts.some((e) => e.docId === d.id && e.status !== 'orphan')
    if (scope.docs?.length && !scope.docs.includes(d.id)) return false
    if (scope.authors?.length && !scope.authors.some((a) => a.trim().toLowerCase() === d.author.trim().toLowerCase())) return false
    return true
  })
  const files: Record<string, Uint8Array> = {}
  const notes: QdaNote[] = set.excerpts
    .filter((e) => e.status === 'orphan')
    .map((e) => ({
      guid: guidFor(`orphan:${e.id}`),
      name: `Orphaned annotation on “${selectionName(e.document.title || e.docId, 40)}”`,
      text: [
        `${ORPHAN_LABEL}`,
        `“${e.quote}”`,
        e.citation,
        e.tags.length ? `Tags: ${e.tags.map((t) => t.name).join(', ')}` : '',
        set.notes ? e.note.trim() : '',
      ]
        .filter(Boolean)
        .join('\n\n'),
      creatingUser: user.guid,
      creationDateTime: e.created,
    }))
  const sources: QdaSource[] = docs.map((d) => {
    const original = source.texts?.get(d.id)
    if (original === undefined) throw new ApiError('unreadable', `cannot export document "${d.id}": its file ${d.file} cannot be read`)
    const { text, move } = unifyLineEnds(original)
    const guid = guidFor(`document:${d.id}`)
    files[`sources/${guid}.txt`] = new TextEncoder().encode(text)
    const length = codePointLength(text)
    return {
      guid,
      name: d.file,
      plainTextPath: `internal://${guid}.txt`,
      // The document's memo (where QDA tools keep a document memo), with the notes.
      description: set.notes ? memoOf(d) : '',
      creatingUser: user.guid,
      creationDateTime: now,
      variables: { Title: d.title, Author: d.author, Outlet: d.outlet, Date: d.date, URL: d.url },
      selections: set.excerpts
        .filter((e) => e.docId === d.id && e.status !== 'orphan')
        .map((e) => ({
          guid: guidFor(e.id),
          name: selectionName(e.quote),
          start: move(e.start),
          end: Math.min(length, move(e.end)),
          creatingUser: user.guid,
          creationDateTime: e.created,
          description: set.notes ? e.note.trim() : '',
          codeGuids: e.tags.map((t) => guidFor(`tag:${t.id}`)),
          noteGuids: [],
        })),
    }
  })
  const project: QdaProject = {
    name: source.projectName,
    origin: ORIGIN,
    creationDateTime: now,
    users: [user],
    codes: codeTree(source.tags, set.notes, true),
    sources,
    notes: set.notes ? [...tagMemoNotes(source.tags, user, now), ...notes] : notes,
    description: set.description,
  }
  return { project, files }
}

/** The .qdpx file (zip) of an excerpt set. */
export function excerptsToQdpx(source: ExcerptSource, set: ExcerptSet, scope: ExcerptScope, reader = ''): Uint8Array {
  const { project, files } = qdaProjectOf(source, set, scope, undefined, reader)
  return zipSync({ 'project.qde': new TextEncoder().encode(buildQde(project)), ...files }, { level: 6 })
}
