// The file endings Parallax imports, by format. Kept apart from the readers so that code which
// only needs to recognise a text file (the engine's CLI) does not load them.

/** File endings imported as plain text (.txt) or Markdown, copied as they are when UTF-8. */
export const TEXT_EXTENSIONS = new Set(['.txt', '.text'])
export const MARKDOWN_EXTENSIONS = new Set(['.md', '.markdown'])
/** Richer formats: their text is extracted and stored as a UTF-8 .txt file. */
export const HTML_EXTENSIONS = new Set(['.html', '.htm', '.xhtml'])
export const DOCX_EXTENSIONS = new Set(['.docx'])
export const PDF_EXTENSIONS = new Set(['.pdf'])
/** REFI-QDA projects: documents with their codes and codings. */
export const QDPX_EXTENSIONS = new Set(['.qdpx'])
