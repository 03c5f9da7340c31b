import { execFileSync } from 'node:child_process'
import { mkdir, symlink, writeFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:net'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ApiError } from '../../main/core/contract/api.js'
import { ProjectStore } from '../../main/node/project/store.js'
import { Service } from '../../main/node/service/service.js'
import { runCli } from '../../main/node/cli/cli.js'
import { CORPUS, tempDir } from '../helpers.js'

// Paths that are not documents or projects however they are named: the kernel's /proc, /sys and
// /dev, devices, FIFOs and sockets. Each is refused with one clear message, quickly; before, opening
// /proc/self as a project never returned and reading a FIFO waited forever for a writer.

let base: string
let cleanup: () => Promise<void>
let server: Server | undefined

beforeEach(async () => {
  const t = await tempDir()
  base = t.dir
  cleanup = t.cleanup
})
afterEach(async () => {
  server?.close()
  server = undefined
  await cleanup()
})

async function service(): Promise<Service> {
  return Service.start({ corpusDir: CORPUS, userData: join(base, 'user-data'), project: join(base, 'project') })
}

/** The error `run` rejects with; fails if it resolves. */
async function rejection(run: Promise<unknown>): Promise<Error> {
  const e = await run.then(
    () => null,
    (e: unknown) => e,
  )
  expect(e).toBeInstanceOf(Error)
  return e as Error
}

function fifo(path: string): string {
  execFileSync('mkfifo', [path])
  return path
}

async function socket(path: string): Promise<string> {
  server = createServer()
  await new Promise<void>((done) => server!.listen(path, done))
  return path
}

describe('special paths', () => {
  it("refuses /proc/self, /sys and /dev as a project, and a FIFO or socket in a folder's place", async () => {
    const s = await service()
    for (const [dir, message] of [
      ['/proc/self', /^\/proc\/self is inside \/proc, a view of the system kept by the kernel, not a project folder$/],
      ['/sys/kernel', /^\/sys\/kernel is inside \/sys/],
      ['/dev', /^\/dev is inside \/dev/],
      ['/proc/self/not-there', /^\/proc\/self\/not-there is inside \/proc/],
      [fifo(join(base, 'pipe')), /pipe is a named pipe \(FIFO\), not a project folder$/],
      [await socket(join(base, 'sock')), /sock is a socket, not a project folder$/],
    ] as const) {
      const e = await rejection(s.openProject({ dir }))
      expect(e).toBeInstanceOf(ApiError)
      expect(e.message).toMatch(message)
    }
    // The project that was open stays open.
    expect(s.project.dir).toBe(join(base, 'project'))
    // And from the command line, one line and a failing exit code.
    const out: string[] = []
    const code = await runCli(['list', '--project', '/proc/self'], { out: (l: string) => out.push(l), err: (l: string) => out.push(l) })
    expect(code).not.toBe(0)
    expect(out.join('\n')).toMatch(/\/proc\/self is inside \/proc/)
  })

  it('refuses to import a device, a FIFO, a socket or a system folder, whatever its name', async () => {
    const s = await service()
    const dev = join(base, 'zero.txt')
    await symlink('/dev/zero', dev)
    for (const [path, message] of [
      [dev, /zero\.txt is inside \/dev/],
      [fifo(join(base, 'pipe.txt')), /pipe\.txt is a named pipe \(FIFO\), not a document or folder to import$/],
      [await socket(join(base, 'sock.md')), /sock\.md is a socket/],
      ['/proc', /^\/proc is inside \/proc/],
      ['/sys/kernel', /^\/sys\/kernel is inside \/sys/],
    ] as const) {
      const e = await rejection(s.importDocuments({ paths: [path] }))
      expect(e.message).toMatch(message)
      expect(e.message.split('\n')).toHaveLength(1)
    }
    expect((await s.getProject()).documents).toEqual([])
  })

  it('a FIFO in place of tags.json or an annotations file is reported, and the rest of the project opens', async () => {
    const dir = join(base, 'fifo-project')
    await mkdir(join(dir, 'documents'), { recursive: true })
    await mkdir(join(dir, 'annotations'))
    await writeFile(join(dir, 'documents', 'a.txt'), 'Some text.')
    await writeFile(
      join(dir, 'project.json'),
      JSON.stringify({ name: 'p', documents: [{ id: 'a', file: 'a.txt', title: 'A', author: '', outlet: '', date: '', url: '' }] }),
    )
    fifo(join(dir, 'tags.json'))
    fifo(join(dir, 'annotations', 'a.json'))
    const store = await ProjectStore.open(dir)
    expect(store.problems.map((p) => p.reason).sort()).toEqual([
      'a.json is not a regular file (a device, pipe or socket)',
      'tags.json is not a regular file (a device, pipe or socket)',
    ])
    expect(store.project.documents.map((d) => d.id)).toEqual(['a'])
  })
})
