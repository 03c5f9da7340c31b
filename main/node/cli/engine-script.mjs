// The CLI's engine commands run from one script with V8's code cache (run.cjs). A short run of
// the engine (the bundled corpus: a third of a second in all) spends a tenth of its time making
// bytecode for the functions it calls, each the first time it is called, and Node 20 keeps no
// such cache for ES modules (module.enableCompileCache came with Node 22). So the build
// (build-cli.ts) bundles the engine's commands a second time, as one CommonJS script
// (engine.cjs, from engine-main.ts), runs it once on the bundled corpus and keeps the bytecode
// V8 then holds (engine.cache); run.cjs hands it back to V8 when it compiles the script. Plain
// JavaScript, as run.cjs is. The bundled corpus's `overlaps --json`: 0.425 -> 0.393 s (medians
// of 31 alternating runs against the ES module bundle), `definitions` 0.48 -> 0.40 s; made
// before the script runs, the cache holds little more than the script's top level and gained
// nothing (0.43 s). V8 refuses a cache made by another V8 version
// or with other flags, or for a script of another length (cachedDataRejected): the script is
// then compiled as it would be without one (so with another V8 flag, set on the command line or
// in NODE_OPTIONS). V8 checks no more than the script's length: the stamps (stamps.mjs) hold the
// cache and the script, and run.cjs runs only a bundle whose stamps all match, so an edited
// script is never run with another's cache.
import { readFileSync, writeFileSync, renameSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { Script } from 'node:vm'
import { setFlagsFromString } from 'node:v8'

/** The commands the engine script runs; any other command line is the whole CLI's. */
export const ENGINE_COMMANDS = /** @type {const} */ (['overlaps', 'definitions'])

/**
 * Whether `command` names an engine command.
 *
 * @param {string | undefined} command
 * @returns {command is (typeof ENGINE_COMMANDS)[number]}
 */
export function isEngineCommand(command) {
  return /** @type {readonly (string | undefined)[]} */ (ENGINE_COMMANDS).includes(command)
}

/**
 * The options of each engine command (node:util parseArgs): engine-commands.ts parses with them,
 * and allocator.mjs reads the folder a command line names.
 */
export const ENGINE_OPTIONS = /** @type {const} */ ({
  overlaps: { json: { type: 'boolean' }, limit: { type: 'string' }, verbose: { type: 'boolean' }, paraphrases: { type: 'boolean' } },
  definitions: { json: { type: 'boolean' }, term: { type: 'string' }, verbose: { type: 'boolean' } },
})

/**
 * How an engine command's arguments are parsed with ENGINE_OPTIONS (node:util parseArgs), by
 * engine-commands.ts and allocator.mjs alike: one folder, no other option, and a boolean's --no-
 * form too (--no-paraphrases).
 */
export const ENGINE_PARSING = /** @type {const} */ ({ strict: true, allowPositionals: true, allowNegative: true })

/** The engine script's file and its code cache's, in a bundle's folder. */
export const ENGINE_SCRIPT = 'engine.cjs'
export const ENGINE_CACHE = 'engine.cache'

/**
 * How much bytecode a function runs before V8 optimises it (its --interrupt-budget, 66 KB by
 * default), in a process that runs `overlaps` or `definitions`: most of a short run (the bundled
 * corpus: a third of a second) is code that runs a few times, and optimising it took longer than
 * running it unoptimised. Compiled from the source, four times the default was best: the bundled
 * corpus 0.38-0.42 -> 0.33 s (medians of 21 alternating runs, three times), at twice or 16
 * times the same. With the code cache (which holds bytecode, and is made and taken under one
 * budget), 16 times: the bundled corpus 0.40 s at four times, 0.37-0.38 at 16, 32 or 64 (medians of
 * 21 alternating runs, twice), 120 copyright files 3.15 -> 3.03 s (of 7). Runs of seconds
 * optimise their loops all the same: the 827 copyright files 7.02 against 7.07 s (medians of 3).
 * Set before the engine's code is compiled: V8 accepts a code cache only under the flags it was
 * made with.
 */
export const INTERRUPT_BUDGET = 1024 * 1024

/**
 * How far V8's heap may grow past what a full collection left live before the next one, in
 * percent, in a process that runs `overlaps` or `definitions`. V8 picks up to four times the live
 * size where collecting is cheap, and the engine's live heap is cheap to collect: most of what it
 * holds is off the heap (its texts, off-heap-texts.ts, and its typed arrays), so the heap of the
 * changelogs' run, about a hundred megabytes live, grew to three hundred between collections, on
 * top of the 550 MB off it. At 50 (the heap grows by half), in alternating runs: the
 * changelogs' peak RSS 925,348-971,204 against 1,023,988-1,030,608 KB (at 25, 933,224-944,072),
 * the copyright files' 288,716-300,852 against 340,996-342,992 KB, in 7.75-8.19 against
 * 7.96-8.30 s: no slower for the more frequent collections.
 */
export const HEAP_GROWING_PERCENT = 50

/**
 * Sets the engine commands' V8 flags (INTERRUPT_BUDGET, HEAP_GROWING_PERCENT). V8's flags are the
 * process's: set before any of the engine's functions has run (a function takes its budget when it
 * first runs), they hold for the JSON writer's thread too. Not V8's regular expression tier-up,
 * though compiling each expression to machine code at its first run made the bundled corpus's
 * `overlaps --json` 428-434 -> 402-408 ms and `definitions --json` 400 -> 342 ms: changed after an
 * expression has run once and before it runs again, that flag ends the process on a segmentation
 * fault (Node 20's V8; test/unit/engine-runner.test.ts), and the CLI ended so, without a word, on
 * an empty folder in one CI run of four.
 *
 * @param {string | undefined} command
 */
export function engineFlags(command) {
  if (!isEngineCommand(command)) return
  setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`)
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`)
}

