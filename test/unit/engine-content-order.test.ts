import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT } from '../helpers.js'
import { contentOrder } from '../../main/core/engine/content-order.js'
import { findOverlaps, type OverlapResult } from '../../main/core/engine/overlaps.js'
import type { EngineDocument } from '../../main/core/engine/analyse.js'
import { loadFolder } from '../../main/node/engine/inline.js'

// The engine reads documents in an order of their texts alone (content-order.ts): the same texts
// give the same overlaps whatever their names and order.

/** Each overlap as its kind, label and passages (document, extent), sorted; ids mapped by `name`. */
function found(result: OverlapResult, name: (id: string) => string): string[] {
  return result.overlaps
    .map((o) => {
      const passages = o.passages.map((p) => `${name(p.doc)}@${p.start}-${p.end}`).sort()
      return `${o.kind}${o.boilerplate ? ' boilerplate' : ''}: ${passages.join(' | ')}`
    })
    .sort()
}

const FIXTURES = join(ROOT, 'test/fixtures/engine')

describe('content order', () => {
  it('orders documents by their texts, then ids', () => {
    const docs: EngineDocument[] = [
      { id: 'a', text: 'bbb' },
      { id: 'b', text: 'aaa' },
      { id: 'c', text: 'zz' },
      { id: 'd', text: 'aaa' },
    ]
    expect(contentOrder(docs)).toEqual([1, 3, 0, 2])
    expect(contentOrder([...docs].reverse())).toEqual([2, 0, 3, 1])
  })

  it('finds the same overlaps in texts given in another order under other names', async () => {
    // Fixtures of three documents and more, where a stage's choice of the first among equals can
    // differ; renamed so that their names sort the other way round.
    const folders = readdirSync(FIXTURES).filter((f) => !f.startsWith('bad-'))
    let compared = 0
    for (const folder of folders) {
      const { texts } = await loadFolder(join(FIXTURES, folder))
      if (texts.length < 3) continue
      compared++
      const renamed = texts.map((t, i) => ({ ...t, id: `${String(texts.length - i).padStart(3, '0')}-${t.id}` })).reverse()
      const original = new Map(renamed.map((t, i) => [t.id, texts[texts.length - 1 - i].id]))
      const given = found(findOverlaps(texts), (id) => id)
      expect(
        found(findOverlaps(renamed), (id) => original.get(id)!),
        folder,
      ).toEqual(given)
    }
    expect(compared).toBeGreaterThan(5)
  })

  it("lists an overlap's passages in the order the documents were given", async () => {
    const { texts } = await loadFolder(join(FIXTURES, 'three'))
    const reversed = [...texts].reverse()
    const position = new Map(reversed.map((t, i) => [t.id, i]))
    const { overlaps } = findOverlaps(reversed)
    expect(overlaps.length).toBeGreaterThan(0)
    for (const o of overlaps) {
      const at = o.passages.map((p) => position.get(p.doc)!)
      expect(at).toEqual([...at].sort((x, y) => x - y))
    }
  })
})
