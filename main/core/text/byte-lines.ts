import type { LineSink } from './json-lines.js'

// A line sink (json-lines.ts) that writes UTF-8 through one buffer, reused for the whole output:
// lines are gathered into one string (concatenated, a rope V8 flattens once) and encoded into the
// buffer by one call per batch, and the buffer is handed to `write` each time it is full. No
// Buffer made per write, no array of lines joined: on Debian's copyright files (256 MB of JSON)
// making a Buffer of each batch of lines (joined, then Buffer.from) cost 0.7 s of CPU and
// joining the lines 0.25 s more, while encoding into a reused buffer costs ~0.2 ns a character
// once the batch is one flat string.

/**
 * UTF-16 units of lines gathered before they are encoded, by one call. A call per line cost more
 * than the encoding (a quarter of a microsecond each, millions of lines); the batch, one string,
 * stays young garbage (under V8's large-object size, 128 KB, when its characters are one byte).
 */
export const LINE_BATCH_UNITS = 32_000

/**
 * Bytes of the buffer, and so of each write but the last. More makes fewer writes (a system call
 * each) and holds more memory for the whole run; past a megabyte a write's cost is its copying.
 */
export const OUTPUT_BYTES = 1 << 20

const encoder = new TextEncoder()

/**
 * A sink (with `pieces`) that writes its lines, each ended by a line break, as UTF-8 through one
 * buffer (see above), and hands `write` the buffer's filled part each time it is full and at
 * flush(). `write` must have written all it is given when it returns (the buffer is filled
 * again), or throw. Call flush() at the end.
 */
export function byteLines(write: (chunk: Uint8Array) => void, size = OUTPUT_BYTES): { sink: LineSink; flush: () => void } {
  // Encoding needs room for one character (four bytes) at least.
  const out = new Uint8Array(Math.max(4, size))
  let filled = 0
  /** Lines not yet encoded, as one string. */
  let text = ''

  const writeOut = (): void => {
    if (filled > 0) write(out.subarray(0, filled))
    filled = 0
  }
  /** Encodes `part` after what the buffer holds, writing the buffer out each time it is full. */
  const encode = (part: string): void => {
    for (;;) {
      const { read, written } = encoder.encodeInto(part, out.subarray(filled))
      filled += written
      if (read === part.length) return
      // Full, or without room for the next character (encodeInto never cuts one): written out.
      writeOut()
      part = part.slice(read)
    }
  }
  const add = (part: string): void => {
    if (text.length + part.length > LINE_BATCH_UNITS) {
      encode(text)
      text = ''
    }
    if (part.length > LINE_BATCH_UNITS) encode(part)
    else text += part
  }
  const sink: LineSink = (line) => {
    add(line)
    add('\n')
  }
  sink.pieces = (pieces) => {
    for (const piece of pieces) add(piece)
    add('\n')
  }
  const flush = (): void => {
    encode(text)
    text = ''
    writeOut()
  }
  return { sink, flush }
}
