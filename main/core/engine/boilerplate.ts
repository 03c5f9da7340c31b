import { contentFrom, type AnalysedDocument } from './analyse.js'
import type { PairPassage } from './cluster.js'
import { MIN_PLAIN_SHARED, plainSharedWords } from './names.js'
import { upperBound } from '../text/sorted.js'

// Which overlaps are boilerplate (Overlap.boilerplate): text in a large share of the corpus (a
// licence, a standard notice, a house formula), or text known to be boilerplate (the project's
// excluded ranges: EngineDocument.boilerplate), labelled, never dropped. And a part of such a text
// that fewer documents share on its own, each of its passages inside a passage of boilerplate: of
// Debian's copyright files, the BSD licence's "be used to endorse or promote products derived from
// this software without specific prior written permission" (111 passages, 88 files, fewer texts
// than a tenth of the corpus's) and 120 other parts of licences were not, and a reader who hid
// boilerplate still saw them. And an overlap of such text that few documents share with the words
// around it, most of its words in phrases a large share of the corpus prints (printedText): the
// AWS command line's examples end "This command produces no output. For more information, see
// `<title> <address>`__ in the *<guide>*" in hundreds of files, too short an overlap alone, and
// two whose titles start alike ("`Creating a") made one, unlabelled (a reviewer). A part of
// boilerplate is such a part with a sentence or two more, PRINTED_SHARE of each passage's tokens
// inside boilerplate: Google Cloud's manual pages print one text for the --zone flag, the flags of
// every command and its notes, and three pages with the sentence before it ("Name(s) of the
// instance(s) to operate on. For details on valid instance names, refer to ...") were the top
// overlap of eight pages, unlabelled, beside the labelled text (a reviewer).

/**
 * Share of a corpus's texts from which an overlap is boilerplate, and fewest texts. A tenth of a
 * corpus reprinting one passage is a licence, a standard notice or a house formula, not a
 * borrowing a reader traces; below eight documents a corpus is too small to tell boilerplate from
 * a passage everyone quotes. The copies of a duplicate document are one text, as their overlap is
 * one (17 packages shipping one README made a paragraph it shares with one other file boilerplate
 * among 125 READMEs).
 */
export const BOILERPLATE_SHARE = 0.1
export const BOILERPLATE_MIN_DOCUMENTS = 8

/**
 * Share of a passage's content words, at least, in n-grams that a large share of the corpus prints
 * (printedText) for it to be that text. Two thirds: the house formula above with the two words
 * of a title two of its copies have alike; a borrowing that quotes a stock phrase among words of
 * its own is less.
 */
export const PRINTED_SHARE = 2 / 3

/**
 * Share of an overlap's passages, at least, inside boilerplate for it to be a part of boilerplate
 * (see above). All of them left the same text with two labels: man-db's pages print one block of
 * options ("-C file, --config-file=file ... -?, --help ... --usage ... -V, --version"), nine of
 * ten pages the end of it, and seven of them the whole, one (mandb) with a line of its own ("Show
 * the usage message, then exit"); the nine were boilerplate, the seven, the same passages in six
 * pages, were not (a reviewer). Two thirds: an overlap of two texts still needs both passages
 * inside; of three, one may be a text that quotes the boilerplate among words of its own.
 */
export const HELD_SHARE = 2 / 3

/**
 * Texts, at least, that boilerplate is in (BOILERPLATE_SHARE of the corpus's texts, and
 * BOILERPLATE_MIN_DOCUMENTS): `textOf`, per document, the first document of its group of
 * duplicates; `reference`, per document, whether it is a text known to be boilerplate (no text of
 * the corpus).
 */
export function boilerplateTexts(textOf: ArrayLike<number>, reference: readonly boolean[]): number {
  const texts = new Set<number>()
  reference.forEach((r, d) => {
    if (!r) texts.add(textOf[d])
  })
  return Math.max(BOILERPLATE_MIN_DOCUMENTS, Math.ceil(BOILERPLATE_SHARE * texts.size))
}

/**
 * Whether every passage (token spans; those of reference texts aside) has PRINTED_SHARE of its
 * content words or more where `printed` (per document, per content position: ngrams.ts
 * Seeds.printed, n-grams in boilerplateTexts texts or more) flags them, and a passage at least
 * is so read.
 */
export function printedText(
  passages: readonly PairPassage[],
  docs: readonly Pick<AnalysedDocument, 'content' | 'contentBlocks'>[],
  printed: readonly Uint8Array[],
  reference: readonly boolean[],
): boolean {
  let read = 0
  for (const p of passages) {
    if (reference[p.doc]) continue
    const flags = printed[p.doc]
    const from = contentFrom(docs[p.doc], p.start)
    const to = contentFrom(docs[p.doc], p.end + 1)
    if (to <= from || flags.length === 0) return false
    let covered = 0
    for (let c = from; c < to; c++) covered += flags[c]
    if (covered < PRINTED_SHARE * (to - from)) return false
    read++
  }
  return read > 0
}

