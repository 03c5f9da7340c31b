import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SCREENS, SHOTS } from './browser.js'
import { openPage, startApp, type TestApp } from './harness.js'

// The compare view in Chromium through the web host, with the engine in its worker thread.

let app: TestApp
beforeAll(async () => {
  app = await startApp()
})
afterAll(() => app?.close())

const openApp = () => openPage(app, { ready: '.overlap-item' })

/** Whether an element's box lies within the visible part of its pane's scroller. */
function inView(page: Page, selector: string, pane: number): Promise<boolean> {
  return page.evaluate(
    ({ selector, pane }) => {
      const p = document.querySelectorAll('.pane')[pane]
      const body = p.querySelector('.reader-body')!.getBoundingClientRect()
      const node = p.querySelector(selector)
      if (!node) return false
      const r = node.getBoundingClientRect()
      return r.top >= body.top - 1 && r.top <= body.bottom
    },
    { selector, pane },
  )
}

describe('the compare view', () => {
  it('aligns and links the passages of the top overlap in two panes', async () => {
    const { page, errors } = await openApp()
    const top = page.locator('.overlap-item').first()
    const id = (await top.getAttribute('data-overlap'))!
    await top.click()
    // Both panes show one of its documents, with its passage highlighted and in view.
    await expect.poll(() => page.locator(`.pane .overlap.selected[data-overlap="${id}"]`).count()).toBeGreaterThan(1)
    const panesWithIt = await page.evaluate(
      (id) => [...document.querySelectorAll('.pane')].map((p) => !!p.querySelector(`.overlap.selected[data-overlap="${id}"]`)),
      id,
    )
    expect(panesWithIt.slice(0, 2)).toEqual([true, true])
    await expect.poll(() => inView(page, `.overlap.selected[data-overlap="${id}"]`, 0)).toBe(true)
    await expect.poll(() => inView(page, `.overlap.selected[data-overlap="${id}"]`, 1)).toBe(true)
    // Lined up: the passages start at about the same height in both panes.
    const tops = await page.evaluate(
      (id) =>
        [...document.querySelectorAll('.pane')]
          .slice(0, 2)
          .map((p) => p.querySelector(`.overlap.selected[data-overlap="${id}"]`)!.getBoundingClientRect().top),
      id,
    )
    expect(Math.abs(tops[0] - tops[1])).toBeLessThan(40)
    // A connector joins them.
    await expect.poll(() => page.locator(`svg.connectors path[data-overlap="${id}"]`).count()).toBe(1)
    await page.screenshot({ path: join(SHOTS, 'compare-top-overlap.png') })
    expect(errors).toEqual([])
    await page.close()
  })

  it('shows the word differences of a near-verbatim overlap', async () => {
    const { page, errors } = await openApp()
    await page.locator('select[aria-label="Kind"]').selectOption('variant')
    await page.locator('.overlap-item').first().click()
    await page.locator('#compare-tab-variants').click()
    await expect.poll(() => page.locator('.variants .diff del, .variants .diff ins').count()).toBeGreaterThan(0)
    // The same differences are marked in the panes.
    expect(await page.locator('.pane .variant-change').count()).toBeGreaterThan(0)
    // A word replaced by another reads as two words ("freed free"), never one ("freedfree").
    const replaced = await page
      .locator('.variants .diff del')
      .evaluateAll((dels) => dels.filter((d) => d.nextElementSibling?.tagName === 'INS').map((d) => d.nextSibling?.textContent))
    expect(replaced.length).toBeGreaterThan(0)
    for (const between of replaced) expect(between).toBe(' ')
    // Read without its insertions, the diff is the first passage as written, punctuation and all
    // ("high-tech, high efficiency", not "high tech high efficiency"), as a pane shows it.
    const [diff, inPanes] = await page.evaluate(() => {
      const p = document.querySelector('.variants .diff')!.cloneNode(true) as HTMLElement
      for (const ins of p.querySelectorAll('ins')) {
        if (ins.previousElementSibling?.tagName === 'DEL') ins.previousSibling!.remove()
        ins.remove()
      }
      const panes = [...document.querySelectorAll('.pane')].map((pane) =>
        [...pane.querySelectorAll('.overlap.selected')].map((e) => e.textContent).join(''),
      )
      return [p.textContent!, panes]
    })
    const squeezed = (t: string) => t.replace(/\s+/g, '')
    expect(diff).toMatch(/[,-]/)
    expect(inPanes.map(squeezed)).toContain(squeezed(diff))
    await page.screenshot({ path: join(SHOTS, 'compare-variants.png') })
    expect(errors).toEqual([])
    await page.close()
  })

  it('opens a missing document beside the pane that shows the other, and brings both into view', async () => {
    // Three panes at 1024 px (more than fit): the top overlap's first document in the third, two
    // documents it is not in before it.
    const { overlaps } = await app.service.analyseOverlaps({})
    const top = overlaps[0]
    const [shown, missing] = [...new Set(top.passages.map((p) => p.doc))]
    const others = (await app.service.getProject()).documents.map((d) => d.id).filter((id) => !top.passages.some((p) => p.doc === id))
    const { page, errors } = await openApp()
    await page.setViewportSize({ width: 1024, height: 700 })
    await page.locator('.add-pane').click()
    await expect.poll(() => page.locator('.pane').count()).toBe(3)
    for (const [k, doc] of [others[0], others[1], shown].entries()) await page.locator('.pane-picker').nth(k).selectOption(doc)
    await page.locator(`.overlap-item[data-overlap="${top.id}"]`).click()
    // The missing document opens in the second pane, next to the third; both are in view. (The top
    // overlap was selected when the page opened: chosen again, the panes line up on it again.)
    await expect
      .poll(() => page.locator('.pane-picker').evaluateAll((s) => s.map((x) => (x as HTMLSelectElement).value)))
      .toEqual([others[0], missing, shown])
    await expect
      .poll(() =>
        page.evaluate(() => {
          const area = document.querySelector('.panes-area')!.getBoundingClientRect()
          return [1, 2].map((k) => {
            const r = document.querySelectorAll('.pane')[k].getBoundingClientRect()
            return r.left >= area.left - 1 && r.right <= area.right + 1
          })
        }),
      )
      .toEqual([true, true])
    await page.screenshot({ path: join(SHOTS, 'compare-beside-1024.png') })
    expect(errors).toEqual([])
    await page.close()
  })

  it('numbers each overlap by its rank in the whole list, whatever the filters keep', async () => {
    // A tester filtered by "labour": the second overlap was numbered "#1", not the number they had noted.
    const { overlaps } = await app.service.analyseOverlaps({})
    const rankOf = new Map(overlaps.map((o, i) => [o.id, `#${i + 1}`]))
    const numbers = (page: Page) =>
      page
        .locator('.overlap-item')
        .evaluateAll((items) => items.map((i) => [(i as HTMLElement).dataset.overlap!, i.querySelector('.rank')!.textContent!]))
    for (const [width, height, colorScheme] of SCREENS) {
      const { page, errors } = await openPage(app, { ready: '.overlap-item', colorScheme })
      await page.setViewportSize({ width, height })
      await page.locator('.filters input[aria-label="Filter by text"]').first().fill('labour')
      await expect.poll(async () => (await numbers(page)).length).toBeLessThan(overlaps.length)
      const shown = await numbers(page)
      expect(shown.length).toBeGreaterThan(0)
      // Not simply 1, 2, 3…: the first one kept is not the list's first.
      expect(shown[0][1]).not.toBe('#1')
      for (const [id, number] of shown) expect(number).toBe(rankOf.get(id))
      await page.screenshot({ path: join(SHOTS, `overlap-numbers-filtered-${width}-${colorScheme}.png`) })
      expect(errors).toEqual([])
      await page.close()
    }
  })

  it('opens a pair from the matrix beside a pane that shows one of them, never one document twice', async () => {
    // A tester's panes: Shi, Emergence, Light Blade; China Briefing × Light Blade clicked made them
    // China Briefing, Light Blade, Light Blade.
    const [shi, emergence, light, china] = [
      'shi-jianxun-strategic-significance',
      'new-productive-forces-catalysts',
      'gmw-light-blade-what-are-nqpf',
      'china-briefing-nqpf-explainer',
    ]
    const { page, errors } = await openApp()
    const panes = () => page.locator('.pane-picker').evaluateAll((s) => s.map((x) => (x as HTMLSelectElement).value))
    await page.locator('.add-pane').click()
    await expect.poll(() => page.locator('.pane').count()).toBe(3)
    for (const [k, doc] of [shi, emergence, light].entries()) await page.locator('.pane-picker').nth(k).selectOption(doc)
    await expect.poll(panes).toEqual([shi, emergence, light])
    await page.locator('#compare-tab-matrix').click()
    await page.locator(`.matrix-cell[data-a="${china}"][data-b="${light}"]`).click()
    await expect.poll(panes).toEqual([shi, china, light])
    // Shi kept in the first pane, Emergence next to it, over China Briefing.
    await page.locator(`.matrix-cell[data-a="${emergence}"][data-b="${shi}"]`).click()
    await expect.poll(panes).toEqual([shi, emergence, light])
    await expect.poll(() => page.locator('.pane .overlap.selected').count()).toBeGreaterThan(0)
    expect(errors).toEqual([])
    await page.close()
  })

  it('shows the matrix whole in the side panel at 1440 px, its row labels readable at any width', async () => {
    // A tester at 1440 px read "emergenc…" and "ng Yundong": the matrix scrolled its row labels away.
    for (const [width, height, colorScheme] of SCREENS) {
      const { page, errors } = await openPage(app, { ready: '.overlap-item', colorScheme })
      await page.setViewportSize({ width, height })
      await page.locator('#compare-tab-matrix').click()
      const matrix = page.locator('.matrix')
      await page.locator('.matrix-cell').first().waitFor()
      if (width === 1440) expect(await matrix.evaluate((m) => m.scrollWidth <= m.clientWidth)).toBe(true)
      // Scrolled as far as it goes, the row labels are still in view and whole, three lines at most.
      await matrix.evaluate((m) => (m.scrollLeft = m.scrollWidth))
      const labels = await page.locator('.matrix-row-label').evaluateAll((rows) => {
        const box = document.querySelector('.matrix')!.getBoundingClientRect()
        return rows.map((row) => {
          const r = row.getBoundingClientRect()
          const span = row.querySelector('span')!
          const lines = Math.round(span.getBoundingClientRect().height / parseFloat(getComputedStyle(span).lineHeight))
          return { name: span.textContent, title: row.getAttribute('title'), inView: r.left >= box.left - 0.5, lines }
        })
      })
      expect(labels).toHaveLength(5)
      for (const l of labels) expect(l).toMatchObject({ inView: true, title: expect.any(String) })
      for (const l of labels) expect(l.lines).toBeLessThanOrEqual(3)
      expect(labels.map((l) => l.name)).toEqual(expect.arrayContaining(['Yang Yundong', 'Shi Jianxun', 'Light Blade', 'China Briefing']))
      await page.screenshot({ path: join(SHOTS, `matrix-${width}-${colorScheme}.png`) })
      await matrix.evaluate((m) => (m.scrollLeft = 0))
      await matrix.screenshot({ path: join(SHOTS, `matrix-panel-${width}-${colorScheme}.png`) })
      expect(errors).toEqual([])
      await page.close()
    }
  })

  it('scrolls the second pane with the first when synchronised', async () => {
    const { page, errors } = await openApp()
    // Show the pair with the most shared text side by side.
    await page.locator('.overlap-item').first().click()
    const second = page.locator('.pane').nth(1).locator('.reader-body')
    const before = await second.evaluate((b) => b.scrollTop)
    // Scrolled as a reader scrolls, with the wheel: that, not a scroll alone, is the reader's
    // (the panes are held at a selection while their text is laid out: compare-view.ts ALIGN_MS).
    await page.locator('.pane').nth(0).locator('.reader-body').hover()
    await page.mouse.wheel(0, 400)
    await expect.poll(() => second.evaluate((b) => b.scrollTop)).not.toBe(before)
    // Unchecked, the second pane stays put: once the first pane's scroll event has been handled
    // (the panes follow each other in that handler) and a frame drawn, it has not moved.
    await page.locator('.compare-toolbar input[type="checkbox"]:not(.margin-toggle):not(.definitions-toggle)').uncheck()
    const still = await second.evaluate((b) => b.scrollTop)
    const first = page.locator('.pane').nth(0).locator('.reader-body')
    const scrolled = first.evaluate(
      (b) =>
        new Promise<void>((resolve) =>
          b.addEventListener('scroll', () => requestAnimationFrame(() => requestAnimationFrame(() => resolve())), { once: true }),
        ),
    )
    await first.hover()
    await page.mouse.wheel(0, 300)
    await scrolled
    expect(await second.evaluate((b) => b.scrollTop)).toBe(still)
    expect(errors).toEqual([])
    await page.close()
  })

  it('moves through overlaps with next/previous keys and lays definitions side by side', async () => {
    const { page, errors } = await openApp()
    await page.locator('.overlap-list').focus()
    await page.keyboard.press('n')
    const first = await page.locator('.overlap-item[aria-selected="true"]').getAttribute('data-overlap')
    await page.keyboard.press('n')
    await expect.poll(() => page.locator('.overlap-item[aria-selected="true"]').getAttribute('data-overlap')).not.toBe(first)
    await page.keyboard.press('p')
    await expect.poll(() => page.locator('.overlap-item[aria-selected="true"]').getAttribute('data-overlap')).toBe(first)

    await page.locator('#tab-definitions').click()
    await page.locator('.definitions-panel button[type="submit"]').click()
    await expect.poll(() => page.locator('.definition-column').count(), { timeout: 10_000 }).toBeGreaterThan(2)
    expect(await page.locator('.shared-phrase').count()).toBeGreaterThan(0)
    await page.screenshot({ path: join(SHOTS, 'definitions.png') })
    // A definition chosen: the compare view shows it lined up with those grouped with it.
    await page.locator('.definition-card').first().click()
    await expect.poll(() => page.locator('.pane .definition-selected').count()).toBeGreaterThan(0)
    expect(errors).toEqual([])
    await page.close()
  })
})
