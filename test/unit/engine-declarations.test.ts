import { describe, expect, it } from 'vitest'
import { analyse } from '../../main/core/engine/analyse.js'
import { declaredNames, declareOtherThings } from '../../main/core/engine/declarations.js'
import { findOverlaps } from '../../main/core/engine/overlaps.js'
import { Run } from '../../main/core/engine/progress.js'
import { engineFixture } from '../helpers.js'

// Declarations of different functions in one template are no edited copy of each other
// (declarations.ts); the same function declared in two headers is.

/** Text analysed alone, and the tokens [t0, t1] from the first word `first` to the first `last` after it. */
function tokens(text: string, first: string, last: string) {
  const [doc] = analyse([{ id: 'd', text }], true, new Run({})).docs
  const word = (t: number) => doc.text.slice(doc.starts[t], doc.ends[t])
  let t0 = 0
  while (word(t0) !== first) t0++
  let t1 = t0
  while (word(t1) !== last) t1++
  return { doc, t0, t1 }
}

describe('the names declarations declare', () => {
  it('is the first name a statement opens a parenthesis after, read from the statement a passage starts in', () => {
    const header = '/* Convert a string.  */\nextern double atof (const char *__nptr)\n     __THROW __nonnull ((1)) __wur;\n'
    // A passage from the parameter on: the statement is read from its start.
    const { doc, t0, t1 } = tokens(header, 'const', 'wur')
    expect([...declaredNames(doc, t0, t1)]).toEqual(['atof'])
    const macros = tokens('#if defined (__USE_GNU)\n# define sigsetjmp(env, savemask) __sigsetjmp (env, savemask)\n#endif\n', 'if', 'endif')
    expect([...declaredNames(macros.doc, macros.t0, macros.t1)]).toEqual(['sigsetjmp'])
    // A comment's words are none: "Call foo() first." names nothing.
    // A call or an expression declares nothing: the same generator written with and without a
    // macro in two change logs is one text.
    const expression = tokens('    uint32_t e = x->a - rot(x->b, 27);\n    x->a = x->b ^ rot(x->c, 17);\n', 'uint32', '17')
    expect([...declaredNames(expression.doc, expression.t0, expression.t1)]).toEqual([])
    const commented = tokens('/* Call foo() first.  */\nint bar (void);\n', 'Call', 'void')
    expect([...declaredNames(commented.doc, commented.t0, commented.t1)]).toEqual(['bar'])
  })
})

describe('declarations of different things (a tester of /usr/include)', () => {
  it('are no overlap; the same function declared in two headers is', () => {
    const overlaps = findOverlaps(engineFixture('declarations')).overlaps
    const declared = overlaps.map((o) => o.passages.map((p) => `${p.doc}: ${/\w+ \(/.exec(p.text)?.[0] ?? p.text.slice(0, 20)}`))
    // atof, atoi, atol, atoll, strcmp and strlen share their syntax and attribute macros alone.
    expect(overlaps.some((o) => o.passages.some((p) => /\batof \(/.test(p.text)))).toBe(false)
    expect(declared).toEqual([['malloc.h.txt: calloc (', 'stdlib.h.txt: calloc (']])
    expect(overlaps[0].kind).toBe('variant')
  })

  it('are each a declaration of code: not prose, not passages mostly comments', () => {
    const docs = analyse(
      [
        { id: 'a', text: 'extern int atoi (const char *__nptr) __THROW;\n' },
        { id: 'b', text: 'extern int strlen (const char *__s) __THROW;\n' },
        { id: 'c', text: 'Read the manual of atoi (3) and of strlen (3) first.\n' },
        {
          id: 'd',
          text: '/* This function is not part of POSIX and therefore no official cancellation point.  */\nextern int getsgent_r (int);\n',
        },
        {
          id: 'e',
          text: '/* This function is not part of POSIX and therefore no official cancellation point.  */\nextern int getpwent_r (int);\n',
        },
      ],
      true,
      new Run({}),
    ).docs
    const whole = (doc: number) => ({ doc, start: 0, end: docs[doc].starts.length - 1 })
    expect(declareOtherThings([whole(0), whole(1)], docs)).toBe(true)
    // The same name in two documents: one function.
    expect(declareOtherThings([whole(0), whole(0), whole(1)], docs)).toBe(true)
    expect(declareOtherThings([whole(0), { doc: 1, start: 0, end: 3 }], docs)).toBe(true)
    expect(declareOtherThings([whole(2), whole(2)], docs)).toBe(false)
    expect(declareOtherThings([whole(3), whole(4)], docs)).toBe(false)
  })
})
