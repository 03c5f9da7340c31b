import { stringify } from 'csv-stringify/sync'
import type { ExcerptSet } from './excerpts.js'

// Annotated excerpts as CSV (RFC 4180, via csv-stringify): one row per annotation, in document
// order, whatever order the other formats group by. Spreadsheets open it as UTF-8 thanks to the
// byte-order mark; positions are code points, as in the project's files.

/** The columns, in order. */
export const CSV_COLUMNS = [
  'document',
  'author',
  'title',
  'outlet',
  'date',
  'start',
  'end',
  'quote',
  'tags',
  'note',
  'citation',
  'annotation',
] as const

/**
 * Tag names joined into one cell. "; " rather than ",": tag names may hold commas more often than
 * semicolons, and a spreadsheet user can still split on it.
 */
export const TAG_SEPARATOR = '; '

/** The CSV export of an excerpt set (with a UTF-8 byte-order mark for spreadsheet programs). */
export function excerptsToCsv(set: ExcerptSet): string {
  const rows = set.excerpts.map((e) => ({
    document: e.docId,
    author: e.document.author,
    title: e.document.title,
    outlet: e.document.outlet,
    date: e.document.date,
    start: e.start,
    end: e.end,
    quote: e.quote,
    tags: e.tags.map((t) => t.name).join(TAG_SEPARATOR),
    note: set.notes ? e.note : '',
    citation: e.citation,
    annotation: e.id,
  }))
  return '\ufeff' + stringify(rows, { header: true, columns: [...CSV_COLUMNS], record_delimiter: 'windows' })
}
