import { stringify } from 'csv-stringify/sync'
import type { ExcerptSet } from './excerpts.js'

// Annotated excerpts as CSV (RFC 4180, via csv-stringify): one row per annotation, in document
// order, whatever order the other formats group by. Made for spreadsheets, which read it safely:
// - UTF-8 with a byte-order mark, so they do not guess a legacy encoding;
// - every field holding a line break (CRLF, or a bare LF or CR) is quoted, so a multi-line note
//   stays one cell in Python's csv module and in LibreOffice, not only in RFC 4180 readers;
// - a cell starting with =, +, -, @, tab or carriage return (or their full-width forms) gets a
//   leading apostrophe and quotes, as OWASP's "CSV Injection" advice says, so a note or an imported
//   title is never run as a formula (positions, which are numbers, are left as they are).
// Positions are code points, as in the project's files; an orphan's are empty (its passage is no
// longer in the text) and its status says so.

/** The columns, in order. New columns are added at the end, so scripts reading by position keep working. */
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
  'status',
] as const

/**
 * Tag names joined into one cell. "; " rather than ",": tag names may hold commas more often than
 * semicolons, and a spreadsheet user can still split on it.
 */
export const TAG_SEPARATOR = '; '

/** Fields quoted whatever they hold: any line break, and a start a spreadsheet reads as a formula. */
const QUOTED = [/[\r\n]/, /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/]

/** The CSV export of an excerpt set (with a UTF-8 byte-order mark for spreadsheet programs). */
export function excerptsToCsv(set: ExcerptSet): string {
  const rows = set.excerpts.map((e) => {
    const placed = e.status !== 'orphan'
    return {
      document: e.docId,
      author: e.document.author,
      title: e.document.title,
      outlet: e.document.outlet,
      date: e.document.date,
      start: placed ? e.start : '',
      end: placed ? e.end : '',
      quote: e.quote,
      tags: e.tags.map((t) => t.name).join(TAG_SEPARATOR),
      note: set.notes ? e.note : '',
      citation: e.citation,
      annotation: e.id,
      status: e.status,
    }
  })
  return (
    '\ufeff' +
    stringify(rows, {
      header: true,
      columns: [...CSV_COLUMNS],
      record_delimiter: 'windows',
      quoted_match: QUOTED,
      escape_formulas: true,
    })
  )
}
