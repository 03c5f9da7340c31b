import { OffsetMap } from '../text/offsets.js'
import type { ExcludedRange } from './project.js'

// Excluded ranges: parts of a document left out of analysis (site navigation, "About Us", "Leave a
// Reply") without changing the document's file. They are stored with the document's entry in
// project.json as [start, end) spans in code points, like annotation positions. The engine reads
// them and analyses `maskExcluded(text, ranges)` instead of the text: every offset stays valid.
// The range's schema is project.json's (project.ts): this module loads no zod, so the CLI's engine
// commands (main/node/engine/inline.ts) start without it.

export type { ExcludedRange }

/**
 * Ranges sorted by start, overlapping or touching ones merged (the first reason kept), checked
 * against the text's length in code points. Throws a RangeError naming the first range outside it.
 */
export function normaliseRanges(ranges: readonly ExcludedRange[], codePointLength: number): ExcludedRange[] {
  for (const r of ranges) {
    if (!(r.end > r.start) || r.start < 0) throw new RangeError(`excluded range ${r.start}..${r.end} is empty or reversed`)
    if (r.end > codePointLength)
      throw new RangeError(`excluded range ${r.start}..${r.end} runs past the end of the text (${codePointLength})`)
  }
  const sorted = [...ranges].sort((a, b) => a.start - b.start || a.end - b.end)
  const out: ExcludedRange[] = []
  for (const r of sorted) {
    const last = out[out.length - 1]
    if (last && r.start <= last.end) {
      last.end = Math.max(last.end, r.end)
      continue
    }
    const next: ExcludedRange = { start: r.start, end: r.end }
    if (r.reason) next.reason = r.reason
    out.push(next)
  }
  return out
}

/**
 * Stands in for an excluded astral character (two UTF-16 units, one code point): U+E0020 TAG
 * SPACE is itself astral, so both offset systems stay aligned, and it is neither a letter nor a
 * digit, so no tokenizer reads a word in it.
 */
const ASTRAL_BLANK = '\u{E0020}'

/**
 * The text with every character inside an excluded range replaced by a blank of the same size: a
 * space for a character of the Basic Multilingual Plane, U+E0020 for an astral one. Line breaks are
 * kept so paragraphs stay where they were. The result has the same length in UTF-16 units AND in
 * code points as `text`, so every offset computed on it (either way) is an offset into `text`.
 */
export function maskExcluded(text: string, ranges: readonly ExcludedRange[]): string {
  if (ranges.length === 0) return text
  const map = new OffsetMap(text)
  const parts: string[] = []
  let at = 0
  // A text edited on disk since its ranges were stored may be shorter now: what lies past its end
  // is gone, so those ranges are cut at the end rather than failing the whole analysis.
  const length = map.codePointLength
  const inside = ranges.filter((r) => r.start < length).map((r) => (r.end > length ? { ...r, end: length } : r))
  for (const r of normaliseRanges(inside, length)) {
    const from = map.toUtf16(r.start)
    const to = map.toUtf16(r.end)
    parts.push(text.slice(at, from))
    parts.push(text.slice(from, to).replace(/[\ud800-\udbff][\udc00-\udfff]|[^\n\r]/g, (c) => (c.length === 2 ? ASTRAL_BLANK : ' ')))
    at = to
  }
  parts.push(text.slice(at))
  return parts.join('')
}

/** True when the span [start, end) (code points) overlaps an excluded range. */
export function overlapsExcluded(start: number, end: number, ranges: readonly ExcludedRange[]): boolean {
  return ranges.some((r) => r.start < end && start < r.end)
}

/** A suggested exclusion: a range and why it looks like site text. */
export interface BoilerplateSuggestion extends ExcludedRange {
  reason: string
}

/** A "Keywords: a, b, c" line (tags, topics). */
const KEYWORD_LIST = /^(keywords|tags|topics)\s*:/i

/**
 * A line that opens the site text after an article: comment forms, "About Us", related links,
 * share buttons, keyword lists, disclaimers. Everything from the first such line to the end of the
 * text is suggested, provided the line is in the tail (see TAIL_SHARE).
 */
const TRAILING_MARKERS: readonly RegExp[] = [
  /^leave a (reply|comment)\b/i,
  /^about( us)?$/i,
  /^(related|recommended|popular|trending|latest|more)( articles?| stories| posts| news| reading)?\s*:?$/i,
  /^more from\b/i,
  /^(share|share this( article| story)?|follow us( on)?)\s*:?$/i,
  /^[-•*]?\s*(previous|next) (article|post|story)\b/i,
  KEYWORD_LIST,
  /^editor\s*:/i,
  /^(\d+\s+)?comments?\s*:?$/i,
  /^(subscribe|sign up)( to| for)?( our)? newsletter/i,
  /^the views and opinions expressed\b/i,
  /^your email address will not be published/i,
  /^(copyright|©|\(c\))\s/i,
  /^all rights reserved\b/i,
  /^x?\s*thank you for your interest\b/i,
]

