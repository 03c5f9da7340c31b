import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SCREENS, SHOTS } from './browser.js'
import { openPage, startApp, steady, type TestApp } from './harness.js'

// Choosing an overlap shows its documents, and only them: a tester chose a group of identical
// Boost copyright files and got five panes of the same 2 MB text, the fifth cut off at the right
// edge; then an overlap of three other documents, and two Boost panes stayed beside them. A group
// of identical documents opens two of its copies; an overlap of more documents than fit side by
// side opens as many as fit, and says so; the panes the app opened for an earlier overlap are used
// or closed, but a document the reader picked in a pane stays while there is room.

const COPY = `Harbour Lighthouse Keepers' Almanac, collected edition

The keeper climbs the spiral stair before dusk and trims each wick so the flame burns without smoke.
Brass fittings are polished weekly with a paste of chalk and vinegar, then rinsed with fresh rainwater.
Logbooks record the wind direction, barometric pressure and every vessel sighted passing the northern reef.
During fog the horn sounds twice each minute until visibility returns beyond the outer breakwater.
Supply boats arrive monthly carrying lamp oil, flour, salted fish, candles and letters from the mainland.
Winter storms have twice shattered the lantern glass; spare panes are stored wrapped in wool beneath the gallery.
Children of the keepers learned arithmetic by counting the seconds between flashes of distant beacons.
The station was automated in the spring, and the last keeper rowed ashore carrying the final logbook.
`
const SHARED =
  'Volunteers restored the old pumping engine by replacing its cracked flywheel, regrinding the valves and repainting the boiler in its original crimson livery.'
const COPIES = ['copy-a', 'copy-b', 'copy-c', 'copy-d']
const THREE = ['alpha', 'beta', 'gamma']

let app: TestApp
beforeAll(async () => {
  app = await startApp({
    corpus: {
      name: 'Copies and a shared passage',
      texts: {
        ...Object.fromEntries(COPIES.map((id) => [id, COPY])),
        alpha: `Notes from the canal museum\n\nThe towpath was resurfaced with crushed limestone last autumn after flooding.\n\n${SHARED}\n\nVisitors may now watch the beam rock slowly on open weekends in summer.\n`,
        beta: `A visitor's diary\n\nWe arrived by narrowboat and moored beside the iron footbridge near the lock.\n\n${SHARED}\n\nAfterwards we ate pies at the tearoom and walked back along the reservoir.\n`,
        gamma: `Heritage trust newsletter\n\nMembership grew by a third, and the bookshop sold out of the new guide.\n\n${SHARED}\n\nDonations toward a replacement chimney are welcome at the front desk.\n`,
        other: `Garden club minutes\n\nThe committee agreed to plant tulips along the western border and to repair the greenhouse door.\n`,
      },
    },
  })
}, 120_000)
afterAll(() => app?.close())

/** The documents the panes show, left to right. */
const shown = (page: Page) => page.locator('.pane-picker').evaluateAll((s) => s.map((x) => (x as HTMLSelectElement).value))

/** Whether each pane lies wholly within the panes' area (none cut off at an edge). */
const whole = (page: Page) =>
  page.evaluate(() => {
    const area = document.querySelector('.panes-area')!.getBoundingClientRect()
    return [...document.querySelectorAll('.pane')].map((p) => {
      const r = p.getBoundingClientRect()
      return r.left >= area.left - 1 && r.right <= area.right + 1
    })
  })

/** The connectors between the panes, as drawn (for a screenshot once they are still). */
const connectors = (page: Page) => page.locator('.connectors path').evaluateAll((paths) => paths.map((p) => p.getAttribute('d')))

/** How many panes of the least width fit side by side in the panes' area (as compare-view.ts counts). */
const room = (page: Page) =>
  page.evaluate(() => Math.max(2, Math.min(5, Math.floor((document.querySelector('.panes-area')!.clientWidth + 6) / 246))))

describe('the panes of a chosen overlap', () => {
  it('open two copies of identical documents, then only the documents of the next overlap chosen, each pane whole', async () => {
    const { overlaps } = await app.service.analyseOverlaps({})
    const copies = overlaps.find((o) => o.duplicate)!
    const three = overlaps.find((o) => THREE.every((d) => o.passages.some((p) => p.doc === d)))!
    expect(copies.passages.map((p) => p.doc).sort()).toEqual(COPIES)
    for (const [width, height, colorScheme] of SCREENS) {
      const { page, errors } = await openPage(app, { colorScheme })
      await page.setViewportSize({ width, height })
      const card = (id: string) => page.locator(`.overlap-item[data-overlap="${id}"]`)
      // Boilerplate and duplicates left in the list, whatever the defaults.
      for (const name of ['Hide boilerplate', 'Hide duplicates']) {
        const hide = page.getByRole('checkbox', { name })
        if (await hide.isChecked()) await hide.click()
      }

      await card(copies.id).click()
      await expect.poll(() => page.locator(`.pane .overlap.selected[data-overlap="${copies.id}"]`).count()).toBeGreaterThan(1)
      const two = await shown(page)
      expect(two).toHaveLength(2)
      expect(new Set(two).size).toBe(2)
      for (const d of two) expect(COPIES).toContain(d)
      expect(await whole(page)).toEqual([true, true])
      await expect.poll(() => page.locator('.status').textContent()).toContain('4 identical documents: 2 of them shown')
      await steady(page, () => connectors(page))
      await page.screenshot({ path: join(SHOTS, `overlap-panes-copies-${width}-${colorScheme}.png`) })

      await card(three.id).click()
      const fit = Math.min(3, await room(page))
      // Only its documents: as many as fit, none of the copies left beside them.
      await expect.poll(async () => (await shown(page)).filter((d) => THREE.includes(d)).length).toBe(fit)
      expect(await shown(page)).toHaveLength(fit)
      expect((await whole(page)).every(Boolean)).toBe(true)
      if (fit < 3)
        await expect.poll(() => page.locator('.status').textContent()).toContain(`${fit} of its 3 documents shown, as many as fit`)
      await steady(page, () => connectors(page))
      await page.screenshot({ path: join(SHOTS, `overlap-panes-three-${width}-${colorScheme}.png`) })

      // A document the reader picks in a pane stays there while the next overlap's fit beside it.
      const last = (await shown(page)).length - 1
      await page.locator('.pane-picker').nth(last).selectOption('other')
      await expect.poll(() => page.locator('.pane .reader[data-doc="other"]').count()).toBe(1)
      await card(copies.id).click()
      await expect.poll(async () => (await shown(page)).filter((d) => COPIES.includes(d)).length).toBe(2)
      expect((await shown(page)).includes('other')).toBe(fit === 3)
      expect(errors).toEqual([])
      await page.close()
    }
  })
})
