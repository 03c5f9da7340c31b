import { LineEndHyphens } from './line-end-hyphens.js'
import { WORD_CHAR } from './word-char.js'

// Word tokens of a text, as offsets into it. The engine never rewrites a text: everything it
// matches on (see normalise.ts) is derived from these spans, so every passage it reports can be
// cut from the original string exactly.
//
// A token is a run of letters, digits and combining marks, plus
//   - an apostrophe between letters (don't, China’s),
//   - a soft hyphen (U+00AD) inside a word,
//   - a hyphen at a line end followed by a lower-case letter on the next line (hyphenation:
//     "develop-\nment" is one token), unless the text says the hyphen is a compound's own
//     (line-end-hyphens.ts: "git-\nconfig" where it writes "git-config"), or the word before it
//     is a compound's part and the text writes both parts as words, never joined
//     ("over-the-\nshoulder"), which split the words as any other hyphen does. Two words in
//     capitals are joined so too ("INSE-\nCURE" in a manual page's warning, "CONNEC-\nTION" in a
//     licence's disclaimer: typeset text hyphenates them as any other),
//   - the sign it is written with, before it: a plus, minus, plus-minus sign or tilde before a
//     digit (full-width plus and minus too), a plus or tilde before a single capital (a
//     placeholder), where the sign stands at the text's start or after a character that is
//     neither a word's nor a sign: "+5", "-5", "−5", "±0.1", "~5", "~N", "(+5)", so that
//     "tail -n +5" and "tail -n 5", or sed's "addr1,+N" and "addr1,~N", are not the same words
//     (a near-verbatim copy's variants: the match form reads "+5" as "5", normalise.ts); not the
//     hyphen of "1-2", "e-mail" or "-n", nor "--5", nor a unified diff's "+" that opens an added
//     line, nor LaTeX's "Fig.~5" (isLeadingSign); and the ampersand of "&c." (et cetera, as
//     older texts write "etc."), which is the word "etc" written otherwise (spelling.ts), not the
//     word "c" after a mark (not code's "&c," or "&c.field"); and the "#" that comments a setting
//     out, opening a line ("#port = 5432" against "port = 5432": commentedOutAt),
//   - the + or # signs that end it, where a space, a punctuation mark that ends a word, or a
//     Chinese, Japanese or Korean character follows them: "GPL-2+" (version 2 or any later one)
//     is "GPL" and "2+", another word than the "2" of "GPL-2" (a near-verbatim copy's variant,
//     not a verbatim one), "C++", "C#", "g++(1)", "C++-based", "GPL-2+许可证"; not the signs of "1+1",
//     "a+=1", "2.0.0+~cs1" or "${var##*/}".
// Any other hyphen or dash splits: "high-tech" is "high" and "tech", so it matches "high tech".
// Chinese and Japanese write no spaces between words: a Han, Hiragana or Katakana character is a
// token of its own (with any combining marks after it), as text-reuse tools for those languages
// count characters. Read as runs, a Chinese sentence was one or two "words", and a sentence two
// texts share was too short to be found at all. (Thai, Lao, Khmer and Myanmar, also written
// without spaces, are still read as runs: their characters are not syllables.)
// Periods and commas split numbers too: "3.8.3" is "3", "8" and "3", as sim_text reads it, so
// that two version numbers or figures that differ in one part ("Standards-Version 3.8.3" and
// "3.8.4") still share the rest, word for word, and a shared run is as many words as sim_text
// counts.
// Offsets are UTF-16 code units (JavaScript string indices); OffsetMap converts them.

/** Token spans of one text: token i is text.slice(starts[i], ends[i]). */
export interface TokenSpans {
  starts: Uint32Array
  ends: Uint32Array
  count: number
  /**
   * With tokenize(text, true): token i's text hashed by unitHash (the hash the lexicon finds a
   * token by), computed in the same pass over the text.
   */
  hashes?: Uint32Array
}

/**
 * Characters that are words on their own (see above), with the Japanese long vowel mark (ー, and
 * its half-width form), which Unicode gives to no one script.
 */
