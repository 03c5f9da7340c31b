import { type AnalysedCorpus, type EngineDocument, analyse } from '../engine/analyse.js'
import { occurrences, type TermForm, termForms } from './aliases.js'
import { type EngineHooks, Run } from '../engine/progress.js'
import { sentenceStarts } from '../engine/sentences.js'
import { OffsetMap } from '../text/offsets.js'
import { proposeTermsIn, type ProposedTerm } from './terms.js'
import { tokenize } from '../engine/tokenize.js'
import { lastAtOrBefore } from '../text/sorted.js'
import { UnionFind } from '../text/union-find.js'

// How each text defines or characterises a term. For every mention of the term or one of its
// names (aliases.ts), the sentence around it is tested against definitional patterns:
//   copula      the term is the subject of is/are/means/refers to/denotes/represents/is defined
//               as/stands for/lies in/serves as... ("NQPFs today refer in particular to ...")
//   in essence  the same, with "in essence" or "essentially" ("... are, in essence, advanced
//               productivity")
//   the term    "the term X", "the concept of X"
//   meaning of  "the meaning / core / essence / nature / connotation of X"
//   named as    X as a complement: "qualifies as X", "is called X", "known as X"
//   apposition  "X, a/an/the/which/namely ...,"
//   question    "What is/are X?" (or a question about the term) followed by its answer
// A definition sentence followed by "In other words", "That is", "Namely" or "In short" takes that
// sentence too. The term is the subject only when it is not governed by a preposition or a verb
// ("the development of X is ...", "developing X requires ..." say nothing about X itself).
// Definitions of different documents that share phrases are grouped, and the shared phrases are
// marked.

