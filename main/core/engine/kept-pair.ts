import { contentFrom, contentMatchSet, givenFirst, languageOf, rarityIn, type AnalysedCorpus, type AnalysedDocument } from './analyse.js'
import { DocumentMemo } from './document-memo.js'
import { mailAddressAt } from './addresses.js'
import { isBanal, LONG_MATCH_WORDS } from './banality.js'
import { callsOrNames } from './headings.js'
import type { PairPassage } from './cluster.js'
import { MIN_PLAIN_SHARED, plainSharedWords } from './names.js'
import {
  hasNumber,
  identifierJoins,
  isNumber,
  LINK,
  MARKUP,
  mayLink,
  mayMail,
  mayMarkup,
  type Name,
  nameJoins,
  namesIn,
  nonWordTokensIn,
} from './nonwords.js'
import { editedCopy } from './order.js'
import type { OverlapKind } from './overlaps.js'
import type { PairValues } from './pair-table.js'
import { wordsInCommon } from './paraphrase.js'
import { FORMS, IN_COMMON, listReason } from './reasons.js'
import type { PairMeasure } from './similarity.js'
import { OWN_FROM, OWN_WORD } from './tokenize.js'
import { patternOnUse } from '../text/pattern-on-use.js'
import { lowerBound, upperBound } from '../text/sorted.js'

// Which aligned pairs of passages are kept, and as which kind (verbatim, near-verbatim,
// paraphrase): the rules every pair passes, whichever stage found it (align-candidates.ts, and
// overlaps.ts for passages read through longer ones, paraphrases and events).

/**
 * Content words two passages must share. Six is about a dozen running words, a clause: fewer and
 * set phrases ("improve total factor productivity") would count as borrowings; more and short
 * quoted definitions would be lost.
 */
export const MIN_SHARED_WORDS = 6

/**
 * Characters of Chinese and Japanese, each a word of its own to the engine (tokenize.ts), per
 * word of those languages: their words are one to four characters, two most often. Counted one
 * each, a term of seven characters was a shared passage of seven words: "ログインシェル" (login
 * shell), "スーパーユーザ" (superuser), "アカウント情報" (account information) on chsh(1)'s and
 * passwd(1)'s Japanese pages, and "更改用户密码过期" against "(密码)过期更改。用户", the same
 * characters in another order across a full stop, a "near-verbatim" one of similarity 1 (a tester
 * of translated manual pages: 65 of 367 overlaps on 85 such pages had no passage longer than 12
 * characters). So two passages must share MIN_SHARED_WORDS words with their characters counted
 * so (sharedWords): a dozen characters, a clause.
 */
export const CHARACTERS_PER_WORD = 2

/**
 * A whole sentence both texts have word for word is shared with fewer content words than
 * MIN_SHARED_WORDS: this many, in MIN_SENTENCE_TOKENS words at least ("This variable is not
 * guaranteed to be defined for all compilers or languages.", five content words in thirteen; a
 * reviewer of CMake's help). A set phrase is seldom a sentence of its own; sim_text reports any
 * run of eight words.
 */
export const MIN_SENTENCE_SHARED = 4
export const MIN_SENTENCE_TOKENS = 8
/**
 * The start or the end of a sentence both texts have word for word, the rest of it where they
 * part, is shared with MIN_SENTENCE_SHARED content words too in this many words at least: "... to
 * reconstruct the database to the state it was in at the time it was saved.", the end of a
 * sentence in pg_dump's manual page and in pg_restore's, which say "commands required" and
 * "commands necessary" before it (a tester; it was found only as a paraphrase, and lost once
 * other pages made its words common). Half again a whole sentence's least: a sentence's part is
 * less of a unit than the sentence, and a set phrase ends many ("under the terms of the license.").
 */
export const MIN_SENTENCE_PART_TOKENS = 12

/**
 * Shared words from which a close pair's identifier joins are not subtracted (see keptKind): a
 * near-verbatim copy of two dozen words holds a clause however many of them are parts of
 * identifiers, and counting them costs a read of its tokens.
 */
export const IDENTIFIER_WORDS = 4 * MIN_SHARED_WORDS

/**
 * Least similarity of a pair of passages. Below 0.4 the box spanned by the seeds holds more words
 * the two texts do not share than words they do: two texts cite the same few phrases in different
 * sentences, not one passage.
 */
export const MIN_SIMILARITY = 0.4

/**
 * Similarity from which a pair that is not verbatim is a variant (an edited copy) rather than a
 * paraphrase. At 0.6 an edit every few words, or two clauses swapped, is still a variant. A less
 * similar pair is a variant too when most of the words it shares come in runs, in order (order.ts:
 * a copy with clauses inserted); a pair under it must share words that are not names (names.ts).
 */
export const VARIANT_SIMILARITY = 0.6

/** Kinds by rank (PairValues.kind), closest first. */
export const KIND_RANK: Record<OverlapKind, number> = { verbatim: 0, variant: 1, paraphrase: 2 }

/**
 * The kind of one pair of passages (see Overlap.kind). A pair less similar than a variant is still
 * one, an edited copy, when most of the words it shares come in runs in the same order: `edited`
 * says so (order.ts editedCopy), asked only of such a pair.
 */
export function kindOf(measure: PairMeasure, edited: () => boolean): OverlapKind {
  // A respelled copy ("labour" for "labor") is near-verbatim, the same words spelled otherwise.
  if (measure.verbatim) return measure.spelledAlike ? 'verbatim' : 'variant'
  if (measure.similarity >= VARIANT_SIMILARITY) return 'variant'
  return edited() ? 'variant' : 'paraphrase'
}

