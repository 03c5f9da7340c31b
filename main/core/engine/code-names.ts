import type { AnalysedDocument } from './analyse.js'
import { codeSpanAround, isNumber } from './nonwords.js'

// Statements about different pieces of code, written to one template. API documentation says the
// same thing of many objects in the same words: "Creates a new `URL` object by parsing the
// `input`" / "Creates a new `MIMEType` object by parsing the `input`"; "When the number of requests
// on a socket reaches the threshold of `server.maxRequestsPerSocket`, the server will drop new
// requests" / "When the number of connections reaches the threshold of `server.maxConnections`, the
// server will drop new connections". The words they share are the template's, and the paraphrase
// pass paired them on those. What a sentence is about is the code it names (Markdown's code
// spans), so two statements are about different things when
//   - both name code, and they share at most one name (OTHER_CODE_SHARED), a small share of all
//     the names either names (CODE_NAMES_SHARED), and
//   - each names code the other never mentions, in code or in words.
// The second condition keeps a restatement that names in words what the other writes as code:
// "Decompresses the response from `http.request` if it's gzipped" / "`decompress` interceptor
// automatically decompresses response bodies" (the second's code is the first's word). Names are
// compared as the engine matches words (their stems): "`resume()`" and "resumes". A value written
// as code names nothing ("`null`", "`true`", "`0`", LITERALS): "{Pool} it creates uses the default
// unlimited `connections`" and "When set to `null` the pool creates an unlimited number of clients"
// say one thing of one pool (undici's documentation).
// Measured against a reviewer's verdicts on Node.js's API documentation: 10 of its 35 false
// paraphrases go, none of its 20 true or 12 doubtful ones; on documentation no one had tuned on
// (Fastify's, undici's, Express's) one false pair goes in Fastify's and two in undici's, a false
// and a doubtful one.

/**
 * Share of the code names two statements name (either's, counted once) from which they are about
 * the same code whatever else each names: "The `readline.clearScreenDown()` method clears the given
 * TTY stream from the current position of the cursor down" / "`writeStream.clearScreenDown()`
 * clears this `WriteStream` from the current cursor down" share one name of three, one method of
 * two streams said alike (Node.js's documentation; Fastify's "`signal` - An `AbortSignal` that
 * aborts when the handler timeout fires" / "When the timeout fires, `request.signal` is aborted",
 * one of three too). Higher counts such pairs as statements about different code; lower keeps
 * template pairs that share a name of few ("`URL`, `input`, `base`" / "`MIMEType`, `input`").
 */
export const CODE_NAMES_SHARED = 0.3

/**
 * Code names, at most, that two statements about different code share: one is the object both
 * act on or the argument both take ("`server`", "`input`", "`callback`"). Two lists of error
 * codes that share four ("`ECONNRESET` `ECONNREFUSED` `ENOTFOUND` `ENETUNREACH`", the errors two
 * HTTP clients retry on, each list with others of its own) are about the same things.
 */
export const OTHER_CODE_SHARED = 1

/** Values written as code that name no code (see above); numbers too (nonwords.ts isNumber). */
const LITERALS = new Set(['null', 'undefined', 'true', 'false', 'nan', 'infinity', 'none', 'nil'])

/** The words (match ids) of tokens [t0, t1] of `doc` inside code spans, and those of all its tokens. */
function namesOf(doc: AnalysedDocument, t0: number, t1: number): { code: Set<number>; all: Set<number> } {
  const code = new Set<number>()
  const all = new Set<number>()
  let span: [number, number] | undefined
  for (let t = t0; t <= t1; t++) {
    const m = doc.match[t]
    all.add(m)
    if (!span || doc.starts[t] >= span[1]) span = codeSpanAround(doc, doc.starts[t])
    if (span && doc.starts[t] > span[0] && doc.starts[t] < span[1] && !isLiteral(doc, t)) code.add(m)
  }
  return { code, all }
}

/** Whether token t of `doc` is a value (LITERALS, a number). */
function isLiteral(doc: AnalysedDocument, t: number): boolean {
  return isNumber(doc, t) || LITERALS.has(doc.text.slice(doc.starts[t], doc.ends[t]).toLowerCase())
}

/** Whether some name in `names` is nowhere in `other`. */
function namesMore(names: ReadonlySet<number>, other: ReadonlySet<number>): boolean {
  for (const m of names) if (!other.has(m)) return true
  return false
}

/** Whether tokens [a0, a1] of A and [b0, b1] of B are statements about different code (see above). */
export function nameOtherCode(A: AnalysedDocument, a0: number, a1: number, B: AnalysedDocument, b0: number, b1: number): boolean {
  const inA = namesOf(A, a0, a1)
  if (inA.code.size === 0) return false
  const inB = namesOf(B, b0, b1)
  if (inB.code.size === 0) return false
  let both = 0
  for (const m of inA.code) if (inB.code.has(m)) both++
  if (both > OTHER_CODE_SHARED || both >= CODE_NAMES_SHARED * (inA.code.size + inB.code.size - both)) return false
  return namesMore(inA.code, inB.all) && namesMore(inB.code, inA.all)
}
