// Stable least-significant-digit radix sort of an index permutation by 32-bit keys, 16 bits a
// pass. Sorting tens of millions of hashed n-grams with Array.prototype.sort and a comparator
// takes minutes and an object per element; two linear passes over typed arrays take well under
// a second.

const DIGIT_BITS = 16
const BUCKETS = 1 << DIGIT_BITS

/**
 * Up to this many elements a comparison sort is used: a radix pass clears and sums all 2^16
 * buckets, which for a small document set (a few thousand n-grams) costs more than sorting them.
 */
const SMALL_SORT = 1 << 14

/**
 * Reorders `order` (a permutation of indices into `keys`) so that keys[order[i]] ascends, keeping
 * the current relative order of equal keys (stable), which lets a caller sort by several keys
 * by sorting on the least significant first. `maxKey` skips the high pass when it is zero.
 * The passes go back and forth between `order` and a second array of its length: `scratch` when
 * given (so that sorting by several keys makes no array per key), else a new one. The result is
 * one of the two; the other is free to reuse.
 */
export function sortIndicesByKey(
  order: Uint32Array,
  keys: Uint32Array | Uint16Array,
  maxKey = 0xffffffff,
  scratch?: Uint32Array,
): Uint32Array {
  const n = order.length
  if (n <= SMALL_SORT) {
    // Array.prototype.sort is stable; for few elements it beats clearing 2^16 buckets per pass.
    const sorted = Array.from(order).sort((x, y) => keys[x] - keys[y])
    order.set(sorted)
    return order
  }
  let source: Uint32Array = order
  let target: Uint32Array = scratch && scratch.length === n ? scratch : new Uint32Array(n)
  const counts = new Uint32Array(BUCKETS)
  for (let shift = 0; shift < 32; shift += DIGIT_BITS) {
    if (shift > 0 && maxKey >>> shift === 0) break
    counts.fill(0)
    for (let i = 0; i < n; i++) counts[(keys[source[i]] >>> shift) & (BUCKETS - 1)]++
    let sum = 0
    for (let b = 0; b < BUCKETS; b++) {
      const c = counts[b]
      counts[b] = sum
      sum += c
    }
    for (let i = 0; i < n; i++) {
      const index = source[i]
      target[counts[(keys[index] >>> shift) & (BUCKETS - 1)]++] = index
    }
    const swap = source
    source = target
    target = swap
  }
  return source
}

/** The identity permutation 0..n-1. */
export function identity(n: number): Uint32Array {
  const order = new Uint32Array(n)
  for (let i = 0; i < n; i++) order[i] = i
  return order
}

/**
 * Most bytes a chunk of a UintList holds: 32 MB, glibc's largest threshold for giving an
 * allocation its own mapping, so that every full-size chunk is returned to the system when it is
 * freed rather than left as a hole in the allocator's heap, where it still counts towards the
 * process's resident memory (smaller chunks, 4 MB, kept the freed seed lists resident: 150 MB on
 * the changelogs of a Debian system). The unused end of the last chunk is never written, so it
 * is not resident either. Chunks start at FIRST_CHUNK_VALUES values and double up to this, so
 * that a small corpus's lists stay small.
 */
const CHUNK_BYTES = 32 << 20
const FIRST_CHUNK_VALUES = 1 << 10

/**
 * A growable list of unsigned integers, 32 bits each, or 16 when made with `narrow`, held in
 * chunks and handed over as one array (take). An array that doubles when full would hold a
 * quarter of itself unused on average and, at each doubling, itself and its copy: for the seeds of
 * a corpus (ngrams.ts, 12 M seeds of four lists on the changelogs of a Debian system), 200 MB for
 * 150 MB of values, and 300 MB at the last doubling. Chunks are never copied until take().
 */
export class UintList {
  private chunks: (Uint32Array | Uint16Array)[] = []
  private last: Uint32Array | Uint16Array
  private at = 0
  private full = 0

  /** `narrow`: every value pushed is below 65,536 (two bytes each instead of four). */
  constructor(private readonly narrow = false) {
    this.last = this.chunk()
  }

  get length(): number {
    return this.full + this.at
  }

  push(value: number): void {
    if (this.at === this.last.length) {
      this.full += this.at
      this.last = this.chunk()
      this.at = 0
    }
    this.last[this.at++] = value
  }

  /**
   * The values as one right-sized array; the list is left empty, each chunk let go once copied,
   * so that the list and its copy are not both held whole.
   */
  take(): Uint32Array | Uint16Array {
    const out = this.narrow ? new Uint16Array(this.length) : new Uint32Array(this.length)
    let at = 0
    for (let k = 0; k < this.chunks.length; k++) {
      const chunk = this.chunks[k]
      const count = Math.min(chunk.length, out.length - at)
      out.set(count === chunk.length ? chunk : chunk.subarray(0, count), at)
      at += count
      this.chunks[k] = EMPTY
    }
    this.chunks = []
    this.last = this.chunk()
    this.at = 0
    this.full = 0
    return out
  }

  private chunk(): Uint32Array | Uint16Array {
    const previous = this.chunks.length ? this.chunks[this.chunks.length - 1].length : 0
    const size = Math.min(CHUNK_BYTES / (this.narrow ? 2 : 4), Math.max(FIRST_CHUNK_VALUES, 2 * previous))
    const chunk = this.narrow ? new Uint16Array(size) : new Uint32Array(size)
    this.chunks.push(chunk)
    return chunk
  }
}

/** What a chunk copied out of a UintList is replaced with. */
const EMPTY = new Uint32Array(0)
