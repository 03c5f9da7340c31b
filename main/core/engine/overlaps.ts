import {
  type AnalysedCorpus,
  type AnalysedDocument,
  type EngineDocument,
  analyse,
  givenFirst,
  writtenIn,
  rarity,
  SpanMemo,
} from './analyse.js'
import { CandidateAligner } from './align-candidates.js'
import { isBanal } from './banality.js'
import { chainSeeds } from './chain.js'
import { RegionList } from './region-list.js'
import { alignedGaps } from './aligned-gaps.js'
import { ReusedSpans } from './reused-spans.js'
import { boilerplateOverlaps, boilerplateTexts, printedText, restatesPrintedOnly } from './boilerplate.js'
import { withoutBridges } from './bridged.js'
import { containedOverlaps, shownTwice } from './contained.js'
import { crossAligned } from './cross-aligned.js'
import { withoutDanglingEdges, withoutFunctionWordEdges } from './dangling-edges.js'
import { withGoverningNegations } from './negated-edges.js'
import { linkWeightShare, nonWordTokensIn } from './nonwords.js'
import { clusterPairs, type PairPassage, type PairSides } from './cluster.js'
import { declareOtherThings } from './declarations.js'
import { duplicateGroups } from './duplicates.js'
import { AlignedSpans } from './aligned-spans.js'
import { extendAlike } from './extend.js'
import { abbreviationsOf, hyphenJoined, standsFor } from './abbreviations.js'
import { findEvents } from './events.js'
import { citeOthers, nameOtherVersions } from './cited-numbers.js'
import { nameOtherThings, partedByNames, type UnknownWord } from './named-slots.js'
import { pointElsewhere } from './addresses.js'
import { nameOtherCode } from './code-names.js'
import { fmix32, mix32 } from './hash.js'
import { findSeeds, NGRAM_SIZE, type SeedParams, type Seeds } from './ngrams.js'
import { projectNested } from './nested.js'
import { editedAround, editedWords, reorderedWords } from './order.js'
import { KIND_RANK, keptKind, keptValues, kindOf, MIN_SHARED_WORDS, valuesOf, VARIANT_SIMILARITY } from './kept-pair.js'
import { KINDS } from './kinds.js'
import { FORMS, IN_COMMON, listReason, reasonsOf, REORDERED, SAME_ITEMS, SYNONYMS } from './reasons.js'
import { joinSameText } from './same-text.js'
import { joinTwins } from './twins.js'
import { onCodeLines } from './code-lines.js'
import { joinContinued, startsWithCopy, successionIn } from './continued.js'
import { nestClusters, type NestedPassages } from './nesting.js'
import { findParaphrases, MIN_CLAUSE_WORDS, synonymsUsed, wordsInCommon, writtenWords } from './paraphrase.js'
import { furnitureOnly } from './furniture.js'
import { withoutLinkEdges } from './link-edges.js'
import { callsOrNames } from './headings.js'
import { type EngineHooks, Run } from './progress.js'
import { sentenceStarts } from './sentences.js'
import { upperBound } from '../text/sorted.js'
import { insertedHeads, SentenceEdges, sentenceTails, verbatimTails } from './sentence-tails.js'
import { contentsEntry, markedHeading, withoutNextItems } from './next-item.js'
import { PairTable } from './pair-table.js'
import { type PairMeasure, PairMeasurer } from './similarity.js'
import { saysOpposite } from './polarity.js'
import { sayOpposites } from './opposites.js'
import { type SynonymSource, wordClasses } from './synonyms.js'
import {
  passageOffsets,
  sentenceEndAfter,
  wholeAddressAtEnd,
  wholeCodeSpans,
  wholeIdentifiers,
  wholeWords,
  wholeWritten,
} from './word-edges.js'
import { OffsetMap } from '../text/offsets.js'
import { comparedPairs } from './variant-pairs.js'
import { PARAPHRASE_MAX_WORDS } from './paraphrase-bound.js'
import { contentOrder } from './content-order.js'
import { UniqueIds } from './unique-ids.js'
import { sameStretch } from './same-stretch.js'
import { wholeRoles } from './role-edges.js'
import { type Change, DiffMemo, sameWords, type Variant, variantOf } from './variants.js'
import { shownWord } from './normalise.js'
import { oneOfEachCopy } from './restated-copies.js'
import { withoutLinked } from './linked-restatements.js'
import { MIN_RUN_SHARED, MIN_RUN_TOKENS, verbatimRuns } from './verbatim-runs.js'
import { sectionPairs } from './sections.js'
import { keptWidened, type Widened, widenedOver } from './widened-pairs.js'

// Text reuse: which passages do these documents share? The pipeline, after passim and TextPAIR:
//   analyse     tokens with offsets, normalised for matching (tokenize.ts, normalise.ts)
//   duplicates  documents with the same words, found by hash first (duplicates.ts)
//   seed        shared content-word n-grams, hashed and sorted corpus-wide; frequent ones seeded
//               through a representative occurrence, topic phrases flagged (ngrams.ts, banality.ts)
//   chain       nearby seeds of a document pair into candidate passages, bridging gaps and
//               reordered clauses (chain.ts)
//   align       exact passage ends by local alignment (align.ts); a passage inside a longer
//               match read through it into the other document (nested.ts)
//   score       shared words weighted by rarity, similarity, banality (similarity.ts), and for
//               a loose pair how much it shares in runs, in order (order.ts)
//   cluster     pairs into overlaps: one passage in three documents is one overlap (cluster.ts);
//               two texts only loosely alike pairs join split apart (bridged.ts);
//               each passage extended as far as another of its overlap goes on alike (extend.ts);
//               an overlap another goes on from part of it (continued.ts);
//               an overlap inside a longer one found in all its documents (nesting.ts);
//               overlaps of the same documents and most of the same passages one (twins.ts);
//               kinds judged per pair and summarised per overlap; boilerplate labelled
//   runs        in a corpus the paraphrase pass reads, runs of eight running words or more that two
//               versions of one text share between the passages they share in order, kept as
//               pairs (verbatim-runs.ts)
//   paraphrase  sentence pairs alike in content words that share few n-grams, abbreviations read
//               as their words, synonyms and related forms as one word (paraphrase.ts,
//               abbreviations.ts, synonyms.ts); sentences reporting one event,
//               the same date and rare name or place (events.ts); one across a pair kept of
//               the same two texts, sharing words besides it, that pair read to its
//               sentences (widened-pairs.ts)
//   variants    word-level differences of the pairs of passages whose words differ (variants.ts,
//               variant-pairs.ts)
// All offsets in the result are Unicode code points into the documents' texts as given.

/** How an overlap's passages relate. */
export type OverlapKind = 'verbatim' | 'variant' | 'paraphrase'

/** One passage of an overlap: code points [start, end) of document `doc`, and that text. */
export interface OverlapPassage {
  doc: string
  start: number
  end: number
  text: string
}

/**
 * A stretch of text shared by two or more passages (of different documents).
 *   score       rarity-weighted shared words times similarity, for the best pair as matched:
 *               each shared content word counts its rarity, ln((N + 1) / (df + 0.5)) (about 0.9
 *               for a word only the two texts of a pair use among five texts, 0.1 for a word all
 *               five use, more in larger corpora), and the sum is multiplied by the pair's
 *               similarity, so a loose match of many words can rank below a tight one of fewer.
 *               The words of links (web addresses, HTML tags: nonwords.ts LINK) and of e-mail
 *               addresses (MAIL) count for nothing: the score is multiplied by the share of the
 *               pair's word weight outside them, the mean of its two passages' (two READMEs'
 *               badges and sponsors' logos were half of a corpus's top twenty; two texts' authors'
 *               signatures, the top overlap of zlib's and xz's documentation).
 *               It compares overlaps within one corpus, not across corpora; banal and short
 *               matches are gone before scoring.
 *   kind        verbatim (the same words, as written: case and typography aside), variant
 *               (near-verbatim: respelled, edited, words inserted, clauses reordered) or
 *               paraphrase (same content words, few shared runs):
 *               each pair of passages matched is judged on its own, and an overlap more of whose
 *               pairs are paraphrases than of another kind is one; any other is verbatim when all
 *               its passages, in two documents at least, are one stretch of the same words, their
 *               extents aside (closeKind), near-verbatim when any differ. So a passage copied
 *               verbatim into five documents is verbatim as it is in two, and an overlap of
 *               passages in several wordings is not, whatever pairs found it
 *   pairKinds   how many of the pairs matched are of each kind (a passage found through a longer
 *               overlap, nesting.ts, is one verbatim pair with the passage read, or near-verbatim
 *               when found as an edited copy); in a verbatim or near-verbatim overlap, each pair
 *               of the kind its two passages read as where they are shown (kindsAsShown), as the
 *               overlap's kind is judged
 *   words       content words shared (best pair of the overlap's kind, see draftOverlaps),
 *               counted on its two passages as shown, grown or cut since the pair was matched
 *               (extend.ts, nesting.ts, dangling-edges.ts, negated-edges.ts, shownEdges), so
 *               they may show how little two of them have in common where one grew; for a
 *               paraphrase the paraphrase pass found (by its words, or as the same event) and a
 *               pair with a side in a reference text, on the passages its pair matched; for a
 *               verbatim overlap no pair of which was matched verbatim, on the stretch two of its
 *               passages have alike (closeKind)
 *   similarity  the share of the same two passages' content words they have in common (a Dice
 *               coefficient, a function-word negation one has more counted as a word the other
 *               lacks: similarity.ts `dice`), 0..1, as a reader counts it; the pairs' kinds and
 *               the score weigh each word by its rarity instead. For a paraphrase the paraphrase
 *               pass found by its words, the cosine it was found by (paraphrase.ts)
 *   boilerplate shared by a large share of the corpus (BOILERPLATE_SHARE of its texts, at least
 *               BOILERPLATE_MIN_DOCUMENTS, a duplicate document's copies being one text), or
 *               matching text known to be boilerplate (the project's excluded ranges,
 *               EngineDocument.boilerplate), or a part of such text, each passage inside
 *               passages of boilerplate overlaps but for a third of it at most (a sentence or
 *               two more), or such text with a word or two more, most of each
 *               passage's words in phrases that many texts print (boilerplate.ts
 *               printedText); a duplicate document's own overlap is one
 *               text, never boilerplate by its copies
 *   duplicate   the passages are whole documents with the same words (duplicates.ts)
 *   likeness    true on a loose likeness of texts other overlaps hold (bridged.ts): pairs less
 *               alike than CLOSE_SIMILARITY that read a text shared closely (word for word, or
 *               as a near-verbatim copy) against another place of a document, or that join two
 *               such texts. It is listed apart, so that each text keeps its own passages and
 *               figures, and ranks by its own score; absent on every other overlap
 *   because     why a paraphrase was reported: abbreviations read as their words, synonyms,
 *               related forms ("related forms: necessary/necessity"), the same place and date,
 *               the same items listed (reasons.ts SAME_ITEMS),
 *               the words in common; and the words a near-verbatim line
 *               the paraphrase search found rests on (order.ts editedWords), or the same
 *               clauses in another order (reasons.ts REORDERED, order.ts reorderedWords)
 *   variants    word-level differences per pair of passages (variants.ts), for the pairs
 *               compared (variant-pairs.ts: all pairs up to MAX_PAIRWISE_PASSAGES passages, then
 *               the first against the others, at most MAX_DIFFS) whose words differ, and the two
 *               passages that make it near-verbatim where those pairs all agree (closeKind); a
 *               compared pair with the same words (surface forms, spelled alike) has no variant,
 *               its text being the passages' own
 */
