import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SCREENS, SHOTS } from './browser.js'
import { openPage, startApp, type TestApp } from './harness.js'

// The Definitions view in Chromium through the web host: the facet × author matrix of the key
// term is there when the view opens, without pressing anything; a facet chosen there lines the
// compare panes up on its members with a connector; the definitions are a layer of their own in
// the panes; a facet's members are tagged with the active tag in one undoable step.

let app: TestApp
beforeAll(async () => {
  app = await startApp()
})
afterAll(() => app?.close())

/** Opens the Definitions view and waits for the matrix. */
async function openDefinitions(page: Page): Promise<void> {
  await page.locator('#tab-definitions').click()
  await expect.poll(() => page.locator('.facet-matrix tbody tr').count(), { timeout: 30_000 }).toBeGreaterThan(3)
  // The view stays the reader's while the app opens its first pair of documents on its own.
  await expect.poll(() => page.locator('#view-definitions').isVisible()).toBe(true)
}

/** Top of the first element matching `selector` in each of the first two panes (null where there is none). */
function topsIn(page: Page, selector: string): Promise<(number | null)[]> {
  return page.evaluate(
    (selector) =>
      [...document.querySelectorAll('.pane')].slice(0, 2).map((p) => p.querySelector(selector)?.getBoundingClientRect().top ?? null),
    selector,
  )
}

