import type { AlignedGap } from './aligned-gaps.js'
import { contentFrom, type AnalysedCorpus, type AnalysedDocument, negatesAt } from './analyse.js'
import type { Run } from './progress.js'
import type { SynonymClasses, WordClasses } from './synonyms.js'
import { lowerBound, upperBound } from '../text/sorted.js'
import { nonWordTokens, nonWordTokensIn } from './nonwords.js'
import { afterPrefix, prefixedMatch, prefixedWords } from './prefixes.js'
import { breaksClause, opensPurpose } from './sentences.js'
import { ownWordAt } from './tokenize.js'
import { type Item, listItems, sharedItems } from './list-items.js'
import { type Abbreviations, hyphenJoined, NO_ABBREVIATIONS, standsFor } from './abbreviations.js'
import { MIN_PLAIN_SHARED, plainSharedWords } from './names.js'
import { shownWord } from './normalise.js'
import { closesBracket, opensBracket } from './word-edges.js'
import type { ReusedSpans } from './reused-spans.js'

// Paraphrase candidates: passages of different documents that say much the same in other words.
// Abbreviations are read as the words they stand for (abbreviations.ts), and synonyms as one word
// (synonyms.ts).
// Seeds (ngrams.ts) need runs of shared words; a paraphrase shares its content words but few runs
// of them. The units compared are sentences, and within a sentence its clauses (cut at commas,
// semicolons, colons, dashes, brackets and quotation marks, and where a clause of purpose opens:
// sentences.ts opensPurpose) one to MAX_CLAUSES at a time: an author restates another's clause
// inside a longer sentence of their own ("developing NQPFs in accordance with local conditions"
// in a sentence about a plenum's document, "develop new quality productive forces according to
// local conditions" in one about a speech), which the whole sentences, mostly about other things,
// do not show. Each unit is a TF-IDF vector over the match
// forms (stems) of its content words (tfWeight), with IDF over the corpus's sentences, so words
// every sentence uses weigh little; pairs are compared by cosine, and each pair of sentences gives
// at most one pair of units, its best, its start trimmed of another claim (MAX_UNSHARED_EDGE).
// Only sentences that share several rare stems are compared at all (an inverted index over stems
// used by few sentences), and of them only the units that hold several of those stems, which
// keeps the pass near linear. Two sentences no pair of whose units restates the other may still
// list the same things, each in its own words and order: they are read as their lists' items
// (list-items.ts).
// Names do not make a paraphrase (names.ts): the units must share MIN_PLAIN_SHARED words that
// are not names. Nor do numbers or web addresses: they are left out (nonwords.ts).

/**
 * Sentences with fewer content words than this are headings or fragments, not claims. Here and
 * below, numbers and parts of addresses are not counted (nonwords.ts), and for the least sizes an
 * abbreviation counts as the words it stands for (readWords).
 */
export const MIN_SENTENCE_WORDS = 6
/** Sentences with more content words than this are lists or run-ons; cosine means little there. */
export const MAX_SENTENCE_WORDS = 80
/**
 * Content words, at most, of a sentence whose clauses and list items are compared at all. Longer
 * is no sentence but a table, a list or a file without full stops, and two of them compare every
 * unit of one with every unit of the other: two comma-separated lists of 20,000 words each kept
 * the pass at work for more than five minutes. Prose's longest sentences have a few hundred words.
 */
export const MAX_COMPARED_SENTENCE_WORDS = 2_000
/**
 * Pairs of clause units, at most, compared between two sentences (the units of each that hold
 * MIN_SHARED_STEMS of the rare stems both have). Two sentences of prose give a few thousand at
 * most (3,190, two licence notices in /usr/share/doc's READMEs; most give a few dozen); two long
 * comma-separated lists of one vocabulary give hundreds of thousands, each a cosine to compute:
 * two documents of ten such sentences (700 pairs of words each) kept the pass at work for 20 s
 * (0.6 s for the whole run with this bound and list-items.ts MAX_ITEM_PAIRS). Two lists that long
 * share their words, not a claim.
 */
export const MAX_UNIT_PAIRS = 20_000
/**
 * Content words of a clause unit (one to MAX_CLAUSES clauses of a sentence), at least and at most.
 * Four is the shortest restatement a reader marks ("develop new quality productive forces
 * according to local conditions" / "developing NQPFs in accordance with local conditions"); at
 * three, pairs of set phrases joined. Beyond twenty a unit is most of a sentence, which the
 * sentence itself stands for.
 */
export const MIN_CLAUSE_WORDS = 4
export const MAX_CLAUSE_WORDS = 20
/**
 * Consecutive clauses a unit spans, at most. A list inside a claim ("new industries, models, and
 * momentum") is cut into clauses at its commas, so a unit must reach over a few of them; each more
 * adds units (and pairs to compare) for claims that are longer than a clause and shorter than
 * their sentence.
 */
export const MAX_CLAUSES = 4
/**
 * A stem in more sentences than this proposes no candidate pairs: it is a topic word (or, in a
 * large corpus, a common one), and longer posting lists would make the pass quadratic. It still
 * counts in the cosine.
 * Its limit, on the bundled corpus: restatements that share topic words only. "Xi made the point
 * that scientific and technology innovation is the foundation for creating new productive forces
 * and that it may create new industries, models, and momentum" and "Sci-tech innovation is
 * essential to developing new quality productive forces, and can produce new industries, new
 * models and new growth drivers" share one stem used by few sentences; compared all the same,
 * their cosine is 0.15 (what they share weighs little by its IDF, what each says alone much), as
 * is "transforming traditional industries and structures" against "the digital transformation
 * and intelligent upgrading of traditional industries" (0.17). No bound on posting lists finds
 * them (48 and 100 found one more mark, and fragments), nor would a lower cosine, which sentences
 * on one subject reach (see MIN_COSINE).
 */
export const MAX_STEM_SENTENCES = 24
/**
 * Pairs of sentences, at most, compared between two passages two documents share (aligned-gaps.ts):
 * a man page's twenty sentences against its manual's thousand, the chapters the manual has between
 * two options the page gives one after the other (sed's info manual and man page: 453 sentences
 * against 6 held its "Addresses"). More are two texts that share a line here and there, far
 * apart, and comparing all their sentences in between would be as many pairs as the two texts have.
 * Its cost in precision: among thousands of pairs of two texts on one subject, chance gives short
 * clauses that share three or four of its words ("the test runner will execute ..."): such gaps
 * made 54 of the 60 false paraphrases a reviewer counted on six corpora, most in Node.js's API
 * documentation and npm READMEs. Bounding the pairs at 2,000, or asking the words of a larger
 * gap's pairs to outweigh chance (IDF above ln(pairs) + 12), also lost true restatements between
 * GNU manuals and their pages ("'-E' option enables extended regular expression" / "-E option
 * switches to using extended regular expressions": 6 of 31 such pairs).
 */
export const MAX_GAP_PAIRS = 20_000
/**
 * Work, at most, that the gaps between the passages two documents share may cost (stems counted
 * and pairs of units compared: see MAX_GAP_PAIRS), per content word of the two documents. A
 * gap's sentences are compared whatever stems they share, and two documents that share a few
 * paragraphs in order with long, comma-cut sentences of one small vocabulary between them (a
 * tester's: 40,000 words, 13 s; eight such documents, 42 s) were compared every sentence with
 * every sentence, every clause with every clause, for nothing but chance. The most that any pair
 * of documents of the 31 review corpora asked was 33 (two NEWS files: 538,509 pairs of units);
 * four times that bounds the tester's to 1.9 s and 6.3 s. Gaps past the bound are not read:
 * a pair of documents keeps what its earlier gaps found.
 */
