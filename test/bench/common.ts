import { spawnSync } from 'node:child_process'
import { closeSync, openSync } from 'node:fs'
import { join } from 'node:path'
import { buildCli, dist } from '../../electron.config.js'
import { currentBundle } from '../../main/node/cli/stamps.mjs'
import { ROOT } from '../helpers.js'

// Helpers the benchmarks use: a seeded random number generator, an aligned table of figures, the
// CLI a user runs, and a process timed.

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
 * The CLI as `npm run cli` runs it (main/node/cli/run.cjs), its bundle made first where none is
 * current, as `npm run build` makes it: a benchmark times the CLI a user runs, never its sources
 * (run.cjs's way when no bundle is current). Returns run.cjs's path.
 */
export async function cliEntry(): Promise<string> {
  if (!currentBundle(dist, ROOT)) {
    const built = await buildCli()
    if (!built.published) throw new Error(`the CLI's bundle was not published: ${built.reason}`)
  }
  return join(ROOT, 'main/node/cli/run.cjs')
}

/** A process timed (timeProcess). */
export interface Timed {
  /** Wall seconds (of several rounds: the median). */
  seconds: number
  /** User + system CPU seconds: on a loaded machine, a fairer comparison than the wall clock. */
  cpu: number
  rssMB: number
  status: number | null
  stderr: string
  /** Of several rounds (medianOf): each round's wall seconds, in order. */
  rounds?: number[]
}

/** Wall seconds and peak RSS of a command via /usr/bin/time; stdout to `out` when given. */
export function timeProcess(args: string[], out?: string): Timed {
  const fd = out ? openSync(out, 'w') : 'ignore'
  try {
    const t0 = performance.now()
    const r = spawnSync('/usr/bin/time', ['-f', 'PEAK_RSS_KB=%M CPU=%U+%S', ...args], {
      encoding: 'utf8',
      stdio: ['ignore', fd, 'pipe'],
      maxBuffer: 1 << 28,
    })
    const seconds = (performance.now() - t0) / 1000
    const kb = /PEAK_RSS_KB=(\d+)/.exec(r.stderr ?? '')
    const cpu = /CPU=([\d.]+)\+([\d.]+)/.exec(r.stderr ?? '')
    return {
      seconds,
      cpu: cpu ? Number(cpu[1]) + Number(cpu[2]) : NaN,
      rssMB: kb ? Number(kb[1]) / 1024 : NaN,
      status: r.status,
      stderr: r.stderr ?? '',
    }
  } finally {
    if (typeof fd === 'number') closeSync(fd)
  }
}
