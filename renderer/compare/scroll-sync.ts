import { lastAtOrBefore } from '../../main/core/text/sorted.js'

// The compare view's pure math (no DOM): how strongly an overlap is drawn, and the piecewise-linear
// map that scrolls one pane to the place matching another's (synchronised scrolling), through
// anchor pairs taken from the passages the two documents share.

/** Relative strength of an overlap's highlight, 1 to 3, from its score against the best one. */
export function strength(score: number, best: number): number {
  const r = best > 0 ? score / best : 0
  return r > 0.5 ? 3 : r > 0.2 ? 2 : 1
}

/** A piecewise-linear map through anchor pairs (x ascending, y non-decreasing). */
export function interpolate(anchors: readonly [number, number][], x: number): number {
  if (anchors.length === 0) return x
  if (x <= anchors[0][0]) return anchors[0][1] + (x - anchors[0][0])
  for (let k = 1; k < anchors.length; k++) {
    const [x0, y0] = anchors[k - 1]
    const [x1, y1] = anchors[k]
    if (x <= x1) return x1 === x0 ? y1 : y0 + ((x - x0) * (y1 - y0)) / (x1 - x0)
  }
  const [xl, yl] = anchors[anchors.length - 1]
  return yl + (x - xl)
}

/**
 * Keeps the anchors that go down both panes together (drops crossings: reordered passages): the
 * longest such chain, so that one passage moved far away in one text drops out rather than the
 * run of passages that keep their order around it. A few dozen anchors at most (SYNC_NEIGHBOURS),
 * so the quadratic search costs nothing.
 */
export function monotonic(anchors: [number, number][]): [number, number][] {
  const sorted = [...anchors].sort((a, b) => a[0] - b[0] || a[1] - b[1])
  // length[k]: the longest chain ending at sorted[k]; before[k]: its previous anchor (-1: none).
  const length: number[] = []
  const before: number[] = []
  let last = -1
  sorted.forEach(([, y], k) => {
    length[k] = 1
    before[k] = -1
    for (let m = 0; m < k; m++)
      if (sorted[m][1] <= y && length[m] + 1 > length[k]) {
        length[k] = length[m] + 1
        before[k] = m
      }
    if (last < 0 || length[k] > length[last]) last = k
  })
  const out: [number, number][] = []
  for (let k = last; k >= 0; k = before[k]) out.push(sorted[k])
  return out.reverse()
}

/**
 * How much farther than the scrolled pane another pane may move in one step of synchronised
 * scrolling. Higher lets a pane keep pace where its text between two shared passages runs that
 * many times longer than the other's (a wordier restatement, a much narrower pane); lower bounds
 * how far a small scroll can carry another pane away from what it shows (a tester's 100 px wheel
 * turn moved a pane 3,555 px, off the passage both panes were lined up on). A pane held back by
 * it catches up further on: each step starts from where the panes are.
 */
export const MAX_SYNC_RATE = 3

/**
 * Where another pane's reading line goes when the scrolled pane's moves from `from` to `to`, the
 * other's being at `at` now (content heights in each pane), through anchor pairs (heights in the
 * scrolled pane and the other).
 *
 * It moves by as much as the map through the anchors moves between `from` and `to`, the map being
 * drawn through the place the two panes show together now and the anchors that agree with it
 * (above both lines, or below both); outside them, px for px. The panes keep the correspondence
 * they have (a selected passage lined up, a place the reader scrolled to), and a small scroll
 * moves the other pane a small, corresponding amount. A tester's panes were lined up on a passage that one text has near
 * its start and the other past its middle: a map through all the passages, anchored on the text
 * before it, put the other pane 3,555 px away at the first turn of the wheel.
 */
export function follow(anchors: readonly [number, number][], from: number, to: number, at: number): number {
  const agreeing = anchors.filter(([x, y]) => (x <= from && y <= at) || (x >= from && y >= at))
  const chain = monotonic([...agreeing, [from, at]])
  const step = interpolate(chain, to) - interpolate(chain, from)
  const limit = MAX_SYNC_RATE * Math.abs(to - from)
  return at + Math.max(-limit, Math.min(limit, step))
}

/**
 * How many shared passages before and after the reading line anchor the map between two panes.
 * The map is drawn through them alone, so scrolling costs a few position look-ups whatever the
 * document's size (a 1 MiB document shares thousands of passages, and measuring all of them would
 * lay out the whole text); more would only smooth where passages cross.
 */
export const SYNC_NEIGHBOURS = 4

/**
 * Indexes [from, to) of the passages near position `at`, given their ascending starts: up to `n`
 * starting at or before it, and `n` after.
 */
export function nearby(starts: readonly number[], at: number, n = SYNC_NEIGHBOURS): [number, number] {
  if (starts.length === 0) return [0, 0]
  const k = starts[0] > at ? -1 : lastAtOrBefore(starts, at)
  return [Math.max(0, k - n + 1), Math.min(starts.length, k + 1 + n)]
}
