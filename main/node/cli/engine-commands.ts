import { parseArgs } from 'node:util'
import { asUsage, UsageError } from './error.js'
import { ENGINE_OPTIONS, ENGINE_PARSING, type ENGINE_COMMANDS } from './engine-script.mjs'
import type { CommandIo } from './stdout.js'

// The engine's commands, `overlaps` and `definitions`, from their command line to their output:
// the whole CLI (cli.ts) runs them with this module, and so does the engine script (engine-main.ts,
// run with V8's code cache: engine-script.mjs). The engine itself (engine/inline.ts) is loaded when
// a command runs, so the whole CLI's other commands never load it.

export type EngineCommand = (typeof ENGINE_COMMANDS)[number]

/** The options of each engine command (node:util parseArgs), checked against parseArgs' type. */
const OPTIONS = ENGINE_OPTIONS satisfies Record<EngineCommand, NonNullable<Parameters<typeof parseArgs>[0]>['options']>

export { isEngineCommand } from './engine-script.mjs'

/** An engine command line, checked. */
export interface EngineCommandLine {
  command: EngineCommand
  folder: string
  json?: boolean
  verbose?: boolean
  /** overlaps: at most this many overlaps. */
  limit?: number
  /**
   * overlaps: look for paraphrases whatever the corpus's size (true: --paraphrases) or not at all
   * (false: --no-paraphrases); by default in a corpus of PARAPHRASE_MAX_WORDS words at most.
   */
  paraphrases?: boolean
  /** definitions: the term. */
  term?: string
}

/** Parses an engine command's arguments (after its name); a mistake in them is a UsageError. */
export function parseEngineCommand(command: EngineCommand, args: string[]): EngineCommandLine {
  const { values, positionals } = asUsage(command, () => parseArgs({ args, options: OPTIONS[command], ...ENGINE_PARSING })) as {
    values: { json?: boolean; verbose?: boolean; limit?: string; term?: string; paraphrases?: boolean }
    positionals: string[]
  }
  if (positionals.length !== 1) throw new UsageError(`${command}: name one folder or project`)
  const limit = values.limit === undefined ? undefined : Number(values.limit)
  if (limit !== undefined && !(Number.isInteger(limit) && limit > 0))
    throw new UsageError(`overlaps: --limit wants a whole number from 1, not "${values.limit}"`)
  return {
    command,
    folder: positionals[0],
    json: values.json,
    verbose: values.verbose,
    limit,
    term: values.term,
    paraphrases: values.paraphrases,
  }
}

/** Runs an engine command line, its output on `io`; resolves with the exit code. */
export async function runEngineCommand(line: EngineCommandLine, io: CommandIo): Promise<number> {
  const { definitionsCommand, overlapsCommand } = await import('../engine/inline.js')
  const options = { json: line.json, verbose: line.verbose }
  if (line.command === 'overlaps')
    return await overlapsCommand(line.folder, { ...options, limit: line.limit, paraphrases: line.paraphrases }, io)
  return await definitionsCommand(line.folder, { ...options, term: line.term }, io)
}
