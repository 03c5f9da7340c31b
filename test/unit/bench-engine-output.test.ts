import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { readEngineOutput } from '../bench/engine-output.js'

const dir = mkdtempSync(join(tmpdir(), 'engine-output-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function written(value: unknown): string {
  const path = join(dir, `${Math.random().toString(36).slice(2)}.json`)
  // As the CLI writes it: JSON.stringify's indentation, then a line break.
  writeFileSync(path, JSON.stringify(value, null, 2) + '\n')
  return path
}

describe("the benchmark's reader of the engine's JSON output", () => {
  it('reads documents and overlaps line by line as JSON.parse would, keeping what the benchmark reads', () => {
    const output = {
      documents: [
        { id: 'a', path: '/x/a.txt', title: 'A' },
        { id: 'b', path: '/x/b.txt', title: 'B {\n    }' },
      ],
      overlaps: [
        {
          id: 'ov-1',
          kind: 'verbatim',
          boilerplate: false,
          passages: [
            { doc: 'a', start: 0, end: 5, text: 'one\n    },\ntwo “é”' },
            { doc: 'b', start: 3, end: 8, text: 'one\n    },\ntwo “é”' },
          ],
          variants: [{ a: 0, b: 1, changes: null }],
        },
        { id: 'ov-2', boilerplate: true, passages: [{ doc: 'b', start: 9, end: 10, text: '🙂' }], variants: [] },
      ],
    }
    expect(readEngineOutput(written(output))).toEqual({
      documents: [
        { id: 'a', path: '/x/a.txt' },
        { id: 'b', path: '/x/b.txt' },
      ],
      overlaps: [
        {
          boilerplate: false,
          passages: [
            { doc: 'a', start: 0, end: 5 },
            { doc: 'b', start: 3, end: 8 },
          ],
        },
        { boilerplate: true, passages: [{ doc: 'b', start: 9, end: 10 }] },
      ],
    })
  })

  it('reads an output without overlaps, and refuses what is not the output', () => {
    expect(readEngineOutput(written({ documents: [{ id: 'a', path: '/a' }], overlaps: [] }))).toEqual({
      documents: [{ id: 'a', path: '/a' }],
      overlaps: [],
    })
    expect(() => readEngineOutput(written([1, 2]))).toThrow(/not the engine's JSON output/)
  })

  it('refuses an empty or cut-off output rather than read it as no overlaps', () => {
    const path = join(dir, 'empty.json')
    writeFileSync(path, '')
    expect(() => readEngineOutput(path)).toThrow(/is empty/)
    const whole = JSON.stringify({ documents: [{ id: 'a', path: '/a' }], overlaps: [] }, null, 2)
    const cut = join(dir, 'cut.json')
    writeFileSync(cut, whole.slice(0, whole.lastIndexOf('}')))
    expect(() => readEngineOutput(cut)).toThrow(/ends before its closing brace/)
  })
})
