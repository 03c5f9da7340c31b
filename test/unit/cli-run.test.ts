import { execFile } from 'node:child_process'
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises'
import { dirname, isAbsolute, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import type { Plugin } from 'esbuild'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dist } from '../../electron.config.js'
import { buildCli, KEEP_BUNDLES, KEEP_OLD_MS, type Stamp } from '../../main/node/cli/build-cli.js'
import { ENGINE_CACHE, ENGINE_SCRIPT } from '../../main/node/cli/engine-script.mjs'
import { currentBundle, isCurrent } from '../../main/node/cli/stamps.mjs'
import { ROOT, tempDir } from '../helpers.js'

/**
 * Runs the command line `argv` with the engine script of the bundle in `dir` as run.cjs does
 * (engine-script.mjs runEngineScript), in a process of its own, its output unread: the exit code
 * (none where the script did not run it), and what V8 made of the script's code cache.
 */
async function engineScript(dir: string, argv: string[]): Promise<{ code?: number; cache: string }> {
  const runner = pathToFileURL(join(ROOT, 'main/node/cli/engine-script.mjs')).href
  const code = `const { runEngineScript } = await import(${JSON.stringify(runner)})
const r = await runEngineScript(${JSON.stringify(dir)}, ${JSON.stringify(argv)})
process.stderr.write(JSON.stringify(r))`
  const { stderr } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', code], { cwd: ROOT, maxBuffer: 1 << 26 })
  return JSON.parse(stderr.slice(stderr.lastIndexOf('{"')))
}

// npm run cli (main/node/cli/run.cjs) runs the CLI's bundle only while every file it was made from
// is as it was then (build-cli.ts writes the stamps, stamps.mjs reads them), and the sources
// otherwise: a bundle of code since edited must never run in its place.

