import { type AnalysedDocument, contentMatchSet } from './analyse.js'
import type { Opposites } from './synonyms.js'

// Two sentences alike but for a word and its opposite say different things. The paraphrase pass
// pairs sentences by the content words they share, and one template filled with opposite words
// shares them all but one: passwd's "Set the minimum number of days between password changes" and
// "Set the maximum number of days a password remains valid" were passages of one paraphrase (a
// tester of Debian's manual pages), as "enable" and "disable" the same feature would be. Where a
// side has a content word whose opposite (synonyms.ts Opposites, WordNet's antonyms between
// common senses) the other side has, and neither side has both, the pair is no paraphrase
// (overlaps.ts). A side with both ("from the minimum to the maximum") names a range, and the other
// may name it too. So is a pair the pass finds as one sentence with a word changed, too short for
// the alignment (order.ts editedWords), when that word is an opposite: Python's asyncio.Queue's
// "Return True if the queue is empty, False otherwise." and queue.Queue's "Return True if the
// queue is full, False otherwise." document two methods (a tester of pydoc's pages). A longer
// copy the alignment keeps is not read so: a word changed for its opposite in a passage otherwise
// copied is an edit its variants show.

/** Whether tokens [a0, a1] of A and [b0, b1] of B are alike but for opposite words (see above). */
export function sayOpposites(
  A: AnalysedDocument,
  a0: number,
  a1: number,
  B: AnalysedDocument,
  b0: number,
  b1: number,
  opposites: Opposites,
): boolean {
  if (opposites.size === 0) return false
  const inA = contentMatchSet(A, a0, a1)
  const inB = contentMatchSet(B, b0, b1)
  for (const m of inA) {
    if (inB.has(m)) continue
    for (const o of opposites.get(m) ?? []) if (inB.has(o) && !inA.has(o)) return true
  }
  return false
}
