import type { Annotation } from './annotation.js'

// Annotation ids are unique in a project: editing, deleting and anchoring find an annotation by
// its id, so two annotations sharing one would be edited (or placed) as one. Two cases:
//   - an import bringing an id the project already holds (the same .qdpx imported twice): the
//     newcomer gets a fresh id and keeps the old one as W3C `via` ("the annotation it was derived
//     from"), so the mapping travels with the annotation;
//   - a file that already holds one id several times (written by hand or another tool): the
//     first copy is the one the app shows and edits, the later copies stay in the file as they
//     are, and the file is reported (see ProjectStore).
// An annotation file that cannot be read (truncated, hand-edited into invalid JSON) still holds
// ids that come back once it is mended: the ids it mentions (`idsMentioned`) count as taken.

/** Annotations split into the first of each id (what the app works on) and the later copies of an id. */
export function splitDuplicateIds(items: readonly Annotation[]): { usable: Annotation[]; duplicates: Annotation[] } {
  const seen = new Set<string>()
  const usable: Annotation[] = []
  const duplicates: Annotation[] = []
  for (const a of items) {
    if (seen.has(a.id)) duplicates.push(a)
    else {
      seen.add(a.id)
      usable.push(a)
    }
  }
  return { usable, duplicates }
}

/**
 * The annotations with every id already in `taken` (or repeated among them) replaced by a fresh one
 * from `newId`, the old id kept as `via`; `taken` gains every id returned. `renamed` maps each
 * replaced id to its new one (in order; an id repeated in `items` appears once per copy).
 */
export function withUniqueIds(
  items: readonly Annotation[],
  taken: Set<string>,
  newId: () => string,
): { items: Annotation[]; renamed: [from: string, to: string][] } {
  const renamed: [string, string][] = []
  const out = items.map((a) => {
    if (!taken.has(a.id)) {
      taken.add(a.id)
      return a
    }
    let id = newId()
    while (taken.has(id)) id = newId()
    taken.add(id)
    renamed.push([a.id, id])
    return { ...a, id, via: a.id }
  })
  return { items: out, renamed }
}

/** `"id": "…"` or `"@id": "…"` in JSON text, the string's escapes undecoded. */
const ID_MEMBER = /"@?id"\s*:\s*"((?:[^"\\]|\\.)*)"/g

/**
 * Every string a JSON text gives as an `id` (or `@id`), found without parsing it, so also in a
 * file that is truncated, hand-edited into invalid JSON or does not match the format. More than
 * the annotations' ids may be found (a page's or a body's id): as taken ids, they cost at most a
 * needless new id, never a shared one.
 */
export function idsMentioned(json: string): string[] {
  const ids: string[] = []
  for (const match of json.matchAll(ID_MEMBER)) {
    try {
      ids.push(JSON.parse(`"${match[1]}"`) as string)
    } catch {
      ids.push(match[1]) // an escape cut short: the id as written
    }
  }
  return ids
}
