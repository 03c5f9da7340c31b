// Function words: they carry the grammar of a sentence, not its content. The engine seeds
// matches on content words only (see ngrams.ts), so inserting or dropping an "and" or a "the"
// does not break a match, and gives them less weight than content words when it sets passage
// boundaries (align.ts). Compared on the normalised form (lower case, straight apostrophe).

/** English function words: articles, pronouns, auxiliaries, prepositions, conjunctions. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are aren't as at be because been before being below
between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down during each
either etc few for from further had hadn't has hasn't have haven't having he he'd he'll he's her here here's hers
herself him himself his how how's however i i'd i'll i'm i've if in into is isn't it it's its itself just let's
may me might more most must mustn't my myself neither no nor not now of off on once only or other ought our ours
ourselves out over own per same shall shan't she she'd she'll she's should shouldn't so some such than that
that's the their theirs them themselves then there there's these they they'd they'll they're they've this those
through thus to too under until up upon us very via was wasn't we we'd we'll we're we've were weren't what
what's when when's where where's whether which while who who's whom whose why why's will with within without
won't would wouldn't yet you you'd you'll you're you've your yours yourself yourselves`.split(/\s+/),
)

/**
 * Function words that negate what follows them. They weigh as function words do, but where one
 * passage has one its partner lacks they turn the claim ("is not a SYSTEM library" / "is a SYSTEM
 * library"): a paraphrase's edge is never cut after one (paraphrase.ts), and a negation one side
 * lacks lowers the pair's similarity (similarity.ts).
 */
const NEGATIONS: ReadonlySet<string> = new Set(['not', 'no', 'never', 'nor', 'neither', 'without', 'cannot'])

/** Whether a surface form (lower case, straight apostrophe) negates: NEGATIONS, or a contraction in n't ("doesn't"). */
export function negates(surface: string): boolean {
  return NEGATIONS.has(surface) || surface.endsWith("n't")
}

/**
 * Chinese function characters (tokenize.ts reads each Han character as a word): the particles,
 * prepositions, conjunctions, pronouns and the measure word that most sentences hold. Japanese
 * function words are written in Hiragana, and a token of Hiragana is taken as one (isStopword).
 */
export const CHINESE_STOP_CHARACTERS: ReadonlySet<string> = new Set([...'的了着过是在和与及或而也都就把被对从以之其这那个为于等'])
