import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SCREENS, SHOTS } from './browser.js'
import { openPage, startApp, steady, type TestApp } from './harness.js'

// The panes keep what the reader is reading. Adding, closing or moving a pane, or hiding the
// sidebar, leaves each pane that keeps its document at the text it showed at its top (a tester's
// panes all went to the top, or one to another passage, the selected passage's connector pointing
// off the screen); a pane given a document shows the selected passage in it. A small scroll with
// synchronised scrolling moves the other panes a small, corresponding amount, also where the
// texts hold their shared passages in another order (a tester's pane jumped 3,555 px at one turn
// of the wheel, off the passage the panes were lined up on). At each window size and colour
// scheme, as a reader would go through it.

const SHI = 'shi-jianxun-strategic-significance'
const LIGHT_BLADE = 'gmw-light-blade-what-are-nqpf'
const YANG = 'yang-yundong-nqpf-high-quality-development'
const CHINA_BRIEFING = 'china-briefing-nqpf-explainer'

let app: TestApp
beforeAll(async () => {
  app = await startApp()
}, 120_000)
afterAll(() => app?.close())

/** The panes' scroll positions, left to right. */
const scrollTops = (page: Page) =>
  page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.pane .reader-body')].map((b) => b.scrollTop))

/** Whether each pane shows some of the selected passage. */
const selectedInView = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('.pane')].map((pane) => {
      const box = pane.querySelector('.reader-body')!.getBoundingClientRect()
      return [...pane.querySelectorAll('.overlap.selected')].some((m) => {
        const r = m.getBoundingClientRect()
        return r.bottom > box.top && r.top < box.bottom
      })
    }),
  )

/**
 * The text at the top of each pane: 80 characters from the first on a line starting at the pane's
 * top or below.
 */
const topTexts = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.pane .reader-body')].map((body) => {
      const box = body.getBoundingClientRect()
      const range = document.createRange()
      let text = ''
      for (const p of body.querySelectorAll('.reader-text p')) {
        if (!text && p.getBoundingClientRect().bottom <= box.top) continue
        const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT)
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const t = node.textContent!
          for (let i = 0; i < t.length && text.length < 80; i++) {
            if (!text) {
              range.setStart(node, i)
              range.setEnd(node, i + 1)
              if (range.getBoundingClientRect().top < box.top - 1) continue
            }
            text += t[i]
          }
        }
        if (text.length >= 80) break
        if (text) text += ' '
      }
      return text
    }),
  )

/**
 * Whether a pane shows the same text at its top as before: the text reflows where the pane's
 * width changed, so the line there may start a little earlier.
 */
const sameTop = (after: string, before: string) => after.includes(before.slice(0, 16))

/**
 * Whether the connector of the selected passage joins places on screen, within the panes (drawn
 * once the panes are no longer held at the passage: compare-view.ts ALIGN_MS).
 */
const connectorOnScreen = (page: Page) =>
  page.evaluate(() => {
    const path = document.querySelector('svg.connectors path')
    if (!path) return false
    const r = path.getBoundingClientRect()
    const bodies = [...document.querySelectorAll('.pane .reader-body')].map((b) => b.getBoundingClientRect())
    return r.height > 2 && r.top >= Math.min(...bodies.map((b) => b.top)) - 1 && r.bottom <= Math.max(...bodies.map((b) => b.bottom)) + 1
  })

/** Nothing in the panes moves any more: two animation frames with the same positions. */
const settled = (page: Page) => steady(page, () => scrollTops(page))

/** Shows the documents in the panes (adding panes as needed), left to right. */
async function showDocuments(page: Page, docs: string[]): Promise<void> {
  while ((await page.locator('.pane').count()) < docs.length) await page.locator('.add-pane').click()
  for (const [k, doc] of docs.entries()) {
    await page.locator('.pane-picker').nth(k).selectOption(doc)
    await page.locator(`.pane >> nth=${k} >> .reader[data-doc="${doc}"] .reader-text p`).first().waitFor()
  }
}

/**
 * Opens `docs` in panes lined up on overlap `id`, turns the wheel 100 px over the first pane, and
 * gives the panes' scroll positions before and after (each once they have settled).
 */
