// `npm run cli`: the CLI (cli.ts) run from its bundle, dist/cli/cli.mjs, which `npm run build`
// makes (and so `npm start` and `npm test`), while every file the bundle was made from is as it
// was then (its stamps: electron.config.ts CLI_STAMPS); else from its sources, through tsx. Plain
// JavaScript, so that Node runs it without a loader: the bundle starts without compiling any
// TypeScript (tsx's loader, its cache of the compiled sources read) and reads a few files instead
// of hundreds. `overlaps` on the bundled corpus: 0.5 s instead of 1.0 s from the sources (whole
// processes, without npm's own 0.3 s).
import { readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

/** The repository root (this file is main/node/cli/run.mjs). */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url))

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

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const bundle = join(ROOT, 'dist', 'cli')
  let cli
  if (isCurrent(join(bundle, 'stamps.json'), ROOT)) cli = await import(pathToFileURL(join(bundle, 'cli.mjs')).href)
  else {
    const { register } = await import('tsx/esm/api')
    register()
    cli = await import('./cli.ts')
  }
  process.exitCode = await cli.main(process.argv.slice(2))
}
