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

  /** Whether the text writes `word` (lower case) as a word `times` times at least. */
  private writes(word: string, times = 1): boolean {
    if (!this.words) this.words = wordCounts(this.text)
    return (this.words.get(word) ?? 0) >= times
  }
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
