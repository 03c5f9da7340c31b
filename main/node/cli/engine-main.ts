import { runEngineCommand, isEngineCommand, parseEngineCommand, type EngineCommandLine } from './engine-commands.js'
import { reportFailure } from './error.js'
import { processIo } from './stdout.js'
// A large corpus's JSON is written by a thread of its own that runs this script (json-output.ts
// startWriter), and json-output.ts, loaded on start, makes it the writer there.
import './json-output.js'

// The entry of the engine script (engine.cjs, which run.cjs runs with V8's code cache:
// engine-script.mjs): the engine's commands, `overlaps` and `definitions`, and nothing else of
// the CLI. A command line it does not run is left to the whole CLI (cli.ts), which says what is
// wrong with it along with its usage text.

/**
 * Runs the command line `argv` (the arguments after the script's name) with the process's
 * streams and resolves with the exit code, as the whole CLI would (cli.ts main); or resolves with
 * undefined, having run and written nothing, where it is not an engine command line.
 */
export async function main(argv: string[]): Promise<number | undefined> {
  const [command, ...args] = argv
  if (!isEngineCommand(command)) return undefined
  let line: EngineCommandLine
  try {
    line = parseEngineCommand(command, args)
  } catch {
    return undefined
  }
  const io = processIo()
  try {
    return await runEngineCommand(line, io)
  } catch (e) {
    return reportFailure(e, io)
  }
}
