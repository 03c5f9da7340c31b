// Which pairs of an overlap's passages are compared word by word (variants.ts). The rule is shared
// by everything that makes variants (the engine, imported overlaps) and everything that reads them
// (the variants panel): an overlap's `variants` list only the compared pairs whose words differ, so
// a compared pair without a variant is one whose passages have the same words. This file imports
// nothing, so the renderer can use it without bundling the engine or jsdiff.

/**
 * Passages of an overlap diffed pairwise: all pairs up to this many passages (six diffs); beyond,
 * each of the next passages is diffed against the first only, since all pairs grow with the
 * square, up to MAX_DIFFS per overlap. A boilerplate paragraph found in hundreds of files gets a
 * sample of variants, not hundreds of diffs: each diff repeats the passages' text, and at corpus
 * scale more would make the result mostly copies of licences.
 */
export const MAX_PAIRWISE_PASSAGES = 4
export const MAX_DIFFS = 8

/**
 * Longest stretch (in words) of two passages diffed, the words they begin and end with alike
 * aside (variants.ts sharedEnds). A run of Myers' algorithm bounded by MAX_EDIT_LENGTH costs about
 * (words of a + words of b) x MAX_EDIT_LENGTH steps, the stretches between anchors' summed: 20,000
 * words on each side make 16 million at most, under a second, most diffs far fewer (a stretch where
 * one side adds words may take MAX_ADDED_WORDS more edits, variants.ts); passages that differ over
 * more are whole documents, better compared side by side.
 * Two copies of a history of 400,000 words that differ in their last line are diffed over that line.
 */
export const MAX_DIFF_WORDS = 20_000

/**
 * The pairs [a, b] (indices, a < b) of passages whose words are compared, given each passage's
 * document, in the order their variants are listed: all pairs up to MAX_PAIRWISE_PASSAGES
 * passages, beyond that the first against each of the others; two passages of one document are
 * not a pair; at most MAX_DIFFS pairs. Pairs with the same words are compared (and counted) but
 * get no variant.
 */
export function comparedPairs(docs: readonly string[]): [number, number][] {
  const pairs: [number, number][] = []
  const count = docs.length
  const last = count > MAX_PAIRWISE_PASSAGES ? 1 : count
  for (let i = 0; i < last; i++) {
    for (let j = i + 1; j < count && pairs.length < MAX_DIFFS; j++) {
      if (docs[i] !== docs[j]) pairs.push([i, j])
    }
  }
  return pairs
}
