import { createHash } from 'node:crypto'
import { readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import { extname, join, sep } from 'node:path'
import { build, type BuildOptions, type Loader, type Plugin } from 'esbuild'

// The CLI's bundle as `npm run cli` runs it (run.mjs; stamps.mjs reads what this writes). Each
// build makes a new folder, dist/cli-<id> (as deep in the repository as main/node/, so that
// root.ts finds the repository from it), and publishes it by rewriting dist/cli.json, which names
// it, in one rename: a CLI started from an older folder loads its chunks as its command needs
// them, so older folders stay until KEEP_BUNDLES newer ones exist and they are KEEP_OLD_MS old.
//
// The folder's stamps.json lists [path from the repository root, size in bytes, modification time
// in ms] of every file that decides what the bundle is: each source it was made from, TypeScript's
// and the package's settings, the build's options, npm's record of the packages installed (or,
// without it, each package file bundled), and the bundle's own files. While they all still match,
// run.mjs runs the bundle; after any change, the sources. The build reads the sources itself
// (recordSources) and stamps a bundle only when each, read again at the end, is the same: a file
// changed while it was built (even moved in with an old time, or on a disk that keeps times to
// the second) leaves the bundle unpublished, and the CLI runs the sources until the next build.

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

/** Files (from the repository root) that decide what esbuild makes of the sources: the build's options, TypeScript's and the package's settings. */
const SETTINGS = ['electron.config.ts', 'tsconfig.json', 'tsconfig.base.json', 'package.json']

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

/** A file as the build read it: its size and time before, and its content's hash. */
interface Read {
  size: number
  mtimeMs: number
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
        const before = await stat(args.path)
        const contents = await readFile(args.path)
        read.set(args.path, { size: before.size, mtimeMs: before.mtimeMs, hash: hashOf(contents) })
        return { contents, loader }
      })
    },
  }
}

/** [size, mtimeMs] of `file`, or undefined where there is none. */
async function sizeAndTime(file: string): Promise<[number, number] | undefined> {
  const info = await stat(file).catch(() => undefined)
  return info && [info.size, info.mtimeMs]
}

/**
 * Builds the CLI with esbuild `options` (its entry named `cli`, split into chunks) for the
 * repository at `root` into a new folder of `dist`, stamps it and publishes it (see above); a
 * bundle whose sources changed while it was built is removed, not published.
 */
export async function buildCli(options: BuildOptions, root: string, dist: string): Promise<CliBuild> {
  const dir = `cli-${Date.now().toString(36)}-${process.pid.toString(36)}`
  const outdir = join(dist, dir)
  const settings = [...SETTINGS, INSTALLED]
  const settingsBefore = await Promise.all(settings.map((f) => sizeAndTime(join(root, f))))
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
  const stamps: [string, number, number][] = []
  for (const file of sources) {
    const was = read.get(join(root, file))
    if (!was) return unpublished(`${file} was not read by the build itself`)
    const now = await sizeAndTime(join(root, file))
    const same = now && now[0] === was.size && now[1] === was.mtimeMs && hashOf(await readFile(join(root, file))) === was.hash
    if (!same) return unpublished(`${file} changed while the CLI was built`)
    stamps.push([file, was.size, was.mtimeMs])
  }
  for (const [k, file] of settings.entries()) {
    const now = await sizeAndTime(join(root, file))
    if (now?.[0] !== settingsBefore[k]?.[0] || now?.[1] !== settingsBefore[k]?.[1])
      return unpublished(`${file} changed while the CLI was built`)
    if (now) stamps.push([file, ...now])
  }
  // Without npm's record, each package file bundled.
  const packages = settingsBefore[settings.length - 1] ? [] : inputs.filter((f) => f.split('/').includes('node_modules'))
  for (const file of [...packages, ...Object.keys(result.metafile.outputs)]) {
    const now = await sizeAndTime(join(root, file))
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

/** Removes the bundle folders of `dist` older than KEEP_OLD_MS beyond the newest KEEP_BUNDLES, never `current`. */
async function removeOlderBundles(dist: string, current: string): Promise<void> {
  const folders = (await readdir(dist, { withFileTypes: true })).filter((e) => e.isDirectory() && /^cli-[a-z0-9-]+$/.test(e.name))
  const aged = await Promise.all(folders.map(async (e) => ({ name: e.name, mtimeMs: (await stat(join(dist, e.name))).mtimeMs })))
  aged.sort((x, y) => y.mtimeMs - x.mtimeMs)
  const now = Date.now()
  for (const [k, folder] of aged.entries())
    if (folder.name !== current && k >= KEEP_BUNDLES && now - folder.mtimeMs > KEEP_OLD_MS)
      await rm(join(dist, folder.name), { recursive: true, force: true })
}
