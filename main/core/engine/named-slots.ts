import { diffArrays } from 'diff'
import { type AnalysedDocument, contentFrom } from './analyse.js'
import { type Cluster, clusterPairs, type PairSides } from './cluster.js'
import { lowerBound } from '../text/sorted.js'

// Statements of one template about different named things. A manual page says the same thing of
// many programs, options and formats in the same words: "This command is used to manipulate DH
// parameter files" / "... to manipulate or generate DSA parameter files", "Convert a private key
// to PKCS#8 format" / "To convert a private key from PEM to DER format" (OpenSSL's pages); "Enable
// them with the `stats` option or by setting `cache.stats.enabled = true`" / "`tags: true` option
// or by setting `cache.tags.enabled = true`" (a README). The words they share are the
// template's, and the paraphrase pass paired them on those. Lined up on those words (the longest
// run of their content words in order, matched as the engine matches words), the two have a name
// of their own at the same place: the slot the template leaves for what it is about. Two
// statements are about different things when a gap between two words lined up holds on each side
// a name the other statement never writes, or when the gap before the first word lined up (or
// after the last) is on each side one written word, a name of its own: "The chgpasswd command
// reads ..." / "The newusers command reads ...", "If --cpu-prof-dir is not specified, ..." / "If
// --heap-prof-dir is not specified, ...". A restatement may name in other words what the other
// names ("Write the key using the traditional PKCS#1 format" / "If the -traditional option is used
// then a traditional format private key is written": PKCS#1 has no counterpart at its place), or
// name more ("IPv6 addresses can be specified by enclosing the address in square brackets"), which
// this leaves alone; so is a longer edge, where a restatement opens with the option it describes
// and the other with words of its own ("--experimental-default-type=type Interpret as either ES
// modules or CommonJS modules" / "This configures Node.js to interpret `--eval` or `STDIN` input as
// CommonJS or as an ES module").
// Measured against two reviewers' verdicts on the 320 paraphrases of 31 corpora (manual pages and
// their info manuals, READMEs, NEWS files, licences, Node.js's and npm packages' documentation;
// `npm run --silent bench -- paraphrases`): 15 false fewer, no true one lost. Read at any edge, the
// true one above went too. A third passage that restates both statements of such a pair no longer
// joins them into one overlap (partedByNames). Markdown's code spans are code-names.ts's.
// A name is a word as written (between spaces, without the punctuation around it) that is
//   - an option ("-g", "--debug"), or holds an underscore, a "#" or a dot between its letters
//     ("st_size", "PKCS#8", "cache.stats.enabled"), or letters and digits ("IPv6", "pkcs11");
//   - an acronym: two capitals or more and no lower case ("DH", "DSA"), where the statement is not
//     written in capitals (a licence's disclaimer: "DISCLAIMED" against "NONINFRINGEMENT");
//   - a word written alone in quotation marks ('"su"', "‘k’", "`stats`"), or a file name's
//     extension (".po", "(with .gz extension)");
//   - a word of Latin letters the dictionary does not know, in a statement written in English,
//     where the caller has one (UnknownWord: WordNet on the Node side, synonyms.ts
//     SynonymSource.knows): "chgpasswd", "xzlib";
//   - there too, a content word of two lower-case letters, which English has few of (its words of
//     two letters are function words) and a manual has many: commands ("su", "sg", "id", "ps"),
//     units ("kg", "ms"). WordNet knows some as the symbols or abbreviations they also are ("sg",
//     seaborgium), and shadow's "Enable "syslog" logging of sg activity" / "... of su activity"
//     was a paraphrase (a reviewer: false); of the review corpora's paraphrases, it alone went.
// Not a word capitalised inside a statement (names.ts writtenAs): taken as a name here too, the
// review corpora lost 9 true and 3 partial paraphrases for one false (294 -> 283, two more not
// judged): six true in the licences and three in the copyright files, whose defined terms are
// capitalised ("Licensor", "the Work").

/**
 * Punctuation around a written word that is not part of it (brackets, quotation marks, stops). The
 * run at the end is tried only where a run of such marks starts: tried from each of its marks, a
 * long run inside a word was read again from each.
 */
