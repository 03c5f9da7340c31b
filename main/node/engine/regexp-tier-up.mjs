// The engine's setting of V8's regular expression tier-up, shared by the CLI's engine script
// (cli/engine-script.mjs) and the app's engine workers (runner.ts). Plain JavaScript, as
// engine-script.mjs is, so that Node reads it without a loader.
import { setFlagsFromString } from 'node:v8'

/**
 * Whether V8 first runs a regular expression in its interpreter and compiles it to machine code
 * from its second run on (V8's default, --regexp-tier-up), in a process that runs the engine
 * (the CLI's `overlaps` and `definitions`, cli/engine-script.mjs; the app's engine workers,
 * runner.ts): no, each is compiled to machine code when first run. The engine's modules hold
 * some six hundred expressions, most with Unicode classes (\p{L}), and a short run executes most
 * of them a few times: each was compiled twice, to bytecode and then to machine code (one of
 * nameOtherThings' took 0.6 ms the first time, 0.4 ms the second, microseconds after). The
 * bundled corpus's `overlaps --json` 428-434 -> 402-408 ms, `definitions --json` 400 -> 342 ms
 * (medians of 21 and 7 alternating runs); in an engine worker of the app, its definitions
 * 444 -> 310 ms (medians of 8). A run of seconds compiles its busy expressions all the same
 * (Debian's NEWS files, 2.07 against 2.13 s; 200 copyright files, 7.47 against 7.38 s: medians
 * of 5).
 */
export const REGEXP_TIER_UP = false

/** Whether setRegexpTierUp has set the flag in this process. */
let tierUpSet = false

/**
 * Sets REGEXP_TIER_UP for this process: V8's flags are the process's, every thread's (in the
 * app, its main process's or the web host's too, whose own expressions run once are then
 * compiled to machine code, not to bytecode: a little more work there, not measured). Before the
 * engine's expressions first run; in the CLI, before its script is compiled, as V8 takes a code
 * cache only under the flags it was made with (engine-script.mjs). Once a process: V8's flags
 * changed while its threads run code may crash the process (Node's warning for
 * setFlagsFromString), and the app's runner asked again for every analysis, while the workers of
 * earlier ones could still be compiling expressions. (The test suite's process, which hosts the
 * app, twice exited without a word in an end-to-end file; whether this was why is not known.)
 */
export function setRegexpTierUp() {
  if (tierUpSet) return
  tierUpSet = true
  setFlagsFromString(REGEXP_TIER_UP ? '--regexp-tier-up' : '--no-regexp-tier-up')
}
