import { type AnalysedDocument, contentMatchSet, foreignNegationAt, isContentToken, negatesAt } from './analyse.js'
import { negationBefore } from './negated-edges.js'
import { breaksClause, endsSentence, fullLineOf } from './sentences.js'

// A restatement says what the other passage says; two passages whose words are the same but for
// a negation of one of them say the opposite. The paraphrase pass compares content words, and a
// negation is a function word ("not", "no": stopwords.ts), so "A single file is possible to
// decompress in place" and "It is not possible to decompress a single file in place" were a
// paraphrase of cosine 1, and dpkg's "need not await the processing of this trigger" and "The
// package awaits trigger processing" one too (a reviewer: false). Where one side negates words
// both sides have and the other negates none of them, the pair is no paraphrase (overlaps.ts).
// What a negation negates is read without a parse, and each side is read so as to keep a pair
// when in doubt. That a side negates a shared word, narrowly: the first content word after the
// negation in its clause ("not possible", "need not await"), past an adverb ("no longer
// possible": ADVERBS), and the words "or" or "nor" join to it ("no representations or
// warranties"). That the other side negates none of them, broadly: no shared word anywhere after
// a negation in its clause ("no additional restrictions" negates "restrictions" as "no
// restrictions" does; GPL 2's "for a charge no more than your cost" and GPL 3's "for a price no
// more than your reasonable cost" are one clause). A negation of another clause ("which need not
// be copied,") leaves the claim as it is; both sides negating the words they share say the same
// ("WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND" / "no representations or warranties of any
// kind"). Read to its clause's end on both sides, a negation turned licences' restatements into
// opposites: GPL 2's "do not apply to those sections when you distribute them as separate works"
// and GPL 3's "separate and independent works", LGPL 2.1's terms that "permit modification" and
// LGPL 3's that "do not restrict modification".
// Not read as negations: "or not" and "or without" ("whether or not", "with or without
// modification"); "not only" (or "just", "merely") with a "but" after it in its sentence ("not only
// X but also Y" says X); a comparison ("no more than 32 characters", "not be longer than", "no
// later than"); "no" joined to the next word by a hyphen ("no-charge"); and a negation with a
// "without" after it in its clause ("may not be used ... without specific prior written
// permission" says it may be used with it).
// A verb can negate the action it governs as "not" does: "Declining to grant rights" says "does
// not grant permission" (GPL 3 and the Apache licence), and scp's "-B Selects batch mode
// (prevents asking for passwords or passphrases)" says the opposite of ssh's "-f ... useful if
// ssh is going to ask for passwords or passphrases" (a reviewer). Such verbs (NEGATING_VERBS)
// are read as negations where they govern an action, "to" or "from" after them, or a verb in -ing:
// "prevents corruption" is said again by "avoids corruption", and "declining market share" or
// "Permission denied errors" negate nothing (a second reviewer). Not every verb that turns a
// claim: "fail" and "lack" name a failure as often as they negate ("Fix failed build" / "Fix the
// build"), and "disable", "stop", "ignore" have plain opposites ("turn off", "skip").
// "rather than" and "instead of" negate what follows them (CONTRASTS): "separate rather than
// a single stream" does not say "a single stream"; not where they open a clause ("Instead of in
// seconds, ..."). So does "all but" wherever it stands (allBut): head's "print all but the last
// NUM lines of each file" is no restatement of tail's "Print the last 10 lines of each FILE" (a
// reviewer of coreutils' pages); "all but impossible" (nearly) is read so too.
// "non" joined to the next word by a hyphen negates that word as "not" does: llvm-objcopy's
// "exits with a non-zero exit code if there is an error" is no restatement of llvm-nm's "exits with
// an exit code of zero" (a tester of LLVM's pages), nor "non-free software" of "free software".
// Known limit: an aside in brackets or quotation marks after a negation ends what it negates ("is
// not (yet) possible").

/**
 * Verbs that negate the action they govern (see above), in their inflected forms: words that say
 * "not" with what they do ("refuses to overwrite" / "will not overwrite").
 */
const NEGATING_VERBS: ReadonlySet<string> = new Set(
  `prevent prevents prevented preventing refuse refuses refused refusing decline declines declined
declining forbid forbids forbade forbidden forbidding prohibit prohibits prohibited prohibiting deny
denies denied denying`.split(/\s+/),
)

/**
 * Two words that say what follows them is not what the clause says, as "not" does, by the second
 * word and the first: "rather than", "instead of". sed's page, "consider files as separate rather
 * than as a single, continuous long stream", and its manual, "sed will consider the files ... as a
 * single continuous long stream", shared the words the page sets aside, and were a paraphrase
 * that said the opposite (a reviewer). Not where the contrast opens its clause or sentence: there
 * it sets aside what the clause after it replaces, and that clause says the claim. wget's
 * "Instead of in seconds, the time can be specified in minutes using the 'm' suffix, in hours
 * ..." restates curl's "'s' (second), 'm' (minute), 'h' (hour)" (a reviewer: lost when the
 * contrast was read there too).
 */
