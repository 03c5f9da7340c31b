import { wordCharLength } from './word-char.js'

// Whether a hyphen at a line end splits a word ("develop-\nment", a hyphenation: one word) or
// is a compound's own, the line happening to end there ("git-\nconfig", "position-\nindependent":
// two words, as "git-config" is). Typesetting hyphenates (groff, a PDF's text pasted into a
// file); plain text filled by an editor never does, and breaks compounds only at their hyphens.
// The text itself says which it is:
//   - it writes the two parts with a hyphen on one line elsewhere ("git-config"): a compound;
//   - else it writes them as one word elsewhere ("dealings" beside "deal-\nings"): a hyphenation;
//   - else it writes the first part with a hyphen before another word on one line ("git-log",
//     "GPL-2", "CC-licensed"): a compound-forming word, so a compound;
//   - else a hyphenation.
// Only the text is read, never the corpus: a text is tokenised the same whatever else is read
// with it (adding a document changes no other's words), and by every caller of tokenize alike.
// Git's manual pages (groff, 151 pages): 219 of their 226 line-end hyphens are read as the
// compounds they all are (7 stay joined where the page writes the joined word, "~/.gitconfig"
// beside "git-\nconfig"); Debian's copyright files: 43 of 157 (position-independent, GPL-,
// CC-licensed), the other 114 one word each, the hyphenations of licences' typeset text among
// them ("deal-\nings", "consor-\ntium").

/**
 * Characters, at least, that a typesetter leaves after a hyphenation's hyphen: TeX's English
 * \righthyphenmin is 3, and groff's manual pages hyphenate in mode 4 (an-old.tmac), never before
 * a word's last two characters. A shorter part after a line-end hyphen is a word of its own, the
 * hyphen a compound's or a suspended one ("middle-\nto high-income", a reprint wrapped there, was
 * read as "middleto" and its copies near-verbatim: a tester).
 */
export const MIN_HYPHENATED_TAIL = 3

/** The hyphens a compound is written with: hyphen-minus and the hyphen (U+2010). */
const HYPHENS = ['-', '\u2010']

/**
 * What one text says of its line-end hyphens (see above), read from it when first asked. Each
 * question is answered by a search of the text in lower case (find) until those searches have read
 * SEARCHED_TEXTS times the text; then from what is read once for all, its compounds in one pass
 * over its hyphens (compoundsOf) and its words (wordCounts). Linear in the text however many
 * line-end hyphens it has (a typeset book has thousands).
 */
export class LineEndHyphens {
  /** Pairs written with a hyphen on one line, "git-config", and their first parts, "git"; lower case. */
  private compounds: Set<string> | undefined
  private prefixes: Set<string> | undefined
  /** The text's words, lower case, and how often it writes each. */
  private words: Map<string, number> | undefined
  /** The text in lower case, unit for unit (inPlaceLowerCase); null when it is not read so. */
  private lower: string | null | undefined
  /** The hyphens (HYPHENS) the text holds. */
  private hyphens: string[] | undefined
  /** Units of the text read so far by find's searches. */
  private searched = 0

  constructor(private readonly text: string) {}

  /** Whether the line-end hyphen between words `before` and `after` is a compound's own (see above). */
  isCompound(before: string, after: string): boolean {
    const b = before.toLowerCase()
    const a = after.toLowerCase()
    if ([...a].length < MIN_HYPHENATED_TAIL) return true
    if (this.hyphenated(b, a)) return true
    if (!this.startsCompound(b)) return false
    return !this.writes(b + a)
  }

