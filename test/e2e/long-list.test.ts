import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { LIST_PAGE } from '../../renderer/compare/overlap-list.js'
import { filler, wordMaker } from '../made-up-text.js'
import { SHOTS } from './browser.js'
import { openPage, startApp, type TestApp } from './harness.js'

// A list of more overlaps than it draws at once (renderer/compare/overlap-list.ts LIST_PAGE): all
// 2,000 cards of 900 Debian copyright files took about a second to draw at every key pressed in
// the filter. Sixteen documents, each pair of them sharing a paragraph of its own: 120
// overlaps. The list draws the first LIST_PAGE, the next as it is scrolled to its end, and one
// stepped to past them.

const DOCUMENTS = 16
const names = Array.from({ length: DOCUMENTS }, (_, i) => `doc-${String(i).padStart(2, '0')}`)
const parts: Record<string, string[]> = Object.fromEntries(names.map((n, i) => [n, [filler(wordMaker(7000 + i), 2)]]))
let seed = 1
for (let i = 0; i < DOCUMENTS; i++)
  for (let j = i + 1; j < DOCUMENTS; j++) {
    const shared = filler(wordMaker(seed++), 2)
    parts[names[i]].push(shared, filler(wordMaker(90_000 + seed), 1))
    parts[names[j]].push(shared, filler(wordMaker(95_000 + seed), 1))
  }
const texts = Object.fromEntries(names.map((n) => [n, parts[n].join('\n\n') + '\n']))
/** Each of the 120 pairs of documents shares a paragraph. */
const OVERLAPS = (DOCUMENTS * (DOCUMENTS - 1)) / 2

let app: TestApp
beforeAll(async () => {
  app = await startApp({ corpus: { name: 'Sixteen documents, 120 shared paragraphs', texts } })
}, 120_000)
afterAll(() => app?.close())

describe('a list of more overlaps than it draws at once', () => {
  it('draws the first of them, the next as it is scrolled to its end, and one stepped to past them', async () => {
    const { overlaps } = await app.service.analyseOverlaps({})
    expect(overlaps).toHaveLength(OVERLAPS)
    const { page, errors } = await openPage(app)
    const items = page.locator('.overlap-item')
    await expect.poll(() => items.count(), { timeout: 90_000 }).toBe(LIST_PAGE)
    expect(await page.locator('.passages-summary').first().textContent()).toBe(`${OVERLAPS} of ${OVERLAPS} shared passages`)
    // Scrolled to its end: the rest.
    await page.locator('.overlap-scroll').evaluate((s) => (s.scrollTop = s.scrollHeight))
    await expect.poll(() => items.count()).toBe(OVERLAPS)
    expect(await page.locator('.overlap-list-more').isHidden()).toBe(true)
    // Each card says the list's length and its place in it, which the cards drawn do not.
    expect(await items.last().getAttribute('aria-setsize')).toBe(String(OVERLAPS))
    expect(await items.last().getAttribute('aria-posinset')).toBe(String(OVERLAPS))
    // A filter draws its first cards again (scrolled to the top, none drawn after a frame);
    // stepping to the last overlap draws it.
    await page.locator('.overlap-scroll').evaluate((s) => (s.scrollTop = 0))
    await page.locator('input[aria-label="Minimum score"]').fill('0.5')
    await page.locator('input[aria-label="Minimum score"]').fill('0')
    await expect.poll(() => items.count()).toBe(LIST_PAGE)
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 100))))
    expect(await items.count()).toBe(LIST_PAGE)
    expect(await items.first().getAttribute('aria-setsize')).toBe(String(OVERLAPS))
    await items.first().click()
    const list = page.locator('.overlap-list')
    for (let k = 0; k < LIST_PAGE + 5; k++) {
      await list.focus()
      await page.keyboard.press('ArrowDown')
      await expect.poll(() => page.locator('.overlap-item[aria-selected="true"]').getAttribute('data-overlap')).toBe(overlaps[k + 1].id)
    }
    const chosen = page.locator('.overlap-item[aria-selected="true"]')
    await expect.poll(() => chosen.getAttribute('data-overlap')).toBe(overlaps[LIST_PAGE + 5].id)
    expect(await chosen.isVisible()).toBe(true)
    await page.screenshot({ path: join(SHOTS, 'long-list-1440-light.png') })
    expect(errors).toEqual([])
    await page.close()
  })
})
