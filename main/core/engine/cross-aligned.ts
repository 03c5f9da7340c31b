import { eitherOrder, type PairSides } from './cluster.js'

// Pairs that read a document's repetition of itself across another document. Two documents that
// share a long text share its inner repetitions too: GTK 3's NEWS file holds all of GTK 2's, whose
// releases each list their translations, and GTK 2's list for 2.16.2 is much like GTK 3's copy of
// the list for 2.16.1. As a pair of their own, those two say that one was taken from the other,
// which never happened: each is the other document's own list at another place of the text they
// share (a reviewer found 155 of 826 overlaps of Debian's NEWS files so). A pair both of whose
// passages lie inside the two passages of a longer pair of the same two documents, away from the
// place that pair reads them at, is such a reading; an overlap made of such readings alone is no
// overlap. One that also has other pairs keeps them all: a text many documents share (a licence
// notice) is in a document twice, and the second copy may be linked to the others only through a
// reading across (dropped as pairs, such copies left their licence's overlap: 57 of 989 overlaps
// of 200 copyright files lost a passage). A pair inside a longer one at the place it reads them
// at is no reading across: a shorter text may be in more documents (nesting.ts). A pair lying
// inside a longer one at the place it reads them makes an overlap inside the longer one's, which
// is not listed again (contained.ts).

/**
 * Longest pairs of a pair of documents tried as the longer pair holding another (see above), the
 * longest first. A pair of documents with a long shared text has it in one pair or a few; more
 * would cost a comparison each for each of the pairs of two documents that share thousands
 * (two versions of one changelog), and a reading across is inside one of the longest.
 */
export const MAX_HOLDERS = 16

/**
 * Share of a pair's passage that may lie outside the longer pair's and still count as inside it.
 * Edges are reached word for word, and a pair's may reach a word further than the longer pair's:
 * gpg's info manual read against its man page put the "--ask-cert-expire" paragraph beside
 * "--ask-sig-expire" one word past the end of the pair holding both (a reviewer), an overlap of
 * its own. More, and a pair half outside the longer one would be taken as a part of it. The words
 * outside of a pair dropped so are in no overlap through it (a tenth of it at most), and a pair of
 * fewer than ten words has none outside.
 */
export const OVERHANG_SHARE = 0.1

/**
 * Per pair of `pairs`, 1 where it reads a repetition across (see above). Pairs of a document with
 * itself are none.
 */
export function crossAligned(pairs: PairSides): Uint8Array {
  const count = pairs.length
  const groups = new Map<number, number[]>()
  for (let i = 0; i < count; i++) {
    const a = pairs.doc(2 * i)
    const b = pairs.doc(2 * i + 1)
    if (a === b) continue
    const key = eitherOrder(a, b)
    const group = groups.get(key)
    if (group) group.push(i)
    else groups.set(key, [i])
  }
  const length = (i: number): number => pairs.end(2 * i) - pairs.start(2 * i) + pairs.end(2 * i + 1) - pairs.start(2 * i + 1)
  const cross = new Uint8Array(count)
  for (const group of groups.values()) {
    if (group.length < 2) continue
    const holders = [...group].sort((x, y) => length(y) - length(x)).slice(0, MAX_HOLDERS)
    for (const i of group) {
      for (const h of holders) {
        if (length(h) <= length(i)) break
        if (across(pairs, h, i)) {
          cross[i] = 1
          break
        }
      }
    }
  }
  return cross
}

/**
 * Whether pair i lies inside pair h (the same two documents) away from where h reads it: the
 * passage of i in one document, read through h in the other, is found there from h's start (as if
 * h inserted nothing before it) or from its end (as if h inserted all it inserts before it), and
 * i's passage in the other document lies further than its own length from both places and all
 * between.
 */
function across(pairs: PairSides, h: number, i: number): boolean {
  // Sides of i in the order of h's documents.
  const flip = pairs.doc(2 * i) !== pairs.doc(2 * h)
  const x = flip ? 2 * i + 1 : 2 * i
  const y = flip ? 2 * i : 2 * i + 1
  const X = 2 * h
  const Y = 2 * h + 1
  if (!inside(pairs, x, X) || !inside(pairs, y, Y)) return false
  const fromStart = pairs.start(Y) + (pairs.start(x) - pairs.start(X))
  const fromEnd = pairs.end(Y) - (pairs.end(X) - pairs.start(x))
  const own = pairs.end(x) - pairs.start(x) + 1
  const at = pairs.start(y)
  return at < Math.min(fromStart, fromEnd) - own || at > Math.max(fromStart, fromEnd) + own
}

/** Whether side e lies inside side E (the same document), but for OVERHANG_SHARE of its words at most. */
function inside(pairs: PairSides, e: number, E: number): boolean {
  const out = Math.max(0, pairs.start(E) - pairs.start(e)) + Math.max(0, pairs.end(e) - pairs.end(E))
  return out <= OVERHANG_SHARE * (pairs.end(e) - pairs.start(e) + 1)
}
