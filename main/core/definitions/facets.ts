import type { AnalysedCorpus, AnalysedDocument } from '../engine/analyse.js'
import { foldPlural, type TermForm } from './aliases.js'
import type { Found } from './definitions.js'
import { sentenceStarts } from '../engine/sentences.js'
import { OffsetMap } from '../text/offsets.js'
import { type Timeline, timelineOf } from './timeline.js'
import { type Change, diffPassages } from '../engine/variants.js'

// Facets: the definitions compared part by part, as a close reader would in a spreadsheet.
//   Components. Each definition (its defining part: after a question, the answer) is cut into
//   components at clause boundaries (sentence ends, semicolons, colons, dashes, brackets) and at
//   words that open a new part ("that", "which", "because", "as opposed to", "rather", "namely",
//   "including", "taking", "instead" ...). A component's role comes from the words that lead into
//   it: genus (what the term is: right after the copula or defining verb), driver ("driven by",
//   "led by", "with X playing the leading role", "-led"), contrast ("as opposed to", "different
//   from", "superior to", "free from", "no longer rely on"), constituent ("include", "consists
//   of", "the improvement of ..."), hallmark ("as its core hallmark", "the key"), or feature.
//   Keys. A component's content words, each reduced to a key: its match form (normalise.ts: case,
//   spelling variants, stem), then CONCEPTS (synonyms and abbreviations: "tech" = "technology",
//   "classic" = "traditional", "AI" = "artificial intelligence"). The term's own words are not
//   keys, nor are the cue words that only give a role.
//   Facets. A key (or two adjacent keys) found in components of at least two documents is a
//   candidate; candidates are ranked by documents, then by how rare the key is in the corpus's
//   sentences (a word in every other sentence, "China", says nothing). A candidate whose members
//   are mostly those of a better one is folded into it (its words join the label). Each facet
//   lists its members (one component per definition), the documents, the timeline of who used
//   it when, and the word differences between members of different documents (jsdiff through
//   variants.ts, as for overlaps).

/** A component of a definition that belongs to a facet. Offsets are code points. */
export interface FacetMember {
  doc: string
  start: number
  end: number
  text: string
  /** Index into the result's `definitions`. */
  definition: number
  role: ComponentRole
}

export type ComponentRole = 'genus' | 'driver' | 'contrast' | 'constituent' | 'hallmark' | 'feature'

/** Word differences between members `a` and `b` (indices into `members`); null when the diff gave up. */
export interface FacetVariant {
  a: number
  b: number
  changes: Change[] | null
}

/** One element of the definitions, and which authors include it in what words. */
export interface Facet {
  label: string
  /** The role most members give the element. */
  role: ComponentRole
  members: FacetMember[]
  /** Documents that include it, in order of first appearance. */
  docs: string[]
  /** Who included it when (documents' dates). */
  timeline: Timeline
  variants: FacetVariant[]
}

/** Most facets listed: more than a screenful of rows is no longer a summary. */
export const MAX_FACETS = 24
/** Share of a candidate's members already in a better facet at which it is folded into that one. */
export const FOLD_SHARE = 0.75
/** Most words between a label's first and last key for the label to be cut from the text as written. */
export const MAX_LABEL_GAP = 4
/** Most member pairs diffed per facet; a facet with many members shows the first pairs. */
export const MAX_VARIANT_PAIRS = 12
/**
 * Share of the corpus's sentences a key may occur in and still make a facet. Above it the word is
 * the corpus's subject matter ("China", "development"), common ground rather than a shared element.
 */
export const MAX_KEY_SENTENCE_SHARE = 0.3
/** Fewest sentences a corpus needs for MAX_KEY_SENTENCE_SHARE to apply: in a few texts of a few sentences every word is frequent. */
export const MIN_SENTENCES_FOR_SHARE = 50
/**
 * Content words a component holds before a comma may end it. Shorter runs are a list of modifiers
 * ("technological, institutional, and management innovation") that belong with what follows.
 */
export const MIN_WORDS_BEFORE_COMMA = 3

