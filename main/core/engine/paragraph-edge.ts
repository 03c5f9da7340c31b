import type { AnalysedDocument } from './analyse.js'
import { paragraphBetween } from './align.js'
import { upperBound } from '../text/sorted.js'
import { continuesWord } from './word-edges.js'

// A passage's end a word or two into the next paragraph. Seeds span paragraph breaks (chain.ts),
// so a candidate can end inside the next paragraph where both texts open it alike: two releases'
// notes whose shared entries are followed, in each, by an entry of its own with an identifier
// that starts alike ("... with the keyboard.\n\nbpo-9999: Something ..." and "... with the
// keyboard.\n\nbpo-7777: Another ..."): the passage ended with "bpo". The extension never crosses a
// paragraph break, and the word-for-word reach crosses one only for a long run (align.ts): a
// paragraph that merely opens alike is not the passage. So a side that runs into a paragraph for
// fewer content words than a seed holds (in the candidate only through a seed that spans the
// break), less than half of that paragraph, and ends inside a written word that goes on, ends
// before that paragraph when the other side does too. Whole words stay: a changelog entry's last
// line and its trailer's "-- Matthias Klose" are what two changelogs share (sim_text's runs of
// eight words and more go on so: without them, a sixth of the changelogs' runs were no longer
// covered), and so do a whole paragraph after the break (a heading both texts have), most of
// one, and an end one text writes without the break. (The caller keeps the end where the pair
// would be too short without it.)

/**
 * Where side [t0, t1] of `doc` would end without the fewer than `words` content words it has in
 * another paragraph (see above): the last token before the break; undefined when it keeps its end.
 */
function beforePartialParagraph(doc: AnalysedDocument, t0: number, t1: number, words: number): number | undefined {
  // The end is a piece of a written word, which goes on ("bpo" of "bpo-9999").
  if (!continuesWord(doc, t1 + 1)) return undefined
  // After the words-th content word from the end, fewer than `words` content words.
  const { content } = doc
  const c = upperBound(content, t1) - words
  const floor = Math.max(t0, c >= 0 ? content[c] : t0)
  for (let t = t1; t > floor; t--) if (paragraphBetween(doc, t - 1, t)) return lessThanHalf(doc, t, t1) ? t - 1 : undefined
  return undefined
}

/** Whether tokens [t0, t1] of `doc` are less than half of their paragraph, which goes on after t1. */
function lessThanHalf(doc: AnalysedDocument, t0: number, t1: number): boolean {
  const part = t1 - t0 + 1
  let rest = 0
  for (let t = t1 + 1; rest <= part && t < doc.starts.length && !paragraphBetween(doc, t - 1, t); t++) rest++
  return rest > part
}

/**
 * The ends of the aligned sides [a0, a1] of A and [b0, b1] of B before the paragraph both enter
 * for fewer than `words` content words (see above); undefined when either side keeps its end.
 */
export function paragraphEnd(
  A: AnalysedDocument,
  a0: number,
  a1: number,
  B: AnalysedDocument,
  b0: number,
  b1: number,
  words: number,
): [number, number] | undefined {
  const a = beforePartialParagraph(A, a0, a1, words)
  const b = a === undefined ? undefined : beforePartialParagraph(B, b0, b1, words)
  return a === undefined || b === undefined ? undefined : [a, b]
}
