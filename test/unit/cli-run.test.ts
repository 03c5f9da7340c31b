import { mkdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises'
import { isAbsolute, join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CLI_STAMPS } from '../../electron.config.js'
import { isCurrent } from '../../main/node/cli/stamps.mjs'
import { ROOT, tempDir } from '../helpers.js'

// npm run cli (main/node/cli/run.mjs) runs the CLI's bundle only while every file it was made from
// is as it was then (electron.config.ts CLI_STAMPS), and the sources otherwise: a bundle of code
// since edited must never run in its place.

describe('the CLI bundle is run only while it is current (stamps.mjs isCurrent)', () => {
  let root: string
  let cleanup: () => Promise<void>
  const stamps = () => join(root, 'stamps.json')
  const WRITTEN = new Date('2026-01-02T03:04:05Z')

  /** Writes stamps for `files` (paths from root) as the build writes them: [path, size, mtimeMs]. */
  async function stampFiles(...files: string[]): Promise<void> {
    const list = await Promise.all(
      files.map(async (f) => {
        const info = await stat(join(root, f))
        return [f, info.size, info.mtimeMs]
      }),
    )
    await writeFile(stamps(), JSON.stringify({ files: list }))
  }

  beforeEach(async () => {
    ;({ dir: root, cleanup } = await tempDir())
    await mkdir(join(root, 'src'))
    await writeFile(join(root, 'src/a.ts'), 'export const a = 1\n')
    await writeFile(join(root, 'src/b.ts'), 'export const b = 2\n')
    // Whole seconds, which a file's time keeps exactly when set again (see the size test).
    for (const f of ['src/a.ts', 'src/b.ts']) await utimes(join(root, f), WRITTEN, WRITTEN)
    await stampFiles('src/a.ts', 'src/b.ts')
  })
  afterEach(() => cleanup())

  it('is current while every file stamped is unchanged', () => {
    expect(isCurrent(stamps(), root)).toBe(true)
  })

  it('is not once a file is edited, even to the same size, or only touched', async () => {
    await writeFile(join(root, 'src/a.ts'), 'export const a = 3\n')
    expect(isCurrent(stamps(), root)).toBe(false)
    await stampFiles('src/a.ts', 'src/b.ts')
    expect(isCurrent(stamps(), root)).toBe(true)
    const later = new Date(Date.now() + 5000)
    await utimes(join(root, 'src/b.ts'), later, later)
    expect(isCurrent(stamps(), root)).toBe(false)
  })

  it('is not once a file changes its size, its time set back as it was', async () => {
    await writeFile(join(root, 'src/b.ts'), 'export const b = 22\n')
    await utimes(join(root, 'src/b.ts'), WRITTEN, WRITTEN)
    expect((await stat(join(root, 'src/b.ts'))).mtimeMs).toBe(WRITTEN.getTime())
    expect(isCurrent(stamps(), root)).toBe(false)
  })

  it('is not once a file is removed', async () => {
    await rm(join(root, 'src/b.ts'))
    expect(isCurrent(stamps(), root)).toBe(false)
  })

  it('is not without stamps, or with stamps it cannot read', async () => {
    for (const text of ['', '{', 'null', '{}', '{"files":[]}', '{"files":{}}', '{"files":[["src/a.ts",18]]}', '{"files":[[1,18,0]]}']) {
      await writeFile(stamps(), text)
      expect(isCurrent(stamps(), root), text).toBe(false)
    }
    await rm(stamps())
    expect(isCurrent(stamps(), root)).toBe(false)
  })

  it("reads the build's own stamps: the bundle the tests' setup made is current, and stamps the CLI's sources", async () => {
    expect(isCurrent(CLI_STAMPS, ROOT)).toBe(true)
    const files: [string, number, number][] = JSON.parse(await readFile(CLI_STAMPS, 'utf8')).files
    const paths = files.map(([f]) => f)
    for (const f of ['main/node/cli/cli.ts', 'main/core/engine/overlaps.ts', 'dist/cli/cli.mjs', 'electron.config.ts'])
      expect(paths).toContain(f)
    // Paths from the repository root, wherever the build was run from.
    expect(paths.every((f) => !isAbsolute(f) && !f.startsWith('..'))).toBe(true)
  })
})
