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
//   "including", "taking", "instead" ...). A coordinated series of short items ("high-tech, high
//   efficiency and high quality", "workers, means of labour, subjects of labour and their optimal
//   combinations") is never cut: it is one component, and one element.
//   Roles. A component's role comes from the words that lead into it: genus (what the term is:
//   after the copula or defining verb), driver ("driven by", "led by", "with X playing the
//   leading role", "-led"), contrast ("as opposed to", "different from", "superior to", "free
//   from", "no longer rely on": a word such as "traditional" alone contrasts nothing),
//   constituent ("include", "consists of", "the improvement of ..."), hallmark ("marked by",
//   "as its core hallmark", "the key"), or feature; trailing "as its <role noun>" gives the role
//   too. A member's role is read from the cue words before its words, never after them.
//   Keys. A component's content words, each reduced to a key: its match form (normalise.ts: case,
//   spelling variants, stem), then CONCEPTS (synonyms and abbreviations: "tech" = "technology",
//   "classic" = "traditional", "element" = "component"). The term's own words are not keys, nor
//   are the cue words that only give a role.
//   Facets, in three passes, each component's keys used by one facet only (no element twice):
//   1. Series: coordinated series of different documents sharing LIST_MIN_SHARED_KEYS keys (and
//      LIST_SHARE of the shorter's) are one facet, labelled with the series as written.
//   2. Words: a key, or two keys near each other in either order, found in components of at
//      least two documents, with the same polarity (a contrast's words apart from the same words
//      used positively). A modifier alone ("advanced", "high") is no element: it counts only with
//      the word it modifies, except as the other side of a contrast ("traditional").
//      Candidates are ranked by voices, documents, then how rare the key is in the corpus's
//      sentences (a word in every other sentence, "China", says nothing). A candidate whose
//      members are mostly those of a better one is folded into it.
//   3. Labels name the element and its role: "technological innovation as driver", "contrast
//      with traditional productive forces", the series itself for a feature list.
//   Each facet lists its members (one component per definition), the documents, the timeline of
//   who used it when, and the word differences between members of different documents (jsdiff
//   through variants.ts, as for overlaps).

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
  /**
   * One per definition, in the order of their documents' dates (the undated last, in order of
   * appearance): the first is the first use, the one the Definitions view compares the others with.
   */
  members: FacetMember[]
  /** Documents that include it, in the same order. */
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
/**
 * Most content words an item of a coordinated series holds ("means of labour", "adapt to new
 * industries"). Longer runs between commas are clauses, which a comma may separate; shorter ones
 * would take a clause's last words for an item.
 */
export const MAX_LIST_ITEM_WORDS = 4
/** Fewest items a coordinated series has: two items ("A and B") are a phrase, not a list to keep whole. */
export const MIN_LIST_ITEMS = 3
/** Keys two series must share to be one element: one shared word ("technology") is common ground, two a shared formula. */
export const LIST_MIN_SHARED_KEYS = 2
/** Share of the shorter series' keys the two must share: a long series touching a short one in two words is not the same. */
export const LIST_SHARE = 0.5
/** Most words a modifier's label takes from what it modifies ("traditional" → "traditional productive forces"). */
export const MAX_HEAD_WORDS = 3

/** Words that open a new component. */
const OPENERS = new Set(
  (
    'that which who because whereas while where wherein rather instead namely including includes include such unlike ' +
    'taking features comes involves cover covers embody embodies create creates adapt adapts reshape reshapes highlights ' +
    'emphasizes prioritizes overcome exhibits serve serves chart driven led marked focused characterized'
  ).split(' '),
)
/** Words that join items: never the first word of a component. */
const CONJUNCTIONS = new Set(['and', 'or', 'but', 'nor'])
/** Openers of a clause of its own: its role is its own words', never the words before it. */
const CLAUSE_OPENERS = new Set('that which who whose where wherein whereas because while'.split(' '))
/** Openers of a relative clause: it describes the noun just before it. */
const RELATIVE = new Set('that which who whose'.split(' '))
/**
 * Words that give a role to what follows them. Contrast needs a word that contrasts: "traditional"
 * or "classic" alone names the other side only when such a word leads to it.
 */
