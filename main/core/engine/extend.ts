import type { AlignedSpans } from './aligned-spans.js'
import { paragraphBetween } from './align.js'
import { sectionRoom } from './sections.js'
import { betweenListItems, lessThanHalf } from './paragraph-edge.js'
import type { AnalysedDocument } from './analyse.js'
import { type PairPassage, SAME_PASSAGE_SHARE } from './cluster.js'
import { breaksLine, endsSentence, fullLineOf, stopAfter } from './sentences.js'

// Passages of one overlap reach as far as they share words with each other, not only with the
// partner they were paired with. Frequent text is seeded through a representative occurrence
// (ngrams.ts), so a stock line copied into thousands of documents ("Signed-off-by: …", "Author:
// … Date: …") is aligned with the representative's copy only, and each copy's passage stops
// where it differs from the representative: two copies that go on alike for three more words
// (the same date, the same file name) are both cut short at the same place, and the words they
// share are in no overlap.
//
// The remedy reads the overlap's passages the way a suffix array reads repeats: the passages are
// sorted by the words from a few words before their end onwards (match forms, normalise.ts), so
// that passages ending on the same words and going on alike are neighbours; a passage's end moves
// on by the words it has in common with its nearest neighbour of another document (the longest
// common prefix of two sorted sequences is largest with a neighbour). The same is done with the
// words read backwards from a few words after the start. Two passages may stop at different
// words of the shared text; each passage is therefore sorted under a few keys, starting one word
// further inside it each (EDGE_SHIFTS), so that two keys start at the same place of both. A passage is therefore extended only by
// words another passage of its overlap has verbatim at the same place, and both are extended.
// Cost: a sort of (EDGE_SHIFTS + 1) keys per passage, each comparison reading at most
// EDGE_CONTEXT + EDGE_SHIFTS + MAX_EXTENSION words.
//
// The words two passages go on with alike are theirs, not always the overlap's: the copies of a
// stock phrase ("the implied warranties of merchantability") in GPL notices go on alike with GPL
// text, those in BSD licences with BSD text. Extended without bound, one overlap showed a hundred
// words of GPL, BSD and MIT text around a ten-word phrase. A passage is therefore extended by at
// most as many words as it had, so that what the overlap's passages have in common stays at least
// SAME_PASSAGE_SHARE of each (as clustering demands, cluster.ts): a cut-short copy of a line still
// gets its missing words, a phrase does not become the licence around it. Where that bound (or
// MAX_EXTENSION) cuts the words two passages go on with, the extension ends at the last sentence
// end within it (bounded), not in the middle of the next sentence.
//
// Nor are words two passages go on with alike theirs when their documents were aligned with each
// other over those words (aligned-spans.ts): two reprints of a text, around a part of it a third
// document shares with them, go on alike over the whole text, which is their own overlap; the
// part's passages in the reprints stay the part. Such a neighbour is passed over for the next one
// of another document (MAX_PASSED_OVER).

/**
 * Words at a passage's edge that two passages must both end (or start) with for the words after
 * them to be compared: the edges must be the same place of the shared text, not merely the same
 * word. Two words would let a common pair ("of the") line up unrelated places; three is a phrase.
 */
export const EDGE_CONTEXT = 3

/**
 * Most words a passage is extended by at each edge. The seeds and the alignment find long shared
 * text; what is left at an edge is the rest of a line or a sentence, a few words. Bounding it
 * bounds the cost of each comparison in the sort.
 */
export const MAX_EXTENSION = 48

/**
 * Further places a passage's key may start, one word further inside it each: two passages cut at
 * different words of the same line ("… Date:" and "… Date: Tue") line up when one's key starts a
 * word or two further back. Each shift is one more key per passage in the sort.
 */
export const EDGE_SHIFTS = 2

/**
 * Words, at most, of the next paragraph that an extension leaves out. Two texts that end a
 * passage alike may go on alike into their next paragraphs (two licences ending "... OF THIS
 * SOFTWARE." and going on with their next stanza's "Files:"): a word or two there is a heading's
 * start, not the passage. Three and more stay: a changelog entry's sign-off after its blank line
 * ("-- Julien Cristau <jcristau@debian.org> Sun, 10 Jan 2010") is the entry's.
 */
export const STRAY_EDGE_WORDS = 2

