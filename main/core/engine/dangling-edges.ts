import { contentFrom, type AnalysedDocument, SpanMemo } from './analyse.js'
import type { PairPassage } from './cluster.js'
import { paragraphBetween } from './align.js'
import { breaksLine, endsSentence, fullLineOf, stopAfter } from './sentences.js'
import { surfaceForm } from './normalise.js'
import { negates } from './stopwords.js'
import { opensListItem } from './paragraph-edge.js'
import { nonWordTokensIn } from './nonwords.js'

// A passage's edge a word or two into another sentence. Two texts may go on alike for a word or two
// past a sentence's end (two manual pages' "... with no intervening whitespace. The groups", the
// one going on "are subject to the same restrictions", the other "must exist"), or agree on the
// last word or two of the sentence before. Those words are shared, but they are a fragment of a
// sentence the passage does not otherwise hold: a reader marks the passage from the sentence it
// starts and to the sentence it ends (a reviewer of nine user-administration manual pages found 12
// of the top 30 overlaps starting or ending inside a sentence, 3 of them so). So a side that starts
// inside a sentence, and reaches that sentence's end within its first MAX_DANGLING_WORDS tokens
// (MAX_UNLIKE_DANGLING_WORDS where the passages' fragments differ), starts after it; a side that
// ends inside a sentence begun within its last MAX_DANGLING_WORDS
// tokens ends before it; at an edge only where every passage of the overlap has such a fragment or
// already starts (ends) with its sentence there (three pages' "The value must be non-negative.",
// two going on with "The": cut, all three end alike), all of them then starting (ending) with the
// same word, and keeps the pair's least shared content words. Only passages that are the words two
// texts share are cut: paraphrases take their clauses otherwise (paraphrase.ts). Only a sentence
// ended by its full stop, question or exclamation mark, before a capital, is cut at ("Sec. 5" is no
// end), or a line break read as a sentence's end (sentences.ts) where the fragment is a piece of
// its line: the end of a heading's line ("Add an existing user to an existing group\nIf called with
// two non-option arguments", adduser and deluser: every passage started "group"), or the first
// words of the next line ("... Research Institute.\n- CVE-2022" of Chromium's changelog), not a
// whole line (a copyright file's stanza's own "Files:" line). A line break is an end in one text
// and not in another ("--password password\n Use password to encrypt" against "-P password\n use
// password to decrypt", a capital after one only), which the rule that every passage be cut or
// whole there covers. Cut at line breaks too, 1 more of sim_text's 6,482 runs of the copyright
// files and 3 more of the changelogs' 46,272 were no longer covered, and 16 and 31 passages
// changed. A sentence end at a paragraph break is not cut at either: there the words beyond are,
// most often, the next entry of a log or a list that both texts open alike (a changelog's next
// date, "2007-06", or the end of an entry's date line, "2010 -0700"), which paragraph-edge.ts
// weighs, and which a run of shared words counts. Cut there too, 70 more of sim_text's 46,272
// shared runs of Debian's changelogs were no longer covered (94.97% against 95.12%). So a manual
// page's option whose paragraph ends alike still opens a passage there ("... members of the
// group.\n\nThe default behavior ..." against "... add the user to this group.\n\nThe default
// behavior ..."), and that stray word alone makes the overlap near-verbatim. A passage's start is
// cut at a paragraph break where the word before it ends a sentence with its own full stop
// (question or exclamation mark): the last word of the paragraph before, not a log's next
// entry ("License.\n\n  \"Legal Entity\" shall mean" against "License. For legal entities", the
// Apache licence's definitions against the MPL's: a reviewer). Not where the mark is not the
// word's own ("`message.httpVersion`\n\n<!-- YAML", a heading and an HTML comment's "!"). No
// more of sim_text's runs were lost on the copyright files or the change logs; 31 passages of the
// change logs start at an entry or its sign-off line instead of the sentence before it.

