import { spawn } from 'node:child_process'
import { createWriteStream, existsSync } from 'node:fs'
import { mkdir, stat, writeFile } from 'node:fs/promises'
import { once } from 'node:events'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { stableStringify } from '../../main/core/project/json.js'
import { ROOT } from '../helpers.js'
import { cliEntry, random, table } from './common.js'
import { machineLoad, round1, tempDir } from './ui.js'

// The passim import benchmark: a generated passim output (out.json/ with PARTS part files, in
// passim's exact record shape) of about 1,000,000 records by default, about 1 GB. A share
// PROJECT_SHARE of its clusters are passages that two to five of a project's DOCUMENTS documents
// share (plus one archive page each); the rest are clusters of documents the project does not
// have, as when a project's articles are sent to passim with a newspaper archive. It runs the CLI as a user does,
// `npm run cli -- passim import OUT --project P --json` (common.ts cliEntry), in a fresh process
// under /usr/bin/time: seconds are wall clock including Node's start-up, CPU seconds its user and
// system time (the figure to compare on a busy machine), "peak RSS" the process's maximum
// resident set. The target: within 1 GB of memory for a 1 GB output.

const RECORDS = 1_000_000
const PARTS = 8
const DOCUMENTS = 200
const PROJECT_SHARE = 0.02
/** Characters of a passage: passim's default --min-align is 50; newspaper reprints run longer. */
const PASSAGE_CHARS = 800
const WORDS = 'the of and a to in is was that for on as with by he at from his it an were are which this be or had not but have'.split(' ')
const MEMORY_TARGET_MB = 1024

function words(rand: () => number, chars: number): string {
  const out: string[] = []
  let n = 0
  while (n < chars) {
    const w = rand() < 0.3 ? Math.floor(rand() * 1e6).toString(36) : WORDS[Math.floor(rand() * WORDS.length)]
    out.push(w)
    n += w.length + 1
  }
  return out.join(' ').slice(0, chars)
}

/** Passages of a document: it is SLOTS passages of PASSAGE_CHARS characters, one a line. */
const SLOTS = 40
/** Passages the project's documents share, each printed in two to five of them. */
const SHARED = 1500

/** Writes the project and the passim output; resolves with the output's size in bytes. */
async function generate(dir: string, records: number): Promise<number> {
  const rand = random(15)
  const project = join(dir, 'project')
  await mkdir(join(project, 'documents'), { recursive: true })
  // Each document: SLOTS lines, some of them passages other documents reprint (passim's clusters).
  const slots = Array.from({ length: DOCUMENTS }, () => Array.from({ length: SLOTS }, () => words(rand, PASSAGE_CHARS)))
  const free = Array.from({ length: DOCUMENTS }, () => Array.from({ length: SLOTS }, (_, k) => k))
  const placements: { doc: number; slot: number }[][] = []
  for (let s = 0; s < SHARED; s++) {
    const text = words(rand, PASSAGE_CHARS)
    const copies = 2 + Math.floor(rand() * 4)
    const where: { doc: number; slot: number }[] = []
    for (let c = 0; c < copies; c++) {
      const doc = Math.floor(rand() * DOCUMENTS)
      if (where.some((w) => w.doc === doc) || free[doc].length === 0) continue
      const slot = free[doc].splice(Math.floor(rand() * free[doc].length), 1)[0]
      slots[doc][slot] = text
      where.push({ doc, slot })
    }
    if (where.length >= 2) placements.push(where)
  }
  const documents = []
  for (let d = 0; d < DOCUMENTS; d++) {
    documents.push({
      id: `doc-${d}`,
      file: `doc-${d}.txt`,
      title: `Document ${d}`,
      author: '',
      outlet: `outlet-${d % 20}`,
      date: '',
      url: '',
    })
    await writeFile(join(project, 'documents', `doc-${d}.txt`), slots[d].join('\n'))
  }
  await writeFile(join(project, 'project.json'), stableStringify({ name: 'passim bench', documents, settings: {} }))

  const out = join(dir, 'out', 'out.json')
  await mkdir(out, { recursive: true })
  const pool = Array.from({ length: 2000 }, () => words(rand, PASSAGE_CHARS))
  let cluster = 2n ** 60n
  let bytes = 0
  const line = (k: number, id: string, begin: number, text: string, size: number) => {
    const uid = BigInt.asIntN(64, BigInt(Math.floor(rand() * 2 ** 52)) * 4099n + BigInt(k))
    const day = `1861-03-0${1 + (k % 9)}`
    return `{"uid":${uid},"cluster":${cluster},"begin":${begin},"end":${begin + text.length},"boiler":false,"src":[],"size":${size},"pboiler":0.0,"date":"${day}","id":${JSON.stringify(id)},"series":"s${k % 50}","text":${JSON.stringify(text)}}\n`
  }
  for (let part = 0; part < PARTS; part++) {
    const stream = createWriteStream(join(out, `part-${String(part).padStart(5, '0')}-0b6f9c1e-5d0e-4a57-9a44-1f0e2d3c4b5a-c000.json`))
    const count = Math.floor(records / PARTS) + (part < records % PARTS ? 1 : 0)
    let batch: string[] = []
    for (let k = 0; k < count;) {
      cluster += 1n + BigInt(Math.floor(rand() * 1000))
      if (rand() < PROJECT_SHARE) {
        // A cluster of the project's documents (passages at their offsets), and one archive page.
        const where = placements[Math.floor(rand() * placements.length)]
        for (const w of where) batch.push(line(k++, `doc-${w.doc}`, w.slot * (PASSAGE_CHARS + 1), slots[w.doc][w.slot], where.length + 1))
        batch.push(
          line(
            k++,
            `sn${80000000 + Math.floor(rand() * 1e6)}/1861-03-04/ed-1/seq-1`,
            0,
            slots[where[0].doc][where[0].slot],
            where.length + 1,
          ),
        )
      } else {
        const size = 2 + Math.floor(rand() * 4)
        const text = pool[Math.floor(rand() * pool.length)]
        for (let m = 0; m < size; m++)
          batch.push(line(k++, `sn${80000000 + Math.floor(rand() * 1e6)}/1861-03-0${1 + (k % 9)}/ed-1/seq-${1 + (k % 8)}`, 0, text, size))
      }
      if (batch.length >= 1000) {
        const chunk = batch.join('')
        bytes += Buffer.byteLength(chunk)
        if (!stream.write(chunk)) await once(stream, 'drain')
        batch = []
      }
    }
    const chunk = batch.join('')
    bytes += Buffer.byteLength(chunk)
    stream.end(chunk)
    await once(stream, 'finish')
  }
  await writeFile(join(out, '_SUCCESS'), '')
  return bytes
}

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string; seconds: number }> {
  const t0 = performance.now()
  const child = spawn(
    existsSync('/usr/bin/time') ? '/usr/bin/time' : args[0],
    existsSync('/usr/bin/time') ? ['-f', 'PEAK_RSS_KB=%M CPU_SECONDS=%U+%S', ...args] : args.slice(1),
    {
      cwd: ROOT,
    },
  )
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (c) => (stdout += c))
  child.stderr.on('data', (c) => (stderr += c))
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr, seconds: (performance.now() - t0) / 1000 })))
}

