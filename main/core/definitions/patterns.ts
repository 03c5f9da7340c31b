// What a sentence says about a term it mentions: whether the term is the subject (the
// definiendum) and whether the rest of the sentence defines it, or only mentions it (history,
// status, importance). Works on the text before and after one mention, inside one sentence.
//
// Subject. The term is the subject when nothing but a determiner, a possessive or an opening quote
// comes before it in its clause (a clause starts at the sentence start, after a comma, semicolon,
// colon or dash, or after "that", "as", "because" ...). It is not the subject when a preposition,
// a verb or a gerund governs it ("the development of X", "developing X"), or when a content word
// right before it makes it part of a longer noun phrase ("traditional productive forces" is not
// "productive forces"). A few frames make the term the definiendum although it is not the subject:
//   the term      "the term X", "the concept of X" (a definition only with a defining verb)
//   meaning of    "the meaning / core / essence / connotation of X"
//   constituent   "the workers involved in X are ...", "data is one of the elements of X"
//   contrast      "the distinction between X and Y", "the distinction between the new and the
//                 traditional productive forces" (the term split by a coordination)
//   named as      "it qualifies as X", "is called X", "known as X"
//   driven by     "Y is the foundation for creating X": what X comes from (weaker than "X is driven
//                 by Y"; "a necessary prerequisite for developing X" says what X needs, a mention)
//   contrast      "the focus on X marks a change from Y to Z": what X moves away from (weak)
// Predicate. After the mention, the verb says what kind of statement it is:
//   means         means, refers to, denotes, is defined as, stands for, represents
//   in essence    "are, in essence, ..."
//   copula        is/are + a noun phrase (the genus); a status or importance noun phrase ("a
//                 buzzword", "a necessary prerequisite") makes it a mention instead
//   driven by     driven / led / marked / characterised / distinguished by, based on, focused on
//   consists of   consists of, comprises, includes, covers, involves
//   contrast      no longer relies on, is different from, is superior to, unlike, as opposed to
//   features      exhibits, features, highlights, embodies, serves as, lies in
//   related       is (closely) related to (weak)
//   mention       has become, has gained popularity, first appeared, is still new, will be
//                 crucial: history, status, importance

/** Why a sentence was taken as a definition. */
export type DefinitionPattern =
  | 'means'
  | 'the term'
  | 'in essence'
  | 'copula'
  | 'role'
  | 'meaning of'
  | 'driven by'
  | 'consists of'
  | 'constituent'
  | 'contrast'
  | 'features'
  | 'named as'
  | 'related'
  | 'question'

/** What a mention that is not a definition speaks of. */
export type MentionKind = 'history' | 'status' | 'importance'

/**
 * How sure each pattern is that the sentence defines the term, 0..1. A defining verb ("means",
 * "denotes") or "in essence" says so outright; a copula with a noun phrase usually gives the
 * genus; a role ("the material basis for ...") or a relation ("closely related to") characterises
 * the term only in part.
 */
export const PATTERN_CONFIDENCE: Record<DefinitionPattern, number> = {
  means: 0.95,
  'the term': 0.95,
  'in essence': 0.9,
  'meaning of': 0.85,
  question: 0.85,
  copula: 0.8,
  'driven by': 0.8,
  'consists of': 0.75,
  contrast: 0.75,
  constituent: 0.7,
  features: 0.65,
  role: 0.6,
  'named as': 0.6,
  related: 0.4,
}

/** The verdict on one mention in its sentence. */
export type Verdict =
  { kind: 'definition'; pattern: DefinitionPattern; confidence: number } | { kind: 'mention'; mention: MentionKind } | null

const DET = String.raw`(?:the|a|an|these|those|such|this|its|their|our|[\p{Lu}][\p{L}.]*['’]s)`
const OPEN_QUOTE = String.raw`[“"‘'(]?`
/** Words that end a clause's lead-in: after them a new subject may start. */
const CLAUSE_OPENER = String.raw`(?:that|as|since|because|while|although|though|whereas|when|if|so|and|but|instead|rather|namely)`
/**
 * Before the mention: the start of a clause, then at most a determiner and a quote. Each quotation
 * mark is read with the white space after it: as three runs of spaces side by side, where the
 * marks and the determiner are absent, a long run was shared among them every way, as its cube
 * (4,000 spaces after a comma, 31 s; a tester).
 */
