import { readdir, readFile } from 'node:fs/promises'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT } from '../helpers.js'

// Code is grouped by where it may run. The compiler enforces most of it (tsconfig.core.json has no
// Node or DOM types; tsconfig.renderer.json has no Node); this checks the imports it cannot see.

async function sources(dir: string): Promise<string[]> {
  const entries = await readdir(join(ROOT, dir), { recursive: true, withFileTypes: true })
  return entries.filter((e) => e.isFile() && e.name.endsWith('.ts')).map((e) => join(e.parentPath, e.name))
}

/** Module specifiers a file imports at run time (type-only imports excluded). */
function runtimeImports(source: string): string[] {
  const out: string[] = []
  for (const m of source.matchAll(/^import\s+(?!type\b)([\s\S]*?)\s+from\s+'([^']+)'/gm)) {
    const names = m[1]
    // `import { type A, type B } from 'x'` is type-only too.
    if (
      /^\{[^}]*\}$/.test(names) &&
      names
        .slice(1, -1)
        .split(',')
        .every((n) => !n.trim() || n.trim().startsWith('type '))
    )
      continue
    out.push(m[2])
  }
  for (const m of source.matchAll(/import\(\s*'([^']+)'\s*\)/g)) out.push(m[1])
  return out
}

describe('layering', () => {
  it('main/core imports nothing from Node, Electron, the DOM or other layers', async () => {
    for (const file of await sources('main/core')) {
      for (const spec of runtimeImports(await readFile(file, 'utf8'))) {
        const outsideCore = spec.startsWith('.') && relative(join(ROOT, 'main/core'), resolve(dirname(file), spec)).startsWith('..')
        expect(spec.startsWith('node:') || spec === 'electron' || outsideCore, `${relative(ROOT, file)} imports ${spec}`).toBe(false)
      }
    }
  })

  it("only the Electron entry points import 'electron' at run time", async () => {
    const allowed = new Set(['main/electron/main.ts', 'main/electron/preload.ts'])
    for (const dir of ['main', 'renderer', 'test']) {
      for (const file of await sources(dir)) {
        const rel = relative(ROOT, file)
        if (allowed.has(rel)) continue
        expect(runtimeImports(await readFile(file, 'utf8')).includes('electron'), `${rel} imports electron at run time`).toBe(false)
      }
    }
  })

  it('the renderer reaches the services only through the client', async () => {
    for (const file of await sources('renderer')) {
      for (const spec of runtimeImports(await readFile(file, 'utf8'))) {
        expect(
          spec.includes('/node/') || spec.includes('/electron/') || spec.startsWith('node:'),
          `${relative(ROOT, file)} imports ${spec}`,
        ).toBe(false)
      }
    }
  })
})
