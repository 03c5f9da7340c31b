import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { noteOf, tagIdsOf } from '../../main/core/annotations/annotation-parts.js'
import { SHOTS } from './browser.js'
import { openDocument, openPage, selectText, startApp, type TestApp } from './harness.js'

// Reading and annotating from the keyboard without losing input or place: the popover's focus
// order, shortcuts that stay out of typed text, scroll positions kept across saves. Each test has
// its own app (a fresh copy of the bundled corpus).

let app: TestApp
beforeEach(async () => {
  app = await startApp()
})
afterEach(() => app?.close())

/** The panes' scroll positions, left to right. */
const scrollTops = (page: Page) =>
  page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.pane .reader-body')].map((b) => Math.round(b.scrollTop)))

/** Selects the top shared passage (the panes align on it) and waits until the panes are scrolled to it. */
async function selectTopOverlap(page: Page): Promise<void> {
  await page.locator('.overlap-item').first().click()
  await page.locator('.pane .overlap.selected').first().waitFor()
  await expect.poll(async () => (await scrollTops(page)).some((t) => t > 0)).toBe(true)
}

/** Puts the caret at the start of the selected passage in the first pane (as a click would). */
async function caretAtSelectedPassage(page: Page): Promise<void> {
  await page.evaluate(() => {
    const mark = document.querySelector('.pane .overlap.selected') as HTMLElement
    const text = mark.closest('.reader-text') as HTMLElement
    text.focus({ preventScroll: true })
    const range = document.createRange()
    range.setStart(mark.firstChild!, 0)
    range.collapse(true)
    window.getSelection()!.removeAllRanges()
    window.getSelection()!.addRange(range)
  })
}

/** The analysis that follows a change has finished (no progress bar). */
const analysed = (page: Page) => page.locator('.analysis-progress').isHidden()