export interface Overlap {
  id: string
  score: number
  kind: OverlapKind
  /** Always set by findOverlaps; optional so that overlaps made elsewhere (tests, older results) still type. */
  pairKinds?: Record<OverlapKind, number>
  words: number
  similarity: number
  /** Always set by findOverlaps (see pairKinds). */
  boilerplate?: boolean
  duplicate?: boolean
  /** Set only on a loose likeness of shared texts (see above). */
  likeness?: true
  because?: string[]
  passages: OverlapPassage[]
  variants: Variant[]
}

export interface OverlapOptions {
  /** Match on word stems (the `stemmer` package) as well as the normalisations. Default true. */
  stem?: boolean
  /** Content words per seed n-gram. Default NGRAM_SIZE. */
  ngram?: number
  /** Least shared content words in a pair of passages. Default MIN_SHARED_WORDS. */
  minWords?: number
  /**
   * Look for paraphrased sentences: true, false, or 'auto' (default): when the corpus has at most
   * PARAPHRASE_MAX_WORDS words.
   */
  paraphrase?: boolean | 'auto'
  /**
   * Where the paraphrase pass finds synonyms and related forms (synonyms.ts): WordNet on the Node
   * side (main/node/engine/wordnet.ts). Without it, neither is matched.
   */
  synonyms?: SynonymSource
  /** Return at most this many overlaps (best first). Default: all. */
  limit?: number
  /**
   * Compare the passages of each overlap word by word (its `variants`). Default true; false
   * leaves every `variants` empty, for a caller that shows none (the CLI's text output): the
   * diffs are a sixth of a large corpus's run.
   */
  variants?: boolean
  /**
   * Hands each overlap, best first, to this function as soon as it is made (`index` of `count`),
   * instead of returning them: result.overlaps is then empty. For a caller that writes overlaps
   * out one by one (the CLI's JSON), so that the overlaps and their variants, hundreds of
   * megabytes at corpus scale, are never all held at once.
   */
  onOverlap?: (overlap: Overlap, index: number, count: number) => void
}

export interface OverlapResult {
  overlaps: Overlap[]
  /** Counts that say what the run did; for logs and benchmarks. */
  stats: {
    documents: number
    words: number
    ngrams: number
    commonNgrams: number
    seedPairs: number
    /** Candidate passage pairs (chained seeds) aligned and scored. */
    candidates: number
    /** Pairs kept (reuse and paraphrase) before clustering. */
    pairs: number
    paraphraseSearch: boolean
    /** Documents that duplicate an earlier one (searched once, reported in each copy). */
    duplicates: number
  }
}

/** Which pairs are kept, and as which kind: kept-pair.ts. */
export {
  IDENTIFIER_WORDS,
  MIN_SENTENCE_SHARED,
  MIN_SENTENCE_TOKENS,
  MIN_SHARED_WORDS,
  MIN_SIMILARITY,
  VARIANT_SIMILARITY,
} from './kept-pair.js'

/** When an overlap is boilerplate: boilerplate.ts. */
export { BOILERPLATE_MIN_DOCUMENTS, BOILERPLATE_SHARE } from './boilerplate.js'

/** Which corpora are searched for paraphrases by default: paraphrase-bound.ts (the renderer reads it too). */
export { PARAPHRASE_MAX_WORDS } from './paraphrase-bound.js'

/** A word of Latin letters alone, as the lexicon writes it (lower case): one a dictionary of English may know. */
const LATIN_WORD = /^[a-z]{2,}$/

/** Which pairs of passages are diffed: variant-pairs.ts (the renderer reads the rule too). */
export { MAX_DIFFS, MAX_PAIRWISE_PASSAGES } from './variant-pairs.js'

/**
 * Marks that quote, bracket or emphasise what they stand beside, and say nothing of it: quotation
 * marks, backquotes, brackets, asterisks and underscores (see toPassageEdges).
 */
