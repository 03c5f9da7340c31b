import { z } from 'zod'
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

const int64 = z.unknown().transform((v, ctx) => {
  const exact = exactInteger(v)
  if (exact === null) {
    ctx.addIssue({ code: 'custom', message: 'expected a 64-bit integer' })
    return z.NEVER
  }
  return exact
})

/** One passage of a passim cluster, as its output has it (other fields kept). */
export const PassimRecord = z.looseObject({
  id: z.string(),
  cluster: int64,
  begin: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
  uid: int64.optional(),
  size: z.number().int().optional(),
  boiler: z.boolean().optional(),
})
export type PassimRecord = z.infer<typeof PassimRecord>

/** The record, or a one-line reason it is not a passim cluster record. */
export function readPassimRecord(value: unknown): PassimRecord | string {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'not a JSON object'
  const record = value as Record<string, unknown>
  const missing = ['id', 'cluster', 'begin', 'end', 'text'].filter((k) => record[k] === undefined)
  if (missing.length) {
    const hint =
      missing.includes('cluster') && record.text !== undefined ? ' (is this passim’s input rather than its out.json output?)' : ''
    return `not a passim cluster record: no ${missing.join(', ')}${hint}`
  }
  const parsed = PassimRecord.safeParse(value)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return `not a passim cluster record: ${issue.path.join('.')}: ${issue.message}`
  }
  if (parsed.data.end <= parsed.data.begin)
    return `not a passim cluster record: end ${parsed.data.end} is not after begin ${parsed.data.begin}`
  return parsed.data
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
