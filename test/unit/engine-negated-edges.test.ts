import { describe, expect, it } from 'vitest'
import { analyse } from '../../main/core/engine/analyse.js'
import { MAX_NEGATION_REACH, withGoverningNegations } from '../../main/core/engine/negated-edges.js'
import { findOverlaps } from '../../main/core/engine/overlaps.js'
import { Run } from '../../main/core/engine/progress.js'

// A passage's edge just past the negation that governs it (negated-edges.ts).

/** Clause 9 of the Artistic License and the BSD licence's clause 4, as Debian ships them. */
const ARTISTIC = `When no overt attempt is made to make this Package's interfaces visible
to the end user of the commercial distribution.  Such use shall not be
construed as a distribution of this Package.

9. The name of the Copyright Holder may not be used to endorse or promote
products derived from this software without specific prior written permission.

10. THIS PACKAGE IS PROVIDED "AS IS" AND WITHOUT ANY EXPRESS OR
IMPLIED WARRANTIES, INCLUDING, WITHOUT LIMITATION, THE IMPLIED
`
const BSD = `3. All advertising materials mentioning features or use of this software
   must display the following acknowledgement:
     This product includes software developed by the University of
     California, Berkeley and its contributors.
4. Neither the name of the University nor the names of its contributors
   may be used to endorse or promote products derived from this software
   without specific prior written permission.
`

/** The corpus of `texts` as the engine analyses it, and its tokens' texts. */
function corpusOf(...texts: string[]) {
  const corpus = analyse(
    texts.map((text, k) => ({ id: `d${k}`, text })),
    true,
    new Run({}),
  )
  const doc = corpus.docs[0]
  const token = (word: string, from = 0): number => {
    for (let t = from; t < doc.starts.length; t++) if (doc.text.slice(doc.starts[t], doc.ends[t]) === word) return t
    throw new Error(`no ${word}`)
  }
  return { corpus, doc, token }
}

describe('a passage next to the negation that governs it', () => {
  it('starts with the "may not" of the text it shows, not on "be used" that another text says without it', () => {
    const { overlaps } = findOverlaps([
      { id: 'artistic', text: ARTISTIC },
      { id: 'bsd', text: BSD },
    ])
    const artistic = overlaps.flatMap((o) => o.passages).find((p) => p.doc === 'artistic')
    // Read to its sentence, the name both clauses start with (widened-pairs.ts), the negation in it.
    expect(artistic?.text).toMatch(/^9\. The name of the Copyright Holder may not be used to endorse or promote/)
  })

  it('takes in a negation and the function words opening its clause, across a line break', () => {
    // LGPL 2.1's section 15, hard-wrapped as Debian ships it.
    const { corpus, doc, token } = corpusOf(`  15. BECAUSE THE LIBRARY IS LICENSED FREE OF CHARGE, THERE IS NO
WARRANTY FOR THE LIBRARY, TO THE EXTENT PERMITTED BY APPLICABLE LAW.
EXCEPT WHEN OTHERWISE STATED IN WRITING THE COPYRIGHT HOLDERS AND/OR
OTHER PARTIES PROVIDE THE LIBRARY "AS IS" WITHOUT WARRANTY OF ANY
KIND, EITHER EXPRESSED OR IMPLIED, INCLUDING, BUT NOT LIMITED TO, THE
IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR
PURPOSE.  THE ENTIRE RISK AS TO THE QUALITY AND PERFORMANCE OF THE
LIBRARY IS WITH YOU.  SHOULD THE LIBRARY PROVE DEFECTIVE, YOU ASSUME
THE COST OF ALL NECESSARY SERVICING, REPAIR OR CORRECTION.
`)
    const [p] = withGoverningNegations([{ doc: 0, start: token('WARRANTY'), end: token('LAW') }], corpus.docs, corpus.lexicon)
    expect(doc.text.slice(doc.starts[p.start], doc.ends[p.end])).toBe(
      'THERE IS NO\nWARRANTY FOR THE LIBRARY, TO THE EXTENT PERMITTED BY APPLICABLE LAW',
    )
  })

  it('takes in "IN NO EVENT", a content word between the negation and the passage', () => {
    const { corpus, doc, token } = corpusOf('16. IN NO EVENT UNLESS REQUIRED BY APPLICABLE LAW WILL ANY HOLDER BE LIABLE TO YOU.')
    const [p] = withGoverningNegations([{ doc: 0, start: token('UNLESS'), end: token('YOU') }], corpus.docs, corpus.lexicon)
    expect(doc.text.slice(doc.starts[p.start], doc.ends[p.end])).toMatch(/^IN NO EVENT UNLESS/)
  })

  it('leaves a negation further than MAX_NEGATION_REACH, in another clause, or after the end with words of its own', () => {
    const far = corpusOf(`It is not ${'very '.repeat(MAX_NEGATION_REACH)}clear what the program does with the files it reads.`)
    const fromClear = [{ doc: 0, start: far.token('clear'), end: far.token('reads') }]
    expect(withGoverningNegations(fromClear, far.corpus.docs, far.corpus.lexicon)).toBe(fromClear)
    const clause = corpusOf('This is not free software, but the program reads the files it is given and writes them out.')
    const fromBut = [{ doc: 0, start: clause.token('program'), end: clause.token('out') }]
    expect(withGoverningNegations(fromBut, clause.corpus.docs, clause.corpus.lexicon)).toBe(fromBut)
    const after = corpusOf('Link the library with other library facilities not covered by this License.')
    const toFacilities = [{ doc: 0, start: after.token('Link'), end: after.token('facilities', after.token('other')) }]
    expect(withGoverningNegations(toFacilities, after.corpus.docs, after.corpus.lexicon)).toBe(toFacilities)
  })

  it('takes two function words at most before the negation, and no negation before a comma at the end', () => {
    const revise = corpusOf('The author may revise it and you may not distribute the modified source files to any other party.')
    const [p] = withGoverningNegations(
      [{ doc: 0, start: revise.token('distribute'), end: revise.token('party') }],
      revise.corpus.docs,
      revise.corpus.lexicon,
    )
    expect(revise.doc.text.slice(revise.doc.starts[p.start], revise.doc.ends[p.end])).toMatch(/^you may not distribute/)
    const comma = corpusOf(
      'When the account is closed the home directory of that user is not, as the manual explains, removed from the disk.',
    )
    const toIs = [{ doc: 0, start: comma.token('When'), end: comma.token('is', comma.token('user')) }]
    expect(withGoverningNegations(toIs, comma.corpus.docs, comma.corpus.lexicon)).toBe(toIs)
  })

  it('ends with a negation that ends the clause ("is not.")', () => {
    const { corpus, doc, token } = corpusOf(
      'The object code may incorporate material from a header file even though the source code is not.',
    )
    const [p] = withGoverningNegations([{ doc: 0, start: token('The'), end: token('code', token('source')) }], corpus.docs, corpus.lexicon)
    expect(doc.text.slice(doc.starts[p.start], doc.ends[p.end])).toMatch(/the source code is not$/)
  })
})