/**
 * Tokens of another sentence, at most, cut from a passage's edge (see above). Three would cut a
 * clause both texts open alike ("See also the"), which near-verbatim copies take to the
 * sentence's end instead (sentence-tails.ts).
 */
export const MAX_DANGLING_WORDS = 2

/**
 * Tokens of another sentence, at most, cut where the passages' fragments there are not the same
 * words: then they are no clause both texts open alike, only a word they happen to share after
 * their sentences' ends (bash's "... part of its name. The parameter" and dash's "... part of the
 * name. If a parameter", a reviewer of the two shells' pages).
 */
export const MAX_UNLIKE_DANGLING_WORDS = 3

/**
 * Share of a passage's tokens, at most, that the fragments cut from its edges may be. In a short
 * passage a word or two across a break are much of what the texts share, often in text written
 * in lines rather than sentences (a copyright file's "Copyright: 2013, Michael Gilbert\nLicense:
 * GPL-2+"). Of sim_text's 6,482 shared runs of Debian's copyright files, 4 more were no longer
 * covered without this bound (6,196 against 6,200); when a fragment was cut from each passage on
 * its own, and at a line break read as a sentence end too, 66 more. Not the last word of the
 * paragraph before, ended by its own full stop: two packages'
 * descriptions that end a paragraph on "... requests library." and "... terminal emulator
 * library." before their common "This package installs the library for Python 3." started
 * there, nine words of which "library." was more than this share (a tester of Debian's package
 * descriptions). Nor need such a passage keep all the least shared content words: the texts
 * share "This package installs the library for Python 3." (five) whatever word ends the
 * paragraph before, and a word or two of it (MAX_DANGLING_WORDS) do not make it a pair.
 */
export const MAX_DANGLING_SHARE = 0.1

/**
 * Tokens, at most, of a clause that a passage takes of the next paragraph and leaves on a function
 * word, cut short where the texts part: two packages' descriptions share a paragraph and open the
 * next alike, "This package contains the" documentation in one and the Python 3.x module in the
 * other, and the passages ended on "the" (a tester of Debian's package descriptions: 23 of 73
 * overlaps of one corpus; "This package provides" the documentation, the bindings). A reader
 * marks the paragraph. Unlike a fragment within a paragraph (MAX_DANGLING_WORDS) it is cut however
 * alike the passages' are, and however much of a short passage it is. Unlike the next entry of a
 * log that both texts open alike (its date, "2007-06", a version, an address, one word: "commit"),
 * it holds words alone (nonwords.ts), two or more or a function word, on the paragraph's first
 * line, which goes on past it in words (clauseCutShort). As many as withoutFunctionWordEdges cuts.
 */
export const MAX_PARAGRAPH_FRAGMENT = 6

/** A blank line, which breaks paragraphs. */
const BLANK_LINE = /\n[ \t]*\n/g

/**
 * Where passage [start, end] of `doc` ends before a clause of another paragraph cut short (see
 * MAX_PARAGRAPH_FRAGMENT), inside its line: the last token of the paragraph before, whose sentence
 * ends there; -1 where it does not end so (a git release note's heading "Fixes since v2.5", whole
 * above its rule, stays: a reviewer).
 */
