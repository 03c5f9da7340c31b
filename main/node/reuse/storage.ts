import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { ApiError } from '../../core/contract/api.js'
import { stableStringify } from '../../core/project/json.js'
import { type ReuseFile, ReuseFile as ReuseFileSchema, type ReuseSource, REUSE_SOURCES } from '../../core/reuse/imported.js'
import type { ProjectStore } from '../project/store.js'

// Imported overlaps live in the project folder, one file per tool, replaced by each import:
//   reuse/passim.json     passim's clusters that touch the project's documents
//   reuse/textpair.json   TextPAIR's alignments between them
// Written like every project file (stable key order, durable write, the project's lock);
// validated on read: a file that fails is reported with its path and reason, never written over
// by a read, and replaced only by a new import.

export const REUSE_DIR = 'reuse'

export function reusePath(projectDir: string, source: ReuseSource): string {
  return join(projectDir, REUSE_DIR, `${source}.json`)
}

/** Writes one tool's imported overlaps, holding the project's lock; resolves once the file is durable. */
export async function writeReuse(store: ProjectStore, file: ReuseFile): Promise<string> {
  const path = reusePath(store.dir, file.source)
  await store.replaceFile(path, stableStringify(file))
  return path
}

/** One tool's imported overlaps, or null when none were imported. Throws a one-line error for a file that fails. */
export async function readReuse(projectDir: string, source: ReuseSource): Promise<ReuseFile | null> {
  const path = reusePath(projectDir, source)
  let raw: string
  try {
    raw = await readFile(path, 'utf8')
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw new ApiError('unreadable', `${path} cannot be read: ${(e as Error).message}`)
  }
  let data: unknown
  try {
    data = JSON.parse(raw)
  } catch (e) {
    throw new ApiError('unreadable', `${path} is not valid JSON: ${(e as Error).message}`)
  }
  const parsed = ReuseFileSchema.safeParse(data)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new ApiError('unreadable', `${path} does not match the expected format: ${issue.path.join('.') || '(root)'}: ${issue.message}`)
  }
  if (parsed.data.source !== source) throw new ApiError('unreadable', `${path} holds ${parsed.data.source} results, not ${source}`)
  return parsed.data
}

/** Every imported file of a project, in REUSE_SOURCES order, and the ones that failed to read (one line each). */
export async function readAllReuse(projectDir: string): Promise<{ files: ReuseFile[]; problems: string[] }> {
  const files: ReuseFile[] = []
  const problems: string[] = []
  for (const source of REUSE_SOURCES) {
    try {
      const file = await readReuse(projectDir, source)
      if (file) files.push(file)
    } catch (e) {
      if (!(e instanceof ApiError)) throw e
      problems.push(e.message)
    }
  }
  return { files, problems }
}
