import { matchForm, surfaceForm } from '../engine/normalise.js'
import { tokenize } from '../engine/tokenize.js'
import { OffsetMap } from './offsets.js'

// Full-text search and keyword-in-context, reading words as the engine does (engine/tokenize.ts,
// engine/normalise.ts): spelling variants and word forms match ("labor" = "labour" = "labours"),
// case and accents do not matter, `*` ends a word with any ending, "quoted phrases" match words in
// a row. Every hit is cut from the original text by the tokens' offsets.

/** Characters of context either side of a hit in the concordance. */
export const KWIC_CONTEXT = 60
/** Most hits returned for one query: enough to read, few enough to render at once. */
export const MAX_HITS = 2000

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

/**
 * One term of a query: a word, a word with a trailing `*` (any ending), or a "quoted phrase" of
 * such words, which must follow one another in the text (punctuation between them is ignored).
 */
export interface QueryTerm {
  /** The term as typed, for display ("labor", "innovat*", "\"free trade\""). */
  text: string
  words: QueryWord[]
}

/** A word of a query: its match form, or (wildcard) the start of a surface form. */
export interface QueryWord {
  key: string
  prefix: boolean
}

/** How a query reads, for the syntax hint under the search field. */
export const QUERY_SYNTAX = 'labor finds labour, labors · innovat* any ending · "exact phrase"'

/**
 * The terms of a query: "quoted phrases" and single words, each word reduced as the engine reads
 * it (normalise.ts: American spelling, possessive dropped, stemmed) and accent- and
 * case-insensitive, so "labor" finds "labour" and "Labours". A trailing `*` matches any ending of
 * the word's surface form ("innovat*" finds "innovation", "innovative"). Text with no word in it
 * (punctuation alone) is no term.
 */
export function parseQuery(query: string): QueryTerm[] {
  const terms: QueryTerm[] = []
  const seen = new Set<string>()
  for (const m of query.matchAll(/"([^"]+)"|(\S+)/g)) {
    const raw = (m[1] ?? m[2]).trim()
    const words: QueryWord[] = []
    const spans = tokenize(raw)
    for (let i = 0; i < spans.count; i++) {
      const word = raw.slice(spans.starts[i], spans.ends[i])
      const prefix = raw[spans.ends[i]] === '*'
      words.push({ key: prefix ? searchSurface(word) : searchKey(word), prefix })
    }
    if (words.length === 0) continue
    const id = words.map((w) => w.key + (w.prefix ? '*' : '')).join(' ')
    if (seen.has(id)) continue
    seen.add(id)
    terms.push({ text: m[1] !== undefined ? `"${raw}"` : raw, words })
  }
  return terms
}

/** A word's surface form (normalise.ts) without accents: what a wildcard's stem is compared to. */
export function searchSurface(word: string): string {
  return surfaceForm(foldString(word))
}

/** A word's match form, stemmed, without accents: what a query word is compared to. */
export function searchKey(word: string): string {
  return matchForm(surfaceForm(foldString(word)), true)
}

/** The words of a text as search compares them, with their offsets (UTF-16 units). */
export interface WordIndex {
  starts: Uint32Array
  ends: Uint32Array
  surfaces: string[]
  keys: string[]
}

/** Reads a text's words for search (made once per text version; see TextCache). */
export function indexWords(text: string): WordIndex {
  const spans = tokenize(text)
  const surfaces: string[] = []
  const keys: string[] = []
  const memo = new Map<string, [string, string]>()
  for (let i = 0; i < spans.count; i++) {
    const raw = text.slice(spans.starts[i], spans.ends[i])
    let forms = memo.get(raw)
    if (!forms) {
      forms = [searchSurface(raw), searchKey(raw)]
      memo.set(raw, forms)
    }
    surfaces.push(forms[0])
    keys.push(forms[1])
  }
  return { starts: spans.starts.subarray(0, spans.count), ends: spans.ends.subarray(0, spans.count), surfaces, keys }
}

export interface Hit {
  /** Code point offsets of the match in the original text. */
  start: number
  end: number
  /** The matched text and its context, from the original text. */
  match: string
  left: string
  right: string
  /** The query term it matched, as typed. */
  term: string
}

function wordMatches(index: WordIndex, i: number, word: QueryWord): boolean {
  return word.prefix ? index.surfaces[i].startsWith(word.key) : index.keys[i] === word.key
}

/** Occurrences of the query's terms in one text, in text order (at most `limit`). */
export function findHits(text: string, index: WordIndex, terms: readonly QueryTerm[], limit = MAX_HITS): Hit[] {
  const map = new OffsetMap(text)
  const hits: Hit[] = []
  const n = index.keys.length
  for (const term of terms) {
    const k = term.words.length
    for (let i = 0; i + k <= n && hits.length < limit; i++) {
      let j = 0
      while (j < k && wordMatches(index, i + j, term.words[j])) j++
      if (j < k) continue
      const u0 = index.starts[i]
      const u1 = index.ends[i + k - 1]
      hits.push({
        start: map.toCodePoint(u0),
        end: map.toCodePoint(u1),
        match: text.slice(u0, u1),
        left: text.slice(Math.max(0, u0 - KWIC_CONTEXT), u0).replace(/\s+/g, ' '),
        right: text.slice(u1, u1 + KWIC_CONTEXT).replace(/\s+/g, ' '),
        term: term.text,
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
