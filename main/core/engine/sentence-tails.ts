import { type AnalysedDocument, isContentToken } from './analyse.js'
import { paragraphBetween } from './align.js'
import { breaksLine, endsSentence, fullLineOf } from './sentences.js'
import { headings } from './headings.js'
import { upperBound } from '../text/sorted.js'

// The rest of the sentence an edited copy stops short of. A near-verbatim passage ends where the
// texts stop matching, and a copy edited in its last words ends a few words before its sentence
// does: "... is used to build the project.  See also the" against "... See also the", the one
// going on ":prop_tgt:`INSTALL_RPATH` target property." and the other ":variable:
// `CMAKE_INSTALL_RPATH` variable." (a reviewer of CMake's help: the change that makes the two
// variants is left out, and both read as cut short). Where every passage of a near-verbatim
// overlap is that close to its sentence's end (or start), each is taken to it, and the words
// they differ in there are changes like any other. A verbatim overlap too, where the words its
// passages stop short of differ (verbatimTails): OpenSSH's "keys provided by the PKCS#11 shared
// library pkcs11." was verbatim in ssh-add's "Remove keys …" and "Add keys …" and ssh-keygen's
// "Download the public keys …", opposite operations said to be one sentence, and xzdiff's and
// xzgrep's "All options specified are passed directly to" stopped before "cmp(1) or diff(1)" and
// "grep(1)" (a reviewer). Where they differ only in numbers or marks ("Noteworthy changes in
// version 1.3.0 (2007-05-04)", "(2012-09-27)" in another package's NEWS), it stays as found: its
// passages are the words the texts share, word for word.

/**
 * Words (tokens) a passage may be short of its sentence's end or start and be taken to it: the
 * rest of a clause naming something (":prop_tgt:`INSTALL_RPATH` target property" is six, the
 * "What compatibility" a heading repeats two). At seven, the bundled corpus's "New quality
 * productive forces are driven by" / "Specifically, it called for “promoting" came in before the
 * list both quote: each text's own framing of it, said as a change.
 */
export const MAX_SENTENCE_TAIL = 6

/** A passage: tokens [start, end] of document `doc`. */
export interface TailedPassage {
  doc: number
  start: number
  end: number
}

/**
 * Where sentences end in a corpus's documents, read around a passage's edges only (sentences.ts
 * endsSentence): a passage's sentence is found by reading at most MAX_SENTENCE_TAIL + 1 gaps
 * from each edge, not by splitting its whole document (Debian's changelogs: 150 MB of text).
 */
export class SentenceEdges {
  constructor(private readonly docs: readonly AnalysedDocument[]) {}

  /**
   * Words (tokens) from the start of token t's sentence to t (`dir` -1), or from t to its end
   * (1); Infinity when more than MAX_SENTENCE_TAIL.
   */
  distance(d: number, t: number, dir: -1 | 1): number {
    const doc = this.docs[d]
    const fullLine = fullLineOf(doc)
    for (let k = 0; k <= MAX_SENTENCE_TAIL; k++) {
      const u = t + dir * k
      if (dir < 0 ? u === 0 || endsSentence(doc, u - 1, fullLine) : u === doc.starts.length - 1 || endsSentence(doc, u, fullLine)) return k
      // The gap to the next word out: one that holds a stretch of spaces is text left out there;
      // a line break, the next line's unless the text goes on in lower case.
      const [from, to] = dir < 0 ? [doc.ends[u - 1], doc.starts[u]] : [doc.ends[u], doc.starts[u + 1]]
      if (spaced(doc.text, from, to) || (breaksLine(doc.text, from, to) && !LOWER.test(doc.text[to]))) return Infinity
    }
    return Infinity
  }

  /** Whether token t of document d is on a heading's line (headings.ts: a Markdown heading, or a title in capitals). */
  onHeading(d: number, t: number): boolean {
    const doc = this.docs[d]
    const { at, ends } = headings(doc)
    const k = upperBound(at, doc.starts[t]) - 1
    return k >= 0 && doc.starts[t] < ends[k]
  }

