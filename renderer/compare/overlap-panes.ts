// Which panes show the documents of an overlap chosen (in the list, a pane, a heat strip; a facet
// or definition of the Definitions view too): pure (no DOM), so it is tested alone.
//
// The panes are to show the chosen overlap's documents. A pane the app filled for an earlier
// choice and whose document is not in this one is used for one of this one's documents, or closed:
// a tester chose a group of 3 documents after one of 5 and read the 3 beside 2 panes of the
// earlier group's text. A pane whose document the reader picked (its list, "+ Pane", a document
// opened) stays while there is room. No more panes are opened than fit side by side (a fifth pane
// cut off at the right edge), and an overlap of more documents than that shows as many as fit.

/** How many copies of a group of identical documents open: two show they are alike; more would show the same text again. */
export const DUPLICATE_PANES = 2

/** A pane as the choice sees it: its document, and whether the reader picked that document in it. */
export interface PaneSlot {
  doc: string | null
  chosen: boolean
}

/** What a pane shows after the choice: the pane it was (an index into the panes; null: a new pane) and its document. */
export interface PanePlan {
  from: number | null
  doc: string | null
}

/**
 * The documents of an overlap to show, `most` at most: one of each text first, where `textOf` gives
 * the text a document has in the overlap (its passages', joined), then the other copies; in each
 * of the two, those the panes show already first (so they stay where the reader sees them), then
 * the others in the overlap's order. An overlap of more documents than fit showed three copies of
 * one passage (a text, its duplicate and a text it begins) and left out the one document that
 * reads otherwise (a tester). A document without a text known is a text of its own.
 */
export function documentsToShow(
  shown: readonly (string | null)[],
  docs: readonly string[],
  most: number,
  textOf: (doc: string) => string | undefined = () => undefined,
): string[] {
  const unique = [...new Set(docs)]
  const texts = new Set<string>()
  const first: string[] = []
  const copies: string[] = []
  for (const d of [...unique.filter((d) => shown.includes(d)), ...unique.filter((d) => !shown.includes(d))]) {
    const text = textOf(d)
    if (text !== undefined && texts.has(text)) copies.push(d)
    else {
      if (text !== undefined) texts.add(text)
      first.push(d)
    }
  }
  return [...first, ...copies].slice(0, Math.max(0, most))
}

/**
 * The panes after choosing an overlap whose documents to show are `docs` (see documentsToShow), with
 * room for `room` panes side by side and at least `least` open: in order, each existing pane kept
 * (with its document or another) and new ones after them; a pane not listed is closed.
 *
 * A pane that shows one of `docs` keeps it. Each other document goes, by preference, into a pane
 * the app filled whose document is not in `docs` (the one nearest to a pane showing one of them,
 * so the overlap's documents stand together), else into a new pane while there is room, else into
 * a pane the reader chose (nearest likewise). Panes the app filled that are left over are closed
 * down to `least`; the reader's stay.
 */
export function overlapPanes(panes: readonly PaneSlot[], docs: readonly string[], room: number, least: number): PanePlan[] {
  const plan: PanePlan[] = panes.map((p, i) => ({ from: i, doc: p.doc }))
  const wanted = new Set(docs)
  const holds = (k: number) => plan[k].doc !== null && wanted.has(plan[k].doc) && plan.findIndex((q) => q.doc === plan[k].doc) === k
  const used = new Set(plan.flatMap((_, k) => (holds(k) ? [k] : [])))
  const distance = (k: number) => {
    const held = [...used]
    return held.length ? Math.min(...held.map((h) => Math.abs(h - k))) : k
  }
  // Nearest first; of two as near, the one on the left.
  const nearest = (free: number[]) => free.sort((a, b) => distance(a) - distance(b) || a - b)[0]
  for (const doc of docs) {
    if ([...used].some((k) => plan[k].doc === doc)) continue
    const open = plan.flatMap((_, k) => (used.has(k) ? [] : [k]))
    let k = nearest(open.filter((j) => !panes[j]?.chosen))
    if (k === undefined && plan.length < room) {
      plan.push({ from: null, doc: null })
      k = plan.length - 1
    }
    k ??= nearest(open)
    if (k === undefined) break
    plan[k] = { ...plan[k], doc }
    used.add(k)
  }
  // Left over: the app's panes whose documents are not the overlap's, closed from the right.
  for (let k = plan.length - 1; k >= 0 && plan.length > least; k--) if (!used.has(k) && !panes[k]?.chosen) plan.splice(k, 1)
  return plan
}
