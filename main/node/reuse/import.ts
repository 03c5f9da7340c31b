import { resolve } from 'node:path'
import { ApiError } from '../../core/contract/api.js'
import { fmix32, mix32 } from '../../core/engine/hash.js'
import { JsonLineError, parseWithExactIntegers } from '../../core/reuse/exact-json.js'
import {
  documentCount,
  type ImportReport,
  measurePassages,
  REPORT_EXAMPLES,
  type ReuseSource,
  sortPassages,
  type StoredOverlap,
} from '../../core/reuse/imported.js'
import { PassageLocator } from '../../core/reuse/locate.js'
import { passageVariants } from '../../core/reuse/variants.js'
import { PASSIM_EXACT_KEYS, readPassimRecord } from '../../core/reuse/passim.js'
import { readTextPairRecord, type TextPairSide, Utf8Offsets } from '../../core/reuse/textpair.js'
import { OffsetMap } from '../../core/text/offsets.js'
import type { ProjectStore } from '../project/store.js'
import { type LinesProgress, readJsonLines } from './lines.js'
import { writeReuse } from './storage.js'

// Importing a batch tool's results into a project: the output is streamed line by line (a
// 1 GB passim output never sits in memory), and only what touches the project's documents is
// kept. Every record is checked: one that is not the tool's format stops the import with its
// file and line, before anything is written; a record for a document the project does not have
// is counted; one whose text is not at its offsets is re-anchored by its text (locate.ts) or
// reported. The result replaces reuse/<tool>.json.

/** A passage located in a project document, before its text is attached. */
type Span = { doc: string; start: number; end: number; uid?: string; boiler?: boolean }

/** Progress of an import, as lines are read. */
export type ImportProgress = LinesProgress & { records: number; kept: number }

export interface ImportOptions {
  onProgress?: (p: ImportProgress) => void
}

/** The project's documents, their texts read once and located in lazily. */
class ProjectTexts {
  readonly order: Map<string, number>
  private readonly locators = new Map<string, PassageLocator>()
  private readonly bytes = new Map<string, Utf8Offsets>()
  private readonly byFile = new Map<string, string>()

  private constructor(
    readonly store: ProjectStore,
    readonly texts: Map<string, string>,
  ) {
    this.order = new Map(store.project.documents.map((d, k) => [d.id, k]))
    for (const d of store.project.documents) this.byFile.set(d.file, d.id)
  }

  static async read(store: ProjectStore): Promise<ProjectTexts> {
    const texts = new Map<string, string>()
    for (const d of store.project.documents) texts.set(d.id, await store.text(d.id))
    if (texts.size === 0) throw new ApiError('not-found', `project ${store.name} has no documents to import results for`)
    return new ProjectTexts(store, texts)
  }

  has(id: string): boolean {
    return this.texts.has(id)
  }

  /** The project document a TextPAIR side names: by file name, else by id. */
  idForFile(filename: string, docId: string): string | null {
    const base = filename.split(/[\\/]/).pop() ?? ''
    return this.byFile.get(base) ?? (this.texts.has(docId) ? docId : null)
  }

  locator(id: string): PassageLocator {
    let l = this.locators.get(id)
    if (!l) this.locators.set(id, (l = new PassageLocator(new OffsetMap(this.texts.get(id)!))))
    return l
  }

  utf8(id: string): Utf8Offsets {
    let b = this.bytes.get(id)
    if (!b) this.bytes.set(id, (b = new Utf8Offsets(this.texts.get(id)!)))
    return b
  }
}

/** Counts and examples shared by both importers. */
class Tally {
  records = 0
  unknownRecords = 0
  readonly unknownDocuments = new Set<string>()
  moved = 0
  unmatchedRecords = 0
  readonly unmatched: ImportReport['unmatched'] = []

  unknown(id: string): void {
    this.unknownRecords++
    if (this.unknownDocuments.size < REPORT_EXAMPLES) this.unknownDocuments.add(id)
  }

  /** Locates a passage; null (counted, with an example) when its text is not in the document. */
  locate(texts: ProjectTexts, doc: string, passage: string, start: number, end: number): { start: number; end: number } | null {
    const found = texts.locator(doc).locate(passage, start, end)
    if (found.status === 'unmatched') {
      this.unmatchedRecords++
      if (this.unmatched.length < REPORT_EXAMPLES) this.unmatched.push({ doc, start, end, text: passage.slice(0, 200) })
      return null
    }
    if (found.status === 'moved') this.moved++
    return { start: found.start, end: found.end }
  }
}

function lineError(l: { file: string; line: number }, reason: string): ApiError {
  return new ApiError('invalid-input', `${l.file} line ${l.line}: ${reason}; nothing was imported`)
}

async function finish(
  source: ReuseSource,
  from: string,
  store: ProjectStore,
  texts: ProjectTexts,
  tally: Tally,
  files: number,
  groups: Iterable<{ id: string; passages: Span[]; extra: Partial<StoredOverlap> }>,
): Promise<{ report: ImportReport; path: string }> {
  let singleDocument = 0
  let passages = 0
  const overlaps: StoredOverlap[] = []
  for (const g of groups) {
    if (documentCount(g.passages) < 2) {
      singleDocument++
      continue
    }
    const withText = sortPassages(
      g.passages.map((p) => ({ ...p, text: texts.locator(p.doc).text.slice(p.start, p.end) })),
      texts.order,
    )
    passages += withText.length
    overlaps.push({
      id: g.id,
      source,
      ...measurePassages(withText.map((p) => p.text)),
      ...g.extra,
      passages: withText,
      variants: passageVariants(withText),
      boilerplate: withText.some((p) => p.boiler === true),
    })
  }
  overlaps.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const report: ImportReport = {
    source,
    from: resolve(from),
    at: new Date().toISOString(),
    files,
    records: tally.records,
    passages,
    overlaps: overlaps.length,
    unknownRecords: tally.unknownRecords,
    unknownDocuments: [...tally.unknownDocuments],
    moved: tally.moved,
    unmatchedRecords: tally.unmatchedRecords,
    unmatched: tally.unmatched,
    singleDocument,
  }
  const path = await writeReuse(store, { format: 'parallax-reuse', version: 1, source, report, overlaps })
  return { report, path }
}

