// Documents as the views name them: by their titles, and where two documents or more share one,
// with the file each was imported from after it. A title is what the text states about itself
// (main/core/project/metadata.ts), and in a large corpus many state the same: 16 of Debian's
// copyright files state "LibreOffice", one per package built from its source, and the sidebar, the
// pane pickers and the overlap list named them alike (a tester of 900 files).

/** What a view reads of a document to name it. */
export interface Named {
  id: string
  title: string
  file?: string
}

/** Between a title and the file that tells it apart. */
const APART = ' · '

/**
 * Each document's name (by id): its title, or `title · file` (the file's name without its
 * extension) where another document has the same title; a document without a title by its file
 * or id.
 */
export function documentNames(documents: readonly Named[]): Map<string, string> {
  const count = new Map<string, number>()
  for (const d of documents) count.set(d.title, (count.get(d.title) ?? 0) + 1)
  return new Map(
    documents.map((d) => {
      const file = (d.file ?? d.id).replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '')
      if (!d.title) return [d.id, file]
      return [d.id, (count.get(d.title) ?? 0) > 1 && file !== d.title ? `${d.title}${APART}${file}` : d.title]
    }),
  )
}
