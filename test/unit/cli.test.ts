import { execFile } from 'node:child_process'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { unzipSync } from 'fflate'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AnnotationFile, positionOf, quoteOf, tagIdsOf } from '../../main/core/annotations/annotation.js'
import { CodebookFile } from '../../main/core/annotations/codebook.js'
import { runCli } from '../../main/node/cli/cli.js'
import { ROOT, tempDir } from '../helpers.js'

const run = promisify(execFile)
let base: string
let cleanup: () => Promise<void>
let env: NodeJS.ProcessEnv

beforeEach(async () => {
  const t = await tempDir()
  base = t.dir
  cleanup = t.cleanup
  env = { ...process.env, PARALLAX_USER_DATA: join(base, 'user-data') }
})
afterEach(() => cleanup())

/**
 * Runs the CLI as a user does (npm run cli): a separate process, stdout and stderr apart, from the
 * bundle the tests' setup builds (run.cjs).
 */
async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return cliAt('run.cjs', ...args)
}

/** cli() through the entry `entry` of main/node/cli (run.mjs: its former name, a shim). */
async function cliAt(entry: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(ROOT, 'main/node/cli', entry), ...args], {
      env,
      cwd: ROOT,
    })
    return { code: 0, stdout, stderr }
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string }
    return { code: err.code, stdout: err.stdout, stderr: err.stderr }
  }
}

/** Runs the CLI in this process (same code path, faster). */
async function inProcess(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  const old = process.env.PARALLAX_USER_DATA
  process.env.PARALLAX_USER_DATA = env.PARALLAX_USER_DATA
  try {
    const code = await runCli(args, { out: (t) => (stdout += t + '\n'), err: (t) => (stderr += t + '\n') })
    return { code, stdout, stderr }
  } finally {
    if (old === undefined) delete process.env.PARALLAX_USER_DATA
    else process.env.PARALLAX_USER_DATA = old
  }
}

