import { describe, expect, it } from 'vitest'
import { matchForm, surfaceForm } from '../../main/core/engine/normalise.js'
import { americanSpelling } from '../../main/core/engine/spelling.js'
import { tokenize, unitHash } from '../../main/core/engine/tokenize.js'

function words(text: string): string[] {
  const t = tokenize(text)
  return Array.from({ length: t.count }, (_, i) => text.slice(t.starts[i], t.ends[i]))
}

describe('tokenize', () => {
  it('keeps offsets into the original text', () => {
    const text = '  “New” quality—productive forces, 3,327.8 billion!'
    const t = tokenize(text)
    expect(words(text)).toEqual(['New', 'quality', 'productive', 'forces', '3', '327', '8', 'billion'])
    for (let i = 0; i < t.count; i++) expect(text.slice(t.starts[i], t.ends[i]).length).toBe(t.ends[i] - t.starts[i])
  })

  it('splits hyphenated compounds, joins line-end hyphenation and keeps apostrophes', () => {
    expect(words('high-tech sci-tech')).toEqual(['high', 'tech', 'sci', 'tech'])
    expect(words('develop-\nment of China’s econ\u00adomy')).toEqual(['develop-\nment', 'of', 'China’s', 'econ\u00adomy'])
    expect(words('a dash - New line')).toEqual(['a', 'dash', 'New', 'line'])
  })

  it('splits numbers at periods and commas, as sim_text counts words', () => {
    expect(words('Standards-Version 3.8.3, urgency=low (1:2.5.1-4)')).toEqual([
      'Standards',
      'Version',
      '3',
      '8',
      '3',
      'urgency',
      'low',
      '1',
      '2',
      '5',
      '1',
      '4',
    ])
  })

  it('reads astral letters as word characters and skips emoji', () => {
    expect(words('𝔄𝔰𝔱𝔯𝔞𝔩 😀 word')).toEqual(['𝔄𝔰𝔱𝔯𝔞𝔩', 'word'])
  })

  it('hashes each token as it reads it, as unitHash hashes the token alone', () => {
    const text = 'develop-\nment of China’s econ\u00adomy, 3,327.8 𝔄𝔰𝔱𝔯𝔞𝔩 words'
    const t = tokenize(text, true)
    expect(t.hashes).toHaveLength(t.count)
    for (let i = 0; i < t.count; i++) expect(t.hashes![i]).toBe(unitHash(text, t.starts[i], t.ends[i]))
    expect(new Set(t.hashes).size).toBe(t.count)
    expect(tokenize(text).hashes).toBeUndefined()
  })
})

describe('normalise', () => {
  it('folds Unicode compatibility forms, case, quotes and hyphenation', () => {
    expect(surfaceForm('Ｆｏｒｃｅｓ')).toBe('forces')
    expect(surfaceForm('𝔄𝔰𝔱𝔯𝔞𝔩')).toBe('astral')
    expect(surfaceForm('China’s')).toBe(surfaceForm("china's"))
    expect(surfaceForm('develop-\nment')).toBe('development')
    expect(surfaceForm('econ\u00adomy')).toBe('economy')
  })

  it('maps British spellings to American ones', () => {
    const pairs = [
      ['labour', 'labor'],
      ['labourers', 'laborers'],
      ['organisation', 'organization'],
      ['organisers', 'organizers'],
      ['analysed', 'analyzed'],
      ['centre', 'center'],
      ['centres', 'centers'],
      ['travelled', 'traveled'],
      ['catalogue', 'catalog'],
      ['defence', 'defense'],
      ['programme', 'program'],
    ]
    for (const [british, american] of pairs) expect(americanSpelling(british), british).toBe(americanSpelling(american))
    for (const word of ['four', 'hour', 'your', 'more', 'there', 'filled', 'rise', 'crisis']) expect(americanSpelling(word)).toBe(word)
  })

  it('stems for matching only when asked', () => {
    expect(matchForm('forces', true)).toBe(matchForm('force', true))
    expect(matchForm('forces', false)).toBe('forces')
    expect(matchForm("china's", false)).toBe('china')
  })
})
