import { stringify } from 'csv-stringify/sync'
import type { DefinitionResult } from './definitions.js'
import type { ComponentRole } from './facets.js'
import { dateKey } from './timeline.js'

// The facet matrix as a table to export: one row per facet, one column per author, each cell the
// author's words for that element (or empty: the author leaves it out), and the shared quotations
// with whose words they are. The same table is written as CSV (a spreadsheet a close reader would
// otherwise build by hand) and as the "How the authors define X" section of the Markdown export;
// the HTML and DOCX exports render `FacetTable` itself. Columns are in the order of the
// documents' dates, undated documents last.

/** A document as a column: its id and how a reader names it. */
export interface TableDocument {
  id: string
  title: string
  author?: string
  date?: string
}

export interface FacetTableRow {
  label: string
  role: ComponentRole
  /** Per column: the member texts of that document (empty when it leaves the element out). */
  cells: string[][]
  /** Per column: the speakers quoted in those members (empty when the author's own words). */
  quoting: string[][]
  /** Column index of the earliest dated document that includes it, or -1. */
  first: number
}

export interface FacetTable {
  /** "How the authors define “X”". */
  title: string
  term: string
  columns: TableDocument[]
  rows: FacetTableRow[]
  /** Shared quotations: who said it, the words, and which columns use it. */
  quotations: { speaker: string; text: string; columns: number[] }[]
}

/** Separator of several members' words in one cell. */
export const CELL_SEPARATOR = ' | '

/** The facet table of a definitions result over `documents` (see above). */
export function facetTable(result: DefinitionResult, documents: readonly TableDocument[]): FacetTable {
  const columns = documents
    .map((d, i) => ({ d, i, key: dateKey(d.date) }))
    .sort((a, b) => (a.key && b.key ? (a.key < b.key ? -1 : a.key > b.key ? 1 : a.i - b.i) : a.key ? -1 : b.key ? 1 : a.i - b.i))
    .map(({ d }) => d)
  const column = new Map(columns.map((d, i) => [d.id, i]))
  const rows = result.facets.map((f) => {
    const cells: string[][] = columns.map(() => [])
    const quoting: string[][] = columns.map(() => [])
    for (const m of f.members) {
      const c = column.get(m.doc)
      if (c === undefined) continue
      cells[c].push(m.text)
      const speaker = result.definitions[m.definition]?.quoted?.speaker
      if (speaker && !quoting[c].includes(speaker)) quoting[c].push(speaker)
    }
    const earliest = f.timeline.dated.find((e) => e.first)
    return { label: f.label, role: f.role, cells, quoting, first: earliest ? (column.get(earliest.doc) ?? -1) : -1 }
  })
  const quotations = result.quotations.map((q) => ({
    speaker: q.speaker,
    text: q.text,
    columns: q.docs.map((d) => column.get(d) ?? -1).filter((c) => c >= 0),
  }))
  return { title: `How the authors define “${result.term}”`, term: result.term, columns, rows, quotations }
}

/** A column's heading: author (or title) and date. */
export function columnName(d: TableDocument): string {
  const who = d.author?.trim() || d.title.trim() || d.id
  return d.date ? `${who} (${d.date})` : who
}

/** Cells a spreadsheet would run as a formula (OWASP "CSV Injection"): given a leading apostrophe. */
const FORMULA_START = /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/

/** The facet table as CSV: facet, role, then one column per document (UTF-8 with a byte-order mark). */
export function facetTableToCsv(table: FacetTable): string {
  const safe = (s: string): string => (FORMULA_START.test(s) ? `'${s}` : s)
  const header = ['facet', 'role', ...table.columns.map(columnName)].map(safe)
  const records = table.rows.map((r) => [
    safe(r.label),
    r.role,
    ...r.cells.map((words, c) => safe(words.join(CELL_SEPARATOR) + (r.quoting[c].length ? ` (quoting ${r.quoting[c].join(', ')})` : ''))),
  ])
  return `\ufeff${stringify([header, ...records], { quoted_match: [/[\r\n]/, /^'/], record_delimiter: '\r\n' })}`
}

/** The facet table as the Markdown section "How the authors define X". */
export function facetTableToMarkdown(table: FacetTable): string {
  const cell = (s: string): string => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim()
  const lines = [`## ${cell(table.title)}`, '']
  if (table.rows.length === 0) {
    lines.push('No element of the definitions is shared by two authors.', '')
  } else {
    lines.push(`| Element | ${table.columns.map((d) => cell(columnName(d))).join(' | ')} |`)
    lines.push(`| --- | ${table.columns.map(() => '---').join(' | ')} |`)
    for (const r of table.rows) {
      const cells = r.cells.map((words, c) => {
        if (words.length === 0) return '—'
        const text = words.map((w) => `“${cell(w)}”`).join('; ')
        const quoting = r.quoting[c].length ? ` (quoting ${cell(r.quoting[c].join(', '))})` : ''
        return `${text}${quoting}${c === r.first ? ' *(first)*' : ''}`
      })
      lines.push(`| **${cell(r.label)}** | ${cells.join(' | ')} |`)
    }
    lines.push('', '— : the author leaves the element out. *(first)*: the earliest dated use.', '')
  }
  for (const q of table.quotations.filter((x) => x.columns.length > 1)) {
    const who = q.columns.map((c) => cell(columnName(table.columns[c]))).join(', ')
    lines.push(`- ${cell(q.speaker)}: “${cell(q.text)}”, quoted by ${who}.`)
  }
  return `${lines.join('\n').trimEnd()}\n`
}
