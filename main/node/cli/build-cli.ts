import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import { extname, join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build, type BuildOptions, type Loader, type Plugin } from 'esbuild'
import { ENGINE_CACHE, ENGINE_SCRIPT } from './engine-script.mjs'

// The CLI's bundle as `npm run cli` runs it (run.cjs; stamps.mjs reads what this writes). Each
// build makes a new folder, dist/cli-<id> (as deep in the repository as main/node/, so that
// root.ts finds the repository from it), and publishes it by rewriting dist/cli.json, which names
// it, in one rename: a CLI started from an older folder loads its chunks as its command needs
// them, so older folders stay until KEEP_BUNDLES newer ones exist and they are KEEP_OLD_MS old.
//
// The folder also holds the engine's commands as one CommonJS script, with its code cache
// (engine-script.mjs; make-engine-cache.mjs makes the cache, running the script on the bundled
// corpus: a build whose script fails there is not published).
//
// The folder's stamps.json lists a Stamp of every file that decides what the bundle is: each
// source it was made from, TypeScript's and the package's settings, the build's own modules (its
// options, this file), npm's record of the packages installed (or, without it, each package file
// bundled), and the bundle's own files. While they all still match, run.cjs runs the bundle; after
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

/** The script that makes the engine script's code cache. */
const MAKE_ENGINE_CACHE = fileURLToPath(new URL('./make-engine-cache.mjs', import.meta.url))

/**
 * What `import.meta` is in the engine script, a CommonJS script (esbuild leaves it empty there):
 * its own file's URL, and the resolution of a package from it.
 */
const IMPORT_META_SHIM =
  "const __importMeta = { url: require('node:url').pathToFileURL(__filename).href, resolve: (s) => require('node:url').pathToFileURL(require.resolve(s)).href };"

/**
 * Packages the engine script requires from node_modules when it needs them instead of holding
 * them: the readers of legacy encodings (iconv-lite's tables, chardet), which a command loads
 * only for a file not in UTF-8. Held, they were two fifths of the script (650 of 1,490 KB), which
 * V8 reads, and its cache describes, at every start.
 */
const SCRIPT_EXTERNAL = ['iconv-lite', 'chardet']

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

/**
 * The engine script a build makes beside the bundle (see above): its entry (engine-main.ts), and
 * the folder it runs on to make its code cache (the bundled corpus).
 */
export interface EngineScript {
  entry: string
  corpus: string
}

/** What a build of the CLI did: published (run.cjs runs it while it is current), or why not. */
export type CliBuild = { published: true; dir: string } | { published: false; reason: string }

const hashOf = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex')

/**
 * An esbuild plugin that loads every source outside node_modules itself, so that the build knows
 * what it bundled: `read` gets each file's size and time from before it was read and the hash of
 * what was read, each time it is read (the bundle and the engine script read the sources they
 * share once each, and a file saved between the two reads is in each as it was then).
 */
