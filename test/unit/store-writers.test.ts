import { execFileSync, spawn } from 'node:child_process'
import { readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { AnnotationFile, tagIdsOf } from '../../main/core/annotations/annotation.js'
import { CodebookFile } from '../../main/core/annotations/codebook.js'
import { ApiError } from '../../main/core/contract/api.js'
import type { ReuseFile } from '../../main/core/reuse/imported.js'
import { stableStringify } from '../../main/core/project/json.js'
import { writeDurable } from '../../main/node/project/durable.js'
import { ProjectLock } from '../../main/node/project/lock.js'
import { ProjectStore } from '../../main/node/project/store.js'
import { reusePath, writeReuse } from '../../main/node/reuse/storage.js'
import { ROOT, tempDir } from '../helpers.js'

// Two programs writing one project at once (the app and the CLI, or two CLIs) lose nothing.

const WRITER = join(ROOT, 'test/support/project-writer.ts')
const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c()
})

/** Runs a writer to its end; resolves with the lines it printed. */
function runWriter(args: string[]): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    child.stdout.on('data', (c: Buffer) => (out += c.toString()))
    child.stderr.on('data', (c: Buffer) => (err += c.toString()))
    child.on('error', reject)
    child.on('exit', (code) =>
      code === 0 ? resolve(out.split('\n').filter(Boolean)) : reject(new Error(`writer ${args[0]} exited ${code}: ${err}`)),
    )
  })
}

describe('two writer processes on one project', () => {
  it('keep every acknowledged annotation and tag; deleted stays deleted', async () => {
    const t = await tempDir()
    cleanups.push(t.cleanup)
    const dir = join(t.dir, 'project')
    const store = await ProjectStore.open(dir, { create: true })
    const lines = Array.from({ length: 400 }, (_, n) => `Line ${String(n).padStart(4, '0')} of the shared document.`)
    await writeFile(join(dir, 'documents', 'shared.txt'), lines.join('\n') + '\n')
    await store.updateProject((p) => ({
      ...p,
      documents: [{ id: 'shared', file: 'shared.txt', title: 'Shared', author: '', outlet: '', date: '', url: '' }],
    }))

    const COUNT = 120
    const [app, cli] = await Promise.all([
      runWriter(['app', dir, 'app', String(COUNT), join(t.dir, 'user-app')]),
      runWriter(['cli', dir, 'cli', String(COUNT), join(t.dir, 'user-cli')]),
    ])
    const acks = [...app, ...cli].filter((l) => l.startsWith('ack ')).map((l) => l.split(' '))
    const deleted = new Set(app.filter((l) => l.startsWith('del ')).map((l) => l.slice(4)))
    expect(acks.length).toBe(2 * COUNT)
    expect(acks.length - deleted.size).toBeGreaterThanOrEqual(200)

    const onDisk = AnnotationFile.parse(JSON.parse(await readFile(join(dir, 'annotations', 'shared.json'), 'utf8'))).items
    const tags = CodebookFile.parse(JSON.parse(await readFile(join(dir, 'tags.json'), 'utf8'))).tags
    const ids = new Set(onDisk.map((a) => a.id))
    const lost = acks.filter(([, id]) => !deleted.has(id) && !ids.has(id))
    const cameBack = [...deleted].filter((id) => ids.has(id))
    const tagIds = new Set(tags.map((t) => t.id))
    const dangling = onDisk.flatMap((a) => tagIdsOf(a)).filter((id) => !tagIds.has(id))
    const tagNames = new Set(tags.map((t) => t.name))
    const lostTags = [...new Set(acks.map(([, , tag]) => tag))].filter((name) => !tagNames.has(name))
    expect({ lost: lost.length, cameBack: cameBack.length, dangling: dangling.length, lostTags: lostTags.length }).toEqual({
      lost: 0,
      cameBack: 0,
      dangling: 0,
      lostTags: 0,
    })
    expect(onDisk.length).toBe(acks.length - deleted.size)
  }, 240_000)
})

describe('a file another program changed', () => {
  it('is read again before the next change, even with the same size and modification time', async () => {
    const t = await tempDir()
    cleanups.push(t.cleanup)
    const store = await ProjectStore.open(t.dir, { create: true })
    const tag = (id: string, name: string) => ({ id, name, colour: '#336699', parent: null, description: '' })
    await store.updateCodebook((b) => ({ ...b, tags: [tag('t1', 'aaaa')] }))
    const path = join(t.dir, 'tags.json')
    const before = await stat(path, { bigint: true })
    const written = await readFile(path, 'utf8')
    // Another program renames the tag: same length, and (as within one tick of the kernel's coarse
    // clock, or on a file system that keeps seconds) the same modification time, to the nanosecond.
    await writeFile(path, written.replace('"aaaa"', '"bbbb"'))
    const ns = before.mtimeNs
    execFileSync('touch', ['-m', '-d', `@${ns / 1_000_000_000n}.${String(ns % 1_000_000_000n).padStart(9, '0')}`, path])
    expect((await stat(path, { bigint: true })).mtimeNs).toBe(ns)
    await store.updateCodebook((b) => ({ ...b, tags: [...b.tags, tag('t2', 'cccc')] }))
    const after = CodebookFile.parse(JSON.parse(await readFile(path, 'utf8'))).tags
    expect(after.map((t) => t.name)).toEqual(['bbbb', 'cccc'])
  })
})

