import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { findOverlaps } from '../../main/core/engine/overlaps.js'
import { COLLECT_BEFORE, fullCollection } from '../../main/node/engine/collect.js'
import { loadFolder } from '../../main/node/engine/inline.js'
import { ROOT } from '../helpers.js'

describe('collections between engine stages (collect.ts)', () => {
  it('names phases the engine reports, and V8 collects when asked', async () => {
    const { texts } = await loadFolder(join(ROOT, 'test/fixtures/engine/three'))
    const phases = new Set<string>()
    findOverlaps(texts, {}, { onProgress: (p) => void phases.add(p.phase) })
    for (const phase of COLLECT_BEFORE) expect(phases).toContain(phase)
    // From any size (the engine's threshold is for whole corpora).
    const collect = fullCollection(0)
    // An object only a weak reference holds is gone after the collection.
    let ref: WeakRef<object> | undefined
    ;(() => {
      ref = new WeakRef({ big: new Array(1000).fill(1) })
    })()
    await new Promise((resolve) => setTimeout(resolve, 0))
    collect()
    expect(ref!.deref()).toBeUndefined()
  })
})
