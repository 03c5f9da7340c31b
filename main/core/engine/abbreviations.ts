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

// A clipped compound is an abbreviation too: "sci-tech" for "scientific and technological", the
// first letters of two words joined by a hyphen. It is read from the texts as acronyms are: where
// the corpus writes the two words coordinated ("scientific and technological innovation", in
// another author's text or the same), each part of the compound stands for the word it begins,
// where the corpus never writes the part as a word of its own. A translated policy text clips
// what another translation writes out ("original and disruptive sci-tech innovation
// achievements" / "original and disruptive scientific and technological innovations": of the
// bundled corpus's five texts, one writes "sci-tech" 21 times, the others "scientific and
// technological" 14 times and "science and technology" 9).

/**
 * A part of a clipped compound: three to five small letters ("sci", "tech"); two are as often a
 * word or a prefix ("co-", "up", "to-do").
 */
const CLIPPED_PART = /^\p{Ll}{3,5}$/u

/**
 * Letters, at least, that a word has beyond the part it is clipped to: "tech" is clipped from
 * "technological" or "technology", not from "techs"; "high-tech" clips only its second word.
 */
const MIN_CLIPPED_LETTERS = 3

/** The word of token t of `doc`, lower-cased; "" for none. */
function wordAt(doc: AnalysedDocument, t: number): string {
  return t >= 0 && t < doc.starts.length ? doc.text.slice(doc.starts[t], doc.ends[t]).toLowerCase() : ''
}

/** A hyphen between two words of one written word ("non-free", "sci-tech"): the ASCII one, Unicode's and its non-breaking one. */
const HYPHENS = new Set(['-', '\u2010', '\u2011'])

/** Whether tokens t and t + 1 of `doc` are written joined by a hyphen alone ("sci-tech", "non-free"). */
export function hyphenJoined(doc: Pick<AnalysedDocument, 'text' | 'starts' | 'ends'>, t: number): boolean {
  return t >= 0 && t + 1 < doc.starts.length && doc.starts[t + 1] - doc.ends[t] === 1 && HYPHENS.has(doc.text[doc.ends[t]])
}

/** Whether token t of `doc` is a part of a clipped compound as written (CLIPPED_PART, hyphenJoined to a neighbour). */
export function writtenClipped(doc: AnalysedDocument, t: number): boolean {
  return (hyphenJoined(doc, t) || hyphenJoined(doc, t - 1)) && CLIPPED_PART.test(doc.text.slice(doc.starts[t], doc.ends[t]))
}

/**
 * Expansions of the clipped compounds in a corpus (see above): match id of a part -> the match id
 * of the word it is clipped from, read from the words the corpus coordinates ("X and Y") that
 * begin with the compound's parts, the coordination written most often where there are
 * several ("scientific and technological" rather than "science and technology"). A part read as
 * two different words by two compounds is ambiguous and left out.
 */