const QUOTING_MARKS = /^[\s"'`\u2018\u2019\u201a\u201c\u201d\u201e\u00ab\u00bb\u2039\u203a*_()[\]{}<>]*$/u

/** What a corpus array no stage reads any more is replaced with. */
const RELEASED = new Uint32Array(0)

/** What an overlap keeps of its best pair: its score, shared words and similarity. */
interface BestPair {
  score: number
  measure: Pick<PairMeasure, 'shared' | 'similarity'>
}

/**
 * The kind of an overlap of close pairs (verbatim or near-verbatim) as a reader compares its
 * passages: verbatim when each is one stretch of the same words with the first (same-stretch.ts:
 * their extents may differ, not their words), in two documents at least; else variant, the
 * passages differing somewhere. Not by the pairs matched to find it (reviewers: git's manual
 * pages, 13 passages in 9 wordings "verbatim"; licences, GPL-2 edited into the LGPL "verbatim"
 * beside LGPL-2 and 2.1, which are the same), nor by most passages (four copies of one file are
 * not the other text they differ from), nor by a sample (the one edited copy of 65 was missed).
 * A passage that differs ends the reading: a licence reprinted in hundreds of files is read whole
 * only where its copies are all alike. With it, a pair of that kind, as spans to measure: for
 * verbatim, the stretch both documents have; for variant, two passages that differ, of two
 * documents where there are such (`differs`). Undefined when the passages are the same words in
 * one document only.
 */
function closeKind(
  passages: readonly PairPassage[],
  docs: readonly AnalysedDocument[],
): { kind: OverlapKind; pair: [PairPassage, PairPassage]; differs?: true } | undefined {
  const first = passages[0]
  let same: [PairPassage, PairPassage] | undefined
  let inOne: [PairPassage, PairPassage] | undefined
  for (let k = 1; k < passages.length; k++) {
    const p = passages[k]
    const stretch = sameStretch(docs[first.doc], first.start, first.end, docs[p.doc], p.start, p.end)
    if (!stretch && p.doc !== first.doc) return { kind: 'variant', pair: [first, p], differs: true }
    if (!stretch) inOne ??= [first, p]
    else if (p.doc !== first.doc)
      same ??= [
        { doc: first.doc, start: stretch.from, end: stretch.to },
        { doc: p.doc, start: stretch.from + stretch.shift, end: stretch.to + stretch.shift },
      ]
  }
  // Passages differing only within one document (a text it repeats with a change).
  if (inOne) return { kind: 'variant', pair: inOne }
  return same ? { kind: 'verbatim', pair: same } : undefined
}

/** An overlap before its passages are cut from the texts. */
interface Draft {
  because?: string[]
  /** As clustered: which overlaps lie inside others (contained.ts) and are boilerplate is judged on these. */
  passages: PairPassage[]
  /** The same passages, in the same order, at the edges shown (shownEdges): the figures are of these. */
  shown: PairPassage[]
  best: BestPair
  kind: OverlapKind
  pairKinds: Record<OverlapKind, number>
  duplicate: boolean
  /** The likeness of texts listed on their own (bridged.ts): it hides no overlap (contained.ts). */
  likeness?: true
  /** Most words of each passage are in phrases a large share of the corpus prints (boilerplate.ts printedText). */
  printed?: true
  /** Each passage lies in its document's furniture: SEE ALSO, AUTHORS, REPORTING BUGS, a README's License (furniture.ts). */
  furniture?: true
  /**
   * Two passages of two documents that differ, which make a near-verbatim overlap so (closeKind):
   * listed among its variants if its compared pairs leave them out.
   */
  differs?: [PairPassage, PairPassage]
}

/** Finds the passages the documents share (see above), best first. */
export function findOverlaps(documents: readonly EngineDocument[], options: OverlapOptions = {}, hooks: EngineHooks = {}): OverlapResult {
  const run = new Run(hooks)
  // Read in an order of their texts alone (content-order.ts); each overlap's passages are listed
  // in the order the documents were given.
  const order = contentOrder(documents)
  // Two calls, so that what the variants do not read (the lexicon, the measurer, the pairs, the
  // match ids and content positions: a third of the corpus's arrays and most of V8's heap) is
  // let go when the first returns: variables a closure reads stay alive as long as the function
  // that made them runs.
  return variantsOf(
    draftOverlaps(
      order.map((i) => documents[i]),
      order,
      options,
      run,
    ),
    order,
    options,
    run,
  )
}

/** The overlaps found, before their passages are cut from the texts and diffed. */
interface Drafted {
  /** Best first, at most options.limit. */
  drafts: Draft[]
  /** Per draft, 1 when it is boilerplate (boilerplate.ts). */
  boilerplate: Uint8Array
  /** The analysed documents; only their texts, offsets and surface ids are read from here on. */
  docs: readonly AnalysedDocument[]
  /** Per document: a text known to be boilerplate (EngineDocument.boilerplate). */
  reference: readonly boolean[]
  stats: OverlapResult['stats']
}

/**
 * Every stage but the variants (see above): the overlaps, best first. `given`: each document's
 * position among those given (findOverlaps reads them in another order), for the reasons, which
 * name a pair's words in the order its passages are shown.
 */
function draftOverlaps(documents: readonly EngineDocument[], given: readonly number[], options: OverlapOptions, run: Run): Drafted {
  const n = options.ngram ?? NGRAM_SIZE
  const minWords = options.minWords ?? MIN_SHARED_WORDS
  const corpus = analyse(documents, options.stem ?? true, run)
  corpus.given = given
  const reference = documents.map((d) => !!d.boilerplate)
  const N = reference.filter((r) => !r).length
  const duplicates = duplicateGroups(corpus.docs)
  // Each document's text: the first of its group of duplicates; the others seed nothing (skip).
  const textOf = Uint32Array.from(corpus.docs, (_, d) => d)
  for (const group of duplicates) for (const d of group) textOf[d] = group[0]
  const skip = Uint8Array.from(textOf, (first, d) => (first !== d ? 1 : 0))
  const seeded = seedAndChain(corpus, { n, skip, printedBy: boilerplateTexts(textOf, reference) }, minWords, run)
  const { seedStats, seedPairs, common, printed } = seeded

  const weights = new Float64Array(corpus.lexicon.matchCount)
  for (let m = 0; m < weights.length; m++) weights[m] = rarity(corpus, m)
  const measurer = new PairMeasurer(corpus, weights, common)
  run.phase('align', seeded.regions.length)
  // Pairs kept, in typed arrays (pair-table.ts).
  const pairTable = new PairTable()
  const aligner = new CandidateAligner(corpus, measurer, n, minWords)
  aligner.alignCandidates(seeded.regions, 0, seeded.regions.length, pairTable, (k) => run.tick(k))
  run.end()
  const candidates = seeded.regions.length
  // Aligned: the candidates are let go (hundreds of thousands of objects at corpus scale).
  seeded.regions = new RegionList()
  // Passages seen through a longer match (nested.ts), kept when they hold the words.
  // (Each at the sections of a manual page, and apart from its furniture: furniture.ts.)
  for (const nested of projectNested(corpus.docs, pairTable, (i) => pairTable.verbatim(i)))
    for (const { a, b } of sectionPairs(corpus.docs, nested)) {
      const measure = measurer.measure(a.doc, a.start, a.end, b.doc, b.start, b.end)
      const kind = keptKind(measure, minWords, corpus.docs[a.doc], a.start, a.end, corpus.docs[b.doc], b.start, b.end)
      if (!kind) continue
      pairTable.push(a, b, keptValues(corpus, measure, kind, a, b), true)
    }

  const paraphraseSearch =
    options.paraphrase === 'auto' || options.paraphrase === undefined ? corpus.words <= PARAPHRASE_MAX_WORDS : options.paraphrase
  // Words the dictionary does not know are names to named-slots.ts: each surface form asked once,
  // words of Latin letters only (a Chinese or Japanese word is none the dictionary knows).
  const knows = options.synonyms?.knows?.bind(options.synonyms)
  const unknown = new Map<number, boolean>()
  const unknownWord: UnknownWord | undefined = knows
    ? (doc, t) => {
        const surface = doc.surface[t]
        let answer = unknown.get(surface)
        const word = corpus.lexicon.surfaces[surface]
        if (answer === undefined) unknown.set(surface, (answer = LATIN_WORD.test(word) && !knows(word)))
        return answer
      }
    : undefined
  const paraphrases = new PairTable()
  const widened = new Map<number, Widened>()
  const widenedCovered: Widened[] = []
  if (paraphraseSearch) {
    const sentences = corpus.docs.map((d, i) => (skip[i] ? new Uint32Array([0]) : sentenceStarts(d)))
    // Where two versions of one text each say their own things between passages they share
    // (aligned-gaps.ts): read as the pairs kept from the seeds give them, by the runs below and
    // by the pass's sentences (a run kept there would otherwise move a gap, and the pass read
    // another stretch: Luke's and Matthew's "Behold, men brought a paralyzed man on a cot" was
    // lost so).
    const gaps = alignedGaps(pairTable)
    // Runs of running words two versions share word for word, function words and all
    // (verbatim-runs.ts), in a corpus read closely, as the pass is, and before it reads the pairs
    // kept. Not where their whole sentences say one template of different code, named things or
    // versions, as a restatement is not (below): "The strlen() function returns the number of
    // bytes in the" / "The strspn() function returns ...", "The -section option was added in
    // OpenSSL 3.0.0" / "The -nameopt option ...". A run across a heading is cut there
    // (furniture.ts), and a piece shorter than a run is none (CandidateAligner.alignRun):
    // "private key." before a manual page's SEE ALSO.
    for (const found of verbatimRuns(corpus.docs, skip, new AlignedSpans(pairTable), gaps))
      for (const { a, b } of sectionPairs(corpus.docs, found)) {
        const A = corpus.docs[a.doc]
        const B = corpus.docs[b.doc]
        const [sa0, sa1] = sentencesOf(sentences[a.doc], a.start, a.end)
        const [sb0, sb1] = sentencesOf(sentences[b.doc], b.start, b.end)
        if (nameOtherCode(A, sa0, sa1, B, sb0, sb1) || nameOtherThings(A, sa0, sa1, B, sb0, sb1, unknownWord)) continue
        if (nameOtherVersions(A, sa0, sa1, B, sb0, sb1)) continue
        aligner.alignRun(pairTable, a.doc, a.start, a.end, b.doc, b.start, b.end, MIN_RUN_TOKENS, MIN_RUN_SHARED)
      }
    const reused = new ReusedSpans(corpus.docs.length, pairTable)
    const covered = (doc: number, start: number, end: number, other: number): boolean => reused.covers(doc, start, end, other)
    const keptSpans = new AlignedSpans(pairTable)
    const expansions = abbreviationsOf(corpus)
    const words = options.synonyms
      ? wordClasses(corpus, options.synonyms, skip)
      : { classes: new Map<number, number>(), synonyms: new Map<number, number>(), opposites: new Map<number, number[]>() }
    /**
     * The abbreviations of tokens [t0, t1] of document d whose words tokens [u0, u1] of document
     * e write out, every one of them: those the pass read as their words to match the other
     * side. A passage that has one of the words has not spelt the abbreviation out ("PAM", read
     * as "Pluggable Authentication Modules", and "the PAM authentication scheme").
     */
    const abbreviations = (d: number, t0: number, t1: number, e: number, u0: number, u1: number): string[] => {
      const doc = corpus.docs[d]
      const other = corpus.docs[e]
      const written = new Set(other.match.subarray(u0, u1 + 1))
      const out: string[] = []
      const spelt = (t: number): boolean => !!standsFor(expansions, doc, t)?.every((m) => written.has(m))
      for (let t = t0; t <= t1; t++) {
        if (!spelt(t)) continue
        // A clipped compound as one ("sci-tech"), where each of its parts is spelt out.
        let last = t
        while (last < t1 && hyphenJoined(doc, last) && spelt(last + 1)) last++
        out.push(shownWord(doc.text.slice(doc.starts[t], doc.ends[last])))
        t = last
      }
      return out
    }
    for (const p of findParaphrases(corpus, sentences, run, expansions, words.classes, gaps, reused)) {
      // One across a pair kept of the same two texts may be that pair read to its sentences
      // (widened-pairs.ts); mostly in pairs kept already of the same two texts, it is nothing
      // else: it adds only the words a pair stopped short of in its sentences. (In pairs with
      // other texts, it is what these two say alike: Luke's and Matthew's "behold, men brought in
      // a bed a man ..." in the King James Version, each also paired with its World English Bible
      // edition, were no restatement; another document never takes one away.)
      const over = widenedOver(keptSpans, pairTable, corpus.docs, p.da, p.a0, p.a1, p.db, p.b0, p.b1)
      const inPairs = covered(p.da, p.a0, p.a1, p.db) && covered(p.db, p.b0, p.b1, p.da)
      if (inPairs && !over?.adds) continue
      // A translation is no restatement, as it is no copy (kept-pair.ts keptKind): what an English
      // sentence and its French translation share are names and cognates ("displayed list of
      // descriptions will include pages in sections" / "liste des descriptions affichées inclura
      // les pages des sections", man-db's apropos(1) and whatis(1), a tester). (A side its own
      // words leave undecided is read in its document's language: analyse.ts writtenIn.)
      if (writtenIn(corpus.docs[p.da], p.a0, p.a1) !== writtenIn(corpus.docs[p.db], p.b0, p.b1)) continue
      // Nor one with a side of fewer written words than a clause is read as, at least (paraphrase.ts
      // writtenWords, MIN_CLAUSE_WORDS): an identifier or a compound read as its parts.
      if (writtenWords(corpus.docs[p.da], p.a0, p.a1) < MIN_CLAUSE_WORDS || writtenWords(corpus.docs[p.db], p.b0, p.b1) < MIN_CLAUSE_WORDS)
        continue
      const measure = measurer.measure(p.da, p.a0, p.a1, p.db, p.b0, p.b1)
      if (isBanal(measure.commonShare * measure.shared, measure.shared)) continue
      // Found by the words it shares, a pair can still be one sentence with a word changed, too
      // short for a seed's pair (order.ts EDITED_WORD_SHARE): near-verbatim, measured as one.
      const edited = editedWords(corpus.docs[p.da], p.a0, p.a1, corpus.docs[p.db], p.b0, p.b1)
      // Nor is a pair one where one side negates what both say (polarity.ts), nor two alike but
      // for opposite words (opposites.ts; an edited one too: "Return True if the queue is empty"
      // and "... is full" are two methods' docstrings), nor two that cite
      // different reference numbers (cited-numbers.ts), nor two that point at different addresses
      // (addresses.ts), nor two that say one template of different code (code-names.ts) or of
      // different named things (named-slots.ts).
      if (!edited && saysOpposite(corpus.docs[p.da], p.a0, p.a1, corpus.docs[p.db], p.b0, p.b1, corpus.lexicon.surfaces)) continue
      if (sayOpposites(corpus.docs[p.da], p.a0, p.a1, corpus.docs[p.db], p.b0, p.b1, words.opposites)) continue
      if (!edited && citeOthers(corpus.docs[p.da], p.a0, p.a1, corpus.docs[p.db], p.b0, p.b1)) continue
      if (!edited && pointElsewhere(corpus.docs[p.da], p.a0, p.a1, corpus.docs[p.db], p.b0, p.b1)) continue
      // (Read over the pair's whole sentences: what a sentence is about is the code it names,
      // often at its start, where its passage may begin after it: "The following ``put-item``
      // example adds a new item to the table" / "The following ``update-item`` example updates an
      // item in the table", the AWS CLI's examples.)
      if (
        !edited &&
        nameOtherCode(
          corpus.docs[p.da],
          ...sentencesOf(sentences[p.da], p.a0, p.a1),
          corpus.docs[p.db],
          ...sentencesOf(sentences[p.db], p.b0, p.b1),
        )
      )
        continue
      if (!edited && nameOtherThings(corpus.docs[p.da], p.a0, p.a1, corpus.docs[p.db], p.b0, p.b1, unknownWord)) continue
      // Nor one that shares only the words of a house formula (boilerplate.ts), nor two headings
      // (headingOnly), nor one with a contents entry (next-item.ts contentsEntry): a section's
      // title, pointed to, which says nothing of it ("[Getting the source code of a
      // node](#...)" / "To get the source code of an AST node, I recommend asttokens", a reviewer).
      // An entry's target is no word either (nonwords.ts ANCHOR).
      if (!edited && restatesPrintedOnly(corpus.docs, printed, p.da, p.a0, p.a1, p.db, p.b0, p.b1)) continue
      if (!edited && headingOnly(corpus.docs[p.da], p.a0, p.a1) && headingOnly(corpus.docs[p.db], p.b0, p.b1)) continue
      // Nor one with a manual page's SYNOPSIS or SEE ALSO, nor two pages' NAME lines (callsOrNames).
      if (!edited && callsOrNames(corpus.docs[p.da], p.a0, corpus.docs[p.db], p.b0)) continue
      if (!edited && (onOneLine(corpus.docs[p.da], p.a0, p.a1, contentsEntry) || onOneLine(corpus.docs[p.db], p.b0, p.b1, contentsEntry)))
        continue
      // Nor two lines of a program's output (outputOnly), nor a side on lines of code (code-lines.ts).
      if (!edited && outputOnly(corpus.docs[p.da], p.a0, p.a1) && outputOnly(corpus.docs[p.db], p.b0, p.b1)) continue
      if (!edited && (onCodeLines(corpus.docs[p.da], p.a0, p.a1) || onCodeLines(corpus.docs[p.db], p.b0, p.b1))) continue
      if (inPairs) {
        widenedCovered.push(over!)
        continue
      }
      // Nor two that name different versions (cited-numbers.ts), where the pass found them in
      // other words, not across a pair kept (widened-pairs.ts).
      if (!edited && !over && nameOtherVersions(corpus.docs[p.da], p.a0, p.a1, corpus.docs[p.db], p.b0, p.b1)) continue
      // Or the same clauses in another order (order.ts reorderedWords): near-verbatim too, though
      // the filters above read it as a restatement (a clause moved is no word changed).
      const reordered = !edited && reorderedWords(corpus.docs[p.da], p.a0, p.a1, corpus.docs[p.db], p.b0, p.b1)
      const copied = edited || reordered
      const similarity = copied ? measure.similarity : p.cosine
      // Its words named side by side as its passages are shown: the document given first, first.
      const [x, y] = givenFirst(corpus, p.da, p.db) ? [p.da, p.db] : [p.db, p.da]
      const [x0, x1, y0, y1] = x === p.da ? [p.a0, p.a1, p.b0, p.b1] : [p.b0, p.b1, p.a0, p.a1]
      const read = synonymsUsed(corpus, words, x, x0, x1, y, y0, y1)
      // (Claims only where not edited: the clauses of a copy moved are a claim's, and their
      // words in common are listed as a restatement's.)
      const common = wordsInCommon(corpus, x, x0, x1, y, y0, y1, !edited)
      if (over) widened.set(paraphrases.length, over)
      paraphrases.push(
        { doc: p.da, start: p.a0, end: p.a1 },
        { doc: p.db, start: p.b0, end: p.b1 },
        {
          shared: measure.shared,
          similarity: copied ? measure.dice : p.cosine,
          verbatim: measure.verbatim,
          kind: KIND_RANK[copied ? 'variant' : 'paraphrase'],
          score: measure.weighted * similarity,
          because: [
            ...[...new Set([...abbreviations(x, x0, x1, y, y0, y1), ...abbreviations(y, y0, y1, x, x0, x1)])].map(
              (a) => `abbreviation ${a} read as the words it stands for`,
            ),
            ...(p.list ? [SAME_ITEMS] : []),
            ...(reordered ? [REORDERED] : []),
            ...listReason(SYNONYMS, read.synonyms),
            ...listReason(FORMS, [...read.forms, ...common.forms]),
            ...listReason(IN_COMMON, common.alike),
          ],
        },
      )
    }
    for (const e of findEvents(corpus, sentences)) {
      if (covered(e.da, e.a0, e.a1, e.db) && covered(e.db, e.b0, e.b1, e.da)) continue
      const measure = measurer.measure(e.da, e.a0, e.a1, e.db, e.b0, e.b1)
      paraphrases.push(
        { doc: e.da, start: e.a0, end: e.a1 },
        { doc: e.db, start: e.b0, end: e.b1 },
        { ...valuesOf(measure, 'paraphrase'), because: e.because },
      )
    }
  }

  // A restatement each of whose pairs lies across a pair kept is those pairs read to its
  // sentences, kept pairs (widened-pairs.ts): an edited copy unless the pairs it lies across are loose.
  const keepWidened = ({ kind, ...widened }: Widened): void => {
    for (const { a, b } of sectionPairs(corpus.docs, widened)) {
      const measure = measurer.measure(a.doc, a.start, a.end, b.doc, b.start, b.end)
      const read = KINDS[kind] === 'paraphrase' ? 'paraphrase' : kindOf(measure, () => true)
      pairTable.push(a, b, keptValues(corpus, measure, read, a, b))
    }
  }
  const restated = keptWidened(
    partedByNames(clusterPairs(paraphrases), paraphrases, corpus.docs, (i) => KINDS[paraphrases.kind(i)] === 'paraphrase', unknownWord),
    widened,
    keepWidened,
  )
  widenedCovered.forEach(keepWidened)
  // And one passage of each group of copies among a restatement's (restated-copies.ts; the pairs
  // read by document only where a restatement has three passages or more: none of a large
  // corpus's, which the paraphrase pass does not read).
  const restatements = restated.some((c) => c.passages.length >= 3)
    ? oneOfEachCopy(restated, paraphrases, (i) => KINDS[paraphrases.kind(i)] === 'paraphrase', new AlignedSpans(pairTable), pairTable)
    : restated
  run.phase('cluster', pairTable.length + paraphrases.length)
  const sentenceEdges = new SentenceEdges(corpus.docs)
  const copiesOf = new Map<number, number[]>()
  for (const group of duplicates) copiesOf.set(group[0], group.slice(1))
  const drafts: Draft[] = []
  const pairCount = pairTable.length + restatements.reduce((sum, c) => sum + c.pairs.length, 0)
  // An overlap is one of two documents at least, reference texts aside.
  const real = (drafts: Draft[]): Draft[] =>
    drafts.filter((d) => {
      const docs = new Set(d.passages.filter((p) => !reference[p.doc]).map((p) => p.doc))
      return docs.size >= 2
    })
  // The overlaps drafted from the pairs kept, which the restatements are read against.
  let keptOverlaps: Draft[] = []
  for (const list of [pairTable, paraphrases]) {
    // (No restatement of two passages an overlap of the pairs kept holds side by side:
    // linked-restatements.ts.)
    let clusters =
      list === pairTable ? clusterPairs(list) : withoutLinked(restatements, list, (i) => KINDS[list.kind(i)] === 'paraphrase', keptOverlaps)
    // An overlap of pairs that only read a document's repetition of itself across another that
    // shares its text is none (cross-aligned.ts).
    // Nor is one text an overlap with another it holds through loose pairs only (bridged.ts).
    if (list === pairTable) {
      const cross = crossAligned(list)
      clusters = withoutBridges(
        clusters.filter((c) => !c.pairs.every((i) => cross[i])),
        list,
        corpus.docs,
      )
    }
    // Reused text: each passage reaches as far as another passage of its overlap goes on alike,
    // overlaps of the same words in no common document are one (same-text.ts), an overlap that
    // another goes on from, an edit having parted its pairs in one document, is part of it
    // (continued.ts), an overlap inside a longer one is found in all the longer one's documents
    // (nesting.ts), and no passage starts or ends on a word or two of another sentence
    // (dangling-edges.ts).
    let nested: NestedPassages = { verbatim: new Uint32Array(clusters.length), edited: new Uint32Array(clusters.length) }
    if (list === pairTable) {
      const aligned = new AlignedSpans(list)
      for (const c of clusters) c.passages = extendAlike(c.passages, corpus.docs, aligned)
      clusters = joinContinued(joinSameText(clusters, corpus.docs), startsWithCopy(corpus.docs), successionIn(corpus.docs))
      nested = nestClusters(clusters, corpus.docs)
      for (const c of clusters) c.passages = withoutDanglingEdges(c.passages, corpus.docs, minWords)
    }
    // No passage stops short of the negation that governs it (negated-edges.ts).
    for (const c of clusters) c.passages = withGoverningNegations(c.passages, corpus.docs, corpus.lexicon)
    // Overlaps of the same documents and most of the same passages are one (twins.ts).
    if (list === pairTable) {
      const twins = joinTwins(clusters)
      const sum = (counts: Uint32Array) => Uint32Array.from(twins.members, (m) => m.reduce((total, ci) => total + counts[ci], 0))
      nested = { verbatim: sum(nested.verbatim), edited: sum(nested.edited) }
      clusters = twins.clusters
    }
    clusters.forEach((c, ci) => {
      let top = c.pairs[0]
      // A passage found through a longer overlap is a verbatim match with the one read through it,
      // or a near-verbatim one when found as an edited copy.
      const pairKinds: Record<OverlapKind, number> = { verbatim: nested.verbatim[ci], variant: nested.edited[ci], paraphrase: 0 }
      for (const i of c.pairs) {
        if (list.score(i) > list.score(top)) top = i
        pairKinds[KINDS[list.kind(i)]]++
      }
      let kind: OverlapKind = 'verbatim'
      for (const k of KINDS) if (pairKinds[k] > pairKinds[kind]) kind = k
      // Every passage in the searched copy of a duplicate document is in each of its copies too.
      const passages: PairPassage[] = []
      for (const p of c.passages) {
        passages.push(p)
        for (const copy of copiesOf.get(p.doc) ?? []) passages.push({ doc: copy, start: p.start, end: p.end })
      }
      passages.sort((x, y) => x.doc - y.doc || x.start - y.start)
      // Verbatim or near-verbatim as a reader compares the passages, whatever the pairs clustered
      // into them were (closeKind; a reviewer: two READMEs' option lists, one inserting a whole
      // option, were "verbatim" from one verbatim and one near-verbatim pair).
      const own = c.passages.filter((p) => !reference[p.doc])
      // Found as restatements, with an edited copy among its pairs, an overlap is near-verbatim
      // where each passage is a copy of one of them, a few words changed (order.ts editedAround):
      // its pairs were judged one by one, and two copies edited in different words read as a
      // restatement of each other.
      if (kind === 'paraphrase' && pairKinds.variant > 0 && editedAround(own, corpus.docs)) kind = 'variant'
      let close = kind === 'paraphrase' ? undefined : closeKind(own, corpus.docs)
      if (close) kind = close.kind
      // The passages at the edges shown (shownEdges), which the figures below describe.
      let edged = shownEdges(passages, kind, corpus.docs, reference, sentenceEdges)
      // (A verbatim overlap's pair from closeKind is the stretch two passages share, no passage of
      // its own. By a map, not a search: an overlap of a licence has thousands of passages.)
      const place = new Map(passages.map((p, i) => [p, i]))
      const edgedOf = (p: PairPassage): PairPassage => edged[place.get(p) ?? -1] ?? p
      // And as a reader compares the passages shown: copies whose edges differed as matched may
      // be the same words once cut at the same item or sentence (a reviewer of systemd's pages:
      // seven passages "Default Dependencies The following dependencies are added unless
      // DefaultDependencies=no is set", all alike, said to be near-verbatim), or differ where
      // one was cut and another not. A kind so changed is shown at its own edges (only a
      // near-verbatim overlap's reach their sentences' ends, sentence-tails.ts), and kept where
      // its passages read so there too.
      const shownClose = close && closeKind(own.map(edgedOf), corpus.docs)
      if (shownClose && shownClose.kind === kind) close = shownClose
      else if (shownClose) {
        const again = shownEdges(passages, shownClose.kind, corpus.docs, reference, sentenceEdges)
        const confirmed = closeKind(
          own.map((p) => again[place.get(p) ?? -1] ?? p),
          corpus.docs,
        )
        if (confirmed?.kind === shownClose.kind) [edged, close, kind] = [again, confirmed, confirmed.kind]
      }
      // Its pairs counted as the kinds they read as at those edges, as the overlap's kind is
      // (kindsAsShown).
      const holder = holding(c.passages)
      const pairRanks = close
        ? kindsAsShown(kind, c.pairs, list, c.passages, holder, edgedOf, reference, corpus.docs, pairKinds, {
            verbatim: nested.verbatim[ci],
            edited: nested.edited[ci],
          })
        : c.pairs.map((i) => list.kind(i))
      // Ranked by its best pair; described (shared words, similarity) by its best pair of the
      // kind it is said to be, so that a verbatim overlap is not shown "similarity 0.546" from
      // one of its variant pairs (a reviewer, cp/install/mv). Where no pair matched is of that
      // kind (its passages read as verbatim or near-verbatim by closeKind), by the pair closeKind
      // read, measured; else by its best.
      let shown = -1
      c.pairs.forEach((i, k) => {
        if (KINDS[pairRanks[k]] === kind && (shown < 0 || list.score(i) > list.score(shown))) shown = i
      })
      let measure: BestPair['measure']
      if (shown < 0 && close) {
        const [a, b] = close.pair.map(edgedOf)
        measure = figuresOf(measurer.measure(a.doc, a.start, a.end, b.doc, b.start, b.end))
      } else {
        if (shown < 0) shown = top
        measure = { shared: list.shared(shown), similarity: list.similarity(shown) }
        // Measured on the passages the overlap holds: a reused pair's passages have grown or
        // been cut since it was matched (extend.ts, nesting.ts, dangling-edges.ts,
        // negated-edges.ts), and its figures were of the words matched (a reviewer: "17 shared
        // words" beside two passages of 16, "The groups" cut). A paraphrase the paraphrase pass
        // found keeps its pair's figures: its similarity is a cosine of another reading
        // (paraphrase.ts); the pass's near-verbatim pairs (editedWords) are measured.
        const measured = list === pairTable || kind !== 'paraphrase'
        const [a, b] = measured ? [holder(list, 2 * shown), holder(list, 2 * shown + 1)] : []
        // (A side in a reference text, which is not shown, keeps the figures as matched.)
        if (a && b && !reference[a.doc] && !reference[b.doc]) {
          const x = edgedOf(a)
          const y = edgedOf(b)
          measure = figuresOf(measurer.measure(x.doc, x.start, x.end, y.doc, y.start, y.end))
        }
      }
      // Ranked by what the texts say: the weight of the words in links and e-mail addresses
      // counts for nothing (see Overlap.score).
      const linkShare =
        list === pairTable
          ? (linkWeightShare(corpus.docs[list.doc(2 * top)], list.start(2 * top), list.end(2 * top), weights) +
              linkWeightShare(corpus.docs[list.doc(2 * top + 1)], list.start(2 * top + 1), list.end(2 * top + 1), weights)) /
            2
          : 0
      const best: BestPair = { score: list.score(top) * (1 - linkShare), measure }
      // (The pairs' reasons in the order of their passages as given, whatever order they were found in.)
      const placed = (i: number) => Math.min(corpus.given?.[list.doc(2 * i)] ?? 0, corpus.given?.[list.doc(2 * i + 1)] ?? 0)
      // (Only the pairs that give reasons are sorted: most give none, and an overlap of a licence
      // has thousands of pairs.)
      const giving = c.pairs.filter((i) => list.because(i) !== undefined)
      const because = reasonsOf(giving.sort((i, j) => placed(i) - placed(j) || i - j).flatMap((i) => list.because(i)!))
      // Nor is an edited copy one whose passages declare different functions in one template
      // (declarations.ts): atof's prototype and strlen's.
      if (kind === 'variant' && declareOtherThings(own.map(edgedOf), corpus.docs)) return
      // Nor one that, at the edges shown, would not have been kept: fewer than minWords shared and
      // not alike enough for an edited copy (VARIANT_SIMILARITY), what the words cut at its edges
      // (the next item's, shownEdges) had carried. Two of git's merge trailers, "(merge 90dce21eb0
      // jk/push-options-via-transport-fix later to maint)." and "(merge 5221048092
      // ag/rev-parse-all-exclude-fix later to maint).", kept with the next item's "* git
      // send-email" both notes have, were near-verbatim of four words (a tester of git's release
      // notes); a verbatim one is shared text whatever its length.
      if (kind === 'variant' && list === pairTable && measure.shared < minWords && measure.similarity < VARIANT_SIMILARITY) return
      drafts.push({
        passages,
        shown: edged,
        best,
        kind,
        pairKinds,
        duplicate: false,
        ...(c.likeness ? { likeness: true as const } : {}),
        ...(printedText(c.passages, corpus.docs, printed, reference) ? { printed: true as const } : {}),
        // (Of the passages shown: a stray word of the section before, "2 if trouble.", is not.)
        ...(furnitureOnly(own.map(edgedOf), corpus.docs) ? { furniture: true as const } : {}),
        ...(because.length ? { because } : {}),
        ...(close?.differs ? { differs: [edgedOf(close.pair[0]), edgedOf(close.pair[1])] } : {}),
      })
    })
    if (list === pairTable) keptOverlaps = real(drafts)
    // Clustered: the pairs are let go (each overlap keeps its best), not held through variants.
    list.clear()
  }
  for (const group of duplicates) {
    const [first, ...copies] = group
    const last = corpus.docs[first].surface.length - 1
    const measure = measurer.measure(first, 0, last, copies[0], 0, last)
    const whole = (doc: number): PairPassage => ({ doc, start: 0, end: last })
    const best: BestPair = { measure: figuresOf(measure), score: measure.weighted * measure.similarity }
    const pairKinds = { verbatim: copies.length, variant: 0, paraphrase: 0 }
    const passages = group.map(whole)
    drafts.push({
      passages,
      shown: shownEdges(passages, 'verbatim', corpus.docs, reference, sentenceEdges),
      best,
      kind: 'verbatim',
      pairKinds,
      duplicate: true,
    })
  }
  // Only the variants are left, which read surface forms and offsets: the match ids and content
  // positions (a third of the corpus's arrays) are let go.
  for (const doc of corpus.docs) {
    doc.match = RELEASED
    doc.content = RELEASED
    doc.contentBlocks = RELEASED
  }
  const kept = real(drafts)
  kept.sort(
    (x, y) =>
      y.best.score - x.best.score ||
      KIND_RANK[x.kind] - KIND_RANK[y.kind] ||
      x.passages[0].doc - y.passages[0].doc ||
      x.passages[0].start - y.passages[0].start,
  )
  // An overlap inside another is not listed again (contained.ts), nor one shown as another
  // listed before it is (shownTwice: the passages a reader sees, reference texts' aside).
  const inner = containedOverlaps(kept)
  const outer = kept.filter((_, k) => !inner[k])
  const shown = outer.map((d) => d.shown.filter((p) => !reference[p.doc]))
  const again = shownTwice(shown)
  // Nor is a paraphrase listed that is shown inside another overlap: as clustered, its passages
  // reached past the other's, and cut at their sentences (shownEdges) they were the same
  // passages, the BSD and MIT licences' disclaimers near-verbatim and again as a paraphrase (a
  // tester: both listed, of the same three documents).
  const insideShown = outer.some((d) => d.kind === 'paraphrase')
    ? containedOverlaps(outer.map((d, k) => ({ ...d, passages: shown[k] })))
    : undefined
  const listed = outer.filter((d, k) => !again[k] && !(d.kind === 'paraphrase' && insideShown?.[k]))
  // Boilerplate judged among all the overlaps listed, however many are asked for (boilerplate.ts).
  const boilerplate = boilerplateOverlaps(listed, textOf, reference)
  const limited = options.limit === undefined ? listed : listed.slice(0, options.limit)
  run.end()
  return {
    drafts: limited,
    boilerplate,
    docs: corpus.docs,
    reference,
    stats: {
      documents: N,
      words: corpus.words,
      ngrams: seedStats.ngrams,
      commonNgrams: seedStats.common,
      seedPairs,
      candidates,
      pairs: pairCount,
      paraphraseSearch,
      duplicates: duplicates.reduce((sum, g) => sum + g.length - 1, 0),
    },
  }
}

/** The overlaps of `drafted`: their passages cut from the texts, the variants of their pairs. */
function variantsOf(drafted: Drafted, given: readonly number[], options: OverlapOptions, run: Run): OverlapResult {
  const { drafts: limited, docs, reference, stats } = drafted
  const maps = new Map<number, OffsetMap>()
  const mapOf = (d: number): OffsetMap => {
    let map = maps.get(d)
    if (!map) {
      map = new OffsetMap(docs[d].text)
      maps.set(d, map)
    }
    return map
  }
  run.phase('variants', limited.length)
  const memo = new DiffMemo()
  const ids = new UniqueIds()
  const overlaps: Overlap[] = []
  limited.forEach((draft, k) => {
    // Each passage (at the edges shown: shownEdges) with the marks of its first and last words.
    // (In the order the documents were given: `given`, a document's position among them.)
    const shown = draft.shown.filter((p) => !reference[p.doc]).sort((x, y) => given[x.doc] - given[y.doc] || x.start - y.start)
    // (Read once per text and span: an overlap holds a passage in each copy of a text.)
    const read = new SpanMemo(passageOffsets)
    const offsets = shown.map((p) => read.get(docs[p.doc], p.start, p.end))
    // The mark ending the sentence, where every passage ends one with the same (word-edges.ts).
    const stops = offsets.map(([, end], i) => sentenceEndAfter(docs[shown[i].doc].text, end))
    const stop = stops.every((m) => m === stops[0]) ? stops[0].length : 0
    const edges: PassageMarks[] = []
    const passages = shown.map((p, i) => {
      const doc = docs[p.doc]
      const map = mapOf(p.doc)
      const start = offsets[i][0]
      const end = offsets[i][1] + stop
      const first = doc.starts[p.start]
      const last = doc.ends[p.end]
      edges.push({
        before: doc.text.slice(start, first),
        first: map.toCodePoint(first),
        after: doc.text.slice(last, end),
        last: map.toCodePoint(last),
      })
      return { doc: doc.id, start: map.toCodePoint(start), end: map.toCodePoint(end), text: doc.text.slice(start, end) }
    })
    const variants: Variant[] = []
    const side = (i: number) => {
      const p = shown[i]
      return { doc: docs[p.doc], start: p.start, end: p.end, map: mapOf(p.doc) }
    }
    // Only pairs whose words differ: identical passages (most copies of a licence) would give one
    // "equal" step repeating both texts, nothing the passages do not say. And the two passages that
    // made the overlap near-verbatim where no compared pair shows a difference (the tenth copy of
    // ten edited, past the pairs compared: a reviewer).
    const pairs = options.variants === false ? [] : comparedPairs(passages.map((p) => p.doc))
    const compare = (i: number, j: number): void => {
      const a = side(i)
      const b = side(j)
      if (sameWords(a, b)) return
      if (!closestPart(shown, i, j, docs) || !closestPart(shown, j, i, docs)) variants.push({ a: i, b: j, changes: null, apart: true })
      else variants.push(toPassageEdges(variantOf(i, j, a, b, memo), passages[i], edges[i], passages[j], edges[j]))
    }
    for (const [i, j] of pairs) compare(i, j)
    // (Where the compared pairs all agree only: beside pairs that differ, it was listed as a
    // variant more, of passages no compared pair sets side by side; a tester: 64 of 1,691
    // overlaps.)
    if (draft.differs && pairs.length && variants.length === 0) {
      const [i, j] = draft.differs.map((p) => shown.indexOf(p)).sort((x, y) => x - y)
      if (i >= 0 && !pairs.some(([x, y]) => x === i && y === j)) compare(i, j)
    }
    run.tick(k)
    const boilerplate = drafted.boilerplate[k] === 1
    const overlap: Overlap = {
      id: ids.of(overlapId(passages)),
      score: round(draft.best.score),
      kind: draft.kind,
      pairKinds: draft.pairKinds,
      words: draft.best.measure.shared,
      similarity: round(draft.best.measure.similarity),
      boilerplate,
      ...(draft.duplicate ? { duplicate: true } : {}),
      ...(draft.likeness ? { likeness: true as const } : {}),
      ...(draft.because ? { because: draft.because } : {}),
      passages,
      variants,
    }
    if (options.onOverlap) options.onOverlap(overlap, k, limited.length)
    else overlaps.push(overlap)
  })
  run.end()
  return { overlaps, stats }
}

/**
 * How many times as like another passage in words one of a document's passages must be as
 * another of them for that other to be a different part of the text (closestPart). Copies of one
 * text a document holds twice differ by a few words and are each compared; a licence's
 * conditions against its disclaimer share a quarter of their words, the disclaimers nine tenths.
 */
export const OTHER_PART_RATIO = 2

/**
 * Whether passage i of an overlap (`passages`, shown) is the part of its text that passage j is:
 * no other passage of i's document there is OTHER_PART_RATIO times as like j in words (their
 * surface forms as bags, Dice). A document holds a text in pieces where another has it whole (a
 * BSD licence's conditions and its disclaimer, a clause of its own between), or twice; each
 * piece is compared with the part of another passage it is: its conditions, compared with
 * another's disclaimer, were "equal 'provided' ... 'copyright'" and the rest replaced (a reviewer
 * of npm packages' licences). Such a pair is listed apart (Variant.apart), not diffed.
 */
export function closestPart(passages: readonly PairPassage[], i: number, j: number, docs: readonly AnalysedDocument[]): boolean {
  const doc = passages[i].doc
  let several = false
  for (let k = 0; k < passages.length && !several; k++) several = k !== i && passages[k].doc === doc
  if (!several) return true
  const likeness = surfaceDice(docs, passages[i], passages[j])
  for (let k = 0; k < passages.length; k++)
    if (k !== i && passages[k].doc === doc && surfaceDice(docs, passages[k], passages[j]) >= OTHER_PART_RATIO * likeness) return false
  return true
}

/** Dice of two passages' tokens as bags of surface forms (lexicon ids). */
function surfaceDice(docs: readonly AnalysedDocument[], x: PairPassage, y: PairPassage): number {
  const counts = new Map<number, number>()
  const X = docs[x.doc]
  const Y = docs[y.doc]
  for (let t = x.start; t <= x.end; t++) counts.set(X.surface[t], (counts.get(X.surface[t]) ?? 0) + 1)
  let shared = 0
  for (let t = y.start; t <= y.end; t++) {
    const n = counts.get(Y.surface[t]) ?? 0
    if (n === 0) continue
    shared++
    counts.set(Y.surface[t], n - 1)
  }
  return (2 * shared) / (x.end - x.start + 1 + y.end - y.start + 1)
}

/**
 * Seeds (ngrams.ts) chained into candidates (chain.ts), and what later stages need of the seeds.
 * The seed pairs themselves (16 bytes a seed, millions at corpus scale) are let go on return,
 * before anything is aligned.
 */
function seedAndChain(
  corpus: AnalysedCorpus,
  params: SeedParams & { n: number },
  minWords: number,
  run: Run,
): { regions: RegionList; seedStats: Seeds['stats']; seedPairs: number; common: Uint8Array[]; printed: Uint8Array[] } {
  const seeds = findSeeds(corpus, params, run)
  const regions = chainSeeds(seeds, params.n, run, corpus.docs, minWords)
  return { regions, seedStats: seeds.stats, seedPairs: seeds.count, common: seeds.common, printed: seeds.printed }
}

/**
 * Whether tokens [t0, t1] of `doc` lie on one heading its markup makes one (next-item.ts
 * markedHeading). A heading names what follows it; two that share words ("**Example 3: To create
 * a VPN connection**", "**Example 2: To describe your available VPN connections**") are the
 * titles of two examples, not one claim said twice (a reviewer of the AWS command line's
 * examples), so a paraphrase is never of two headings.
 */
function headingOnly(doc: AnalysedDocument, t0: number, t1: number): boolean {
  return onOneLine(doc, t0, t1, markedHeading)
}

/**
 * Share of a paraphrase side's tokens, at least, that are no words (nonwords.ts: numbers,
 * quantities, options, identifiers, paths) for it to be a program's output, not a claim: tc's
 * pages print "Sent 245801662 bytes 275853 pkt (dropped 0, overlimits 0 requeues 24)" after
 * each example, and twelve such lines were a paraphrase of each other, "similarity 1" (a
 * reviewer). A fifth would also take "-h, --human-readable print sizes in human readable format
 * (e.g., 1K 234M 2G)" against "with -l and -s, print sizes like 1K 234M 2G etc" (ls and du, a
 * fifth and a third of their tokens), which restate each other; on 36 corpora a third takes the
 * output lines only.
 */
export const MIN_OUTPUT_SHARE = 1 / 3

/** Whether tokens [t0, t1] of `doc` are MIN_OUTPUT_SHARE no words at least (see there). */
function outputOnly(doc: AnalysedDocument, t0: number, t1: number): boolean {
  const marks = nonWordTokensIn(doc, t0, t1)
  let none = 0
  for (const mark of marks) if (mark) none++
  return none >= MIN_OUTPUT_SHARE * marks.length
}

/** Whether tokens [t0, t1] of `doc` lie on one line, of which `line` says yes (of its first token). */
function onOneLine(doc: AnalysedDocument, t0: number, t1: number, line: (doc: AnalysedDocument, t: number) => boolean): boolean {
  if (!line(doc, t0)) return false
  for (let t = t0 + 1; t <= t1; t++) if (doc.text.slice(doc.ends[t - 1], doc.starts[t]).includes('\n')) return false
  return true
}

/**
 * An overlap's passages (sorted by document and start) at the edges a reader is shown: a
 * paraphrase's from a whole written word, a close copy's from and to whole written words, none from
 * or to a piece of an identifier (word-edges.ts), a near-verbatim copy's to their sentences' ends where they all stop a few
 * words short (sentence-tails.ts), a verbatim copy's too where the words they stop short of differ
 * (verbatimTails), none but a paraphrase's on function words of another sentence
 * (dangling-edges.ts withoutFunctionWordEdges) or the next item's first words (next-item.ts), nor
 * inside a path or web address (word-edges.ts wholeAddressAtEnd), nor on a line's part of another
 * item's links or of tags (link-edges.ts).
 * Each passage in the same place; those in reference texts (not shown) as they
 * are. Done before the overlap's figures are taken, so that they describe the passages shown.
 */
function shownEdges(
  passages: PairPassage[],
  kind: OverlapKind,
  docs: readonly AnalysedDocument[],
  reference: readonly boolean[],
  sentenceEdges: SentenceEdges,
): PairPassage[] {
  const at: number[] = []
  for (let i = 0; i < passages.length; i++) if (!reference[passages[i].doc]) at.push(i)
  // Each span's edges read once per text (an overlap holds a passage in each copy of a text).
  const edges = new SpanMemo(kind === 'paraphrase' ? paraphraseEdges : wholeWritten)
  const found = at.map((i) => {
    const p = passages[i]
    const [start, end] = edges.get(docs[p.doc], p.start, p.end)
    return { doc: p.doc, start, end }
  })
  const whole = wholeRoles(
    wholeIdentifiers(found, (p) => docs[p.doc], kind !== 'paraphrase'),
    docs,
  )
  const tailed = kind === 'variant' ? insertedHeads(sentenceTails(whole, sentenceEdges), docs) : whole
  if (kind === 'paraphrase') return moved(passages, at, tailed)
  const cut = withoutNextItems(withoutFunctionWordEdges(tailed, docs), docs)
  // A verbatim copy's at the sentence the next item's words are cut from (a case-folded "-O"
  // read as "-o", the option after the one the pages share, went on to its name).
  // (Taken to whole identifiers again: a sentence's end read inside one, "gtk_wi-" at a line's end.)
  const read = kind === 'verbatim' ? wholeIdentifiers(verbatimTails(cut, sentenceEdges, docs), (p) => docs[p.doc], true) : cut
  // (And not on a line's part of links or tags: the next item's commit link, link-edges.ts.
  // Read once per text and span, as the edges above.)
  const linkless = new SpanMemo((doc: AnalysedDocument, start: number, end: number) =>
    withoutLinkEdges(doc, ...wholeAddressAtEnd(doc, start, end)),
  )
  const shown = read.map((p) => {
    const [s, e] = linkless.get(docs[p.doc], p.start, p.end)
    return s === p.start && e === p.end ? p : { doc: p.doc, start: s, end: e }
  })
  return moved(passages, at, apartInDocuments(shown))
}

/**
 * `shown` with each passage that runs into the next one of its document (the next to start
 * there, ending after it) cut before that one starts. Passages of one document in one overlap lie
 * apart as clustered (cluster.ts joins those that overlap), and the edges read on each alone can
 * make them meet: a licence notice's passage went on with the two words "On Debian" of the
 * sentence the next passage starts with, and those words were listed twice in the overlap (a
 * tester of Debian's copyright files). The same array where none does.
 */
export function apartInDocuments<P extends PairPassage>(shown: readonly P[]): readonly P[] {
  let out: P[] | undefined
  const order = shown.map((_, i) => i).sort((x, y) => shown[x].doc - shown[y].doc || shown[x].start - shown[y].start)
  for (let k = 0; k + 1 < order.length; k++) {
    const p = shown[order[k]]
    // The next to start in p's document after p does (passages that start together are passed).
    let n = k + 1
    while (n < order.length && shown[order[n]].doc === p.doc && shown[order[n]].start === p.start) n++
    const next = n < order.length ? shown[order[n]] : undefined
    if (!next || next.doc !== p.doc || p.end < next.start || p.end >= next.end) continue
    out ??= [...shown]
    out[order[k]] = { ...p, end: next.start - 1 }
  }
  return out ?? shown
}

/** `passages` with those at `at` (indices) as `shown` has them (in that order), the same array where none moved. */
function moved(passages: PairPassage[], at: readonly number[], shown: readonly PairPassage[]): PairPassage[] {
  // A passage not moved is the same object, and an overlap none of whose passages moved the same
  // array: a corpus's drafts hold both.
  let out: PairPassage[] | undefined
  at.forEach((i, k) => {
    if (shown[k].start === passages[i].start && shown[k].end === passages[i].end) return
    out ??= [...passages]
    out[i] = shown[k]
  })
  return out ?? passages
}

/** Tokens [t0, t1] of `doc` (a paraphrase's) from a whole written word, reaching over the code spans at their edges (shownEdges). */
function paraphraseEdges(doc: AnalysedDocument, t0: number, t1: number): [number, number] {
  return wholeCodeSpans(doc, ...wholeWords(doc, t0, t1))
}

/**
 * What an overlap shows of a pair of its passages measured: the words they share, and the share
 * of their words in common (PairMeasure.dice), not the weighted similarity its kind and score are
 * judged by (see Overlap.similarity).
 */
function figuresOf(measure: PairMeasure): BestPair['measure'] {
  return { shared: measure.shared, similarity: measure.dice }
}

/**
 * Passages found through a longer overlap (nesting.ts), at most, compared with as many of the
 * passages of an overlap's pairs, each, when their kinds are counted as shown (kindsAsShown).
 */
const NESTED_COMPARED = 4

/**
 * The kinds of the pairs of a close overlap (verbatim or near-verbatim as a reader compares its
 * passages: closeKind) as its passages are shown (`shownOf`: shownEdges), written into
 * `counts` (its pairKinds), and per pair of `pairs`, its kind (KIND_RANK). Matched, a pair's
 * passages were the words aligned; shown, they are cut at sentences and items, or widened to a
 * whole identifier, and an overlap whose passages differ only there ("ctest_memcheck(" /
 * "ctest_test(" before the same signature, matched from "BUILD" on) was near-verbatim "in 0 of
 * 9 pairs, verbatim in 9" (a reviewer of CMake's help; 153 of the copyright files' overlaps).
 * So a pair is verbatim where its two passages shown are one stretch of the same words
 * (sameStretch), near-verbatim where not; every pair of a verbatim overlap is verbatim (each
 * passage is the stretch of the first). A pair found as a paraphrase, or with a side in a
 * reference text, keeps its kind as matched. A passage found through a longer overlap (`nested`,
 * counted as one pair each) is verbatim where it is the same stretch as one of the first
 * NESTED_COMPARED passages of the pairs in other documents, when those passages (the passages no
 * pair holds) are as many as counted; else they keep their kinds as found.
 */
function kindsAsShown(
  kind: OverlapKind,
  pairs: readonly number[],
  list: PairTable,
  passages: readonly PairPassage[],
  holder: (pairs: PairSides, e: number) => PairPassage | undefined,
  shownOf: (p: PairPassage) => PairPassage,
  reference: readonly boolean[],
  docs: readonly AnalysedDocument[],
  counts: Record<OverlapKind, number>,
  nested: { verbatim: number; edited: number },
): number[] {
  for (const k of KINDS) counts[k] = 0
  const held = new Set<PairPassage>()
  const same = (a: PairPassage, b: PairPassage): boolean => {
    if (a === b || kind === 'verbatim') return true
    const x = shownOf(a)
    const y = shownOf(b)
    return !!sameStretch(docs[x.doc], x.start, x.end, docs[y.doc], y.start, y.end)
  }
  const ranks = pairs.map((i) => {
    const a = holder(list, 2 * i)
    const b = holder(list, 2 * i + 1)
    let rank = list.kind(i)
    if (a && b && KINDS[rank] !== 'paraphrase' && !reference[a.doc] && !reference[b.doc]) {
      held.add(a)
      held.add(b)
      rank = KIND_RANK[same(a, b) ? 'verbatim' : 'variant']
    }
    counts[KINDS[rank]]++
    return rank
  })
  const found = passages.filter((p) => !held.has(p) && !reference[p.doc])
  if (found.length !== nested.verbatim + nested.edited || (found.length > 0 && held.size === 0)) {
    counts.verbatim += nested.verbatim
    counts.variant += nested.edited
    return ranks
  }
  for (const p of found) {
    let compared = 0
    let alike = false
    for (const h of held) {
      if (h.doc === p.doc) continue
      if ((alike = same(p, h)) || ++compared >= NESTED_COMPARED) break
    }
    counts[alike ? 'verbatim' : 'variant']++
  }
  return ranks
}

/**
 * The passage of `passages` that holds a side of a pair (PairSides, side e): the one of its
 * document that shares the most tokens with it, the first of those that share as many (a
 * cluster may hold several passages of one document); undefined where none does. Made once for
 * an overlap's passages, each side is looked for by a binary search among those of its document
 * (an overlap of a licence has thousands of passages and pairs: each side read against all of
 * them, kindsAsShown took 15 s of the changelogs' run).
 */
function holding(passages: readonly PairPassage[]): (pairs: PairSides, e: number) => PairPassage | undefined {
  /** Per document, its passages' places in `passages`, by start, and the furthest end up to each. */
  const byDoc = new Map<number, { list: number[]; reach: number[] }>()
  passages.forEach((p, k) => {
    const entry = byDoc.get(p.doc)
    if (entry) entry.list.push(k)
    else byDoc.set(p.doc, { list: [k], reach: [] })
  })
  for (const entry of byDoc.values()) {
    entry.list.sort((x, y) => passages[x].start - passages[y].start || passages[x].end - passages[y].end || x - y)
    let reach = -1
    for (const k of entry.list) entry.reach.push((reach = Math.max(reach, passages[k].end)))
  }
  return (pairs, e) => {
    const entry = byDoc.get(pairs.doc(e))
    if (!entry) return undefined
    const { list, reach } = entry
    const start = pairs.start(e)
    const end = pairs.end(e)
    // The passages starting at or before the side's end, back to where none before reaches its start.
    let lo = 0
    let hi = list.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (passages[list[mid]].start <= end) lo = mid + 1
      else hi = mid
    }
    let best = -1
    let most = 0
    for (let k = lo - 1; k >= 0 && reach[k] >= start; k--) {
      const p = passages[list[k]]
      const common = Math.min(p.end, end) - Math.max(p.start, start) + 1
      if (common > most || (common === most && common > 0 && list[k] < best)) [best, most] = [list[k], common]
    }
    return best < 0 ? undefined : passages[best]
  }
}

