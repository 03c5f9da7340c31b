import { describe, expect, it } from 'vitest'
import { analyse } from '../../main/core/engine/analyse.js'
import type { PairPassage } from '../../main/core/engine/cluster.js'
import { Run } from '../../main/core/engine/progress.js'
import { joinSameText } from '../../main/core/engine/same-text.js'
import { filler, wordMaker } from '../made-up-text.js'
import { tokenSpan } from '../helpers.js'

// Overlaps of one text that share no document (same-text.ts): a clause copied by two groups of
// documents, each group paired within itself, is one overlap; other texts, and overlaps that
// clustering kept apart where they meet in a document, stay apart.

describe('joinSameText', () => {
  const word = wordMaker(21)
  const clause = filler(word, 2)
  const [other, lead] = [filler(word, 2), 'Quimor tersa ganfo']
  // p and q copy the clause in one context, u and v in another; t holds it too.
  const texts = {
    p: [filler(word, 1), clause, other].join('\n\n'),
    q: [filler(word, 1), clause, filler(word, 1)].join('\n\n'),
    u: [filler(word, 1), `${lead} ${clause}`, other].join('\n\n'),
    v: [filler(word, 1), clause, filler(word, 1)].join('\n\n'),
    t: [filler(word, 1), clause].join('\n\n'),
  }
  const ids = Object.keys(texts)
  const corpus = analyse(
    ids.map((id) => ({ id, text: texts[id as keyof typeof texts] })),
    true,
    new Run({}),
  )
  /** Tokens of document `id` that hold `part`. */
  const span = (id: keyof typeof texts, part: string): PairPassage => {
    const d = ids.indexOf(id)
    return { doc: d, ...tokenSpan(corpus.docs[d], texts[id], part) }
  }
  const docs = (ps: PairPassage[]) => ps.map((p) => ids[p.doc])

  it('joins the overlaps of one clause in documents of different contexts, and nothing else', () => {
    const first = { pairs: [0], passages: [span('p', clause), span('q', clause)] }
    const second = { pairs: [1], passages: [span('u', `${lead} ${clause}`), span('v', clause)] }
    const another = { pairs: [2], passages: [span('p', other), span('u', other)] }
    // The clause in p again, from a word later: clustering kept it apart from the first overlap.
    const late = { ...span('p', clause), start: span('p', clause).start + 1 }
    const apart = { pairs: [3], passages: [late, span('t', clause)] }
    const clusters = joinSameText([first, second, another, apart], corpus.docs)
    expect(clusters).toHaveLength(3)
    expect(clusters[0]).toBe(first)
    expect(first.pairs).toEqual([0, 1])
    expect(docs(first.passages)).toEqual(['p', 'q', 'u', 'v'])
    expect(first.passages[2]).toEqual(span('u', `${lead} ${clause}`))
    expect(clusters.slice(1)).toEqual([another, apart])
    expect(docs(apart.passages)).toEqual(['p', 't'])
  })
})
