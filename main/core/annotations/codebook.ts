import { z } from 'zod'

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
})
export type Tag = z.infer<typeof Tag>

export const CodebookFile = z.looseObject({
  tags: z.array(Tag).default([]),
})
export type CodebookFile = z.infer<typeof CodebookFile>

/**
 * Colours given to new tags in turn: distinguishable from each other, readable as a highlight
 * under dark text in the light theme and under light text (at reduced opacity) in the dark theme.
 */
export const TAG_PALETTE = ['#e6a23c', '#5b8ff9', '#5ad8a6', '#e8684a', '#9270ca', '#ff9d4d', '#269a99', '#ff99c3', '#6dc8ec', '#c2a25b']

/** The colour for the n-th tag of a codebook. */
export function paletteColour(n: number): string {
  return TAG_PALETTE[n % TAG_PALETTE.length]
}

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

// Walking the codebook tree. Tags name their parent by id; a file edited by hand or by another tool
// may name a parent that does not exist, or make a cycle. Every walk here ends on such a file:
// a tag whose parent is missing sits at the top level, and a cycle is walked once.

/** The sub-tags of each tag id (null: the top level), in codebook order. */
function childrenByParent<T extends Tag>(tags: readonly T[]): Map<string | null, T[]> {
  const out = new Map<string | null, T[]>()
  for (const t of tags) {
    const list = out.get(t.parent)
    if (list) list.push(t)
    else out.set(t.parent, [t])
  }
  return out
}

/** Ids of a tag's descendants (children, their children, …), not including the tag itself. */
export function descendantIds(tags: readonly Tag[], id: string): Set<string> {
  const out = withDescendantIds(tags, [id])
  out.delete(id)
  return out
}

/** The ids given and the ids of all their descendants. */
export function withDescendantIds(tags: readonly Tag[], ids: Iterable<string>): Set<string> {
  const children = childrenByParent(tags)
  const out = new Set<string>()
  const stack = [...ids]
  for (const id of stack) out.add(id)
  while (stack.length) {
    for (const child of children.get(stack.pop()!) ?? []) {
      if (out.has(child.id)) continue
      out.add(child.id)
      stack.push(child.id)
    }
  }
  return out
}

/** A tag's ancestors, nearest first (parent, grandparent, …), up to the top level. */
export function ancestorsOf(tags: readonly Tag[], tag: Tag): Tag[] {
  const byId = new Map<string, Tag>()
  for (const t of tags) if (!byId.has(t.id)) byId.set(t.id, t)
  const out: Tag[] = []
  const seen = new Set([tag.id])
  for (let t = byId.get(tag.parent ?? ''); t && !seen.has(t.id); t = byId.get(t.parent ?? '')) {
    seen.add(t.id)
    out.push(t)
  }
  return out
}

/** How deep a tag sits in the tree: 0 at the top level, 1 under a top-level tag, and so on. */
export function tagDepth(tags: readonly Tag[], tag: Tag): number {
  return ancestorsOf(tags, tag).length
}

/** The names from the top of the codebook down to the tag, e.g. "Economy › Growth". */
export function tagPath(tags: readonly Tag[], tag: Tag): string {
  const names = ancestorsOf(tags, tag).map((t) => t.name)
  return [...names.reverse(), tag.name].join(' › ')
}

/** A tag in tree order with its depth (0 at the top level). */
export interface TreeEntry<T extends Tag = Tag> {
  tag: T
  depth: number
}

/**
 * Every tag in tree order: each top-level tag followed by its sub-tags, depth first, siblings in
 * codebook order. A tag whose parent is missing counts as top level; tags in a cycle follow at the
 * end, in codebook order.
 */
export function tagTree<T extends Tag>(tags: readonly T[]): TreeEntry<T>[] {
  const ids = new Set(tags.map((t) => t.id))
  const children = childrenByParent(tags)
  const out: TreeEntry<T>[] = []
  const seen = new Set<string>()
  const visit = (tag: T, depth: number) => {
    if (seen.has(tag.id)) return
    seen.add(tag.id)
    out.push({ tag, depth })
    for (const child of children.get(tag.id) ?? []) visit(child, depth + 1)
  }
  for (const t of tags) if (t.parent === null || !ids.has(t.parent)) visit(t, 0)
  for (const t of tags) visit(t, 0)
  return out
}

/** Every tag in tree order (see tagTree). */
export function tagsInTreeOrder<T extends Tag>(tags: readonly T[]): T[] {
  return tagTree(tags).map((e) => e.tag)
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
  return [...tags, tag]
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
  return tags.map((t) => (t.id === id ? next : t))
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
