// WordNet's links between words, two of the pointers of its data files (data.noun, data.verb,
// data.adj, data.adv):
//   derivation links, "+": join a word in one sense to a word of another part of speech made from
//     it, or it from that word, in a sense of the same meaning: "necessity" (the noun, the condition
//     of being essential) and "necessary" (absolutely essential), "reduce" and "reduction". The
//     paraphrase pass reads a noun and an adjective so joined as one word (core/engine/synonyms.ts,
//     wordnet.ts RELATED_PARTS), as it reads inflected forms through the stemmer, which leaves such
//     pairs apart ("necess" and "necessari");
//   antonym links, "!": join a word in one sense to its opposite in one of its senses: "minimum"
//     (the smallest possible quantity) and "maximum" (the largest), "enable" and "disable". Two
//     sentences alike but for a word and its opposite say different things (core/engine/opposites.ts).
//
// A data file's line is one synset:
//   offset lex_filenum ss_type w_cnt word lex_id [word lex_id ...] p_cnt [pointer ...] ... | gloss
// e.g. "00001740 00 a 01 able 0 005 = 05207437 n 0000 ... + 05624029 n 0101 ...", where w_cnt is two
// hexadecimal digits, p_cnt three decimal ones, and a pointer is
//   symbol target_offset target_pos source_target
// source_target four hexadecimal digits: the number of the word in this synset and in the target
// synset that the pointer joins ("0101": the first of each). A synset's offset is the byte offset
// of its line in its file, which is how a target is read. The licence's lines at the top start with
// two spaces.

/** The four data files' bytes, by the letter WordNet gives their part of speech. */
export interface DataFiles {
  n: Uint8Array
  v: Uint8Array
  a: Uint8Array
  r: Uint8Array
}

/** Each data file's name, by the letter of its part of speech. */
export const DATA_FILE_NAMES: Record<keyof DataFiles, string> = { n: 'data.noun', v: 'data.verb', a: 'data.adj', r: 'data.adv' }

/**
 * Finds the sense a data file's word is in: the number of sense `offset` of `lemma` (lower case,
 * spaces as underscores) in part of speech `pos` (a satellite adjective's "s" read as "a"), or -1.
 */
export type SenseOf = (lemma: string, pos: keyof DataFiles, offset: number) => number

const SPACE = 0x20
const NEWLINE = 0x0a
const PLUS = 0x2b
const BANG = 0x21
const BAR = 0x7c
const OPEN = 0x28

/** The links of the data files between senses (`senseOf`), as pairs [s, t, s, t, ...]. */
export interface WordLinks {
  /** A pair for each "+" pointer whose two words have senses. */
  derived: number[]
  /** A pair for each "!" pointer whose two words have senses. */
  opposed: number[]
}

/** The derivation and antonym links of the data files. Throws on a line not of the form above. */
export function wordLinks(data: DataFiles, senseOf: SenseOf): WordLinks {
  const pairs: WordLinks = { derived: [], opposed: [] }
  for (const pos of Object.keys(DATA_FILE_NAMES) as (keyof DataFiles)[]) {
    const bytes = data[pos]
    for (let at = 0; at < bytes.length;) {
      let end = bytes.indexOf(NEWLINE, at)
      if (end < 0) end = bytes.length
      if (end > at && bytes[at] !== SPACE) readSynset(data, pos, bytes, at, end, senseOf, pairs)
      at = end + 1
    }
  }
  return pairs
}

/** The fields of one line, [start, end) byte ranges, up to the gloss's bar. */
function fieldsOf(bytes: Uint8Array, from: number, to: number): number[] {
  const fields: number[] = []
  for (let at = from; at < to;) {
    while (at < to && bytes[at] === SPACE) at++
    if (at >= to || bytes[at] === BAR) break
    const start = at
    while (at < to && bytes[at] !== SPACE) at++
    fields.push(start, at)
  }
  return fields
}

