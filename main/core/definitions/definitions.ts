import { type AnalysedCorpus, type AnalysedDocument, type EngineDocument, analyse } from '../engine/analyse.js'
import { foldPlural, occurrences, type TermForm, termForms } from './aliases.js'
import { type Attribution, attribute, quotations } from './attribution.js'
import { type Facet, findFacets } from './facets.js'
import { type EngineHooks, Run } from '../engine/progress.js'
import { continues, type DefinitionPattern, isQuestion, judgeMention, type MentionKind, PRONOUN_ANSWER } from './patterns.js'
import { sentenceStarts } from '../engine/sentences.js'
import { surfaceForm } from '../engine/normalise.js'
import { OffsetMap } from '../text/offsets.js'
import { proposeTermsIn, type ProposedTerm } from './terms.js'
import { type Timeline, timelineOf } from './timeline.js'
import { tokenize } from '../engine/tokenize.js'
import { lastAtOrBefore, lowerBound } from '../text/sorted.js'
import { UnionFind } from '../text/union-find.js'

// How each text defines or characterises a term, compared part by part across authors.
//   1. Mentions. Every use of the term or one of its names (aliases.ts): the words must be the
//      term's, not its stems ("productive" is not "productivity"); only a plural or possessive
//      may differ on the last word, and a modifier may differ by its stem ("new production
//      forces"). A term split by a coordination counts in a contrast ("the distinction between
//      the new and traditional productive forces").
//   2. Verdicts (patterns.ts). For each sentence, the first mention whose frame and predicate
//      define the term makes it a definition, with a pattern and a confidence; a sentence whose
//      term is the subject of a history, status or importance predicate is a mention, listed
//      apart. "What is X?" takes the next sentence as its answer when it reads as one.
//   3. Runs. A definition takes the sentences that continue it (patterns.ts `continues`: "They
//      ...", "Instead, they ...", "In other words", a quoted part of the term), at most
//      MAX_RUN_SENTENCES in all.
//   4. Attribution (attribution.ts). A definition in someone else's words says whose, and which
//      words are theirs; the same quotation used by several authors is one `quotations` entry,
//      with each author's framing.
//   5. Groups and shared phrases: definitions of different documents sharing content-word pairs
//      (kept from earlier versions of this result), and facets (facets.ts): the definitions split
//      into components and aligned across authors.
// Offsets in the result are Unicode code points into the texts as given.

/** The words of someone the author quotes or reports: code points [start, end) within the definition. */
export interface QuotedWords {
  speaker: string
  start: number
  end: number
  /** In quotation marks, or reported ("X once pointed out that ..."). */
  form: 'quotation' | 'reported'
  /** The words that introduce the speaker, the quoted words shown as "…". */
  lead: string
}

/** One definition: code points [start, end) of document `doc`, its text, and what it shares. */
export interface Definition {
  doc: string
  start: number
  end: number
  text: string
  /** Which pattern found it (patterns.ts). */
  pattern: DefinitionPattern
  /** How sure the pattern is that the text defines the term, 0..1 (patterns.ts PATTERN_CONFIDENCE). */
  confidence: number
  /** The mention of the term (or alias) the pattern matched, code points. */
  mention: { start: number; end: number; text: string }
  /** When the definition is someone else's words: whose, and which words. */
  quoted?: QuotedWords
  /** Phrases this definition shares with definitions in other documents. */
  shared: SharedPhrase[]
  /** Index into the result's `groups`. */
  group: number
}

/** A phrase of a definition (code points into its document) also found in other documents' definitions. */
export interface SharedPhrase {
  text: string
  start: number
  end: number
  docs: string[]
}

/** Definitions of different documents that share phrases or a quotation, or one definition alone. */
export interface DefinitionGroup {
  /** Indices into `definitions`. */
  definitions: number[]
  docs: string[]
}

/** A sentence that uses the term as its subject without defining it: its history, status or importance. */
export interface TermMention {
  doc: string
  start: number
  end: number
  text: string
  kind: MentionKind
  mention: { start: number; end: number; text: string }
}

