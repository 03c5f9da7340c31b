// Whose words a definition is. An author often defines a term by quoting or reporting someone
// else; the definition then belongs to that speaker, and the author only frames it:
//   quotation        General Secretary Xi Jinping stated, “… X mean …”   Wang emphasizes, “…”
//                    “…,” said Luo.   “…,” stated Wei Jianguo, a former vice-minister.
//                    According to Luo Zhiheng, head economist of …, “…”   As explained by Yu, “…”
//   reported speech  Chinese President Xi Jinping once pointed out that …   Wei went on to say that …
//   according to     According to X, …   …, according to industry experts.
// The speaker is the run of capitalised words next to the reporting verb, without titles
// ("Chinese President Xi Jinping" is "Xi Jinping"); a surname alone ("Wang") is completed from an
// earlier full mention in the same text ("Wang Guocheng"). Pronouns ("he stated") name no one.
// All offsets here are UTF-16 indices into the document's text.

/** Who is quoted and which words are theirs: [start, end) in UTF-16 units. */
export interface Attribution {
  speaker: string
  start: number
  end: number
  /** "quotation" when the words are in quotation marks, "reported" for reported speech. */
  form: 'quotation' | 'reported'
  /** The words that introduce the speaker: "Wang emphasizes,", "Xi Jinping once pointed out that". */
  lead: string
}

/**
 * Fewest words a quotation needs to be someone's statement rather than a quoted phrase (“new”,
 * “Two Sessions”, scare quotes). Five words is a short clause.
 */
export const MIN_QUOTE_WORDS = 5

const VERBS = String.raw`stated|states|said|says|say|emphasi[sz]ed|emphasi[sz]es|noted|notes|argued|argues|remarked|remarks|pointed\s+out|points\s+out|explained|explains|stressed|stresses|wrote|writes|added|adds|highlighted|highlights|declared|asserted|observed|observes|made\s+the\s+point|went\s+on\s+to\s+say|told\s+[\p{L}\s]{1,40}?|believes|holds|maintains|insists|recalled|affirmed|underlined|underscored|put\s+it`
const NAME = String.raw`(?:[\p{Lu}][\p{L}’'.-]*\s+){0,5}[\p{Lu}][\p{L}’'-]*`
const ADVERBS = String.raw`(?:(?:once|also|has|had|have|repeatedly|further|then|recently|clearly|explicitly)\s+){0,2}`
/** Before an opening quote: "X stated, “", "X emphasizes, “", "According to X, “", "As explained by X, …, “". */
const BEFORE_QUOTE = [
  new RegExp(String.raw`(${NAME})(?:,[^,“”"]{1,100},)?\s+${ADVERBS}(?:${VERBS})\s*[,:]?\s*$`, 'u'),
  new RegExp(String.raw`\baccording\s+to\s+(${NAME}|[\p{L}\s]{1,30}?)(?:,[^,“”"]{1,100})?,\s*$`, 'iu'),
  new RegExp(String.raw`\b(?:as\s+)?(?:explained|stated|said|noted|put|described|defined)\s+by\s+(${NAME})(?:,[^,“”"]{1,100})?,\s*$`, 'iu'),
]
/** After a closing quote: "…,” said Luo", "…,” Huang stated", "…,” stated Wei Jianguo, …". */
const AFTER_QUOTE = [
  new RegExp(String.raw`^\s*(?:[,.]\s*)?(?:${VERBS})\s+(${NAME})`, 'u'),
  new RegExp(String.raw`^\s*(?:[,.]\s*)?(${NAME})\s+${ADVERBS}(?:${VERBS})\b`, 'u'),
]
/** Reported speech inside a sentence: "X once pointed out that ". */
const REPORTED = new RegExp(String.raw`(?:^|[\s,;(])(${NAME})\s+${ADVERBS}(?:${VERBS})\s+that\s+`, 'u')
const ACCORDING_START = new RegExp(String.raw`^\s*according\s+to\s+(${NAME}|[\p{L}\s]{1,30}?)(?:,[^,]{1,100})?,\s*`, 'iu')
const ACCORDING_END = new RegExp(String.raw`,\s*according\s+to\s+(${NAME}|[\p{Ll}\s]{1,30}?|[\p{L}\s]{1,30}?)\s*[.!]?\s*$`, 'iu')

/**
 * Characters of a sentence, at most, read for who speaks in it without quotation marks (a lead
 * before the mention, "according to X" at its end). A speaker is named within a few words of what
 * they said; a "sentence" of a text without full stops (a table or an index out of a PDF) can be
 * the whole text, and REPORTED and ACCORDING_END read it in time growing with the square of its
 * length (an audit: 2.7 s for 8 KB).
 */
export const MAX_LEAD_READ = 2000

/** Words that are titles or descriptions, not names, at the front of a capitalised run. */
const TITLES = new Set(
  (
    'chinese american european president general secretary premier vice deputy former minister chairman chairwoman mayor director ' +
    'head chief senior researcher professor prof dr mr mrs ms sir comrade economist governor ambassador spokesperson spokesman ' +
    'chancellor prime state party leader engineer scientist analyst expert writer author scholar lecturer dean judge editor ' +
    'reporter official officer historian commentator the a an'
  ).split(' '),
)
const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you', 'this', 'that', 'the', 'these'])

