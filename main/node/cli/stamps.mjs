// Which bundle of the CLI run.cjs runs: the one dist/cli.json names, while it is current (its
// stamps, written by build-cli.ts, all still match). Plain JavaScript, as run.cjs is, so that
// Node reads it without a loader.
import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

/**
 * The entry (cli.mjs) of the CLI's current bundle in `dist` for the repository at `root`, or
 * undefined where there is none: no bundle built, or one made from files that have changed since.
 *
 * @param {string} dist
 * @param {string} root
 * @returns {string | undefined}
 */
export function currentBundle(dist, root) {
  let dir
  try {
    dir = JSON.parse(readFileSync(join(dist, 'cli.json'), 'utf8')).dir
  } catch {
    return undefined
  }
  if (typeof dir !== 'string' || !/^cli-[a-z0-9-]+$/.test(dir)) return undefined
  return isCurrent(join(dist, dir, 'stamps.json'), root) ? join(dist, dir, 'cli.mjs') : undefined
}

/**
 * Whether the bundle whose stamps `stampsFile` holds is current: every file it lists, as a path
 * from `root`, still has the size, modification and status-change times and inode it had when the
 * bundle was made (build-cli.ts Stamp). False when the stamps are missing, unreadable or not
 * stamps (a build cut short, another version's), or a file cannot be looked at.
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
    if (!Array.isArray(stamp) || stamp.length !== 5 || typeof stamp[0] !== 'string') return false
    let info
    try {
      info = statSync(join(root, stamp[0]), { throwIfNoEntry: false })
    } catch {
      return false
    }
    if (!info || info.size !== stamp[1] || info.mtimeMs !== stamp[2] || info.ctimeMs !== stamp[3] || info.ino !== stamp[4]) return false
  }
  return true
}
