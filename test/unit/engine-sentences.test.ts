import { describe, expect, it } from 'vitest'
import { sentenceStarts } from '../../main/core/engine/sentences.js'
import { analysed } from '../helpers.js'

// Sentences (sentences.ts): a line break ends one, except inside a hard-wrapped paragraph.

function sentencesOf(text: string): string[] {
  const [doc] = analysed(text)
  const bounds = sentenceStarts(doc)
  return Array.from({ length: bounds.length - 1 }, (_, k) =>
    text.slice(doc.starts[bounds[k]], doc.ends[bounds[k + 1] - 1]).replace(/\s+/g, ' '),
  )
}

/** A licence's preamble as its file wraps it, at 70 characters. */
const WRAPPED = `Preamble

  The licenses for most software and other practical works are designed
to take away your freedom to share and change the works.  By contrast,
the GNU General Public License is intended to guarantee your freedom to
share and change all versions of a program--to make sure it remains free
software for all its users.  We, the Free Software Foundation, use the
GNU General Public License for most of our software; it applies also to
any other work released this way by its authors.  You can apply it to
your programs, too.

  A "covered work" means either the unmodified Program or a work based
on the Program.

Terms:
- one item
- another item
`

describe('sentences', () => {
  it('reads a hard-wrapped paragraph as its sentences, whatever word a line starts with', () => {
    expect(sentencesOf(WRAPPED)).toEqual([
      'Preamble',
      'The licenses for most software and other practical works are designed to take away your freedom to share and change the works',
      'By contrast, the GNU General Public License is intended to guarantee your freedom to share and change all versions of a program--to make sure it remains free software for all its users',
      'We, the Free Software Foundation, use the GNU General Public License for most of our software; it applies also to any other work released this way by its authors',
      'You can apply it to your programs, too',
      'A "covered work" means either the unmodified Program or a work based on the Program',
      'Terms',
      'one item',
      'another item',
    ])
  })

  it('ends a sentence at each line of a text written a paragraph a line, unless the next line goes on in lower case', () => {
    const text =
      'Key points\nNew quality productive forces are driven by innovation, according to the report published in March this year by the State Council\n' +
      'Premier Li Qiang said so in his speech to the National People’s Congress on the fifth of March, before the delegates and the press, at length\n' +
      'and the delegates applauded.\n'
    expect(sentencesOf(text)).toEqual([
      'Key points',
      'New quality productive forces are driven by innovation, according to the report published in March this year by the State Council',
      'Premier Li Qiang said so in his speech to the National People’s Congress on the fifth of March, before the delegates and the press, at length and the delegates applauded',
    ])
  })

  it('reads on past a full stop after an abbreviation (resp., cf., viz.)', () => {
    const text =
      'The default value for GID_MIN (resp. GID_MAX) is 1000 (resp. 60000). See the manual, cf. Section 3 for details. Two things matter, viz. Speed and care.'
    expect(sentencesOf(text)).toEqual([
      'The default value for GID_MIN (resp. GID_MAX) is 1000 (resp. 60000',
      'See the manual, cf. Section 3 for details',
      'Two things matter, viz. Speed and care',
    ])
  })

  it('reads on past a title\'s full stop before a name (a reviewer: "Rev. Martin Luther King")', () => {
    const text = 'The letter was signed by Rev. Martin Luther King and read by Capt. Smith. Lt. Col. Jones replied at once.'
    expect(sentencesOf(text)).toEqual([
      'The letter was signed by Rev. Martin Luther King and read by Capt. Smith',
      'Lt. Col. Jones replied at once',
    ])
  })

  it('reads no sentence end inside a number, a version or a name (a stop with no space after it)', () => {
    const text = 'GDP grew to 3,327.8 billion in 2023. Ninja 1.11.1 Was released. See example.Com for more.'
    expect(sentencesOf(text)).toEqual(['GDP grew to 3,327.8 billion in 2023', 'Ninja 1.11.1 Was released', 'See example.Com for more'])
    // Any white space after the stop will do: an em space, a narrow no-break space, a form feed.
    expect(sentencesOf('One ends.\u2003Two ends.\u202fThree ends.\fFour.')).toEqual(['One ends', 'Two ends', 'Three ends', 'Four'])
  })

  it('ends a sentence before a number written with its sign', () => {
    // tokenize.ts reads the sign with its word (a reviewer: one sentence of two).
    expect(sentencesOf('The score rose by ten points. +5 points came later.')).toEqual([
      'The score rose by ten points',
      '+5 points came later',
    ])
    expect(sentencesOf('It was cold. \u22125 °C at night was normal.')).toEqual(['It was cold', '\u22125 °C at night was normal'])
  })
})
