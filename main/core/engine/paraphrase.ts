import type { AnalysedCorpus } from './analyse.js'
import type { Run } from './progress.js'
import type { SynonymClasses } from './synonyms.js'
import { lowerBound } from '../text/sorted.js'

// Paraphrase candidates: sentences of different documents that say much the same in other words.
// Abbreviations are read as the words they stand for (abbreviations.ts), and synonyms as one word
// (synonyms.ts).
// Seeds (ngrams.ts) need runs of shared words; a paraphrase shares its content words but few runs
// of them. Each sentence is a TF-IDF vector over the match forms (stems) of its content words,
// with IDF over the corpus's sentences, so words every sentence uses weigh little; pairs are
// compared by cosine. Only pairs that share several rare stems are compared at all (an inverted
// index over stems used by few sentences), which keeps the pass near linear.

/** Sentences with fewer content words than this are headings or fragments, not claims. */
export const MIN_SENTENCE_WORDS = 6
/** Sentences with more content words than this are lists or run-ons; cosine means little there. */
export const MAX_SENTENCE_WORDS = 80
/**
 * A stem in more sentences than this proposes no candidate pairs: it is a topic word (or, in a
 * large corpus, a common one), and longer posting lists would make the pass quadratic. It still
 * counts in the cosine.
 */
export const MAX_STEM_SENTENCES = 24
/** Distinct rare stems two sentences must share before their cosine is computed. */
export const MIN_SHARED_STEMS = 3
/**
 * Least cosine for a paraphrase. Sentences on one subject by different authors score 0.2-0.35
 * (same topic words, different claims); restatements of one claim score above one half.
 */
export const MIN_COSINE = 0.5

/** A candidate: tokens [a0, a1] of document da and [b0, b1] of db (inclusive), and their cosine. */
export interface SentencePair {
  da: number
  a0: number
  a1: number
  db: number
  b0: number
  b1: number
  cosine: number
}

/**
 * Sentence pairs of different documents with cosine >= MIN_COSINE (see above). `expansions` maps
 * a word (match id) to the words it stands for (abbreviations.ts): a sentence is read with them.
 * `synonyms` maps a word to the one word its class of synonyms is read as (synonyms.ts).
 */
export function findParaphrases(
  corpus: AnalysedCorpus,
  sentences: Uint32Array[],
  run: Run,
  expansions: ReadonlyMap<number, readonly number[]> = new Map(),
  synonyms: SynonymClasses = new Map(),
): SentencePair[] {
  const { docs } = corpus
  const vocab = corpus.lexicon.matchCount
  // The sentences worth comparing, with their content-word ranges.
  const sDoc: number[] = []
  const sFrom: number[] = []
  const sTo: number[] = []
  const sFirst: number[] = []
  const sLast: number[] = []
  docs.forEach((doc, d) => {
    const bounds = sentences[d]
    for (let k = 0; k + 1 < bounds.length; k++) {
      const c0 = lowerBound(doc.content, bounds[k])
      const c1 = lowerBound(doc.content, bounds[k + 1])
      if (c1 - c0 < MIN_SENTENCE_WORDS || c1 - c0 > MAX_SENTENCE_WORDS) continue
      sDoc.push(d)
      sFrom.push(c0)
      sTo.push(c1)
      sFirst.push(bounds[k])
      sLast.push(bounds[k + 1] - 1)
    }
  })
  const S = sDoc.length
  run.phase('paraphrase', S)
  if (S < 2) return []
  const stemsOf = (s: number): number[] => {
    const doc = docs[sDoc[s]]
    const out: number[] = []
    for (let c = sFrom[s]; c < sTo[s]; c++) {
      const m = doc.match[doc.content[c]]
      const expansion = expansions.get(m)
      if (expansion) for (const e of expansion) out.push(synonyms.get(e) ?? e)
      else out.push(synonyms.get(m) ?? m)
    }
    return out
  }
  // Sentence frequency of every stem.
  const sf = new Uint32Array(vocab)
  const seen = new Int32Array(vocab).fill(-1)
  for (let s = 0; s < S; s++) {
    for (const m of stemsOf(s)) {
      if (seen[m] !== s) {
        seen[m] = s
        sf[m]++
      }
    }
  }
  const idf = (m: number): number => Math.log(S / sf[m])
  const cap = MAX_STEM_SENTENCES
  // Posting lists (compressed rows) of the stems that propose candidates.
  const rowStart = new Uint32Array(vocab + 1)
  for (let m = 0; m < vocab; m++) rowStart[m + 1] = rowStart[m] + (sf[m] >= 2 && sf[m] <= cap ? sf[m] : 0)
  const postings = new Uint32Array(rowStart[vocab])
  const fill = rowStart.slice(0, vocab)
  seen.fill(-1)
  const norms = new Float64Array(S)
  for (let s = 0; s < S; s++) {
    const tf = new Map<number, number>()
    for (const m of stemsOf(s)) tf.set(m, (tf.get(m) ?? 0) + 1)
    let sum = 0
    for (const [m, f] of tf) {
      sum += (f * idf(m)) ** 2
      if (sf[m] >= 2 && sf[m] <= cap) postings[fill[m]++] = s
    }
    norms[s] = Math.sqrt(sum)
  }

  const pairs: SentencePair[] = []
  const shared = new Uint32Array(S)
  const touched: number[] = []
  for (let s = 0; s < S; s++) {
    const tf = new Map<number, number>()
    for (const m of stemsOf(s)) tf.set(m, (tf.get(m) ?? 0) + 1)
    for (const m of tf.keys()) {
      for (let p = rowStart[m]; p < rowStart[m + 1]; p++) {
        const t = postings[p]
        if (t <= s || sDoc[t] === sDoc[s]) continue
        if (shared[t] === 0) touched.push(t)
        shared[t]++
      }
    }
    for (const t of touched) {
      if (shared[t] >= MIN_SHARED_STEMS && norms[s] > 0 && norms[t] > 0) {
        const tfT = new Map<number, number>()
        for (const m of stemsOf(t)) tfT.set(m, (tfT.get(m) ?? 0) + 1)
        let dot = 0
        for (const [m, f] of tfT) {
          const g = tf.get(m)
          if (g !== undefined) dot += f * g * idf(m) ** 2
        }
        const cosine = dot / (norms[s] * norms[t])
        if (cosine >= MIN_COSINE) {
          pairs.push({ da: sDoc[s], a0: sFirst[s], a1: sLast[s], db: sDoc[t], b0: sFirst[t], b1: sLast[t], cosine })
        }
      }
      shared[t] = 0
    }
    touched.length = 0
    run.tick(s)
  }
  run.end()
  return pairs
}

