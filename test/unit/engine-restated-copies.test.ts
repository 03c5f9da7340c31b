import { describe, expect, it } from 'vitest'
import { ROOT } from '../helpers.js'
import { findOverlaps } from '../../main/core/engine/overlaps.js'
import { loadFolder } from '../../main/node/engine/inline.js'

// A restatement's passages that are copies of one another: one stands for them (restated-copies.ts).

describe('a restatement of copies', () => {
  it('shows one of the copies, which the copies’ overlap reports (util-linux, a reviewer)', async () => {
    // lsblk and findmnt print "All potentially unsafe (value) characters are hex-escaped
    // (\x<code>)" twice each; wipefs restates it. The four copies were a near-verbatim overlap and
    // again, with wipefs's sentence, a paraphrase.
    const { texts } = await loadFolder(`${ROOT}/test/fixtures/engine/restated-copies`)
    const { overlaps } = findOverlaps(texts)
    const copies = overlaps.find((o) => o.kind !== 'paraphrase' && o.passages.length === 4)
    expect(copies?.passages.map((p) => p.doc)).toEqual(['findmnt', 'findmnt', 'lsblk', 'lsblk'])
    const restated = overlaps.filter((o) => o.kind === 'paraphrase')
    expect(restated).toHaveLength(1)
    expect(restated[0].passages.map((p) => p.doc)).toEqual(['findmnt', 'wipefs'])
    expect(restated[0].passages[0].text).toMatch(/^All potentially\s+unsafe value characters are hex-escaped/)
  })
})
