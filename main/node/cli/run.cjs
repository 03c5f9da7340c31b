// `npm run cli`: the CLI (cli.ts) run from its bundle in dist/, which `npm run build` makes (and
// so `npm start` and `npm test`; build-cli.ts), while every file the bundle was made from is as it
// was then (stamps.mjs); else from its sources, through tsx. Plain JavaScript, so that Node runs it
// without a loader: the bundle starts without compiling any TypeScript (tsx's loader, its cache of
// the compiled sources read) and reads a few files instead of hundreds. `overlaps` on the bundled
// corpus: 0.5 s instead of 1.1 s from the sources, `list` 0.3 s instead of 1.2 s (whole
// processes, without npm's own 0.3 s).
//
// A CommonJS script, not an ES module: Node starts an ES module entry through its module loader
// (resolving, linking, evaluating a graph asynchronously), which a CommonJS entry does not wait
// for. The modules it uses stay ES modules, loaded with require(), which the Node versions the
// package's engines name (20.19 on, 22.13 on, 24 on) do without a warning: `overlaps --json` on
// the bundled corpus 421 -> 412 ms, medians of 31 alternating whole processes against the ES
// module entry (9-15 ms in four such runs).
'use strict'
const { dirname, join } = require('node:path')
const { pathToFileURL } = require('node:url')
const { endAs, runInChild, wantsChild, watchParent } = require('./allocator.mjs')
const { runEngineScript } = require('./engine-script.mjs')
const { currentBundle } = require('./stamps.mjs')

/** The repository root (this file is main/node/cli/run.cjs). */
const ROOT = join(__dirname, '../../..')

/** Runs the command line `argv` (see above); resolves with its exit code, once its output is written. */
async function main(/** @type {string[]} */ argv) {
  // An engine command on a large folder: in a child process whose malloc gives back what the engine
  // frees (allocator.mjs). In that child, a thread ends it if this process is gone.
  watchParent()
  const child = wantsChild(argv) ? await runInChild(argv, argv.includes('--verbose') ? process.stderr : undefined) : undefined
  if (child) endAs(child)
  const bundle = currentBundle(join(ROOT, 'dist'), ROOT)
  // The engine's commands from the bundle's engine script, with its code cache (engine-script.mjs);
  // any other command line, or where the bundle has no such script, from the whole CLI.
  const engine = bundle ? await runEngineScript(dirname(bundle), argv) : undefined
  if (engine?.code !== undefined) return engine.code
  // A bundle removed since it was found (a build's cleanup) fails to load before any of it runs.
  let cli = bundle && (await import(pathToFileURL(bundle).href).catch(() => undefined))
  if (!cli) {
    const { register } = await import('tsx/esm/api')
    register()
    cli = await import('./cli.ts')
  }
  return cli.main(argv)
}

// As the ES module entry ended: a failure thrown as an uncaught exception (Node reports it, exit
// code 1) whatever --unhandled-rejections says, and a run whose work never settles (nothing left
// to wait for) with exit code 13, as Node ends an unsettled top-level await.
process.exitCode = 13
void main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error) => {
    process.exitCode = 1
    process.nextTick(() => {
      throw error
    })
  },
)
