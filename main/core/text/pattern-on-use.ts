// A regular expression made the first time it is asked for, from its source as a string. V8
// parses a pattern written as a literal when it compiles the module (to report a syntax error
// early) and again when the literal is first evaluated, at the module's load, before any use: a
// pattern over Unicode's letters, digits and marks (\p{L}, \p{N}, \p{M}) builds those sets each
// time, a millisecond or more. A run that never needs the pattern (an identifier's underscore, a
// manual's command, a line in capitals: prose has none) pays nothing for one made on use.

/**
 * The pattern `source` with `flags`, made on the first call and the same object afterwards (its
 * lastIndex shared, as a module's literal's is). For patterns a run often does not use, and that
 * cost a millisecond or more to parse; a cheap one is better written as a literal.
 */
export function patternOnUse(source: string, flags: string): () => RegExp {
  let made: RegExp | undefined
  return () => (made ??= new RegExp(source, flags))
}