export const GAP_WORK_PER_WORD = 128
/** Distinct rare stems two units must share before their cosine is computed. */
export const MIN_SHARED_STEMS = 3
/**
 * Distinct stems (synonyms and related forms as one, an abbreviation as the words it stands for)
 * two units share, at least, to restate each other. Three words in common, however high their
 * cosine, are as often chance as a claim. Of the 30 paraphrases that shared three on sixteen
 * corpora (GNU manuals and their pages: grep, sed, gzip, diffutils, findutils; git's, coreutils',
 * OpenSSH's, apt's, shadow's and compressors' pages; Python's reference in two versions;
 * /usr/share/common-licenses; READMEs and NEWS files of /usr/share/doc), 21 said different
 * things: "form feed, carriage return" / "carriage return and a line feed character", "return
 * value from the __exit__() method was false" / "value = enter(manager) hit_except = False" (a
 * reviewer), "change upper case to lower case" / "fold lower case to upper case", "a user group
 * will be added" / "a group will be removed". Three were halves of a claim, and six restatements
 * are lost with them: "the portion of the pattern space which was matched is replaced with
 * REPLACEMENT" / "replace that portion matched with replacement" (replace and replacement one
 * stem), "merge side by side differences" / "Side-by-side merge of differences", "skip first
 * SKIP1 bytes" / "skip the first FROM-SKIP bytes", "lines which do not match the addresses" / "if
 * the address (or address-range) does not match", "linked executable is a combined work" / "a work
 * produced by combining or linking", "the session is transparent and can be used to reliably
 * transfer binary data" / "making the connection transparent for binary data". The restatements
 * of the bundled corpus share four and more ("build a modern industrial system" / "construction
 * of a modern industrial system", build/construction one).
 * At four, precision is still low (of the paraphrases found on the review corpora that share four
 * words or fewer, their `words`, 22 were judged true, 13 partial and 38 false), and the cosine
 * tells them apart little better: asking the pairs of four stems for a cosine of 0.7 (0.65) took
 * 21 (14) false paraphrases and 8 (6) true ones, precision 52% -> 56% (54%), no mark of the
 * bundled corpus. Not taken: a restatement a reader sees lost for every two or three false ones.
 */
export const MIN_RESTATED_STEMS = 4
/**
 * Least cosine for a paraphrase of whole sentences. Sentences on one subject by different authors
 * score 0.2-0.35 (same topic words, different claims); restatements of one claim score above one
 * half.
 */
export const MIN_COSINE = 0.5
/**
 * Least cosine for a paraphrase of clauses. A short unit's vector is a few words, so one shared
 * word moves its cosine more: clauses that restate each other scored 0.6-0.9 on the bundled
 * corpus, and at 0.5 clauses sharing a topic word and a rare one joined.
 */
export const MIN_CLAUSE_COSINE = 0.6

// A restatement inside a clause that says more: "This will bring about a series of new challenges
// and opportunities to foreign investors and enterprises" / "a myriad of new opportunities are
// emerging for foreign investors and companies", or "pledged to build a modern industrial system"
// / "vigorously promoting the construction of a modern industrial system" (build/construction are
// synonyms). The units' cosines (0.37, 0.31) are those of sentences on one subject; read from the
// first to the last word the two share (their cores), 0.75 and 1. Cut so, any two units that share
// a few words look alike: on the bundled corpus every pair read at its cores gave 18 more
// overlaps, two of them restatements a reader marked, the others lists or phrases sharing a few
// topic words ("plays an increasingly important role in today's era" / "important role to play
// in this new era", "include artificial intelligence, humanoid robots" / "include humanoid robots,
// quantum computers"). So a pair is read at its cores only when no pair of its sentences' units
// restates the other as it stands, and the cores are one phrase said twice: the shared words in
// the same order in both, MIN_CORE_SHARED of them at least, few other words among them
// (MAX_CORE_SPREAD), and not the same words throughout (a phrase quoted, too short for the
// verbatim search to call it shared: "core technologies in key fields"). With these, the two
// marked restatements and no other (the bundled corpus), one more formula in
// /usr/share/common-licenses ("WARRANTY OF ANY KIND, EITHER EXPRESSED OR IMPLIED" / "warranties of
// any kind concerning the Work, express, implied"), nothing else in samples of Debian's copyright
// files and changelogs (200 and 100 files).

/**
 * Distinct stems a pair of cores shares, at least. The marked restatements share four and five
 * (at five, both were lost); at three, no more were found in the corpora above, but three words
 * are as often a set phrase as a claim.
 */
export const MIN_CORE_SHARED = 4
/**
 * A core's stems, at most, per stem it shares: 1.5 lets one or two other words in among four
 * shared ones ("new challenges and opportunities to foreign investors"). At 2, a phrase quoted
 * and a clause that goes on ("core technologies in key fields" / "core technologies in key fields,
 * focusing on developing new technologies"); at 2.5 also a clause joined to another by its first
 * and last words ("sci-tech innovation, upgrading traditional industries with up-and-coming sectors
 * and strengthening" / "sci-tech innovation, strengthen").
 */
export const MAX_CORE_SPREAD = 1.5

// A short sentence can say again, whole, what another author says inside a longer clause: "The
// GWR called for 'accelerating the development of NQPFs'" / "the Government Work Report delivered
// by Premier Li Qiang also pledged to build a modern industrial system and accelerate the
// development of new quality productive forces" (cosine 0.37: the clause says more). The cores of
// such a pair are one side whole and a spread-out core on the other (MAX_CORE_SPREAD rejects it),
// and the short side says nothing the other does not, but for a word of its own (the reporting
// verb: "called for" / "pledged"). Such a pair of cores is taken whatever its cosine when the
// short side is a whole sentence (a clause cut at commas may be the end of a list or half a
// claim), it has at most MAX_UNSAID stems the other lacks, the shared stems come in the same order
// (as for any cores) and the other side's core holds at most MAX_CONTAINING_SPREAD stems per
// shared one. On the bundled corpus this finds the pair above and nothing else; nothing in
// samples of Debian's copyright files (200), changelogs (100), NEWS files (124), READMEs (307)
// and /usr/share/common-licenses. Its limit is the order's: the clause's own words may turn what
// it says ("residents would rather build a new park than a school by the river" says the short
// "residents asked the city to build a new school by the river" again, by these rules).

/** Distinct stems a sentence said whole inside another's clause may have that the clause lacks (see above). */
export const MAX_UNSAID = 1
/**
 * Stems of the longer side's core, at most, per stem it shares with a sentence it says whole (see
 * above): as many words of its own as shared ones. The example's core has 2.0 (18 stems, 9
 * shared); more, and the shared words are scattered through a clause about something else.
 */
export const MAX_CONTAINING_SPREAD = 2

/**
 * A candidate: tokens [a0, a1] of document da and [b0, b1] of db (inclusive), their cosine, and
 * how many distinct stems they share (abbreviations read as their words, synonyms as one word).
 */
export interface SentencePair {
  da: number
  a0: number
  a1: number
  db: number
  b0: number
  b1: number
  cosine: number
  shared: number
  /** Found as two lists of the same items (list-items.ts). */
  list?: true
}

/**
 * Pairs of units (see above) of different documents that restate each other, at most one per
 * pair of sentences. `expansions`: the abbreviations the texts use (abbreviations.ts), a unit
 * read with the words one stands for where it is written as an acronym or a clipped compound.
 * `synonyms` maps a word to the one word its class of synonyms is read as (synonyms.ts).
 * `gaps`: where two documents say something between the passages they share (aligned-gaps.ts);
 * `reused`: the text in pairs the engine kept, whose gaps are not read (see below).
 */
