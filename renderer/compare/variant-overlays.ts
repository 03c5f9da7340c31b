import type { Overlap } from '../../main/core/engine/overlaps.js'
import type { Overlay } from './reader.js'

// The changed words of an overlap's pairs, marked in the panes (the Variants tab shows them pair
// by pair: variants-panel.ts).

/** Marks in each document for the changed words of an overlap's pairs. */
export function variantOverlays(overlap: Overlap): Map<string, Overlay[]> {
  const out = new Map<string, Overlay[]>()
  const add = (doc: string, o: Overlay) => out.set(doc, [...(out.get(doc) ?? []), o])
  for (const v of overlap.variants) {
    const a = overlap.passages[v.a]
    const b = overlap.passages[v.b]
    for (const c of v.changes ?? []) {
      // Words beyond the other passage's edge are in both texts: no change to mark.
      if (c.op === 'equal' || c.beyond) continue
      const words = c.op === 'delete' ? c.a : c.b
      const title =
        c.op === 'replace'
          ? `“${c.a}” → “${c.b}”`
          : c.moved
            ? `moved: “${words}” stands elsewhere in the other passage`
            : `only here: “${words}”`
      const cls = `variant-change op-${c.op}${c.moved ? ' moved' : ''}`
      if (c.aEnd > c.aStart) add(a.doc, { start: c.aStart, end: c.aEnd, class: cls, attrs: { title } })
      if (c.bEnd > c.bStart) add(b.doc, { start: c.bStart, end: c.bEnd, class: cls, attrs: { title } })
    }
  }
  return out
}
