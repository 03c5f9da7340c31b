import search from 'approx-string-match'
import {
  type Annotation,
  PREFIX_LENGTH,
  positionOf,
  quoteOf,
  selectorsFor,
  type TextPositionSelector,
  type TextQuoteSelector,
} from './annotation.js'
import { type OffsetMap } from '../text/offsets.js'
import { lowerBound } from '../text/sorted.js'

// Re-anchoring: finding an annotation's passage again in a text that may have changed since the
// annotation was made. Orphan rather than guess: a reader's note on the wrong sentence is worse
// than a note that asks to be re-attached.
//   1. position: the stored start/end still hold the stored quote, between the stored prefix and
//      suffix (or found nowhere else in the text, with no place below) → anchored;
//   2. places: where the stored prefix and suffix are both intact, close together, with the
//      passage, other words or nothing between them (text of one template has one in each record);
//   3. candidates: every exact occurrence of the quote, else every near match (approx-string-match),
//      each scored, as Hypothesis' match-quote does, on the quote, the prefix and the suffix (each
//      a fuzzy similarity normalised to 0..1) and on its distance from the stored position; where
//      there are places, a candidate is the passage when it is a place's words intact (wherever:
//      text inserted before shifts every record), a near match in the place nearest to the stored
//      position, or in no place and nearer than any; the others are another record's words, or
//      the words after a passage deleted whole;
//   4. a candidate is accepted only when its context agrees with the stored prefix and suffix;
//      the best accepted one → moved;
//   5. otherwise → orphan: kept as it is, with its stored selectors, quote, note and tags, for the
//      user to re-attach. So when the annotated occurrence of a repeated phrase is rewritten, the
//      annotation does not jump to another occurrence whose surroundings differ, nor to one whose
//      surroundings are merely alike (text that repeats its letters and words).
// Its limits: where two records hold the same words with the same 32 characters either side and
// the annotated one is edited inside, the other is taken, words and surroundings intact (only
// distance tells them apart, and text inserted before shifts every record); and a passage deleted
// with the space or line break after it leaves no place, so its annotation is judged on its
// surroundings alone, and a neighbour that repeats them can take it.

export type AnchorStatus = 'anchored' | 'moved' | 'orphan'

export interface Anchor {
  status: AnchorStatus
  /** Code point offsets of the passage in the current text (the stored ones for an orphan). */
  start: number
  end: number
}

/**
 * Weights of the parts of a candidate's score, for choosing among accepted candidates. The quote
 * dominates: a candidate must above all say what the annotation quoted. Prefix and suffix (the 32
 * characters either side) tell apart repeated phrases; position breaks the remaining ties,
 * weakly, because an edit earlier in the text shifts every later passage.
 */
const QUOTE_WEIGHT = 50
const PREFIX_WEIGHT = 20
const SUFFIX_WEIGHT = 20
const POSITION_WEIGHT = 2

/**
 * A fuzzy match may differ from the stored quote in at most this share of its characters. A
 * quarter lets a fixed typo or a changed word or two in a sentence through, while a passage that
 * was rewritten becomes an orphan rather than a wrong highlight.
 */
const MAX_ERROR_RATE = 0.25
/** Cap on the errors the fuzzy search allows: its cost grows with them. */
const MAX_ERRORS = 256

/**
 * When a candidate's surroundings agree with the stored prefix and suffix (similarities 0..1). A
 * side agrees when it is at least STRONG_SIDE similar (a typo or two in 32 characters). Edits
 * inside a passage leave both sides intact: a candidate whose both sides agree is accepted
 * wherever it is. An edit beside a passage damages one side: a candidate with one side intact
 * (similarity 1), whatever the other, is accepted only within NEAR of the stored position,
 * because in repetitive text (boilerplate, refrains) the same words elsewhere often have one side
 * that agrees too. Lower thresholds or a wider NEAR: a rewritten passage's annotation may land on
 * the same words elsewhere. Higher or narrower: more orphans after edits beside a passage.
 */
const STRONG_SIDE = 0.9
/** See STRONG_SIDE: how far (UTF-16 units) a passage with one side rewritten may have moved. */
const NEAR = 2 * PREFIX_LENGTH

