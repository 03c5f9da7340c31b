import { readFileSync } from 'node:fs'
import { basename, dirname, extname, relative } from 'node:path'
import { parseArgs } from 'node:util'
import { gunzipSync } from 'node:zlib'
import type { EngineDocument } from '../../main/core/engine/analyse.js'
import { findOverlaps, type Overlap, type OverlapPassage } from '../../main/core/engine/overlaps.js'
import { WordNet } from '../../main/node/engine/wordnet.js'
import { decodeUtf8 } from '../../main/node/project/decode.js'
import { folderSources, sourcesOf } from './engine.js'
import { random, table } from './common.js'

// Whether adding a document keeps what the engine found among the others (issue: "adding a
// document never removes an overlap among the others"), measured on real files: the property test
// (test/unit/engine-reuse.test.ts) builds its documents from a few made-up paragraphs, and real
// licences share text in many overlapping ways. Each trial takes DOCUMENTS of Debian's copyright
// files (/usr/share/doc/*/copyright) at random, runs the engine as the CLI does (WordNet's
// synonyms included), adds one more file at a random place, and runs it again. Every pair of
// passages of different documents in one overlap before is then
//   together  in one overlap after (passages meeting both);
//   apart     each still in an overlap, but in none together (the text grouped otherwise);
//   lost      one of them in no overlap at all: a passage the reader saw shared is gone.
// Passages lost are also counted once each, and listed with --verbose. The same --seed gives the
// same trials on the same files. --corpus bundled takes the bundled corpus's texts instead (with
// --documents 4: four of its five and the fifth added), --folder DIR a folder's (its text files,
// .gz ones gunzipped, each named by its path in the folder).

/** Documents per trial before one is added. */
const DOCUMENTS = 40

/** Trials run. */
const TRIALS = 6

interface Trial {
  added: string
  at: number
  overlaps: [number, number]
  pairs: number
  together: number
  apart: number
  lost: number
  lostPassages: string[]
}

export async function main(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      json: { type: 'boolean' },
      verbose: { type: 'boolean' },
      trials: { type: 'string' },
      documents: { type: 'string' },
      seed: { type: 'string' },
      corpus: { type: 'string' },
      folder: { type: 'string' },
    },
    strict: true,
  })
  const trials = Number(values.trials ?? TRIALS)
  const size = Number(values.documents ?? DOCUMENTS)
  const seed = Number(values.seed ?? 1)
  if (!(Number.isInteger(trials) && trials >= 1)) throw new Error(`--trials wants a whole number from 1, not "${values.trials}"`)
  if (!(Number.isInteger(size) && size >= 2)) throw new Error(`--documents wants a whole number from 2, not "${values.documents}"`)
  if (values.corpus && values.folder) throw new Error('--corpus and --folder: give one')
  if (values.corpus && values.corpus !== 'copyright' && values.corpus !== 'bundled')
    throw new Error(`--corpus is copyright or bundled, not "${values.corpus}"`)
  const corpus = values.folder ?? values.corpus ?? 'copyright'
  const files = values.folder
    ? readable(folderSources(values.folder), (path) => relative(values.folder!, path))
    : values.corpus === 'bundled'
      ? readable(sourcesOf('bundled'), (path) => basename(path, extname(path)))
      : readable(sourcesOf('copyright'), (path) => basename(dirname(path)))
  if (files.length < size + 1) throw new Error(`${files.length} readable texts in ${corpus}; ${size + 1} are needed (--documents)`)
  const synonyms = new WordNet()
  await synonyms.preload()
  const next = random(seed)
  const results: Trial[] = []
  for (let t = 0; t < trials; t++) {
    const chosen = new Set<number>()
    while (chosen.size < size + 1) chosen.add(Math.floor(next() * files.length))
    const [extra, ...documents] = [...chosen].map((k) => files[k])
    const at = Math.floor(next() * (size + 1))
    const grown = [...documents]
    grown.splice(at, 0, extra)
    const before = findOverlaps(documents, { synonyms, variants: false }).overlaps
    const after = findOverlaps(grown, { synonyms, variants: false }).overlaps
    const trial = compare(before, after)
    results.push({ added: extra.id, at, overlaps: [before.length, after.length], ...trial })
    if (!values.json) process.stderr.write(`trial ${t + 1}/${trials}: ${extra.id} added at ${at}\n`)
  }
  if (values.json) {
    process.stdout.write(JSON.stringify({ seed, documents: size, trials: results }, null, 2) + '\n')
    return 0
  }
  const share = (n: number, of: number) => (of ? `${((100 * n) / of).toFixed(2)}%` : '-')
  const rows = [['trial', 'added (place)', 'overlaps before/after', 'passage pairs', 'together', 'apart', 'lost', 'passages lost']]
  const row = (label: string, added: string, overlaps: string, r: Omit<Trial, 'added' | 'at' | 'overlaps'>) =>
    rows.push([
      label,
      added,
      overlaps,
      String(r.pairs),
      share(r.together, r.pairs),
      share(r.apart, r.pairs),
      share(r.lost, r.pairs),
      String(r.lostPassages.length),
    ])
  results.forEach((r, k) => row(String(k + 1), `${r.added} (${r.at})`, r.overlaps.join('/'), r))
  const sum = (f: (r: Trial) => number) => results.reduce((total, r) => total + f(r), 0)
  row('all', '', '', {
    pairs: sum((r) => r.pairs),
    together: sum((r) => r.together),
    apart: sum((r) => r.apart),
    lost: sum((r) => r.lost),
    lostPassages: results.flatMap((r) => r.lostPassages),
  })
  process.stdout.write(`${size} texts of ${corpus} and one added, ${trials} trial(s), seed ${seed}\n${table(rows)}`)
  if (values.verbose) for (const r of results) for (const p of r.lostPassages) process.stdout.write(`lost after adding ${r.added}: ${p}\n`)
  return 0
}

