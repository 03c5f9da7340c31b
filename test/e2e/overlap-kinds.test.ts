import { copyFile, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CORPUS, ROOT } from '../helpers.js'
import { filler, wordMaker } from '../made-up-text.js'
import { HIDE_BOILERPLATE_SHARE } from '../../renderer/compare/overlap-filter.js'
import { SHOTS } from './browser.js'
import { openPage, startApp, type TestApp } from './harness.js'

// The overlap list in the README's words (verbatim, near-verbatim, paraphrase), a paraphrase's
// reasons, duplicate documents labelled, and "Hide boilerplate": on by default where boilerplate
// is a third of the list or more, remembered across reloads once the reader chooses. The bundled
// corpus gets, by import: nine newsletters that each reprint fourteen notices between paragraphs
// of their own (fourteen boilerplate overlaps), a copy of one bundled text (a duplicate document)
// and two texts restating one sentence in synonyms (a paraphrase with its reason); then two
// manual pages that share an option word for word, one of whose descriptions is loosely like it
// (a loose likeness, listed apart from the copy).

const NOTICES = [
  'This newsletter is distributed free of charge to members of the regional cooperative association and may be copied for private study, provided that this notice is kept on every copy.',
  'The views expressed by contributors are their own and do not necessarily reflect the positions of the editorial board, the cooperative association or its funding partners.',
  'Members who no longer wish to receive printed copies should write to the membership office with their account number, and the change will take effect within two issues.',
  'Advertisements in this newsletter are accepted from local businesses only, and the association does not endorse the goods or services they offer to readers.',
  "Letters to the editor may be shortened for reasons of space, and anonymous letters are not printed, although a writer's name may be withheld on request.",
  'Meetings of the association are open to all members, who may bring one guest, and the agenda is posted at the membership office a week in advance.',
  'Photographs printed in the newsletter remain the property of the photographers and may not be reproduced in any form without their written permission.',
  'Personal details held by the association are used only to send the newsletter and notices of meetings, and are never sold or passed to third parties for marketing.',
  'Subscriptions fall due on the first day of the autumn term and may be paid at the library desk, by post to the treasurer, or at any meeting of the committee.',
  'Advertisements are accepted from local traders only, at rates the committee reviews each spring, and no advertisement implies that the association endorses the trader.',
  'Volunteers who deliver the newsletter by hand are insured by the association while on its business, and should report any accident to the secretary within a week.',
  'Corrections to anything printed in an earlier issue appear on the back page, and readers who notice an error are asked to tell the editor as soon as they can.',
  'The lending shelf in the hall holds books donated by members, which may be borrowed for a month at a time and returned to the box beside the door.',
  'Lost property found after meetings is kept in the cupboard by the kitchen until the end of term, when anything unclaimed is given to the charity shop.',
]

/** The items of a list with text past their right edge, where nothing clips it (run in the page). */
function overrunningItems(list: HTMLElement): string[] {
  const overrun: string[] = []
  for (const item of list.querySelectorAll<HTMLElement>('.overlap-item')) {
    const right = item.getBoundingClientRect().right
    const texts = document.createTreeWalker(item, NodeFilter.SHOW_TEXT)
    for (let text = texts.nextNode(); text; text = texts.nextNode()) {
      let clipped = false
      for (let e = text.parentElement; e && e !== item; e = e.parentElement) clipped ||= getComputedStyle(e).overflowX !== 'visible'
      const range = document.createRange()
      range.selectNodeContents(text)
      if (!clipped && [...range.getClientRects()].some((r) => r.right > right + 1)) overrun.push(text.textContent!.slice(0, 40))
    }
  }
  return overrun
}

