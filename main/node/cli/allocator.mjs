// A large corpus's engine command run in a child process under a fixed malloc threshold (run.cjs).
// Plain JavaScript, as run.cjs is.
//
// The engine's arrays live outside V8's heap, in memory Node takes from the C library's malloc.
// glibc serves a block of 128 KiB or more with its own mmap and gives it back to the system when it
// is freed; but freeing such a block raises that threshold to the block's size (up to 32 MiB), and
// from then on blocks below it come from malloc's heap, which keeps the holes they leave. The
// engine makes and lets go of such blocks by the thousand (each document's token arrays, the
// seeds' tables, the passages' diffs), so its resident memory stayed near its highest however
// much it freed. Setting the threshold (MALLOC_MMAP_THRESHOLD_) also stops it moving. Measured
// with /usr/bin/time, whole processes of the built CLI, alternating: on Debian's changelogs (129
// MB, 19 M words), peak RSS 953,932 -> 834,112 KB in 39.8 / 40.7 s (the system's time 1.8 -> 2.8
// s: more blocks mapped and unmapped); on its copyright files (20 MB) the same peak, 283-303
// against 288-302 MB, in 0.1-0.4 s more. (MALLOC_ARENA_MAX=2 on top, run from the sources: 12 MB
// less, 4 s more.) The
// C library reads the variable when the process starts, so the command runs again in a child
// process that has it: Node's start-up once more, and about 7 MB of the parent's own (the child
// shares the parent's executable's pages).

import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { constants } from 'node:os'
import { parseArgs } from 'node:util'
import { Worker } from 'node:worker_threads'
import { ENGINE_OPTIONS, ENGINE_PARSING, isEngineCommand } from './engine-script.mjs'

/** The variable glibc's malloc reads at start-up, and the threshold set (its default start). */
export const ALLOCATOR_VARIABLE = 'MALLOC_MMAP_THRESHOLD_'
export const ALLOCATOR_THRESHOLD = 128 * 1024

/**
 * The bytes under a folder from which an engine command runs in a child process: where the
 * memory kept is hundreds of megabytes. The child costs Node's start-up once more and the
 * system's time of the blocks mapped (see above): the copyright files' 20 MB gained nothing for
 * 0.1-0.4 s, the changelogs' 129 MB 120 MB for about a second.
 */
export const RELAUNCH_FROM_BYTES = 64 << 20

/** Entries looked at, at most, to tell whether a folder holds RELAUNCH_FROM_BYTES. */
const MAX_ENTRIES = 100_000

/**
 * Whether the command line `argv` should run in a child process with ALLOCATOR_VARIABLE set: an
 * engine command, on Linux (the variable is glibc's; another C library ignores it), in a process
 * that does not have it yet (the child itself, or one a user started with the variable of their
 * choice), on a folder whose files hold RELAUNCH_FROM_BYTES at least. A command line that does
 * not parse runs as it is, to be told its mistake.
 *
 * @param {string[]} argv
 * @param {NodeJS.ProcessEnv} env
 * @param {NodeJS.Platform} platform
 * @returns {boolean}
 */
export function wantsChild(argv, env = process.env, platform = process.platform) {
  const command = argv[0]
  if (platform !== 'linux' || !isEngineCommand(command) || env[ALLOCATOR_VARIABLE] !== undefined) return false
  let positionals
  try {
    positionals = parseArgs({ args: argv.slice(1), options: ENGINE_OPTIONS[command], ...ENGINE_PARSING }).positionals
  } catch {
    return false
  }
  return positionals.length === 1 && holdsAtLeast(positionals[0], RELAUNCH_FROM_BYTES)
}

/**
 * Whether the files under `folder` (its sub-folders too, hidden ones aside; links followed to
 * files) hold `bytes` at least: an estimate of the corpus, whatever the files' kinds. False for
 * a folder that cannot be read (the command says why).
 *
 * @param {string} folder
 * @param {number} bytes
 * @returns {boolean}
 */
