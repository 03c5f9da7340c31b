import { lowerBound } from './sorted.js'

// Offsets in Parallax's files count Unicode code points, as the W3C Web Annotation model's
// TextPositionSelector and REFI-QDA's PlainTextSelection do. JavaScript strings (and ProseMirror)
// count UTF-16 code units. These helpers convert between the two; nothing else should.

/** True when the UTF-16 unit at `i` is the high half of a surrogate pair. */
function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff
}

/** Any high surrogate (a regular expression without the u flag reads UTF-16 units). */
const HIGH_SURROGATE = /[\ud800-\udbff]/

/** Number of code points in `text`. */
export function codePointLength(text: string): number {
  let n = 0
  for (let i = 0; i < text.length; i++) {
    if (isHighSurrogate(text.charCodeAt(i)) && i + 1 < text.length) i++
    n++
  }
  return n
}

/**
 * Converts offsets between UTF-16 code units and code points for one text. Build it once per text
 * and reuse it: conversions are O(log n) after an O(n) scan. Texts with no astral characters (the
 * common case) take a fast path where both offsets are the same.
 */
export class OffsetMap {
  /** UTF-16 offsets of the low half of every surrogate pair, ascending. */
  private readonly pairs: number[] = []
  readonly utf16Length: number
  readonly codePointLength: number

  constructor(readonly text: string) {
    // A native scan first: most texts have no surrogate pair, and then there is nothing to record.
    const first = text.search(HIGH_SURROGATE)
    for (let i = first < 0 ? text.length : first; i < text.length; i++) {
      if (isHighSurrogate(text.charCodeAt(i)) && i + 1 < text.length) {
        this.pairs.push(i + 1)
        i++
      }
    }
    this.utf16Length = text.length
    this.codePointLength = text.length - this.pairs.length
  }

  /** Code point offset of UTF-16 offset `u` (an offset inside a pair counts as the pair's start). */
  toCodePoint(u: number): number {
    if (u < 0 || u > this.utf16Length) throw new RangeError(`UTF-16 offset ${u} is outside 0..${this.utf16Length}`)
    if (this.pairs.length === 0) return u
    // Minus the number of pair low halves strictly before u.
    return u - lowerBound(this.pairs, u)
  }

  /** UTF-16 offset of code point offset `c`. */
  toUtf16(c: number): number {
    if (c < 0 || c > this.codePointLength) {
      throw new RangeError(`code point offset ${c} is outside 0..${this.codePointLength}`)
    }
    if (this.pairs.length === 0) return c
    // The answer u satisfies u - (pairs before u) = c; every pair before it adds one unit.
    let lo = 0
    let hi = this.pairs.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      // Code point offset of the pair's high half = (pairs[mid] - 1) - mid.
      if (this.pairs[mid] - 1 - mid < c) lo = mid + 1
      else hi = mid
    }
    return c + lo
  }

  /** The slice between two code point offsets. */
  slice(start: number, end: number): string {
    return this.text.slice(this.toUtf16(start), this.toUtf16(end))
  }
}
