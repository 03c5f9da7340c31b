import { describe, expect, it } from 'vitest'
import { decodeUtf8 } from '../../main/node/project/decode.js'

const bytes = (...b: number[]) => Uint8Array.from(b)

describe('decodeUtf8', () => {
  it('decodes UTF-8, dropping only a byte-order mark', () => {
    expect(decodeUtf8(new TextEncoder().encode('naïve 😀'), 'f')).toBe('naïve 😀')
    expect(decodeUtf8(bytes(0xef, 0xbb, 0xbf, 0x61), 'f')).toBe('a')
  })
  it.each([
    [bytes(0x63, 0x61, 0x66, 0xe9, 0x20, 0x6f), 3],
    [bytes(0x61, 0x62, 0xe2, 0x82), 2],
    [bytes(0x61, 0xe2, 0x82, 0x61), 1],
    [bytes(0x61, 0x80), 1],
    [bytes(0xff), 0],
  ])('names the first invalid byte (%#)', (input, offset) => {
    expect(() => decodeUtf8(input, 'f.txt')).toThrow(`f.txt: this is not valid UTF-8 text (first invalid byte at offset ${offset})`)
  })
  it('says UTF-16 text is UTF-16, by its byte-order mark', () => {
    const text = 'Text saved as "Unicode"'
    const le = Uint8Array.from([0xff, 0xfe, ...[...text].flatMap((c) => [c.charCodeAt(0), 0])])
    const be = Uint8Array.from([0xfe, 0xff, ...[...text].flatMap((c) => [0, c.charCodeAt(0)])])
    for (const input of [le, be])
      expect(() => decodeUtf8(input, 'u.txt')).toThrow('u.txt: this is UTF-16 text, not UTF-8: save it as UTF-8 to read it')
  })
  it('refuses empty and binary files', () => {
    expect(() => decodeUtf8(bytes(), 'e.txt')).toThrow('e.txt: the file is empty')
    expect(() => decodeUtf8(bytes(0x25, 0x50, 0x44, 0x46, 0x00), 'b.txt')).toThrow(
      'b.txt: this is a binary file (it contains NUL bytes), not text',
    )
  })
})