describe('cli', () => {
  it('imports, annotates and lists through the project files', async () => {
    const sources = join(base, 'sources')
    await mkdir(sources)
    await writeFile(
      join(sources, 'essay.md'),
      '---\ntitle: An Essay\nauthor: Ann Lee\ndate: 2024-05-01\n---\n\n# An Essay\n\nThe 😀 term means what it says. The term means it.\n',
    )
    await writeFile(join(sources, 'notes.txt'), 'Plain notes\n\nBy John Doe\n\nSome text.\n')
    const project = join(base, 'proj')

    const imported = await cli('import', sources, '--project', project)
    expect(imported.code).toBe(0)
    expect(imported.stdout).toBe('essay\tAn Essay\nnotes\tPlain notes\n')

    const annotated = await cli(
      'annotate',
      '--project',
      project,
      '--doc',
      'essay',
      '--quote',
      'term means',
      '--occurrence',
      '2',
      '--tag',
      'Definition',
      '--tag',
      'Key',
      '--note',
      'Second *use*',
    )
    expect(annotated.code).toBe(0)
    const printed = JSON.parse(annotated.stdout)
    expect(quoteOf(printed).exact).toBe('term means')
    const text = await readFile(join(project, 'documents', 'essay.md'), 'utf8')
    const second = text.indexOf('term means', text.indexOf('term means') + 1)
    expect(positionOf(printed)).toMatchObject({ start: [...text.slice(0, second)].length, end: [...text.slice(0, second)].length + 10 })

    // What it printed is what is on disk, in the files the issue describes.
    const onDisk = AnnotationFile.parse(JSON.parse(await readFile(join(project, 'annotations', 'essay.json'), 'utf8')))
    expect(onDisk.items).toEqual([printed])
    const codebook = CodebookFile.parse(JSON.parse(await readFile(join(project, 'tags.json'), 'utf8')))
    expect(tagIdsOf(printed).map((id) => codebook.tags.find((t) => t.id === id)?.name)).toEqual(['Definition', 'Key'])

    const listed = await cli('list', '--project', project, '--json')
    expect(listed.code).toBe(0)
    const json = JSON.parse(listed.stdout)
    expect(json.documents).toEqual([
      { id: 'essay', file: 'essay.md', title: 'An Essay', author: 'Ann Lee', outlet: '', date: '2024-05-01', url: '', annotations: 1 },
      { id: 'notes', file: 'notes.txt', title: 'Plain notes', author: 'John Doe', outlet: '', date: '', url: '', annotations: 0 },
    ])
  })

  it('acts on the default project of the bundled corpus without --project', async () => {
    const listed = await inProcess('list', '--json')
    expect(listed.code).toBe(0)
    const json = JSON.parse(listed.stdout)
    expect(json.documents.map((d: { author: string }) => d.author)).toEqual(['', 'Light Blade', 'Shi Jianxun', 'Yang Yundong', ''])
    const annotated = await inProcess(
      'annotate',
      '--doc',
      'yang-yundong-nqpf-high-quality-development',
      '--quote',
      'new quality productive forces are, in essence, advanced productivity',
      '--tag',
      'Definition',
    )
    expect(annotated.code).toBe(0)
    expect(JSON.parse((await inProcess('list', '--json')).stdout).documents[3].annotations).toBe(1)
  })

  it('says how to use it on a wrong command line (exit 2)', async () => {
    const unknown = await cli('frobnicate')
    expect(unknown.code).toBe(2)
    expect(unknown.stdout).toBe('')
    expect(unknown.stderr).toMatch(/unknown command: frobnicate[\s\S]*Usage:/)
    // An engine command's mistake, which its own script leaves to the whole CLI (engine-script.mjs).
    const noFolder = await cli('overlaps')
    expect([noFolder.code, noFolder.stdout]).toEqual([2, ''])
    expect(noFolder.stderr).toMatch(/^parallax: overlaps: name one folder or project\n\nUsage:/)
    // The same through the entry's former name.
    const former = await cliAt('run.mjs', 'overlaps')
    expect([former.code, former.stdout]).toEqual([2, ''])
    expect(former.stderr).toBe(noFolder.stderr)
    const flag = await inProcess('list', '--bogus')
    expect(flag.code).toBe(2)
    expect(flag.stderr).toMatch(/Unknown option '--bogus'/)
    expect((await inProcess('annotate', '--doc', 'x')).stderr).toMatch(/--quote is required/)
    expect((await inProcess('annotate', '--doc', 'x', '--quote', 'y', '--occurrence', '0')).code).toBe(2)
  })

  it('fails with one clear line on a runtime error (exit 1)', async () => {
    const missing = await inProcess('annotate', '--doc', 'gmw-light-blade-what-are-nqpf', '--quote', 'no such words anywhere')
    expect(missing.code).toBe(1)
    expect(missing.stderr).toBe('parallax: the quote does not occur in document "gmw-light-blade-what-are-nqpf"\n')
    const binary = join(base, 'data.txt')
    await writeFile(binary, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]))
    const bad = await inProcess('import', binary, '--project', join(base, 'p'))
    expect(bad.code).toBe(1)
    expect(bad.stderr).toMatch(/data\.txt: this is a binary file/)
    const invalid = join(base, 'latin1.txt')
    await writeFile(invalid, Buffer.from('caf\xe9 ok', 'latin1'))
    expect((await inProcess('import', invalid, '--project', join(base, 'p'))).stderr).toMatch(
      /not valid UTF-8 text \(first invalid byte at offset 3\)/,
    )
    const empty = join(base, 'empty.txt')
    await writeFile(empty, '')
    expect((await inProcess('import', empty, '--project', join(base, 'p'))).stderr).toMatch(/empty\.txt: the file is empty/)
    expect((await inProcess('import', join(base, 'nope.txt'))).stderr).toMatch(/no such file or folder/)
  })
})

