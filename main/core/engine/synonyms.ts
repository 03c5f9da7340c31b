import type { AnalysedCorpus } from './analyse.js'

// Synonyms for the paraphrase pass: two words of the corpus are synonyms when one meaning is among
// the common senses of both ("rapid" and "swift", "railway" and "railroad"), so a sentence that
// says "the swift growth of the railroad" restates one that says "the rapid growth of the
// railway". Only single words, only senses both words are commonly used in, never broader or
// opposite words: a dictionary sense shared only through a rare reading ("force" as "strength",
// "china" as "porcelain") joins nothing. The engine reads no dictionary itself (main/core reads
// no files): the caller hands it a SynonymSource, WordNet on the Node side
// (main/node/engine/wordnet.ts), and only the corpus's own content words are looked up.
//
// Related forms are read as one word too: a noun and the adjective made from it, or it from the
// adjective, where the dictionary joins a common sense of each ("necessity" and "necessary",
// "strategy" and "strategic"; the source says which: wordnet.ts). The stemmer joins only inflected forms and a few
// suffixes ("necess" and "necessari" stay apart), so "a necessity for creating NQPFs" and "a
// necessary prerequisite for developing new quality productive forces" shared one content word
// less than a reader sees. A word joins all its related forms in the corpus, and their synonyms:
// the forms are one word in two parts of speech, not two meanings. But never two classes of
// synonyms through their forms (see wordClasses).

/** Where synonyms come from. */
export interface SynonymSource {
  /**
   * Ids of the common senses of a word (its surface form: lower case, American spelling), equal
   * ids for one meaning whatever the word; [] when the word is unknown. Two words sharing an id
   * are synonyms.
   */
  senses(word: string): readonly string[]
  /**
   * Ids of the links between a common sense of the word and a common sense of a related form of
   * it (see above): two words sharing an id are related forms. Optional: a source without it joins
   * synonyms only.
   */
  relatedForms?(word: string): readonly string[]
  /**
   * The links between a common sense of the word and a common sense of its opposite ("minimum"
   * and "maximum"), each as the ids of the two senses, the word's first: a word whose link is
   * [x, y] is the opposite of one whose link is [y, x] (opposites.ts), and a word whose link is
   * [x, y] too is a form or a synonym of it ("adding" and "add"). Optional: a source without it
   * gives no opposites.
   */
  opposites?(word: string): readonly (readonly [string, string])[]
  /**
   * Whether the word (as `senses` takes it) is a word of the dictionary in any sense, its base
   * forms found: a word it does not know is a name or an identifier ("chgpasswd", "xzlib").
   * Optional: without it, no word is taken for a name so (named-slots.ts).
   */
  knows?(word: string): boolean
}

