import { type ChildProcess, spawn } from 'node:child_process'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { AnnotationFile } from '../../main/core/annotations/annotation.js'
import { ProjectStore } from '../../main/node/project/store.js'
import { content } from '../support/durable-writer.js'
import { ROOT, tempDir } from '../helpers.js'

// kill -9 a process while it writes, then look at what is on disk.

const WRITER = join(ROOT, 'test/support/durable-writer.ts')
const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c()
})

/** Starts the writer; resolves with it and the lines it printed so far (kept up to date). */
function startWriter(args: string[]): { child: ChildProcess; lines: string[]; waitFor: (n: number) => Promise<void> } {
  const child = spawn(process.execPath, ['--import', 'tsx', WRITER, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] })
  const lines: string[] = []
  let buffer = ''
  const waiters: { n: number; resolve: () => void }[] = []
  child.stdout!.on('data', (chunk: Buffer) => {
    buffer += chunk.toString()
    const parts = buffer.split('\n')
    buffer = parts.pop()!
    lines.push(...parts)
    for (const w of waiters.splice(0))
      if (lines.length >= w.n) w.resolve()
      else waiters.push(w)
  })
  return {
    child,
    lines,
    waitFor: (n) =>
      new Promise((resolve, reject) => {
        if (lines.length >= n) return resolve()
        waiters.push({ n, resolve })
        child.once('exit', (code) => reject(new Error(`writer exited (${code}) after ${lines.length} lines`)))
      }),
  }
}

function kill9(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve())
    child.kill('SIGKILL')
  })
}

describe('durable writes under kill -9', () => {
  it('leave the old or the new file, never a broken one', async () => {
    const t = await tempDir()
    cleanups.push(t.cleanup)
    const path = join(t.dir, 'data.json')
    await writeFile(path, content(0))
    const valid = new Set([content(0), content(1)])
    for (let round = 0; round < 6; round++) {
      const writer = startWriter(['file', path])
      await writer.waitFor(1 + round)
      // Kill at a different point of the write cycle each round.
      await new Promise((r) => setTimeout(r, 3 + round * 7))
      await kill9(writer.child)
      const after = await readFile(path, 'utf8')
      expect(valid.has(after), `round ${round}: the file is neither the old nor the new content`).toBe(true)
      expect(() => JSON.parse(after)).not.toThrow()
    }
    // Six writer processes started and killed one after another: slow on a loaded machine.
  }, 120_000)

  it('keep every acknowledged annotation of a stream', async () => {
    const t = await tempDir()
    cleanups.push(t.cleanup)
    const store = await ProjectStore.open(t.dir, { create: true })
    await writeFile(join(t.dir, 'documents', 'a.txt'), 'The quick brown fox jumps over the lazy dog. '.repeat(40))
    await store.updateProject((p) => ({
      ...p,
      documents: [{ id: 'a', file: 'a.txt', title: 'A', author: '', outlet: '', date: '', url: '' }],
    }))
    let acknowledged: string[] = []
    for (let round = 0; round < 3; round++) {
      const writer = startWriter(['annotations', t.dir])
      await writer.waitFor(5 + round * 5)
      await kill9(writer.child)
      acknowledged = acknowledged.concat(writer.lines.filter((l) => l.startsWith('ack ')).map((l) => l.slice(4)))
      for (const file of await readdir(join(t.dir, 'annotations'))) {
        if (!file.endsWith('.json')) continue
        const parsed = AnnotationFile.safeParse(JSON.parse(await readFile(join(t.dir, 'annotations', file), 'utf8')))
        expect(parsed.success, `annotations/${file} parses`).toBe(true)
      }
      const reopened = await ProjectStore.open(t.dir)
      const ids = new Set(reopened.annotationsOf('a').map((a) => a.id))
      expect(reopened.problems).toEqual([])
      for (const id of acknowledged) expect(ids.has(id), `acknowledged ${id} is on disk`).toBe(true)
    }
    expect(acknowledged.length).toBeGreaterThanOrEqual(15)
  })
})
