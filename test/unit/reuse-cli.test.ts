import { readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ReuseFile } from '../../main/core/reuse/imported.js'
import { runCli } from '../../main/node/cli/cli.js'
import { ROOT, tempDir } from '../helpers.js'

// The round trip a researcher makes: export the project as passim's input, run passim (here the
// fixture in test/fixtures/reuse/passim-out stands in for it: passim's exact output shape, made
// by make_fixtures.py from the same documents), import its clusters, read them with the
// engine's overlaps. And TextPAIR's alignments, plain and LZ4-compressed.

const FIXTURES = join(ROOT, 'test/fixtures/reuse')
const HOUR =
  "Between the dark and the daylight, when the night is beginning to lower, comes a pause in the day's occupations, that is known as the Children's Hour."
const SHIP =
  'The ship Mary Ellen, from Liverpool, went ashore on the bar at the mouth of the river during the gale of Tuesday night, and the crew were saved by the lifeboat.'

let base: string
let project: string
let cleanup: () => Promise<void>

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  const old = process.env.PARALLAX_USER_DATA
  process.env.PARALLAX_USER_DATA = join(base, 'user-data')
  try {
    const code = await runCli(args, { out: (t) => (stdout += t + '\n'), err: (t) => (stderr += t + '\n') })
    return { code, stdout, stderr }
  } finally {
    if (old === undefined) delete process.env.PARALLAX_USER_DATA
    else process.env.PARALLAX_USER_DATA = old
  }
}

interface Passage {
  doc: string
  start: number
  end: number
  text: string
  uid?: string
}
interface Listed {
  id: string
  source: string
  kind: string
  cluster?: string
  size?: number
  passages: Passage[]
  variants: {
    a: number
    b: number
    changes: { op: string; a: string; b: string; aStart: number; aEnd: number; bStart: number; bEnd: number }[] | null
  }[]
}

async function overlaps(): Promise<Listed[]> {
  const r = await cli('overlaps', project, '--json')
  expect(r.code, r.stderr).toBe(0)
  return (JSON.parse(r.stdout) as { overlaps: Listed[] }).overlaps
}

/** The document's text between code points [start, end), as passim counts them. */
async function codePoints(doc: string, start: number, end: number): Promise<string> {
  const file = (await readdir(join(project, 'documents'))).find((f) => f.startsWith(`${doc}.`))!
  return [...(await readFile(join(project, 'documents', file), 'utf8'))].slice(start, end).join('')
}

beforeEach(async () => {
  const t = await tempDir()
  base = t.dir
  cleanup = t.cleanup
  project = join(base, 'project')
  const r = await cli('import', join(FIXTURES, 'documents'), '--project', project)
  expect(r.code, r.stderr).toBe(0)
})
afterEach(() => cleanup())

