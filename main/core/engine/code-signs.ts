import type { AnalysedDocument } from './analyse.js'
import { fmix32, mix32 } from './hash.js'

// The signs between a document's words, and which of them are code in a line of prose. Words are
// compared without their signs and case ("The" and "the", a quotation mark typed straight or
// curly, a comma dropped): in prose those are typography, which a copy may change. But prose
// names keys, options and operators, whose signs and case are what they say: vim's "]s" and "[s"
// (the next misspelled word, the previous one), its "\d" and "\D" (a digit, a non-digit),
// "CTRL-W <" and "CTRL-W >"; git's "--chmod=+x" and "--chmod={+,-}x", "git branch -d" and "-D",
// "HEAD^" and "HEAD~"; a licence's "GPL-2" and "GPL-2+" (testers of vim's help files and git's
// release notes: such pairs were "verbatim", similarity 1, with no change listed). A sign is
// typography where prose puts it:
//   - written against a word's start, an opening bracket or quotation mark, or emphasis ("(see",
//     "“New", "*note*", "¿Qué");
//   - against a word's end, a closing one or a sentence's punctuation ("below),", "end.”", "/*");
//   - between two words with no space, a hyphen, dash, apostrophe, quotation mark, bracket, slash,
//     full stop or comma, an address's "@", a backslash escaping a sign ("well-known", "don’t",
//     "and/or", "e.g", "4(b)", "2006,2008", "and\/or");
//   - standing alone between spaces, a dash, bullet, ellipsis, ampersand, bar or a sentence's
//     punctuation spaced as French sets it ("word — word", "Attention !"), or a rule ("====");
//     and anything standing alone where a line starts (a list's bullet, a quoted mail's ">", a
//     comment's "#").
// Any other is code ("]s", "\d", "-D", "HEAD^", "2+", "a = b", "x < y"): its signs compare, and the
// case of a word it opens ("\D", "-D"). On lines of code every sign compares (same-stretch.ts).

/** What a document's signs between words are (see above), read once per document. */
export interface Signs {
  /**
   * Per token t, a hash of the characters between it and token t + 1 but for white space (0 where
   * there are none), typographic quotation marks read as plain ones (PLAIN_SIGN).
   */
  readonly between: Uint32Array
  /**
   * Per token t, a hash of the signs between it and token t + 1 that are code (see above), 0
   * where none is: what two copies in prose must have alike.
   */
  readonly code: Uint32Array
  /**
   * Per token, 1 where a sign of code opens it (a key's, an option's: "\D", "-D", "]s"): its case
   * is what it says. Not where one closes it or joins it to the next: bc's info manual writes
   * "SCALE+scale" where its page has "scale+scale".
   */
  readonly codeWord: Uint8Array
}

/** Per document read so far, its signs (signsOf). */
const read = new WeakMap<AnalysedDocument, Signs>()

/** The signs of `doc` (see Signs), read once per document. */
export function signsOf(doc: AnalysedDocument): Signs {
  let signs = read.get(doc)
  if (!signs) read.set(doc, (signs = readSigns(doc)))
  return signs
}

function readSigns(doc: AnalysedDocument): Signs {
  const { text, starts, ends } = doc
  const n = starts.length
  const between = new Uint32Array(n)
  const code = new Uint32Array(n)
  const codeWord = new Uint8Array(n)
  for (let t = 0; t + 1 < n; t++) {
    const [from, to] = [ends[t], starts[t + 1]]
    let h = 0
    let any = false
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i)
      if (isSpace(c)) continue
      h = mix32(h, c >= 0x2018 && c <= 0x2033 ? (PLAIN_SIGN.get(c) ?? c) : c)
      any = true
    }
    if (!any) continue
    between[t] = (fmix32(h) | 1) >>> 0
    // The signs against token t's end, against token t + 1's start, and those standing alone:
    // of each, those that are code, hashed.
    let end = from
    while (end < to && !(KIND[text.charCodeAt(end)] & BLANK)) end++
    if (end === to) {
      // No space: the signs join two words into one ("chmod=+x", "well-known").
      if (!allIn(text, from, to, JOINING)) code[t] = codeHash(text, from, to)
      continue
    }
    let start = to
    while (start > end && !(KIND[text.charCodeAt(start - 1)] & BLANK)) start--
    let c = 0
    // Against token t's end, but for the closing typography that ends them ("2+)", "HEAD^,"), and
    // a backslash that escapes one ("end\.").
    let last = end
    while (last > from && (KIND[text.charCodeAt(last - 1)] & CLOSING || (text.charCodeAt(last - 1) === BACKSLASH && last < end))) last--
    if (last > from) c = mix32(c, codeHash(text, from, last))
    for (let i = end; i < start;) {
      while (i < start && KIND[text.charCodeAt(i)] & BLANK) i++
      let j = i
      while (j < start && !(KIND[text.charCodeAt(j)] & BLANK)) j++
      // (Read inside the quotation marks round it: texinfo's "`VAR ++'" is the page's "var ++".)
      let [x, y] = [i, j]
      while (x < y && KIND[text.charCodeAt(x)] & QUOTED) x++
      while (y > x && KIND[text.charCodeAt(y - 1)] & QUOTED) y--
      if (y > x && !atLineStart(text, i) && !allIn(text, x, y, ALONE) && !ruled(text, x, y)) c = mix32(c, codeHash(text, x, y))
      i = j
    }
    // Against token t + 1's start, but for the opening typography before them ("“/usr", "(-D"),
    // and a backslash that escapes one ("\`\`as is''"; not "\d", which is written against the word).
    let first = start
    while (first < to && (KIND[text.charCodeAt(first)] & OPENING || (text.charCodeAt(first) === BACKSLASH && first + 1 < to))) first++
    if (first < to) {
      c = mix32(c, codeHash(text, first, to))
      codeWord[t + 1] = 1
    }
    if (c) code[t] = (fmix32(c) | 1) >>> 0
  }
  return { between, code, codeWord }
}