/** What a pair table keeps of a measured pair (pair-table.ts) of kind `kind` (kindOf). */
export function valuesOf(measure: PairMeasure, kind: OverlapKind): PairValues {
  return {
    shared: measure.shared,
    similarity: measure.dice,
    verbatim: measure.verbatim,
    kind: KIND_RANK[kind],
    score: measure.weighted * measure.similarity,
  }
}

/**
 * What a pair table keeps of a kept pair of passages a and b; a paraphrase, too loose to be an
 * edited copy, says the words it rests on as the paraphrase pass's do (IN_COMMON).
 */
export function keptValues(corpus: AnalysedCorpus, measure: PairMeasure, kind: OverlapKind, a: PairPassage, b: PairPassage): PairValues {
  if (kind !== 'paraphrase') return valuesOf(measure, kind)
  // (Its words named in the order its passages are shown: the document given first, first.)
  const [x, y] = givenFirst(corpus, a.doc, b.doc) ? [a, b] : [b, a]
  const common = wordsInCommon(corpus, x.doc, x.start, x.end, y.doc, y.start, y.end, true)
  return { ...valuesOf(measure, kind), because: [...listReason(FORMS, common.forms), ...listReason(IN_COMMON, common.alike)] }
}

/**
 * Whether an aligned pair (tokens [a0, a1] of A and [b0, b1] of B, `measure`d) is kept, and as
 * which kind: it shares `minWords` words at least, each identifier counted once, and
 * MIN_SIMILARITY, or is an edited copy throughout (editedThroughout); a close pair (verbatim, or
 * near-verbatim: kindOf) is never banal when long; a pair
 * less similar than a variant must share words that are not names (namesOnly), even when they
 * come in order (a person's name and title, said in two different statements, is one run); a
 * short pair shares words besides numbers, or a verbatim one besides years (numbersOnly); an
 * edited copy shares words besides its links (linksOnly); the words counted, an e-mail address's
 * pieces are shared only with the same address, and an edited copy's numbers are whole, and so
 * is a path or web address it mentions outside the words both sides have around it
 * (sharedWholeWords, loneNames); and no side is the start of a web address or path that goes on otherwise
 * (cutAddress).
 * Undefined when it is dropped.
 */
export function keptKind(
  measure: PairMeasure,
  minWords: number,
  A: AnalysedDocument,
  a0: number,
  a1: number,
  B: AnalysedDocument,
  b0: number,
  b1: number,
): OverlapKind | undefined {
  if (measure.shared < minWords) return undefined
  // (An edited copy throughout is one kindOf need not ask about again.)
  const throughout =
    measure.similarity < MIN_SIMILARITY && !alikeOutsideLinks(measure, minWords)
      ? editedThroughout(measure, A, a0, a1, B, b0, b1)
      : undefined
  if (throughout === false) return undefined
  if (measure.shared < CHARACTERS_PER_WORD * minWords && sharedWords(measure.shared, A, a0, a1, B, b0, b1) < minWords) return undefined
  // A translation is no copy: the words two texts in different languages share are names and
  // code (analyse.ts languageOf).
  if (languageOf(A, a0, a1) !== languageOf(B, b0, b1)) return undefined
  // Each identifier one word: the shared words less the joins of the side with fewer
  // (identifierJoins, nonwords.ts), counted only where they could matter: in a pair of fewer than
  // IDENTIFIER_WORDS shared words, or a loose one (a list of functions against a sentence naming
  // them).
  const joinsMatter = measure.shared < IDENTIFIER_WORDS || measure.similarity < VARIANT_SIMILARITY
  if (
    joinsMatter &&
    measure.shared - Math.min(identifierJoins(A, a0, a1), identifierJoins(B, b0, b1)) - nameJoins(A, a0, a1, B, b0, b1) < minWords
  )
    return undefined
  if (measure.shared <= MAX_NUMBER_LIST && numbersOnly(A, a0, a1, B, b0, b1, measure.verbatim)) return undefined
  const kind = kindOf(measure, () => throughout === true || editedCopy(A, a0, a1, B, b0, b1, measure.shared))
  const close = kind !== 'paraphrase'
  // Nor is a pair one whose words outside its HTML tags are not alike (unlikeOutsideTags).
  if (!measure.verbatim && unlikeOutsideTags(measure, A, a0, a1, B, b0, b1)) return undefined
  if (isBanal(measure.commonShare * measure.shared, measure.shared, close)) return undefined
  if (measure.similarity < VARIANT_SIMILARITY && namesOnly(A, a0, a1, B, b0, b1, kind === 'paraphrase')) return undefined
  // Nor is a loose match of two pages' NAME lines, or with a SYNOPSIS or a SEE ALSO, any more
  // than the paraphrase pass's is (headings.ts callsOrNames).
  if (kind === 'paraphrase' && callsOrNames(A, a0, B, b0)) return undefined
  if (kind === 'variant' && !measure.verbatim && linksOnly(A, a0, a1, B, b0, b1, minWords)) return undefined
  if (markupOnly(A, a0, a1, B, b0, b1, minWords)) return undefined
  if (measure.shared < minWords + MAX_NUMBER_PIECES && sharedWholeWords(A, a0, a1, B, b0, b1, minWords, !measure.verbatim) < minWords)
    return undefined
  if (cutAddress(A, a0, a1) || cutAddress(B, b0, b1)) return undefined
  return kind
}

