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
  // One chunk: index >>> 31 is 0 and index & 0x7fffffff the index for any typed array's index.
  return sortByChunks(order, [keys], 31, 0x7fffffff, maxKey, scratch)
}

/** The identity permutation 0..n-1. */
export function identity(n: number): Uint32Array {
  const order = new Uint32Array(n)
  for (let i = 0; i < n; i++) order[i] = i
  return order
}

/**
 * Reorders `order` as sortIndicesByKey does, the keys being the values of `list` (a UintList,
 * read where it lies, in its chunks, rather than copied into one array first).
 */
export function sortIndicesByList(order: Uint32Array, list: UintList, maxKey = 0xffffffff, scratch?: Uint32Array): Uint32Array {
  return sortByChunks(order, list.chunks, list.shift, list.mask, maxKey, scratch)
}

/** The sort of both: key i is chunks[i >>> shift][i & mask]. */
function sortByChunks(
  order: Uint32Array,
  chunks: readonly (Uint32Array | Uint16Array)[],
  shift: number,
  mask: number,
  maxKey: number,
  scratch: Uint32Array | undefined,
): Uint32Array {
  const n = order.length
  if (n <= SMALL_SORT) {
    // Array.prototype.sort is stable; for few elements it beats clearing 2^16 buckets per pass.
    const sorted = Array.from(order).sort((x, y) => chunks[x >>> shift][x & mask] - chunks[y >>> shift][y & mask])
    order.set(sorted)
    return order
  }
  let source: Uint32Array = order
  let target: Uint32Array = scratch && scratch.length === n ? scratch : new Uint32Array(n)
  const counts = new Uint32Array(BUCKETS)
  for (let bits = 0; bits < 32; bits += DIGIT_BITS) {
    if (bits > 0 && maxKey >>> bits === 0) break
    counts.fill(0)
    for (let i = 0; i < n; i++) {
      const index = source[i]
      counts[(chunks[index >>> shift][index & mask] >>> bits) & (BUCKETS - 1)]++
    }
    let sum = 0
    for (let b = 0; b < BUCKETS; b++) {
      const c = counts[b]
      counts[b] = sum
      sum += c
    }
    for (let i = 0; i < n; i++) {
      const index = source[i]
      target[counts[(chunks[index >>> shift][index & mask] >>> bits) & (BUCKETS - 1)]++] = index
    }
    const swap = source
    source = target
    target = swap
  }
  return source
}

/**
 * Most bytes a chunk of a UintList holds: 32 MB, glibc's largest threshold for giving an
 * allocation its own mapping, so that a chunk is returned to the system when it is freed rather
 * than left as a hole in the allocator's heap, where it still counts towards the process's
 * resident memory (with 4 MB chunks, 150 MB of freed seed lists stayed resident on the
 * changelogs of a Debian system). The unused end of the last chunk is never written, so it is
 * not resident either.
 */
const CHUNK_BYTES = 32 << 20

/** Fewest values a chunk holds (a small corpus's lists). */
const MIN_CHUNK_VALUES = 1 << 10

/**
 * A growable list of unsigned integers, 32 bits each, or 16 when made with `narrow`, held in
 * chunks of one size (a power of two) and read where they lie (at, sortIndicesByList). An array
 * that doubles when full holds a quarter of itself unused on average and, at each doubling,
 * itself and its copy; one copied into a right-sized array at the end is held twice then: for the
 * seeds of a corpus (ngrams.ts, 12 M seeds of four lists on the changelogs of a Debian system),
 * 300 MB for 150 MB of values. Chunks are never copied.
 */
export class UintList {
  /** The values: value i is chunks[i >>> shift][i & mask]. */
  chunks: (Uint32Array | Uint16Array)[] = []
  readonly shift: number
  readonly mask: number
  length = 0

  /**
   * `narrow`: every value pushed is below 65,536 (two bytes each instead of four). `expected`:
   * about how many values will be pushed; chunks are the power of two above it, up to CHUNK_BYTES.
   */
  constructor(
    private readonly narrow = false,
    expected = 0,
  ) {
    const most = CHUNK_BYTES / (narrow ? 2 : 4)
    let size = MIN_CHUNK_VALUES
    while (size < most && size < expected) size *= 2
    this.shift = 31 - Math.clz32(size)
    this.mask = size - 1
  }

  push(value: number): void {
    const k = this.length >>> this.shift
    if (k === this.chunks.length) this.chunks.push(this.narrow ? new Uint16Array(this.mask + 1) : new Uint32Array(this.mask + 1))
    this.chunks[k][this.length & this.mask] = value
    this.length++
  }

  /** Value i. */
  at(i: number): number {
    return this.chunks[i >>> this.shift][i & this.mask]
  }

  /** Lets the values go. */
  clear(): void {
    this.chunks = []
    this.length = 0
  }
}