/**
 * A quote shorter than this (UTF-16 units: two or three words) says little by itself, and a
 * candidate with one side intact near the stored position (see STRONG_SIDE) is accepted only
 * where its other side is WEAK_SIDE similar at least (otherSide): a passage edited beside it keeps
 * some of its context there, and the next sentence's first words, where the annotated sentence was
 * deleted, keep none ("The", "Developing new", "forces." open and end many sentences). Measured on
 * the bundled corpus (anchor.test.ts), annotations of the first or last one to three words of
 * each sentence and line: with their own sentence or line deleted, 91 of 1,656 were placed on
 * other text before, 29 now; with the sentence next to them deleted, 666 of 858 were found
 * before, 577 now, the others orphans (for the reader to re-attach). Of 9,000 random edits beside
 * or inside longer passages (a tester's), as many found as before. Not taken: a short quote's
 * only occurrence in the text accepted with one side intact (637 of the 858 found, 34 of the
 * 1,656 on other text): a note on the wrong words is worse than one that asks to be re-attached.
 * Longer, or a higher WEAK_SIDE: more passages of a few words edited beside are orphans; shorter,
 * or lower: the next sentence's words take more annotations.
 */
export const SHORT_QUOTE = 16
/** See SHORT_QUOTE: how similar (0..1) a short quote's other side must be. */
const WEAK_SIDE = 0.55

/**
 * How similar a candidate's other side is (the one not intact: see SHORT_QUOTE), its edits counted
 * against a whole context (PREFIX_LENGTH): a side cut short by the text's edge ("aa" before a
 * passage near the start) is two or three characters, and one space inserted before it halved its
 * similarity.
 */
function otherSide(prefixScore: number, suffixScore: number, quote: TextQuoteSelector): number {
  const [score, side] = prefixScore === 1 ? [suffixScore, quote.suffix] : [prefixScore, quote.prefix]
  return 1 - ((1 - score) * Math.min(side.length, PREFIX_LENGTH)) / PREFIX_LENGTH
}

/**
 * A quote with no stored context at all (passages that passim or TextPAIR report come with
 * offsets and text only): an exact occurrence is accepted, the nearest to the stored position
 * first; a near match only when the quote is at least this long (UTF-16 units), so that the
 * words themselves are the evidence. Shorter: a rewritten short passage could land on similar
 * words elsewhere. Longer: a long passage with one fixed typo would be reported as gone.
 */
const CONTEXTLESS_FUZZY_MIN = 64
/**
 * How long (UTF-16 units) the text between an intact stored prefix and suffix may be, beyond the
 * stored quote's length, for it to count as the passage's own place rewritten (see `ownPlaces`).
 * Longer: a prefix and a suffix that recur far apart would be taken for a place. Shorter: a passage
 * rewritten at greater length no longer holds its place, and the same-looking words elsewhere are
 * judged on their surroundings alone.
 */
const REWRITE_SLACK = 2 * PREFIX_LENGTH
/** Extra characters of text the context alignment may use, for insertions next to the passage. */
const CONTEXT_SLACK = 8

/**
 * Similarity (0..1) of a stored context to the text beside a candidate: 1 − edit distance / length,
 * with the alignment pinned to the candidate's edge (`text` starts there; for a prefix, pass both
 * reversed) and free at the far end. Pinned, because a context that matches only when shifted
 * belongs to another place; approx-string-match finds the best match anywhere in the text, so this
 * small Levenshtein table (at most 32 × 40 cells) is written here.
 */
function contextSimilarity(pattern: string, text: string, atEdge: boolean): number {
  if (pattern.length === 0) return text.length === 0 ? 1 : 0
  // A context that reached the start (or end) of the text must reach it still, give or take the
  // slack: "a " before a passage is weak evidence, "a " and then the start of the text is not.
  if (atEdge && text.length > pattern.length + CONTEXT_SLACK) return 0
  const n = text.length
  let row = Array.from({ length: n + 1 }, (_, j) => j)
  for (let i = 1; i <= pattern.length; i++) {
    const next = [i]
    for (let j = 1; j <= n; j++) {
      const substitute = row[j - 1] + (pattern.charCodeAt(i - 1) === text.charCodeAt(j - 1) ? 0 : 1)
      next.push(Math.min(substitute, row[j] + 1, next[j - 1] + 1))
    }
    row = next
  }
  return Math.max(0, 1 - (atEdge ? row[n] : Math.min(...row)) / pattern.length)
}

const reversed = (s: string) => s.split('').reverse().join('')

interface Candidate {
  /** UTF-16 offsets in the text. */
  start: number
  end: number
  errors: number
}