/**
 * Shared content words from which a pair is an edited copy throughout (editedThroughout): twice
 * what makes a close match never banal (banality.ts LONG_MATCH_WORDS), several sentences. Shorter,
 * and a change log's stock lines ("Non-maintainer upload", a release's standard entries: 6 to 15
 * words, their words in most logs) were kept in thousands of places, one overlap of 16,307
 * passages, the variants 4 s longer (of 9); an edition's chapters and a licence's clauses are
 * longer.
 */
export const EDITED_THROUGHOUT_WORDS = 2 * LONG_MATCH_WORDS

/**
 * Whether a pair less similar than MIN_SIMILARITY, its words weighed by their rarity, is an
 * edited copy all the same: as similar as MIN_SIMILARITY with the weights its two documents
 * alone would give (aloneSimilarity), EDITED_THROUGHOUT_WORDS content words shared at least, and
 * most of those in runs (order.ts editedCopy: in order, or in any order where the passages are
 * too long for its diff). The weights are the corpus's: a word every document has weighs next to
 * nothing, and one a few have much, so other documents can make a copy unlike. Two translations
 * of Mark, the King James Version's and the World English Bible's, were one pair alone (0.51);
 * with the other synoptic gospels in both, their shared words ("Jesus", "disciples") were in all
 * six texts and the translations' own ("thee", "saith"; "you", "says") in three, and the pair
 * fell to 0.37, read as 118 pieces covering two thirds of Mark (a tester). A pair its two documents alone would not keep is not kept so either: two
 * manual pages' sections written to one template, their bullets between its lines saying other
 * things (systemd.path's and systemd.swap's "Implicit Dependencies", Dice 0.67, 0.36 by rarity
 * with the two alone), were read as one edited copy, one page's bullets a change of the other's
 * (a reviewer).
 */
function editedThroughout(
  measure: PairMeasure,
  A: AnalysedDocument,
  a0: number,
  a1: number,
  B: AnalysedDocument,
  b0: number,
  b1: number,
): boolean {
  return (
    measure.shared >= EDITED_THROUGHOUT_WORDS &&
    measure.dice >= MIN_SIMILARITY &&
    aloneSimilarity(A, a0, a1, B, b0, b1) >= MIN_SIMILARITY &&
    editedCopy(A, a0, a1, B, b0, b1, measure.shared)
  )
}

/**
 * The weighted similarity (similarity.ts) of tokens [a0, a1] of A and [b0, b1] of B were their two
 * documents the whole corpus: each content word weighed by its rarity among the two
 * (analyse.ts rarityIn), less where the other document has it too, shared or not.
 */
function aloneSimilarity(A: AnalysedDocument, a0: number, a1: number, B: AnalysedDocument, b0: number, b1: number): number {
  const both = rarityIn(2, 2)
  const one = rarityIn(2, 1)
  let total = 0
  let shared = 0
  const side = (doc: AnalysedDocument, t0: number, t1: number, span: Set<number>, other: Uint32Array): void => {
    for (let c = contentFrom(doc, t0); c < doc.content.length && doc.content[c] <= t1; c++) {
      const m = doc.match[doc.content[c]]
      if (span.has(m)) shared += both
      total += span.has(m) || holdsMatch(other, m) ? both : one
    }
  }
  side(A, a0, a1, contentMatchSet(B, b0, b1), matchesOf.get(B))
  side(B, b0, b1, contentMatchSet(A, a0, a1), matchesOf.get(A))
  return total > 0 ? shared / total : 0
}

/**
 * A document's content words' match ids, once each, ascending (aloneSimilarity): read from it
 * once (its memo keeps it).
 */
const matchesOf = new DocumentMemo((doc: AnalysedDocument) => {
  const ids = Uint32Array.from(new Set(Array.from(doc.content, (t) => doc.match[t])))
  return ids.sort()
})

/** Whether ascending `ids` hold `m`. */
function holdsMatch(ids: Uint32Array, m: number): boolean {
  const k = lowerBound(ids, m)
  return k < ids.length && ids[k] === m
}

/**
 * Whether a pair's words outside its links (PairMeasure.outsideLinks) are an edited copy's
 * (VARIANT_SIMILARITY), `minWords` of them at least. The parts of addresses are rare words (a
 * commit's hash, a repository's name) and weigh most in a pair's similarity, so where two texts'
 * links differ, the words around them decide: two change logs' entry "[meta] create FUNDING.yml;
 * add `funding` in package.json" with its commit link, similarity 0.48 alone, 0.32 once a third log
 * had its words (adding a document removed the overlap; a reviewer), 0.76 outside the links. An
 * edited copy's likeness, not MIN_SIMILARITY's: at that, lines written to one template ("[Dev
 * Deps] update `eslint`, `aud`, `tape` [`8205f97`](...)", 0.42-0.54) were kept.
 */
function alikeOutsideLinks(measure: PairMeasure, minWords: number): boolean {
  const text = measure.outsideLinks
  return text !== undefined && text.similarity >= VARIANT_SIMILARITY && text.shared >= minWords
}

/**
 * Whether a pair that is not verbatim is alike through its HTML tags alone: its words outside them
 * (PairMeasure.outsideMarkup) less alike than MIN_SIMILARITY. Two tables of Node.js's API
 * documentation, OpenSSL's options in crypto.md and the POSIX signals in os.md, rows of
 * "<tr><td><code>NAME</code></td><td>...</td></tr>", were a paraphrase of 4,500 characters and
 * the top overlap of its corpus, and fs.md's table of file flags an edited copy of the signals',
 * by the tags' names each row repeats, in order (a tester); outside them, the rows say different
 * things. A tag's words say how a text is shown, not what it says (markupOnly); a tag quoted in a
 * code span is code, and an address written out is text, as they are there.
 */