/**
 * Runs the command line `argv` with the engine script of the bundle in `dir`, compiled with its
 * code cache where it has one, and resolves with the exit code; or with undefined where the
 * script does not run it (another command, a usage mistake: the whole CLI says it, with its
 * usage text) or the folder has no script (a bundle from before it, or one removed since it was
 * found, or one that fails to load): nothing was run or written then. With `cacheAfter`, the
 * script runs those command lines too, and the bytecode V8 then holds is written to the
 * folder's cache file (see above); a script that fails to load then throws.
 *
 * @param {string} dir
 * @param {string[]} argv
 * @param {{ cacheAfter?: string[][] }} [options]
 * @returns {Promise<{ code: number | undefined, cache: 'used' | 'rejected' | 'none' }>}
 */
export async function runEngineScript(dir, argv, options = {}) {
  if (!isEngineCommand(argv[0])) return { code: undefined, cache: 'none' }
  const file = resolve(dir, ENGINE_SCRIPT)
  let source
  try {
    source = readFileSync(file, 'utf8')
  } catch {
    return { code: undefined, cache: 'none' }
  }
  /** @type {Buffer | undefined} */
  let cachedData
  try {
    if (!options.cacheAfter) cachedData = readFileSync(join(dir, ENGINE_CACHE))
  } catch {
    cachedData = undefined
  }
  engineFlags(argv[0])
  // As Node compiles a CommonJS module (its wrapper), with the module's own require. A script
  // that fails to load has run and written nothing: the whole CLI runs the command, as run.cjs
  // runs the sources where the bundle fails to load.
  const module = { exports: /** @type {{ main?: (argv: string[]) => Promise<number | undefined> }} */ ({}) }
  let script
  try {
    script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, cachedData })
    script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file))
  } catch (e) {
    // Making the cache (the build), it is an error the build reports.
    if (options.cacheAfter) throw e
    return { code: undefined, cache: 'none' }
  }
  let code = await module.exports.main?.(argv)
  if (options.cacheAfter && code === 0) {
    for (const more of options.cacheAfter) if ((code = await module.exports.main?.(more)) !== 0) return { code, cache: 'none' }
    const tmp = `${join(dir, ENGINE_CACHE)}.${process.pid}.tmp`
    try {
      writeFileSync(tmp, script.createCachedData())
      renameSync(tmp, join(dir, ENGINE_CACHE))
    } finally {
      rmSync(tmp, { force: true })
    }
  }
  return { code, cache: !cachedData ? 'none' : script.cachedDataRejected ? 'rejected' : 'used' }
}
