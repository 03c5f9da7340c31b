import type { AnalysedDocument } from './analyse.js'
import { fmix32, mix32 } from './hash.js'

// Duplicate documents: the same words (surface forms, normalise.ts) in the same order, spelled
// alike (respelled.ts), with the same signs between them (sameSigns), so case, the style of
// quotes and dashes, and spacing do not tell two copies apart, and an operator or a comma does:
// two versions of a program that differ in "len(self.release) >= 1" / "> 1" and in
// "VERSION_PATTERN" / "_VERSION_PATTERN" (a tester of vendored Python libraries) were one
// "duplicate" and searched once, and no overlap showed a difference. They are found
// first, by a hash of each document's surface ids (verified word by word), and reported as one
// overlap per group (overlaps.ts); only the first copy of a group is searched for shared passages,
// and every passage found in it is then reported in each copy too. A corpus with a file saved
// twice is thus compared once, and the two copies are covered entirely.

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
    const same = candidates.find(
      (g) => sameWords(docs[g[0]].surface, words) && sameWords(docs[g[0]].respelled, doc.respelled) && sameSigns(docs[g[0]], doc),
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

/**
 * Whether two documents of as many tokens have the same signs before, between and after them:
 * the same characters but for white space, a typographic quote or dash read as the plain one
 * (SIGN_READ).
 */
function sameSigns(A: AnalysedDocument, B: AnalysedDocument): boolean {
  const n = A.starts.length
  for (let t = 0; t <= n; t++) {
    const [a0, a1] = [t === 0 ? 0 : A.ends[t - 1], t === n ? A.text.length : A.starts[t]]
    const [b0, b1] = [t === 0 ? 0 : B.ends[t - 1], t === n ? B.text.length : B.starts[t]]
    let [i, j] = [a0, b0]
    for (;;) {
      while (i < a1 && SPACE.test(A.text[i])) i++
      while (j < b1 && SPACE.test(B.text[j])) j++
      if (i === a1 || j === b1) {
        if (i !== a1 || j !== b1) return false
        break
      }
      if (signRead(A.text[i++]) !== signRead(B.text[j++])) return false
    }
  }
  return true
}

/** White space, Unicode's included (a no-break space is how one copy spaced). */
const SPACE = /\s/

/** Typographic quotes and dashes, each read as the plain sign a copy may have typed instead. */
const SIGN_READ: ReadonlyMap<string, string> = new Map([
  ...[...'\u2018\u2019\u201a\u201b\u2032'].map((c): [string, string] => [c, "'"]),
  ...[...'\u201c\u201d\u201e\u201f\u2033'].map((c): [string, string] => [c, '"']),
  ...[...'\u2010\u2011\u2012\u2013\u2014\u2212'].map((c): [string, string] => [c, '-']),
])

function signRead(c: string): string {
  return SIGN_READ.get(c) ?? c
}
