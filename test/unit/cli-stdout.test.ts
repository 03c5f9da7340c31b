import { spawn } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { bytesOf } from '../../main/node/cli/stdout.js'
import { ROOT, tempDir } from '../helpers.js'

// The command-line entries' standard output (main/node/cli/stdout.ts) in a process of its own,
// writing into a real pipe: a reader that pauses, and one that stops reading.

const LINE = 'x'.repeat(1023)
const LINES = 8192 // 8 MiB: far more than a pipe holds (64 KiB)

let dir: string
let cleanup: () => Promise<void>
beforeEach(async () => {
  ;({ dir, cleanup } = await tempDir())
})
afterEach(() => cleanup())

/**
 * Starts a script that writes LINES lines through processIo, with stdout a pipe to this process:
 * as lines (io.out), or as bytes (io.bytes), each line written from one array refilled after each
 * write (as byte-lines.ts refills its buffer): a write that returned before it was done would
 * write later lines in place of earlier ones.
 */
async function writer(as: 'lines' | 'bytes' = 'lines'): Promise<ReturnType<typeof spawn>> {
  const script = join(dir, 'writer.ts')
  const stdout = pathToFileURL(join(ROOT, 'main/node/cli/stdout.ts')).href
  const write =
    as === 'lines'
      ? `for (let i = 0; i < ${LINES}; i++) io.out(${JSON.stringify(LINE)})\n`
      : `const line = new TextEncoder().encode(${JSON.stringify(LINE + '\n')})\nconst array = new Uint8Array(line.length)\n` +
        `for (let i = 0; i < ${LINES}; i++) { array.set(line); io.bytes(array); array.fill(0x2d) }\n`
  await writeFile(script, `import { processIo } from ${JSON.stringify(stdout)}\nconst io = processIo()\n${write}io.err('done')\n`)
  return spawn(process.execPath, ['--import', 'tsx', script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
}

const exited = (child: ReturnType<typeof spawn>) => new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)))

describe('standard output of the command line', () => {
  it.each(['lines', 'bytes'] as const)(
    'waits for a reader that pauses, and hands it every byte in order (%s)',
    async (as) => {
      const child = await writer(as)
      const ended = exited(child)
      let done = false
      void ended.then(() => (done = true))
      let stderr = ''
      child.stderr!.on('data', (d) => (stderr += d))
      child.stdout!.pause()
      await new Promise((r) => setTimeout(r, 1500))
      // The pipe is full and the writer waits for it: it has not got past its writes (with its
      // output queued in its memory, it would have, and said so).
      expect(done).toBe(false)
      expect(stderr).toBe('')
      const chunks: Buffer[] = []
      child.stdout!.on('data', (d: Buffer) => chunks.push(d))
      child.stdout!.resume()
      expect(await ended).toBe(0)
      const text = Buffer.concat(chunks).toString('utf8')
      expect(text.length).toBe(LINES * (LINE.length + 1))
      expect(text).toBe(`${LINE}\n`.repeat(LINES))
      expect(stderr).toBe('done\n')
    },
    30_000,
  )

  it.each(['lines', 'bytes'] as const)(
    'ends quietly, exit code 0, when the reader stops reading (head, %s)',
    async (as) => {
      const child = await writer(as)
      const ended = exited(child)
      let stderr = ''
      child.stderr!.on('data', (d) => (stderr += d))
      child.stdout!.once('data', () => child.stdout!.destroy())
      expect(await ended).toBe(0)
      expect(stderr).toBe('')
    },
    30_000,
  )
})

describe('byte output to a command that takes lines', () => {
  it('hands out the decoded lines, whichever byte the chunks are cut at', () => {
    const text = 'é😀 "one"\n\ntwo 中文\nthree\n'
    const bytes = new TextEncoder().encode(text)
    for (let cut = 0; cut <= bytes.length; cut++) {
      const lines: string[] = []
      const write = bytesOf({ out: (l) => lines.push(l), err: () => undefined })
      write(bytes.subarray(0, cut))
      write(bytes.subarray(cut))
      expect(lines).toEqual(['é😀 "one"', '', 'two 中文', 'three'])
    }
  })
})
