import { DocumentMemo } from './document-memo.js'
import { ELIDING, foreignFunctionWords, NEGATIONS, unelided } from './languages.js'
import { Lexicon } from './lexicon.js'
import { negates } from './stopwords.js'
import type { Run } from './progress.js'
import { tokenize } from './tokenize.js'
import { lowerBound } from '../text/sorted.js'

// A corpus as the engine holds it: per document, its tokens as parallel typed arrays (offsets,
// surface ids, match ids) and the positions of its content words. No per-token objects, so a
// corpus of tens of millions of words fits in a few hundred megabytes.

/**
 * A text handed to the engine: an id the caller chose and the text exactly as decoded.
 * `boilerplate` marks a text known to be boilerplate (a project's excluded range, given on its
 * own): it is matched like any document, but never shown as a passage; an overlap that includes
 * it is labelled boilerplate.
 */
export interface EngineDocument {
  id: string
  text: string
  boilerplate?: boolean
}

export interface AnalysedDocument {
  id: string
  text: string
  /** Token i spans text.slice(starts[i], ends[i]) (UTF-16 offsets). */
  starts: Uint32Array
  ends: Uint32Array
  /** Surface id of each token (normalise.ts). */
  surface: Uint32Array
  /** Match id of each token (normalise.ts). */
  match: Uint32Array
  /** Token indices of the content (non-function) words, ascending. */
  content: Uint32Array
  /**
   * Per block of CONTENT_BLOCK tokens, the index in `content` of the first content word at or after
   * the block's first token (`content.length` if none): what contentFrom searches between, one
   * block's few entries instead of all of them.
   */
  contentBlocks: Uint32Array
  /**
   * Token indices, ascending, of the function words of another language than English in the
   * sentences written in it (languages.ts), usually none: with the English ones (Lexicon.isStop),
   * the tokens that are not content words (isFunctionWord).
   */
  foreign: Uint32Array
  /**
   * The sentences written in another language than English (languages.ts), usually none: tokens
   * [from, to) and the language's index in OTHER_LANGUAGES, three numbers each, ascending.
   */
  foreignSentences: Uint32Array
  /**
   * Token indices, ascending, of the words written otherwise than their surface form (British
   * spelling: "labour" is read as "labor"; normalise.ts), usually none. Where spelling counts (an
   * overlap's kind, its variants: respelled.ts) two tokens of one surface form are spelled alike
   * unless exactly one of them is listed here.
   */
  respelled: Uint32Array
}

export interface AnalysedCorpus {
  docs: AnalysedDocument[]
  lexicon: Lexicon
  /** Number of documents each match id occurs in. */
  docFreq: Uint32Array
  /** Total number of word tokens. */
  words: number
  /**
   * Each document's position among those the caller gave (the engine reads them in another
   * order, content-order.ts): the reasons name a pair's words in the order its passages are
   * shown. Absent: the order held.
   */
  given?: readonly number[]
}

/** Whether token t of `doc` is a content word (one of doc.content). */
export function isContentToken(doc: Pick<AnalysedDocument, 'content' | 'contentBlocks'>, t: number): boolean {
  return doc.content[contentFrom(doc, t)] === t
}

/** Whether document a was given before document b (AnalysedCorpus.given), or is b. */
export function givenFirst(corpus: Pick<AnalysedCorpus, 'given'>, a: number, b: number): boolean {
  return corpus.given ? corpus.given[a] <= corpus.given[b] : a <= b
}

/**
 * Tokens per entry of AnalysedDocument.contentBlocks, as a power of two (CONTENT_BLOCK_SHIFT):
 * contentFrom searches a block's content words, at most this many (a few cache lines), not the
 * whole document's. The engine asks for the content positions of every pair's edges, again and
 * again as the pair is extended, measured and judged: counted on Debian's changelogs (before
 * movedEdges, moved-edge.ts), 14 M binary searches a run of arrays of more than 4,096 entries,
 * most of them of content words. A search of a whole document's took 120-200 ns (a
 * microbenchmark of random tokens, documents of 5,000 to 500,000 content words), one of a block
 * about 50; the changelogs' alignment was 0.3-0.8 s shorter (of about 7.5 s) in five of six
 * side-by-side runs. The index costs 4 bytes per 64 tokens.
 */
export const CONTENT_BLOCK_SHIFT = 6
export const CONTENT_BLOCK = 1 << CONTENT_BLOCK_SHIFT

/**
 * The index in doc.content of the first content word at token t or after it
 * (doc.content.length if none), t a token index (an integer, negative or past the last token
 * too): lowerBound(doc.content, t), searched within t's block. Content words of tokens [t0, t1]
 * are content positions [contentFrom(doc, t0), contentFrom(doc, t1 + 1)).
 */
export function contentFrom(doc: Pick<AnalysedDocument, 'content' | 'contentBlocks'>, t: number): number {
  const { content, contentBlocks: blocks } = doc
  if (t <= 0) return 0
  const b = t >> CONTENT_BLOCK_SHIFT
  return b + 1 < blocks.length ? lowerBound(content, t, blocks[b], blocks[b + 1]) : content.length
}