function unlikeOutsideTags(
  measure: PairMeasure,
  A: AnalysedDocument,
  a0: number,
  a1: number,
  B: AnalysedDocument,
  b0: number,
  b1: number,
): boolean {
  if (!mayMarkup(A, a0, a1) || !mayMarkup(B, b0, b1)) return false
  const text = measure.outsideMarkup
  return text !== undefined && text.similarity < MIN_SIMILARITY
}

/**
 * Shared words, at most, besides numbers (isNumber) in a pair that is dropped as numbers only
 * (numbersOnly): the "Copyright:" or "Version" a list of years or versions stands under. At two,
 * "License: Apache-2.0" and "Copyright (C) 1986, 1987, ..." (with its "C") went too, and 19 of
 * sim_text's runs on the copyright files with them, not 12.
 */
export const MAX_NUMBERED_WORDS = 1

/**
 * Shared words, at most, of a pair dropped as numbers only (numbersOnly). A longer run of numbers
 * two texts have alike is a table one copied. At this, the copyright files' lists of years go (up
 * to 24 years a list).
 */
export const MAX_NUMBER_LIST = 24

/**
 * Different numbers, years and versions aside, that a verbatim pair of numbers only (numbersOnly)
 * must share to be a list one copied: a row of twelve figures, four telephone numbers. Fewer are
 * numbers any text lists alike. A number is the whole number it is written in (wholeNumber), and
 * one with a digit alone before a dot and more digits ("3.10", "1.0.1", "tlsv1.2", "!=3.2.*") is
 * a version, however many a list names: the versions "tlsv1.1, tlsv1.2 or tlsv1.3" / "TLSv1_1,
 * TLSv1_2 or TLSv1_3" of curl's and wget's manual pages (a reviewer; among the corpus's top ten),
 * and the Python versions a package excludes, "!=3.2.*, !=3.3.*, ..., !=3.6.*", and those another
 * is tested on, "3.2, 3.3, 3.4, 3.5, 3.6", a verbatim overlap of similarity 1 (a reviewer of
 * Python packages' descriptions). A table's "17.3  54.1" are figures.
 */
export const MIN_COPIED_FIGURES = 4

/** A version in a whole number (see MIN_COPIED_FIGURES): a digit alone before a dot and digits. */
const VERSION = /(?<!\d)\d\.\d/u

/** A year, as copyright lines and version histories write them. */
const YEAR = /^(?:19|20)\d\d$/u

/**
 * Whether the content words tokens [a0, a1] of A share with [b0, b1] of B are numbers but for
 * MAX_NUMBERED_WORDS, and for a `verbatim` pair, fewer than MIN_COPIED_FIGURES figures besides
 * years and versions: versions or years two texts happen to list alike ("0.0, 1.0.1, 1.0" / "0.0,
 * 0.1, and 1.0", two manual pages' version histories, a near-verbatim overlap by its six numbers:
 * a reviewer; "Copyright: 1996, 1997, ..., 2002" in 75 of Debian's copyright files, for as many
 * holders), no text they share. A row of figures or a
 * list of telephone numbers copied word for word is shared (another reviewer). Asked of pairs of
 * MAX_NUMBER_LIST shared words at most.
 */
function numbersOnly(A: AnalysedDocument, a0: number, a1: number, B: AnalysedDocument, b0: number, b1: number, verbatim: boolean): boolean {
  const inB = new Set<number>()
  for (let c = contentFrom(B, b0); c < B.content.length && B.content[c] <= b1; c++) inB.add(B.match[B.content[c]])
  let words = 0
  const figures = new Set<string>()
  for (let c = contentFrom(A, a0); c < A.content.length && A.content[c] <= a1; c++) {
    const t = A.content[c]
    if (!inB.delete(A.match[t])) continue
    if (!isNumber(A, t) && !versionHead(A, t)) {
      if (++words > MAX_NUMBERED_WORDS) return false
    } else if (verbatim) {
      const number = wholeNumber(A, t)
      if (!YEAR.test(number) && !VERSION.test(number)) figures.add(number)
    }
  }
  return figures.size < MIN_COPIED_FIGURES
}

/**
 * Whether token t of `doc` is the head of a version written with a "v", "v15" of "v15.13.0": a
 * number as numbersOnly reads it. Node.js's documents write every version so, and their lines of
 * versions alone, "Added in: v15.13.0, v14.17.0", were verbatim overlaps of unrelated pages, an
 * eighth of an HTML corpus's (a tester), where "Added in: 15.13.0, 14.17.0" was none.
 */
function versionHead(doc: AnalysedDocument, t: number): boolean {
  return VERSION_HEAD.test(doc.text.slice(doc.starts[t], doc.ends[t])) && VERSION_TAIL.test(doc.text.slice(doc.ends[t], doc.ends[t] + 2))
}

/** A version's head: "v" and its major number. */
const VERSION_HEAD = /^[vV]\d+$/

/** What goes on after a version's head: a dot and a digit. */
const VERSION_TAIL = /^\.\d/

