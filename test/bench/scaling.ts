import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { cliEntry, random, table, timeProcess } from './common.js'
import { sourcesOf } from './engine.js'

// How the engine's time grows with the corpus: `npm run --silent bench -- scaling`. The real
// corpora (bench engine) are of one size each; a stage whose cost grows with the square of a
// document's length hides there until a user opens a longer one. Each shape below is made at
// --words words, then twice and four times as many (--steps), and the CLI is run on it as a user
// runs it (`overlaps FOLDER --json`, output to a file; whole process, Node's start-up included;
// --command definitions: `definitions FOLDER --json`, the key terms and how each text defines the
// first). Printed per run: seconds, peak RSS, what was found, and the growth since the size before as an
// exponent (log2 of the time's ratio at twice the words: 1 grows as the corpus does, 2 as its
// square). Shapes, from what real corpora hold, their prose of the bundled corpus's words (make):
//   lists      three lists of one line template, alike but for their numbers (a table, a log, a
//              list of copyright years): every line pairs with every other
//   versions   three versions of one long text, each with a word changed, a sentence added or one
//              left out here and there (editions of a book, a change log's releases)
//   editions   versions of one text of 10,000 words, edited so, as many as the words make (a
//              change log shipped by many packages, a licence's versions): more documents alike
//   reprints   one document that reprints a paragraph again and again, and five that hold it once
//   documents  many short documents (30 words each), each a stretch of one long text
// --shape NAME (repeatable) runs only those; --keep keeps the folders made (their path is printed).

/** The shapes (see above). */
const SHAPES = ['lists', 'versions', 'editions', 'reprints', 'documents'] as const
type Shape = (typeof SHAPES)[number]

/** Words of each document of a shape at the first size (documents: of all of them), unless --words. */
const DEFAULT_WORDS = 50_000

/** Sizes measured, each twice the one before, unless --steps. */
const DEFAULT_STEPS = 3

/** The commands measured (--command), each with the list of its JSON counted as what it found. */
const FOUND: Record<string, string> = { overlaps: 'overlaps', definitions: 'definitions' }

/** Words of the text the `editions` shape makes versions of. */
const EDITION_WORDS = 10_000

/** Words of each of the `documents` shape's documents. */
const SHORT_DOCUMENT_WORDS = 30

/** A document made: its file name and text. */
interface Made {
  name: string
  text: string
}

export async function main(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      json: { type: 'boolean' },
      words: { type: 'string' },
      steps: { type: 'string' },
      shape: { type: 'string', multiple: true },
      keep: { type: 'boolean' },
      command: { type: 'string' },
    },
    strict: true,
  })
  const words = Number(values.words ?? DEFAULT_WORDS)
  const steps = Number(values.steps ?? DEFAULT_STEPS)
  const usage = (message: string): number => {
    process.stderr.write(`bench scaling: ${message}\n`)
    return 2
  }
  if (!(Number.isInteger(words) && words >= 1000)) return usage(`--words wants a whole number from 1000, not "${values.words}"`)
  if (!(Number.isInteger(steps) && steps >= 2)) return usage(`--steps wants a whole number from 2, not "${values.steps}"`)
  const command = values.command ?? 'overlaps'
  if (!Object.hasOwn(FOUND, command)) return usage(`--command is ${Object.keys(FOUND).join(' or ')}, not "${command}"`)
  const shapes = (values.shape ?? [...SHAPES]) as Shape[]
  for (const s of shapes) if (!SHAPES.includes(s)) return usage(`unknown shape "${s}" (${SHAPES.join(', ')})`)

  const vocabulary = bundledWords()
  const entry = await cliEntry()
  const dir = mkdtempSync(join(tmpdir(), 'parallax-scaling-'))
  const results: { shape: Shape; words: number; documents: number; seconds: number; rssMB: number; found: number; growth?: number }[] = []
  try {
    for (const shape of shapes) {
      for (let k = 0; k < steps; k++) {
        const size = words * 2 ** k
        const folder = join(dir, `${shape}-${size}`)
        mkdirSync(folder)
        const made = make(shape, size, vocabulary)
        for (const d of made) writeFileSync(join(folder, d.name), d.text)
        const out = join(dir, `${shape}-${size}.json`)
        const run = timeProcess([process.execPath, entry, command, folder, '--json'], out)
        if (run.status !== 0) throw new Error(`${command} ${folder} failed (exit ${run.status}):\n${run.stderr}`)
        const found = (JSON.parse(readFileSync(out, 'utf8')) as Record<string, unknown[]>)[FOUND[command]].length
        if (!values.keep) rmSync(out)
        const before = results.at(-1)
        const growth = before && before.shape === shape ? Math.log2(run.seconds / before.seconds) : undefined
        const total = made.reduce((sum, d) => sum + d.text.split(/\s+/).filter(Boolean).length, 0)
        results.push({ shape, words: total, documents: made.length, seconds: run.seconds, rssMB: run.rssMB, found, growth })
        if (!values.json)
          process.stderr.write(`${shape}: ${total.toLocaleString('en')} words in ${made.length} documents, ${run.seconds.toFixed(2)} s\n`)
      }
    }
  } finally {
    if (values.keep) process.stderr.write(`kept: ${dir}\n`)
    else rmSync(dir, { recursive: true, force: true })
  }
  if (values.json) {
    process.stdout.write(JSON.stringify({ results }, null, 2) + '\n')
    return 0
  }
  const rows = [['shape', 'words', 'documents', 'seconds', 'peak RSS MB', FOUND[command], 'growth (1 linear, 2 square)']]
  for (const r of results)
    rows.push([
      r.shape,
      r.words.toLocaleString('en'),
      r.documents.toLocaleString('en'),
      r.seconds.toFixed(2),
      r.rssMB.toFixed(0),
      String(r.found),
      r.growth === undefined ? '-' : r.growth.toFixed(2),
    ])
  process.stdout.write(table(rows))
  return 0
}

