import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startWebHost } from '../../main/node/host/web-host.js'
import { ROOT } from '../helpers.js'
import { SHOTS } from './browser.js'
import { openPage, startApp, type TestApp } from './harness.js'

// The web host's token in a real browser: the page takes it from its address once, cleans the
// address, keeps no cookie, and sends it as a header; what lacks it gets 403; a page whose host
// was restarted (a new token) says how to get a new address.

let app: TestApp
beforeAll(async () => {
  // The web host itself is under test: Chromium whichever shell the other tests use.
  app = await startApp({ shell: 'chromium' })
})
afterAll(() => app?.close())

/** What the page's origin answers to a request without the token header (status). */
const statusOf = (path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) =>
  `(async () => (await fetch(${JSON.stringify(path)}, ${JSON.stringify(init)})).status)()`

describe('the web host token', () => {
  it('is kept by the page, not by a cookie or the address; old pages say how to get a new address', async () => {
    const pages = []
    for (const colorScheme of ['light', 'dark'] as const) pages.push(await openPage(app, { colorScheme, ready: '.pane .reader-text p' }))
    const { page } = pages[0]

    // The address is cleaned and the history entry replaced: no token in either.
    expect(page.url()).toBe(`http://127.0.0.1:${app.host!.port}/`)
    expect(await page.evaluate(() => location.href + history.length)).not.toContain('token')
    // No cookie at all in the browser's jar.
    expect(await page.context().cookies()).toEqual([])
    // The page works (it read the project and a document over the API)…
    expect(await page.locator('.doc-list li, [id^="doc-"]').count()).toBeGreaterThan(0)
    // …and the same requests without the header are refused, as is the token in an address.
    const json = { 'Content-Type': 'application/json' }
    expect(await page.evaluate(statusOf('/api/getProject', { method: 'POST', headers: json, body: '{}' }))).toBe(403)
    expect(await page.evaluate(statusOf(`/api/getProject?token=${app.host!.token}`, { method: 'POST', headers: json, body: '{}' }))).toBe(
      403,
    )
    expect(await page.evaluate(statusOf('/api/events'))).toBe(403)
    expect(await page.evaluate(statusOf('/'))).toBe(403)
    expect(
      await page.evaluate(
        statusOf('/api/getProject', { method: 'POST', headers: { ...json, 'X-Parallax-Token': app.host!.token }, body: '{}' }),
      ),
    ).toBe(200)

    // The host restarts on the same port with a new token: the open pages say what to do.
    const port = app.host!.port
    await app.host!.close()
    app.host = await startWebHost({ service: app.service, rendererDir: join(ROOT, 'dist', 'renderer'), port })
    for (const [k, { page, errors }] of pages.entries()) {
      const notice = page.locator('.host-lost[role="alert"]')
      await notice.waitFor()
      // Refused (expired) or unanswered (stopped), whichever the page saw first: both say how to get a working address.
      expect(await notice.textContent()).toMatch(
        /^(This Parallax page has expired|Parallax is no longer running): run npm run web again and open the address it prints/,
      )
      expect(await page.locator('#app').evaluate((e) => (e as HTMLElement).inert)).toBe(true)
      for (const [width, height] of [
        [1024, 700],
        [1440, 900],
      ]) {
        await page.setViewportSize({ width, height })
        await page.screenshot({ path: join(SHOTS, `web-expired-${width}-${k === 0 ? 'light' : 'dark'}.png`) })
      }
      // The refused requests are the page's expected console errors (403 and the aborted stream).
      expect(errors.filter((e) => !/403|Forbidden|Failed to load resource/i.test(e))).toEqual([])
      await page.close()
    }

    // A new tab on the old address (or a reload, which has no token) gets a page saying the same.
    const stale = await app.browser!.newPage()
    const response = await stale.goto(`http://127.0.0.1:${port}/`)
    expect(response?.status()).toBe(403)
    expect(await stale.locator('body').textContent()).toContain('run npm run web again and open the address it prints')
    await stale.close()
  })
})
