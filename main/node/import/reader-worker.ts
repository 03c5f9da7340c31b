import { parentPort } from 'node:worker_threads'
import { DecodeError } from '../project/decode.js'
import { readDocx } from './docx.js'
import { type ExtractedText, readHtml } from './html.js'

// The HTML and .docx readers in a worker thread (bundled as dist/main/reader-worker.cjs), so a
// slow or hostile file never holds up the process that serves the UI (off-thread.ts starts it,
// bounds its time and memory, and ends it). It reads one file, posts the text or the reason it
// could not, and exits.

/** What the worker is asked to read. */
export interface ReaderJob {
  format: 'html' | 'docx'
  bytes: Uint8Array
  path: string
}

export type ReaderMessage =
  | { type: 'result'; extracted: ExtractedText }
  | { type: 'error'; message: string; /** A DecodeError: the file is not usable (else the reader failed). */ decode: boolean }

/** Reads a file in this thread: what the worker does, callable directly where no worker is wanted. */
export async function readJob(job: ReaderJob): Promise<ExtractedText> {
  return job.format === 'html' ? readHtml(job.bytes, job.path) : readDocx(job.bytes, job.path)
}

if (parentPort) {
  const port = parentPort
  port.once('message', (job: ReaderJob) => {
    readJob(job).then(
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
