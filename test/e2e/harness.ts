import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { ENGINE_WORKER } from '../../main/node/root.js'
import { Service } from '../../main/node/service/service.js'
import { startWebHost, type WebHost } from '../../main/node/host/web-host.js'
import { CORPUS, ROOT, tempDir } from '../helpers.js'
import { launchChromium, SHOTS } from './browser.js'

// The app as the end-to-end tests use it: the services on a fresh user data folder (so the
// bundled corpus's default project is created anew), the engine in its worker, the folder watched,
// the web host on loopback, and Debian's Chromium.

export interface TestApp {
  browser: Browser
  host: WebHost
  service: Service
  /** A temporary folder for the test's own files (removed by close). */
  dir: string
  close(): Promise<void>
}

export async function startApp(): Promise<TestApp> {
  const t = await tempDir()
  await mkdir(SHOTS, { recursive: true })
  const service = await Service.start({ corpusDir: CORPUS, userData: join(t.dir, 'user-data'), engineWorker: ENGINE_WORKER })
  const stopWatching = service.watchFiles()
  const host = await startWebHost({ service, rendererDir: join(ROOT, 'dist', 'renderer') })
  const browser = await launchChromium()
  return {
    browser,
    host,
    service,
    dir: t.dir,
    async close() {
      stopWatching()
      await browser.close()
      await host.close()
      await t.cleanup()
    },
  }
}

/**
 * Opens the app in a new page (1280×800) and waits for `ready` (by default: the analysis is done
 * and its shared passages listed, so nothing repaints the panes under the test's hands); collects
 * page errors and console errors, which a test expects to stay empty.
 */
export async function openPage(
  app: TestApp,
  options: { colorScheme?: 'light' | 'dark'; ready?: string } = {},
): Promise<{ page: Page; errors: string[] }> {
  const page = await app.browser.newPage({
    viewport: { width: 1280, height: 800 },
    colorScheme: options.colorScheme ?? 'light',
    acceptDownloads: true,
  })
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text())
  })
  await page.goto(app.host.url)
  try {
    await page
      .locator(options.ready ?? '.overlap-item')
      .first()
      .waitFor({ timeout: 30_000 })
  } catch (e) {
    // Say what the page was showing: an analysis that failed reads differently from a slow one.
    const shown = await page.evaluate(() =>
      [document.querySelector('.analysis-label')?.textContent, document.querySelector('.status')?.textContent].join(' | '),
    )
    throw new Error(`the app was not ready (${options.ready ?? '.overlap-item'}); it showed: ${shown}; page errors: ${errors.join('; ')}`, {
      cause: e,
    })
  }
  return { page, errors }
}

/** Clicks a document in the list and waits until the active pane shows it. */
export async function openDocument(page: Page, docId: string): Promise<void> {
  await page.locator(`#doc-${docId}`).click()
  await page.locator(`.pane.active .reader[data-doc="${docId}"] .reader-text p`).first().waitFor()
}
