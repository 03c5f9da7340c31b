import { PARAPHRASE_MAX_WORDS } from '../main/core/engine/paraphrase-bound.js'

// A corpus past the words the engine searches for paraphrases by default (PARAPHRASE_MAX_WORDS):
// two short texts that restate one sentence, and a text of one sentence repeated that takes the
// corpus past the bound. The engine finds the restatement only where asked to look.

/** Two texts restating one sentence, by document id: a paraphrase the engine finds. */
export const RESTATED = {
  crlf: 'Lines of a file copied from another system may end with a carriage return and a line feed character.\n',
  feed: 'On other systems a line of the file can end in a carriage return followed by a feed.\n',
}

/** One sentence of seven words repeated: `share` of PARAPHRASE_MAX_WORDS words, and one more. */
export function pasture(share = 1): string {
  return 'Sheep graze quietly on the green hill. '.repeat(Math.ceil((share * PARAPHRASE_MAX_WORDS + 1) / 7))
}