export const OWN_WORD = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\u30fc\uff70]/u
const MARK = /\p{M}/u
const LOWER_START = /\p{Ll}/u
const UPPER_START = /\p{Lu}/u
/** A word in capitals, two letters at least (a hyphenated word in capitals: see above). */
const CAPITALS = /^\p{Lu}{2,}$/u

/** bmpClass's classes. */
const WORD = 1
const NOT_WORD = 2
const OWN = 3

/**
 * WORD, NOT_WORD or OWN (a word on its own: OWN_WORD) per character of the Basic Multilingual
 * Plane; 0 = not yet classified.
 */
const bmpClass = new Uint8Array(0x10000)

function classify(code: number): number {
  const char = String.fromCharCode(code)
  const c = code >= 0xd800 && code <= 0xdfff ? NOT_WORD : OWN_WORD.test(char) ? OWN : WORD_CHAR.test(char) ? WORD : NOT_WORD
  bmpClass[code] = c
  return c
}

/**
 * Whether the UTF-16 unit `code` is by itself a word character that is no word on its own (a
 * letter, digit or mark of the Basic Multilingual Plane outside OWN_WORD): what WORD_CHAR and
 * OWN_WORD tell of the one-unit string, from the table. A surrogate is none.
 */
export function isWordUnit(code: number): boolean {
  return (bmpClass[code] || classify(code)) === WORD
}

/**
 * Length in UTF-16 units of the word character at `i` (1 or 2), or 0 when it is not one. A word
 * on its own is none here (ownWordEnd): it ends the word before it.
 */
function wordCharAt(text: string, i: number): number {
  const code = text.charCodeAt(i)
  if (code < 0xd800 || code > 0xdbff) {
    const c = bmpClass[code]
    return (c === 0 ? classify(code) : c) === WORD ? 1 : 0
  }
  const cp = text.codePointAt(i)!
  if (cp <= 0xffff) return 0
  const char = String.fromCodePoint(cp)
  return WORD_CHAR.test(char) && !OWN_WORD.test(char) ? 2 : 0
}

/** The first code unit of a word on its own (CJK radicals, U+2E80): what is below is none. */
export const OWN_FROM = 0x2e80

/**
 * Where the word on its own at `i` ends, with the combining marks after it (see above); `i` when
 * the character there is no word on its own.
 */
function ownWordEnd(text: string, i: number): number {
  const code = text.charCodeAt(i)
  let end = i
  if (code < 0xd800 || code > 0xdbff) {
    if ((bmpClass[code] || classify(code)) === OWN) end = i + 1
  } else {
    const cp = text.codePointAt(i)!
    if (cp > 0xffff && OWN_WORD.test(String.fromCodePoint(cp))) end = i + 2
  }
  if (end === i) return i
  for (;;) {
    const w = end < text.length ? wordCharAt(text, end) : 0
    if (w === 0 || !MARK.test(text.slice(end, end + w))) return end
    end += w
  }
}

const APOSTROPHE = 0x27
const RIGHT_QUOTE = 0x2019
const SOFT_HYPHEN = 0xad
const HYPHEN_MINUS = 0x2d
const HYPHEN = 0x2010

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39
}

/** FNV-1a's offset basis and prime: unitHash's start value and multiplier. */
const FNV_BASIS = 0x811c9dc5
const FNV_PRIME = 0x01000193

/** A 32-bit hash (FNV-1a) of the UTF-16 units text[start, end): how the lexicon finds a token. */
export function unitHash(text: string, start: number, end: number): number {
  let h = FNV_BASIS
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME)
  return h >>> 0
}

/**
 * Where a line-end hyphenation starting at hyphen `i` of the word that starts at `start` (or its
 * part after the last line-end hyphen it was joined over) resumes the word, or -1: none, or the
 * hyphen is the compound's own (line-end-hyphens.ts).
 */
