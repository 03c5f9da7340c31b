// Word tokens of a text, as offsets into it. The engine never rewrites a text: everything it
// matches on (see normalise.ts) is derived from these spans, so every passage it reports can be
// cut from the original string exactly.
//
// A token is a run of letters, digits and combining marks, plus
//   - an apostrophe between letters (don't, China’s),
//   - a period or comma between digits (3,327.8),
//   - a soft hyphen (U+00AD) inside a word,
//   - a hyphen at a line end followed by a lower-case letter on the next line (hyphenation:
//     "develop-\nment" is one token).
// Any other hyphen or dash splits: "high-tech" is "high" and "tech", so it matches "high tech".
// Offsets are UTF-16 code units (JavaScript string indices); OffsetMap converts them.

/** Token spans of one text: token i is text.slice(starts[i], ends[i]). */
export interface TokenSpans {
  starts: Uint32Array
  ends: Uint32Array
  count: number
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u
const LOWER_START = /\p{Ll}/u

/** 1 = word character, 2 = not; 0 = not yet classified. Covers the Basic Multilingual Plane. */
const bmpClass = new Uint8Array(0x10000)

function isWordUnit(code: number): boolean {
  let c = bmpClass[code]
  if (c === 0) {
    c = code >= 0xd800 && code <= 0xdfff ? 2 : WORD_CHAR.test(String.fromCharCode(code)) ? 1 : 2
    bmpClass[code] = c
  }
  return c === 1
}

/** Length in UTF-16 units of the word character at `i` (1 or 2), or 0 when it is not one. */
function wordCharAt(text: string, i: number): number {
  const code = text.charCodeAt(i)
  if (code < 0xd800 || code > 0xdbff) return isWordUnit(code) ? 1 : 0
  const cp = text.codePointAt(i)!
  if (cp <= 0xffff) return 0
  return WORD_CHAR.test(String.fromCodePoint(cp)) ? 2 : 0
}

const APOSTROPHES = new Set([0x27, 0x2019])
const DIGIT_JOINERS = new Set([0x2e, 0x2c])
const SOFT_HYPHEN = 0xad
const HYPHENS = new Set([0x2d, 0x2010])

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39
}

/** Where a line-end hyphenation starting at hyphen `i` resumes the word, or -1. */
function hyphenationResume(text: string, i: number): number {
  let j = i + 1
  while (j < text.length && (text.charCodeAt(j) === 0x20 || text.charCodeAt(j) === 0x09)) j++
  if (text.charCodeAt(j) === 0x0d) j++
  if (text.charCodeAt(j) !== 0x0a) return -1
  j++
  while (j < text.length && (text.charCodeAt(j) === 0x20 || text.charCodeAt(j) === 0x09)) j++
  return j < text.length && LOWER_START.test(text[j]) ? j : -1
}

/** Splits `text` into word tokens (see the rules above). Linear in the text's length. */
export function tokenize(text: string): TokenSpans {
  // Start with room for one token per 5 units (English averages ~6 with the space) and grow.
  let starts = new Uint32Array(Math.max(16, (text.length / 5) | 0))
  let ends = new Uint32Array(starts.length)
  let count = 0
  const n = text.length
  let i = 0
  while (i < n) {
    const w = wordCharAt(text, i)
    if (w === 0) {
      i++
      continue
    }
    const start = i
    i += w
    for (;;) {
      if (i >= n) break
      const step = wordCharAt(text, i)
      if (step > 0) {
        i += step
        continue
      }
      const code = text.charCodeAt(i)
      if (code === SOFT_HYPHEN && i + 1 < n && wordCharAt(text, i + 1) > 0) {
        i++
        continue
      }
      if (APOSTROPHES.has(code) && i + 1 < n && wordCharAt(text, i + 1) > 0 && !isDigit(text.charCodeAt(i + 1))) {
        i++
        continue
      }
      if (DIGIT_JOINERS.has(code) && isDigit(text.charCodeAt(i - 1)) && i + 1 < n && isDigit(text.charCodeAt(i + 1))) {
        i++
        continue
      }
      if (HYPHENS.has(code)) {
        const resume = hyphenationResume(text, i)
        if (resume > 0) {
          i = resume
          continue
        }
      }
      break
    }
    if (count === starts.length) {
      const grownStarts = new Uint32Array(starts.length * 2)
      grownStarts.set(starts)
      starts = grownStarts
      const grownEnds = new Uint32Array(ends.length * 2)
      grownEnds.set(ends)
      ends = grownEnds
    }
    starts[count] = start
    ends[count] = i
    count++
  }
  return { starts: starts.slice(0, count), ends: ends.slice(0, count), count }
}