let app: TestApp
beforeAll(async () => {
  app = await startApp()
  const paths: string[] = []
  for (let i = 1; i <= 9; i++) {
    const path = join(app.dir, `newsletter-${i}.txt`)
    const parts = NOTICES.flatMap((notice, k) => [filler(wordMaker(i * 100 + k + 1), 6), notice])
    await writeFile(path, [...parts, filler(wordMaker(i * 100 + 99), 6)].join('\n\n') + '\n')
    paths.push(path)
  }
  const copy = join(app.dir, 'light-blade-copy.txt')
  await copyFile(join(CORPUS, 'gmw-light-blade-what-are-nqpf.txt'), copy)
  paths.push(copy)
  for (const name of ['county-bulletin.txt', 'valley-gazette.txt']) paths.push(join(ROOT, 'test/fixtures/engine/synonyms', name))
  const { added } = await app.service.importDocuments({ paths })
  // The copy is a duplicate document as the engine reads it: the same text with the same site
  // text excluded as the bundled original (corpus/manifest.json).
  const manifest = JSON.parse(await readFile(join(CORPUS, 'manifest.json'), 'utf8')) as {
    documents: { id: string; excluded?: { start: number; end: number; reason?: string }[] }[]
  }
  const original = manifest.documents.find((d) => d.id === 'gmw-light-blade-what-are-nqpf')
  const copyId = added.find((d) => d.id.includes('light-blade-copy'))?.id
  if (copyId && original?.excluded?.length) await app.service.setExcludedRanges({ id: copyId, ranges: original.excluded })
})
afterAll(() => app?.close())

