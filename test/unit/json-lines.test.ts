import { describe, expect, it } from 'vitest'
import { batchedLines, jsonLines } from '../../main/core/text/json-lines.js'

function viaLines(value: unknown, depth = 0, prefix = '', suffix = ''): string {
  const lines: string[] = []
  jsonLines(value, (l) => lines.push(l), depth, prefix, suffix)
  return lines.join('\n')
}

describe('jsonLines', () => {
  it('writes what JSON.stringify(value, null, 2) writes', () => {
    const values: unknown[] = [
      null,
      0,
      -0,
      1.5e-7,
      NaN,
      true,
      'a "quoted"\nline\u2028 with 😀 and \\',
      [],
      {},
      [[], {}, [[1]], { a: [] }],
      { a: undefined, b: () => 1, c: [undefined, () => 1, 2], d: { e: { f: 'g' } } },
      { toJSON: () => ({ as: 'json' }) },
      new Date(0),
      { id: 'ov-1', passages: [{ doc: 'x', start: 0, end: 3, text: 'abc' }], variants: [{ a: 0, b: 1, changes: null }] },
      // Flat objects and arrays inside others (written at once): line breaks inside strings stay escaped.
      [{ text: 'two\nlines', n: -0, none: undefined, f: () => 1 }, [1, 'x\ny', null], { inner: [{ deep: '\n' }] }],
    ]
    for (const v of values) expect(viaLines(v)).toBe(JSON.stringify(v, null, 2))
  })

  it('indents a value as if nested, with a prefix and a suffix', () => {
    const v = { a: [1, { b: 2 }] }
    const nested = JSON.stringify({ key: v, next: 1 }, null, 2)
    const lines = ['{', viaLines(v, 1, '"key": ', ','), '  "next": 1', '}']
    expect(lines.join('\n')).toBe(nested)
  })

  it('batches lines into few writes of the same text', () => {
    const writes: string[] = []
    const { sink, flush } = batchedLines((t) => writes.push(t), 10)
    const value = { items: Array.from({ length: 50 }, (_, k) => ({ k })) }
    jsonLines(value, sink)
    flush()
    expect(writes.length).toBeGreaterThan(1)
    expect(writes.length).toBeLessThan(200)
    expect(writes.map((w) => w + '\n').join('')).toBe(JSON.stringify(value, null, 2) + '\n')
  })

  it('hands a line as long as a batch over on its own, the text unchanged', () => {
    const writes: string[] = []
    const { sink, flush } = batchedLines((t) => writes.push(t), 100)
    const long = 'x'.repeat(250)
    const value = { a: 1, text: long, b: [2, 3] }
    jsonLines(value, sink)
    flush()
    expect(writes).toContain(`  "text": ${JSON.stringify(long)},`)
    expect(writes.map((w) => w + '\n').join('')).toBe(JSON.stringify(value, null, 2) + '\n')
  })

  it('writes a long string in pieces, none of them long, to a sink that takes pieces, the text unchanged', () => {
    const writes: string[] = []
    const { sink, flush } = batchedLines(
      (t) => writes.push(t + '\n'),
      100,
      (t) => writes.push(t),
    )
    // Escapes, a surrogate pair at every possible cut, a lone surrogate, a quote and a backslash.
    const long = ('ab"\\\n\u0001é😀'.repeat(5_000) + '\ud800x').repeat(2)
    const value = [{ doc: 'a', text: long, n: 1 }, { doc: 'b', text: 'short' }, { text: long }]
    jsonLines(value, sink, 1, '"overlaps": ', ',')
    flush()
    expect(writes.join('')).toBe(`  "overlaps": ${JSON.stringify(value, null, 2).replaceAll('\n', '\n  ')},\n`)
    expect(Math.max(...writes.map((w) => w.length))).toBeLessThan(8_192 * 6 + 100)
    expect(writes.length).toBeGreaterThan(2 * (long.length / 8_192))
  })
})