/**
 * Share of the text (from its end) in which a trailing marker counts. 0.4: site text after an
 * article is rarely longer than the article; a larger share risks cutting a real section titled
 * "Related" or "Comments" in the middle of a report, a smaller one misses long "About Us" blocks
 * after short news items.
 */
const TAIL_SHARE = 0.4

/** A line near the top that is navigation or contact details rather than the article. */
const LEADING_MARKERS: readonly [RegExp, string][] = [
  [/^home\s*(>|»|›|\/)\s*\S/i, 'navigation breadcrumbs'],
  [/^(skip to (main )?content|menu|search|sign in|log in|subscribe)$/i, 'site navigation'],
  [/(@[\w-]+\.[\w.]+|\b\d{3}[\s-]\d{3}[\s-]\d{3,4}\b).{0,40}$/, 'contact details'],
]

/** A line that labels an advertisement anywhere in the text; the ad's text is the line after it. */
const AD_LABEL =
  /^(advertisement|advertising|ad|ads|sponsored( content| post| links?| stories)?|promoted( content| stories)?|paid (content|post|partnership)|partner content|presented by\b.*)\s*:?$/i

/**
 * How many non-empty lines from the top are checked for navigation. 5: site furniture comes before
 * the headline; further down, a line with an e-mail address is more likely part of the article.
 */
const HEAD_LINES = 5
/** A line longer than this (code points) is prose, never furniture. */
const MAX_FURNITURE_LINE = 120

/**
 * Ranges of a text that look like site text rather than the article, each with a reason: the
 * navigation and contact lines at the top, advertisements and sponsored blocks ("Advertisement",
 * "Sponsored" and the line they label) anywhere, and everything from the first trailing marker ("About
 * Us", "Leave a Reply", "Keywords:", …) in the tail of the text to its end. Conservative: a
 * suggestion is shown to the user to accept, never applied on its own.
 */
export function suggestBoilerplate(text: string): BoilerplateSuggestion[] {
  const map = new OffsetMap(text)
  const lines: { start: number; end: number; text: string }[] = []
  let at = 0
  for (const raw of text.split('\n')) {
    const from = at
    at += raw.length + 1
    const trimmed = raw.trim()
    if (trimmed) lines.push({ start: map.toCodePoint(from), end: map.toCodePoint(from + raw.replace(/\r$/, '').length), text: trimmed })
  }
  const out: BoilerplateSuggestion[] = []
  for (const line of lines.slice(0, HEAD_LINES)) {
    // Breadcrumbs end with the headline, which may be long; other furniture lines are short.
    const hit = LEADING_MARKERS.find(
      ([re, reason]) => (line.text.length <= MAX_FURNITURE_LINE || reason === 'navigation breadcrumbs') && re.test(line.text),
    )
    if (hit) out.push({ start: line.start, end: line.end, reason: hit[1] })
  }
  // Advertisements and sponsored blocks: the label and, when it is short, the line it introduces.
  lines.forEach((line, i) => {
    if (!AD_LABEL.test(line.text)) return
    const next = lines[i + 1]
    // The next line, if it follows directly (no blank line between: a block of its own).
    const labelled =
      next && !/\n\s*\n/.test(map.slice(line.end, next.start)) && next.text.length <= MAX_FURNITURE_LINE * 2 && !AD_LABEL.test(next.text)
    const end = labelled ? next.end : line.end
    out.push({ start: line.start, end, reason: `advertisement (“${line.text.slice(0, 40)}”)` })
  })
  const tailFrom = map.codePointLength * (1 - TAIL_SHARE)
  // A keyword list may be long; any other marker line is short.
  const isMarker = (l: string) => (l.length <= MAX_FURNITURE_LINE || KEYWORD_LIST.test(l)) && TRAILING_MARKERS.some((re) => re.test(l))
  const marker = lines.find((l) => l.start >= tailFrom && isMarker(l.text))
  if (marker) {
    const last = lines[lines.length - 1]
    out.push({ start: marker.start, end: last.end, reason: `site text after the article (from “${marker.text.slice(0, 40)}”)` })
  }
  return out.filter((s, i) => !out.some((o, j) => j !== i && o.start <= s.start && s.end <= o.end && o.end - o.start > s.end - s.start))
}

/**
 * Overlaps found in masked texts, with each passage's `text` taken again from the original text
 * (a passage that bridges an excluded range would otherwise show the blanks). Offsets are the
 * same in both texts, so nothing else changes.
 */
export function withOriginalTexts<O extends { passages: { doc: string; start: number; end: number; text: string }[] }>(
  overlaps: readonly O[],
  originals: ReadonlyMap<string, string>,
): O[] {
  const maps = new Map<string, OffsetMap>()
  const slice = (doc: string, start: number, end: number, fallback: string) => {
    const text = originals.get(doc)
    if (text === undefined) return fallback
    let map = maps.get(doc)
    if (!map) maps.set(doc, (map = new OffsetMap(text)))
    return map.slice(start, end)
  }
  return overlaps.map((o) => ({ ...o, passages: o.passages.map((p) => ({ ...p, text: slice(p.doc, p.start, p.end, p.text) })) }))
}
