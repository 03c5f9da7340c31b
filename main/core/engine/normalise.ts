import { stemmer } from 'stemmer'
import { patternOnUse } from '../text/pattern-on-use.js'
import { americanSpelling } from './spelling.js'
import { CHINESE_STOP_CHARACTERS, STOPWORDS } from './stopwords.js'

// The forms a token is compared by. Three levels:
//   written form  the word as written, whatever its case or typography: Unicode NFKC (full-width
//                 letters, ligatures, mathematical alphabets fold to plain letters), lower case,
//                 one apostrophe, no soft or line-end hyphens. Two passages whose tokens have
//                 equal written forms are verbatim copies; "labour" and "labor" are one word
//                 spelled two ways, a near-verbatim copy's variant.
//   surface form  the written form in American spelling, German's sharp s as "ss" (spelledForm):
//                 "the same word" wherever spelling does not count (alignment, clustering, term
//                 matching, the steps a word diff finds).
//                 The few tokens whose written form differs from it are listed per document
//                 (AnalysedDocument.respelled), so spelling is told apart where it counts (an
//                 overlap's kind, its variants, duplicates: respelled.ts).
//   match form    the surface form without a possessive 's, the + and # signs that end a word
//                 or the sign before it (tokenize.ts: "GPL-2+" is read with "GPL-2", "C++" with
//                 "C", "+5" and "-5" with "5"), stemmed when
//                 stemming is on ("forces" = "force", "improving" = "improve"). Seeds, similarity
//                 and term matching use it.
// None changes the text: tokens keep their offsets (tokenize.ts).

const APOSTROPHE_LIKE = /[\u2018\u2019\u02bc\u0060\u00b4\u2032]/g
const HYPHENATION = /[\u00ad]|[-\u2010][ \t]*\r?\n[ \t]*/g
const POSSESSIVE = /'s?$/
/** The signs that end a word (tokenize.ts), the word being more than them. */
const SUFFIX_SIGNS = /(?<=.)[+#]+$/u
/**
 * The sign a word is written with before it (tokenize.ts), the word being more than it, as
 * written forms write it (NFKC: a full-width sign is an ASCII one; U+2212 a hyphen-minus).
 */
const PREFIX_SIGN = /^[+~±#-](?=.)/u
/** The minus sign (U+2212), written as a hyphen-minus: "−5" and "-5" are one word, typography aside. */
const MINUS_SIGN = /\u2212/g

/** The written form of a token's text (see above). */
export function writtenForm(raw: string): string {
  return shownWord(raw.normalize('NFKC').toLowerCase().replace(APOSTROPHE_LIKE, "'").replace(MINUS_SIGN, '-'))
}

/**
 * A token's text as a reader is shown it in a list of words (a paraphrase's reasons): as written,
 * case kept, without its soft or line-end hyphens ("com‐\n    pression", a manual page's
 * hyphenation, is "compression": a reviewer).
 */
export function shownWord(raw: string): string {
  return raw.includes('\u00ad') || raw.includes('\n') ? raw.replace(HYPHENATION, '') : raw
}

/** The surface form of a token's text (see above). */
export function surfaceForm(raw: string): string {
  return spelledForm(writtenForm(raw))
}

/**
 * The surface form of a written form (see above): American spelling, and German's sharp s as
 * "ss", as Swiss German writes it and a word set in capitals does ("STANDARDMÄSSIG" for
 * "Standardmäßig"). A spelling, not typography: "in Maßen" (in moderation) and "in Massen" (in
 * masses) say different things, and a copy that changed one into the other is near-verbatim,
 * its variant shown (a reviewer).
 */
export function spelledForm(written: string): string {
  return americanSpelling(written.includes('ß') ? written.replace(SHARP_S, 'ss') : written)
}

/** German's sharp s (see spelledForm). */
const SHARP_S = /ß/g

/**
 * A written or surface form without the sign written before the word (tokenize.ts): what a
 * reader compares where signs do not count (search's wildcards, function words).
 */
export function withoutSign(form: string): string {
  return form.replace(PREFIX_SIGN, '')
}

/** The match form of a surface form (see above). */
export function matchForm(surface: string, stem: boolean): string {
  const unsigned = withoutSign(surface.replace(SUFFIX_SIGNS, ''))
  const base = unsigned.length > 2 ? unsigned.replace(POSSESSIVE, '') : unsigned
  return stem && base.length > 2 ? stemmer(base) : base
}

const HIRAGANA = patternOnUse(String.raw`^\p{sc=Hiragana}[\p{sc=Hiragana}\p{M}]*$`, 'u')
/**
 * The first code unit of Hiragana (U+3041; one beyond the Basic Multilingual Plane starts with a
 * surrogate, higher still): a word that starts below it is none, told without HIRAGANA, which a
 * text without Japanese never makes (patternOnUse) nor calls for each of its words.
 */
const HIRAGANA_FROM = 0x3041

/**
 * True for function words (stopwords.ts), judged on the surface form: English ones, Chinese
 * function characters, and Japanese Hiragana (particles and endings: tokenize.ts reads each
 * character as a word).
 */
export function isStopword(signed: string): boolean {
  // The sign a word may be written with aside (tokenize.ts): sed's placeholder "+A" is "a".
  const surface = withoutSign(signed)
  return (
    STOPWORDS.has(surface) ||
    (surface.length === 1 && CHINESE_STOP_CHARACTERS.has(surface)) ||
    (surface.charCodeAt(0) >= HIRAGANA_FROM && HIRAGANA().test(surface))
  )
}
