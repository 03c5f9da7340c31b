import type { OverlapsView } from '../../main/core/contract/api.js'

// What each pair of documents shares, read from the overlaps in one pass (the matrix's figures),
// and which documents the matrix shows when there are more than a reader can scan. Pure (no DOM),
// tested alone; matrix-layout.ts lays the chosen documents out.

/**
 * Most documents the matrix shows. Twenty is the largest grid a tester read whole (the e2e test's
 * four groups of five: 800 px of cells, scrolled sideways beside row labels that stay in view);
 * 200 documents made a grid 8,000 px wide of 40,000 cells that no one could read, and took the
 * page 23 s to build. More documents show the twenty in the pairs that share most, or a chosen
 * document and the nineteen that share most with it.
 */
export const MATRIX_MAX_DOCUMENTS = 20

export interface MatrixCell {
  /** Share of the row document's text (code points) in passages it shares with the column's. */
  share: number
  /** Shared passages (overlaps) the two documents are both in. */
  count: number
}

const NONE: MatrixCell = { share: 0, count: 0 }

/** What every pair of documents shares (see sharedPairs). */
export interface SharedPairs {
  /** What `a`'s text shares with `b` (nothing for a document with itself or a pair sharing nothing). */
  cell(a: string, b: string): MatrixCell
  /** How closely two documents are linked: the shares both ways, added (symmetric). */
  closeness(a: string, b: string): number
  /** The documents `a` shares text with, closest first. */
  partners(a: string): string[]
  /** How many documents `a` shares text with. */
  partnerCount(a: string): number
  /** Every pair that shares text, once each, closest first. */
  strongest(): [string, string][]
}

/**
 * Reads what each pair of documents shares from the overlaps. Document by document: its passages
 * in text order, each added to the share of every other document of its overlap (a span already
 * covered for that document counted once), so the cost is each passage times the documents of its
 * overlap, held in typed arrays. At 900 Debian copyright files (2,146 overlaps, a licence's in up
 * to 722 documents: 33 million document pairs over the overlaps) the matrix's figures took
 * documents squared times overlaps before (6,400 s, extrapolated), and a list of spans per pair 46 s.
 */
export function sharedPairs(view: OverlapsView): SharedPairs {
  const ids = Object.keys(view.lengths)
  for (const o of view.overlaps) for (const p of o.passages) if (view.lengths[p.doc] === undefined) ids.push(p.doc)
  const index = new Map<string, number>()
  for (const id of ids) if (!index.has(id)) index.set(id, index.size)
  const names = [...index.keys()]
  const n = index.size
  // Each overlap's documents (once each), and each document's passages: start, end, overlap.
  const members = view.overlaps.map((o) => Int32Array.from(new Set(o.passages.map((p) => index.get(p.doc)!))))
  const passages: number[][] = Array.from({ length: n }, () => [])
  view.overlaps.forEach((o, k) => {
    if (members[k].length > 1) for (const p of o.passages) passages[index.get(p.doc)!].push(p.start, p.end, k)
  })
  const rows: Row[] = new Array<Row>(n)
  const covered = new Float64Array(n)
  const end = new Float64Array(n).fill(-1)
  const count = new Int32Array(n)
  const met = new Uint8Array(n)
  // Per overlap, the last document whose passages counted it: an overlap counts once for each
  // pair of its documents however many passages each has in it (a document repeating a passage
  // in one overlap had it counted twice in its row and once in the other's: 6× one way, 5× the
  // other, a tester).
  const countedFor = new Int32Array(view.overlaps.length).fill(-1)
  for (let a = 0; a < n; a++) {
    const mine = passages[a]
    const order = Array.from({ length: mine.length / 3 }, (_, i) => i).sort((x, y) => mine[3 * x] - mine[3 * y])
    const touched: number[] = []
    for (const i of order) {
      const s = mine[3 * i]
      const e = mine[3 * i + 1]
      const k = mine[3 * i + 2]
      const docs = members[k]
      const counts = countedFor[k] !== a
      countedFor[k] = a
      for (let m = 0; m < docs.length; m++) {
        const b = docs[m]
        if (b === a) continue
        if (!met[b]) {
          met[b] = 1
          touched.push(b)
        }
        if (counts) count[b]++
        if (e > end[b]) {
          covered[b] += e - Math.max(s, end[b])
          end[b] = e
        }
      }
    }
    const partners = Int32Array.from(touched).sort()
    const length = Math.max(1, view.lengths[names[a]] ?? 1)
    rows[a] = {
      partners,
      share: Float64Array.from(partners, (b) => covered[b] / length),
      count: Int32Array.from(partners, (b) => count[b]),
    }
    for (const b of touched) {
      covered[b] = 0
      end[b] = -1
      count[b] = 0
      met[b] = 0
    }
  }
  const at = (a: number, b: number): MatrixCell => {
    const row = rows[a]
    let lo = 0
    let hi = row.partners.length - 1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      if (row.partners[mid] === b) return { share: row.share[mid], count: row.count[mid] }
      if (row.partners[mid] < b) lo = mid + 1
      else hi = mid - 1
    }
    return NONE
  }
  const cell = (a: string, b: string) => {
    const [i, j] = [index.get(a), index.get(b)]
    return i === undefined || j === undefined || i === j ? NONE : at(i, j)
  }
  const near = (i: number, j: number) => at(i, j).share + at(j, i).share
  return {
    cell,
    closeness: (a, b) => cell(a, b).share + cell(b, a).share,
    partnerCount: (a) => rows[index.get(a) ?? -1]?.partners.length ?? 0,
    partners(a) {
      const i = index.get(a)
      if (i === undefined) return []
      return [...rows[i].partners]
        .map((j) => ({ j, near: near(i, j) }))
        .sort((x, y) => y.near - x.near)
        .map(({ j }) => names[j])
    },
    strongest() {
      const pairs: { a: number; b: number; near: number }[] = []
      for (let a = 0; a < n; a++) for (const b of rows[a].partners) if (a < b) pairs.push({ a, b, near: near(a, b) })
      return pairs.sort((x, y) => y.near - x.near).map(({ a, b }): [string, string] => [names[a], names[b]])
    },
  }
}

/** What one document shares: its partners (document indexes, ascending) and, at each, the share and passages. */
interface Row {
  partners: Int32Array
  share: Float64Array
  count: Int32Array
}

/**
 * The documents the matrix shows, in the order given (`ids`: the analysed documents, in project
 * order): all of them up to `max`; past it, with a `focus`, that document and the `max` - 1 that
 * share most with it (fewer where fewer share any text with it); without, the documents of the
 * pairs that share most, taken pair by pair until `max` are chosen (a reader asking "which
 * documents share text with which" sees the closest pairs first, not documents that share a
 * little with many).
 */
export function matrixDocuments(ids: readonly string[], pairs: SharedPairs, focus: string | null, max = MATRIX_MAX_DOCUMENTS): string[] {
  if (ids.length <= max) return [...ids]
  const chosen = new Set<string>()
  if (focus && ids.includes(focus)) {
    chosen.add(focus)
    for (const b of pairs.partners(focus)) {
      if (chosen.size >= max) break
      chosen.add(b)
    }
  } else {
    for (const [a, b] of pairs.strongest()) {
      if (chosen.size >= max) break
      chosen.add(a)
      if (chosen.size < max) chosen.add(b)
    }
  }
  return ids.filter((id) => chosen.has(id))
}