  /**
   * Whether the text writes `before` and `after` as words of their own elsewhere, and never
   * joined: the line-end hyphen after a compound's part ("over-the-\nshoulder", where the text
   * says "shoulder" again) is the compound's own then, not a hyphenation ("multi-vol-\nume",
   * "--mem-\nlimit", "case-insensi-\ntive" join, their parts no words of the text;
   * "machine-read-\nable" joins where the text writes "readable"; a reviewer).
   */
  areWordsApart(before: string, after: string): boolean {
    const b = before.toLowerCase()
    const a = after.toLowerCase()
    // Each part written once more than at this line end (where the text's words are read apart),
    // the joined word never. The part before alone is no evidence: "ODS2-com-\npatibility" where
    // "com" is in the page's addresses.
    return this.writes(b, 2) && this.writes(a, 2) && !this.writes(b + a)
  }

  /** Whether the text writes words `b` and `a` (lower case) with a hyphen between them on one line: "git-config". */
  private hyphenated(b: string, a: string): boolean {
    // A compound's parts are words: neither is empty (compoundsOf).
    if (b.length === 0 || a.length === 0) return false
    if (!this.compounds) {
      const { text } = this
      const found = this.findHyphenated(
        b,
        a,
        (at) => isWholeWord(text, at, at + b.length) && isWholeWord(text, at + b.length + 1, at + b.length + 1 + a.length),
      )
      if (found !== undefined) return found
      ;[this.compounds, this.prefixes] = compoundsOf(text)
    }
    return this.compounds.has(`${b}-${a}`)
  }

  /** Whether the text writes word `b` (lower case) with a hyphen before another word on one line: "git-log". */
  private startsCompound(b: string): boolean {
    if (!this.prefixes) {
      const { text } = this
      const found = this.findHyphenated(b, '', (at) => isWholeWord(text, at, at + b.length) && wordCharLength(text, at + b.length + 1) > 0)
      if (found !== undefined) return found
      ;[this.compounds, this.prefixes] = compoundsOf(text)
    }
    return this.prefixes.has(b)
  }

  /** find for `b`, a hyphen and `a`, with each hyphen the text holds; false when `b` is empty (no part of a compound is). */
  private findHyphenated(b: string, a: string, isWritten: (at: number) => boolean): boolean | undefined {
    if (b.length === 0) return false
    this.hyphens ??= HYPHENS.filter((h) => this.text.includes(h))
    for (const hyphen of this.hyphens) {
      const found = this.find(b + hyphen + a, isWritten)
      if (found !== false) return found
    }
    return false
  }

  /** Whether the text writes `word` (lower case) as a word `times` times at least. */
  private writes(word: string, times = 1): boolean {
    if (!this.words) {
      const { text } = this
      const found = word.length > 0 ? this.find(word, (at) => isWholeWord(text, at, at + word.length), times) : false
      if (found !== undefined) return found
      this.words = wordCounts(text)
    }
    return (this.words.get(word) ?? 0) >= times
  }

  /**
   * Whether `isWritten` holds at `times` places at least where the text's lower case has `string`
   * (not empty), by a search; undefined when the searches have read SEARCHED_TEXTS times the text,
   * or its lower case is not read in place (inPlaceLowerCase).
   */
  private find(string: string, isWritten: (at: number) => boolean, times = 1): boolean | undefined {
    if (this.searched >= SEARCHED_TEXTS * this.text.length) return undefined
    if (this.lower === undefined) this.lower = inPlaceLowerCase(this.text)
    const { lower } = this
    if (lower === null) return undefined
    let found = 0
    for (let at = lower.indexOf(string); at >= 0; at = lower.indexOf(string, at + 1)) {
      if (isWritten(at) && ++found >= times) {
        this.searched += at + string.length
        return true
      }
    }
    this.searched += lower.length
    return false
  }
}

/**
 * Searches (LineEndHyphens.find) read at most this many times a text's length before its
 * compounds and words are read once for all (compoundsOf, wordCounts). A search is a native scan
 * of the text, many times faster a unit than reading its words (which makes a string of each), and
 * most texts ask of a line-end hyphen or two: 1,299 change logs of a Debian system are read,
 * decoded and tokenized in 3.8-4.2 s, not 6.6-6.9 s (all their compounds and words read). A
 * typeset book asks of thousands: it is read once for all after sixteen texts' length of searches,
 * so it is still read in linear time. That is the cost of the bound: a text whose searches all
 * fail, read once for all in the end (4 MB of "prerelease" and 10,000 line-end hyphens:
 * tokenized in 0.41 s, not 0.34). Lower, and more texts are read once for all; higher, and such
 * a text costs more.
 */
