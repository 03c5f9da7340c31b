import { diffArrays } from 'diff'
import { contentFrom, type AnalysedDocument } from './analyse.js'
import type { PairPassage } from './cluster.js'
import { NGRAM_SIZE, ngramKey } from './ngrams.js'
import { MAX_EDIT_LENGTH } from './variants.js'

// How much of what two passages share is shared in order: the share of their common content
// words that lie in runs of at least MIN_RUN_WORDS content words both passages have in the same
// order (jsdiff's diffArrays over the passages' content words, by match form). The bag measures
// (similarity.ts) ignore order, so a copy with a long parenthesis inserted ("asserting a patent
// infringement claim (excluding declaratory judgment actions, counter-claims, and cross-claims)
// alleging that ...") scores as low as two sentences that share scattered words. A reader calls
// the first an edited copy: nearly all the words it shares with its source come in long runs. A
// restatement in other words shares single words, pairs at most ("the swift growth of the
// railroad" / "the rapid growth of the railway": "growth", alone).

/** Content words in a row that make a run: as many as a seed has (ngrams.ts). */
export const MIN_RUN_WORDS = NGRAM_SIZE

/**
 * Share of the shared words in runs (see above) from which a pair that is not verbatim and less
 * similar than a variant (overlaps.ts VARIANT_SIMILARITY) is still an edited copy: "most of them",
 * in the plain sense. Of the copyright files' pairs labelled paraphrase by similarity alone, the
 * edited copies (a licence's two versions, a copyright list with names added) had 0.7-1 of their
 * shared words in runs; restatements have none (they share no run: paraphrase.ts).
 */
export const EDITED_RUN_SHARE = 0.5

/**
 * Most content words either passage may have for the runs to be counted: the diff costs about
 * (words of a + words of b) x edits, the edits bounded as a variant's are (variants.ts
 * MAX_EDIT_LENGTH). Past either bound, a pair is judged by its runs in any order (editedCopy).
 */
export const MAX_ORDER_WORDS = 4000

/**
 * Whether tokens [a0, a1] of A and [b0, b1] of B, sharing `shared` content words, share most of
 * them in runs (EDITED_RUN_SHARE; see above). A bound comes first, in one pass over each: a word
 * in a run lies in an n-gram of MIN_RUN_WORDS words both passages have, so when too few of A's
 * words do, no diff is needed (most pairs that are not edited copies).
 */
export function editedCopy(
  A: AnalysedDocument,
  a0: number,
  a1: number,
  B: AnalysedDocument,
  b0: number,
  b1: number,
  shared: number,
): boolean {
  if (shared <= 0) return false
  const inNgrams = wordsInSharedNgrams(A, a0, a1, B, b0, b1)
  if (inNgrams < EDITED_RUN_SHARE * shared) return false
  // Where the diff cannot tell (past MAX_ORDER_WORDS or MAX_EDIT_LENGTH), by the runs in any
  // order: a copy whose parts were moved, the same words in another order, is an edited copy as
  // README.md says ("reordered clauses"), and only a long one asks more edits than the bound. Two
  // change logs listing the same backported commits in another order, 987 words shared in 1,085
  // and 1,668, were a paraphrase whose reasons were the contributors' names (a tester).
  return (runShareOf(contentMatches(A, a0, a1), contentMatches(B, b0, b1), shared) ?? Math.min(1, inNgrams / shared)) >= EDITED_RUN_SHARE
}

/**
 * The share (0..1) of `shared` content words of tokens [a0, a1] of A and [b0, b1] of B that lie in
 * runs of MIN_RUN_WORDS or more in the same order (see above); 0 when the passages are too long
 * to tell (MAX_ORDER_WORDS, MAX_EDIT_LENGTH) or share nothing.
 */
export function runShare(A: AnalysedDocument, a0: number, a1: number, B: AnalysedDocument, b0: number, b1: number, shared: number): number {
  return shared > 0 ? (runShareOf(contentMatches(A, a0, a1), contentMatches(B, b0, b1), shared) ?? 0) : 0
}

/** The share of `shared` words in runs in order (see runShare); undefined when the passages are too long or too far apart to tell. */
function runShareOf(left: number[], right: number[], shared: number): number | undefined {
  if (left.length > MAX_ORDER_WORDS || right.length > MAX_ORDER_WORDS) return undefined
  const parts = diffArrays(left, right, { maxEditLength: MAX_EDIT_LENGTH })
  if (!parts) return undefined
  let inRuns = 0
  for (const part of parts) if (!part.added && !part.removed && part.count! >= MIN_RUN_WORDS) inRuns += part.count!
  return Math.min(1, inRuns / shared)
}