/** Quoted passages of a text of at least MIN_QUOTE_WORDS words: [start, end) of the words inside the marks. */
export function quotations(text: string): [number, number][] {
  const out: [number, number][] = []
  const re = /“([^“”]*)”|"([^"]*)"/g
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const inner = m[1] ?? m[2]
    if ((inner.match(/[\p{L}\p{N}]+/gu)?.length ?? 0) >= MIN_QUOTE_WORDS) out.push([m.index + 1, m.index + 1 + inner.length])
  }
  return out
}

/**
 * Who speaks in the definition [start, end) of `text` (UTF-16), whose sentences begin at
 * `sentenceStarts` (the first at `start`), and which words are theirs, or null when the author
 * speaks. `quotes` is quotations(text).
 */
export function attribute(
  text: string,
  start: number,
  end: number,
  mentionAt: number,
  sentenceStart: number,
  quotes: readonly [number, number][],
): Attribution | null {
  // Quotation marks around the mention of the term.
  const quote = quotes.find(([a, b]) => a <= mentionAt && mentionAt < b)
  if (quote) {
    const [qa, qb] = quote
    const paragraph = text.lastIndexOf('\n', qa - 1) + 1
    const before = text.slice(Math.max(paragraph, qa - 300), qa - 1)
    const afterText = text.slice(qb + 1, qb + 200)
    let name: string | null = null
    let lead = ''
    for (const re of BEFORE_QUOTE) {
      const m = re.exec(before)
      if (m) {
        name = m[1]
        lead = `${m[0].trim()} “…”`
        break
      }
    }
    if (!name) {
      for (const re of AFTER_QUOTE) {
        const m = re.exec(afterText)
        if (m) {
          name = m[1]
          lead = `“…” ${m[0].trim()}`
          break
        }
      }
    }
    const speaker = name && speakerName(name, text)
    if (speaker) return { speaker, start: Math.max(qa, start), end: Math.min(trimEnd(text, qa, qb), end), form: 'quotation', lead }
  }
  // Reported speech or "according to" in the sentence of the mention, its last MAX_LEAD_READ
  // characters before the mention at most (from a word's start).
  let headStart = Math.max(sentenceStart, mentionAt - MAX_LEAD_READ)
  if (headStart > sentenceStart) while (headStart < mentionAt && !/\s/u.test(text[headStart - 1])) headStart++
  const head = text.slice(headStart, mentionAt)
  // Reported speech ("X once pointed out that …") or an opening "according to X, …" (only where
  // the sentence's start is read): the speaker's words run from the end of the lead to the end of
  // the sentence.
  for (const pattern of headStart === sentenceStart ? [REPORTED, ACCORDING_START] : [REPORTED]) {
    const lead = pattern.exec(head)
    if (!lead) continue
    const speaker = speakerName(lead[1], text)
    const from = headStart + lead.index + lead[0].length
    if (speaker)
      return {
        speaker,
        start: from,
        end: trimEnd(text, from, sentenceEnd(text, sentenceStart, end)),
        form: 'reported',
        lead: `${lead[0].trim()} …`,
      }
  }
  // A closing "…, according to X." of the sentence's first sentence, read in its last
  // MAX_LEAD_READ characters.
  const first = text.slice(sentenceStart, end).split(/(?<=[.!?])\s+(?=[\p{Lu}“"])/u)[0]
  const tailAt = Math.max(0, first.length - MAX_LEAD_READ)
  const closing = ACCORDING_END.exec(first.slice(tailAt))
  if (closing) {
    const speaker = speakerName(closing[1], text)
    if (speaker)
      return { speaker, start: sentenceStart, end: sentenceStart + tailAt + closing.index, form: 'reported', lead: `…${closing[0].trim()}` }
  }
  return null
}

/** The end of the first sentence starting at `from`, at most `limit`. */
function sentenceEnd(text: string, from: number, limit: number): number {
  const re = /[.!?][”"’)]?(?=\s+[\p{Lu}“"]|\s*$)/gu
  re.lastIndex = from
  const m = re.exec(text)
  return m && m.index < limit ? m.index + m[0].length : limit
}

/** `end` moved back over trailing spaces and the sentence's own punctuation. */
function trimEnd(text: string, start: number, end: number): number {
  let e = end
  while (e > start && /[\s.,;:!?]/.test(text[e - 1])) e--
  return e
}

/** A speaker's name without titles, completed from the text when only a surname is given; null for a pronoun. */
export function speakerName(raw: string, text: string): string | null {
  const words = raw.trim().split(/\s+/)
  while (words.length > 1 && TITLES.has(words[0].toLowerCase())) words.shift()
  const name = words.join(' ').replace(/[’']s$/, '')
  if (!name || PRONOUNS.has(name.toLowerCase()) || TITLES.has(name.toLowerCase())) return null
  if (words.length === 1 && /^\p{Lu}/u.test(name)) {
    // "Wang" → "Wang Guocheng" when the text names them in full.
    if (text !== fullNamesIn) {
      fullNamesIn = text
      fullNames.clear()
    }
    let full = fullNames.get(name)
    if (full === undefined) {
      const m = new RegExp(String.raw`\b${escape(name)}\s+([\p{Lu}][\p{Ll}’'-]+)\b`, 'u').exec(text)
      fullNames.set(name, (full = m && !TITLES.has(m[1].toLowerCase()) ? `${name} ${m[1]}` : null))
    }
    if (full) return full
  }
  return name
}

/**
 * The full names speakerName found in the text it was last asked about, by surname: a text that
 * quotes one speaker a thousand times was searched for the full name a thousand times (a tester).
 */
const fullNames = new Map<string, string | null>()
let fullNamesIn: string | undefined

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