async function wheelOverFirst(page: Page, docs: string[], id: string): Promise<{ before: number[]; after: number[] }> {
  await showDocuments(page, docs)
  await page.locator(`.overlap-item[data-overlap="${id}"]`).click()
  await expect.poll(() => selectedInView(page)).toEqual(docs.map(() => true))
  await settled(page)
  const before = await scrollTops(page)
  await page.locator('.pane').first().locator('.reader-body').hover()
  await page.mouse.wheel(0, 100)
  await expect.poll(async () => (await scrollTops(page))[0]).toBeGreaterThan(before[0] + 50)
  await settled(page)
  return { before, after: await scrollTops(page) }
}

describe('the panes keep their place', () => {
  it('when a pane is added, moved or closed, the sidebar hidden, or a pane given a document', async () => {
    // "new challenges and opportunities to foreign investors": near the end of Light Blade's
    // text, near the start of China Briefing's.
    const { overlaps } = await app.service.analyseOverlaps({})
    const chosen = overlaps.find((o) => o.passages.some((p) => p.doc === LIGHT_BLADE && /opportunities to foreign investors/.test(p.text)))!
    expect(chosen.passages.map((p) => p.doc).sort()).toEqual([CHINA_BRIEFING, LIGHT_BLADE])
    for (const [width, height, colorScheme] of SCREENS) {
      const { page, errors } = await openPage(app, { colorScheme })
      await page.setViewportSize({ width, height })
      await showDocuments(page, [LIGHT_BLADE, CHINA_BRIEFING])
      const select = async () => {
        await page.locator(`.overlap-item[data-overlap="${chosen.id}"]`).click()
        await expect.poll(async () => (await selectedInView(page)).slice(0, 2)).toEqual([true, true])
        await settled(page)
      }
      await select()
      const lined = await topTexts(page)
      const shot = (name: string) => page.screenshot({ path: join(SHOTS, `pane-places-${name}-${width}-${colorScheme}.png`) })

      // A pane added: the two keep their text, the selected passages stay joined on screen.
      await page.locator('.add-pane').click()
      await expect.poll(() => page.locator('.pane .reader[data-doc] .reader-text p').count()).toBeGreaterThan(0)
      await expect.poll(() => page.locator('.pane .reader[data-doc]').count()).toBe(3)
      await settled(page)
      let now = await topTexts(page)
      expect([sameTop(now[0], lined[0]), sameTop(now[1], lined[1])], JSON.stringify({ lined, now })).toEqual([true, true])
      await expect.poll(() => connectorOnScreen(page)).toBe(true)
      await shot('added')

      // The second pane moved left: each keeps its text.
      await page.locator('.pane').nth(1).getByRole('button', { name: 'Move pane left' }).click()
      await settled(page)
      now = await topTexts(page)
      expect([sameTop(now[0], lined[1]), sameTop(now[1], lined[0])], JSON.stringify({ lined, now })).toEqual([true, true])
      await shot('moved')

      // The third closed: the others keep their text.
      await page.locator('.pane').nth(2).getByRole('button', { name: 'Close pane' }).click()
      await expect.poll(() => page.locator('.pane').count()).toBe(2)
      await settled(page)
      now = await topTexts(page)
      expect([sameTop(now[0], lined[1]), sameTop(now[1], lined[0])], JSON.stringify({ lined, now })).toEqual([true, true])
      await expect.poll(() => connectorOnScreen(page)).toBe(true)

      // Lined up again, then the sidebar hidden: the panes widen, each keeps its text (synchronised
      // scrolling took one pane's reflow for the reader's scrolling, and sent the other away).
      await select()
      const wide = await topTexts(page)

      await page.locator('.collapse-project').click()
      await settled(page)
      now = await topTexts(page)
      expect([sameTop(now[0], wide[0]), sameTop(now[1], wide[1])], JSON.stringify({ wide, now })).toEqual([true, true])
      expect(await selectedInView(page)).toEqual([true, true])
      await expect.poll(() => connectorOnScreen(page)).toBe(true)
      await shot('sidebar-hidden')
      await page.locator('.collapse-project').click()
      await settled(page)

      // A pane given another document shows it from the top; given one with the selected passage,
      // that passage. The other pane keeps its text all along.
      const kept = (await topTexts(page))[1]
      await page.locator('.pane-picker').first().selectOption(SHI)
      await page.locator(`.pane >> nth=0 >> .reader[data-doc="${SHI}"] .reader-text p`).first().waitFor()
      await settled(page)
      expect(await scrollTops(page).then((t) => t[0])).toBe(0)
      expect(sameTop((await topTexts(page))[1], kept)).toBe(true)
      await page.locator('.pane-picker').first().selectOption(CHINA_BRIEFING)
      await expect.poll(() => selectedInView(page)).toEqual([true, true])
      await settled(page)
      expect(sameTop((await topTexts(page))[1], kept)).toBe(true)
      await expect.poll(() => connectorOnScreen(page)).toBe(true)
      expect(errors).toEqual([])
      await page.close()
    }
  }, 240_000)
})

