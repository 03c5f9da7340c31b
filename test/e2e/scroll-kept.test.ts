import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROOT } from '../helpers.js'
import { openPage, startApp, steady, type TestApp } from './harness.js'

// The reader keeps their place: the panes' scroll positions and the selected shared passage stay
// as they are after saving an annotation, after another program (the CLI, in its own process)
// changes the open project's tags, annotations or settings, and after Undo and Redo. One app and
// one page for the whole sequence, as a reader would go through it.

const run = promisify(execFile)

let app: TestApp
let page: Page
let errors: string[]
beforeAll(async () => {
  app = await startApp()
  ;({ page, errors } = await openPage(app))
}, 120_000)
afterAll(async () => {
  await page?.close()
  await app?.close()
})

/** Runs the CLI as a user does, in a process of its own, on the project the app has open. */
async function cli(...args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', join(ROOT, 'main/node/cli/cli.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, PARALLAX_USER_DATA: join(app.dir, 'user-data') },
  })
  return stdout
}

/**
 * Where the reader is: each pane's document and the text at its top (the paragraph there and how
 * far it sits above the pane's top edge, in px), and the selected shared passage. What the reader
 * sees, not scrollTop: the browser's scroll anchoring may change scrollTop to keep the same text
 * in view when paragraphs above it are laid out.
 */
const place = (p: Page) =>
  p.evaluate(() => ({
    panes: [...document.querySelectorAll<HTMLElement>('.pane')].map((pane) => {
      const body = pane.querySelector<HTMLElement>('.reader-body')!
      const box = body.getBoundingClientRect()
      const paragraphs = [...body.querySelectorAll('.reader-text p')]
      const top = paragraphs.findIndex((q) => q.getBoundingClientRect().bottom > box.top + 1)
      return {
        doc: pane.querySelector<HTMLElement>('.reader')?.dataset.doc,
        paragraph: top,
        offset: Math.round(box.top - paragraphs[top].getBoundingClientRect().top),
      }
    }),
    selected: document.querySelector('.overlap-item[aria-selected="true"]')?.getAttribute('data-overlap') ?? null,
    marked: [...new Set([...document.querySelectorAll<HTMLElement>('.pane .overlap.selected')].map((m) => m.dataset.overlap))],
  }))

/** The annotations drawn in the panes (each once, however many pieces other marks cut it into). */
const annotationCount = (p: Page) =>
  p.evaluate(() => new Set([...document.querySelectorAll<HTMLElement>('.pane [data-annotation]')].map((a) => a.dataset.annotation)).size)

/** A tag's annotation count as the codebook shows it. */
const tagCount = (p: Page, name: string) => p.locator('.tag-row', { hasText: name }).locator('.tag-count').textContent()

/** The analysis that a change of texts or project starts has finished and its result is listed. */
async function analysed(p: Page): Promise<void> {
  await expect.poll(() => p.locator('.analysis-progress').isHidden(), { timeout: 60_000 }).toBe(true)
  await expect.poll(() => p.locator('.analysis-label').textContent()).toMatch(/shared passages in/)
}

/** Nothing in the panes moves any more: two animation frames with the same place. */
const settled = (p: Page) => steady(p, () => place(p))

