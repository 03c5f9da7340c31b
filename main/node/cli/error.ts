/** A mistake in a command line (unknown command or flag, missing argument): usage on stderr, exit 2. */
export class UsageError extends Error {}
