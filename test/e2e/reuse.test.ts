import { mkdir, writeFile } from 'node:fs/promises'
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

describe('importing passim output from the page', () => {
  it('sends the part files, shows the progress, and lists the imported cluster with its source', async () => {
    const { overlaps } = await app.service.analyseOverlaps({})
    const top = overlaps.find((o) => o.source === 'parallax')!
    const cluster = '18446744073709551557'
    const record = (p: { doc: string; start: number; end: number; text: string }, k: number) =>
      `{"uid":${9007199254740993n + BigInt(k)},"cluster":${cluster},"begin":${p.start},"end":${p.end},"boiler":false,"size":${top.passages.length + 1},"id":${JSON.stringify(p.doc)},"series":"s${k}","text":${JSON.stringify(p.text)}}`
    const lines = top.passages.map(record)
    // A record of a document the project does not have (counted, not fatal).
    lines.push(record({ doc: 'archive-page-1', start: 0, end: 5, text: 'other' }, 99))
    const out = join(app.dir, 'upload', 'out.json')
    await mkdir(out, { recursive: true })
    const half = Math.ceil(lines.length / 2)
    const parts = [join(out, 'part-00000-c000.json'), join(out, 'part-00001-c000.json')]
    await writeFile(parts[0], lines.slice(0, half).join('\n') + '\n')
    await writeFile(parts[1], lines.slice(half).join('\n') + '\n')
    const id = `passim-${cluster}`

    for (const colorScheme of ['light', 'dark'] as const) {
      const { page, errors } = await openPage(app, { colorScheme })
      await page.setViewportSize({ width: 1024, height: 700 })
      // Every text the progress places show, kept as they change.
      await page.evaluate(() => {
        const seen: string[] = ((window as unknown as { seen: string[] }).seen = [])
        const label = document.querySelector('.analysis-label')!
        // Each text set is a new text node: kept from the mutation records, even when several are set in one task.
        new MutationObserver((records) => {
          for (const r of records) for (const n of r.addedNodes) seen.push(n.textContent ?? '')
        }).observe(label, { childList: true })
      })
      await page.locator('.import-reuse').click()
      const dialog = page.locator('dialog[data-dialog="reuse"][open]')
      await dialog.waitFor()
      await dialog.locator('select[aria-label="Tool"]').selectOption('passim')
      await dialog.locator('input[type="file"]').setInputFiles(parts)
      await dialog.locator('button[type="submit"]').click()
      const message = dialog.locator('.reuse-message')
      await expect
        .poll(() => message.textContent())
        .toBe(
          `Imported 1 passim cluster (${top.passages.length} passages) from ${lines.length} records; 1 record names a document not in the project.`,
        )
      await expect
        .poll(() =>
          page.evaluate(() =>
            (window as unknown as { seen: string[] }).seen.some((t) => /Importing passim results: \d+ records read/.test(t)),
          ),
        )
        .toBe(true)
      for (const [width, height] of [
        [1024, 700],
        [1440, 900],
      ]) {
        await page.setViewportSize({ width, height })
        await page.screenshot({ path: join(SHOTS, `reuse-import-dialog-${width}-${colorScheme}.png`) })
      }
      await dialog.locator('button', { hasText: 'Close' }).click()
      const item = page.locator(`.overlap-item[data-overlap="${id}"]`)
      await expect.poll(() => item.count()).toBe(1)
      expect(await item.locator('.source-badge').textContent()).toBe('passim')
      await page.locator('select[aria-label="Source"]').first().selectOption('passim')
      await expect.poll(() => page.locator('.overlap-item').count()).toBe(1)
      await page.screenshot({ path: join(SHOTS, `reuse-import-listed-1440-${colorScheme}.png`) })
      expect(errors).toEqual([])
      await page.close()
    }
  })
})
