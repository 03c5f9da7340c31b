import type { AnalysedDocument } from './analyse.js'
import { lowerBound } from '../text/sorted.js'

// Spelling, where it counts. Tokens are aligned, clustered and diffed by their surface forms, in
// which British spelling reads as American ("labour" as "labor": normalise.ts), so that a copy
// respelled for another readership is still found as one passage. But a reader calls such a copy
// near-verbatim, not verbatim, and wants to see the word spelled otherwise: an overlap's kind and
// its variants tell spelling apart. Each document lists the few tokens written otherwise than
// their surface form (AnalysedDocument.respelled); two tokens of one surface form are spelled
// alike unless exactly one of them is listed (two different British spellings of one American
// word are too rare to tell apart).

/**
 * The offsets k in [0, n), ascending, at which token a0 + k of A and token b0 + k of B (runs of
 * the same surface forms, token for token) are spelled differently.
 */
export function spellingDifferences(A: AnalysedDocument, a0: number, B: AnalysedDocument, b0: number, n: number): number[] {
  const differences: number[] = []
  eachDifference(A, a0, B, b0, n, (k) => {
    differences.push(k)
    return true
  })
  return differences
}

/** Whether runs of n tokens of the same surface forms (see spellingDifferences) are spelled alike. */
export function sameSpelling(A: AnalysedDocument, a0: number, B: AnalysedDocument, b0: number, n: number): boolean {
  if (A === B && a0 === b0) return true
  return eachDifference(A, a0, B, b0, n, () => false)
}

/**
 * Calls `on` with each offset at which the runs are spelled differently, in order, while it
 * returns true; returns false if it stopped early. One walk of both documents' lists from the
 * runs' starts (a binary search each), nothing when neither document has respelled words.
 */
function eachDifference(A: AnalysedDocument, a0: number, B: AnalysedDocument, b0: number, n: number, on: (k: number) => boolean): boolean {
  const ra = A.respelled
  const rb = B.respelled
  if (ra.length === 0 && rb.length === 0) return true
  let i = lowerBound(ra, a0)
  let j = lowerBound(rb, b0)
  for (;;) {
    const ka = i < ra.length && ra[i] < a0 + n ? ra[i] - a0 : n
    const kb = j < rb.length && rb[j] < b0 + n ? rb[j] - b0 : n
    if (ka === n && kb === n) return true
    if (ka === kb) {
      i++
      j++
    } else if (ka < kb) {
      if (!on(ka)) return false
      i++
    } else {
      if (!on(kb)) return false
      j++
    }
  }
}
