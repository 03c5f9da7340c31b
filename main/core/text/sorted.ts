// Binary search over ascending arrays: the one implementation every module uses (offset maps,
// the engine's token ranges, sentence lookup, the renderer's line index).

/** First index in the ascending `sorted` whose value is >= `value` (`sorted.length` if none). */
export function lowerBound(sorted: ArrayLike<number>, value: number): number {
  let lo = 0
  let hi = sorted.length
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
