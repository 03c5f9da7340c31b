import { createReadStream } from 'node:fs'
import { readdir, readFile, stat } from 'node:fs/promises'
import { basename, join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { Readable } from 'node:stream'
import { createGunzip } from 'node:zlib'
import { ApiError } from '../../core/contract/api.js'
import { decodeLz4, isLz4Frame } from './lz4.js'
import { refuseSpecialPath } from '../project/special-paths.js'

// JSON Lines from a batch tool's output, read as a stream, one line at a time, whatever its size:
//   a folder as Spark writes it (passim's out.json/: part-* files, beside _SUCCESS and hidden
//   .crc files), or the folder above it (passim's output folder, holding out.json/);
//   one file: plain, gzip-compressed (.gz) or LZ4-framed (.lz4, TextPAIR's default). An .lz4
//   file is read into memory compressed and decoded block by block.

/** Progress through the input: bytes read of all files (compressed bytes for compressed files). */
export interface LinesProgress {
  bytes: number
  totalBytes: number
  lines: number
}

/** One line with where it came from, for messages. */
export interface SourceLine {
  text: string
  file: string
  line: number
}

/** The files a path names (see above), in order, with their total size. */
export async function jsonLinesFiles(given: string): Promise<{ files: string[]; totalBytes: number }> {
  const path = resolve(given)
  await refuseSpecialPath(path, 'passim or TextPAIR output')
  const info = await stat(path).catch(() => null)
  if (!info) throw new ApiError('not-found', `${path}: no such file or folder`)
  let files: string[]
  if (info.isDirectory()) {
    let dir = path
    const inner = join(path, 'out.json')
    if ((await stat(inner).catch(() => null))?.isDirectory()) dir = inner
    else if ((await stat(join(path, 'out.parquet')).catch(() => null))?.isDirectory())
      throw new ApiError('invalid-input', `${path} holds passim output as Parquet; run passim with its default --output-format json`)
    const names = (await readdir(dir)).filter((n) => n.startsWith('part-') && !n.endsWith('.crc')).sort()
    if (names.length === 0)
      throw new ApiError('invalid-input', `${dir}: no part-* files (is this passim's output folder or its out.json/?)`)
    files = names.map((n) => join(dir, n))
  } else files = [path]
  let totalBytes = 0
  for (const f of files) {
    if (f !== path) await refuseSpecialPath(f, 'passim or TextPAIR output')
    if (f.endsWith('.bz2')) throw new ApiError('invalid-input', `${f}: bzip2 is not read; decompress it first (bunzip2 -k)`)
    totalBytes += (await stat(f)).size
  }
  return { files, totalBytes }
}

/** Streams the lines (empty ones skipped) of every file a path names, calling onProgress as bytes are read. */
export async function* readJsonLines(given: string, onProgress?: (p: LinesProgress) => void): AsyncGenerator<SourceLine> {
  const { files, totalBytes } = await jsonLinesFiles(given)
  const progress: LinesProgress = { bytes: 0, totalBytes, lines: 0 }
  for (const file of files) {
    const before = progress.bytes
    let input: Readable
    const head = await readHead(file)
    if (isLz4Frame(head)) {
      const src = await readFile(file)
      input = Readable.from(
        (function* () {
          for (const { chunk, consumed } of decodeLz4(src)) {
            progress.bytes = before + consumed
            if (chunk.length) yield chunk
          }
        })(),
      )
    } else {
      const raw = createReadStream(file)
      raw.on('data', (chunk) => (progress.bytes += chunk.length))
      input = head[0] === 0x1f && head[1] === 0x8b ? raw.pipe(createGunzip()) : raw
      raw.on('error', (e) => input.destroy(e))
    }
    const lines = createInterface({ input, crlfDelay: Infinity })
    let n = 0
    try {
      for await (const text of lines) {
        n++
        if (!text.trim()) continue
        progress.lines++
        yield { text, file: basename(file), line: n }
        onProgress?.(progress)
      }
    } catch (e) {
      throw new ApiError('invalid-input', `${file}: ${(e as Error).message}`)
    } finally {
      lines.close()
      input.destroy()
    }
    onProgress?.(progress)
  }
}

async function readHead(file: string): Promise<Uint8Array> {
  const stream = createReadStream(file, { start: 0, end: 3 })
  const chunks: Buffer[] = []
  for await (const c of stream) chunks.push(c as Buffer)
  return Buffer.concat(chunks)
}
