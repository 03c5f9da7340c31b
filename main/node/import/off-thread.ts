import { Worker } from 'node:worker_threads'
import { DecodeError } from '../project/decode.js'
import type { ExtractedText } from './html.js'
import { type ReaderJob, type ReaderMessage, readJob } from './reader-worker.js'

// Reading an imported HTML, .docx or PDF file off the thread that serves the UI: the reader runs in a
// worker thread (reader-worker.ts, bundled as dist/main/reader-worker.cjs) with a bound on its
// time (each step of a PDF, one page, and in all), heap and stack; past one, the worker is ended
// and the file refused with one message.
// Without a worker (the CLI, which serves no UI) the reader runs inline, still with the readers'
// own limits (html.ts refuses pages nested deeper than MAX_HTML_DEPTH before building them).

/**
 * Longest a file may take to read, or, for a file read in steps (a PDF, page by page), one step.
 * Ordinary pages and documents take well under a second, a long book as .docx a few seconds, a PDF
 * page well under one; a minute leaves room for a loaded machine, while a file that takes longer
 * is stuck on something hostile.
 */
export const READ_TIME_LIMIT_MS = 60_000

/**
 * Longest a file read in steps may take in all. pdf.js reads a page of a book in 10 to 60 ms: a
 * 780-page book took 40 to 60 s on a loaded machine, the longest PDF read (MAX_PDF_PAGES, 5,000
 * pages) could take about 5 minutes; ten minutes stop a file that keeps the reader busy forever.
 */
export const READ_TOTAL_TIME_LIMIT_MS = 600_000

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
      clearTimeout(stepTimer)
      clearTimeout(totalTimer)
      fn()
      void worker.terminate()
    }
    const stop = (limitMs: number, what: string) => () =>
      finish(() => reject(new DecodeError(job.path, `reading ${what} took over ${limitMs / 1000} s, so it was stopped and not imported`)))
    let stepTimer = setTimeout(stop(READ_TIME_LIMIT_MS, 'this file'), READ_TIME_LIMIT_MS)
    const totalTimer = setTimeout(stop(READ_TOTAL_TIME_LIMIT_MS, 'this file'), READ_TOTAL_TIME_LIMIT_MS)
    let steps = 0
    worker.on('message', (m: ReaderMessage) => {
      if (m.type === 'progress') {
        steps++
        clearTimeout(stepTimer)
        stepTimer = setTimeout(stop(READ_TIME_LIMIT_MS, `page ${steps + 1} of this file`), READ_TIME_LIMIT_MS)
        return
      }
      finish(() =>
        m.type === 'result'
          ? resolve(m.extracted)
          : reject(new DecodeError(job.path, m.decode ? m.message : `the file could not be read: ${m.message}`)),
      )
    })
    worker.on('error', (e) => finish(() => reject(new DecodeError(job.path, `the file could not be read: ${e.message}`))))
    worker.on('exit', (code) => finish(() => reject(new DecodeError(job.path, `the reader stopped (exit ${code}); not imported`))))
    worker.postMessage(job, [])
  })
}
