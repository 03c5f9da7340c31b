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
 * n-gram index), `chain` (the seed lists' chunks and the sort's scratch), `align` (the seeds), `cluster` (the candidates), `variants` (the pairs, the
 * lexicon, match ids and content positions). The other stages let little go.
 */
export const COLLECT_BEFORE: ReadonlySet<string> = new Set(['sort', 'chain', 'align', 'cluster', 'variants'])

/**
 * V8's full collection as a function (what node --expose-gc makes `gc`), or undefined where it
 * cannot be had. The flag is set for contexts made from now on, and a new context is made to take
 * its `gc`; the program's own global object is left as it is.
 */
export function fullCollection(): (() => void) | undefined {
  try {
    setFlagsFromString('--expose-gc')
    const gc: unknown = runInNewContext('gc')
    return typeof gc === 'function' ? () => (gc as () => void)() : undefined
  } catch {
    return undefined
  }
}
