import { describe, expect, it } from 'vitest'
import { analyse } from '../../main/core/engine/analyse.js'
import { findOverlaps } from '../../main/core/engine/overlaps.js'
import { Run } from '../../main/core/engine/progress.js'
import { sharedRuns } from '../../main/core/engine/shared-runs.js'
import { loadFolder } from '../../main/node/engine/inline.js'
import { ROOT } from '../helpers.js'

// The runs of words a candidate's passages share word for word (shared-runs.ts).

describe('runs of shared words', () => {
  it('are the longest runs in the same order in both passages, none using a word twice', () => {
    const corpus = analyse(
      [
        { id: 'a', text: 'alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu' },
        { id: 'b', text: 'omega alpha beta gamma delta epsilon zeta psi chi kappa lambda mu' },
      ],
      true,
      new Run({}),
    )
    const [A, B] = corpus.docs
    const region = { docA: 0, docB: 1, a0: 0, a1: A.content.length - 1, b0: 0, b1: B.content.length - 1, seeds: 0 }
    const runs = sharedRuns(region, A, B, 3)
    const words = (doc: typeof A, c0: number, c1: number) => doc.text.slice(doc.starts[doc.content[c0]], doc.ends[doc.content[c1]])
    expect(runs.map((r) => [words(A, r.a0, r.a1), words(B, r.b0, r.b1)])).toEqual([
      ['alpha beta gamma delta epsilon zeta', 'alpha beta gamma delta epsilon zeta'],
      ['kappa lambda mu', 'kappa lambda mu'],
    ])
    expect(sharedRuns(region, A, B, 7)).toEqual([])
  })

  it('keep the free words of a run that meets a longer one', () => {
    const words = 'alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi'
    const corpus = analyse(
      [
        { id: 'a', text: words },
        // "eta theta" said twice: the run from "alpha" and the one to "pi" both hold the first.
        { id: 'b', text: words.replace('theta', 'theta omega eta theta') },
      ],
      true,
      new Run({}),
    )
    const [A, B] = corpus.docs
    const region = { docA: 0, docB: 1, a0: 0, a1: A.content.length - 1, b0: 0, b1: B.content.length - 1, seeds: 0 }
    const text = (doc: typeof A, c0: number, c1: number) => doc.text.slice(doc.starts[doc.content[c0]], doc.ends[doc.content[c1]])
    expect(sharedRuns(region, A, B, 6).map((r) => [text(A, r.a0, r.a1), text(B, r.b0, r.b1)])).toEqual([
      ['alpha beta gamma delta epsilon zeta', 'alpha beta gamma delta epsilon zeta'],
      ['eta theta iota kappa lambda mu nu xi omicron pi', 'eta theta iota kappa lambda mu nu xi omicron pi'],
    ])
  })

  it('keep a copy whose own words around it make its candidate too unlike (coreutils footers, a reviewer)', async () => {
    // Six man pages end in one footer, word for word, then a line of each page's own; stat's names
    // three manual pages of its own, and its footer was in no overlap.
    const { texts } = await loadFolder(`${ROOT}/test/fixtures/engine/footer-runs`)
    const { overlaps } = findOverlaps(texts)
    const footer = overlaps.find((o) => o.passages.some((p) => p.text.includes('NO WARRANTY')))!
    expect(footer.passages.map((p) => p.doc)).toEqual(['stat', 'users', 'vdir', 'wc', 'whoami', 'yes'])
    expect(footer.passages.every((p) => p.text.includes('REPORTING BUGS') && p.text.includes('NO WARRANTY'))).toBe(true)
  })
})
