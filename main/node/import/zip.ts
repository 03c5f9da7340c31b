import { Unzip, UnzipInflate } from 'fflate'
import { DecodeError } from '../project/decode.js'

// Reading zip containers (.docx, .qdpx) without trusting them: a zip bomb declares small sizes and
// inflates to gigabytes, and a crafted central directory can point many entries at the same data.
// Entries are inflated here, streaming, against a byte budget, and readers then use only what was
// inflated (a .docx is handed to mammoth re-zipped from these entries, never as the original).

/**
 * Most bytes a container may inflate to, all entries together. 100 MB: a 1,000-page .docx with
 * its XML markup inflates to about 30 MB, and a .qdpx of a large project's plain-text sources to
 * about as much; beyond it a small file is almost surely a zip bomb, and inflating it further would
 * hold that much memory.
 */
export const MAX_UNPACKED_BYTES = 100 * 2 ** 20

/**
 * Compressed bytes fed to the inflater at a time. Deflate expands at most about 1,032 to 1, so a
 * 4 KB step inflates to at most about 4 MB before the budget is checked again.
 */
const STEP = 4096

/** Most entries a container may hold (a .docx has about 20, a .qdpx one per source). */
export const MAX_ENTRIES = 20_000

/** The files in a zip, inflated within the budget; names as stored (forward slashes). */
export function unzipWithin(bytes: Uint8Array, path: string, what: string, budget = MAX_UNPACKED_BYTES): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>()
  let total = 0
  let count = 0
  let failure: Error | null = null
  const unzip = new Unzip((file) => {
    if (++count > MAX_ENTRIES)
      throw new DecodeError(path, `this ${what} holds more than ${MAX_ENTRIES} files; it is not a ${what} Parallax can read`)
    const chunks: Uint8Array[] = []
    file.ondata = (err, chunk, final) => {
      if (err) {
        failure = err
        return
      }
      total += chunk.length
      if (total > budget) {
        throw new DecodeError(path, `this ${what} inflates to more than ${budget / 2 ** 20} MB (a zip bomb?); not imported`)
      }
      chunks.push(chunk)
      if (final) {
        const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0))
        let at = 0
        for (const c of chunks) {
          out.set(c, at)
          at += c.length
        }
        files.set(file.name, out)
      }
    }
    try {
      file.start()
    } catch (e) {
      failure = e as Error
    }
  })
  unzip.register(UnzipInflate)
  try {
    for (let i = 0; i < bytes.length; i += STEP) unzip.push(bytes.subarray(i, i + STEP), i + STEP >= bytes.length)
  } catch (e) {
    if (e instanceof DecodeError) throw e
    throw new DecodeError(path, `this is not a readable ${what} (the zip container is damaged: ${(e as Error).message})`)
  }
  if (failure) throw new DecodeError(path, `this is not a readable ${what} (the zip container is damaged: ${(failure as Error).message})`)
  if (files.size === 0) throw new DecodeError(path, `this is not a ${what}: it is not a zip container, or an empty one`)
  return files
}