/** Words that open a new component. */
const OPENERS = new Set(
  (
    'that which who because whereas while where wherein rather instead namely including includes include such unlike ' +
    'taking features comes involves cover covers embody embodies create creates adapt adapts reshape reshapes highlights ' +
    'emphasizes prioritizes overcome exhibits serve serves chart driven led marked focused characterized'
  ).split(' '),
)
/** Words that give a role to what follows them. */
const ROLE_CUES: [RegExp, ComponentRole][] = [
  [
    /\b(?:opposed|different|differs?|distinct|superior|unlike|free|freed|longer|rather|instead|distinction|traditional|classic|old)\b/i,
    'contrast',
  ],
  [/\b(?:driven|led|lead|leading|powered|marked|propelled|focused|driving|drive|drives|spurred|-led|innovation-led|based)\b/i, 'driver'],
  [
    /\b(?:include|includes|including|consists?|comprises?|cover|covers|involves?|improvement|elements?|components?|combinations?)\b/i,
    'constituent',
  ],
  [/\b(?:hallmark|key|core|essence|connotation|features?|characteri[sz]ed)\b/i, 'hallmark'],
]
/** The verb after which the genus comes. */
const GENUS_CUE = /\b(?:is|are|mean|means|denotes?|represents?|refers?\s+(?:\w+\s+){0,2}to|essence,?)\s*$/i
/** Cue and frame words: they give a component its role or frame the definition, and are never keys. */
const CUE_WORDS = new Set(
  (
    'driven drive drives driving led lead leading leads powered marked focused focus based role play playing plays involve involves ' +
    'include includes including consist consists cover covers comprise comprises different differ opposed superior unlike free freed ' +
    'longer rely mean means meaning refer refers denote denotes represent represents term concept essence core hallmark connotation ' +
    'basic key type kind class whereas rather instead namely way ways general terms comprehensive particular primary distinction ' +
    'stated said pointed point emphasized emphasizes once chinese president general secretary features feature word words ' +
    'give gives rise line comes come like well taking take takes make makes making made also various many much more most ' +
    'other others both well new one two three first second third use used using'
  ).split(' '),
)
/** Synonyms and abbreviations a close reader takes as one word (keys, after normalisation). */
const CONCEPTS: Record<string, string> = {
  tech: 'technology',
  technology: 'technology',
  technologies: 'technology',
  technological: 'technology',
  sci: 'science',
  science: 'science',
  sciences: 'science',
  scientific: 'science',
  classic: 'traditional',
  classical: 'traditional',
  conventional: 'traditional',
  traditional: 'traditional',
  innovation: 'innovation',
  innovations: 'innovation',
  innovative: 'innovation',
  innovate: 'innovation',
  industry: 'industry',
  industries: 'industry',
  industrial: 'industry',
  digital: 'digital',
  digitalization: 'digital',
  digitization: 'digital',
  green: 'green',
  ecological: 'green',
  efficient: 'efficiency',
  efficiency: 'efficiency',
  ai: 'artificial intelligence',
  productivity: 'productivity',
  production: 'production',
}
/** Keys made of two words (PHRASES), not pairs of keys. */
const PAIR_KEYS: Record<string, true> = { 'artificial intelligence': true, 'high technology': true }
/** Two-word phrases that are one concept. */
const PHRASES: Record<string, string> = {
  'artificial intelligence': 'artificial intelligence',
  'high tech': 'high technology',
  'high technology': 'high technology',
}

interface Component {
  definition: number
  doc: number
  /** Token range [t0, t1]. */
  t0: number
  t1: number
  role: ComponentRole
  keys: Set<string>
  /** Each key's first token, for labels. */
  at: Map<string, number>
}