  /** Whether a line break lies between the starts of tokens t0 and t1 of document d. */
  lineBetween(d: number, t0: number, t1: number): boolean {
    const { text, starts } = this.docs[d]
    const at = text.indexOf('\n', starts[t0])
    return at >= 0 && at < starts[t1]
  }

  /**
   * Where passage [start, end] of document d holds a paragraph break right after the sentence it
   * starts in (`dir` -1), or right before the one it ends in (1), the words (tokens) of that
   * sentence it holds; Infinity where it holds no such break. Its first (last) words may be the
   * end (start) of another paragraph's sentence, and taken to that sentence's start (end) it
   * would take that paragraph's words, not the ones it copies (sentenceTails). Two texts that go
   * on alike from a paragraph's last words ("the License.") into the same next paragraph: "You
   * may obtain a copy of the License." / "Nothing here modifies the License." was said as a
   * change of an identical clause after them (a tester).
   */
  heldBeforeBreak(d: number, start: number, end: number, dir: -1 | 1): number {
    const doc = this.docs[d]
    if (dir < 0) {
      const last = start + this.distance(d, start, 1)
      return last < end && paragraphBetween(doc, last, last + 1) ? last - start + 1 : Infinity
    }
    const first = end - this.distance(d, end, -1)
    return first > start && paragraphBetween(doc, first - 1, first) ? end - first + 1 : Infinity
  }
}

/**
 * Spaces in a row, within a line, from which the text between two words is taken for text left
 * out: an excluded range (project/exclusions.ts) is blanked with a space a character, offsets
 * kept, and a passage taken over it would show the excluded words. A man page's justified line
 * spaces its words two or three apart; a line's indent, after its line break, is no stretch.
 */
export const MIN_BLANK_SPACES = 4

/**
 * A line break read as going on only before a lower-case word. A text wrapped at a fixed width is
 * one paragraph to sentences.ts however its next line starts, and a Debian copyright file's
 * fields are such lines: " 2012-2019 Michael Gilbert <mgilbert@debian.org>" went on into
 * "License: BSD-3-clause", said as a change against another text's next name (a reviewer).
 */
const LOWER = /\p{Ll}/u

/** Whether text[from, to) holds MIN_BLANK_SPACES spaces or tabs in a row, not at a line's start. */
function spaced(text: string, from: number, to: number): boolean {
  let run = 0
  let lineStart = false
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k)
    if (c === 0x0a || c === 0x0d) {
      lineStart = true
      run = 0
    } else if (c === 0x20 || c === 0x09) {
      if (!lineStart && ++run >= MIN_BLANK_SPACES) return true
    } else {
      lineStart = false
      run = 0
    }
  }
  return false
}

/**
 * The passages taken to their sentences' ends, where each ends at most MAX_SENTENCE_TAIL words
 * before its own (and no stretch of spaces lies between); and to their starts likewise. Not where
 * a paragraph break lies between that sentence and the rest of a passage (heldBeforeBreak) and
 * the passage holds no more of the sentence than it would take: then its words there are the
 * close of another paragraph's sentence ("the License." against "You may obtain a copy of" and
 * "Nothing here modifies"). A passage holding most of a sentence of a paragraph of its own lacks
 * only its subject ("runtime library flags are selected by an abstraction." of "MSVC ..." /
 * "Watcom ..." / "MSVC debug information format ...", three policies of CMake's, each paragraph
 * the policy's first sentence: a reviewer of CMake's help, the passages started mid-sentence),
 * when that subject is on the passage's first line: on a line before, it is a heading the
 * sentence runs on from ("NAME\n       touch - change file timestamps"). Likewise at the end,
 * where the words held of the last sentence are on one line, not a heading's: on two, the first
 * is a heading ("... data importers\n\nSYNOPSIS\n       frontend | git fast", taken on into the
 * synopsis), and a Markdown heading is the next section's ("## 2. See Tcl").
 */