function clauseCutShort(doc: AnalysedDocument, start: number, end: number, fullLine: () => number): number {
  // (A whole line is no clause cut short, but for numbers: a heading, "Fixes since v2.5" above its
  // rule, against "Fixes since v2.9".)
  const lineEnd = doc.text.indexOf('\n', doc.ends[end])
  if (!/\p{L}/u.test(doc.text.slice(doc.ends[end], lineEnd < 0 ? doc.text.length : lineEnd))) return -1
  for (let t = end - 1; t >= Math.max(start, end - MAX_PARAGRAPH_FRAGMENT); t--) {
    if (!paragraphBetween(doc, t, t + 1)) {
      if (stopAfter(doc, t)) return -1
      continue
    }
    if (!endsSentence(doc, t, fullLine)) return -1
    // Left on a function word, or two words or more: a log's next entry opens with one ("commit",
    // "Fix"), which a run of words the texts share counts (sim_text's). Words alone, not a command
    // ("# systemctl enable --now": an option, though "now" is a function word). On the paragraph's
    // first line: an entry's label on a line of its own, "‘-’\n represents the range", is the next
    // entry both open alike (a reviewer).
    const functionWord = contentFrom(doc, end + 1) === contentFrom(doc, end)
    const gap = doc.text.slice(doc.ends[t], doc.starts[t + 1])
    let opens = 0
    for (const blank of gap.matchAll(BLANK_LINE)) opens = blank.index + blank[0].length
    const oneLine = !(gap.slice(opens) + doc.text.slice(doc.starts[t + 1], doc.ends[end])).trimStart().includes('\n')
    return (functionWord || end > t + 1) && oneLine && nonWordTokensIn(doc, t + 1, end).every((mark) => mark === 0) ? t : -1
  }
  return -1
}

/**
 * `passages` with the fragments of other sentences at their edges cut (see above), at an edge only
 * where every passage has one there or is whole there (starts or ends with its sentence), and
 * keeps `minWords` content words and the share: cut in one passage while another goes on into
 * the sentence, the words the two share would read as a difference. The same objects where
 * nothing is cut.
 */
