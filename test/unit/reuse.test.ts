import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { exactInteger, parseWithExactIntegers } from '../../main/core/reuse/exact-json.js'
import { currentOverlaps, measurePassages, type StoredOverlap } from '../../main/core/reuse/imported.js'
import { PassageLocator } from '../../main/core/reuse/locate.js'
import { PASSIM_EXACT_KEYS, passimInput, readPassimRecord } from '../../main/core/reuse/passim.js'
import { readTextPairRecord, Utf8Offsets } from '../../main/core/reuse/textpair.js'
import { OffsetMap } from '../../main/core/text/offsets.js'
import { decodeLz4, Lz4Error } from '../../main/node/reuse/lz4.js'
import { ROOT } from '../helpers.js'

const FIXTURES = join(ROOT, 'test/fixtures/reuse')

describe('exact 64-bit integers in JSON lines', () => {
  it('reads uid and cluster exactly, at any depth, beyond 2^53 and negative', () => {
    const line =
      '{"uid":9007199254740993,"cluster":9007199254740992,"begin":3,"end":9,"src":[{"uid":-7966282239007996852,"begin":0,"end":5}],"size":3}'
    const v = parseWithExactIntegers(line, PASSIM_EXACT_KEYS) as Record<string, unknown>
    expect(v.uid).toBe('9007199254740993')
    expect(v.cluster).toBe('9007199254740992')
    expect((v.src as { uid: string }[])[0].uid).toBe('-7966282239007996852')
    expect(v.begin).toBe(3)
    expect(v.size).toBe(3)
    // What JSON.parse alone would do: two clusters become one.
    expect((JSON.parse(line) as { uid: number }).uid).toBe(9007199254740992)
  })

  it('leaves text that quotes JSON alone', () => {
    const line = '{"cluster":1,"text":"a record: {\\"uid\\":123456789012345678901, \\"cluster\\":5}","uid":-1}'
    const v = parseWithExactIntegers(line, PASSIM_EXACT_KEYS) as Record<string, unknown>
    expect(v.text).toBe('a record: {"uid":123456789012345678901, "cluster":5}')
    expect(v.uid).toBe('-1')
    expect(exactInteger('007')).toBe('7')
    expect(exactInteger(1.5)).toBeNull()
  })

  it('says what is wrong with a record that is not passim output', () => {
    expect(readPassimRecord({ id: 'a', series: 'a', text: 'whole text' })).toMatch(/no cluster, begin, end .*passim’s input/)
    expect(readPassimRecord({ id: 'a', cluster: '1', begin: 5, end: 5, text: '' })).toMatch(/end 5 is not after begin 5/)
    expect(readPassimRecord({ id: 'a', cluster: 1.5, begin: 0, end: 5, text: 'x' })).toMatch(/cluster is 1.5, not a 64-bit integer/)
    expect(readPassimRecord({ id: 'a', cluster: '-3', begin: 0, end: 5, text: 'abcde', extra: [1] })).toMatchObject({
      cluster: '-3',
      extra: [1],
    })
  })
})

describe('passim input', () => {
  const doc = { id: 'd', file: 'd.txt', title: 'D', author: 'Ann', outlet: '', date: '1861-03', url: '' }
  it('series: outlet, else author, else id; date only when a full day', () => {
    expect(passimInput(doc, 'text\r\n')).toEqual({ id: 'd', series: 'Ann', text: 'text\r\n' })
    expect(passimInput({ ...doc, outlet: 'Gazette', date: '1861-03-02' }, 't')).toEqual({
      id: 'd',
      series: 'Gazette',
      date: '1861-03-02',
      text: 't',
    })
    expect(passimInput({ ...doc, author: ' ' }, 't').series).toBe('d')
  })
})

describe('locating a reported passage', () => {
  const passage = 'comes a pause in the day’s occupations'
  const text = `🦉𝔗𝔥𝔢 owl\n${passage}, said he.\n`
  const map = new OffsetMap(text)
  const start = [...text].indexOf('c')
  const end = start + [...passage].length

  it('takes code point offsets, astral characters before the passage', () => {
    expect(start).toBe(9)
    expect(text.indexOf(passage)).toBe(13)
    expect(new PassageLocator(map).locate(passage, start, end)).toEqual({ status: 'found', start, end })
  })

  it('re-anchors a passage whose offsets no longer hold, and reports one that is gone', () => {
    const l = new PassageLocator(map)
    expect(l.locate(passage, start + 4, end + 4)).toEqual({ status: 'moved', start, end })
    expect(l.locate(passage, 900, 950)).toEqual({ status: 'moved', start, end })
    expect(l.locate('a sentence that was never in this text at all, not even nearly', start, end)).toEqual({ status: 'unmatched' })
  })

  it('matches a cleaned passage (whitespace runs made one space) across line breaks', () => {
    const t = new OffsetMap('Before.\n\nThe ship  Mary\nEllen went\tashore.\nAfter.')
    const found = new PassageLocator(t).locate('The ship Mary Ellen went ashore.', 0, 5)
    expect(found.status).toBe('moved')
    if (found.status !== 'unmatched') expect(t.slice(found.start, found.end)).toBe('The ship  Mary\nEllen went\tashore.')
  })
})