const CONTRASTS: ReadonlyMap<string, string> = new Map([
  ['than', 'rather'],
  ['of', 'instead'],
])

/** Tokens after a negating verb within which its "to" or "from" is looked for ("prevents the user from"). */
const GOVERNED_REACH = 3

/** Words that open a subordinate clause: a negation does not reach past one to cancel another. */
const SUBORDINATORS: ReadonlySet<string> = new Set([
  'when',
  'whenever',
  'if',
  'unless',
  'because',
  'while',
  'since',
  'although',
  'though',
  'where',
  'which',
  'who',
])

/** Whether a surface form cancels a negation before it in its clause: "without", a negating verb. */
function cancelsNegation(surface: string): boolean {
  return surface === 'without' || NEGATING_VERBS.has(surface)
}

/**
 * Adverbs between a negation and the word it negates ("no longer possible"). A closed list: any
 * content word past the first would reach the clause's objects, which the clause may share
 * whatever it negates.
 */
const ADVERBS: ReadonlySet<string> = new Set([
  'longer',
  'always',
  'necessarily',
  'even',
  'yet',
  'ever',
  'really',
  'entirely',
  'fully',
  'quite',
  'otherwise',
  'currently',
  'generally',
  'usually',
  'completely',
  'exactly',
  'simply',
  'just',
  'easily',
  'merely',
])

/**
 * Words that join another word to the one a negation negates ("no representations or
 * warranties"). Not "and", which as often opens another clause ("is not a derivative and users
 * are free to link it").
 */
const JOINS: ReadonlySet<string> = new Set(['or', 'nor'])

/** Words after "not" that, with a "but" after them in the sentence, make it no negation ("not only X but also Y"). */
const NOT_ONLY: ReadonlySet<string> = new Set(['only', 'just', 'merely'])

/** Comparatives that, before "than", make the negation before them a comparison ("no more than"). */
const COMPARATIVES: ReadonlySet<string> = new Set([
  'more',
  'less',
  'fewer',
  'longer',
  'shorter',
  'later',
  'earlier',
  'greater',
  'larger',
  'smaller',
  'higher',
  'lower',
  'bigger',
  'older',
  'newer',
])

/** A hyphen and nothing else between two words ("no-charge"). */
const HYPHEN = /^[-\u2010\u2011\u2012\u2212]$/

/** How a side's negations are read (see above): what they surely negate, or all they may. */
type Reading = 'narrow' | 'broad'

/**
 * The match ids of `shared` that tokens [t0, t1] of D negate, read `narrow`ly or `broad`ly (see
 * above), in each negation's clause and sentence and inside the span.
 */
