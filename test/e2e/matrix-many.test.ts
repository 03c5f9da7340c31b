import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { SHOTS } from './browser.js'
import { openPage, startApp, type TestApp } from './harness.js'

// The overlap matrix of more documents than a reader can scan (renderer/compare/matrix-pairs.ts
// MATRIX_MAX_DOCUMENTS): thirty documents, fifteen pairs each sharing a paragraph of its own, and
// one document that shares a sentence with each of five others. The matrix is built only when its
// tab is shown: before, the hidden matrix of 200 documents held 160,000 of the page's 173,000
// elements and took 23 s to build at every analysis, and at 900 the page did not answer for
// minutes.

const words = (seed: number, n: number) =>
  Array.from({ length: n }, (_, i) => `w${(seed * 7919 + i * 104729) % 100003}x${String.fromCharCode(97 + ((seed + i) % 26))}`).join(' ')
const texts: Record<string, string> = {}
for (let k = 0; k < 15; k++) {
  const shared = `${words(1000 + k, 40 + 4 * k)}.`
  texts[`pair-${k}-a`] = `${words(k * 2, 60)}.\n\n${shared}\n\n${words(k * 2 + 500, 60)}.\n`
  texts[`pair-${k}-b`] = `${words(k * 2 + 1, 60)}.\n\n${shared}\n\n${words(k * 2 + 501, 60)}.\n`
}
// "hub" shares a sentence with the first documents of pairs 0 to 4 (added to their texts).
const hubSentences = Array.from({ length: 5 }, (_, k) => `${words(3000 + k, 14)}.`)
texts.hub = `${words(4000, 50)}.\n\n${hubSentences.join('\n\n')}\n`
for (let k = 0; k < 5; k++) texts[`pair-${k}-a`] += `\n${hubSentences[k]}\n`

let app: TestApp
beforeAll(async () => {
  app = await startApp({ corpus: { name: 'Thirty-one documents', texts } })
}, 120_000)
afterAll(async () => {
  await app?.close()
})

describe('the overlap matrix with thirty-one documents', () => {
  it('builds no cells while hidden, then shows twenty documents, says so, and centres on a document chosen', async () => {
    const { page, errors } = await openPage(app, { ready: '#compare-tab-matrix' })
    // The analysis done and drawn: the overlaps listed.
    await expect.poll(() => page.locator('.overlap-item').count(), { timeout: 90_000 }).toBeGreaterThan(0)
    await expect.poll(() => page.locator('.analysis-progress').evaluate((p) => (p as HTMLElement).hidden)).toBe(true)
    expect(await page.locator('.matrix-cell').count()).toBe(0)
    await page.locator('#compare-tab-matrix').click()
    await expect.poll(() => page.locator('.matrix-labels').count()).toBe(20)
    expect(await page.locator('.matrix-cell').count()).toBe(400)
    // The list's tab is out of sight under the matrix's (its fixed filters were drawn over it).
    expect(await page.locator('.overlaps-section').isVisible()).toBe(false)
    const note = page.locator('.matrix-note')
    await expect.poll(() => note.textContent()).toMatch(/^Showing 20 of 31 documents: those of the pairs that share the most text/)
    // The ten closest pairs (the longest shared paragraphs: pairs 5 to 14), each document beside its pair.
    const shown = await page.locator('.matrix-cell.self').evaluateAll((cells) => cells.map((c) => (c as SVGGElement).dataset.a!))
    expect(new Set(shown)).toEqual(new Set(Array.from({ length: 10 }, (_, i) => [`pair-${i + 5}-a`, `pair-${i + 5}-b`]).flat()))
    for (let i = 0; i < 20; i += 2) expect(shown[i].replace(/-[ab]$/, '')).toBe(shown[i + 1].replace(/-[ab]$/, ''))
    await page.screenshot({ path: join(SHOTS, 'matrix-31-closest.png') })
    // Centred on "hub": it and the five documents it shares a sentence with, no more.
    await page.locator('.matrix-focus').selectOption('hub')
    await expect.poll(() => page.locator('.matrix-labels').count()).toBe(6)
    await expect.poll(() => note.textContent()).toMatch(/^Showing 6 of 31 documents: “The hub” and the 5 that share most with it/)
    // A row's name centres the matrix on its document: pair-0-a shares with hub and pair-0-b.
    await page.locator('.matrix-row-label[data-doc="pair-0-a"]').click()
    await expect.poll(() => page.locator('.matrix-labels').count()).toBe(3)
    expect(await page.locator('.matrix-focus').inputValue()).toBe('pair-0-a')
    // A cell still opens its pair side by side.
    await page.locator('.matrix-cell[data-a="pair-0-a"][data-b="pair-0-b"]').click()
    const panes = () => page.locator('.pane-picker').evaluateAll((s) => s.map((x) => (x as HTMLSelectElement).value))
    await expect.poll(panes).toEqual(expect.arrayContaining(['pair-0-a', 'pair-0-b']))
    expect(errors).toEqual([])
    await page.close()
  })
})
