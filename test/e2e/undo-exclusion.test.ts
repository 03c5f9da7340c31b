import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SHOTS } from './browser.js'
import { openDocument, openPage, selectText, startApp, type TestApp } from './harness.js'

// Undo and Redo of an exclusion in Chromium: the shared passages are found again. A tester left a
// verbatim passage out of the analysis (X), pressed Ctrl+Z, and the exclusion left the sidebar
// while the list still counted one passage fewer and the passage's highlights stayed gone.

const DOC = 'china-briefing-nqpf-explainer'
const PHRASE = 'the development of strategic emerging industries and future industries'

let app: TestApp
beforeAll(async () => {
  app = await startApp()
}, 120_000)
afterAll(() => app?.close())

describe('undoing an exclusion', () => {
  it('analyses again on Undo and on Redo: the list, its count and the panes follow', async () => {
    const { page, errors } = await openPage(app)
    const all = (await app.service.analyseOverlaps({})).overlaps
    const shared = all.find((o) => o.kind === 'verbatim' && o.passages.some((p) => p.doc === DOC && p.text.includes(PHRASE)))!
    expect(shared).toBeDefined()
    const listed = () => page.locator(`.overlap-list [data-overlap="${shared.id}"]`).count()
    const marked = () => page.locator(`.pane .reader[data-doc="${DOC}"] .overlap[data-overlap="${shared.id}"]`).count()
    const counted = () => page.locator('.analysis-label').textContent()
    await expect.poll(listed).toBe(1)

    await openDocument(page, DOC)
    await expect.poll(marked).toBeGreaterThan(0)
    await selectText(page, PHRASE)
    await page.keyboard.press('x')
    await expect.poll(listed).toBe(0)
    await expect.poll(counted).toMatch(new RegExp(`^${all.length - 1} shared passages`))
    await expect.poll(marked).toBe(0)

    await page.locator('body').press('Control+z')
    await expect.poll(async () => (await app.service.getDocument({ id: DOC })).document.excluded?.length).toBe(1)
    await expect.poll(listed).toBe(1)
    await expect.poll(counted).toMatch(new RegExp(`^${all.length} shared passages`))
    await expect.poll(marked).toBeGreaterThan(0)
    await page.screenshot({ path: join(SHOTS, 'undo-exclusion.png') })

    await page.locator('body').press('Control+Shift+z')
    await expect.poll(listed).toBe(0)
    await expect.poll(counted).toMatch(new RegExp(`^${all.length - 1} shared passages`))
    await expect.poll(marked).toBe(0)
    expect(errors).toEqual([])
    await page.close()
  })
})
