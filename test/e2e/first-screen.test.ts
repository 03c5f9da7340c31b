import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { firstPair } from '../../renderer/compare/first-screen.js'
import { SHOTS } from './browser.js'
import { openPage, startApp, type TestApp } from './harness.js'

// The first screen: the two documents that share the most, their top passage selected and in
// view; the bundled corpus's site boilerplate already left out; "Suggest boilerplate" for every
// document at once, reviewed, excluded in one step and undone in one.

let app: TestApp
beforeEach(async () => {
  app = await startApp()
})
afterEach(() => app?.close())

describe('first screen', () => {
  it('opens on the pair sharing the most with its top overlap selected and in view', async () => {
    const { page, errors } = await openPage(app, { ready: '.pane .overlap.selected' })
    const { documents } = await app.service.getProject()
    const view = await app.service.analyseOverlaps({})
    const expected = firstPair(
      documents.map((d) => d.id),
      view.overlaps,
    )!
    // Not simply the first two documents of the list (they share nothing the reader would see first).
    expect(expected.docs).not.toEqual(documents.slice(0, 2).map((d) => d.id))
    await expect
      .poll(() => page.locator('.pane .reader[data-doc]').evaluateAll((rs) => rs.map((r) => r.getAttribute('data-doc'))))
      .toEqual(expected.docs)
    await expect.poll(() => page.locator('.pane .overlap.selected').first().getAttribute('data-overlap')).toBe(expected.overlap)
    // The selected passage is on screen in both panes.
    for (const docId of expected.docs) {
      const visible = () =>
        page.evaluate((docId) => {
          const mark = document.querySelector(`.pane .reader[data-doc="${docId}"] .overlap.selected`)!
          const body = mark.closest('.reader-body')!.getBoundingClientRect()
          const r = mark.getBoundingClientRect()
          return r.top < body.bottom && r.bottom > body.top
        }, docId)
      await expect.poll(visible).toBe(true)
    }
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme })
      for (const [width, height] of [
        [1024, 700],
        [1440, 900],
      ]) {
        await page.setViewportSize({ width, height })
        await page.screenshot({ path: join(SHOTS, `first-screen-${colorScheme}-${width}.png`) })
      }
    }
    expect(errors).toEqual([])
  })

  it('starts with the corpus boilerplate excluded; suggests it for all documents at once, excludes in one step, undoes in one', async () => {
    const yang = 'yang-yundong-nqpf-high-quality-development'
    const shi = 'shi-jianxun-strategic-significance'
    const excluded = async (id: string) => (await app.service.getProject()).documents.find((d) => d.id === id)?.excluded ?? []
    expect(await excluded(yang)).not.toEqual([])
    const before = { yang: await excluded(yang), shi: await excluded(shi) }
    // A reader who included it all again in two documents.
    await app.service.setExcludedRanges({ id: yang, ranges: [] })
    await app.service.setExcludedRanges({ id: shi, ranges: [] })

    const { page, errors } = await openPage(app)
    await page.locator('.doc-details .suggest-all').click()
    const items = page.locator('.review-boilerplate li:not(.review-doc)')
    await expect.poll(() => items.count()).toBe(before.yang.length + before.shi.length)
    await expect.poll(() => page.locator('.review-boilerplate').textContent()).toMatch(/Leave a Reply|Keywords/)
    const button = page.locator('.exclude-checked')
    expect(await button.textContent()).toBe(`Exclude ${before.yang.length + before.shi.length} checked`)
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme })
      for (const [width, height] of [
        [1024, 700],
        [1440, 900],
      ]) {
        await page.setViewportSize({ width, height })
        await page.locator('.review-boilerplate').scrollIntoViewIfNeeded()
        await page.screenshot({ path: join(SHOTS, `boilerplate-all-${colorScheme}-${width}.png`) })
      }
    }
    // One unchecked: the others are excluded in one change.
    await items.first().locator('input[type=checkbox]').uncheck()
    expect(await button.textContent()).toBe(`Exclude ${before.yang.length + before.shi.length - 1} checked`)
    await button.click()
    await expect
      .poll(async () => (await excluded(yang)).length + (await excluded(shi)).length)
      .toBe(before.yang.length + before.shi.length - 1)
    await expect.poll(() => page.locator('.review-boilerplate').count()).toBe(0)
    // Undone in one step.
    await page.getByRole('button', { name: 'Undo', exact: true }).click()
    await expect.poll(async () => (await excluded(yang)).length + (await excluded(shi)).length).toBe(0)
    expect(errors).toEqual([])
  })
})
