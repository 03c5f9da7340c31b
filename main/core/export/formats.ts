// The formats annotated excerpts are exported in: the one list the API contract's enum, the CLI,
// the exporter and the page's export dialog read.

/** Export format ids, as the API and the CLI's --format take them. */
export const EXPORT_FORMAT_IDS = ['md', 'html', 'docx', 'csv', 'pdf', 'jsonld', 'qdpx', 'qdc', 'facets'] as const
export type ExportFormat = (typeof EXPORT_FORMAT_IDS)[number]

export interface ExportFormatInfo {
  id: ExportFormat
  /** Its name for people, e.g. in the export dialog. */
  label: string
  /** What follows the project's base name in the exported file's name. */
  suffix: string
  mediaType: string
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

/** Every export format, by id, in the order of EXPORT_FORMAT_IDS. */
export const EXPORT_FORMATS: Readonly<Record<ExportFormat, ExportFormatInfo>> = {
  md: { id: 'md', label: 'Markdown', suffix: '.excerpts.md', mediaType: 'text/markdown; charset=utf-8' },
  html: { id: 'html', label: 'HTML (printable)', suffix: '.excerpts.html', mediaType: 'text/html; charset=utf-8' },
  docx: { id: 'docx', label: 'Word (DOCX)', suffix: '.excerpts.docx', mediaType: DOCX },
  csv: { id: 'csv', label: 'CSV (one row per annotation)', suffix: '.excerpts.csv', mediaType: 'text/csv; charset=utf-8' },
  pdf: { id: 'pdf', label: 'PDF', suffix: '.excerpts.pdf', mediaType: 'application/pdf' },
  jsonld: { id: 'jsonld', label: 'W3C Web Annotation (JSON-LD)', suffix: '.annotations.jsonld', mediaType: 'application/ld+json' },
  qdpx: { id: 'qdpx', label: 'REFI-QDA project (.qdpx)', suffix: '.qdpx', mediaType: 'application/zip' },
  qdc: { id: 'qdc', label: 'REFI-QDA codebook (.qdc)', suffix: '.codebook.qdc', mediaType: 'application/xml' },
  facets: {
    id: 'facets',
    label: 'CSV: how the authors define the term (facet × author matrix)',
    suffix: '.definitions.csv',
    mediaType: 'text/csv; charset=utf-8',
  },
}

/** Formats that can carry the section "How the authors define X" (the facet matrix) after the excerpts. */
export const DEFINITIONS_SECTION_FORMATS: readonly ExportFormat[] = ['md', 'html', 'docx', 'pdf']

/** Whether `id` names an export format. */
export function isExportFormat(id: string): id is ExportFormat {
  return (EXPORT_FORMAT_IDS as readonly string[]).includes(id)
}
