// Binary search over ascending arrays: the one implementation every module uses (offset maps,
// the engine's token ranges, sentence lookup, the renderer's line index); and the longest
// ascending run of a sequence, by the same search (a diff's anchors, passages two documents share
// in order).

/**
 * First index in the ascending `sorted` whose value is >= `value` (`sorted.length` if none); with
 * `lo` and `hi`, the first in [lo, hi) (`hi` if none), for a caller that knows the answer lies there.
 */
export function lowerBound(sorted: ArrayLike<number>, value: number, lo = 0, hi = sorted.length): number {
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (sorted[mid] < value) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** First index in the ascending `sorted` whose value is > `value` (`sorted.length` if none). */
export function upperBound(sorted: ArrayLike<number>, value: number): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (sorted[mid] <= value) lo = mid + 1
    else hi = mid
  }
  return lo
}

/**
 * Index of the last value <= `value` in the ascending `sorted`, clamped to 0..length-1 (0 when
 * every value is larger): the segment a position falls in, given the segments' starts.
 */
export function lastAtOrBefore(sorted: ArrayLike<number>, value: number): number {
  return Math.max(0, upperBound(sorted, value) - 1)
}

/**
 * The indices of a longest strictly ascending subsequence of `values`, in order: patience sorting,
 * O(n log n). Of several equally long, the one whose last value is met first and least.
 */
export function longestIncreasing(values: ArrayLike<number>): number[] {
  // tops[k]: the index ending the best subsequence of length k + 1 so far; back[i]: the index
  // before i in its subsequence.
  const tops: number[] = []
  const back = new Int32Array(values.length)
  for (let i = 0; i < values.length; i++) {
    let lo = 0
    let hi = tops.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (values[tops[mid]] < values[i]) lo = mid + 1
      else hi = mid
    }
    back[i] = lo > 0 ? tops[lo - 1] : -1
    tops[lo] = i
  }
  const out: number[] = new Array(tops.length)
  for (let k = tops.length - 1, i = tops[k]; k >= 0; k--, i = back[i]) out[k] = i
  return out
}
