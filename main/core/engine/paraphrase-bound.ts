// Which corpora the engine searches for paraphrases unless told (overlaps.ts OverlapOptions
// paraphrase). Read by the engine, the CLI's usage and the overlap list, which says when a project
// was not searched; this file imports nothing, so the renderer can use it without bundling the
// engine.

/**
 * Largest corpus (in words) searched for paraphrases by default: about a hundred books or a few
 * thousand articles, more than a close reading holds. The pass costs about as much again as the
 * rest of the engine per word; beyond this it is opt-in (paraphrase: true; the CLI's --paraphrases,
 * the overlap list's "Look for paraphrases").
 * Every text's words count, a duplicate's too, though the pass reads one copy of each group
 * (duplicates.ts). Counted without the duplicates, Debian's 889 copyright files are 996,253
 * words (3.7 M with them) and were searched: 84 paraphrases more, in 20.5 s instead of 11 (the
 * pass, the synonyms it reads, and the stages after it with its pairs); a reviewer's 120 NEWS
 * files (856,458 words, 1,037,051 with their 30 copies) gave 17, four of them restatements
 * judged true, four partial and nine false, in 5.9 s instead of 2.2. Not taken: the default run
 * on the copyright files nearly doubled.
 */
export const PARAPHRASE_MAX_WORDS = 1_000_000