/**
 * Keys, at most, read past a neighbour passed over (see above) for one of another document that
 * goes on alike. The documents aligned with each other are neighbours in the sort (they go on
 * alike), so a few: reprints of one text in a handful of documents. Each is a comparison more
 * for such a passage only.
 */
export const MAX_PASSED_OVER = 8

/** What extension needs of a document: its tokens' match ids, and where they are in its text. */
export type MatchSource = Pick<AnalysedDocument, 'match' | 'text' | 'starts' | 'ends'>

/**
 * Extends the passages of one overlap (see above), in place, and merges passages of one document
 * that come to overlap; returns the passages, sorted by document and start. `aligned`: where
 * documents were aligned with each other, whose words beyond a passage are not its (see above).
 */
export function extendAlike(passages: PairPassage[], docs: readonly MatchSource[], aligned?: AlignedSpans): PairPassage[] {
  if (passages.length < 2) return passages
  const ends = edgeExtensions(passages, docs, 1, aligned)
  const starts = edgeExtensions(passages, docs, -1, aligned)
  passages.forEach((p, i) => {
    const doc = docs[p.doc]
    const room = Math.floor((p.end - p.start + 1) * (1 / SAME_PASSAGE_SHARE - 1))
    // Not into another section of a manual page, nor into furniture or out of it (furniture.ts).
    const after = Math.min(
      sectionRoom(doc, p.end, 1),
      unfinished(doc, p.end, unstrayed(doc, p.end, bounded(doc, p.end, ends[i], Math.min(room, MAX_EXTENSION), 1), 1), 1),
    )
    // The start has the room the end leaves when extended to the bound: an end cut back to a
    // sentence's end leaves no more room to the start (which then reached into the paragraph
    // before, "of the GNU Library General Public License can be found in ...").
    const roomBefore = room - unstrayed(doc, p.end, Math.min(ends[i], room, MAX_EXTENSION), 1)
    p.end += after
    p.start -= Math.min(
      sectionRoom(doc, p.start, -1),
      unfinished(doc, p.start, unstrayed(doc, p.start, bounded(doc, p.start, starts[i], Math.min(roomBefore, MAX_EXTENSION), -1), -1), -1),
    )
  })
  return mergePassages(passages)
}

/**
 * Words, of the `by` the texts go on alike beyond token `edge` (dir 1: after it, -1: before), an
 * extension takes when it may take `bound`: all of them within the bound; where they go on
 * further, to the last sentence end within the bound (the passage's own edge, when that is one),
 * not to the word the bound falls on. Cut at the bound, eight PostgreSQL pages' "PG_COLOR ...
 * never." paragraph ended in the next sentence's "(see Section" and its "This utility ..."
 * sentence in "DIAGNOSTICS In case of difficulty, see". Where no sentence ends within the bound
 * (a line of a log, a clause), to the bound.
 */
function bounded(doc: MatchSource, edge: number, by: number, bound: number, dir: 1 | -1): number {
  if (by <= bound) return by
  const k = lastSentenceEnd(doc, edge, 0, Math.max(0, bound), dir)
  return k < 0 ? Math.max(0, bound) : k
}

/**
 * `by` words beyond token `edge` (dir 1: after it, -1: before), or, where a sentence of a
 * paragraph ends among them at a stop but the last of them ends none (dir -1: begins, but the
 * first begins none), to the last such stop: the texts stop going on alike inside a sentence,
 * and the passage takes whole sentences. Five systemd configuration files go on alike past the
 * LGPL notice they share with a sixth, and on through the next paragraph's first sentence, to
 * "... by creating "drop-ins" in the" (each then names its own subdirectory), and their passages
 * in the notice's overlap ended there (a tester of /etc). A paragraph break is left as
 * `unstrayed` reads it: the line after a change log's entry ("-- Julien Cristau
 * <jcristau@debian.org>", its date differing) is the entry's, and sim_text's runs go on into it.
 */
function unfinished(doc: MatchSource, edge: number, by: number, dir: 1 | -1): number {
  if (by === 0 || lastSentenceEnd(doc, edge, by, by, dir) === by) return by
  const k = lastSentenceEnd(doc, edge, 0, by - 1, dir)
  if (k < 0) return by
  const last = edge + dir * k
  const t = dir > 0 ? last : last - 1
  return paragraphBetween(doc, t, t + 1) ? by : k
}

