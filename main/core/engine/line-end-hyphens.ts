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

/** The hyphens a compound is written with: hyphen-minus and the hyphen (U+2010). */
const HYPHENS = ['-', '\u2010']

/**
 * What one text says of its line-end hyphens (see above), read from it when first asked: its
 * compounds in one pass over its hyphens, its words only if a pair needs them. Linear in the
 * text however many line-end hyphens it has (a typeset book has thousands).
 */
export class LineEndHyphens {
  /** Pairs written with a hyphen on one line, "git-config", and their first parts, "git"; lower case. */
  private compounds: Set<string> | undefined
  private prefixes: Set<string> | undefined
  /** The text's words, lower case, and how often it writes each: read only when a pair is not a compound the text writes. */
  private words: Map<string, number> | undefined
  /** The text in lower case, unit for unit (inPlaceLowerCase); null when it is not read so. */
  private lower: string | null | undefined
  /** Units of the text read so far by whereWritten's searches. */
  private searched = 0

  constructor(private readonly text: string) {}

  /** Whether the line-end hyphen between words `before` and `after` is a compound's own (see above). */
  isCompound(before: string, after: string): boolean {
    if (!this.compounds || !this.prefixes) [this.compounds, this.prefixes] = compoundsOf(this.text)
    const [b, a] = [before.toLowerCase(), after.toLowerCase()]
    if (this.compounds.has(`${b}-${a}`)) return true
    if (!this.prefixes.has(b)) return false
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
    const [b, a] = [before.toLowerCase(), after.toLowerCase()]
    // Each part written once more than at this line end (where the text's words are read apart),
    // the joined word never. The part before alone is no evidence: "ODS2-com-\npatibility" where
    // "com" is in the page's addresses.
    return this.writes(b, 2) && this.writes(a, 2) && !this.writes(b + a)
  }

  /**
   * Whether the text writes `word` (lower case) as a word `times` times at least: found by
   * searching the text in lower case for it (whereWritten), until those searches have read
   * SEARCHED_TEXTS times the text; then, and for a text whose lower case is not read in place,
   * from its words counted once (wordCounts).
   */
  private writes(word: string, times = 1): boolean {
    if (!this.words) {
      const written = this.searched < SEARCHED_TEXTS * this.text.length ? this.whereWritten(word, times) : undefined
      if (written !== undefined) return written
      this.words = wordCounts(this.text)
    }
    return (this.words.get(word) ?? 0) >= times
  }

  /**
   * Whether the text writes `word` (lower case) as a word `times` times at least, by a search of
   * its lower case for `word` where it is a whole word of the text; undefined when the text's
   * lower case is not read in place.
   */
  private whereWritten(word: string, times: number): boolean | undefined {
    if (this.lower === undefined) this.lower = inPlaceLowerCase(this.text)
    const { lower, text } = this
    if (lower === null || word.length === 0) return undefined
    let found = 0
    for (let at = lower.indexOf(word); at >= 0; at = lower.indexOf(word, at + 1)) {
      if (isWholeWord(text, at, at + word.length) && ++found >= times) {
        this.searched += at + word.length
        return true
      }
    }
    this.searched += text.length
    return false
  }
}

/**
 * Searches for single words (LineEndHyphens.whereWritten) read at most this many times a text's
 * length before its words are counted once for all (wordCounts). A search is a native scan of the
 * text, tens of times faster a unit than counting its words (which makes a string of each), and
 * most texts ask of a line-end hyphen or two: a Debian system's change logs read, decoded and
 * tokenized in 3.9 s, not 5.1. A typeset book asks of thousands: its words are counted after sixteen
 * searches, so the text is still read in linear time.
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
