import { writeSync } from 'node:fs'

// Standard output for the command line (cli.ts), written synchronously and
// at the pace of whoever reads it. process.stdout queues in memory what a pipe cannot take at once
// and the engine never waits for it to drain: `overlaps --json` piped into a slower reader (jq, a
// script) held its whole output, 1.4 GB of memory on Debian's copyright files against 0.27 GB
// written to a file. Written here, a full pipe makes the writer wait instead.

/** How long a write waits for a full pipe to drain before trying again (ms). */
export const FULL_PIPE_WAIT_MS = 2

const sleeper = new Int32Array(new SharedArrayBuffer(4))

/**
 * Writes all of `data` (a string as UTF-8) to the file descriptor, waiting while it is a full
 * pipe (EAGAIN: the descriptor is non-blocking once Node has made a stream of it), and calling
 * `waiting` each time it waits; other errors are thrown. Returns when every byte is written.
 */
export function writeAllSync(fd: number, data: string | Uint8Array, waiting?: () => void): void {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data
  let at = 0
  while (at < bytes.length) {
    try {
      at += writeSync(fd, bytes, at, bytes.length - at)
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e
      waiting?.()
      Atomics.wait(sleeper, 0, 0, FULL_PIPE_WAIT_MS)
    }
  }
}

/** Where a command writes (the process's streams, or a test's arrays): lines, and messages on standard error. */
export interface CommandIo {
  out: (text: string) => void
  err: (text: string) => void
  /**
   * Output as bytes (UTF-8) as they are, all of them written when it returns (the caller fills
   * the array again); without it, a command's byte output reaches `out` a line at a time (bytesOf).
   */
  bytes?: (chunk: Uint8Array) => void
  /**
   * Where `bytes` writes, when it is a file descriptor: a command may then write its bytes from
   * another thread too (json-output.ts), and hands an error of such a write to `failed`, which
   * does what `bytes` does with it (ends the process, or throws).
   */
  descriptor?: { fd: number; failed: (error: NodeJS.ErrnoException) => never }
}

/**
 * Where a command writes its output as bytes: `io.bytes`, or else `io.out` a line at a time, the
 * bytes decoded as UTF-8 (a character cut between two chunks is joined again). Only lines ended
 * by a line break are handed on: byte output ends with one.
 */
export function bytesOf(io: CommandIo): (chunk: Uint8Array) => void {
  if (io.bytes) return io.bytes
  const decoder = new TextDecoder()
  let unended = ''
  return (chunk) => {
    const lines = (unended + decoder.decode(chunk, { stream: true })).split('\n')
    unended = lines.pop()!
    for (const line of lines) io.out(line)
  }
}

/**
 * The process's standard output and error for a command. Output piped into a command that stops
 * reading (head, less) is not an error of ours: the process ends, exit code 0.
 */
export function processIo(): Required<CommandIo> {
  const failed = (error: NodeJS.ErrnoException): never => {
    if (error.code === 'EPIPE') process.exit(0)
    throw error
  }
  const write = (data: string | Uint8Array) => {
    try {
      writeAllSync(1, data)
    } catch (e) {
      failed(e as NodeJS.ErrnoException)
    }
  }
  return {
    out: (text) => write(text + '\n'),
    bytes: write,
    err: (text) => process.stderr.write(text + '\n'),
    descriptor: { fd: 1, failed },
  }
}
