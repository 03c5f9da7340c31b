import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { OffsetMap } from '../../main/core/text/offsets.js'
import { ROOT } from '../helpers.js'
import { cliEntry, table } from './common.js'

// The engine on the bundled corpus against what a careful reader marks there (the issue: "Read the
// bundled texts again and make sure everything a careful reader marks is there, and nothing else in
// the top ten"). reader-marks.json holds the marks of a reader who read the five texts and not
// the engine's output, audited by a second such reader: each mark the exact passages of two
// documents or more, its kind and the reader's confidence. The
// CLI a user runs (`overlaps corpus --json`) gives the overlaps, and a mark is found where one
// overlap has passages in two of its documents at least, each meeting the mark's passage there
// (MIN_MEETING of the shorter of the two). Printed: the marks found, by kind and confidence; with
// --verbose, those not found; and the overlaps that meet no mark, with their rank (a reader's
// marks are not every restatement, so these are to read, not errors).

/**
 * Share of the shorter of a mark's passage and an overlap's passage in one document that the two
 * must share to meet: a reader's clause and the engine's may start or end a few words apart.
 */
const MIN_MEETING = 0.4

/** The CLI's JSON on the bundled corpus, at most (it is a few hundred kilobytes). */
const MAX_OUTPUT_BYTES = 64 << 20

/** The ranks counted as the top of the list (the "top ten"). */
const TOP = 10

interface Mark {
  kind: string
  confidence: string
  reason: string
  passages: { doc: string; text: string }[]
}

interface Output {
  overlaps: { kind: string; passages: { doc: string; start: number; end: number; text: string }[] }[]
}

/**
 * Whether two spans of one document, [start, end), share at least `share` of the shorter: a
 * reader's passage and the engine's meet though they start or end a few words apart. The paraphrases
 * bench measures its spans in words, this one in code points.
 */
export function meets(a: [number, number], b: [number, number], share = MIN_MEETING): boolean {
  return Math.min(a[1], b[1]) - Math.max(a[0], b[0]) >= share * Math.min(a[1] - a[0], b[1] - b[0])
}

export async function main(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean' }, verbose: { type: 'boolean' } }, strict: true })
  const { marks } = JSON.parse(readFileSync(join(ROOT, 'test/bench/reader-marks.json'), 'utf8')) as { marks: Mark[] }
  const run = spawnSync(process.execPath, [await cliEntry(), 'overlaps', join(ROOT, 'corpus'), '--json'], {
    encoding: 'utf8',
    maxBuffer: MAX_OUTPUT_BYTES,
  })
  if (run.status !== 0) throw new Error(`the CLI failed (${run.status}): ${run.stderr}`)
  const output = JSON.parse(run.stdout) as Output
  // Each mark's passages as spans of code points, as the engine gives its offsets.
  const texts = new Map<string, { text: string; map: OffsetMap }>()
  const spanOf = (doc: string, quoted: string): [number, number] => {
    let entry = texts.get(doc)
    if (!entry) {
      const text = readFileSync(join(ROOT, 'corpus', `${doc}.txt`), 'utf8')
      texts.set(doc, (entry = { text, map: new OffsetMap(text) }))
    }
    const at = entry.text.indexOf(quoted)
    if (at < 0) throw new Error(`reader-marks.json: ${doc} has no passage ${JSON.stringify(quoted.slice(0, 60))}`)
    return [entry.map.toCodePoint(at), entry.map.toCodePoint(at + quoted.length)]
  }
  const met = new Set<number>()
  const found = marks.map((mark) => {
    const spans = mark.passages.map((p) => ({ doc: p.doc, span: spanOf(p.doc, p.text) }))
    const k = output.overlaps.findIndex((o) => {
      const docs = new Set(
        spans.filter((m) => o.passages.some((p) => p.doc === m.doc && meets([p.start, p.end], m.span))).map((m) => m.doc),
      )
      return docs.size >= 2
    })
    if (k >= 0) met.add(k)
    return k
  })
  const unmet = output.overlaps.flatMap((o, k) =>
    met.has(k) ? [] : [{ rank: k + 1, kind: o.kind, passages: o.passages.map((p) => p.text) }],
  )
  if (values.json) {
    process.stdout.write(
      JSON.stringify({ marks: marks.map((m, i) => ({ ...m, overlap: found[i] >= 0 ? found[i] + 1 : null })), unmet }, null, 2) + '\n',
    )
    return 0
  }
  const groups = new Map<string, [number, number]>()
  marks.forEach((m, i) => {
    const key = `${m.kind} (${m.confidence})`
    const [hit, all] = groups.get(key) ?? [0, 0]
    groups.set(key, [hit + (found[i] >= 0 ? 1 : 0), all + 1])
  })
  const rows = [['marks', 'found', 'of', 'share']]
  for (const [key, [hit, all]] of [...groups].sort()) rows.push([key, String(hit), String(all), `${((100 * hit) / all).toFixed(0)}%`])
  const hits = found.filter((k) => k >= 0).length
  rows.push(['all', String(hits), String(marks.length), `${((100 * hits) / marks.length).toFixed(0)}%`])
  process.stdout.write(
    `${output.overlaps.length} overlaps; ${met.size} meet a mark; of the top ${TOP}, ${[...met].filter((k) => k < TOP).length}\n${table(rows)}`,
  )
  if (values.verbose)
    marks.forEach((m, i) => {
      if (found[i] < 0)
        process.stdout.write(
          `not found: ${m.kind} (${m.confidence}) ${m.passages.map((p) => JSON.stringify(p.text.slice(0, 70))).join(' / ')}\n`,
        )
    })
  for (const o of unmet)
    process.stdout.write(`meets no mark: #${o.rank} ${o.kind} ${o.passages.map((p) => JSON.stringify(p.slice(0, 70))).join(' / ')}\n`)
  return 0
}
