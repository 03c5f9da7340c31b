import { stableStringify } from '../../core/project/json.js'
import { type FSWatcher, watch } from 'node:fs'
import { readdir } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import type { ApiEvent } from '../../core/contract/api.js'
import { ANNOTATIONS_DIR, DOCUMENTS_DIR, PROJECT_FILE, TAGS_FILE } from '../project/store.js'
import type { OpenProject } from './open-project.js'

// Watching the open project's folders for changes made by other programs: a source file changed
// on disk is re-read and its annotations re-anchored; an annotations file, tags.json or
// project.json changed by another program (the CLI, git) is reloaded. Hosts with a UI watch; the
// CLI does not.

/**
 * How long a file must be quiet before a change on disk is acted on: editors save in several
 * steps (write a temporary file, rename, touch), and one re-anchor per save is enough.
 */
export const WATCH_SETTLE_MS = 150

/**
 * Calls `onChange(name)` once a file in `dir` has been quiet for WATCH_SETTLE_MS after a change.
 * A folder that does not exist yet (a project's annotations/ before its first annotation) is
 * watched from when it is created in its parent folder, and the files written into it before the
 * watch began are reported then. Returns a function that stops watching.
 */
export function watchFolder(dir: string, onChange: (name: string) => Promise<void>): () => void {
  const pending = new Map<string, ReturnType<typeof setTimeout>>()
  let watcher: FSWatcher | null = null
  let parent: FSWatcher | null = null
  let stopped = false
  const changed = (name: string) => {
    clearTimeout(pending.get(name))
    pending.set(
      name,
      setTimeout(() => {
        pending.delete(name)
        onChange(name).catch(() => undefined)
      }, WATCH_SETTLE_MS),
    )
  }
  /** Watches `dir`; false when it does not exist (yet). */
  const start = (): boolean => {
    try {
      watcher = watch(dir, (_event, name) => {
        if (name && !stopped) changed(String(name))
      })
      watcher.on('error', () => undefined)
      return true
    } catch {
      return false
    }
  }
  if (!start()) {
    try {
      parent = watch(dirname(dir), (_event, name) => {
        if (stopped || watcher || String(name) !== basename(dir) || !start()) return
        parent?.close()
        parent = null
        // Files may have been written between the folder's creation and the watch's start.
        readdir(dir).then(
          (names) => names.forEach(changed),
          () => undefined,
        )
      })
      parent.on('error', () => undefined)
    } catch {
      // Not even the parent folder exists: nothing to watch.
    }
  }
  return () => {
    stopped = true
    watcher?.close()
    parent?.close()
    for (const t of pending.values()) clearTimeout(t)
    pending.clear()
  }
}

/**
 * Watches a project's folder (tags.json, project.json), its documents/ and annotations/ folders,
 * reloads or re-anchors what changed and tells `emit` ('codebook-changed', 'project-changed',
 * 'document-changed', 'annotations-changed'). Returns a function that stops watching.
 */
export function watchProject(open: OpenProject, emit: (event: ApiEvent) => void): () => void {
  // Before and after a reload are compared as stableStringify writes them: a file read back has
  // its keys in the file's order, the store's own objects in the order they were made.
  const { store, anchors } = open
  const stops = [
    watchFolder(join(store.dir, DOCUMENTS_DIR), async (name) => {
      const doc = store.project.documents.find((d) => d.file === name)
      if (!doc) return
      await anchors.anchorDocument(doc.id)
      emit({ type: 'document-changed', docId: doc.id })
    }),
    // tags.json and project.json, written by the CLI or another window: the codebook and the
    // project (documents added, metadata, excluded ranges) read again and the views told.
    watchFolder(store.dir, async (name) => {
      if (name === TAGS_FILE) {
        const before = stableStringify(store.codebook)
        await store.reload([join(store.dir, TAGS_FILE)])
        if (stableStringify(store.codebook) !== before) emit({ type: 'codebook-changed' })
      } else if (name === PROJECT_FILE) {
        const before = stableStringify(store.project)
        const known = new Set(store.project.documents.map((d) => d.id))
        await store.reload([store.projectPath])
        if (stableStringify(store.project) === before) return
        const added = store.project.documents.filter((d) => !known.has(d.id))
        await store.reload(added.map((d) => store.annotationsPath(d.id)))
        for (const d of added) await anchors.anchorDocument(d.id)
        emit({ type: 'project-changed' })
      }
    }),
    watchFolder(join(store.dir, ANNOTATIONS_DIR), async (name) => {
      const doc = store.project.documents.find((d) => `${d.id}.json` === name)
      if (!doc) return
      const before = stableStringify(store.annotationsOf(doc.id))
      await store.reload([store.annotationsPath(doc.id)])
      if (stableStringify(store.annotationsOf(doc.id)) === before) return
      await anchors.anchorDocument(doc.id)
      emit({ type: 'annotations-changed', docId: doc.id })
    }),
  ]
  return () => {
    for (const stop of stops) stop()
  }
}