/** The facets of the definitions `found` (in the result's order), see above. */
export function findFacets(
  corpus: AnalysedCorpus,
  found: readonly Found[],
  forms: readonly TermForm[],
  dates: Readonly<Record<string, string>>,
  /** Per definition, whose words it is: its document's, or a quotation several documents share. */
  voices: readonly string[] = found.map((f) => String(f.doc)),
): Facet[] {
  const { docs, lexicon } = corpus
  const termWords = new Set<string>()
  for (const f of forms) for (const w of f.text.toLowerCase().split(/[\s-]+/)) termWords.add(foldPlural(w))
  const keyOf = (surface: string, match: string): string | null => {
    const s = foldPlural(surface)
    if (termWords.has(s) || CUE_WORDS.has(surface) || CUE_WORDS.has(s) || /^\d/.test(s)) return null
    return CONCEPTS[surface] ?? CONCEPTS[s] ?? match
  }
  const components: Component[] = []
  found.forEach((f, definition) => {
    const doc = docs[f.doc]
    const inMention = new Uint8Array(f.t1 - f.t0 + 1)
    for (const [a, b] of f.mentions ?? []) for (let t = a; t <= b; t++) inMention[t - f.t0] = 1
    // Someone else's words: the components are theirs, not the author's framing of them.
    let body = f.body
    if (f.quoted) while (body < f.t1 && doc.starts[body] < f.quoted.start) body++
    let t0 = body
    let role: ComponentRole = 'feature'
    const close = (t1: number): void => {
      if (t1 < t0) return
      const keys = new Set<string>()
      const at = new Map<string, number>()
      for (let t = t0; t <= t1; t++) {
        if (inMention[t - f.t0] || lexicon.isStop(doc.surface[t])) continue
        const surface = lexicon.surfaces[doc.surface[t]]
        const next = t < t1 ? lexicon.surfaces[doc.surface[t + 1]] : ''
        const phrase = PHRASES[`${surface} ${next}`]
        const key = phrase ?? keyOf(surface, lexicon.matches[doc.match[t]])
        if (!key) continue
        keys.add(key)
        if (!at.has(key)) at.set(key, t)
        if (phrase) t++
      }
      if (keys.size > 0) components.push({ definition, doc: f.doc, t0, t1, role, keys, at })
    }
    let words = 0
    for (let t = body; t <= f.t1; t++) {
      const gap = t > body ? doc.text.slice(doc.ends[t - 1], doc.starts[t]) : ''
      const word = lexicon.surfaces[doc.surface[t]]
      const boundary =
        /[;:.!?()—–]/.test(gap) ||
        (OPENERS.has(word) && t > t0) ||
        (/,/.test(gap) && (OPENERS.has(word) || words >= MIN_WORDS_BEFORE_COMMA))
      if (t > body && boundary) {
        close(t - 1)
        t0 = t
        words = 0
        role = roleFrom(doc, t, body)
      } else if (t === body) role = roleFrom(doc, t, body)
      if (!lexicon.isStop(doc.surface[t]) && !inMention[t - f.t0]) words++
    }
    close(f.t1)
  })
  // How rare each key is: the share of the corpus's sentences it occurs in.
  const rarity = keyRarity(corpus, keyOf)
  // Candidates: keys and adjacent key pairs found in components of two or more documents.
  const candidates = new Map<string, Set<number>>()
  components.forEach((c, ci) => {
    const add = (key: string): void => {
      let set = candidates.get(key)
      if (!set) candidates.set(key, (set = new Set()))
      set.add(ci)
    }
    const ordered = [...c.at].sort((a, b) => a[1] - b[1]).map(([k]) => k)
    for (const k of ordered) if ((rarity.get(k) ?? 0) <= MAX_KEY_SENTENCE_SHARE) add(k)
    // Adjacent keys: "growth model", "advanced productivity".
    for (let k = 0; k + 1 < ordered.length; k++) if (ordered[k] !== ordered[k + 1]) add(`${ordered[k]} ${ordered[k + 1]}`)
  })
  const docsOf = (members: Set<number>): Set<number> => new Set([...members].map((ci) => components[ci].doc))
  const ranked = [...candidates]
    .map(([key, members]) => ({
      keys: key.split(' ').length > 1 && !(key in PAIR_KEYS) ? key.split(' ') : [key],
      members,
      docs: docsOf(members).size,
      voices: new Set([...members].map((ci) => voices[components[ci].definition])).size,
      // A pair is rarer than either word: its share is taken as half the rarer word's.
      rarity: Math.min(...key.split(' ').map((k) => rarity.get(k) ?? 0)) * (key.includes(' ') && !(key in PAIR_KEYS) ? 0.5 : 1),
    }))
    .filter((c) => c.docs >= 2)
    // More voices first (a quotation two authors share is one, its speaker's), then more
    // documents; then a pair before a single word (more specific); then rarer words.
    .sort(
      (a, b) =>
        b.voices - a.voices || b.docs - a.docs || b.keys.length - a.keys.length || a.rarity - b.rarity || (a.keys[0] < b.keys[0] ? -1 : 1),
    )
  const chosen: { keys: string[]; members: Set<number> }[] = []
  for (const c of ranked) {
    const home = chosen.find((f) => {
      let inside = 0
      for (const ci of c.members) if (f.members.has(ci)) inside++
      return inside / c.members.size >= FOLD_SHARE
    })
    if (home) {
      // The same element named by another word too ("technological" with "innovation"): it joins
      // the label when every member has it.
      const everywhere = [...home.members].every((ci) => c.keys.every((k) => components[ci].keys.has(k)))
      const lead = components[Math.min(...home.members)]
      const near = c.keys.every((k) => home.keys.some((h) => Math.abs((lead.at.get(k) ?? -99) - (lead.at.get(h) ?? 99)) <= MAX_LABEL_GAP))
      if (everywhere && near && home.keys.length + c.keys.length <= 3) for (const k of c.keys) if (!home.keys.includes(k)) home.keys.push(k)
      continue
    }
    if (chosen.length < MAX_FACETS) chosen.push({ keys: [...c.keys], members: new Set(c.members) })
  }
  const maps = docs.map((d) => new OffsetMap(d.text))
  return chosen.map((f) => facetOf(corpus, components, f, maps, dates))
}

