import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pasture, RESTATED } from '../past-paraphrase-bound.js'
import { SCREENS, SHOTS } from './browser.js'
import { openPage, startApp, type TestApp } from './harness.js'

// A project larger than the engine searches for paraphrases by default (PARAPHRASE_MAX_WORDS):
// the overlap list says the search did not run, and "Look for paraphrases" finds them (asked,
// then cancelled, it is offered again). Two short texts restate one sentence; a third, a sentence
// repeated, takes the project past the bound (past-paraphrase-bound.ts).

let app: TestApp
beforeAll(async () => {
  app = await startApp({
    corpus: {
      name: 'Line ends',
      texts: { ...RESTATED, pasture: pasture() },
    },
  })
}, 120_000)
afterAll(() => app?.close())

describe('a project past the words searched for paraphrases by default', () => {
  it('says the search did not run, and finds them when asked', async () => {
    const { overlaps, stats } = await app.service.analyseOverlaps({})
    expect({ overlaps: overlaps.length, searched: stats.paraphraseSearch }).toEqual({ overlaps: 0, searched: false })

    // Seen at each window size and colour scheme; asked in the last (light, 1440×900): once asked,
    // the services keep to it in the project's next analyses (a page opened after would find them
    // at once).
    const asked = SCREENS[0]
    for (const screen of [...SCREENS.slice(1), asked]) {
      const [width, height, colorScheme] = screen
      const { page, errors } = await openPage(app, { colorScheme, ready: '.paraphrase-note:not([hidden])' })
      await page.setViewportSize({ width, height })
      const note = page.locator('.paraphrase-note')
      expect(await note.textContent()).toMatch(
        /^Paraphrase search not run: 1,000,\d{3} words, more than the 1,000,000 searched by default\. Look for paraphrases$/,
      )
      expect(await page.locator('.overlap-item').count()).toBe(0)
      await page.screenshot({ path: join(SHOTS, `paraphrases-not-searched-${width}-${colorScheme}.png`) })
      if (screen === asked) {
        // Asked, then cancelled: offered again.
        const ask = note.locator('button.ask-paraphrases')
        await ask.click()
        expect(await ask.textContent()).toBe('Looking for paraphrases…')
        await page.locator('.analysis-bar button', { hasText: 'Cancel' }).click()
        await expect.poll(() => ask.textContent()).toBe('Look for paraphrases')
        expect(await page.locator('.analysis-label').textContent()).toBe('Analysis cancelled.')
        await note.getByRole('button', { name: 'Look for paraphrases' }).click()
        const found = page.locator('.overlap-item.kind-paraphrase')
        await found.first().waitFor({ timeout: 60_000 })
        expect(await found.count()).toBe(1)
        expect(await note.isHidden()).toBe(true)
        await page.screenshot({ path: join(SHOTS, `paraphrases-searched-when-asked-${width}-${colorScheme}.png`) })
      }
      expect(errors).toEqual([])
      await page.close()
    }
  }, 180_000)
})
