import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

// A full garbage collection where the engine has just let go of a stage's data. The engine drops
// its largest structures at stage boundaries: the n-gram index when the seeds are listed, the
// seeds (150 MB on the changelogs of a Debian system) when they are chained, the candidates when
// aligned, the pairs, the lexicon and a third of the corpus's arrays before the variants. Most of
// that is typed arrays, outside V8's heap, and V8 starts a full collection when its heap has grown
// by a factor of what was alive at the last one, not when memory outside the heap dies: the dead
// arrays were held through the next stage (and the heap's garbage with them), up to 300 MB at the
// changelogs' variants. A collection at the start of the next stage costs a tenth of a second or
// so each (the live heap is small then), a handful a run.

/**
 * Stages at whose start the previous stage's data is dead (progress.ts phases): `sort` (the
 * n-gram index), `chain` (the seed lists' chunks and the sort's scratch), `align` (the seeds),
 * `cluster` (the candidates), `variants` (the pairs, the lexicon, match ids and content
 * positions). The other stages let little go.
 */
export const COLLECT_BEFORE: ReadonlySet<string> = new Set(['sort', 'chain', 'align', 'cluster', 'variants'])

/**
 * Resident memory (bytes) from which a collection at a stage's start is worth its cost. A full
 * collection has a fixed cost (getting `gc` makes a context: some 20 ms, and each collection a few
 * ms more on a small heap) that a small corpus would pay for nothing: the bundled five articles
 * ran 0.05 s slower with them, never above 80 MB. Higher: a mid-sized corpus keeps its dead arrays
 * a stage longer.
 */
export const COLLECT_FROM_BYTES = 256 * 2 ** 20

/**
 * V8's full collection as a function (what node --expose-gc makes `gc`), run only while the
 * process holds `fromBytes` (COLLECT_FROM_BYTES) or more; a no-op where `gc` cannot be had. The
 * flag is set for contexts made from then on, and a new context is made to take its `gc`, the
 * first time it is needed; the program's own global object is left as it is.
 */
export function fullCollection(fromBytes = COLLECT_FROM_BYTES): () => void {
  let gc: (() => void) | null | undefined
  return () => {
    if (process.memoryUsage.rss() < fromBytes) return
    if (gc === undefined) gc = collector()
    gc?.()
  }
}

function collector(): (() => void) | null {
  try {
    setFlagsFromString('--expose-gc')
    const gc: unknown = runInNewContext('gc')
    return typeof gc === 'function' ? () => (gc as () => void)() : null
  } catch {
    return null
  }
}
