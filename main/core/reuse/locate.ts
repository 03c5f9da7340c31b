import { anchorSelectors } from '../annotations/anchor.js'
import { OffsetMap } from '../text/offsets.js'
import { lowerBound } from '../text/sorted.js'

// Finding a passage reported by another tool (passim, TextPAIR) in a project document. The tool
// gives offsets and the passage's text; the document may have changed since it ran, and TextPAIR's
// passages are cleaned (runs of whitespace, newlines and tabs made one space). So:
//   1. the text at the offsets is the passage (whitespace runs aside) → found;
//   2. otherwise the passage is re-anchored as annotations are (annotations/anchor.ts: exact
//      occurrence nearest the offsets, then a fuzzy match), on the document with its whitespace
//      runs collapsed like the passage's → moved;
//   3. otherwise → unmatched, reported by the caller.
// The span found is always the document's own text: callers store that, not the tool's copy.

export type Located = { status: 'found' | 'moved'; start: number; end: number } | { status: 'unmatched' }

/** A text with its whitespace runs collapsed to one space, and the way back to the original. */
class Collapsed {
  readonly map: OffsetMap
  /** UTF-16 offset in the original of each UTF-16 unit of the collapsed text, plus its end. */
  private readonly back: Int32Array

  constructor(readonly original: OffsetMap) {
    const t = original.text
    const parts: string[] = []
    const back = new Int32Array(t.length + 1)
    let n = 0
    for (let i = 0; i < t.length; i++) {
      if (isSpace(t.charCodeAt(i))) {
        const from = i
        while (i + 1 < t.length && isSpace(t.charCodeAt(i + 1))) i++
        back[n++] = from
        parts.push(' ')
      } else {
        back[n++] = i
        parts.push(t[i])
      }
    }
    back[n] = t.length
    this.back = back.subarray(0, n + 1)
    this.map = new OffsetMap(parts.join(''))
  }

  /** Original code point offset of a collapsed code point offset (a start, or with `end` an end). */
  toOriginal(c: number, end: boolean): number {
    const u = this.map.toUtf16(c)
    if (!end || u === 0) return this.original.toCodePoint(this.back[u])
    // An end after a collapsed run of whitespace is where the run ends, the next character's start;
    // after any other unit, just past that unit.
    const after = this.map.text.charCodeAt(u - 1) === 0x20 ? this.back[u] : this.back[u - 1] + 1
    return this.original.toCodePoint(after)
  }

  /** Collapsed code point offset nearest an original one. */
  fromOriginal(c: number): number {
    const u = this.original.toUtf16(Math.min(c, this.original.codePointLength))
    return this.map.toCodePoint(Math.min(lowerBound(this.back, u), this.map.utf16Length))
  }
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0x0c || code === 0x0b || code === 0xa0
}

/** The text with whitespace runs (spaces, tabs, line breaks, no-break spaces) made one space and trimmed. */
export function collapseSpace(text: string): string {
  return text.replace(/[ \t\n\r\f\v\u00a0]+/g, ' ').trim()
}

/** One document that passages are located in; build it once per document and reuse it. */
export class PassageLocator {
  private collapsed: Collapsed | null = null

  constructor(readonly text: OffsetMap) {}

  /**
   * Finds `passage`, reported at code points [start, end), in the document (see above). Start
   * and end may be anything the tool wrote: out of range or reversed, the text decides.
   */
  locate(passage: string, start: number, end: number): Located {
    const { text } = this
    const wanted = collapseSpace(passage)
    if (!wanted) return { status: 'unmatched' }
    if (Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end > start && end <= text.codePointLength) {
      const here = text.slice(start, end)
      if (here === passage || collapseSpace(here) === wanted) return { status: 'found', start, end }
    }
    this.collapsed ??= new Collapsed(text)
    const c = this.collapsed
    const at = Number.isInteger(start) && start >= 0 ? c.fromOriginal(start) : 0
    const anchor = anchorSelectors(
      c.map,
      { type: 'TextQuoteSelector', exact: wanted, prefix: '', suffix: '' },
      { type: 'TextPositionSelector', start: at, end: at + [...wanted].length },
      { contextless: true },
    )
    if (anchor.status === 'orphan') return { status: 'unmatched' }
    const from = c.toOriginal(anchor.start, false)
    const to = c.toOriginal(anchor.end, true)
    if (to <= from) return { status: 'unmatched' }
    return { status: 'moved', start: from, end: to }
  }
}
