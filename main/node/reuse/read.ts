import { stat } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { currentOverlaps, type SourcedOverlap } from '../../core/reuse/imported.js'
import { PROJECT_FILE } from '../project/store.js'
import { readAllReuse } from './storage.js'

/**
 * The overlaps imported into a project (reuse/*.json), checked against its documents' current
 * texts (`texts`, by id): moved passages re-anchored, vanished ones dropped (core/reuse/imported.ts).
 * A folder that is not a project has none. A reuse file that fails to read is left out and named
 * in `problems`. With `limit`, at most that many per tool, best first.
 */
export async function importedOverlaps(
  folder: string,
  texts: ReadonlyMap<string, string>,
  limit?: number,
): Promise<{ overlaps: SourcedOverlap[]; moved: number; dropped: number; problems: string[] }> {
  const dir = resolve(folder)
  const out = { overlaps: [] as SourcedOverlap[], moved: 0, dropped: 0, problems: [] as string[] }
  if (!(await stat(join(dir, PROJECT_FILE)).catch(() => null))) return out
  const { files, problems } = await readAllReuse(dir)
  out.problems = problems
  for (const file of files) {
    const current = currentOverlaps(file.overlaps, texts)
    out.overlaps.push(...(limit === undefined ? current.overlaps : current.overlaps.slice(0, limit)))
    out.moved += current.moved
    out.dropped += current.dropped
  }
  return out
}
