import { readFile, writeFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { READER_WORKER } from '../../main/node/root.js'
import { Service } from '../../main/node/service/service.js'
import { textPdf } from '../fixtures/import/pdf.js'
import { CORPUS, tempDir } from '../helpers.js'

// Importing hostile or heavy files, as the app and the web host import them (read in the reader
// worker; npm run build first):
//   - HTML: a small page nested thousands of levels deep (24 KB at 2,000 levels);
//   - PDF: one page holding N lines of text (1.6 MB at 20,000 lines: pdf.js takes seconds on it),
//     and any PDF given with --pdf (e.g. a long book printed by LibreOffice), each read both in the
//     worker and inline on the serving thread (as PDFs were read before they moved to the worker).
// For each: how long the import call takes, how it ends (imported, or the one message), and the
// longest the event loop of the process serving the UI was held up meanwhile (what a user feels as
// a frozen app).
// `npm run --silent bench -- import [--depths 2000,100000] [--pdf-lines 20000] [--pdf FILE]... [--json]`.
// JSON: one row per import; HTML rows have `depth`, PDF rows `pdf` (the file) and `reader`.

/** An HTML page whose text sits inside `depth` nested elements. */
export function deepHtml(depth: number): string {
  return `<!doctype html><html><head><title>Deep</title></head><body>${'<div>'.repeat(depth)}<p>Text at the bottom of a very deep page.</p>${'</div>'.repeat(depth)}</body></html>`
}

/** A one-page PDF holding `lines` lines of text (far more than a page can show). */
export function crowdedPdf(lines: number): Uint8Array {
  return textPdf([Array.from({ length: lines }, (_, i) => `Line ${i + 1} of a single page that holds far more text than any page could.`)])
}

type Measure = { kib: number; seconds: number; longestStallMs: number; outcome: string }
type Row = ({ format: 'html'; depth: number } | { format: 'pdf'; pdf: string; reader: 'worker' | 'inline' }) & Measure

function printRow(r: Row): void {
  const what = r.format === 'html' ? `HTML depth ${r.depth}` : `${r.pdf} (${r.reader})`
  process.stdout.write(
    `${what.padEnd(38)} ${String(r.kib).padStart(6)}  ${r.seconds.toFixed(2).padStart(8)}  ${String(r.longestStallMs).padStart(9)}  ${r.outcome}\n`,
  )
}

/** Imports `bytes` as `name` into a fresh project, reading in the worker or inline. */
async function measure(name: string, bytes: Uint8Array | string, worker: boolean): Promise<Measure> {
  const t = await tempDir('parallax-bench-import-')
  try {
    const s = await Service.start({
      corpusDir: CORPUS,
      userData: join(t.dir, 'user-data'),
      project: join(t.dir, 'project'),
      readerWorker: worker ? READER_WORKER : undefined,
    })
    const path = join(t.dir, name)
    await writeFile(path, bytes)
    const loop = monitorEventLoopDelay({ resolution: 10 })
    loop.enable()
    const start = performance.now()
    const outcome = await s.importDocuments({ paths: [path] }).then(
      (r) => (r.failed ? `refused: ${r.failed[0].reason}` : `imported ${r.added.length} document(s)`),
      (e: unknown) => `refused: ${(e as Error).message}`,
    )
    const seconds = (performance.now() - start) / 1000
    loop.disable()
    return {
      kib: Math.round(bytes.length / 1024),
      seconds: Math.round(seconds * 100) / 100,
      longestStallMs: Math.round(loop.max / 1e6),
      outcome,
    }
  } finally {
    await t.cleanup()
  }
}

export async function main(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      depths: { type: 'string', default: '2000,100000' },
      'pdf-lines': { type: 'string', default: '20000' },
      pdf: { type: 'string', multiple: true, default: [] },
      json: { type: 'boolean' },
    },
  })
  const rows: Row[] = []
  const add = (row: Row) => {
    rows.push(row)
    if (!values.json) printRow(row)
  }
  if (!values.json) process.stdout.write(`${'file'.padEnd(38)} ${'KiB'.padStart(6)}  ${'seconds'.padStart(8)}  stall (ms)  outcome\n`)
  for (const depth of values.depths.split(',').filter(Boolean).map(Number)) {
    add({ format: 'html', depth, ...(await measure(`deep-${depth}.html`, deepHtml(depth), true)) })
  }
  const pdfs: { name: string; bytes: Uint8Array }[] = values['pdf-lines']
    .split(',')
    .filter(Boolean)
    .map((n) => ({ name: `crowded-${n}-lines.pdf`, bytes: crowdedPdf(Number(n)) }))
  for (const file of values.pdf) pdfs.push({ name: basename(file), bytes: new Uint8Array(await readFile(file)) })
  for (const { name, bytes } of pdfs) {
    for (const reader of ['worker', 'inline'] as const) {
      add({ format: 'pdf', pdf: name, reader, ...(await measure(name, bytes, reader === 'worker')) })
    }
  }
  if (values.json) process.stdout.write(JSON.stringify(rows, null, 2) + '\n')
  return 0
}
