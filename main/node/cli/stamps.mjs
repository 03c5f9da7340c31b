// Whether the CLI's bundle is current (run.mjs): plain JavaScript, as run.mjs is, so that Node reads
// it without a loader. The stamps are written by the build (electron.config.ts CLI_STAMPS).
import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

/**
 * Whether the bundle whose stamps `stampsFile` holds is current: every file it lists, as a path
 * from `root`, still has the size and modification time it had when the bundle was made. False
 * when the stamps are missing, unreadable or not stamps (a build cut short, another version's).
 *
 * @param {string} stampsFile
 * @param {string} root
 * @returns {boolean}
 */
export function isCurrent(stampsFile, root) {
  let files
  try {
    files = JSON.parse(readFileSync(stampsFile, 'utf8')).files
  } catch {
    return false
  }
  if (!Array.isArray(files) || files.length === 0) return false
  for (const stamp of files) {
    if (!Array.isArray(stamp) || stamp.length !== 3 || typeof stamp[0] !== 'string') return false
    const info = statSync(join(root, stamp[0]), { throwIfNoEntry: false })
    if (!info || info.size !== stamp[1] || info.mtimeMs !== stamp[2]) return false
  }
  return true
}
