import type { Stats } from 'node:fs'
import { realpath, stat, statfs } from 'node:fs/promises'
import { resolve } from 'node:path'
import { ApiError } from '../../core/contract/api.js'

// Paths that are not documents or project folders however they look: the kernel's views of
// processes and devices (/proc, /sys, /dev) and files that are not regular files (devices, FIFOs,
// sockets). Reading them may never end (a FIFO waits for a writer, /dev/zero never stops, a
// folder walk of /proc follows every process), so they are refused, with one clear message,
// before anything reads them.

/** Folders of the kernel's pseudo file systems, refused with all they hold. */
const SYSTEM_FOLDERS = ['/proc', '/sys', '/dev']

/**
 * Pseudo file systems by statfs magic number (linux/magic.h), refused wherever they are mounted:
 * proc, sysfs, devpts, debugfs, tracefs, securityfs, cgroup, cgroup2, bpf, pstore, mqueue.
 */
const PSEUDO_FILE_SYSTEMS = new Set([
  0x9fa0, 0x62656572, 0x1cd1, 0x64626720, 0x74726163, 0x73636673, 0x27e0eb, 0x63677270, 0xcafe4a11, 0x6165676c, 0x19800202,
])

/** What a path that is not a regular file or folder is, in words. */
function kindOf(info: Stats): string {
  if (info.isFIFO()) return 'a named pipe (FIFO)'
  if (info.isSocket()) return 'a socket'
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device'
  return 'not a regular file'
}

/** The system folder holding `real` (a resolved path), or undefined. */
function systemFolderOf(real: string): string | undefined {
  return SYSTEM_FOLDERS.find((f) => real === f || real.startsWith(f + '/'))
}

/**
 * Throws a clear error when `path` is in a system folder or on a pseudo file system, or is
 * neither a regular file nor a folder. `what` names what the path was given as ("a project
 * folder", "a document to import"). A path that does not exist passes (the caller reports it) unless it would be in a system folder.
 */
export async function refuseSpecialPath(path: string, what: string): Promise<void> {
  const real = await realpath(path).catch(() => null)
  const folder = systemFolderOf(real ?? resolve(path))
  if (real === null && !folder) return
  if (folder) throw new ApiError('invalid-input', `${path} is inside ${folder}, a view of the system kept by the kernel, not ${what}`)
  const info = await stat(real!)
  if (!info.isFile() && !info.isDirectory()) throw new ApiError('invalid-input', `${path} is ${kindOf(info)}, not ${what}`)
  const fs = await statfs(real!).catch(() => null)
  if (fs && PSEUDO_FILE_SYSTEMS.has(fs.type))
    throw new ApiError(
      'invalid-input',
      `${path} is on a system file system kept by the kernel (type 0x${fs.type.toString(16)}), not ${what}`,
    )
}