/**
 * Whether a pair that is not word for word (an edited copy, by its similarity or its runs in
 * order) shares fewer than `minWords` content words outside its links (nonwords.ts LINK: web
 * addresses, HTML tags). Two release notes' different sentences, each with a link into one site's
 * documentation ("New module inheriting the [`Selection`](https://prosemirror.net/docs/ref/
 * version/0.11.0.html#state.Selection)" / "The arguments to [`canSplit`](https://prosemirror.net/
 * docs/ref/version/0.11.0.html#transform.canSplit)"), share the twenty words of the addresses and
 * nothing they say; two READMEs' badges and sponsors' logos, the names and attributes of their
 * tags (a reviewer of npm packages' change logs and READMEs: 191 of 350 overlaps of the logs,
 * 173 of 705 of the READMEs, half of their top twenty). A link two texts share word for word is
 * a verbatim pair of its own, and kept.
 */
function linksOnly(A: AnalysedDocument, a0: number, a1: number, B: AnalysedDocument, b0: number, b1: number, minWords: number): boolean {
  if (!mayLink(A, a0, a1) || !mayLink(B, b0, b1)) return false
  const marks = [nonWordTokensIn(A, a0, a1), nonWordTokensIn(B, b0, b1)]
  if (linkCount(A, a0, marks[0]) < MIN_LINKS || linkCount(B, b0, marks[1]) < MIN_LINKS) return false
  const outsideLinks = (side: number, doc: AnalysedDocument, t: number): number | undefined =>
    marks[side][t - (side ? b0 : a0)] & LINK ? undefined : doc.match[t]
  return sharedAs(A, a0, a1, B, b0, b1, outsideLinks, minWords) < minWords
}

/**
 * Whether tokens [a0, a1] of A and [b0, b1] of B share fewer than `minWords` content words outside
 * HTML tags (MARKUP): two READMEs' badges, "</p>\n\n<p align=center>\n  <a href" or the shields.io
 * images of different packages ('src="https://img.shields.io/npm/dm/chai.svg?style=flat-square"
 * />'), a verbatim or near-verbatim pair by their tags' names, attributes and values, which say
 * how the texts are shown and nothing they say (a reviewer of npm packages' READMEs: five
 * overlaps over one block of badges in two files, and the sponsors' logos of several). A tag's
 * words are no words a pair shares, as a link's are none of an edited copy's (linksOnly); a word
 * between two tags, a link's text, an image's alternative text, is text, and so is a web address
 * written out in the text. Its limit: an HTML example two texts print outside a code block (a
 * form's markup in a plain text, or in Markdown's indented code) is markup too; in a fenced code
 * block or a code span it is code, whose words count.
 */
function markupOnly(A: AnalysedDocument, a0: number, a1: number, B: AnalysedDocument, b0: number, b1: number, minWords: number): boolean {
  if (!mayLink(A, a0, a1) || !mayLink(B, b0, b1)) return false
  // Without a tag on either side the words counted are all the pair's: as many as it shares, and
  // keptKind asks only of a pair that shares `minWords` (a change log's e-mail addresses and links
  // are no tags: most of its pairs are told so without marking their words).
  if (!mayMarkup(A, a0, a1) && !mayMarkup(B, b0, b1)) return false
  const marks = [nonWordTokensIn(A, a0, a1), nonWordTokensIn(B, b0, b1)]
  const outsideTags = (side: number, doc: AnalysedDocument, t: number): number | undefined =>
    marks[side][t - (side ? b0 : a0)] & MARKUP ? undefined : doc.match[t]
  return sharedAs(A, a0, a1, B, b0, b1, outsideTags, minWords) < minWords
}

/**
 * Links each side of a pair holds, at least, for linksOnly to drop it: texts joined through their
 * links, not one link. A link to one tracker in two change logs, its number changed ("Fixes:
 * https://bugs.freedesktop.org/show_bug.cgi?id=14723" / "...?id=20708"), is one address two texts
 * write alike, as sim_text's runs read them (208 of its runs on the changelogs, 0.45%).
 */
export const MIN_LINKS = 2

/**
 * How many links tokens [t0, t0 + marks.length) of `doc` hold: runs of tokens marked LINK
 * (`marks`, nonWordTokensIn), a run holding one more for each address that starts inside it. A
 * badge is two addresses one after the other, its image's and its target's ("[![Coverage
 * Status](https://coveralls.io/repos/stedolan/jq/badge.svg)](https://coveralls.io/github/
 * stedolan/jq)"): two READMEs' badges of their own projects were near-verbatim (a tester).
 */
function linkCount(doc: AnalysedDocument, t0: number, marks: Uint8Array): number {
  let links = 0
  for (let k = 0; k < marks.length; k++) {
    if (!(marks[k] & LINK)) continue
    // A run's first token, or one an address starts with ("https" before "://").
    if (!(k > 0 && marks[k - 1] & LINK) || doc.text.startsWith('://', doc.ends[t0 + k])) links++
  }
  return links
}

/**
 * Shared words a pair may have, at most, for sharedWholeWords to be asked of it: a pair sharing
 * more holds a clause besides any numbers or addresses, and most pairs are not read again.
 */
export const MAX_NUMBER_PIECES = 12

