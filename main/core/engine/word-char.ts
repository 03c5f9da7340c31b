/**
 * A character of a word as the tokenizer reads words (tokenize.ts): a letter, digit or combining
 * mark. Everything else separates words, or is a mark around them (word-edges.ts).
 */
export const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u

/** Per UTF-16 unit: 1 when it is a WORD_CHAR by itself, 2 when not, 0 not yet asked (wordCharLength). */
const unitClass = new Uint8Array(0x10000)

/**
 * Length in UTF-16 units (1, or 2 for a surrogate pair) of the WORD_CHAR at `i` of `text`; 0 when
 * the character there is none, or `i` is past the end. A unit's answer is WORD_CHAR's, read from a
 * table filled as asked: a pattern's test of a one-character string, per character, was most of
 * the cost of reading a text's words (line-end-hyphens.ts reads a change log's words this way).
 * A surrogate that is no half of a pair is no word character, as WORD_CHAR says.
 */
export function wordCharLength(text: string, i: number): number {
  const code = text.charCodeAt(i)
  if (code >= 0xd800 && code <= 0xdbff) {
    const cp = text.codePointAt(i)!
    return cp > 0xffff && WORD_CHAR.test(String.fromCodePoint(cp)) ? 2 : 0
  }
  if (!(code >= 0)) return 0
  let c = unitClass[code]
  if (c === 0) unitClass[code] = c = WORD_CHAR.test(String.fromCharCode(code)) ? 1 : 2
  return c === 1 ? 1 : 0
}
