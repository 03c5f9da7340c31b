import { type AnalysedCorpus, isFunctionWord } from './analyse.js'
import type { SentencePair } from './paraphrase.js'
import { breaksClause } from './sentences.js'

// The same event in other words: two sentences of different documents that name the same date and
// the same rare name or place ("During a trip to northeastern Heilongjiang province in September
// 2023, President Xi Jinping told ..." and "After first proposing the concept during an inspection
// in Heilongjiang in September 2023, Xi Jinping reiterated ..."). They may share few other words,
// so neither seeds nor TF-IDF see them. A date is a month with a day or a year ("March 5",
// "September 2023"); a name is a capitalised word that is not a sentence's first and that few
// documents use (RARE_NAME_DOCUMENTS); it is a place when it follows "in", "at", "from" or "to"
// (within two words, so "to northeastern Heilongjiang" counts). Each side of a pair is the clauses
// of its sentence (sentences.ts `breaksClause`) from the first that names one of the shared facts
// to the last: "During a trip to northeastern Heilongjiang province in September 2023", not what
// the sentence goes on to say Xi told the province.

/**
 * Most documents (or share of the corpus, whichever is more) a name may be in and still be rare:
 * a name every text uses (the leader all texts quote) says nothing about which event is meant.
 */
export const RARE_NAME_DOCUMENTS = 2
export const RARE_NAME_SHARE = 0.02

const MONTHS = new Set([
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
])
const PLACE_WORDS = new Set(['in', 'at', 'from', 'to'])
const CAPITALISED = /^\p{Lu}\p{Ll}/u
const DAY_OR_YEAR = /^(?:[12]?\d|3[01]|1[6-9]\d\d|20\d\d)$/
/** What follows a day when a year follows it: a comma, and the year. */
const YEAR_AFTER_DAY = /^,\s+(?:1[6-9]\d\d|20\d\d)$/

/** A pair of sentences reporting one event: tokens [a0, a1] of da and [b0, b1] of db, and why. */
export interface EventPair extends Omit<SentencePair, 'cosine' | 'shared'> {
  because: string[]
}

interface SentenceFacts {
  doc: number
  first: number
  last: number
  /** Per date: as first written, the first token of its first use and the last of its last (a year after its day too). */
  dates: Map<string, { text: string; from: number; to: number }>
  /** Per name (match id): as first written, whether a place, and the tokens of its first and last use. */
  names: Map<number, { text: string; place: boolean; from: number; to: number }>
}

/** Sentence pairs of different documents sharing a date and a rare name (see above). */
export function findEvents(corpus: AnalysedCorpus, sentences: Uint32Array[]): EventPair[] {
  const { docs, docFreq, lexicon } = corpus
  const rare = Math.max(RARE_NAME_DOCUMENTS, Math.ceil(RARE_NAME_SHARE * docs.length))
  const byDate = new Map<string, SentenceFacts[]>()
  docs.forEach((doc, d) => {
    const bounds = sentences[d]
    for (let k = 0; k + 1 < bounds.length; k++) {
      const first = bounds[k]
      const end = bounds[k + 1]
      const facts: SentenceFacts = { doc: d, first, last: end - 1, dates: new Map(), names: new Map() }
      const wordAt = (t: number): string => doc.text.slice(doc.starts[t], doc.ends[t])
      /** Whether token t is a month a word follows in the sentence: a date's, if any, never a name. */
      const opensDate = (t: number): boolean => MONTHS.has(lexicon.surfaces[doc.surface[t]]) && t + 1 < end && CAPITALISED.test(wordAt(t))
      for (let t = first; t < end; t++) {
        if (!opensDate(t)) continue
        const next = wordAt(t + 1)
        if (!DAY_OR_YEAR.test(next)) continue
        // "September 5, 2023": the year after a day is the date's too (its comma cuts no clause).
        const year = t + 2 < end && YEAR_AFTER_DAY.test(doc.text.slice(doc.ends[t + 1], doc.ends[t + 2])) ? t + 2 : t + 1
        const key = `${lexicon.surfaces[doc.surface[t]]} ${next}`
        const known = facts.dates.get(key)
        facts.dates.set(key, { text: known?.text ?? `${wordAt(t)} ${next}`, from: known?.from ?? t, to: year })
      }
      // Names are read only in a sentence that names a date: only those make a pair (most
      // sentences name none, and their capitalised words were read for nothing).
      if (facts.dates.size === 0) continue
      for (let t = first; t < end; t++) {
        if (t === first || opensDate(t)) continue
        const word = wordAt(t)
        if (!CAPITALISED.test(word) || isFunctionWord(lexicon, doc, t)) continue
        const m = doc.match[t]
        if (docFreq[m] > rare) continue
        const place = [t - 1, t - 2].some((p) => p >= first && PLACE_WORDS.has(lexicon.surfaces[doc.surface[p]]))
        const known = facts.names.get(m)
        facts.names.set(m, { text: known?.text ?? word, place: place || !!known?.place, from: known?.from ?? t, to: t })
      }
      if (facts.names.size === 0) continue
      for (const date of facts.dates.keys()) {
        const list = byDate.get(date)
        if (list) list.push(facts)
        else byDate.set(date, [facts])
      }
    }
  })
  const pairs: EventPair[] = []
  const seen = new Set<string>()
  for (const [date, list] of byDate) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const x = list[i]
        const y = list[j]
        if (x.doc === y.doc) continue
        const key = `${x.doc}:${x.first}:${y.doc}:${y.first}`
        if (seen.has(key)) continue
        const shared = [...x.names].filter(([m]) => y.names.has(m))
        if (shared.length === 0) continue
        seen.add(key)
        const place = shared.some(([m, n]) => n.place || y.names.get(m)!.place)
        const names = shared.map(([m]) => m)
        const [a0, a1] = factClauses(docs[x.doc], x, date, names)
        const [b0, b1] = factClauses(docs[y.doc], y, date, names)
        pairs.push({
          da: x.doc,
          a0,
          a1,
          db: y.doc,
          b0,
          b1,
          because: [
            place ? 'same place and date' : 'same name and date',
            `${x.dates.get(date)!.text}; ${shared.map(([, n]) => n.text).join(', ')}`,
          ],
        })
      }
    }
  }
  return pairs
}

/**
 * The tokens of sentence `facts` from the start of the clause that first names `date` or one of
 * `names` to the end of the clause that last names one (see above).
 */
function factClauses(
  doc: { text: string; starts: Uint32Array; ends: Uint32Array },
  facts: SentenceFacts,
  date: string,
  names: readonly number[],
): [number, number] {
  const { from: dateFrom, to: dateTo } = facts.dates.get(date)!
  let from = dateFrom
  let to = dateTo
  for (const m of names) {
    const n = facts.names.get(m)!
    from = Math.min(from, n.from)
    to = Math.max(to, n.to)
  }
  while (from > facts.first && !breaksClause(doc.text, doc.ends[from - 1], doc.starts[from])) from--
  while (to < facts.last && !breaksClause(doc.text, doc.ends[to], doc.starts[to + 1])) to++
  return [from, to]
}