export function findParaphrases(
  corpus: AnalysedCorpus,
  sentences: Uint32Array[],
  run: Run,
  expansions: Abbreviations = NO_ABBREVIATIONS,
  synonyms: SynonymClasses = new Map(),
  gaps: readonly AlignedGap[] = [],
  reused?: ReusedSpans,
): SentencePair[] {
  const { docs } = corpus
  // A word written after a bound prefix is read with it: "re-use" as "reuse" (prefixes.ts). Its
  // match ids are interned before the vocabulary is counted.
  const prefixed = new Map(docs.map((doc) => [doc, prefixedWords(doc, corpus.lexicon)]))
  /** A token's match id as the units read it (see above). */
  const matchOf = (doc: AnalysedDocument, t: number): number => prefixed.get(doc)!.get(t) ?? doc.match[t]
  const vocab = corpus.lexicon.matchCount
  /** A token's word as the units read it: its class of synonyms; -1 for no word (nonwords.ts). */
  const classOf = (doc: AnalysedDocument, t: number): number =>
    nonWordTokens(doc)[t] ? -1 : (synonyms.get(matchOf(doc, t)) ?? matchOf(doc, t))
  /** The words (classes) an abbreviation token stands for, as the units read it. */
  const wordsOf = (doc: AnalysedDocument, t: number): readonly number[] | undefined =>
    nonWordTokens(doc)[t] ? undefined : standsFor(expansions, doc, t)?.map((e) => synonyms.get(e) ?? e)
  /**
   * The stems of content words [c0, c1) of a document, and where each word's stems start. Tokens
   * that are no words (`nonWords`: parts of addresses, numbers) have none.
   */
  const stemsOf = (doc: AnalysedDocument, nonWords: Uint8Array, c0: number, c1: number): { stems: number[]; at: Uint32Array } => {
    const stems: number[] = []
    const at = new Uint32Array(c1 - c0 + 1)
    const joined = prefixed.get(doc)!
    for (let c = c0; c < c1; c++) {
      at[c - c0] = stems.length
      if (nonWords[doc.content[c]]) continue
      const m = joined.get(doc.content[c]) ?? doc.match[doc.content[c]]
      const expansion = standsFor(expansions, doc, doc.content[c])
      if (expansion) for (const e of expansion) stems.push(synonyms.get(e) ?? e)
      else stems.push(synonyms.get(m) ?? m)
    }
    at[c1 - c0] = stems.length
    return { stems, at }
  }
  // The sentences with a content word: document, tokens, content words, stems.
  const sentenceList: Sentence[] = []
  docs.forEach((doc, d) => {
    const bounds = sentences[d]
    if (bounds.length < 2) return
    const nonWords = nonWordTokens(doc)
    for (let k = 0; k + 1 < bounds.length; k++) {
      const c0 = contentFrom(doc, bounds[k])
      const c1 = contentFrom(doc, bounds[k + 1])
      if (c1 > c0) sentenceList.push({ doc: d, t0: bounds[k], t1: bounds[k + 1] - 1, c0, c1, ...stemsOf(doc, nonWords, c0, c1) })
    }
  })
  const S = sentenceList.length
  run.phase('paraphrase', S)
  if (S < 2) return []
  // Sentence frequency of every stem.
  const sf = new Uint32Array(vocab)
  const seen = new Int32Array(vocab).fill(-1)
  sentenceList.forEach((sentence, s) => {
    for (const m of sentence.stems) {
      if (seen[m] !== s) {
        seen[m] = s
        sf[m]++
      }
    }
  })
  // IDF of every stem, read in the innermost loop of bestUnits.
  const idfs = new Float64Array(vocab)
  for (let m = 0; m < vocab; m++) if (sf[m] > 0) idfs[m] = Math.log(S / sf[m])
  const idf = (m: number): number => idfs[m]
  const proposes = (m: number): boolean => sf[m] >= 2 && sf[m] <= MAX_STEM_SENTENCES
  /** The clause unit of sentence x's content words [c0, c1) (a run of clauses, a core, a stretch of list items). */
  const clauseUnit = (x: Sentence, c0: number, c1: number, list: boolean): Unit => {
    const doc = docs[x.doc]
    return { sentence: x, t0: doc.content[c0], t1: doc.content[c1 - 1], from: x.at[c0 - x.c0], to: x.at[c1 - x.c0], clause: true, list }
  }
  /**
   * A sentence's units: itself, and its runs of clauses (content words [cuts[i], cuts[j]),
   * j - i <= MAX_CLAUSES, not the whole sentence). Made when the sentence is first in a candidate
   * pair: most sentences never are.
   */
  const unitsOf = (sentence: Sentence): Unit[] => {
    if (sentence.units) return sentence.units
    const doc = docs[sentence.doc]
    const { c0, c1 } = sentence
    const units: Unit[] = []
    const cuts = [c0]
    for (let c = c0 + 1; c < c1; c++) {
      const from = doc.ends[doc.content[c - 1]]
      const to = doc.starts[doc.content[c]]
      if (breaksClause(doc.text, from, to) || opensPurpose(doc.text, from, to)) cuts.push(c)
    }
    cuts.push(c1)
    // Whether clause k (content words [cuts[k], cuts[k + 1])) is one written word at most: an
    // item of a list (see restates).
    const item = (k: number): boolean => wordsIn(sentence, cuts[k], cuts[k + 1]) <= 1
    let allItems = true
    for (let k = 0; k + 1 < cuts.length && allItems; k++) allItems = item(k)
    const sentenceWords = wordsIn(sentence, c0, c1)
    if (readWords(sentence, c0, c1) >= MIN_SENTENCE_WORDS && sentenceWords <= MAX_SENTENCE_WORDS)
      // The sentence is all its tokens; a clause reaches from its first content word to its last.
      units.push({ ...clauseUnit(sentence, c0, c1, allItems), t0: sentence.t0, t1: sentence.t1, clause: false })
    for (let i = 0; i + 1 < cuts.length; i++) {
      let list = true
      for (let j = i + 1; j < cuts.length && j - i <= MAX_CLAUSES; j++) {
        list &&= item(j - 1)
        const n = wordsIn(sentence, cuts[i], cuts[j])
        if ((i === 0 && j === cuts.length - 1) || readWords(sentence, cuts[i], cuts[j]) < MIN_CLAUSE_WORDS || n > MAX_CLAUSE_WORDS) continue
        units.push(clauseUnit(sentence, cuts[i], cuts[j], list))
      }
    }
    return (sentence.units = units)
  }
  /** A unit's vector, made when it is first compared. */
  const vectorOfUnit = (u: Unit): Vector => (u.vector ??= vectorOf(u.sentence.stems.slice(u.from, u.to), idf))
  /**
   * Unit u from its first to its last stem that `other` (a vector's ids) has too, as a clause
   * unit; u itself when it reaches no further, undefined when it has fewer than MIN_CLAUSE_WORDS
   * words.
   */
  const coreOf = (u: Unit, other: Vector): Unit | undefined => {
    const { stems, at, c0 } = u.sentence
    let from = u.from
    while (from < u.to && !holds(other, stems[from])) from++
    let to = u.to
    while (to > from && !holds(other, stems[to - 1])) to--
    if (from === u.from && to === u.to) return u
    // The content words whose stems these are: from the one whose stems hold `from` to the one
    // whose stems hold to - 1.
    const cFrom = c0 + upperBound(at, from) - 1
    const cTo = c0 + lowerBound(at, to)
    if (to <= from || readWords(u.sentence, cFrom, cTo) < MIN_CLAUSE_WORDS) return undefined
    return clauseUnit(u.sentence, cFrom, cTo, u.list)
  }
  /** The cores of units u and v, and their cosine, when they are one phrase said twice (see MIN_CORE_SHARED). */
  const coresOf = (u: Unit, v: Unit): Cores | undefined => {
    const vu = vectorOfUnit(u)
    const vv = vectorOfUnit(v)
    // The order first, read on the units (their cores hold the same shared stems in the same
    // order): most pairs fail it, before any core is made.
    const inA = sharedInOrder(u, vv)
    const inB = sharedInOrder(v, vu)
    if (inA.length < MIN_CORE_SHARED || inA.length !== inB.length || inA.some((m, k) => m !== inB[k])) return undefined
    const a = coreOf(u, vv)
    const b = coreOf(v, vu)
    if (!a || !b || (a === u && b === v)) return undefined
    const spreadA = (a.to - a.from) / inA.length
    const spreadB = (b.to - b.from) / inB.length
    if (sameWords(docs[a.sentence.doc], a, docs[b.sentence.doc], b)) return undefined
    const cosine = cosineOf(vectorOfUnit(a), vectorOfUnit(b))
    if (spreadA <= MAX_CORE_SPREAD && spreadB <= MAX_CORE_SPREAD && cosine >= MIN_CLAUSE_COSINE) return { a, b, cosine }
    // Else one side may be a whole sentence said again inside the other's clause (see MAX_UNSAID).
    const whole = (x: Unit, core: Unit, other: Vector): boolean => !x.clause && core === x && unsaid(x, other) <= MAX_UNSAID
    return (whole(u, a, vv) && spreadB <= MAX_CONTAINING_SPREAD) || (whole(v, b, vu) && spreadA <= MAX_CONTAINING_SPREAD)
      ? { a, b, cosine }
      : undefined
  }
  /**
   * Whether all that units u and v share (their stems, as the units read them) is one phrase they
   * write alike: a run of content words written the same (surface forms) in both holds every stem
   * they share. Such a pair says one phrase twice, in claims of their own, not one claim in other
   * words: "PCRE (perl-compatible regular expression) library" / "If you are looking for Perl
   * compatible regular expression grep" (cosine 0.70). Where the phrase is long enough to matter
   * the verbatim search finds it (MIN_SHARED_WORDS); a restatement shares a word outside the
   * phrase, or in another form ("expand its openness to the outside world" / "expanding opening
   * to the outside world", "build a modern industrial system" / "the construction of a modern
   * industrial system"), which is also this rule's limit: a phrase quoted with one word inflected
   * otherwise ("regular expressions") is not one phrase by it. A restatement may keep a run of the
   * other's words: "Fixes real problems noticed by gcc 12 and works around false positives" /
   * "Some real problems noticed by gcc 12 have been fixed, while false positives have been worked
   * around" (a pair that shared more than two n-grams was once taken for a phrase the verbatim
   * search had turned away, and this restatement was lost with them).
   */
  const phraseQuoted = (u: Unit, v: Unit): boolean => {
    const A = docs[u.sentence.doc]
    const B = docs[v.sentence.doc]
    const ua = contentFrom(A, u.t0)
    const va = contentFrom(B, v.t0)
    const ub = contentFrom(A, u.t1 + 1)
    const vb = contentFrom(B, v.t1 + 1)
    const shared = sharedInOrder(u, vectorOfUnit(v))
    if (shared.length === 0) return false
    const { stems, at: stemAt, c0 } = u.sentence
    const alike = (i: number, j: number): boolean => A.surface[A.content[i]] === B.surface[B.content[j]]
    // Each run of words alike, from where it starts in both.
    for (let i = ua; i < ub; i++)
      for (let j = va; j < vb; j++) {
        if (!alike(i, j) || (i > ua && j > va && alike(i - 1, j - 1))) continue
        let k = 1
        while (i + k < ub && j + k < vb && alike(i + k, j + k)) k++
        const phrase = new Set(stems.slice(stemAt[i - c0], stemAt[i + k - c0]))
        if (shared.every((m) => phrase.has(m))) return true
      }
    return false
  }
  /**
   * Whether unit u reads an abbreviation as its words where unit v has some of them but not all:
   * an abbreviation is read as its words only where the other side spells out all of them
   * (names.ts plainSharedWords), and a pair that matched through a part of them ("configure PAM"
   * and "the modules and authentication", for Pluggable Authentication Modules) is no restatement.
   * Where v writes the abbreviation too, v reads it as all its words.
   */
  const halfSpelt = (u: Unit, v: Unit): boolean => {
    const doc = docs[u.sentence.doc]
    const other = vectorOfUnit(v)
    for (let c = contentFrom(doc, u.t0); c < doc.content.length && doc.content[c] <= u.t1; c++) {
      const words = wordsOf(doc, doc.content[c])
      if (!words) continue
      const held = words.filter((w) => holds(other, w)).length
      if (held > 0 && held < words.length) return true
    }
    return false
  }
  /** The stems of sentence s's content words [c0, c1) (each word's, see stemsOf). */
  const stemSet = (s: Sentence, c0: number, c1: number): Set<number> => new Set(s.stems.slice(s.at[c0 - s.c0], s.at[c1 - s.c0]))
  /** Sentence s's content words [c0, c1) as trimmedSpan reads them: words, and shared with `other`'s stems. */
  const trimmed = (s: Sentence, c0: number, c1: number, other: ReadonlySet<number>, t0: number, t1: number): [number, number] => {
    const { stems, at } = s
    const isWord = (c: number): boolean => at[c + 1 - s.c0] > at[c - s.c0]
    const isShared = (c: number): boolean => {
      for (let k = at[c - s.c0]; k < at[c + 1 - s.c0]; k++) if (other.has(stems[k])) return true
      return false
    }
    return trimmedSpan(docs[s.doc], corpus.lexicon.surfaces, c0, c1, isWord, isShared, t0, t1)
  }
  /**
   * Pair p of sentences a and b with each side's edges trimmed (see MAX_UNSHARED_EDGE): the
   * content words before its first word with a stem the other side has, and after its last, go
   * when they are more than MAX_UNSHARED_EDGE.
   */
  const trimEdges = (p: SentencePair, a: Sentence, b: Sentence): SentencePair => {
    const A = docs[a.doc]
    const B = docs[b.doc]
    const ca0 = contentFrom(A, p.a0)
    const ca1 = contentFrom(A, p.a1 + 1)
    const cb0 = contentFrom(B, p.b0)
    const cb1 = contentFrom(B, p.b1 + 1)
    const inB = stemSet(b, cb0, cb1)
    const inA = stemSet(a, ca0, ca1)
    const [ta0, a1] = trimmed(a, ca0, ca1, inB, p.a0, p.a1)
    const [tb0, b1] = trimmed(b, cb0, cb1, inA, p.b0, p.b1)
    const a0 = afterClosedBracket(A, negatedFrom(A, corpus.lexicon.surfaces, ta0, a.t0), a1)
    const b0 = afterClosedBracket(B, negatedFrom(B, corpus.lexicon.surfaces, tb0, b.t0), b1)
    if (a0 === p.a0 && a1 === p.a1 && b0 === p.b0 && b1 === p.b1) return p
    // The cosine of what is shown, as its similarity.
    const shown = (s: Sentence, D: AnalysedDocument, t0: number, t1: number): number[] =>
      s.stems.slice(s.at[contentFrom(D, t0) - s.c0], s.at[contentFrom(D, t1 + 1) - s.c0])
    const cosine = cosineOf(vectorOf(shown(a, A, a0, a1), idf), vectorOf(shown(b, B, b0, b1), idf))
    return { ...p, a0, a1, b0, b1, cosine }
  }
  // Posting lists (compressed rows) of the stems that propose candidates, over sentences with units.
  const rowStart = new Uint32Array(vocab + 1)
  /** A sentence's distinct stems, if it holds a unit (MIN_CLAUSE_WORDS) and is compared (MAX_COMPARED_SENTENCE_WORDS); else none. */
  const unitStems = (sentence: Sentence): number[] => {
    const words = readWords(sentence, sentence.c0, sentence.c1)
    return words >= MIN_CLAUSE_WORDS && words <= MAX_COMPARED_SENTENCE_WORDS ? [...new Set(sentence.stems)] : []
  }
  const distinct = sentenceList.map((sentence) => unitStems(sentence).filter(proposes))
  for (const stems of distinct) for (const m of stems) rowStart[m + 1]++
  for (let m = 0; m < vocab; m++) rowStart[m + 1] += rowStart[m]
  const postings = new Uint32Array(rowStart[vocab])
  const fill = rowStart.slice(0, vocab)
  distinct.forEach((stems, s) => {
    for (const m of stems) postings[fill[m]++] = s
  })

  // Pairs of sentences of different documents that share MIN_SHARED_STEMS rare stems; of each,
  // the best pair of units (by cosine times the IDF of the stems they share) that restate each other, among the
  // units that hold MIN_SHARED_STEMS of the rare stems the two sentences share.
  const pairs: SentencePair[] = []
  /** The pairs of sentences found, as s * S + t (s < t). */
  const found = new Set<number>()
  const shared = new Uint32Array(S)
  const touched: number[] = []
  const mark = new Int32Array(vocab).fill(-1)
  let stamp = 0
  const counted = new Int32Array(vocab).fill(-1)
  let unitStamp = 0
  const holding = (units: Unit[]): Unit[] =>
    units.filter((u) => {
      let n = 0
      unitStamp++
      for (let k = u.from; k < u.to; k++) {
        const m = u.sentence.stems[k]
        if (mark[m] === stamp && counted[m] !== unitStamp) {
          counted[m] = unitStamp
          n++
        }
      }
      return n >= MIN_SHARED_STEMS
    })
  /**
   * Units u and v restate each other in words of their own: MIN_PLAIN_SHARED shared that are not
   * names (names.ts), a word both write joined by a hyphen counted once (sharedCompounds), not one
   * phrase both write alike (phraseQuoted), no abbreviation matched by a part of its words, and
   * not two lists: units whose clauses are one written word each are lists of words, which say no
   * claim, in whatever order ("index: number, value: number" and "predicate: (value: number,
   * index", cut at each colon, comma and bracket, were a paraphrase of two declarations of
   * TypeScript's library, a reviewer; "Flour, sugar, eggs, butter, milk, salt." and its reverse).
   * A list against a clause that says something of its words is a claim restated ("four factors:
   * innovation, talent, capital, and data" / "data, capital, talent and innovation will drive
   * future growth"; "may not copy, modify, sublicense, or distribute" / "must not sublicense,
   * distribute, modify or copy": a reviewer of this rule's first form, which made no unit of a
   * list and lost both).
   */
  const restates = (u: Unit, v: Unit): boolean =>
    !(u.list && v.list) &&
    plainSharedWords(docs[u.sentence.doc], u.t0, u.t1, docs[v.sentence.doc], v.t0, v.t1, classOf, wordsOf) -
      sharedCompounds(docs[u.sentence.doc], u.t0, u.t1, docs[v.sentence.doc], v.t0, v.t1, classOf) >=
      MIN_PLAIN_SHARED &&
    !phraseQuoted(u, v) &&
    !halfSpelt(u, v) &&
    !halfSpelt(v, u)
  /** Pairs of units the last evaluate compared (or turned down as too many): its work. */
  let unitPairs = 0
  /**
   * The best pair of units of sentences s and t (see bestUnits), among the units that hold
   * MIN_SHARED_STEMS of the stems both `stemsS` and `stemsT` (distinct stems of each) have, rare
   * ones (`proposes`), or any (`anyStems`, between the passages two documents share: a pair's
   * cores still need rare ones, see bestUnits); none past MAX_UNIT_PAIRS pairs of them.
   */
  const evaluate = (s: number, t: number, stemsS: readonly number[], stemsT: readonly number[], anyStems = false) => {
    const a = sentenceList[s]
    const b = sentenceList[t]
    stamp++
    for (const m of stemsT) mark[m] = -2 - stamp
    for (const m of stemsS) if (mark[m] === -2 - stamp) mark[m] = stamp
    const unitsA = holding(unitsOf(a))
    const unitsB = holding(unitsOf(b))
    unitPairs = unitsA.length * unitsB.length
    if (unitPairs > MAX_UNIT_PAIRS) return undefined
    const best = bestUnits(a.doc, unitsA, b.doc, unitsB, vectorOfUnit, proposes, anyStems, coresOf, restates, idf)
    return best && trimEdges(best, a, b)
  }
  /** A sentence's list items (list-items.ts), made when it is first in a candidate pair. */
  const itemsOf = (sentence: Sentence): Item[] => (sentence.items ??= listItems(docs[sentence.doc], sentence, proposes))
  /**
   * Sentences s and t as two lists of the same items (list-items.ts), where no pair of their units
   * restates the other: the stretch of each from the first item it shares to the last, as a pair
   * of clauses that restate each other (restates: words of their own, not names alone).
   */
  const sharedList = (s: number, t: number): SentencePair | undefined => {
    const a = sentenceList[s]
    const b = sentenceList[t]
    const shared = sharedItems(itemsOf(a), itemsOf(b))
    if (!shared) return undefined
    const u = clauseUnit(a, ...shared.a, false)
    const v = clauseUnit(b, ...shared.b, false)
    if (!restates(u, v)) return undefined
    const pair = {
      da: a.doc,
      a0: u.t0,
      a1: u.t1,
      db: b.doc,
      b0: v.t0,
      b1: v.t1,
      cosine: cosineOf(vectorOfUnit(u), vectorOfUnit(v)),
      shared: shared.stems.size,
    }
    return { ...trimEdges(pair, a, b), list: true }
  }
  for (let s = 0; s < S; s++) {
    for (const m of distinct[s]) {
      for (let p = rowStart[m]; p < rowStart[m + 1]; p++) {
        const t = postings[p]
        if (t <= s || sentenceList[t].doc === sentenceList[s].doc) continue
        if (shared[t] === 0) touched.push(t)
        shared[t]++
      }
    }
    for (const t of touched) {
      if (shared[t] >= MIN_SHARED_STEMS) {
        const best = evaluate(s, t, distinct[s], distinct[t]) ?? sharedList(s, t)
        if (best) {
          pairs.push(best)
          found.add(s * S + t)
        }
      }
      shared[t] = 0
    }
    touched.length = 0
    run.tick(s)
  }
  // Between passages two documents share in order (aligned-gaps.ts): sentences compared whatever
  // stems they share, the best pairs first, each sentence taking at most one partner from this
  // comparison in a gap (a neighbour alike, an option's sibling, is not a second restatement);
  // a pair the pass above found stays, and one of its sentences may take another partner here.
  // A gap whose sentences all lie in pairs kept, on both sides (`reused`, in pairs with any
  // document), is not read: each side is reused whole, with the other document or a third, and
  // forty versions of one text (10 k words each) had 3,115 such gaps, whose sentences took 10 of
  // the run's 14 s to compare (the pass above still proposes a pair of them by the words they
  // share; overlaps.ts drops only one reused in pairs of the same two documents). Unless a pair
  // of its sentences could be in another gap too (reachesOut): found here, it is not a candidate
  // there, and the sentences are free to take other partners (a reviewer's case: a sentence that
  // holds a short passage both documents share, between two gaps, and its restatement in the
  // next one).
  // Two projects' NEWS files that credit the same people share passages in order too, and here one
  // fix credited to one person pairs with another ("Fix a memory leak in the xzlib code (Daniel
  // Veillard)" / "Fix a memory leak if compiled with Windows locale support (Daniel Veillard)",
  // judged false). Measured on the review corpora, the NEWS files searched too (294 paraphrases:
  // 150 true, 89 false), and not taken: a pair here needing one rare stem (`proposes`) as well,
  // 222 (35 true fewer, 24 false); the credits (a bracketed name ending a line) read as no words,
  // the NEWS files 17 -> 12 (three of their four true lost, one false): a change restated shares
  // its author as a report of the same event does.
  // Each sentence by its document and last token, ascending: where a gap's sentences start.
  const sentenceKeys = gaps.length
    ? Float64Array.from(sentenceList, (sentence) => sentence.doc * 2 ** 32 + sentence.t1)
    : new Float64Array(0)
  /** Sentences [from, to) of document d with a token in [t0, t1]. */
  const sentencesIn = (d: number, t0: number, t1: number): [number, number] => {
    const from = lowerBound(sentenceKeys, d * 2 ** 32 + t0)
    let to = from
    while (to < S && sentenceList[to].doc === d && sentenceList[to].t0 <= t1) to++
    return [from, to]
  }
  /**
   * Whether a pair of gap k's sentences [a0, a1) and [b0, b1) could be in another gap of the two
   * documents too: its last sentence on both sides reaches into the next gap (over a passage the
   * two share that is shorter than what is left of it), or its first on both sides into the gap
   * before. Gaps of two documents come one after another, in order (aligned-gaps.ts); a sentence
   * that reaches a gap further on holds the one between too.
   */
  const reachesOut = (k: number, a0: number, a1: number, b0: number, b1: number): boolean => {
    const gap = gaps[k]
    const next = gaps[k + 1]
    const before = gaps[k - 1]
    const same = (other: AlignedGap | undefined): other is AlignedGap =>
      other !== undefined && other.docA === gap.docA && other.docB === gap.docB
    return (
      (same(next) && sentenceList[a1 - 1].t1 >= next.a0 && sentenceList[b1 - 1].t1 >= next.b0) ||
      (same(before) && sentenceList[a0].t0 <= before.a1 && sentenceList[b0].t0 <= before.b1)
    )
  }
  /** Whether every token of sentences [from, to) (of one document) lies in a pair (ReusedSpans). */
  const wholly = (spans: ReusedSpans, from: number, to: number): boolean =>
    spans.holds(sentenceList[from].doc, sentenceList[from].t0, sentenceList[to - 1].t1)
  const inS = new Uint8Array(vocab)
  const key = (s: number, t: number): number => (s < t ? s * S + t : t * S + s)
  // The work left to the gaps of the pair of documents being read (see GAP_WORK_PER_WORD).
  let pairOfDocs = -1
  let workLeft = 0
  for (let k = 0; k < gaps.length; k++) {
    const gap = gaps[k]
    if (gap.docA * docs.length + gap.docB !== pairOfDocs) {
      pairOfDocs = gap.docA * docs.length + gap.docB
      workLeft = GAP_WORK_PER_WORD * (docs[gap.docA].content.length + docs[gap.docB].content.length)
    }
    if (workLeft <= 0) continue
    const [a0, a1] = sentencesIn(gap.docA, gap.a0, gap.a1)
    const [b0, b1] = sentencesIn(gap.docB, gap.b0, gap.b1)
    if ((a1 - a0) * (b1 - b0) > MAX_GAP_PAIRS) continue
    if (reused && a1 > a0 && b1 > b0 && wholly(reused, a0, a1) && wholly(reused, b0, b1) && !reachesOut(k, a0, a1, b0, b1)) continue
    const candidates: { s: number; t: number; pair: SentencePair }[] = []
    const stemsB = new Map<number, number[]>()
    for (let s = a0; s < a1; s++) {
      const stemsS = unitStems(sentenceList[s])
      if (stemsS.length < MIN_SHARED_STEMS) continue
      for (const m of stemsS) inS[m] = 1
      for (let t = b0; t < b1; t++) {
        if (found.has(key(s, t))) continue
        let stemsT = stemsB.get(t)
        if (!stemsT) stemsB.set(t, (stemsT = unitStems(sentenceList[t])))
        let both = 0
        for (const m of stemsT) both += inS[m]
        workLeft -= stemsT.length
        if (both < MIN_SHARED_STEMS) continue
        const pair = evaluate(s, t, stemsS, stemsT, true)
        workLeft -= unitPairs
        if (pair) candidates.push({ s, t, pair })
        if (workLeft <= 0) break
      }
      for (const m of stemsS) inS[m] = 0
      if (workLeft <= 0) break
    }
    candidates.sort((x, y) => y.pair.cosine * y.pair.shared - x.pair.cosine * x.pair.shared || x.s - y.s || x.t - y.t)
    const used = new Set<number>()
    for (const { s, t, pair } of candidates) {
      if (used.has(s) || used.has(t)) continue
      used.add(s)
      used.add(t)
      pairs.push(pair)
      found.add(key(s, t))
    }
  }
  run.end()
  return pairs
}