describe('the panes keep their place', () => {
  let before: Awaited<ReturnType<typeof place>>

  it('a selected shared passage, then the reader scrolls on a little', async () => {
    await page.locator('.overlap-item').nth(1).click()
    await expect
      .poll(() => page.evaluate(() => [...document.querySelectorAll('.pane')].every((pane) => pane.querySelector('.overlap.selected'))))
      .toBe(true)
    // The panes aligned on it (each pane aligns once its text is laid out, which under load can be
    // a while after the first mark is drawn).
    await settled(page)
    // Scrolled by the reader (the other panes follow, synchronised), away from where the selection put them.
    const aligned = await page
      .locator('.pane .reader-body')
      .first()
      .evaluate((b) => b.scrollTop)
    // With the wheel, as a reader scrolls (the selection holds the panes until the reader does).
    await page.locator('.pane').first().locator('.reader-body').hover()
    await page.mouse.wheel(0, 120)
    await expect
      .poll(() =>
        page
          .locator('.pane .reader-body')
          .first()
          .evaluate((b) => b.scrollTop),
      )
      .toBeGreaterThan(aligned + 100)
    // The scroll events handled (the other panes followed).
    await settled(page)
    before = await place(page)
    expect(before.selected).not.toBeNull()
    expect(before.marked).toEqual([before.selected])
    expect(before.panes.every((p) => p.doc && p.paragraph > 0)).toBe(true)
  })

  it('after saving an annotation in the page', async () => {
    const docId = before.panes[0].doc!
    // Four words of a paragraph on screen in the first pane, selected as a drag would (no scrolling).
    await page.evaluate(() => {
      const body = document.querySelector<HTMLElement>('.pane .reader-body')!
      const box = body.getBoundingClientRect()
      const p = [...body.querySelectorAll('.reader-text p')].find((q) => {
        const r = q.getBoundingClientRect()
        return r.top > box.top && r.bottom < box.bottom && q.textContent!.trim().split(/\s+/).length > 6
      })!
      const first = document.createTreeWalker(p, NodeFilter.SHOW_TEXT).nextNode()!
      const range = document.createRange()
      range.setStart(first, 0)
      range.setEnd(first, Math.min(first.textContent!.length, 20))
      body.querySelector<HTMLElement>('.reader-text')!.focus({ preventScroll: true })
      window.getSelection()!.removeAllRanges()
      window.getSelection()!.addRange(range)
    })
    await expect.poll(() => page.evaluate(() => String(window.getSelection()).length)).toBeGreaterThan(3)
    expect(await place(page)).toEqual(before)
    await page.keyboard.press('a')
    await page.locator('.annotation-editor').waitFor()
    await page.keyboard.type('Kept in place')
    await page.keyboard.press('Enter')
    await page.keyboard.press('Control+Enter')
    await expect.poll(() => page.locator('.status').textContent()).toMatch(/saved/)
    await expect.poll(() => annotationCount(page)).toBe(1)
    // The test's services read what the app wrote (in Electron, from the folder, a moment later).
    await expect.poll(async () => (await app.service.listAnnotations({ docId })).items.length).toBe(1)
    expect(await place(page)).toEqual(before)
  })

  it('after Undo and Redo', async () => {
    await page.locator('button.history', { hasText: 'Undo' }).click()
    await expect.poll(() => annotationCount(page)).toBe(0)
    expect(await place(page)).toEqual(before)
    await page.locator('button.history', { hasText: 'Redo' }).click()
    await expect.poll(() => annotationCount(page)).toBe(1)
    expect(await place(page)).toEqual(before)
  })

  it('after the CLI creates a tag (tags.json changed by another process)', async () => {
    await cli('tags', 'create', 'From the command line')
    await expect.poll(() => page.locator('.tag-row', { hasText: 'From the command line' }).count(), { timeout: 30_000 }).toBe(1)
    expect(await place(page)).toEqual(before)
  })

  it('after the CLI annotates a shown document (its annotations file changed by another process)', async () => {
    const docId = before.panes[1].doc!
    const { text } = await app.service.getDocument({ id: docId })
    const quote = text
      .split('\n')
      .find((line) => line.trim().split(/\s+/).length > 8)!
      .trim()
      .split(/\s+/)
      .slice(0, 5)
      .join(' ')
    await cli('annotate', '--doc', docId, '--quote', quote, '--tag', 'From the command line')
    // Drawn once the page has read it again (the tag's count comes in the same refresh as the spans).
    await expect.poll(() => tagCount(page, 'From the command line'), { timeout: 30_000 }).toBe('1')
    expect(await place(page)).toEqual(before)
  })

  it("after the CLI changes the project's settings (project.json changed: the texts are read again, the analysis runs again)", async () => {
    await cli('settings', '--reader-name', 'A. Reader')
    await expect.poll(async () => (await app.service.getProject()).readerName, { timeout: 30_000 }).toBe('A. Reader')
    await analysed(page)
    expect(await place(page)).toEqual(before)
    expect(errors).toEqual([])
  })
})
