import { DocumentMemo } from './document-memo.js'
import type { AnalysedDocument } from './analyse.js'
import { fmix32, mix32 } from './hash.js'
import { lowerBound } from '../text/sorted.js'

// The signs between a document's words, and which of them are code in a line of prose. Words are
// compared without their signs and case ("The" and "the", a quotation mark typed straight or
// curly, a comma dropped): in prose those are typography, which a copy may change. But prose
// names keys, options and operators, whose signs and case are what they say: vim's "]s" and "[s"
// (the next misspelled word, the previous one), its "\d" and "\D" (a digit, a non-digit),
// "CTRL-W <" and "CTRL-W >"; git's "--chmod=+x" and "--chmod={+,-}x", "git branch -d" and "-D",
// "HEAD^" and "HEAD~"; a licence's "GPL-2" and "GPL-2+" (testers of vim's help files and git's
// release notes: such pairs were "verbatim", similarity 1, with no change listed). The signs
// between two words are read as runs between spaces, and a sign is typography where prose puts it:
//   - in a run against the next word's start, an opening bracket or quotation mark, emphasis, a
//     bar or "#" ("(see", "“New", "*note*", "|link|", "⟨newline⟩", "#endif", "¿Qué");
//   - in a run against a word's end, a bracket, a sentence's punctuation, "#" or "¶" ("below),",
//     "end.”", a call broken after its "(", a heading's permalink);
//   - in a run that joins two words with no space, a hyphen, dash, apostrophe, bracket, bar, slash,
//     full stop, comma, colon, semicolon, tilde or underscore, an address's "@", and any quotation
//     mark ("well-known", "don’t", "and/or", "e.g", "4(b)", "a|b", "key:value", TeX's "Fig.~1",
//     "-X<option>", "action='store'"); its last one or two hyphens after a bar, slash or comma open
//     the next word, an option ("-des|-des3" is "-des, -des3");
//   - in a run standing alone, a dash, bullet, ellipsis, ampersand, bar, "#", arrow or a sentence's
//     punctuation spaced as French sets it ("word — word", "a → b", "○ item", "Attention !"),
//     quotation marks and brackets round it ("‚#’)"), a rule ("===="); where a line starts, after
//     other such marks, a list's bullet ("+" but before a number), a quoted mail's ">", a
//     comment's "#", "%" or ";";
//   - anywhere, a table's box drawing ("│"), and a backslash but before a letter or digit (an
//     escape, "and\/or", "\-\-verbose"; a quoted backslash; TeX's line end "\\").
// An en dash opening a word is an option's "--" set in type ("–no-config").
// Any other is code ("]s", "\d", "-D", "HEAD^", "2+", "a = b", "x < y"): the code signs between
// two words, read in order whatever the spaces and line breaks between them ("x = 1" is "x=1"),
// brackets of any shape as one ("={a|b}" is "=[a|b]"), must be the same, and the case of a word
// a run of code opens ("\D", "-D"; a word hyphenated across a line break by its first letter).
// On lines of code every sign compares (same-stretch.ts). Three reviewers of this rule's first
// forms found 34 kinds of typography read as code, in man pages, vim's help, Python, gcloud's and
// systemd's pages, C headers, Node.js's documents in Markdown and HTML, info manuals; each of
// their cases reads as it did before the rule (test/unit/engine-same-stretch.test.ts).

/** What a document's signs between words are (see above), read once per document. */
export interface Signs {
  /**
   * Per token t, a hash of the characters between it and token t + 1 but for white space (0 where
   * there are none), typographic quotation marks read as plain ones (PLAIN_SIGN).
   */
  readonly between: Uint32Array
  /**
   * The tokens t, ascending, whose signs to token t + 1 hold code (see above), and a hash of those
   * code signs each: what two copies in prose must have alike. Few, so kept apart from `between`
   * (the change logs' 19 million tokens: 76 MB more as one more array a token).
   */
  readonly codeAt: Uint32Array
  readonly codeHash: Uint32Array
  /**
   * The tokens, ascending, that a run of code opens (a key's, an option's: "\D", "-D", "]s"): their
   * case is what they say. Not where one closes it or joins it to the next: bc's info manual
   * writes "SCALE+scale" where its page has "scale+scale".
   */
  readonly codeWords: Uint32Array
}

/** The hash of the code signs between tokens t and t + 1 of the document `signs` are of (0: none). */
export function codeOf(signs: Signs, t: number): number {
  const k = lowerBound(signs.codeAt, t)
  return k < signs.codeAt.length && signs.codeAt[k] === t ? signs.codeHash[k] : 0
}