const AROUND = /^[\s"'`‘’“”«»()[\]{}<>,;:.!?*]+|(?<![\s"'`‘’“”«»()[\]{}<>,;:.!?*])[\s"'`‘’“”«»()[\]{}<>,;:.!?*]+$/gu
/** Quotation marks that may enclose a name alone. */
const QUOTES = /^["'`‘“«][^\s]+["'`’”»]$/u
/**
 * An option, or a name with an underscore, a "#", a dot between letters (not between single
 * letters: "e.g."), or letters and digits.
 */
const CODE_LIKE = /^--?\p{L}|[_#]|\p{L}{2}\.\p{L}|\p{L}\.\p{L}{2}|\p{L}\p{N}|\p{N}\p{L}/u
/** A file name's extension written alone (".po", ".gz"), without the marks around it. */
const EXTENSION = /^\.\p{L}[\p{L}\p{N}]*$/u
/** Marks that may open a written word before its extension: quotation marks and brackets. */
const OPENING = /^["'`‘“«([{<]+/u
/** Marks that may close a written word after its extension: quotation marks, brackets, stops (tried where a run of them starts). */
const CLOSING = /(?<!["'`’”»)\]}>,;:!?])["'`’”»)\]}>,;:!?]+$/u
/** Stops and a closing bracket after a word's closing quotation mark (tried where a run of them starts). */
const STOPS_AFTER = /(?<![,;:.!?)])[,;:.!?)]+$/u
/** A token of letters alone, two at least: a word a dictionary may know. */
const LETTERS_ONLY = /^\p{L}{2,}$/u
/** Whether token t of `doc` is a word no dictionary knows: a name or an identifier ("chgpasswd", "xzlib"). */
export type UnknownWord = (doc: AnalysedDocument, t: number) => boolean
/** An acronym (see above). */
const ACRONYM = /^\p{Lu}{2,}$/u
/** A word of two lower-case letters (see above). */
const TWO_LETTERS = /^\p{Ll}{2}$/u
/** A word with a lower-case letter: a statement with few is written in capitals. */
const LOWER = /\p{Ll}/u

/** Where the word token t of `doc` is written in starts: after the space before it. */
function wordStart(doc: AnalysedDocument, t: number): number {
  let from = doc.starts[t]
  while (from > 0 && !/\s/u.test(doc.text[from - 1])) from--
  return from
}

/** The word token t of `doc` is written in: from the space before it to the space after it. */
function writtenWord(doc: AnalysedDocument, t: number): string {
  const { text } = doc
  const from = wordStart(doc, t)
  let to = doc.ends[t]
  while (to < text.length && !/\s/u.test(text[to])) to++
  return text.slice(from, to)
}

/**
 * Whether token t of `doc` is written as a name (see above); `capitals`: the statement is written
 * in capitals; `unknown`: whether a token is a word no dictionary knows (see nameOtherThings).
 */
function isName(doc: AnalysedDocument, t: number, capitals: boolean, unknown: UnknownWord | undefined): boolean {
  if (unknown && LETTERS_ONLY.test(doc.text.slice(doc.starts[t], doc.ends[t])) && unknown(doc, t)) return true
  const written = writtenWord(doc, t)
  const word = written.replace(AROUND, '')
  if (word.length === 0) return false
  if (EXTENSION.test(written.replace(OPENING, '').replace(CLOSING, ''))) return true
  if (CODE_LIKE.test(word)) return true
  if (!capitals && ACRONYM.test(word)) return true
  if (unknown && TWO_LETTERS.test(word)) return true
  return QUOTES.test(written.replace(STOPS_AFTER, '')) && !/\s/u.test(word)
}

/** Whether most words of tokens [t0, t1] of `doc` have no lower-case letter. */
function inCapitals(doc: AnalysedDocument, t0: number, t1: number): boolean {
  let upper = 0
  for (let t = t0; t <= t1; t++) if (!LOWER.test(doc.text.slice(doc.starts[t], doc.ends[t]))) upper++
  return upper * 2 > t1 - t0 + 1
}

/** Whether tokens [t0, t1] of `doc` hold a function word of another language than English (analyse.ts foreign). */
function writtenIn(doc: AnalysedDocument, t0: number, t1: number): boolean {
  const k = lowerBound(doc.foreign, t0)
  return k < doc.foreign.length && doc.foreign[k] <= t1
}

/** The content tokens of [t0, t1] of `doc`. */
function contentTokens(doc: AnalysedDocument, t0: number, t1: number): number[] {
  const out: number[] = []
  for (let c = contentFrom(doc, t0); c < doc.content.length && doc.content[c] <= t1; c++) out.push(doc.content[c])
  return out
}

/**
 * Content tokens `a` of A and `b` of B lined up: the longest run of them in the same order with the
 * same match forms (jsdiff's diffArrays, Myers' algorithm), as pairs of positions in `a` and `b`.
 */
function lineUp(A: AnalysedDocument, a: number[], B: AnalysedDocument, b: number[]): [number, number][] {
  const pairs: [number, number][] = []
  let i = 0
  let j = 0
  for (const part of diffArrays(
    a.map((t) => A.match[t]),
    b.map((t) => B.match[t]),
  )) {
    const n = part.count ?? part.value.length
    if (part.removed) i += n
    else if (part.added) j += n
    else for (let k = 0; k < n; k++) pairs.push([i++, j++])
  }
  return pairs
}

/**
 * Content words, at most, of a side lined up (see above): a statement longer than this is no
 * template's, and lining two up costs as their lengths times the words they differ in.
 */
export const MAX_LINED_UP_WORDS = 200

/** Whether tokens [a0, a1] of A and [b0, b1] of B are one template's statements about different named things (see above). */
export function nameOtherThings(
  A: AnalysedDocument,
  a0: number,
  a1: number,
  B: AnalysedDocument,
  b0: number,
  b1: number,
  unknown?: UnknownWord,
): boolean {
  const a = contentTokens(A, a0, a1)
  const b = contentTokens(B, b0, b1)
  if (a.length === 0 || b.length === 0 || a.length > MAX_LINED_UP_WORDS || b.length > MAX_LINED_UP_WORDS) return false
  // A word the dictionary does not know is a name in English only: in a sentence of another
  // language (one with its function words, analyse.ts foreign) every word is one it does not know.
  const sideA = { doc: A, tokens: a, capitals: inCapitals(A, a0, a1), unknown: writtenIn(A, a0, a1) ? undefined : unknown }
  const sideB = { doc: B, tokens: b, capitals: inCapitals(B, b0, b1), unknown: writtenIn(B, b0, b1) ? undefined : unknown }
  const writtenA = new Set(A.match.subarray(a0, a1 + 1))
  const writtenB = new Set(B.match.subarray(b0, b1 + 1))
  /** Whether content tokens [from, to) of a side hold a name the other side never writes. */
  const namesOwn = (side: typeof sideA, from: number, to: number, other: Set<number>): boolean => {
    for (let k = from; k < to; k++) {
      const t = side.tokens[k]
      if (!other.has(side.doc.match[t]) && isName(side.doc, t, side.capitals, side.unknown)) return true
    }
    return false
  }
  const pairs = lineUp(A, a, B, b)
  // The gaps between two words lined up.
  for (let k = 0; k + 1 < pairs.length; k++) {
    const [i0, j0] = pairs[k]
    const [i1, j1] = pairs[k + 1]
    if (i1 - i0 < 2 || j1 - j0 < 2) continue
    if (namesOwn(sideA, i0 + 1, i1, writtenB) && namesOwn(sideB, j0 + 1, j1, writtenA)) return true
  }
  if (pairs.length === 0) return false
  // Before the first word lined up, and after the last: only where each side's gap is one written
  // word, its name.
  const oneWord = (D: AnalysedDocument, side: number[], from: number, to: number): boolean =>
    to > from && side.slice(from, to).every((t) => wordStart(D, t) === wordStart(D, side[from]))
  const edge = (from: [number, number], to: [number, number]): boolean =>
    oneWord(A, a, from[0], to[0]) &&
    oneWord(B, b, from[1], to[1]) &&
    namesOwn(sideA, from[0], to[0], writtenB) &&
    namesOwn(sideB, from[1], to[1], writtenA)
  const first = pairs[0]
  const last = pairs[pairs.length - 1]
  return edge([0, 0], first) || edge([last[0] + 1, last[1] + 1], [a.length, b.length])
}

/**
 * Pairs, at most, of a restatement cluster that partedByNames reads: it lines up every two of
 * their passages. Restatements on the review corpora have nine passages at most; a larger cluster
 * of restatements is rarer than its cost.
 */
export const MAX_PARTED_PAIRS = 32

/** Pairs of a restatement cluster, as parting reads them: their sides and scores (pair-table.ts PairTable). */
export interface ScoredPairs extends PairSides {
  score(i: number): number
}

/**
 * Restatement clusters (paraphrase pairs clustered by their passages, cluster.ts), parted where
 * two of a cluster's passages are one template's statements about different named things
 * (nameOtherThings). Each pair is a restatement, but a passage that restates two statements of one
 * template joins them: Node.js's "If not specified, the generated blob is written to
 * `snapshot.blob` in the current working directory" restates both "If --cpu-prof-dir is not
 * specified, the profile will be written to the current working directory" and "If
 * --heap-prof-dir ...", and one overlap said the two options were the same. Such a cluster's pairs
 * are grouped again, the best (score) first: a pair joins each group it shares a passage with
 * unless a passage of the one names other things than a passage of the other, and starts a group
 * of its own where it joins none; a passage may so be in two overlaps (the blob's is). Each
 * group is a cluster of its own (clusterPairs over its pairs). Only clusters of restatements
 * alone (`restated`): copies edited in a word or two, one template's each ("If the info and
 * msgfmt programs are properly installed at your site" / "... msgattrib ..."), are one overlap of
 * boilerplate, and overlaps.ts reads such pairs without nameOtherThings.
 */
export function partedByNames(
  clusters: Cluster[],
  pairs: ScoredPairs,
  docs: readonly AnalysedDocument[],
  restated: (i: number) => boolean,
  unknown?: UnknownWord,
): Cluster[] {
  const apart = (e: number, f: number): boolean =>
    pairs.doc(e) !== pairs.doc(f) || pairs.start(e) !== pairs.start(f) || pairs.end(e) !== pairs.end(f)
      ? nameOtherThings(docs[pairs.doc(e)], pairs.start(e), pairs.end(e), docs[pairs.doc(f)], pairs.start(f), pairs.end(f), unknown)
      : false
  const out: Cluster[] = []
  for (const cluster of clusters) {
    const sides = cluster.pairs.flatMap((i) => [2 * i, 2 * i + 1])
    const conflicts = (xs: number[], ys: number[]): boolean => xs.some((e) => ys.some((f) => apart(e, f)))
    if (
      cluster.passages.length < 3 ||
      cluster.pairs.length > MAX_PARTED_PAIRS ||
      !cluster.pairs.every(restated) ||
      !conflicts(sides, sides)
    ) {
      out.push(cluster)
      continue
    }
    const touches = (e: number, f: number): boolean =>
      pairs.doc(e) === pairs.doc(f) && pairs.start(e) <= pairs.end(f) && pairs.start(f) <= pairs.end(e)
    const groups: number[][] = []
    for (const i of [...cluster.pairs].sort((x, y) => pairs.score(y) - pairs.score(x) || x - y)) {
      const own = [2 * i, 2 * i + 1]
      const met = groups.filter((g) => own.some((e) => g.some((j) => touches(2 * j, e) || touches(2 * j + 1, e))))
      const joined: number[] = [i]
      for (const g of met) {
        const theirs = g.flatMap((j) => [2 * j, 2 * j + 1])
        const mine = joined.flatMap((j) => [2 * j, 2 * j + 1])
        if (conflicts(mine, theirs)) continue
        joined.push(...g)
        groups.splice(groups.indexOf(g), 1)
      }
      groups.push(joined)
    }
    for (const group of groups) {
      const view: PairSides = {
        length: group.length,
        doc: (e) => pairs.doc(2 * group[e >>> 1] + (e & 1)),
        start: (e) => pairs.start(2 * group[e >>> 1] + (e & 1)),
        end: (e) => pairs.end(2 * group[e >>> 1] + (e & 1)),
        projected: (k) => pairs.projected(group[k]),
      }
      for (const c of clusterPairs(view)) out.push({ ...c, pairs: c.pairs.map((k) => group[k]) })
    }
  }
  return out
}
