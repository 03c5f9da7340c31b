import type { AnalysedDocument } from './analyse.js'

// Lines of program code in prose: a manual page's EXAMPLES, a README's snippet outside a fence.
// Code states no claim a paraphrase could restate: two examples that both print "Hello world!"
// ("p = stpcpy(p, "Hello "); p = stpcpy(p, "world");" in strcpy(3), "p = stpncpy(buf1, "Hello
// world!", sizeof(buf1)); len = p - buf1;" in strncpy(3)) share a literal and a variable's name,
// not a statement; a reviewer of the C library's string pages found three such paraphrases. A
// line reads as code by the signs of statements in it (CODE_SIGNS), two different ones at least:
// prose has one now and then ("Run the tests with maxdepth = 200.", "see stpcpy(p, n)"), seldom
// two, and code seldom fewer. Perl's calls and lists of variables are code too: "$x->AllocColor($cmap,
// ($red, $green, $blue))" and "$red, $red_m, $green, $green_m, $blue, $blue_m" (two X11 modules'
// pages) shared the colours' names, and were a paraphrase, as were 12 more signatures of 269 Perl
// modules' pages (a tester); "The optional $interface parameter can be used to ..." is prose.
// So are Python's signatures with their parameters' defaults, as pydoc prints them: bz2's
// "open(filename, mode='rb', compresslevel=9, encoding=None, ...)" and GzipFile's
// "__init__(self, filename=None, mode=None, compresslevel=9, ...)" shared four parameters' names,
// and were a paraphrase (a tester of Python's pages: 4 of 24 paraphrases were signatures).

/** The signs of a statement of C-like code (see above), each read once per line. */
export const CODE_SIGNS: readonly RegExp[] = [
  // A statement's end: a semicolon closing a line or followed by a comment.
  /[\w)\]'"]\s*;[ \t]*(?:$|\/\/|\/\*)/m,
  // An assignment, spaced as code is: "p = buf1", "len += n".
  /[\w\])][ \t]+[-+*/|&]?=[ \t]+[\w"'(&*!-]/,
  // A call with arguments: "stpcpy(p, n)", "puts("text")". (The spaces after the comma are read
  // with what follows it, in one run: read apart, a line of a call left open and spaces was tried
  // every way of cutting the spaces in two.)
  /\b[A-Za-z_]\w*\((?:[^()\s,]+,[^()\n]*|"[^"\n]*"[^()\n]*)\)/,
  // A comment: "// ..." or "/* ...".
  /(?:^|[ \t;])(?:\/\/|\/\*)[ \t]/m,
  // Perl's: a variable with its sigil ("$cmap", "@list", "%options"; not a shell's "$HOME"), a
  // list of two ("$red, $green"), a method called ("$x->AllocColor(", "Mail::Field->new(").
  /(?:^|[\s([{,])[$@%][a-z_]\w*/m,
  /(?:^|[\s([{,])[$@%][a-z_]\w*\s*,\s*[$@%][a-z_]\w*/m,
  /\w->\w+\s*\(/,
  // Python's: a parameter with its default, after "(" or ", " ("mode='rb'", "compresslevel=9",
  // "fileobj=None"); not an option's value ("--mode=rb": a hyphen before it).
  /[(,][ \t]*[a-z_]\w*=(?:None|True|False|-?\d[\w.]*|'[^'\n]*'|"[^"\n]*")[,)]/,
  // C's preprocessor: a directive ("# define sigsetjmp(env, savemask)"), a line continued with a
  // backslash (a macro's body). glibc's setjmp.h defines sigsetjmp and __sigsetjmp_cancel, which
  // shared their parameters' names and were a paraphrase (a tester of /usr/include).
  /^[ \t]*#[ \t]*(?:define|undef|include|ifn?def|if|elif|else|endif|pragma|error)\b/m,
  /\\[ \t]*$/m,
  // The shell's: a variable set at a line's start ("PS1='...'", "export LESS=-R"), a parameter
  // expanded in braces ("${debian_chroot:+...}"). bash.bashrc's prompt and the one skel's .bashrc
  // sets in an xterm's title shared the variable's name and were a paraphrase (a tester of /etc).
  /^[ \t]*(?:export[ \t]+)?[A-Za-z_]\w*=\S/m,
  /\$\{[A-Za-z_]\w*/,
  // C's declarations and conditions: a line that opens with a declaration's keyword or type, then
  // a name, a pointer or a comment ("typedef struct {", "int\t\t\t/* nbytes */,", "extern int
  // gethostent_r (struct hostent *__restrict __result_buf,"); a comparison or a logical operator
  // between operands ("__WORDSIZE == 64", "defined __USE_GNU || ..."). X11's prototypes with their
  // parameters' names in comments, its colour structures, glibc's limits were paraphrases.
  // (After a compiler's keyword such as "__extension__ extern long long int atoll (...)".)
  /^[ \t]*(?:__\w+__[ \t]+)*(?:extern|typedef|struct|union|enum|static|unsigned|signed|int|char|void|size_t)\b[ \t*]+[A-Za-z_*/{]/m,
  /[\w)\]][ \t]*(?:==|!=|<=|>=|&&|\|\|)[ \t]*[\w(!]/,
  // Python's: a function's or a class's header ("def major(self) -> int:", "class
  // Version(_BaseVersion):"), an attribute of self ("self._version"), a string in triple quotes
  // (a docstring's or a raw pattern's opening: 'VERSION_PATTERN = r"""'). Two versions of
  // packaging's version.py that differ in "len(self.release) >= 1" / "> 1" and in
  // "VERSION_PATTERN" / "_VERSION_PATTERN" were the same words throughout, verbatim (a tester of
  // vendored Python libraries): only on lines read as code do the signs between words tell.
  /^[ \t]*(?:async[ \t]+)?(?:def|class)[ \t]+[A-Za-z_]\w*[ \t]*[(:]/m,
  /\bself\.[A-Za-z_]/,
  /"""|'''/,
]

/** Signs of CODE_SIGNS, at least, on the lines of a stretch for it to be code (see above). */
export const MIN_CODE_SIGNS = 2

/**
 * Whether tokens [t0, t1] of `doc` lie on lines of code: the lines they are on, whole, show
 * MIN_CODE_SIGNS of CODE_SIGNS (see above).
 */
export function onCodeLines(doc: Pick<AnalysedDocument, 'text' | 'starts' | 'ends'>, t0: number, t1: number): boolean {
  const { text } = doc
  const from = text.lastIndexOf('\n', doc.starts[t0]) + 1
  const next = text.indexOf('\n', doc.ends[t1])
  const lines = text.slice(from, next < 0 ? text.length : next)
  let signs = 0
  for (const sign of CODE_SIGNS) if (sign.test(lines) && ++signs >= MIN_CODE_SIGNS) return true
  return false
}
