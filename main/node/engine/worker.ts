import { parentPort } from 'node:worker_threads'
import type { EngineDocument } from '../../core/engine/analyse.js'
import { findDefinitions } from '../../core/definitions/definitions.js'
import { findOverlaps } from '../../core/engine/overlaps.js'
import { isCancelled } from '../../core/engine/progress.js'
import { WordNet } from './wordnet.js'

// The engine in a worker thread, so a long analysis never blocks the process that serves the UI.
// It takes one job, reports progress, posts its result and exits. Cancelling terminates the
// worker (engine-runner.ts): nothing half-done is ever returned.

export type EngineJob =
  | { kind: 'overlaps'; documents: EngineDocument[]; paraphrases?: boolean }
  | { kind: 'definitions'; documents: EngineDocument[]; term?: string; dates?: Record<string, string> }

export type EngineMessage =
  | { type: 'progress'; phase: string; done: number; total: number }
  | { type: 'result'; result: unknown }
  | { type: 'error'; message: string; cancelled: boolean }

/** Runs a job in this thread: what the worker does, callable directly where no worker is wanted. */
export function runJob(job: EngineJob, onProgress?: (phase: string, done: number, total: number) => void): unknown {
  const hooks = { onProgress: onProgress && ((p: { phase: string; done: number; total: number }) => onProgress(p.phase, p.done, p.total)) }
  return job.kind === 'overlaps'
    ? findOverlaps(job.documents, { synonyms: new WordNet(), paraphrase: job.paraphrases ?? 'auto' }, hooks)
    : findDefinitions(job.documents, { term: job.term, dates: job.dates }, hooks)
}

if (parentPort) {
  const port = parentPort
  port.once('message', (job: EngineJob) => {
    try {
      const result = runJob(job, (phase, done, total) => port.postMessage({ type: 'progress', phase, done, total } satisfies EngineMessage))
      port.postMessage({ type: 'result', result } satisfies EngineMessage)
    } catch (e) {
      port.postMessage({
        type: 'error',
        message: e instanceof Error ? e.message : String(e),
        cancelled: isCancelled(e),
      } satisfies EngineMessage)
    }
  })
}