export function withoutDanglingEdges<P extends PairPassage>(passages: P[], docs: readonly AnalysedDocument[], minWords: number): P[] {
  const starts: number[] = []
  const ends: number[] = []
  // Per passage, whether its start's fragment is the paragraph before's last word (see
  // MAX_DANGLING_SHARE), and whether its end's is a clause of the next paragraph cut short (see
  // MAX_PARAGRAPH_FRAGMENT).
  const paragraphStarts: boolean[] = []
  const paragraphEnds: boolean[] = []
  // An edge is cut only where every passage has a fragment there: the first passage with none at
  // either edge settles it, before the sentence ends of the others are read.
  let anyStart = true
  let anyEnd = true
  // Whether some passage has a fragment at the edge (the others being whole there).
  let fragmentStart = false
  let fragmentEnd = false
  // Whether some passage is whole at the edge.
  let wholeStart = false
  let wholeEnd = false
  for (const p of passages) {
    const doc = docs[p.doc]
    const fullLine = fullLineOf(doc)
    /**
     * Whether a sentence ends between tokens t and t + 1, within a paragraph, before a word in
     * capitals: at its full stop, question or exclamation mark, or at a line break where the
     * fragment is a piece of its line (`partial`), the end of a heading's line ("Add an existing
     * user to an existing group\nIf called ...") or the start of the next line, not a whole
     * line (a copyright file's "Files: xdiff/*\nCopyright: ...", its stanza's own first line);
     * and only in a text whose lines are wrapped at a width it shows (sentences.ts fullLineOf):
     * in a text of a few lines, any line break before a capital reads as a sentence's end, and
     * "supported in part by the\nNational Science Foundation" lost "National Science" (a
     * reviewer).
     */
    const stopsAt = (t: number, partial: boolean, atStart = false): boolean =>
      (stopAfter(doc, t) || (partial && breaksLine(doc.text, doc.ends[t], doc.starts[t + 1]) && Number.isFinite(fullLine()))) &&
      opensSentence(doc, t + 1) &&
      endsSentence(doc, t, fullLine) &&
      (!paragraphBetween(doc, t, t + 1) || (atStart && STOP_MARK.test(doc.text[doc.ends[t]] ?? '')))
    // Where it is cut, or stays (whole: it starts a sentence); -1, neither.
    let start = -1
    let paragraphStart = false
    if (anyStart) {
      const whole = p.start === 0 || endsSentence(doc, p.start - 1, fullLine)
      const partial = !whole && !breaksLine(doc.text, doc.ends[p.start - 1], doc.starts[p.start])
      if (!whole)
        for (let t = p.start; t < Math.min(p.end, p.start + MAX_UNLIKE_DANGLING_WORDS); t++)
          if (stopsAt(t, partial, true)) {
            start = t + 1
            fragmentStart = true
            paragraphStart = paragraphBetween(doc, t, t + 1)
            break
          }
      if (whole) [start, wholeStart] = [p.start, true]
    }
    let end = -1
    let paragraphEnd = false
    if (anyEnd) {
      const whole = p.end === doc.starts.length - 1 || endsSentence(doc, p.end, fullLine)
      const partial = !whole && !breaksLine(doc.text, doc.ends[p.end], doc.starts[p.end + 1])
      if (!whole)
        for (let t = p.end - 1; t >= Math.max(p.start, p.end - MAX_UNLIKE_DANGLING_WORDS); t--)
          if (stopsAt(t, partial)) {
            end = t
            fragmentEnd = true
            break
          }
      if (!whole && end < 0) {
        end = clauseCutShort(doc, p.start, p.end, fullLine)
        paragraphEnd = end >= 0
        fragmentEnd ||= paragraphEnd
      }
      if (whole) [end, wholeEnd] = [p.end, true]
    }
    anyStart &&= start >= 0
    anyEnd &&= end >= 0
    if (!anyStart && !anyEnd) return passages
    starts.push(start)
    ends.push(end)
    paragraphStarts.push(paragraphStart)
    paragraphEnds.push(paragraphEnd)
  }
  // Where some passages are whole at an edge and others cut, all of them must then begin (end)
  // with the same word: a passage read as whole at a line break, or at its document's edge, may
  // hold the very words cut from the others ("non-negative. The\nUID range": cut in one passage
  // and not in the other, "The" read as a difference; a reviewer).
  const sameWord = (edge: number[]): boolean => {
    const word = docs[passages[0].doc].match[edge[0]]
    return edge.every((t, i) => docs[passages[i].doc].match[t] === word)
  }
  // A fragment longer than MAX_DANGLING_WORDS only where the fragments cut are not all the same
  // words (a passage whole at the edge has none: that it ends its sentence says nothing of
  // whether the others go on alike; a reviewer).
  const fragment = (i: number, dir: 1 | -1): string => {
    const p = passages[i]
    const doc = docs[p.doc]
    const [t0, t1] = dir < 0 ? [p.start, starts[i] - 1] : [ends[i] + 1, p.end]
    return Array.from(doc.match.subarray(t0, t1 + 1)).join(' ')
  }
  const unlikeOrShort = (edge: number[], dir: 1 | -1): boolean => {
    // (A clause cut short after a paragraph break is cut however alike: MAX_PARAGRAPH_FRAGMENT.)
    if (dir > 0 && paragraphEnds.every((cut, i) => cut || edge[i] === passages[i].end)) return true
    const length = (t: number, i: number): number => (dir < 0 ? t - passages[i].start : passages[i].end - t)
    if (edge.every((t, i) => length(t, i) <= MAX_DANGLING_WORDS)) return true
    const fragments = new Set<string>()
    edge.forEach((t, i) => {
      if (length(t, i) > 0) fragments.add(fragment(i, dir))
    })
    return fragments.size > 1
  }
  const cutStarts = fragmentStart && starts.every((t) => t >= 0) && (!wholeStart || sameWord(starts)) && unlikeOrShort(starts, -1)
  const cutEnds = fragmentEnd && ends.every((t) => t >= 0) && (!wholeEnd || sameWord(ends)) && unlikeOrShort(ends, 1)
  /** The passages cut at the edges asked for, when each keeps its share and `minWords`. */
  const cutAt = (atStart: boolean, atEnd: boolean): P[] | undefined => {
    if (!atStart && !atEnd) return undefined
    const cut = passages.map((p, i) => ({ ...p, start: atStart ? starts[i] : p.start, end: atEnd ? ends[i] : p.end }))
    const keeps = cut.every((q, i) => {
      const p = passages[i]
      const doc = docs[p.doc]
      return (
        MAX_DANGLING_SHARE * (p.end - p.start + 1) >=
          (paragraphStarts[i] ? 0 : q.start - p.start) + (paragraphEnds[i] ? 0 : p.end - q.end) &&
        contentFrom(doc, q.end + 1) - contentFrom(doc, q.start) >=
          (paragraphStarts[i] && atStart ? minWords - MAX_DANGLING_WORDS : minWords)
      )
    })
    return keeps ? cut : undefined
  }
  // Both edges where the passages keep their share so; else the start, else the end: cut
  // together, a start and a longer end may be more than a passage's share where each alone is
  // not (a reviewer: the start cut was lost with the end's).
  return cutAt(cutStarts, cutEnds) ?? cutAt(cutStarts, false) ?? cutAt(false, cutEnds) ?? passages
}

