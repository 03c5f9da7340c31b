// 32-bit hashing of id sequences (word n-grams). MurmurHash3's finaliser spreads every input bit
// over the output, so sequences of small consecutive ids hash uniformly. Collisions are possible
// (about n^2 / 2^33 pairs among n distinct n-grams) and harmless: callers compare the ids of
// n-grams whose hashes are equal before they trust a match.

/** MurmurHash3's 32-bit finaliser. */
export function fmix32(h: number): number {
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

/** Mixes one more 32-bit value into a running hash (MurmurHash3's block step). */
export function mix32(h: number, value: number): number {
  let k = Math.imul(value, 0xcc9e2d51)
  k = (k << 15) | (k >>> 17)
  k = Math.imul(k, 0x1b873593)
  h ^= k
  h = (h << 13) | (h >>> 19)
  return (Math.imul(h, 5) + 0xe6546b64) | 0
}
