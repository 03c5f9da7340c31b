import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CORPUS, tempDir } from '../helpers.js'
import { SHOTS } from './browser.js'
import { openPage, startApp, type TestApp } from './harness.js'

// The overlap matrix with twenty documents, in Chromium: a project generated from the bundled
// corpus's lines, four groups of five documents, each group recombining one bundled text (each
// document leaves out a different fifth of its lines), listed in the project interleaved.

const SOURCES = [
  'new-productive-forces-catalysts',
  'gmw-light-blade-what-are-nqpf',
  'shi-jianxun-strategic-significance',
  'yang-yundong-nqpf-high-quality-development',
]
const GROUP = 5

let app: TestApp
let corpus: Awaited<ReturnType<typeof tempDir>>
/** Each generated document's id → its group (the bundled text it recombines). */
const groupOf = new Map<string, number>()
const titles = new Map<string, string>()

beforeAll(async () => {
  corpus = await tempDir()
  const documents = []
  for (let j = 0; j < GROUP; j++)
    for (const [g, source] of SOURCES.entries()) {
      const lines = (await readFile(join(CORPUS, `${source}.txt`), 'utf8')).split('\n').filter((l) => l.trim())
      const id = `generated-${g}-${j}`
      const file = `${id}.txt`
      await writeFile(join(corpus.dir, file), lines.filter((_, i) => (i + j) % GROUP !== 0).join('\n\n') + '\n')
      const title = `Generated reading ${j + 1} recombining “${source}”`
      groupOf.set(id, g)
      titles.set(id, title)
      documents.push({ id, file, title, author: j % 2 ? `Contributor number ${g}${j}` : '', outlet: '', date: '', url: '' })
    }
  await writeFile(join(corpus.dir, 'manifest.json'), JSON.stringify({ name: 'Twenty documents', documents }, null, 2))
  app = await startApp({ corpusDir: corpus.dir })
}, 120_000)
afterAll(async () => {
  await app?.close()
  await corpus?.cleanup()
})

describe('the overlap matrix with twenty documents', () => {
  for (const [width, height] of [
    [1024, 700],
    [1440, 900],
  ])
    for (const scheme of ['light', 'dark'] as const)
      it(`is readable at ${width}×${height}, ${scheme}: short labels with full titles, figures of 10 px or more, similar documents together`, async () => {
        const { page, errors } = await openPage(app, { colorScheme: scheme, ready: '#compare-tab-matrix' })
        await page.setViewportSize({ width, height })
        await page.locator('#compare-tab-matrix').click()
        // The analysis of twenty documents done: the matrix has a row per document.
        await expect.poll(() => page.locator('.matrix-labels').count(), { timeout: 90_000 }).toBe(20)
        const labels = await page
          .locator('.matrix-labels')
          .evaluateAll((groups) =>
            groups.map((g) => ({ text: g.querySelector('text')!.textContent!, title: g.querySelector('title')!.textContent! })),
          )
        // Abbreviated (at most 13 characters), the full title on hover.
        for (const l of labels) expect(l.text.length).toBeLessThanOrEqual(13)
        expect(labels.filter((l) => l.text.endsWith('…')).length).toBeGreaterThan(0)
        expect(new Set(labels.map((l) => l.title))).toEqual(new Set(titles.values()))
        // Sorted by similarity: each group's five documents are next to each other.
        const ids = await page
          .locator('.matrix-labels')
          .evaluateAll(() => [...document.querySelectorAll('.matrix-cell.self')].map((c) => (c as SVGGElement).dataset.a!))
        const groups = ids.map((id) => groupOf.get(id)!)
        expect(groups.filter((g, i) => i > 0 && g !== groups[i - 1]).length).toBe(SOURCES.length - 1)
        // Figures drawn at 10 px or more on screen: the picture scrolls instead of shrinking.
        const smallest = await page.evaluate(() => {
          // The on-screen scale of a text's size (rotation aside: the slanted column labels).
          const scale = (t: SVGTextElement) => {
            const m = t.getScreenCTM()!
            return m.a * m.d - m.b * m.c
          }
          return Math.min(
            ...[...document.querySelectorAll('.matrix-value, .matrix-count, .matrix-label')].map(
              (t) => parseFloat(getComputedStyle(t).fontSize) * Math.sqrt(Math.abs(scale(t as SVGTextElement))),
            ),
          )
        })
        expect(smallest).toBeGreaterThanOrEqual(10)
        expect(await page.locator('.matrix').evaluate((m) => m.scrollWidth > m.clientWidth)).toBe(true)
        await page.screenshot({ path: join(SHOTS, `matrix-20-${width}x${height}-${scheme}.png`) })
        // The figures close up (the whole screen is scaled down when looked at).
        await page.locator('.matrix').screenshot({ path: join(SHOTS, `matrix-20-panel-${width}x${height}-${scheme}.png`) })
        // The side panel's tabs are whole, not cut ("Varian").
        const cut = await page.locator('#compare-tab-variants').evaluate((tab) => {
          const list = tab.parentElement!.getBoundingClientRect()
          const r = tab.getBoundingClientRect()
          return tab.scrollWidth > tab.clientWidth || r.right > list.right + 0.5
        })
        expect(cut).toBe(false)
        await page.locator('#compare-tab-variants').click()
        await page.screenshot({ path: join(SHOTS, `compare-variants-tab-${width}x${height}-${scheme}.png`) })
        expect(errors).toEqual([])
        await page.close()
      })
})
