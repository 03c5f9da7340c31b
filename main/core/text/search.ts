import { OffsetMap } from './offsets.js'

// Full-text search and keyword-in-context: case- and diacritic-insensitive, words and "quoted
// phrases". The text is folded character by character so every match maps back to exact offsets
// in the original.

/** Characters of context either side of a hit in the concordance. */
export const KWIC_CONTEXT = 60
/** Most hits returned for one query: enough to read, few enough to render at once. */
export const MAX_HITS = 2000

/** A text folded for matching, with the original UTF-16 offset of every folded unit. */
export interface Folded {
  text: string
  /** origin[i] = UTF-16 offset in the original of folded unit i; origin[text.length] = original length. */
  origin: Uint32Array
}

/** Folds one string: NFD, combining marks removed, lower case; curly quotes and dashes made plain. */
export function foldString(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201f\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
}

/** Folds a text for search, keeping offsets. */
export function fold(text: string): Folded {
  let out = ''
  const origin: number[] = []
  for (let i = 0; i < text.length;) {
    const cp = text.codePointAt(i)!
    const ch = String.fromCodePoint(cp)
    const f = /\s/.test(ch) ? ' ' : foldString(ch)
    for (let k = 0; k < f.length; k++) origin.push(i)
    out += f
    i += ch.length
  }
  origin.push(text.length)
  return { text: out, origin: Uint32Array.from(origin) }
}

/** The terms of a query: "quoted phrases" and single words, folded. */
export function parseQuery(query: string): string[] {
  const terms: string[] = []
  for (const m of query.matchAll(/"([^"]+)"|(\S+)/g)) {
    const term = foldString((m[1] ?? m[2]).trim())
    if (term) terms.push(term)
  }
  return [...new Set(terms)]
}

export interface Hit {
  /** Code point offsets of the match in the original text. */
  start: number
  end: number
  /** The matched text and its context, from the original text. */
  match: string
  left: string
  right: string
  term: string
}

function isWordChar(c: string | undefined): boolean {
  return c !== undefined && /[\p{L}\p{N}]/u.test(c)
}

/**
 * Occurrences of the query's terms in one text, in text order. A term matches at word
 * boundaries at its ends (so "form" does not match inside "reform").
 */
export function findHits(text: string, folded: Folded, terms: readonly string[], limit = MAX_HITS): Hit[] {
  const map = new OffsetMap(text)
  const hits: Hit[] = []
  for (const term of terms) {
    for (let i = folded.text.indexOf(term); i !== -1 && hits.length < limit; i = folded.text.indexOf(term, i + 1)) {
      const j = i + term.length
      if ((isWordChar(term[0]) && isWordChar(folded.text[i - 1])) || (isWordChar(term[term.length - 1]) && isWordChar(folded.text[j])))
        continue
      const u0 = folded.origin[i]
      const u1 = folded.origin[j]
      hits.push({
        start: map.toCodePoint(u0),
        end: map.toCodePoint(u1),
        match: text.slice(u0, u1),
        left: text.slice(Math.max(0, u0 - KWIC_CONTEXT), u0).replace(/\s+/g, ' '),
        right: text.slice(u1, u1 + KWIC_CONTEXT).replace(/\s+/g, ' '),
        term,
      })
    }
  }
  return hits.sort((a, b) => a.start - b.start || a.end - b.end)
}

/** The text around [start, end) (code points), whitespace folded, for lists of passages. */
export function contextOf(map: OffsetMap, start: number, end: number, width = KWIC_CONTEXT): { before: string; after: string } {
  return {
    before: map.slice(Math.max(0, start - width), start).replace(/\s+/g, ' '),
    after: map.slice(end, Math.min(map.codePointLength, end + width)).replace(/\s+/g, ' '),
  }
}
