// Stable least-significant-digit radix sorts by 32-bit keys: of an index permutation, 16 bits a
// pass (sortIndicesByKey, sortIndicesByKeys, sortByKey), and of rows held as columns, 11 bits a
// pass, every column moved (sortRows). Sorting tens of millions of hashed n-grams with
// Array.prototype.sort and a comparator takes minutes and an object per element; two linear
// passes over typed arrays take well under a second.

const DIGIT_BITS = 16
const BUCKETS = 1 << DIGIT_BITS

/**
 * Up to this many elements a comparison sort is used: a radix pass clears and sums all 2^16
 * buckets, which for a small document set (a few thousand n-grams) costs more than sorting them.
 */
const SMALL_SORT = 1 << 14

/** More than the places of a small sort's elements: a packed element's key is its value over this. */
const PLACES = SMALL_SORT + 1

/**
 * Reorders `order` (a permutation of indices into `keys`) so that keys[order[i]] ascends, keeping
 * the current relative order of equal keys (stable), which lets a caller sort by several keys
 * by sorting on the least significant first. `maxKey` skips the high pass when it is zero.
 * The passes go back and forth between `order` and a second array of its length: `scratch` when
 * given (so that sorting by several keys makes no array per key), else a new one. The result is
 * one of the two; the other is free to reuse. Each pass's counts are taken before any pass, in
 * one read of the keys in their own order when `order` holds every index of `keys` (the counts
 * do not depend on the order; reading through `order` would be a random access per element, as
 * the passes' own reads are), and a pass whose digit is the same for every key (the high half of
 * keys below 2^16) is skipped: a stable pass over one bucket leaves the order as it is.
 */
export function sortIndicesByKey(
  order: Uint32Array,
  keys: Uint32Array | Uint16Array,
  maxKey = 0xffffffff,
  scratch?: Uint32Array,
): Uint32Array {
  const n = order.length
  if (n <= SMALL_SORT) {
    // For few elements a comparison sort beats clearing 2^16 buckets per pass. Each element is
    // one number, its key times PLACES plus its place in `order` (exact: below 2^47), sorted by
    // a typed array's own numeric sort, no function called back per comparison: ascending keys,
    // equal keys in their places' order (stable). With a comparator, the bundled corpus's sorts
    // of 5,000 n-grams took 5.5-7 ms cold, 1.4-2.1 ms so.
    const packed = new Float64Array(n)
    for (let i = 0; i < n; i++) {
      const index = order[i]
      packed[i] = keys[index] * PLACES + i
    }
    packed.sort()
    const before = order.slice()
    for (let i = 0; i < n; i++) order[i] = before[packed[i] % PLACES]
    return order
  }
  const passes = maxKey >>> DIGIT_BITS === 0 ? 1 : 2
  const counts = new Uint32Array(passes * BUCKETS)
  if (n === keys.length) {
    for (let i = 0; i < n; i++) {
      const key = keys[i]
      counts[key & (BUCKETS - 1)]++
      if (passes > 1) counts[BUCKETS + (key >>> DIGIT_BITS)]++
    }
  } else {
    for (let i = 0; i < n; i++) {
      const key = keys[order[i]]
      counts[key & (BUCKETS - 1)]++
      if (passes > 1) counts[BUCKETS + (key >>> DIGIT_BITS)]++
    }
  }
  let source: Uint32Array = order
  let target: Uint32Array | undefined = scratch && scratch.length === n ? scratch : undefined
  for (let pass = 0; pass < passes; pass++) {
    const bits = pass * DIGIT_BITS
    const base = pass * BUCKETS
    if (toStarts(counts.subarray(base, base + BUCKETS), n)) continue
    target ??= new Uint32Array(n)
    for (let i = 0; i < n; i++) {
      const index = source[i]
      target[counts[base + ((keys[index] >>> bits) & (BUCKETS - 1))]++] = index
    }
    const swap = source
    source = target
    target = swap
  }
  return source
}

/**
 * Turns one pass's bucket counts into each bucket's first place in the pass's output, in place;
 * returns whether one bucket holds all `n` keys (the pass can be skipped).
 */
function toStarts(counts: Uint32Array, n: number): boolean {
  let sum = 0
  let single = false
  for (let b = 0; b < counts.length; b++) {
    const c = counts[b]
    if (c === n) single = true
    counts[b] = sum
    sum += c
  }
  return single
}

/**
 * The indices of `keys` in ascending order of key (stable) and the keys in that order. Each pass
 * moves a key with its index, so no pass reads a key through its index (sortIndicesByKey's second
 * pass reads one far away per element): for the 9 M n-grams of the changelogs of a Debian system,
 * 0.8 s against 2.4 s, with the equal keys found by reading `sorted` in order rather than through
 * `order`. It holds four arrays of the keys' length while it runs (sortIndicesByKey: two).
 */
