// When each author used something (a facet, a shared quotation): the documents in the order of
// their dates, the earliest marked. A document without a date, or with one that does not read as
// a date, is listed apart and never placed by guess.

/** One dated use. `first` marks the earliest date (several when they share it). */
export interface TimelineEntry {
  doc: string
  date: string
  first: boolean
}

export interface Timeline {
  /** Dated documents, earliest first (ties in the given order). */
  dated: TimelineEntry[]
  /** Documents without a usable date, in the given order. */
  undated: string[]
}

/** A date as the project stores it: YYYY, YYYY-MM or YYYY-MM-DD (ISO 8601, optionally with a time). */
const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ].*)?$/

/** Sortable key of a date, or null when it is not one. "2024" sorts before "2024-03". */
export function dateKey(date: string | undefined): string | null {
  const m = ISO_DATE.exec((date ?? '').trim())
  if (!m) return null
  return `${m[1]}-${m[2] ?? '00'}-${m[3] ?? '00'}`
}

/** The timeline of `docs` (distinct ids, in their order of appearance) by `dates` (doc id → date). */
export function timelineOf(docs: readonly string[], dates: Readonly<Record<string, string>>): Timeline {
  const dated: { doc: string; date: string; key: string }[] = []
  const undated: string[] = []
  for (const doc of docs) {
    const key = dateKey(dates[doc])
    if (key) dated.push({ doc, date: dates[doc].trim(), key })
    else undated.push(doc)
  }
  dated.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  const earliest = dated[0]?.key
  return { dated: dated.map(({ doc, date, key }) => ({ doc, date, first: key === earliest })), undated }
}
