import { type AnalysedCorpus, type EngineDocument, analyse } from '../engine/analyse.js'
import { termForms } from './aliases.js'
import { type EngineHooks, Run } from '../engine/progress.js'
import { isNumber } from '../engine/nonwords.js'
import { continuesWord } from '../engine/word-edges.js'
import { identity, sortIndicesByKeys } from '../engine/radix.js'

// Key terms of a corpus: its most distinctive multi-word terms. Candidates are runs of two to
// MAX_TERM_WORDS content words written together (only spaces or hyphens between them, so no
// clause or list boundary inside), used at least MIN_TERM_USES times in at least two documents.
// They are ranked by C-value (Frantzi, Ananiadou & Mima 2000): frequency times log2 of length,
// less the average frequency of the longer candidates that contain it, so that "quality productive
// forces", which only ever occurs inside "new quality productive forces", does not rank as a term
// of its own, while "productive forces", also used alone, keeps what its own uses earn. A
// candidate that is a name of a better-ranked term (aliases.ts) is listed as that term's alias.

/** Longest term proposed, in words. Five covers "new quality productive forces" with room. */
export const MAX_TERM_WORDS = 5
/** Fewest uses of a key term: two uses can be one quotation seen twice. */
export const MIN_TERM_USES = 3
/**
 * Share of a candidate's uses inside one longer candidate at which it is only a piece of that
 * one ("quality productive forces" inside "new quality productive forces") and not proposed.
 */
export const ABSORBED_SHARE = 0.75
/** How many terms are proposed. */
export const MAX_TERMS = 12

export interface ProposedTerm {
  /** The term as most often written. */
  term: string
  /** Its acronyms and shortened forms (aliases.ts). */
  aliases: string[]
  /** Uses in the corpus and documents that use it. */
  frequency: number
  documents: number
  /** C-value (see above). */
  score: number
}

/** A proposed term with its match ids, for the engine's own use. */
export interface ProposedTermIds extends ProposedTerm {
  ids: number[]
}

/**
 * What may stand between two words of a term (see above): spaces, a hyphen. Not a tab: imported
 * tables hold their cells apart with one, and a History table's "Version<TAB>Changes", in every
 * Node.js API page, was proposed as the key term (a reviewer).
 */
const JOINER = /^[ \u00a0]*(?:[-\u2010][ \u00a0]*)?$/

/** Proposes the key terms of a corpus (see above). */
export function proposeTerms(
  documents: readonly EngineDocument[],
  options: { stem?: boolean } = {},
  hooks: EngineHooks = {},
): ProposedTerm[] {
  const run = new Run(hooks)
  return proposeTermsIn(analyse(documents, options.stem ?? true, run), run).map(({ ids: _ids, ...term }) => term)
}

/** A candidate's uses (see candidates): its words' match ids, in how many documents, how it is written. */
interface Candidate {
  ids: number[]
  uses: number
  docs: number
  /** Each way it is written, with how often, in the order first met. */
  texts: Map<string, number>
}