describe('the overlap list', () => {
  it("uses the README's words, gives a paraphrase's reasons, labels duplicates, and hides boilerplate where it helps", async () => {
    const { overlaps } = await app.service.analyseOverlaps({})
    const boilerplate = overlaps.filter((o) => o.boilerplate).length
    expect(boilerplate).toBe(NOTICES.length)
    // The premise of the default below: boilerplate is a third of the list or more.
    expect(boilerplate / overlaps.length).toBeGreaterThanOrEqual(HIDE_BOILERPLATE_SHARE)
    // The JSON keeps the engine's kind.
    expect(overlaps.some((o) => o.kind === 'variant')).toBe(true)

    for (const colorScheme of ['light', 'dark'] as const) {
      const { page, errors } = await openPage(app, { colorScheme })
      await page.evaluate(() => localStorage.removeItem('parallax.hideBoilerplate'))
      await page.goto(app.url())
      const items = page.locator('.overlap-item')
      const toggle = page.locator('input.hide-boilerplate')
      await items.first().waitFor()

      // Boilerplate is a third of the list's overlaps or more: hidden by default.
      await expect.poll(() => items.count()).toBe(overlaps.length - boilerplate)
      expect(await toggle.isChecked()).toBe(true)
      expect(await page.locator('.passages-summary').first().textContent()).toBe(
        `${overlaps.length - boilerplate} of ${overlaps.length} shared passages · ${boilerplate} boilerplate hidden · 1 group of duplicate documents`,
      )
      expect(await page.locator('.overlap-list .boilerplate-badge').count()).toBe(0)

      // The kinds in the README's words: badges, filter, legend; the engine's word nowhere.
      const badges = await page.locator('.overlap-list .kind-badge').allTextContents()
      expect(new Set(badges)).toEqual(new Set(['verbatim', 'near-verbatim', 'paraphrase']))
      expect(await page.locator('select[aria-label="Kind"] option').allTextContents()).toEqual([
        'All kinds',
        'Verbatim',
        'Near-verbatim',
        'Paraphrase',
      ])
      expect(await page.locator('.compare-toolbar .legend .legend-overlap').allTextContents()).toEqual([
        'verbatim',
        'near-verbatim',
        'paraphrase',
      ])
      expect(await page.locator('.overlap-list').first().innerText()).not.toMatch(/\bvariant\b/i)
      await page.locator('select[aria-label="Kind"]').first().selectOption('variant')
      await expect
        .poll(async () => new Set(await page.locator('.overlap-list .kind-badge').allTextContents()))
        .toEqual(new Set(['near-verbatim']))
      await page.locator('select[aria-label="Kind"]').first().selectOption('')

      // A paraphrase found through synonyms says so under the item; the duplicate is labelled.
      const synonymItem = page.locator('.overlap-item', { hasText: 'The council said that a big expansion of the railway' })
      expect(await synonymItem.locator('.kind-badge').textContent()).toBe('paraphrase')
      expect(await synonymItem.locator('.overlap-because').textContent()).toMatch(/^Because: synonyms: .*railway\/railroad/)
      const duplicate = page.locator('.overlap-item', { has: page.locator('.duplicate-badge') })
      expect(await duplicate.count()).toBe(1)
      expect(await duplicate.locator('.duplicate-badge').textContent()).toBe('duplicate documents')
      // One of the first places is a duplicate: shown by default, hidden on asking, said plainly.
      const hideDuplicates = page.locator('input.hide-duplicates')
      expect(await hideDuplicates.isChecked()).toBe(false)
      await hideDuplicates.check()
      await expect.poll(() => duplicate.count()).toBe(0)
      expect(await page.locator('.passages-summary').first().textContent()).toBe(
        `${overlaps.length - boilerplate - 1} of ${overlaps.length} shared passages · ${boilerplate} boilerplate hidden · 1 group of duplicate documents hidden`,
      )
      await hideDuplicates.uncheck()
      await expect.poll(() => duplicate.count()).toBe(1)
      // The score is on the kind's line, and nothing runs past a card's edge, in the narrowest panel.
      await page.setViewportSize({ width: 1024, height: 700 })
      const overrun = await page.locator('.overlap-list').first().evaluate(overrunningItems)
      expect(overrun).toEqual([])
      const middles = await duplicate.evaluate((item) =>
        ['.kind-badge', '.duplicate-badge', '.score'].map((s) => {
          const r = item.querySelector(s)!.getBoundingClientRect()
          return r.top + r.height / 2
        }),
      )
      expect(Math.max(...middles) - Math.min(...middles), `middles of kind, flag and score: ${middles}`).toBeLessThan(4)
      // The filters stay in place under the side panel's tabs while the list scrolls to its end.
      // (Measured from the tabs: choosing an overlap may put a message in the title bar, which
      // grows to hold it, and moves the whole panel.)
      const filters = page.locator('.overlap-filters').first()
      const tab = page.getByRole('tab', { name: 'Overlaps' })
      const belowTab = async () => (await filters.boundingBox())!.y - (await tab.boundingBox())!.y
      const before = await belowTab()
      await page.locator('.overlap-item').last().click()
      await page
        .locator('.overlap-item')
        .last()
        .evaluate((item) => item.scrollIntoView())
      expect(await belowTab()).toBe(before)
      expect(await filters.locator('input[aria-label="Filter by text"]').isVisible()).toBe(true)
      await page.setViewportSize({ width: 1440, height: 900 })

      // Tooltips over the text use the same words.
      await synonymItem.click()
      // The panes change to the clicked overlap's documents: until then the first selected mark is
      // the overlap selected when the view opened (under load, for a while).
      const marked = page.locator(`.pane .overlap.selected`).first()
      await marked.waitFor()
      await expect.poll(() => marked.getAttribute('title'), { timeout: 15_000 }).toMatch(/^paraphrase, score/)
      for (const [width, height] of [
        [1024, 700],
        [1440, 900],
      ]) {
        await page.setViewportSize({ width, height })
        await page.screenshot({ path: join(SHOTS, `overlap-kinds-${width}-${colorScheme}.png`) })
      }

      // Showing boilerplate: the reader's choice is kept across a reload.
      await toggle.uncheck()
      await expect.poll(() => items.count()).toBe(overlaps.length)
      expect(await page.locator('.overlap-list .boilerplate-badge').count()).toBe(boilerplate)
      await page.goto(app.url())
      await items.first().waitFor()
      await expect.poll(() => items.count()).toBe(overlaps.length)
      expect(await toggle.isChecked()).toBe(false)
      await page.setViewportSize({ width: 1024, height: 700 })
      await page.screenshot({ path: join(SHOTS, `overlap-kinds-boilerplate-shown-1024-${colorScheme}.png`) })
      await toggle.check()
      await page.goto(app.url())
      await items.first().waitFor()
      await expect.poll(() => items.count()).toBe(overlaps.length - boilerplate)
      expect(await toggle.isChecked()).toBe(true)

      expect(errors).toEqual([])
      await page.close()
    }
  })

  it('counts in the matrix what the list shows: boilerplate the list hides is not counted, nor duplicates', async () => {
    const { overlaps } = await app.service.analyseOverlaps({})
    // Two newsletters, which share the notices alone; the bundled text and its copy.
    const [a, b] = [...new Set(overlaps.find((o) => o.boilerplate)!.passages.map((p) => p.doc))]
    const [original, copy] = overlaps.find((o) => o.duplicate)!.passages.map((p) => p.doc)
    const { page, errors } = await openPage(app)
    await page.evaluate(() => localStorage.clear())
    await page.goto(app.url())
    await page.locator('.overlap-item').first().waitFor()
    await page.locator('#compare-tab-matrix').click()
    const count = (x: string, y: string) => page.locator(`.matrix-cell[data-a="${x}"][data-b="${y}"] .matrix-count`).textContent()
    const hides = page.locator('.matrix-hides')
    // Boilerplate is hidden by default (a third of the list): the newsletters share nothing counted.
    await expect.poll(() => hides.textContent()).toBe('Boilerplate not counted, as in the list.')
    expect(await count(a, b)).toBe('')
    // The copy is in every overlap of the original too: the group of duplicates is one of them.
    const withDuplicates = overlaps.filter(
      (o) => !o.boilerplate && [original, copy].every((d) => o.passages.some((p) => p.doc === d)),
    ).length
    expect(await count(original, copy)).toBe(`${withDuplicates}×`)
    // Shown in the list, counted here; duplicates hidden there, not counted here.
    await page.locator('#compare-tab-overlaps').click()
    await page.locator('input.hide-boilerplate').uncheck()
    await page.locator('input.hide-duplicates').check()
    await page.locator('#compare-tab-matrix').click()
    await expect.poll(() => hides.textContent()).toBe('Duplicate documents not counted, as in the list.')
    expect(await count(a, b)).toBe(`${NOTICES.length}×`)
    expect(await count(original, copy)).toBe(`${withDuplicates - 1}×`)
    await page.screenshot({ path: join(SHOTS, 'matrix-hides-1440-light.png') })
    await page.locator('#compare-tab-overlaps').click()
    await page.locator('input.hide-duplicates').uncheck()
    await page.locator('#compare-tab-matrix').click()
    await expect.poll(() => hides.isHidden()).toBe(true)
    expect(await count(original, copy)).toBe(`${withDuplicates}×`)
    expect(errors).toEqual([])
    await page.close()
  })

  it('labels a loose likeness, listed apart from the text it is like', async () => {
    await app.service.importDocuments({ paths: ['chage.txt', 'passwd.txt'].map((name) => join(ROOT, 'test/fixtures/engine/reread', name)) })
    const { overlaps } = await app.service.analyseOverlaps({})
    const copy = overlaps.find((o) => !o.likeness && o.passages.some((p) => p.text.includes('--mindays')))
    const loose = overlaps.filter((o) => o.likeness)
    expect(copy?.likeness).toBeUndefined()
    expect(loose).toHaveLength(1)
    expect(loose[0].passages.some((p) => p.text.includes('The chage command'))).toBe(true)
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page, errors } = await openPage(app, { colorScheme })
      const item = page.locator('.overlap-item', { has: page.locator('.likeness-badge') })
      await item.first().waitFor()
      expect(await item.count()).toBe(1)
      expect(await item.locator('.likeness-badge').textContent()).toBe('loose likeness')
      expect(await item.getAttribute('data-overlap')).toBe(loose[0].id)
      // It names the copy it is like, a link to the copy's item.
      const like = item.locator('.overlap-like button.likeness-text')
      expect(await like.count()).toBe(1)
      expect(await like.getAttribute('data-overlap')).toBe(copy!.id)
      const copyRank = await page.locator(`.overlap-item[data-overlap="${copy!.id}"] .rank`).textContent()
      expect(await like.textContent()).toBe(copyRank)
      await like.click()
      const copyItem = page.locator(`.overlap-item[data-overlap="${copy!.id}"][aria-selected="true"]`)
      await copyItem.waitFor()
      // The copy is selected, not the link to it: a tester chose #1 and the list scrolled to a
      // likeness's link near its end.
      expect(await page.locator('.likeness-text[aria-selected]').count()).toBe(0)
      expect(await page.locator('.overlap-list').first().getAttribute('aria-activedescendant')).toBe(await copyItem.getAttribute('id'))
      await item.scrollIntoViewIfNeeded()
      await item.click()
      await page.locator('.pane .overlap.selected').first().waitFor()
      for (const [width, height] of [
        [1024, 700],
        [1440, 900],
      ]) {
        await page.setViewportSize({ width, height })
        await item.scrollIntoViewIfNeeded()
        await page.screenshot({ path: join(SHOTS, `overlap-likeness-${width}-${colorScheme}.png`) })
      }
      expect(errors).toEqual([])
      await page.close()
    }
  })
})