/** The facet a chosen candidate makes: members (one per definition), label, timeline, variants. */
function facetOf(
  corpus: AnalysedCorpus,
  components: readonly Component[],
  chosen: { keys: string[]; members: Set<number> },
  maps: readonly OffsetMap[],
  dates: Readonly<Record<string, string>>,
): Facet {
  const { docs } = corpus
  const perDefinition = new Map<number, Component>()
  for (const ci of [...chosen.members].sort((a, b) => a - b)) {
    const c = components[ci]
    if (!perDefinition.has(c.definition)) perDefinition.set(c.definition, c)
  }
  const list = [...perDefinition.values()]
  const members: FacetMember[] = list.map((c) => {
    const doc = docs[c.doc]
    // The member's role: the cue words around the facet's words, else the component's.
    const k = Math.min(...chosen.keys.map((key) => c.at.get(key) ?? Infinity))
    const near = Number.isFinite(k) ? doc.text.slice(doc.starts[Math.max(c.t0, k - 3)], doc.ends[Math.min(c.t1, k + 3)]) : ''
    const role = ROLE_CUES.find(([re]) => re.test(near))?.[1] ?? c.role
    const start = doc.starts[c.t0]
    const end = doc.ends[c.t1]
    return {
      doc: doc.id,
      start: maps[c.doc].toCodePoint(start),
      end: maps[c.doc].toCodePoint(end),
      text: doc.text.slice(start, end),
      definition: c.definition,
      role,
    }
  })
  // Label: the keys' words as the members write them, in their order (with the few words between
  // them: "changes in usage"); the wording most members use, the earliest on a tie.
  const labelOf = (c: Component): string => {
    const doc = docs[c.doc]
    const at = chosen.keys
      .map((k) => c.at.get(k) ?? -1)
      .filter((t) => t >= 0)
      .sort((a, b) => a - b)
    const last = at[at.length - 1]
    const word = (t: number): string => doc.text.slice(doc.starts[t], doc.ends[t + (isPhrase(doc, t) ? 1 : 0)]).toLowerCase()
    return at.length > 1 && last - at[0] <= MAX_LABEL_GAP
      ? doc.text.slice(doc.starts[at[0]], doc.ends[last + (isPhrase(doc, last) ? 1 : 0)]).toLowerCase()
      : at.map(word).join(' ')
  }
  const wordings = new Map<string, number>()
  for (const c of list) {
    const w = labelOf(c)
    wordings.set(w, (wordings.get(w) ?? 0) + 1)
  }
  const label = [...wordings].reduce((best, w) => (w[1] > best[1] ? w : best))[0]
  const roles = new Map<ComponentRole, number>()
  for (const m of members) roles.set(m.role, (roles.get(m.role) ?? 0) + 1)
  const role = [...roles].sort((a, b) => b[1] - a[1])[0][0]
  const facetDocs = [...new Set(members.map((m) => m.doc))]
  // Word differences between the first member of each document and the others'.
  const variants: FacetVariant[] = []
  const firstOfDoc = facetDocs.map((id) => members.findIndex((m) => m.doc === id))
  for (let x = 0; x < firstOfDoc.length && variants.length < MAX_VARIANT_PAIRS; x++) {
    for (let y = x + 1; y < firstOfDoc.length && variants.length < MAX_VARIANT_PAIRS; y++) {
      const a = list[firstOfDoc[x]]
      const b = list[firstOfDoc[y]]
      variants.push({
        a: firstOfDoc[x],
        b: firstOfDoc[y],
        changes: diffPassages(
          { doc: docs[a.doc], start: a.t0, end: a.t1, map: maps[a.doc] },
          { doc: docs[b.doc], start: b.t0, end: b.t1, map: maps[b.doc] },
        ),
      })
    }
  }
  return { label, role, members, docs: facetDocs, timeline: timelineOf(facetDocs, dates), variants }
}