/**
 * The most words k in [least, most] beyond token `edge` (dir 1: after it, -1: before) that end
 * where a sentence ends (an extension of k words stops at one), -1 when none: at a full stop,
 * question or exclamation mark or a paragraph break, not at a line break read as an end, as one
 * is before each line of a comment block (" * DAMAGES ...", "# notice ...").
 */
function lastSentenceEnd(doc: MatchSource, edge: number, least: number, most: number, dir: 1 | -1): number {
  const fullLine = fullLineOf(doc)
  for (let k = most; k >= least; k--) {
    const last = edge + dir * k
    const t = dir > 0 ? last : last - 1
    const u = t + 1
    if (t < 0 || u >= doc.starts.length) return k
    if ((stopAfter(doc, t) || paragraphBetween(doc, t, u)) && endsSentence(doc, t, fullLine)) return k
  }
  return -1
}

/**
 * `by` words beyond token `edge` (dir 1: after it, -1: before), less those past the last
 * paragraph break among them when that break lies between two list items and they are less than
 * half of their item (paragraph-edge.ts: a reprinted list's items are each their own, and two
 * items that open or close alike, "... which has been fixed." / ' * The "git ...', are not the
 * passage), else less the last STRAY_EDGE_WORDS or fewer when a paragraph break comes before
 * them (see STRAY_EDGE_WORDS).
 */
function unstrayed(doc: MatchSource, edge: number, by: number, dir: 1 | -1): number {
  // The last break: the words past it are in one paragraph.
  for (let k = by; k >= 1; k--) {
    if (!paragraphBetween(doc, edge + dir * (k - 1), edge + dir * k)) continue
    const item = betweenListItems(doc, dir > 0 ? edge + k : edge - k + 1)
    if (item && (dir > 0 ? lessThanHalf(doc, edge + k, edge + by, 1) : lessThanHalf(doc, edge - by, edge - k, -1))) return k - 1
    // Past the break, over more than one line of that paragraph, whole sentences only: not a
    // heading and the first words of the sentence under it ("34.15).\n\nDIAGNOSTICS\n In case of
    // difficulty, see", where eight manual pages go on alike to the name of the command each
    // refers to). On one line, the words stay: a changelog entry's sign-off ("-- Julien Cristau").
    if (!breaksLine(doc.text, doc.ends[dir > 0 ? edge + k : edge - by], doc.starts[dir > 0 ? edge + by : edge - k])) break
    const whole = lastSentenceEnd(doc, edge, k, by, dir)
    if (whole === by) break
    return whole >= k ? whole : k - 1
  }
  // A break before word k leaves by - k + 1 words after it.
  for (let k = Math.max(1, by - STRAY_EDGE_WORDS + 1); k <= by; k++)
    if (paragraphBetween(doc, edge + dir * (k - 1), edge + dir * k)) return k - 1
  return by
}

/**
 * Per passage, how many words it can be extended by past its end (dir 1) or before its start (-1);
 * MAX_EXTENSION + 1 where the texts go on alike further.
 */
