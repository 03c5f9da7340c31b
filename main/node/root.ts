import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { isMainThread } from 'node:worker_threads'

// Where the Node entry points (CLI, web host, npm start) find the app's files when run from the
// source tree. The Electron main process gets the same folders from app.getAppPath() instead.

/** The repository (or installed package) root. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url))
/** The bundled corpus. */
export const CORPUS_DIR = join(ROOT, 'corpus')
/** The built renderer (npm run build). */
export const RENDERER_DIR = join(ROOT, 'dist', 'renderer')

/**
 * True when the module at `moduleUrl` is the script Node was started with (not an import), in the
 * main thread: a worker started from a bundle's own file (json-output.ts) runs the same module.
 */
export function isEntryPoint(moduleUrl: string): boolean {
  return isMainThread && !!process.argv[1] && fileURLToPath(moduleUrl) === resolve(process.argv[1])
}

/** The bundled engine worker (npm run build). */
export const ENGINE_WORKER = join(ROOT, 'dist', 'main', 'engine-worker.cjs')

/** The bundled reader worker for imports (npm run build). */
export const READER_WORKER = join(ROOT, 'dist', 'main', 'reader-worker.cjs')
