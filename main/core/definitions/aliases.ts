import type { AnalysedCorpus } from '../engine/analyse.js'

// The names a term goes by. A text may introduce an acronym right after the term ("new quality
// productive forces (NQPFs)") and use it from then on, and authors shorten a term by a word ("new
// productive forces" for "new quality productive forces"). Both are found in the corpus itself,
// never from a list: an acronym counts when its letters are the initials of the words it follows
// (a plural s allowed); a shortening counts when the term minus one inner word occurs at least
// MIN_SHORT_VARIANT_USES times.

/** Uses that make a shortened form of a term one of its names rather than a coincidence. */
export const MIN_SHORT_VARIANT_USES = 2

/** A name of a term: its match ids (normalise.ts) and the text it first appears as. */
export interface TermForm {
  ids: number[]
  text: string
  kind: 'term' | 'acronym' | 'short'
}

/**
 * A word with its plural or possessive ending folded, so "forces" = "force" and "NQPFs" = "NQPF",
 * while "productive" and "productivity" (one stem) stay apart. Used on surface forms (normalise.ts).
 */
export function foldPlural(word: string): string {
  const s = word.replace(/['’]s?$/, '')
  if (s.length > 4 && s.endsWith('ies')) return `${s.slice(0, -3)}y`
  if (s.length > 4 && /(?:s|x|ch|sh)es$/.test(s)) return s.slice(0, -2)
  if (s.length > 3 && /[^s]s$/.test(s)) return s.slice(0, -1)
  return s
}

/** Positions of the token sequence `ids` (match ids) in document `d`: start token indices. */
export function occurrences(corpus: AnalysedCorpus, d: number, ids: readonly number[]): number[] {
  const { match } = corpus.docs[d]
  const out: number[] = []
  if (ids.length === 0) return out
  for (let i = 0; i + ids.length <= match.length; i++) {
    if (match[i] !== ids[0]) continue
    let k = 1
    while (k < ids.length && match[i + k] === ids[k]) k++
    if (k === ids.length) out.push(i)
  }
  return out
}

const ACRONYM = /^[\p{Lu}][\p{Lu}\p{N}&-]*s?$/u

/** True when `acronym` spells the initials of `words` (an s for a plural allowed at the end). */
export function isAcronymOf(acronym: string, words: readonly string[]): boolean {
  if (!ACRONYM.test(acronym) || acronym.length < 2) return false
  const initials = words.map((w) => w[0]?.toUpperCase() ?? '').join('')
  return acronym === initials || acronym === `${initials}s` || acronym === `${initials}S`
}

/** The term and the names it goes by in the corpus (see above). */
export function termForms(corpus: AnalysedCorpus, termIds: readonly number[], termText: string): TermForm[] {
  const forms: TermForm[] = [{ ids: [...termIds], text: termText, kind: 'term' }]
  const seen = new Set([termIds.join(',')])
  const add = (form: TermForm): void => {
    const key = form.ids.join(',')
    if (seen.has(key)) return
    seen.add(key)
    forms.push(form)
  }
  // Shortened forms: the term without one of its inner words.
  if (termIds.length >= 3) {
    for (let drop = 1; drop < termIds.length - 1; drop++) {
      const ids = termIds.filter((_, k) => k !== drop)
      let uses = 0
      let text = ''
      corpus.docs.forEach((doc, d) => {
        for (const at of occurrences(corpus, d, ids)) {
          // Not the full term with a word missing from the tokens, but a real shorter use.
          uses++
          if (!text) text = doc.text.slice(doc.starts[at], doc.ends[at + ids.length - 1])
        }
      })
      if (uses >= MIN_SHORT_VARIANT_USES) add({ ids, text: text.toLowerCase() === text ? text : text.toLowerCase(), kind: 'short' })
    }
  }
  // Acronyms introduced in brackets right after the term or a shortened form.
  for (const form of [...forms]) {
    corpus.docs.forEach((doc, d) => {
      for (const at of occurrences(corpus, d, form.ids)) {
        const last = at + form.ids.length - 1
        if (last + 1 >= doc.starts.length) continue
        const gap = doc.text.slice(doc.ends[last], doc.starts[last + 1])
        if (!/^\s*\($/.test(gap)) continue
        const after = doc.text.slice(doc.ends[last + 1], doc.ends[last + 1] + 1)
        if (after !== ')') continue
        const acronym = doc.text.slice(doc.starts[last + 1], doc.ends[last + 1])
        const words: string[] = []
        for (let t = at; t <= last; t++) words.push(doc.text.slice(doc.starts[t], doc.ends[t]))
        if (isAcronymOf(acronym, words)) add({ ids: [doc.match[last + 1]], text: acronym, kind: 'acronym' })
      }
    })
  }
  return forms
}
