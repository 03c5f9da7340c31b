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

/**
 * Reads `child`'s stdout as a reader that pauses 1.5 s before it reads: whether the child ended
 * and what it said on stderr during the pause, then its exit code, whole stderr and output.
 */
async function readAfterPause(child: ReturnType<typeof spawn>) {
  const ended = exited(child)
  let endedInPause = false
  void ended.then(() => (endedInPause = true))
  let stderr = ''
  child.stderr!.on('data', (d) => (stderr += d))
  child.stdout!.pause()
  await new Promise((r) => setTimeout(r, 1500))
  const inPause = { ended: endedInPause, stderr }
  const chunks: Buffer[] = []
  child.stdout!.on('data', (d: Buffer) => chunks.push(d))
  child.stdout!.resume()
  const code = await ended
  return { inPause, code, stderr, text: Buffer.concat(chunks).toString('utf8') }
}

/** Reads `child`'s first chunk of stdout and closes it (as head does): its exit code and stderr. */
async function readThenStop(child: ReturnType<typeof spawn>) {
  const ended = exited(child)
  let stderr = ''
  child.stderr!.on('data', (d) => (stderr += d))
  child.stdout!.once('data', () => child.stdout!.destroy())
  const code = await ended
  return { code, stderr }
}

describe('standard output of the command line', () => {
  it.each(['lines', 'bytes'] as const)(
    'waits for a reader that pauses, and hands it every byte in order (%s)',
    async (as) => {
      const { inPause, code, stderr, text } = await readAfterPause(await writer(as))
      // The pipe is full and the writer waits for it: it has not got past its writes (with its
      // output queued in its memory, it would have, and said so).
      expect(inPause.ended).toBe(false)
      expect(inPause.stderr).toBe('')
      expect(code).toBe(0)
      expect(text.length).toBe(LINES * (LINE.length + 1))
      expect(text).toBe(`${LINE}\n`.repeat(LINES))
      expect(stderr).toBe('done\n')
    },
    30_000,
  )

  it.each(['lines', 'bytes'] as const)(
    'ends quietly, exit code 0, when the reader stops reading (head, %s)',
    async (as) => {
      const { code, stderr } = await readThenStop(await writer(as))
      expect(code).toBe(0)
      expect(stderr).toBe('')
    },
    30_000,
  )
})

/**
 * Starts a script that writes an array of VALUES values through jsonOutput(processIo()) (each
 * value with multi-byte characters, every fifth with a string longer than a batch of lines): the
 * first before the writer thread is ready, the others after. Its stdout is a pipe to this process;
 * it says on stderr when the writer has started and how many threads made the output. Returns the
 * process and the text JSON.stringify(values, null, 2) gives, with a line break.
 */
async function jsonWriter(): Promise<{ child: ReturnType<typeof spawn>; expected: string }> {
  const script = join(dir, 'json-writer.mts')
  const url = (path: string) => JSON.stringify(pathToFileURL(join(ROOT, path)).href)
  const values = `Array.from({ length: ${VALUES} }, (_, k) => ({ k, text: 'é😀 "中文"\\n'.repeat(k % 5 ? 1000 + k : 4000), list: [k, [k + 1, 'x'.repeat(k)]] }))`
  await writeFile(
    script,
    `import { processIo } from ${url('main/node/cli/stdout.ts')}\n` +
      `import { jsonOutput } from ${url('main/node/cli/json-output.ts')}\n` +
      `const values = ${values}\n` +
      `const output = jsonOutput(processIo())\n` +
      `output.line('[')\n` +
      `output.value(values[0], 1, '', ',')\n` +
      `process.stderr.write('started ' + (await output.started) + '\\n')\n` +
      `values.slice(1).forEach((v, k) => output.value(v, 1, '', k + 2 < values.length ? ',' : ''))\n` +
      `output.line(']')\n` +
      `output.end()\n` +
      `process.stderr.write('threads ' + output.threads() + '\\n')\n`,
  )
  const expected = new Function(`return ${values}`)() as unknown[]
  const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
  return { child, expected: JSON.stringify(expected, null, 2) + '\n' }
}

/** Values jsonWriter writes: about 20 MB of JSON, far more than the writer thread may hold. */
const VALUES = 500

describe('JSON output made on two threads (json-output.ts)', () => {
  it('hands a reader that pauses the same bytes as JSON.stringify, in order', async () => {
    const { child, expected } = await jsonWriter()
    const { code, stderr, text } = await readAfterPause(child)
    expect(code).toBe(0)
    expect(stderr).toBe('started true\nthreads 2\n')
    expect(text.length).toBe(expected.length)
    expect(text === expected).toBe(true)
  }, 60_000)

  it('ends quietly, exit code 0, when the reader stops reading', async () => {
    const { code, stderr } = await readThenStop((await jsonWriter()).child)
    expect(code).toBe(0)
    expect(stderr).toBe('started true\n')
  }, 60_000)
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