function hyphenationResume(text: string, start: number, i: number, hyphens: LineEndHyphens): number {
  let j = i + 1
  while (j < text.length && (text.charCodeAt(j) === 0x20 || text.charCodeAt(j) === 0x09)) j++
  if (text.charCodeAt(j) === 0x0d) j++
  if (text.charCodeAt(j) !== 0x0a) return -1
  j++
  while (j < text.length && (text.charCodeAt(j) === 0x20 || text.charCodeAt(j) === 0x09)) j++
  if (j >= text.length) return -1
  const lower = LOWER_START.test(text[j])
  if (!lower && !UPPER_START.test(text[j])) return -1
  let end = j
  for (let w = wordCharAt(text, end); w > 0; w = end < text.length ? wordCharAt(text, end) : 0) end += w
  const before = text.slice(start, i)
  const after = text.slice(j, end)
  if (!lower && !(CAPITALS.test(before) && CAPITALS.test(after))) return -1
  // The word before is itself a compound's part ("over-the-\nshoulder"): the compound's hyphen
  // where the text writes both parts as words, and never joined.
  const partOfCompound = start > 0 && (text.charCodeAt(start - 1) === HYPHEN_MINUS || text.charCodeAt(start - 1) === HYPHEN)
  return hyphens.isCompound(before, after) || (partOfCompound && hyphens.areWordsApart(before, after)) ? -1 : j
}

/**
 * Splits `text` into word tokens (see the rules above). Linear in the text's length. With
 * `hashes`, each token's unitHash too, computed as its units are read (no second pass). `hyphens`:
 * what the whole text says of its line-end hyphens, where `text` is a part of it (search.ts reads
 * a text in parts), so that the part's words are the whole text's.
 */
export function tokenize(text: string, hashes = false, hyphens: LineEndHyphens = new LineEndHyphens(text)): TokenSpans {
  // Start with room for one token per 5 units (English averages ~6 with the space) and grow.
  let starts = new Uint32Array(Math.max(16, (text.length / 5) | 0))
  let ends = new Uint32Array(starts.length)
  let sums = new Uint32Array(hashes ? starts.length : 0)
  let count = 0
  const n = text.length
  // `hyphens` reads the text the first time a line-end hyphen is met (most texts have none). An
  // object, not a closure: a closure over `text` would make every read of it in this loop a read
  // through a context (the copyright files tokenised a quarter slower).
  let i = 0
  while (i < n) {
    const w = wordCharAt(text, i)
    let start = i
    // The hash of units [start, i), kept up to date as i moves on.
    let h = FNV_BASIS
    if (w === 0) {
      // No word character: a word on its own (from U+2E80 on), or nothing.
      const end = text.charCodeAt(i) < OWN_FROM ? i : ownWordEnd(text, i)
      if (end === i) {
        i++
        continue
      }
      i = end
      if (hashes) h = unitHash(text, start, end)
    } else {
      // A sign the word is written with, before it: read with it (see above).
      const signed = i > 0 && isLeadingSign(text, i)
      if (signed) {
        start--
        if (hashes) h = Math.imul(h ^ text.charCodeAt(start), FNV_PRIME)
      }
      if (hashes) {
        h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME)
        if (w === 2) h = Math.imul(h ^ text.charCodeAt(i + 1), FNV_PRIME)
      }
      i += w
      // Where the word goes on after the last line-end hyphen it was joined over, -1 before any:
      // the part a next line-end hyphen is read after. From the word's start, a word hyphenated
      // at every line ("ab-\nab-\nab-\n...") was read whole at each of its hyphens, as the square
      // of its length (400 KB of such lines: 14 s; a tester).
      let joined = -1
      for (;;) {
        if (i >= n) break
        const step = wordCharAt(text, i)
        if (step > 0) {
          if (hashes) {
            h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME)
            if (step === 2) h = Math.imul(h ^ text.charCodeAt(i + 1), FNV_PRIME)
          }
          i += step
          continue
        }
        const code = text.charCodeAt(i)
        let resume = -1
        if (code === SOFT_HYPHEN) {
          if (i + 1 < n && wordCharAt(text, i + 1) > 0) resume = i + 1
        } else if (code === APOSTROPHE || code === RIGHT_QUOTE) {
          if (i + 1 < n && wordCharAt(text, i + 1) > 0 && !isDigit(text.charCodeAt(i + 1))) resume = i + 1
        } else if (code === HYPHEN_MINUS || code === HYPHEN) {
          resume = hyphenationResume(text, joined >= 0 ? joined : signed ? start + 1 : start, i, hyphens)
          if (resume >= 0) joined = resume
        }
        if (resume < 0) break
        if (hashes) for (let k = i; k < resume; k++) h = Math.imul(h ^ text.charCodeAt(k), FNV_PRIME)
        i = resume
      }
      const suffixed = suffixEnd(text, i)
      if (hashes) for (let k = i; k < suffixed; k++) h = Math.imul(h ^ text.charCodeAt(k), FNV_PRIME)
      i = suffixed
    }
    if (count === starts.length) {
      starts = grow(starts)
      ends = grow(ends)
      if (hashes) sums = grow(sums)
    }
    starts[count] = start
    ends[count] = i
    if (hashes) sums[count] = h >>> 0
    count++
  }
  const spans: TokenSpans = { starts: starts.slice(0, count), ends: ends.slice(0, count), count }
  if (hashes) spans.hashes = sums.subarray(0, count)
  return spans
}