/**
 * Words (content words that are words: nonwords.ts) before a paraphrase side's first word that the
 * other side shares that stay in it: a longer run is cut off whole. A clause cut at commas and
 * quotation marks can start with another claim it runs on from ("improving the system and
 * mechanism for | developing NQPFs in accordance with local conditions", the end of a list:
 * "digitization and intellectualization and | enable traditional industries to continuously
 * create new business forms"); a word or two is the restatement's own wording ("promote | the
 * ecosystem development", "cultivating | the ecosystem"), and a reader marks it with the rest.
 * Nothing is cut when the words from the first shared one to the last would be fewer than
 * MIN_CLAUSE_WORDS, nor when the run cut off holds a negation, which may govern the rest ("source
 * code distributed need not | include anything", "is never required to | include"). A side's end
 * is left as its clause ends: cut at its last shared word, it ended on a word whose own words were
 * gone ("and implement manufacturing | technology transformation and upgrading projects", "without
 * royalty provided | the copyright notice and this notice are preserved").
 */
export const MAX_UNSHARED_EDGE = 2

/**
 * Tokens [t0, t1] of a paraphrase's side in document D, whose content words are [c0, c1), without
 * more than MAX_UNSHARED_EDGE words at its start that the other side does not share (see
 * MAX_UNSHARED_EDGE). `isWord(c)`: content word c is a word (nonwords.ts); `isShared(c)`: the
 * other side has one of its stems. `surfaces`: the lexicon's surface forms.
 */
