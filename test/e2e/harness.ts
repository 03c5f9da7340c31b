import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { expect } from 'vitest'
import type { Browser, ElectronApplication, Page } from 'playwright-core'
import { APP_URL } from '../../main/electron/security.js'
import { ENGINE_WORKER } from '../../main/node/root.js'
import { Service } from '../../main/node/service/service.js'
import { startWebHost, type WebHost } from '../../main/node/host/web-host.js'
import { CORPUS, ROOT, tempDir } from '../helpers.js'
import { launchChromium, SHOTS } from './browser.js'
import { chosenShell, launchElectron, type Shell } from './shell.js'

// The app as the end-to-end tests use it: the services on a fresh user data folder (so the
// bundled corpus's default project is created anew), the engine in its worker, the folder watched,
// and the page in one of two shells (shell.ts): the app's own Electron when its binary is present
// (each page a launch of the desktop app on the same project folder, whose services are its own
// and follow the test's changes as they follow any other program's), else the web host on loopback
// and Debian's Chromium.

export interface TestApp {
  shell: Shell
  /** The test's services on the project: set-up and checks (in Electron, the app's own run beside them). */
  service: Service
  /** The web host and the browser (null in Electron). */
  host: WebHost | null
  browser: Browser | null
  /** A temporary folder for the test's own files (removed by close). */
  dir: string
  /** The page's address: the web host's (with its one-time key), or the desktop app's app:// page. */
  url(): string
  close(): Promise<void>
}

/** A corpus a test writes: its name, and its texts by document id (each titled "The <id>"). */
export interface TestCorpus {
  name: string
  texts: Record<string, string>
}

/**
 * Starts the app; `corpusDir` (a folder with a manifest.json), or `corpus` (written to the app's
 * temporary folder), replaces the bundled corpus; `shell` overrides the shell chosen (tests of the
 * web host itself ask for 'chromium').
 */
export async function startApp(options: { corpusDir?: string; corpus?: TestCorpus; shell?: Shell } = {}): Promise<TestApp> {
  const t = await tempDir()
  await mkdir(SHOTS, { recursive: true })
  const shell = options.shell ?? chosenShell()
  const service = await Service.start({
    corpusDir: options.corpus ? await writeCorpus(join(t.dir, 'corpus'), options.corpus) : (options.corpusDir ?? CORPUS),
    userData: join(t.dir, 'user-data'),
    engineWorker: ENGINE_WORKER,
  })
  const stopWatching = service.watchFiles()
  const host = shell === 'chromium' ? await startWebHost({ service, rendererDir: join(ROOT, 'dist', 'renderer') }) : null
  const browser = shell === 'chromium' ? await launchChromium() : null
  const app: TestApp = {
    shell,
    browser,
    host,
    service,
    dir: t.dir,
    url() {
      return app.host?.url ?? APP_URL
    },
    async close() {
      stopWatching()
      // Every desktop app launched ends (its processes gone) before its folders are removed.
      await Promise.all([...launched].map(endApp))
      await Promise.all(closing)
      await browser?.close()
      await app.host?.close()
      await t.cleanup()
    },
  }
  return app
}

/** Writes a test's corpus (its texts and their manifest.json) to `dir`; returns `dir`. */
async function writeCorpus(dir: string, corpus: TestCorpus): Promise<string> {
  await mkdir(dir, { recursive: true })
  const documents = Object.entries(corpus.texts).map(([id]) => ({
    id,
    file: `${id}.txt`,
    title: `The ${id}`,
    author: '',
    outlet: '',
    date: '',
    url: '',
  }))
  for (const [id, text] of Object.entries(corpus.texts)) await writeFile(join(dir, `${id}.txt`), text)
  await writeFile(join(dir, 'manifest.json'), JSON.stringify({ name: corpus.name, documents }, null, 2))
  return dir
}

/** The desktop apps the tests' pages run in, until their page (window) closes. */
const launched = new Set<ElectronApplication>()
/** Desktop apps closing after their window closed. */
const closing = new Set<Promise<void>>()
const appOfPage = new WeakMap<Page, ElectronApplication>()

/** How long a desktop app may take to quit before it is killed (ms). */
const QUIT_MS = 10_000

/**
 * Ends a desktop app: asks it to quit, and kills it when it has not within QUIT_MS (after a failed
 * test it may be stuck; left running, its processes load the machine for every later test).
 */
async function endApp(electron: ElectronApplication): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), QUIT_MS)))
  const quit = electron.close().then(
    () => 'quit' as const,
    () => 'late' as const,
  )
  if ((await Promise.race([quit, late])) === 'late') electron.process().kill('SIGKILL')
  clearTimeout(timer)
}

/** The desktop app a page is the window of (null for a Chromium page). */
export function desktopApp(page: Page): ElectronApplication | null {
  return appOfPage.get(page) ?? null
}

/** A new page: a page of the test's Chromium, or the window of a new launch of the desktop app. */
async function newPage(app: TestApp, colorScheme: 'light' | 'dark', watch: (page: Page) => void | Promise<void>): Promise<Page> {
  const viewport = { width: 1280, height: 800 }
  if (app.browser) {
    const page = await app.browser.newPage({ viewport, colorScheme, acceptDownloads: true })
    await watch(page)
    await page.goto(app.url())
    return page
  }
  const electron = await launchElectron({
    project: app.service.project.dir,
    userData: join(app.dir, `electron-${launched.size}-${Date.now()}`),
  })
  launched.add(electron)
  const page = await electron.firstWindow()
  appOfPage.set(page, electron)
  await watch(page)
  // Closing the window quits the app (window-all-closed), as closing a page ends a browser's.
  page.on('close', () => {
    launched.delete(electron)
    const closed = endApp(electron).finally(() => closing.delete(closed))
    closing.add(closed)
  })
  await page.setViewportSize(viewport)
  await page.emulateMedia({ colorScheme })
  return page
}

