import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from '../root.js'

// Where the Electron binary is, as the electron package would run it, without triggering its
// download: `npm start` (start.ts) and the end-to-end tests (test/e2e/shell.ts) both ask.

/** The electron package in node_modules. */
export const ELECTRON_PACKAGE = join(ROOT, 'node_modules', 'electron')

/** The binary's path inside its folder: path.txt once the package's installer ran, else the platform's usual name. */
function executableName(): string {
  const pathFile = join(ELECTRON_PACKAGE, 'path.txt')
  if (existsSync(pathFile)) return readFileSync(pathFile, 'utf8')
  return process.platform === 'darwin' ? 'Electron.app/Contents/MacOS/Electron' : process.platform === 'win32' ? 'electron.exe' : 'electron'
}

/**
 * The Electron binary the electron package would run: in ELECTRON_OVERRIDE_DIST_PATH when set,
 * else in the package's dist/ folder. It may not exist (not downloaded): see `hasElectronBinary`.
 */
export function electronBinary(): string {
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(ELECTRON_PACKAGE, 'dist')
  return join(dist, executableName())
}

/** Whether the Electron binary is there to run. */
export function hasElectronBinary(): boolean {
  return existsSync(electronBinary())
}
