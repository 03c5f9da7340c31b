import type { AnalysedDocument } from './analyse.js'
import { fmix32, mix32 } from './hash.js'
import { sameSignsInCode } from './same-stretch.js'

// Duplicate documents: the same words (surface forms, normalise.ts) in the same order, spelled
// alike (respelled.ts), so case, quotes and spacing do not tell two copies apart; and on lines of
// code the same signs between the words (same-stretch.ts sameSignsInCode), as a verbatim passage
// has them: two versions of a program that differ in "len(self.release) >= 1" / "> 1" and in
// "VERSION_PATTERN" / "_VERSION_PATTERN" (a tester of vendored Python libraries) were one
// "duplicate" and searched once, and no overlap showed a difference. In prose the signs are
// typography: a licence's copies quoting ``AS IS'' and "AS IS" are duplicates (grouped by all
// their signs, such copies were two groups and one overlap more of the same text: a reviewer).
// They are found first, by a hash of each document's surface ids (verified word by word, or as
// the same text), and reported as one overlap per group (overlaps.ts); only the first copy of a
// group is searched for shared passages, and every passage found in it is then reported in each
// copy too. A corpus with a file saved twice is thus compared once, and the two copies are
// covered entirely.

/** Groups of two or more duplicate documents (indices ascending, the first is the one searched); empty documents are in none. */
export function duplicateGroups(docs: readonly AnalysedDocument[]): number[][] {
  const byHash = new Map<number, number[][]>()
  const groups: number[][] = []
  docs.forEach((doc, d) => {
    const words = doc.surface
    if (words.length === 0) return
    let h = words.length
    for (let i = 0; i < words.length; i++) h = mix32(h, words[i])
    const key = fmix32(h)
    let candidates = byHash.get(key)
    if (!candidates) {
      candidates = []
      byHash.set(key, candidates)
    }
    // (A text the same character for character is the same document read: most duplicates,
    // compared without reading their signs in code.)
    const same = candidates.find(
      (g) =>
        docs[g[0]].text === doc.text ||
        (sameWords(docs[g[0]].surface, words) && sameWords(docs[g[0]].respelled, doc.respelled) && sameSignsInCode(docs[g[0]], doc)),
    )
    if (same) {
      if (same.length === 1) groups.push(same)
      same.push(d)
    } else candidates.push([d])
  })
  return groups.sort((x, y) => x[0] - y[0])
}

function sameWords(a: Uint32Array, b: Uint32Array): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}