/** Whether a run of code opens token t of the document `signs` are of. */
export function opensCode(signs: Signs, t: number): boolean {
  const k = lowerBound(signs.codeWords, t)
  return k < signs.codeWords.length && signs.codeWords[k] === t
}

/** Per document read so far, its signs (signsOf). */
const read = new DocumentMemo(readSigns)

/** The signs of `doc` (see Signs), read once per document. */
export function signsOf(doc: AnalysedDocument): Signs {
  return read.get(doc)
}

function readSigns(doc: AnalysedDocument): Signs {
  const { text, starts, ends } = doc
  const n = starts.length
  const between = new Uint32Array(n)
  const codeAt: number[] = []
  const codeHash: number[] = []
  const codeWords: number[] = []
  for (let t = 0; t + 1 < n; t++) {
    const from = ends[t]
    const to = starts[t + 1]
    let h = 0
    let any = false
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i)
      if (isSpace(c)) continue
      h = mix32(h, plain(c))
      any = true
    }
    if (!any) continue
    between[t] = (fmix32(h) | 1) >>> 0
    // Each run of signs between spaces: against word t's end, joining the two words, against word
    // t + 1's start, or standing alone; its code signs hashed in order into one.
    let c = 0
    for (let i = from; i < to;) {
      while (i < to && KIND[text.charCodeAt(i)] & BLANK) i++
      let j = i
      while (j < to && !(KIND[text.charCodeAt(j)] & BLANK)) j++
      if (j === i) break
      const after = i === from
      const before = j === to
      // (A joining run's last hyphens open the next word where other signs join it: the options
      // "-des|-des3" are "-des, -des3", and "-h/-H" is "-h -H".)
      let k = j
      while (after && before && k > i && text.charCodeAt(k - 1) === HYPHEN) k--
      const opens = k > i && k < j && j - k <= 2 && SEPARATORS.includes(text[k - 1])
      const role = after && (before || opens) ? JOINING : before ? OPENING : after ? CLOSING : ALONE
      let signs = codeSignsOf(text, i, opens ? k : j, role)
      for (let m = 0; m < signs; m++) c = mix32(c, codeRead[m])
      if (opens) signs = codeSignsOf(text, k, j, OPENING)
      for (let m = 0; opens && m < signs; m++) c = mix32(c, codeRead[m])
      if (signs && before && (role === OPENING || opens)) codeWords.push(t + 1)
      i = j
    }
    if (c) {
      codeAt.push(t)
      codeHash.push((fmix32(c) | 1) >>> 0)
    }
  }
  return { between, codeAt: Uint32Array.from(codeAt), codeHash: Uint32Array.from(codeHash), codeWords: Uint32Array.from(codeWords) }
}

/** The code signs codeSignsOf read last (as many as it says), kept between calls. */
let codeRead = new Uint16Array(64)

/**
 * How many code signs run text[i, j) has in `role` (OPENING: against the next word; CLOSING:
 * against the word before; JOINING: between two; ALONE): none where it is
 * typography, all of a joining run's that is not; else all but typography, in order. Escapes
 * aside, a typographic quotation mark as a plain one, brackets of any shape as one. Put in
 * `codeRead`.
 */
function codeSignsOf(text: string, i: number, j: number, role: number): number {
  if (role === JOINING && allIn(text, i, j, JOINING)) return 0
  if (role === ALONE) {
    if (allIn(text, i, j, ALONE) || ruled(text, i, j) || ARROWS.has(text.slice(i, j))) return 0
    if (atLineStart(text, i) && allIn(text, i, j, FURNITURE) && !sumGoesOn(text, i, j)) return 0
    // A line continued: an example's " \" before its line break.
    if (j === i + 1 && text.charCodeAt(i) === BACKSLASH && (text[j] === '\n' || text[j] === '\r')) return 0
  }
  if (codeRead.length < j - i) codeRead = new Uint16Array(2 * (j - i))
  let n = 0
  for (let k = i; k < j; k++) {
    const c = text.charCodeAt(k)
    // (A backslash is a key's only before a letter or digit, "\d": else an escape, a quoted
    // backslash, a line's end in TeX.)
    if (c === BACKSLASH && !(k + 1 === j && role === OPENING) && !(KIND[text.charCodeAt(k + 1)] & WORD)) continue
    // (An en dash opening a word is an option's "--" set in type: "–no-config".)
    if (c === EN_DASH && role === OPENING && k + 1 === j) {
      codeRead[n++] = HYPHEN
      codeRead[n++] = HYPHEN
      continue
    }
    // (A joining run's signs all count but its quotation marks, "action='store'"; another's
    // typography does not, a run alone's quotation marks neither.)
    if (role === JOINING ? KIND[c] & QUOTED : KIND[c] & role || (role === ALONE && KIND[c] & (QUOTED | BRACKET))) continue
    codeRead[n++] = c < 0x80 ? BRACKET_AS[c] || c : plain(c)
  }
  return n
}

