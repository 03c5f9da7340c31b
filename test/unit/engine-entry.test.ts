import { build } from 'esbuild'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT } from '../helpers.js'

// The engine's CLI entry (main/node/engine/cli.ts) is the slim one: what it loads on start (its
// static imports, followed through) is the engine, the text decoder and the folder reader, never
// the project store, import, export or the reader of imported overlaps, which it loads only for a
// folder that needs them (a dynamic import), nor the definitions code, loaded by that command,
// nor zod.

/**
 * The repository's modules the entry loads on start, by following static imports, and the
 * packages those import (`packages`).
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

describe('the engine CLI entry', () => {
  it('loads no store, import, export, imported-overlap or definitions code on start', async () => {
    const { modules, packages } = await loadedOnStart('main/node/engine/cli.ts')
    expect(modules).toContain('main/core/engine/overlaps.ts')
    expect(modules).toContain('main/node/project/decode.ts')
    const heavy = modules.filter((m) =>
      /^main\/(node\/project\/(store|corpus|lock)\.ts|node\/(import|export|reuse)\/|core\/(export|reuse|definitions)\/)/.test(m),
    )
    expect(heavy).toEqual([])
    // Nor zod (schemas are checked where files are read into a project; 30 ms of a start).
    expect(packages).toContain('diff')
    expect(packages.filter((p) => p === 'zod' || p.startsWith('zod/'))).toEqual([])
  })
})
