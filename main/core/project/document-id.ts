// Document ids, made from file names: written without zod, so that the CLI's engine commands, which
// name the files of a plain folder (main/node/engine/inline.ts), start without loading it.

/**
 * Characters, at most, of an id made from a file name (before a numeric suffix): ids name files in
 * a project's folder and stand in every line of the CLI's output.
 */
export const MAX_ID_LENGTH = 60

/**
 * Characters of a longer name's end that its id keeps (see shortened): files named after commands,
 * the same long prefix and a different last word ("gcloud_network-security_mirroring-endpoint-
 * group-associations_create" and "..._update"), were one id and that id with "-2" when cut at
 * MAX_ID_LENGTH (a reviewer).
 */
export const KEPT_END = 30

/**
 * A document id made from a file name: lower case, ASCII letters and digits, hyphens between
 * words; a name longer than MAX_ID_LENGTH keeps its start and its end (shortened), or where that
 * is taken its first MAX_ID_LENGTH characters; made unique against `taken` by a numeric suffix.
 */
export function documentIdFor(fileName: string, taken: Iterable<string>): string {
  // A set is used as it is: a caller naming many files keeps one, and each call stays constant time.
  const used: ReadonlySet<string> = taken instanceof Set ? taken : new Set(taken)
  const [base, ...others] = documentIdCandidates(fileName)
  if (!used.has(base)) return base
  // Two long names that differ in their middle: the other reading of the name before a suffix.
  for (const other of others) if (!used.has(other)) return other
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`
}

/**
 * The ids a file name reads as, the one documentIdFor gives first: a long name's start and end
 * (shortened), then its first MAX_ID_LENGTH characters, as ids were made before they kept the
 * end (a project's documents read again from its folder keep the id their annotations were
 * stored under: store.ts). One id where the name is short.
 */
export function documentIdCandidates(fileName: string): string[] {
  const words =
    fileName
      .replace(/\.[^.]+$/, '')
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'document'
  const short = shortened(words)
  const start = words.slice(0, MAX_ID_LENGTH)
  return short === words ? [words] : [short, start]
}

/**
 * `id` (hyphenated words) in MAX_ID_LENGTH characters at most: its start and its last KEPT_END
 * characters, each cut at a hyphen where one is near (whole words), joined by "--", which no
 * word-made id has ("gcloud-network-security-mirroring--group-associations-create").
 */
function shortened(id: string): string {
  if (id.length <= MAX_ID_LENGTH) return id
  let end = id.slice(-KEPT_END)
  const word = end.indexOf('-')
  if (word > 0 && word < KEPT_END / 2) end = end.slice(word + 1)
  let start = id.slice(0, MAX_ID_LENGTH - end.length - 2)
  const last = start.lastIndexOf('-')
  if (id[start.length] !== '-' && last > start.length / 2) start = start.slice(0, last)
  return `${start.replace(/-+$/, '')}--${end.replace(/^-+/, '')}`
}