/** Whether the stored prefix reached the start of the text, and the stored suffix its end. */
interface Edges {
  prefix: boolean
  suffix: boolean
  /** No context is known at all (a passage reported by another tool): see CONTEXTLESS_FUZZY_MIN. */
  contextless?: boolean
}

/**
 * The edges a quote selector's context reached: it counts only together with that edge, because a
 * context cut short by the edge is weak evidence alone ("ly." before a passage is found in many
 * places; "ly." and then the end of the text is not). The prefix reached the start when it is as
 * long as the passage's start offset; a suffix shorter than PREFIX_LENGTH reached the end, unless
 * the prefix is short too without reaching the start (selectors made by another tool).
 */
function edgesOf(quote: TextQuoteSelector, position: TextPositionSelector): Edges {
  const prefix = [...quote.prefix].length
  const suffix = [...quote.suffix].length
  // A whole PREFIX_LENGTH of context is evidence by itself, wherever the passage now starts.
  const prefixAtStart = prefix < PREFIX_LENGTH && prefix === position.start
  return { prefix: prefixAtStart, suffix: suffix < PREFIX_LENGTH && (prefixAtStart || prefix === PREFIX_LENGTH) }
}

interface Scored extends Candidate {
  /** The candidate's context agrees with the stored one (see STRONG_SIDE). */
  agrees: boolean
  total: number
}

/**
 * Scores a candidate. The prefix is compared with the text just before the candidate, the suffix
 * with the text just after; an empty stored side (the passage was at the start or the end of the
 * text) agrees only with a candidate at the same end.
 */
function scored(text: string, c: Candidate, quote: TextQuoteSelector, expected: number, edges: Edges): Scored {
  const quoteScore = 1 - c.errors / Math.max(1, quote.exact.length)
  const before = text.slice(Math.max(0, c.start - quote.prefix.length - 2 * CONTEXT_SLACK), c.start)
  const after = text.slice(c.end, c.end + quote.suffix.length + 2 * CONTEXT_SLACK)
  const prefixScore = contextSimilarity(reversed(quote.prefix), reversed(before), edges.prefix)
  const suffixScore = contextSimilarity(quote.suffix, after, edges.suffix)
  const positionScore = 1 - Math.min(1, Math.abs(c.start - expected) / Math.max(1, text.length))
  const total = QUOTE_WEIGHT * quoteScore + PREFIX_WEIGHT * prefixScore + SUFFIX_WEIGHT * suffixScore + POSITION_WEIGHT * positionScore
  const both = prefixScore >= STRONG_SIDE && suffixScore >= STRONG_SIDE
  const one =
    Math.max(prefixScore, suffixScore) === 1 &&
    (quote.exact.length >= SHORT_QUOTE || otherSide(prefixScore, suffixScore, quote) >= WEAK_SIDE)
  const agrees = edges.contextless
    ? c.errors === 0 || quote.exact.length >= CONTEXTLESS_FUZZY_MIN
    : both || (one && Math.abs(c.start - expected) <= NEAR)
  return { ...c, agrees, total }
}

/** A stretch of text (UTF-16) between an intact stored prefix and suffix: see ownPlaces. */
interface Place {
  start: number
  end: number
}

/** The longest a place may be (see REWRITE_SLACK). */
const longestPlace = (quote: TextQuoteSelector): number => quote.exact.length + REWRITE_SLACK

/**
 * The places of the passage found by its surroundings alone: each stretch of `text` (UTF-16) that
 * the stored prefix ends right before and the stored suffix starts right after, whatever it holds
 * now (the passage, the passage rewritten, or nothing when it was deleted). Both sides must be
 * known: a full PREFIX_LENGTH of context, or a shorter one that reached the text's edge. Empty
 * when either side was rewritten too, or when the selectors carry no such context.
 */
function ownPlaces(text: string, quote: TextQuoteSelector, edges: Edges): Place[] {
  const full = (side: string) => [...side].length === PREFIX_LENGTH
  if (edges.contextless || !(full(quote.prefix) || edges.prefix) || !(full(quote.suffix) || edges.suffix)) return []
  const longest = longestPlace(quote)
  const places: Place[] = []
  const starts: number[] = []
  // A context cut short by the text's edge is found only at that edge.
  if (edges.prefix) {
    if (text.startsWith(quote.prefix)) starts.push(quote.prefix.length)
  } else for (let i = text.indexOf(quote.prefix); i !== -1; i = text.indexOf(quote.prefix, i + 1)) starts.push(i + quote.prefix.length)
  for (const start of starts) {
    if (edges.suffix) {
      const end = text.length - quote.suffix.length
      if (end >= start && end - start <= longest && text.endsWith(quote.suffix)) places.push({ start, end })
      continue
    }
    // Only as far as a place may reach: text that repeats its prefix (a refrain, a row of dots)
    // has it at thousands of places.
    const at = text.slice(start, start + longest + quote.suffix.length).indexOf(quote.suffix)
    if (at !== -1) places.push({ start, end: start + at })
  }
  return places
}