/**
 * Tokens, at most, of a fragment of function words cut from a passage's edge on its own
 * (withoutFunctionWordEdges): "If there is no", the four words two READMEs' next sentences open
 * alike before they part ("If there is no file INSTALL, you must be" / "If there is no INSTALL file,
 * this copy"). Longer runs of function words alone are rare, and are then no fragment.
 */
export const MAX_FUNCTION_WORD_EDGE = 6

/**
 * `passages` with the function words cut that their edges take of another sentence: the words
 * after a passage's last full stop (question or exclamation mark) when they are all function
 * words, MAX_FUNCTION_WORD_EDGE of them at most ("... FITNESS FOR A PARTICULAR PURPOSE.  THE", the
 * GPL's disclaimer against the Artistic licence's and BSD's, which end at "PURPOSE"), and those
 * before its first. Unlike withoutDanglingEdges' fragments these hold no content word, so a
 * passage cut loses no word it shares, and a paragraph break between is no reason to keep them (a
 * change log's next entry opens with its date, a content word). A reader marks a passage from the
 * sentence it starts and to the sentence it ends (a reviewer of GNU READMEs and licences: "...
 * installation instructions.\n\nIf there is no"). A passage's fragment is cut unless another
 * passage keeps the same words after the same word (before it, at a start): they are no fragment
 * there ("... this program; if not, write to" against "... this program.  If not", a reviewer of
 * GNU READMEs), and cut, they would read as a difference. Read on
 * the edges an overlap shows (overlaps.ts shownEdges), after sentence-tails.ts has taken a passage
 * that ends a few words into a sentence to its end: there "flushed. For" is "flushed. For that
 * purpose, use `message.writableFinished` instead", which the other passages say too ("flushed,
 * for this use ... instead"). The same array where nothing is cut.
 * A passage that ends inside a sentence on function words after its last content word ends a
 * clause short: sed's manual "... is printed if auto-print is not disabled with the" against its
 * page's "if auto-print is not disabled the current pattern space will be printed" (a reviewer).
 * Those words are cut, but for as many of them as another passage has after the same word, or
 * ends with (cut or not: they are words the passages share, "... This option may be given" in two
 * pages), and not where the sentence ends with them ("KiB=K, MiB=M, and so on.", "see UNIT
 * below" before the next option: endsUnstopped) or one of them negates.
 */
