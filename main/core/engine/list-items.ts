import type { AnalysedDocument } from './analyse.js'
import { codeSpanAround } from './nonwords.js'
import { breaksClause } from './sentences.js'

// Two lists that name the same things in words and an order of their own (paraphrase.ts): "Examples
// of 'iconic products' include humanoid robots, quantum computers, new-type displays, 6G networks,
// brain-computer interfaces, and third-generation internet" / "China's new goals for
// future-oriented sectors include artificial intelligence, humanoid robots, the metaverse,
// next-generation internet, 6G, quantum information, and deep sea, deep air, and deep space" (the
// ministry's list of future industries, in two of the bundled texts). A reader marks the two
// lists; read as sentences they share seven rare stems of the eight they have in common, and each
// has as many again of its own (cosine 0.29), and no run of clauses of one lines up with a run of
// the other's, the items being in another order. So a list is read as its items: the clauses of
// at most MAX_ITEM_WORDS words next to a comma, and two lists are one when MIN_LIST_SHARED items
// of each share a rare word with an item of the other, at least MIN_LIST_SHARE of the items from
// the first of these to the last.
//
// Two lists of single words that share some are no claim restated (paraphrase.ts restates), nor
// is an item matched by names of code: lists of options, flags, codes and architectures
// ("--no-act, --dry-run, --simulate"; "CFLAGS, CXXFLAGS, LDFLAGS"; "amd64, armel, i386"; "`arm`,
// `arm64`, `mips`") name the same identifiers, and say no claim in words (PLAIN_WORD, inOption,
// and no word of a Markdown code span: nonwords.ts codeSpanAround).

/** Items, at least, that two lists share, each with an item of the other (see above). */
export const MIN_LIST_SHARED = 3

/**
 * Share of a list's items, from the first it shares to the last, that it shares. Lower reports a
 * long list for three items it shares among many of its own; higher loses lists that spell their
 * items out in more words: at one half, the grants of the Apache and CC0 licences ("worldwide,
 * non-exclusive, no-charge, royalty-free, irrevocable copyright license to reproduce, prepare
 * Derivative Works of, publicly display, ..." / "non transferable, non sublicensable, non
 * exclusive, irrevocable and unconditional license") were not one (nor are they now for another
 * reason: their items share a word each, see sharedItems).
 */
export const MIN_LIST_SHARE = 1 / 3

/**
 * Words, at most, of an item. Items are names of things, one to three words ("quantum computers",
 * "brain-computer interfaces"); a longer clause says something of its own, and is compared as a
 * clause.
 */
export const MAX_ITEM_WORDS = 3

/**
 * Pairs of items, at most, compared between two lists (each item with each). The lists a reader
 * compares name a few things or a few dozen (725 pairs, the most in licences, manuals, API
 * documentation and READMEs). Lists of a hundred items and more are indexes and tables, and among
 * that many, items share a word by chance often enough to pass MIN_LIST_SHARE: two indexes of 150
 * pairs of words from one vocabulary of 300 were "the same items listed", and two documents of
 * ten lists of 700 items each spent 5 s here.
 */
export const MAX_ITEM_PAIRS = 10_000

/** What stands between two items: a comma (the Chinese and Japanese ones too). */
const ITEM_BREAK = /[,\uff0c\u3001]/

