import { build } from 'esbuild'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT } from '../helpers.js'

// The CLI (main/node/cli/cli.ts) loads a command's code when it runs: on start (its static
// imports, followed through) only the parsing of command lines. `overlaps` loads
// engine/inline.ts, which brings the engine, the text decoder and the folder reader, never the
// project store, import, export or the reader of imported overlaps, which it loads only for a
// folder that needs them (a dynamic import), nor the definitions code, loaded by that command,
// nor zod.

/**
 * The repository's modules `entry` loads, by following static imports, and the packages those
 * import (`packages`).
 */
async function loadedOnStart(entry: string): Promise<{ modules: string[]; packages: string[] }> {
  const result = await build({
    entryPoints: [join(ROOT, entry)],
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'silent',
    absWorkingDir: ROOT,
  })
  const inputs = result.metafile.inputs
  const seen = new Set<string>()
  const packages = new Set<string>()
  const visit = (path: string): void => {
    if (seen.has(path) || !inputs[path]) return
    seen.add(path)
    for (const i of inputs[path].imports) {
      if (i.kind !== 'import-statement') continue
      if (i.external && !i.path.startsWith('node:')) packages.add(i.path)
      visit(i.path)
    }
  }
  visit(entry)
  return { modules: [...seen], packages: [...packages] }
}

/** Modules of the store, import, export, imported overlaps and definitions. */
const HEAVY =
  /^main\/(node\/(service|project\/(store|corpus|lock)\.ts|import|export|reuse)\/?|core\/(export\/(?!formats\.ts)|reuse|definitions)\/)/

describe('the CLI entry', () => {
  it('loads no command on start', async () => {
    const { modules, packages } = await loadedOnStart('main/node/cli/cli.ts')
    // But the bound on the paraphrase search, which the usage names: a constant that imports nothing.
    const engine = modules.filter((m) => m.startsWith('main/core/engine/'))
    expect(engine).toEqual(['main/core/engine/paraphrase-bound.ts'])
    expect(modules.filter((m) => HEAVY.test(m))).toEqual([])
    expect(packages).toEqual([])
  })

  it('loads no store, import, export, imported-overlap or definitions code for overlaps', async () => {
    const { modules, packages } = await loadedOnStart('main/node/engine/inline.ts')
    expect(modules).toContain('main/core/engine/overlaps.ts')
    expect(modules).toContain('main/node/project/decode.ts')
    expect(modules.filter((m) => HEAVY.test(m))).toEqual([])
    // Nor zod (schemas are checked where files are read into a project; 30 ms of a start).
    expect(packages).toContain('diff')
    expect(packages.filter((p) => p === 'zod' || p.startsWith('zod/'))).toEqual([])
  })
})
