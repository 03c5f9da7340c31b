import { type AnalysedCorpus, type EngineDocument, analyse } from '../engine/analyse.js'
import { termForms } from './aliases.js'
import { type EngineHooks, Run } from '../engine/progress.js'
import { isNumber } from '../engine/nonwords.js'
import { continuesWord } from '../engine/word-edges.js'

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
const JOINER = /^[ \u00a0]*[-\u2010]?[ \u00a0]*$/

/** Proposes the key terms of a corpus (see above). */
export function proposeTerms(
  documents: readonly EngineDocument[],
  options: { stem?: boolean } = {},
  hooks: EngineHooks = {},
): ProposedTerm[] {
  const run = new Run(hooks)
  return proposeTermsIn(analyse(documents, options.stem ?? true, run), run).map(({ ids: _ids, ...term }) => term)
}

/** proposeTerms on an analysed corpus. */
export function proposeTermsIn(corpus: AnalysedCorpus, run: Run): ProposedTermIds[] {
  const { docs, lexicon } = corpus
  const stats = new Map<string, { ids: number[]; uses: number; docs: number; lastDoc: number; texts: Map<string, number> }>()
  run.phase('terms', docs.length)
  docs.forEach((doc, d) => {
    const { text, starts, ends, match, surface } = doc
    const usable = (t: number): boolean => !lexicon.isStop(surface[t]) && !isNumber(doc, t)
    for (let i = 0; i < starts.length; i++) {
      // A term starts and ends with whole written words: not "js v20" of "Node.js v20.20.2".
      if (!usable(i) || continuesWord(doc, i)) continue
      for (let j = i + 1; j < starts.length && j - i < MAX_TERM_WORDS; j++) {
        if (!usable(j) || !JOINER.test(text.slice(ends[j - 1], starts[j]))) break
        if (continuesWord(doc, j + 1)) continue
        const ids = Array.from(match.subarray(i, j + 1))
        const key = ids.join(',')
        let s = stats.get(key)
        if (!s) stats.set(key, (s = { ids, uses: 0, docs: 0, lastDoc: -1, texts: new Map() }))
        s.uses++
        if (s.lastDoc !== d) {
          s.lastDoc = d
          s.docs++
        }
        const written = text.slice(starts[i], ends[j])
        s.texts.set(written, (s.texts.get(written) ?? 0) + 1)
      }
      run.tick(d)
    }
  })
  run.end()
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
