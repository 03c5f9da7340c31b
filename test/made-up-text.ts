// Text no other text shares by chance: made-up words drawn from syllables by a seeded generator
// (xorshift32), the same for a seed on every run. Engine tests build documents from it around the
// passages they mean to share.

const SYLLABLES = ['ka', 'lo', 'mi', 'ter', 'vun', 'sa', 'do', 'rel', 'pi', 'gan', 'fo', 'bru', 'ne', 'ti', 'sol', 'za', 'qui', 'mor']

/** A generator of made-up words (two to four syllables) for `seed`. */
export function wordMaker(seed: number): () => string {
  let state = seed >>> 0 || 1
  const next = () => {
    state ^= state << 13
    state ^= state >>> 17
    state ^= state << 5
    return (state >>> 0) / 0x100000000
  }
  return () => {
    const n = 2 + Math.floor(next() * 3)
    let w = ''
    for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(next() * SYLLABLES.length)]
    return w
  }
}

/** `count` sentences of twelve made-up words, one paragraph each. */
export function filler(word: () => string, count: number): string {
  const out: string[] = []
  for (let s = 0; s < count; s++) {
    const words = Array.from({ length: 12 }, word)
    out.push(words.join(' ').replace(/^./, (c) => c.toUpperCase()) + '.')
  }
  return out.join('\n\n')
}