describe('TextPAIR records', () => {
  it('converts UTF-8 byte offsets to code points', () => {
    const text = 'aé€😀b\n'.repeat(300)
    const bytes = new Utf8Offsets(text)
    const encoded = Buffer.from(text, 'utf8')
    expect(bytes.byteLength).toBe(encoded.length)
    // Characters that end at or before byte b: lead bytes before b, less one if b is inside a character.
    const reference = (b: number) =>
      encoded.subarray(0, b).filter((x) => (x & 0xc0) !== 0x80).length - (b < encoded.length && (encoded[b] & 0xc0) === 0x80 ? 1 : 0)
    for (let b = 0; b <= encoded.length; b++) expect(bytes.toCodePoint(b)).toBe(reference(b))
    // A byte inside a character counts as the character's start.
    expect(bytes.toCodePoint(2)).toBe(1)
  })

  it('reads integer and string byte offsets and says what is missing', () => {
    const r = {
      source_doc_id: '1',
      source_filename: '/x/a.txt',
      source_start_byte: '10',
      source_end_byte: 20,
      source_passage: 'p',
      target_doc_id: 2,
      target_start_byte: 0,
      target_end_byte: 5,
      target_passage: 'q',
      group_id: [4],
    }
    expect(readTextPairRecord(r)).toEqual({
      source: { docId: '1', filename: '/x/a.txt', startByte: 10, endByte: 20, passage: 'p' },
      target: { docId: '2', filename: '', startByte: 0, endByte: 5, passage: 'q' },
      group: [4],
    })
    expect(readTextPairRecord({ ...r, target_passage: undefined })).toBe('not a TextPAIR alignment: no target_passage')
  })
})

describe('imported overlaps', () => {
  it('measures passages plainly', () => {
    expect(measurePassages(['The cat sat.', 'the cat sat'])).toEqual({
      kind: 'verbatim',
      words: 3,
      similarity: 1,
      score: 3,
      pairKinds: { verbatim: 1, variant: 0, paraphrase: 0 },
    })
    expect(measurePassages(['a b c d e', 'a b c d f'])).toMatchObject({ kind: 'variant', words: 4, similarity: 0.8 })
    // Two copies and an edited one: one pair verbatim, two near-verbatim. The kind is most pairs',
    // as the engine's; the figures are the best pair's.
    expect(measurePassages(['a b c d e', 'a b c d e', 'a b c d f'])).toMatchObject({
      kind: 'variant',
      similarity: 1,
      pairKinds: { verbatim: 1, variant: 2, paraphrase: 0 },
    })
  })

  it('follows the documents: moved passages re-anchored, vanished ones dropped with their overlap', () => {
    const stored: StoredOverlap[] = [
      {
        id: 'passim-1',
        source: 'passim',
        kind: 'verbatim',
        score: 1,
        words: 3,
        similarity: 1,
        // As an older import stored it: a variant for identical passages, at the old offsets.
        variants: [
          { a: 0, b: 1, changes: [{ op: 'equal', a: 'shared text', b: 'shared text', aStart: 0, aEnd: 11, bStart: 2, bEnd: 13 }] },
        ],
        passages: [
          { doc: 'a', start: 0, end: 11, text: 'shared text' },
          { doc: 'b', start: 2, end: 13, text: 'shared text' },
        ],
      },
      {
        id: 'passim-2',
        source: 'passim',
        kind: 'verbatim',
        score: 1,
        words: 3,
        similarity: 1,
        variants: [],
        passages: [
          { doc: 'a', start: 12, end: 20, text: 'gone now' },
          { doc: 'b', start: 0, end: 1, text: '>' },
        ],
      },
    ]
    const texts = new Map([
      ['a', '😀 new start. shared text'],
      ['b', '> shared text'],
    ])
    const { overlaps, moved, dropped } = currentOverlaps(stored, texts)
    expect(overlaps.map((o) => o.id)).toEqual(['passim-1'])
    expect(overlaps[0].passages[0]).toMatchObject({ doc: 'a', start: 13, end: 24, text: 'shared text' })
    // Passages moved: the word differences are computed again; the passages have the same words,
    // so the stale variant is gone and none replaces it.
    expect(overlaps[0].variants).toEqual([])
    // Its figures measured again: the same words, verbatim.
    expect(overlaps[0]).toMatchObject({ kind: 'verbatim', words: 2, similarity: 1, pairKinds: { verbatim: 1, variant: 0, paraphrase: 0 } })
    expect(moved).toBe(1)
    expect(dropped).toBe(1)
  })
})

describe('LZ4 frames', () => {
  it('decodes python-lz4 output (linked blocks), concatenated frames and skippable frames', async () => {
    const plain = await readFile(join(FIXTURES, 'alignments.jsonl'))
    const packed = await readFile(join(FIXTURES, 'alignments.jsonl.lz4'))
    const decode = (b: Uint8Array) => Buffer.concat([...decodeLz4(b)].map((c) => c.chunk))
    expect(decode(packed).equals(plain)).toBe(true)
    const skippable = Buffer.from([0x50, 0x2a, 0x4d, 0x18, 3, 0, 0, 0, 1, 2, 3])
    expect(decode(Buffer.concat([packed, skippable, packed])).equals(Buffer.concat([plain, plain]))).toBe(true)
  })

  it('refuses truncated and foreign data in one line', async () => {
    const packed = await readFile(join(FIXTURES, 'alignments.jsonl.lz4'))
    expect(() => [...decodeLz4(packed.subarray(0, packed.length - 10))]).toThrow(Lz4Error)
    expect(() => [...decodeLz4(Buffer.from('{"a":1}\n'))]).toThrow(/not LZ4 frame data/)
  })
})
