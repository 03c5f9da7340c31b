import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SHOTS } from './browser.js'
import { openPage, startApp, type TestApp } from './harness.js'

// The Definitions view in Chromium through the web host: the facet × author matrix of the key
// term is there when the view opens, without pressing anything.

let app: TestApp
beforeAll(async () => {
  app = await startApp()
})
afterAll(() => app?.close())

describe('the Definitions view', () => {
  it('shows the facet matrix of the key term on load, and opens a member in its pane', async () => {
    for (const [colorScheme, width, height] of [
      ['light', 1024, 700],
      ['dark', 1440, 900],
    ] as const) {
      const { page, errors } = await openPage(app, { colorScheme })
      await page.setViewportSize({ width, height })
      await page.locator('#tab-definitions').click()
      await expect.poll(() => page.locator('.facet-matrix tbody tr').count(), { timeout: 20_000 }).toBeGreaterThan(3)
      // Five authors as columns; an author who leaves an element out has "—".
      expect(await page.locator('.facet-matrix thead th').count()).toBe(6)
      expect(await page.locator('.facet-matrix .facet-missing').count()).toBeGreaterThan(0)
      expect(await page.locator('.facet-matrix .definition-quoting', { hasText: 'quoting Xi Jinping' }).count()).toBeGreaterThan(0)
      await expect.poll(() => page.locator('.definitions .hint').first().textContent()).toMatch(/\d+ definitions in 5 documents/)
      await page.screenshot({ path: join(SHOTS, `definitions-matrix-${colorScheme}-${width}.png`) })
      await page.locator('.facet-member').first().click()
      await expect.poll(() => page.evaluate(() => String(window.getSelection()).length)).toBeGreaterThan(5)
      expect(errors).toEqual([])
      await page.close()
    }
  })
})
