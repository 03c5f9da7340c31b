/**
 * A character of a word as the tokenizer reads words (tokenize.ts): a letter, digit or combining
 * mark. Everything else separates words, or is a mark around them (word-edges.ts).
 */
export const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u
