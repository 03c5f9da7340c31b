import { Worker } from 'node:worker_threads'
import { ApiError } from '../../core/contract/api.js'
import type { EngineJob, EngineMessage } from './worker.js'

// Runs engine jobs off the calling thread, one worker per job, with progress and cancellation.
// The worker is the bundled dist/main/engine-worker.cjs (npm run build), the same file for the
// web host and Electron.

/** How often progress is passed on at most: the UI needs a few updates a second, not thousands. */
const PROGRESS_INTERVAL_MS = 100

export interface EngineProgress {
  phase: string
  done: number
  total: number
}

export class EngineRunner {
  private running = new Set<Worker>()

  constructor(private readonly workerPath: string) {}

  /** Runs one job; rejects with ApiError 'cancelled' if cancel() is called meanwhile. */
  run<T>(job: EngineJob, onProgress?: (p: EngineProgress) => void): Promise<T> {
    // (V8's flags are left as they are: its regular expression tier-up, set to compile each
    // expression to machine code at its first run, ended the host's process on a segmentation
    // fault where one of its own expressions had run once before: cli/engine-script.mjs engineFlags.)
    return new Promise<T>((resolve, reject) => {
      let worker: Worker
      try {
        worker = new Worker(this.workerPath)
      } catch (e) {
        reject(new ApiError('internal', `the analysis worker could not start (${(e as Error).message}); run npm run build`))
        return
      }
      this.running.add(worker)
      let last = 0
      let settled = false
      const finish = (fn: () => void) => {
        if (settled) return
        settled = true
        this.running.delete(worker)
        fn()
        void worker.terminate()
      }
      worker.on('message', (m: EngineMessage) => {
        if (m.type === 'progress') {
          const now = Date.now()
          if (onProgress && (now - last >= PROGRESS_INTERVAL_MS || m.done === m.total)) {
            last = now
            onProgress({ phase: m.phase, done: m.done, total: m.total })
          }
        } else if (m.type === 'result') finish(() => resolve(m.result as T))
        else finish(() => reject(new ApiError(m.cancelled ? 'cancelled' : 'internal', m.message)))
      })
      worker.on('error', (e) => finish(() => reject(new ApiError('internal', `the analysis failed: ${e.message}`))))
      worker.on('exit', (code) =>
        finish(() => reject(new ApiError('cancelled', code === 1 ? 'the analysis was cancelled' : `the analysis stopped (exit ${code})`))),
      )
      worker.postMessage(job)
    })
  }

  /** Stops every running job (their promises reject with 'cancelled'). */
  async cancel(): Promise<number> {
    const workers = [...this.running]
    this.running.clear()
    await Promise.all(workers.map((w) => w.terminate()))
    return workers.length
  }
}
