import { describe, expect, it } from 'vitest'
import type { AnalysedDocument } from '../../main/core/engine/analyse.js'
import { plainSharedWords, writtenAs } from '../../main/core/engine/names.js'
import { analysed } from '../helpers.js'

const tokenOf = (doc: AnalysedDocument, word: string) => {
  for (let t = 0; t < doc.starts.length; t++) if (doc.text.slice(doc.starts[t], doc.ends[t]) === word) return t
  throw new Error(`no ${word}`)
}

/** Tokens 0 to the last of a document: a whole passage, as plainSharedWords takes one. */
const all = (x: AnalysedDocument) => [0, x.starts.length - 1] as const

/** What "NRWA" stands for: the match ids of `words` as `named` writes them. */
const standsForNrwa = (named: AnalysedDocument, words = ['Northern', 'Rivers', 'Water', 'Authority']) => {
  const ids = words.map((w) => named.match[tokenOf(named, w)])
  return (doc: AnalysedDocument, t: number) => (doc.text.slice(doc.starts[t], doc.ends[t]) === 'NRWA' ? ids : undefined)
}

describe('names in a loose match', () => {
  it('tells a name from a word by how it is written inside a sentence', () => {
    const [doc] = analysed(
      "Yesterday Maria Lopez met the NRWA board on macOS. Water is scarce, said the water board. THE BOARD IS NOT LIABLE FOR ANY LOSS. XPath and XIncludes differ. READ ABOUT US's RULES.",
    )
    expect(writtenAs(doc, tokenOf(doc, 'Maria'))).toBe('name')
    expect(writtenAs(doc, tokenOf(doc, 'board'))).toBe('word')
    // An acronym and a word with a capital after a small letter: names.
    expect(writtenAs(doc, tokenOf(doc, 'NRWA'))).toBe('name')
    expect(writtenAs(doc, tokenOf(doc, 'macOS'))).toBe('name')
    // Capitals and small letters mixed, as no capitalised word is written, even first in a sentence.
    expect(writtenAs(doc, tokenOf(doc, 'XPath'))).toBe('name')
    expect(writtenAs(doc, tokenOf(doc, 'XIncludes'))).toBe('name')
    // Not a word in capitals with its possessive.
    expect(writtenAs(doc, tokenOf(doc, "US's"))).toBe('either')
    // A sentence's first word, words in capitals among others: neither.
    expect(writtenAs(doc, tokenOf(doc, 'Yesterday'))).toBe('either')
    expect(writtenAs(doc, tokenOf(doc, 'Water'))).toBe('either')
    expect(writtenAs(doc, tokenOf(doc, 'FOR'))).toBe('either')
    expect(writtenAs(doc, tokenOf(doc, 'NOT'))).toBe('either')
    // Capitals and then digits: a code, a format, a version, as an acronym is; in capitals among
    // others, neither.
    const [codes] = analysed('Hashes use MD5 or SHA256 under X11 today. THE SHA256 SUM IS WRONG.')
    expect(writtenAs(codes, tokenOf(codes, 'MD5'))).toBe('name')
    expect(writtenAs(codes, tokenOf(codes, 'SHA256'))).toBe('name')
    expect(writtenAs(codes, tokenOf(codes, 'X11'))).toBe('name')
    const shoutedCode = codes.starts.findLastIndex((s) => codes.text.startsWith('SHA256', s))
    expect(writtenAs(codes, shoutedCode)).toBe('either')
    // A sentence's first word tells nothing, but a code is a name there too.
    const [first] = analysed('X11 is old. MD5s are weak.')
    expect(writtenAs(first, tokenOf(first, 'X11'))).toBe('name')
    expect(writtenAs(first, tokenOf(first, 'MD5s'))).toBe('name')
    // After a Chinese full stop, a sentence's first word too.
    const [mixed] = analysed('今天天气很好。Software is great, said Maria.')
    expect(writtenAs(mixed, tokenOf(mixed, 'Software'))).toBe('either')
  })

  it('counts the shared words that are not names in both passages', () => {
    const [a, b] = analysed(
      'On Monday Maria Lopez, chair of the water board, opened the station of the Northern Rivers Water Authority.',
      'Next spring Maria Lopez, also chair of the Northern Rivers Water Authority, will retire.',
    )
    // chair, and water (an ordinary word in the first): maria, lopez, northern, rivers, authority are names.
    expect(plainSharedWords(a, 0, a.starts.length - 1, b, 0, b.starts.length - 1)).toBe(2)
    // Grain is a sentence's first word in both: it tells nothing, and counts as a word.
    const [c, d] = analysed(
      'Grain merchants may lose export contracts to northern ports.',
      'Grain merchants could lose their contracts at the northern ports.',
    )
    expect(plainSharedWords(c, 0, c.starts.length - 1, d, 0, d.starts.length - 1)).toBe(6)
  })

  it('does not count a token its reader says is no word', () => {
    const [c, d] = analysed(
      'Grain merchants may lose export contracts to northern ports.',
      'Grain merchants could lose their contracts at the northern ports.',
    )
    const noMerchants = (doc: typeof c, t: number) => (doc.text.slice(doc.starts[t], doc.ends[t]) === 'merchants' ? -1 : doc.match[t])
    expect(plainSharedWords(c, 0, c.starts.length - 1, d, 0, d.starts.length - 1, noMerchants)).toBe(5)
  })

  it('counts the words an abbreviation stands for where the other passage writes them out', () => {
    const [a, b] = analysed(
      'Yesterday the water board said the NRWA will rebuild the harbour walls.',
      'The board of the Northern Rivers Water Authority rebuilt its harbour walls in northern rivers and water meadows.',
    )
    const nrwa = standsForNrwa(b)
    // board, water, harbour, walls as written; northern, rivers through NRWA (written out, as
    // ordinary words, in the second); authority is a name there.
    expect(plainSharedWords(a, ...all(a), b, ...all(b))).toBe(4)
    expect(plainSharedWords(a, ...all(a), b, ...all(b), undefined, nrwa)).toBe(6)
    // An abbreviation in both passages is one shared word, its own, not the words it stands for.
    const [c, d] = analysed('Yesterday the NRWA met.', 'Today the NRWA met again.')
    expect(plainSharedWords(c, ...all(c), d, ...all(d), undefined, nrwa)).toBe(2)
  })

  it('does not count the words of an abbreviation the other passage spells out only in part', () => {
    // "Northern Rivers Water Authority": the second passage has three of the four words, not the name.
    const [a, b, named] = analysed(
      'Yesterday the water board said the NRWA will rebuild the harbour walls.',
      'The board of the northern towns rebuilt its harbour walls, and the rivers and water meadows.',
      'The Northern Rivers Water Authority met.',
    )
    // board, water, harbour, walls as written, in either reading.
    expect(plainSharedWords(a, ...all(a), b, ...all(b))).toBe(4)
    expect(plainSharedWords(a, ...all(a), b, ...all(b), undefined, standsForNrwa(named))).toBe(4)
  })
})
