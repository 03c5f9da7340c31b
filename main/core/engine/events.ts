import type { AnalysedCorpus } from './analyse.js'
import type { SentencePair } from './paraphrase.js'

// The same event in other words: two sentences of different documents that name the same date and
// the same rare name or place ("During a trip to northeastern Heilongjiang province in September
// 2023, President Xi Jinping told ..." and "After first proposing the concept during an inspection
// in Heilongjiang in September 2023, Xi Jinping reiterated ..."). They may share few other words,
// so neither seeds nor TF-IDF see them. A date is a month with a day or a year ("March 5",
// "September 2023"); a name is a capitalised word that is not a sentence's first and that few
// documents use (RARE_NAME_DOCUMENTS); it is a place when it follows "in", "at", "from" or "to"
// (within two words, so "to northeastern Heilongjiang" counts).

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

/** A pair of sentences reporting one event: tokens [a0, a1] of da and [b0, b1] of db, and why. */
export interface EventPair extends Omit<SentencePair, 'cosine' | 'shared'> {
  because: string[]
}

interface SentenceFacts {
  doc: number
  first: number
  last: number
  dates: Map<string, string>
  names: Map<number, { text: string; place: boolean }>
}

/** Sentence pairs of different documents sharing a date and a rare name (see above). */
export function findEvents(corpus: AnalysedCorpus, sentences: Uint32Array[]): EventPair[] {
  const { docs, docFreq, lexicon } = corpus
  const rare = Math.max(RARE_NAME_DOCUMENTS, Math.ceil(RARE_NAME_SHARE * docs.length))
  const byDate = new Map<string, SentenceFacts[]>()
  docs.forEach((doc, d) => {
    const bounds = sentences[d]
    for (let k = 0; k + 1 < bounds.length; k++) {
      const facts: SentenceFacts = { doc: d, first: bounds[k], last: bounds[k + 1] - 1, dates: new Map(), names: new Map() }
      for (let t = bounds[k]; t < bounds[k + 1]; t++) {
        const word = doc.text.slice(doc.starts[t], doc.ends[t])
        const lower = lexicon.surfaces[doc.surface[t]]
        if (MONTHS.has(lower) && CAPITALISED.test(word) && t + 1 < bounds[k + 1]) {
          const next = doc.text.slice(doc.starts[t + 1], doc.ends[t + 1])
          if (DAY_OR_YEAR.test(next)) facts.dates.set(`${lower} ${next}`, `${word} ${next}`)
          continue
        }
        if (t === bounds[k] || !CAPITALISED.test(word) || lexicon.isStop(doc.surface[t])) continue
        const m = doc.match[t]
        if (docFreq[m] > rare) continue
        const place = [t - 1, t - 2].some((p) => p >= bounds[k] && PLACE_WORDS.has(lexicon.surfaces[doc.surface[p]]))
        const known = facts.names.get(m)
        facts.names.set(m, { text: word, place: place || !!known?.place })
      }
      if (facts.dates.size === 0 || facts.names.size === 0) continue
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
        pairs.push({
          da: x.doc,
          a0: x.first,
          a1: x.last,
          db: y.doc,
          b0: y.first,
          b1: y.last,
          because: [
            place ? 'same place and date' : 'same name and date',
            `${x.dates.get(date)}; ${shared.map(([, n]) => n.text).join(', ')}`,
          ],
        })
      }
    }
  }
  return pairs
}
