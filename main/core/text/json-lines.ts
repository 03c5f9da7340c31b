// JSON.stringify(value, null, 2), line by line: the same text, handed to a sink one line at a
// time instead of built as one string. A result of hundreds of megabytes (an overlap that is a
// whole document copied four times, with its variants) is then never held as one string, nor
// copied again to be written: the largest piece held is one line (a passage's text).

/**
 * Receives the lines of the text in order, without their last line break: one line, or the few
 * lines of a small object or array written at once (see jsonLines). A sink with `pieces` also
 * takes one line as a sequence of pieces, written one after the other with nothing between them:
 * jsonLines then hands it a long string (LONG_STRING_CHARS) a piece at a time.
 */
export type LineSink = ((line: string) => void) & { pieces?: (pieces: Iterable<string>) => void }

/**
 * A string value at least this long (a passage that is a whole document) is written in pieces to
 * a sink that takes them: as one line it would be made as a string as long as itself, several
 * times over (JSON.stringify, the indentation, the line break), each over V8's large-object size
 * (128 KB) and so made in the old generation, freed only by a full collection: at corpus scale,
 * the long passages written out first (the best overlaps) piled up there as garbage (77 MB on the
 * changelogs of a Debian system). The same length as a batch of byteLines (byte-lines.ts), from
 * which a longer string is encoded on its own.
 */
export const LONG_STRING_CHARS = 32_000

/**
 * Characters of a long string escaped per piece. An escaped piece is at most six times as long
 * (\uXXXX), two bytes a character: 8,192 keeps it under the large-object size.
 */
const PIECE_CHARS = 8_192

/** Pads of each depth, made once. */
const pads: string[] = ['']

function padOf(depth: number): string {
  while (pads.length <= depth) pads.push(pads[pads.length - 1] + '  ')
  return pads[depth]
}

/**
 * Writes the lines of JSON.stringify(value, null, 2) for plain JSON data (objects, arrays,
 * strings, numbers, booleans, null; toJSON honoured; undefined and functions left out of objects
 * and written null in arrays, as JSON.stringify does), as if the value stood at `depth` (two
 * spaces a level) after `prefix` on its first line and before `suffix` on its last.
 */
export function jsonLines(value: unknown, sink: LineSink, depth = 0, prefix = '', suffix = ''): void {
  writeLines(value, sink, depth, prefix, suffix, new EscapedTexts())
}

/**
 * Strings from this long are escaped once per jsonLines call (`escaped` holds them for the call,
 * at most the value's own texts once more): an overlap's passages are often copies of one text (a
 * licence in six hundred files), and so are both sides of a change that is equal. Of the 81 M
 * characters of long strings in the engine's JSON for a thousand licences, 33 M are distinct
 * within their overlap. Shorter strings (ids, kinds) are escaped faster than looked up.
 */
export const MEMO_CHARS = 256

/**
 * Texts of one length kept in EscapedTexts at most: a lookup compares the text with each kept
 * text of its length (an equal one to its end; another mostly stops at its first characters), so
 * a value with many distinct texts of one length costs a bounded number of comparisons each.
 */
const MAX_SAME_LENGTH = 8

/**
 * The long strings of one jsonLines call, escaped, found by their length and then compared. A
 * Map keyed by the string itself reads every text it is asked for to hash it (up to 16 K
 * characters each: a tenth of the JSON's cost for a thousand licences), where texts of different
 * lengths, nearly all of them, need no reading at all.
 */
class EscapedTexts {
  private readonly byLength = new Map<number, string[]>()

  /** JSON.stringify(text), made once per distinct text. */
  of(text: string): string {
    const kept = this.byLength.get(text.length)
    if (kept) for (let i = 0; i < kept.length; i += 2) if (kept[i] === text) return kept[i + 1]
    const escaped = JSON.stringify(text)
    if (!kept) this.byLength.set(text.length, [text, escaped])
    else if (kept.length < 2 * MAX_SAME_LENGTH) kept.push(text, escaped)
    return escaped
  }
}

/**
 * A character JSON.stringify writes escaped: the quotation mark, the backslash, a control
 * character, or a surrogate (a lone one is escaped; a string with any is left to JSON.stringify).
 */
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/

function writeLines(value: unknown, sink: LineSink, depth: number, prefix: string, suffix: string, escaped: EscapedTexts): void {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function')
    value = (value as { toJSON: () => unknown }).toJSON()
  const pad = padOf(depth)
  // A flat array's items are written one a line by the array branch below.
  const flat = flatness(value)
  if (flat !== NOT_FLAT) {
    const record = value as Record<string, unknown>
    if (sink.pieces && flat === FLAT_LONG) flatInPieces(record, sink, sink.pieces, depth, prefix, suffix, escaped)
    else flatLines(record, sink, pad, prefix, suffix, escaped)
    return
  }
  if (Array.isArray(value)) {
    if (value.length === 0) {
      sink(`${pad}${prefix}[]${suffix}`)
      return
    }
    sink(`${pad}${prefix}[`)
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i]
      const comma = i + 1 < value.length ? ',' : ''
      if (item === undefined || typeof item === 'function' || typeof item === 'symbol') sink(`${padOf(depth + 1)}null${comma}`)
      else writeLines(item, sink, depth + 1, '', comma, escaped)
    }
    sink(`${pad}]${suffix}`)
    return
  }
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>
    const keys = Object.keys(record).filter((k) => {
      const v = record[k]
      return v !== undefined && typeof v !== 'function' && typeof v !== 'symbol'
    })
    if (keys.length === 0) {
      sink(`${pad}${prefix}{}${suffix}`)
      return
    }
    sink(`${pad}${prefix}{`)
    for (let i = 0; i < keys.length; i++)
      writeLines(record[keys[i]], sink, depth + 1, `${keyText(keys[i])}: `, i + 1 < keys.length ? ',' : '', escaped)
    sink(`${pad}}${suffix}`)
    return
  }
  sink(`${pad}${prefix}${stringify(value, escaped)}${suffix}`)
}