export function withoutFunctionWordEdges<P extends PairPassage>(passages: readonly P[], docs: readonly AnalysedDocument[]): readonly P[] {
  // Per passage, where it would start and end with its fragments cut (read once per text and
  // span: an overlap holds a passage in each copy of a text).
  const cuts = new SpanMemo(functionWordCuts)
  const starts: number[] = []
  const ends: number[] = []
  /** Per passage, whether its end's fragment is the rest of a clause (not of another sentence). */
  const clauseEnds: boolean[] = []
  /** Per passage, whether that fragment is the first words of a clause after a comma (see clauseEnd). */
  const opening: boolean[] = []
  // Passage i's fragment, with the word its sentence ends (starts) with: [from, to] of its
  // document, asked about only where it has one.
  const runs: [number, number, number][] = []
  // (One loop, with nothing after it until the return below: V8 compiles a loop of a long list of
  // passages while it runs, and code compiled so was entered again at each long list and fell out
  // at the array call that followed it, 1,398 times in one run on the copyright files.)
  for (let i = 0; i < passages.length; i++) {
    const p = passages[i]
    const [start, end, clauseEnd, opensClause] = cuts.get(docs[p.doc], p.start, p.end)
    starts.push(start)
    ends.push(end)
    clauseEnds.push(clauseEnd)
    opening.push(opensClause)
    if (end < p.end) runs.push([i, end, p.end])
    if (start > p.start) runs.push([i, p.start, start])
  }
  if (runs.length === 0) return passages
  // Where each run's first two words stand in the passages' spans kept, found in one reading of
  // them (an overlap can hold thousands of copies of a licence, each asked about by the others).
  const key = (doc: AnalysedDocument, t: number): number => doc.match[t] * PAIR_KEY + doc.match[t + 1]
  const found = new Map<number, [number, number][]>(runs.map(([i, from]) => [key(docs[passages[i].doc], from), []]))
  // (A run's first word read first: most words of the passages start no run, and a word is a
  // small number where a pair of them is not.)
  const firsts = new Set(runs.map(([i, from]) => docs[passages[i].doc].match[from]))
  // Of the copies of one text at one span, one read: a copy keeps none of the fragments of
  // another copy (they lie outside its kept span as they lie outside the other's), and keeps
  // another text's words where each copy does. An overlap of a licence holds hundreds of copies.
  const read = new Map<Uint32Array, Set<number>>()
  passages.forEach((p, j) => {
    const doc = docs[p.doc]
    let spans = read.get(doc.starts)
    if (!spans) read.set(doc.starts, (spans = new Set()))
    const span = p.start * SPAN_KEY + p.end
    if (spans.has(span)) return
    spans.add(span)
    for (let t = p.start; t <= p.end && t + 1 < doc.match.length; t++) if (firsts.has(doc.match[t])) found.get(key(doc, t))?.push([j, t])
  })
  /**
   * Whether another passage than i keeps tokens [from, to] of i's document as one run: words the
   * two share there. `held`: starting in it, cut or not, and going on past its end in its text
   * (the words the variants show in grey, in both texts, where the other passage stops short of
   * them: CMake's "... built on disk; for" against "... built on disk.\n\nFor example").
   */
  const keptElsewhere = (i: number, from: number, to: number, held = false): boolean => {
    const A = docs[passages[i].doc]
    return found.get(key(A, from))!.some(([j, t]) => {
      const B = docs[passages[j].doc]
      if (j === i || (held ? t + to - from >= B.match.length : t < starts[j] || t + to - from > ends[j])) return false
      for (let k = 0; k <= to - from; k++) if (A.match[from + k] !== B.match[t + k]) return false
      return true
    })
  }
  // Passages by the match id of their last word, for the clause ends another passage ends with too.
  let byLast: Map<number, number[]> | undefined
  /** Whether another passage than i ends with tokens [from, to] of i's document, word for word. */
  const endsAlike = (i: number, from: number, to: number): boolean => {
    byLast ??= byWordAt(passages, docs, (q) => q.end)
    const A = docs[passages[i].doc]
    return (byLast.get(A.match[to]) ?? []).some((j) => {
      const q = passages[j]
      if (j === i || q.end - q.start < to - from) return false
      const B = docs[q.doc]
      for (let k = 0; k <= to - from; k++) if (A.match[to - k] !== B.match[q.end - k]) return false
      return true
    })
  }
  // Passages by the match id of the word just after them, for the words another passage stops
  // short of (shownBeyond).
  let byNext: Map<number, number[]> | undefined
  /**
   * Whether another passage than i stops short of tokens [from, to] of i's document and its own
   * text goes on with them, word for word: the variants show them in grey, as in both texts
   * (variants.ts `beyond`; CMake's "... built on disk; for" against "... built on disk.\n\nFor
   * example").
   */
  const shownBeyond = (i: number, from: number, to: number): boolean => {
    byNext ??= byWordAt(passages, docs, (q) => q.end + 1)
    const A = docs[passages[i].doc]
    return (byNext.get(A.match[from]) ?? []).some((j) => {
      const q = passages[j]
      const B = docs[q.doc]
      if (j === i || q.end + 1 + to - from >= B.match.length) return false
      for (let k = 0; k <= to - from; k++) if (A.match[from + k] !== B.match[q.end + 1 + k]) return false
      return true
    })
  }
  /**
   * Where passage i ends with its clause end's function words cut (functionWordCuts): after the
   * most of them another passage has too, after the same word or as its own last words ("rights
   * granted to You by" against "rights granted to"; "Multi-arch: same" against "M-A: same").
   */
  const clauseEnd = (i: number): number => {
    const p = passages[i]
    // The first words of a clause after a comma, semicolon or colon, and nothing of it that says
    // anything, are cut however many passages end with them: "... to the index, which" in two
    // releases' notes, the one going on "is an old regression ...", the other "was fixed" (a tester
    // of git's release notes: read as verbatim to "which"). Unless another passage stops short of
    // them and its text goes on with them (shownBeyond): they are in both texts, and shown so.
    if (opening[i]) return shownBeyond(i, ends[i] + 1, p.end) ? p.end : ends[i]
    for (let to = p.end; to > ends[i]; to--) if (keptElsewhere(i, ends[i], to, true) || endsAlike(i, ends[i] + 1, to)) return to
    return ends[i]
  }
  let changed = false
  const cut = passages.map((p, i) => {
    const start = starts[i] > p.start && !keptElsewhere(i, p.start, starts[i]) ? starts[i] : p.start
    const end = ends[i] === p.end ? p.end : clauseEnds[i] ? clauseEnd(i) : keptElsewhere(i, ends[i], p.end) ? p.end : ends[i]
    if (start === p.start && end === p.end) return p
    changed = true
    return { ...p, start, end }
  })
  return changed ? cut : passages
}

