import { join } from 'node:path'
import { buildCli, dist } from '../../electron.config.js'
import { currentBundle } from '../../main/node/cli/stamps.mjs'
import { ROOT } from '../helpers.js'

// Helpers the benchmarks use: a seeded random number generator, an aligned table of figures, and
// the CLI a user runs.

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

/**
 * The CLI as `npm run cli` runs it (main/node/cli/run.mjs), its bundle made first where none is
 * current, as `npm run build` makes it: a benchmark times the CLI a user runs, never its sources
 * (run.mjs's way when no bundle is current). Returns run.mjs's path.
 */
export async function cliEntry(): Promise<string> {
  if (!currentBundle(dist, ROOT)) {
    const built = await buildCli()
    if (!built.published) throw new Error(`the CLI's bundle was not published: ${built.reason}`)
  }
  return join(ROOT, 'main/node/cli/run.mjs')
}
