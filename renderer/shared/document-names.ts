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
 * extension; with it, or the document's id, where that is not enough) where another document has
 * the same title; a document without a title by its file or id. A document whose file is named as
 * its title keeps the title alone beside those the file tells apart: "apt" and "apt · libapt-pkg",
 * not "apt · apt" (a tester of Debian's copyright files, whose files are named after packages).
 */
export function documentNames(documents: readonly Named[]): Map<string, string> {
  const file = (d: Named) => (d.file ?? d.id).replace(/^.*[\\/]/, '')
  const stem = (d: Named) => file(d).replace(/\.[^.]+$/, '')
  const ways: ((d: Named) => string)[] = [
    (d) => d.title || stem(d),
    (d) => (d.title && d.title.toLowerCase() !== stem(d).toLowerCase() ? `${d.title}${APART}${stem(d)}` : d.title || file(d)),
    (d) => `${d.title || file(d)}${APART}${file(d)}`,
    (d) => `${d.title || file(d)}${APART}${d.id}`,
  ]
  const names = new Map(documents.map((d) => [d.id, ways[0](d)]))
  // Each way in turn for the documents whose names are still shared; ids are unique.
  for (const way of ways.slice(1)) {
    const count = new Map<string, number>()
    for (const name of names.values()) count.set(name, (count.get(name) ?? 0) + 1)
    for (const d of documents) if (count.get(names.get(d.id)!)! > 1) names.set(d.id, way(d))
  }
  return names
}

/**
 * A document's short name, as the matrix, the overlap list's cards and the variants name it: its
 * author, else its outlet's name (before any bracket or comma: "Xinhua (Beijing), English"), else
 * `titled`, its title as the views give it (documentNames).
 */
export function shortName(d: { author: string; outlet: string; title: string }, titled = d.title): string {
  return d.author || d.outlet.split(/[(,]/)[0].trim() || titled
}

/**
 * The names of documents shown together (an overlap's card, a pair of the variants): each one's
 * `short` name, and where two of them share it, each one's `full` name (documentNames): an
 * article and its copy, or two texts of one author, are told apart (a tester's card read "Yang
 * Yundong · Yang Yundong").
 */
export function namesTogether(ids: readonly string[], short: (id: string) => string, full: (id: string) => string): string[] {
  const shorts = ids.map(short)
  const count = new Map<string, number>()
  for (const name of shorts) count.set(name, (count.get(name) ?? 0) + 1)
  return ids.map((id, k) => (count.get(shorts[k])! > 1 ? full(id) : shorts[k]))
}