/** A passage's marks before its first word and after its last, and where those words start and end (code points). */
interface PassageMarks {
  before: string
  first: number
  after: string
  last: number
}

/**
 * `variant` with its changes reaching its passages' edges: the marks before a passage's first
 * word and after its last (word-edges.ts) are a change of their own, equal where both passages
 * have the same, so that the changes read without the removed words are the first passage, and
 * without the added ones the second, as every reader of them takes them.
 */
function toPassageEdges(variant: Variant, a: OverlapPassage, marksA: PassageMarks, b: OverlapPassage, marksB: PassageMarks): Variant {
  if (!variant.changes?.length) return variant
  const words = variant.changes
  /**
   * The change of an edge's marks; `beside`, the change of the words next to them: marks one
   * passage has before (after) words beyond the other's edge go with those words. Beside words
   * both have, quotation marks, brackets and emphasis (QUOTING_MARKS) are compared as an equal
   * step compares them, not at all: one passage's closing quotation mark after an address the
   * other writes bare was a change of its own, a lone '"' inserted (a reviewer of the AWS command
   * line's examples: 506 of 10,935 changes on ec2's were marks alone); other marks say something
   * ("$450" and "450", a question and a statement) and stay changes. Beside words replaced, marks
   * are part of the replacement ('"pending"' by 'deleting').
   */
  const change = (aText: string, aStart: number, aEnd: number, bText: string, bStart: number, bEnd: number, beside: Change): Change[] => {
    if (!aText && !bText) return []
    const op = edgeOp(aText, bText, beside)
    const beyond = beside.beyond === true && op === beside.op
    return [{ op, a: aText, b: bText, aStart, aEnd, bStart, bEnd, ...(beyond ? { beyond } : {}) }]
  }
  let head = change(marksA.before, a.start, marksA.first, marksB.before, b.start, marksB.first, words[0])
  let tail = change(marksA.after, marksA.last, a.end, marksB.after, marksB.last, b.end, words[words.length - 1])
  // Where one passage goes on past the other's last word (first), the other's closing marks
  // (opening ones) are most often the marks the first has there too, between the words both have
  // and its own: "…fifthhorseman.net>" against "…fifthhorseman.net>, Mon". Read as they are, they
  // were a change of their own, the ">" added at the end.
  const last = words.length - 1
  /** The marks of the passage that stops short at an edge change (a delete: B's; an insert: A's). */
  const shortOf = (edge: Change, side: 'after' | 'before'): string => (edge.op === 'delete' ? marksB : marksA)[side]
  const tailAt = shortOf(words[last], 'after')
    ? sharedMarks(words[last], words[last - 1], a, b, shortOf(words[last], 'after'), 'after')
    : undefined
  const headAt = shortOf(words[0], 'before') ? sharedMarks(words[0], words[1], a, b, shortOf(words[0], 'before'), 'before') : undefined
  if (!tailAt && !headAt) return { ...variant, changes: joinedSteps([...head, ...words, ...tail]) }
  const changes = [...words]
  // The short passage's marks are the equal change found; the other's own marks at its edge, if
  // any, are its alone.
  if (tailAt) {
    // The words the short passage lacks come after its marks in it.
    changes[last] =
      words[last].op === 'delete'
        ? { ...words[last], bStart: tailAt.bEnd, bEnd: tailAt.bEnd }
        : { ...words[last], aStart: tailAt.aEnd, aEnd: tailAt.aEnd }
    changes.splice(last, 0, tailAt)
    tail =
      words[last].op === 'delete'
        ? change(marksA.after, marksA.last, a.end, '', b.end, b.end, words[last])
        : change('', a.end, a.end, marksB.after, marksB.last, b.end, words[last])
  }
  if (headAt) {
    // The words the short passage lacks come before its marks in it.
    changes[0] =
      words[0].op === 'delete'
        ? { ...words[0], bStart: headAt.bStart, bEnd: headAt.bStart }
        : { ...words[0], aStart: headAt.aStart, aEnd: headAt.aStart }
    changes.splice(1, 0, headAt)
    head =
      words[0].op === 'delete'
        ? change(marksA.before, a.start, marksA.first, '', b.start, b.start, words[0])
        : change('', a.start, a.start, marksB.before, b.start, marksB.first, words[0])
  }
  return { ...variant, changes: joinedSteps([...head, ...changes, ...tail]) }
}

