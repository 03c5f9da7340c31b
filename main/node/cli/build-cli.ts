import { createHash } from 'node:crypto'
import { readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import { extname, join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build, type BuildOptions, type Loader, type Plugin } from 'esbuild'

// The CLI's bundle as `npm run cli` runs it (run.mjs; stamps.mjs reads what this writes). Each
// build makes a new folder, dist/cli-<id> (as deep in the repository as main/node/, so that
// root.ts finds the repository from it), and publishes it by rewriting dist/cli.json, which names
// it, in one rename: a CLI started from an older folder loads its chunks as its command needs
// them, so older folders stay until KEEP_BUNDLES newer ones exist and they are KEEP_OLD_MS old.
//
// The folder's stamps.json lists a Stamp of every file that decides what the bundle is: each
// source it was made from, TypeScript's and the package's settings, the build's own modules (its
// options, this file), npm's record of the packages installed (or, without it, each package file
// bundled), and the bundle's own files. While they all still match, run.mjs runs the bundle; after
// any change, the sources. The build reads the sources itself (recordSources) and stamps a bundle
// only when each, read again at the end, is the same: a file changed while it was built (even
// moved in with an old time, or on a disk that keeps times to the second) leaves the bundle
// unpublished, and the CLI runs the sources until the next build. The build's own modules were
// read when its process started: one changed since then leaves the bundle unpublished too.
//
// A package's files are trusted to change only with an install (which rewrites npm's record), as
// Vite trusts them for its bundle of dependencies: after editing a file in node_modules by hand,
// `npm run build`. Stamping each of them would cost every command 15 ms (750 files looked at).

/** The file in dist/ that names the current bundle's folder: {"dir": "cli-<id>"}. */
export const CLI_POINTER = 'cli.json'

/** Bundle folders kept, the current one among them, whatever their age. */
export const KEEP_BUNDLES = 3

/**
 * How old an older bundle folder is before it is removed (beyond KEEP_BUNDLES): a CLI started
 * from it loads a command's chunks when the command starts (its JSON writer thread too, before
 * the engine runs), within a second; longer keeps more folders of 4 MB (one a build).
 */
export const KEEP_OLD_MS = 10 * 60 * 1000

/** Files (from the repository root) that decide what esbuild makes of the sources: TypeScript's and the package's settings. */
const SETTINGS = ['tsconfig.json', 'tsconfig.base.json', 'package.json']

/** npm's record of what is installed, rewritten at every install: stamped for the package files bundled. */
const INSTALLED = 'node_modules/.package-lock.json'

/** How the build reads each kind of source it reads itself (recordSources); esbuild's loader for it. */
const LOADERS: Record<string, Loader> = {
  '.ts': 'ts',
  '.mts': 'ts',
  '.cts': 'ts',
  '.js': 'js',
  '.mjs': 'js',
  '.cjs': 'js',
  '.json': 'json',
}

/**
 * What stamps.json says of a file: [path from the repository root, size in bytes, modification
 * time and status-change time in ms, inode number]. As git's index does, the status-change time
 * and the inode catch what size and modification time miss: an edit to the same size whose time
 * was set back (`touch -r`), a file replaced by another moved in with the old one's time.
 */
export type Stamp = [path: string, size: number, mtimeMs: number, ctimeMs: number, ino: number]

/** What of a file's status a Stamp keeps (after its path). */
type Status = [size: number, mtimeMs: number, ctimeMs: number, ino: number]

/** A file as the build read it: its status before, and its content's hash. */
interface Read {
  status: Status
  hash: string
}

/** What a build of the CLI did: published (run.mjs runs it while it is current), or why not. */
export type CliBuild = { published: true; dir: string } | { published: false; reason: string }

const hashOf = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex')

/**
 * An esbuild plugin that loads every source outside node_modules itself, so that the build knows
 * what it bundled: `read` gets each file's size and time from before it was read and the hash of
 * what was read.
 */
function recordSources(read: Map<string, Read>): Plugin {
  return {
    name: 'record-sources',
    setup(build) {
      build.onLoad({ filter: /\.[cm]?[jt]s$|\.json$/ }, async (args) => {
        const loader = LOADERS[extname(args.path)]
        if (args.namespace !== 'file' || !loader || args.path.split(sep).includes('node_modules')) return undefined
        const before = await statusOf(args.path)
        const contents = await readFile(args.path)
        if (!before) throw new Error(`${args.path} is gone`)
        read.set(args.path, { status: before, hash: hashOf(contents) })
        return { contents, loader }
      })
    },
  }
}

/** The Status of `file`, or undefined where there is none. */
async function statusOf(file: string): Promise<Status | undefined> {
  const info = await stat(file).catch(() => undefined)
  return info && [info.size, info.mtimeMs, info.ctimeMs, info.ino]
}

const sameStatus = (a: Status | undefined, b: Status | undefined): boolean => !!a && !!b && a.every((v, k) => v === b[k])

/**
 * Whether a file whose status changed at `ctimeMs` may have changed after `since`: on a disk that
 * keeps times to the second (a whole-second time), a change up to a second later reads the same.
 */
function changedAfter(ctimeMs: number, since: number): boolean {
  return ctimeMs + (ctimeMs % 1000 === 0 ? 1000 : 0) > since
}

/** Builds this process started, numbering its folders: two in the same millisecond differ. */
let builds = 0

/**
 * Builds the CLI with esbuild `options` (its entry named `cli`, split into chunks) for the
 * repository at `root` into a new folder of `dist`, stamps it and publishes it (see above); a
 * bundle whose sources changed while it was built is removed, not published. `modules`: the
 * files (absolute paths) this process loaded to make `options`, such as electron.config.ts.
 */
export async function buildCli(options: BuildOptions, root: string, dist: string, modules: string[] = []): Promise<CliBuild> {
  const dir = `cli-${Date.now().toString(36)}-${process.pid.toString(36)}-${(builds++).toString(36)}`
  const outdir = join(dist, dir)
  const settings = [...SETTINGS, INSTALLED]
  const settingsBefore = await Promise.all(settings.map((f) => statusOf(join(root, f))))
  const own = [...modules, fileURLToPath(import.meta.url)]
  const ownBefore = await Promise.all(own.map(statusOf))
  const read = new Map<string, Read>()
  const result = await build({
    logLevel: 'warning',
    ...options,
    outdir,
    absWorkingDir: root,
    metafile: true,
    plugins: [...(options.plugins ?? []), recordSources(read)],
  })
  const unpublished = async (reason: string): Promise<CliBuild> => {
    await rm(outdir, { recursive: true, force: true })
    return { published: false, reason }
  }
  const inputs = Object.keys(result.metafile.inputs)
  const sources = inputs.filter((f) => !f.split('/').includes('node_modules'))
  const stamps: Stamp[] = []
  for (const file of sources) {
    const was = read.get(join(root, file))
    if (!was) return unpublished(`${file} was not read by the build itself`)
    const now = await statusOf(join(root, file))
    const same = sameStatus(now, was.status) && hashOf(await readFile(join(root, file))) === was.hash
    if (!same) return unpublished(`${file} changed while the CLI was built`)
    stamps.push([file, ...was.status])
  }
  for (const [k, file] of settings.entries()) {
    const now = await statusOf(join(root, file))
    if (!now && !settingsBefore[k]) continue
    if (!sameStatus(now, settingsBefore[k])) return unpublished(`${file} changed while the CLI was built`)
    stamps.push([file, ...now!])
  }
  for (const [k, file] of own.entries()) {
    const now = await statusOf(file)
    const name = relative(root, file).split(sep).join('/')
    if (!now || !sameStatus(now, ownBefore[k]) || changedAfter(now[2], performance.timeOrigin))
      return unpublished(`${name} changed since the build started`)
    stamps.push([name, ...now])
  }
  // Without npm's record, each package file bundled.
  const packages = settingsBefore[settings.length - 1] ? [] : inputs.filter((f) => f.split('/').includes('node_modules'))
  for (const file of [...packages, ...Object.keys(result.metafile.outputs)]) {
    const now = await statusOf(join(root, file))
    if (!now) return unpublished(`${file} is gone`)
    stamps.push([file, ...now])
  }
  await writeFile(join(outdir, 'stamps.json'), JSON.stringify({ files: stamps }) + '\n')
  const pointer = join(dist, CLI_POINTER)
  await writeFile(`${pointer}.${dir}.tmp`, JSON.stringify({ dir }) + '\n')
  await rename(`${pointer}.${dir}.tmp`, pointer)
  await removeOlderBundles(dist, dir)
  return { published: true, dir }
}

/**
 * Removes the bundle folders of `dist` beyond the newest KEEP_BUNDLES that were replaced (the next
 * newer one made) more than KEEP_OLD_MS ago, never `current`; and pointers a build cut short left
 * (cli.json.<folder>.tmp) as old. Another build may be removing the same ones: what is already
 * gone is passed over.
 */
async function removeOlderBundles(dist: string, current: string): Promise<void> {
  const entries = await readdir(dist, { withFileTypes: true })
  const timed = await Promise.all(
    entries.map(async (e) => ({ entry: e, mtimeMs: (await stat(join(dist, e.name)).catch(() => undefined))?.mtimeMs })),
  )
  const now = Date.now()
  const aged = (mtimeMs: number | undefined): mtimeMs is number => mtimeMs !== undefined && now - mtimeMs > KEEP_OLD_MS
  const folders = timed.filter(({ entry, mtimeMs }) => mtimeMs !== undefined && entry.isDirectory() && /^cli-[a-z0-9-]+$/.test(entry.name))
  // Newest first; folders of one time by name, which begins with the time the build started.
  folders.sort((x, y) => y.mtimeMs! - x.mtimeMs! || (y.entry.name > x.entry.name ? 1 : -1))
  const old = folders.filter(({ entry }, k) => entry.name !== current && k >= KEEP_BUNDLES && aged(folders[k - 1].mtimeMs))
  const pointers = timed.filter(
    ({ entry, mtimeMs }) => entry.isFile() && entry.name.startsWith(`${CLI_POINTER}.`) && entry.name.endsWith('.tmp') && aged(mtimeMs),
  )
  for (const { entry } of [...old, ...pointers]) await rm(join(dist, entry.name), { recursive: true, force: true })
}