export function trimmedSpan(
  D: AnalysedDocument,
  surfaces: readonly string[],
  c0: number,
  c1: number,
  isWord: (c: number) => boolean,
  isShared: (c: number) => boolean,
  t0: number,
  t1: number,
): [number, number] {
  /** Words of content words [from, to). */
  const words = (from: number, to: number): number => {
    let n = 0
    for (let c = from; c < to; c++) if (isWord(c)) n++
    return n
  }
  /** Whether a token of [from, to) negates. */
  const negated = (from: number, to: number): boolean => {
    for (let t = from; t < to; t++) if (negatesAt(surfaces, D, t)) return true
    return false
  }
  let first = c0
  while (first < c1 && !isShared(first)) first++
  let last = c1 - 1
  while (last > first && !isShared(last)) last--
  if (first >= c1 || words(first, last + 1) < MIN_CLAUSE_WORDS) return [t0, t1]
  const cut = words(c0, first) > MAX_UNSHARED_EDGE && !negated(t0, D.content[first])
  return [cut ? D.content[first] : t0, t1]
}

/**
 * Where a paraphrase's side that starts at token t0 of D starts with the negation that governs it:
 * a clause reaches from its first content word (unitsOf), and a negation before it is no content
 * word ("no | longer leaves behind a temporary file", "not | include the source"), so the side
 * would say the opposite of its text. The earliest negation among the words between t0 and the
 * content word before it, in its clause and not before `from` (its sentence's start); else t0.
 */
