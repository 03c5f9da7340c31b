import { describe, expect, it } from 'vitest'
import { analyse } from '../../main/core/engine/analyse.js'
import { onCodeLines } from '../../main/core/engine/code-lines.js'
import { Run } from '../../main/core/engine/progress.js'

/** Whether the tokens of `part`, inside `text`, lie on lines of code (onCodeLines). */
function code(text: string, part: string): boolean {
  const [doc] = analyse([{ id: 'a', text }], true, new Run({})).docs
  const from = text.indexOf(part)
  const t0 = doc.starts.findIndex((s) => s >= from)
  let t1 = t0
  while (t1 + 1 < doc.starts.length && doc.ends[t1 + 1] <= from + part.length) t1++
  return onCodeLines(doc, t0, t1)
}

describe('lines of code (code-lines.ts), of which no paraphrase is made', () => {
  it('are read by two signs of a statement on the lines a stretch lies on', () => {
    // The C library's string pages' examples: three paraphrases of "Hello world!" (a reviewer).
    const strcpy = '           p = buf1;\n           p = stpcpy(p, "Hello ");\n           puts(buf1);  // "Hello world!"\n'
    expect(code(strcpy, 'Hello')).toBe(true)
    expect(code(strcpy, 'buf1);  // "Hello world')).toBe(true)
    const strncpy = '           p = stpncpy(buf1, "Hello world!", sizeof(buf1));\n           len = p - buf1;\n'
    expect(code(strncpy, 'Hello world')).toBe(true)
    // A stretch of a line is read with its whole line: the signs may lie outside it.
    expect(code(strncpy, 'len')).toBe(true)
  })

  it('are not prose with a sign of code or none', () => {
    // One sign: an option's value, a call named in a sentence, an equation.
    expect(code('Run general tests with maxdepth = 200 (Nick Wellnhofer).\n', 'general tests')).toBe(false)
    expect(code('The call stpcpy(p, "Hello ") returns a pointer to the end of the copy.\n', 'returns a pointer')).toBe(false)
    expect(code('This is free software; see the source for copying conditions.\n', 'free software')).toBe(false)
    expect(code('The function returns a pointer to dest.\nThe memcpy() function copies n bytes.\n', 'function returns')).toBe(false)
    // Two signs on other lines do not count.
    expect(code('x = a;\ny = b; // note\nThe function copies n bytes from src to dst.\n', 'copies n bytes')).toBe(false)
  })

  it("read Perl's calls and lists of variables as code, a variable named in a sentence as prose (X11 modules' pages, a tester)", () => {
    expect(code('       $x->AllocColor($cmap, ($red, $green, $blue))\n', 'red')).toBe(true)
    expect(code('        $red, $red_m, $green, $green_m, $blue, $blue_m,\n', 'green')).toBe(true)
    expect(code('   Mail::Field->new( $tag [, STRING | %options] )\n', 'tag')).toBe(true)
    expect(code('       The optional $interface parameter can be used to cast the object.\n', 'optional')).toBe(false)
    expect(code('       Calls dgettext() on the $msgid and returns its translation.\n', 'returns')).toBe(false)
    // A shell's variables in capitals are named in prose.
    expect(code('       Set $HOME, $PATH and $SHELL before running it.\n', 'running')).toBe(false)
  })

  it("read Python's signatures with their parameters' defaults as code, an option's value as prose (pydoc's pages, a tester)", () => {
    const bz2 = "    open(filename, mode='rb', compresslevel=9, encoding=None, errors=None, newline=None)\n"
    expect(code(bz2, 'compresslevel')).toBe(true)
    const gzip = '     |  __init__(self, filename=None, mode=None, compresslevel=9, fileobj=None, mtime=None)\n'
    expect(code(gzip, 'compresslevel')).toBe(true)
    expect(code('       Write to FILE (--output=file.txt, or print(x) on standard output).\n', 'standard output')).toBe(false)
    expect(code('Call open(name) with mode set to rb, the default.\n', 'mode set')).toBe(false)
  })

  it("read C's preprocessor lines and the shell's settings as code, comments about them as prose (/usr/include and /etc, testers)", () => {
    const setjmp = '# define __sigsetjmp_cancel(env, savemask) \\\n  __sigsetjmp ((struct __jmp_buf_tag *) (void *) (env), (savemask))\n'
    expect(code(setjmp, 'sigsetjmp_cancel')).toBe(true)
    expect(code('# define sigsetjmp(env, savemask)\t__sigsetjmp (env, savemask)\n', 'savemask')).toBe(true)
    const prompt = "    PS1='${debian_chroot:+($debian_chroot)}\\u@\\h:\\w\\$ '\n"
    expect(code(prompt, 'PS1')).toBe(true)
    expect(code('export LESS=-R ${LESSOPEN:-}\n', 'LESS')).toBe(true)
    // C's declarations and conditions (X11's and glibc's headers).
    expect(code('typedef struct {\n\tunsigned long pixel;\n\tunsigned short red, green, blue;\n} XColor;\n', 'pixel')).toBe(true)
    expect(code('    _Xconst char*\t/* bytes */,\n    int\t\t\t/* nbytes */,\n', 'nbytes')).toBe(true)
    const limits = '#  if __WORDSIZE == 64\n#   define ULONG_MAX\t18446744073709551615UL\n'
    expect(code(limits, 'WORDSIZE == 64\n#   define ULONG_MAX')).toBe(true)
    expect(code(limits, 'ULONG_MAX')).toBe(false)
    expect(code('The int type holds whole numbers; see char for letters.\n', 'whole numbers')).toBe(false)
    expect(code('Both a == b and c != d hold for equal values.\n', 'equal values')).toBe(false)
    // A comment that says what a line does, with one sign at most.
    expect(code('# define your aliases in ~/.bash_aliases, and set PS1 there\n', 'aliases')).toBe(false)
    expect(code('# The SKEL variable names the folder of skeletal files: SKEL=/etc/skel\n', 'skeletal files')).toBe(false)
    expect(code('If the path ends with a backslash, it is a folder.\n', 'backslash')).toBe(false)
  })
})