export function holdsAtLeast(folder, bytes) {
  let total = 0
  let seen = 0
  const pending = [folder]
  while (pending.length) {
    const dir = /** @type {string} */ (pending.pop())
    let entries
    try {
      entries = readdirSync(dir, { withFileTypes: true })
    } catch {
      continue
    }
    for (const e of entries) {
      if (++seen > MAX_ENTRIES) return false
      if (e.name.startsWith('.')) continue
      const path = join(dir, e.name)
      if (e.isDirectory()) pending.push(path)
      else if (e.isFile() || e.isSymbolicLink()) {
        try {
          const info = statSync(path)
          if (info.isFile() && (total += info.size) >= bytes) return true
        } catch {
          // A broken link: the command says so.
        }
      }
    }
  }
  return false
}

/** The variable that gives the child its parent's process id (watchParent). */
export const PARENT_VARIABLE = 'PARALLAX_CLI_PARENT'

/** Milliseconds between the child's looks at its parent (watchParent). */
const PARENT_WATCH_MS = 250

/**
 * How a child process ended (runInChild): its exit code, or the signal it died of.
 *
 * @typedef {{ code: number } | { signal: NodeJS.Signals }} Ended
 */

/**
 * Runs the command line `argv` (this script's, run.cjs) again in a child process with
 * ALLOCATOR_VARIABLE set, its standard streams this process's, and resolves with how it ended;
 * the signals that stop a command line (SIGINT, SIGTERM, SIGHUP) are passed on to it. Resolves
 * undefined where the child could not be started: the command then runs here. With `told`
 * (--verbose), says so there first.
 *
 * @param {string[]} argv
 * @param {{ write(text: string): unknown }} [told]
 * @returns {Promise<Ended | undefined>}
 */
export async function runInChild(argv, told) {
  told?.write(`… in a child process with ${ALLOCATOR_VARIABLE}=${ALLOCATOR_THRESHOLD} (allocator.mjs)\n`)
  // (Loaded here, not with this module: Node's child_process takes 4-7 ms to load, which every
  // engine command on a small folder, run in this process, paid for nothing.)
  const { spawn } = await import('node:child_process')
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...process.execArgv, /** @type {string} */ (process.argv[1]), ...argv], {
      stdio: 'inherit',
      env: { ...process.env, [ALLOCATOR_VARIABLE]: String(ALLOCATOR_THRESHOLD), [PARENT_VARIABLE]: String(process.pid) },
    })
    /** @type {NodeJS.Signals[]} */
    const signals = ['SIGINT', 'SIGTERM', 'SIGHUP']
    const pass = (/** @type {NodeJS.Signals} */ signal) => child.kill(signal)
    for (const s of signals) process.on(s, pass)
    const done = (/** @type {Ended | undefined} */ ended) => {
      for (const s of signals) process.off(s, pass)
      resolve(ended)
    }
    // Not started (no pid): run here. Any later error (a signal not passed on) leaves it running.
    child.on('error', () => {
      if (child.pid === undefined) done(undefined)
    })
    child.on('exit', (code, signal) => done(signal ? { signal } : { code: code ?? 1 }))
  })
}

/**
 * Ends this process as its child ended (runInChild): with its exit code, or of the same signal,
 * so that what started the command reads the same end as without a child: a shell's loop stops
 * at the Ctrl-C that stopped the command (bash goes on after a command that exits 130 instead),
 * and says "Killed" of a child the system killed. A signal that does not end this process (one
 * its starter set to be ignored): 128 and the signal's number, as a shell gives it.
 *
 * @param {Ended} ended
 * @returns {never}
 */
export function endAs(ended) {
  if ('code' in ended) process.exit(ended.code)
  process.kill(process.pid, ended.signal)
  process.exit(128 + (constants.signals[ended.signal] ?? 0))
}

/**
 * In the child (runInChild), ends it when its parent is gone: killed by a signal it cannot pass on
 * (SIGKILL, a time limit's), the parent can no longer stop it, and the child went on under init
 * and wrote its whole output, seconds later, to a file its caller had given up on (a tester). A
 * thread of its own looks, as the engine's work holds this one for seconds at a time: the child's
 * parent process changes (to init, or a subreaper) when the parent dies. Does nothing in a
 * process that is no such child.
 */
export function watchParent() {
  const parent = Number(process.env[PARENT_VARIABLE])
  if (!(parent > 1)) return
  const code = `setInterval(() => { if (process.ppid !== ${parent}) process.kill(process.pid, 'SIGTERM') }, ${PARENT_WATCH_MS})`
  new Worker(code, { eval: true }).unref()
}
