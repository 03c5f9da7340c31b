// `npm run cli`: the CLI (cli.ts) run from its bundle, dist/cli/cli.mjs, which `npm run build`
// makes (and so `npm start` and `npm test`), while every file the bundle was made from is as it
// was then (its stamps: stamps.mjs, electron.config.ts CLI_STAMPS); else from its sources, through
// tsx. Plain JavaScript, so that Node runs it without a loader: the bundle starts without
// compiling any TypeScript (tsx's loader, its cache of the compiled sources read) and reads a few
// files instead of hundreds. `overlaps` on the bundled corpus: 0.5 s instead of 1.1 s from the
// sources, `list` 0.3 s instead of 1.2 s (whole processes, without npm's own 0.3 s).
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { isCurrent } from './stamps.mjs'

/** The repository root (this file is main/node/cli/run.mjs). */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url))
const bundle = join(ROOT, 'dist', 'cli')
let cli
if (isCurrent(join(bundle, 'stamps.json'), ROOT)) cli = await import(pathToFileURL(join(bundle, 'cli.mjs')).href)
else {
  const { register } = await import('tsx/esm/api')
  register()
  cli = await import('./cli.ts')
}
process.exitCode = await cli.main(process.argv.slice(2))