/**
 * The step of an edge's marks, `aText` of one passage and `bText` of the other, beside the words'
 * change `beside` (see toPassageEdges): equal where they are the same, or quote, bracket or
 * emphasise words both have (QUOTING_MARKS); part of a replacement beside words replaced; else
 * what one has and the other lacks.
 */
function edgeOp(aText: string, bText: string, beside: Change): Change['op'] {
  if (aText === bText) return 'equal'
  if (beside.op === 'equal' && QUOTING_MARKS.test(aText) && QUOTING_MARKS.test(bText)) return 'equal'
  if (beside.op === 'replace' && !beside.moved) return 'replace'
  return !aText ? 'insert' : !bText ? 'delete' : 'replace'
}

/**
 * Changes with each run of deletes (inserts) that touch, in both texts, made one: an edge's marks
 * and the words beside them that one passage has and the other lacks are one removal, not two
 * ("--" and "exclude-first-parent-only ...", ")" after "git-branch(1": a reviewer of git's manual
 * pages found 426 changes of marks alone). Moved words and words beyond the other passage's edge
 * are joined only with their like. An edge's marks replaced join the words replaced beside them.
 */
function joinedSteps(changes: Change[]): Change[] {
  const out: Change[] = []
  /** Whether change c is the first or last of `changes`: an edge's marks (toPassageEdges). */
  const edge = (c: Change): boolean => c === changes[0] || c === changes[changes.length - 1]
  for (const c of changes) {
    const prev = out[out.length - 1]
    const joins =
      prev !== undefined &&
      (c.op === 'delete' || c.op === 'insert' || (c.op === 'replace' && (edge(prev) || edge(c)))) &&
      prev.op === c.op &&
      prev.moved === c.moved &&
      prev.beyond === c.beyond &&
      prev.aEnd === c.aStart &&
      prev.bEnd === c.bStart
    if (joins) out[out.length - 1] = { ...prev, a: prev.a + c.a, b: prev.b + c.b, aEnd: c.aEnd, bEnd: c.bEnd }
    else out.push(c)
  }
  return out
}

