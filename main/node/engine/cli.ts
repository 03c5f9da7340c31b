import { parseArgs } from 'node:util'
import { setFlagsFromString } from 'node:v8'
import { ApiError } from '../../core/contract/api.js'
import { processIo, type CommandIo } from '../cli/stdout.js'
import { isEntryPoint } from '../root.js'
import { definitionsCommand, overlapsCommand } from './inline.js'

// The engine's own CLI entry: `overlaps` and `definitions` exactly as the full CLI (cli/cli.ts)
// runs them, in a module that loads the engine and the folder reader only, no service, import or
// export code, so a script that runs the engine over a folder starts in a fraction of the time.
// Same options, output and exit codes: 0 done, 1 runtime error (one line), 2 usage.

export const ENGINE_USAGE = `Usage: node engine-cli <command> <folder|project> [options]

Commands:
  overlaps <folder|project> [--json] [--limit N] [--verbose]
  definitions <folder|project> [--term TEXT] [--json] [--verbose]`

/** Runs one engine command; returns the exit code. */
export async function runEngineCli(argv: string[], io: CommandIo): Promise<number> {
  const [command, ...rest] = argv
  if (command !== 'overlaps' && command !== 'definitions') {
    io.err(ENGINE_USAGE)
    return 2
  }
  let parsed
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      strict: true,
      options: { json: { type: 'boolean' }, limit: { type: 'string' }, term: { type: 'string' }, verbose: { type: 'boolean' } },
    })
  } catch (e) {
    io.err(`${command}: ${(e as Error).message}`)
    return 2
  }
  const { values, positionals } = parsed
  if (positionals.length !== 1) {
    io.err(`${command}: give one folder or project`)
    return 2
  }
  try {
    if (command === 'overlaps') {
      const limit = values.limit === undefined ? undefined : Number(values.limit)
      if (limit !== undefined && !(Number.isInteger(limit) && limit >= 1)) {
        io.err(`overlaps: --limit wants a whole number from 1, not "${values.limit}"`)
        return 2
      }
      return await overlapsCommand(positionals[0], { json: values.json, verbose: values.verbose, limit }, io)
    }
    return await definitionsCommand(positionals[0], { json: values.json, verbose: values.verbose, term: values.term }, io)
  } catch (e) {
    io.err(e instanceof ApiError || e instanceof Error ? e.message : String(e))
    return 1
  }
}

/**
 * How much bytecode a function runs before V8 optimises it (its --interrupt-budget, 66 KB by
 * default), for this process: most of a short run (the bundled corpus: a third of a second) is
 * code that runs a few times, and optimising it took longer than running it unoptimised. About
 * four times the default: the bundled corpus 0.38-0.42 -> 0.33 s (medians of 21 alternating
 * runs, three times); at twice or 16 times the same; the default set again, no change. Runs of
 * seconds optimise their loops all the same: the copyright files 7.68 against 7.83 s (medians of
 * 8), the changelogs 34.1 and 35.3 against 32.9 and 35.6 s, peak RSS unchanged.
 */
export const INTERRUPT_BUDGET = 256 * 1024

if (isEntryPoint(import.meta.url)) {
  // V8's flags are the process's: set before any of the engine's functions has run (a function
  // takes its budget when it first runs), and they hold for the JSON writer's thread too.
  setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`)
  process.exitCode = await runEngineCli(process.argv.slice(2), processIo())
}
