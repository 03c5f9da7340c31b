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
    const pool = new OffHeapTexts()
    texts.forEach((t, k) => pool.add(t, (copy) => (placed[k] = copy)))
    expect(placed[6]).toBe(texts[6])
    pool.flush()
    expect(placed).toEqual(texts)
    pool.flush()
    expect(placed).toEqual(texts)
  })

  it('moves the characters out of the heap (Node makes a large decoded buffer an external string)', () => {
    // A full collection before each reading, so that garbage freed meanwhile does not count.
    setFlagsFromString('--expose-gc')
    const gc = runInNewContext('gc') as () => void
    gc()
    const before = process.memoryUsage().external
    const big = Array.from({ length: 2000 }, (_, k) => `line ${k}: “${'word '.repeat(200)}”\n`)
    const copies: string[] = []
    const pool = new OffHeapTexts()
    for (const t of big) pool.add(t, (copy) => copies.push(copy))
    pool.flush()
    const units = big.reduce((sum, t) => sum + t.length, 0)
    expect(copies.join('')).toBe(big.join(''))
    // Two bytes a character (the texts have characters beyond Latin-1), held as external memory.
    gc()
    expect(process.memoryUsage().external - before).toBeGreaterThanOrEqual(2 * units)
  })

  it('copies a piece of a text so that it does not keep the text alive', () => {
    const text = `Title line\n${'body '.repeat(1000)}`
    const title = detached(text.slice(0, 10))
    expect(title).toBe('Title line')
  })
})
