import { parentPort } from 'node:worker_threads'
import { DecodeError } from '../project/decode.js'
import { readDocx } from './docx.js'
import { type ExtractedText, readHtml } from './html.js'
import { readPdf } from './pdf.js'

// The HTML, .docx and PDF readers in a worker thread (bundled as dist/main/reader-worker.cjs), so a
// slow or hostile file never holds up the process that serves the UI (off-thread.ts starts it,
// bounds its time and memory, and ends it). It reads one file, posts the text or the reason it
// could not, and exits. pdf.js runs here whole: in Node it has no worker of its own and runs its
// parser ("fake worker") in the thread that loads it, which is this one.

/** What the worker is asked to read. */
export interface ReaderJob {
  format: 'html' | 'docx' | 'pdf'
  bytes: Uint8Array
  path: string
}

export type ReaderMessage =
  | { type: 'result'; extracted: ExtractedText }
  /** A step of the reading is done (a PDF page): the file is long, not stuck. */
  | { type: 'progress' }
  | { type: 'error'; message: string; /** A DecodeError: the file is not usable (else the reader failed). */ decode: boolean }

/**
 * Reads a file in this thread: what the worker does, callable directly where no worker is wanted.
 * `onProgress` is called after each step of a reading made of steps (a PDF's pages).
 */
export async function readJob(job: ReaderJob, onProgress: () => void = () => {}): Promise<ExtractedText> {
  if (job.format === 'html') return readHtml(job.bytes, job.path)
  if (job.format === 'docx') return readDocx(job.bytes, job.path)
  return readPdf(job.bytes, job.path, onProgress)
}

if (parentPort) {
  const port = parentPort
  port.once('message', (job: ReaderJob) => {
    readJob(job, () => port.postMessage({ type: 'progress' } satisfies ReaderMessage)).then(
      (extracted) => port.postMessage({ type: 'result', extracted } satisfies ReaderMessage),
      (e: unknown) =>
        port.postMessage({
          type: 'error',
          message: e instanceof DecodeError ? e.message.slice(job.path.length + 2) : e instanceof Error ? e.message : String(e),
          decode: e instanceof DecodeError,
        } satisfies ReaderMessage),
    )
  })
}