/** A typographic quotation mark as the plain one a copy may type instead (PLAIN_SIGN). */
function plain(c: number): number {
  return c >= 0x2018 && c <= 0x2033 ? (PLAIN_SIGN.get(c) ?? c) : c
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

/**
 * Whether run text[i, j) is a "+" before a number: a sum wrapped to a line's start ("F\n+ 1"), not
 * a list's bullet ("+ Build-Depends: ...", Debian's change logs).
 */
function sumGoesOn(text: string, i: number, j: number): boolean {
  let k = j
  while (k < text.length && (text[k] === ' ' || text[k] === '\t')) k++
  return j === i + 1 && text[i] === '+' && k < text.length && text.charCodeAt(k) >= 0x30 && text.charCodeAt(k) <= 0x39
}

/** Whether only spaces and tabs lie between the line's start and text[i]. */
function atLineStart(text: string, i: number): boolean {
  let k = i - 1
  // (Past other furniture: a mail quoted twice, "> > text".)
  while (k >= 0 && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9 || KIND[text.charCodeAt(k)] & FURNITURE)) k--
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
/** Angle brackets of typesetting: ⟨ ⟩, 〈 〉 (a rendered page's "⟨newline⟩" for "<newline>"). */
const ANGLES = '\u27e8\u27e9\u2329\u232a\u3008\u3009'
/** Bullets and the like: • ◦ ○ ● ▪ ■ □ ‣ ⁃ ∙ ·. */
const BULLETS = '\u2022\u25e6\u25cb\u25cf\u25aa\u25a0\u25a1\u2023\u2043\u2219\u00b7'
/** A hyphen-minus, which opens an option ("-D"); an en dash, which type may set for two. */
const HYPHEN = 0x2d
const EN_DASH = 0x2013
/** Signs that separate options listed without a space ("-des|-des3", "-h/-H", "-a,-b"). */
const SEPARATORS = '|/,'
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

/** A letter or digit (of ASCII: an escape is of a sign). */
const WORD = 64
/** What may stand alone where a line starts: a bullet, a quoted mail's ">", a comment's "#". */
const FURNITURE = 128
/** A bracket, of any shape, which a sign standing alone may have round it ("‚#’)"). */
const BRACKET = 256

/** Per UTF-16 unit, its kinds (the bits above): one read of a table, not of several sets. */
const KIND = new Uint16Array(0x10000)
const kind = (bit: number, signs: string): void => {
  for (const sign of signs) KIND[sign.charCodeAt(0)] |= bit
}
kind(OPENING, `([{<|#${ANGLES}${QUOTES}${EMPHASIS}${MARKS}\u00bf\u00a1\u2014\u2026`)
kind(CLOSING, `()[]{}>|#${ANGLES}${QUOTES}${EMPHASIS}${MARKS}${DASHES}.,;:!?/\u2026\u2020\u2021\u00b6`)
kind(JOINING, `${DASHES}${QUOTES}()[]{}<>|${ANGLES}/.,;:~@_\\\u2026`)
kind(ALONE, `${DASHES}${QUOTES}${EMPHASIS}${MARKS}${BULLETS}&|/.,;:!?#\u00a7\u00b6\u2190\u2192\u21d0\u21d2`)
kind(BRACKET, `()[]{}${ANGLES}`)
// Box drawing: a table's rules and corners (systemd's pages: "│").
for (let c = 0x2500; c < 0x2580; c++) KIND[c] |= OPENING | CLOSING | JOINING | ALONE
kind(QUOTED, QUOTES)
kind(WORD, '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ')
kind(FURNITURE, `*-+>#%;${BULLETS}`)

/** Arrows typed in signs, standing alone ("a -> b" is "a → b"). */
const ARROWS: ReadonlySet<string> = new Set(['->', '<-', '=>', '<=>', '<->', '-->'])

/** Brackets of any shape read as one: "{a|b}" is "[a|b]" (usage's braces and brackets as typed). */
const BRACKET_AS = new Uint16Array(0x80)
for (const open of '([{') BRACKET_AS[open.charCodeAt(0)] = 0x28
for (const close of ')]}') BRACKET_AS[close.charCodeAt(0)] = 0x29
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
