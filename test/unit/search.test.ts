import { describe, expect, it } from 'vitest'
import { findHits, indexWords, parseQuery, searchKey } from '../../main/core/text/search.js'

function find(text: string, query: string): string[] {
  return findHits(text, indexWords(text), parseQuery(query)).map((h) => h.match)
}

describe('search reads words as the engine does', () => {
  it('matches British and American spellings and word forms both ways', () => {
    const text = 'Labour markets. The labor of many; their labours paid. Laborious work.'
    expect(find(text, 'labor')).toEqual(['Labour', 'labor', 'labours'])
    expect(find(text, 'labour')).toEqual(['Labour', 'labor', 'labours'])
    expect(searchKey('organisations')).toBe(searchKey('organization'))
  })

  it('ignores case and accents and keeps exact offsets in the original', () => {
    const text = 'A café in Zürich, a CAFE in Zurich.'
    const hits = findHits(text, indexWords(text), parseQuery('cafe zurich'))
    expect(hits.map((h) => text.slice(h.start, h.end))).toEqual(['café', 'Zürich', 'CAFE', 'Zurich'])
  })

  it('does not match inside a longer word', () => {
    expect(find('reform and form', 'form')).toEqual(['form'])
  })

  it('expands a trailing * to any ending', () => {
    const text = 'Innovation drives innovative firms; innovators innovate. Inn.'
    expect(find(text, 'innovat*')).toEqual(['Innovation', 'innovative', 'innovators', 'innovate'])
    expect(find(text, 'innovat')).toEqual([])
  })

  it('matches a quoted phrase as words in a row, across punctuation and line breaks', () => {
    const text = 'Free trade, they said. Free\ntrades rule. Trade free.'
    expect(find(text, '"free trade"')).toEqual(['Free trade', 'Free\ntrades'])
    expect(find(text, '"trade free"')).toEqual(['Trade free'])
  })

  it('reads a query of punctuation alone as no term, and counts repeated terms once', () => {
    expect(parseQuery('-- ,')).toEqual([])
    expect(parseQuery('labour labor Labours')).toHaveLength(1)
  })

  it('stops at the limit', () => {
    const text = 'word '.repeat(50)
    expect(findHits(text, indexWords(text), parseQuery('word'), 10)).toHaveLength(10)
  })
})
