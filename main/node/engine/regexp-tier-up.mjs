// The CLI's engine commands' setting of V8's regular expression tier-up (cli/engine-script.mjs).
// Plain JavaScript, as engine-script.mjs is, so that Node reads it without a loader.
import { setFlagsFromString } from 'node:v8'

/**
 * Whether V8 first runs a regular expression in its interpreter and compiles it to machine code
 * from its second run on (V8's default, --regexp-tier-up), in a process that runs the CLI's
 * `overlaps` or `definitions` (cli/engine-script.mjs): no, each is compiled to machine code when
 * first run. The engine's modules hold some six hundred expressions, most with Unicode classes
 * (\p{L}), and a short run executes most of them a few times: each was compiled twice, to bytecode
 * and then to machine code (one of nameOtherThings' took 0.6 ms the first time, 0.4 ms the
 * second, microseconds after). The bundled corpus's `overlaps --json` 428-434 -> 402-408 ms,
 * `definitions --json` 400 -> 342 ms (medians of 21 and 7 alternating runs). A run of seconds
 * compiles its busy expressions all the same (Debian's NEWS files, 2.07 against 2.13 s; 200
 * copyright files, 7.47 against 7.38 s: medians of 5).
 *
 * Not in the app: the flag is the whole process's, and changed after an expression has run once
 * (interpreted, not yet compiled), that expression's next run ends the process on a segmentation
 * fault (Node 20's V8: 500 expressions run once, the flag set, run again; test/unit/engine-runner.test.ts).
 * The app's engine runner had set it at its first analysis, in a process that had served
 * requests: the test suite's process, hosting the app, ended so in an end-to-end file in 3 of 7
 * CI runs. In the CLI it is set before the engine's script is compiled, after a few expressions
 * of run.cjs's own that do not run again: a run that met one would crash every time, as the CLI's
 * engine path runs the same code each time (test/unit/engine-cli.test.ts runs it).
 */
export const REGEXP_TIER_UP = false

/** Whether setRegexpTierUp has set the flag in this process. */
let tierUpSet = false

/**
 * Sets REGEXP_TIER_UP for this process, once: V8's flags are the process's, every thread's (the
 * CLI's JSON writer's too). Before the engine's expressions first run, and before its script is
 * compiled, as V8 takes a code cache only under the flags it was made with (engine-script.mjs).
 * Only where no expression that ran before runs again (see above): the CLI's engine commands.
 */
export function setRegexpTierUp() {
  if (tierUpSet) return
  tierUpSet = true
  setFlagsFromString(REGEXP_TIER_UP ? '--regexp-tier-up' : '--no-regexp-tier-up')
}
