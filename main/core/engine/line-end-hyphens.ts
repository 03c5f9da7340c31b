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

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u

/** What one text says of its line-end hyphens (see above), read from it when first asked. */
export class LineEndHyphens {
  /** The text in lower case, made when first needed (most texts have no line-end hyphen). */
  private lower: string | undefined
  /** What was found for each word pair asked about ("git-config"), a text's pairs recurring. */
  private known: Map<string, boolean> | undefined

  constructor(private readonly text: string) {}

  /** Whether the line-end hyphen between words `before` and `after` is a compound's own (see above). */
  isCompound(before: string, after: string): boolean {
    const [b, a] = [before.toLowerCase(), after.toLowerCase()]
    const key = `${b}-${a}`
    const known = (this.known ??= new Map())
    let found = known.get(key)
    if (found === undefined) {
      found = this.written(key, true) || (this.written(`${b}-`, false) && !this.written(b + a, true))
      known.set(key, found)
    }
    return found
  }

  /**
   * Whether the text has `part` as written words: not after a word character, and (`whole`) not
   * before one, or (not `whole`: a word and its hyphen) before one. Native searches of the lower-
   * case text, no scan of its words: a corpus's texts are read once over and no more.
   */
  private written(part: string, whole: boolean): boolean {
    const lower = (this.lower ??= this.text.toLowerCase())
    for (let at = lower.indexOf(part); at >= 0; at = lower.indexOf(part, at + 1)) {
      if (at > 0 && WORD_CHAR.test(lower[at - 1])) continue
      const next = at + part.length < lower.length && WORD_CHAR.test(lower[at + part.length])
      if (next !== whole) return true
    }
    return false
  }
}
