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

/** A growable array of unsigned integers, 32 bits each, or 16 when made with `narrow`. */
export class UintList {
  data: Uint32Array | Uint16Array
  length = 0

  /** `narrow`: every value pushed is below 65,536 (two bytes each instead of four). */
  constructor(capacity = 1024, narrow = false) {
    const size = Math.max(16, capacity)
    this.data = narrow ? new Uint16Array(size) : new Uint32Array(size)
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = this.data instanceof Uint16Array ? new Uint16Array(this.data.length * 2) : new Uint32Array(this.data.length * 2)
      bigger.set(this.data)
      this.data = bigger
    }
    this.data[this.length++] = value
  }

  /** The values as a right-sized array (a copy). */
  toArray(): Uint32Array | Uint16Array {
    return this.data.slice(0, this.length)
  }
}
