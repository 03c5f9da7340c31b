import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SHOTS } from './browser.js'
import { openPage, startApp, type TestApp } from './harness.js'

// Overlaps that overlap: a text two documents share word for word, and a part of it two more
// documents have in edited copies. In the first two documents the part is marked by both overlaps
// (one element with both kinds' classes); the selected overlap's colour is the one shown.

const PART =
  'the harbour board warned that the dredgers have been idle since March and that grain merchants will lose their export contracts to the northern ports before the autumn storms unless the quay is repaired'
const BEFORE =
  'At its winter meeting the council reviewed the ferry timetable, the state of the lighthouse and the accounts of the fishing cooperative, and after a long debate'
const AFTER =
  'so it asked the ministry for an emergency loan and promised a full report on the repairs of the old quay by the end of the year'

let app: TestApp

beforeAll(async () => {
  // Minutes and gazette share the whole text (verbatim); the weekly and the daily have the part,
  // each with a word or two changed (near-verbatim).
  const texts: Record<string, string> = {
    minutes: `The minutes\n\n${BEFORE} ${PART}, ${AFTER}.\n`,
    gazette: `The gazette\n\nOur reporter writes: ${BEFORE} ${PART}, ${AFTER}.\n`,
    weekly: `The weekly\n\nTrade news from the coast. In short, ${PART.replace('export contracts', 'foreign contracts')}. The editor wishes all readers a calm season.\n`,
    daily: `The daily\n\nFrom the harbour: ${PART.replace('grain merchants', 'corn traders')}. More on page four.\n`,
  }
  app = await startApp({ corpus: { name: 'Nested overlaps', texts } })
}, 120_000)
afterAll(() => app?.close())

describe('overlapping overlaps', () => {
  it('show the selected overlap in its own kind’s colour, where another overlap marks the same words', async () => {
    const { page, errors } = await openPage(app, { ready: '.overlap-item' })
    await page.setViewportSize({ width: 1440, height: 900 })
    const kinds = await page
      .locator('.overlap-item')
      .evaluateAll((items) =>
        items.map((i) => ({ id: (i as HTMLElement).dataset.overlap!, kind: i.querySelector('.overlap-kind')?.textContent?.trim() ?? '' })),
      )
    expect(kinds.length).toBeGreaterThanOrEqual(2)
    for (const { id } of kinds) {
      await page.locator(`.overlap-item[data-overlap="${id}"]`).click()
      await expect.poll(() => page.locator('.pane .overlap.selected').count()).toBeGreaterThan(0)
      // The selected overlap's kind, from a mark of it alone (its first), and every mark of it.
      const colours = await page.evaluate(() => {
        const colour = (e: Element) => getComputedStyle(e).getPropertyValue('--kind-colour').trim()
        const marks = [...document.querySelectorAll('.pane .overlap.selected')]
        const mixed = marks.filter((m) => m.className.split(' ').filter((c) => c.startsWith('kind-')).length > 1)
        return { all: [...new Set(marks.map(colour))], mixed: mixed.length }
      })
      expect(colours.all, id).toHaveLength(1)
      if (colours.mixed) await page.screenshot({ path: join(SHOTS, 'nested-colours-1440.png') })
    }
    // The corpus does have marks of both overlaps in one element.
    expect(await page.locator('.pane .overlap.kind-verbatim.kind-variant').count()).toBeGreaterThan(0)
    expect(errors).toEqual([])
    await page.close()
  })
})
