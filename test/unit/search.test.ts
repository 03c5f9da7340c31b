import { describe, expect, it } from 'vitest'
import { tokenize } from '../../main/core/engine/tokenize.js'
import {
  findHits,
  findHitsInSteps,
  INDEX_STEP_UNITS,
  indexWords,
  indexWordsInSteps,
  parseQuery,
  searchKey,
} from '../../main/core/text/search.js'

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

  it('finds a word written with a sign by the word and by its sign, the wildcard too', () => {
    // sed's placeholders and tail's counts (tokenize.ts reads the sign with its word).
    const text = 'addr1,+N and ADDR1,~N; tail -n +5 or 5 lines; N'
    expect(find(text, 'n')).toEqual(['+N', '~N', 'n', 'N'])
    expect(find(text, 'n*')).toEqual(['+N', '~N', 'n', 'N'])
    expect(find(text, '5')).toEqual(['+5', '5'])
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

  it('reads a long text in steps, word for word as in one go, and finds the first hits in text order', () => {
    // Hyphenated line ends, astral characters and apostrophes around every step boundary.
    const pieces = ['labour ', 'innova-\n  tion ', '𝒜lpha ', "nation's ", 'free trade, ', 'x'.repeat(37) + ' ', '2024-03-09 ']
    let text = ''
    for (let k = 0; text.length < INDEX_STEP_UNITS * 3 + 5000; k++) text += pieces[k % pieces.length]
    const steps = indexWordsInSteps(text)
    let pauses = 0
    let r = steps.next()
    for (; !r.done; r = steps.next()) pauses++
    expect(pauses).toBeGreaterThanOrEqual(3)
    const index = r.value
    const whole = tokenize(text)
    expect([...index.starts]).toEqual([...whole.starts.subarray(0, whole.count)])
    expect([...index.ends]).toEqual([...whole.ends.subarray(0, whole.count)])
    expect(index.keys.length).toBeLessThan(20)
    const hits = findHits(text, index, parseQuery('labor fre*'), 5)
    expect(hits.map((h) => h.match)).toEqual(['labour', 'free', 'labour', 'free', 'labour'])
    const stepped = findHitsInSteps(text, index, parseQuery('"free trade"'), 3)
    let found = stepped.next()
    while (!found.done) found = stepped.next()
    expect(found.value.map((h) => h.match)).toEqual(['free trade', 'free trade', 'free trade'])
  })
})
