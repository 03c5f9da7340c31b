import { describe, expect, it } from 'vitest'
import { jsonLines, type LineSink, MEMO_CHARS } from '../../main/core/text/json-lines.js'

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

  it('writes a long string in pieces, none of them long, to a sink that takes pieces, the text unchanged', () => {
    const writes: string[] = []
    const sink: LineSink = (line) => writes.push(line + '\n')
    sink.pieces = (pieces) => {
      for (const piece of pieces) writes.push(piece)
      writes.push('\n')
    }
    // Escapes, a surrogate pair at every possible cut, a lone surrogate, a quote and a backslash.
    const long = ('ab"\\\n\u0001é😀'.repeat(5_000) + '\ud800x').repeat(2)
    const value = [{ doc: 'a', text: long, n: 1 }, { doc: 'b', text: 'short' }, { text: long }]
    jsonLines(value, sink, 1, '"overlaps": ', ',')
    expect(writes.join('')).toBe(`  "overlaps": ${JSON.stringify(value, null, 2).replaceAll('\n', '\n  ')},\n`)
    expect(Math.max(...writes.map((w) => w.length))).toBeLessThan(8_192 * 6 + 100)
    expect(writes.length).toBeGreaterThan(2 * (long.length / 8_192))
  })

  it('writes flat objects and arrays at any depth as JSON.stringify does, members left out or nulled alike', () => {
    const flat: unknown[] = [
      { a: undefined, b: 1 },
      { a: 1, b: undefined },
      { a: undefined, f: () => 1 },
      { s: Symbol('x'), n: null, t: 'x\ny' },
      [undefined, () => 1, Symbol('y'), NaN, -0, 'z', Infinity, -Infinity, 1e21, 5e-324, 0.1 + 0.2, true, false, null],
      { big: 1e21, small: -1.5e-7, yes: true, no: false, none: null },
      [],
      {},
    ]
    for (const v of flat) {
      expect(viaLines(v)).toBe(JSON.stringify(v, null, 2))
      expect(['{', viaLines(v, 1, '"k": ', ','), '  "next": 1', '}'].join('\n')).toBe(JSON.stringify({ k: v, next: 1 }, null, 2))
      expect(viaLines([[v]], 0)).toBe(JSON.stringify([[v]], null, 2))
    }
  })

  it('writes a long string that recurs (escaped once) as often as it occurs, and its near copies as they are', () => {
    const long = 'line "one"\n\ttab \\ \u2028 \ud800 lone 😀 '.repeat(Math.ceil(MEMO_CHARS / 20))
    const other = long.slice(0, -1) + '!'
    const value = {
      passages: [
        { doc: 'a', text: long },
        { doc: 'b', text: (' ' + long).slice(1) },
        { doc: 'c', text: other },
      ],
      variants: [{ a: 0, b: 1, changes: [{ op: 'equal', a: long, b: long }] }, [long, other, long]],
      short: [long.slice(0, MEMO_CHARS - 1), long.slice(0, MEMO_CHARS - 1)],
    }
    expect(viaLines(value)).toBe(JSON.stringify(value, null, 2))
    expect(['[', viaLines(value, 1), ']'].join('\n')).toBe(JSON.stringify([value], null, 2))
  })

  it('writes many distinct long strings of one length, each as often as it occurs, past those it keeps', () => {
    // Forty texts of one length that differ only in their last characters, each three times, in turn.
    const base = 'same "start" \n '.repeat(MEMO_CHARS / 8)
    const texts = Array.from({ length: 40 }, (_, k) => `${base}${String(k).padStart(3, '0')}\n${k % 2 ? '\ud83d' : 'é'}`)
    const passages = [0, 1, 2].flatMap(() => texts.map((text, k) => ({ doc: `d${k}`, text })))
    expect(new Set(texts.map((t) => t.length)).size).toBe(1)
    expect(viaLines({ passages })).toBe(JSON.stringify({ passages }, null, 2))
  })
})