/** Words shorter than this are not looked up: abbreviations, letters and numerals, not words. */
const MIN_WORD_LENGTH = 3
const LETTERS = /^\p{Ll}[\p{Ll}'-]*$/u

/** Synonyms among a corpus's words: each joined match id -> the smallest match id of its class. */
export type SynonymClasses = ReadonlyMap<number, number>

/** The words of a corpus the paraphrase pass reads as one (see above). */
export interface WordClasses {
  /** Synonyms and related forms: each joined match id -> the smallest match id of its class. */
  classes: SynonymClasses
  /**
   * Synonyms alone (synonymClasses): two words of one class are synonyms when of one class here
   * too, else related forms.
   */
  synonyms: SynonymClasses
  /** Opposites: each match id -> the match ids of its opposites (SynonymSource.opposites). */
  opposites: Opposites
}

/** Opposites among a corpus's words: each match id with one -> the match ids of its opposites. */
export type Opposites = ReadonlyMap<number, readonly number[]>

/**
 * The classes of synonyms among the content words of the documents not skipped (see above).
 * Each distinct surface form is looked up once.
 */
export function synonymClasses(corpus: AnalysedCorpus, source: SynonymSource, skip?: Uint8Array): Map<number, number> {
  return synonymsAmong(lookedUp(corpus, skip), source)
}

/** synonymClasses of the words a dictionary is asked about (lookedUp). */
function synonymsAmong(words: LookedUp, source: SynonymSource): Map<number, number> {
  // Sense id -> match ids of the words used in that sense; match id -> its words' senses, most
  // common first (a match id is all the forms of a word: "grow", "grows", "growing").
  const bySense = new Map<string, number[]>()
  const sensesOf = new Map<number, string[]>()
  words.words.forEach((word, k) => {
    const m = words.matches[k]
    for (const sense of source.senses(word)) {
      const list = bySense.get(sense)
      if (!list) bySense.set(sense, [m])
      else if (!list.includes(m)) list.push(m)
      const own = sensesOf.get(m)
      if (!own) sensesOf.set(m, [sense])
      else if (!own.includes(sense)) own.push(sense)
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

/**
 * The synonyms (synonymClasses) and related forms (see above) among the content words of the
 * documents not skipped, joined into classes: a word with its synonyms, its related forms, and
 * theirs. Each distinct surface form is looked up once.
 */
export function wordClasses(corpus: AnalysedCorpus, source: SynonymSource, skip?: Uint8Array): WordClasses {
  // The words are listed once, for their synonyms and their related forms.
  const words = lookedUp(corpus, skip)
  const synonyms = synonymsAmong(words, source)
  const opposites = oppositesAmong(words, source)
  if (!source.relatedForms) return { classes: synonyms, synonyms, opposites }
  // Union-find over match ids, each class's root its smallest id: only ids joined to another have
  // an entry, so every class holds two words at least.
  const parent = new Map<number, number>()
  const root = (m: number): number => {
    let r = m
    for (let p = parent.get(r); p !== undefined && p !== r; p = parent.get(r)) r = p
    for (let k = m; k !== r;) {
      const next = parent.get(k)!
      parent.set(k, r)
      k = next
    }
    return r
  }
  // Per root, the class of synonyms its words hold, if any: a related form joins a word to the
  // synonyms of its form, never two classes of synonyms to each other. The forms are linked
  // through senses that need not be those the classes were joined through: "central" is "key"
  // (important) and "center" is "middle", and joining "central" to "center" made "key" one word
  // with "middle" (a reviewer).
  const meaning = new Map<number, number>()
  const join = (x: number, y: number): boolean => {
    const rx = root(x)
    const ry = root(y)
    if (rx === ry) return false
    const mx = meaning.get(rx)
    const my = meaning.get(ry)
    if (mx !== undefined && my !== undefined && mx !== my) return false
    const [low, high] = rx < ry ? [rx, ry] : [ry, rx]
    parent.set(high, low)
    parent.set(low, low)
    const held = mx ?? my
    if (held !== undefined) meaning.set(low, held)
    return true
  }
  for (const [m, first] of synonyms) {
    join(m, first)
    meaning.set(root(m), first)
  }
  // Link id -> the first match id met with it.
  const byLink = new Map<string, number>()
  let joined = false
  words.words.forEach((word, k) => {
    const m = words.matches[k]
    for (const link of source.relatedForms!(word)) {
      const other = byLink.get(link)
      if (other === undefined) byLink.set(link, m)
      else if (other !== m && join(m, other)) joined = true
    }
  })
  if (!joined) return { classes: synonyms, synonyms, opposites }
  const classes = new Map<number, number>()
  for (const m of parent.keys()) classes.set(m, root(m))
  return { classes, synonyms, opposites }
}

/** The opposites among the words a dictionary is asked about (lookedUp). */
function oppositesAmong(words: LookedUp, source: SynonymSource): Map<number, number[]> {
  const opposites = new Map<number, number[]>()
  if (!source.opposites) return opposites
  // A link's two senses, the word's first ("x y") -> the match ids of the words with it: one side
  // of an antonym link, whose words are opposites of those of "y x".
  const bySide = new Map<string, number[]>()
  words.words.forEach((word, k) => {
    const m = words.matches[k]
    for (const [own, other] of source.opposites!(word)) {
      const side = `${own} ${other}`
      const list = bySide.get(side)
      if (!list) bySide.set(side, [m])
      else if (!list.includes(m)) list.push(m)
    }
  })
  for (const [side, list] of bySide) {
    const [own, other] = side.split(' ')
    for (const o of bySide.get(`${other} ${own}`) ?? [])
      for (const m of list) {
        if (o === m) continue
        const known = opposites.get(m)
        if (!known) opposites.set(m, [o])
        else if (!known.includes(o)) known.push(o)
      }
  }
  return opposites
}

/** Words a dictionary is asked about, and their match ids (word k's is matches[k]). */
interface LookedUp {
  words: string[]
  matches: number[]
}

/**
 * The words a dictionary is asked about (content words of the documents not skipped, in
 * lower-case letters, MIN_WORD_LENGTH at least) and their match ids: each distinct surface form
 * once, in the order the documents first use it.
 */
function lookedUp(corpus: AnalysedCorpus, skip: Uint8Array | undefined): LookedUp {
  const { docs, lexicon } = corpus
  const looked = new Uint8Array(lexicon.surfaces.length)
  const words: string[] = []
  const matches: number[] = []
  docs.forEach((doc, d) => {
    if (skip?.[d]) return
    for (const t of doc.content) {
      const s = doc.surface[t]
      if (looked[s]) continue
      looked[s] = 1
      const word = lexicon.surfaces[s]
      if (word.length < MIN_WORD_LENGTH || !LETTERS.test(word)) continue
      words.push(word)
      matches.push(doc.match[t])
    }
  })
  return { words, matches }
}
