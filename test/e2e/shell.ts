import { _electron, type ElectronApplication } from 'playwright-core'
import { electronBinary, hasElectronBinary } from '../../main/node/host/electron-binary.js'
import { ROOT } from '../helpers.js'

// Which shell the end-to-end tests drive the app in: the app's own Electron (main process, preload,
// app:// protocol, IPC: the real desktop shell) when its binary is present, else Debian's Chromium
// through the web host. PARALLAX_E2E_SHELL=chromium|electron chooses explicitly.

export type Shell = 'electron' | 'chromium'

/** The shell the tests use (see above); an explicit 'electron' without a binary is an error. */
export function chosenShell(env: NodeJS.ProcessEnv = process.env): Shell {
  const asked = env.PARALLAX_E2E_SHELL
  if (asked && asked !== 'electron' && asked !== 'chromium') throw new Error(`PARALLAX_E2E_SHELL is electron or chromium, not "${asked}"`)
  if (asked === 'chromium') return 'chromium'
  if (hasElectronBinary()) return 'electron'
  if (asked === 'electron')
    throw new Error(
      `PARALLAX_E2E_SHELL=electron, but there is no Electron binary at ${electronBinary()} (npm install, or ELECTRON_OVERRIDE_DIST_PATH)`,
    )
  return 'chromium'
}

/**
 * Starts the desktop app (this checkout's dist/main/main.cjs, built before the tests) in Electron
 * on `project`, with `userData` as its user data folder (window state, preferences, recent list;
 * one per launch, as Electron allows one running instance per user data folder).
 */
export async function launchElectron(options: { project: string; userData: string }): Promise<ElectronApplication> {
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY)
    throw new Error('Electron needs a display: run the tests under xvfb-run -a, or set PARALLAX_E2E_SHELL=chromium')
  return _electron.launch({
    executablePath: electronBinary(),
    // Chromium's own sandbox cannot start as root (build machines); the page stays sandboxed by
    // its web preferences (main/electron/security.ts).
    args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), ROOT, '--project', options.project],
    cwd: ROOT,
    env: { ...process.env, PARALLAX_USER_DATA: options.userData },
    timeout: 60_000,
  })
}