/** The best candidate whose context agrees, or null. */
function best(text: string, candidates: Candidate[], quote: TextQuoteSelector, expected: number, edges: Edges): Scored | null {
  // Fewest errors first: once a candidate's best possible score (perfect context and position)
  // cannot beat the top one, neither can any later one, and scoring stops.
  candidates.sort((a, b) => a.errors - b.errors || a.start - b.start)
  const seen = new Set<string>()
  let top: Scored | null = null
  for (const c of candidates) {
    const bound = QUOTE_WEIGHT * (1 - c.errors / Math.max(1, quote.exact.length)) + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT
    if (top && bound <= top.total) break
    const key = `${c.start}:${c.end}`
    if (seen.has(key)) continue
    seen.add(key)
    const s = scored(text, c, quote, expected, edges)
    if (!s.agrees) continue
    if (!top || s.total > top.total) top = s
  }
  return top
}

/**
 * A fuzzy match's boundaries are approximate (an edit near an end can be counted inside or
 * outside the match, by as many characters as it has errors): where the stored prefix or suffix
 * occurs intact that close to a boundary, the boundary moves to it.
 */
function snapped(text: string, c: Candidate, quote: TextQuoteSelector, edges: Edges): Candidate {
  let { start, end } = c
  const reach = c.errors + CONTEXT_SLACK
  // A context that reached the text's edge is found only there: " wt" at the end of the text is
  // not the " wt" of " wtaa" before it.
  if (quote.prefix) {
    const i = edges.prefix ? (text.startsWith(quote.prefix) ? 0 : -1) : nearest(text, quote.prefix, start - quote.prefix.length, reach, 0)
    if (i !== -1 && Math.abs(i + quote.prefix.length - start) <= reach) start = i + quote.prefix.length
  } else if (edges.prefix && start <= reach) start = 0
  if (quote.suffix) {
    const j = edges.suffix
      ? text.endsWith(quote.suffix) && text.length - quote.suffix.length >= start
        ? text.length - quote.suffix.length
        : -1
      : nearest(text, quote.suffix, end, reach, start)
    if (j !== -1 && Math.abs(j - end) <= reach) end = j
  } else if (edges.suffix && text.length - end <= reach) end = text.length
  return end > start ? { ...c, start, end } : c
}

/**
 * The occurrence of `s` in `text` nearest to offset `at`, within `reach` of it and not before
 * `from`, or -1: where a context repeats itself ("la la la", a row of dots), the first occurrence
 * in reach is other text.
 */
function nearest(text: string, s: string, at: number, reach: number, from: number): number {
  let found = -1
  for (let i = text.indexOf(s, Math.max(from, at - reach)); i !== -1 && i <= at + reach; i = text.indexOf(s, i + 1))
    if (found === -1 || Math.abs(i - at) < Math.abs(found - at)) found = i
  return found
}

/** Moves a UTF-16 boundary off the middle of a surrogate pair (to the pair's start). */
function onCodePoint(text: string, u: number): number {
  const code = text.charCodeAt(u)
  return code >= 0xdc00 && code <= 0xdfff && u > 0 ? u - 1 : u
}

/** Whether code points [start, end) of `text` have the stored prefix just before and suffix just after. */
function inContext(text: OffsetMap, start: number, end: number, quote: TextQuoteSelector): boolean {
  const before = [...quote.prefix].length
  const after = [...quote.suffix].length
  return (
    start >= before &&
    text.slice(start - before, start) === quote.prefix &&
    end + after <= text.codePointLength &&
    text.slice(end, end + after) === quote.suffix
  )
}