function edgeExtensions(passages: readonly PairPassage[], docs: readonly MatchSource[], dir: 1 | -1, aligned?: AlignedSpans): Int32Array {
  const out = new Int32Array(passages.length)
  const keys = EDGE_SHIFTS + 1
  const limit = EDGE_CONTEXT + EDGE_SHIFTS + MAX_EXTENSION
  // Key q is passage q / keys read from `inside(q)` words before its edge, in direction dir.
  const inside = (q: number): number => EDGE_CONTEXT + (q % keys)
  // The words the keys read, read once: passage i's `span` words from the innermost key's start
  // outwards are words[i * span ...] (match ids, -1 past the document's edge), and key q's k-th
  // word is words[from[q] + k]. The sort compares keys word by word, the same words many times
  // over where passages are copies of one text.
  const span = limit + EDGE_SHIFTS
  const words = new Int32Array(passages.length * span)
  const from = new Int32Array(passages.length * keys)
  const order: number[] = []
  passages.forEach((p, i) => {
    const match = docs[p.doc].match
    const origin = dir === 1 ? p.end - (EDGE_CONTEXT + EDGE_SHIFTS) + 1 : p.start + EDGE_CONTEXT + EDGE_SHIFTS - 1
    for (let s = 0; s < span; s++) {
      const t = origin + dir * s
      words[i * span + s] = t >= 0 && t < match.length ? match[t] : -1
    }
    for (let j = 0; j < keys; j++) {
      const q = i * keys + j
      if (p.end - p.start + 1 < inside(q)) break
      from[q] = i * span + EDGE_SHIFTS - j
      order.push(q)
    }
  })
  const docOf = (q: number): number => passages[(q / keys) | 0].doc
  order.sort((x, y) => {
    const fx = from[x]
    const fy = from[y]
    for (let k = 0; k < limit; k++) {
      const u = words[fx + k]
      const v = words[fy + k]
      if (u !== v) return u - v
      if (u < 0) break
    }
    return x - y
  })
  /** Words keys x and y have in common (a word past a document's edge never). */
  const common = (x: number, y: number): number => {
    const fx = from[x]
    const fy = from[y]
    let k = 0
    while (k < limit) {
      const u = words[fx + k]
      if (u < 0 || u !== words[fy + k]) break
      k++
    }
    return k
  }
  const count = order.length
  const lcp = new Int32Array(count) // lcp[r]: common words of order[r - 1] and order[r]
  for (let r = 1; r < order.length; r++) lcp[r] = common(order[r - 1], order[r])
  /**
   * Passage q's extension when its key shares `shared` words with key `o`'s (another document's);
   * false when the two documents were aligned with each other beyond q's edge (see above).
   */
  const extend = (q: number, o: number, shared: number): boolean => {
    // Both keys must reach their passages' edges, so that the edges are one place of the text.
    if (shared < inside(q) || shared < inside(o)) return true
    const i = (q / keys) | 0
    // One word more than MAX_EXTENSION says that the texts go on alike beyond it (bounded).
    const by = Math.min(MAX_EXTENSION + 1, shared - inside(q))
    if (by <= out[i]) return true
    const p = passages[i]
    if (aligned?.covers(p.doc, dir === 1 ? p.end + 1 : p.start - 1, docOf(o))) return false
    out[i] = by
    return true
  }
  /** Key order[r] extended with the keys past order[from] (step -1 or 1), sharing `run` words with it. */
  const passOver = (r: number, from: number, run: number, step: -1 | 1): void => {
    let shared = run
    for (let s = from + step, n = 0; s >= 0 && s < count && n < MAX_PASSED_OVER; s += step, n++) {
      shared = Math.min(shared, lcp[step === -1 ? s + 1 : s])
      if (shared < EDGE_CONTEXT) return
      if (docOf(order[s]) !== docOf(order[r]) && extend(order[r], order[s], shared)) return
    }
  }
  // The nearest key of another document on either side: the common prefix with a key further
  // away is the least of the prefixes between, so the nearest has the longest. A document that
  // repeats a line (a git log's sign-off, hundreds of times) has its copies side by side, however
  // many: the nearest other key is carried along the run of one document's keys, with the least
  // prefix since, in one pass each way.
  let other = -1
  let run = 0
  for (let r = 1; r < count; r++) {
    if (docOf(order[r - 1]) !== docOf(order[r])) {
      other = r - 1
      run = lcp[r]
    } else run = Math.min(run, lcp[r])
    if (other >= 0 && !extend(order[r], order[other], run)) passOver(r, other, run, -1)
  }
  other = -1
  for (let r = count - 2; r >= 0; r--) {
    if (docOf(order[r + 1]) !== docOf(order[r])) {
      other = r + 1
      run = lcp[r + 1]
    } else run = Math.min(run, lcp[r + 1])
    if (other >= 0 && !extend(order[r], order[other], run)) passOver(r, other, run, 1)
  }
  return out
}

/** Merges overlapping passages of the same document; sorted by document, then start. */
export function mergePassages(passages: PairPassage[]): PairPassage[] {
  passages.sort((x, y) => x.doc - y.doc || x.start - y.start)
  const out: PairPassage[] = []
  for (const p of passages) {
    const last = out[out.length - 1]
    if (last && last.doc === p.doc && p.start <= last.end) last.end = Math.max(last.end, p.end)
    else out.push({ ...p })
  }
  return out
}
