import { describe, expect, it } from 'vitest'
import { nonWordTokens } from '../../main/core/engine/nonwords.js'
import { findOverlaps } from '../../main/core/engine/overlaps.js'
import { sentenceStarts } from '../../main/core/engine/sentences.js'
import { sentenceEndAfter } from '../../main/core/engine/word-edges.js'
import { analysed } from '../helpers.js'

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

  it('counts two characters a word: a term both texts use, or a few words in another order, is no passage (a tester of translated manual pages)', () => {
    // "login shell", "superuser", "account information": seven characters each, a term.
    const documents = [
      {
        id: 'chsh',
        text: '一般ユーザは自分のログインシェルのみを変更できる。\n\n春の雨が静かに降り続き、川の水はゆっくりと増えていった。\n\nスーパーユーザは何でも指定できる。\n\n古い寺の鐘が夕方に鳴り、村人たちは家路についた。\n\nアカウント情報を読む。\n',
      },
      {
        id: 'passwd',
        text: 'パスワードの期限が切れるとログインシェルは起動しない。\n\n駅前の商店街では毎週土曜日に小さな市場が開かれる。\n\n管理者はスーパーユーザと呼ばれる。\n\n山の上の天文台から見える星空は格別に美しかった。\n\n全てのアカウント情報が表示される。\n',
      },
      // "change user password expiry" and "(password) expired, change. User ...": the same eight
      // characters in another order, across a full stop.
      { id: 'chage', text: 'chage - 更改用户密码过期信息\n' },
      { id: 'token', text: '表示密码更改只应该因为认证口令(密码)过期更改。用户希望保持他们尚未过期的口令。\n' },
    ]
    expect(findOverlaps(documents).overlaps).toEqual([])
    // A dozen characters and more, a clause, is shared text.
    const clause = '一般ユーザは自分のアカウントのログインシェルのみを変更できる。'
    const { overlaps } = findOverlaps([
      { id: 'a', text: `説明\n\n${clause}\n` },
      { id: 'b', text: `パスワードを変更する。\n\n${clause}\n` },
    ])
    expect(overlaps.map((o) => o.passages.map((p) => p.text))).toEqual([[clause, clause]])
  })

  // Sentences end at 。？！ with no space and no capital after them (sentences.ts WIDE_STOPS): a
  // passage is the sentence both texts have, with its full stop, not the stop of the sentence
  // before it nor the next sentence's first characters.
  it('reads a Chinese paragraph as its sentences, at 。？！ whatever follows', () => {
    const [doc] = analysed('今年春天我们去了北京。会议讨论了很多问题？大家都很高兴！数值是３．５左右。\n')
    const bounds = sentenceStarts(doc)
    const sentences = Array.from({ length: bounds.length - 1 }, (_, k) =>
      doc.text.slice(doc.starts[bounds[k]], doc.ends[bounds[k + 1] - 1]),
    )
    expect(sentences).toEqual(['今年春天我们去了北京', '会议讨论了很多问题', '大家都很高兴', '数值是３．５左右'])
    expect(sentenceEndAfter('北京。会议', 2)).toBe('。')
    expect(sentenceEndAfter('质态？！下面', 2)).toBe('？！')
    expect(sentenceEndAfter('３．５', 1)).toBe('')
  })

  it('reads a Japanese quotation that ends with its own stop, a particle after it, as inside the sentence', () => {
    const [doc] = analysed('彼は「本当？」と聞いた。そして帰った。\n')
    const bounds = sentenceStarts(doc)
    expect(Array.from({ length: bounds.length - 1 }, (_, k) => doc.text.slice(doc.starts[bounds[k]], doc.ends[bounds[k + 1] - 1]))).toEqual(
      ['彼は「本当？」と聞いた', 'そして帰った'],
    )
  })

  it('reads the long vowel mark as a character, and starts no passage with an ellipsis', () => {
    const [doc] = analysed('コンピューター')
    expect([...nonWordTokens(doc)]).toEqual([1, 1, 1, 1, 1, 1, 1])
    const shared = '新质生产力是创新起主导作用，摆脱传统经济增长方式和生产力发展路径的先进生产力质态。'
    const { overlaps } = findOverlaps([
      { id: 'a', text: `会议开了很久……${shared}大家都很高兴。\n` },
      { id: 'b', text: `记者采访了专家……${shared}明天继续报道。\n` },
    ])
    expect(overlaps.map((o) => o.passages.map((p) => p.text))).toEqual([[shared, shared]])
  })

  it('finds a shared sentence inside two paragraphs as that sentence, with its full stop', () => {
    const shared = '新质生产力是创新起主导作用，摆脱传统经济增长方式和生产力发展路径的先进生产力质态。'
    const documents = [
      { id: 'a', text: `今年春天，我们在北京参加了一次会议。${shared}会议讨论了很多问题。\n` },
      { id: 'b', text: `记者在上海采访了几位经济学家。${shared}他们认为城市的交通需要改善。\n` },
    ]
    const { overlaps } = findOverlaps(documents)
    expect(overlaps.map((o) => [o.kind, o.passages.map((p) => p.text)])).toEqual([['verbatim', [shared, shared]]])
  })

  it('ends an edited sentence at its full stop, not in the next sentence', () => {
    const documents = [
      { id: 'a', text: '今年春天我们在北京开会。它由技术革命性突破、生产要素创新性配置、产业深度转型升级而催生。大家都很高兴。\n' },
      { id: 'b', text: '记者在上海采访了几位专家。它由技术革命性突破、生产要素创新性配置、产业深度转型升级催生。明天继续报道。\n' },
    ]
    const { overlaps } = findOverlaps(documents)
    expect(overlaps.map((o) => [o.kind, o.passages.map((p) => p.text)])).toEqual([
      [
        'variant',
        [
          '它由技术革命性突破、生产要素创新性配置、产业深度转型升级而催生。',
          '它由技术革命性突破、生产要素创新性配置、产业深度转型升级催生。',
        ],
      ],
    ])
    expect(overlaps[0].variants[0].changes?.filter((c) => c.op !== 'equal').map((c) => [c.op, c.a, c.b])).toEqual([['delete', '而', '']])
  })

  // Each character is a token, a word one to four of them: characters in common are no claim in
  // common, and the paraphrase pass reads none (nonwords.ts).
  it('reports no paraphrase between sentences that only share characters', () => {
    const [doc] = analysed('请从步骤1执行到步骤3退出。')
    expect([...nonWordTokens(doc)].every((m) => m === 1)).toBe(true)
    const documents = [
      { id: 'a', text: '本教程的设计目标是讲述一些必要的基本命令。请从步骤1执行到步骤3退出，然后再次进入编辑器。\n' },
      { id: 'b', text: '在执行以下步骤之前，请先保存文件。这一节讲述基本命令的设计目标。\n' },
    ]
    expect(findOverlaps(documents).overlaps).toEqual([])
  })
})