export function sentenceTails<P extends TailedPassage>(passages: readonly P[], edges: SentenceEdges): P[] {
  // Each passage's distance to its sentence's start (end), read until one is too far: a licence's
  // overlap of hundreds of passages is seldom taken anywhere, and is told so by its first few.
  const gaps = (dir: -1 | 1): number[] | undefined => {
    const found: number[] = []
    for (const p of passages) {
      const gap = edges.distance(p.doc, dir < 0 ? p.start : p.end, dir)
      if (gap > MAX_SENTENCE_TAIL) return undefined
      const held = gap > 0 ? edges.heldBeforeBreak(p.doc, p.start, p.end, dir) : Infinity
      if (held <= gap) return undefined
      if (
        held < Infinity &&
        (dir < 0
          ? edges.lineBetween(p.doc, p.start - gap, p.start)
          : edges.lineBetween(p.doc, p.end - held + 1, p.end) || edges.onHeading(p.doc, p.end - held + 1))
      )
        return undefined
      found.push(gap)
    }
    return found
  }
  const heads = gaps(-1)
  const tails = gaps(1)
  if (!heads && !tails) return [...passages]
  return passages.map((p, i) => ({ ...p, start: heads ? p.start - heads[i] : p.start, end: tails ? p.end + tails[i] : p.end }))
}

/**
 * Words (tokens), at most, that an edited copy inserts after its sentence's first words and before
 * the words it shares with another copy (insertedHeads): lsblk's "The default output, as well as
 * the default output from options like --fs and --topology, is subject to change" against
 * wipefs's "The default output is subject to change" inserts thirteen.
 */
export const MAX_INSERTED_HEAD = 20

/** Words a sentence must begin with as another passage does for insertedHeads: "The default output". */
export const SAME_HEAD_WORDS = 3

/**
 * A near-verbatim overlap's passages taken back to their sentences' starts where a passage starts
 * inside its sentence, at most MAX_INSERTED_HEAD words in, and that sentence begins with the same
 * SAME_HEAD_WORDS words (one of them a content word) as another passage of the overlap that
 * starts its own: the words between are inserted into the sentence they share, and the passage
 * started on the words after the insertion, mid-sentence ("--fs and --topology, is subject to
 * change." against "The default output is subject to change.", a reviewer of util-linux's pages).
 */
export function insertedHeads<P extends TailedPassage>(passages: readonly P[], docs: readonly AnalysedDocument[]): P[] {
  if (passages.length < 2) return [...passages]
  const heads = passages.map((p) => sentenceStartBefore(docs[p.doc], p.start))
  const starting = passages.filter((_, i) => heads[i] === 0)
  if (starting.length === 0 || starting.length === passages.length) return [...passages]
  // The first SAME_HEAD_WORDS match ids of each passage that starts its sentence, with the
  // document it is in, or -1 where passages of two documents start so: a licence's overlap of
  // hundreds of passages is read once, not once a passage.
  const key = (doc: AnalysedDocument, t: number): string | undefined => {
    if (t + SAME_HEAD_WORDS > doc.starts.length) return undefined
    let k = `${doc.match[t]}`
    for (let j = 1; j < SAME_HEAD_WORDS; j++) k += ` ${doc.match[t + j]}`
    return k
  }
  const startingDoc = new Map<string, number>()
  for (const q of starting) {
    const k = key(docs[q.doc], q.start)
    if (k === undefined) continue
    const seen = startingDoc.get(k)
    startingDoc.set(k, seen === undefined || seen === q.doc ? q.doc : -1)
  }
  const holdsContent = (doc: AnalysedDocument, t: number): boolean => {
    for (let k = 0; k < SAME_HEAD_WORDS; k++) if (isContentToken(doc, t + k)) return true
    return false
  }
  return passages.map((p, i) => {
    const back = heads[i]
    if (!(back >= SAME_HEAD_WORDS && back <= MAX_INSERTED_HEAD)) return p
    const from = p.start - back
    const k = key(docs[p.doc], from)
    const doc = k === undefined ? undefined : startingDoc.get(k)
    const begins = doc !== undefined && doc !== p.doc && holdsContent(docs[p.doc], from)
    return begins ? { ...p, start: from } : p
  })
}

/**
 * Words (tokens) from the start of token t's sentence to t, at most MAX_INSERTED_HEAD, else
 * Infinity: read by its marks alone, a full stop (or ! ? :) and a space, or a blank line, before
 * it (not the dot of "~/.ssh/id_rsa"). sentences.ts also starts one at a line that starts with an
 * option, "--fs and --topology, is ...", which an inserted clause may wrap onto.
 */
