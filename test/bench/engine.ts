import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { gunzipSync } from 'node:zlib'
import { diffArrays } from 'diff'
import { findOverlaps } from '../../main/core/engine/overlaps.js'
import { tokenize } from '../../main/core/engine/tokenize.js'
import { decodeUtf8 } from '../../main/node/project/decode.js'

// The engine benchmark. For each corpus it measures, each in a fresh Node process (so that peak
// RSS belongs to that measurement alone):
//   floor   read, decode and tokenize every document: the least any engine must do
//   engine  read, decode and findOverlaps (everything the CLI computes)
//   naive   pairwise jsdiff (diffArrays over words) on the first NAIVE_DOCUMENTS documents: what a
//           tool without an index does; each diff is given NAIVE_TIMEOUT_MS, and pairs that run out
//           are counted
// Seconds are measured inside the process, from the first read to the result (Node's start-up is
// not counted); "rss" is the process's peak resident set. For the bundled corpus it also times
// the CLI as a whole process: main/node/cli/cli.ts bundled by esbuild (so no tsx), run as
// `node cli.mjs overlaps corpus --json`, wall clock including Node's start-up.
//
// Corpora:
//   bundled     corpus/ (the five bundled texts)
//   copyright   /usr/share/doc/*/copyright: licences and notices, heavy reuse
//   changelogs  /usr/share/doc/**/changelog*.gz, gunzipped in the reader (the engine takes strings)

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
/** The repository root; a bundled child is told it (its own URL is a temporary file's). */
let root = ROOT
const NAIVE_DOCUMENTS = 40
const NAIVE_TIMEOUT_MS = 2000
/** Documents that do not decode as UTF-8 text (some changelogs are Latin-1) are skipped, and counted. */
type Corpus = 'bundled' | 'copyright' | 'changelogs'
const CORPORA: Corpus[] = ['bundled', 'copyright', 'changelogs']
type Method = 'floor' | 'engine' | 'naive'
const METHODS: Method[] = ['floor', 'engine', 'naive']

interface Loaded {
  texts: { id: string; text: string }[]
  skipped: number
}

function walk(dir: string, test: (name: string) => boolean, out: string[] = []): string[] {
  let entries
  try {
    entries = readdirSync(dir, { withFileTypes: true })
  } catch {
    return out
  }
  for (const e of entries) {
    const path = join(dir, e.name)
    if (e.isDirectory()) walk(path, test, out)
    else if (e.isFile() && test(e.name)) out.push(path)
  }
  return out
}

/** The files of a corpus, sorted. */
function filesOf(corpus: Corpus): string[] {
  if (corpus === 'bundled') {
    const manifest = JSON.parse(readFileSync(join(root, 'corpus', 'manifest.json'), 'utf8')) as { documents: { file: string }[] }
    return manifest.documents.map((d) => join(root, 'corpus', d.file))
  }
  if (corpus === 'copyright') {
    return readdirSync('/usr/share/doc')
      .map((d) => join('/usr/share/doc', d, 'copyright'))
      .filter((p) => {
        try {
          return statSync(p).isFile()
        } catch {
          return false
        }
      })
      .sort()
  }
  return walk('/usr/share/doc', (name) => /^changelog.*\.gz$/.test(name)).sort()
}

/** Reads and decodes the files (gunzipping .gz), skipping the ones that are not UTF-8 text. */
function load(files: string[]): Loaded {
  const texts: { id: string; text: string }[] = []
  let skipped = 0
  for (const path of files) {
    let bytes: Uint8Array = readFileSync(path)
    if (path.endsWith('.gz')) bytes = gunzipSync(bytes)
    try {
      texts.push({ id: path, text: decodeUtf8(bytes, path) })
    } catch {
      skipped++
    }
  }
  return { texts, skipped }
}

interface Measure {
  corpus: Corpus
  method: Method | 'process'
  documents: number
  words: number
  seconds: number
  rssMB: number
  note?: string
}

/** Runs one measurement in this process and returns it (the child side). */
function measure(corpus: Corpus, method: Method): Measure {
  const t0 = performance.now()
  const files = method === 'naive' ? filesOf(corpus).slice(0, NAIVE_DOCUMENTS) : filesOf(corpus)
  const { texts, skipped } = load(files)
  let words = 0
  let note = skipped ? `${skipped} undecodable file(s) skipped` : ''
  if (method === 'floor') {
    for (const t of texts) words += tokenize(t.text).count
  } else if (method === 'engine') {
    const result = findOverlaps(texts)
    words = result.stats.words
    note = [
      note,
      `${result.overlaps.length} overlaps, ${result.stats.seedPairs} seed pairs${result.stats.paraphraseSearch ? '' : ', no paraphrase search'}`,
    ]
      .filter(Boolean)
      .join('; ')
  } else {
    const tokens = texts.map((t) => {
      const s = tokenize(t.text)
      const out: string[] = []
      for (let i = 0; i < s.count; i++) out.push(t.text.slice(s.starts[i], s.ends[i]).toLowerCase())
      words += s.count
      return out
    })
    let pairs = 0
    let gaveUp = 0
    for (let i = 0; i < tokens.length; i++) {
      for (let j = i + 1; j < tokens.length; j++) {
        pairs++
        if (!diffArrays(tokens[i], tokens[j], { timeout: NAIVE_TIMEOUT_MS })) gaveUp++
      }
    }
    note = [note, `${pairs} pairs, ${gaveUp} gave up after ${NAIVE_TIMEOUT_MS} ms`].filter(Boolean).join('; ')
  }
  const seconds = (performance.now() - t0) / 1000
  return { corpus, method, documents: texts.length, words, seconds, rssMB: process.resourceUsage().maxRSS / 1024, note }
}

