import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { TAG_PALETTE } from '../../main/core/annotations/tag-colours.js'
import { SHOTS } from './browser.js'
import { openPage, startApp, type TestApp } from './harness.js'

// Colours that never mean two things: new tags take the palette (kept apart from the overlap
// kinds and the selection; test/unit/tag-palette.test.ts measures it), untagged highlights are
// grey and dashed, and the compare view shows a legend of every encoding.

let app: TestApp
beforeEach(async () => {
  app = await startApp()
})
afterEach(() => app?.close())

/** "rgb(213, 94, 0)" → "#d55e00". */
const hex = (rgb: string) =>
  '#' +
  rgb
    .match(/\d+/g)!
    .slice(0, 3)
    .map((n) => Number(n).toString(16).padStart(2, '0'))
    .join('')

describe('colours', () => {
  it('draws tagged highlights in palette colours, untagged ones grey and dashed, with a legend', async () => {
    const { tag } = await app.service.createTag({ name: 'Claim' })
    expect(tag.colour).toBe(TAG_PALETTE[0])
    const { page, errors } = await openPage(app)
    const docId = (await page.locator('.pane .reader[data-doc]').first().getAttribute('data-doc'))!
    const { text } = await app.service.getDocument({ id: docId })
    const words = [...text.matchAll(/\S+/g)].slice(0, 40)
    const at = (k: number) => [...text.slice(0, words[k].index)].length
    await app.service.createAnnotation({ docId, start: at(2), end: at(6), tags: ['Claim'] })
    await app.service.createAnnotation({ docId, start: at(10), end: at(14), tags: [] })
    const pane = page.locator(`.pane .reader[data-doc="${docId}"]`).first()
    // An annotation crossing an overlap's edge is drawn as several spans: count annotations.
    const drawn = () => pane.locator('.annotation').evaluateAll((es) => new Set(es.map((e) => e.getAttribute('data-annotation'))).size)
    await expect.poll(drawn).toBe(2)

    const tagged = pane.locator('.annotation:not(.untagged)').first()
    expect(hex(await tagged.evaluate((e) => getComputedStyle(e).borderBottomColor))).toBe(TAG_PALETTE[0])
    const untagged = pane.locator('.annotation.untagged').first()
    expect(await untagged.evaluate((e) => getComputedStyle(e).borderBottomStyle)).toBe('dashed')
    expect(hex(await untagged.evaluate((e) => getComputedStyle(e).borderBottomColor))).toBe('#8a8a8a')

    // The legend names every encoding, drawn as the text draws it.
    const legend = page.locator('.compare-toolbar .legend')
    await expect.poll(() => legend.textContent()).toMatch(/verbatim.*near-verbatim.*paraphrase.*tagged.*untagged.*definition/)
    const verbatimSample = legend.locator('.kind-verbatim')
    const verbatimInText = page.locator('.pane .overlap.kind-verbatim').first()
    if ((await verbatimInText.count()) > 0) {
      const wash = (l: typeof verbatimSample) => l.evaluate((e) => getComputedStyle(e).getPropertyValue('--kind-colour').trim())
      expect(await wash(verbatimSample)).toBe(await wash(verbatimInText))
    }
    expect(await legend.locator('.untagged').evaluate((e) => getComputedStyle(e).borderBottomStyle)).toBe('dashed')

    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme })
      for (const [width, height] of [
        [1024, 700],
        [1440, 900],
      ]) {
        await page.setViewportSize({ width, height })
        await pane.evaluate((r) => r.querySelector('.reader-body')!.scrollTo({ top: 0 }))
        // The legend is on screen and inside the toolbar (not clipped, not wrapped under the panes).
        const inView = await legend.evaluate((e) => {
          const r = e.getBoundingClientRect()
          const bar = e.closest('.compare-toolbar')!.getBoundingClientRect()
          return r.width > 0 && r.left >= bar.left - 0.5 && r.right <= bar.right + 0.5 && r.bottom <= bar.bottom + 0.5
        })
        await page.screenshot({ path: join(SHOTS, `colours-${colorScheme}-${width}.png`) })
        expect(inView, `legend at ${width}×${height}`).toBe(true)
      }
    }
    expect(errors).toEqual([])
  })
})
