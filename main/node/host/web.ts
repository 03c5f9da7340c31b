import { parseArgs } from 'node:util'
import { userDataDir } from '../project/paths.js'
import { CORPUS_DIR, ENGINE_WORKER, isEntryPoint, READER_WORKER, RENDERER_DIR } from '../root.js'
import { Service } from '../service/service.js'
import { startWebHost, type WebHost } from './web-host.js'

/** Starts the services and the loopback web host, and prints the URL to open. */
export async function serve(options: { project?: string; port?: number }): Promise<WebHost> {
  const service = await Service.start({
    corpusDir: CORPUS_DIR,
    userData: userDataDir(),
    project: options.project,
    engineWorker: ENGINE_WORKER,
    readerWorker: READER_WORKER,
  })
  service.watchFiles()
  const host = await startWebHost({ service, rendererDir: RENDERER_DIR, port: options.port })
  const problems = service.project.problems
  console.log(`Parallax is serving "${service.project.name}" at ${host.url}`)
  for (const p of problems) console.error(`warning: ${p.path}: ${p.reason}`)
  console.log('Open that address in a browser on this machine; press Ctrl+C to stop.')
  const stop = () => void host.close().then(() => process.exit(0))
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
  return host
}

/** What `--help` prints. */
export const SERVE_USAGE = `Usage: npm start -- [--project DIR] [--port N]   (or npm run web -- …)
  --project DIR   a folder to open as a project (created if it has no project.json);
                  without it, the bundled corpus's project
  --port N        the port to serve the page on (without it, any free one)`

/** Parses `[--project DIR] [--port N] [--help]`, shared by `npm run web` and `npm start` (--help: usage printed, undefined). */
export function parseServeArgs(args: string[]): { project?: string; port?: number } | undefined {
  const { values } = parseArgs({
    args,
    options: { project: { type: 'string' }, port: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
  })
  if (values.help) {
    console.log(SERVE_USAGE)
    return undefined
  }
  const port = values.port === undefined ? undefined : Number(values.port)
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port < 65536))
    throw new Error(`--port wants a port number, not "${values.port}"`)
  return { project: values.project, port }
}

if (isEntryPoint(import.meta.url)) {
  try {
    const options = parseServeArgs(process.argv.slice(2))
    if (options) await serve(options)
  } catch (e) {
    console.error(`parallax: ${(e as Error).message}`)
    process.exit(1)
  }
}
