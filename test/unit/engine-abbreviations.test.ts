import { describe, expect, it } from 'vitest'
import {
  type Abbreviations,
  abbreviationsOf,
  acronymExpansions,
  NO_ABBREVIATIONS,
  standsFor,
  writtenAsAcronym,
} from '../../main/core/engine/abbreviations.js'
import { findOverlaps } from '../../main/core/engine/overlaps.js'
import { type AnalysedCorpus, analyse } from '../../main/core/engine/analyse.js'
import { Run } from '../../main/core/engine/progress.js'

const corpusOf = (...texts: string[]) =>
  analyse(
    texts.map((text, k) => ({ id: `d${k}`, text })),
    true,
    new Run(),
  )
/** A corpus's acronyms alone. */
const acronymsOf = (corpus: AnalysedCorpus): Abbreviations => ({ ...NO_ABBREVIATIONS, acronyms: acronymExpansions(corpus) })
/** What every token written `word` in document d stands for, as text. */
const readAs = (texts: string[], d: number, word: string, expand = acronymsOf): (string | undefined)[] => {
  const corpus = corpusOf(...texts)
  const expansions = expand(corpus)
  const doc = corpus.docs[d]
  const out: (string | undefined)[] = []
  for (let t = 0; t < doc.starts.length; t++) {
    if (doc.text.slice(doc.starts[t], doc.ends[t]) !== word) continue
    out.push(
      standsFor(expansions, doc, t)
        ?.map((m) => corpus.lexicon.matches[m])
        .join(' '),
    )
  }
  return out
}

describe('abbreviations the texts spell out', () => {
  it('reads an acronym as the capitalised words elsewhere whose initials spell it', () => {
    const texts = ['The United Nations High Commissioner for Refugees met donors.', 'Donors were asked by UNHCR for tents.']
    expect(readAs(texts, 1, 'UNHCR')).toEqual(['unit nation high commission refuge'])
  })

  it('reads only a token written as the acronym: not the same word in small letters, nor one shouted among others', () => {
    const texts = ['The club thanks Fred Otto Roberts for the boats.', 'Send it FOR review. NO WARRANTY FOR ANY PURPOSE is given for it.']
    const corpus = corpusOf(...texts)
    const doc = corpus.docs[1]
    const at = (word: string, nth = 0) => [...doc.starts.keys()].filter((t) => doc.text.slice(doc.starts[t], doc.ends[t]) === word)[nth]
    expect(writtenAsAcronym(doc, at('FOR'))).toBe(true)
    expect(writtenAsAcronym(doc, at('FOR', 1))).toBe(false)
    expect(readAs(texts, 1, 'FOR')).toEqual([expect.stringMatching(/^fred otto robert/), undefined])
    expect(readAs(texts, 1, 'for')).toEqual([undefined])
  })

  it('takes no word in capitals, or with a capital inside it, as part of the name an acronym spells', () => {
    // Not "Daniel Veillard IDs", "AppData Roaming MyApp".
    expect(readAs(['Thanks to Daniel Veillard IDs are stable.', 'The DVI output is fine.'], 1, 'DVI')).toEqual([undefined])
    expect(readAs(['Config lives in AppData Roaming MyApp on Windows.', 'Build on ARM today.'], 1, 'ARM')).toEqual([undefined])
  })

  it('reads a clipped compound as the coordinated words its parts begin, where no part is a word of its own', () => {
    const texts = [
      'The plan calls for original and disruptive sci-tech innovation achievements, and sci-tech projects.',
      'Scientific and technological innovation comes first; science and technology are the means.',
    ]
    // The coordination written most often ("scientific and technological", twice with the plan's).
    const withMore = [...texts, 'It funds scientific and technological research.']
    expect(readAs(withMore, 0, 'sci', abbreviationsOf)).toEqual(['scientif', 'scientif'])
    expect(readAs(withMore, 0, 'tech', abbreviationsOf)).toEqual(['technolog', 'technolog'])
    // A part the corpus writes alone is a word ("clean" in "clean-up"); two letters are no clipping.
    const words = ['The clean-up and the to-do list.', 'A cleanup and updates; tools and documented steps; it is clean.']
    expect(readAs(words, 0, 'clean', abbreviationsOf)).toEqual([undefined])
    expect(readAs(words, 0, 'do', abbreviationsOf)).toEqual([undefined])
    // Only the parts of a compound stand for anything: "tech" alone is no clipping, and acronyms are read as before.
    expect(readAs(['Tech tech-sci', 'technical and scientific'], 0, 'Tech', abbreviationsOf)).toEqual([undefined])
  })

  it('finds a restatement that writes out what the other clips, and names the compound', () => {
    const [overlap] = findOverlaps(
      [
        {
          id: 'a',
          text: 'Other matters were discussed at length by the committee. In order for original and disruptive scientific and technological innovations to proliferate.',
        },
        {
          id: 'b',
          text: 'So that original and disruptive sci-tech innovation achievements emerge one after another. The session closed with a vote on the budget.',
        },
      ],
      { paraphrase: true },
    ).overlaps
    expect(overlap.kind).toBe('paraphrase')
    expect(overlap.passages.map((p) => p.text)).toEqual([
      'original and disruptive scientific and technological innovations',
      'original and disruptive sci-tech innovation',
    ])
    expect(overlap.because).toContain('abbreviation sci-tech read as the words it stands for')
  })
})
