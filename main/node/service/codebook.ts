import { randomUUID } from 'node:crypto'
import { tagIdsOf, withTags } from '../../core/annotations/annotation.js'
import {
  addTag,
  CodebookError,
  editTag,
  findTagByName,
  notTaggableReason,
  removeTag,
  type Tag,
  unusedTagId,
} from '../../core/annotations/codebook.js'
import { ApiError, type OperationInput, type Results } from '../../core/contract/api.js'
import type { ProjectStore, Transaction } from '../project/store.js'

// Codebook operations on the open project: create, edit, merge and delete tags, each one undoable
// transaction. The rules themselves (unique names, no cycles, where sub-tags go) are in
// core/annotations/codebook.ts; a broken rule becomes an 'invalid-input' error.

/** Converts a codebook rule violation into an API error. */
async function codebookStep<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (e) {
    if (e instanceof CodebookError) throw new ApiError('invalid-input', e.message)
    throw e
  }
}

/** A new tag id, unused in `tags`. */
function newTagId(tags: readonly Tag[]): string {
  return unusedTagId(new Set(tags.map((t) => t.id)), randomUUID)
}

/** Ids for tag names, creating the tags that do not exist yet (one durable write for all). */
export async function tagIdsFor(
  store: ProjectStore,
  names: readonly string[],
  tx: Transaction,
): Promise<{ ids: string[]; created: Tag[] }> {
  const created: Tag[] = []
  for (const name of names) {
    const existing = findTagByName(store.codebook.tags, name)
    const reason = existing && notTaggableReason(existing)
    if (reason) throw new ApiError('invalid-input', reason)
  }
  const lookup = (tags: readonly Tag[]) => [...new Set(names.map((n) => findTagByName(tags, n)?.id))]
  if (names.every((n) => findTagByName(store.codebook.tags, n))) return { ids: lookup(store.codebook.tags) as string[], created }
  const codebook = await store.updateCodebook((book) => {
    created.length = 0
    let tags = book.tags
    for (const name of names) {
      if (findTagByName(tags, name)) continue
      tags = addTag(tags, newTagId(tags), { name })
      created.push(tags[tags.length - 1])
    }
    return { ...book, tags }
  }, tx)
  return { ids: lookup(codebook.tags) as string[], created }
}

export async function createTag(store: ProjectStore, input: OperationInput<'createTag'>): Promise<Results['createTag']> {
  const book = await codebookStep(() =>
    store.transaction(`Create tag "${input.name}"`, (tx) =>
      store.updateCodebook((b) => ({ ...b, tags: addTag(b.tags, newTagId(b.tags), input) }), tx),
    ),
  )
  return { tag: book.tags[book.tags.length - 1] }
}

export async function updateTag(store: ProjectStore, input: OperationInput<'updateTag'>): Promise<Results['updateTag']> {
  const { id, ...fields } = input
  const label = fields.name ? `Rename tag to "${fields.name}"` : fields.parent !== undefined ? 'Move tag' : 'Edit tag'
  const book = await codebookStep(() =>
    store.transaction(label, (tx) => store.updateCodebook((b) => ({ ...b, tags: editTag(b.tags, id, fields) }), tx)),
  )
  return { tag: book.tags.find((t) => t.id === id)! }
}

/** Sets or removes a tag's memo (tags.json `memo`), one undoable transaction. */
export async function setTagMemo(store: ProjectStore, { id, memo }: OperationInput<'setTagMemo'>): Promise<Results['setTagMemo']> {
  const tag = store.codebook.tags.find((t) => t.id === id)
  if (!tag) throw new ApiError('not-found', `no tag with id "${id}"`)
  const label = memo.trim() ? `Edit memo on tag "${tag.name}"` : `Remove memo on tag "${tag.name}"`
  const book = await codebookStep(() =>
    store.transaction(label, (tx) => store.updateCodebook((b) => ({ ...b, tags: editTag(b.tags, id, { memo }) }), tx)),
  )
  return { tag: book.tags.find((t) => t.id === id)! }
}

/** Rewrites the tag references of every annotation, in one transaction. Returns how many changed. */
async function retag(store: ProjectStore, tx: Transaction, change: (ids: string[]) => string[]): Promise<number> {
  let changed = 0
  for (const d of store.project.documents) {
    if (!store.annotationsOf(d.id).some((a) => tagIdsOf(a).length)) continue
    await store.updateAnnotations(
      d.id,
      (items) =>
        items.map((a) => {
          const before = tagIdsOf(a)
          const after = [...new Set(change(before))]
          if (after.join() === before.join()) return a
          changed++
          return withTags(a, after)
        }),
      tx,
    )
  }
  return changed
}

/** Moves tag `from`'s annotations and sub-tags to `into` and removes `from`. */
export async function mergeTags(store: ProjectStore, { from, into }: OperationInput<'mergeTags'>): Promise<Results['mergeTags']> {
  const tags = store.codebook.tags
  const source = tags.find((t) => t.id === from)
  const target = tags.find((t) => t.id === into)
  if (!source || !target) throw new ApiError('not-found', `no tag with id "${source ? into : from}"`)
  const moved = await codebookStep(() =>
    store.transaction(`Merge "${source.name}" into "${target.name}"`, async (tx) => {
      removeTag(store.codebook.tags, from, into) // Checks the merge before any file changes.
      const n = await retag(store, tx, (ids) => ids.map((t) => (t === from ? into : t)))
      await store.updateCodebook((b) => ({ ...b, tags: removeTag(b.tags, from, into) }), tx)
      return n
    }),
  )
  return { into: store.codebook.tags.find((t) => t.id === into)!, moved }
}

/** Removes a tag from the codebook and its annotations, or merges it into `reassignTo`. */
export async function deleteTag(store: ProjectStore, { id, reassignTo }: OperationInput<'deleteTag'>): Promise<Results['deleteTag']> {
  if (reassignTo !== undefined) {
    const { moved } = await mergeTags(store, { from: id, into: reassignTo })
    return { deleted: id, changed: moved }
  }
  const tag = store.codebook.tags.find((t) => t.id === id)
  if (!tag) throw new ApiError('not-found', `no tag with id "${id}"`)
  const changed = await codebookStep(() =>
    store.transaction(`Delete tag "${tag.name}"`, async (tx) => {
      const n = await retag(store, tx, (ids) => ids.filter((t) => t !== id))
      await store.updateCodebook((b) => ({ ...b, tags: removeTag(b.tags, id) }), tx)
      return n
    }),
  )
  return { deleted: id, changed }
}
