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

/** A word and a hyphen with another word after it on one line: "git-" of "git-config". */
const COMPOUND = /([\p{L}\p{N}\p{M}]+)-(?=([\p{L}\p{N}\p{M}]+))/gu
const WORD = /[\p{L}\p{N}\p{M}]+/gu

/** What one text says of its line-end hyphens (see above), read from it when first asked. */
export class LineEndHyphens {
  /** Pairs written with a hyphen on one line, "git-config", and their first parts, "git"; lower case. */
  private compounds: Set<string> | undefined
  private prefixes: Set<string> | undefined
  /** The text's words, lower case: read only when a pair is not a compound the text writes. */
  private words: Set<string> | undefined

  constructor(private readonly text: string) {}

  /** Whether the line-end hyphen between words `before` and `after` is a compound's own (see above). */
  isCompound(before: string, after: string): boolean {
    if (!this.compounds || !this.prefixes) {
      this.compounds = new Set()
      this.prefixes = new Set()
      for (const m of this.text.matchAll(COMPOUND)) {
        const first = m[1].toLowerCase()
        this.compounds.add(`${first}-${m[2].toLowerCase()}`)
        this.prefixes.add(first)
      }
    }
    const [b, a] = [before.toLowerCase(), after.toLowerCase()]
    if (this.compounds.has(`${b}-${a}`)) return true
    if (!this.prefixes.has(b)) return false
    this.words ??= new Set(Array.from(this.text.matchAll(WORD), (m) => m[0].toLowerCase()))
    return !this.words.has(b + a)
  }
}
