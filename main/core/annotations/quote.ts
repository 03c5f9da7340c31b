import { type OffsetMap } from '../text/offsets.js'

/**
 * Code point offsets of every occurrence of `exact` in the text, overlapping ones included
 * (so "aa" occurs twice in "aaa").
 */
export function findOccurrences(text: OffsetMap, exact: string): number[] {
  if (!exact) return []
  const out: number[] = []
  for (let i = text.text.indexOf(exact); i !== -1; i = text.text.indexOf(exact, i + 1)) {
    out.push(text.toCodePoint(i))
  }
  return out
}
