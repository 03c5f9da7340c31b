import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type Browser, chromium } from 'playwright-core'

/** Debian's Chromium; CHROMIUM_PATH overrides it. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/**
 * Flags for headless Chromium on build machines: no sandbox (CI runs as root), no GPU, and none of
 * Chromium's own network traffic (component updates, background requests), which a closed network
 * refuses.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
]

/** Launches Debian's Chromium through playwright-core. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: install the Debian package chromium (or set CHROMIUM_PATH)`)
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true })
}

/** Where the end-to-end tests save their screenshots (looked at by people, not compared). */
export const SHOTS = join(fileURLToPath(new URL('../..', import.meta.url)), 'test-results', 'screenshots')

/** The window sizes and colour schemes a changed screen is looked at in: the smallest laptop and a common desktop, light and dark. */
export const SCREENS = [
  [1440, 900, 'light'],
  [1440, 900, 'dark'],
  [1024, 700, 'light'],
  [1024, 700, 'dark'],
] as const
