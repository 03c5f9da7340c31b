import { longestIncreasing } from '../text/sorted.js'
import { documentPair, type PairSides } from './cluster.js'

// Where two versions of one text say something between the passages they share. Versions of one
// text (a program's info manual and its man page, two editions of a report) share passages word
// for word, and between two of those each says in its own words what the other says there: the
// manual's "Specifying a line number will match only that line in the input" where the man page
// has "Match only the specified line number". The paraphrase pass proposes only sentences that
// share words few sentences of the corpus use, and what a manual and its man page share there
// ("line", "number", "match") is in thousands of a corpus of manuals: a reviewer found that the
// pass itself found none of 26 such restatements. Between two passages the two documents share,
// in the same order in both, is where each restates the other, and there sentences are compared
// whatever words they share (paraphrase.ts).
//
// The passages in order are the longest chain of them in order in both documents: a manual opens
// with the notice its man page ends with, and taken first, that one passage left no other in
// order (wget's info manual and man page share 143 passages, 37 of them in order; a reviewer).
// And the two must be versions of one text, sharing several passages in order: texts that share
// a notice at the top and another at the bottom (licences, templates, man pages of one package)
// say their own things between, and compared there whatever words they share, a hundred of them
// made one "paraphrase" of 874 passages (a reviewer's generated corpus), and two man pages of one
// package gave each other's options (sort's -t and split's -t; another reviewer).
//
// The passages two documents share are their pairs, as the seeds link them: a frequent n-gram's
// occurrence to its representative's, its previous document's and the one that shares the most
// context with it (ngrams.ts), not to every other. So a document added beside two copies of a
// passage can take over their pair of it, and the gaps of the two change. That is the one passage
// the stability bench's trials lose (Debian's copyright files, seed 1, trial 5): a restatement of
// the X11 licence's notice clause in the Unicode licence's, found between two files' shared
// notices, lost when a third file sharing their notices was added between them. Reading the pairs
// through a third document too (a passage of the third that both pair with, as one they share)
// ended that loss, but gave pairs of copyright files that share licences through others chains
// of four passages and more: on the review corpora 346 paraphrases instead of 283, 86 of them
// never judged, 141 true instead of 146; and two other trials lost a passage each. Not taken.

/**
 * Passages two documents share in order, at least, for them to be versions of one text (see
 * above). Two are a header and a footer; three, with the stock line most pages of a package have;
 * a man page and its manual share one for each option or section they both give (grep: 24, sed:
 * 16, ed: 4). How much of the shorter document they cover tells nothing: two man pages of one
 * package share half of each other in their stock lines (a median of 40% among the coreutils
 * pages), sed's man page a quarter of its manual's words.
 */
export const MIN_VERSION_PASSAGES = 4

/** Tokens [a0, a1] of document docA and [b0, b1] of docB, between the same two shared passages. */
export interface AlignedGap {
  docA: number
  a0: number
  a1: number
  docB: number
  b0: number
  b1: number
}

/**
 * The gaps between consecutive passages that two documents (docA < docB) share in order (pairs of
 * `pairs`), for two documents that share MIN_VERSION_PASSAGES in order; gaps with no token on a
 * side are left out. Listed two documents after two documents, each two's gaps one after another
 * in their order (paraphrase.ts reads a gap's neighbours so).
 */
export function alignedGaps(pairs: PairSides): AlignedGap[] {
  // Pairs by their two documents, each as its side in docA (its side in docB is that ^ 1).
  const groups = new Map<number, number[]>()
  for (let i = 0; i < pairs.length; i++) {
    const x = 2 * i
    if (pairs.doc(x) === pairs.doc(x + 1)) continue
    const a = pairs.doc(x) < pairs.doc(x + 1) ? x : x + 1
    const key = documentPair(pairs.doc(a), pairs.doc(a ^ 1))
    const group = groups.get(key)
    if (group) group.push(a)
    else groups.set(key, [a])
  }
  const gaps: AlignedGap[] = []
  for (const group of groups.values()) {
    if (group.length < MIN_VERSION_PASSAGES) continue
    // By start in docA, the longest first: of two passages starting together, the chain takes the
    // longer where both would do (a passage and a part of it read across, by a sibling).
    group.sort((a, c) => pairs.start(a) - pairs.start(c) || pairs.end(c) - pairs.end(a))
    // The longest chain in order in docB too, then each passage after the last kept one ends, in
    // both documents (passages of a chain may overlap where found through others).
    const chain: number[] = []
    for (const k of longestIncreasing(group.map((a) => pairs.start(a ^ 1)))) {
      const a = group[k]
      const last = chain[chain.length - 1]
      if (last === undefined || (pairs.start(a) > pairs.end(last) && pairs.start(a ^ 1) > pairs.end(last ^ 1))) chain.push(a)
    }
    if (chain.length < MIN_VERSION_PASSAGES) continue
    const docA = pairs.doc(group[0])
    const docB = pairs.doc(group[0] ^ 1)
    for (let k = 1; k < chain.length; k++) {
      const last = chain[k - 1]
      const a = chain[k]
      const gap = {
        docA,
        a0: pairs.end(last) + 1,
        a1: pairs.start(a) - 1,
        docB,
        b0: pairs.end(last ^ 1) + 1,
        b1: pairs.start(a ^ 1) - 1,
      }
      if (gap.a1 >= gap.a0 && gap.b1 >= gap.b0) gaps.push(gap)
    }
  }
  return gaps
}