/**
 * How many content words tokens [a0, a1] of A and [b0, b1] of B share (as many as each has), the
 * pieces of an e-mail address (mailAddressAt) shared only with the same address, and where
 * `numbers`, a number counted as the whole number it is written in ("8.2.3", "2021-05-04", the
 * characters around it without white space or brackets), not its pieces; `enough` at most
 * (counting stops there). The pieces of two different numbers are no words two texts share:
 * two change logs' headings "8.2.3 (2021-05-04) ### Bug fixes Fix an issue where" and "1.13.3
 * (2021-02-04) ### Bug fixes Fix an issue where" shared "3", "2021" and "04" with four words, and
 * were an edited copy (a reviewer of npm packages' change logs: 81 overlaps of headings of
 * different releases).
 * Nor are the pieces of two different addresses, in a copy word for word too: two Debian change
 * logs' sign-off lines by different maintainers on one day, "<smcv@debian.org>  Sat, 21 Aug 2021"
 * / "<jbicha@debian.org>  Sat, 21 Aug 2021", shared "debian", "org" and the date, six words, a
 * verbatim pair, and such pairs joined each maintainer's sign-offs to the others' (an overlap of
 * 764 sign-off lines of different people and days, similarity 0.27). An address two texts both
 * write is shared piece by piece, as sim_text reads it ("Signed-off-by: Peter Hutterer
 * <peter.hutterer@who-t.net>" in many of X.Org's change logs; counted as one word, 7.5% of
 * sim_text's runs on the changelogs went uncovered).
 */
function sharedWholeWords(
  A: AnalysedDocument,
  a0: number,
  a1: number,
  B: AnalysedDocument,
  b0: number,
  b1: number,
  enough: number,
  numbers: boolean,
): number {
  // Without a number, an address or a name standing alone on both sides no piece of one is
  // shared: the count is the words'.
  const wholeNumbers = numbers && hasNumber(A, a0, a1) && hasNumber(B, b0, b1)
  const addresses = mayMail(A, a0, a1) && mayMail(B, b0, b1)
  const lone = numbers ? loneNames(A, a0, a1, B, b0, b1) : undefined
  if (!wholeNumbers && !addresses && !lone) return enough
  // Each written number once, at its first piece (the words are read in order, side by side):
  // "±0.13%" is one word, not "0" and "13", two. Counted per piece, two benchmarks' result lines
  // "x 32.16 ops/sec ±0.13% (56 runs sampled)" / "x 2,524,465 ops/sec ±0.13% (99 runs sampled)"
  // shared six words by the margin their tool printed alike (a reviewer of npm packages' READMEs:
  // 19 overlaps of such lines, 3 left, which share a word more).
  const numberAt = [-1, -1]
  // Each side's next lone name, in the order written (the words are read in order).
  const loneNext = [0, 0]
  const whole = (side: number, doc: AnalysedDocument, t: number): number | string | undefined => {
    // A name standing alone once, as the whole name, at its first piece (see loneNames).
    if (lone) {
      const list = lone[side]
      const at = doc.starts[t]
      while (loneNext[side] < list.length && list[loneNext[side]].to <= at) loneNext[side]++
      const name = list[loneNext[side]]
      if (name !== undefined && name.first <= at) return at === name.first ? `/\u0000${name.key}` : undefined
    }
    // An address's pieces each a word, keyed by the address they are of: "<smcv@debian.org>" and
    // "<jbicha@debian.org>" share no "debian" or "org".
    const address = addresses ? mailAddressAt(doc, t) : undefined
    if (address !== undefined) return `${address}\u0000${doc.match[t]}`
    if (!wholeNumbers || !isNumber(doc, t)) return doc.match[t]
    const [from, number] = wholeNumberAt(doc, t)
    if (from === numberAt[side]) return undefined
    numberAt[side] = from
    return number
  }
  return sharedAs(A, a0, a1, B, b0, b1, whole, enough)
}

/** A name with a slash that a pair writes standing alone (loneNames): where, and the name read whole. */
interface LoneName {
  /** Where the name ends, and where the first token it is written in starts. */
  to: number
  first: number
  key: string
}

/**
 * The names with a slash (nonwords.ts namesIn) that each side of a pair that is not verbatim
 * (tokens [a0, a1] of A and [b0, b1] of B) writes standing alone: no name of the other side in
 * the same first folder (or at the same host) has the same word before it or after it. Such a
 * name is one word of the pair (sharedWholeWords), not its pieces: a path or address that two
 * texts both mention is a name they share, not text they share. Change logs' entries of systemd
 * and polkit, "copy /usr/lib/pam.d into $initdir" and "/usr/lib/pam.d has been supported since",
 * against "moved ... into /usr/lib/pam.d. This is supported since", shared "usr", "lib", "pam",
 * "d", "supported" and "since", six words, a near-verbatim pair, and such pairs joined the two
 * packages' entries into one overlap of 13 passages (similarity 0.25); READMEs' "home page:
 * http://www.gnu.org/software" against "home page at http://www.gnu.org/software" were edited
 * copies. A name written inside a run of words both sides have counts its pieces, as sim_text
 * reads them: Debian's pointer "License: GPL-3+ See /usr/share/common-licenses/GPL-3." against
 * "License: GPL-3 See `/usr/share/common-licenses/GPL-3'", "can be found in
 * /usr/share/common-licenses/Apache-2.0" against "... in /usr/share/common-licenses/GPL-2", two
 * lists of the same files ("Files: build-aux/depcomp build-aux/missing"): counted as one word
 * each, 0.7% of sim_text's runs on the copyright files went uncovered. Undefined where neither
 * side writes a name alone; else each side's, in the order written.
 */