/** One speaker's words used as a definition by one or more authors. */
export interface SharedQuotation {
  speaker: string
  /** The words as the earliest listed author gives them. */
  text: string
  members: {
    /** Index into `definitions`. */
    definition: number
    doc: string
    /** The speaker's words in this document, code points. */
    start: number
    end: number
    /** The author's framing: the definition's text with the speaker's words left out. */
    framing: string
    form: 'quotation' | 'reported'
  }[]
  docs: string[]
  /** Who used the quotation when (documents' dates). */
  timeline: Timeline
}

export interface DefinitionResult {
  term: string
  aliases: string[]
  definitions: Definition[]
  groups: DefinitionGroup[]
  /** The definitions compared part by part, best first (facets.ts). */
  facets: Facet[]
  /** Quotations used as definitions, grouped by what was quoted; several documents first. */
  quotations: SharedQuotation[]
  /** Sentences about the term's history, status or importance: not definitions. */
  mentions: TermMention[]
  /** Without a term: the proposed key terms, the first of which was used. */
  terms?: ProposedTerm[]
}

export interface DefinitionOptions {
  /** The term to define; without it, the corpus's first proposed key term (terms.ts). */
  term?: string
  stem?: boolean
  /** Documents' dates (id → YYYY[-MM[-DD]]), for the facets' and quotations' timelines. */
  dates?: Readonly<Record<string, string>>
}