/**
 * Where `edge` (a pair's last change, `side` 'after'; its first, 'before') is words one passage
 * has beyond the other's (a delete: A goes on; an insert: B), and `beside` (the change next to
 * it) equal: the short passage's marks `marks` on that side, found in the long one between the
 * words both have and its own, as an equal change there; else undefined.
 */
function sharedMarks(
  edge: Change,
  beside: Change | undefined,
  a: OverlapPassage,
  b: OverlapPassage,
  marks: string,
  side: 'after' | 'before',
): Change | undefined {
  if (!beside || beside.op !== 'equal' || (edge.op !== 'delete' && edge.op !== 'insert')) return undefined
  const goesOn = edge.op === 'delete' ? a : b
  // The marks between the words both have and the first passage's own, in code points.
  const [from, to] =
    side === 'after'
      ? edge.op === 'delete'
        ? [beside.aEnd, edge.aStart]
        : [beside.bEnd, edge.bStart]
      : edge.op === 'delete'
        ? [edge.aEnd, beside.aStart]
        : [edge.bEnd, beside.bStart]
  const gap = codePointSlice(goesOn, from, to)
  if (side === 'after' ? !gap.startsWith(marks) : !gap.endsWith(marks)) return undefined
  const length = [...marks].length
  const [gapStart, gapEnd] = side === 'after' ? [from, from + length] : [to - length, to]
  // The other passage's marks: its last (first) characters.
  const [otherStart, otherEnd] =
    edge.op === 'delete'
      ? side === 'after'
        ? [b.end - length, b.end]
        : [b.start, b.start + length]
      : side === 'after'
        ? [a.end - length, a.end]
        : [a.start, a.start + length]
  return edge.op === 'delete'
    ? { op: 'equal', a: marks, b: marks, aStart: gapStart, aEnd: gapEnd, bStart: otherStart, bEnd: otherEnd }
    : { op: 'equal', a: marks, b: marks, aStart: otherStart, aEnd: otherEnd, bStart: gapStart, bEnd: gapEnd }
}