/**
 * Whether a paraphrase of tokens [a0, a1] of document da and [b0, b1] of db restates nothing but
 * text a large share of the corpus prints: it has MIN_PLAIN_SHARED words in common that are no
 * names (names.ts plainSharedWords), and fewer outside `printed` words (printedText). The AWS command
 * line's examples refer to their guides by one template, "For more information, see `<title>
 * <address>`__ in the *AWS IAM User Guide*", and two of them with different titles were a
 * paraphrase by the template's words, "information, see, IAM, AWS, User, Guide" (a reviewer).
 */
export function restatesPrintedOnly(
  docs: readonly AnalysedDocument[],
  printed: readonly Uint8Array[],
  da: number,
  a0: number,
  a1: number,
  db: number,
  b0: number,
  b1: number,
): boolean {
  if (printed[da].length === 0 && printed[db].length === 0) return false
  const form = (doc: AnalysedDocument, t: number): number => {
    const flags = printed[doc === docs[da] ? da : db]
    return flags.length && flags[contentFrom(doc, t)] ? -1 : doc.match[t]
  }
  return (
    plainSharedWords(docs[da], a0, a1, docs[db], b0, b1, form) < MIN_PLAIN_SHARED &&
    plainSharedWords(docs[da], a0, a1, docs[db], b0, b1) >= MIN_PLAIN_SHARED
  )
}

/**
 * Per overlap (its passages as token spans), 1 when it is boilerplate (see above): by the texts it
 * is in, by a text known to be boilerplate, by its words (`printed`: printedText), by the sections
 * it lies in (`furniture`: furniture.ts furnitureOnly), or each passage
 * inside passages of overlaps that are boilerplate so, but for a third of its tokens at most
 * (PRINTED_SHARE) — or HELD_SHARE of its passages so. A group of duplicate documents (`duplicate`) only by the texts it is in, which
 * are one: that documents are copies of one file is said by no other overlap. `textOf`: per
 * document, the first document of its group of duplicates (itself if none); `reference`: per
 * document, whether it is a text known to be boilerplate (counted in no overlap's texts, and no
 * text of the corpus).
 */
export function boilerplateOverlaps(
  overlaps: readonly { passages: readonly PairPassage[]; duplicate?: boolean; printed?: boolean; furniture?: boolean }[],
  textOf: ArrayLike<number>,
  reference: readonly boolean[],
): Uint8Array {
  const textsOf = (docs: Iterable<number>): number => {
    const texts = new Set<number>()
    for (const d of docs) if (!reference[d]) texts.add(textOf[d])
    return texts.size
  }
  const least = boilerplateTexts(textOf, reference)
  const out = new Uint8Array(overlaps.length)
  overlaps.forEach((o, k) => {
    if (
      o.passages.some((p) => reference[p.doc]) ||
      textsOf(o.passages.map((p) => p.doc)) >= least ||
      ((o.printed || o.furniture) && !o.duplicate)
    )
      out[k] = 1
  })
  // The spans of boilerplate per document, merged where they overlap or touch: [start, end, ...].
  const spans = new Map<number, [number, number][]>()
  overlaps.forEach((o, k) => {
    if (!out[k]) return
    for (const p of o.passages) {
      const list = spans.get(p.doc)
      if (list) list.push([p.start, p.end])
      else spans.set(p.doc, [[p.start, p.end]])
    }
  })
  const merged = new Map<number, { starts: number[]; ends: number[] }>()
  for (const [doc, list] of spans) {
    list.sort((x, y) => x[0] - y[0])
    const starts: number[] = []
    const ends: number[] = []
    for (const [start, end] of list) {
      if (ends.length && start <= ends[ends.length - 1] + 1) ends[ends.length - 1] = Math.max(ends[ends.length - 1], end)
      else {
        starts.push(start)
        ends.push(end)
      }
    }
    merged.set(doc, { starts, ends })
  }
  /** Whether PRINTED_SHARE of passage p's tokens or more lie inside boilerplate of its document. */
  const inside = (p: PairPassage): boolean => {
    const m = merged.get(p.doc)
    if (!m) return false
    let held = 0
    for (let at = Math.max(0, upperBound(m.starts, p.start) - 1); at < m.starts.length && m.starts[at] <= p.end; at++)
      held += Math.max(0, Math.min(m.ends[at], p.end) - Math.max(m.starts[at], p.start) + 1)
    return held >= PRINTED_SHARE * (p.end - p.start + 1)
  }
  overlaps.forEach((o, k) => {
    if (out[k] || o.duplicate) return
    let held = 0
    for (const p of o.passages) if (reference[p.doc] || inside(p)) held++
    if (held >= HELD_SHARE * o.passages.length) out[k] = 1
  })
  return out
}
