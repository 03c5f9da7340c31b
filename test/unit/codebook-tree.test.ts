import { describe, expect, it } from 'vitest'
import {
  ancestorsOf,
  descendantIds,
  type Tag,
  tagDepth,
  tagPath,
  tagsInTreeOrder,
  tagTree,
  unusedTagId,
  withDescendantIds,
} from '../../main/core/annotations/codebook.js'

// The codebook tree walks: on a sound tree, and on files another tool may write (a parent that
// does not exist, a cycle), where every walk must still end and show every tag once.

const tag = (id: string, parent: string | null = null): Tag => ({ id, name: id.toUpperCase(), colour: '#000000', parent, description: '' })

// economy
//   growth
//     jobs
//   trade
// culture
const tree = [tag('economy'), tag('culture'), tag('growth', 'economy'), tag('trade', 'economy'), tag('jobs', 'growth')]
const byId = (tags: readonly Tag[], id: string) => tags.find((t) => t.id === id)!

describe('codebook tree', () => {
  it('walks a sound tree', () => {
    expect(tagTree(tree).map((e) => `${e.depth}:${e.tag.id}`)).toEqual(['0:economy', '1:growth', '2:jobs', '1:trade', '0:culture'])
    expect(tagsInTreeOrder(tree).map((t) => t.id)).toEqual(['economy', 'growth', 'jobs', 'trade', 'culture'])
    expect([...descendantIds(tree, 'economy')].sort()).toEqual(['growth', 'jobs', 'trade'])
    expect([...descendantIds(tree, 'jobs')]).toEqual([])
    expect([...withDescendantIds(tree, ['growth', 'culture'])].sort()).toEqual(['culture', 'growth', 'jobs'])
    expect(ancestorsOf(tree, byId(tree, 'jobs')).map((t) => t.id)).toEqual(['growth', 'economy'])
    expect(tagDepth(tree, byId(tree, 'jobs'))).toBe(2)
    expect(tagDepth(tree, byId(tree, 'culture'))).toBe(0)
    expect(tagPath(tree, byId(tree, 'jobs'))).toBe('ECONOMY › GROWTH › JOBS')
  })

  it('ends on a missing parent and on a cycle, listing every tag once', () => {
    // a → b → c → a is a cycle; d names a parent that does not exist; e sits under the cycle.
    const broken = [tag('a', 'c'), tag('b', 'a'), tag('c', 'b'), tag('d', 'gone'), tag('e', 'b')]
    expect(tagTree(broken).map((e) => `${e.depth}:${e.tag.id}`)).toEqual(['0:d', '0:a', '1:b', '2:c', '2:e'])
    expect([...descendantIds(broken, 'a')].sort()).toEqual(['b', 'c', 'e'])
    expect(ancestorsOf(broken, byId(broken, 'e')).map((t) => t.id)).toEqual(['b', 'a', 'c'])
    expect(tagPath(broken, byId(broken, 'a'))).toBe('B › C › A')
    expect(tagDepth(broken, byId(broken, 'd'))).toBe(0)
  })

  it('draws tag ids until one is free', () => {
    const draws = ['aaaaaaaa-1', 'aaaaaaaa-2', 'bbbbbbbb-3']
    expect(unusedTagId(new Set(['taaaaaaaa']), () => draws.shift()!)).toBe('tbbbbbbbb')
  })
})