/** A hash of text[from, to), typographic quotation marks read as plain ones (never 0). */
function codeHash(text: string, from: number, to: number): number {
  let h = 0
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i)
    h = mix32(h, c >= 0x2018 && c <= 0x2033 ? (PLAIN_SIGN.get(c) ?? c) : c)
  }
  return (fmix32(h) | 1) >>> 0
}

/** Whether every character of text[from, to) is of `kind` (KIND). */
function allIn(text: string, from: number, to: number, kind: number): boolean {
  for (let i = from; i < to; i++) if (!(KIND[text.charCodeAt(i)] & kind)) return false
  return true
}

/** Whether text[from, to) is one sign three times or more: a rule ("====", "~~~~"), not an operator. */
function ruled(text: string, from: number, to: number): boolean {
  if (to - from < 3) return false
  for (let i = from + 1; i < to; i++) if (text.charCodeAt(i) !== text.charCodeAt(from)) return false
  return true
}

/** Whether only spaces and tabs lie between the line's start and text[i]. */
function atLineStart(text: string, i: number): boolean {
  let k = i - 1
  while (k >= 0 && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k--
  return k < 0 || text.charCodeAt(k) === 10 || text.charCodeAt(k) === 13
}

/** Quotation marks, plain and typographic, and TeX's and texinfo's (`quoted'). */
const QUOTES = '"\'`\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u00ab\u00bb\u2039\u203a'
/** A backslash, which escapes the sign after it. */
const BACKSLASH = 0x5c
/** Hyphens and dashes. */
const DASHES = '-\u2010\u2011\u2012\u2013\u2014\u2015'
/** Emphasis of plain-text markup. */
const EMPHASIS = '*_'
/** Signs of a name's rights: ©, ®, ™. */
const MARKS = '\u00a9\u00ae\u2122'

/** Kinds of a character (bits of KIND): typography written against a word's start (see above). */
const OPENING = 1
/** Typography written against a word's end. */
const CLOSING = 2
/** Typography between two words written without a space. */
const JOINING = 4
/** Typography standing alone between spaces. */
const ALONE = 8
/** A quotation mark, read off a sign standing alone (see readSigns). */
const QUOTED = 16
/**
 * White space, a no-break space and a zero-width one too: what stands between signs, so that
 * "License.\u00a0 This" ends a sentence as "License. This" does.
 */
const BLANK = 32

/** Per UTF-16 unit, its kinds (the bits above): one read of a table, not of five sets. */
const KIND = new Uint8Array(0x10000)
const kind = (bit: number, signs: string): void => {
  for (const sign of signs) KIND[sign.charCodeAt(0)] |= bit
}
kind(OPENING, `([{<${QUOTES}${EMPHASIS}${MARKS}\u00bf\u00a1\u2014\u2013\u2026`)
kind(CLOSING, `)]}>${QUOTES}${EMPHASIS}${MARKS}${DASHES}.,;:!?/\u2026\u2020\u2021`)
kind(JOINING, `${DASHES}${QUOTES}()[]{}/.,@\\\u2026`)
kind(ALONE, `${DASHES}${QUOTES}${EMPHASIS}${MARKS}\u2022\u00b7\u2026&|/.,;:!?\u00a7\u00b6`)
kind(QUOTED, QUOTES)
kind(BLANK, ' \t\n\r\u000b\u000c\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\u202f\u205f\u3000\ufeff')

/**
 * Typographic quotes, each read as the plain one a copy may type instead: a blog's copy of
 * 'writes "self.count += 1"' sets it in curly quotes, and it is the same code (a reviewer).
 */
const PLAIN_SIGN: ReadonlyMap<number, number> = new Map([
  ...[0x2018, 0x2019, 0x201a, 0x201b, 0x2032].map((c): [number, number] => [c, 0x27]),
  ...[0x201c, 0x201d, 0x201e, 0x201f, 0x2033].map((c): [number, number] => [c, 0x22]),
])

/** Space, tab, line feed, carriage return (what separates a copy's words however it is wrapped). */
function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13
}
