import { readFile, stat } from 'node:fs/promises'

/**
 * Largest text file read, in bytes. Large enough for any book or report (200 MB is about 35
 * million words); beyond it a file is almost surely data, and reading it would hold that much
 * memory twice (bytes and string).
 */
export const MAX_TEXT_BYTES = 256 * 1024 * 1024

/** A file that is not usable text: the message says why, in one line. */
export class DecodeError extends Error {
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`${path}: ${reason}`)
    this.name = 'DecodeError'
  }
}

/** Offset of the first byte at which `bytes` stops being valid UTF-8. */
function firstInvalidByte(bytes: Uint8Array): number {
  // The longest prefix that decodes (an incomplete sequence at its end is allowed while streaming).
  let lo = 0
  let hi = bytes.length
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true })
      lo = mid
    } catch {
      hi = mid - 1
    }
  }
  // bytes[0, lo) is valid. If it ends inside a multi-byte sequence, the error began at that
  // sequence's lead byte; otherwise at byte lo.
  let k = lo - 1
  while (k >= 0 && lo - k <= 3 && (bytes[k] & 0xc0) === 0x80) k--
  if (k >= 0 && bytes[k] >= 0xc0) {
    const length = bytes[k] >= 0xf0 ? 4 : bytes[k] >= 0xe0 ? 3 : 2
    if (lo - k < length) return k
  }
  return lo
}

/**
 * Decodes bytes as UTF-8 text, refusing what is not text: an empty file, a binary file (NUL
 * bytes), or invalid UTF-8 (with the offset of the first bad byte). A leading byte-order mark is
 * dropped, as every UTF-8 decoder does; nothing else is changed.
 */
export function decodeUtf8(bytes: Uint8Array, path: string): string {
  if (bytes.length === 0) throw new DecodeError(path, 'the file is empty')
  const probe = bytes.subarray(0, 64 * 1024)
  if (probe.includes(0)) throw new DecodeError(path, 'this is a binary file (it contains NUL bytes), not text')
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw new DecodeError(path, `this is not valid UTF-8 text (first invalid byte at offset ${firstInvalidByte(bytes)})`)
  }
}

/** Reads and decodes a UTF-8 text file (see decodeUtf8), refusing files over MAX_TEXT_BYTES. */
export async function readTextFile(path: string): Promise<string> {
  let size: number
  try {
    const info = await stat(path)
    // A FIFO or device put in a document's place would be read forever.
    if (!info.isFile()) throw new DecodeError(path, 'this is not a regular file (a folder, device, pipe or socket)')
    size = info.size
  } catch (e) {
    if (e instanceof DecodeError) throw e
    throw new DecodeError(path, (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String((e as Error).message))
  }
  if (size > MAX_TEXT_BYTES) {
    throw new DecodeError(path, `the file is ${Math.round(size / 2 ** 20)} MB, over the ${MAX_TEXT_BYTES / 2 ** 20} MB limit for a text`)
  }
  return decodeUtf8(await readFile(path), path)
}
