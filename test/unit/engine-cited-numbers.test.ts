import { describe, expect, it } from 'vitest'
import { citedNumbers, citeOthers } from '../../main/core/engine/cited-numbers.js'
import { findOverlaps } from '../../main/core/engine/overlaps.js'
import { analysed } from '../helpers.js'
import { join } from 'node:path'
import { loadFolder } from '../../main/node/engine/inline.js'

// Statements that cite different reference numbers are no paraphrase (cited-numbers.ts).

describe('citedNumbers', () => {
  it('reads issues, prefixed identifiers and their digits, not dates, versions or counts', () => {
    const [doc] = analysed('Issue #13052 and bpo-33656, CVE-2021-3156; released 2018-06-27 as 3.7.0 with 5 files, #7 too')
    expect([...citedNumbers(doc, 0, doc.starts.length - 1)].sort()).toEqual(['13052', '3156', '33656'])
  })

  it('tells two statements citing other numbers from two citing one, or one citing none', () => {
    const [a, b, c, d] = analysed(
      'Issue #13052: Fix IDLE crashing',
      'Issue #16226: Fix IDLE Path Browser crash',
      'bpo-13052: Fix IDLE crash',
      'Fix IDLE crashing',
    )
    const all = (x: typeof a) => [x, 0, x.starts.length - 1] as const
    expect(citeOthers(...all(a), ...all(b))).toBe(true)
    expect(citeOthers(...all(a), ...all(c))).toBe(false)
    expect(citeOthers(...all(a), ...all(d))).toBe(false)
  })
})

describe('findOverlaps, entries of a change log', () => {
  it('reports no paraphrase between fixes of different issues, and keeps rewordings of one (a reviewer)', async () => {
    // Excerpts of IDLE's NEWS files as Python 2.7.18 and 3.10.13 ship them: "Issue #13052: Fix
    // IDLE crashing" and "Issue #16226: Fix IDLE Path Browser crash" were a paraphrase.
    const { texts } = await loadFolder(join(import.meta.dirname, '../fixtures/engine/cited-numbers'))
    const paraphrases = findOverlaps(texts).overlaps.filter((o) => o.kind === 'paraphrase')
    const cited = paraphrases.map((o) => o.passages.map((p) => p.text.match(/#\d+/)?.[0]))
    expect(cited.length).toBeGreaterThan(0)
    for (const numbers of cited) expect(new Set(numbers).size).toBe(1)
    expect(cited).toContainEqual(expect.arrayContaining(['#17390']))
  })
})