/** One definition: code points [start, end) of document `doc`, its text, and what it shares. */
export interface Definition {
  doc: string
  start: number
  end: number
  text: string
  /** Which pattern found it (see above). */
  pattern: string
  /** The mention of the term (or alias) the pattern matched, code points. */
  mention: { start: number; end: number; text: string }
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

/** Definitions of different documents that share phrases, or one definition alone. */
export interface DefinitionGroup {
  /** Indices into `definitions`. */
  definitions: number[]
  docs: string[]
}

export interface DefinitionResult {
  term: string
  aliases: string[]
  definitions: Definition[]
  groups: DefinitionGroup[]
  /** Without a term: the proposed key terms, the first of which was used. */
  terms?: ProposedTerm[]
}

export interface DefinitionOptions {
  /** The term to define; without it, the corpus's first proposed key term (terms.ts). */
  term?: string
  stem?: boolean
}

const VERB = String.raw`(?:is|are|was|were|means?|refers?(?:\s+\w+){0,2}\s+to|denotes?|represents?|(?:is|are|can\s+be)\s+defined\s+as|stands?\s+for|signif(?:y|ies)|constitutes?|embod(?:y|ies)|lies?\s+in|serves?\s+as|(?:is|are)\s+(?:called|known\s+as))`
/** After the mention: the copula or definitional verb, allowing a closing quote, a bracket, an adverb or two, or a parenthesis between commas. */
const COPULA_AFTER = new RegExp(
  String.raw`^\s*[”"’']?\s*(?:\([^)]{0,40}\)\s*)?(?:,[^,]{1,60},\s*)?(?:(?:today|also|now|thus|therefore|essentially|basically|generally|simply|still|then|in\s+essence|in\s+particular)[\s,]+){0,2}${VERB}\b`,
  'i',
)
const ESSENCE = /\b(?:in essence|essentially|at (?:its|their) core)\b/i
const APPOSITION_AFTER = /^\s*[”"’']?\s*(?:\([^)]{0,40}\)\s*)?,\s*(?:a|an|the|which|namely|that is|i\.e\.)\b/i
/** Before the mention: "the term", "the concept of". */
const THE_TERM_BEFORE = /\bthe\s+(?:term|concept(?:\s+of)?|notion(?:\s+of)?|phrase|expression)\s*[“"‘']?$/i
/** Before the mention: "the meaning of" and kin. */
const MEANING_BEFORE =
  /\b(?:meaning|definition|essence|core|nature|connotation|hallmark|characteristics?|features?)\s+of\s+(?:the\s+)?[“"‘']?$/i
/** Before the mention: it is named as a complement. */
const NAMED_BEFORE =
  /\b(?:qualif(?:y|ies)\s+as|(?:is|are)\s+(?:called|termed|dubbed)|known\s+as|referred\s+to\s+as|defined\s+as)\s+(?:an?\s+|the\s+)?[“"‘']?$/i
/** Before the mention: it is the object of a preposition or verb (any gerund: "protecting X"), so not the subject. */
const GOVERNED_BEFORE =
  /\b(?:of|in|on|for|to|with|by|from|about|at|into|towards?|through|under|over|via|between|among|than|develop(?:s|ed|ing)?|accelerat(?:e|es|ed|ing)|foster(?:s|ed|ing)?|cultivat(?:e|es|ed|ing)|promot(?:e|es|ed|ing)|achiev(?:e|es|ed|ing)|boost(?:s|ed|ing)?|build(?:s|ing)?|form(?:s|ed|ing)?|creat(?:e|es|ed|ing)|embrac(?:e|es|ed|ing)|[\p{L}]{3,}ing)\s+(?:(?:the|a|an|its|their|this|these|our|[\p{L}]+[’']s)\s+)?[“"‘']?$/iu
const QUESTION = /^\s*[“"]?\s*what\b[^?]*\?\s*[”"]?\s*$|\bwhat\s+(?:exactly\s+)?(?:is|are|does|do)\b[^?]*\?\s*[”"]?\s*$/i
const PRONOUN_ANSWER =
  /^\s*(?:it|they|this|these|the\s+(?:concept|term|phrase))\b[\s\S]{0,24}?\b(?:is|are|means?|refers?|denotes?|[’']s)\b/i
const CONTINUATION = /^\s*(?:in other words|that is|namely|in short|put simply|simply put)\b/i
/** A sentence that answers a question ends like a sentence and is more than a caption. */
const ANSWER_END = /[.!]["”’)]?\s*$/
/** Words an answer needs to be more than a heading or a byline. */
const MIN_ANSWER_WORDS = 8

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
    if (proposed.length === 0) return { term: '', aliases: [], definitions: [], groups: [], terms }
    termText = proposed[0].term
    termIds = proposed[0].ids
  }
  const forms = termIds.length > 0 && termIds.every((id) => id >= 0) ? termForms(corpus, termIds, termText) : []
  run.phase('definitions', corpus.docs.length)
  const found: Found[] = []
  corpus.docs.forEach((_, d) => {
    found.push(...definitionsIn(corpus, d, forms))
    run.tick(d)
  })
  run.end()
  const result = share(corpus, found)
  return {
    term: termText,
    aliases: forms.filter((f) => f.kind !== 'term').map((f) => f.text),
    ...result,
    ...(terms ? { terms } : {}),
  }
}

interface Found {
  doc: number
  /** Token range [t0, t1] inclusive. */
  t0: number
  t1: number
  m0: number
  m1: number
  pattern: string
  /** Every mention of the term inside the definition, token ranges. */
  mentions?: [number, number][]
}

/** The definitions of one document. */
function definitionsIn(corpus: AnalysedCorpus, d: number, forms: readonly TermForm[]): Found[] {
  const doc = corpus.docs[d]
  const { text, starts, ends } = doc
  const bounds = sentenceStarts(doc)
  const sentenceOf = (t: number): number => Math.min(lastAtOrBefore(bounds, t), bounds.length - 2)
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
  // Mentions, longest form first so a shortened form inside a full mention is not matched twice.
  const mentions: [number, number][] = []
  const covered = new Uint8Array(starts.length)
  for (const form of [...forms].sort((x, y) => y.ids.length - x.ids.length)) {
    for (const at of occurrences(corpus, d, form.ids)) {
      const last = at + form.ids.length - 1
      if (covered[at] || covered[last]) continue
      covered.fill(1, at, last + 1)
      mentions.push([at, last])
    }
  }
  mentions.sort((x, y) => x[0] - y[0])
  // The pattern each sentence matches, through the first of its mentions that matches one.
  const matched = new Map<number, { pattern: string; m0: number; m1: number }>()
  const firstMention = new Map<number, [number, number]>()
  for (const [m0, m1] of mentions) {
    const s = sentenceOf(m0)
    if (!firstMention.has(s)) firstMention.set(s, [m0, m1])
    if (matched.has(s)) continue
    const pattern = patternOf(text.slice(starts[bounds[s]], starts[m0]), text.slice(ends[m1], endOfSentence(s)))
    if (pattern) matched.set(s, { pattern, m0, m1 })
  }
  const out: Found[] = []
  const taken = new Set<number>()
  for (const [s, [m0, m1]] of firstMention) {
    if (taken.has(s)) continue
    let found: Found | null = null
    if (QUESTION.test(sentenceText(s)) && s + 2 < bounds.length) {
      // The answer: the next sentence, if it reads as one and defines (by a pattern or a pronoun).
      const next = s + 1
      const answer = sentenceText(next)
      if (
        ANSWER_END.test(answer) &&
        !QUESTION.test(answer) &&
        wordCount(next) >= MIN_ANSWER_WORDS &&
        (PRONOUN_ANSWER.test(answer) || matched.has(next))
      ) {
        found = { doc: d, t0: bounds[s], t1: bounds[next + 1] - 1, m0, m1, pattern: 'question' }
        taken.add(next)
      }
    }
    const hit = matched.get(s)
    if (!found && hit) found = { doc: d, t0: bounds[s], t1: bounds[s + 1] - 1, m0: hit.m0, m1: hit.m1, pattern: hit.pattern }
    if (!found) continue
    taken.add(s)
    // A restatement that follows belongs to the definition.
    const following = sentenceOf(found.t1) + 1
    if (following + 1 < bounds.length && CONTINUATION.test(sentenceText(following))) {
      found.t1 = bounds[following + 1] - 1
      taken.add(following)
    }
    out.push(found)
  }
  // Merge definitions that ended up overlapping (a question whose answer also matched).
  out.sort((x, y) => x.t0 - y.t0)
  const merged: Found[] = []
  for (const f of out) {
    const last = merged[merged.length - 1]
    if (last && f.t0 <= last.t1) last.t1 = Math.max(last.t1, f.t1)
    else merged.push(f)
  }
  return merged.map((f) => ({ ...f, mentions: mentions.filter(([a, b]) => a >= f.t0 && b <= f.t1) }))
}

/** The definitional pattern a sentence matches around a mention, from the text before and after it, or ''. */
function patternOf(before: string, after: string): string {
  if (THE_TERM_BEFORE.test(before)) return 'the term'
  if (MEANING_BEFORE.test(before)) return 'meaning of'
  if (NAMED_BEFORE.test(before)) return 'named as'
  if (GOVERNED_BEFORE.test(before)) return ''
  if (COPULA_AFTER.test(after)) return ESSENCE.test(after) ? 'in essence' : 'copula'
  if (APPOSITION_AFTER.test(after)) return 'apposition'
  return ''
}

/** Marks the phrases definitions share across documents and groups them. */
function share(corpus: AnalysedCorpus, found: Found[]): { definitions: Definition[]; groups: DefinitionGroup[] } {
  const { docs, lexicon } = corpus
  // Content-word pairs (adjacent content words within the definition) of each definition.
  const pairsOf = found.map((f) => {
    const doc = docs[f.doc]
    const inMention = new Set<number>()
    for (const [a, b] of f.mentions ?? []) for (let t = a; t <= b; t++) inMention.add(t)
    const content: number[] = []
    for (let t = f.t0; t <= f.t1; t++) if (!lexicon.isStop(doc.surface[t])) content.push(t)
    const keys: string[] = []
    for (let k = 0; k + 1 < content.length; k++) {
      const a = content[k]
      const b = content[k + 1]
      // Pairs that touch a mention of the term share the term, which every definition does.
      keys.push(inMention.has(a) || inMention.has(b) ? '' : `${doc.match[a]},${doc.match[b]}`)
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
    const start = sentenceStart(doc.text, doc.starts[f.t0], f.t0 > 0 ? doc.ends[f.t0 - 1] : 0)
    const end = sentenceEnd(doc.text, doc.ends[f.t1], f.t1 + 1 < doc.starts.length ? doc.starts[f.t1 + 1] : doc.text.length)
    return {
      doc: doc.id,
      start: map.toCodePoint(start),
      end: map.toCodePoint(end),
      text: doc.text.slice(start, end),
      pattern: f.pattern,
      mention: {
        start: map.toCodePoint(doc.starts[f.m0]),
        end: map.toCodePoint(doc.ends[f.m1]),
        text: doc.text.slice(doc.starts[f.m0], doc.ends[f.m1]),
      },
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
  return { definitions: order.map((i) => definitions[i]), groups }
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
