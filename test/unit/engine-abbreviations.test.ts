import { describe, expect, it } from 'vitest'
import { acronymExpansions, standsFor, writtenAsAcronym } from '../../main/core/engine/abbreviations.js'
import { analyse } from '../../main/core/engine/analyse.js'
import { Run } from '../../main/core/engine/progress.js'

const corpusOf = (...texts: string[]) =>
  analyse(
    texts.map((text, k) => ({ id: `d${k}`, text })),
    true,
    new Run(),
  )
/** What every token written `word` in document d stands for, as text. */
const readAs = (texts: string[], d: number, word: string): (string | undefined)[] => {
  const corpus = corpusOf(...texts)
  const expansions = acronymExpansions(corpus)
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
})