describe('annotating from the keyboard', () => {
  it('saves a note typed after Tab (n and p are text there) and keeps the panes where they were', async () => {
    await app.service.createTag({ name: 'Definition' })
    const { page, errors } = await openPage(app)
    await selectTopOverlap(page)
    await caretAtSelectedPassage(page)
    for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+Control+ArrowRight')
    await expect.poll(() => page.evaluate(() => String(window.getSelection()).trim().length)).toBeGreaterThan(3)
    const before = await scrollTops(page)
    const docId = await page.locator('.pane.active .reader').getAttribute('data-doc')

    await page.keyboard.press('a')
    await page.locator('.annotation-editor').waitFor()
    await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toBe('tag-input')
    await page.keyboard.type('Keyboard')
    await page.keyboard.press('Enter')
    await page.keyboard.press('Tab')
    await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toBe('note-input')
    const note = 'a note on panning and pinning, next to nothing'
    await page.keyboard.type(note)
    // n and p typed into the note did not step through the overlaps behind the popover.
    expect(await scrollTops(page)).toEqual(before)
    await page.screenshot({ path: join(SHOTS, 'keyboard-note.png') })
    await page.keyboard.press('Tab')
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Save')
    await page.keyboard.press('Shift+Tab')
    await page.keyboard.press('Control+Enter')

    await expect.poll(() => page.locator('.status').textContent()).toMatch(/saved/)
    // Read by the test's own services: in Electron they learn of the app's write from the folder.
    await expect.poll(async () => (await app.service.listAnnotations({ docId: docId! })).items.length).toBe(1)
    const saved = (await app.service.listAnnotations({ docId: docId! })).items
    expect(noteOf(saved[0].annotation)).toBe(note)
    const project = await app.service.getProject()
    expect(tagIdsOf(saved[0].annotation).map((id) => project.tags.find((t) => t.id === id)?.name)).toEqual(['Keyboard'])
    // One highlight: drawn in as many pieces as the overlap's marks cut it into (its words
    // "stated, “In" are a variant), each with its id.
    await expect
      .poll(
        async () => new Set(await page.locator('.pane .annotation').evaluateAll((a) => a.map((e) => e.getAttribute('data-annotation')))),
      )
      .toEqual(new Set([saved[0].annotation.id]))
    await expect.poll(() => analysed(page)).toBe(true)
    expect(await scrollTops(page)).toEqual(before)
    expect(errors).toEqual([])
    await page.close()
  })

  it('shows the active tag as a removable chip when A opens the popover, and T still tags in one key', async () => {
    const tag = await app.service.createTag({ name: 'Innovation' })
    const { page, errors } = await openPage(app)
    await page.locator('#side-tab-codebook').click()
    await page.locator('.tag-row', { hasText: 'Innovation' }).focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => page.locator('.tag-row.active .tag-name').textContent()).toBe('Innovation')
    await selectTopOverlap(page)
    await caretAtSelectedPassage(page)
    await page.keyboard.press('Shift+Control+ArrowRight')
    // A waits for the reader to hold the selection (as the first test does), not for time.
    await expect.poll(() => page.evaluate(() => String(window.getSelection()).trim().length)).toBeGreaterThan(0)
    await page.keyboard.press('a')
    await page.locator('.annotation-editor').waitFor()
    await expect.poll(() => page.locator('.annotation-editor .chip.from-active').textContent()).toContain('Innovation')
    expect(await page.locator('.tag-origin').isVisible()).toBe(true)
    await page.screenshot({ path: join(SHOTS, 'active-tag-chip.png') })
    // Backspace in the empty tag field removes it; Escape cancels without saving.
    await page.keyboard.press('Backspace')
    await expect.poll(() => page.locator('.annotation-editor .chip').count()).toBe(0)
    await page.keyboard.press('Escape')
    await expect.poll(() => page.locator('.annotation-editor').isHidden()).toBe(true)
    await page.keyboard.press('t')
    await expect.poll(() => page.locator('.annotation[data-tags="Innovation"]').count()).toBeGreaterThan(0)
    expect(tag.tag.name).toBe('Innovation')
    expect(errors).toEqual([])
    await page.close()
  })

  it('acts on the selection the reader sees, even before the editor has read it', async () => {
    const { page, errors } = await openPage(app)
    await selectTopOverlap(page)
    // Select the passage and press A in one task, before the page's selectionchange event reaches
    // ProseMirror: what happens when a redraw lands between a keyboard selection and the key.
    const selected = await page.evaluate(() => {
      const mark = document.querySelector('.pane .overlap.selected') as HTMLElement
      const text = mark.closest('.reader-text') as HTMLElement
      text.focus({ preventScroll: true })
      const range = document.createRange()
      range.selectNodeContents(mark)
      window.getSelection()!.removeAllRanges()
      window.getSelection()!.addRange(range)
      const seen = String(window.getSelection())
      text.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true, cancelable: true }))
      return seen
    })
    await page.locator('.annotation-editor').waitFor()
    expect(await page.locator('.annotation-editor .popover-quote').textContent()).toContain(selected.trim().slice(0, 20))
    // Cancelled, the text has its selection back (the one the reader made, not an older one).
    await page.keyboard.press('Escape')
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('reader-text'))).toBe(true)
    await expect.poll(() => page.evaluate(() => String(window.getSelection()))).toBe(selected)
    // Escape and A in one task: the key comes before ProseMirror's deferred restoring of its
    // selection on focus, and must still act on the selection, not on a caret at the text's start.
    await page.keyboard.press('a')
    await page.locator('.annotation-editor').waitFor()
    const reopened = await page.evaluate(() => {
      const key = (target: Element, k: string) =>
        target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }))
      key(document.querySelector('.annotation-editor')!, 'Escape')
      const text = document.activeElement as HTMLElement
      const seen = String(window.getSelection())
      key(text, 'a')
      return { focused: text.classList.contains('reader-text'), seen }
    })
    expect(reopened).toEqual({ focused: true, seen: selected })
    await page.locator('.annotation-editor').waitFor()
    expect(await page.locator('.annotation-editor .popover-quote').textContent()).toContain(selected.trim().slice(0, 20))
    expect(errors).toEqual([])
    await page.close()
  })

  it('keeps a selection the editor has not read yet when a redraw lands', async () => {
    const DOC = 'yang-yundong-nqpf-high-quality-development'
    const PHRASE = 'new quality productive forces are, in essence, advanced productivity'
    const { page, errors } = await openPage(app)
    await openDocument(page, DOC)
    // The reader selects a phrase, and ProseMirror does not hear of it (its selectionchange event
    // held back): what happens when a save or an analysis reports back between the two.
    await selectText(page, PHRASE, { unheard: true })
    expect(await page.evaluate(() => String(window.getSelection()))).toBe(PHRASE)
    // Another process annotates elsewhere in the text: the pane redraws its highlights.
    const { text } = await app.service.getDocument({ id: DOC })
    const other = 'technological breakthroughs'
    const start = [...text.slice(0, text.indexOf(other))].length
    await app.service.createAnnotation({ docId: DOC, start, end: start + [...other].length, tags: [] })
    await page.locator('.annotation').first().waitFor()
    expect(await page.evaluate(() => String(window.getSelection()))).toBe(PHRASE)
    await page.evaluate(() => (window as { releaseSelection?: () => void }).releaseSelection?.())
    await page.keyboard.press('a')
    await page.locator('.annotation-editor').waitFor()
    expect(await page.locator('.annotation-editor .popover-quote').textContent()).toContain(PHRASE)
    expect(errors).toEqual([])
    await page.close()
  })

  it('draws coding stripes in tag colours in the margin, side by side where codes overlap; a click opens the annotation', async () => {
    const DOC = 'yang-yundong-nqpf-high-quality-development'
    const { text } = await app.service.getDocument({ id: DOC })
    const at = (quote: string) => [...text.slice(0, text.indexOf(quote))].length
    const phrase = 'new quality productive forces are, in essence, advanced productivity'
    const start = at(phrase)
    const end = start + [...phrase].length
    await app.service.createAnnotation({ docId: DOC, start, end, tags: ['Definition', 'Innovation'], note: 'Two codes' })
    await app.service.createAnnotation({ docId: DOC, start: start + 10, end: end + 20, tags: ['Productivity'] })
    const { tags } = await app.service.getProject()
    const { page, errors } = await openPage(app)
    await openDocument(page, DOC)
    const stripes = page.locator('.pane.active .reader-margin .stripe')
    await expect.poll(() => stripes.count()).toBe(3)
    // Each stripe in its tag's colour, the overlapping ones in distinct lanes (polled: the margin is
    // drawn on the next animation frame after a change, so a first look may catch an older drawing).
    const drawn = () =>
      stripes.evaluateAll((s) =>
        s.map((e) => ({
          colour: getComputedStyle(e).backgroundColor,
          left: (e as HTMLElement).style.left,
          title: e.getAttribute('title'),
        })),
      )
    const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`
    const names = ['Definition', 'Innovation', 'Productivity']
    await expect
      .poll(async () => {
        const all = await drawn()
        return names.map((name) => all.find((d) => d.title?.startsWith(name))?.colour)
      })
      .toEqual(names.map((name) => rgb(tags.find((t) => t.name === name)!.colour)))
    expect(new Set((await drawn()).map((d) => d.left)).size).toBe(3)
    await expect.poll(() => page.locator('.pane.active .note-marker').count()).toBe(1)
    await page.screenshot({ path: join(SHOTS, 'margin-stripes.png') })
    // A click on a stripe opens its annotation (with its note beside the text).
    await page.locator('.pane.active .reader-margin .stripe[title^="Productivity"]').click()
    await page.locator('.annotation-editor').waitFor()
    await expect.poll(() => page.locator('.annotation-editor .chip').allTextContents()).toEqual([expect.stringContaining('Productivity')])
    await page.keyboard.press('Escape')
    await page.locator('.pane.active .note-marker').click()
    await expect.poll(() => page.locator('.note-input').inputValue()).toBe('Two codes')
    await page.keyboard.press('Escape')
    // The toggle hides the margin.
    await page.locator('.margin-toggle').uncheck()
    await expect.poll(() => stripes.count()).toBe(0)
    await page.locator('.margin-toggle').check()
    await expect.poll(() => stripes.count()).toBe(3)
    expect(errors).toEqual([])
    await page.close()
  })
})