/** A word an item may be matched by: letters (an apostrophe or hyphen inside), not all capitals. */
const PLAIN_WORD = /^(?!\p{Lu}{2,}$)[\p{L}\p{M}]+(?:['\u2019-][\p{L}\p{M}]+)*$/u

/** A character of a command-line option's name. */
const OPTION_PART = /[\p{L}\p{N}-]/u

/** A sentence as list-items reads it: its content words and the stems of each (paraphrase.ts). */
export interface ItemSource {
  /** Its content words [c0, c1) (positions in the document's content array). */
  c0: number
  c1: number
  stems: readonly number[]
  /** Where the stems of its content word c0 + k start: at[k] (at[c1 - c0] = stems.length). */
  at: Uint32Array
}

/** An item of a list: content words [from, to) of its sentence, and the rare stems it is matched by. */
export interface Item {
  from: number
  to: number
  rare: ReadonlySet<number>
  /** Its words: content words that are words (paraphrase.ts wordsIn). */
  words: number
}

/** Whether the word at offset `at` of `text` is in a command-line option: its run of letters, digits and hyphens starts with a hyphen ("--dry-run"). */
function inOption(text: string, at: number): boolean {
  let k = at
  while (k > 0 && OPTION_PART.test(text[k - 1])) k--
  return text[k] === '-'
}

/**
 * The items of sentence `x` of `doc` (see above): its clauses (cut as paraphrase.ts cuts them) of
 * one to MAX_ITEM_WORDS words with a comma before or after, each with the stems `rare` accepts of
 * its plain words.
 */
export function listItems(doc: AnalysedDocument, x: ItemSource, rare: (m: number) => boolean): Item[] {
  const { text, content, starts, ends } = doc
  const comma = (c: number): boolean => c > x.c0 && c < x.c1 && ITEM_BREAK.test(text.slice(ends[content[c - 1]], starts[content[c]]))
  const items: Item[] = []
  let from = x.c0
  for (let c = x.c0 + 1; c <= x.c1; c++) {
    if (c < x.c1 && !breaksClause(text, ends[content[c - 1]], starts[content[c]])) continue
    let words = 0
    for (let k = from; k < c; k++) if (x.at[k + 1 - x.c0] > x.at[k - x.c0]) words++
    if (words >= 1 && words <= MAX_ITEM_WORDS && (comma(from) || comma(c))) {
      const stems = new Set<number>()
      for (let k = from; k < c; k++) {
        const token = content[k]
        if (!PLAIN_WORD.test(text.slice(starts[token], ends[token])) || inOption(text, starts[token]) || codeSpanAround(doc, starts[token]))
          continue
        for (let s = x.at[k - x.c0]; s < x.at[k + 1 - x.c0]; s++) if (rare(x.stems[s])) stems.add(x.stems[s])
      }
      items.push({ from, to: c, rare: stems, words })
    }
    from = c
  }
  return items
}

/**
 * Where lists `a` and `b` name the same items (see above): the content words from the first item
 * each shares to the last, and the stems they share; undefined when they share fewer than
 * MIN_LIST_SHARED items, or too few of those between (MIN_LIST_SHARE), or the lists are too long
 * to compare (MAX_ITEM_PAIRS). Each item is matched once, to the item that shares the most stems
 * with it.
 */
export function sharedItems(
  a: readonly Item[],
  b: readonly Item[],
): { a: [number, number]; b: [number, number]; stems: Set<number> } | undefined {
  if (a.length < MIN_LIST_SHARED || b.length < MIN_LIST_SHARED || a.length * b.length > MAX_ITEM_PAIRS) return undefined
  // The pairs of items that share stems, most shared first: "include humanoid robots" is the
  // item "humanoid robots", not "include artificial intelligence".
  const pairs: [number, number, number][] = []
  for (let i = 0; i < a.length; i++)
    for (let j = 0; j < b.length; j++) {
      let both = 0
      for (const m of a[i].rare) if (b[j].rare.has(m)) both++
      if (both) pairs.push([both, i, j])
    }
  pairs.sort((x, y) => y[0] - x[0] || x[1] - y[1] || x[2] - y[2])
  const takenA = new Uint8Array(a.length)
  const takenB = new Uint8Array(b.length)
  const inA: number[] = []
  const inB: number[] = []
  const stems = new Set<number>()
  for (const [, i, j] of pairs) {
    if (takenA[i] || takenB[j]) continue
    takenA[i] = takenB[j] = 1
    inA.push(i)
    inB.push(j)
    for (const m of a[i].rare) if (b[j].rare.has(m)) stems.add(m)
  }
  if (inA.length < MIN_LIST_SHARED) return undefined
  // Lists of single words in common name things and say nothing of them (paraphrase.ts restates:
  // "Flour, sugar, eggs, butter, milk, salt." and its reverse).
  if (inA.every((i) => a[i].words === 1) && inB.every((j) => b[j].words === 1)) return undefined
  // Nor are lists whose items share one word each, whatever else an item holds: single names,
  // another's with a word of its own ("stpcpy(), strcpy(), strcat" / "NAME stpcpy, strcasecmp,
  // strcat, strchr, strcmp, strcoll, strcpy", C string pages; "compressed with gzip (with .gz
  // extension) or xz ..., zstd" / "(default is 9 for gzip, 6 for xz, 3 for zstd)", dpkg's; a
  // program's output "real, 0.00 user, 0.01 sys" and its format "%E real, %U user, %S sys"). A
  // reader's lists name things in words, and share two of them in one item somewhere ("humanoid
  // robots", "next-generation internet" / "third-generation internet"). Of 318 paraphrases on 31
  // corpora (two reviewers' verdicts), 4 false and 1 doubtful go (the Apache and CC0 grants, see
  // MIN_LIST_SHARE: "irrevocable", "exclusive", "license", one word an item), no true one.
  if (pairs[0][0] < 2) return undefined
  const firstA = Math.min(...inA)
  const lastA = Math.max(...inA)
  const firstB = Math.min(...inB)
  const lastB = Math.max(...inB)
  if (inA.length < MIN_LIST_SHARE * (lastA - firstA + 1) || inB.length < MIN_LIST_SHARE * (lastB - firstB + 1)) return undefined
  return { a: [a[firstA].from, a[lastA].to], b: [b[firstB].from, b[lastB].to], stems }
}