describe('the CLI bundle is run only while it is current (stamps.mjs isCurrent)', () => {
  let root: string
  let cleanup: () => Promise<void>
  const stamps = () => join(root, 'stamps.json')
  const WRITTEN = new Date('2026-01-02T03:04:05Z')

  /** Writes stamps for `files` (paths from root) as the build writes them (build-cli.ts Stamp). */
  async function stampFiles(...files: string[]): Promise<void> {
    const list = await Promise.all(
      files.map(async (f) => {
        const info = await stat(join(root, f))
        return [f, info.size, info.mtimeMs, info.ctimeMs, info.ino]
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

  it('is not once a file is edited to the same size, its time set back as it was', async () => {
    await writeFile(join(root, 'src/b.ts'), 'export const b = 3\n')
    await utimes(join(root, 'src/b.ts'), WRITTEN, WRITTEN)
    const info = await stat(join(root, 'src/b.ts'))
    expect([info.size, info.mtimeMs]).toEqual(JSON.parse(await readFile(stamps(), 'utf8')).files[1].slice(1, 3))
    expect(isCurrent(stamps(), root)).toBe(false)
  })

  it('is not once a file is replaced by another of the same size and time', async () => {
    await writeFile(join(root, 'src/c.ts'), 'export const b = 2\n')
    await utimes(join(root, 'src/c.ts'), WRITTEN, WRITTEN)
    await rename(join(root, 'src/c.ts'), join(root, 'src/b.ts'))
    expect(isCurrent(stamps(), root)).toBe(false)
  })

  it('is not once a file is removed', async () => {
    await rm(join(root, 'src/b.ts'))
    expect(isCurrent(stamps(), root)).toBe(false)
  })

  it('is not without stamps, or with stamps it cannot read', async () => {
    for (const text of [
      '',
      '{',
      'null',
      '{}',
      '{"files":[]}',
      '{"files":{}}',
      '{"files":[["src/a.ts",18]]}',
      '{"files":[["src/a.ts",18,0]]}',
      '{"files":[[1,18,0,0,0]]}',
    ]) {
      await writeFile(stamps(), text)
      expect(isCurrent(stamps(), root), text).toBe(false)
    }
    await rm(stamps())
    expect(isCurrent(stamps(), root)).toBe(false)
  })
})

describe('a build of the CLI (build-cli.ts) publishes a bundle only of the sources as they are', () => {
  let root: string
  let cleanup: () => Promise<void>
  const out = () => join(root, 'dist')
  const WRITTEN = new Date('2026-01-02T03:04:05Z')
  const options = (plugins: Plugin[] = []) => ({
    entryPoints: { cli: join(root, 'src/cli.ts') },
    bundle: true,
    platform: 'node' as const,
    format: 'esm' as const,
    splitting: true,
    outExtension: { '.js': '.mjs' },
    plugins,
  })

  beforeEach(async () => {
    ;({ dir: root, cleanup } = await tempDir())
    await mkdir(join(root, 'src'))
    await writeFile(join(root, 'src/cli.ts'), "import { word } from './word.js'\nexport const main = (): string => word\n")
    await writeFile(join(root, 'src/word.ts'), "export const word: string = 'first'\n")
    await writeFile(join(root, 'tsconfig.json'), '{}\n')
    // Whole seconds, which a file keeps exactly when its time is set back (a disk that keeps
    // times to the second).
    await utimes(join(root, 'src/word.ts'), WRITTEN, WRITTEN)
  })
  afterEach(() => cleanup())

  it('publishes a bundle that is current until a source or a setting changes', async () => {
    const built = await buildCli(options(), root, out())
    expect(built.published).toBe(true)
    const entry = currentBundle(out(), root)!
    expect(entry).toBe(join(out(), built.published ? built.dir : '', 'cli.mjs'))
    expect((await import(entry)).main()).toBe('first')
    const stamped = JSON.parse(await readFile(join(dirname(entry), 'stamps.json'), 'utf8')).files.map(([f]: [string]) => f)
    expect(stamped).toEqual(
      expect.arrayContaining(['src/cli.ts', 'src/word.ts', 'tsconfig.json', 'dist/' + (built.published && built.dir) + '/cli.mjs']),
    )
    await writeFile(join(root, 'tsconfig.json'), '{ }\n')
    expect(currentBundle(out(), root)).toBeUndefined()
    expect((await buildCli(options(), root, out())).published).toBe(true)
    await writeFile(join(root, 'src/word.ts'), "export const word: string = 'other'\n")
    expect(currentBundle(out(), root)).toBeUndefined()
  })

  it('does not publish a bundle whose source changed while it was built, even to an old time and the same size', async () => {
    expect((await buildCli(options(), root, out())).published).toBe(true)
    const before = currentBundle(out(), root)
    // Changed after the build read it and before it ended: same size, its time set back.
    const changeAtEnd: Plugin = {
      name: 'change-at-end',
      setup(build) {
        build.onEnd(async () => {
          await writeFile(join(root, 'src/word.ts'), "export const word: string = 'fir5t'\n")
          await utimes(join(root, 'src/word.ts'), WRITTEN, WRITTEN)
          expect((await stat(join(root, 'src/word.ts'))).mtimeMs).toBe(WRITTEN.getTime())
        })
      },
    }
    const built = await buildCli(options([changeAtEnd]), root, out())
    expect(built).toEqual({ published: false, reason: 'src/word.ts changed while the CLI was built' })
    // Nothing of it is left, and the bundle published before is still the one named.
    expect((await readdir(out())).filter((f) => f.startsWith('cli-'))).toHaveLength(1)
    expect(JSON.parse(await readFile(join(out(), 'cli.json'), 'utf8')).dir).toBe(dirname(before!).split(/[\\/]/).pop())
  })

  it('keeps older bundles a running CLI may read, and removes them once there are newer ones and they are old', async () => {
    const dirs: string[] = []
    for (let k = 0; k < KEEP_BUNDLES + 2; k++) {
      const built = await buildCli(options(), root, out())
      if (built.published) dirs.push(built.dir)
    }
    expect(dirs).toHaveLength(KEEP_BUNDLES + 2)
    // All young: all kept.
    expect((await readdir(out())).filter((f) => f.startsWith('cli-')).sort()).toEqual([...dirs].sort())
    // The three oldest made older than KEEP_OLD_MS: the two of them replaced as long ago removed by
    // the next build; the third, replaced by a young one, kept (a CLI may have started from it).
    const old = new Date(Date.now() - 2 * KEEP_OLD_MS)
    for (const d of dirs.slice(0, 3)) await utimes(join(out(), d), old, old)
    const last = await buildCli(options(), root, out())
    const left = (await readdir(out())).filter((f) => f.startsWith('cli-'))
    expect(left.sort()).toEqual([...dirs.slice(2), last.published ? last.dir : ''].sort())
    // All of them old: the newest KEEP_BUNDLES kept, the current one among them.
    for (const d of left) await utimes(join(out(), d), old, old)
    const latest = await buildCli(options(), root, out())
    const kept = (await readdir(out())).filter((f) => f.startsWith('cli-')).sort()
    expect(kept).toHaveLength(KEEP_BUNDLES)
    expect(kept).toContain(latest.published && latest.dir)
  })

  it('leaves nothing behind of builds cut short once they are old, and builds side by side all publish', async () => {
    expect((await buildCli(options(), root, out())).published).toBe(true)
    const cut = join(out(), 'cli.json.cli-cut-1.tmp')
    await writeFile(cut, '{"dir":"cli-cut-1"}\n')
    const builds = await Promise.all(Array.from({ length: 4 }, () => buildCli(options(), root, out())))
    expect(builds.every((b) => b.published)).toBe(true)
    expect(await readdir(out())).toContain('cli.json.cli-cut-1.tmp')
    const old = new Date(Date.now() - 2 * KEEP_OLD_MS)
    await utimes(cut, old, old)
    // Every folder old too: the next builds, side by side, remove the same ones.
    for (const d of (await readdir(out())).filter((f) => f.startsWith('cli-'))) await utimes(join(out(), d), old, old)
    const again = await Promise.all(Array.from({ length: 3 }, () => buildCli(options(), root, out())))
    expect(again.every((b) => b.published)).toBe(true)
    expect(await readdir(out())).not.toContain('cli.json.cli-cut-1.tmp')
    expect(currentBundle(out(), root)).toBeDefined()
  })

  it('does not publish a bundle where a module the build loaded has changed since it started', async () => {
    await writeFile(join(root, 'config.ts'), 'export const options = {}\n')
    const built = await buildCli(options(), root, out(), [join(root, 'config.ts')])
    expect(built).toEqual({ published: false, reason: 'config.ts changed since the build started' })
    expect(currentBundle(out(), root)).toBeUndefined()
  })

  it('is not told a bundle by a pointer it cannot read or that names no bundle folder', async () => {
    expect((await buildCli(options(), root, out())).published).toBe(true)
    for (const text of ['', '{', '{}', '{"dir":"../src"}', '{"dir":"cli-nothere"}', '{"dir":5}']) {
      await writeFile(join(out(), 'cli.json'), text)
      expect(currentBundle(out(), root), text).toBeUndefined()
    }
  })

  it('makes the engine script beside the bundle, its code cache made on the folder given, and stamps both', async () => {
    await writeFile(
      join(root, 'src/engine-main.ts'),
      "export async function main(argv: string[]): Promise<number | undefined> {\n  return argv[0] === 'overlaps' || argv[0] === 'definitions' ? (argv[1].endsWith('bad') ? 1 : 0) : undefined\n}\n",
    )
    const engine = { entry: join(root, 'src/engine-main.ts'), corpus: join(root, 'corpus') }
    const built = await buildCli(options(), root, out(), [], engine)
    if (!built.published) throw new Error(built.reason)
    const dir = join(out(), built.dir)
    const stamped = JSON.parse(await readFile(join(dir, 'stamps.json'), 'utf8')).files.map(([f]: [string]) => f)
    expect(stamped).toEqual(
      expect.arrayContaining(['src/engine-main.ts', `dist/${built.dir}/${ENGINE_SCRIPT}`, `dist/${built.dir}/${ENGINE_CACHE}`]),
    )
    expect(await engineScript(dir, ['overlaps', 'folder'])).toEqual({ code: 0, cache: 'used' })
    expect(await engineScript(dir, ['definitions', 'bad'])).toEqual({ code: 1, cache: 'used' })
    // Not an engine command: not run (the whole CLI runs it).
    expect(await engineScript(dir, ['list'])).toEqual({ cache: 'none' })
    // A script that fails on the folder it is made on: not published,
    // and the one before is still current.
    const failing = await buildCli(options(), root, out(), [], { ...engine, corpus: join(root, 'bad') })
    expect(failing).toEqual({
      published: false,
      reason: `the engine script failed on ${join(root, 'bad')}: the engine's commands ended with exit code 1`,
    })
    expect(currentBundle(out(), root)).toBe(join(dir, 'cli.mjs'))
    // A cache V8 cannot use: the bundle is no longer current (run.cjs runs the sources); the
    // script, run all the same, is compiled without it and runs the same.
    await writeFile(join(dir, ENGINE_CACHE), Buffer.alloc(4096, 7))
    expect(currentBundle(out(), root)).toBeUndefined()
    expect(await engineScript(dir, ['overlaps', 'folder'])).toEqual({ code: 0, cache: 'rejected' })
    await rm(join(dir, ENGINE_CACHE))
    expect(await engineScript(dir, ['overlaps', 'folder'])).toEqual({ code: 0, cache: 'none' })
  })

  it('does not publish where the engine script fails to load, or a source shared by the bundle and the script changed between their reads', async () => {
    const engine = { entry: join(root, 'src/engine-main.ts'), corpus: join(root, 'corpus') }
    await writeFile(join(root, 'src/engine-main.ts'), "throw new TypeError('the script is broken')\nexport const main = 1\n")
    expect(await buildCli(options(), root, out(), [], engine)).toEqual({
      published: false,
      reason: `the engine script failed on ${join(root, 'corpus')}: TypeError: the script is broken`,
    })
    await writeFile(
      join(root, 'src/engine-main.ts'),
      "import { word } from './word.js'\nexport async function main(argv: string[]): Promise<number | undefined> {\n  return word ? 0 : 1\n}\n",
    )
    // word.ts saved again after the bundle read it and before the engine script does: each was
    // made of another version, the last one on disk.
    let bundleRead: () => void = () => undefined
    const bundleHasRead = new Promise<void>((resolve) => (bundleRead = resolve))
    const saveBetween: Plugin = {
      name: 'save-between',
      setup(build) {
        if (build.initialOptions.format === 'cjs')
          build.onLoad({ filter: /word\.ts$/ }, async () => {
            await bundleHasRead
            await writeFile(join(root, 'src/word.ts'), "export const word: string = 'third'\n")
            return undefined
          })
        else build.onEnd(() => bundleRead())
      },
    }
    const built = await buildCli(options([saveBetween]), root, out(), [], engine)
    expect(built).toEqual({ published: false, reason: 'src/word.ts changed while the CLI was built' })
    expect(currentBundle(out(), root)).toBeUndefined()
  })

  it("reads the repository's own: the bundle the tests' setup built is current, and stamps the CLI's sources and settings", async () => {
    const entry = currentBundle(dist, ROOT)
    expect(entry).toBeDefined()
    const files: Stamp[] = JSON.parse(await readFile(join(dirname(entry!), 'stamps.json'), 'utf8')).files
    const paths = files.map(([f]) => f)
    for (const f of [
      'main/node/cli/cli.ts',
      'main/core/engine/overlaps.ts',
      'electron.config.ts',
      'main/node/cli/build-cli.ts',
      'tsconfig.json',
      'package.json',
    ])
      expect(paths).toContain(f)
    for (const f of ['cli.mjs', ENGINE_SCRIPT, ENGINE_CACHE]) expect(paths).toContain(`dist/${dirname(entry!).split(/[\\/]/).pop()}/${f}`)
    expect(paths).toContain('main/node/cli/engine-main.ts')
    // Its engine script runs with the code cache made when it was built.
    expect(await engineScript(dirname(entry!), ['overlaps', join(ROOT, 'test/fixtures/engine/three'), '--json'])).toEqual({
      code: 0,
      cache: 'used',
    })
    // Paths from the repository root, wherever the build was run from.
    expect(paths.every((f) => !isAbsolute(f) && !f.startsWith('..'))).toBe(true)
  })
})