/** Most sentences one definition spans: the defining one and those that continue it. */
export const MAX_RUN_SENTENCES = 4
/** Words an answer needs to be more than a heading or a byline. */
const MIN_ANSWER_WORDS = 8
/** A sentence that answers a question ends like a sentence. */
const ANSWER_END = /[.!]["”’)]?\s*$/
/**
 * Share of content words two quoted passages must have in common (of the shorter) to be the same
 * quotation. A formula quoted by two authors differs by a word or two ("free"/"freed", "high-tech"
 * /"high technology"); two different statements of one speaker share far less.
 */
export const SAME_QUOTATION_SHARE = 0.6

/**
 * Content-word pairs two definitions of different documents must share to be grouped. One shared
 * pair ("economic growth") is common ground on any subject; three is a shared formulation.
 */
export const GROUP_MIN_SHARED_PAIRS = 3

/** Finds the definitions of a term across documents (see above). */
export function findDefinitions(
  documents: readonly EngineDocument[],
  options: DefinitionOptions = {},
  hooks: EngineHooks = {},
): DefinitionResult {
  const run = new Run(hooks)
  const corpus = analyse(documents, options.stem ?? true, run)
  let terms: ProposedTerm[] | undefined
  let termText = options.term?.trim() ?? ''
  let termIds: number[]
  if (termText) {
    const spans = tokenize(termText)
    termIds = []
    for (let i = 0; i < spans.count; i++) termIds.push(corpus.lexicon.matchIdOf(termText.slice(spans.starts[i], spans.ends[i])))
  } else {
    const proposed = proposeTermsIn(corpus, run)
    terms = proposed.map(({ ids: _ids, ...term }) => term)
    if (proposed.length === 0)
      return { term: '', aliases: [], definitions: [], groups: [], facets: [], quotations: [], mentions: [], terms }
    termText = proposed[0].term
    termIds = proposed[0].ids
  }
  const forms = termIds.length > 0 && termIds.every((id) => id >= 0) ? termForms(corpus, termIds, termText) : []
  run.phase('definitions', corpus.docs.length)
  const found: Found[] = []
  const mentioned: FoundMention[] = []
  corpus.docs.forEach((_, d) => {
    const { definitions, mentions } = definitionsIn(corpus, d, forms)
    found.push(...definitions)
    mentioned.push(...mentions)
    run.tick(d)
  })
  run.end()
  const dates = options.dates ?? {}
  const { definitions, groups, order } = share(corpus, found, forms)
  const quotes = shareQuotations(corpus, definitions, dates)
  // The same quotation puts its definitions in one group.
  regroup(definitions, groups, quotes)
  // Whose voice each definition is: a quotation several authors share is one voice, the speaker's.
  const voices = definitions.map((d) => d.doc)
  quotes.forEach((q, qi) => {
    if (q.docs.length > 1) for (const m of q.members) voices[m.definition] = `quotation ${qi}`
  })
  const facets = findFacets(
    corpus,
    order.map((i) => found[i]),
    forms,
    dates,
    voices,
  )
  const maps = corpus.docs.map((doc) => new OffsetMap(doc.text))
  const mentions: TermMention[] = mentioned.map((m) => {
    const doc = corpus.docs[m.doc]
    const map = maps[m.doc]
    return { doc: doc.id, ...widened(doc, map, m.t0, m.t1), kind: m.kind, mention: wordsAt(doc, map, m.m0, m.m1) }
  })
  return {
    term: termText,
    aliases: forms.filter((f) => f.kind !== 'term').map((f) => f.text),
    definitions,
    groups,
    facets,
    quotations: quotes,
    mentions,
    ...(terms ? { terms } : {}),
  }
}

/** A definition as found: token ranges of one document. */
export interface Found {
  doc: number
  /** Token range [t0, t1] inclusive. */
  t0: number
  t1: number
  m0: number
  m1: number
  pattern: DefinitionPattern
  confidence: number
  /** First token of the part that defines (after a question, the answer). */
  body: number
  /** Every mention of the term inside the definition, token ranges. */
  mentions?: [number, number][]
  /** Whose words, UTF-16 offsets. */
  quoted?: Attribution
}

interface FoundMention {
  doc: number
  t0: number
  t1: number
  m0: number
  m1: number
  kind: MentionKind
}

/** Mentions of the term's forms in document `d`: token ranges, longest form first, no overlaps. */
function mentionsIn(corpus: AnalysedCorpus, d: number, forms: readonly TermForm[]): [number, number][] {
  const doc = corpus.docs[d]
  const { lexicon } = corpus
  const out: [number, number][] = []
  const covered = new Uint8Array(doc.starts.length)
  for (const form of [...forms].sort((x, y) => y.ids.length - x.ids.length)) {
    const spans = tokenize(form.text)
    const head = spans.count > 0 ? foldPlural(surfaceForm(form.text.slice(spans.starts[spans.count - 1], spans.ends[spans.count - 1]))) : ''
    for (const at of occurrences(corpus, d, form.ids)) {
      const last = at + form.ids.length - 1
      if (covered[at] || covered[last]) continue
      // The head word itself, not a word of the same stem.
      if (spans.count === form.ids.length && foldPlural(lexicon.surfaces[doc.surface[last]]) !== head) continue
      covered.fill(1, at, last + 1)
      out.push([at, last])
    }
  }
  // A term split by a coordination in a contrast: "between the new and traditional productive forces".
  for (const form of forms) {
    const words = form.text.split(/\s+/)
    if (words.length < 2) continue
    const re = new RegExp(
      String.raw`\b(?:distinction|difference|contrast)s?\s+between\s+(?:the\s+)?(${escape(words[0])})\s+and\s+(?:the\s+)?[\p{L}-]+\s+${words
        .slice(1)
        .map(escape)
        .join(String.raw`\s+`)}\b`,
      'giu',
    )
    for (let m = re.exec(doc.text); m; m = re.exec(doc.text)) {
      const first = tokenAt(doc.starts, m.index + m[0].indexOf(m[1], m[0].search(/between/i) + 'between'.length))
      const last = tokenAt(doc.starts, m.index + m[0].length - 1)
      if (first < 0 || last < first || covered[first] || covered[last]) continue
      covered.fill(1, first, last + 1)
      out.push([first, last])
    }
  }
  return out.sort((x, y) => x[0] - y[0])
}

/** The token that contains UTF-16 offset `at`, or -1. */
function tokenAt(starts: Uint32Array, at: number): number {
  return lastAtOrBefore(starts, at)
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** The definitions and the mere mentions of one document. */
function definitionsIn(corpus: AnalysedCorpus, d: number, forms: readonly TermForm[]): { definitions: Found[]; mentions: FoundMention[] } {
  const doc = corpus.docs[d]
  const { text, starts, ends } = doc
  const bounds = sentenceStarts(doc)
  const sentences = bounds.length - 1
  const sentenceOf = (t: number): number => Math.min(lastAtOrBefore(bounds, t), sentences - 1)
  const endOfSentence = (s: number): number => {
    // Through the closing punctuation and quotes, up to the next line break or token.
    const last = bounds[s + 1] - 1
    let e = ends[last]
    const limit = bounds[s + 1] < starts.length ? starts[bounds[s + 1]] : text.length
    while (e < limit && !/\s/.test(text[e])) e++
    return e
  }
  const sentenceText = (s: number): string => text.slice(starts[bounds[s]], endOfSentence(s))
  const wordCount = (s: number): number => bounds[s + 1] - bounds[s]
  const parts = [...new Set(forms.flatMap((f) => f.text.toLowerCase().split(/\s+/)))]
  const mentions = mentionsIn(corpus, d, forms)
  // The verdict on each sentence, through the first of its mentions that defines the term.
  const verdicts = new Map<number, { pattern: DefinitionPattern; confidence: number; m0: number; m1: number }>()
  const mentionOnly = new Map<number, FoundMention>()
  const firstMention = new Map<number, [number, number]>()
  for (const [m0, m1] of mentions) {
    const s = sentenceOf(m0)
    if (!firstMention.has(s)) firstMention.set(s, [m0, m1])
    if (verdicts.has(s)) continue
    const verdict = judgeMention(text.slice(starts[bounds[s]], starts[m0]), text.slice(ends[m1], endOfSentence(s)))
    if (verdict?.kind === 'definition') verdicts.set(s, { pattern: verdict.pattern, confidence: verdict.confidence, m0, m1 })
    else if (verdict?.kind === 'mention' && !mentionOnly.has(s))
      mentionOnly.set(s, { doc: d, t0: bounds[s], t1: bounds[s + 1] - 1, m0, m1, kind: verdict.mention })
  }
  const out: Found[] = []
  const taken = new Set<number>()
  for (const [s, [m0, m1]] of [...firstMention].sort((x, y) => x[0] - y[0])) {
    if (taken.has(s)) continue
    let found: Found | null = null
    if (isQuestion(sentenceText(s)) && s + 1 < sentences) {
      // The answer: the next sentence, if it reads as one and defines (by a pattern or a pronoun).
      const next = s + 1
      const answer = sentenceText(next)
      if (
        ANSWER_END.test(answer) &&
        !isQuestion(answer) &&
        wordCount(next) >= MIN_ANSWER_WORDS &&
        (PRONOUN_ANSWER.test(answer) || verdicts.has(next))
      ) {
        const inner = verdicts.get(next)
        found = {
          doc: d,
          t0: bounds[s],
          t1: bounds[next + 1] - 1,
          m0: inner?.m0 ?? m0,
          m1: inner?.m1 ?? m1,
          pattern: inner?.pattern ?? 'question',
          confidence: Math.max(inner?.confidence ?? 0, 0.85),
          body: bounds[next],
        }
        taken.add(next)
      }
    }
    const hit = verdicts.get(s)
    if (!found && hit) found = { doc: d, t0: bounds[s], t1: bounds[s + 1] - 1, ...hit, body: bounds[s] }
    if (!found) continue
    taken.add(s)
    // The sentences that continue it.
    let last = sentenceOf(found.t1)
    while (last + 1 < sentences && last + 1 - sentenceOf(found.body) < MAX_RUN_SENTENCES && !taken.has(last + 1)) {
      const next = sentenceText(last + 1)
      const startsWithTerm = firstMention.get(last + 1)?.[0] === bounds[last + 1] && /^\S+(?:\s+\S+){0,5}?\s+also\b/.test(next)
      if (!continues(next, parts) && !(startsWithTerm && verdicts.has(last + 1))) break
      last++
      taken.add(last)
    }
    found.t1 = bounds[last + 1] - 1
    out.push(found)
  }
  // Merge definitions that ended up overlapping (a question whose answer also matched).
  out.sort((x, y) => x.t0 - y.t0)
  const merged: Found[] = []
  for (const f of out) {
    const prev = merged[merged.length - 1]
    if (prev && f.t0 <= prev.t1) prev.t1 = Math.max(prev.t1, f.t1)
    else merged.push(f)
  }
  const quotes = quotations(text)
  for (const f of merged) {
    f.mentions = mentions.filter(([a, b]) => a >= f.t0 && b <= f.t1)
    const at = attribute(text, starts[f.t0], ends[f.t1], starts[f.m0], starts[bounds[sentenceOf(f.m0)]], quotes)
    if (at) f.quoted = at
  }
  const inDefinition = (s: number): boolean => merged.some((f) => bounds[s] >= f.t0 && bounds[s] <= f.t1)
  return {
    definitions: merged,
    mentions: [...mentionOnly].filter(([s]) => !inDefinition(s)).map(([, m]) => m),
  }
}

/** Marks the phrases definitions share across documents and groups them. */
function share(
  corpus: AnalysedCorpus,
  found: Found[],
  forms: readonly TermForm[],
): { definitions: Definition[]; groups: DefinitionGroup[]; order: number[] } {
  const { docs, lexicon } = corpus
  // Content words of each definition, and the pairs of them it holds (pairKey), which are all
  // trivialPairs counts in the corpus.
  const contentOf = found.map((f) => {
    const doc = docs[f.doc]
    const content: number[] = []
    for (let t = f.t0; t <= f.t1; t++) if (!lexicon.isStop(doc.surface[t])) content.push(t)
    return content
  })
  const held = new Set<number>()
  found.forEach((f, i) => {
    const { match } = docs[f.doc]
    const content = contentOf[i]
    for (let k = 0; k + 1 < content.length; k++) held.add(pairKey(corpus, match[content[k]], match[content[k + 1]]))
  })
  const trivial = trivialPairs(corpus, forms, held)
  // Content-word pairs (adjacent content words within the definition) of each definition.
  const pairsOf = found.map((f, i) => {
    const doc = docs[f.doc]
    const inMention = new Set<number>()
    for (const [a, b] of f.mentions ?? []) for (let t = a; t <= b; t++) inMention.add(t)
    const content = contentOf[i]
    const keys: string[] = []
    for (let k = 0; k + 1 < content.length; k++) {
      const a = content[k]
      const b = content[k + 1]
      // Pairs that touch a mention of the term share the term, which every definition does.
      const key = `${doc.match[a]},${doc.match[b]}`
      keys.push(inMention.has(a) || inMention.has(b) || trivial(doc, a, b) ? '' : key)
    }
    return { content, keys }
  })
  const owners = new Map<string, Set<number>>()
  found.forEach((_, i) => {
    for (const key of pairsOf[i].keys) {
      if (!key) continue
      let set = owners.get(key)
      if (!set) owners.set(key, (set = new Set()))
      set.add(i)
    }
  })
  // Groups: definitions of different documents sharing enough pairs.
  const sets = new UnionFind(found.length)
  for (let i = 0; i < found.length; i++) {
    const counts = new Map<number, number>()
    for (const key of new Set(pairsOf[i].keys)) {
      if (!key) continue
      for (const j of owners.get(key)!) if (j > i && found[j].doc !== found[i].doc) counts.set(j, (counts.get(j) ?? 0) + 1)
    }
    for (const [j, c] of counts) if (c >= GROUP_MIN_SHARED_PAIRS) sets.union(i, j)
  }
  const maps = docs.map((d) => new OffsetMap(d.text))
  const definitions: Definition[] = found.map((f, i) => {
    const doc = docs[f.doc]
    const map = maps[f.doc]
    const { content, keys } = pairsOf[i]
    const shared: SharedPhrase[] = []
    let k = 0
    while (k < keys.length) {
      const others = (key: string): number[] =>
        key ? [...owners.get(key)!].filter((j) => found[j].doc !== f.doc).map((j) => found[j].doc) : []
      if (others(keys[k]).length === 0) {
        k++
        continue
      }
      let e = k
      const with_ = new Set<number>(others(keys[k]))
      while (e + 1 < keys.length && others(keys[e + 1]).length > 0) {
        e++
        for (const x of others(keys[e])) with_.add(x)
      }
      const s = doc.starts[content[k]]
      const end = doc.ends[content[e + 1]]
      shared.push({
        text: doc.text.slice(s, end),
        start: map.toCodePoint(s),
        end: map.toCodePoint(end),
        docs: [...with_].sort((a, b) => a - b).map((x) => docs[x].id),
      })
      k = e + 1
    }
    return {
      doc: doc.id,
      ...widened(doc, map, f.t0, f.t1),
      pattern: f.pattern,
      confidence: f.confidence,
      mention: wordsAt(doc, map, f.m0, f.m1),
      ...(f.quoted ? { quoted: { ...f.quoted, start: map.toCodePoint(f.quoted.start), end: map.toCodePoint(f.quoted.end) } } : {}),
      shared,
      group: -1,
    }
  })
  // Number the groups: larger (more documents) first, then by first appearance.
  const byRoot = new Map<number, number[]>()
  found.forEach((_, i) => {
    const r = sets.find(i)
    const list = byRoot.get(r)
    if (list) list.push(i)
    else byRoot.set(r, [i])
  })
  const groups: DefinitionGroup[] = [...byRoot.values()]
    .map((members) => ({ definitions: members, docs: [...new Set(members.map((i) => definitions[i].doc))] }))
    .sort((x, y) => y.docs.length - x.docs.length || x.definitions[0] - y.definitions[0])
  groups.forEach((g, gi) => g.definitions.forEach((i) => (definitions[i].group = gi)))
  // Listed group by group, each in document order.
  const order = definitions.map((_, i) => i).sort((x, y) => definitions[x].group - definitions[y].group || x - y)
  const position = new Map(order.map((i, k) => [i, k]))
  for (const g of groups) g.definitions = g.definitions.map((i) => position.get(i)!)
  return { definitions: order.map((i) => definitions[i]), groups, order }
}

/** Words w0..w1 of a document (inclusive): code point offsets and text. */
function wordsAt(doc: AnalysedDocument, map: OffsetMap, w0: number, w1: number): { start: number; end: number; text: string } {
  return { start: map.toCodePoint(doc.starts[w0]), end: map.toCodePoint(doc.ends[w1]), text: doc.text.slice(doc.starts[w0], doc.ends[w1]) }
}

/**
 * Words t0..t1 of a document (inclusive) widened to the opening quotes or brackets before them
 * and the closing punctuation after (never into the neighbouring words): code points and text.
 */
function widened(doc: AnalysedDocument, map: OffsetMap, t0: number, t1: number): { start: number; end: number; text: string } {
  const start = sentenceStart(doc.text, doc.starts[t0], t0 > 0 ? doc.ends[t0 - 1] : 0)
  const end = sentenceEnd(doc.text, doc.ends[t1], t1 + 1 < doc.starts.length ? doc.starts[t1 + 1] : doc.text.length)
  return { start: map.toCodePoint(start), end: map.toCodePoint(end), text: doc.text.slice(start, end) }
}

/** The start of a definition: its first word, with any opening quotes or brackets before it. */
function sentenceStart(text: string, from: number, limit: number): number {
  let s = from
  while (s > limit && /[“"‘'([]/.test(text[s - 1])) s--
  return s
}

/** The end of a definition: after its last word, through closing punctuation and quotes. */
function sentenceEnd(text: string, from: number, limit: number): number {
  let e = from
  while (e < limit && /[.!?;:"”’')\]]/.test(text[e])) e++
  return e
}

/**
 * Share of the corpus's sentences a content-word pair may occur in and still be worth marking as
 * shared. Above it the pair is the corpus's common ground ("economic growth" in texts on economic
 * policy), not a shared formulation.
 */
export const COMMON_PAIR_SHARE = 0.03

/** A number for the pair of match ids a, b (each below the lexicon's size): a * size + b, exact as a double. */
function pairKey(corpus: AnalysedCorpus, a: number, b: number): number {
  return a * corpus.lexicon.matches.length + b
}

/**
 * Pairs not worth marking as shared: with a word of the term ("productive forces", "traditional
 * productive"), a name (both
 * words capitalised: "Xi Jinping"), and pairs common in the corpus (COMMON_PAIR_SHARE). Only the
 * pairs `held` (pairKey) are counted in the corpus, the pairs of its definitions: a map of every
 * pair of a corpus of change logs (19 M words) took 7 s.
 */
function trivialPairs(
  corpus: AnalysedCorpus,
  forms: readonly TermForm[],
  held: ReadonlySet<number>,
): (doc: AnalysedDocument, a: number, b: number) => boolean {
  const { lexicon } = corpus
  const termWords = new Set(forms.flatMap((f) => f.text.toLowerCase().split(/\s+/)).map(foldPlural))
  const counts = new Map<number, number>()
  for (const key of held) counts.set(key, 0)
  let sentences = 0
  for (const doc of corpus.docs) {
    sentences += sentenceStarts(doc).length - 1
    if (held.size === 0) continue
    const { content, match } = doc
    for (let k = 0; k + 1 < content.length; k++) {
      const key = pairKey(corpus, match[content[k]], match[content[k + 1]])
      const n = counts.get(key)
      if (n !== undefined) counts.set(key, n + 1)
    }
  }
  const limit = Math.max(2, COMMON_PAIR_SHARE * sentences)
  const isTermWord = (doc: AnalysedDocument, t: number): boolean => termWords.has(foldPlural(lexicon.surfaces[doc.surface[t]]))
  const capitalised = (doc: AnalysedDocument, t: number): boolean => /^\p{Lu}/u.test(doc.text.slice(doc.starts[t], doc.ends[t]))
  return (doc, a, b) =>
    isTermWord(doc, a) ||
    isTermWord(doc, b) ||
    (capitalised(doc, a) && capitalised(doc, b) && a > 0 && !afterStop(doc.text, doc.starts[a])) ||
    (counts.get(pairKey(corpus, doc.match[a], doc.match[b])) ?? 0) > limit
}

/**
 * Whether a full stop, question or exclamation mark ends the text before offset `at`, white space
 * aside: read back from `at`, not by a pattern over the whole text before it (a document of
 * definitions naming people read its text from its start at each name: 1.7 MB, 37 s; a tester).
 */
function afterStop(text: string, at: number): boolean {
  let k = at - 1
  while (k >= 0 && /\s/.test(text[k])) k--
  return k >= 0 && '.!?'.includes(text[k])
}

/** Groups the definitions that give the same speaker's words (quoted or reported) in different documents. */
function shareQuotations(corpus: AnalysedCorpus, definitions: Definition[], dates: Readonly<Record<string, string>>): SharedQuotation[] {
  const { lexicon } = corpus
  const byId = new Map(corpus.docs.map((doc) => [doc.id, doc]))
  const attributed = definitions.map((d, i) => ({ d, i })).filter(({ d }) => d.quoted)
  // Content words (match forms) of each quotation: its tokens found by a binary search, each
  // document's offsets mapped once (per quotation, every token of its document was read and its
  // text mapped again: a book's thousands of attributed definitions, seconds; a tester).
  const maps = new Map<string, OffsetMap>()
  const words = attributed.map(({ d }) => {
    const doc = byId.get(d.doc)!
    let map = maps.get(d.doc)
    if (!map) maps.set(d.doc, (map = new OffsetMap(doc.text)))
    const a = map.toUtf16(d.quoted!.start)
    const b = map.toUtf16(d.quoted!.end)
    const set = new Set<number>()
    for (let t = lowerBound(doc.starts, a); t < doc.starts.length && doc.starts[t] < b; t++) {
      if (doc.ends[t] > b || lexicon.isStop(doc.surface[t])) continue
      set.add(doc.match[t])
    }
    return set
  })
  const sets = new UnionFind(attributed.length)
  for (let x = 0; x < attributed.length; x++) {
    for (let y = x + 1; y < attributed.length; y++) {
      const [a, b] = words[x].size <= words[y].size ? [words[x], words[y]] : [words[y], words[x]]
      if (a.size === 0) continue
      let common = 0
      for (const w of a) if (b.has(w)) common++
      if (common / a.size >= SAME_QUOTATION_SHARE) sets.union(x, y)
    }
  }
  const byRoot = new Map<number, number[]>()
  attributed.forEach((_, x) => {
    const r = sets.find(x)
    const members = byRoot.get(r)
    if (members) members.push(x)
    else byRoot.set(r, [x])
  })
  const out: SharedQuotation[] = [...byRoot.values()].map((xs) => {
    const members = xs.map((x) => {
      const { d, i } = attributed[x]
      const q = d.quoted!
      const chars = [...d.text]
      const before = chars.slice(0, q.start - d.start).join('')
      const after = chars.slice(q.end - d.start).join('')
      // The author's words around the speaker's; when the definition is all quotation, the lead-in.
      const around = `${before}…${after}`.replace(/\s+/g, ' ').trim()
      const framing = /[\p{L}]{3,}/u.test(around) ? around : q.lead
      const form = q.form
      return { definition: i, doc: d.doc, start: q.start, end: q.end, framing, form }
    })
    const docs = [...new Set(members.map((m) => m.doc))]
    const timeline = timelineOf(docs, dates)
    const firstDoc = timeline.dated[0]?.doc ?? docs[0]
    const first = attributed[xs[members.findIndex((m) => m.doc === firstDoc)]].d
    // The plainest form of the name: "Xi Jinping" rather than a form with a title left in.
    const speaker = xs.map((x) => attributed[x].d.quoted!.speaker).sort((a, b) => a.length - b.length)[0]
    const text = [...first.text].slice(first.quoted!.start - first.start, first.quoted!.end - first.start).join('')
    return { speaker, text, members, docs, timeline }
  })
  return out.sort((a, b) => b.docs.length - a.docs.length || a.members[0].definition - b.members[0].definition)
}

/** Joins the groups of definitions that give the same quotation, renumbering groups as share() does. */
function regroup(definitions: Definition[], groups: DefinitionGroup[], quotes: readonly SharedQuotation[]): void {
  const sets = new UnionFind(groups.length)
  for (const q of quotes) for (const m of q.members) sets.union(definitions[q.members[0].definition].group, definitions[m.definition].group)
  const merged = new Map<number, number[]>()
  groups.forEach((g, gi) => {
    const r = sets.find(gi)
    const members = merged.get(r)
    if (members) members.push(...g.definitions)
    else merged.set(r, [...g.definitions])
  })
  if (merged.size === groups.length) return
  const next = [...merged.values()]
    .map((ds) => ds.sort((a, b) => a - b))
    .map((ds) => ({ definitions: ds, docs: [...new Set(ds.map((i) => definitions[i].doc))] }))
    .sort((x, y) => y.docs.length - x.docs.length || x.definitions[0] - y.definitions[0])
  groups.length = 0
  groups.push(...next)
  groups.forEach((g, gi) => g.definitions.forEach((i) => (definitions[i].group = gi)))
}