/**
 * How many content words of tokens [a0, a1] of A lie in an n-gram of MIN_RUN_WORDS content words
 * that tokens [b0, b1] of B have too (by hash, ngrams.ts ngramKey: a collision only counts more,
 * so this is never less than the words in runs).
 */
function wordsInSharedNgrams(A: AnalysedDocument, a0: number, a1: number, B: AnalysedDocument, b0: number, b1: number): number {
  const n = MIN_RUN_WORDS
  const grams = new Set<number>()
  const [cb0, cb1] = contentRange(B, b0, b1)
  for (let c = cb0; c + n <= cb1; c++) grams.add(ngramKey(B.match, B.content, c, n))
  const [ca0, ca1] = contentRange(A, a0, a1)
  let words = 0
  let coveredTo = ca0
  for (let c = ca0; c + n <= ca1; c++) {
    if (!grams.has(ngramKey(A.match, A.content, c, n))) continue
    words += c + n - Math.max(c, coveredTo)
    coveredTo = c + n
  }
  return words
}

/** The content words among tokens [t0, t1] of a document: positions [c0, c1) of its content array. */
function contentRange(doc: AnalysedDocument, t0: number, t1: number): [number, number] {
  return [contentFrom(doc, t0), contentFrom(doc, t1 + 1)]
}

/** The match forms of the content words among tokens [t0, t1] of a document, in order. */
function contentMatches(doc: AnalysedDocument, t0: number, t1: number): number[] {
  const [c0, c1] = contentRange(doc, t0, t1)
  const out: number[] = []
  for (let c = c0; c < c1; c++) out.push(doc.match[doc.content[c]])
  return out
}

/**
 * Share of a pair's words, stop words too, that the other side has in the same order (a word diff
 * of their match forms), of the longer side's words, from which a pair found by the words it
 * shares (paraphrase.ts) is the same sentence edited: "output a diagnostic for every file
 * processed" / "every directory processed", 8 of 9, is near-verbatim. A restatement keeps the
 * words it shares and says the rest otherwise: "new costs and chances for small fishing
 * cooperatives" / "new chances are emerging for small fishing cooperatives", 6 of 8, the bundled
 * corpus's paraphrases 0.1-0.6 ("new challenges and opportunities to foreign investors" / "new
 * opportunities are emerging for foreign investors", 4 of 7). Lower, and such restatements are
 * called edited copies; higher, a line of nine words with a word changed is a paraphrase.
 */
export const EDITED_WORD_SHARE = 0.8

/**
 * Distinct wordings, at most, of an overlap's passages that editedAround compares: each one
 * against each other, the square of them (diffs of a sentence each). A paraphrase overlap holds a
 * few; more are many sentences alike, which the pass found as restatements of one another.
 */
export const MAX_EDITED_WORDINGS = 8

/**
 * Whether every passage (token spans of `docs`) is one sentence edited (editedWords) from one of
 * them, or the same words: the passages are copies of that one, a few words changed in each. Two
 * copies edited in different words can differ from each other in more words than
 * EDITED_WORD_SHARE allows and still each be a copy of the third (a licence's sentence in GPL-2,
 * GPL-3 and the LGPL: "it" / "those terms" and "distribution of" / "conveying" in GPL-3, "the
 * Program" / "the Library" in the LGPL, a reviewer). Passages of more than MAX_EDITED_WORDINGS
 * different wordings are not compared (false).
 */
export function editedAround(passages: readonly PairPassage[], docs: readonly AnalysedDocument[]): boolean {
  // One passage of each wording (the same match forms in order).
  const wordings = new Map<string, PairPassage>()
  for (const p of passages) {
    const key = Array.from(docs[p.doc].match.subarray(p.start, p.end + 1)).join(',')
    if (!wordings.has(key)) wordings.set(key, p)
    if (wordings.size > MAX_EDITED_WORDINGS) return false
  }
  const list = [...wordings.values()]
  if (list.length < 2) return true
  // Each pair diffed once (a shortest diff keeps as many words either way round).
  const known = new Map<number, boolean>()
  const edited = (i: number, j: number): boolean => {
    const key = Math.min(i, j) * list.length + Math.max(i, j)
    let found = known.get(key)
    if (found === undefined) {
      const x = list[i]
      const y = list[j]
      known.set(key, (found = editedWords(docs[x.doc], x.start, x.end, docs[y.doc], y.start, y.end)))
    }
    return found
  }
  return list.some((_, center) => list.every((_, other) => other === center || edited(center, other)))
}

