import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import lockfile from 'proper-lockfile'
import { ApiError } from '../../core/contract/api.js'
import { cannotWriteProject } from './file-problem.js'

// One writer at a time per project, across processes: the app, the CLI and anything else using
// ProjectStore take this lock around every read-modify-write of a project file, so two programs
// never write a file from the same old content and lose each other's changes.
//
// proper-lockfile makes the lock a folder (mkdir is atomic on every file system, network ones
// included) and keeps its modification time fresh while held; a lock whose holder died (kill -9,
// power loss) goes stale and is taken over.

/** The lock folder inside a project. Hidden, so nothing lists it as a document. */
export const LOCK_NAME = '.parallax.lock'

/**
 * How old a lock may grow before another process takes it over as abandoned. Longer: a crashed
 * writer blocks the others for longer. Shorter: a live holder whose event loop stalls that long
 * (a swapping machine) could lose its lock to another writer. proper-lockfile refuses less than 2 s.
 */
export const LOCK_STALE_MS = 10_000
/**
 * How long a writer waits for the lock before giving up with an error: well beyond any single
 * write (a 17 MB annotations file takes about a second on a slow disk) and beyond LOCK_STALE_MS, so
 * a crashed holder's lock is taken over rather than reported.
 */
const LOCK_WAIT_MS = 60_000

/** How often (ms) a writer looks again for a held lock: from the first, growing by half up to the last. */
const FIRST_RETRY_MS = 5
const LAST_RETRY_MS = 100

/** What proper-lockfile rejects with where another process holds the lock. */
const HELD = 'ELOCKED'

/** In-process queue per project folder: proper-lockfile refuses a second lock by the same process. */
const queues = new Map<string, Promise<unknown>>()

/** The cross-process write lock of one project folder. */
export class ProjectLock {
  constructor(
    readonly dir: string,
    private readonly staleMs = LOCK_STALE_MS,
  ) {}

  private options(): lockfile.LockOptions {
    return {
      realpath: false,
      lockfilePath: join(this.dir, LOCK_NAME),
      stale: this.staleMs,
      // No retries of its own: proper-lockfile retries whatever failed, and a folder where the lock
      // cannot be made (read-only, not the reader's, full) was waited on for a minute and then
      // blamed on "another program" (a tester). lockWithin waits only where the lock is held.
      retries: 0,
      // The lock folder was removed or could not be refreshed (the default throws from a timer and
      // ends the process): what this process is writing still lands atomically, and its next write
      // takes a fresh lock.
      onCompromised: () => undefined,
    }
  }

  /**
   * Takes the lock, waiting up to LOCK_WAIT_MS while another process holds it (looking again from
   * FIRST_RETRY_MS to LAST_RETRY_MS apart: short writes by another process are waited out
   * quickly). Rejects at once where the lock cannot be made, and with the held lock's error once
   * the wait is over.
   */
  private async lockWithin(waitMs: number): Promise<() => Promise<void>> {
    const deadline = Date.now() + waitMs
    for (let delay = FIRST_RETRY_MS; ; delay = Math.min(LAST_RETRY_MS, delay * 1.5)) {
      try {
        return await lockfile.lock(this.dir, this.options())
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== HELD || Date.now() + delay > deadline) throw e
      }
      await sleep(delay)
    }
  }

  /**
   * Runs `task` holding the lock: after this process's earlier tasks on the project and once no
   * other process holds it. Rejects with a clear error when the lock cannot be had in time.
   */
  run<T>(task: () => Promise<T>): Promise<T> {
    return this.queued(async () => {
      let release: () => Promise<void>
      try {
        release = await this.lockWithin(LOCK_WAIT_MS)
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== HELD) throw cannotWriteProject(this.dir, e)
        throw new ApiError(
          'conflict',
          `another program has been writing to the project in ${this.dir} for over ${LOCK_WAIT_MS / 1000} s (${(e as Error).message}); nothing was saved. Try again.`,
        )
      }
      try {
        return await task()
      } finally {
        await release().catch(() => undefined)
      }
    })
  }

  /**
   * Runs `task` holding the lock if no other process holds it now; resolves with null, without
   * running it, if one does.
   */
  tryRun<T>(task: () => Promise<T>): Promise<T | null> {
    return this.queued(async () => {
      let release: () => Promise<void>
      try {
        release = await lockfile.lock(this.dir, this.options())
      } catch {
        return null
      }
      try {
        return await task()
      } finally {
        await release().catch(() => undefined)
      }
    })
  }

  private queued<T>(task: () => Promise<T>): Promise<T> {
    const previous = queues.get(this.dir) ?? Promise.resolve()
    const next = previous.catch(() => undefined).then(task)
    const settled = next.catch(() => undefined)
    queues.set(this.dir, settled)
    void settled.then(() => {
      if (queues.get(this.dir) === settled) queues.delete(this.dir)
    })
    return next
  }
}
