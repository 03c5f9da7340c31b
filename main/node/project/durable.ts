import { randomBytes } from 'node:crypto'
import { type FileHandle, open, readdir, rename, rm, stat } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

// Durable, atomic file writes: the file holds its old content or the new, never a mix and never a
// truncated copy, whatever happens (crash, kill -9, power loss, a full disk).
//
// Why not write-file-atomic (used before): it makes one fs.write call and ignores the count it
// returns. On a nearly full disk the kernel may write only part of the buffer without an error;
// write-file-atomic then fsyncs the truncated temporary file and renames it over the good one, and
// reports success. A project lost every annotation of a document that way (4,096 bytes of invalid
// JSON on disk, "saved" on screen). Here every byte is counted: the write loops until the whole
// buffer is on disk or fails, the written size is checked again before the rename, and on any
// error the temporary file is removed and the old file stays as it was.

/** The one file system call whose result the loop must respect; tests replace it to simulate short writes. */
export interface WriteIo {
  write(handle: FileHandle, buffer: Uint8Array, offset: number, length: number, position: number): Promise<{ bytesWritten: number }>
}

const nodeIo: WriteIo = {
  write: (handle, buffer, offset, length, position) => handle.write(buffer, offset, length, position),
}

/**
 * Temporary files of writeDurable: hidden, named after the target, the writing process and a random
 * part. Only these are removed as leftovers: those of write-file-atomic, which earlier versions
 * used (`<name>.json.<number>`), are named as a reader names a copy kept by hand ("tags.json.1",
 * "project.json.2024"), and a tester's were deleted when the project opened.
 */
const TEMP_FILE = /^\..+\.\d+\.[0-9a-f]{12}\.tmp$/

/** A write that did not complete; the target file is unchanged. `code` is the system's (ENOSPC: disk full). */
export class WriteFailure extends Error {
  constructor(
    readonly path: string,
    readonly code: string,
    message: string,
  ) {
    super(message)
    this.name = 'WriteFailure'
  }

  /** True when the disk (or the user's quota) is full. */
  get diskFull(): boolean {
    return this.code === 'ENOSPC' || this.code === 'EDQUOT'
  }
}

/** Writes all of `bytes` at the start of the file, looping over short writes; fails if a write makes no progress. */
async function writeAll(handle: FileHandle, bytes: Uint8Array, io: WriteIo, path: string): Promise<void> {
  let done = 0
  while (done < bytes.length) {
    const { bytesWritten } = await io.write(handle, bytes, done, bytes.length - done, done)
    // A write that makes no progress would loop forever; the system only does that when out of space.
    if (!(bytesWritten > 0)) throw new WriteFailure(path, 'ENOSPC', `no space left: wrote ${done} of ${bytes.length} bytes`)
    done += bytesWritten
  }
  const { size } = await handle.stat()
  if (size !== bytes.length) throw new WriteFailure(path, 'EIO', `wrote ${bytes.length} bytes but the file holds ${size}`)
}

/**
 * Writes `content` to `path` durably and atomically: the bytes go to a temporary file beside it,
 * every one counted, the file is fsynced and renamed over the target, then the folder is fsynced
 * so the rename itself is on disk. Resolves only when all of that is done. On any failure it
 * rejects with a WriteFailure, removes the temporary file, and leaves the target as it was.
 */
export async function writeDurable(path: string, content: string | Uint8Array, io: WriteIo = nodeIo): Promise<void> {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`)
  let handle: FileHandle | undefined
  try {
    const mode = (await stat(path).catch(() => null))?.mode ?? 0o666
    handle = await open(temp, 'wx', mode & 0o777)
    await writeAll(handle, bytes, io, path)
    await handle.sync()
    await handle.close()
    handle = undefined
    await rename(temp, path)
  } catch (e) {
    await handle?.close().catch(() => undefined)
    await rm(temp, { force: true }).catch(() => undefined)
    if (e instanceof WriteFailure) throw e
    const err = e as NodeJS.ErrnoException
    throw new WriteFailure(path, err.code ?? 'EIO', err.message)
  }
  await syncFolder(dirname(path))
}

/**
 * Removes the temporary files a crashed writer left in `dir` (writeDurable's: TEMP_FILE). Call it only while no other writer can be active in the
 * folder (the project lock held): a live writer's temporary file would be taken from under it.
 * Resolves with the names removed.
 */
export async function removeLeftovers(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[])
  const leftovers = names.filter((n) => TEMP_FILE.test(n))
  for (const n of leftovers) await rm(join(dir, n), { force: true })
  if (leftovers.length) await syncFolder(dir)
  return leftovers
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
