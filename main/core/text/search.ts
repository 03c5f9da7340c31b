import { matchForm, surfaceForm, withoutSign } from '../engine/normalise.js'
import { tokenize } from '../engine/tokenize.js'
import { LineEndHyphens } from '../engine/line-end-hyphens.js'
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
  // The sign a word is written with aside (tokenize.ts): "conf*" finds "+configuration".
  return withoutSign(surfaceForm(foldString(word)))
}

/** A word's match form, stemmed, without accents: what a query word is compared to. */
export function searchKey(word: string): string {
  return matchForm(surfaceForm(foldString(word)), true)
}

/**
 * The words of a text as search compares them: each token's offsets (UTF-16 units) and the id of
 * its word, and each distinct word's forms once (a long text repeats its words: ids keep the
 * index to a few bytes a token, and each word's forms are read once).
 */
export interface WordIndex {
  starts: Uint32Array
  ends: Uint32Array
  /** Per token: its word's index in `surfaces` and `keys`. */
  ids: Uint32Array
  /** Per distinct word: its surface form without accents (what a wildcard is compared to). */
  surfaces: string[]
  /** Per distinct word: its match form (what a query word is compared to). */
  keys: string[]
}

/**
 * UTF-16 units read between two pauses when a text is indexed in steps: a step takes a few tens of
 * milliseconds, what a UI request may wait; smaller steps pause more often for nothing.
 */
export const INDEX_STEP_UNITS = 1 << 17
/** Tokens compared with a query between two pauses of `findHitsInSteps` (cheaper than reading them). */
export const FIND_STEP_TOKENS = 1 << 20
/** How far past a step's end a word boundary is looked for before the text is cut there anyway. */
const BOUNDARY_LOOKAHEAD = 1 << 12
/** A letter or digit followed by white space: no word (not even a hyphenated one) runs across. */
const WORD_BOUNDARY = /[\p{L}\p{N}]\s/u

/** Where the step from `from` ends: at a word boundary near `from + INDEX_STEP_UNITS`. */
function stepEnd(text: string, from: number): number {
  const to = from + INDEX_STEP_UNITS
  if (to >= text.length) return text.length
  const m = WORD_BOUNDARY.exec(text.slice(to, to + BOUNDARY_LOOKAHEAD))
  if (m) return to + m.index + 1
  // No ordinary word nearby (one endless token): cut, but never inside a surrogate pair.
  const c = text.charCodeAt(to - 1)
  return c >= 0xd800 && c <= 0xdbff ? to - 1 : to
}

/**
 * Reads a text's words for search step by step (INDEX_STEP_UNITS at a time), yielding between
 * steps so that a caller serving a UI can let other work run (main/node/service/steps.ts); the
 * generator's return value is the index. `indexWords` runs it in one go.
 */
export function* indexWordsInSteps(text: string): Generator<void, WordIndex> {
  let starts = new Uint32Array(Math.max(16, (text.length / 5) | 0))
  let ends = new Uint32Array(starts.length)
  let ids = new Uint32Array(starts.length)
  let count = 0
  const wordIds = new Map<string, number>()
  const surfaces: string[] = []
  const keys: string[] = []
  // The whole text's line-end hyphens, so that each part's words are the engine's.
  const hyphens = new LineEndHyphens(text)
  for (let from = 0; from < text.length;) {
    const to = stepEnd(text, from)
    const part = text.slice(from, to)
    const spans = tokenize(part, false, hyphens)
    if (count + spans.count > starts.length) {
      const size = Math.max(count + spans.count, starts.length * 2)
      const grow = (a: Uint32Array) => {
        const b = new Uint32Array(size)
        b.set(a.subarray(0, count))
        return b
      }
      starts = grow(starts)
      ends = grow(ends)
      ids = grow(ids)
    }
    for (let i = 0; i < spans.count; i++) {
      const raw = part.slice(spans.starts[i], spans.ends[i])
      let id = wordIds.get(raw)
      if (id === undefined) {
        id = surfaces.length
        wordIds.set(raw, id)
        surfaces.push(searchSurface(raw))
        keys.push(searchKey(raw))
      }
      starts[count] = from + spans.starts[i]
      ends[count] = from + spans.ends[i]
      ids[count] = id
      count++
    }
    from = to
    if (from < text.length) yield
  }
  return { starts: starts.subarray(0, count), ends: ends.subarray(0, count), ids: ids.subarray(0, count), surfaces, keys }
}

/** Reads a text's words for search in one go (see indexWordsInSteps). */
export function indexWords(text: string): WordIndex {
  return finish(indexWordsInSteps(text))
}

/** Runs a generator of steps to its end without pausing. */
function finish<T>(steps: Generator<void, T>): T {
  for (;;) {
    const r = steps.next()
    if (r.done) return r.value
  }
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

/** Which of the index's words each query word matches: one flag per distinct word. */
function matchingWords(index: WordIndex, word: QueryWord): Uint8Array {
  const flags = new Uint8Array(index.keys.length)
  for (let id = 0; id < flags.length; id++)
    flags[id] = word.prefix ? (index.surfaces[id].startsWith(word.key) ? 1 : 0) : index.keys[id] === word.key ? 1 : 0
  return flags
}

/**
 * Occurrences of the query's terms in one text, in text order, at most `limit` (the first ones):
 * compared FIND_STEP_TOKENS tokens at a time, yielding between (see indexWordsInSteps); the
 * generator's return value is the hits. `map` is the text's offset map, if one is kept.
 */
export function* findHitsInSteps(
  text: string,
  index: WordIndex,
  terms: readonly QueryTerm[],
  limit = MAX_HITS,
  map = new OffsetMap(text),
): Generator<void, Hit[]> {
  const hits: Hit[] = []
  const flags = terms.map((t) => t.words.map((w) => matchingWords(index, w)))
  const n = index.ids.length
  for (let i = 0; i < n && hits.length < limit; i++) {
    if (i > 0 && i % FIND_STEP_TOKENS === 0) yield
    for (let t = 0; t < terms.length && hits.length < limit; t++) {
      const words = flags[t]
      const k = words.length
      if (i + k > n) continue
      let j = 0
      while (j < k && words[j][index.ids[i + j]] === 1) j++
      if (j < k) continue
      const u0 = index.starts[i]
      const u1 = index.ends[i + k - 1]
      hits.push({
        start: map.toCodePoint(u0),
        end: map.toCodePoint(u1),
        match: text.slice(u0, u1),
        left: text.slice(Math.max(0, u0 - KWIC_CONTEXT), u0).replace(/\s+/g, ' '),
        right: text.slice(u1, u1 + KWIC_CONTEXT).replace(/\s+/g, ' '),
        term: terms[t].text,
      })
    }
  }
  return hits.sort((a, b) => a.start - b.start || a.end - b.end)
}

/** Occurrences of the query's terms in one text, in one go (see findHitsInSteps). */
export function findHits(text: string, index: WordIndex, terms: readonly QueryTerm[], limit = MAX_HITS, map?: OffsetMap): Hit[] {
  return finish(findHitsInSteps(text, index, terms, limit, map))
}

/** The text around [start, end) (code points), whitespace folded, for lists of passages. */
export function contextOf(map: OffsetMap, start: number, end: number, width = KWIC_CONTEXT): { before: string; after: string } {
  return {
    before: map.slice(Math.max(0, start - width), start).replace(/\s+/g, ' '),
    after: map.slice(end, Math.min(map.codePointLength, end + width)).replace(/\s+/g, ' '),
  }
}