export function negatedFrom(D: AnalysedDocument, surfaces: readonly string[], t0: number, from: number): number {
  let start = t0
  const c = contentFrom(D, t0)
  const floor = Math.max(from, c > 0 ? D.content[c - 1] + 1 : 0)
  for (let t = t0 - 1; t >= floor && !breaksClause(D.text, D.ends[t], D.starts[t + 1]); t--) if (negatesAt(surfaces, D, t)) start = t
  return start
}

/**
 * Tokens at a paraphrase side's start, at most, that a bracket closing there may end. A clause is
 * cut at a comma inside brackets as anywhere, and a side read from it started with the bracket's
 * last words and its closing mark: "cross-claims) alleging that a Contributor Version directly or
 * indirectly infringes any patent" (of "(excluding declaratory judgment actions, counter-claims,
 * and cross-claims)", a reviewer of ten licences: three sides so). Further in, the bracket is the
 * side's own aside.
 */
export const MAX_BRACKET_TAIL = 3

/**
 * Where a paraphrase's side [t0, t1] of D starts without the end of a bracket it does not open
 * (see MAX_BRACKET_TAIL): after the token a closing mark follows, when no opening mark comes
 * before it in the side and at least MIN_CLAUSE_WORDS tokens are left; else t0.
 */
export function afterClosedBracket(D: AnalysedDocument, t0: number, t1: number): number {
  const { text, starts, ends } = D
  // From the marks before its first word: "(see the manual) for details" opens its bracket.
  for (let t = t0; t < Math.min(t1, t0 + MAX_BRACKET_TAIL); t++) {
    for (let k = t === t0 ? (t0 > 0 ? ends[t0 - 1] : 0) : ends[t - 1]; k < starts[t + 1]; k++) {
      if (opensBracket(text[k])) return t0
      if (closesBracket(text[k]) && k >= ends[t]) return t1 - t >= MIN_CLAUSE_WORDS ? t + 1 : t0
    }
  }
  return t0
}

/** Distinct stems of unit u that vector v does not have. */
function unsaid(u: Unit, v: Vector): number {
  const seen = new Set<number>()
  for (let k = u.from; k < u.to; k++) if (!holds(v, u.sentence.stems[k])) seen.add(u.sentence.stems[k])
  return seen.size
}

/** Whether vector v has stem m. */
function holds(v: Vector, m: number): boolean {
  const k = lowerBound(v.ids, m)
  return k < v.ids.length && v.ids[k] === m
}

/** The distinct stems of unit u that vector v has, in the order u first says them. */
function sharedInOrder(u: Unit, v: Vector): number[] {
  const out: number[] = []
  for (let k = u.from; k < u.to; k++) {
    const m = u.sentence.stems[k]
    if (holds(v, m) && !out.includes(m)) out.push(m)
  }
  return out
}

/** Whether units a of document A and b of B have the same content words (match forms) in order. */
function sameWords(A: AnalysedDocument, a: Unit, B: AnalysedDocument, b: Unit): boolean {
  const ca = contentFrom(A, a.t0)
  const cb = contentFrom(B, b.t0)
  const n = contentFrom(A, a.t1 + 1) - ca
  if (contentFrom(B, b.t1 + 1) - cb !== n) return false
  for (let k = 0; k < n; k++) if (A.match[A.content[ca + k]] !== B.match[B.content[cb + k]]) return false
  return true
}