const ROLE_CUES: [RegExp, ComponentRole][] = [
  // "rather than X", "instead of X" name the other side; "Instead, they …" the term's own.
  [
    /\b(?:opposed|different|differs?|distinct|superior|inferior|unlike|free|freed|longer|rather\s+than|instead\s+of|distinction|contrast|whereas)\b/i,
    'contrast',
  ],
  [/\b(?:driven|led|lead|leading|powered|propelled|focused|driving|drive|drives|spurred|-led|innovation-led|based)\b/i, 'driver'],
  [
    /\b(?:include|includes|including|consists?|comprises?|cover|covers|involves?|improvement|elements?|components?|combinations?)\b/i,
    'constituent',
  ],
  [/\b(?:hallmark|hallmarks|connotation|marked|distinguished)\b/i, 'hallmark'],
]
/** Words that name a role themselves: "new components like data", "one of the new elements". */
const ROLE_NOUNS: [RegExp, ComponentRole][] = [
  [/^(?:components?|elements?|constituents?)$/i, 'constituent'],
  [/^(?:hallmarks?)$/i, 'hallmark'],
  [/^(?:drivers?)$/i, 'driver'],
]
/** The verb after which the genus comes. */
const GENUS_CUE = /\b(?:is|are|mean|means|denotes?|represents?|refers?\s+(?:\w+\s+){0,2}to|essence,?)\s*$/i
/** The same verb a few words before a member's words: "mean advanced productivity", "are a new type of". */
const GENUS_BEFORE = /\b(?:is|are|mean|means|denotes?|represents?|refers?\s+(?:\p{L}+\s+){0,2}to|essence,?)\s+(?:[\p{L}-]+\s+){0,4}$/iu
/** A role named at the end: "... as its core hallmark". */
const TRAILING_ROLE: [RegExp, ComponentRole][] = [
  [/\bplay(?:s|ing|ed)?\s+(?:a|the)\s+(?:leading|driving|guiding)\s+role\b/iu, 'driver'],
  [
    /\b(?:is|are)\s+(?:the|a|an)\s+(?:[\p{L}-]+\s+){0,2}?(?:foundation|basis|source|engine|driving\s+force|driver)\s+(?:of|for)\b/iu,
    'driver',
  ],
  [/\bas\s+(?:its|their|the)\s+(?:\p{L}+\s+){0,2}(?:hallmarks?|marks?|key)\W*$/iu, 'hallmark'],
  [/\bas\s+(?:its|their|the)\s+(?:\p{L}+\s+){0,2}(?:drivers?|driving\s+forces?)\W*$/iu, 'driver'],
]
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
  component: 'component',
  components: 'component',
  element: 'component',
  elements: 'component',
  constituent: 'component',
  constituents: 'component',
  economy: 'economy',
  economic: 'economy',
  economies: 'economy',
}
/** Keys made of two words (PHRASES), not pairs of keys. */
const PAIR_KEYS: Record<string, true> = { 'artificial intelligence': true, 'high technology': true }
/** Two-word phrases that are one concept. */
const PHRASES: Record<string, string> = {
  'artificial intelligence': 'artificial intelligence',
  'high tech': 'high technology',
  'high technology': 'high technology',
}

/** A coordinated series: its token range and its items' token ranges. */
interface Series {
  t0: number
  t1: number
  items: [number, number][]
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
  /** Keys whose first occurrence modifies the next word ("advanced" in "advanced productivity"). */
  modifier: Set<string>
  /** The coordinated series the component holds, its items' keys, and each item's last key (its head). */
  series?: Series & { keys: Set<string>; heads: Set<string> }
}

