import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SCREENS, SHOTS } from './browser.js'
import { openPage, startApp, type TestApp } from './harness.js'

// The layout from a small laptop (1024×700) up: panes keep a minimum width and scroll sideways
// instead of running under the sidebars, "+ Pane" opens a document (and is disabled at the limit),
// the title bar's message is read whole, and two panes leave room to read.

let app: TestApp
beforeEach(async () => {
  app = await startApp()
})
afterEach(() => app?.close())

interface Box {
  left: number
  right: number
  top: number
  bottom: number
  width: number
  height: number
}
const box = (page: Page, selector: string) =>
  page.evaluate((s) => {
    const r = document.querySelector(s)!.getBoundingClientRect()
    return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width, height: r.height }
  }, selector)
const overlaps = (a: Box, b: Box) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5

describe('layout', () => {
  it('holds five panes at 1024×700: no pane under a sidebar, panes scroll sideways, + Pane disabled at the limit', async () => {
    const { page, errors } = await openPage(app)
    await page.setViewportSize({ width: 1024, height: 700 })
    for (let n = 3; n <= 5; n++) {
      await page.locator('.add-pane').click()
      await expect.poll(() => page.locator('.pane').count()).toBe(n)
    }
    // Each "+ Pane" opened a document, never the same one twice.
    await expect
      .poll(
        async () =>
          new Set(await page.locator('.pane .reader[data-doc]').evaluateAll((r) => r.map((e) => e.getAttribute('data-doc')))).size,
      )
      .toBe(5)
    expect(await page.locator('.add-pane').isDisabled()).toBe(true)
    expect(await page.locator('.add-pane').getAttribute('title')).toMatch(/^At most 5 panes/)

    // The panes' area sits between the sidebars; what does not fit scrolls sideways inside it.
    const area = await box(page, '.panes-area')
    const project = await box(page, '#project-sidebar')
    const side = await box(page, '#compare-side')
    expect(overlaps(area, project)).toBe(false)
    expect(overlaps(area, side)).toBe(false)
    const widths = await page.locator('.pane').evaluateAll((ps) => ps.map((p) => p.getBoundingClientRect().width))
    for (const w of widths) expect(w).toBeGreaterThanOrEqual(230) // 240 px tracks less the panes’ margins
    expect(await page.locator('.panes-area').evaluate((a) => a.scrollWidth > a.clientWidth)).toBe(true)
    // A pane's visible part is clipped to the area: nothing of it is drawn over the Overlaps panel.
    expect(await page.locator('.panes-area').evaluate((a) => getComputedStyle(a).overflowX)).toBe('auto')
    // The whole message is readable at 1024 wide, wrapped rather than cut ("At most 5 panes: close
    // one…", a tester), and the title bar grows no more than its lines need. (X with nothing
    // selected: a message as long.)
    await page.locator('.pane .reader-text').first().focus()
    await page.keyboard.press('x')
    const status = page.locator('.status')
    await expect.poll(() => status.textContent()).toBe('Select the text to leave out of the analysis first.')
    expect(await status.evaluate((p) => p.scrollHeight <= p.clientHeight + 1 && p.scrollWidth <= p.clientWidth + 1)).toBe(true)
    expect(await status.evaluate((p) => p.getBoundingClientRect().width)).toBeGreaterThan(150)
    const bar = await box(page, '.titlebar')
    expect(bar.height).toBeLessThan(80)
    await page.screenshot({ path: join(SHOTS, 'layout-five-panes-1024.png') })
    await page.emulateMedia({ colorScheme: 'dark' })
    await page.screenshot({ path: join(SHOTS, 'layout-five-panes-1024-dark.png') })
    await page.setViewportSize({ width: 1440, height: 900 })
    expect(await status.evaluate((p) => p.scrollHeight <= p.clientHeight + 1 && p.scrollWidth <= p.clientWidth + 1)).toBe(true)
    await page.screenshot({ path: join(SHOTS, 'layout-five-panes-1440-dark.png') })
    await page.emulateMedia({ colorScheme: 'light' })
    await page.screenshot({ path: join(SHOTS, 'layout-five-panes-1440.png') })
    await page.setViewportSize({ width: 1024, height: 700 })

    // Folding the sidebars gives the panes the width (and is remembered across a reload).
    await page.locator('.collapse-project').click()
    await page.locator('.collapse-overlaps').click()
    await expect.poll(async () => (await box(page, '.panes-area')).width).toBeGreaterThan(900)
    await page.screenshot({ path: join(SHOTS, 'layout-five-panes-1024-folded.png') })
    await page.goto(app.url())
    await page.locator('.pane').first().waitFor()
    expect(await page.locator('#project-sidebar').isHidden()).toBe(true)
    await page.locator('.collapse-project').click()
    await page.locator('.collapse-overlaps').click()
    expect(await page.locator('#project-sidebar').isVisible()).toBe(true)
    expect(errors).toEqual([])
    await page.close()
  })

  // A tester clicked the first pane's ←, the last pane's → and "+ Pane" at five panes: all enabled,
  // and nothing happened (or, for "+ Pane", an error said why only after the click).
  it('disables the pane buttons that would do nothing, their titles saying why', async () => {
    const { page, errors } = await openPage(app)
    /** Per pane, which of ←, →, × are disabled; and whether "+ Pane" is. */
    const disabled = () =>
      page.evaluate(() => ({
        panes: [...document.querySelectorAll('.pane')].map((p) =>
          ['Move pane left', 'Move pane right', 'Close pane'].map(
            (l) => p.querySelector<HTMLButtonElement>(`button[aria-label="${l}"]`)!.disabled,
          ),
        ),
        add: document.querySelector<HTMLButtonElement>('.add-pane')!.disabled,
      }))
    const title = (pane: number, label: string) =>
      page.locator('.pane').nth(pane).locator(`button[aria-label="${label}"]`).getAttribute('title')
    expect(await disabled()).toEqual({
      panes: [
        [true, false, true],
        [false, true, true],
      ],
      add: false,
    })
    expect(await title(0, 'Move pane left')).toBe('The first pane: there is no pane on its left to swap with')
    expect(await title(1, 'Move pane right')).toBe('The last pane: there is no pane on its right to swap with')
    expect(await title(0, 'Close pane')).toBe('At least 2 panes stay open: add one (+ Pane) to close this one')

    // The first pane moved right: the documents swap, and the focus, its → now disabled, is on its ←.
    const docs = () => page.locator('.pane .reader').evaluateAll((r) => r.map((e) => e.getAttribute('data-doc')))
    const before = await docs()
    await page.locator('.pane').nth(0).locator('button[aria-label="Move pane right"]').click()
    expect(await docs()).toEqual([...before].reverse())
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Move pane left')
    expect(
      await page
        .locator('.pane')
        .nth(1)
        .evaluate((p) => p.contains(document.activeElement)),
    ).toBe(true)

    for (let n = 3; n <= 5; n++) {
      await page.locator('.add-pane').click()
      await expect.poll(() => page.locator('.pane .reader[data-doc]').count()).toBe(n)
    }
    expect(await disabled()).toEqual({
      panes: [
        [true, false, false],
        [false, false, false],
        [false, false, false],
        [false, false, false],
        [false, true, false],
      ],
      add: true,
    })
    expect(await page.locator('.add-pane').getAttribute('title')).toBe('At most 5 panes: close one (×) to open another document')
    // Its focus moved on to the pane it added last, not left on a disabled button.
    expect(
      await page
        .locator('.pane')
        .nth(4)
        .evaluate((p) => p.contains(document.activeElement)),
    ).toBe(true)
    expect(await title(2, 'Close pane')).toBe('Close this pane')
    for (const [width, height, colorScheme] of SCREENS) {
      await page.emulateMedia({ colorScheme })
      await page.setViewportSize({ width, height })
      await page.screenshot({ path: join(SHOTS, `layout-five-panes-buttons-${width}-${colorScheme}.png`) })
    }
    expect(errors).toEqual([])
    await page.close()
  })

  it('after closing a pane, the document list and details show a document still open', async () => {
    const { page, errors } = await openPage(app)
    await page.locator('.add-pane').click()
    await expect.poll(() => page.locator('.pane .reader[data-doc]').count()).toBe(3)
    const third = await page.locator('.pane').nth(2).locator('.reader').getAttribute('data-doc')
    await page.locator('.pane').nth(2).locator('.reader-text').click()
    await expect.poll(() => page.locator('.doc-item[aria-selected="true"]').first().getAttribute('id')).toBe(`doc-${third}`)
    await page.locator('.pane').nth(2).locator('button[aria-label="Close pane"]').click()
    await expect.poll(() => page.locator('.pane').count()).toBe(2)
    const shown = await page.locator('.pane .reader').evaluateAll((r) => r.map((e) => `doc-${e.getAttribute('data-doc')}`))
    await expect.poll(() => page.locator('.doc-item[aria-selected="true"]').first().getAttribute('id')).not.toBe(`doc-${third}`)
    expect(shown).toContain(await page.locator('.doc-item[aria-selected="true"]').first().getAttribute('id'))
    expect(errors).toEqual([])
    await page.close()
  })

  it('leaves two panes at 1024×700 room to read: a title of two lines at most, a byline of one, the whole on hover', async () => {
    const { page, errors } = await openPage(app)
    await page.setViewportSize({ width: 1024, height: 700 })
    // Shi Jianxun's long title and byline in the first pane (four and two lines in a pane this
    // narrow: a tester read 250 px of text).
    const shi = 'shi-jianxun-strategic-significance'
    await page.locator('.pane-picker').first().selectOption(shi)
    const header = page.locator('.pane').first().locator('.reader-header')
    await expect.poll(() => header.locator('.reader-title').textContent()).toMatch(/^Strategic Significance/)
    const lines = (selector: string) =>
      header.locator(selector).evaluate((e) => Math.round(e.getBoundingClientRect().height / parseFloat(getComputedStyle(e).lineHeight)))
    expect(await lines('.reader-title')).toBe(2)
    expect(await lines('.reader-byline')).toBe(1)
    expect(await header.locator('.reader-title').getAttribute('title')).toBe(
      'Strategic Significance of Accelerating the Development of New Quality Productive Forces',
    )
    expect(await header.locator('.reader-byline').getAttribute('title')).toMatch(/^Shi Jianxun · /)
    const text = await page
      .locator('.pane')
      .first()
      .locator('.reader-body')
      .evaluate((b) => b.getBoundingClientRect().height)
    // The bars above the panes (the keys' hint on one line, the toolbar) leave it 350 px (a
    // tester read 310), and the side panel's tabs are one line.
    expect(text).toBeGreaterThan(350)
    expect(
      await page.locator('.read-top .hint').evaluate((h) => h.scrollHeight <= h.clientHeight + 1 && h.getBoundingClientRect().height < 30),
    ).toBe(true)
    expect(await page.locator('.read-top .hint').getAttribute('title')).toMatch(
      /^Select text, then press A to annotate.* step through shared passages/,
    )
    const tabs = await page
      .locator('.compare-side [role="tab"]')
      .evaluateAll((t) => t.map((e) => Math.round(e.getBoundingClientRect().top)))
    expect(new Set(tabs).size).toBe(1)
    await page.screenshot({ path: join(SHOTS, 'layout-two-panes-1024.png') })
    expect(errors).toEqual([])
    await page.close()
  })

  for (const [width, height] of [
    [1024, 700],
    [1440, 900],
  ])
    for (const scheme of ['light', 'dark'] as const)
      it(`screenshots at ${width}×${height}, ${scheme}`, async () => {
        await app.service.createTag({ name: 'Definition' })
        await app.service.createTag({ name: 'Innovation' })
        const { page, errors } = await openPage(app, { colorScheme: scheme })
        await page.setViewportSize({ width, height })
        await page.locator('.overlap-item').first().click()
        await page.locator('.pane .overlap.selected').first().waitFor()
        await page.screenshot({ path: join(SHOTS, `reading-${width}x${height}-${scheme}.png`) })
        expect(errors).toEqual([])
        await page.close()
      })
})