/** proposeTerms on an analysed corpus. */
export function proposeTermsIn(corpus: AnalysedCorpus, run: Run): ProposedTermIds[] {
  const { docs } = corpus
  const stats = candidates(corpus, run)
  const minDocs = Math.min(2, docs.length)
  // Longer candidates containing each candidate: how many, and their total frequency.
  const nested = new Map<string, { count: number; uses: number; most: number }>()
  for (const s of stats.values()) {
    if (s.ids.length < 3 || s.uses < MIN_TERM_USES) continue
    const seen = new Set<string>()
    for (let a = 0; a < s.ids.length; a++) {
      for (let b = a + 2; b <= s.ids.length; b++) {
        if (b - a === s.ids.length) continue
        const key = s.ids.slice(a, b).join(',')
        if (seen.has(key)) continue
        seen.add(key)
        const entry = nested.get(key) ?? { count: 0, uses: 0, most: 0 }
        entry.count++
        entry.uses += s.uses
        entry.most = Math.max(entry.most, s.uses)
        nested.set(key, entry)
      }
    }
  }
  const ranked = [...stats.entries()]
    .filter(([key, s]) => s.uses >= MIN_TERM_USES && s.docs >= minDocs && (nested.get(key)?.most ?? 0) < ABSORBED_SHARE * s.uses)
    .map(([key, s]) => {
      const inside = nested.get(key)
      const own = inside ? s.uses - inside.uses / inside.count : s.uses
      return { s, score: Math.log2(s.ids.length) * own }
    })
    .filter((x) => x.score > 0)
    .sort((x, y) => y.score - x.score || y.s.uses - x.s.uses)

  const out: ProposedTermIds[] = []
  const claimed = new Set<string>()
  for (const { s, score } of ranked) {
    if (out.length >= MAX_TERMS) break
    const key = s.ids.join(',')
    // Names of better terms, and better terms with a word added ("developing X"), are not terms.
    if (claimed.has(key) || out.some((t) => contains(s.ids, t.ids))) continue
    const term = mostWritten(s.texts)
    const forms = termForms(corpus, s.ids, term)
    for (const f of forms) claimed.add(f.ids.join(','))
    out.push({
      term,
      aliases: forms.filter((f) => f.kind !== 'term').map((f) => f.text),
      frequency: s.uses,
      documents: s.docs,
      score: Math.round(score * 100) / 100,
      ids: s.ids,
    })
  }
  return out
}

/**
 * Fewest places a run of words must have to be counted on: a candidate needs MIN_TERM_USES uses,
 * and a run has as many places at least as any longer run it starts.
 */
const MIN_RUN_PLACES = MIN_TERM_USES

/**
 * The candidates used MIN_TERM_USES times or more (see above), by their match ids joined with
 * commas, in the order their first uses come in the corpus (by document, start, then length: the
 * order ranking keeps among equals). A candidate is a run of two to MAX_TERM_WORDS usable words
 * (no stopword, no number), each joined to the one before by JOINER, starting and ending with
 * whole written words. Counted by sorting, not in a map of every run: runs of two words are
 * sorted by their words, and only a run that has MIN_RUN_PLACES places is read on to three words,
 * and so on. Every run once held a few hundred bytes in a map: a 2 M-word document of made-up
 * words, all of them usable, ran out of a 4 GB heap.
 */
