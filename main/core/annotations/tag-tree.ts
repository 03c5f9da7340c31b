import type { Tag } from './codebook.js'

// Walks of the codebook's tag tree (tags point to their parent by id). This module imports no zod,
// so the renderer can use it and its bundle stays small; codebook.ts re-exports it.

/** Ids of a tag's descendants (children, their children, …), not including the tag itself. */
export function descendantIds(tags: readonly Tag[], id: string): Set<string> {
  const out = new Set<string>()
  const stack = [id]
  while (stack.length) {
    const parent = stack.pop()!
    for (const t of tags) {
      if (t.parent === parent && !out.has(t.id) && t.id !== id) {
        out.add(t.id)
        stack.push(t.id)
      }
    }
  }
  return out
}