const SUBJECT_BEFORE = new RegExp(String.raw`(?:^|[,;:—–]|\b${CLAUSE_OPENER})\s*(?:[“"‘'(]\s*)?(?:${DET}\s+)?(?:[“"‘'(]\s*)?$`, 'iu')
/** Before the mention: it is governed by a preposition, a verb or a gerund. */
const GOVERNED_BEFORE = new RegExp(
  String.raw`(?:\b(?:of|in|on|for|to|with|by|from|about|at|into|towards?|through|under|over|via|among|than|develop(?:s|ed|ing)?|accelerat(?:e|es|ed|ing)|foster(?:s|ed|ing)?|cultivat(?:e|es|ed|ing)|promot(?:e|es|ed|ing)|achiev(?:e|es|ed|ing)|boost(?:s|ed|ing)?|build(?:s|ing)?|form(?:s|ed|ing)?|creat(?:e|es|ed|ing)|embrac(?:e|es|ed|ing)|explain(?:s|ed)?|defin(?:e|es|ed)|outline[sd]?)|(?<!\p{L})\p{L}{3,}ing)\s+(?:${DET}\s+)?${OPEN_QUOTE}$`,
  'iu',
)
const THE_TERM_BEFORE = /\bthe\s+(?:term|concept(?:\s+of)?|notion(?:\s+of)?|phrase|expression|word|idea\s+of)\s*[“"‘']?$/i
const MEANING_BEFORE =
  /\b(?:meaning|definition|essence|core|nature|connotation|hallmark|characteristics?|gist|substance|crux)\s+of\s+(?:the\s+)?[“"‘']?$/i
const NAMED_BEFORE =
  /\b(?:qualif(?:y|ies)\s+as|(?:is|are)\s+(?:called|termed|dubbed)|known\s+as|referred\s+to\s+as|defined\s+as)\s+(?:an?\s+|the\s+)?[“"‘']?$/i
/** "the workers involved in X", "the means of labor used in X": a part of the term as subject. */
const CONSTITUENT_BEFORE =
  /(?:^|[,;:]|\b(?:that|as))\s*(?:in\s+my\s+view,\s*)?the\s+(?:[\p{L}-]+\s+){0,3}?(?:involved|used|employed|found|at\s+work)\s+in\s+(?:the\s+)?$/iu
/** "data is one of the elements of X": the sentence names a constituent of the term. */
const ELEMENT_BEFORE =
  /^\s*[“"]?[\p{L}][\p{L}\s-]{0,40}?\s+(?:is|are)\s+(?:one\s+of\s+)?(?:the\s+|an?\s+)?(?:(?:new|main|key|core|basic|essential|central|defining)\s+)?(?:elements?|components?|constituents?|parts?|pillars?|building\s+blocks?)\s+of\s+(?:the\s+)?$/iu
/** A sentence that opens with what the term is not: "Unlike X, ...", "As opposed to X, ...". */
const CONTRAST_LEAD =
  /^\s*(?:unlike|as\s+opposed\s+to|in\s+contrast\s+(?:to|with)|contrary\s+to|rather\s+than)\b[^.;]*,\s*(?:the\s+)?[“"‘']?$/i
const CONTRAST_BEFORE = /\b(?:distinction|difference|differences|contrast)\s+between\s+(?:the\s+)?$/i
/** "Y is the foundation for creating X": the term as what its driver founds. */
const FOUNDATION_BEFORE =
  /\b(?:is|are)\s+(?:the|a|an)\s+(?:[\p{L}-]+\s+){0,2}?(?:foundation|basis|source|engine|driving\s+force|driver|cornerstone)\s+(?:of|for)\s+(?:(?:creating|developing|forming|building|generating|producing)\s+)?(?:the\s+)?$/iu
/** "The focus on X", "this shift to X": a move the next words may say is from something else. */
const FOCUS_BEFORE = /^\s*(?:the|this|that)\s+(?:[\p{L}-]+\s+)?(?:focus|emphasis|shift|turn|move)\s+(?:on|to|towards?)\s+(?:the\s+)?$/iu
/** "... marks a change from Y to Z". */
const CHANGE_AFTER =
  /^\s*(?:[”"’']\s*)?(?:marks?|signals?|represents?|means?)\s+(?:an?\s+|the\s+)?(?:[\p{L}-]+\s+){0,2}?(?:change|shift|move|transition|turn)\s+from\b[^.;]*\bto\b/iu

/**
 * After the mention: a closing quote, an acronym in brackets, a parenthesis between commas, adverbs.
 * White space is read at one place of the pattern, never by two "\s*" around an optional mark: so
 * read, a long run of spaces took seconds (an audit; the same matches on 1.9 M lines and suffixes).
 */
const LEAD = String.raw`^\s*(?:[”"’']\s*)?(?:\([^)]{0,40}\)\s*)?(?:,[^,]{1,60},\s*)?(?:(?:today|also|now|thus|therefore|essentially|basically|generally|simply|still|then|in\s+essence|in\s+particular|closely|all|both|first|recently|since|already|increasingly)[\s,]+){0,3}`
const after = (verbs: string, lead = LEAD): RegExp => new RegExp(`${lead}(?:${verbs})\\b`, 'iu')
/**
 * LEAD, or a phrase that says of what or where the term is taken, before a defining verb: "The
 * "Corresponding Source" for a work in object code form means ...", "The "System Libraries" of an
 * executable work include ..." (licences and standards define their terms so). Only before
 * "means" and "consists of": "X in the south is driven by ..." says where, not what X is.
 */
const QUALIFIED_LEAD = String.raw`${LEAD}(?:(?:for|of|in)\s+(?:an?|the)\s+(?:[^\s,.;:"“”()](?:[^,.;:"“”()]{0,38}?[^\s,.;:"“”()])?\s+|\s{2,41}))?`

const MEANS = after(
  String.raw`means?|refers?(?:\s+\w+){0,2}\s+to|denotes?|(?:is|are|can\s+be)\s+defined\s+as|stands?\s+for|signif(?:y|ies)|represents?|connotes?|(?:is|are)\s+understood\s+as`,
  QUALIFIED_LEAD,
)
const IN_ESSENCE = after(String.raw`(?:is|are)\s*(?:,\s*)?(?:in\s+essence|essentially|at\s+(?:its|their)\s+core)`)
const DRIVEN = after(
  String.raw`(?:is|are)\s+(?:(?:primarily|mainly|chiefly|largely)\s+)?(?:driven|led|powered|marked|characteri[sz]ed|distinguished|defined|shaped|propelled)\s+by|(?:is|are)\s+(?:based|rooted|centred|centered|focused|founded)\s+on|rel(?:y|ies)\s+(?:mainly\s+|primarily\s+)?on`,
)
const CONSISTS = after(
  String.raw`consists?\s+of|comprises?|(?:is|are)\s+(?:made\s+up|composed)\s+of|includes?|cover(?:s)?|involves?|contains?|encompass(?:es)?`,
  QUALIFIED_LEAD,
)
const CONTRAST = after(
  String.raw`no\s+longer\s+rel(?:y|ies)\s+on|do(?:es)?\s+not\s+rely\s+on|(?:is|are)\s+(?:not|different|distinct)\b|(?:is|are)\s+(?:superior|opposed)\s+to|differs?\s+from|unlike|(?:stand|stands)\s+in\s+contrast`,
)
const FEATURES = after(
  String.raw`exhibits?|features?|highlights?|emphasi[sz]es?|prioriti[sz]es?|embod(?:y|ies)|lies?\s+in|serves?\s+(?:as|the\s+purpose\s+of)|overcomes?|constitutes?|entails?|aims?\s+(?:at|to)|seeks?\s+to`,
)
const RELATED = after(String.raw`(?:is|are)\s+(?:closely\s+)?(?:related|linked|tied|akin)\s+to`)
const COPULA = after(String.raw`is|are|was|were|['’]s`)
/** Mentions: what happened to the term, how it is regarded, how much it matters. */
const HISTORY = after(
  String.raw`(?:has|have|had)\s+(?:recently\s+|since\s+|first\s+)?(?:emerged|appeared|been\s+(?:used|raised|proposed|coined|introduced|mentioned|put\s+forward)|its\s+roots|roots)|(?:first\s+)?(?:began|begun|started)\s+(?:appearing|to\s+appear)|(?:was|were)\s+(?:first\s+|again\s+|most\s+recently\s+)?(?:used|raised|proposed|coined|introduced|mentioned|put\s+forward)|emerged|appeared|originated`,
)
const STATUS = after(
  String.raw`(?:has|have)\s+(?:become|gained|attracted|drawn|received)|(?:is|are)\s+(?:now\s+|still\s+|already\s+)?(?:a\s+)?(?:buzzword|popular|trending|widely\s+(?:used|discussed)|hot\b|on\s+everyone)|(?:is|are)\s+(?:still\s+|now\s+)?(?:relatively\s+|quite\s+|very\s+|fairly\s+)?new\b(?=\s*(?:[,.;]|$))`,
)
const IMPORTANCE = after(
  String.raw`(?:will|would|could|can|may|might|must|should)\s+(?:be\s+)?(?:crucial|important|essential|vital|key|help|fuel|invigorate|play|become|provide|bring)|(?:is|are)\s+(?:(?:a|an|the)\s+)?(?:(?:very|most|increasingly|highly|absolutely)\s+)?(?:crucial|important|essential|vital|critical|necessary|indispensable|key|top|core\s+priority|priority|prerequisite|necessity|immense|enormous|significant)`,
)
/** A copula's noun phrase that gives a status or importance, not a genus. */
const STATUS_NP =
  /^\s*(?:(?:a|an|the)\s+)?(?:(?:new|hot|key|popular|common|frequent|top|core|major|main)\s+)?(?:buzzword|catchword|slogan|(?:hot\s+)?topic|priority|prerequisite|precondition|necessity|must|focus|trend)\b/i
/** A copula's noun phrase that gives the term's role rather than its kind. */
const ROLE_NP =
  /^\s*(?:(?:a|an|the)\s+)?(?:(?:material|fundamental|basic|main|important|key|new|core|primary)\s+(?:and\s+\w+\s+)?)*(?:basis|foundation|driving\s+forces?|driver|engine|cornerstone|pillar|source|indicator)\b/i

/** The part of `after` that follows the copula ("is", "are", "’s"), or null. */
function afterCopula(text: string): string | null {
  const m = COPULA.exec(text)
  return m ? text.slice(m.index + m[0].length) : null
}

/**
 * The verdict on a mention, from the sentence text before it (`before`, from the sentence start)
 * and after it (`after`, to the sentence end). See the header for the frames and predicates.
 */
export function judgeMention(before: string, afterText: string): Verdict {
  // Frames that make the term the definiendum without being the subject.
  if (THE_TERM_BEFORE.test(before)) {
    if (MEANS.test(afterText)) return definition('the term')
    const m = mentionKind(afterText)
    return m ? { kind: 'mention', mention: m } : null
  }
  if (MEANING_BEFORE.test(before)) {
    const m = mentionKind(afterText)
    return m ? { kind: 'mention', mention: m } : definition('meaning of')
  }
  if (NAMED_BEFORE.test(before)) return definition('named as')
  if (CONTRAST_BEFORE.test(before)) return definition('contrast')
  if (ELEMENT_BEFORE.test(before)) return definition('constituent', 0.75)
  if (FOUNDATION_BEFORE.test(before)) return definition('driven by', 0.7)
  if (FOCUS_BEFORE.test(before) && CHANGE_AFTER.test(afterText)) return definition('contrast', 0.75)
  if (CONSTITUENT_BEFORE.test(before)) return predicateOf(afterText) ? definition('constituent') : null
  if (GOVERNED_BEFORE.test(before)) return null
  if (!SUBJECT_BEFORE.test(before)) return null
  // A content word right before the mention makes it part of a longer noun phrase.
  if (/[\p{L}\p{N}]\s+$/u.test(before) && !new RegExp(`(?:^|\\b${CLAUSE_OPENER}|\\b${DET})\\s+$`, 'iu').test(before)) return null
  const kind = mentionKind(afterText)
  if (kind) return { kind: 'mention', mention: kind }
  // "Unlike conventional grids, which ..., smart grids carry ...": a contrast whatever the verb.
  if (CONTRAST_LEAD.test(before) && /^\s*(?:[”"’']\s*)?(?:\p{Ll}+\s+){0,2}\p{Ll}+/u.test(afterText)) return definition('contrast')
  const pattern = predicateOf(afterText)
  if (!pattern) return null
  // A subordinate clause ("As X are also ...") or a clause deep in the sentence says it in passing.
  const lead = before.trim()
  const factor =
    /^(?:as|since|because|while|although|though|whereas|when|if)\b/i.test(lead) || /[;]\s*$/.test(lead) || lead.length > 120 ? 0.85 : 1
  return definition(pattern, factor)
}

function definition(pattern: DefinitionPattern, factor = 1): Verdict {
  return { kind: 'definition', pattern, confidence: Math.round(PATTERN_CONFIDENCE[pattern] * factor * 100) / 100 }
}

/**
 * A past participle right after the copula, before a preposition, a conjunction, a clause's
 * opener or the clause's end: a verb in the passive ("is cleared when the process exits"), not an
 * adjective before the noun a definition names ("is advanced productivity").
 */
const PASSIVE =
  /^\s*(?:\p{L}{2,}ed|run|done|made|given|taken|seen|shown|written|built|held|kept|found|sent|thrown|drawn|chosen|broken|hidden|bound|read|set|put|shut)(?:\s*(?:[.,;:!?]|$)|\s+(?:and|or|by|to|in|for|as|with|at|on|from|through|when|whenever|if|once|after|before|until|while|using|via|during|unless|because|within|upon|into|onto|over|under|automatically|only|again|either|also|instead|here|there|later|first|once|below|above|elsewhere|separately|earlier)\b)/iu

/**
 * A sentence adverb right after the copula, with its comma: "in fact", "at heart", "in many ways",
 * "on the whole". What it says of the term follows it ("is in fact a small database").
 */
const SENTENCE_ADVERB =
  /^\s*(?:in\s+(?:fact|turn|effect|principle|general|short|practice|reality|particular|essence|a\s+(?:sense|way)|(?:many|some|most)\s+ways)|at\s+(?:heart|bottom|(?:its|their)\s+core)|on\s+the\s+whole|of\s+course|above\s+all|first\s+and\s+foremost),?\s/iu

/** The defining predicate after the subject, or null. */
export function predicateOf(text: string): DefinitionPattern | null {
  if (IN_ESSENCE.test(text)) return 'in essence'
  if (MEANS.test(text)) return 'means'
  if (RELATED.test(text)) return 'related'
  if (CONTRAST.test(text)) return 'contrast'
  if (DRIVEN.test(text)) return 'driven by'
  if (CONSISTS.test(text)) return 'consists of'
  if (FEATURES.test(text)) return 'features'
  const copula = afterCopula(text)
  if (copula !== null) {
    // "is in fact a small database", "is at heart a ...": what follows the sentence adverb.
    const np = copula.replace(SENTENCE_ADVERB, ' ')
    if (STATUS_NP.test(np)) return null
    if (ROLE_NP.test(np)) return 'role'
    // "is that ...", "are to be ...", "is being ...": not a noun phrase.
    if (/^\s*(?:that|to|being|been|not|no|also\s+not)\b/i.test(np)) return null
    // "are shifting from ...", "are used and shared": a verb, not a noun phrase.
    if (/^\s*\p{L}+ing\s+(?:from|to|into|towards?|up|out|away|in|on|at|with|by|across)\b/iu.test(np)) return null
    // "is used by ...", "is scheduled using ...", "is cleared when ...", "is exited.": a verb in the
    // passive, what is done to it, not what it is (a reviewer of Node.js's API pages: three
    // "definitions" of the REPL and one of a timer said so).
    if (PASSIVE.test(np)) return null
    // "If domains are in use, ...": where it is, not what.
    if (/^\s*(?:in|on|at|under|within|without|out\s+of|off)\s/iu.test(np)) return null
    // "as long as the timer is active.": an adjective and the clause's end, a property, not a
    // class ("is software.", "is JSON, a text format" are classes).
    if (/^\s*\p{L}+(?:ive|ful|ous|able|ible|ent|ant|less|ic|al|ary|ory)\s*(?:[.;:!?)]|$)/iu.test(np)) return null
    return 'copula'
  }
  return null
}

/** History, status or importance, when the predicate speaks of one of them. */
export function mentionKind(text: string): MentionKind | null {
  if (HISTORY.test(text)) return 'history'
  if (STATUS.test(text)) return 'status'
  if (IMPORTANCE.test(text)) return 'importance'
  const np = afterCopula(text)
  if (np !== null && STATUS_NP.test(np)) return /prerequisite|precondition|necessity|must|priority/i.test(np) ? 'importance' : 'status'
  return null
}

/**
 * True when a sentence continues the definition before it: a restatement ("In other words",
 * "That is"), a pronoun subject ("They ...", "Instead, they ...", "It ..."), "this concept", or a
 * quoted part of the term ("“New” involves ...", "The word “quality” ..."). `parts` are the
 * term's words, lower case.
 */
export function continues(sentence: string, parts: readonly string[]): boolean {
  const s = sentence.trimStart()
  if (/^(?:in other words|that is|namely|in short|put simply|simply put|i\.e\.)\b/i.test(s)) return true
  // "It is important to ...", "It is necessary that ...": an expletive "it", not the term.
  if (/^it\s+(?:is|was|will\s+be)\s+(?:\p{L}+\s+){1,2}(?:to|that|for)\b/iu.test(s)) return false
  if (
    /^(?:(?:instead|rather|moreover|also|thus|hence),\s*)?(?:they|it)\b(?!\s+(?:stated|said|says|think|thinks|believe|believes|argued|noted)\b)(?:['’]s|\s+\p{Ll})/iu.test(
      s,
    )
  )
    return true
  const anaphor = /^(?:[\p{L}\s’'-]{0,40},\s*)?(?:this|the)\s+(?:concept|term|notion)\s+(?!of\b)(?=\p{Ll})/iu.exec(s)
  // "The term has its roots in ...": its history, not what it means.
  if (anaphor) return !mentionKind(s.slice(anaphor[0].length))
  const quoted = /^(?:the\s+(?:word|term|adjective|notion)\s+)?[“"‘']?\s*([\p{L}-]+)\s*[”"’']/iu.exec(s)
  return !!quoted && parts.includes(quoted[1].toLowerCase())
}

/**
 * Whether a sentence is "What is X?", "so what exactly does it imply?": a question the next
 * sentence may answer. It ends with a question mark, and opens with "what", or says "what is" (are,
 * does, do) after the question mark before that one. Read so, not as one pattern: a pattern read
 * on from each "what is" to the first question mark after it, and a sentence of thousands of them
 * before a question mark not at its end took seconds (400 KB: 12 s; a tester).
 */
export function isQuestion(text: string): boolean {
  const end = QUESTION_END.exec(text)
  if (!end) return false
  if (WHAT_FIRST.test(text)) return true
  return WHAT_IS.test(text.slice(text.lastIndexOf('?', end.index - 1) + 1, end.index))
}
/** A question mark that ends a sentence, but for white space and a closing quotation mark. */
const QUESTION_END = /\?\s*(?:[”"]\s*)?$/
/** A sentence that opens with "what" and has one question mark, at its end. */
const WHAT_FIRST = /^\s*(?:[“"]\s*)?what\b[^?]*\?\s*(?:[”"]\s*)?$/i
/** "What is", "what exactly does". */
const WHAT_IS = /\bwhat\s+(?:exactly\s+)?(?:is|are|does|do)\b/i
/** An answer that starts with a pronoun and a copula or defining verb. */
export const PRONOUN_ANSWER =
  /^\s*(?:it|they|this|these|the\s+(?:concept|term|phrase))\b[\s\S]{0,24}?\b(?:is|are|means?|refers?|denotes?|[’']s)\b/i