/**
 * Opens the app in a new page (1280×800; in Electron, a window of a new launch) and waits for
 * `ready` (by default: the analysis is done, its shared passages listed and the panes opened on
 * what they show first, so nothing repaints the panes under the test's hands); collects
 * page errors and console errors, which a test expects to stay empty. `beforeLoad` runs before
 * the page loads, in a browser only (page.route holds the web host's API calls; the desktop
 * app's go over IPC).
 */
export async function openPage(
  app: TestApp,
  options: { colorScheme?: 'light' | 'dark'; ready?: string; beforeLoad?: (page: Page) => Promise<unknown> } = {},
): Promise<{ page: Page; errors: string[] }> {
  const errors: string[] = []
  const page = await newPage(app, options.colorScheme ?? 'light', async (page) => {
    page.on('pageerror', (e) => errors.push(e.message))
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text())
    })
    // What a test sets up before the page loads (routes), in a browser: the desktop app's window
    // has loaded already.
    if (app.browser) await options.beforeLoad?.(page)
  })
  try {
    await page
      .locator(options.ready ?? '.overlap-item')
      .first()
      .waitFor({ timeout: 30_000 })
    // By default, also until the app has opened its panes on what they show first: the first pair
    // loads after the passages are listed, and a test that read the panes before read documents
    // about to change (a red CI run of colours.test.ts).
    if (!options.ready) await page.locator('.panes[aria-busy="false"]').waitFor({ timeout: 30_000 })
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
 * carries it, after which ProseMirror's own listener has run, and a frame). With `unheard`, the
 * page's selectionchange events are held back from the editor (and every other listener) until
 * the page calls `window.releaseSelection()`, and it returns at once: what happens when a redraw
 * lands between a selection and its event.
 */
export async function selectText(page: Page, phrase: string, options: { unheard?: boolean } = {}): Promise<void> {
  await page.evaluate(
    ({ phrase, unheard }) => {
      const root = document.querySelector('.pane.active .reader-text') as HTMLElement
      root.focus({ preventScroll: unheard })
      if (unheard) {
        const hold = (event: Event) => event.stopImmediatePropagation()
        window.addEventListener('selectionchange', hold, { capture: true })
        ;(window as { releaseSelection?: () => void }).releaseSelection = () =>
          window.removeEventListener('selectionchange', hold, { capture: true })
      }
      const taken = unheard
        ? Promise.resolve()
        : new Promise<void>((resolve, reject) => {
            const listener = () => {
              if (String(window.getSelection()) !== phrase) return
              document.removeEventListener('selectionchange', listener)
              clearTimeout(late)
              requestAnimationFrame(() => resolve())
            }
            // Bounded, so a selection the page lost fails here, saying so, not at the test's timeout.
            const late = setTimeout(() => {
              document.removeEventListener('selectionchange', listener)
              reject(new Error(`the reader did not keep the selection "${phrase}"; the page shows "${String(window.getSelection())}"`))
            }, 10_000)
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
    },
    { phrase, unheard: options.unheard ?? false },
  )
}

/** A file the page saved: its name and bytes. */
export interface SavedFile {
  name: string
  bytes: Buffer
}

/**
 * Runs `action` (a click that makes the page save a file, as the export dialog does) and returns
 * the file. In Chromium the file is the browser's download. Electron would ask where to save in a
 * native dialog, which nobody answers in a test: the app's session is told where to save instead
 * (Electron's `will-download`, as an app that saves without asking does), in a folder of the test's,
 * and the file is read once Electron reports it complete.
 */
export async function savedFile(page: Page, action: () => Promise<unknown>): Promise<SavedFile> {
  const electron = desktopApp(page)
  if (!electron) {
    const [download] = await Promise.all([page.waitForEvent('download'), action()])
    return { name: download.suggestedFilename(), bytes: await readFile(await download.path()) }
  }
  const folder = await mkdtemp(join(tmpdir(), 'parallax-saved-'))
  try {
    await electron.evaluate(({ session }, folder) => {
      const state: { path?: string; failed?: string } = {}
      ;(globalThis as { parallaxSaved?: typeof state }).parallaxSaved = state
      session.defaultSession.once('will-download', (_event, item) => {
        const path = `${folder}/${item.getFilename()}`
        item.setSavePath(path)
        item.once('done', (_done, result) => {
          if (result === 'completed') state.path = path
          else state.failed = result
        })
      })
    }, folder)
    await action()
    let saved: { path?: string; failed?: string } = {}
    await expect
      .poll(async () => {
        saved = await electron.evaluate(() => ({ ...(globalThis as { parallaxSaved?: { path?: string; failed?: string } }).parallaxSaved }))
        return Boolean(saved.path || saved.failed)
      })
      .toBe(true)
    if (!saved.path) throw new Error(`Electron did not save the file: ${saved.failed}`)
    return { name: basename(saved.path), bytes: await readFile(saved.path) }
  } finally {
    await rm(folder, { recursive: true, force: true })
  }
}

/**
 * Waits until nothing moves any more: `measure` (the panes' places, their scroll positions) gives
 * the same two animation frames apart.
 */
export async function steady(page: Page, measure: () => Promise<unknown>): Promise<void> {
  await expect
    .poll(async () => {
      const a = await measure()
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))
      return JSON.stringify(a) === JSON.stringify(await measure())
    })
    .toBe(true)
}
