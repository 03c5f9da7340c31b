import { findDate } from './metadata.js'

// What a document's editable metadata must be, said as the reader is told it: the contract's schema
// (contract/schemas.ts, updateDocumentMetadata) checks an update with these rules, and the
// renderer's metadata form checks its fields with the same ones before sending, showing the sentence
// at the field (a tester read "updateDocumentMetadata: title: Too small: expected string to have
// >=1 characters" in the title bar, with nothing pointing at the field). No zod here: the renderer
// bundles this module.

/** A stored date: YYYY, YYYY-MM or YYYY-MM-DD (as precise as the source is), or '' for none. */
const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/

/** Days in `month` (1–12) of `year`. */
function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** Whether `value` is a date as the project stores it: YYYY, YYYY-MM or YYYY-MM-DD, on the calendar. */
function isStoredDate(value: string): boolean {
  const m = ISO_DATE.exec(value)
  if (!m) return false
  const month = m[2] === undefined ? 1 : Number(m[2])
  const day = m[3] === undefined ? 1 : Number(m[3])
  return month >= 1 && month <= 12 && day >= 1 && day <= daysIn(Number(m[1]), month)
}

/** Why `date` (trimmed) is not a date the project stores, or null when it is one (or empty). */
export function dateProblem(date: string): string | null {
  const value = date.trim()
  if (!value || isStoredDate(value)) return null
  // "10 April 2024" or "April 10, 2024": say what to write instead.
  const read = findDate(value)
  const example = read && isStoredDate(read) ? `here ${read}` : 'e.g. 2024-04-10'
  return `Write the date as YYYY-MM-DD, ${example} (or YYYY-MM, or the year alone)`
}

/** Why `title` (trimmed) cannot be a document's title, or null when it can. */
export function titleProblem(title: string): string | null {
  return title.trim() ? null : 'A title is needed: the document is listed and cited by it'
}

/** The fields of a metadata update that have a rule, with it; the others take any text. */
export const METADATA_RULES = { title: titleProblem, date: dateProblem } as const

/** Why each field of `fields` that breaks its rule does, by field name (empty when all are fine). */
export function metadataProblems(fields: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [key, rule] of Object.entries(METADATA_RULES)) {
    const value = fields[key]
    const problem = value === undefined ? null : rule(value)
    if (problem) out[key] = problem
  }
  return out
}
