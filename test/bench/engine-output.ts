import { closeSync, openSync, readSync } from 'node:fs'

// The CLI's `overlaps --json` output as the benchmark needs it, read line by line. At
// corpus scale the file is hundreds of megabytes (the changelogs of one Debian system: 334 MB),
// and grows with the corpus past what one JavaScript string holds (about 512 MB), so it is never
// read as one string. The CLI writes JSON.stringify(…, null, 2)'s text (main/core/text/json-lines.ts):
// an object whose arrays ("documents", "overlaps") hold one item per block of lines, from a line
// "    {" to a line "    }" or "    },", every line inside indented further (a string's line
// breaks are escaped, so no value spans lines). Each item is parsed on its own and only the
// fields the benchmark reads are kept (not the passages' texts, nor the variants).

/** A document as the engine lists it. */
export interface OutputDocument {
  id: string
  path: string
}

/** An overlap with what the benchmark reads of it: where its passages are, and its label. */
export interface OutputOverlap {
  passages: { doc: string; start: number; end: number }[]
  boilerplate?: boolean
}

export interface EngineOutput {
  documents: OutputDocument[]
  overlaps: OutputOverlap[]
}

/** Bytes read at a time. */
const CHUNK_BYTES = 1 << 20

/** Calls `line` with each line of the UTF-8 file at `path`, in order, without its line break. */
export function eachLine(path: string, line: (text: string) => void): void {
  const fd = openSync(path, 'r')
  try {
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES)
    const decoder = new TextDecoder('utf-8', { fatal: true })
    let rest = ''
    for (;;) {
      const n = readSync(fd, buffer, 0, CHUNK_BYTES, null)
      if (n === 0) break
      const lines = (rest + decoder.decode(buffer.subarray(0, n), { stream: true })).split('\n')
      rest = lines.pop()!
      for (const l of lines) line(l)
    }
    rest += decoder.decode()
    if (rest !== '') line(rest)
  } finally {
    closeSync(fd)
  }
}

const ARRAY_START = /^ {2}"(\w+)": \[$/
const ITEM_START = '    {'
const ITEM_END = /^ {4}\},?$/

/** Reads the engine's JSON output at `path` (see above). */
export function readEngineOutput(path: string): EngineOutput {
  const output: EngineOutput = { documents: [], overlaps: [] }
  let array = ''
  let item: string[] | undefined
  let first = true
  let last = ''
  eachLine(path, (line) => {
    last = line
    if (first) {
      if (line !== '{') throw new Error(`${path}: not the engine's JSON output (it starts with ${JSON.stringify(line.slice(0, 40))})`)
      first = false
      return
    }
    if (item) {
      item.push(line)
      if (!ITEM_END.test(line)) return
      const value: unknown = JSON.parse(item.join('\n').replace(/,$/, ''))
      item = undefined
      if (array === 'documents') {
        const { id, path: file } = value as OutputDocument
        output.documents.push({ id, path: file })
      } else if (array === 'overlaps') {
        const { passages, boilerplate } = value as OutputOverlap
        output.overlaps.push({ passages: passages.map(({ doc, start, end }) => ({ doc, start, end })), boilerplate })
      }
      return
    }
    if (line === ITEM_START) {
      item = [line]
      return
    }
    const start = ARRAY_START.exec(line)
    if (start) array = start[1]
  })
  if (first) throw new Error(`${path}: the engine's JSON output is empty`)
  if (item) throw new Error(`${path}: the engine's JSON output ends inside an item`)
  if (last !== '}') throw new Error(`${path}: the engine's JSON output ends before its closing brace`)
  return output
}