export async function main(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean' }, records: { type: 'string' } }, strict: true })
  const records = values.records ? Number(values.records) : RECORDS
  const { dir, cleanup } = await tempDir('parallax-bench-passim-')
  try {
    if (!values.json) process.stderr.write(`generating a passim output of ${records.toLocaleString('en')} records in ${dir} …\n`)
    const t0 = performance.now()
    const bytes = await generate(dir, records)
    const generated = (performance.now() - t0) / 1000
    if (!values.json) process.stderr.write(`generated ${round1(bytes / 2 ** 20)} MB in ${round1(generated)} s; importing …\n`)
    const r = await run([
      process.execPath,
      await cliEntry(),
      'passim',
      'import',
      join(dir, 'out'),
      '--project',
      join(dir, 'project'),
      '--json',
    ])
    if (r.code !== 0) throw new Error(`passim import failed:\n${r.stderr}`)
    const report = JSON.parse(r.stdout) as { records: number; overlaps: number; passages: number; unknownRecords: number; file: string }
    const kb = /PEAK_RSS_KB=(\d+)/.exec(r.stderr)
    const rssMB = kb ? Number(kb[1]) / 1024 : NaN
    const cpu = /CPU_SECONDS=([\d.]+)\+([\d.]+)/.exec(r.stderr)
    const result = {
      records: report.records,
      outputMB: round1(bytes / 2 ** 20),
      seconds: round1(r.seconds),
      cpuSeconds: cpu ? round1(Number(cpu[1]) + Number(cpu[2])) : NaN,
      mbPerSecond: round1(bytes / 2 ** 20 / r.seconds),
      peakRssMB: round1(rssMB),
      withinMemoryTarget: rssMB <= MEMORY_TARGET_MB,
      kept: { overlaps: report.overlaps, passages: report.passages },
      unknownRecords: report.unknownRecords,
      storedMB: round1((await stat(report.file)).size / 2 ** 20),
      load: machineLoad(),
    }
    if (values.json) process.stdout.write(JSON.stringify(result, null, 2) + '\n')
    else {
      process.stdout.write(
        table([
          [
            'records',
            'output',
            'seconds',
            'CPU seconds',
            'MB/s',
            'peak RSS',
            `≤ ${MEMORY_TARGET_MB} MB`,
            'kept overlaps',
            'kept passages',
            'reuse/passim.json',
            'load',
          ],
          [
            result.records.toLocaleString('en'),
            `${result.outputMB} MB`,
            String(result.seconds),
            String(result.cpuSeconds),
            String(result.mbPerSecond),
            `${result.peakRssMB} MB`,
            result.withinMemoryTarget ? 'yes' : 'NO',
            String(result.kept.overlaps),
            String(result.kept.passages),
            `${result.storedMB} MB`,
            result.load,
          ],
        ]) + '\n',
      )
    }
    return 0
  } finally {
    await cleanup()
  }
}