function loneNames(
  A: AnalysedDocument,
  a0: number,
  a1: number,
  B: AnalysedDocument,
  b0: number,
  b1: number,
): [LoneName[], LoneName[]] | undefined {
  const inA = namesIn(A, a0, a1)
  if (inA.length === 0) return undefined
  const inB = namesIn(B, b0, b1)
  if (inB.length === 0) return undefined
  // Each name with the match ids of the tokens just before and after it in the span (-1: none).
  const read = (doc: AnalysedDocument, t0: number, t1: number, names: readonly Name[]) =>
    names.map(({ from, to, folders, lower }) => {
      // The tokens the name is written in: from the one it starts in to the last before its end.
      const first = upperBound(doc.starts, from) - 1
      const last = lowerBound(doc.starts, to) - 1
      return {
        to,
        first: doc.starts[first],
        key: lower,
        head: folders[0],
        before: first - 1 >= t0 ? doc.match[first - 1] : -1,
        after: last + 1 <= t1 ? doc.match[last + 1] : -1,
      }
    })
  const ra = read(A, a0, a1, inA)
  const rb = read(B, b0, b1, inB)
  const inRun = (n: (typeof ra)[number], other: typeof ra) =>
    other.some((m) => m.head === n.head && ((n.before >= 0 && m.before === n.before) || (n.after >= 0 && m.after === n.after)))
  const la = ra.filter((n) => !inRun(n, rb))
  const lb = rb.filter((n) => !inRun(n, ra))
  return la.length > 0 || lb.length > 0 ? [la, lb] : undefined
}

/**
 * Tokens at the start and at the end of a pair (tokens [a0, a1] of A and [b0, b1] of B, alike
 * token for token at its edges), [leading, trailing], that are pieces of two different e-mail
 * addresses: no text the two share (sharedWholeWords), which a pair read word for word reaches
 * into from the text beside them. Two GNU change logs' entries by different authors at one host
 * ("James Youngman <jay@gnu.org>" / "Jim Meyering <meyering@gnu.org>", then "Add copyright
 * headers to some files which lack them.") were a pair from "gnu.org>" on, too few words once
 * those were no shared words, and the sentence was lost (a reviewer).
 */
export function otherAddressEdges(
  A: AnalysedDocument,
  a0: number,
  a1: number,
  B: AnalysedDocument,
  b0: number,
  b1: number,
): [number, number] {
  if (!mayMail(A, a0, a1) || !mayMail(B, b0, b1)) return [0, 0]
  const other = (i: number, j: number): boolean => {
    if (A.match[i] !== B.match[j]) return false
    const x = mailAddressAt(A, i)
    const y = mailAddressAt(B, j)
    return x !== undefined && y !== undefined && x !== y
  }
  let leading = 0
  while (a0 + leading <= a1 && b0 + leading <= b1 && other(a0 + leading, b0 + leading)) leading++
  let trailing = 0
  while (a1 - trailing > a0 + leading && b1 - trailing > b0 + leading && other(a1 - trailing, b1 - trailing)) trailing++
  return [leading, trailing]
}

/**
 * The words `shared` content words of tokens [a0, a1] of A and [b0, b1] of B are, those written in
 * Chinese or Japanese characters counted CHARACTERS_PER_WORD to a word (see there). Documents
 * without such characters are not read.
 */
function sharedWords(shared: number, A: AnalysedDocument, a0: number, a1: number, B: AnalysedDocument, b0: number, b1: number): number {
  if (!ownWordIn(A, a0, a1) || !ownWordIn(B, b0, b1)) return shared
  const characters = sharedAs(A, a0, a1, B, b0, b1, (_, doc, t) => (ownWordAt(doc, t) ? doc.match[t] : undefined), shared)
  return shared - characters + characters / CHARACTERS_PER_WORD
}

/** Whether tokens [t0, t1] of `doc` hold a character that is a word of its own (tokenize.ts OWN_WORD). */
function ownWordIn(doc: AnalysedDocument, t0: number, t1: number): boolean {
  for (let t = t0; t <= t1; t++) if (doc.text.charCodeAt(doc.starts[t]) >= OWN_FROM && ownWordAt(doc, t)) return true
  return false
}

/** Whether token t of `doc` is a character that is a word of its own (tokenize.ts OWN_WORD). */
function ownWordAt(doc: AnalysedDocument, t: number): boolean {
  return OWN_WORD.test(String.fromCodePoint(doc.text.codePointAt(doc.starts[t])!))
}

/**
 * How many content words tokens [a0, a1] of A and [b0, b1] of B share, per word the smaller of
 * its two counts (as PairMeasure.shared), each word read as `keyOf` gives it (side 0 is A, 1 is
 * B; undefined: not counted); `enough` at most, where counting stops.
 */
function sharedAs(
  A: AnalysedDocument,
  a0: number,
  a1: number,
  B: AnalysedDocument,
  b0: number,
  b1: number,
  keyOf: (side: number, doc: AnalysedDocument, t: number) => number | string | undefined,
  enough: number,
): number {
  // B's words by key, as many as it has; then A's taken from them.
  const left = new Map<number | string, number>()
  for (let c = contentFrom(B, b0); c < B.content.length && B.content[c] <= b1; c++) {
    const key = keyOf(1, B, B.content[c])
    if (key !== undefined) left.set(key, (left.get(key) ?? 0) + 1)
  }
  let shared = 0
  for (let c = contentFrom(A, a0); c < A.content.length && A.content[c] <= a1; c++) {
    const key = keyOf(0, A, A.content[c])
    const n = key === undefined ? 0 : (left.get(key) ?? 0)
    if (key === undefined || n === 0) continue
    left.set(key, n - 1)
    if (++shared >= enough) break
  }
  return shared
}

/**
 * The number token t of `doc` is written in, whole: its run of characters without white space,
 * brackets or quotation marks, its end marks trimmed; as the engine matches words, case aside
 * ("COVID-19" is "Covid-19"), and a dash as a hyphen.
 */
