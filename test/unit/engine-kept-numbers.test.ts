import { describe, expect, it } from 'vitest'
import { findOverlaps } from '../../main/core/engine/overlaps.js'
import { keptKindOf } from '../helpers.js'

// A pair that is not word for word shares numbers as the whole numbers they are written in, not
// their pieces (kept-pair.ts sharedWholeWords).

describe('numbers in what two texts share', () => {
  it("makes no near-verbatim pair of two releases' headings by the pieces of their numbers (a reviewer of npm change logs)", () => {
    // Headings as acorn's and prosemirror-model's change logs write them: the versions and dates
    // differ, and share "3", "2021" and "04" as pieces.
    const entry = (version: string, date: string, fix: string) => `## ${version} (${date})\n\n### Bug fixes\n\nFix an issue where ${fix}\n`
    const logs = [
      { id: 'acorn', text: entry('8.2.3', '2021-05-04', 'the library would loop forever when parsing an unterminated template literal.') },
      { id: 'model', text: entry('1.13.3', '2021-02-04', 'nested marks were dropped when a fragment was serialized to the DOM.') },
    ]
    expect(findOverlaps(logs).overlaps.filter((o) => o.kind !== 'verbatim')).toEqual([])
    // One release's entry, edited in the other log, is a near-verbatim copy, its numbers whole.
    const edited = [
      { id: 'acorn', text: entry('8.2.3', '2021-05-04', 'the library would loop forever when parsing an unterminated template literal.') },
      { id: 'fork', text: entry('8.2.3', '2021-05-04', 'the parser would loop forever when parsing an unterminated template literal.') },
    ]
    expect(findOverlaps(edited).overlaps.map((o) => o.kind)).toEqual(['variant'])
  })

  it('counts a whole number shared as one word, to MIN_SHARED_WORDS and not one fewer', () => {
    const entry = (version: string, date: string) => `${version} (${date}) fixed crash parsing empty files`
    expect(keptKindOf(entry('1.2.3', '2021-05-04'), entry('1.2.4', '2021-05-04'))).toBe('variant')
    expect(keptKindOf(entry('1.2.3', '2021-05-04'), entry('1.2.4', '2021-05-05'))).toBeUndefined()
    // A full stop after it is the sentence's.
    expect(keptKindOf('1.2.3 fixed crash parsing empty files on 2021-05-04.', '1.2.4 fixed crash parsing empty files on 2021-05-04')).toBe(
      'variant',
    )
  })

  it("counts a number once, not once per piece: two benchmarks' result lines share no text by a margin printed alike (a reviewer of npm READMEs)", () => {
    // benchmark.js's lines in pako's and picomatch's READMEs: "±0.13%" is one word the two share,
    // not two ("0" and "13").
    expect(
      keptKindOf('inflate-dankogai x 32.16 ops/sec ±0.13% (56 runs sampled)', 'picomatch x 2,524,465 ops/sec ±0.13% (99 runs sampled)'),
    ).toBeUndefined()
    // One benchmark's line, its count of runs changed, is still a copy.
    expect(
      keptKindOf('pako deflate x 32.16 ops/sec ±0.13% (56 runs sampled)', 'pako deflate x 32.16 ops/sec ±0.13% (99 runs sampled)'),
    ).toBe('variant')
  })

  it('reads a figure grouped with commas as one number, as one grouped with dots (a reviewer)', () => {
    // Different fines share no "000".
    expect(
      keptKindOf(
        'The fine is 10,000 euros for a first offence and 50,000 euros after that.',
        'The fine is 25,000 euros for a first offence and 75,000 euros after that.',
      ),
    ).toBeUndefined()
    // The same figures in an English and a German text's grouping count alike.
    const report = (a: string, b: string) => [
      `Sold were ${a} vehicles, exported ${b} vehicles.`,
      `Built were ${a} vehicles; abroad went ${b} vehicles.`,
    ]
    const [english, german] = [report('1,245,300', '987,650'), report('1.245.300', '987.650')].map(([x, y]) => keptKindOf(x, y))
    expect(english).toBe(german)
    // A list of numbers written without spaces is several numbers, not one (a reviewer).
    expect(keptKindOf('Doses are given on days 1,8,15,22 of each cycle.', 'Doses were given on days 1,8,15,22 of every cycle.')).toBe(
      'variant',
    )
  })

  it('reads a number as the engine reads words: case aside, a dash as a hyphen (an adversarial reviewer)', () => {
    expect(
      keptKindOf(
        'In 2020 the COVID-19 pandemic closed schools in the region.',
        'In 2020 the Covid-19 pandemic shut schools in the region.',
      ),
    ).toBe('variant')
    expect(
      keptKindOf(
        'Opening hours: 09:30-17:00 daily, 1-30 April; 10:00-16:00 on weekends and holidays.',
        'Opening hours: 09:30\u201317:00 each day, 1\u201330 April; 10:00\u201316:00 on weekends and holidays.',
      ),
    ).toBe('variant')
  })
})
