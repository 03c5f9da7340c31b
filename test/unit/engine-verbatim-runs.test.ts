import { describe, expect, it } from 'vitest'
import { findOverlaps, type Overlap } from '../../main/core/engine/overlaps.js'
import { AlignedSpans } from '../../main/core/engine/aligned-spans.js'
import { pairSides } from '../../main/core/engine/cluster.js'
import { MIN_RUN_TOKENS, verbatimRuns } from '../../main/core/engine/verbatim-runs.js'
import { analysed } from '../helpers.js'

// Runs of running words two versions of one text share word for word, function words and all
// (verbatim-runs.ts). The gospels are the World English Bible's (public domain; Debian's
// sword-text-web).

/** The overlaps with a passage in each document that holds `words` (its spaces as any). */
function holding(overlaps: Overlap[], words: string): Overlap[] {
  const has = (p: Overlap['passages'][number]) => p.text.replace(/\s+/g, ' ').includes(words)
  return overlaps.filter((o) => new Set(o.passages.filter(has).map((p) => p.doc)).size >= 2)
}

// Four sayings both texts give word for word, in the same order: the two are versions of one text.
const SHARED = [
  'The lamp of the body is the eye. If therefore your eye is good, your whole body will be full of light.',
  'No one can serve two masters, for either he will hate the one and love the other; or else he will be devoted to one and despise the other.',
  'Ask, and it will be given you. Seek, and you will find. Knock, and it will be opened for you.',
  'Enter in by the narrow gate; for wide is the gate and broad is the way that leads to destruction, and many are those who enter in by it.',
]
// Luke 11:42 and Matthew 23:23: each in its own words, but for one sentence of function words.
const LUKE =
  'But woe to you Pharisees! For you tithe mint and rue and every herb, but you bypass justice and God’s love. You ought to have done these, and not to have left the other undone.'
const MATTHEW =
  'Woe to you, scribes and Pharisees, hypocrites! For you tithe mint, dill, and cumin, and have left undone the weightier matters of the law: justice, mercy, and faith. But you ought to have done these, and not to have left the other undone.'
const RUN = 'ought to have done these, and not to have left the other undone'

// What each text tells between the sayings, in words of its own.
const STORY = [
  [
    'Then he went on his way through cities and villages, teaching, and a great multitude followed him from Galilee.',
    'Now it happened on one of those days that he went out to the mountain to pray, and he continued all night.',
    'When the sun was setting, all those who had any sick brought them to him, and he laid his hands on every one.',
  ],
  [
    'After these things the disciples came to him privately and asked about the parable of the weeds.',
    'When evening had come, the boat was in the middle of the sea, and he was alone on the land.',
    'The crowds were astonished at his teaching, for he taught them as one having authority.',
  ],
]

/** Version `v` (0 or 1) of a text of the shared sayings, `between[k]` told right after saying k. */
function version(v: number, between: Record<number, string> = {}): string {
  return SHARED.flatMap((s, k) => [s, ...(between[k] ? [between[k]] : []), ...(k < STORY[v].length ? [STORY[v][k]] : [])]).join('\n\n')
}

describe('a run of running words two versions of one text share', () => {
  it('is an overlap though it has few content words (Luke 11:42 and Matthew 23:23, a tester)', () => {
    const { overlaps } = findOverlaps([
      { id: 'luke', text: version(0, { 1: LUKE }) },
      { id: 'matthew', text: version(1, { 1: MATTHEW }) },
    ])
    expect(holding(overlaps, RUN)).not.toEqual([])
  })

  it('is one where each text gives it in another place (a saying Luke tells elsewhere in the story)', () => {
    const { overlaps } = findOverlaps([
      { id: 'luke', text: version(0, { 0: LUKE }) },
      { id: 'matthew', text: version(1, { 2: MATTHEW }) },
    ])
    expect(holding(overlaps, RUN)).not.toEqual([])
  })

  it('is none between texts that are no versions of one text: a stock phrase, a template', () => {
    // The same two passages, without the sayings both give.
    expect(
      holding(
        findOverlaps([
          { id: 'luke', text: LUKE },
          { id: 'matthew', text: MATTHEW },
        ]).overlaps,
        RUN,
      ),
    ).toEqual([])
    // Nor where two texts share one saying only.
    const one = findOverlaps([
      { id: 'luke', text: `${SHARED[0]}\n\n${LUKE}` },
      { id: 'matthew', text: `${SHARED[0]}\n\n${MATTHEW}` },
    ]).overlaps
    expect(holding(one, RUN)).toEqual([])
  })
})

describe('verbatimRuns', () => {
  const docs = analysed(
    'He who has ears to hear, let him hear. Then he spoke of the sower.',
    'The parable ended so: he who has ears to hear, let him hear.',
    'Nothing alike here at all, not a single run of words.',
  )
  const whole = (d: number) => docs[d].starts.length - 1
  /** The two documents' whole texts as a gap between passages they share (aligned-gaps.ts). */
  const gaps = [{ docA: 0, a0: 0, a1: whole(0), docB: 1, b0: 0, b1: whole(1) }]
  const none = () => new AlignedSpans(pairSides([]))

  it('gives each run once, from its first word, and none a pair kept holds already', () => {
    const runs = verbatimRuns(docs, new Uint8Array(3), none(), gaps)
    expect(runs).toHaveLength(1)
    const [{ a, b }] = runs
    expect([a.doc, b.doc]).toEqual([0, 1])
    expect(a.end - a.start + 1).toBeGreaterThanOrEqual(MIN_RUN_TOKENS)
    const words = (d: number, s: number, e: number) => docs[d].text.slice(docs[d].starts[s], docs[d].ends[e])
    expect(words(0, a.start, a.end)).toBe('He who has ears to hear, let him hear')
    expect(words(1, b.start, b.end)).toBe('he who has ears to hear, let him hear')
    const kept = pairSides([{ a, b }])
    expect(verbatimRuns(docs, new Uint8Array(3), new AlignedSpans(kept), gaps)).toEqual([])
    // Nor from a document marked to skip (a duplicate's copy).
    expect(verbatimRuns(docs, Uint8Array.from([0, 1, 0]), none(), gaps)).toEqual([])
  })

  it('gives only runs inside the gaps of two versions, each side in a gap of its own text', () => {
    expect(verbatimRuns(docs, new Uint8Array(3), none(), [])).toEqual([])
    // A gap that ends before the run in the second text.
    const short = [{ ...gaps[0], b1: 4 }]
    expect(verbatimRuns(docs, new Uint8Array(3), none(), short)).toEqual([])
    // Another pair of documents' gap.
    expect(verbatimRuns(docs, new Uint8Array(3), none(), [{ ...gaps[0], docB: 2, b1: whole(2) }])).toEqual([])
  })

  it('gives no run of names and function words (names.ts)', () => {
    const named = analysed(
      'The study session of the Political Bureau of the Communist Party of China Central Committee met on Wednesday.',
      'Delegates praised the plenary meeting of the Communist Party of China Central Committee for its resolve.',
    )
    const all = [{ docA: 0, a0: 0, a1: named[0].starts.length - 1, docB: 1, b0: 0, b1: named[1].starts.length - 1 }]
    expect(verbatimRuns(named, new Uint8Array(2), none(), all)).toEqual([])
  })
})
