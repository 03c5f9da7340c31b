import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importPassim } from '../../main/node/reuse/import.js'
import { SHOTS } from './browser.js'
import { openPage, startApp, type TestApp } from './harness.js'

// An imported passim cluster in the app: listed with its source badge, filtered by source, and
// aligned in the panes like the engine's own overlaps. passim's output is written here in its
// exact record shape from the passages of the engine's best overlap (what passim would report).

let app: TestApp
let clusterId: string
beforeAll(async () => {
  app = await startApp()
  const { overlaps } = await app.service.analyseOverlaps({})
  const top = overlaps[0]
  const cluster = '9007199254740993'
  const lines = top.passages.map(
    (p, k) =>
      `{"uid":${-7966282239007996852n + BigInt(k)},"cluster":${cluster},"begin":${p.start},"end":${p.end},"boiler":false,"src":[],"size":${top.passages.length},"pboiler":0.0,"id":${JSON.stringify(p.doc)},"series":"s${k}","text":${JSON.stringify(p.text)}}`,
  )
  const file = join(app.dir, 'part-00000-c000.json')
  await writeFile(file, lines.join('\n') + '\n')
  await importPassim(app.service.project, file)
  clusterId = `passim-${cluster}`
})
afterAll(() => app?.close())

describe('an imported passim cluster', () => {
  it('is listed with its source, filtered by source, and aligned in the panes', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page, errors } = await openPage(app, { colorScheme })
      const item = page.locator(`.overlap-item[data-overlap="${clusterId}"]`)
      await expect.poll(() => item.count()).toBe(1)
      expect(await item.locator('.source-badge').textContent()).toBe('passim')
      await page.locator('.overlap-list').first().waitFor()
      await page.locator('select[aria-label="Source"]').first().selectOption('passim')
      await expect.poll(() => page.locator('.overlap-item').count()).toBe(1)
      await item.click()
      await expect.poll(() => page.locator(`.pane .overlap.selected[data-overlap="${clusterId}"]`).count()).toBeGreaterThan(1)
      const tops = await page.evaluate(
        (id) =>
          [...document.querySelectorAll('.pane')]
            .slice(0, 2)
            .map((p) => p.querySelector(`.overlap.selected[data-overlap="${id}"]`)?.getBoundingClientRect().top ?? NaN),
        clusterId,
      )
      expect(Math.abs(tops[0] - tops[1])).toBeLessThan(40)
      for (const [width, height] of [
        [1024, 700],
        [1440, 900],
      ]) {
        await page.setViewportSize({ width, height })
        await page.screenshot({ path: join(SHOTS, `reuse-passim-${width}-${colorScheme}.png`) })
      }
      expect(errors).toEqual([])
      await page.close()
    }
  })
})
