import * as z from 'zod'
import { withMemo } from '../project/memo.js'
import { paletteColour, TAG_PALETTE } from './tag-colours.js'
import {
  ancestorsOf,
  descendantIds,
  notTaggableReason,
  tagDepth,
  tagPath,
  tagsInTreeOrder,
  tagTree,
  type TreeEntry,
  withDescendantIds,
} from './tag-tree.js'

// Walks of the tag tree are in tag-tree.ts, the palette in tag-colours.ts (no zod, so the renderer
// can use them).
export { ancestorsOf, descendantIds, notTaggableReason, tagDepth, tagPath, tagsInTreeOrder, tagTree, type TreeEntry, withDescendantIds }
export { paletteColour, TAG_PALETTE }

// tags.json: the codebook. Tags are referenced from annotations by id, so renaming a tag never
// touches an annotation file.

/** A tag colour: CSS hex, #rrggbb. */
export const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/

export const Tag = z.looseObject({
  id: z.string().regex(/^[A-Za-z0-9_-]+$/),
  name: z.string().min(1),
  /** CSS hex colour, #rrggbb. */
  colour: z.string().regex(HEX_COLOUR),
  /** Id of the parent tag, or null at the top level. */
  parent: z.string().nullable().default(null),
  description: z.string().default(''),
  /**
   * False for a category (a REFI-QDA code with isCodable="false"): a group of tags, shown as such
   * in the codebook, that no passage may carry. Absent means codable (files written before it).
   */
  codable: z.boolean().optional(),
  /**
   * The tag's memo (Markdown): the reader's note about the code itself (its definition, rules,
   * doubts), as QDA tools keep a code memo; `description` stays the one-line gloss. Absent when
   * there is none, so files written before it read unchanged (and older versions keep it, unknown
   * keys being kept).
   */
  memo: z.string().optional(),
})
export type Tag = z.infer<typeof Tag>

export const CodebookFile = z.looseObject({
  tags: z.array(Tag).default([]),
})
export type CodebookFile = z.infer<typeof CodebookFile>

/**
 * A tag's colour, or `fallback` when there is no tag or its colour is not #rrggbb: files are
 * validated on load, but what goes into a style attribute or a document is checked again.
 */
export function safeColour(tag: Tag | undefined, fallback = '#888888'): string {
  return tag && HEX_COLOUR.test(tag.colour) ? tag.colour : fallback
}

/** Finds a tag by name, ignoring case and surrounding space. */
export function findTagByName(tags: readonly Tag[], name: string): Tag | undefined {
  const key = name.trim().toLocaleLowerCase()
  return tags.find((t) => t.name.trim().toLocaleLowerCase() === key)
}

/**
 * A tag id no tag in `taken` has: "t" and the first eight characters of `randomId()` (a UUID),
 * drawn again on a clash.
 */
export function unusedTagId(taken: ReadonlySet<string>, randomId: () => string): string {
  let id: string
  do id = `t${randomId().slice(0, 8)}`
  while (taken.has(id))
  return id
}

/** A problem with a codebook change, in words for the person making it. */
export class CodebookError extends Error {}

function byId(tags: readonly Tag[], id: string): Tag {
  const tag = tags.find((t) => t.id === id)
  if (!tag) throw new CodebookError(`no tag with id "${id}"`)
  return tag
}

function uniqueName(tags: readonly Tag[], name: string, except?: string): string {
  const trimmed = name.trim()
  if (!trimmed) throw new CodebookError('a tag needs a name')
  const clash = findTagByName(tags, trimmed)
  if (clash && clash.id !== except) throw new CodebookError(`there is already a tag named "${clash.name}"`)
  return trimmed
}

function checkParent(tags: readonly Tag[], id: string | null, parent: string | null): void {
  if (parent === null) return
  byId(tags, parent)
  if (id !== null && (parent === id || descendantIds(tags, id).has(parent))) {
    throw new CodebookError('a tag cannot be placed under itself or one of its own sub-tags')
  }
}

export interface TagFields {
  name?: string
  colour?: string
  parent?: string | null
  description?: string
  /** The memo (Markdown); '' removes it. */
  memo?: string
}

/** The codebook with a new tag added. */
export function addTag(tags: readonly Tag[], id: string, fields: TagFields & { name: string }): Tag[] {
  const parent = fields.parent ?? null
  checkParent(tags, null, parent)
  const tag = Tag.parse({
    id,
    name: uniqueName(tags, fields.name),
    colour: fields.colour ?? paletteColour(tags.length),
    parent,
    description: fields.description ?? '',
  })
  return [...tags, withMemo(tag, fields.memo)]
}

/** The codebook with one tag's fields changed (rename, colour, re-parent, description). */
export function editTag(tags: readonly Tag[], id: string, fields: TagFields): Tag[] {
  const tag = byId(tags, id)
  if (fields.parent !== undefined) checkParent(tags, id, fields.parent)
  const next = Tag.parse({
    ...tag,
    ...(fields.name !== undefined ? { name: uniqueName(tags, fields.name, id) } : {}),
    ...(fields.colour !== undefined ? { colour: fields.colour } : {}),
    ...(fields.parent !== undefined ? { parent: fields.parent } : {}),
    ...(fields.description !== undefined ? { description: fields.description } : {}),
  })
  return tags.map((t) => (t.id === id ? withMemo(next, fields.memo) : t))
}

