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

/** Starts the app; `corpusDir` (a folder with a manifest.json) replaces the bundled corpus. */
export async function startApp(options: { corpusDir?: string } = {}): Promise<TestApp> {
  const t = await tempDir()
  await mkdir(SHOTS, { recursive: true })
  const service = await Service.start({
    corpusDir: options.corpusDir ?? CORPUS,
    userData: join(t.dir, 'user-data'),
    engineWorker: ENGINE_WORKER,
  })
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

/**
 * Selects the first occurrence of `phrase` in the active pane, as a drag would (across decoration
 * spans), and returns once the reader has taken the selection (the selectionchange event that
 * carries it, after which ProseMirror's own listener has run, and a frame).
 */
export async function selectText(page: Page, phrase: string): Promise<void> {
  await page.evaluate((phrase) => {
    const root = document.querySelector('.pane.active .reader-text') as HTMLElement
    root.focus()
    const taken = new Promise<void>((resolve) => {
      const listener = () => {
        if (String(window.getSelection()) !== phrase) return
        document.removeEventListener('selectionchange', listener)
        requestAnimationFrame(() => resolve())
      }
      document.addEventListener('selectionchange', listener)
    })
    for (const p of root.querySelectorAll('p')) {
      const i = p.textContent!.indexOf(phrase)
      if (i < 0) continue
      // Find the text nodes holding the phrase's first and last characters.
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT)
      const range = document.createRange()
      let at = 0
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const len = node.textContent!.length
        if (at <= i && i < at + len) range.setStart(node, i - at)
        if (at < i + phrase.length && i + phrase.length <= at + len) range.setEnd(node, i + phrase.length - at)
        at += len
      }
      const sel = window.getSelection()!
      sel.removeAllRanges()
      sel.addRange(range)
      return taken
    }
    throw new Error(`not in the reader: ${phrase}`)
  }, phrase)
}
