import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { documentIdFor, MAX_ID_LENGTH } from '../../main/core/project/document-id.js'

// Document ids made from file names (document-id.ts).

describe('documentIdFor', () => {
  it('writes a file name in lower-case words joined by hyphens, made unique by a suffix', () => {
    const taken = new Set<string>()
    const ids = ['Shi Jianxun — Strategic.txt', 'shi_jianxun_strategic.md', 'Café.html', '...'].map((name) => {
      const id = documentIdFor(name, taken)
      taken.add(id)
      return id
    })
    expect(ids).toEqual(['shi-jianxun-strategic', 'shi-jianxun-strategic-2', 'cafe', 'document'])
  })

  it('keeps the start and the end of a long name, so that names differing in their last words stay apart', () => {
    // gcloud's pages: one long prefix, the command's verb last (a reviewer: both were the first 60
    // characters, "...-group-association" and "...-group-association-2").
    const taken = new Set<string>()
    const ids = ['create', 'update'].map((verb) => {
      const id = documentIdFor(`gcloud_network-security_mirroring-endpoint-group-associations_${verb}.txt`, taken)
      taken.add(id)
      return id
    })
    expect(ids).toEqual([
      'gcloud-network-security-mirroring--group-associations-create',
      'gcloud-network-security-mirroring--group-associations-update',
    ])
  })

  it('gives a long name its first MAX_ID_LENGTH characters where its start and end are taken', () => {
    // Two names that differ in their middle (a reviewer: two volumes' minutes were one id and "-2").
    const taken = new Set<string>()
    const ids = [1, 2].map((k) => {
      const id = documentIdFor(`city-council-of-springfield-board-volume-${k}-minutes-of-the-board-meeting-held-in-spring.txt`, taken)
      taken.add(id)
      return id
    })
    expect(ids[0]).toMatch(/--/)
    expect(ids[1]).toContain('volume-2')
  })

  it("is at most MAX_ID_LENGTH characters before its suffix, of the name's letters and digits", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (name) => {
        const id = documentIdFor(name, [])
        expect(id.length).toBeLessThanOrEqual(MAX_ID_LENGTH)
        expect(id).toMatch(/^[a-z0-9]+(-{1,2}[a-z0-9]+)*$/)
      }),
    )
  })
})