const PLUS = 0x2b
const AMPERSAND = 0x26
const NUMBER_SIGN = 0x23
const TILDE = 0x7e
const MINUS = 0x2212
const PLUS_MINUS = 0xb1
/** The full-width plus and hyphen-minus of Chinese and Japanese text (NFKC: + and -). */
const WIDE_PLUS = 0xff0b
const WIDE_MINUS = 0xff0d

/** The signs a word may be written with before it (see above and isLeadingSign). */
export const LEADING_SIGNS = '+-~&#\u2212\u00b1\uff0b\uff0d'

/**
 * Where the word of the token that starts at `start` of `text` begins: past the sign it is
 * written with (a token starts at a sign only when it is written with it), for what reads a
 * word's first character (a quantity's digits, a sentence's capital, an option's name).
 */
export function wordStart(text: string, start: number): number {
  return LEADING_SIGNS.includes(text[start]) ? start + 1 : start
}

/**
 * Whether the word that starts at `i` (> 0) is written with the sign before it (see above): a
 * plus, minus (hyphen-minus or U+2212), plus-minus sign or tilde before a digit, or a plus or
 * tilde before a single capital (a placeholder: sed's "addr1,+N", "ADDR1,~N"), the sign at the
 * text's start or after a character that is neither a word's nor a sign ("-5", "(+5)", "x=-1";
 * not "1-2", "a+b", "--5" or "e-mail"). Not a plus that opens a line, a unified diff's mark of an
 * added line ("+The package is installed ..." is the text it adds), nor a tilde after a full stop,
 * LaTeX's unbreakable space ("Fig.~5", "Dr.~Smith"). And the ampersand of "&c." ("wine, &c."; not
 * "AT&T", "&cb", "a&c", "&c," or "&c.out": etCeteraAt), likewise placed.
 */
function isLeadingSign(text: string, i: number): boolean {
  const sign = text.charCodeAt(i - 1)
  const next = text.charCodeAt(i)
  if (sign === HYPHEN_MINUS || sign === MINUS || sign === PLUS_MINUS || sign === WIDE_MINUS || sign === WIDE_PLUS) {
    if (!isDigit(next)) return false
  } else if (sign === PLUS || sign === TILDE) {
    if (!isDigit(next) && !placeholderAt(text, i)) return false
  } else if (sign === AMPERSAND) {
    if (!etCeteraAt(text, i)) return false
  } else if (sign === NUMBER_SIGN) {
    return commentedOutAt(text, i)
  } else return false
  if (i === 1) return sign !== PLUS
  // Not after a word (a range, a compound), nor after another sign; a low surrogate ends a letter
  // beyond the Basic Multilingual Plane, or an emoji: read as a word's.
  const before = text.charCodeAt(i - 2)
  if (sign === PLUS && (before === 0x0a || before === 0x0d)) return false
  if (sign === TILDE && before === 0x2e) return false
  return !isSignCode(before) && !(before >= 0xdc00 && before <= 0xdfff) && wordCharAt(text, i - 2) === 0
}

