import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SHOTS } from './browser.js'
import { openPage, startApp, type TestApp } from './harness.js'

// The codebook says where "+ New tag" puts a tag (under the selected one or at the top level, the
// reader's choice) and shows a parent tag's own count beside the count with its sub-tags.

let app: TestApp
beforeEach(async () => {
  app = await startApp()
})
afterEach(() => app?.close())

describe('codebook', () => {
  it('says where a new tag goes, lets the reader choose, and sums a parent with its sub-tags', async () => {
    const { service } = app
    const economy = (await service.createTag({ name: 'Economy' })).tag
    const growth = (await service.createTag({ name: 'Growth', parent: economy.id })).tag
    const doc = 'yang-yundong-nqpf-high-quality-development'
    const { text } = await service.getDocument({ id: doc })
    const words = [...text.matchAll(/\S+/g)].slice(20, 60)
    const at = (k: number) => [...text.slice(0, words[k].index)].length
    await service.createAnnotation({ docId: doc, start: at(0), end: at(3), tags: ['Economy'] })
    await service.createAnnotation({ docId: doc, start: at(10), end: at(13), tags: ['Growth'] })
    await service.createAnnotation({ docId: doc, start: at(20), end: at(23), tags: ['Economy', 'Growth'] })

    const { page, errors } = await openPage(app)
    await page.locator('#side-tab-codebook').click()
    const row = (name: string) => page.locator('.tag-row', { has: page.locator('.tag-name', { hasText: name }) })
    // Economy: 2 annotations of its own, 3 with Growth's (the one tagged with both counted once).
    await expect.poll(() => row('Economy').locator('.tag-count').textContent()).toBe('2')
    await expect.poll(() => row('Economy').locator('.tag-total').textContent()).toBe('Σ 3')
    expect(await row('Growth').locator('.tag-total').count()).toBe(0)

    // Nothing selected: the new tag goes at the top level, and the choice says so.
    const place = page.locator('.new-tag-place')
    expect(await place.locator('option:checked').textContent()).toBe('at top level')
    // A tag selected: "under" it is offered first.
    await row('Growth').locator('.tag-name').click()
    await expect.poll(() => place.locator('option:checked').textContent()).toBe('under “Growth”')
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme })
      for (const [width, height] of [
        [1024, 700],
        [1440, 900],
      ]) {
        await page.setViewportSize({ width, height })
        await page.screenshot({ path: join(SHOTS, `codebook-${colorScheme}-${width}.png`) })
      }
    }
    await page.locator('.add-tag').click()
    await expect.poll(async () => (await service.getProject()).tags.find((t) => t.name === 'New tag 1')?.parent).toBe(growth.id)
    // The reader chooses the top level instead.
    await row('Growth').locator('.tag-name').click()
    await place.selectOption({ label: 'at top level' })
    await page.locator('.add-tag').click()
    await expect.poll(async () => (await service.getProject()).tags.find((t) => t.name === 'New tag 2')?.parent).toBe(null)
    expect(errors).toEqual([])
  })
})