/** Code points [from, to) of a document, read from `passage` (which holds them), walking from its nearer end. */
function codePointSlice(passage: OverlapPassage, from: number, to: number): string {
  const { text } = passage
  if (from - passage.start <= passage.end - to) {
    let unit = 0
    for (let cp = passage.start; cp < from; cp++) unit += text.codePointAt(unit)! > 0xffff ? 2 : 1
    let end = unit
    for (let cp = from; cp < to; cp++) end += text.codePointAt(end)! > 0xffff ? 2 : 1
    return text.slice(unit, end)
  }
  let unit = text.length
  for (let cp = passage.end; cp > to; cp--)
    unit -= unit >= 2 && text.charCodeAt(unit - 1) >= 0xdc00 && text.charCodeAt(unit - 1) <= 0xdfff ? 2 : 1
  let start = unit
  for (let cp = to; cp > from; cp--)
    start -= start >= 2 && text.charCodeAt(start - 1) >= 0xdc00 && text.charCodeAt(start - 1) <= 0xdfff ? 2 : 1
  return text.slice(start, unit)
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000
}

/**
 * A stable id from an overlap's passages: the same passages get the same id on every run,
 * whatever order the documents are given in.
 */
function overlapId(passages: readonly OverlapPassage[]): string {
  let h = 0x9747b28c
  const sorted = [...passages].sort((x, y) => (x.doc < y.doc ? -1 : x.doc > y.doc ? 1 : x.start - y.start))
  for (const p of sorted) {
    for (let i = 0; i < p.doc.length; i++) h = mix32(h, p.doc.charCodeAt(i))
    h = mix32(h, p.start)
    h = mix32(h, p.end)
  }
  return `ov-${fmix32(h).toString(16).padStart(8, '0')}`
}

/**
 * Tokens [t0, t1] widened to the whole sentences they lie in, `starts` a document's sentence
 * starts (sentences.ts sentenceStarts: the token count last).
 */
function sentencesOf(starts: Uint32Array, t0: number, t1: number): [number, number] {
  const first = upperBound(starts, t0) - 1
  const last = upperBound(starts, t1)
  return [starts[Math.max(first, 0)], (last < starts.length ? starts[last] : starts[starts.length - 1]) - 1]
}