/** Bundles `entry` (or the given source) with esbuild into `out`, all dependencies included. */
async function bundle(out: string, options: { entry?: string; source?: string }): Promise<void> {
  const esbuild = await import('esbuild')
  await esbuild.build({
    ...(options.entry ? { entryPoints: [options.entry] } : { stdin: { contents: options.source!, resolveDir: ROOT, loader: 'ts' } }),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: out,
    logLevel: 'error',
    // Some dependencies are CommonJS and call require(): give the ESM bundle one.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  })
}

/** Peak RSS (MB) and wall seconds of a command, via /usr/bin/time when present. */
function timeProcess(args: string[]): { seconds: number; rssMB: number; status: number | null } {
  const hasTime = (() => {
    try {
      return statSync('/usr/bin/time').isFile()
    } catch {
      return false
    }
  })()
  const t0 = performance.now()
  const r = hasTime
    ? spawnSync('/usr/bin/time', ['-f', 'PEAK_RSS_KB=%M', ...args], { encoding: 'utf8', maxBuffer: 1 << 30 })
    : spawnSync(args[0], args.slice(1), { encoding: 'utf8', maxBuffer: 1 << 30 })
  const seconds = (performance.now() - t0) / 1000
  const kb = /PEAK_RSS_KB=(\d+)/.exec(r.stderr ?? '')
  return { seconds, rssMB: kb ? Number(kb[1]) / 1024 : NaN, status: r.status }
}

/** The child side: `--child CORPUS METHOD` prints one measurement as JSON. */
export function child(args: string[]): void {
  const [corpus, method, given] = args
  if (given) root = given
  process.stdout.write(JSON.stringify(measure(corpus as Corpus, method as Method)) + '\n')
}

export async function main(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { json: { type: 'boolean' }, corpus: { type: 'string' }, method: { type: 'string' } },
    strict: true,
  })
  const corpora = values.corpus ? (values.corpus.split(',') as Corpus[]) : CORPORA
  const methods = values.method ? (values.method.split(',') as Method[]) : METHODS
  for (const c of corpora) if (!CORPORA.includes(c)) throw new Error(`unknown corpus ${c} (${CORPORA.join(', ')})`)
  for (const m of methods) if (!METHODS.includes(m)) throw new Error(`unknown method ${m} (${METHODS.join(', ')})`)

  const dir = mkdtempSync(join(tmpdir(), 'parallax-bench-'))
  const results: Measure[] = []
  try {
    const childBundle = join(dir, 'child.mjs')
    const cliBundle = join(dir, 'cli.mjs')
    await bundle(childBundle, {
      source: `import { child } from './test/bench/engine.ts'\nchild(process.argv.slice(2))\n`,
    })
    await bundle(cliBundle, { entry: join(ROOT, 'main/node/cli/cli.ts') })
    const log = (m: Measure): void => {
      results.push(m)
      if (!values.json) process.stderr.write(`${m.corpus} ${m.method}: ${m.seconds.toFixed(2)} s, ${m.rssMB.toFixed(0)} MB\n`)
    }
    for (const corpus of corpora) {
      if (corpus === 'bundled') {
        // Once to warm the file cache, then measured.
        const args = [process.execPath, cliBundle, 'overlaps', join(ROOT, 'corpus'), '--json']
        timeProcess(args)
        const t = timeProcess(args)
        log({
          corpus,
          method: 'process',
          documents: 5,
          words: NaN,
          seconds: t.seconds,
          rssMB: t.rssMB,
          note: `node cli.mjs overlaps corpus --json, exit ${t.status}`,
        })
      }
      for (const method of methods) {
        const r = spawnSync(process.execPath, ['--max-old-space-size=8192', childBundle, corpus, method, ROOT], {
          encoding: 'utf8',
          maxBuffer: 1 << 26,
        })
        if (r.status !== 0) throw new Error(`${corpus} ${method} failed: ${r.stderr}`)
        log(JSON.parse(r.stdout.trim().split('\n').pop()!) as Measure)
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  if (values.json) {
    process.stdout.write(JSON.stringify({ results }, null, 2) + '\n')
    return 0
  }
  const rows = [['corpus', 'method', 'documents', 'words', 'seconds', 'x floor', 'peak RSS MB', 'note']]
  for (const r of results) {
    const floor = results.find((f) => f.corpus === r.corpus && f.method === 'floor')
    rows.push([
      r.corpus,
      r.method,
      String(r.documents),
      Number.isNaN(r.words) ? '' : String(r.words),
      r.seconds.toFixed(3),
      floor && r.method !== 'process' && r.method !== 'naive' ? (r.seconds / floor.seconds).toFixed(1) : '',
      r.rssMB.toFixed(0),
      r.note ?? '',
    ])
  }
  const widths = rows[0].map((_, k) => Math.max(...rows.map((row) => row[k].length)))
  for (const row of rows)
    process.stdout.write(
      row
        .map((cell, k) => cell.padEnd(widths[k]))
        .join('  ')
        .trimEnd() + '\n',
    )
  return 0
}
