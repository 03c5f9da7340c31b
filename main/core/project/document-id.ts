// Document ids, made from file names: written without zod, so that the CLI's engine commands, which
// name the files of a plain folder (main/node/engine/inline.ts), start without loading it.

/**
 * A document id made from a file name: lower case, ASCII letters and digits, hyphens between
 * words; made unique against `taken` by a numeric suffix.
 */
export function documentIdFor(fileName: string, taken: Iterable<string>): string {
  const base =
    fileName
      .replace(/\.[^.]+$/, '')
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'document'
  // A set is used as it is: a caller naming many files keeps one, and each call stays constant time.
  const used: ReadonlySet<string> = taken instanceof Set ? taken : new Set(taken)
  if (!used.has(base)) return base
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`
}
