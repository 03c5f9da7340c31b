import type { AnalysedDocument } from './analyse.js'

// Sentences as token ranges. A sentence ends at a line break, or at ., ! or ? followed by a word
// that starts with a capital letter or a digit (possibly after quotes or brackets), unless the
// word before the full stop is an abbreviation or an initial ("U.S. released", "Mr. Xi").

/** Lower-case words that a full stop after them does not end a sentence. */
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'st',
  'no',
  'vs',
  'etc',
  'inc',
  'ltd',
  'co',
  'jr',
  'sr',
  'gen',
  'gov',
  'sen',
  'rep',
  'fig',
  'eg',
  'ie',
  'al',
  'approx',
  'dept',
  'est',
  'vol',
])

const CAPITAL_OR_DIGIT = /^[\p{Lu}\p{Lt}\p{N}]/u

/** Start token of every sentence, then the token count (so sentence i is [out[i], out[i+1]) ). */
export function sentenceStarts(doc: AnalysedDocument): Uint32Array {
  const { text, starts, ends } = doc
  const n = starts.length
  const out: number[] = []
  if (n === 0) return new Uint32Array([0])
  out.push(0)
  for (let i = 0; i + 1 < n; i++) {
    const gapStart = ends[i]
    const gapEnd = starts[i + 1]
    let breaks = false
    let stop = false
    for (let k = gapStart; k < gapEnd; k++) {
      const c = text.charCodeAt(k)
      if (c === 0x0a || c === 0x0d || c === 0x2029) breaks = true
      else if (c === 0x2e || c === 0x21 || c === 0x3f) stop = true
    }
    if (!breaks && stop) {
      const word = text.slice(starts[i], ends[i])
      const first = text.charCodeAt(gapStart)
      const initial = word.length === 1 && first === 0x2e
      if (initial || (first === 0x2e && ABBREVIATIONS.has(word.toLowerCase()))) stop = false
      else if (!CAPITAL_OR_DIGIT.test(text.slice(gapEnd, gapEnd + 2))) stop = false
    }
    if (breaks || stop) out.push(i + 1)
  }
  out.push(n)
  return Uint32Array.from(out)
}