export function sortByKey(keys: Uint32Array): { order: Uint32Array; sorted: Uint32Array } {
  const n = keys.length
  if (n <= SMALL_SORT) {
    const order = sortIndicesByKey(identity(n), keys)
    const sorted = new Uint32Array(n)
    for (let i = 0; i < n; i++) sorted[i] = keys[order[i]]
    return { order, sorted }
  }
  const counts = new Uint32Array(2 * BUCKETS)
  for (let i = 0; i < n; i++) {
    const key = keys[i]
    counts[key & (BUCKETS - 1)]++
    counts[BUCKETS + (key >>> DIGIT_BITS)]++
  }
  let order: Uint32Array | undefined
  let sorted = keys
  let spareOrder: Uint32Array | undefined
  let spareKeys: Uint32Array | undefined
  for (let pass = 0; pass < 2; pass++) {
    const bits = pass * DIGIT_BITS
    const base = pass * BUCKETS
    // A digit the same for every key: the pass would leave the order as it is.
    if (toStarts(counts.subarray(base, base + BUCKETS), n)) continue
    const targetOrder = spareOrder ?? new Uint32Array(n)
    const targetKeys = spareKeys ?? new Uint32Array(n)
    for (let i = 0; i < n; i++) {
      const key = sorted[i]
      const at = counts[base + ((key >>> bits) & (BUCKETS - 1))]++
      targetOrder[at] = order ? order[i] : i
      targetKeys[at] = key
    }
    spareOrder = order
    spareKeys = sorted === keys ? undefined : sorted
    order = targetOrder
    sorted = targetKeys
  }
  return { order: order ?? identity(n), sorted: sorted === keys ? keys.slice() : sorted }
}

/**
 * Reorders `order` (indices below `size`) by several keys, the most significant first: by
 * keys[0](index), then keys[1](index), and so on, equal ones keeping their order in `order`. The
 * order a comparison sort with those keys and a last tie-break on the place in `order` gives, in
 * linear time: each key is read into one array reused from key to key, less its least value (so
 * a descending key is given as its negation), and sorted on by sortIndicesByKey, least
 * significant first. A key's values are integers less than 2^32 apart. Returns `order` or
 * another array of its length.
 */
export function sortIndicesByKeys(order: Uint32Array, size: number, keys: readonly ((index: number) => number)[]): Uint32Array {
  const values = new Uint32Array(size)
  let sorted = order
  let scratch: Uint32Array = new Uint32Array(order.length)
  for (let k = keys.length - 1; k >= 0; k--) {
    const key = keys[k]
    let least = Infinity
    let most = -Infinity
    for (let i = 0; i < sorted.length; i++) {
      const value = key(sorted[i])
      if (value < least) least = value
      if (value > most) most = value
    }
    if (!(most > least)) continue // one value (or none): the order stays
    for (let i = 0; i < sorted.length; i++) values[sorted[i]] = key(sorted[i]) - least
    const result = sortIndicesByKey(sorted, values, most - least, scratch)
    if (result !== sorted) {
      scratch = sorted
      sorted = result
    }
  }
  return sorted
}

/** The identity permutation 0..n-1. */
export function identity(n: number): Uint32Array {
  const order = new Uint32Array(n)
  for (let i = 0; i < n; i++) order[i] = i
  return order
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
 * chunks of one size (a power of two) and read where they lie (at). An array
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

/**
 * Bits of a digit of sortRows' passes: 2,048 buckets, whose places a pass writes to while it
 * reads its rows in order. Fewer bits make more passes; more, more places written far apart (at
 * 16 bits, 65,536 of them for each column).
 */
const ROW_DIGIT_BITS = 11

/** A key of sortRows: the column it is read from, and its largest value. */
export interface RowKey {
  column: number
  max: number
}

/**
 * Sorts rows, given as columns of one length, by `keys` (least significant first), stable, the
 * rows first in the order they are given: a least-significant-digit radix sort that moves every
 * column's value at each pass, so that no pass reads a value far from the one before (sorting
 * indices, sortIndicesByKey, reads each key through its index, at random, and the columns again
 * to permute them: ngrams.ts's seeds). Each column is held twice while it runs. Returns the sorted columns, and for each the array the passes left
 * free (undefined where no pass ran), for the caller's reuse.
 */
export function sortRows(
  columns: readonly Uint32Array[],
  keys: readonly RowKey[],
): { sorted: Uint32Array[]; free: (Uint32Array | undefined)[] } {
  const n = columns.length ? columns[0].length : 0
  const buckets = 1 << ROW_DIGIT_BITS
  const passes: { column: number; shift: number }[] = []
  for (const key of keys)
    for (let shift = 0; shift < 32 && key.max >>> shift > 0; shift += ROW_DIGIT_BITS) passes.push({ column: key.column, shift })
  // Every pass's counts in one read of each key column (counts do not depend on the order).
  const counts = new Uint32Array(passes.length * buckets)
  for (let p = 0; p < passes.length; p++) {
    const { column, shift } = passes[p]
    const values = columns[column]
    const base = p * buckets
    for (let i = 0; i < n; i++) counts[base + ((values[i] >>> shift) & (buckets - 1))]++
  }
  const sorted = [...columns]
  const free: (Uint32Array | undefined)[] = columns.map(() => undefined)
  const mask = buckets - 1
  for (let p = 0; p < passes.length; p++) {
    const { column, shift } = passes[p]
    // Each bucket's first place; a pass whose digit is the same for every row is skipped.
    const starts = counts.subarray(p * buckets, (p + 1) * buckets)
    if (toStarts(starts, n)) continue
    // Each column moved in turn, its places read from the key column (in order) each time.
    const key = sorted[column]
    for (let c = 0; c < sorted.length; c++) {
      const from = sorted[c]
      const to = (free[c] ??= new Uint32Array(n))
      const next = starts.slice()
      for (let i = 0; i < n; i++) to[next[(key[i] >>> shift) & mask]++] = from[i]
    }
    for (let c = 0; c < sorted.length; c++) [sorted[c], free[c]] = [free[c]!, sorted[c]]
  }
  return { sorted, free }
}
