// The formats Parallax imports and the file endings they are recognised by: the one list the
// importer, the desktop app's "Add Documents…" dialog and the page's file picker read. Kept apart
// from the readers so that code which only needs to recognise a file (the CLI's engine commands,
// the UI) does not load them.

/** What an imported file is read as. */
export type ImportFormatId = 'text' | 'markdown' | 'html' | 'docx' | 'pdf' | 'qdpx'

export interface ImportFormat {
  id: ImportFormatId
  /** Its name for people, e.g. in a file dialog's filter. */
  label: string
  /** File endings, lower case with the dot; the first is the one messages name. */
  extensions: readonly string[]
}

/**
 * Every format imported, in the order messages list them. Plain text and Markdown are copied as
 * they are when UTF-8; HTML, DOCX and PDF have their text extracted and stored as a UTF-8 .txt
 * file; a REFI-QDA project brings its documents with their codes and codings.
 */
export const IMPORT_FORMATS: readonly ImportFormat[] = [
  { id: 'text', label: 'Plain text', extensions: ['.txt', '.text'] },
  { id: 'markdown', label: 'Markdown', extensions: ['.md', '.markdown'] },
  { id: 'html', label: 'Web page (HTML)', extensions: ['.html', '.htm', '.xhtml'] },
  { id: 'docx', label: 'Word (DOCX)', extensions: ['.docx'] },
  { id: 'pdf', label: 'PDF', extensions: ['.pdf'] },
  { id: 'qdpx', label: 'REFI-QDA project (.qdpx)', extensions: ['.qdpx'] },
]

/** Every file ending imported, lower case with the dot (for a file picker's `accept`: join with ","). */
export const IMPORT_EXTENSIONS: readonly string[] = IMPORT_FORMATS.flatMap((f) => f.extensions)

/** The formats as a message lists them: ".txt, .md, .html, .docx, .pdf and .qdpx". */
export const IMPORT_FORMATS_LIST = IMPORT_FORMATS.map((f) => f.extensions[0])
  .join(', ')
  .replace(/, ([^,]*)$/, ' and $1')

/** The ending of a file name or path, lower case with the dot ('' without one), as node:path's extname finds it. */
export function extensionOf(path: string): string {
  const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1)
  const dot = name.lastIndexOf('.')
  return dot > 0 ? name.slice(dot).toLowerCase() : ''
}

/** The format a file is imported as, by its ending; undefined when Parallax does not import it. */
export function importFormatOf(path: string): ImportFormatId | undefined {
  const ext = extensionOf(path)
  return IMPORT_FORMATS.find((f) => f.extensions.includes(ext))?.id
}

/**
 * Whether a file's name is only a name, without an ending a format is known by: "README",
 * "COPYING", "GPL-2", "LGPL-2.1", "MPL-2.0" (an ending of digits is a version, not a format).
 * An import reads such a file as plain text, and refuses it when its bytes are not text: Debian's
 * /usr/share/common-licenses and a project's README and NEWS are named so, and a tester was told
 * `cannot import ".1" files` of LGPL-2.1.
 */
export function namedOnly(path: string): boolean {
  const ext = extensionOf(path)
  return ext === '' || /^\.\d+$/.test(ext)
}
