import type { AnalysedDocument } from './analyse.js'
import { onCodeLines } from './code-lines.js'

// Declarations of different functions, alike in all but their names. A C header declares each
// function in its library's one form: "extern double atof (const char *__nptr) __THROW
// __attribute_pure__ __nonnull ((1)) __wur;" and "extern size_t strlen (const char *__s) __THROW
// __attribute_pure__ __nonnull ((1));" share their syntax and attribute macros, eight words, and
// were a near-verbatim overlap of six passages, each a different function's prototype (a tester
// of /usr/include: 56 of 219 overlaps of 80 glibc headers were such). What a declaration is about
// is the name it declares; two that declare different names are two things said in one template,
// as two API documents' sentences naming different code are (code-names.ts). Declarations of the
// same function copied into two headers (the malloc family in malloc.h and stdlib.h) share their
// names, and stay.

/**
 * Names, at most, that each passage declares for an overlap to be declarations of different
 * things: a prototype, or two (atof's and atoi's, one after the other). Passages that hold more
 * are a section of one header written after another's (grp.h's "Open database for reading"
 * and its functions beside pwd.h's, 293 words), which a reader compares as a whole.
 */
export const MAX_DECLARED = 2

/**
 * Words (tokens), at most, of each passage: a prototype with its comment is some forty, two of
 * them twice that. A longer passage is text of another kind, however many signs of code its lines
 * show: two change logs' entries of 426 words, "* Makefile.def (host_modules): ...", named
 * functions in the same way.
 */
export const MAX_DECLARATION_WORDS = 80

/**
 * Share of a passage's words, at most, inside comments for it to be a declaration: more, and what
 * the passages share is a comment's text (glibc's "This function is not part of POSIX and
 * therefore no official cancellation point", over whichever declaration follows it).
 */
export const MAX_COMMENT_SHARE = 0.5

/** Words before a parenthesis that name nothing declared: keywords, and types ("typedef int (*f) (...)"). */
const NOT_NAMES = new Set([
  'if',
  'while',
  'for',
  'switch',
  'return',
  'sizeof',
  'typeof',
  '__typeof__',
  'alignof',
  'void',
  'char',
  'short',
  'int',
  'long',
  'float',
  'double',
  'signed',
  'unsigned',
  'const',
])

/**
 * A declaration of a function: words (its type, qualifiers, pointers) then its name and its
 * parameters' parenthesis, "extern long long int atoll (". A call has no type before its name,
 * and an expression ("e = x->a - rot(x->b, 27)") signs other than words.
 */
const DECLARED = /^\s*(?:[A-Za-z_]\w*[\s*]+)+?([A-Za-z_]\w*)[ \t]*\(/

/** A macro defined with parameters: "# define sigsetjmp(env, savemask)". */
const DEFINED = /^[ \t]*#[ \t]*define[ \t]+([A-Za-z_]\w*)\(/

/**
 * The names that the statements holding tokens [t0, t1] of `doc` declare or define: functions
 * declared (DECLARED) and macros defined with parameters (DEFINED), a statement reaching to a
 * semicolon or brace, a preprocessor line a statement of its own; comments are read as blank. A
 * passage may start inside a statement (the tail of a prototype, its name before the passage):
 * the statement is read from its start.
 */
export function declaredNames(doc: Pick<AnalysedDocument, 'text' | 'starts' | 'ends'>, t0: number, t1: number): Set<string> {
  const { text } = doc
  const from = statementStart(text, doc.starts[t0])
  const to = doc.ends[t1]
  const names = new Set<string>()
  for (const statement of statements(withoutComments(text.slice(from, to)))) {
    const name = (DEFINED.exec(statement) ?? DECLARED.exec(statement))?.[1]
    if (name && !NOT_NAMES.has(name)) names.add(name)
  }
  return names
}

/**
 * Whether `passages` (tokens of `docs`) are declarations of different things: each short
 * (MAX_DECLARATION_WORDS) and on lines of code (code-lines.ts; a change log's "* configure.ac
 * (with_cloog): Regenerate." names a function too), each declaring a name (declaredNames), and
 * no name declared in passages of two documents.
 */
export function declareOtherThings(
  passages: readonly { doc: number; start: number; end: number }[],
  docs: readonly AnalysedDocument[],
): boolean {
  if (passages.length < 2) return false
  const byName = new Map<string, number>()
  for (const p of passages) if (p.end - p.start + 1 > MAX_DECLARATION_WORDS || !onCodeLines(docs[p.doc], p.start, p.end)) return false
  for (const p of passages) {
    const doc = docs[p.doc]
    const names = declaredNames(doc, p.start, p.end)
    if (names.size === 0 || names.size > MAX_DECLARED) return false
    // (Read from the comment the passage starts in, if it does: its words are a comment's.)
    const start = doc.starts[p.start]
    const opened = doc.text.lastIndexOf('/*', start)
    const from = opened >= 0 && opened > doc.text.lastIndexOf('*/', start) ? opened : start
    const text = doc.text.slice(from, doc.ends[p.end])
    if (words(text) - words(withoutComments(text)) > MAX_COMMENT_SHARE * words(text)) return false
    for (const name of names) {
      const other = byName.get(name)
      if (other !== undefined && other !== p.doc) return false
      byName.set(name, p.doc)
    }
  }
  return true
}

/**
 * Where the statement holding offset `at` of `text` starts: after the last semicolon, brace or
 * comment's close before it, or at its line's start if that line is a preprocessor directive.
 */
function statementStart(text: string, at: number): number {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1
  if (/^[ \t]*#/.test(text.slice(lineStart, at))) return lineStart
  for (let i = at - 1; i >= 0; i--) {
    const c = text[i]
    if (c === ';' || c === '{' || c === '}') return i + 1
    if (c === '/' && text[i - 1] === '*') return i + 1
    // A preprocessor line before the statement ends it.
    if (c === '\n' && /^[ \t]*#/.test(text.slice(text.lastIndexOf('\n', i - 1) + 1, i))) return i + 1
  }
  return 0
}

/** How many words (runs of letters, digits and underscores) `text` holds. */
function words(text: string): number {
  return text.match(/\w+/g)?.length ?? 0
}

/** `code` with its comments blanked (their length kept). */
function withoutComments(code: string): string {
  return code.replace(/\/\*[\s\S]*?(?:\*\/|$)|\/\/[^\n]*/g, (comment) => comment.replace(/[^\n]/g, ' '))
}

/** The statements of `code`: cut after each semicolon and brace, and each preprocessor line on its own. */
function statements(code: string): string[] {
  const out: string[] = []
  let current = ''
  for (const line of code.split('\n')) {
    if (/^[ \t]*#/.test(line)) {
      if (current.trim()) out.push(current)
      out.push(line)
      current = ''
      continue
    }
    const parts = line.split(/[;{}]/)
    current += (current ? '\n' : '') + parts[0]
    for (let k = 1; k < parts.length; k++) {
      if (current.trim()) out.push(current)
      current = parts[k]
    }
  }
  if (current.trim()) out.push(current)
  return out
}