describe('passim round trip', () => {
  it('exports passim input: id, series, full dates only, the text exactly as decoded', async () => {
    const out = join(base, 'in.jsonl')
    expect((await cli('passim', 'export', '--project', project, '--out', out)).code).toBe(0)
    const records = (await readFile(out, 'utf8'))
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, string>)
    expect(records.map((r) => [r.id, r.series, r.date])).toEqual([
      ['courier', 'J. Smith', '1861-03-09'],
      ['gazette', 'The Gazette', '1861-03-02'],
      ['herald', 'The Herald', undefined],
      ['notes', 'notes', undefined],
    ])
    for (const r of records) {
      expect(Object.keys(r)).toEqual(r.date ? ['id', 'series', 'date', 'text'] : ['id', 'series', 'text'])
      const file = (await readdir(join(FIXTURES, 'documents'))).find((f) => f.startsWith(`${r.id}.`))!
      expect(r.text).toBe(await readFile(join(FIXTURES, 'documents', file), 'utf8'))
    }
    // The stand-in for passim cut its passages from these texts by code point, as passim does.
    const byId = new Map(records.map((r) => [r.id, [...r.text]]))
    const parts = join(FIXTURES, 'passim-out/out.json')
    let checked = 0
    for (const name of (await readdir(parts)).filter((n) => n.startsWith('part-'))) {
      for (const line of (await readFile(join(parts, name), 'utf8')).trimEnd().split('\n')) {
        const r = JSON.parse(line) as { id: string; begin: number; end: number; text: string }
        const chars = byId.get(r.id)
        if (chars && chars.slice(r.begin, r.end).join('') === r.text) checked++
      }
    }
    expect(checked).toBe(5)
  })

  it('imports a multi-file out.json/ and lists the clusters with the engine’s overlaps', async () => {
    const r = await cli('passim', 'import', join(FIXTURES, 'passim-out'), '--project', project, '--json')
    expect(r.code, r.stderr).toBe(0)
    const report = JSON.parse(r.stdout) as Record<string, unknown>
    expect(report).toMatchObject({
      source: 'passim',
      files: 2,
      records: 8,
      overlaps: 2,
      passages: 5,
      unknownRecords: 1,
      unknownDocuments: ['sn99999999/1861-03-04/ed-1/seq-1'],
      moved: 1,
      unmatchedRecords: 1,
      singleDocument: 1,
    })
    expect(r.stderr).toMatch(/1 record\(s\) name documents not in the project/)
    expect(r.stderr).toMatch(/1 passage\(s\) are no longer in their documents/)
    expect(r.stderr).toMatch(/… 100%/)
    const stored = ReuseFile.parse(JSON.parse(await readFile(join(project, 'reuse/passim.json'), 'utf8')))
    expect(stored.overlaps).toHaveLength(2)

    const listed = await overlaps()
    expect(listed.filter((o) => o.source === 'parallax').length).toBeGreaterThan(0)
    expect(listed.every((o) => ['parallax', 'passim'].includes(o.source))).toBe(true)
    const passim = listed.filter((o) => o.source === 'passim')
    // Clusters 2^53 and 2^53 + 1: one double in JavaScript, two clusters here.
    expect(passim.map((o) => o.cluster).sort()).toEqual(['9007199254740992', '9007199254740993'])

    const hour = passim.find((o) => o.cluster === '9007199254740992')!
    expect(hour).toMatchObject({ id: 'passim-9007199254740992', size: 3 })
    expect(hour.passages.map((p) => p.doc)).toEqual(['courier', 'gazette', 'herald'])
    expect(hour.passages.map((p) => p.uid)).toEqual(['-2473565290448567450', '-7966282239007996852', '9007199254740993'])
    // The gazette has astral characters before the passage: its offsets are code points.
    const gazette = hour.passages[1]
    expect(gazette.text).toBe(HOUR)
    expect(gazette.start).toBe(214)
    for (const p of hour.passages) expect(p.text).toBe(await codePoints(p.doc, p.start, p.end))
    // Word differences as the engine gives them for its own overlaps, in the documents' code points.
    const gazetteHerald = hour.variants.find((v) => v.a === 1 && v.b === 2)!
    const edits = gazetteHerald.changes!.filter((c) => c.op !== 'equal')
    expect(edits.map((c) => [c.a, c.b])).toEqual([
      ['daylight', 'day light'],
      ["day's", 'days'],
      ["Children's", 'Childrens'],
    ])
    expect(await codePoints('gazette', edits[0].aStart, edits[0].aEnd)).toBe('daylight')
    expect(await codePoints('herald', edits[0].bStart, edits[0].bEnd)).toBe('day light')

    // The courier's record had stale offsets: found by its text.
    const ship = passim.find((o) => o.cluster === '9007199254740993')!
    expect(ship.passages.map((p) => [p.doc, p.text])).toEqual([
      ['courier', SHIP],
      ['notes', SHIP],
    ])
    for (const p of ship.passages) expect(p.text).toBe(await codePoints(p.doc, p.start, p.end))
  })

  it('reads one JSON Lines file as well as a folder, and follows a document that changed', async () => {
    const parts = join(FIXTURES, 'passim-out/out.json')
    const names = (await readdir(parts)).filter((n) => n.startsWith('part-')).sort()
    const single = join(base, 'clusters.jsonl')
    await writeFile(single, (await Promise.all(names.map((n) => readFile(join(parts, n), 'utf8')))).join(''))
    // gzip-compressed, as Spark writes it with compression on, reads the same.
    await writeFile(`${single}.gz`, gzipSync(await readFile(single)))
    expect((await cli('passim', 'import', `${single}.gz`, '--project', project)).code).toBe(0)
    const gzipped = (await overlaps()).filter((o) => o.source === 'passim')
    expect((await cli('passim', 'import', single, '--project', project)).code).toBe(0)
    const before = (await overlaps()).filter((o) => o.source === 'passim')
    expect(before).toHaveLength(2)
    expect(gzipped).toEqual(before)

    await writeFile(
      join(project, 'documents/notes.txt'),
      'A line added at the top.\n' + (await readFile(join(FIXTURES, 'documents/notes.txt'), 'utf8')),
    )
    const after = (await overlaps()).filter((o) => o.source === 'passim')
    const notes = after.find((o) => o.cluster === '9007199254740993')!.passages.find((p) => p.doc === 'notes')!
    expect(notes.text).toBe(SHIP)
    expect(notes.start).toBe(before.find((o) => o.cluster === '9007199254740993')!.passages[1].start + 25)
  })

  it('refuses passim’s input given as its output, naming the line, and writes nothing', async () => {
    const out = join(base, 'in.jsonl')
    await cli('passim', 'export', '--project', project, '--out', out)
    const r = await cli('passim', 'import', out, '--project', project)
    expect(r.code).toBe(1)
    expect(r.stderr.trim()).toBe(
      `parallax: in.jsonl line 1: not a passim cluster record: no cluster, begin, end (is this passim’s input rather than its out.json output?); nothing was imported`,
    )
    expect(await stat(join(project, 'reuse')).catch(() => null)).toBeNull()
  })

  it('lists the engine’s overlaps with a warning when reuse/passim.json is damaged; a new import replaces it', async () => {
    expect((await cli('passim', 'import', join(FIXTURES, 'passim-out'), '--project', project)).code).toBe(0)
    await writeFile(join(project, 'reuse/passim.json'), '{"format": "parallax-reuse", "version": 1, "source": "passim", "overlaps": [')
    const r = await cli('overlaps', project, '--json')
    expect(r.code).toBe(0)
    expect(r.stderr).toMatch(/warning: .*reuse\/passim\.json is not valid JSON/)
    const listed = (JSON.parse(r.stdout) as { overlaps: Listed[] }).overlaps
    expect(listed.length).toBeGreaterThan(0)
    expect(listed.every((o) => o.source === 'parallax')).toBe(true)
    expect((await cli('passim', 'import', join(FIXTURES, 'passim-out'), '--project', project)).code).toBe(0)
    expect((await overlaps()).filter((o) => o.source === 'passim')).toHaveLength(2)
  })
})

describe('TextPAIR import', () => {
  it('reads alignments.jsonl and its .lz4 alike: byte offsets to code points, unknown files counted', async () => {
    const results: Listed[][] = []
    for (const file of ['alignments.jsonl', 'alignments.jsonl.lz4']) {
      const r = await cli('textpair', 'import', join(FIXTURES, file), '--project', project, '--json')
      expect(r.code, r.stderr).toBe(0)
      expect(JSON.parse(r.stdout)).toMatchObject({ source: 'textpair', records: 3, overlaps: 2, unknownRecords: 1, unmatchedRecords: 0 })
      results.push((await overlaps()).filter((o) => o.source === 'textpair'))
    }
    expect(results[1]).toEqual(results[0])
    const hour = results[0].find((o) => o.passages[0].doc === 'gazette')!
    expect(hour.passages.map((p) => [p.doc, p.start])).toEqual([
      ['gazette', 214],
      ['herald', 112],
    ])
    for (const p of hour.passages) expect(p.text).toBe(await codePoints(p.doc, p.start, p.end))
    expect(hour.passages[0].text).toBe(HOUR)
  })
})
