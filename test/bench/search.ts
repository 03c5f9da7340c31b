import { spawn } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { Service } from '../../main/node/service/service.js'
import { bigEntry, CORPUS, generateText, machineLoad, ROOT, round1, tempDir, writeProject } from './ui.js'
import { table } from './common.js'

// The search benchmark: full-text search in a project whose one document is a single line of
// SIZE_MB (50 MB by default: generated report text, every line break made a space), as the
// service runs it for the UI. Measured in a fresh process (so its memory is the search's): the
// seconds of a first search (the words indexed) and of a second (the index kept), the longest
// time the event loop of the process serving the UI was blocked meanwhile (sampled by a timer:
// a request arriving then waits that long), RSS before and after, and the process's peak RSS.

const SIZE_MB = 50
/** How often the event loop is sampled: stalls shorter than this are not seen. */
const TICK_MS = 10
const QUERIES = ['productive forces', 'innovat*', 'labor']

interface Probe {
  searches: { query: string; seconds: number; hits: number; truncated: boolean; longestStallMs: number }[]
  rssBeforeMB: number
  rssAfterMB: number
  peakRssMB: number
}

/** The process's peak resident set so far (VmHWM, Linux; NaN elsewhere). */
async function vmHwmMB(): Promise<number> {
  const status = await readFile('/proc/self/status', 'utf8').catch(() => '')
  const kb = /VmHWM:\s+(\d+) kB/.exec(status)
  return kb ? Number(kb[1]) / 1024 : NaN
}

/** In the child: opens the project and searches, watching the event loop. */
async function probe(dir: string, userData: string): Promise<Probe> {
  const service = await Service.start({ corpusDir: CORPUS, userData, project: dir })
  const rssBeforeMB = process.memoryUsage().rss / 2 ** 20
  const searches: Probe['searches'] = []
  for (const query of [...QUERIES, QUERIES[0]]) {
    let last = performance.now()
    let longest = 0
    const timer = setInterval(() => {
      const now = performance.now()
      longest = Math.max(longest, now - last)
      last = now
    }, TICK_MS)
    const t0 = performance.now()
    const { hits, truncated } = await service.search({ query })
    const seconds = (performance.now() - t0) / 1000
    longest = Math.max(longest, performance.now() - last)
    clearInterval(timer)
    searches.push({ query, seconds: Math.round(seconds * 100) / 100, hits: hits.length, truncated, longestStallMs: Math.round(longest) })
  }
  return {
    searches,
    rssBeforeMB: round1(rssBeforeMB),
    rssAfterMB: round1(process.memoryUsage().rss / 2 ** 20),
    peakRssMB: round1(await vmHwmMB()),
  }
}

function child(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let out = ''
    p.stdout.on('data', (c) => (out += c))
    p.on('error', reject)
    p.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`the search probe failed (exit ${code})`))))
  })
}

export async function main(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean' }, mb: { type: 'string' } }, strict: true })
  const mb = values.mb ? Number(values.mb) : SIZE_MB
  const { dir, cleanup } = await tempDir('parallax-bench-search-')
  try {
    if (!values.json) process.stderr.write(`generating a ${mb} MB single-line document in ${dir} …\n`)
    const text = generateText(mb * 2 ** 20).text.replace(/\s*\n\s*/g, ' ')
    await writeProject(join(dir, 'project'), 'Search bench', [{ entry: bigEntry('one-line'), text }])
    const result = JSON.parse(await child(['--probe', join(dir, 'project'), join(dir, 'user-data')])) as Probe
    const full = { documentMB: round1(Buffer.byteLength(text) / 2 ** 20), ...result, load: machineLoad() }
    if (values.json) process.stdout.write(JSON.stringify(full, null, 2) + '\n')
    else {
      process.stdout.write(
        `one document, one line, ${full.documentMB} MB; RSS ${full.rssBeforeMB} MB before, ${full.rssAfterMB} MB after, peak ${full.peakRssMB} MB; load ${full.load}\n`,
      )
      process.stdout.write(
        table([
          ['query', 'seconds', 'hits', 'truncated', 'longest event-loop stall'],
          ...full.searches.map((s) => [s.query, String(s.seconds), String(s.hits), s.truncated ? 'yes' : 'no', `${s.longestStallMs} ms`]),
        ]) + '\n',
      )
    }
    return 0
  } finally {
    await cleanup()
  }
}

const probeAt = process.argv.indexOf('--probe')
if (probeAt >= 0) {
  const [dir, userData] = process.argv.slice(probeAt + 1)
  process.stdout.write(JSON.stringify(await probe(dir, userData)))
  process.exit(0)
}