/** Number of distinct content-word n-grams (match forms) two token spans share. */
export function sharedNgrams(
  corpus: AnalysedCorpus,
  n: number,
  da: number,
  a0: number,
  a1: number,
  db: number,
  b0: number,
  b1: number,
): number {
  const grams = (d: number, t0: number, t1: number): Set<string> => {
    const doc = corpus.docs[d]
    const c0 = lowerBound(doc.content, t0)
    const c1 = lowerBound(doc.content, t1 + 1)
    const out = new Set<string>()
    for (let c = c0; c + n <= c1; c++) {
      const key: number[] = []
      for (let k = 0; k < n; k++) key.push(doc.match[doc.content[c + k]])
      out.add(key.join(','))
    }
    return out
  }
  const a = grams(da, a0, a1)
  let count = 0
  for (const g of grams(db, b0, b1)) if (a.has(g)) count++
  return count
}

/**
 * The synonyms a pair of sentences was read through: pairs of words, one from each sentence, of
 * one class (synonyms.ts) where neither sentence uses the other's word ("growth/expansion").
 */
export function synonymsUsed(
  corpus: AnalysedCorpus,
  synonyms: SynonymClasses,
  da: number,
  a0: number,
  a1: number,
  db: number,
  b0: number,
  b1: number,
): string[] {
  if (synonyms.size === 0) return []
  /** Class -> match id -> the word as first written (surface form), for the sentence's content words. */
  const words = (d: number, t0: number, t1: number): Map<number, Map<number, string>> => {
    const doc = corpus.docs[d]
    const out = new Map<number, Map<number, string>>()
    for (let c = lowerBound(doc.content, t0); c < doc.content.length && doc.content[c] <= t1; c++) {
      const m = doc.match[doc.content[c]]
      const cls = synonyms.get(m)
      if (cls === undefined) continue
      let byMatch = out.get(cls)
      if (!byMatch) out.set(cls, (byMatch = new Map()))
      if (!byMatch.has(m)) byMatch.set(m, corpus.lexicon.surfaces[doc.surface[doc.content[c]]])
    }
    return out
  }
  const a = words(da, a0, a1)
  const b = words(db, b0, b1)
  const used: string[] = []
  for (const [cls, inA] of a) {
    const inB = b.get(cls)
    if (!inB) continue
    const onlyA = [...inA].filter(([m]) => !inB.has(m))
    const onlyB = [...inB].filter(([m]) => !inA.has(m))
    if (onlyA.length && onlyB.length) used.push(`${onlyA[0][1]}/${onlyB[0][1]}`)
  }
  return used
}
