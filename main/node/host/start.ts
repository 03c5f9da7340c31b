import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from '../root.js'
import { ELECTRON_PACKAGE, electronBinary, hasElectronBinary } from './electron-binary.js'
import { parseServeArgs, serve, SERVE_USAGE } from './web.js'

// `npm start`: the desktop app when the Electron binary is there or can be fetched; otherwise one
// line saying why, and the same app in the browser through the loopback web host.

/** How long fetching the Electron binary may take before npm start gives up on it. */
const FETCH_TIMEOUT_MS = 5 * 60 * 1000

/** Returns the binary, fetching it with the electron package's own installer if missing; or why not. */
function obtainElectron(): { binary: string } | { reason: string } {
  if (!existsSync(ELECTRON_PACKAGE)) return { reason: 'the electron package is not installed (run npm install)' }
  if (hasElectronBinary()) return { binary: electronBinary() }
  if (!process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const fetched = spawnSync(process.execPath, [join(ELECTRON_PACKAGE, 'install.js')], { encoding: 'utf8', timeout: FETCH_TIMEOUT_MS })
    if (fetched.status === 0 && hasElectronBinary()) return { binary: electronBinary() }
    const output = `${fetched.error?.message ?? ''}\n${fetched.stderr ?? ''}`
    const why = output.match(/(getaddrinfo \w+ [\w.-]+|ENOTFOUND [\w.-]+|ECONNREFUSED|ETIMEDOUT|HTTPError: [^\n]+|\w*Error: [^\n]+)/)
    return { reason: `the Electron binary could not be downloaded${why ? ` (${why[1].trim()})` : ''}` }
  }
  return { reason: `no Electron binary at ${electronBinary()}` }
}

const args = process.argv.slice(2)
// --help is answered here, before any Electron is looked for (or downloaded) and started.
if (args.includes('--help') || args.includes('-h')) {
  console.log(SERVE_USAGE)
  process.exit(0)
}
const electron = obtainElectron()
if ('binary' in electron) {
  const child = spawn(electron.binary, [ROOT, ...args], { stdio: 'inherit' })
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
} else {
  console.log(`Parallax: ${electron.reason}; starting the web host instead.`)
  try {
    const options = parseServeArgs(args)
    if (options) await serve(options)
  } catch (e) {
    console.error(`parallax: ${(e as Error).message}`)
    process.exit(1)
  }
}