/** The files that decode as UTF-8 text (.gz ones gunzipped), each as a document named `idOf` its path. */
function readable(paths: readonly string[], idOf: (path: string) => string): EngineDocument[] {
  const out: EngineDocument[] = []
  for (const path of paths) {
    try {
      const bytes = readFileSync(path)
      out.push({ id: idOf(path), text: decodeUtf8(path.endsWith('.gz') ? gunzipSync(bytes) : bytes, path) })
    } catch {
      // Not text: left out, as the engine bench leaves it out.
    }
  }
  return out
}

/** How the pairs of passages of `before`'s overlaps fare in `after` (see above). */
function compare(before: readonly Overlap[], after: readonly Overlap[]): Omit<Trial, 'added' | 'at' | 'overlaps'> {
  // Per document, the overlaps after and their passages there, to find those meeting a passage.
  const byDoc = new Map<string, { overlap: number; passage: OverlapPassage }[]>()
  after.forEach((o, k) => {
    for (const p of o.passages) {
      const list = byDoc.get(p.doc) ?? []
      list.push({ overlap: k, passage: p })
      byDoc.set(p.doc, list)
    }
  })
  const meeting = (p: OverlapPassage): Set<number> =>
    new Set((byDoc.get(p.doc) ?? []).filter((e) => e.passage.start < p.end && p.start < e.passage.end).map((e) => e.overlap))
  let pairs = 0
  let together = 0
  let apart = 0
  let lost = 0
  /** Each passage lost once (a passage can be in several overlaps), described. */
  const lostPassages = new Map<string, string>()
  for (const o of before) {
    const found = o.passages.map(meeting)
    o.passages.forEach((p, i) => {
      const at = `${p.doc} ${p.start}-${p.end}`
      if (found[i].size === 0 && !lostPassages.has(at))
        lostPassages.set(at, `${at} (${o.kind}, ${o.words} words): ${JSON.stringify(p.text.slice(0, 100))}`)
    })
    for (let i = 0; i < o.passages.length; i++) {
      for (let j = i + 1; j < o.passages.length; j++) {
        if (o.passages[i].doc === o.passages[j].doc) continue
        pairs++
        if (found[i].size === 0 || found[j].size === 0) lost++
        else if ([...found[i]].some((k) => found[j].has(k))) together++
        else apart++
      }
    }
  }
  return { pairs, together, apart, lost, lostPassages: [...lostPassages.values()] }
}
