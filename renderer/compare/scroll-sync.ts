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

/** Keeps the anchors that go down both panes together (drops crossings: reordered passages). */
export function monotonic(anchors: [number, number][]): [number, number][] {
  const sorted = [...anchors].sort((a, b) => a[0] - b[0] || a[1] - b[1])
  const out: [number, number][] = []
  for (const a of sorted) if (!out.length || a[1] >= out[out.length - 1][1]) out.push(a)
  return out
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