export function negatedShared(
  D: AnalysedDocument,
  surfaces: readonly string[],
  t0: number,
  t1: number,
  shared: ReadonlySet<number>,
  reading: Reading,
): Set<number> {
  const out = new Set<number>()
  const fullLine = fullLineOf(D)
  const last = D.starts.length - 1
  /** Whether a sentence ends after token t. */
  const stop = (t: number): boolean => t >= last || endsSentence(D, t, fullLine)
  /** Whether a clause or a sentence ends after token t. */
  const apart = (t: number): boolean => stop(t) || breaksClause(D.text, D.ends[t], D.starts[t + 1])
  const content = (t: number): boolean => isContentToken(D, t)
  const word = (t: number): string => (t <= last ? surfaces[D.surface[t]] : '')
  /** Whether a content word follows token t in its clause. */
  const contentAfter = (t: number): boolean => {
    for (let u = t + 1; u <= last && !apart(u - 1); u++) if (content(u)) return true
    return false
  }
  /** Whether token t ends a contrast (CONTRASTS) that does not open its clause or sentence. */
  const contrast = (t: number): boolean => t > 1 && CONTRASTS.get(word(t)) === word(t - 1) && !apart(t - 2)
  /** Whether token t is the "but" of "all but" (see above). */
  const allBut = (t: number): boolean => t > 0 && word(t) === 'but' && word(t - 1) === 'all'
  /** Whether token t is "non" joined to the next word by a hyphen ("non-zero", see above). */
  const prefixed = (t: number): boolean => t < last && word(t) === 'non' && HYPHEN.test(D.text.slice(D.ends[t], D.starts[t + 1]))
  /**
   * Whether token t negates what follows it: a negation (analyse.ts negatesAt), a negating verb,
   * a contrast's last word (contrast, allBut), or a prefix (prefixed).
   */
  const negative = (t: number): boolean =>
    t <= last && (negatesAt(surfaces, D, t) || NEGATING_VERBS.has(word(t)) || contrast(t) || allBut(t) || prefixed(t))
  /**
   * Whether the negating verb at token t governs an action: "to" or "from" after it ("declining to
   * grant", "prevents you from using", within GOVERNED_REACH tokens) or a verb in -ing ("prevents
   * asking"), not an object ("prevents corruption", for which "avoids corruption" says the same)
   * nor a noun it qualifies ("declining market share", "Permission denied errors").
   */
  const governsAction = (t: number): boolean => {
    if (t < last && word(t + 1).endsWith('ing') && content(t + 1)) return true
    for (let u = t + 1; u <= Math.min(last, t + GOVERNED_REACH) && !apart(u - 1); u++)
      if (word(u) === 'to' || word(u) === 'from') return true
    return false
  }
  /** Whether token t negates what follows it in its clause (see above: the idioms that do not). */
  const negating = (t: number): boolean => {
    const surface = word(t)
    if (!negative(t)) return false
    if (t > 0 && word(t - 1) === 'or') return false
    if (surface === 'no' && t < last && HYPHEN.test(D.text.slice(D.ends[t], D.starts[t + 1]))) return false
    // "no more than", "not be longer than".
    const next = word(t + 1) === 'be' ? t + 2 : t + 1
    if (COMPARATIVES.has(word(next)) && word(next + 1) === 'than') return false
    // "not only ... but", in its sentence.
    if (surface === 'not' && NOT_ONLY.has(word(t + 1)))
      for (let u = t + 2; u <= last && !stop(u - 1); u++) if (word(u) === 'but') return false
    // A negating verb only where it governs an action as "not" does (see above).
    if (NEGATING_VERBS.has(surface) && !governsAction(t)) return false
    // A negation and a "without" or a negating verb after it in its clause ("may not be used ...
    // without permission", "does not prevent you from using", "Nothing prevents you from
    // copying"), not past a subordinate clause's opening ("Do not retry the request when the
    // server refuses the connection"): neither is read. Two negations otherwise are two ("are
    // not Applications and are not covered by this License").
    if (!cancelsNegation(surface))
      for (let u = t + 1; u <= last && !apart(u - 1) && !SUBORDINATORS.has(word(u)); u++) if (cancelsNegation(word(u))) return false
    if (cancelsNegation(surface))
      for (let u = t - 1; u >= 0 && !apart(u) && !SUBORDINATORS.has(word(u)); u--) if (negative(u) || word(u) === 'nothing') return false
    return true
  }
  for (let t = t0; t <= t1; t++) {
    if (!negating(t)) continue
    // A German or Dutch negation after its verb ("Der Dienst liest die Datei nicht.") negates
    // what comes before it in its clause: read so where no content word follows it there (a
    // negation of another language than English: analyse.ts foreignNegationAt).
    const before = foreignNegationAt(surfaces, D, t) && !contentAfter(t)
    if (reading === 'broad') {
      for (let u = t + 1; u <= t1 && !apart(u - 1); u++) if (content(u) && shared.has(D.match[u])) out.add(D.match[u])
      if (before) for (let u = t - 1; u >= t0 && !apart(u); u--) if (content(u) && shared.has(D.match[u])) out.add(D.match[u])
      continue
    }
    if (before) {
      // The nearest content word before it.
      let u = t - 1
      while (u >= t0 && !apart(u) && !content(u)) u--
      if (u >= t0 && !apart(u) && shared.has(D.match[u])) out.add(D.match[u])
      continue
    }
    // The first content word after it, past the adverbs.
    let u = t + 1
    while (u <= t1 && !apart(u - 1) && (!content(u) || ADVERBS.has(word(u)))) u++
    if (u > t1 || apart(u - 1)) continue
    for (;;) {
      if (shared.has(D.match[u])) out.add(D.match[u])
      // "or warranties": a join and a content word next, in the clause.
      const next = u + 2
      if (next > t1 || apart(u) || apart(u + 1) || !JOINS.has(word(u + 1)) || !content(next)) break
      u = next
    }
  }
  return out
}

/**
 * Whether tokens [a0, a1] of A and [b0, b1] of B say opposite things (see above): one negates
 * content words both have (read narrowly), and the other none of them (read broadly). Each side
 * is read from the negation that governs it, which its passage takes in (negated-edges.ts):
 * CC0's "no representations or warranties of any kind" was paired from "warranties".
 */
export function saysOpposite(
  A: AnalysedDocument,
  a0: number,
  a1: number,
  B: AnalysedDocument,
  b0: number,
  b1: number,
  surfaces: readonly string[],
): boolean {
  a0 = governed(A, surfaces, a0)
  b0 = governed(B, surfaces, b0)
  const inA = contentMatchSet(A, a0, a1)
  const inB = contentMatchSet(B, b0, b1)
  const shared = new Set([...inA].filter((m) => inB.has(m)))
  const negated = (D: AnalysedDocument, t0: number, t1: number, reading: Reading) =>
    negatedShared(D, surfaces, t0, t1, shared, reading).size > 0
  return (negated(A, a0, a1, 'narrow') && !negated(B, b0, b1, 'broad')) || (negated(B, b0, b1, 'narrow') && !negated(A, a0, a1, 'broad'))
}

/** Where a side starting at token t0 of D starts with the negation that governs it (negated-edges.ts). */
function governed(D: AnalysedDocument, surfaces: readonly string[], t0: number): number {
  const before = negationBefore(D, surfaces, t0)
  return before >= 0 ? before : t0
}
