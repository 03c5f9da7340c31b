import type { AnalysedDocument } from './analyse.js'
import type { Lexicon } from './lexicon.js'

// A bound prefix written with its hyphen: "re" of "re-raised", "co" of "co-maintainer", "pre" of
// "pre-release". The tokenizer splits it off as a word of its own, and it is none: two passages
// of Python's reference, "re-raised at the end of the finally clause" and "clause are re-raised at
// the end", shared "re" as one of four words and were a paraphrase (a reviewer). So the prefix is
// no word of a claim (nonwords.ts), and the word it is written before is read with it, as one
// word, where a claim's words are counted (paraphrase.ts): "re-use" is "reuse", as the other
// spelling writes it. losetup's "then re-use the device rather than a new one" restates mount's
// "mount re-uses the loop device rather than initializing a new device", and without the prefix
// read at all the two shared a word too few (a reviewer of util-linux's pages). Only prefixes that
// are no English word alone ("non-" negates, "self-" and "anti-" are words of their own).

/** The prefixes read so (see above), as written, in lower case. */
const PREFIXES = ['re', 'co', 'pre']

/** A hyphen between a prefix and its word: the ASCII one or Unicode's. */
const HYPHENS = '-\u2010'

/**
 * A bound prefix (PREFIXES) written with its hyphen before a letter, not inside a longer word or
 * after another hyphen ("are-use" has none; "pre-re-use" only "pre").
 */
export const PREFIX = new RegExp(String.raw`(?<![\p{L}\p{N}\p{M}_-])(?:${PREFIXES.join('|')})(?=[${HYPHENS}]\p{L})`, 'giu')

/** What a text needs for PREFIX to match it, tested before the pattern is run. */
export const PREFIX_NEEDS = new RegExp(
  `(?:${PREFIXES.map((p) => [...p].map((c) => `[${c.toUpperCase()}${c}]`).join('')).join('|')})[${HYPHENS}][^\\s\\d-]`,
)

/** PREFIX read at one place (sticky). */
const PREFIX_AT = new RegExp(PREFIX.source, 'iuy')

/** Whether token t of D is a word written after a bound prefix and its hyphen: "use" of "re-use". */
export function afterPrefix(D: AnalysedDocument, t: number): boolean {
  if (t === 0 || t >= D.starts.length || D.starts[t] !== D.ends[t - 1] + 1) return false
  PREFIX_AT.lastIndex = D.starts[t - 1]
  return PREFIX_AT.test(D.text) && PREFIX_AT.lastIndex === D.ends[t - 1]
}

/**
 * The match id of token t of D as a claim's words are read: after a bound prefix, of the two
 * written as one word ("use" of "re-use" read as "reuse"); else its own. A match form new to the
 * corpus is interned in `lexicon` (Lexicon.matchOfForm), so its match count grows.
 */
export function prefixedMatch(D: AnalysedDocument, lexicon: Lexicon, t: number): number {
  if (!afterPrefix(D, t)) return D.match[t]
  return lexicon.matchOfForm(lexicon.surfaces[D.surface[t - 1]] + lexicon.surfaces[D.surface[t]])
}

/** The tokens of D read after a bound prefix, each with its match id read so (prefixedMatch). */
export function prefixedWords(D: AnalysedDocument, lexicon: Lexicon): Map<number, number> {
  const out = new Map<number, number>()
  const prefixes = new Set(PREFIXES.map((p) => lexicon.matchIdOf(p)).filter((m) => m >= 0))
  if (prefixes.size === 0) return out
  for (let t = 1; t < D.match.length; t++) if (prefixes.has(D.match[t - 1]) && afterPrefix(D, t)) out.set(t, prefixedMatch(D, lexicon, t))
  return out
}
