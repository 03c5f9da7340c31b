import { join } from 'node:path'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { findOverlaps } from '../../main/core/engine/overlaps.js'
import { likenessTexts, MAX_LIKENESS_TEXTS, type LikenessCandidate } from '../../main/core/engine/likeness-texts.js'
import { ROOT } from '../helpers.js'

// The texts a loose likeness is like (likeness-texts.ts): the overlaps covering most of its passages.

const overlap = (id: string, spans: [string, number, number][], likeness?: true): LikenessCandidate => ({
  id,
  passages: spans.map(([doc, start, end]) => ({ doc, start, end, text: '' })),
  ...(likeness ? { likeness } : {}),
})

describe('the texts a loose likeness is like', () => {
  it('names the overlaps covering most of its passages, MAX_LIKENESS_TEXTS at most, no likeness', () => {
    const likeness = overlap(
      'like',
      [
        ['a', 100, 200],
        ['b', 0, 50],
      ],
      true,
    )
    const overlaps = [
      overlap('few-words', [
        ['a', 190, 400],
        ['c', 0, 210],
      ]),
      likeness,
      overlap(
        'other-likeness',
        [
          ['a', 100, 200],
          ['b', 0, 50],
        ],
        true,
      ),
      overlap('text', [
        ['a', 0, 220],
        ['d', 0, 220],
      ]),
      overlap('second-text', [
        ['b', 0, 60],
        ['c', 300, 360],
      ]),
      overlap('elsewhere', [
        ['a', 300, 400],
        ['b', 60, 90],
      ]),
    ]
    expect(MAX_LIKENESS_TEXTS).toBe(2)
    expect(likenessTexts([...overlaps, overlap('alone', [['e', 0, 10]], true)])).toEqual(
      new Map([
        ['like', ['text', 'second-text']],
        ['other-likeness', ['text', 'second-text']],
        ['alone', []],
      ]),
    )
  })

  it("names chage's and passwd's shared option as what their likeness is like", () => {
    const dir = join(ROOT, 'test/fixtures/engine/reread')
    const documents = ['chage', 'passwd'].map((id) => ({ id, text: readFileSync(join(dir, `${id}.txt`), 'utf8') }))
    const { overlaps } = findOverlaps(documents)
    const likeness = overlaps.find((o) => o.likeness)!
    const copy = overlaps.find((o) => !o.likeness && o.passages.some((p) => p.text.includes('--mindays')))!
    expect(likenessTexts(overlaps)).toEqual(new Map([[likeness.id, [copy.id]]]))
  })
})
