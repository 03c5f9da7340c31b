// The heat strip's marks (pure, no DOM): where a document's shared passages lie, as shares of its
// length. Passages of one kind closer than the strip can show apart become one mark; the selected
// overlap's passages always keep marks of their own.

/**
 * How close two passages of one kind may lie (as a share of the document's length) and still be
 * drawn as one mark. The strip is a few hundred pixels tall, so finer marks could not be told
 * apart; each one costs an element (a 1 MiB document shares thousands of passages).
 */
export const HEAT_RESOLUTION = 1 / 500

/** A passage of a document as the strip sees it. */
export interface HeatPassage {
  start: number
  end: number
  kind: string
  /** The overlap it belongs to (a click on its mark selects it). */
  overlap: string
}

/** A mark: top and height as shares (0..1) of the document's length. */
export interface HeatMark {
  top: number
  height: number
  kind: string
  /** The overlap a click selects: the first passage's in the mark. */
  overlap: string
  selected: boolean
}

/** The marks for `passages` of a document `length` code points long; `selected` is the selected overlap's id. */
export function heatMarks(passages: readonly HeatPassage[], length: number, selected: string | null): HeatMark[] {
  const size = Math.max(1, length)
  const gap = HEAT_RESOLUTION * size
  const marks: HeatMark[] = []
  const open = new Map<string, { start: number; end: number; overlap: string }>()
  const close = (kind: string) => {
    const m = open.get(kind)
    if (m) marks.push({ top: m.start / size, height: (m.end - m.start) / size, kind, overlap: m.overlap, selected: false })
  }
  for (const p of [...passages].sort((a, b) => a.start - b.start)) {
    if (p.overlap === selected) continue
    const m = open.get(p.kind)
    if (m && p.start <= m.end + gap) m.end = Math.max(m.end, p.end)
    else {
      close(p.kind)
      open.set(p.kind, { start: p.start, end: p.end, overlap: p.overlap })
    }
  }
  for (const kind of open.keys()) close(kind)
  marks.sort((a, b) => a.top - b.top)
  // The selected overlap's marks last, so they are drawn on top.
  for (const p of passages)
    if (p.overlap === selected)
      marks.push({ top: p.start / size, height: (p.end - p.start) / size, kind: p.kind, overlap: p.overlap, selected: true })
  return marks
}