function number(bytes: Uint8Array, start: number, end: number, radix: 10 | 16): number {
  let value = 0
  for (let k = start; k < end; k++) {
    const c = bytes[k] | 0x20 // lower case for hexadecimal letters
    const digit = c >= 0x30 && c <= 0x39 ? c - 0x30 : radix === 16 && c >= 0x61 && c <= 0x66 ? c - 0x61 + 10 : -1
    if (digit < 0 || end === start) return NaN
    value = value * radix + digit
  }
  return end === start ? NaN : value
}

/** A word of a line as a lemma: lower case, without an adjective's marker ("(p)", "(a)", "(ip)"). */
function lemmaOf(bytes: Uint8Array, start: number, end: number): string {
  let stop = start
  while (stop < end && bytes[stop] !== OPEN) stop++
  let out = ''
  for (let k = start; k < stop; k++) {
    const c = bytes[k]
    out += String.fromCharCode(c >= 0x41 && c <= 0x5a ? c + 0x20 : c)
  }
  return out
}

/** The `n`-th word (from 1) of the synset at byte `offset` of `pos`'s file, as a lemma; '' when there is none. */
function wordOf(data: DataFiles, pos: keyof DataFiles, offset: number, n: number): string {
  const bytes = data[pos]
  if (offset >= bytes.length || (offset > 0 && bytes[offset - 1] !== NEWLINE)) return ''
  let end = bytes.indexOf(NEWLINE, offset)
  if (end < 0) end = bytes.length
  const fields = fieldsOf(bytes, offset, end)
  const count = number(bytes, fields[6], fields[7], 16)
  if (!(n >= 1 && n <= count) || fields.length < 2 * (4 + 2 * n)) return ''
  return lemmaOf(bytes, fields[2 * (4 + 2 * (n - 1))], fields[2 * (4 + 2 * (n - 1)) + 1])
}

function readSynset(
  data: DataFiles,
  pos: keyof DataFiles,
  bytes: Uint8Array,
  from: number,
  to: number,
  senseOf: SenseOf,
  pairs: WordLinks,
): void {
  const fields = fieldsOf(bytes, from, to)
  const bad = () =>
    new Error(`${DATA_FILE_NAMES[pos]}: unexpected line "${Buffer.from(bytes.subarray(from, Math.min(to, from + 80))).toString('latin1')}"`)
  const field = (i: number): [number, number] => {
    if (2 * i + 1 >= fields.length) throw bad()
    return [fields[2 * i], fields[2 * i + 1]]
  }
  const offset = number(bytes, ...field(0), 10)
  if (offset !== from) throw bad()
  const words = number(bytes, ...field(3), 16)
  const pointerCount = number(bytes, ...field(4 + 2 * words), 10)
  if (!(words >= 1) || !(pointerCount >= 0)) throw bad()
  for (let p = 0; p < pointerCount; p++) {
    const base = 5 + 2 * words + 4 * p
    const [symbolStart, symbolEnd] = field(base)
    const symbol = symbolEnd - symbolStart === 1 ? bytes[symbolStart] : 0
    if (symbol !== PLUS && symbol !== BANG) continue
    const target = number(bytes, ...field(base + 1), 10)
    const [posStart] = field(base + 2)
    const [joinStart, joinEnd] = field(base + 3)
    const letter = String.fromCharCode(bytes[posStart])
    const targetPos = (letter === 's' ? 'a' : letter) as keyof DataFiles
    if (!(targetPos in DATA_FILE_NAMES) || joinEnd - joinStart !== 4 || Number.isNaN(target)) throw bad()
    const source = number(bytes, joinStart, joinStart + 2, 16)
    const goal = number(bytes, joinStart + 2, joinEnd, 16)
    // 0000 joins the synsets as wholes: derivation and antonymy are between words, never so.
    if (!(source >= 1 && source <= words) || !(goal >= 1)) continue
    const s = senseOf(lemmaOf(bytes, ...field(4 + 2 * (source - 1))), pos, offset)
    const t = senseOf(wordOf(data, targetPos, target, goal), targetPos, target)
    if (s >= 0 && t >= 0) (symbol === PLUS ? pairs.derived : pairs.opposed).push(s, t)
  }
}
