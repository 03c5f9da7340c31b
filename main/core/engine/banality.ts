// Banality: what every text on a subject says. In a corpus about "new quality productive forces"
// that phrase and its pieces ("the development of new quality productive forces", "high-quality
// development") recur in every text, so two texts sharing them have not borrowed from each other.
// TextPAIR calls a passage banal when most of its n-grams are among the corpus's most common; the
// engine does the same with a frequency rule that works for a handful of texts as for thousands:
//
//   an n-gram is common when it occurs at least MIN_COMMON_OCCURRENCES times in the corpus AND
//   on average at least REPEAT_RATIO times in each document that has it (or, in ngrams.ts, when it
//   occurs in more documents than the document-frequency limit).
//
// The second condition separates a topic phrase from a quotation: a topic phrase is used over and
// over within each text, while a passage quoted by three authors occurs about once in each of
// three texts (count = document frequency), however long it is. It holds in a corpus of any
// size: a refrain of a few texts (a changelog's "new upstream release") is common too, which also
// keeps its seeds, which grow with the product of its counts in two texts, from swamping the run. A match is banal when most of its
// shared words are covered by common n-grams (isBanal); it is then dropped, however long.

/**
 * The least number of occurrences that can make an n-gram common. Below four, a phrase used twice
 * by one author and once by another would count as the corpus's common stock, which in a small
 * corpus is most shared phrases.
 */
export const MIN_COMMON_OCCURRENCES = 4

/**
 * Average occurrences per containing document above which a frequent n-gram is a topic phrase
 * rather than a shared passage (see above). 1.5 means "repeated in at least half the texts that
 * use it"; at 1 every shared quotation of four or more texts would be banal.
 */
export const REPEAT_RATIO = 1.5

/**
 * Share of a match's shared content words covered by common n-grams at which the match is banal.
 * "Mostly" in the plain sense: more than half.
 */
export const BANAL_SHARE = 0.5

/** True when an n-gram occurring `count` times in `df` texts is common (see above). */
export function isCommonNgram(count: number, df: number): boolean {
  return count >= MIN_COMMON_OCCURRENCES && count >= REPEAT_RATIO * df
}

/** True when `commonShared` of `shared` shared words being common makes a match banal. */
export function isBanal(commonShared: number, shared: number): boolean {
  return shared === 0 || commonShared / shared > BANAL_SHARE
}