/**
 * The passages (their places in `passages`) by the match id of their documents' token at `at`
 * (one of theirs, or next to them), where their documents have one there.
 */
function byWordAt<P extends PairPassage>(
  passages: readonly P[],
  docs: readonly AnalysedDocument[],
  at: (p: P) => number,
): Map<number, number[]> {
  const by = new Map<number, number[]>()
  passages.forEach((q, j) => {
    const { match } = docs[q.doc]
    const t = at(q)
    if (t >= match.length) return
    const list = by.get(match[t])
    if (list) list.push(j)
    else by.set(match[t], [j])
  })
  return by
}

/**
 * Where tokens [start, end] of `doc` would start and end with the function words cut that they
 * take of another sentence at either edge (withoutFunctionWordEdges), before it asks whether
 * another passage keeps them.
 */
function functionWordCuts(doc: AnalysedDocument, start: number, end: number): [number, number, boolean, boolean] {
  const fullLine = fullLineOf(doc)
  const stopsAt = (t: number): boolean => stopAfter(doc, t) && opensSentence(doc, t + 1) && endsSentence(doc, t, fullLine)
  /** Whether tokens [t0, t1] hold no content word. */
  const functionWords = (t0: number, t1: number): boolean => contentFrom(doc, t1 + 1) === contentFrom(doc, t0)
  let clauseEnd = false
  let opensClause = false
  let stopped = false
  for (let t = end - 1; t >= Math.max(start, end - MAX_FUNCTION_WORD_EDGE); t--)
    if (stopsAt(t)) {
      if (functionWords(t + 1, end)) end = t
      stopped = true
      break
    }
  // Else the function words after its last content word, inside its sentence (see
  // withoutFunctionWordEdges), unless the sentence ends with them ("... and so on.") or a
  // negation is among them ("... must not").
  if (!stopped && !endsUnstopped(doc, end)) {
    const c = contentFrom(doc, end + 1) - 1
    const last = c >= 0 ? doc.content[c] : -1
    if (
      last >= start &&
      last < end &&
      end - last <= MAX_FUNCTION_WORD_EDGE &&
      standsAlone(doc, last + 1, end) &&
      !negationIn(doc, last + 1, end)
    ) {
      opensClause = CLAUSE_MARK.test(doc.text.slice(doc.ends[last], doc.starts[last + 1]))
      end = last
      clauseEnd = true
    }
  }
  for (let t = start; t < Math.min(end, start + MAX_FUNCTION_WORD_EDGE); t++)
    if (stopsAt(t)) {
      if (functionWords(start, t)) start = t + 1
      break
    }
  return [start, end, clauseEnd, opensClause]
}

