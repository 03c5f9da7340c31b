import { parseArgs, type ParseArgsConfig } from 'node:util'
import type { CommandIo } from './stdout.js'

/** A mistake in a command line (unknown command or flag, missing argument): usage on stderr, exit 2. */
export class UsageError extends Error {}

/** Says on `io` that a command failed at run time (one line), and returns its exit code, 1. */
export function reportFailure(error: unknown, io: CommandIo): 1 {
  io.err(`parallax: ${(error as Error).message}`)
  return 1
}

/** Runs a command's argument parsing; what it throws becomes a UsageError naming the command. */
export function asUsage<T>(command: string, parse: () => T): T {
  try {
    return parse()
  } catch (e) {
    throw new UsageError(`${command}: ${(e as Error).message}`)
  }
}

/**
 * A subcommand's arguments, parsed strictly: `options` and --project, positionals allowed; an
 * unknown or malformed flag is a UsageError naming the subcommand.
 */
export function parseSubcommand(
  args: string[],
  options: NonNullable<ParseArgsConfig['options']>,
  command: string,
): { values: Record<string, unknown>; positionals: string[] } {
  return asUsage(command, () =>
    parseArgs({ args, options: { project: { type: 'string' }, ...options }, strict: true, allowPositionals: true }),
  )
}
