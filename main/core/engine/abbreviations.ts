import type { AnalysedCorpus, AnalysedDocument } from './analyse.js'
import { shownWord } from './normalise.js'

// Abbreviations the texts use, expanded from the texts themselves, never from a list: a token
// written in capitals ("CPC", "NQPFs") is an acronym of the capitalised words elsewhere in the
// corpus whose initials spell it, function words between them allowed ("Communist Party of
// China"). The paraphrase pass (paraphrase.ts) reads an acronym as the words it stands for, so a
// sentence that says "the CPC Central Committee" restates one that says "the Communist Party of
// China Central Committee".
// Only a token written as an acronym stands for anything: "for" is not "FOR", and a word in
// capitals among others in capitals ("NO WARRANTY FOR ANY PURPOSE") is shouting, not an acronym.
// The words it stands for are written as names are, a capital and then small letters: "README",
// "IDs" and "OpenBSD" are no part of a name an acronym spells (among Debian's READMEs, "FOR" was
// read as "Floeter OpenBSD README", "DVI" as "Daniel Veillard IDs").

/**
 * Acronyms are three to six capitals (a plural s allowed): two letters stand for too many things
 * ("AI" is not "Accounting Institute"), longer runs of capitals are shouting.
 */
const ACRONYM = /^[\p{Lu}]{3,6}s?$/u
/** A word of the name an acronym spells: a capital, then small letters. */
const NAME_WORD = /^\p{Lu}\p{Ll}+$/u
/** A word in capitals of three letters or more: its neighbours in capitals are shouted with it. */
const SHOUTED = /^\p{Lu}{3,}$/u

/**
 * Whether text[k] may be a capital: not an ASCII character other than A-Z. Each pattern above
 * starts with a capital, and most tokens start with a small ASCII letter: told without slicing
 * the token and running a Unicode pattern over it (acronymExpansions reads every token).
 */
function mayBeCapital(text: string, k: number): boolean {
  const c = text.charCodeAt(k)
  return c >= 0x80 || (c >= 0x41 && c <= 0x5a)
}

/**
 * Whether token t of `doc` stands next to a word in capitals (SHOUTED): one word of a shouted run
 * ("NO WARRANTY FOR ANY PURPOSE"), not an acronym. Two capitals beside it are not shouting
 * ("HP-UX").
 */
export function shouted(doc: AnalysedDocument, t: number): boolean {
  const at = (k: number): boolean => k >= 0 && k < doc.starts.length && SHOUTED.test(doc.text.slice(doc.starts[k], doc.ends[k]))
  return at(t - 1) || at(t + 1)
}

/** Whether token t of `doc` is written as an acronym (ACRONYM), not shouted among other capitals. */
export function writtenAsAcronym(doc: AnalysedDocument, t: number): boolean {
  return mayBeCapital(doc.text, doc.starts[t]) && ACRONYM.test(shownWord(doc.text.slice(doc.starts[t], doc.ends[t]))) && !shouted(doc, t)
}

/**
 * Expansions of the acronyms in a corpus: match id of the acronym -> match ids of the content
 * words it stands for. An acronym with two different expansions in the corpus is ambiguous and
 * left out. A token stands for them only where it is written as the acronym (standsFor).
 */
export function acronymExpansions(corpus: AnalysedCorpus): Map<number, number[]> {
  const { docs, lexicon } = corpus
  // The acronyms used, by their letters (plural s dropped).
  const acronyms = new Map<string, number>()
  for (const doc of docs) {
    for (let i = 0; i < doc.starts.length; i++) {
      if (!writtenAsAcronym(doc, i)) continue
      // As one word where a line end hyphenates it ("UN-\nHCR").
      const raw = shownWord(doc.text.slice(doc.starts[i], doc.ends[i]))
      const letters = raw.endsWith('s') ? raw.slice(0, -1) : raw
      acronyms.set(letters, doc.match[i])
    }
  }
  if (acronyms.size === 0) return new Map()
  // What the initials read so far can still become: a stretch of names is read no further once
  // its initials begin no acronym.
  const prefixes = new Set<string>()
  for (const letters of acronyms.keys()) for (let n = 1; n <= letters.length; n++) prefixes.add(letters.slice(0, n))
  const found = new Map<number, string>()
  const ambiguous = new Set<number>()
  const expansions = new Map<number, number[]>()
  for (const doc of docs) {
    const { content, starts, ends, text, match } = doc
    // Per content word, whether it is written as a name's word (NAME_WORD), read once.
    const capital = Uint8Array.from(content, (t) =>
      mayBeCapital(text, starts[t]) && NAME_WORD.test(text.slice(starts[t], ends[t])) ? 1 : 0,
    )
    for (let c = 0; c < content.length; c++) {
      if (!capital[c]) continue
      // Capitalised content words from c on, in one stretch (function words between allowed).
      let initials = ''
      for (let k = c; k < content.length && k - c < 6 && capital[k]; k++) {
        if (k > c && content[k] - content[k - 1] > 2) break
        initials += text[starts[content[k]]].toUpperCase()
        if (!prefixes.has(initials)) break
        const id = acronyms.get(initials)
        if (id === undefined || k === c) continue
        if (lexicon.matches[id] === lexicon.matches[match[content[c]]]) continue
        const ids: number[] = []
        for (let j = c; j <= k; j++) ids.push(match[content[j]])
        const key = ids.join(',')
        const known = found.get(id)
        if (known === undefined) {
          found.set(id, key)
          expansions.set(id, ids)
        } else if (known !== key) ambiguous.add(id)
      }
    }
  }
  for (const id of ambiguous) expansions.delete(id)
  return expansions
}

/**
 * The words (match ids) token t of `doc` stands for: its expansion, where it is written as an
 * acronym (writtenAsAcronym); undefined for any other token.
 */
export function standsFor(
  expansions: ReadonlyMap<number, readonly number[]>,
  doc: AnalysedDocument,
  t: number,
): readonly number[] | undefined {
  const expansion = expansions.get(doc.match[t])
  return expansion && writtenAsAcronym(doc, t) ? expansion : undefined
}