/**
 * Whether the "#" before `i` comments a setting out: a configuration file's line opening with
 * "#" and a setting's name after it, no space between, its indent aside: a name set with "="
 * ("#Storage=external", "#port = 5432", where the file in use says "port = 5432"), or written as
 * names are, with an underscore or a capital inside ("#max_wal_size 1GB", "#PermitRootLogin
 * prohibit-password"). Not a heading ("# Title", nor "#MIT License" as some copyright files write
 * it), a number ("#123"), nor C's preprocessor ("#include", which "# include" writes alike). Read
 * with its word, the setting commented out and the one in use are not the same words (a tester
 * of /etc: eight settings of PostgreSQL's configuration in use, and its sample's defaults, were
 * verbatim).
 */
function commentedOutAt(text: string, i: number): boolean {
  let k = i - 2
  while (k >= 0 && (text.charCodeAt(k) === 0x20 || text.charCodeAt(k) === 0x09)) k--
  if (k >= 0 && text.charCodeAt(k) !== 0x0a && text.charCodeAt(k) !== 0x0d) return false
  return SETTING.test(text.slice(i, i + 64))
}

/** A setting's name as a line commented out starts with it (commentedOutAt). */
const SETTING = /^[A-Za-z]\w*[ \t]*=|^[A-Za-z][A-Za-z0-9]*(?:_|[a-z][A-Z])/

/**
 * Whether "c." or "C." is written at `i` (after an ampersand), its full stop followed by no word:
 * "&c." as texts write et cetera, not code's "&c," or "&c.field" (an address; a reviewer of
 * change logs: "read(fd, &c, 1)").
 */
function etCeteraAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i)
  return (c === 0x63 || c === 0x43) && text.charCodeAt(i + 1) === 0x2e && (i + 2 >= text.length || wordCharAt(text, i + 2) === 0)
}

/** Whether a word of one capital letter (A-Z), a placeholder, starts at `i`. */
function placeholderAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i)
  return c >= 0x41 && c <= 0x5a && (i + 1 >= text.length || wordCharAt(text, i + 1) === 0)
}

function isSignCode(code: number): boolean {
  return code === HYPHEN || LEADING_SIGNS.includes(String.fromCharCode(code))
}

/** What may follow a word's closing + or # signs (see above), beyond white space and CJK_FROM. */
const AFTER_SUFFIX = new Set([...',;:.!?)]}>\'"\u2019\u201d\u00bb(/-\u2010\u2013\u2014\u2026'].map((c) => c.charCodeAt(0)))
/** Chinese, Japanese and Korean text and punctuation start here (CJK radicals, U+2E80). */
const CJK_FROM = OWN_FROM

/**
 * Where a word that ends at `i` ends with its suffix signs (+ and #, see above): past them where
 * the text ends, or white space, AFTER_SUFFIX or Chinese, Japanese or Korean follows them; else `i`.
 */
function suffixEnd(text: string, i: number): number {
  let j = i
  while (j < text.length && (text.charCodeAt(j) === PLUS || text.charCodeAt(j) === NUMBER_SIGN)) j++
  if (j === i || j === text.length) return j
  const next = text.charCodeAt(j)
  const ends = next === 0x20 || (next >= 0x09 && next <= 0x0d) || AFTER_SUFFIX.has(next) || next >= CJK_FROM || /\s/.test(text[j])
  return ends ? j : i
}

/** Whether text[i] is a word on its own (a Chinese or Japanese character, see above). */
export function ownWordAt(text: string, i: number): boolean {
  return ownWordEnd(text, i) > i
}

function grow(a: Uint32Array): Uint32Array<ArrayBuffer> {
  const b = new Uint32Array(a.length * 2)
  b.set(a)
  return b
}
