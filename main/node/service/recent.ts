import { mkdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { stableStringify } from '../../core/project/json.js'
import { writeDurable } from '../project/durable.js'

// The recent-projects list: project folders opened by name, most recent first, kept in the user
// data folder (recent-projects.json, { "dirs": [...] }).

/** How many folders the recent-projects list keeps. */
export const RECENT_LIMIT = 10
export const RECENT_FILE = 'recent-projects.json'

export class RecentProjects {
  constructor(private readonly userData: string) {}

  private get path(): string {
    return join(this.userData, RECENT_FILE)
  }

  /** The folders, most recent first; an unreadable or malformed file is an empty list. */
  async list(): Promise<string[]> {
    try {
      const data = JSON.parse(await readFile(this.path, 'utf8')) as { dirs?: unknown }
      return Array.isArray(data.dirs) ? data.dirs.filter((d): d is string => typeof d === 'string') : []
    } catch {
      return []
    }
  }

  /** Puts `dir` first in the list (once), keeping RECENT_LIMIT folders; resolves once durable. */
  async remember(dir: string): Promise<void> {
    const dirs = await this.list()
    const next = [dir, ...dirs.filter((d) => d !== dir)].slice(0, RECENT_LIMIT)
    await mkdir(this.userData, { recursive: true })
    await writeDurable(this.path, stableStringify({ dirs: next }))
  }
}
