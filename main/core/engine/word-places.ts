import { lowerBound, upperBound } from '../text/sorted.js'
import { sortByKey } from './radix.js'

// Where each word stands in a stretch of a document, for finding a run of words in it near a
// place without reading every place around it. nested.ts looks for a short passage in a long copy
// of the text it lies in, as far as a tenth of the copy from where proportion puts it: read place
// by place, each search cost that tenth, and a long match holds short passages in proportion to
// its length, so the searches of one long match cost the square of it (three lists of 10,000
// lines alike but for their numbers: 9.8 s of a 15 s run). Through the places of the passage's
// rarest word in the stretch, a search reads only the places where that word stands, nearest
// first, and finds what reading every place would: the nearest place that holds the whole run.

/** A stretch [from, to] of a document's match ids, each id's places in it listed (see above). */
export class WordPlaces {
  /** The stretch's ids, ascending (each as often as it stands there). */
  private readonly ids: Uint32Array
  /** Where each of `ids` stands (from `from`), in the same order: ascending within one id. */
  private readonly places: Uint32Array

  constructor(
    /** The document's match ids (the whole document's; the stretch is [from, to] of them). */
    readonly match: Uint32Array,
    readonly from: number,
    readonly to: number,
  ) {
    const { order, sorted } = sortByKey(match.slice(from, to + 1))
    this.ids = sorted
    this.places = order
  }

  /** The range [lo, hi) of `places` where `id` stands. */
  private range(id: number): [number, number] {
    return [lowerBound(this.ids, id), upperBound(this.ids, id)]
  }

  /**
   * The place p of the stretch in [lo, hi] nearest `guess` (of two as near, the one before it) at
   * which a[start .. start + length) stand, -1 when there is none: what reading the places from
   * `guess` outwards, before then after at each distance, finds first.
   */
  nearest(a: Uint32Array, start: number, length: number, guess: number, lo: number, hi: number): number {
    const { match, from, places } = this
    lo = Math.max(lo, this.from)
    hi = Math.min(hi, this.to - length + 1)
    if (length <= 0 || hi < lo) return -1
    // The word of the run that stands in the fewest places (of its first RAREST_READ words): each
    // of its places is one where the run may be.
    let k = 0
    let [first, last] = this.range(a[start])
    for (let i = 1; i < Math.min(length, RAREST_READ) && last > first; i++) {
      const [f, l] = this.range(a[start + i])
      if (l - f < last - first) [k, first, last] = [i, f, l]
    }
    // Its places q where p = q - k is in [lo, hi] (entries [rLo, rHi) of `places`), split at the
    // guess: those at or before it read backwards, those after it forwards, the nearer of the two
    // next each time.
    const within = places.subarray(first, last)
    const rLo = first + lowerBound(within, lo + k - from)
    const rHi = first + upperBound(within, hi + k - from)
    const split = first + upperBound(within, guess + k - from)
    const placeOf = (r: number): number => from + places[r] - k
    const holds = (p: number): boolean => match[p] === a[start] && sameRun(a, start, match, p, length)
    for (let back = Math.min(split, rHi) - 1, on = Math.max(split, rLo); back >= rLo || on < rHi;) {
      const p = back >= rLo && (on >= rHi || guess - placeOf(back) <= placeOf(on) - guess) ? placeOf(back--) : placeOf(on++)
      if (holds(p)) return p
    }
    return -1
  }
}

/**
 * Words of a run read to choose the one with the fewest places (WordPlaces.nearest): any of them
 * finds the run; the rarest makes fewest places to read, and a few words are enough to meet one
 * that is rare.
 */
export const RAREST_READ = 16

/** Whether b[j ..] has the `length` ids of a[i ..] (their first ids known to be equal). */
export function sameRun(a: Uint32Array, i: number, b: Uint32Array, j: number, length: number): boolean {
  let k = 1
  while (k < length && b[j + k] === a[i + k]) k++
  return k === length
}