describe('imported overlaps (reuse/*.json)', () => {
  it('are written under the project lock: never while another writer holds it', async () => {
    const t = await tempDir()
    cleanups.push(t.cleanup)
    const store = await ProjectStore.open(join(t.dir, 'project'), { create: true })
    const file: ReuseFile = {
      format: 'parallax-reuse',
      version: 1,
      source: 'passim',
      report: {} as ReuseFile['report'],
      overlaps: [],
    }
    const content = stableStringify(file)
    let pending: Promise<string> | undefined
    let writtenWhileHeld: boolean | undefined
    // Another writer holds the lock; the reuse write starts, then an unlocked write of the same
    // content and size: it lands, the locked one must not have.
    await new ProjectLock(store.dir).run(async () => {
      pending = writeReuse(store, file)
      await writeDurable(join(t.dir, 'unlocked.json'), content)
      writtenWhileHeld = (await stat(reusePath(store.dir, 'passim')).catch(() => null)) !== null
    })
    expect(await pending).toBe(reusePath(store.dir, 'passim'))
    expect(writtenWhileHeld).toBe(false)
    expect(await readFile(reusePath(store.dir, 'passim'), 'utf8')).toBe(content)
  })
})

describe('the project lock', () => {
  it('fails at once where it cannot be made, saying why, not after a minute as "another program"', async () => {
    const t = await tempDir()
    cleanups.push(t.cleanup)
    // A project folder gone (a disk unplugged): the lock folder cannot be made in it. (A read-only
    // disk, a folder not the reader's or a full disk fail alike; the test's default timeout, far
    // under the minute a held lock is waited for, would catch a wait.)
    const gone = join(t.dir, 'unplugged')
    const attempt = new ProjectLock(gone).run(async () => 'written')
    await expect(attempt).rejects.toThrow(`cannot write to the project in ${gone}: no such file; nothing was saved`)
  })
})

describe('an operation that fails part way', () => {
  it('changes nothing: the files it had written are put back, and there is nothing to undo', async () => {
    const t = await tempDir()
    cleanups.push(t.cleanup)
    const store = await ProjectStore.open(t.dir, { create: true })
    const path = join(t.dir, 'tags.json')
    const before = await readFile(path, 'utf8').catch(() => null)
    // "Annotate with a new tag" on a nearly full disk: the tag is written, the annotation is not.
    const attempt = store.transaction('Annotate', async (tx) => {
      await store.updateCodebook(
        (b) => ({ ...b, tags: [{ id: 't1', name: 'new tag', colour: '#336699', parent: null, description: '' }] }),
        tx,
      )
      throw new ApiError('internal', 'disk full: the annotation was not saved')
    })
    await expect(attempt).rejects.toThrow('disk full: the annotation was not saved')
    expect(await readFile(path, 'utf8').catch(() => null)).toBe(before)
    expect(store.codebook.tags).toEqual([])
    expect(store.history()).toEqual({ undo: null, redo: null })
  })

  it('names what it could not put back, which undo then takes back (and only that)', async () => {
    const t = await tempDir()
    cleanups.push(t.cleanup)
    const store = await ProjectStore.open(t.dir, { create: true })
    const tags = join(t.dir, 'tags.json')
    const projectBefore = await readFile(join(t.dir, 'project.json'), 'utf8')
    const attempt = store.transaction('Rename', async (tx) => {
      await store.updateProject((p) => ({ ...p, name: 'Renamed' }), tx)
      await store.updateCodebook((b) => ({ ...b, tags: [{ id: 't1', name: 'one', colour: '#336699', parent: null, description: '' }] }), tx)
      // Another program writes the codebook meanwhile: it is not put back over, so neither is the
      // project file (the files go back together or not at all).
      await writeFile(tags, '{"tags": []}\n')
      throw new ApiError('internal', 'disk full: the change was not saved')
    })
    await expect(attempt).rejects.toThrow(
      'disk full: the change was not saved; "Rename" had already changed project.json, which could not be put back: Undo takes it back',
    )
    expect(await readFile(tags, 'utf8')).toBe('{"tags": []}\n')
    expect(store.project.name).toBe('Renamed')
    expect(store.history().undo).toBe('Rename')
    expect((await store.undo())?.label).toBe('Rename')
    expect(await readFile(join(t.dir, 'project.json'), 'utf8')).toBe(projectBefore)
    expect(await readFile(tags, 'utf8')).toBe('{"tags": []}\n')
  })
})