function recordSources(read: Map<string, Read[]>): Plugin {
  return {
    name: 'record-sources',
    setup(build) {
      build.onLoad({ filter: /\.[cm]?[jt]s$|\.json$/ }, async (args) => {
        const loader = LOADERS[extname(args.path)]
        if (args.namespace !== 'file' || !loader || args.path.split(sep).includes('node_modules')) return undefined
        const before = await statusOf(args.path)
        const contents = await readFile(args.path)
        if (!before) throw new Error(`${args.path} is gone`)
        const reads = read.get(args.path)
        if (reads) reads.push({ status: before, hash: hashOf(contents) })
        else read.set(args.path, [{ status: before, hash: hashOf(contents) }])
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
 * files (absolute paths) this process loaded to make `options`, such as electron.config.ts;
 * `engine`, the engine script to make beside it, with its code cache.
 */
export async function buildCli(
  options: BuildOptions,
  root: string,
  dist: string,
  modules: string[] = [],
  engine?: EngineScript,
): Promise<CliBuild> {
  const dir = `cli-${Date.now().toString(36)}-${process.pid.toString(36)}-${(builds++).toString(36)}`
  const outdir = join(dist, dir)
  const settings = [...SETTINGS, INSTALLED]
  const settingsBefore = await Promise.all(settings.map((f) => statusOf(join(root, f))))
  const own = [...modules, fileURLToPath(import.meta.url), ...(engine ? [MAKE_ENGINE_CACHE] : [])]
  const ownBefore = await Promise.all(own.map(statusOf))
  const read = new Map<string, Read[]>()
  const common: BuildOptions = {
    logLevel: 'warning',
    ...options,
    outdir,
    absWorkingDir: root,
    metafile: true,
    plugins: [...(options.plugins ?? []), recordSources(read)],
  }
  // A build that fails leaves nothing of its folder (the other may have written to it).
  const results = await Promise.all([
    build(common),
    ...(engine
      ? [
          build({
            ...common,
            entryPoints: { [ENGINE_SCRIPT.replace(/\.cjs$/, '')]: engine.entry },
            format: 'cjs',
            splitting: false,
            outExtension: { '.js': '.cjs' },
            // Without the sources' comments and spaces (names kept, for the messages of errors):
            // 0.91 -> 0.63 MB read at every start, the bundled corpus's `overlaps --json` 418 ->
            // 405 ms (medians of 31 alternating runs of the two scripts, on a quiet machine). A
            // CPU profile of the script reads a line or two for all of it: profile the sources.
            minifyWhitespace: true,
            minifySyntax: true,
            banner: { js: IMPORT_META_SHIM },
            define: { ...options.define, 'import.meta': '__importMeta' },
            external: [...(options.external ?? []), ...SCRIPT_EXTERNAL],
          }),
        ]
      : []),
  ]).catch(async (e: unknown) => {
    await rm(outdir, { recursive: true, force: true })
    throw e
  })
  const unpublished = async (reason: string): Promise<CliBuild> => {
    await rm(outdir, { recursive: true, force: true })
    return { published: false, reason }
  }
  const inputs = [...new Set(results.flatMap((r) => Object.keys(r.metafile!.inputs)))]
  const outputs = [...new Set(results.flatMap((r) => Object.keys(r.metafile!.outputs)))]
  const sources = inputs.filter((f) => !f.split('/').includes('node_modules'))
  const stamps: Stamp[] = []
  for (const file of sources) {
    const reads = read.get(join(root, file))
    if (!reads) return unpublished(`${file} was not read by the build itself`)
    const now = await statusOf(join(root, file))
    const hash = hashOf(await readFile(join(root, file)))
    // As it is now at every read: the bundle and the engine script were both made of it.
    if (!reads.every((was) => sameStatus(now, was.status) && was.hash === hash))
      return unpublished(`${file} changed while the CLI was built`)
    stamps.push([file, ...now!])
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
  if (engine) {
    const made = await makeEngineCache(outdir, engine.corpus)
    if (made !== true) return unpublished(`the engine script failed on ${engine.corpus}: ${made}`)
    outputs.push(relative(root, join(outdir, ENGINE_CACHE)).split(sep).join('/'))
  }
  // Without npm's record, each package file bundled.
  const packages = settingsBefore[settings.length - 1] ? [] : inputs.filter((f) => f.split('/').includes('node_modules'))
  for (const file of [...packages, ...outputs]) {
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
 * How long making the engine script's code cache may take: the bundled corpus takes about a
 * second; an engine that runs on far longer is stopped, and the bundle not published.
 */
export const ENGINE_CACHE_TIMEOUT_MS = 120_000

/**
 * Makes the code cache of the engine script in `outdir` (engine-script.mjs) in a process of its
 * own, the script run on the folder `corpus`; resolves with true, or why it failed: the error the
 * process ended with (the line naming it, not the place it was thrown), the command's own error
 * line, its last line, or that it was stopped (ENGINE_CACHE_TIMEOUT_MS).
 */
function makeEngineCache(outdir: string, corpus: string): Promise<true | string> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [MAKE_ENGINE_CACHE, outdir, corpus], {
      stdio: ['ignore', 'ignore', 'pipe'],
      timeout: ENGINE_CACHE_TIMEOUT_MS,
    })
    let said = ''
    child.stderr.setEncoding('utf8').on('data', (text: string) => (said += text))
    child.on('error', (e) => resolve(e.message))
    child.on('close', (code, signal) => {
      if (code === 0) return resolve(true)
      if (signal) return resolve(`stopped by ${signal} (it may run ${ENGINE_CACHE_TIMEOUT_MS / 1000} s at most)`)
      const lines = said
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)
      const reason = lines.find((l) => /^[A-Za-z]*Error\b.*:/.test(l)) ?? lines.find((l) => l.startsWith('parallax: '))
      resolve(reason ?? lines[lines.length - 1] ?? `exit code ${code}`)
    })
  })
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