/** Finds the passage described by a quote and a position selector in `text`, or makes it an orphan. */
export function anchorSelectors(
  text: OffsetMap,
  quote: TextQuoteSelector,
  position: TextPositionSelector,
  options: { contextless?: boolean } = {},
): Anchor {
  const { start, end } = position
  const t = text.text
  // Where it was, with the same words and the same surroundings, or with words found nowhere else
  // while nothing marks a place of the passage elsewhere: a passage that repeats ("no, no, no") can
  // hold its words there after an edit before it shifted the text, and be another of them. (The
  // first test first: it answers for every annotation of a text that did not change.) Not a short
  // quote by its words alone (SHORT_QUOTE): "The" of the next sentence, the annotated one deleted,
  // is where it was, and may be the only "The" of a short text.
  const here = end <= text.codePointLength && text.slice(start, end) === quote.exact
  if (here && inContext(text, start, end, quote)) return { status: 'anchored', start, end }
  const edges: Edges = options.contextless ? { prefix: false, suffix: false, contextless: true } : edgesOf(quote, position)
  const places = ownPlaces(t, quote, edges)
  if (here && places.length === 0 && quote.exact.length >= SHORT_QUOTE && t.indexOf(quote.exact) === t.lastIndexOf(quote.exact))
    return { status: 'anchored', start, end }

  const expected = text.toUtf16(Math.min(start, text.codePointLength))
  const candidates: Candidate[] = []
  for (let i = t.indexOf(quote.exact); quote.exact && i !== -1; i = t.indexOf(quote.exact, i + 1))
    candidates.push({ start: i, end: i + quote.exact.length, errors: 0 })
  const maxErrors = Math.min(MAX_ERRORS, Math.floor(quote.exact.length * MAX_ERROR_RATE))
  // Only where no exact occurrence was found: the search reports the fewest errors found anywhere,
  // so it would list the exact ones again. A loop, not a spread: a refrain has 100,000s of them.
  if (maxErrors > 0 && candidates.length === 0) for (const m of search(t, quote.exact, maxErrors)) candidates.push(m)
  // The places of the passage (ownPlaces), where there are any, decide which candidates can be it:
  // the passage itself, words and surroundings intact, wherever it is now (text inserted or
  // deleted before it shifts every record of a register); a near match in a place only in the
  // nearest place to where it was (another record's words are alike too: it was edited there, or
  // deleted); a candidate in no place only when nearer than any place (its surroundings were edited).
  const distance = (at: number) => Math.abs(at - expected)
  let nearestPlace = Infinity
  for (const p of places) nearestPlace = Math.min(nearestPlace, distance(p.start))
  const placeStarts = places.map((p) => p.start)
  const longest = longestPlace(quote)
  const isPassage = (c: Candidate): boolean => {
    if (places.length === 0) return true
    let holding: Place | undefined
    let nearestHolding = false
    // Places start in order and are at most `longest` long: only those starting from there can hold c.
    for (let k = lowerBound(placeStarts, c.start - longest); k < places.length && places[k].start < c.end; k++) {
      const p = places[k]
      if (!(c.start < p.end && c.end > p.start)) continue
      if (c.errors === 0 && p.start === c.start && p.end === c.end) return true
      holding = p
      if (distance(p.start) === nearestPlace) nearestHolding = true
    }
    return holding ? nearestHolding : distance(c.start) < nearestPlace
  }
  const top = best(t, candidates.filter(isPassage), quote, expected, edges)
  if (!top) return { status: 'orphan', start, end }
  const found = top.errors > 0 ? snapped(t, top, quote, edges) : top
  const from = text.toCodePoint(onCodePoint(t, found.start))
  const to = text.toCodePoint(onCodePoint(t, found.end))
  if (to <= from) return { status: 'orphan', start, end }
  return { status: from === start && to === end ? 'anchored' : 'moved', start: from, end: to }
}

/** Re-anchors an annotation in `text`. */
export function anchorAnnotation(text: OffsetMap, annotation: Annotation): Anchor {
  return anchorSelectors(text, quoteOf(annotation), positionOf(annotation))
}

/**
 * The annotation with its selectors rewritten for a new span of `text` (after a successful
 * re-anchor, or when the user changes the span). Other selectors are kept.
 */
export function withSpan(annotation: Annotation, text: OffsetMap, start: number, end: number): Annotation {
  const fresh = selectorsFor(text, start, end)
  const others = annotation.target.selector.filter((s) => s.type !== 'TextQuoteSelector' && s.type !== 'TextPositionSelector')
  return { ...annotation, target: { ...annotation.target, selector: [...fresh, ...others] } }
}