/** Whether tokens [a0, a1] of A and [b0, b1] of B are one sentence edited (EDITED_WORD_SHARE). */
export function editedWords(A: AnalysedDocument, a0: number, a1: number, B: AnalysedDocument, b0: number, b1: number): boolean {
  const longer = Math.max(a1 - a0 + 1, b1 - b0 + 1)
  if (longer > MAX_ORDER_WORDS) return false
  // Words kept as EDITED_WORD_SHARE of the longer asks leave at most 2 (1 - share) of it to
  // remove and add: a diff that needs more edits is given up as soon as it does (the paraphrase
  // pass asks this of every pair it finds: two shuffled lists of sixty words took a third of a
  // millisecond each to the end, a tester).
  const edits = Math.min(MAX_EDIT_LENGTH, Math.ceil(2 * (1 - EDITED_WORD_SHARE) * longer) + 1)
  const parts = diffArrays(Array.from(A.match.subarray(a0, a1 + 1)), Array.from(B.match.subarray(b0, b1 + 1)), {
    maxEditLength: edits,
  })
  if (!parts) return false
  let same = 0
  for (const part of parts) if (!part.added && !part.removed) same += part.count!
  return same >= EDITED_WORD_SHARE * longer
}

/**
 * Words in a row, stop words too, that a clause moved whole keeps of its wording (reorderedWords):
 * three is the shortest clause of a saying ("love your enemies"); a run of two is any collocation.
 */
export const MIN_MOVED_RUN = 3

/**
 * Words, at most, of the longer side of a pair reorderedWords reads: its tiling compares every
 * word of one side with every word of the other. A clause or a sentence the paraphrase pass
 * finds has a few dozen; a pair of hundreds is a passage, whose moved parts the variants show.
 */
export const MAX_REORDERED_WORDS = 400

/**
 * Whether tokens [a0, a1] of A and [b0, b1] of B are the same clauses in another order, the
 * near-verbatim copy Parallax's brief names beside spelling variants and edits ("reordered
 * clauses"), where editedWords, reading them in order, sees one clause deleted and inserted
 * again: EDITED_WORD_SHARE of the longer side's words lie in tiles, runs of MIN_MOVED_RUN words
 * or more (match forms, stop words too) that both sides have, each word of either side in one
 * tile at most, the longest taken first (greedy string tiling, as plagiarism detectors tile two
 * texts). "love your enemies, do good to those who hate you, bless those who curse you, and pray
 * for those who mistreat" / "love your enemies, bless those who curse you, do good to those who
 * hate you, and pray for those who mistreat you" (Luke's and Matthew's saying, a tester: 21 of 24
 * words) is near-verbatim; "the sixth hour, and darkness came over the whole land" / "When the
 * sixth hour had come, there was darkness over the whole land" (11 of 19) is reworded, a
 * paraphrase; and so is "The server sends the request to the client, and the client sends the
 * response to the server." against the same with server and client swapped (its tiles are
 * "sends the request to the" and "sends the response to the", and words of two: a reviewer).
 */
export function reorderedWords(A: AnalysedDocument, a0: number, a1: number, B: AnalysedDocument, b0: number, b1: number): boolean {
  const longer = Math.max(a1 - a0 + 1, b1 - b0 + 1)
  // (Tiles cover no more words than the shorter side has: a pair of unequal lengths is none,
  // read at once.)
  const enough = EDITED_WORD_SHARE * longer
  if (longer > MAX_REORDERED_WORDS || Math.min(a1 - a0 + 1, b1 - b0 + 1) < enough) return false
  return tiledWords(A.match.subarray(a0, a1 + 1), B.match.subarray(b0, b1 + 1)) >= enough
}

/**
 * The words of `a` (and as many of `b`) that greedy string tiling covers: the longest run of
 * MIN_MOVED_RUN words or more that both have among their words not tiled yet is a tile, then the
 * next longest, until none is left (the first of equals first).
 */
function tiledWords(a: Uint32Array, b: Uint32Array): number {
  const inA = new Uint8Array(a.length)
  const inB = new Uint8Array(b.length)
  let tiled = 0
  for (;;) {
    let best = MIN_MOVED_RUN - 1
    let at = -1
    let bt = -1
    for (let i = 0; i + best < a.length; i++) {
      if (inA[i]) continue
      for (let j = 0; j + best < b.length; j++) {
        let k = 0
        while (i + k < a.length && j + k < b.length && !inA[i + k] && !inB[j + k] && a[i + k] === b[j + k]) k++
        if (k > best) [best, at, bt] = [k, i, j]
      }
    }
    if (at < 0) return tiled
    inA.fill(1, at, at + best)
    inB.fill(1, bt, bt + best)
    tiled += best
  }
}