/**
 * JSON.stringify of a value that is not an object: numbers, booleans and null written here (as
 * JSON.stringify writes them: a finite number as String does, any other as null), long strings
 * through `escaped` (see MEMO_CHARS).
 */
function stringify(value: unknown, escaped: EscapedTexts): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null'
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  if (value === null) return 'null'
  if (typeof value !== 'string') return JSON.stringify(value)
  // A short string with nothing to escape is quoted as it is: a call of JSON.stringify costs more
  // than the test (a document id in each of 400,000 passages of a thousand licences' JSON).
  if (value.length < MEMO_CHARS) return NEEDS_ESCAPE.test(value) ? JSON.stringify(value) : `"${value}"`
  return escaped.of(value)
}

/** Most keys whose JSON (quoted, escaped) is kept from call to call (keyText). */
const KEY_TEXTS = 4096

/** Keys as JSON, by key: a corpus's output repeats a few keys ("doc", "start", "text") millions of times. */
const keyTexts = new Map<string, string>()

/** JSON.stringify(key), kept for the first KEY_TEXTS keys. */
function keyText(key: string): string {
  let text = keyTexts.get(key)
  if (text === undefined) {
    text = JSON.stringify(key)
    if (keyTexts.size < KEY_TEXTS) keyTexts.set(key, text)
  }
  return text
}

/**
 * The lines of a flat object (flatness): a passage, a change, handed to the sink at once. Each
 * value is written by stringify, the layout here: stringifying the object as a whole with
 * indentation, then indenting that again line by line, read and copied each text (whole
 * documents, 125 MB of output for a thousand licences) twice more.
 */
function flatLines(
  record: Record<string, unknown>,
  sink: LineSink,
  pad: string,
  prefix: string,
  suffix: string,
  escaped: EscapedTexts,
): void {
  const inner = `${pad}  `
  let lines = `${pad}${prefix}{`
  let members = 0
  for (const key of Object.keys(record)) {
    const v = record[key]
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue
    lines += `${members++ ? ',' : ''}\n${inner}${keyText(key)}: ${stringify(v, escaped)}`
  }
  sink(members ? `${lines}\n${pad}}${suffix}` : `${lines}}${suffix}`)
}

/**
 * A flat object (flatness) written as JSON.stringify(value, null, 2) writes it, at `depth`: a line
 * per value, a long string's line in pieces (see LONG_STRING_CHARS).
 */
function flatInPieces(
  record: Record<string, unknown>,
  sink: LineSink,
  pieces: (pieces: Iterable<string>) => void,
  depth: number,
  prefix: string,
  suffix: string,
  escaped: EscapedTexts,
): void {
  const pad = padOf(depth)
  const inner = padOf(depth + 1)
  const keys = Object.keys(record).filter((k) => {
    const v = record[k]
    return v !== undefined && typeof v !== 'function' && typeof v !== 'symbol'
  })
  sink(`${pad}${prefix}{`)
  keys.forEach((key, i) => {
    const v = record[key]
    const head = `${inner}${keyText(key)}: `
    const comma = i + 1 < keys.length ? ',' : ''
    if (typeof v === 'string' && v.length >= LONG_STRING_CHARS) pieces(stringPieces(head, v, comma))
    else sink(`${head}${stringify(v, escaped)}${comma}`)
  })
  sink(`${pad}}${suffix}`)
}

/**
 * `head`, JSON.stringify(text) a piece at a time, and `tail`. Pieces end before a high surrogate
 * rather than between the halves of a pair: JSON.stringify escapes a lone half, and the pieces
 * must read as the whole string's escape.
 */
function* stringPieces(head: string, text: string, tail: string): Generator<string> {
  yield `${head}"`
  for (let at = 0; at < text.length;) {
    let end = Math.min(text.length, at + PIECE_CHARS)
    const last = text.charCodeAt(end - 1)
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--
    yield JSON.stringify(text.slice(at, end)).slice(1, -1)
    at = end
  }
  yield `"${tail}`
}

/** What flatness says of a value. */
const NOT_FLAT = 0
const FLAT = 1
const FLAT_LONG = 2

/**
 * FLAT for an object (not an array) that holds no object or array (nor anything with toJSON),
 * FLAT_LONG for one that also has a string of LONG_STRING_CHARS or more, else NOT_FLAT: one
 * read of its members (each was read twice or three times, at a passage or change each).
 */
function flatness(value: unknown): typeof NOT_FLAT | typeof FLAT | typeof FLAT_LONG {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return NOT_FLAT
  const record = value as Record<string, unknown>
  let long = false
  for (const key of Object.keys(record)) {
    const v = record[key]
    if (v !== null && typeof v === 'object') return NOT_FLAT
    if (typeof v === 'string' && v.length >= LONG_STRING_CHARS) long = true
  }
  return long ? FLAT_LONG : FLAT
}