function sentenceStartBefore(doc: AnalysedDocument, t: number): number {
  const { text } = doc
  for (let k = 1; k <= MAX_INSERTED_HEAD && t - k >= 0; k++) {
    // The characters between the two words read one by one (a string and a pattern per gap cost
    // a tenth of a second on the copyright files' licence overlaps).
    const from = doc.ends[t - k]
    const to = doc.starts[t - k + 1]
    for (let i = from; i + 1 < to; i++) if (STOPS.includes(text[i]) && /\s/.test(text[i + 1])) return k - 1
    if (paragraphBetween(doc, t - k, t - k + 1)) return k - 1
    if (t - k === 0) return k
  }
  return t === 0 ? 0 : Infinity
}

/** The marks that end a sentence for sentenceStartBefore, before a space. */
const STOPS = '.!?:'

/** Words: runs of letters or digits (a figure two copies give otherwise is a word they differ in). */
const WORD = /[\p{L}\p{N}]+/gu

/**
 * Share of each sentence so read, at least, that the verbatim passage is (verbatimTails). A
 * sentence copied but for a word or a clause at its edge is a near-verbatim copy: "Remove keys
 * provided by the PKCS#11 shared library pkcs11." / "Download the public keys …", three fourths.
 * A web address two sentences of their own point at is what they share, not an edited sentence:
 * "The full licence is at <address> and nowhere else." / "Send readers to <address> for the
 * terms.", half.
 */
export const MIN_COPIED_SHARE = 2 / 3

/**
 * A verbatim overlap's passages taken to their sentences' edges as sentenceTails takes a
 * near-verbatim one's, where the words they are so taken to differ from one passage to another
 * (see above); else as they are. Only words all the passages are taken to on that side count: a
 * copy whose line ends where another's sentence goes on ("... if draw-value" / "... if draw-value
 * is false", one bug in two lists of GTK's NEWS) was read as stopping at its line, not as saying
 * less; and at the end only words up to a full stop, question or exclamation mark or colon: a
 * line's end is read as a sentence's where a text wraps before a long path ("Check
 * ~/.config/mimeapps.list instead of" in xdg-utils' change log, going on "~/.config/...").
 */
export function verbatimTails<P extends TailedPassage>(
  passages: readonly P[],
  edges: SentenceEdges,
  docs: readonly Pick<AnalysedDocument, 'text' | 'starts' | 'ends'>[],
): P[] {
  const tailed = sentenceTails(passages, edges)
  if (tailed.some((q, i) => passages[i].end - passages[i].start + 1 < MIN_COPIED_SHARE * (q.end - q.start + 1))) return [...passages]
  /** The words passage i was taken to before it (side 0) or after it (1), lower case; '' for none. */
  const added = (i: number, side: 0 | 1): string => {
    const p = passages[i]
    const q = tailed[i]
    const { text, starts, ends } = docs[p.doc]
    const words =
      side === 0
        ? q.start < p.start
          ? text.slice(starts[q.start], starts[p.start])
          : ''
        : q.end > p.end
          ? text.slice(ends[p.end], ends[q.end])
          : ''
    return (words.match(WORD) ?? []).join(' ').toLowerCase()
  }
  /** Whether passage i was taken to a mark that ends a sentence, not to a line's end read as one. */
  const stopped = (i: number): boolean => {
    const { text, starts, ends } = docs[passages[i].doc]
    const end = tailed[i].end
    return STOP_AT_END.test(text.slice(starts[end], ends[end])) || STOP_AFTER.test(text.slice(ends[end], ends[end] + 4))
  }
  for (const side of [0, 1] as const) {
    const found = passages.map((_, i) => added(i, side))
    if (side === 1 && !passages.every((_, i) => stopped(i))) continue
    if (found.every((w) => w !== '') && found.some((w) => w !== found[0])) return tailed
  }
  return [...passages]
}

/** A sentence's end in a word's last characters ("application.", "(1)."), or just after it. */
const STOP_AT_END = /[.!?:][)\]'"”’]*$/
const STOP_AFTER = /^[)\]'"”’]*[.!?:]/
