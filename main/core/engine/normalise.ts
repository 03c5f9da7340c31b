import { stemmer } from 'stemmer'
import { americanSpelling } from './spelling.js'
import { STOPWORDS } from './stopwords.js'

// The forms a token is compared by. Two levels:
//   surface form  what a reader would call "the same word": Unicode NFKC (full-width letters,
//                 ligatures, mathematical alphabets fold to plain letters), lower case, one
//                 apostrophe, no soft or line-end hyphens, American spelling. Two passages whose
//                 tokens have equal surface forms are verbatim copies.
//   match form    the surface form without a possessive 's, stemmed when stemming is on
//                 ("forces" = "force", "improving" = "improve"). Seeds, similarity and term
//                 matching use it.
// Neither changes the text: tokens keep their offsets (tokenize.ts).

const APOSTROPHE_LIKE = /[\u2018\u2019\u02bc\u0060\u00b4\u2032]/g
const HYPHENATION = /[\u00ad]|[-\u2010][ \t]*\r?\n[ \t]*/g
const POSSESSIVE = /'s?$/

/** The surface form of a token's text (see above). */
export function surfaceForm(raw: string): string {
  let s = raw.normalize('NFKC').toLowerCase().replace(APOSTROPHE_LIKE, "'")
  if (s.includes('\u00ad') || s.includes('\n')) s = s.replace(HYPHENATION, '')
  return americanSpelling(s)
}

/** The match form of a surface form (see above). */
export function matchForm(surface: string, stem: boolean): string {
  const base = surface.length > 2 ? surface.replace(POSSESSIVE, '') : surface
  return stem && base.length > 2 ? stemmer(base) : base
}

/** True for function words (stopwords.ts), judged on the surface form. */
export function isStopword(surface: string): boolean {
  return STOPWORDS.has(surface)
}