/** The bundled corpus's words, each as often as it is written there. */
function bundledWords(): string[] {
  return sourcesOf('bundled').flatMap((path) =>
    readFileSync(path, 'utf8')
      .split(/\s+/)
      .filter((w) => /\p{L}/u.test(w)),
  )
}

/**
 * The documents of `shape` at `words` (see above), the same every run (a seeded generator). Their
 * prose is words drawn at the bundled corpus's frequencies, in sentences of 12 to 24: a text of
 * the corpus's vocabulary that repeats no stretch of itself, as a long text by one author seldom
 * does (sentences of the corpus drawn again and again would make every shape one of reprints).
 */
function make(shape: Shape, words: number, vocabulary: readonly string[]): Made[] {
  const next = random(words)
  const sentence = (): string => {
    const length = 12 + Math.floor(next() * 13)
    const w = Array.from({ length }, () => vocabulary[Math.floor(next() * vocabulary.length)].replace(/[.!?]+$/, ''))
    return `${w[0][0].toUpperCase()}${w[0].slice(1)} ${w.slice(1).join(' ')}.`
  }
  /** Sentences until they hold `count` words. */
  const prose = (count: number): string[] => {
    const out: string[] = []
    for (let n = 0; n < count;) {
      const s = sentence()
      out.push(s)
      n += s.split(' ').length
    }
    return out
  }
  const name = (k: number) => `d${String(k).padStart(5, '0')}.txt`
  if (shape === 'lists') {
    // About 20 words a line.
    const lines = Math.ceil(words / 20)
    return [0, 1, 2].map((i) => ({
      name: name(i),
      text: Array.from(
        { length: lines },
        (_, k) =>
          `Copyright (C) ${1990 + ((7 * k + i) % 31)} Free Software Foundation, Inc. Permission is granted to copy item ${k * (i + 1)} of the list under the terms.\n`,
      ).join(''),
    }))
  }
  /** Versions of `original`, the first as it is: each with a word changed, a sentence added or one left out here and there. */
  const versions = (original: readonly string[], count: number): Made[] =>
    Array.from({ length: count }, (_, i) => {
      const edited: string[] = []
      for (const s of original) {
        const r = next()
        if (i > 0 && r < 0.025) continue
        if (i > 0 && r < 0.05) edited.push(sentence(), s)
        else if (i > 0 && r < 0.1) {
          const w = s.split(' ')
          w[Math.floor(next() * w.length)] = 'changed'
          edited.push(w.join(' '))
        } else edited.push(s)
      }
      return { name: name(i), text: paragraphs(edited) }
    })
  if (shape === 'versions') return versions(prose(words), 3)
  if (shape === 'editions') return versions(prose(EDITION_WORDS), Math.max(2, Math.round(words / EDITION_WORDS)))
  if (shape === 'reprints') {
    const paragraph = prose(100).join(' ')
    const reprints = Math.ceil(words / paragraph.split(' ').length)
    const holders = [1, 2, 3, 4, 5].map((i) => ({
      name: name(i),
      text: `${paragraphs(prose(3000))}\n\n${paragraph}\n\n${paragraphs(prose(3000))}`,
    }))
    return [{ name: name(0), text: Array.from({ length: reprints }, () => paragraph).join('\n\n') }, ...holders]
  }
  const long = prose(20_000).join(' ').split(' ')
  return Array.from({ length: Math.ceil(words / SHORT_DOCUMENT_WORDS) }, (_, k) => {
    const at = Math.floor(next() * (long.length - SHORT_DOCUMENT_WORDS))
    return { name: name(k), text: long.slice(at, at + SHORT_DOCUMENT_WORDS).join(' ') + '\n' }
  })
}

/** Sentences as paragraphs of five. */
function paragraphs(sentences: readonly string[]): string {
  const out: string[] = []
  for (let k = 0; k < sentences.length; k += 5) out.push(sentences.slice(k, k + 5).join(' '))
  return out.join('\n\n')
}
