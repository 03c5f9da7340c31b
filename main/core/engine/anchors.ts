import { longestIncreasing } from '../text/sorted.js'

// Anchors for a word diff, as patience diff chooses them (Bram Cohen's patience diff, git diff
// --patience): the words that occur exactly once in each of two runs, kept where they come in the
// same order in both (the longest such sequence). Diffing the stretches between anchors instead of
// the whole runs costs Myers' algorithm the sum of the squares of each stretch's edits instead of
// the square of their total, and lines the runs up on their rare words, where a reader would.

/**
 * Per surface id, scratch counts and positions for uniqueAnchors, grown as needed and left all
 * zero between calls (each call clears what it set).
 */
let countA = new Int32Array(1024)
let countB = new Int32Array(1024)
let placeB = new Int32Array(1024)

/** Any token may anchor (uniqueAnchors' `anchorable` by default). */
export const everyToken = (): boolean => true

/**
 * The anchors of a[a0..a1] and b[b0..b1] (word ids, inclusive ranges): pairs [i, j] with a[i] ===
 * b[j], the word occurring once in each range and `anchorable` at i, ascending in both i and j, as
 * many as can be (the longest increasing subsequence, by patience sorting).
 */
export function uniqueAnchors(
  a: Uint32Array,
  a0: number,
  a1: number,
  b: Uint32Array,
  b0: number,
  b1: number,
  anchorable: (i: number) => boolean = everyToken,
): Array<[number, number]> {
  let max = 0
  for (let t = a0; t <= a1; t++) if (a[t] > max) max = a[t]
  for (let t = b0; t <= b1; t++) if (b[t] > max) max = b[t]
  if (max >= countA.length) {
    const size = Math.max(max + 1, countA.length * 2)
    countA = new Int32Array(size)
    countB = new Int32Array(size)
    placeB = new Int32Array(size)
  }
  for (let t = a0; t <= a1; t++) countA[a[t]]++
  for (let t = b0; t <= b1; t++) {
    countB[b[t]]++
    placeB[b[t]] = t
  }
  // Candidates in a's order, each with its place in b.
  const from: number[] = []
  const to: number[] = []
  for (let t = a0; t <= a1; t++) {
    const w = a[t]
    if (countA[w] === 1 && countB[w] === 1 && anchorable(t)) {
      from.push(t)
      to.push(placeB[w])
    }
  }
  for (let t = a0; t <= a1; t++) countA[a[t]] = 0
  for (let t = b0; t <= b1; t++) countB[b[t]] = 0

  // Longest increasing run of `to` (patience sorting).
  return longestIncreasing(to).map((c) => [from[c], to[c]])
}
