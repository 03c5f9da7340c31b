import { spawn } from 'node:child_process'
import { mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from '../../main/node/cli/cli.js'
import { WRITER_FROM_CHARS } from '../../main/node/cli/json-output.js'
import { oneLine } from '../../main/node/engine/inline.js'
import type { Overlap } from '../../main/core/engine/overlaps.js'
import { dist } from '../../electron.config.js'
import { currentBundle } from '../../main/node/cli/stamps.mjs'
import { CORPUS, ROOT, tempDir } from '../helpers.js'
import { pasture, RESTATED } from '../past-paraphrase-bound.js'

const FIXTURES = join(ROOT, 'test/fixtures/engine')

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t) })
  return { code, stdout: out.join('\n'), stderr: err.join('\n') }
}

/** A mulberry32 generator: the same numbers from the same seed. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * Writes a corpus of made-up words larger than WRITER_FROM_CHARS into `dir`: 30 documents of 110
 * paragraphs, most their own, some from a pool the documents share (each pool paragraph in a third
 * of them, with a word changed here and there), so that the overlaps are many and some are large.
 */
async function writeLargeCorpus(dir: string): Promise<void> {
  const next = random(7)
  const pick = (n: number) => Math.floor(next() * n)
  const words = Array.from({ length: 4000 }, () =>
    Array.from({ length: 3 + pick(7) }, () => 'abcdefghijklmnopqrstuvwxyzé'[pick(27)]).join(''),
  )
  const paragraph = () => Array.from({ length: 60 }, () => words[pick(words.length)]).join(' ') + '.'
  const pool = Array.from({ length: 40 }, paragraph)
  await mkdir(dir)
  let chars = 0
  for (let d = 0; d < 30; d++) {
    const text = Array.from({ length: 110 }, (_, k) =>
      k % 4 === 0 && (d + k) % 3 === 0 ? pool[(d + k) % pool.length].replace(/\w+/, words[pick(words.length)]) : paragraph(),
    ).join('\n\n')
    chars += text.length
    await writeFile(join(dir, `doc-${d}.txt`), text)
  }
  expect(chars).toBeGreaterThan(WRITER_FROM_CHARS)
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

  it('writes the same JSON from its own process (json-output.ts: for a large corpus, a writer thread takes over once ready)', async () => {
    const large = join(base, 'large')
    await writeLargeCorpus(large)
    // From the sources, and as npm run cli runs it: the bundle's engine script, with its code
    // cache (engine-script.mjs), whose writer thread runs that script too.
    const entries = [['--import', 'tsx', 'main/node/cli/cli.ts'], ['main/node/cli/run.cjs']]
    // (run.cjs runs the engine script where the bundle is current: the tests' setup built it.)
    expect(currentBundle(dist, ROOT)).toBeDefined()
    for (const folder of [join(FIXTURES, 'three'), CORPUS, large]) {
      const lines = await cli('overlaps', folder, '--json')
      for (const entry of entries) {
        const child = spawn(process.execPath, [...entry, 'overlaps', folder, '--json', '--verbose'], {
          cwd: ROOT,
          stdio: ['ignore', 'pipe', 'pipe'],
        })
        const chunks: Buffer[] = []
        let stderr = ''
        child.stdout.on('data', (d: Buffer) => chunks.push(d))
        child.stderr.on('data', (d) => (stderr += d))
        expect(await new Promise((resolve) => child.on('close', resolve))).toBe(0)
        expect(stderr).toMatch(folder === large ? /… output made on 2 thread\(s\)/ : /… output made on 1 thread\(s\)/)
        expect(Buffer.concat(chunks).toString('utf8') === lines.stdout + '\n').toBe(true)
      }
    }
  }, 60_000)

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
    ['bad-empty', /bad-empty: no \.txt or \.md file in the folder holds text \(.*empty\.txt: the file is empty\)/],
    ['bad-binary', /data\.txt: this is a binary file/],
    ['bad-invalid', /damaged\.txt: this is not valid UTF-8 text \(first invalid byte at offset 33\): it is UTF-8 with damaged bytes/],
  ])('refuses %s input with a clear error', async (folder, message) => {
    const r = await cli('overlaps', join(FIXTURES, folder), '--json')
    expect(r.code).toBe(1)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(message)
  })

  it('leaves a file of a folder that holds no text out, whatever its encoding, and says so', async () => {
    // /etc's "environment" is empty on Debian: a copy of /etc read as a folder.
    await writeFile(join(base, 'a-environment.txt'), '')
    for (const f of ['essay.txt', 'review.txt']) await writeFile(join(base, f), await readFile(join(FIXTURES, 'three', f)))
    await writeFile(join(base, 'b-newlines.txt'), '\n\n  \n')
    await writeFile(join(base, 'c-bom.txt'), '\ufeff')
    await writeFile(join(base, 'd-utf16.txt'), Buffer.from('\ufeff \n', 'utf16le'))
    await writeFile(join(base, 'z-empty.md'), '')
    const r = await cli('overlaps', base, '--json')
    expect(r.code).toBe(0)
    expect(r.stderr.split('\n')).toEqual([
      `note: ${join(base, 'a-environment.txt')}: the file is empty, left out`,
      `note: ${join(base, 'b-newlines.txt')}: the file holds no text, only white space, left out`,
      `note: ${join(base, 'c-bom.txt')}: the file holds no text, only white space, left out`,
      `note: ${join(base, 'd-utf16.txt')}: the file holds no text, only white space, left out`,
      `note: ${join(base, 'z-empty.md')}: the file is empty, left out`,
    ])
    const json = JSON.parse(r.stdout) as { documents: { id: string }[]; overlaps: unknown[] }
    expect(json.documents.map((d) => d.id)).toEqual(['essay', 'review'])
    expect(json.overlaps.length).toBeGreaterThan(0)
    // Files of no text alone: the command says so, whatever their encoding.
    const blank = join(base, 'blank')
    await mkdir(blank)
    await writeFile(join(blank, 'a.txt'), '\n')
    await writeFile(join(blank, 'b.txt'), Buffer.from('\ufeff \n', 'utf16le'))
    const none = await cli('overlaps', blank, '--json')
    expect(none.code).toBe(1)
    expect(none.stderr).toMatch(
      /blank: no \.txt or \.md file in the folder holds text \(.*a\.txt: the file holds no text, only white space, and 1 more\)/,
    )
  })

  it("reads no file in a hidden folder, as none that is hidden (a checkout's .git, a desktop's trash)", async () => {
    for (const f of ['essay.txt', 'review.txt']) await writeFile(join(base, f), await readFile(join(FIXTURES, 'three', f)))
    await mkdir(join(base, '.Trash-1000', 'files'), { recursive: true })
    await writeFile(join(base, '.Trash-1000', 'files', 'essay.txt'), await readFile(join(FIXTURES, 'three', 'essay.txt')))
    await mkdir(join(base, '.git', 'info'), { recursive: true })
    await writeFile(join(base, '.git', 'info', 'notes.md'), 'Notes of the checkout, in Markdown.\n')
    await writeFile(join(base, '.draft.txt'), await readFile(join(FIXTURES, 'three', 'review.txt')))
    const json = JSON.parse((await cli('overlaps', base, '--json')).stdout) as { documents: { id: string }[] }
    expect(json.documents.map((d) => d.id)).toEqual(['essay', 'review'])
  })

  it('reads a folder file in a legacy encoding as an import does, or guesses Windows-1252 where it tells too little, and says so', async () => {
    // Debian NEWS files in Latin-1 beside one in UTF-8, sharing a sentence with accented names;
    // the second Latin-1 file has one letter beyond ASCII, too little to tell its encoding.
    const shared = 'Translations were updated by José Müller, François Lefèvre and Zoë Ångström for this release of the manual pages.'
    const names = 'The German manual pages are maintained by the translation team for this release of the package.'
    await writeFile(join(base, 'a-latin1.txt'), Buffer.from(`groff 1.22\n\n* ${shared}\n\n* Pinyin is now rendered.\n`, 'latin1'))
    await writeFile(join(base, 'b-one.txt'), Buffer.from(`sed 4.9 (Brontë)\n\n* ${names}\n`, 'latin1'))
    await writeFile(join(base, 'c-utf8.txt'), `make 4.3\n\n* ${shared}\n\n* ${names}\n`)
    const r = await cli('overlaps', base, '--json')
    expect(r.code).toBe(0)
    expect(r.stderr.split('\n')).toEqual([
      `note: ${join(base, 'a-latin1.txt')}: read as windows-1252 (the file is not UTF-8)`,
      `note: ${join(base, 'b-one.txt')}: read as windows-1252, a guess (the file is not UTF-8, and too little of it is beyond ASCII to tell its encoding)`,
    ])
    const json = JSON.parse(r.stdout) as {
      documents: { title: string }[]
      overlaps: { kind: string; passages: { doc: string; text: string }[] }[]
    }
    expect(json.documents[1].title).toBe('sed 4.9 (Brontë)')
    const of = (doc: string) => json.overlaps.find((o) => o.passages[0].doc === doc)!
    expect(of('a-latin1').kind).toBe('verbatim')
    expect(of('a-latin1').passages.map((p) => p.doc)).toEqual(['a-latin1', 'c-utf8'])
    for (const p of of('a-latin1').passages) expect(p.text).toContain('José Müller, François Lefèvre and Zoë Ångström')
    expect(of('b-one').passages.map((p) => p.doc)).toEqual(['b-one', 'c-utf8'])
  })

  it.each([
    ['the bundled corpus', CORPUS],
    ['copies of one document', join(FIXTURES, 'duplicate')],
  ])('prints the same overlaps as text as the JSON lists them, a line a passage (%s)', async (_, folder) => {
    const json = JSON.parse((await cli('overlaps', folder, '--json')).stdout) as {
      documents: unknown[]
      overlaps: (Overlap & { source: string })[]
    }
    const r = await cli('overlaps', folder)
    expect(r.code).toBe(0)
    const lines = r.stdout.split('\n')
    expect(lines[0]).toBe(`${json.overlaps.length} overlap(s) among ${json.documents.length} document(s)`)
    // After the figures, what else the JSON says: copies of one document, boilerplate, reasons.
    const marks = (o: Overlap) =>
      (o.duplicate ? ', duplicate documents' : '') +
      (o.boilerplate ? ', boilerplate' : '') +
      (o.because ? `, because: ${o.because.join('; ')}` : '')
    // The kind in the README's words: the JSON's "variant" is near-verbatim to a reader.
    const word = { verbatim: 'verbatim', variant: 'near-verbatim', paraphrase: 'paraphrase' }
    const expected = json.overlaps.flatMap((o, k) => [
      '',
      `${k + 1}. ${word[o.kind]}, score ${o.score} (${o.words} shared words, similarity ${o.similarity})${marks(o)}`,
      ...o.passages.map((p) => `   ${p.doc} ${p.start}-${p.end}: ${oneLine(p.text)}`),
    ])
    expect(lines.slice(1)).toEqual(expected)
    expect(json.overlaps.some((o) => o.because || o.duplicate)).toBe(true)
    if (folder === CORPUS) expect(r.stdout).toMatch(/^\d+\. near-verbatim, score /m)
  })

  it('shows a passage on one line, white space collapsed, cut where the line ends', () => {
    expect(oneLine('a  b\n\nc')).toBe('a b c')
    const long = 'word\n\n   '.repeat(10_000)
    expect(oneLine(long)).toBe(`${'word '.repeat(47)}word…`)
    expect(oneLine(long, 12)).toBe('word word w…')
    // Read a little at a time, a run of white space longer than what is read first is one space.
    expect(oneLine(`x${' '.repeat(5000)}y`)).toBe('x y')
    expect(oneLine(`x${' '.repeat(5000)}${'y'.repeat(300)}`)).toBe(`x ${'y'.repeat(237)}…`)
  })

  it('looks for paraphrases past PARAPHRASE_MAX_WORDS words with --paraphrases, and in none with --no-paraphrases', async () => {
    const folder = join(base, 'large')
    await mkdir(folder)
    for (const [id, text] of Object.entries({ ...RESTATED, pasture: pasture() })) await writeFile(join(folder, `${id}.txt`), text)
    const kinds = async (...options: string[]) => {
      const r = await cli('overlaps', folder, '--json', ...options)
      expect(r.code).toBe(0)
      return { kinds: (JSON.parse(r.stdout) as { overlaps: Overlap[] }).overlaps.map((o) => o.kind), stderr: r.stderr }
    }
    // Not run by default, and the reader told so.
    const { kinds: found, stderr } = await kinds()
    expect(found).toEqual([])
    expect(stderr).toMatch(
      /^note: the paraphrase search did not run: the texts have 1,000,\d{3} words, more than 1,000,000 \(--paraphrases runs it, which can take as long again\)$/,
    )
    expect(await kinds('--paraphrases')).toEqual({ kinds: ['paraphrase'], stderr: '' })
    expect(await kinds('--no-paraphrases')).toEqual({ kinds: [], stderr: '' })
    // And on the bundled corpus, searched by default, none without.
    const bundled = async (...options: string[]) =>
      (JSON.parse((await cli('overlaps', CORPUS, '--json', ...options)).stdout) as { overlaps: Overlap[] }).overlaps
    expect((await bundled()).filter((o) => o.kind === 'paraphrase').length).toBeGreaterThan(0)
    expect((await bundled('--no-paraphrases')).filter((o) => o.kind === 'paraphrase')).toEqual([])
    expect((await cli('overlaps', CORPUS, '--json')).stderr).toBe('')
  })

  it('reports usage errors with exit 2', async () => {
    expect((await cli('overlaps')).code).toBe(2)
    expect((await cli('overlaps', CORPUS, '--limit', 'x')).code).toBe(2)
    expect((await cli('overlaps', CORPUS, '--paraphrases=no')).code).toBe(2)
    const missing = await cli('overlaps', join(base, 'nowhere'), '--json')
    expect(missing.code).toBe(1)
    expect(missing.stderr).toMatch(/no such folder/)
  })

  it('reads a linked file as the file it leads to, and says which link leads nowhere', async () => {
    const licence = await readFile(join(FIXTURES, 'definitions', 'primer.txt'), 'utf8')
    const folder = join(base, 'linked')
    await mkdir(folder)
    await writeFile(join(base, 'elsewhere.txt'), licence)
    await writeFile(join(folder, 'a.txt'), licence)
    await symlink(join(base, 'elsewhere.txt'), join(folder, 'b.txt'))
    const r = await cli('overlaps', folder, '--json')
    expect(r.code).toBe(0)
    const json = JSON.parse(r.stdout)
    expect(json.documents.map((d: { id: string }) => d.id)).toEqual(['a', 'b'])
    expect(json.overlaps[0].passages.map((p: { doc: string }) => p.doc)).toEqual(['a', 'b'])
    await symlink(join(base, 'gone.txt'), join(folder, 'c.txt'))
    const dangling = await cli('overlaps', folder)
    expect(dangling.code).toBe(1)
    expect(dangling.stderr).toBe(`parallax: ${join(folder, 'c.txt')}: a link to a file that does not exist`)
    // A link that leads to itself is a loop, not a file that does not exist (a tester).
    await rm(join(folder, 'c.txt'))
    await symlink('d.txt', join(folder, 'd.txt'))
    const loop = await cli('overlaps', folder)
    expect(loop.code).toBe(1)
    expect(loop.stderr).toBe(`parallax: ${join(folder, 'd.txt')}: a link that leads back to itself (a loop of links)`)
  })

  it("names another program's manifest.json or project.json that lists no documents", async () => {
    for (const file of ['manifest.json', 'project.json']) {
      const folder = join(base, file)
      await mkdir(folder)
      await writeFile(join(folder, 'a.txt'), 'Some text to read.\n')
      await writeFile(join(folder, file), JSON.stringify({ name: 'my-web-app', icons: [] }))
      const r = await cli('overlaps', folder)
      expect(r.code).toBe(1)
      expect(r.stderr).toBe(
        `parallax: ${join(folder, file)} lists no documents (to read the folder's .txt and .md files instead, move it out of the folder)`,
      )
    }
  })

  it('says which file name is not UTF-8, rather than that the file is missing', async () => {
    const folder = join(base, 'names')
    await mkdir(folder)
    await writeFile(join(folder, 'a.txt'), 'Some text to read.\n')
    await writeFile(Buffer.concat([Buffer.from(folder + '/caf'), Buffer.from([0xe9]), Buffer.from('.txt')]), 'More text to read.\n')
    const r = await cli('overlaps', folder)
    expect(r.code).toBe(1)
    expect(r.stderr).toBe(
      `parallax: ${join(folder, 'caf\ufffd.txt')}: the file's name is not UTF-8 (shown with \ufffd); rename it to read the folder`,
    )
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

  it('says so when the texts give no key term to look for', async () => {
    const folder = join(base, 'numbers')
    await mkdir(folder)
    await writeFile(join(folder, 'a.txt'), '1, 2, 3.\n')
    const r = await cli('definitions', folder)
    expect(r.code).toBe(0)
    expect(r.stdout).toBe('no key terms found: give the term to look for with --term TEXT')
  })

  it('proposes key terms without --term', async () => {
    const r = await cli('definitions', CORPUS, '--json')
    expect(r.code).toBe(0)
    const json = JSON.parse(r.stdout)
    expect(json.term).toBe('new quality productive forces')
    expect(json.terms[0].term).toBe('new quality productive forces')
  })
})
