import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from '../../main/node/cli/cli.js'
import { CORPUS, ROOT, tempDir } from '../helpers.js'

const FIXTURES = join(ROOT, 'test/fixtures/engine')

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t) })
  return { code, stdout: out.join('\n'), stderr: err.join('\n') }
}

let base: string
let cleanup: () => Promise<void>
beforeEach(async () => {
  ;({ dir: base, cleanup } = await tempDir())
})
afterEach(() => cleanup())

describe('overlaps command', () => {
  it('prints documents and overlaps as JSON for a plain folder', async () => {
    const r = await cli('overlaps', join(FIXTURES, 'three'), '--json')
    expect(r.code).toBe(0)
    const json = JSON.parse(r.stdout)
    expect(Object.keys(json)).toEqual(['documents', 'overlaps'])
    expect(json.documents.map((d: { id: string }) => d.id)).toEqual(['essay', 'lecture', 'review', 'unrelated'])
    expect(json.documents[0]).toEqual({ id: 'essay', path: join(FIXTURES, 'three', 'essay.txt'), title: expect.any(String) })
    const [o] = json.overlaps
    expect(o).toMatchObject({ id: expect.stringMatching(/^ov-/), score: expect.any(Number), kind: 'verbatim' })
    expect(o.passages[0]).toEqual({
      doc: 'essay',
      start: expect.any(Number),
      end: expect.any(Number),
      text: expect.stringMatching(/^Memory is not/),
    })
    // The three passages have the same words: no variant repeats their texts.
    expect(o.variants).toEqual([])
  })

  it('writes the same JSON to a byte output (through one reused buffer) as in lines', async () => {
    for (const folder of [join(FIXTURES, 'three'), CORPUS]) {
      const lines = await cli('overlaps', folder, '--json')
      const chunks: Buffer[] = []
      const out = (t: string) => chunks.push(Buffer.from(t + '\n'))
      const code = await runCli(['overlaps', folder, '--json'], { out, err: () => undefined, bytes: (c) => chunks.push(Buffer.from(c)) })
      expect(code).toBe(0)
      expect(Buffer.concat(chunks).toString('utf8')).toBe(lines.stdout + '\n')
    }
  })

  it('reads a project folder through its project.json', async () => {
    await mkdir(join(base, 'documents'))
    for (const f of ['essay.txt', 'review.txt']) await writeFile(join(base, 'documents', f), await readFile(join(FIXTURES, 'three', f)))
    const project = {
      name: 'test',
      documents: [
        { id: 'e', file: 'essay.txt', title: 'An essay', author: '', outlet: '', date: '', url: '' },
        { id: 'r', file: 'review.txt', title: 'A review', author: '', outlet: '', date: '', url: '' },
      ],
      settings: {},
    }
    await writeFile(join(base, 'project.json'), JSON.stringify(project))
    const r = await cli('overlaps', base, '--json')
    expect(r.code).toBe(0)
    const json = JSON.parse(r.stdout)
    expect(json.documents).toEqual([
      { id: 'e', path: join(base, 'documents', 'essay.txt'), title: 'An essay' },
      { id: 'r', path: join(base, 'documents', 'review.txt'), title: 'A review' },
    ])
    expect(json.overlaps[0].passages.map((p: { doc: string }) => p.doc)).toEqual(['e', 'r'])
  })

  it('reads the bundled corpus through its manifest', async () => {
    const r = await cli('overlaps', CORPUS, '--json', '--limit', '3')
    expect(r.code).toBe(0)
    const json = JSON.parse(r.stdout)
    expect(json.documents).toHaveLength(5)
    expect(json.documents[1].title).toMatch(/^What are New Quality Productive Forces/)
    expect(json.overlaps).toHaveLength(3)
  })

  it.each([
    ['bad-empty', /empty\.txt: the file is empty/],
    ['bad-binary', /data\.txt: this is a binary file/],
    ['bad-invalid', /latin1\.txt: this is not valid UTF-8 text \(first invalid byte at offset 3\)/],
  ])('refuses %s input with a clear error', async (folder, message) => {
    const r = await cli('overlaps', join(FIXTURES, folder), '--json')
    expect(r.code).toBe(1)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(message)
  })

  it('reports usage errors with exit 2', async () => {
    expect((await cli('overlaps')).code).toBe(2)
    expect((await cli('overlaps', CORPUS, '--limit', 'x')).code).toBe(2)
    const missing = await cli('overlaps', join(base, 'nowhere'), '--json')
    expect(missing.code).toBe(1)
    expect(missing.stderr).toMatch(/no such folder/)
  })
})

describe('definitions command', () => {
  it('prints term, aliases, documents and definitions as JSON', async () => {
    const r = await cli('definitions', join(FIXTURES, 'definitions'), '--term', 'blue carbon ecosystems', '--json')
    expect(r.code).toBe(0)
    const json = JSON.parse(r.stdout)
    expect(Object.keys(json).slice(0, 4)).toEqual(['term', 'aliases', 'documents', 'definitions'])
    expect(json.term).toBe('blue carbon ecosystems')
    expect(json.aliases).toEqual(['BCEs'])
    expect(json.definitions[0]).toMatchObject({
      doc: expect.any(String),
      start: expect.any(Number),
      end: expect.any(Number),
      text: expect.any(String),
      shared: expect.any(Array),
    })
  })

  it('proposes key terms without --term', async () => {
    const r = await cli('definitions', CORPUS, '--json')
    expect(r.code).toBe(0)
    const json = JSON.parse(r.stdout)
    expect(json.term).toBe('new quality productive forces')
    expect(json.terms[0].term).toBe('new quality productive forces')
  })
})