/** The match ids of the content words of tokens [t0, t1] of a document. */
export function contentMatchSet(doc: Pick<AnalysedDocument, 'content' | 'contentBlocks' | 'match'>, t0: number, t1: number): Set<number> {
  const out = new Set<number>()
  for (let c = contentFrom(doc, t0); c < doc.content.length && doc.content[c] <= t1; c++) out.add(doc.match[doc.content[c]])
  return out
}

/** AnalysedDocument.contentBlocks of content words `content` (token indices, ascending) of `count` tokens. */
export function contentBlocksOf(content: Uint32Array, count: number): Uint32Array {
  // An entry per block up to the one after the last token's (one more when the last token ends
  // a block): contentFrom reads a block's entry and the next.
  const blocks = new Uint32Array((count >> CONTENT_BLOCK_SHIFT) + 2)
  let c = 0
  for (let b = 0; b < blocks.length; b++) {
    const first = b << CONTENT_BLOCK_SHIFT
    while (c < content.length && content[c] < first) c++
    blocks[b] = c
  }
  return blocks
}

/** The respelled tokens of a document with none: one empty array for all. */
const NONE_RESPELLED = new Uint32Array(0)
/** A text's foreignSentences where it has none (most): one empty array for all. */
const NONE_FOREIGN = new Uint32Array(0)

/**
 * Tokenises and normalises every document, in one pass over each text (tokenize.ts hashes each
 * token as it reads it, and the lexicon finds the token by that hash). A text identical to an
 * earlier one (a file saved twice, a licence shipped in several packages) shares the earlier
 * one's arrays: it is read once, and held once.
 */
export function analyse(documents: readonly EngineDocument[], stem: boolean, run: Run): AnalysedCorpus {
  const lexicon = new Lexicon(stem)
  const docs: AnalysedDocument[] = []
  const byText = new Map<string, AnalysedDocument>()
  let words = 0
  run.phase('tokenize', documents.length)
  for (let d = 0; d < documents.length; d++) {
    const { id, text } = documents[d]
    const same = byText.get(text)
    if (same) {
      words += same.starts.length
      docs.push({ ...same, id })
      run.tick(d)
      continue
    }
    const { starts, ends, count, hashes } = tokenize(text, true)
    const surface = new Uint32Array(count)
    const match = new Uint32Array(count)
    const respelled: number[] = []
    for (let i = 0; i < count; i++) {
      const raw = lexicon.internSpan(text, starts[i], ends[i], hashes![i])
      surface[i] = lexicon.surfaceOfRaw(raw)
      match[i] = lexicon.matchOfRaw(raw)
      if (lexicon.isRespelledRaw(raw)) respelled.push(i)
      run.tick(d)
    }
    const { words: foreign, sentences } = foreignFunctionWords(text, starts, ends, surface, count, lexicon)
    // A French or Italian sentence's words matched without their elided articles (languages.ts).
    for (let k = 0; k < sentences.length; k += 3) {
      if (!ELIDING.has(sentences[k + 2])) continue
      for (let i = sentences[k]; i < sentences[k + 1]; i++) {
        const rest = unelided(lexicon.surfaces[surface[i]])
        if (rest !== undefined) match[i] = lexicon.matchOfForm(rest)
      }
    }
    const contentBuffer = new Uint32Array(count)
    let contentCount = 0
    for (let i = 0, f = 0; i < count; i++) {
      if (f < foreign.length && foreign[f] === i) f++
      else if (!lexicon.isStop(surface[i])) contentBuffer[contentCount++] = i
    }
    words += count
    const content = contentBuffer.slice(0, contentCount)
    const doc: AnalysedDocument = {
      id,
      text,
      starts,
      ends,
      surface,
      match,
      content,
      contentBlocks: contentBlocksOf(content, count),
      foreign,
      foreignSentences: sentences.length ? Uint32Array.from(sentences) : NONE_FOREIGN,
      respelled: respelled.length ? Uint32Array.from(respelled) : NONE_RESPELLED,
    }
    byText.set(text, doc)
    docs.push(doc)
  }
  run.end()
  const docFreq = new Uint32Array(lexicon.matchCount)
  const lastSeen = new Int32Array(lexicon.matchCount).fill(-1)
  for (let d = 0; d < docs.length; d++) {
    const match = docs[d].match
    for (let i = 0; i < match.length; i++) {
      const m = match[i]
      if (lastSeen[m] !== d) {
        lastSeen[m] = d
        docFreq[m]++
      }
    }
  }
  return { docs, lexicon, docFreq, words }
}

/**
 * Whether token t of `doc` is a function word: an English one (or a Chinese or Japanese one:
 * normalise.ts), or one of the language its sentence is written in (AnalysedDocument.foreign).
 */
export function isFunctionWord(lexicon: Lexicon, doc: AnalysedDocument, t: number): boolean {
  return lexicon.isStop(doc.surface[t]) || foreignAt(doc, t)
}