/**
 * How many words a sentence's content words [from, to) are read as: an abbreviation as the words
 * it stands for ("the GWR called for accelerating the development of NQPFs" is ten words, a
 * claim, not a fragment of five), numbers and addresses as none (nonwords.ts). Units are at least
 * MIN_SENTENCE_WORDS and MIN_CLAUSE_WORDS of these.
 */
function readWords(sentence: Sentence, from: number, to: number): number {
  return sentence.at[to - sentence.c0] - sentence.at[from - sentence.c0]
}

/**
 * How many words tokens [t0, t1] of `doc` are written as: runs of tokens between spaces, and each
 * Chinese or Japanese character, a word on its own (tokenize.ts ownWordAt: those scripts write no
 * spaces). A compound or an identifier is one, however many words it is read as (readWords: its
 * parts, an abbreviation's words): "Unicode-DFS-2016" is read as "Unicode Data Files and
 * Software", four words, and was a paraphrase of "UNICODE, INC. LICENSE AGREEMENT - DATA FILES
 * AND SOFTWARE"; "source-package-name (required)" of "(required) The name of the source package";
 * an info manual's index entry, "tab-aligned content lines", of grep's "line content lies on a tab
 * stop" (reviewers: false, as all five paraphrases with a side of three written words or fewer on
 * the review corpora were; none of them was true).
 */
export function writtenWords(doc: AnalysedDocument, t0: number, t1: number): number {
  const { text, starts, ends } = doc
  let words = 0
  for (let t = t0; t <= t1; t++)
    if (t === t0 || ownWordAt(text, starts[t]) || ownWordAt(text, starts[t - 1]) || /\s/u.test(text.slice(ends[t - 1], starts[t]))) words++
  return words
}

/** How many of a sentence's content words [from, to) are words (have stems: not nonwords.ts). */
function wordsIn(sentence: Sentence, from: number, to: number): number {
  const { at, c0 } = sentence
  let words = 0
  for (let c = from; c < to; c++) if (at[c + 1 - c0] > at[c - c0]) words++
  return words
}

/** A sentence with a content word, and its units once made (see above). */
interface Sentence {
  doc: number
  /** Its first and last tokens. */
  t0: number
  t1: number
  /** Its content words [c0, c1) (positions in the document's content array). */
  c0: number
  c1: number
  stems: number[]
  /** Where the stems of its content word c0 + k start: at[k] (at[c1 - c0] = stems.length). */
  at: Uint32Array
  units?: Unit[]
  /** Its list items (list-items.ts), once read. */
  items?: Item[]
}

/** A sentence, or one to MAX_CLAUSES clauses of one (see above). */
interface Unit {
  sentence: Sentence
  /** Its first and last tokens. */
  t0: number
  t1: number
  /** Its stems: sentence.stems[from, to). */
  from: number
  to: number
  /** Shorter than its sentence. */
  clause: boolean
  /** Its clauses are one written word each (see restates); a core, its unit's. */
  list: boolean
  /** Its TF-IDF vector, once made. */
  vector?: Vector
}

/** Two units read at their cores (see MIN_CORE_SHARED), and their cosine. */
interface Cores {
  a: Unit
  b: Unit
  cosine: number
}

/** Distinct stems ascending, their weights (tfWeight times IDF), and the vector's norm. */
interface Vector {
  ids: Uint32Array
  weights: Float64Array
  norm: number
}

/**
 * A stem's weight for how often a unit uses it: sublinear (1 + ln f), as in most TF-IDF
 * retrieval. Counted raw, a word said three times in one clause ("lower-value goods", "lower-cost
 * regions", "lower costs") outweighed the rest of it, and a clause about costs rising matched one
 * about lowering them.
 */
function tfWeight(f: number): number {
  return 1 + Math.log(f)
}

function vectorOf(stems: readonly number[], idf: (m: number) => number): Vector {
  const sorted = Uint32Array.from(stems).sort()
  let count = 0
  for (let k = 0; k < sorted.length; k++) if (k === 0 || sorted[k] !== sorted[k - 1]) count++
  const ids = new Uint32Array(count)
  const weights = new Float64Array(count)
  let norm = 0
  for (let k = 0, at = -1; k < sorted.length; k++) {
    if (k === 0 || sorted[k] !== sorted[k - 1]) ids[++at] = sorted[k]
    let f = 1
    while (k + 1 < sorted.length && sorted[k + 1] === sorted[k]) {
      f++
      k++
    }
    weights[at] = tfWeight(f) * idf(sorted[k])
    norm += weights[at] ** 2
  }
  return { ids, weights, norm: Math.sqrt(norm) }
}

/**
 * The best pair of units a of document da and b of db that share MIN_SHARED_STEMS `rare` stems
 * (or stems at all where `anyStems`), with the cosine their kind needs (or read at their `cores`,
 * see MIN_CORE_SHARED, always MIN_SHARED_STEMS rare stems: the core of two sentences' common
 * words, from the first to the last, is a fragment on the corpus's topic, "file system changes
 * the number of inodes" / "file system before changing inode", "pattern has a brace expansion,
 * like" / "pattern like": a reviewer of e2fsprogs' pages found 13 of 26 paraphrases false, most so.
 * On 36 corpora 24 paraphrases fewer: 14 such fragments, and restatements with them, "quote
 * marks to protect them from interpretation as shell" / "quoted in order to protect it from
 * interpretation as the shell", "line numbers, green byte offsets, cyan separators" / "line
 * numbers, byte offsets, and separators", "boolean option, if set to true, forces" / "boolean
 * relation, if set to a value of true, forces", "option allows explicitly specifying" (twice),
 * and four fragments of the GPL's versions, two others found instead) that restate
 * each other in words of their own (`restates`, asked only of a pair that would be the best so
 * far: see findParaphrases); undefined when none has. Best: the highest cosine times the IDF
 * (`idf`) of the stems the two share. A clause that adds only words every sentence uses makes no better
 * restatement: counted as stems, "vigorously promoting the development, openness, and circulation
 * of data, | cultivating the ecosystem of computing power industries" beat its last clause alone
 * as the restatement of "promote the ecosystem development of the computing power industry".
 */
function bestUnits(
  da: number,
  a: readonly Unit[],
  db: number,
  b: readonly Unit[],
  vectorOf: (u: Unit) => Vector,
  rare: (m: number) => boolean,
  anyStems: boolean,
  cores: (u: Unit, v: Unit) => Cores | undefined,
  restates: (u: Unit, v: Unit) => boolean,
  idf: (m: number) => number,
): SentencePair | undefined {
  let best: SentencePair | undefined
  /**
   * Pairs that fall short of their cosine, while none has passed, to be read at their cores; with
   * the stems they share, and those stems' IDF summed.
   */
  const short: [Unit, Unit, number, number][] = []
  /** The best pair's cosine times the IDF its shared stems carry. */
  let bestRank = 0
  const consider = (pair: Cores, common: number, mass: number): void => {
    if (best && pair.cosine * mass <= bestRank) return
    if (!restates(pair.a, pair.b)) return
    best = { da, a0: pair.a.t0, a1: pair.a.t1, db, b0: pair.b.t0, b1: pair.b.t1, cosine: pair.cosine, shared: common }
    bestRank = pair.cosine * mass
  }
  for (const unitA of a) {
    const u = vectorOf(unitA)
    for (const unitB of b) {
      const v = vectorOf(unitB)
      if (u.norm === 0 || v.norm === 0) continue
      let dot = 0
      let common = 0
      let rares = 0
      let mass = 0
      for (let i = 0, j = 0; i < u.ids.length && j < v.ids.length;) {
        if (u.ids[i] < v.ids[j]) i++
        else if (u.ids[i] > v.ids[j]) j++
        else {
          if (rare(u.ids[i])) rares++
          mass += idf(u.ids[i])
          dot += u.weights[i++] * v.weights[j++]
          common++
        }
      }
      const rareEnough = rares >= MIN_SHARED_STEMS
      if ((!rareEnough && !anyStems) || common < MIN_RESTATED_STEMS) continue
      const cosine = dot / (u.norm * v.norm)
      if (cosine >= (unitA.clause || unitB.clause ? MIN_CLAUSE_COSINE : MIN_COSINE)) consider({ a: unitA, b: unitB, cosine }, common, mass)
      else if (!best && common >= MIN_CORE_SHARED && rareEnough) short.push([unitA, unitB, common, mass])
    }
  }
  // Cores only where no pair of units restates the other as it stands: a reader marks the clause,
  // not the words it shares. The cores hold every stem their units share: `common` is theirs too.
  if (!best)
    for (const [unitA, unitB, common, mass] of short) {
      const pair = cores(unitA, unitB)
      if (pair) consider(pair, common, mass)
    }
  return best
}

