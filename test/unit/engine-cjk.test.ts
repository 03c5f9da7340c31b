import { describe, expect, it } from 'vitest'
import { findOverlaps } from '../../main/core/engine/overlaps.js'

// Chinese and Japanese, written without spaces (tokenize.ts reads each Han, Hiragana and
// Katakana character as a word; normalise.ts takes function characters and Hiragana as function
// words): a sentence two texts share is found, and function characters alone share nothing.

const cp = (s: string) => [...s].length

describe('texts written without spaces', () => {
  it('finds a Chinese sentence two texts share, and only it', () => {
    const shared = '自由软件基金会发布的通用公共许可证旨在保证您分享和修改自由软件的自由，确保软件对所有用户都是自由的。'
    const documents = [
      { id: 'a', text: `今天天气很好，我们去公园散步。\n\n${shared}\n\n最后一段介绍作者的生平。\n` },
      { id: 'b', text: `图书馆收藏了许多古老的书籍。\n\n${shared}\n\n结尾谈到城市的交通。\n` },
    ]
    const { overlaps } = findOverlaps(documents)
    expect(overlaps).toHaveLength(1)
    expect(overlaps[0].kind).toBe('verbatim')
    for (const p of overlaps[0].passages) {
      const text = documents.find((d) => d.id === p.doc)!.text
      expect(p.text).toBe([...text].slice(p.start, p.end).join(''))
      expect(shared.startsWith(p.text)).toBe(true)
      expect(cp(p.text)).toBeGreaterThan(cp(shared) - 3)
    }
  })

  it('finds a Japanese sentence two texts share, not their particles', () => {
    const shared = 'この許可書は、すべての利用者にとってソフトウェアが自由であり続けることを保証するために書かれた。'
    const documents = [
      { id: 'a', text: `天気と朝食の話から始める。\n\n${shared}\n` },
      { id: 'b', text: `図書館の歴史を紹介する。\n\n${shared}\n` },
      { id: 'c', text: 'これは全く別の話であり、その中で私たちは山と川について考えることになる。\n' },
    ]
    const { overlaps } = findOverlaps(documents)
    expect(overlaps.map((o) => [o.kind, o.passages.map((p) => p.doc)])).toEqual([['verbatim', ['a', 'b']]])
    expect(overlaps[0].passages.every((p) => p.text.includes('利用者にとってソフトウェアが自由であり続ける'))).toBe(true)
  })
})