const SEARCHED_TEXTS = 16

/** The Greek capital sigma, whose lower case depends on what follows it (final sigma). */
const CAPITAL_SIGMA = '\u03a3'

/**
 * `text` in lower case where each character's lower case stands in its place, so that
 * text.slice(s, e).toLowerCase() is the lower case's slice(s, e) for any word; null when a
 * character's lower case is longer (U+0130, "İ") or depends on the characters around it (a
 * capital sigma).
 */
function inPlaceLowerCase(text: string): string | null {
  if (text.includes(CAPITAL_SIGMA)) return null
  const lower = text.toLowerCase()
  return lower.length === text.length ? lower : null
}

/** Whether units [from, to) of `text` are a whole word of it: word characters (WORD_CHAR) all, none on either side. */
function isWholeWord(text: string, from: number, to: number): boolean {
  let k = from
  for (let size = wordCharLength(text, k); size > 0 && k < to; size = wordCharLength(text, k)) k += size
  if (k !== to || wordCharLength(text, to) > 0) return false
  if (from === 0) return true
  // The character before: a surrogate pair's two units, or one.
  const low = text.charCodeAt(from - 1)
  const pair = low >= 0xdc00 && low <= 0xdfff && from >= 2 && text.charCodeAt(from - 2) >= 0xd800 && text.charCodeAt(from - 2) <= 0xdbff
  return wordCharLength(text, from - (pair ? 2 : 1)) === 0
}

/**
 * The words of `text` (runs of WORD_CHAR), lower case, and how often it writes each: read by a
 * loop over its units (wordCharLength), not by a pattern's matches (half the time on a Debian
 * system's change logs, the same words).
 */
function wordCounts(text: string): Map<string, number> {
  const words = new Map<string, number>()
  const n = text.length
  for (let i = 0; i < n;) {
    const size = wordCharLength(text, i)
    if (size === 0) {
      i++
      continue
    }
    const start = i
    i += size
    for (let next = wordCharLength(text, i); next > 0; next = wordCharLength(text, i)) i += next
    const w = text.slice(start, i).toLowerCase()
    words.set(w, (words.get(w) ?? 0) + 1)
  }
  return words
}

/** The pairs `text` writes with a hyphen between two words on one line, and their first words; lower case. */
function compoundsOf(text: string): [Set<string>, Set<string>] {
  const compounds = new Set<string>()
  const prefixes = new Set<string>()
  for (const hyphen of HYPHENS)
    for (let at = text.indexOf(hyphen); at >= 0; at = text.indexOf(hyphen, at + 1)) {
      const start = wordStart(text, at)
      const end = wordEnd(text, at + 1)
      if (start === at || end === at + 1) continue
      const first = text.slice(start, at).toLowerCase()
      compounds.add(`${first}-${text.slice(at + 1, end).toLowerCase()}`)
      prefixes.add(first)
    }
  return [compounds, prefixes]
}

/** Where the word that ends at `end` starts (`end` when none does): code points, not units. */
function wordStart(text: string, end: number): number {
  let k = end
  while (k > 0) {
    const low = text.charCodeAt(k - 1)
    const size = low >= 0xdc00 && low <= 0xdfff && k >= 2 && text.charCodeAt(k - 2) >= 0xd800 && text.charCodeAt(k - 2) <= 0xdbff ? 2 : 1
    if (wordCharLength(text, k - size) !== size) break
    k -= size
  }
  return k
}

/** Where the word that starts at `start` ends (`start` when none does): code points, not units. */
function wordEnd(text: string, start: number): number {
  let k = start
  for (let size = wordCharLength(text, k); size > 0; size = wordCharLength(text, k)) k += size
  return k
}