/** The cosine of two vectors (0 when either is empty). */
function cosineOf(u: Vector, v: Vector): number {
  if (u.norm === 0 || v.norm === 0) return 0
  let dot = 0
  for (let i = 0, j = 0; i < u.ids.length && j < v.ids.length;) {
    if (u.ids[i] < v.ids[j]) i++
    else if (u.ids[i] > v.ids[j]) j++
    else dot += u.weights[i++] * v.weights[j++]
  }
  return dot / (u.norm * v.norm)
}

/**
 * The synonyms and related forms a pair of sentences was read through: pairs of words, one from
 * each sentence, of one class (synonyms.ts `wordClasses`) where neither sentence uses the other's
 * word ("growth/expansion"; "necessary/necessity"), the pairs of one class of synonyms alone
 * under `synonyms`, the others under `forms`.
 */
export function synonymsUsed(
  corpus: AnalysedCorpus,
  words: WordClasses,
  da: number,
  a0: number,
  a1: number,
  db: number,
  b0: number,
  b1: number,
): { synonyms: string[]; forms: string[] } {
  const used = { synonyms: [] as string[], forms: [] as string[] }
  const { classes } = words
  if (classes.size === 0) return used
  /** Class -> match id -> the word as first written (surface form), for the sentence's content words. */
  const wordsOf = (d: number, t0: number, t1: number): Map<number, Map<number, string>> => {
    const doc = corpus.docs[d]
    const out = new Map<number, Map<number, string>>()
    for (let c = contentFrom(doc, t0); c < doc.content.length && doc.content[c] <= t1; c++) {
      const m = doc.match[doc.content[c]]
      const cls = classes.get(m)
      if (cls === undefined) continue
      let byMatch = out.get(cls)
      if (!byMatch) out.set(cls, (byMatch = new Map()))
      if (!byMatch.has(m)) byMatch.set(m, corpus.lexicon.surfaces[doc.surface[doc.content[c]]])
    }
    return out
  }
  const a = wordsOf(da, a0, a1)
  const b = wordsOf(db, b0, b1)
  for (const [cls, inA] of a) {
    const inB = b.get(cls)
    if (!inB) continue
    const onlyA = [...inA].filter(([m]) => !inB.has(m))
    const onlyB = [...inB].filter(([m]) => !inA.has(m))
    if (!onlyA.length || !onlyB.length) continue
    const [x, wordA] = onlyA[0]
    const [y, wordB] = onlyB[0]
    const synonym = words.synonyms.get(x)
    ;(synonym !== undefined && synonym === words.synonyms.get(y) ? used.synonyms : used.forms).push(`${wordA}/${wordB}`)
  }
  return used
}

/**
 * The content words tokens [a0, a1] of document da and [b0, b1] of db have in common (the same
 * match form), as first written in the first, in its order: what a paraphrase found by the words
 * it shares rests on, for a reader to judge ("name, two, files, line" is no restatement). Under
 * `alike` those both write alike somewhere (the same surface form: case and spelling aside);
 * under `forms` the others, each with the second's first word of that form ("according/accordance",
 * "openness/opening": a reviewer of the bundled corpus found "according" listed as a word in
 * common with a text that says "in accordance with"). With `claimsOnly` (a paraphrase), not the
 * tokens that are no words of a claim (nonwords.ts: parts of addresses and paths, numbers,
 * identifiers, commands), which a paraphrase does not rest on: two apt source lines rest on "deb,
 * stable, main", not on their addresses' "http, debian, org"; nor a letter alone, which says
 * nothing to a reader: a list's "(b)", the "s" of "Contribution(s)" (a reviewer of licences).
 */
export function wordsInCommon(
  corpus: AnalysedCorpus,
  da: number,
  a0: number,
  a1: number,
  db: number,
  b0: number,
  b1: number,
  claimsOnly: boolean,
): { alike: string[]; forms: string[] } {
  const B = corpus.docs[db]
  const A = corpus.docs[da]
  const [nonA, nonB] = claimsOnly ? [nonWordTokensIn(A, a0, a1), nonWordTokensIn(B, b0, b1)] : []
  /** A side's words by match form, in its order: each surface form it writes one in, at its first token. */
  const wordsOf = (D: AnalysedDocument, t0: number, t1: number, non: Uint8Array | undefined): Map<number, Map<number, number>> => {
    const out = new Map<number, Map<number, number>>()
    for (let c = contentFrom(D, t0); c < D.content.length && D.content[c] <= t1; c++) {
      const t = D.content[c]
      if (non?.[t - t0]) continue
      // A word after a bound prefix as one word with it ("re-use": prefixes.ts).
      const m = claimsOnly ? prefixedMatch(D, corpus.lexicon, t) : D.match[t]
      let surfaces = out.get(m)
      if (!surfaces) out.set(m, (surfaces = new Map()))
      if (!surfaces.has(D.surface[t])) surfaces.set(D.surface[t], t)
    }
    return out
  }
  const inA = wordsOf(A, a0, a1, nonA)
  const inB = wordsOf(B, b0, b1, nonB)
  const shown = (D: AnalysedDocument, t: number): string =>
    shownWord(D.text.slice(D.starts[claimsOnly && afterPrefix(D, t) ? t - 1 : t], D.ends[t]))
  const alike: string[] = []
  const forms: string[] = []
  for (const [m, surfacesA] of inA) {
    const surfacesB = inB.get(m)
    if (!surfacesB) continue
    // A form both write, as the first passage first writes it; else each one's first.
    const both = [...surfacesA].find(([surface]) => surfacesB.has(surface))
    const [t, u] = both ? [both[1], -1] : [surfacesA.values().next().value!, surfacesB.values().next().value!]
    const word = shown(A, t)
    if (claimsOnly && ONE_LETTER.test(word)) continue
    if (u < 0) alike.push(word)
    else forms.push(`${word}/${shown(B, u)}`)
  }
  return { alike, forms }
}

/** A letter alone, with its accents ("b", "é" written as e and an accent). */
const ONE_LETTER = /^\p{L}\p{M}*$/u

/**
 * How many words written joined by a hyphen both spans have, in the same forms (`formOf`, -1: no
 * word): each is two shared words to plainSharedWords, and one word to a reader. Two sentences
 * that share "non-free" and "distributed" ("Widevine is a non-free library that cannot be
 * distributed directly by Debian" / "available in the non-free distribution") share two words,
 * not the three a restatement needs (a reviewer of README.Debian files).
 */
export function sharedCompounds(
  A: AnalysedDocument,
  a0: number,
  a1: number,
  B: AnalysedDocument,
  b0: number,
  b1: number,
  formOf: (doc: AnalysedDocument, t: number) => number,
): number {
  const compounds = (doc: AnalysedDocument, t0: number, t1: number): Set<string> => {
    const out = new Set<string>()
    for (let t = t0; t < t1; t++) {
      if (!hyphenJoined(doc, t)) continue
      // Two content words (plainSharedWords counts no others).
      if (!isContent(doc, t) || !isContent(doc, t + 1)) continue
      const x = formOf(doc, t)
      const y = formOf(doc, t + 1)
      if (x >= 0 && y >= 0 && x !== y) out.add(`${x} ${y}`)
    }
    return out
  }
  const inA = compounds(A, a0, a1)
  if (inA.size === 0) return 0
  let both = 0
  for (const c of compounds(B, b0, b1)) if (inA.has(c)) both++
  return both
}

/** Whether token t of `doc` is a content word. */
function isContent(doc: AnalysedDocument, t: number): boolean {
  const c = contentFrom(doc, t)
  return c < doc.content.length && doc.content[c] === t
}
