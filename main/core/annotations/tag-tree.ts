import type { Tag } from './codebook.js'

// This module imports no zod, so the renderer can use it and its bundle stays small; codebook.ts
// re-exports it.
//
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

/** Why `tag` cannot be put on a passage, or null when it can (it is not a category). */
export function notTaggableReason(tag: { name: string; codable?: boolean }): string | null {
  return tag.codable === false ? `“${tag.name}” is a category (a group of tags), not a tag: choose one of the tags under it` : null
}
