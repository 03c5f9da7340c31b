import type { DocumentSummary, OverlapsView } from '../../main/core/contract/api.js'
import { matrixDocuments, type MatrixCell, sharedPairs, type SharedPairs } from './matrix-pairs.js'
import { documentNames, shortName } from '../shared/document-names.js'

// The overlap matrix's values and layout, pure (no DOM) so they are tested alone; overlap-matrix.ts
// draws them as SVG.

/**
 * Side of a cell (px): room for a percentage ("7.1%") and a count in the matrix's font, and small
 * enough that the bundled corpus's five documents fit the side panel at 1440 px beside their row
 * labels (a tester saw them cut at 46). Smaller cells would crowd the figures.
 */
const CELL = 40
/**
 * Width of the row labels' column (px): a name of a word or two a line, on three lines at most, a
 * cell's height ("Yang Yundong", "China Briefing", "The / emergence of / new…"). Wider leaves
 * less room for cells before the picture scrolls; the column stays in view while it does.
 */
export const ROW_LABEL = 82
/** Height of the column labels, written upwards over their columns (px): LABEL_CHARS characters. */
const HEADER = 96
/** Longest column label shown whole; longer ones are cut with an ellipsis to fit HEADER. */
const LABEL_CHARS = 13

/** What each of `ids` shares with each (rows and columns in that order). */
export function overlapMatrix(pairs: SharedPairs, ids: readonly string[]): MatrixCell[][] {
  return ids.map((a) => ids.map((b) => pairs.cell(a, b)))
}

/** A document's column label: its short name (shared/document-names.ts shortName), cut to fit. */
export function shortLabel(d: Pick<DocumentSummary, 'author' | 'outlet' | 'title'>, titled = d.title): string {
  const name = shortName(d, titled)
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
  /** Documents analysed; the matrix shows `labels.length` of them (see matrixDocuments). */
  analysed: number
  /** The document the matrix is centred on (null: the closest pairs, or every document). */
  focus: string | null
  /** The picture of the column labels and the cells; the row labels are a column beside it, ROW_LABEL wide. */
  width: number
  height: number
  /**
   * Per document (in similarity order): its column label, its whole name (the row label, wrapped
   * where it is drawn), its full title, where its row starts and how high it is, and where its
   * column label starts (written upwards).
   */
  labels: {
    id: string
    text: string
    name: string
    title: string
    row: { y: number; height: number }
    column: { x: number; y: number }
  }[]
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
 * Where everything of the matrix goes, for the analysed documents it shows (matrixDocuments: all,
 * up to MATRIX_MAX_DOCUMENTS; past that, those of the closest pairs, or `focus` and those closest
 * to it) in similarity order (see similarityOrder). Cells keep their size whatever the number of
 * documents: the picture scrolls, the row labels beside it do not. `pairs`: sharedPairs(view),
 * given where it is kept across calls.
 */
export function matrixLayout(
  documents: readonly DocumentSummary[],
  view: OverlapsView,
  pairs: SharedPairs = sharedPairs(view),
  focus: string | null = null,
): MatrixLayout {
  const analysed = documents.filter((d) => view.lengths[d.id] !== undefined)
  const names = documentNames(documents)
  const shown = new Set(
    matrixDocuments(
      analysed.map((d) => d.id),
      pairs,
      focus,
    ),
  )
  const kept = analysed.filter((d) => shown.has(d.id))
  const unordered = overlapMatrix(
    pairs,
    kept.map((d) => d.id),
  )
  const order = similarityOrder(unordered)
  const docs = order.map((i) => kept[i])
  const ids = docs.map((d) => d.id)
  const values = order.map((i) => order.map((j) => unordered[i][j]))
  const max = Math.max(0.0001, ...values.flat().map((c) => c.share))
  return {
    analysed: analysed.length,
    focus: focus && shown.has(focus) && kept.length < analysed.length ? focus : null,
    // The last column's label is written upwards inside its column: no room is needed past it.
    width: CELL * ids.length,
    height: HEADER + CELL * ids.length,
    labels: docs.map((d, i) => ({
      id: d.id,
      text: shortLabel(d, names.get(d.id)),
      name: shortName(d, names.get(d.id)),
      title: d.title,
      row: { y: HEADER + CELL * i, height: CELL },
      column: { x: CELL * i + CELL / 2 + 4, y: HEADER - 6 },
    })),
    cells: values.flatMap((row, i) =>
      row.map((c, j) => ({
        a: ids[i],
        b: ids[j],
        self: i === j,
        x: CELL * j,
        y: HEADER + CELL * i,
        size: CELL,
        strength: i === j ? 0 : c.share / max,
        value: i === j ? '' : shareText(c.share),
        count: i === j || !c.count ? '' : `${c.count}×`,
        label: i === j ? '' : `${docs[i].title} and ${docs[j].title}: ${(100 * c.share).toFixed(1)}% shared, ${c.count} passages`,
      })),
    ),
  }
}
