import { createWriteStream } from 'node:fs'
import { rename, rm } from 'node:fs/promises'
import { once } from 'node:events'
import { passimInput } from '../../core/reuse/passim.js'
import type { ProjectStore } from '../project/store.js'
import { syncFolder } from '../project/durable.js'
import { dirname, resolve } from 'node:path'

/**
 * Writes passim's input for every document of the project to `out`: JSON Lines, one record a
 * document (passimInput). Documents are read and written one at a time; the file appears under its
 * name only when complete. Resolves with the number of documents written.
 */
export async function exportPassim(store: ProjectStore, out: string, onDocument?: (done: number, total: number) => void): Promise<number> {
  const target = resolve(out)
  const partial = `${target}.partial`
  const stream = createWriteStream(partial)
  const documents = store.project.documents
  try {
    for (const [k, doc] of documents.entries()) {
      const line = JSON.stringify(passimInput(doc, await store.text(doc.id))) + '\n'
      if (!stream.write(line)) await once(stream, 'drain')
      onDocument?.(k + 1, documents.length)
    }
    stream.end()
    await once(stream, 'finish')
    await rename(partial, target)
    await syncFolder(dirname(target))
  } catch (e) {
    stream.destroy()
    await rm(partial, { force: true })
    throw e
  }
  return documents.length
}
