import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SHOTS } from './browser.js'
import { openPage, startApp, type TestApp } from './harness.js'

// Selecting a shared passage far down long texts of many short lines (changelogs): every pane
// holding it shows it. Paragraphs far from a pane's screen are not laid out (their height a
// guess), so the text moves as the pane gets there; the panes are held at the passage until it
// has (compare-view.ts ALIGN_MS).

/** The shared entries, each at another depth in each text. */
const SHARED = [
  [
    '  * New upstream release fixing the cursor theme loader on multi-head displays.',
    '  * Drop the patch for the legacy keyboard map, merged upstream.',
    '  * Build with the hardening flags and the newer debhelper compatibility level.',
    '  * Install the manual pages with their examples and remove the stale ones.',
  ],
  [
    '  * Translate the package description into Brazilian Portuguese and Basque.',
    '  * Ship the shared library symbols file so dependencies are computed exactly.',
    '  * Stop recommending the obsolete font server and suggest the fonts instead.',
    '  * Move the development headers into their own multi-arch package.',
  ],
]

/** A changelog of `lines` one-line entries of its own words, with the shared entries at the given lines. */
function changelog(tag: string, lines: number, at: [number, number]): string {
  const out: string[] = []
  for (let i = 0; i < lines; i++) {
    if (i === at[0]) out.push(...SHARED[0])
    if (i === at[1]) out.push(...SHARED[1])
    out.push(`  * Update ${tag}x${i} handling for ${tag}y${i % 17} in ${tag}z${i % 5}.`)
    if (i % 6 === 5) out.push('')
  }
  return `${out.join('\n')}\n`
}

let app: TestApp

beforeAll(async () => {
  const at: Record<string, [number, number]> = { alpha: [1300, 200], bravo: [150, 1250], charlie: [800, 600] }
  const texts = Object.fromEntries(Object.entries(at).map(([id, lines]) => [id, changelog(id.slice(0, 2), 1500, lines)]))
  app = await startApp({ corpus: { name: 'Long changelogs', texts } })
}, 120_000)
afterAll(() => app?.close())

describe('a passage far down long texts', () => {
  it('is in view in every pane that holds it, once selected', async () => {
    const { page, errors } = await openPage(app, { ready: '.overlap-item' })
    await page.setViewportSize({ width: 1024, height: 700 })
    const ids = await page.locator('.overlap-item').evaluateAll((items) => items.map((i) => (i as HTMLElement).dataset.overlap!))
    expect(ids.length).toBeGreaterThanOrEqual(2)
    for (const id of [...ids, ...ids]) {
      await page.locator(`.overlap-item[data-overlap="${id}"]`).click()
      // Where each pane shows the passage's first line, once the panes have stopped moving.
      const places = () =>
        page.evaluate((id) => {
          return [...document.querySelectorAll('.pane')].flatMap((pane) => {
            const body = pane.querySelector('.reader-body')!
            const mark = pane.querySelector(`.overlap.selected[data-overlap="${id}"]`)
            if (!mark) return []
            return [
              { top: mark.getBoundingClientRect().top - body.getBoundingClientRect().top, height: body.clientHeight, at: body.scrollTop },
            ]
          })
        }, id)
      let last = ''
      await expect
        .poll(async () => {
          const now = JSON.stringify(await places())
          const still = now === last
          last = now
          return still
        })
        .toBe(true)
      const shown = await places()
      expect(shown.length).toBe(3)
      for (const p of shown) expect(p.top >= 0 && p.top < p.height - 20, JSON.stringify(p)).toBe(true)
    }
    await page.screenshot({ path: join(SHOTS, 'far-passages-1024.png') })
    expect(errors).toEqual([])
    await page.close()
  })
})