describe('the Definitions view', () => {
  it('shows the facet matrix of the key term on load', async () => {
    for (const [colorScheme, width, height] of [
      ['light', 1024, 700],
      ['dark', 1024, 700],
      ['light', 1440, 900],
      ['dark', 1440, 900],
    ] as const) {
      const { page, errors } = await openPage(app, { colorScheme })
      await page.setViewportSize({ width, height })
      await openDefinitions(page)
      // Five authors as columns; an author who leaves an element out has "—".
      expect(await page.locator('.facet-matrix thead th').count()).toBe(6)
      expect(await page.locator('.facet-matrix .facet-missing').count()).toBeGreaterThan(0)
      expect(await page.locator('.facet-matrix .definition-quoting', { hasText: 'quoting Xi Jinping' }).count()).toBeGreaterThan(0)
      await expect.poll(() => page.locator('.definitions .hint').first().textContent()).toMatch(/\d+ definitions in 5 documents/)
      // Word variants against each facet's first member, who used it when, the shared quotation.
      expect(await page.locator('.facet-matrix .facet-member ins').count()).toBeGreaterThan(0)
      expect(await page.locator('.facet-matrix .facet-timeline').first().textContent()).toMatch(/\d{4}-\d{2}-\d{2} → /)
      expect(await page.locator('.facet-matrix .facet-timeline strong').count()).toBeGreaterThan(0)
      expect(await page.locator('.shared-quotation', { hasText: 'Xi Jinping' }).locator('.facet-member').count()).toBe(2)
      await page.screenshot({ path: join(SHOTS, `definitions-matrix-${colorScheme}-${width}.png`) })
      // Rows named by the element and its role; a coordinated series is one row, named by the series.
      expect(await page.locator('.facet-matrix .facet-select').first().textContent()).toBe('innovation as driver')
      const series = page.locator('.facet-matrix .facet-select', { hasText: /^workers, means of labor, subjects of labor/ })
      expect(await series.count()).toBe(1)
      await series.scrollIntoViewIfNeeded()
      await page.screenshot({ path: join(SHOTS, `definitions-series-${colorScheme}-${width}.png`) })
      expect(errors).toEqual([])
      await page.close()
    }
  })

  it("marks each element's words against the wording of the cell marked first", async () => {
    // A tester: Light Blade's cell in "innovation as driver" was marked first (2024-03-09), yet the
    // words underlined elsewhere said `the first has "In general terms, …"`, Shi Jianxun's wording.
    const { page, errors } = await openPage(app)
    await page.setViewportSize({ width: 1440, height: 900 })
    await openDefinitions(page)
    const rows = await page.locator('.facet-matrix tbody tr').evaluateAll((trs) =>
      trs.map((tr) => {
        const heads = [...tr.closest('table')!.querySelectorAll('thead th')].map((th) => th.firstChild?.textContent ?? '')
        const cells = [...tr.querySelectorAll('td')]
        const firsts = cells.flatMap((td, k) => (td.querySelector('.facet-first') ? [heads[k + 1]] : []))
        return {
          label: tr.querySelector('.facet-select')?.textContent ?? '',
          firsts,
          // The first cell marked first, in date order, is the one the others are compared with: plain.
          firstMarked: cells.find((td) => td.querySelector('.facet-first'))?.querySelectorAll('ins').length ?? null,
          titles: [...tr.querySelectorAll('ins')].map((ins) => ins.getAttribute('title') ?? ''),
        }
      }),
    )
    const driver = rows.find((r) => r.label === 'innovation as driver')!
    expect(driver.firsts).toEqual(['Light Blade'])
    expect(driver.titles.length).toBeGreaterThan(0)
    expect(driver.titles.join('\n')).not.toContain('In general terms')
    for (const row of rows) {
      if (row.firsts.length === 0) continue
      expect(row.firstMarked, row.label).toBe(0)
      for (const title of row.titles)
        expect(title, row.label).toMatch(new RegExp(`^(the first, ${row.firsts[0]}, has “|not in the first, ${row.firsts[0]}$)`))
    }
    const cell = page.locator('.facet-matrix tbody tr', { has: page.locator('.facet-select', { hasText: /^innovation as driver$/ }) })
    for (const [width, height, colorScheme] of SCREENS) {
      await page.emulateMedia({ colorScheme })
      await page.setViewportSize({ width, height })
      await cell.locator('ins').first().hover()
      await page.screenshot({ path: join(SHOTS, `definitions-first-${colorScheme}-${width}.png`) })
    }
    expect(errors).toEqual([])
    await page.close()
  })

  it('lines two panes up on a facet with a connector, and marks the definitions in the panes', async () => {
    for (const [colorScheme, width, height] of [
      ['light', 1024, 700],
      ['dark', 1024, 700],
      ['light', 1440, 900],
      ['dark', 1440, 900],
    ] as const) {
      const { page, errors } = await openPage(app, { colorScheme })
      await page.setViewportSize({ width, height })
      await openDefinitions(page)
      // The first facet shared by the documents of the first two panes' kind: the first row
      // with members in two documents at least (every facet has).
      const row = page.locator('.facet-matrix tbody tr').first()
      await row.locator('.facet-select').click()
      // Back in the compare view, both panes show a member, lined up, joined by a connector.
      await expect.poll(() => page.locator('#view-read').isVisible()).toBe(true)
      await expect.poll(async () => (await topsIn(page, '.definition-selected')).every((t) => t !== null)).toBe(true)
      await expect
        .poll(async () => {
          const [a, b] = await topsIn(page, '.definition-selected')
          return Math.abs(a! - b!)
        })
        .toBeLessThan(40)
      await expect
        .poll(() => page.locator('svg.connectors path.connector.kind-definition[data-selection="facet:0"]').count())
        .toBeGreaterThan(0)
      // The definitions are a layer of their own: marked in both panes, apart from the overlaps.
      const marks = await page.evaluate(() =>
        [...document.querySelectorAll('.pane')].slice(0, 2).map((p) => p.querySelectorAll('.definition-mark').length),
      )
      expect(marks.every((n) => n > 0)).toBe(true)
      expect(await page.locator('.pane .heat-definition').count()).toBeGreaterThan(1)
      expect(await page.locator('.legend-entry.kind-definition').textContent()).toBe('definition')
      await page.screenshot({ path: join(SHOTS, `definitions-panes-${colorScheme}-${width}.png`) })
      // The toggle hides the layer, and is remembered.
      await page.locator('.definitions-toggle').uncheck()
      await expect.poll(() => page.locator('.pane .definition-mark').count()).toBe(0)
      expect(await page.locator('.pane .heat-definition').count()).toBe(0)
      await page.goto(app.url())
      await page.locator('.overlap-item').first().waitFor({ timeout: 30_000 })
      expect(await page.locator('.definitions-toggle').isChecked()).toBe(false)
      await page.locator('.definitions-toggle').check()
      expect(errors).toEqual([])
      await page.close()
    }
  })

  it('tags all members of a facet with the active tag, undone in one step', async () => {
    const tag = (await app.service.createTag({ name: 'Facet' })).tag
    const count = async () => {
      const project = await app.service.getProject()
      let n = 0
      for (const d of project.documents) n += (await app.service.listAnnotationSpans({ docId: d.id })).spans.length
      return n
    }
    const { page, errors } = await openPage(app)
    await page.locator('#side-tab-codebook').click()
    await page.locator(`.tag-row[data-tag="${tag.id}"] .set-active`).click()
    await openDefinitions(page)
    const result = await page.evaluate(
      () => document.querySelectorAll('.facet-matrix tbody tr')[0].querySelectorAll('.facet-member').length,
    )
    const before = await count()
    await page.locator('.facet-matrix tbody tr').first().locator('.tag-facet').click()
    await expect.poll(() => page.locator('.status').textContent(), { timeout: 30_000 }).toContain('saved')
    // Counted by the test's services (in Electron they learn of the app's writes from the folder).
    await expect.poll(count, { timeout: 30_000 }).toBe(before + result)
    await page.locator('button.history', { hasText: 'Undo' }).click()
    await expect.poll(count, { timeout: 30_000 }).toBe(before)
    // One definition.
    await page.locator('.definition-card .tag-definition').first().click()
    await expect.poll(count, { timeout: 30_000 }).toBe(before + 1)
    expect(errors).toEqual([])
    await page.close()
  })
})