/** A facet being chosen: its keys (words, or a series' keys), members (components) and how it is labelled. */
interface Chosen {
  keys: string[]
  members: Set<number>
  /** A series facet (labelled with the series), or a modifier standing for a contrast's other side. */
  kind: 'words' | 'series' | 'modifier'
  /** The other side of a contrast. */
  contrast?: boolean
  /** A series facet: the items' heads all its series share, and whether it lists constituents. */
  heads?: Set<string>
  constituents?: boolean
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
    const series = seriesIn(doc, corpus, body, f.t1)
    const inSeries = (t: number): boolean => series.some((s) => t > s.t0 && t <= s.t1)
    /** The keys of tokens [a, b]: key → first token, and the keys whose first token modifies the next word. */
    const keysOf = (a: number, b: number): { at: Map<string, number>; modifier: Set<string> } => {
      const at = new Map<string, number>()
      const modifier = new Set<string>()
      for (let t = a; t <= b; t++) {
        if (inMention[t - f.t0] || lexicon.isStop(doc.surface[t])) continue
        const surface = lexicon.surfaces[doc.surface[t]]
        const next = t < b ? lexicon.surfaces[doc.surface[t + 1]] : ''
        const phrase = PHRASES[`${surface} ${next}`]
        const key = phrase ?? keyOf(surface, lexicon.matches[doc.match[t]])
        const last = phrase ? t + 1 : t
        if (key && !at.has(key)) {
          at.set(key, t)
          if (modifies(doc, corpus, last, b)) modifier.add(key)
        }
        t = last
      }
      return { at, modifier }
    }
    let t0 = body
    let role: ComponentRole = 'feature'
    const close = (end: number): void => {
      // Without the function words at its edges ("and a substantial increase …", "high quality and").
      let t1 = end
      while (t1 > t0 && lexicon.isStop(doc.surface[t1])) t1--
      while (t0 < t1 && CONJUNCTIONS.has(lexicon.surfaces[doc.surface[t0]])) t0++
      if (t1 < t0) return
      const { at, modifier } = keysOf(t0, t1)
      if (at.size === 0) return
      let own = role
      if (own === 'feature') {
        const text = doc.text.slice(doc.starts[t0], doc.ends[t1])
        own = TRAILING_ROLE.find(([re]) => re.test(text))?.[1] ?? own
      }
      const c: Component = { definition, doc: f.doc, t0, t1, role: own, keys: new Set(at.keys()), at, modifier }
      const s = series.find((x) => x.t0 >= t0 && x.t1 <= t1)
      if (s) {
        const keys = new Set<string>()
        const heads = new Set<string>()
        let keyed = 0
        for (const [a, b] of s.items) {
          const item = [...keysOf(a, b).at].sort((x, y) => x[1] - y[1])
          if (item.length === 0) continue
          keyed++
          for (const [k] of item) keys.add(k)
          heads.add(item[item.length - 1][0])
        }
        if (keyed >= MIN_LIST_ITEMS) c.series = { ...s, keys, heads }
      }
      components.push(c)
    }
    let words = 0
    // Inside a relative clause about a contrast's other side ("classic tools, which are driven by …").
    let otherSide = false
    for (let t = body; t <= f.t1; t++) {
      const gap = t > body ? doc.text.slice(doc.ends[t - 1], doc.starts[t]) : ''
      const word = lexicon.surfaces[doc.surface[t]]
      // An opener inside a compound ("future-focused") opens nothing.
      const opens = OPENERS.has(word) && /\s/.test(gap)
      const boundary =
        /[;:.!?()—–]/.test(gap) || (!inSeries(t) && ((opens && t > t0) || (/,/.test(gap) && (opens || words >= MIN_WORDS_BEFORE_COMMA))))
      if (t > body && boundary) {
        close(t - 1)
        const after: ComponentRole = role
        t0 = t
        words = 0
        role = roleFrom(doc, t, body)
        // A relative clause describes what it follows: after a contrast, the other side, up to the clause's end.
        if (/[;:.!?()—–]/.test(gap)) otherSide = false
        if (CLAUSE_OPENERS.has(word) && role !== 'contrast') {
          otherSide = after === 'contrast' && RELATIVE.has(word)
          role = otherSide ? 'contrast' : ownRole(doc, t)
        } else if (otherSide) role = 'contrast'
      } else if (t === body) role = roleFrom(doc, t, body)
      if (!lexicon.isStop(doc.surface[t]) && !inMention[t - f.t0]) words++
    }
    close(f.t1)
  })
  // Each component's role at each of its keys: the cue words just before the key, else its own.
  const roleAt = (c: Component, key: string): ComponentRole => memberRole(docs[c.doc], c, c.at.get(key) ?? c.t0)
  const contrastAt = (ci: number, key: string): boolean => roleAt(components[ci], key) === 'contrast'
  const voicesOf = (members: Iterable<number>): number => new Set([...members].map((ci) => voices[components[ci].definition])).size
  const docsOf = (members: Iterable<number>): number => new Set([...members].map((ci) => components[ci].doc)).size
  // Keys each component has given to a facet already: an element is in one facet only.
  const used = components.map(() => new Set<string>())
  const chosen: Chosen[] = []

  // 1. Series shared by documents: series whose items' heads match one series (a seed, the one
  // matching most others) directly; never a chain of series each like the next.
  const listed = components.map((_, ci) => ci).filter((ci) => components[ci].series)
  const same = (x: number, y: number): boolean => {
    const a = components[x].series!.heads
    const b = components[y].series!.heads
    let shared = 0
    for (const k of a) if (b.has(k)) shared++
    return shared >= LIST_MIN_SHARED_KEYS && shared >= LIST_SHARE * Math.min(a.size, b.size)
  }
  const matches = new Map(listed.map((x) => [x, listed.filter((y) => components[y].doc !== components[x].doc && same(x, y))]))
  const clusters: number[][] = []
  const placed = new Set<number>()
  for (const seed of [...listed].sort((x, y) => matches.get(y)!.length - matches.get(x)!.length || x - y)) {
    if (placed.has(seed)) continue
    placed.add(seed)
    const cluster = [seed]
    for (const y of matches.get(seed)!) {
      if (placed.has(y)) continue
      placed.add(y)
      cluster.push(y)
    }
    clusters.push(cluster.sort((a, b) => a - b))
  }
  const seriesFacets = clusters
    .filter((members) => docsOf(members) >= 2)
    .sort((a, b) => voicesOf(b) - voicesOf(a) || docsOf(b) - docsOf(a) || a[0] - b[0])
  for (const members of seriesFacets) {
    const keys = new Set<string>()
    for (const ci of members) for (const k of components[ci].series!.keys) keys.add(k)
    for (const ci of members) for (const k of components[ci].series!.keys) used[ci].add(k)
    const heads = new Set(
      [...components[members[0]].series!.heads].filter((k) => members.every((ci) => components[ci].series!.heads.has(k))),
    )
    const constituents = members.some((ci) => components[ci].role === 'constituent')
    if (chosen.length < MAX_FACETS) chosen.push({ keys: [...keys], members: new Set(members), kind: 'series', heads, constituents })
  }

  // 2. Words: keys and near pairs of keys found in components of two or more documents, a contrast's apart.
  const rarity = keyRarity(corpus, keyOf)
  const candidates = new Map<string, { keys: string[]; members: Set<number>; contrast: boolean }>()
  components.forEach((c, ci) => {
    const add = (keys: string[]): void => {
      const contrast = contrastAt(ci, keys[0])
      const id = `${contrast ? '-' : '+'}${[...keys].sort().join(' ')}`
      let entry = candidates.get(id)
      if (!entry) candidates.set(id, (entry = { keys, members: new Set(), contrast }))
      entry.members.add(ci)
    }
    const ordered = [...c.at].sort((a, b) => a[1] - b[1]).map(([k]) => k)
    for (const k of ordered) if ((rarity.get(k) ?? 0) <= MAX_KEY_SENTENCE_SHARE) add([k])
    // Near keys, in either order: "growth model", "advanced productivity", "data … elements".
    for (let k = 0; k + 1 < ordered.length; k++) if (ordered[k] !== ordered[k + 1]) add([ordered[k], ordered[k + 1]])
  })
  const ranked = [...candidates.values()]
    .map((c) => {
      const pair = c.keys.length > 1
      // A modifier alone is no element ("advanced", "high"), except as the other side of a contrast;
      // nor are two modifiers of one word ("scientific and technological").
      const modifier = !pair && !(c.keys[0] in PAIR_KEYS) && modifierShare(components, c.members, c.keys[0]) > 0.5
      const modifiers = pair && coordinatedShare(corpus, components, c.members, c.keys) > 0.5
      return {
        ...c,
        modifier,
        modifiers,
        docs: docsOf(c.members),
        voices: voicesOf(c.members),
        // A pair is rarer than either word: its share is taken as half the rarer word's.
        rarity: Math.min(...c.keys.map((k) => rarity.get(k) ?? 0)) * (pair ? 0.5 : 1),
      }
    })
    .filter((c) => c.docs >= 2 && (!c.modifier || c.contrast) && !c.modifiers)
    // More voices first (a quotation two authors share is one, its speaker's), then more
    // documents; then a pair before a single word (more specific); then rarer words.
    .sort(
      (a, b) =>
        b.voices - a.voices ||
        b.docs - a.docs ||
        b.keys.length - a.keys.length ||
        a.rarity - b.rarity ||
        (a.keys.join(' ') < b.keys.join(' ') ? -1 : 1),
    )
  for (const c of ranked) {
    // A single word is an element only where the sentence gives it a role; two words, or a
    // modifier naming a contrast's other side, anywhere.
    // In a series, only an item's last word is the element ("industrial transformation" is no "industry").
    const single = c.keys.length === 1 && !(c.keys[0] in PAIR_KEYS) && !c.modifier
    let members = new Set(
      [...c.members].filter(
        (ci) =>
          c.keys.every((k) => !used[ci].has(k)) &&
          (!single || (roleAt(components[ci], c.keys[0]) !== 'feature' && !components[ci].modifier.has(c.keys[0]))),
      ),
    )
    if (single) {
      // The role most documents give the word; the members that give it another are not this element.
      const byRole = new Map<ComponentRole, number[]>()
      for (const ci of members) {
        const r = roleAt(components[ci], c.keys[0])
        byRole.set(r, [...(byRole.get(r) ?? []), ci])
      }
      const best = [...byRole.values()].sort((a, b) => docsOf(b) - docsOf(a) || b.length - a.length)[0] ?? []
      members = new Set(best)
    }
    // A constituent series is a family: a sentence about one of its items joins it.
    const family = single && chosen.find((f) => f.kind === 'series' && f.constituents && f.heads!.has(c.keys[0]))
    if (family) {
      for (const ci of c.members) {
        if (c.keys.some((k) => used[ci].has(k)) || contrastAt(ci, c.keys[0]) || components[ci].modifier.has(c.keys[0])) continue
        family.members.add(ci)
        for (const k of components[ci].keys) used[ci].add(k)
      }
      continue
    }
    if (docsOf(members) < 2) continue
    // A chosen element's words with one more ("technological innovation" after "innovation"), on the
    // same side of a contrast, are that element again: no duplicate row.
    if (chosen.some((f) => f.kind !== 'series' && !!f.contrast === c.contrast && f.keys.every((k) => c.keys.includes(k)))) continue
    const home = chosen.find((f) => {
      let inside = 0
      for (const ci of members) if (f.members.has(ci)) inside++
      return f.kind !== 'series' && inside / members.size >= FOLD_SHARE
    })
    if (home) {
      // The same element named by another word too ("technological" with "innovation"): it joins
      // the label when every member has it, near the label's words.
      const everywhere = [...home.members].every((ci) => c.keys.every((k) => components[ci].keys.has(k)))
      const lead = components[Math.min(...home.members)]
      const near = c.keys.every((k) => home.keys.some((h) => Math.abs((lead.at.get(k) ?? -99) - (lead.at.get(h) ?? 99)) <= MAX_LABEL_GAP))
      if (home.kind === 'words' && everywhere && near && home.keys.length + c.keys.length <= 3)
        for (const k of c.keys) if (!home.keys.includes(k)) home.keys.push(k)
      for (const ci of members) if (home.members.has(ci)) for (const k of c.keys) used[ci].add(k)
      continue
    }
    if (chosen.length >= MAX_FACETS) continue
    // The other side of a contrast is one element: all its words are this facet's.
    for (const ci of members) for (const k of c.contrast ? components[ci].keys : c.keys) used[ci].add(k)
    chosen.push({ keys: [...c.keys], members, kind: c.modifier ? 'modifier' : 'words', contrast: c.contrast })
  }
  const maps = docs.map((d) => new OffsetMap(d.text))
  const facets = chosen.map((f) => facetOf(corpus, components, f, maps, dates, voices))
  // Best first: more voices, more documents; series before words on a tie.
  const rank = facets.map((f, i) => ({ f, i, voices: new Set(f.members.map((m) => voices[m.definition])).size }))
  return rank.sort((a, b) => b.voices - a.voices || b.f.docs.length - a.f.docs.length || a.i - b.i).map((r) => r.f)
}

