import { Worker } from 'node:worker_threads'
import { DecodeError } from '../project/decode.js'
import type { ExtractedText } from './html.js'
import { type ReaderJob, type ReaderMessage, readJob } from './reader-worker.js'

// Reading an imported HTML or .docx file off the thread that serves the UI: the reader runs in a
// worker thread (reader-worker.ts, bundled as dist/main/reader-worker.cjs) with a bound on its
// time, heap and stack; past one, the worker is ended and the file refused with one message.
// Without a worker (the CLI, which serves no UI) the reader runs inline, still with the readers'
// own limits (html.ts refuses pages nested deeper than MAX_HTML_DEPTH before building them).

/**
 * Longest a file may take to read. Ordinary pages and documents take well under a second, a long
 * book as .docx a few seconds; a minute leaves room for a loaded machine, while a file that takes
 * longer is stuck on something hostile.
 */
export const READ_TIME_LIMIT_MS = 60_000

/**
 * Heap and stack of the reader. A 64 MB file (MAX_IMPORT_BYTES) as DOM takes several times its
 * size; 2 GB leaves that room and stops a file that would take the whole machine's memory.
 */
const READER_LIMITS = { maxOldGenerationSizeMb: 2048, stackSizeMb: 8 }

/** Reads one file in a worker started from `workerPath`, or inline when there is none. */
export function readOffThread(job: ReaderJob, workerPath: string | undefined): Promise<ExtractedText> {
  if (!workerPath) return readJob(job)
  return new Promise<ExtractedText>((resolve, reject) => {
    let worker: Worker
    try {
      worker = new Worker(workerPath, { resourceLimits: READER_LIMITS })
    } catch (e) {
      reject(new DecodeError(job.path, `the reader could not start (${(e as Error).message}); run npm run build`))
      return
    }
    let settled = false
    const finish = (fn: () => void) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      fn()
      void worker.terminate()
    }
    const timer = setTimeout(
      () =>
        finish(() =>
          reject(
            new DecodeError(job.path, `reading this file took over ${READ_TIME_LIMIT_MS / 1000} s, so it was stopped and not imported`),
          ),
        ),
      READ_TIME_LIMIT_MS,
    )
    worker.on('message', (m: ReaderMessage) =>
      finish(() =>
        m.type === 'result'
          ? resolve(m.extracted)
          : reject(new DecodeError(job.path, m.decode ? m.message : `the file could not be read: ${m.message}`)),
      ),
    )
    worker.on('error', (e) => finish(() => reject(new DecodeError(job.path, `the file could not be read: ${e.message}`))))
    worker.on('exit', (code) => finish(() => reject(new DecodeError(job.path, `the reader stopped (exit ${code}); not imported`))))
    worker.postMessage(job, [])
  })
}