/**
 * The codebook without tag `id`. Its sub-tags move to `into` when given (a merge), else up to the
 * removed tag's parent.
 */
export function removeTag(tags: readonly Tag[], id: string, into?: string): Tag[] {
  const tag = byId(tags, id)
  if (into !== undefined) {
    byId(tags, into)
    if (into === id) throw new CodebookError('a tag cannot be merged into itself')
    if (descendantIds(tags, id).has(into)) throw new CodebookError('a tag cannot be merged into one of its own sub-tags')
  }
  const newParent = into ?? tag.parent
  return tags.filter((t) => t.id !== id).map((t) => (t.parent === id ? { ...t, parent: newParent } : t))
}

/**
 * How deep tags may nest. A tree this deep is already unreadable in the codebook panel; deeper
 * ones (usually a generated or damaged file) are shown from this depth at the top level.
 */
export const MAX_TAG_DEPTH = 64

/** A codebook as it can be used, and what was wrong with the file, in words. */
export interface CheckedCodebook {
  /** The tags, each id once, every parent an existing tag, no cycles, at most MAX_TAG_DEPTH deep. */
  tags: Tag[]
  problems: string[]
}

/**
 * Checks a codebook read from a file: duplicate ids (the first is used), duplicate names, missing
 * parents and parent cycles (those tags shown at the top level), nesting deeper than
 * MAX_TAG_DEPTH. The file itself is left as it is; callers report the problems and work on `tags`.
 */
export function checkCodebook(input: readonly Tag[]): CheckedCodebook {
  const problems: string[] = []
  const seen = new Set<string>()
  const tags: Tag[] = []
  for (const t of input) {
    if (seen.has(t.id))
      problems.push(`tag id "${t.id}" is used by more than one tag; only the first ("${tags.find((x) => x.id === t.id)!.name}") is used`)
    else {
      seen.add(t.id)
      tags.push(t)
    }
  }
  const names = new Map<string, string>()
  for (const t of tags) {
    const key = t.name.trim().toLowerCase() // Not toLocaleLowerCase: ~50 µs a call.
    if (names.has(key)) problems.push(`tag name "${t.name}" is used by more than one tag (ids "${names.get(key)}" and "${t.id}")`)
    else names.set(key, t.id)
  }
  const byIdMap = new Map(tags.map((t) => [t.id, t]))
  const parent = new Map<string, string | null>()
  for (const t of tags) {
    if (t.parent !== null && !byIdMap.has(t.parent)) {
      problems.push(`tag "${t.name}" has a parent "${t.parent}" that does not exist; shown at the top level`)
      parent.set(t.id, null)
    } else parent.set(t.id, t.parent)
  }
  // Walk up from each tag; a tag met twice on one walk closes a cycle, which is cut at that tag.
  // Tags whose walk ended are known to reach the top level: later walks stop at them.
  const done = new Set<string>()
  for (const t of tags) {
    const path: string[] = []
    const onPath = new Set<string>()
    let at: string | null = t.id
    while (at !== null && !done.has(at)) {
      if (onPath.has(at)) {
        const cycle = path.slice(path.indexOf(at)).map((id) => `"${byIdMap.get(id)!.name}"`)
        const shown = cycle.length > 6 ? [...cycle.slice(0, 5), `… (${cycle.length} tags)`] : cycle
        problems.push(`tags ${shown.join(' → ')} are each other's parents (a cycle); "${byIdMap.get(at)!.name}" is shown at the top level`)
        parent.set(at, null)
        break
      }
      onPath.add(at)
      path.push(at)
      at = parent.get(at) ?? null
    }
    for (const id of path) done.add(id)
  }
  // Depth, now that the parents form a forest: parents before children, from the top level down.
  const children = new Map<string | null, string[]>()
  for (const t of tags) {
    const p = parent.get(t.id) ?? null
    const list = children.get(p)
    if (list) list.push(t.id)
    else children.set(p, [t.id])
  }
  const queue: [string, number][] = (children.get(null) ?? []).map((id) => [id, 1])
  let tooDeep = 0
  for (let i = 0; i < queue.length; i++) {
    const [id, d] = queue[i]
    for (const c of children.get(id) ?? []) {
      if (d >= MAX_TAG_DEPTH) {
        parent.set(c, null)
        tooDeep++
        queue.push([c, 1])
      } else queue.push([c, d + 1])
    }
  }
  if (tooDeep)
    problems.push(`tags nest more than ${MAX_TAG_DEPTH} levels deep; ${tooDeep} tag(s) below that depth are shown at the top level`)
  const changed = tags.map((t) => (parent.get(t.id) === t.parent ? t : { ...t, parent: parent.get(t.id) ?? null }))
  return { tags: changed, problems }
}