/** True when token `t` and the next make one of PHRASES ("artificial intelligence"). */
function isPhrase(doc: AnalysedDocument, t: number): boolean {
  if (t + 1 >= doc.starts.length) return false
  return `${doc.text.slice(doc.starts[t], doc.ends[t])} ${doc.text.slice(doc.starts[t + 1], doc.ends[t + 1])}`.toLowerCase() in PHRASES
}

/** The role of the component starting at token `t`, from its first words and the few words before it. */
function roleFrom(doc: AnalysedDocument, t: number, body: number): ComponentRole {
  const own = doc.text.slice(doc.starts[t], doc.ends[Math.min(t + 2, doc.starts.length - 1)])
  const before = doc.text.slice(doc.starts[Math.max(body, t - 4)], doc.starts[t])
  for (const [re, role] of ROLE_CUES) if (re.test(own)) return role
  if (GENUS_CUE.test(before)) return 'genus'
  for (const [re, role] of ROLE_CUES) if (re.test(before)) return role
  return 'feature'
}

/** Share of the corpus's sentences each key occurs in. */
function keyRarity(corpus: AnalysedCorpus, keyOf: (surface: string, match: string) => string | null): Map<string, number> {
  const { lexicon } = corpus
  const counts = new Map<string, number>()
  let sentences = 0
  for (const doc of corpus.docs) {
    const bounds = sentenceStarts(doc)
    for (let s = 0; s + 1 < bounds.length; s++) {
      sentences++
      const seen = new Set<string>()
      for (let t = bounds[s]; t < bounds[s + 1]; t++) {
        if (lexicon.isStop(doc.surface[t])) continue
        const surface = lexicon.surfaces[doc.surface[t]]
        const key = keyOf(surface, lexicon.matches[doc.match[t]])
        if (key) seen.add(key)
      }
      for (const k of seen) counts.set(k, (counts.get(k) ?? 0) + 1)
    }
  }
  const out = new Map<string, number>()
  // A small corpus says nothing about how common a word is: every key counts as rare.
  for (const [k, n] of counts) out.set(k, sentences < MIN_SENTENCES_FOR_SHARE ? 0 : n / sentences)
  return out
}
