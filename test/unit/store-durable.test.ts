import { execFileSync } from 'node:child_process'
import { type FileHandle, mkdir, mkdtemp, readdir, readFile, rm, statfs, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { makeAnnotation } from '../../main/core/annotations/annotation.js'
import { OffsetMap } from '../../main/core/text/offsets.js'
import { removeLeftovers, type WriteIo, WriteFailure, writeDurable } from '../../main/node/project/durable.js'
import { ProjectStore } from '../../main/node/project/store.js'
import { tempDir } from '../helpers.js'

// Durable writes that cannot lie: a write the system completes only in part is an error, never a
// truncated file renamed over a good one.

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

/** A write that stores at most `limit` bytes in all, then reports no progress, as a nearly full disk does. */
function diskWithRoom(limit: number): WriteIo & { calls: number } {
  let room = limit
  const io = {
    calls: 0,
    async write(handle: FileHandle, buffer: Uint8Array, offset: number, length: number, position: number) {
      io.calls++
      const n = Math.min(length, room)
      room -= n
      if (n === 0) return { bytesWritten: 0 }
      return handle.write(buffer, offset, n, position)
    },
  }
  return io
}

describe('writeDurable', () => {
  it('loops over short writes until every byte is written', async () => {
    const t = await tempDir()
    cleanups.push(t.cleanup)
    const path = join(t.dir, 'a.json')
    const content = 'x'.repeat(10_000)
    // At most 700 bytes per call, as a system under memory pressure may do.
    const io: WriteIo = { write: (h, b, o, l, p) => h.write(b, o, Math.min(l, 700), p) }
    await writeDurable(path, content, io)
    expect(await readFile(path, 'utf8')).toBe(content)
  })

  it('rejects a write the disk could not complete and keeps the old file', async () => {
    const t = await tempDir()
    cleanups.push(t.cleanup)
    const path = join(t.dir, 'a.json')
    await writeFile(path, '{"old": true}\n')
    const io = diskWithRoom(4096)
    const error = await writeDurable(path, 'y'.repeat(20_000), io).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(WriteFailure)
    expect((error as WriteFailure).diskFull).toBe(true)
    expect(io.calls).toBeGreaterThanOrEqual(2)
    expect(await readFile(path, 'utf8')).toBe('{"old": true}\n')
    expect(await readdir(t.dir)).toEqual(['a.json'])
  })

  it('removes the temporary files of a crashed writer, and nothing else (not a copy kept by hand)', async () => {
    const t = await tempDir()
    cleanups.push(t.cleanup)
    const names = ['.a.json.1234.0123456789ab.tmp', 'tags.json.3141592653', 'project.json.2024', 'a.json', 'notes.json.bak', '.hidden']
    for (const n of names) await writeFile(join(t.dir, n), 'x')
    expect(await removeLeftovers(t.dir)).toEqual(['.a.json.1234.0123456789ab.tmp'])
    expect((await readdir(t.dir)).sort()).toEqual(['.hidden', 'a.json', 'notes.json.bak', 'project.json.2024', 'tags.json.3141592653'])
  })
})

/** Mounts a 3 MB tmpfs (root only): a real disk that fills up. Null, with the reason, when that is impossible. */
async function smallDisk(): Promise<{ dir: string } | { skip: string }> {
  if (process.getuid?.() !== 0) return { skip: 'mounting a small tmpfs needs root; run the tests as root to include it' }
  const dir = await mkdtemp(join(tmpdir(), 'parallax-full-'))
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=3m', 'tmpfs', dir], { stdio: 'pipe' })
  } catch (e) {
    await rm(dir, { recursive: true, force: true })
    return { skip: `mount -t tmpfs failed (no CAP_SYS_ADMIN in this container?): ${(e as Error).message}` }
  }
  cleanups.push(async () => {
    execFileSync('umount', [dir])
    await rm(dir, { recursive: true, force: true })
  })
  return { dir }
}

describe('a nearly full disk (real tmpfs)', () => {
  it('refuses the annotation with "disk full" and keeps every earlier one', async (ctx) => {
    const disk = await smallDisk()
    if ('skip' in disk) return ctx.skip(disk.skip)
    const dir = join(disk.dir, 'project')
    const store = await ProjectStore.open(dir, { create: true })
    const source = 'It was the best of times, it was the worst of times, it was the age of wisdom. '.repeat(20)
    await writeFile(join(dir, 'documents', 'a.txt'), source)
    await store.updateProject((p) => ({
      ...p,
      documents: [{ id: 'a', file: 'a.txt', title: 'A', author: '', outlet: '', date: '', url: '' }],
    }))
    const text = new OffsetMap(source)
    const annotation = (n: number) =>
      makeAnnotation({
        id: `urn:uuid:a-${n}`,
        now: '2026-01-01T00:00:00Z',
        docId: 'a',
        text,
        start: n * 10,
        end: n * 10 + 40,
        tagIds: [],
        note: `note ${n} `.repeat(20),
      })
    for (let n = 0; n < 6; n++) await store.updateAnnotations('a', (items) => [...items, annotation(n)])
    const path = store.annotationsPath('a')
    const before = await readFile(path, 'utf8')
    expect(before.length).toBeGreaterThan(4096)

    // Fill the disk to one 4 KB block free.
    const fs = await statfs(disk.dir)
    await writeFile(join(disk.dir, 'filler'), Buffer.alloc(Number(fs.bavail) * Number(fs.bsize) - 4096))
    expect(Number((await statfs(disk.dir)).bavail) * Number(fs.bsize)).toBe(4096)

    const error = await store.updateAnnotations('a', (items) => [...items, annotation(6)]).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(Error)
    expect((error as Error).message).toMatch(/^disk full: the annotation was not saved/)
    expect(await readFile(path, 'utf8')).toBe(before)
    const reopened = await ProjectStore.open(dir)
    expect(reopened.problems).toEqual([])
    expect(reopened.annotationsOf('a').map((a) => a.id)).toEqual([0, 1, 2, 3, 4, 5].map((n) => `urn:uuid:a-${n}`))
    expect((await readdir(join(dir, 'annotations'))).filter((n) => n !== 'a.json')).toEqual([])
  })
})

describe('opening a project after a crash', () => {
  it('removes the temporary files the crashed writer left', async () => {
    const t = await tempDir()
    cleanups.push(t.cleanup)
    const store = await ProjectStore.open(t.dir, { create: true })
    await store.updateCodebook((b) => ({ ...b, tags: [{ id: 't1', name: 'one', colour: '#336699', parent: null, description: '' }] }))
    const annotations = join(t.dir, 'annotations')
    await mkdir(annotations)
    // What kill -9 leaves: a temporary file. Beside it, a copy of tags.json the reader kept.
    await writeFile(join(annotations, '.a.json.4242.00112233aabb.tmp'), 'x'.repeat(1000))
    await writeFile(join(t.dir, 'tags.json.1'), '{"tags": []}')
    const reopened = await ProjectStore.open(t.dir)
    expect(reopened.leftovers).toEqual(['.a.json.4242.00112233aabb.tmp'])
    expect(await readdir(annotations)).toEqual([])
    expect((await readdir(t.dir)).sort()).toEqual(['annotations', 'documents', 'project.json', 'tags.json', 'tags.json.1'])
  })
})
