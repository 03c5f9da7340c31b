import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { describe, expect, it } from 'vitest'
import { CHUNK_UNITS, detached, OffHeapTexts } from '../../main/node/engine/off-heap-texts.js'

describe('texts held outside the heap', () => {
  it('hands back every text equal to what was added, one-byte and two-byte, in chunks', () => {
    const texts = [
      'plain ASCII text',
      'Latin-1: café, naïve, ©',
      'beyond Latin-1: “quoted” — Ondřej',
      'astral 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 and a lone surrogate \ud800 here',
      '',
      'x',
      'a'.repeat(CHUNK_UNITS), // fills a chunk by itself: packed before flush
      'after the big one',
    ]
    const placed: (string | undefined)[] = texts.map(() => undefined)
    const pool = new OffHeapTexts(0)
    texts.forEach((t, k) => pool.add(t, (copy) => (placed[k] = copy)))
    expect(placed[6]).toBe(texts[6])
    pool.flush()
    expect(placed).toEqual(texts)
    pool.flush()
    expect(placed).toEqual(texts)
  })

  it('keeps each chunk as packed when later chunks are packed (one buffer is written into for all)', () => {
    // Texts of half a chunk, one-byte and two-byte in turn: a chunk of each width is packed at
    // every second text of its width (two one-byte chunks, two two-byte ones) while texts are
    // added; then a text of over two chunks, packed alone as it is added, which grows the buffer
    // (let go after it: the next pack makes one anew); and a short one, packed at flush.
    const texts = Array.from({ length: 8 }, (_, k) => (k % 2 ? `“${k}”` : String(k)).repeat(CHUNK_UNITS / 2 + k))
    texts.push('x'.repeat(2 * CHUNK_UNITS + 1), 'the last, short')
    const placed: (string | undefined)[] = texts.map(() => undefined)
    const pool = new OffHeapTexts(0)
    texts.forEach((t, k) => pool.add(t, (copy) => (placed[k] = copy)))
    expect(placed.map((p) => p !== undefined)).toEqual([true, true, true, true, true, true, true, true, true, false])
    pool.flush()
    expect(placed).toEqual(texts)
  })

  it('moves the characters out of the heap (Node makes a large decoded buffer an external string)', () => {
    // Full collections before each reading, until external memory settles: an external string's
    // memory is given back a collection or two after the string died (the first test's chunk of
    // 16 M units), and must not be freed between the two readings.
    setFlagsFromString('--expose-gc')
    const gc = runInNewContext('gc') as () => void
    const settled = (): number => {
      let external = process.memoryUsage().external
      for (let k = 0; k < 8; k++) {
        gc()
        const now = process.memoryUsage().external
        if (now === external) break
        external = now
      }
      return external
    }
    const before = settled()
    const big = Array.from({ length: 2000 }, (_, k) => `line ${k}: “${'word '.repeat(200)}”\n`)
    const copies: string[] = []
    const pool = new OffHeapTexts(0)
    for (const t of big) pool.add(t, (copy) => copies.push(copy))
    pool.flush()
    const units = big.reduce((sum, t) => sum + t.length, 0)
    expect(copies.join('')).toBe(big.join(''))
    // Two bytes a character (the texts have characters beyond Latin-1), held as external memory.
    expect(settled() - before).toBeGreaterThanOrEqual(2 * units)
  })

  it('leaves a few texts on the heap, and packs them all once there are enough', () => {
    const few = ['one text', 'another, “wide”']
    const placed: (string | undefined)[] = few.map(() => undefined)
    const small = new OffHeapTexts(100)
    few.forEach((t, k) => small.add(t, (copy) => (placed[k] = copy)))
    expect(placed).toEqual([undefined, undefined])
    small.flush()
    expect(placed).toEqual(few)
    // Past the threshold the texts queued before it are packed too, a chunk at a time.
    const many = ['a'.repeat(60), 'b'.repeat(CHUNK_UNITS), '“c”'.repeat(20), 'd'.repeat(50)]
    const copies: (string | undefined)[] = many.map(() => undefined)
    const pool = new OffHeapTexts(100)
    many.forEach((t, k) => pool.add(t, (copy) => (copies[k] = copy)))
    expect(copies.slice(0, 2)).toEqual(many.slice(0, 2))
    pool.flush()
    expect(copies).toEqual(many)
  })

  it('copies a piece of a text so that it does not keep the text alive', () => {
    const text = `Title line\n${'body '.repeat(1000)}`
    const title = detached(text.slice(0, 10))
    expect(title).toBe('Title line')
  })
})