function wholeNumber(doc: AnalysedDocument, t: number): string {
  return wholeNumberAt(doc, t)[1]
}

/** The number token t of `doc` is written in (wholeNumber), with where it starts in the text. */
function wholeNumberAt(doc: AnalysedDocument, t: number): [number, string] {
  const { text } = doc
  let from = doc.starts[t]
  let to = doc.ends[t]
  while (from > 0 && !endsNumber(text, from - 1)) from--
  while (to < text.length && !endsNumber(text, to)) to++
  return [from, text.slice(from, to).replace(END_MARKS(), '').toLowerCase().replace(DASHES, '-')]
}

/** Dashes a number may be written with, read as a hyphen: "09:30–17:00" is "09:30-17:00". */
const DASHES = /[\u2010-\u2015\u2212]/gu

/** What ends a written number: white space, a bracket, a quotation mark, a comma or semicolon. */
const NUMBER_EDGE = /[\s()[\]{}<>"'“”‘’,;]/u

/**
 * Whether character k of `text` ends a written number (NUMBER_EDGE), but for a comma that groups
 * thousands (THOUSANDS): "1,245,300" is one number as "1.245.300" is (a reviewer: an English
 * text's figures were three words each where a German text's were one, and "10,000" and "25,000"
 * shared "000").
 */
function endsNumber(text: string, k: number): boolean {
  if (text[k] === ',' && DIGIT.test(text[k - 1] ?? '') && THOUSANDS.test(text.slice(k + 1, k + 5))) return false
  return NUMBER_EDGE.test(text[k])
}

/** A digit. */
const DIGIT = /\d/u

/**
 * What follows a comma that groups thousands: three digits, then no digit. A list of numbers
 * written without spaces ("days 1,8,15,22", "2006,2007,2009") is several (a reviewer).
 */
const THOUSANDS = /^\d{3}(?!\d)/u
/**
 * Marks at a written number's ends that are not its: a full stop, a colon, a hash. Those at the end
 * are tried after a letter or digit only, not again from each mark of a run inside the word.
 */
const END_MARKS = patternOnUse(String.raw`^[^\p{L}\p{N}]+|(?<=[\p{L}\p{N}])[^\p{L}\p{N}]+$`, 'gu')

/** What makes a word with no space in it an address: a slash (paths, web addresses) or an at sign (e-mail). */
const ADDRESS = /[/@]/

/**
 * Whether tokens [t0, t1] of `doc` are part of one address (a web address, path or e-mail: no
 * space among them, a slash or at sign: ADDRESS) that goes on after them with more letters or
 * digits: where two links part, "https://savannah.gnu.org/bugs/?group" (=findutils, =make),
 * "ftp://ftp.gnu.org/pub/gnu" (/wget, /gcc). That is no text the two share, and a reader shown
 * it sees a link cut mid-path; among 307 READMEs, 30 overlaps were such stems. sim_text counts
 * them as shared runs: on the changelogs the engine's share of its runs fell from 97.4% to 95.3%
 * (99.8% of their words), about a hundred overlaps of link stems fewer. A whole address two texts share (a licence's pointer,
 * "/usr/share/common-licenses/Apache-2.0") is shared, and kept; so is a patch's name, which
 * says what the patch does ("fix-823-Response-change-to-NODATA-for-some-ANY-queries.patch").
 */
function cutAddress(doc: AnalysedDocument, t0: number, t1: number): boolean {
  const { text } = doc
  const span = text.slice(doc.starts[t0], doc.ends[t1])
  // A script written without spaces (a Chinese sentence's "和/或") is text, not an address.
  if (/\s/.test(span) || !ADDRESS.test(span) || OWN_WORD.test(span)) return false
  for (let k = doc.ends[t1]; k < text.length && !/\s/.test(text[k]); k++) if (/[\p{L}\p{N}]/u.test(text[k])) return true
  return false
}

/**
 * Whether a pair of passages shares fewer than MIN_PLAIN_SHARED words that are not names
 * (names.ts): the same person or body named in two different statements. For a `paraphrase`
 * (no edited copy: kindOf), the tokens nonwords.ts lists (parts of addresses and paths, numbers,
 * identifiers, commands, Chinese and Japanese characters) are no words of a claim either: two
 * stanzas of copyright files listing different files under one template
 * ("Files: chrome/test/file_test_utils.h" / "Files: test_utils/test_utils.h") share words only
 * there. Edited copies keep them: a pointer to "/usr/share/common-licenses/GPL-2" reworded
 * around its path is still the same pointer (without them, 0.6% of sim_text's runs on the
 * copyright files were no longer covered).
 */
function namesOnly(A: AnalysedDocument, a0: number, a1: number, B: AnalysedDocument, b0: number, b1: number, paraphrase: boolean): boolean {
  if (!paraphrase) return plainSharedWords(A, a0, a1, B, b0, b1) < MIN_PLAIN_SHARED
  const inA = nonWordTokensIn(A, a0, a1)
  const inB = nonWordTokensIn(B, b0, b1)
  // A token's word: its match id, -1 where it is no word of a claim.
  const plainForm = (doc: AnalysedDocument, t: number): number =>
    (doc === A && t >= a0 && t <= a1 ? inA[t - a0] : inB[t - b0]) ? -1 : doc.match[t]
  return plainSharedWords(A, a0, a1, B, b0, b1, plainForm) < MIN_PLAIN_SHARED
}