describe('synchronised scrolling', () => {
  it('moves the other panes a little on a small scroll, where the texts share passages in another order', async () => {
    // The paraphrase of "build a modern industrial system": past the middle of Shi's text, near
    // the start of Yang's (the other passages the two share are in another order).
    const { overlaps } = await app.service.analyseOverlaps({})
    const chosen = overlaps.find(
      (o) =>
        [SHI, LIGHT_BLADE, YANG].every((d) => o.passages.some((p) => p.doc === d)) && /modern industrial system/.test(o.passages[0].text),
    )!
    expect(chosen).toBeDefined()
    for (const [width, height, colorScheme] of SCREENS) {
      const { page, errors } = await openPage(app, { colorScheme })
      await page.setViewportSize({ width, height })
      // A turn of the wheel over Shi's pane.
      const { before, after } = await wheelOverFirst(page, [SHI, LIGHT_BLADE, YANG], chosen.id)
      const moved = after.map((top, k) => Math.round(top - before[k]))
      // Each other pane went down a little: as far as Shi's at most three times over (MAX_SYNC_RATE),
      // where Yang's went 3,555 px.
      for (const k of [1, 2]) {
        expect(moved[k], `pane ${k + 1} moved ${moved[k]} px for ${moved[0]}: ${JSON.stringify({ before, after })}`).toBeGreaterThan(0)
        expect(moved[k], `pane ${k + 1} moved ${moved[k]} px for ${moved[0]}: ${JSON.stringify({ before, after })}`).toBeLessThanOrEqual(
          3 * moved[0] + 2,
        )
      }
      // The passage the panes were lined up on is still in view in Yang's pane, whose text has it
      // as the Shi's has it (Light Blade's runs on faster: Shi's text and its share only this passage).
      expect((await selectedInView(page))[2]).toBe(true)
      await page.screenshot({ path: join(SHOTS, `sync-small-scroll-${width}-${colorScheme}.png`) })
      // Back up by as much: the panes are back where they were.
      await page.mouse.wheel(0, -100)
      await expect.poll(async () => (await scrollTops(page))[0]).toBeLessThan(after[0] - 50)
      await settled(page)
      expect((await scrollTops(page)).map((t, k) => Math.abs(t - before[k]) <= 2)).toEqual([true, true, true])
      expect(errors).toEqual([])
      await page.close()
    }
  }, 180_000)
  it('moves the other pane px for px past the passages they share, not on towards its end', async () => {
    // "new challenges and opportunities to foreign investors": near the end of Light Blade's
    // text, the last passage it shares with China Briefing's, near whose start it is.
    const { overlaps } = await app.service.analyseOverlaps({})
    const chosen = overlaps.find((o) => o.passages.some((p) => p.doc === LIGHT_BLADE && /opportunities to foreign investors/.test(p.text)))!
    for (const [width, height, colorScheme] of SCREENS) {
      const { page, errors } = await openPage(app, { colorScheme })
      await page.setViewportSize({ width, height })
      const { before, after } = await wheelOverFirst(page, [LIGHT_BLADE, CHINA_BRIEFING], chosen.id)
      // China Briefing's pane went on three times as fast, towards the end of its longer text.
      expect(after[1] - before[1], JSON.stringify({ before, after })).toBeLessThanOrEqual(1.5 * (after[0] - before[0]))
      expect(await selectedInView(page)).toEqual([true, true])
      expect(errors).toEqual([])
      await page.close()
    }
  }, 180_000)
})
