import type { AnalysedCorpus } from './analyse.js'

// Synonyms for the paraphrase pass: two words of the corpus are synonyms when one meaning is among
// the common senses of both ("rapid" and "swift", "railway" and "railroad"), so a sentence that
// says "the swift growth of the railroad" restates one that says "the rapid growth of the
// railway". Only single words, only senses both words are commonly used in, never broader or
// opposite words: a dictionary sense shared only through a rare reading ("force" as "strength",
// "china" as "porcelain") joins nothing. The engine reads no dictionary itself (main/core reads
// no files): the caller hands it a SynonymSource, WordNet on the Node side
// (main/node/engine/wordnet.ts), and only the corpus's own content words are looked up.

/** Where synonyms come from. */
export interface SynonymSource {
  /**
   * Ids of the common senses of a word (its surface form: lower case, American spelling), equal
   * ids for one meaning whatever the word; [] when the word is unknown. Two words sharing an id
   * are synonyms.
   */
  senses(word: string): readonly string[]
}

/** Words shorter than this are not looked up: abbreviations, letters and numerals, not words. */
const MIN_WORD_LENGTH = 3
const LETTERS = /^\p{Ll}[\p{Ll}'-]*$/u

/** Synonyms among a corpus's words: each joined match id -> the smallest match id of its class. */
export type SynonymClasses = ReadonlyMap<number, number>

/**
 * The classes of synonyms among the content words of the documents not skipped (see above).
 * Each distinct surface form is looked up once.
 */
export function synonymClasses(corpus: AnalysedCorpus, source: SynonymSource, skip?: Uint8Array): Map<number, number> {
  const { docs, lexicon } = corpus
  const looked = new Uint8Array(lexicon.surfaces.length)
  // Sense id -> match ids of the words used in that sense; match id -> its words' senses, most
  // common first (a match id is all the forms of a word: "grow", "grows", "growing").
  const bySense = new Map<string, number[]>()
  const sensesOf = new Map<number, string[]>()
  docs.forEach((doc, d) => {
    if (skip?.[d]) return
    for (const t of doc.content) {
      const s = doc.surface[t]
      if (looked[s]) continue
      looked[s] = 1
      const word = lexicon.surfaces[s]
      if (word.length < MIN_WORD_LENGTH || !LETTERS.test(word)) continue
      const m = doc.match[t]
      for (const sense of source.senses(word)) {
        const list = bySense.get(sense)
        if (!list) bySense.set(sense, [m])
        else if (!list.includes(m)) list.push(m)
        const own = sensesOf.get(m)
        if (!own) sensesOf.set(m, [sense])
        else if (!own.includes(sense)) own.push(sense)
      }
    }
  })
  // Each word joins through one meaning only, its most common one that another word of the corpus
  // shares: synonymy is not transitive, and joining through every sense would chain "state" =
  // "say" with "state" = "condition" into one class.
  const classes = new Map<number, number>()
  const chosen = new Map<number, string>()
  for (const [m, senses] of sensesOf) {
    const sense = senses.find((s) => bySense.get(s)!.length > 1)
    if (sense !== undefined) chosen.set(m, sense)
  }
  // A meaning chosen by one word only (its partners joined through another) joins nothing.
  const members = new Map<string, number[]>()
  for (const [m, sense] of chosen) {
    const list = members.get(sense)
    if (list) list.push(m)
    else members.set(sense, [m])
  }
  for (const list of members.values()) {
    if (list.length < 2) continue
    const first = Math.min(...list)
    for (const m of list) classes.set(m, first)
  }
  return classes
}
