import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SHOTS } from './browser.js'
import { openPage, startApp, type TestApp } from './harness.js'

// The codebook says where "+ New tag" puts a tag (at the top level unless the reader chooses to put
// it beside or under the selected tag) and shows a parent tag's own count beside the count with its sub-tags.

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

    const place = page.locator('.new-tag-place')
    const parentOf = async (name: string) => (await service.getProject()).tags.find((t) => t.name === name)?.parent
    /** Clicks "+ New tag" and waits until the tag it makes (`name`) is in the codebook. */
    const newTag = async (name: string) => {
      await page.locator('.add-tag').click()
      await expect.poll(() => row(name).count()).toBe(1)
    }
    // A tester clicked "+ New tag" three times and got a chain five levels deep: each new tag is
    // selected once made, and the choice of place defaulted to "under" the selected tag. Nothing
    // selected, or the tag just made selected, a new tag goes at the top level.
    expect(await place.locator('option:checked').textContent()).toBe('at top level')
    for (const name of ['New tag 1', 'New tag 2', 'New tag 3']) await newTag(name)
    expect(await Promise.all(['New tag 1', 'New tag 2', 'New tag 3'].map(parentOf))).toEqual([null, null, null])
    expect(await place.locator('option:checked').textContent()).toBe('at top level')
    // A tag selected: beside it (under its parent) and under it are offered, the top level kept.
    await row('Growth').locator('.tag-name').click()
    expect(await place.locator('option').allTextContents()).toEqual(['at top level', 'under “Economy”', 'under “Growth”'])
    expect(await place.locator('option:checked').textContent()).toBe('at top level')
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
    // The reader chooses "under Growth": the tags made one after another are its sub-tags, side by
    // side, the choice kept while the tag just made is selected.
    await place.selectOption({ label: 'under “Growth”' })
    await newTag('New tag 4')
    expect(await place.locator('option:checked').textContent()).toBe('under “Growth”')
    await newTag('New tag 5')
    expect(await Promise.all(['New tag 4', 'New tag 5'].map(parentOf))).toEqual([growth.id, growth.id])
    await page.screenshot({ path: join(SHOTS, 'codebook-new-tags-under-a-chosen-tag.png') })
    // And the top level again.
    await place.selectOption({ label: 'at top level' })
    await newTag('New tag 6')
    expect(await parentOf('New tag 6')).toBe(null)
    expect(errors).toEqual([])
  })
})
