// Banality: what every text on a subject says. In a corpus about "new quality productive forces"
// that phrase and its pieces ("the development of new quality productive forces", "high-quality
// development") recur in every text, so two texts sharing them have not borrowed from each other.
// TextPAIR calls a passage banal when most of its n-grams are among the corpus's most common. The
// engine judges commonness by what the corpus shares, not by what one text repeats:
//
//   an n-gram is a topic phrase (common) when it is in at least MIN_TOPIC_DOCUMENTS documents and
//   at least TOPIC_SHARE of the corpus, AND at least REPEATING_SHARE of the documents that have it
//   use it more than once.
//
// Being in most of the texts is what makes a phrase the corpus's common stock; being repeated
// within them tells a topic phrase from a passage many texts reprint once (a licence, a wire
// story), which is reuse, however many documents share it (overlaps.ts labels it boilerplate when
// a large share of the corpus does). Repetition is counted in documents, not occurrences: one
// author who repeats a formula three times is that author's habit, and the formula that author
// shares with two others (in a corpus of five) is a borrowing to show, not the corpus's stock.
// A formula two authors share is never common: three documents at least make a corpus's stock.
//
// A match is banal when most of its shared words are covered by common n-grams (isBanal) and it
// is not long: a long verbatim or near-verbatim passage is never banal, whatever phrases it holds.

/**
 * Least number of documents a topic phrase is in. Two documents sharing a phrase is a borrowing to
 * show, not a corpus's stock.
 */
export const MIN_TOPIC_DOCUMENTS = 3

/**
 * Least share of the corpus's documents a topic phrase is in: "most texts on the subject" in the
 * plain sense, more than half. Lower, and a formula of a school of authors within the corpus would
 * vanish; higher, and a topic phrase one text avoids would count as a borrowing.
 */
export const TOPIC_SHARE = 0.5

/**
 * Share of the documents that have a widespread n-gram which must use it more than once for it to
 * be a topic phrase rather than a shared passage (see above): "repeated in at least half the texts
 * that use it", so at least two (MIN_TOPIC_DOCUMENTS is three): one text's habit is never the
 * corpus's stock. Lower, and a phrase many texts reprint once, and a few repeat, would be banal;
 * at 1, a topic phrase that one text uses only once would count as a borrowing. Counted in
 * occurrences instead (1.5 a document), a formula one author repeats three times and two others
 * use once was banal (in the bundled corpus, "emerging industries and future industries").
 */
export const REPEATING_SHARE = 0.5

/**
 * Share of a match's shared content words covered by common n-grams at which the match is banal.
 * "Mostly" in the plain sense: more than half.
 */
export const BANAL_SHARE = 0.5

/**
 * Shared content words from which a verbatim or near-verbatim match is never banal: a dozen
 * content words are about two dozen running words, a sentence or two, longer than any topic
 * phrase and its usual company ("the development of new quality productive forces is ...").
 */
export const LONG_MATCH_WORDS = 12

/**
 * True when an n-gram in `df` of `documents` texts, `repeating` of which use it more than once, is
 * common (see above).
 */
export function isCommonNgram(df: number, repeating: number, documents: number): boolean {
  return df >= MIN_TOPIC_DOCUMENTS && df >= TOPIC_SHARE * documents && repeating >= REPEATING_SHARE * df
}

/**
 * True when a match of `shared` content words, `commonShared` of them in common n-grams, is banal.
 * `close` says the match is verbatim or near-verbatim; then a long match is never banal.
 */
export function isBanal(commonShared: number, shared: number, close = false): boolean {
  if (shared === 0) return true
  if (close && shared >= LONG_MATCH_WORDS) return false
  return commonShared / shared > BANAL_SHARE
}
