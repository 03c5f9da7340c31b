import { open } from 'node:fs/promises'
import { dirname } from 'node:path'
import writeFileAtomic from 'write-file-atomic'

/**
 * Writes `content` to `path` so that, whatever happens (crash, kill -9, power loss), the file holds
 * either its old content or the new, never a mix: write-file-atomic writes a temporary file beside
 * it, fsyncs it and renames it over the target; then the folder is fsynced so the rename itself is
 * on disk. Resolves only when all of that is done.
 */
export async function writeDurable(path: string, content: string | Uint8Array): Promise<void> {
  await writeFileAtomic(path, typeof content === 'string' ? content : Buffer.from(content), { encoding: 'utf8', fsync: true })
  await syncFolder(dirname(path))
}

/** fsyncs a folder's entry table. Platforms that cannot open a folder (Windows) skip it. */
export async function syncFolder(dir: string): Promise<void> {
  let handle
  try {
    handle = await open(dir, 'r')
  } catch {
    return
  }
  try {
    await handle.sync()
  } catch (e) {
    // EINVAL/EPERM/EISDIR: the platform does not sync folders; the file itself is synced.
    if (!['EINVAL', 'EPERM', 'EISDIR', 'EBADF'].includes((e as NodeJS.ErrnoException).code ?? '')) throw e
  } finally {
    await handle.close()
  }
}