/** A mark that ends a clause inside a sentence: a comma, semicolon or colon. */
const CLAUSE_MARK = /[,;:]/

/**
 * Whether token t of `doc` ends its sentence, with a stop or without: at the text's end, before a
 * paragraph break or a list item (an option's description or a changelog's bullet, which end
 * without a full stop: "... see UNIT\n              below\n\n       -h", "* clean up\n  * ..."),
 * or before a closing bracket ("(docs changes only)").
 */
function endsUnstopped(doc: AnalysedDocument, t: number): boolean {
  if (stopAfter(doc, t) || t + 1 >= doc.starts.length || paragraphBetween(doc, t, t + 1) || opensListItem(doc, t + 1)) return true
  return /[)\]}]/.test(doc.text.slice(doc.ends[t], doc.starts[t + 1]))
}

/**
 * Whether tokens [t0, t1] of `doc` are words of their own, each right after a space or a line
 * break: not parts of a name ("Makefile.in", "CC-BY-SA-3.0-US") or an option ("'-a'"), whose
 * letters read as function words.
 */
function standsAlone(doc: AnalysedDocument, t0: number, t1: number): boolean {
  for (let t = t0; t <= t1; t++) if (!/\s/.test(doc.text[doc.starts[t] - 1] ?? '')) return false
  return true
}

/** Whether tokens [t0, t1] of `doc` hold a negation (stopwords.ts negates), read on their text. */
function negationIn(doc: AnalysedDocument, t0: number, t1: number): boolean {
  for (let t = t0; t <= t1; t++) if (negates(surfaceForm(doc.text.slice(doc.starts[t], doc.ends[t])))) return true
  return false
}

/** A full stop, question or exclamation mark. */
const STOP_MARK = /[.?!]/

/** Match ids of two words as one number (withoutFunctionWordEdges): a vocabulary has fewer words; a run found so is compared whole. */
const PAIR_KEY = 2 ** 26

/** A span's first and last tokens as one number (withoutFunctionWordEdges): a document has fewer tokens. */
const SPAN_KEY = 2 ** 26

/** A capital letter: what starts the sentence a passage's fragment is of (not a digit: "Sec. 5"). */
const CAPITAL = /\p{Lu}/u

/**
 * Whether token t of `doc` can open a sentence: a capital, not an option's name after its dash
 * ("cp [OPTION]... [-T] SOURCE DEST", a synopsis, not "... [-" and a sentence "T]").
 */
function opensSentence(doc: AnalysedDocument, t: number): boolean {
  const at = doc.starts[t]
  return CAPITAL.test(doc.text[at]) && !DASH.test(doc.text[at - 1] ?? '')
}

/** A dash before a word: an option's. */
const DASH = /[-\u2010\u2212]/u
