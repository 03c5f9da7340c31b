import { lastAtOrBefore } from '../text/sorted.js'

// TextPAIR (github.com/ARTFL-Project/text-pair), as its code writes alignments: JSON Lines in
// output/results/alignments.jsonl.lz4, one record per aligned pair of passages, each side's fields
// prefixed `source_` or `target_`:
//   <side>_doc_id                     the document's PhiloLogic id ("12", "12_3")
//   <side>_filename                   the file the offsets count into
//   <side>_start_byte, _end_byte      byte offsets into that file, end exclusive (integers; an
//                                     older writer wrote numeric strings)
//   <side>_passage                    the passage, cleaned: tags stripped, entities decoded,
//                                     whitespace runs made one space
//   <side>_<metadata>                 every metadata field (author, title, year, ...)
// plus optional `banality` and `group_id` (merged alignment groups).

/** One side of an alignment. */
export interface TextPairSide {
  docId: string
  filename: string
  startByte: number
  endByte: number
  passage: string
}

/** One alignment, reduced to what locating its passages needs (banality and groups kept). */
export interface TextPairRecord {
  source: TextPairSide
  target: TextPairSide
  banality?: boolean
  group?: number[]
}

function byteOffset(value: unknown): number | null {
  const n = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 ? n : null
}

function side(record: Record<string, unknown>, prefix: 'source' | 'target'): TextPairSide | string {
  const get = (k: string) => record[`${prefix}_${k}`]
  const docId = get('doc_id')
  const filename = get('filename')
  const passage = get('passage')
  const startByte = byteOffset(get('start_byte'))
  const endByte = byteOffset(get('end_byte'))
  if (typeof passage !== 'string') return `no ${prefix}_passage`
  if (startByte === null || endByte === null) return `${prefix}_start_byte and ${prefix}_end_byte must be byte offsets`
  if (typeof docId !== 'string' && typeof docId !== 'number' && typeof filename !== 'string')
    return `neither ${prefix}_doc_id nor ${prefix}_filename`
  return {
    docId: docId === undefined || docId === null ? '' : String(docId),
    filename: typeof filename === 'string' ? filename : '',
    startByte,
    endByte,
    passage,
  }
}

/** The alignment, or a one-line reason it is not a TextPAIR alignment record. */
export function readTextPairRecord(value: unknown): TextPairRecord | string {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'not a JSON object'
  const record = value as Record<string, unknown>
  const source = side(record, 'source')
  if (typeof source === 'string') return `not a TextPAIR alignment: ${source}`
  const target = side(record, 'target')
  if (typeof target === 'string') return `not a TextPAIR alignment: ${target}`
  const out: TextPairRecord = { source, target }
  if (typeof record.banality === 'boolean') out.banality = record.banality
  if (Array.isArray(record.group_id) && record.group_id.every((g) => typeof g === 'number')) out.group = record.group_id as number[]
  return out
}

/**
 * Converts UTF-8 byte offsets of a text (as its file holds it, without a byte-order mark) to
 * code point offsets. O(n) to build, then O(log n + CHECKPOINT_SPACING) a conversion.
 */
export class Utf8Offsets {
  /** Byte offset of every CHECKPOINT_SPACING-th code point. */
  private readonly checkpoints: number[] = []
  private readonly codePoints: number[]
  readonly byteLength: number

  constructor(text: string) {
    const cps: number[] = []
    let bytes = 0
    for (const ch of text) {
      const cp = ch.codePointAt(0)!
      if (cps.length % CHECKPOINT_SPACING === 0) this.checkpoints.push(bytes)
      cps.push(cp)
      bytes += utf8Length(cp)
    }
    this.codePoints = cps
    this.byteLength = bytes
  }

  /** Code point offset of byte offset `b`; a byte inside a character counts as that character's start. */
  toCodePoint(b: number): number {
    if (b >= this.byteLength) return this.codePoints.length
    if (b <= 0) return 0
    const k = lastAtOrBefore(this.checkpoints, b)
    let cp = k * CHECKPOINT_SPACING
    let at = this.checkpoints[k]
    while (cp < this.codePoints.length) {
      const next = at + utf8Length(this.codePoints[cp])
      if (next > b) break
      at = next
      cp++
    }
    return cp
  }
}

/** Code points between checkpoints: memory (one number each) against the walk per conversion. */
const CHECKPOINT_SPACING = 256

function utf8Length(cp: number): number {
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4
}
