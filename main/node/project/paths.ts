import { homedir } from 'node:os'
import { join, resolve } from 'node:path'

/** The application's name: the user data folder and window titles use it. */
export const APP_NAME = 'Parallax'

/**
 * The user data folder: where Electron's app.getPath('userData') points for an app named
 * Parallax, so the desktop app and the web host share the default project and recent list.
 * PARALLAX_USER_DATA overrides it (tests, portable installs).
 */
export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = homedir()): string {
  if (env.PARALLAX_USER_DATA) return resolve(env.PARALLAX_USER_DATA)
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), APP_NAME)
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_NAME)
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), APP_NAME)
}

/** Where the default project of the bundled corpus lives inside the user data folder. */
export function defaultProjectDir(userData: string): string {
  return join(userData, 'projects', 'bundled-corpus')
}