export function clippedExpansions(corpus: AnalysedCorpus): Map<number, number[]> {
  const { docs } = corpus
  // The compounds written, by their parts ("sci tech"), and the second parts of each first one.
  const compounds = new Map<string, [number, number]>()
  const seconds = new Map<string, Set<string>>()
  for (const doc of docs)
    for (let t = 0; t + 1 < doc.starts.length; t++) {
      if (!hyphenJoined(doc, t) || hyphenJoined(doc, t + 1) || hyphenJoined(doc, t - 1)) continue
      const first = doc.text.slice(doc.starts[t], doc.ends[t])
      const second = doc.text.slice(doc.starts[t + 1], doc.ends[t + 1])
      const a = first.toLowerCase()
      const b = second.toLowerCase()
      if (!CLIPPED_PART.test(a) || !CLIPPED_PART.test(b)) continue
      compounds.set(`${a} ${b}`, [doc.match[t], doc.match[t + 1]])
      let set = seconds.get(a)
      if (!set) seconds.set(a, (set = new Set()))
      set.add(b)
    }
  if (compounds.size === 0) return new Map()
  // A part the corpus writes as a word of its own is a word, not a clipping ("clean-up", "set-up").
  const parts = new Set<number>()
  for (const [a, b] of compounds.values()) parts.add(a).add(b)
  const alone = new Set<number>()
  for (const doc of docs)
    for (let t = 0; t < doc.starts.length; t++)
      if (parts.has(doc.match[t]) && !hyphenJoined(doc, t) && !hyphenJoined(doc, t - 1)) alone.add(doc.match[t])
  for (const [key, [a, b]] of compounds) {
    if (!alone.has(a) && !alone.has(b)) continue
    const [first, second] = key.split(' ')
    seconds.get(first)?.delete(second)
  }
  // Per compound, how often each coordination of the words its parts begin is written.
  const counts = new Map<string, Map<string, number>>()
  for (const doc of docs)
    for (let t = 1; t + 1 < doc.starts.length; t++) {
      if (doc.ends[t] - doc.starts[t] !== 3 || wordAt(doc, t) !== 'and') continue
      const x = wordAt(doc, t - 1)
      const y = wordAt(doc, t + 1)
      for (let n = 2; n <= 5 && n + MIN_CLIPPED_LETTERS <= x.length; n++) {
        const a = x.slice(0, n)
        for (const b of seconds.get(a) ?? []) {
          if (!y.startsWith(b) || y.length < b.length + MIN_CLIPPED_LETTERS) continue
          const key = `${a} ${b}`
          let byWords = counts.get(key)
          if (!byWords) counts.set(key, (byWords = new Map()))
          const words = `${doc.match[t - 1]} ${doc.match[t + 1]}`
          byWords.set(words, (byWords.get(words) ?? 0) + 1)
        }
      }
    }
  const expansions = new Map<number, number[]>()
  const ambiguous = new Set<number>()
  const expand = (part: number, word: number): void => {
    const known = expansions.get(part)
    if (known && known[0] !== word) ambiguous.add(part)
    else expansions.set(part, [word])
  }
  for (const [key, byWords] of counts) {
    let best = ''
    let most = 0
    for (const [words, n] of byWords) if (n > most) [best, most] = [words, n]
    const [x, y] = best.split(' ').map(Number)
    const [a, b] = compounds.get(key)!
    expand(a, x)
    expand(b, y)
  }
  for (const part of ambiguous) expansions.delete(part)
  return expansions
}

/**
 * The abbreviations a corpus uses: match id -> the match ids of the words it stands for, of the
 * acronyms (acronymExpansions) and of the parts of clipped compounds (clippedExpansions), apart:
 * a word is read as one or the other as it is written ("EGD" is an acronym, "egd" in "--egd-file"
 * is not a clipping of it).
 */
export interface Abbreviations {
  acronyms: ReadonlyMap<number, readonly number[]>
  clipped: ReadonlyMap<number, readonly number[]>
}

/** No abbreviations. */
export const NO_ABBREVIATIONS: Abbreviations = { acronyms: new Map(), clipped: new Map() }

/** The abbreviations `corpus` uses (Abbreviations). */
export function abbreviationsOf(corpus: AnalysedCorpus): Abbreviations {
  return { acronyms: acronymExpansions(corpus), clipped: clippedExpansions(corpus) }
}

/**
 * The words (match ids) token t of `doc` stands for: its expansion as an acronym, where it is
 * written as one (writtenAsAcronym), or as a part of a clipped compound, where it is written as
 * one (writtenClipped); undefined for any other token.
 */
export function standsFor(abbreviations: Abbreviations, doc: AnalysedDocument, t: number): readonly number[] | undefined {
  const acronym = abbreviations.acronyms.get(doc.match[t])
  if (acronym && writtenAsAcronym(doc, t)) return acronym
  const clipped = abbreviations.clipped.get(doc.match[t])
  return clipped && writtenClipped(doc, t) ? clipped : undefined
}
