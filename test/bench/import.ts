import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { READER_WORKER } from '../../main/node/root.js'
import { Service } from '../../main/node/service/service.js'
import { CORPUS, tempDir } from '../helpers.js'

// Importing hostile HTML: a small page nested thousands of levels deep (24 KB at 2,000 levels).
// For each depth: how long the import call takes, how it ends (imported, or the one message),
// and the longest the event loop of the process serving the UI was held up meanwhile (what a
// user feels as a frozen app). `npm run --silent bench -- import [--depths 2000,100000] [--json]`.

/** An HTML page whose text sits inside `depth` nested elements. */
export function deepHtml(depth: number): string {
  return `<!doctype html><html><head><title>Deep</title></head><body>${'<div>'.repeat(depth)}<p>Text at the bottom of a very deep page.</p>${'</div>'.repeat(depth)}</body></html>`
}

type Row = { depth: number; kib: number; seconds: number; longestStallMs: number; outcome: string }

function printRow(r: Row): void {
  process.stdout.write(
    `${String(r.depth).padEnd(9)} ${String(r.kib).padStart(4)}  ${r.seconds.toFixed(2).padStart(8)}  ${String(r.longestStallMs).padStart(29)}  ${r.outcome}\n`,
  )
}

export async function main(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { depths: { type: 'string', default: '2000,100000' }, json: { type: 'boolean' } } })
  const depths = values.depths.split(',').map(Number)
  if (!values.json) process.stdout.write('depth     KiB   seconds  longest event-loop stall (ms)  outcome\n')
  const rows: Row[] = []
  for (const depth of depths) {
    const t = await tempDir('parallax-bench-import-')
    try {
      // As the app and the web host run it: HTML read in the reader worker (npm run build first).
      const s = await Service.start({
        corpusDir: CORPUS,
        userData: join(t.dir, 'user-data'),
        project: join(t.dir, 'project'),
        readerWorker: READER_WORKER,
      })
      const html = deepHtml(depth)
      const path = join(t.dir, `deep-${depth}.html`)
      await writeFile(path, html)
      const loop = monitorEventLoopDelay({ resolution: 10 })
      loop.enable()
      const start = performance.now()
      const outcome = await s.importDocuments({ paths: [path] }).then(
        (r) => `imported ${r.added.length} document(s)`,
        (e: unknown) => `refused: ${(e as Error).message.slice(path.length + 2)}`,
      )
      const seconds = (performance.now() - start) / 1000
      loop.disable()
      const row = {
        depth,
        kib: Math.round(html.length / 1024),
        seconds: Math.round(seconds * 100) / 100,
        longestStallMs: Math.round(loop.max / 1e6),
        outcome,
      }
      rows.push(row)
      if (!values.json) printRow(row)
    } finally {
      await t.cleanup()
    }
  }
  if (values.json) process.stdout.write(JSON.stringify(rows, null, 2) + '\n')
  return 0
}
