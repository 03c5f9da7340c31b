// JSON Lines written by Spark (passim) carry 64-bit integers: a document's `uid` is xxhash64 of its
// id and a `cluster` id is the smallest uid of its connected component, both anywhere in
// -2^63..2^63-1. JSON.parse turns them into doubles, which hold integers exactly only up to 2^53:
// two different clusters could then read as one. So the named keys' integer values are turned
// into strings before JSON.parse sees them.
//
// Why a pattern is enough: in valid JSON a double quote inside a string is always escaped (\"),
// so an unescaped `"uid"` right after `{` or `,` can only be a key. The pattern needs that
// context, so passage text that quotes JSON ("\"uid\":1") is left alone.

/** Thrown for a line that is not valid JSON (the message is JSON.parse's). */
export class JsonLineError extends Error {}

const patterns = new Map<string, RegExp>()

function patternFor(keys: readonly string[]): RegExp {
  const name = keys.join('|')
  let re = patterns.get(name)
  if (!re) {
    const alternatives = keys.map((k) => k.replace(/[^A-Za-z0-9_]/g, (c) => `\\${c}`)).join('|')
    re = new RegExp(`([{,]\\s*"(?:${alternatives})"\\s*:\\s*)(-?\\d+)(?=\\s*[,}\\]])`, 'g')
    patterns.set(name, re)
  }
  return re
}

/**
 * Parses one JSON line, reading the integer values of `keys` (at any depth) as decimal strings,
 * exactly as written. Other numbers are parsed as usual. Throws JsonLineError for invalid JSON.
 */
export function parseWithExactIntegers(line: string, keys: readonly string[]): unknown {
  const quoted = line.replace(patternFor(keys), '$1"$2"')
  try {
    return JSON.parse(quoted)
  } catch (e) {
    throw new JsonLineError((e as Error).message)
  }
}

/** A 64-bit integer given as a decimal string (as parseWithExactIntegers reads it) or a safe number. */
export function exactInteger(value: unknown): string | null {
  if (typeof value === 'string' && /^-?\d{1,20}$/.test(value)) return value.replace(/^(-?)0+(?=\d)/, '$1')
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value)
  return null
}