function progressOf(tally: Tally, kept: () => number, options: ImportOptions) {
  return options.onProgress && ((p: LinesProgress) => options.onProgress!({ ...p, records: tally.records, kept: kept() }))
}

/**
 * Imports passim's output (its output folder, out.json/, or one JSON Lines file) into the project:
 * the clusters with passages in two or more of its documents, to reuse/passim.json.
 */
export async function importPassim(
  store: ProjectStore,
  path: string,
  options: ImportOptions = {},
): Promise<{ report: ImportReport; path: string }> {
  const texts = await ProjectTexts.read(store)
  const tally = new Tally()
  const clusters = new Map<string, { size?: number; passages: Span[] }>()
  let kept = 0
  const files = new Set<string>()
  for await (const l of readJsonLines(
    path,
    progressOf(tally, () => kept, options),
  )) {
    files.add(l.file)
    let value: unknown
    try {
      value = parseWithExactIntegers(l.text, PASSIM_EXACT_KEYS)
    } catch (e) {
      if (e instanceof JsonLineError) throw lineError(l, `not JSON (${e.message})`)
      throw e
    }
    const record = readPassimRecord(value)
    if (typeof record === 'string') throw lineError(l, record)
    tally.records++
    if (!texts.has(record.id)) {
      tally.unknown(record.id)
      continue
    }
    const span = tally.locate(texts, record.id, record.text, record.begin, record.end)
    if (!span) continue
    let cluster = clusters.get(record.cluster)
    if (!cluster) clusters.set(record.cluster, (cluster = { passages: [] }))
    if (record.size !== undefined) cluster.size = record.size
    const passage: Span = { doc: record.id, ...span }
    if (record.uid !== undefined) passage.uid = record.uid
    if (record.boiler !== undefined) passage.boiler = record.boiler
    cluster.passages.push(passage)
    kept++
  }
  return finish(
    'passim',
    path,
    store,
    texts,
    tally,
    files.size,
    (function* () {
      for (const [id, c] of clusters) {
        yield { id: `passim-${id}`, passages: c.passages, extra: { cluster: id, ...(c.size !== undefined ? { size: c.size } : {}) } }
      }
    })(),
  )
}

/**
 * Imports TextPAIR's alignments (alignments.jsonl, or the .lz4 it writes by default) into the
 * project: the alignments between two of its documents, to reuse/textpair.json. Byte offsets
 * are converted to code points in the project's copy of each file; where the files differ (TEI
 * sources, changed texts) the passage is found by its text.
 */
export async function importTextPair(
  store: ProjectStore,
  path: string,
  options: ImportOptions = {},
): Promise<{ report: ImportReport; path: string }> {
  const texts = await ProjectTexts.read(store)
  const tally = new Tally()
  const alignments: { id: string; passages: Span[]; extra: Partial<StoredOverlap> }[] = []
  const files = new Set<string>()
  const place = (side: TextPairSide, doc: string) => {
    const bytes = texts.utf8(doc)
    return tally.locate(texts, doc, side.passage, bytes.toCodePoint(side.startByte), bytes.toCodePoint(side.endByte))
  }
  for await (const l of readJsonLines(
    path,
    progressOf(tally, () => alignments.length * 2, options),
  )) {
    files.add(l.file)
    let value: unknown
    try {
      value = JSON.parse(l.text)
    } catch (e) {
      throw lineError(l, `not JSON (${(e as Error).message})`)
    }
    const record = readTextPairRecord(value)
    if (typeof record === 'string') throw lineError(l, record)
    tally.records++
    const sourceDoc = texts.idForFile(record.source.filename, record.source.docId)
    const targetDoc = texts.idForFile(record.target.filename, record.target.docId)
    if (!sourceDoc || !targetDoc) {
      if (!sourceDoc) tally.unknown(record.source.filename || record.source.docId)
      if (!targetDoc) tally.unknown(record.target.filename || record.target.docId)
      continue
    }
    const a = place(record.source, sourceDoc)
    const b = place(record.target, targetDoc)
    if (!a || !b) continue
    const passages = [
      { doc: sourceDoc, ...a },
      { doc: targetDoc, ...b },
    ]
    const extra: Partial<StoredOverlap> = {}
    if (record.banality !== undefined) extra.banality = record.banality
    if (record.group) extra.group = record.group
    alignments.push({ id: alignmentId(passages), passages, extra })
  }
  return finish('textpair', path, store, texts, tally, files.size, alignments)
}

/** A stable id from an alignment's passages. */
function alignmentId(passages: readonly { doc: string; start: number; end: number }[]): string {
  let h = 0x2f6b1c3d
  for (const p of passages) {
    for (let i = 0; i < p.doc.length; i++) h = mix32(h, p.doc.charCodeAt(i))
    h = mix32(mix32(h, p.start), p.end)
  }
  return `textpair-${fmix32(h).toString(16).padStart(8, '0')}`
}
