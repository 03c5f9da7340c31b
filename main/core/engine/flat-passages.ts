import type { PairPassage } from './cluster.js'

/**
 * The passages of several lists (overlaps, clusters) in flat typed arrays, list after list: entry
 * e is a passage of list owner[e], and list k's are entries [first[k], first[k + 1]). No object per
 * passage: stages that sort or sweep all of a corpus's passages (hundreds of thousands) read these.
 */
export interface FlatPassages {
  total: number
  first: Uint32Array
  owner: Uint32Array
  doc: Uint32Array
  start: Uint32Array
  end: Uint32Array
}

/** The passages of `lists` flattened (see FlatPassages). */
export function flatPassages(lists: readonly { readonly passages: readonly PairPassage[] }[]): FlatPassages {
  const first = new Uint32Array(lists.length + 1)
  for (let k = 0; k < lists.length; k++) first[k + 1] = first[k] + lists[k].passages.length
  const total = first[lists.length]
  const owner = new Uint32Array(total)
  const doc = new Uint32Array(total)
  const start = new Uint32Array(total)
  const end = new Uint32Array(total)
  for (let k = 0, e = 0; k < lists.length; k++)
    for (const p of lists[k].passages) {
      owner[e] = k
      doc[e] = p.doc
      start[e] = p.start
      end[e++] = p.end
    }
  return { total, first, owner, doc, start, end }
}
