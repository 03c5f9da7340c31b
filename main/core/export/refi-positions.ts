import type { QdaSelection } from './refi-qda.js'
import { lowerBound } from '../text/sorted.js'

// Where a REFI-QDA selection lands in its source's text. Positions count Unicode code points
// (QualCoder's Python string indices), but producers disagree on a Windows line break ("\r\n"):
// - NVivo and MAXQDA count it as two characters: positions index the text as stored;
// - ATLAS.ti writes "\r\n" in the source file but counts it as one character, and so does
//   QualCoder, whose positions always index its "\n"-only text (its "MAXQDA line endings" export
//   writes the file with "\r\n" and leaves the positions as they were).
// QualCoder's importer decides on `origin` alone ("ATLAS" in it); here the selections decide
// first: most producers name a selection by the start of its quote, so the counting under which
// the names match the text wins, and `origin` only breaks a tie (no names, or none matching).
// A named selection whose text does not match its name, when the names are quotes, is not
// placed: it would be an annotation on other words.

/** How line breaks are counted: 'two' (positions index the stored text) or 'one' ("\r\n" as one). */
export type LineBreakCounting = 'two' | 'one'

/** Where a selection lands: a span of the stored text (code points), or why it cannot be placed. */
export type Placement = { ok: true; start: number; end: number } | { ok: false; reason: string }

export interface PlacedSelections {
  counting: LineBreakCounting
  /** How the counting was decided, in a few words (for the import report). */
  decidedBy: 'no line breaks to count' | 'selection names' | 'origin'
  placements: Placement[]
}

/** Text as names and quotes are compared: spacing collapsed, case folded, a trailing ellipsis dropped. */
function loose(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\s*(…|\.\.\.)$/, '')
    .toLowerCase()
}

/** Whether a selection's name is its quote, or the start of it (names are often shortened). */
function nameMatches(name: string, quote: string): boolean {
  const n = loose(name)
  return !!n && loose(quote).startsWith(n)
}

/**
 * The code points of a text, and for the 'one' counting, a map from positions in the text with
 * each "\r\n" counted as one character to positions in the stored text.
 */
function views(text: string): { chars: string[]; fromOne: (p: number) => number; oneLength: number } {
  const chars = [...text]
  const dropped: number[] = [] // positions (in 'one' counting) of each "\n" whose "\r" was dropped
  let one = 0
  for (let i = 0; i < chars.length; i++) {
    if (chars[i] === '\r' && chars[i + 1] === '\n') {
      dropped.push(one)
      continue
    }
    one++
  }
  const fromOne = (p: number) => p + lowerBound(dropped, p)
  return { chars, fromOne, oneLength: one }
}

/**
 * Places the selections of one source in its text (as stored, line ends untouched), deciding how
 * the producer counted line breaks. Out-of-range, empty and mismatching selections come back as
 * failed placements with a reason; the others as spans of the stored text.
 */
export function placeSelections(text: string, selections: readonly QdaSelection[], origin: string): PlacedSelections {
  const { chars, fromOne, oneLength } = views(text)
  const span = (sel: QdaSelection, counting: LineBreakCounting): Placement => {
    const length = counting === 'two' ? chars.length : oneLength
    if (!(sel.end > sel.start)) return { ok: false, reason: `an empty span (${sel.start}..${sel.end})` }
    if (sel.end > length) return { ok: false, reason: `span ${sel.start}..${sel.end} runs past the end of the text (${length})` }
    return counting === 'two'
      ? { ok: true, start: sel.start, end: sel.end }
      : { ok: true, start: fromOne(sel.start), end: fromOne(sel.end) }
  }
  const quote = (p: Placement) => (p.ok ? chars.slice(p.start, p.end).join('') : '')
  const named = selections.filter((s) => loose(s.name))
  const score = (counting: LineBreakCounting) => named.filter((s) => nameMatches(s.name, quote(span(s, counting)))).length

  let counting: LineBreakCounting
  let decidedBy: PlacedSelections['decidedBy']
  const hasCrlf = text.includes('\r\n')
  const two = score('two')
  const one = hasCrlf ? score('one') : two
  if (!hasCrlf) {
    counting = 'two'
    decidedBy = 'no line breaks to count'
  } else if (two !== one) {
    counting = two > one ? 'two' : 'one'
    decidedBy = 'selection names'
  } else {
    counting = /atlas|qualcoder/i.test(origin) ? 'one' : 'two'
    decidedBy = 'origin'
  }
  // Names are quotes when most of them match under the chosen counting; then a name that does
  // not match marks a selection that would land on other words.
  const best = Math.max(two, one)
  const namesAreQuotes = named.length > 0 && best * 2 > named.length
  const placements = selections.map((sel): Placement => {
    const p = span(sel, counting)
    if (!p.ok || !namesAreQuotes || !loose(sel.name) || nameMatches(sel.name, quote(p))) return p
    return { ok: false, reason: `its text (“${quote(p).slice(0, 40)}”) is not its name (“${sel.name.slice(0, 40)}”)` }
  })
  return { counting, decidedBy, placements }
}