/** Whether token t of `doc` is a function word of the language besides English its sentence is written in (AnalysedDocument.foreign). */
export function foreignAt(doc: AnalysedDocument, t: number): boolean {
  return doc.foreign.length > 0 && doc.foreign[lowerBound(doc.foreign, t)] === t
}

/**
 * The language tokens [t0, t1] of `doc` are written in: the index in OTHER_LANGUAGES (languages.ts)
 * of the one that more than half of them are read in, by their sentences (foreignSentences), else
 * -1, English (or no language the engine knows).
 */
export function languageOf(doc: AnalysedDocument, t0: number, t1: number): number {
  const s = doc.foreignSentences
  if (s.length === 0) return -1
  // (The first sentence that ends after t0, by halves: the sentences are in order and apart.)
  let low = 0
  let high = s.length / 3
  while (low < high) {
    const mid = (low + high) >> 1
    if (s[3 * mid + 1] <= t0) low = mid + 1
    else high = mid
  }
  const counts = new Map<number, number>()
  for (let k = 3 * low; k < s.length && s[k] <= t1; k += 3) {
    const from = Math.max(s[k], t0)
    const to = Math.min(s[k + 1], t1 + 1)
    if (from < to) counts.set(s[k + 2], (counts.get(s[k + 2]) ?? 0) + to - from)
  }
  for (const [language, count] of counts) if (2 * count > t1 - t0 + 1) return language
  return -1
}

/**
 * The language tokens [t0, t1] of `doc` are written in as a translation is told from a
 * restatement (overlaps.ts): languageOf; where their sentences decide none and they write no
 * English function word, the language most of the document is read in. A line of a German page
 * with no function word at all ("Verfügbare Namensräume: ipc, mnt, net, pid, user, uts.") is
 * German, and restated another German page's sentence (a reviewer); a paragraph a French page
 * left in English ("the", "of") is English.
 */
export function writtenIn(doc: AnalysedDocument, t0: number, t1: number): number {
  const own = languageOf(doc, t0, t1)
  if (own >= 0 || doc.foreignSentences.length === 0) return own
  // English's function words: the tokens that are no content words, nor another language's.
  let c = contentFrom(doc, t0)
  for (let t = t0; t <= t1; t++) {
    while (c < doc.content.length && doc.content[c] < t) c++
    if (doc.content[c] !== t && !foreignAt(doc, t)) return own
  }
  return documentLanguages.get(doc)
}

/** Per document asked, the language most of it is read in (writtenIn). */
const documentLanguages = new DocumentMemo((doc: AnalysedDocument) => languageOf(doc, 0, doc.starts.length - 1))

/**
 * Whether token t of `doc`, of surface forms `surfaces`, negates what follows it: an English
 * negation (stopwords.ts negates), or one of the language its sentence is written in
 * (languages.ts NEGATIONS).
 */
export function negatesAt(surfaces: readonly string[], doc: AnalysedDocument, t: number): boolean {
  return negates(surfaces[doc.surface[t]]) || foreignNegationAt(surfaces, doc, t)
}

/** Whether token t of `doc` is a negation of the language besides English its sentence is written in (languages.ts NEGATIONS). */
export function foreignNegationAt(surfaces: readonly string[], doc: AnalysedDocument, t: number): boolean {
  return doc.foreign.length > 0 && NEGATIONS.has(surfaces[doc.surface[t]]) && foreignAt(doc, t)
}

/**
 * What a function of a span of a document's tokens alone (its text, offsets and ids) gives, read
 * once per text and span: the copies of a text share its arrays (see analyse), so a span of one
 * copy gives what the same span of another does. An overlap of a licence shipped in several
 * packages has a passage at the same tokens of each copy (on Debian's copyright files, 139 k of
 * the 240 k passages shown).
 */
export class SpanMemo<T, D extends Pick<AnalysedDocument, 'starts'> = AnalysedDocument> {
  /** Per text (its tokens' starts, which only its copies share), the last span read from each start token. */
  private readonly texts = new Map<Uint32Array, Map<number, { end: number; value: T }>>()

  constructor(private readonly read: (doc: D, start: number, end: number) => T) {}

  /** What `read` gives for tokens [start, end] of `doc`. */
  get(doc: D, start: number, end: number): T {
    let spans = this.texts.get(doc.starts)
    if (!spans) this.texts.set(doc.starts, (spans = new Map()))
    let span = spans.get(start)
    if (span?.end !== end) spans.set(start, (span = { end, value: this.read(doc, start, end) }))
    return span.value
  }
}

/**
 * Rarity weight of a match id: smoothed inverse document frequency, ln((N + 1) / (df + 0.5)).
 * A word in every document weighs ~0.1 in a small corpus, one in a single document ~1.4 among
 * five documents and more in larger corpora; the smoothing keeps weights positive and finite.
 */
export function rarity(corpus: AnalysedCorpus, matchId: number): number {
  return rarityIn(corpus.docs.length, corpus.docFreq[matchId])
}

/** The rarity weight (see rarity) of a word in `df` of `documents` documents. */
export function rarityIn(documents: number, df: number): number {
  return Math.log((documents + 1) / (df + 0.5))
}
