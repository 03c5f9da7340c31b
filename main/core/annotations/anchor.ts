import search from 'approx-string-match'
import { type Annotation, positionOf, quoteOf, selectorsFor, type TextPositionSelector, type TextQuoteSelector } from './annotation.js'
import { type OffsetMap } from '../text/offsets.js'

// Re-anchoring: finding an annotation's passage again in a text that may have changed since the
// annotation was made. In order, as Hypothesis does:
//   1. position: the stored start/end still hold the stored quote → anchored;
//   2. exact quote: the quote occurs elsewhere → moved to the occurrence whose context and
//      position agree best with the stored ones;
//   3. fuzzy quote: approx-string-match finds near matches of the quote, scored on the quote,
//      the prefix, the suffix and the distance from the old position → moved, if the quote is
//      still similar enough;
//   4. otherwise → orphan: kept as it is, with its stored selectors, for the user to re-attach.

export type AnchorStatus = 'anchored' | 'moved' | 'orphan'

export interface Anchor {
  status: AnchorStatus
  /** Code point offsets of the passage in the current text (the stored ones for an orphan). */
  start: number
  end: number
}

/**
 * Weights of the parts of a candidate's score. The quote dominates: a candidate must above all
 * say what the annotation quoted. Prefix and suffix (the 32 characters either side) tell apart
 * repeated phrases; position breaks the remaining ties, weakly, because an edit earlier in the
 * text shifts every later passage.
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

/** Length of the longest common suffix of a and b. */
function commonSuffix(a: string, b: string): number {
  let n = 0
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++
  return n
}

/** Length of the longest common prefix of a and b. */
function commonPrefix(a: string, b: string): number {
  let n = 0
  while (n < a.length && n < b.length && a[n] === b[n]) n++
  return n
}

interface Candidate {
  /** UTF-16 offsets in the text. */
  start: number
  end: number
  errors: number
}

function score(text: string, c: Candidate, quote: TextQuoteSelector, expected: number): number {
  const quoteScore = 1 - c.errors / Math.max(1, quote.exact.length)
  const before = text.slice(Math.max(0, c.start - quote.prefix.length), c.start)
  const after = text.slice(c.end, c.end + quote.suffix.length)
  const prefixScore = quote.prefix ? commonSuffix(before, quote.prefix) / quote.prefix.length : 1
  const suffixScore = quote.suffix ? commonPrefix(after, quote.suffix) / quote.suffix.length : 1
  const positionScore = 1 - Math.min(1, Math.abs(c.start - expected) / Math.max(1, text.length))
  return QUOTE_WEIGHT * quoteScore + PREFIX_WEIGHT * prefixScore + SUFFIX_WEIGHT * suffixScore + POSITION_WEIGHT * positionScore
}

function best(text: string, candidates: Candidate[], quote: TextQuoteSelector, expected: number): Candidate | null {
  let top: Candidate | null = null
  let topScore = -Infinity
  for (const c of candidates) {
    const s = score(text, c, quote, expected)
    if (s > topScore) {
      top = c
      topScore = s
    }
  }
  return top
}

/** Moves a UTF-16 boundary off the middle of a surrogate pair (to the pair's start). */
function onCodePoint(text: string, u: number): number {
  const code = text.charCodeAt(u)
  return code >= 0xdc00 && code <= 0xdfff && u > 0 ? u - 1 : u
}

/** Finds the passage described by a quote and a position selector in `text`. */
export function anchorSelectors(text: OffsetMap, quote: TextQuoteSelector, position: TextPositionSelector): Anchor {
  const { start, end } = position
  if (end <= text.codePointLength && text.slice(start, end) === quote.exact) return { status: 'anchored', start, end }

  const t = text.text
  const expected = text.toUtf16(Math.min(start, text.codePointLength))
  const exact: Candidate[] = []
  for (let i = t.indexOf(quote.exact); i !== -1; i = t.indexOf(quote.exact, i + 1))
    exact.push({ start: i, end: i + quote.exact.length, errors: 0 })
  let found = best(t, exact, quote, expected)

  if (!found) {
    const maxErrors = Math.min(MAX_ERRORS, Math.floor(quote.exact.length * MAX_ERROR_RATE))
    if (maxErrors > 0) found = best(t, search(t, quote.exact, maxErrors), quote, expected)
  }
  if (!found) return { status: 'orphan', start, end }
  const from = text.toCodePoint(onCodePoint(t, found.start))
  const to = text.toCodePoint(onCodePoint(t, found.end))
  if (to <= from) return { status: 'orphan', start, end }
  return { status: 'moved', start: from, end: to }
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
