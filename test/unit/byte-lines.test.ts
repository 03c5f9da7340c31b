import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { byteLines, LINE_BATCH_UNITS, OUTPUT_BYTES } from '../../main/core/text/byte-lines.js'
import { jsonLines, LONG_STRING_CHARS } from '../../main/core/text/json-lines.js'

// jsonLines into a byte sink (byte-lines.ts): the bytes written must be those of
// JSON.stringify(value, null, 2) in UTF-8, whatever the value, through one reused buffer.

/** What jsonLines writes through byteLines (the buffer copied at each write: it is reused), and the sizes of the writes. */
function viaBytes(value: unknown, size?: number, depth = 0, prefix = '', suffix = ''): { bytes: Buffer; writes: number[] } {
  const chunks: Buffer[] = []
  const { sink, flush } = byteLines((chunk) => chunks.push(Buffer.from(chunk)), size)
  jsonLines(value, sink, depth, prefix, suffix)
  flush()
  return { bytes: Buffer.concat(chunks), writes: chunks.map((c) => c.length) }
}

const expected = (value: unknown) => Buffer.from(JSON.stringify(value, null, 2) + '\n', 'utf8')

describe('byteLines', () => {
  it('writes what JSON.stringify writes, in UTF-8', () => {
    const long = 'a "quoted"\nline\u2028 with 😀, é and \\ and \u0001 '.repeat(Math.ceil(LONG_STRING_CHARS / 40) + 1)
    const values: unknown[] = [
      { id: 'ov-1', passages: [{ doc: 'x', start: 0, end: 3, text: 'abc' }], variants: [] },
      { text: 'a "quoted"\nline\u2028 with 😀 and \\ and \u0000\u001f\ud800 lone' },
      ['in an array', '', 1, null, { doc: 'dé', title: '中文 😀' }],
      { text: long, n: 1 },
      [],
      'alone',
    ]
    for (const v of values) {
      expect(viaBytes(v).bytes.equals(expected(v))).toBe(true)
      // A buffer smaller than a line, and than a character: written out as often as it is full.
      expect(viaBytes(v, 7).bytes.equals(expected(v))).toBe(true)
      expect(viaBytes(v, 1).bytes.equals(expected(v))).toBe(true)
    }
  })

  it('writes any JSON value as JSON.stringify writes it, at any depth and buffer size', () => {
    const leaf = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc.string({ maxLength: 10 }),
      fc.integer(),
      fc.constant(null),
      fc.boolean(),
    )
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        leaf,
        fc.array(tie('node'), { maxLength: 4 }),
        fc.dictionary(fc.string({ maxLength: 5 }), tie('node'), { maxKeys: 4 }),
      ),
    })).node
    fc.assert(
      fc.property(value, fc.nat({ max: 3 }), fc.integer({ min: 1, max: 300 }), (v, depth, size) => {
        const { bytes } = viaBytes(v, size, depth, '"k": ', ',')
        const pad = '  '.repeat(depth)
        const want = `${pad}"k": ${JSON.stringify(v, null, 2).replaceAll('\n', '\n' + pad)},\n`
        expect(bytes.equals(Buffer.from(want, 'utf8'))).toBe(true)
      }),
      { numRuns: 300 },
    )
  })

  it('writes in few writes, each the whole buffer but the last', () => {
    const value = Array.from({ length: 40_000 }, (_, k) => ({ doc: `d${k}`, start: k, text: 'x'.repeat(k % 300) }))
    const { bytes, writes } = viaBytes(value)
    expect(bytes.equals(expected(value))).toBe(true)
    expect(writes.length).toBe(Math.ceil(bytes.length / OUTPUT_BYTES))
    expect(writes.slice(0, -1).every((w) => w === OUTPUT_BYTES)).toBe(true)
  })

  it('writes lines longer than a batch, with non-ASCII characters and surrogate pairs at every cut', () => {
    const long = '😀é'.repeat(LINE_BATCH_UNITS) + 'x'
    for (const value of [[long, 'after'], { a: long, b: 'c' }, ['é'.repeat(LINE_BATCH_UNITS - 3), 'z', 'ü']]) {
      expect(viaBytes(value).bytes.equals(expected(value))).toBe(true)
      expect(viaBytes(value, 1001).bytes.equals(expected(value))).toBe(true)
    }
  })
})
