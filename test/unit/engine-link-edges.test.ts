import { describe, expect, it } from 'vitest'
import { analyse } from '../../main/core/engine/analyse.js'
import { withoutLinkEdges } from '../../main/core/engine/link-edges.js'
import { findOverlaps } from '../../main/core/engine/overlaps.js'
import { Run } from '../../main/core/engine/progress.js'
import { engineFixture } from '../helpers.js'

// A passage's edge on a line's part of another item's links, or of tags (link-edges.ts).

/** `text` analysed alone, and the text of its tokens [s, e] as withoutLinkEdges leaves them from the tokens around `from` … `to`. */
function edged(text: string, from: string, to: string): string {
  const [doc] = analyse([{ id: 'd', text }], true, new Run({})).docs
  const at = (offset: number) => doc.starts.findIndex((s, t) => s <= offset && offset < doc.ends[t])
  const [s, e] = withoutLinkEdges(doc, at(text.indexOf(from)), at(text.indexOf(to) + to.length - 1))
  return text.slice(doc.starts[s], doc.ends[e])
}

describe("a passage's edges on links", () => {
  it("start after the tail of the item before's link and end before the next item's link (Node.js's change logs, a tester)", () => {
    const overlaps = findOverlaps(engineFixture('commit-lists')).overlaps
    const [copied] = overlaps
    for (const p of copied.passages) {
      expect(p.text).toMatch(
        /^\\\[\[`\w+`\]\(https:\/\/github\.com\/nodejs\/node\/commit\/\w+\)\] - \*\*doc\*\*: feature management proposal/,
      )
      expect(p.text).toMatch(
        /add initial version of maintaining-http\.md \(Michael Dawson\) \[#41798\]\(https:\/\/github\.com\/nodejs\/node\/pull\/41798\)$/,
      )
    }
  })

  it('cut a line of tags alone, and keep an address that ends a sentence going on after it', () => {
    const release = 'Fixed the parser for long lines.\n<a id="16.14.1"></a>\n## Version 16.14.1\n'
    expect(edged(release, 'Fixed', '16.14.1"></a')).toBe('Fixed the parser for long lines')
    const notice = 'released to the public domain, as explained at\n http://creativecommons.org/licenses/publicdomain.  Send questions\n'
    expect(edged(notice, 'released', 'publicdomain')).toBe(
      'released to the public domain, as explained at\n http://creativecommons.org/licenses/publicdomain',
    )
    // One that starts on its first item's commit address starts with the item's hash.
    const item = 'Commits:\n\n* \\[[`ada2d053ae`](https://github.com/nodejs/node/commit/ada2d053ae)] - **doc**: fix a typo\n'
    expect(edged(item, 'https', 'typo')).toBe(item.slice(item.indexOf('ada2d053ae'), item.indexOf('typo') + 4))
    // Not over a line's words.
    const words = 'Commits:\n\n* see the log at https://example.org/log - **doc**: fix a typo\n'
    expect(edged(words, 'https', 'typo')).toBe(words.slice(words.indexOf('https'), words.indexOf('typo') + 4))
    // A passage on one line keeps its edges.
    const one = '* [`abc1234`](https://example.org/commit/abc1234) - fix the parser'
    expect(edged(one, 'abc1234', 'parser')).toBe(one.slice(one.indexOf('abc1234')))
  })
})
