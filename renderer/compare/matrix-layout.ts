import type { DocumentSummary, OverlapsView } from '../../main/core/contract/api.js'

// The overlap matrix's values and layout, pure (no DOM) so they are tested alone; overlap-matrix.ts
// draws them as SVG.

/** Side of a cell (px): room for a percentage and a count in the matrix's font. */
const CELL = 46
/** Room for the row labels on the left and the slanted column labels on top (px). */
const LABEL = 92
/** Longest label shown whole; longer ones are cut with an ellipsis to fit LABEL. */
const LABEL_CHARS = 13

export interface MatrixCell {
  share: number
  count: number
}

/** Share of each document's text (code points) covered by passages shared with each other one. */
export function overlapMatrix(view: OverlapsView, ids: readonly string[]): MatrixCell[][] {
  return ids.map((a) =>
    ids.map((b) => {
      if (a === b) return { share: 0, count: 0 }
      const spans: [number, number][] = []
      let count = 0
      for (const o of view.overlaps) {
        if (!o.passages.some((p) => p.doc === b)) continue
        const mine = o.passages.filter((p) => p.doc === a)
        if (mine.length) count++
        for (const p of mine) spans.push([p.start, p.end])
      }
      spans.sort((x, y) => x[0] - y[0])
      let covered = 0
      let end = -1
      for (const [s, e] of spans) {
        if (e <= end) continue
        covered += e - Math.max(s, end)
        end = e
      }
      return { share: covered / Math.max(1, view.lengths[a] ?? 1), count }
    }),
  )
}

/** A document's label: its author, else its outlet's name, else its title, cut to fit. */
export function shortLabel(d: Pick<DocumentSummary, 'author' | 'outlet' | 'title'>): string {
  const name = d.author || d.outlet.split(/[(,]/)[0].trim() || d.title
  return name.length > LABEL_CHARS ? name.slice(0, LABEL_CHARS - 1) + '…' : name
}

/** A cell's share as the matrix writes it: whole percents, one decimal under 10 %, a dash for none. */
export function shareText(share: number): string {
  return share ? `${(100 * share).toFixed(share < 0.1 ? 1 : 0)}%` : '–'
}

/**
 * An order of the matrix's documents that puts those sharing most next to each other: a chain begun
 * with the document sharing most with all others, grown each time by the unplaced document sharing
 * most with either end of the chain (both directions' shares added), at that end; ties keep project
 * order. Greedy, not an optimal seriation, but a tight group's rows end up together, which is what a
 * reader scans for.
 */
export function similarityOrder(values: readonly MatrixCell[][]): number[] {
  const sim = (i: number, j: number) => values[i][j].share + values[j][i].share
  const left = [...values.keys()]
  const best = (score: (i: number) => number) => left.reduce((a, b) => (score(b) > score(a) ? b : a))
  const order: number[] = []
  while (left.length) {
    const [head, tail] = [order[0], order.at(-1)]
    const next = order.length
      ? best((i) => Math.max(sim(head, i), sim(tail!, i)))
      : best((i) => values[i].reduce((sum, _, j) => sum + sim(i, j), 0))
    if (order.length && sim(head, next) > sim(tail!, next)) order.unshift(next)
    else order.push(next)
    left.splice(left.indexOf(next), 1)
  }
  return order
}

export interface MatrixLayout {
  width: number
  height: number
  /** Per document (in similarity order): its label, its full title, where the row label ends and where the slanted column label starts. */
  labels: { text: string; title: string; row: { x: number; y: number }; column: { x: number; y: number } }[]
  cells: {
    a: string
    b: string
    self: boolean
    x: number
    y: number
    size: number
    /** 0 to 1: the cell's share against the largest one. */
    strength: number
    value: string
    count: string
    /** What a screen reader says (empty for a document against itself). */
    label: string
  }[]
}

/**
 * Where everything of the matrix goes, for the analysed documents in similarity order (see
 * similarityOrder). Cells keep their size whatever the number of documents: the picture scrolls.
 */
export function matrixLayout(documents: readonly DocumentSummary[], view: OverlapsView): MatrixLayout {
  const analysed = documents.filter((d) => view.lengths[d.id] !== undefined)
  const unordered = overlapMatrix(
    view,
    analysed.map((d) => d.id),
  )
  const order = similarityOrder(unordered)
  const docs = order.map((i) => analysed[i])
  const ids = docs.map((d) => d.id)
  const values = order.map((i) => order.map((j) => unordered[i][j]))
  const max = Math.max(0.0001, ...values.flat().map((c) => c.share))
  const size = LABEL + CELL * ids.length
  return {
    // Room on the right for the last column's slanted label.
    width: size + LABEL / 2,
    height: size,
    labels: docs.map((d, i) => ({
      text: shortLabel(d),
      title: d.title,
      row: { x: LABEL - 6, y: LABEL + CELL * i + CELL / 2 + 4 },
      column: { x: LABEL + CELL * i + CELL / 2 + 4, y: LABEL - 6 },
    })),
    cells: values.flatMap((row, i) =>
      row.map((c, j) => ({
        a: ids[i],
        b: ids[j],
        self: i === j,
        x: LABEL + CELL * j,
        y: LABEL + CELL * i,
        size: CELL,
        strength: i === j ? 0 : c.share / max,
        value: i === j ? '' : shareText(c.share),
        count: i === j || !c.count ? '' : `${c.count}×`,
        label: i === j ? '' : `${docs[i].title} and ${docs[j].title}: ${(100 * c.share).toFixed(1)}% shared, ${c.count} passages`,
      })),
    ),
  }
}