describe('cli settings', () => {
  it("sets the reader's name in project.json, and the DOCX and REFI-QDA exports name the reader", async () => {
    const sources = join(base, 'sources')
    await mkdir(sources)
    await writeFile(join(sources, 'essay.txt'), 'The term means what it says.\n')
    const project = join(base, 'project')
    expect((await inProcess('import', sources, '--project', project)).code).toBe(0)
    expect((await inProcess('annotate', '--doc', 'essay', '--quote', 'term', '--tag', 'Term', '--project', project)).code).toBe(0)
    expect((await inProcess('settings', '--project', project)).stdout).toBe('reader name: (not set)\n')
    const docxCreator = async () => {
      expect((await inProcess('export', '--format', 'docx', '--out', join(base, 'out.docx'), '--project', project)).code).toBe(0)
      const core = new TextDecoder().decode(unzipSync(new Uint8Array(await readFile(join(base, 'out.docx'))))['docProps/core.xml'])
      return /<dc:creator>([^<]*)<\/dc:creator>/.exec(core)?.[1] ?? null
    }
    // No name set: no author at all (never the software's name).
    expect(await docxCreator()).toBeNull()

    const set = await inProcess('settings', '--reader-name', '  Ada Reader ', '--project', project, '--json')
    expect(JSON.parse(set.stdout)).toEqual({ readerName: 'Ada Reader' })
    const stored = JSON.parse(await readFile(join(project, 'project.json'), 'utf8'))
    expect(stored.settings).toEqual({ readerName: 'Ada Reader' })
    expect(await docxCreator()).toBe('Ada Reader')
    expect((await inProcess('export', '--format', 'qdpx', '--out', join(base, 'out.qdpx'), '--project', project)).code).toBe(0)
    const qde = new TextDecoder().decode(unzipSync(new Uint8Array(await readFile(join(base, 'out.qdpx'))))['project.qde'])
    expect(qde).toMatch(/<User guid="[^"]+" name="Ada Reader"\/>/)

    expect((await inProcess('settings', '--reader-name', '', '--project', project)).stdout).toBe('reader name: (not set)\n')
    expect(JSON.parse(await readFile(join(project, 'project.json'), 'utf8')).settings).toEqual({})
  })
})

describe('cli tags and annotations', () => {
  it('manages the codebook and lists annotations with their anchoring status', async () => {
    const doc = 'yang-yundong-nqpf-high-quality-development'
    expect(
      (await inProcess('annotate', '--doc', doc, '--quote', 'revolutionary technological breakthroughs', '--tag', 'Innovation')).code,
    ).toBe(0)
    const created = await inProcess('tags', 'create', 'Economy', '--colour', '#336699', '--description', 'Economic claims')
    expect(JSON.parse(created.stdout)).toMatchObject({ name: 'Economy', colour: '#336699', parent: null })
    expect((await inProcess('tags', 'create', 'Growth', '--parent', 'Economy')).code).toBe(0)
    expect((await inProcess('tags', 'rename', 'innovation', 'Technological innovation')).code).toBe(0)
    const listed = JSON.parse((await inProcess('tags', 'list', '--json')).stdout)
    expect(listed.tags.map((t: { name: string; count: number }) => [t.name, t.count])).toEqual([
      ['Technological innovation', 1],
      ['Economy', 0],
      ['Growth', 0],
    ])
    const merged = await inProcess('tags', 'merge', 'Technological innovation', 'Growth')
    expect(merged.stderr).toMatch(/moved 1 annotation/)
    const annotations = JSON.parse((await inProcess('annotations', '--tag', 'Economy', '--json')).stdout).annotations
    expect(annotations).toHaveLength(1)
    expect(annotations[0]).toMatchObject({ doc, status: 'anchored', quote: 'revolutionary technological breakthroughs', tags: ['Growth'] })
    expect((await inProcess('tags', 'delete', 'Growth', '--reassign', 'Economy')).stderr).toMatch(/reassigned 1 annotation/)
    expect(JSON.parse((await inProcess('annotations', '--doc', doc, '--json')).stdout).annotations[0].tags).toEqual(['Economy'])
    expect((await inProcess('tags', 'delete', 'Nope')).stderr).toBe('parallax: no tag named "Nope"\n')
    expect((await inProcess('tags', 'frob')).code).toBe(2)
    expect((await inProcess('annotations', '--bogus')).code).toBe(2)
  })
})
