import { execFile, spawn } from 'node:child_process'
import { copyFile, mkdir, symlink, truncate, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ALLOCATOR_VARIABLE, holdsAtLeast, PARENT_VARIABLE, RELAUNCH_FROM_BYTES, wantsChild } from '../../main/node/cli/allocator.mjs'
import { ROOT, tempDir } from '../helpers.js'

const run = promisify(execFile)
let base: string
let cleanup: () => Promise<void>

beforeEach(async () => {
  const t = await tempDir()
  base = t.dir
  cleanup = t.cleanup
})
afterEach(() => cleanup())

const ALLOCATOR = join(ROOT, 'main/node/cli/allocator.mjs')

/** Runs an ES module's `source` in a Node process of its own: how it ended, and its output. */
function script(source: string, env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string }> {
  return new Promise((resolve) => {
    const base = cleanEnv()
    delete base[PARENT_VARIABLE]
    const child = spawn(process.execPath, ['--input-type=module', '-e', source], {
      env: { ...base, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let out = ''
    child.stdout.on('data', (d: Buffer) => (out += d.toString()))
    child.on('close', (code, signal) => resolve({ code, signal, out }))
  })
}

/** The environment without the allocator's variable, whatever the tests' own has. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env }
  delete env[ALLOCATOR_VARIABLE]
  return env
}

/** A folder with two of the bundled texts and, with `padding`, a file the engine does not read of that many bytes (sparse). */
async function corpus(name: string, padding = 0): Promise<string> {
  const dir = join(base, name)
  await mkdir(dir)
  for (const file of ['china-briefing-nqpf-explainer.txt', 'gmw-light-blade-what-are-nqpf.txt'])
    await copyFile(join(ROOT, 'corpus', file), join(dir, file))
  if (padding) {
    await writeFile(join(dir, 'padding.bin'), '')
    await truncate(join(dir, 'padding.bin'), padding)
  }
  return dir
}

/** Runs the CLI as a user does (npm run cli, run.cjs). */
async function cli(env: NodeJS.ProcessEnv, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(ROOT, 'main/node/cli/run.cjs'), ...args], {
      env,
      cwd: ROOT,
      maxBuffer: 1 << 26,
    })
    return { code: 0, stdout, stderr }
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string }
    return { code: err.code, stdout: err.stdout, stderr: err.stderr }
  }
}

