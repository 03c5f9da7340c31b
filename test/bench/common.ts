// Helpers every benchmark uses: a seeded random number generator and an aligned table of figures.

/** A small deterministic PRNG (mulberry32), so every run makes the same choices. */
export function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Prints rows as aligned columns (first row: headings). */
export function table(rows: string[][]): string {
  const widths = rows[0].map((_, k) => Math.max(...rows.map((row) => (row[k] ?? '').length)))
  return (
    rows
      .map((row) =>
        row
          .map((cell, k) => (cell ?? '').padEnd(widths[k]))
          .join('  ')
          .trimEnd(),
      )
      .join('\n') + '\n'
  )
}