function candidates(corpus: AnalysedCorpus, run: Run): Map<string, Candidate> {
  const { docs, lexicon } = corpus
  // Per token: usable, joined to the one before, continuing the written word before it.
  const USABLE = 1
  const JOINED = 2
  const CONTINUES = 4
  run.phase('terms', docs.length)
  const marks = docs.map((doc, d) => {
    const { text, starts, ends, surface } = doc
    const m = new Uint8Array(starts.length + 1)
    for (let t = 0; t < starts.length; t++) {
      if (!lexicon.isStop(surface[t]) && !isNumber(doc, t)) m[t] |= USABLE
      if (t > 0 && JOINER.test(text.slice(ends[t - 1], starts[t]))) m[t] |= JOINED
      if (continuesWord(doc, t)) m[t] |= CONTINUES
    }
    if (continuesWord(doc, starts.length)) m[starts.length] |= CONTINUES
    run.tick(d)
    return m
  })
  run.end()
  // The runs of n words: document and start of each, sorted by their words, each with its group
  // (runs of the same words, consecutive). Runs of one group stay in the corpus's order (the
  // sorts are stable, and the runs of two words are listed in that order).
  let doc: number[] = []
  let start: number[] = []
  docs.forEach((d, k) => {
    const m = marks[k]
    for (let i = 0; i + 1 < d.starts.length; i++)
      if (m[i] & USABLE && !(m[i] & CONTINUES) && m[i + 1] & USABLE && m[i + 1] & JOINED) {
        doc.push(k)
        start.push(i)
      }
  })
  // A run's words but its last, as one number: for two words, the first word's id; then its group.
  let prefix = Uint32Array.from(doc, (k, e) => docs[k].match[start[e]])
  const found: { key: string; candidate: Candidate; doc: number; start: number; length: number }[] = []
  for (let n = 2; n <= MAX_TERM_WORDS && doc.length > 0; n++) {
    const [D, S, P] = [doc, start, prefix]
    const order = sortIndicesByKeys(identity(D.length), D.length, [(e) => P[e], (e) => docs[D[e]].match[S[e] + n - 1]])
    const sameRun = (e: number, f: number): boolean => P[e] === P[f] && docs[D[e]].match[S[e] + n - 1] === docs[D[f]].match[S[f] + n - 1]
    const next = { doc: [] as number[], start: [] as number[], prefix: [] as number[] }
    let group = 0
    for (let g = 0; g < order.length;) {
      let h = g + 1
      while (h < order.length && sameRun(order[g], order[h])) h++
      if (h - g >= MIN_RUN_PLACES) {
        // Its uses: the runs not followed by more of their written word.
        let candidate: Candidate | undefined
        let first = -1
        let lastDoc = -1
        for (let r = g; r < h; r++) {
          const e = order[r]
          const [k, i] = [D[e], S[e]]
          const d = docs[k]
          if (marks[k][i + n] & CONTINUES) continue
          if (!candidate) {
            candidate = { ids: Array.from(d.match.subarray(i, i + n)), uses: 0, docs: 0, texts: new Map() }
            first = e
          }
          candidate.uses++
          if (k !== lastDoc) {
            lastDoc = k
            candidate.docs++
          }
          const written = d.text.slice(d.starts[i], d.ends[i + n - 1])
          candidate.texts.set(written, (candidate.texts.get(written) ?? 0) + 1)
        }
        if (candidate && candidate.uses >= MIN_TERM_USES)
          found.push({ key: candidate.ids.join(','), candidate, doc: D[first], start: S[first], length: n })
        // Read on: the runs that go on with a usable word joined to it.
        for (let r = g; r < h; r++) {
          const e = order[r]
          const [k, i] = [D[e], S[e]]
          const m = marks[k]
          if (i + n < docs[k].starts.length && m[i + n] & USABLE && m[i + n] & JOINED) {
            next.doc.push(k)
            next.start.push(i)
            next.prefix.push(group)
          }
        }
        group++
      }
      g = h
    }
    doc = next.doc
    start = next.start
    prefix = Uint32Array.from(next.prefix)
  }
  found.sort((x, y) => x.doc - y.doc || x.start - y.start || x.length - y.length)
  return new Map(found.map((f) => [f.key, f.candidate]))
}

/** True when `inner` occurs as a contiguous part of `outer`. */
function contains(outer: readonly number[], inner: readonly number[]): boolean {
  for (let i = 0; i + inner.length <= outer.length; i++) {
    let k = 0
    while (k < inner.length && outer[i + k] === inner[k]) k++
    if (k === inner.length) return true
  }
  return false
}

/** The most frequent way of writing a term, preferring lower case (it is not sentence-initial). */
function mostWritten(texts: Map<string, number>): string {
  const folded = new Map<string, number>()
  for (const [t, n] of texts) folded.set(t.toLowerCase(), (folded.get(t.toLowerCase()) ?? 0) + n)
  let best = ''
  let bestCount = -1
  for (const [t, n] of folded) {
    if (n > bestCount) {
      best = t
      bestCount = n
    }
  }
  // Keep the capitals of a name ("Xi Jinping") when it is never written in lower case.
  return texts.has(best) ? best : [...texts.entries()].filter(([t]) => t.toLowerCase() === best).sort((x, y) => y[1] - x[1])[0][0]
}