describe('an engine command on a large folder runs in a child process (allocator.mjs)', () => {
  it('is asked for on Linux, for the engine commands, on a folder of RELAUNCH_FROM_BYTES, once', async () => {
    const small = await corpus('small')
    const large = await corpus('large', RELAUNCH_FROM_BYTES)
    const env = cleanEnv()
    expect(wantsChild(['overlaps', small, '--json'], env, 'linux')).toBe(false)
    expect(wantsChild(['overlaps', large, '--json'], env, 'linux')).toBe(true)
    // An option's value is no folder.
    expect(wantsChild(['overlaps', '--limit', '5', large], env, 'linux')).toBe(true)
    // A boolean's --no- form is an option too.
    expect(wantsChild(['overlaps', '--no-paraphrases', large], env, 'linux')).toBe(true)
    expect(wantsChild(['definitions', '--term', small, large], env, 'linux')).toBe(true)
    // The child itself, or a process started with the variable of the user's choice.
    expect(wantsChild(['overlaps', large], { ...env, [ALLOCATOR_VARIABLE]: '65536' }, 'linux')).toBe(false)
    // The variable is glibc's.
    expect(wantsChild(['overlaps', large], env, 'darwin')).toBe(false)
    expect(wantsChild(['overlaps', large], env, 'win32')).toBe(false)
    // Another command; a command line the CLI refuses, to say why.
    expect(wantsChild(['list', '--project', large], env, 'linux')).toBe(false)
    expect(wantsChild(['overlaps', large, small], env, 'linux')).toBe(false)
    expect(wantsChild(['overlaps', large, '--colour'], env, 'linux')).toBe(false)
    expect(wantsChild(['overlaps'], env, 'linux')).toBe(false)
  })

  it('counts the files under the folder, its sub-folders and links to files, not hidden ones', async () => {
    const dir = join(base, 'tree')
    await mkdir(join(dir, 'sub'), { recursive: true })
    await mkdir(join(dir, '.hidden'))
    const sized = async (path: string, bytes: number) => {
      await writeFile(path, '')
      await truncate(path, bytes)
    }
    await sized(join(dir, 'a.txt'), 100)
    await sized(join(dir, 'sub', 'b.txt'), 50)
    await sized(join(dir, '.hidden', 'c.txt'), 1000)
    await sized(join(dir, '.d.txt'), 1000)
    expect(holdsAtLeast(dir, 150)).toBe(true)
    expect(holdsAtLeast(dir, 151)).toBe(false)
    await sized(join(base, 'outside.txt'), 30)
    await symlink(join(base, 'outside.txt'), join(dir, 'linked.txt'))
    await symlink(join(base, 'nowhere.txt'), join(dir, 'broken.txt'))
    expect(holdsAtLeast(dir, 180)).toBe(true)
    expect(holdsAtLeast(dir, 181)).toBe(false)
    expect(holdsAtLeast(join(base, 'missing'), 1)).toBe(false)
  })

  it('prints what the command prints in this process, and exits with its code', async () => {
    const large = await corpus('large', RELAUNCH_FROM_BYTES)
    const env = cleanEnv()
    const child = await cli(env, 'overlaps', large, '--json', '--verbose')
    const here = await cli({ ...env, [ALLOCATOR_VARIABLE]: '131072' }, 'overlaps', large, '--json', '--verbose')
    expect(child.code).toBe(0)
    expect(child.stderr).toMatch(new RegExp(`^… in a child process with ${ALLOCATOR_VARIABLE}=131072`))
    expect(here.stderr).not.toMatch('child process')
    expect(JSON.parse(child.stdout).overlaps.length).toBeGreaterThan(0)
    expect(child.stdout).toBe(here.stdout)
    // Without --verbose, nothing more than the command's own output.
    const quiet = await cli(env, 'overlaps', large, '--json')
    expect(quiet.stderr).toBe('')
    expect(quiet.stdout).toBe(here.stdout)

    // A folder of nothing the engine reads: the child's message and exit code are the command's.
    const empty = join(base, 'empty')
    await mkdir(empty)
    await writeFile(join(empty, 'padding.bin'), '')
    await truncate(join(empty, 'padding.bin'), RELAUNCH_FROM_BYTES)
    const failed = await cli(env, 'overlaps', empty, '--json')
    const failedHere = await cli({ ...env, [ALLOCATOR_VARIABLE]: '131072' }, 'overlaps', empty, '--json')
    expect(failed.code).not.toBe(0)
    expect(failed).toEqual(failedHere)
  })

  it('ends as the child ended: its exit code, or of its signal, so that a shell stops at Ctrl-C (a tester)', async () => {
    const ended = (how: string) => script(`import { endAs } from ${JSON.stringify(ALLOCATOR)}; endAs(${how})`)
    expect(await ended(`{ code: 3 }`)).toEqual({ code: 3, signal: null, out: '' })
    expect(await ended(`{ signal: 'SIGTERM' }`)).toEqual({ code: null, signal: 'SIGTERM', out: '' })
    expect(await ended(`{ signal: 'SIGINT' }`)).toEqual({ code: null, signal: 'SIGINT', out: '' })
  })

  it('ends the child when its parent is gone, its own thread busy (a tester: killed, the parent left it writing)', async () => {
    // The child's parent is the process that started it: a test's, here.
    const busy = `import { watchParent } from ${JSON.stringify(ALLOCATOR)}; watchParent(); const end = Date.now() + 1500; while (Date.now() < end); console.log('done')`
    expect(await script(busy, { [PARENT_VARIABLE]: String(process.pid) })).toEqual({ code: 0, signal: null, out: 'done\n' })
    // Its parent is another: gone, as far as it can tell.
    expect(await script(busy, { [PARENT_VARIABLE]: '999999' })).toEqual({ code: null, signal: 'SIGTERM', out: '' })
    // No child: nothing watched.
    expect(await script(busy)).toEqual({ code: 0, signal: null, out: 'done\n' })
  })
})
