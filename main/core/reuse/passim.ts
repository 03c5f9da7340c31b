import type { DocumentEntry } from '../project/project.js'
import { exactInteger } from './exact-json.js'

// passim (github.com/dasmiq/passim, v2: Python on Spark), as its code reads and writes records.
//
// Input: JSON Lines, one document a record. passim needs `id` and `text`; its `passim` wrapper
// compares only documents of different `series` (it runs seriatim with `--fields 'xxhash64(series)
// as gid' --filterpairs 'gid < gid2'`), so every record needs a series; `date` is passed through.
//
// Output (out.json/part-*, JSON Lines, one record per passage of a cluster): `uid` (xxhash64 of
// the id: a signed 64-bit integer), `cluster` (64-bit), `begin`/`end` (offsets into the input
// text in Unicode code points, end exclusive: passim slices Python strings and uses Spark's
// substr), `boiler`, `src` (inferred sources), `size` (documents in the cluster), `pboiler`, then
// the input's fields with `text` cut down to the passage. Spark leaves out null fields.

/** Keys whose integer values are read exactly (see exact-json.ts). */
export const PASSIM_EXACT_KEYS = ['uid', 'cluster', 'uid2'] as const

/**
 * One passage of a passim cluster, as its output has it: the fields Parallax reads, checked;
 * every other field kept as it was.
 */
export interface PassimRecord {
  id: string
  /** Exact decimal strings (see exact-json.ts). */
  cluster: string
  uid?: string
  begin: number
  end: number
  text: string
  size?: number
  boiler?: boolean
  [field: string]: unknown
}

function isOffset(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0
}

/**
 * The record (the parsed line itself, its ids normalised), or a one-line reason it is not a
 * passim cluster record. Checked by hand, not with a
 * schema library: an import runs this on every one of millions of records.
 */
export function readPassimRecord(value: unknown): PassimRecord | string {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'not a JSON object'
  const r = value as Record<string, unknown>
  const missing = ['id', 'cluster', 'begin', 'end', 'text'].filter((k) => r[k] === undefined || r[k] === null)
  if (missing.length) {
    const hint =
      missing.includes('cluster') && typeof r.text === 'string' ? ' (is this passim’s input rather than its out.json output?)' : ''
    return `not a passim cluster record: no ${missing.join(', ')}${hint}`
  }
  const bad = (field: string, want: string) =>
    `not a passim cluster record: ${field} is ${JSON.stringify(r[field])?.slice(0, 40)}, not ${want}`
  if (typeof r.id !== 'string') return bad('id', 'a string')
  const cluster = exactInteger(r.cluster)
  if (cluster === null) return bad('cluster', 'a 64-bit integer')
  const uid = r.uid === undefined || r.uid === null ? undefined : exactInteger(r.uid)
  if (uid === null) return bad('uid', 'a 64-bit integer')
  if (!isOffset(r.begin)) return bad('begin', 'an offset')
  if (!isOffset(r.end)) return bad('end', 'an offset')
  if (r.end <= r.begin) return `not a passim cluster record: end ${r.end} is not after begin ${r.begin}`
  if (typeof r.text !== 'string') return bad('text', 'a string')
  if (r.size !== undefined && r.size !== null && !isOffset(r.size)) return bad('size', 'a count')
  if (r.boiler !== undefined && r.boiler !== null && typeof r.boiler !== 'boolean') return bad('boiler', 'true or false')
  // The parsed line is the caller's own: normalised in place rather than copied.
  r.cluster = cluster
  if (uid === undefined) delete r.uid
  else r.uid = uid
  return r as PassimRecord
}

/** One line of passim's input for a project document. */
export interface PassimInput {
  id: string
  series: string
  date?: string
  text: string
}

/**
 * The passim input record of a document: its id, a series (the outlet, else the author, else the
 * id, so documents of one outlet are not compared with each other, as passim's wrapper does), the
 * date when it is a full YYYY-MM-DD (Spark's date() reads that), and the text exactly as decoded,
 * excluded ranges included (passim's offsets must be offsets into the document's file).
 */
export function passimInput(doc: DocumentEntry, text: string): PassimInput {
  const series = doc.outlet.trim() || doc.author.trim() || doc.id
  const date = /^\d{4}-\d{2}-\d{2}$/.test(doc.date) ? { date: doc.date } : {}
  return { id: doc.id, series, ...date, text }
}