/** A facet's label: the element's words and its role ("technological innovation as driver"). */
export function facetLabel(words: string, role: ComponentRole, several = false): string {
  switch (role) {
    case 'contrast':
      return `contrast with ${words}`
    case 'feature':
      return words
    case 'constituent':
      return `${words} as ${several ? 'constituents' : 'constituent'}`
    default:
      return `${words} as ${role}`
  }
}

/** The facet a chosen candidate makes: members (one per definition), label, timeline, variants. */
function facetOf(
  corpus: AnalysedCorpus,
  components: readonly Component[],
  chosen: Chosen,
  maps: readonly OffsetMap[],
  dates: Readonly<Record<string, string>>,
  voices: readonly string[],
): Facet {
  const { docs } = corpus
  const perDefinition = new Map<number, Component>()
  for (const ci of [...chosen.members].sort((a, b) => a - b)) {
    const c = components[ci]
    if (!perDefinition.has(c.definition)) perDefinition.set(c.definition, c)
  }
  // Members in the order of their documents' dates, the undated last (each document's in the order
  // they appear), so that the first member is the first use: the one the others' words are compared
  // with, and the one the timeline marks first. A tester read Light Blade's cell marked "first"
  // (2024-03-09) with its words compared to Shi Jianxun's (2024-04-10), the row's first by position.
  const appearance = [...perDefinition.values()]
  const timeline = timelineOf([...new Set(appearance.map((c) => docs[c.doc].id))], dates)
  const byDate = [...timeline.dated.map((e) => e.doc), ...timeline.undated]
  const list = [...appearance].sort((a, b) => byDate.indexOf(docs[a.doc].id) - byDate.indexOf(docs[b.doc].id))
  const members: FacetMember[] = list.map((c) => {
    const doc = docs[c.doc]
    const at = chosen.keys.map((key) => c.at.get(key) ?? Infinity)
    const k = Math.min(...at)
    // A word that names a role itself ("one of the new elements") gives it, wherever it stands.
    const named = at.filter(Number.isFinite).map((t) => ROLE_NOUNS.find(([re]) => re.test(doc.text.slice(doc.starts[t], doc.ends[t])))?.[1])
    const role =
      c.series && chosen.kind === 'series'
        ? c.role
        : (named.find((r) => r !== undefined) ?? memberRole(doc, c, Number.isFinite(k) ? k : c.t0))
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
  // Words: the wording most voices use, the earliest on a tie.
  // Words that name the role ("elements", "components") are said by the label's role, not repeated.
  const roleWord = (key: string): boolean =>
    list.some((c) => {
      const t = c.at.get(key)
      return t !== undefined && ROLE_NOUNS.some(([re]) => re.test(docs[c.doc].text.slice(docs[c.doc].starts[t], docs[c.doc].ends[t])))
    })
  const named = chosen.keys.filter((k) => !roleWord(k))
  if (chosen.kind === 'words' && named.length > 0 && named.length < chosen.keys.length) chosen = { ...chosen, keys: named }
  const wordings = new Map<string, Set<string>>()
  // In order of appearance: the label does not change with the documents' dates.
  for (const c of appearance) {
    // A series facet is named by its series, not by a family member's words.
    const w = chosen.kind !== 'series' ? wordsOf(corpus, c, chosen) : c.series ? seriesWords(corpus, c) : ''
    if (!w) continue
    if (!wordings.has(w)) wordings.set(w, new Set())
    wordings.get(w)!.add(voices[c.definition])
  }
  const words = [...wordings].reduce((best, w) => (w[1].size > best[1].size ? w : best), ['', new Set<string>()] as [
    string,
    Set<string>,
  ])[0]
  // A series facet's role is its series' (a family's other sentences say more about an item).
  const roles = new Map<ComponentRole, number>()
  const voting = members.filter((_, i) => chosen.kind !== 'series' || list[i].series)
  for (const m of voting) roles.set(m.role, (roles.get(m.role) ?? 0) + 1)
  // The role more than half the members give it; else none in particular.
  const [top, count] = [...roles].sort((a, b) => b[1] - a[1])[0]
  const role: ComponentRole = count * 2 > voting.length ? top : 'feature'
  const facetDocs = byDate
  // Word differences between the first member of each document and the others', the first use's
  // pairs first (the Definitions view marks each member's words against it).
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
  return {
    label: facetLabel(words, role, chosen.kind === 'series'),
    role,
    members,
    docs: facetDocs,
    timeline,
    variants,
  }
}

/**
 * A member's words for the label: the keys' words as written, in their order, with the few words
 * between them ("changes in usage"); a modifier with the words it modifies ("traditional
 * productive forces").
 */
function wordsOf(corpus: AnalysedCorpus, c: Component, chosen: Chosen): string {
  const doc = corpus.docs[c.doc]
  const at = chosen.keys
    .map((k) => c.at.get(k) ?? -1)
    .filter((t) => t >= 0)
    .sort((a, b) => a - b)
  if (at.length === 0) return ''
  const last = at[at.length - 1]
  const endOf = (t: number): number => t + (isPhrase(doc, t) ? 1 : 0)
  if (chosen.kind === 'modifier') {
    let e = endOf(at[0])
    for (let n = 0; n < MAX_HEAD_WORDS && modifies(doc, corpus, e, c.t1); n++) e++
    return doc.text.slice(doc.starts[at[0]], doc.ends[e]).toLowerCase()
  }
  const word = (t: number): string => doc.text.slice(doc.starts[t], doc.ends[endOf(t)]).toLowerCase()
  return at.length > 1 && last - at[0] <= MAX_LABEL_GAP
    ? doc.text.slice(doc.starts[at[0]], doc.ends[endOf(last)]).toLowerCase()
    : at.map(word).join(' ')
}

/** A series as written, from its first content word that is not a cue ("the improvement of workers, …" → "workers, …"). */
function seriesWords(corpus: AnalysedCorpus, c: Component): string {
  const doc = corpus.docs[c.doc]
  const { lexicon } = corpus
  const s = c.series!
  let t = s.t0
  const frame = (w: string): boolean => OPENERS.has(w) || ROLE_CUES.some(([re]) => re.test(w))
  while (t < s.items[0][1] && (lexicon.isStop(doc.surface[t]) || frame(lexicon.surfaces[doc.surface[t]]))) t++
  return doc.text.slice(doc.starts[t], doc.ends[s.t1]).replace(/[“”"]/g, '').toLowerCase()
}

/** True when token `t` and the next make one of PHRASES ("artificial intelligence"). */
function isPhrase(doc: AnalysedDocument, t: number): boolean {
  if (t + 1 >= doc.starts.length) return false
  return `${doc.text.slice(doc.starts[t], doc.ends[t])} ${doc.text.slice(doc.starts[t + 1], doc.ends[t + 1])}`.toLowerCase() in PHRASES
}

/** True when the gap before token `t` joins it to the word before (spaces, a hyphen, an apostrophe). */
function joined(doc: AnalysedDocument, t: number): boolean {
  return /^[\s\-'’]*$/.test(doc.text.slice(doc.ends[t - 1], doc.starts[t]))
}

/**
 * True when token `t` modifies the next word (up to token `limit`): the next is a content word in
 * the same phrase and not a participle ("innovation playing the leading role" is a noun's clause).
 */
function modifies(doc: AnalysedDocument, corpus: AnalysedCorpus, t: number, limit: number): boolean {
  if (t + 1 > limit || !joined(doc, t + 1)) return false
  const { lexicon } = corpus
  const next = lexicon.surfaces[doc.surface[t + 1]]
  // An adjective coordinated with another that modifies a word: "economic and social innovation".
  if ((next === 'and' || next === 'or') && ADJECTIVE.test(lexicon.surfaces[doc.surface[t]]) && t + 2 <= limit && joined(doc, t + 2))
    return modifies(doc, corpus, t + 2, limit)
  return !lexicon.isStop(doc.surface[t + 1]) && !/(?:ing|ed)$/.test(next) && !OPENERS.has(next)
}

/** Share of a candidate's members in which its two keys are coordinated modifiers of the next word ("A and B innovation"). */
function coordinatedShare(corpus: AnalysedCorpus, components: readonly Component[], members: Set<number>, keys: string[]): number {
  let n = 0
  for (const ci of members) {
    const c = components[ci]
    const doc = corpus.docs[c.doc]
    const [a, b] = keys.map((k) => c.at.get(k) ?? -1).sort((x, y) => x - y)
    const between = b === a + 2 ? corpus.lexicon.surfaces[doc.surface[a + 1]] : ''
    if ((between === 'and' || between === 'or') && modifies(doc, corpus, b, c.t1)) n++
  }
  return members.size ? n / members.size : 0
}

/** Share of a candidate's members in which `key` modifies the next word. */
function modifierShare(components: readonly Component[], members: Set<number>, key: string): number {
  let n = 0
  for (const ci of members) if (components[ci].modifier.has(key)) n++
  return members.size ? n / members.size : 0
}

/**
 * The coordinated series in tokens [from, to] of a document (see MAX_LIST_ITEM_WORDS,
 * MIN_LIST_ITEMS): items of a few words separated by commas, the last after "and" or "or".
 */
function seriesIn(doc: AnalysedDocument, corpus: AnalysedCorpus, from: number, to: number): Series[] {
  const { lexicon } = corpus
  const word = (t: number): string => lexicon.surfaces[doc.surface[t]]
  const content = (t: number): boolean => !lexicon.isStop(doc.surface[t])
  const gap = (t: number): string => doc.text.slice(doc.ends[t - 1], doc.starts[t])
  const comma = (t: number): boolean => /,/.test(gap(t)) && !/[;:.!?()—–]/.test(gap(t))
  const conjunction = (t: number): boolean => word(t) === 'and' || word(t) === 'or'
  const out: Series[] = []
  for (let c = from + 1; c <= to; c++) {
    if (!comma(c)) continue
    // The first item: back from the comma, a few content words of the same phrase, up to a
    // function word other than "of" ("advanced agronomy with | low cost, …").
    let s = c - 1
    let n = content(s) ? 1 : 0
    while (
      s - 1 >= from &&
      joined(doc, s) &&
      !OPENERS.has(word(s - 1)) &&
      (content(s - 1) || word(s - 1) === 'of') &&
      !(content(s - 1) && n >= MAX_LIST_ITEM_WORDS)
    ) {
      s--
      if (content(s)) n++
    }
    // Items led by a verb ("embody new technologies, create new value, …"): the first one's too.
    if (c <= to && OPENERS.has(word(c)) && s - 1 >= from && joined(doc, s) && OPENERS.has(word(s - 1))) s--
    const items: [number, number][] = [[s, c - 1]]
    let t = c
    let last = false
    let whole = false
    while (t <= to) {
      if (conjunction(t)) {
        last = true
        t++
        if (t > to) break
      }
      let e = t
      n = content(t) ? 1 : 0
      let long = false
      while (e + 1 <= to && joined(doc, e + 1) && !OPENERS.has(word(e + 1)) && !conjunction(e + 1)) {
        // The last item ends before a function word after its words ("combinations as its ...").
        if (last && content(e) && !content(e + 1) && word(e + 1) !== 'of') break
        if (content(e + 1) && ++n > MAX_LIST_ITEM_WORDS) {
          long = true
          break
        }
        e++
      }
      if (long && !last) break
      items.push([t, e])
      if (last) {
        whole = true
        break
      }
      const next = e + 1
      if (next > to) break
      if (comma(next)) t = next
      else if (joined(doc, next) && conjunction(next)) t = next
      else break
    }
    // Parallel items: all led by a verb or none.
    const led = items.map(([a]) => OPENERS.has(word(a)))
    if (whole && items.length >= MIN_LIST_ITEMS && led.every((x) => x === led[0])) {
      out.push({ t0: items[0][0], t1: items[items.length - 1][1], items })
      c = items[items.length - 1][1]
    }
  }
  return out
}

/** Endings of English adjectives, for a modifier coordinated with another ("economic and social"). */
const ADJECTIVE = /(?:al|ic|ive|ous|ary|ful|less|able|ible)$/

/**
 * Text with its hyphenated compounds left out: "future-focused" is no cue that something is focused
 * on. A compound starts where a word does (tried from each letter, a long word was read to its end
 * from each).
 */
function loose(text: string): string {
  return text.replace(/(?<![\p{L}\d])[\p{L}\d]+(?:-[\p{L}\d]+)+/gu, ' ')
}

/** The role the first words of the component starting at token `t` give it, or 'feature'. */
function ownRole(doc: AnalysedDocument, t: number): ComponentRole {
  const own = doc.text.slice(doc.starts[t], doc.ends[Math.min(t + 2, doc.starts.length - 1)])
  return ROLE_CUES.find(([re]) => re.test(own))?.[1] ?? 'feature'
}

/** The role of the component starting at token `t`, from its first words and the few words before it. */
function roleFrom(doc: AnalysedDocument, t: number, body: number): ComponentRole {
  const own = doc.text.slice(doc.starts[t], doc.ends[Math.min(t + 2, doc.starts.length - 1)])
  const before = loose(doc.text.slice(doc.starts[Math.max(body, t - 4)], doc.starts[t]))
  for (const [re, role] of ROLE_CUES) if (re.test(own)) return role
  if (GENUS_CUE.test(before)) return 'genus'
  for (const [re, role] of ROLE_CUES) if (re.test(before)) return role
  return 'feature'
}

/**
 * A member's role at token `k`: a contrast component's words are a contrast; else the cue words
 * in the few words before `k` within the component, the defining verb there (genus), or the
 * component's role. Words after `k` never give it a role.
 */
function memberRole(doc: AnalysedDocument, c: Component, k: number): ComponentRole {
  if (c.role === 'contrast') return 'contrast'
  const own = doc.text.slice(doc.starts[k], doc.ends[k])
  const attached = doc.text.slice(doc.ends[k], doc.ends[Math.min(k + 1, c.t1)])
  for (const [re, role] of ROLE_NOUNS) if (re.test(own)) return role
  if (/^-(?:led|driven|powered|based)\b/i.test(attached)) return 'driver'
  const before = loose(doc.text.slice(doc.starts[Math.max(c.t0, k - 4)], doc.starts[k]))
  for (const [re, role] of ROLE_CUES) if (re.test(before)) return role
  if (GENUS_BEFORE.test(doc.text.slice(doc.starts[Math.max(c.t0, k - 6)], doc.starts[k]))) return 'genus'
  return c.role
}

/**
 * Share of the corpus's sentences each key occurs in. A key is read once per surface form (keyOf
 * reads nothing else but the form's match, the same for every token of it): a change log corpus's
 * 19 M tokens called keyOf each, 6 s.
 */
function keyRarity(corpus: AnalysedCorpus, keyOf: (surface: string, match: string) => string | null): Map<string, number> {
  const { lexicon } = corpus
  // Per surface id: its key's number + 1 (0: not read yet; -1: no key) and the match id it was read with.
  const keyOfSurface = new Int32Array(lexicon.surfaces.length)
  const matchOfSurface = new Int32Array(lexicon.surfaces.length)
  const keys: string[] = []
  const numbers = new Map<string, number>()
  const numberOf = (key: string | null): number => {
    if (!key) return -1
    let n = numbers.get(key)
    if (n === undefined) {
      numbers.set(key, (n = keys.length))
      keys.push(key)
    }
    return n
  }
  const counts: number[] = []
  /** The sentence each key was last counted in (its number + 1). */
  const lastSentence: number[] = []
  let sentences = 0
  for (const doc of corpus.docs) {
    const bounds = sentenceStarts(doc)
    for (let s = 0; s + 1 < bounds.length; s++) {
      sentences++
      for (let t = bounds[s]; t < bounds[s + 1]; t++) {
        const id = doc.surface[t]
        if (lexicon.isStop(id)) continue
        const match = doc.match[t]
        let n: number
        if (keyOfSurface[id] !== 0 && matchOfSurface[id] === match) n = keyOfSurface[id] > 0 ? keyOfSurface[id] - 1 : -1
        else {
          n = numberOf(keyOf(lexicon.surfaces[id], lexicon.matches[match]))
          keyOfSurface[id] = n >= 0 ? n + 1 : -1
          matchOfSurface[id] = match
        }
        if (n < 0 || lastSentence[n] === sentences) continue
        lastSentence[n] = sentences
        counts[n] = (counts[n] ?? 0) + 1
      }
    }
  }
  const counted = new Map<string, number>()
  // In the order keys were first met, as the sets and map of each sentence gave them.
  for (let n = 0; n < keys.length; n++) if (counts[n]) counted.set(keys[n], counts[n])
  const out = new Map<string, number>()
  // A small corpus says nothing about how common a word is: every key counts as rare.
  for (const [k, n] of counted) out.set(k, sentences < MIN_SENTENCES_FOR_SHARE ? 0 : n / sentences)
  return out
}
