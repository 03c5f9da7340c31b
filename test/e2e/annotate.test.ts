import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { noteOf } from '../../main/core/annotations/annotation.js'
import type { Service } from '../../main/node/service/service.js'
import { ProjectStore } from '../../main/node/project/store.js'
import { SCREENS, SHOTS } from './browser.js'
import { openDocument, openPage, selectText, startApp, type TestApp } from './harness.js'

// Annotating in Chromium through the web host: select, tag, note, reload, retrieve, undo, and a
// source file edited on disk. Each test has its own app (a fresh copy of the bundled corpus) and
// makes the annotations and tags it needs.

let app: TestApp
let service: Service
const DOC = 'yang-yundong-nqpf-high-quality-development'
const PHRASE = 'new quality productive forces are, in essence, advanced productivity'

/**
 * The text of each annotation in the panes, its pieces joined: other layers' marks (overlaps,
 * definitions) split one highlight into several elements.
 */
function annotationTexts(page: Page): Promise<string[]> {
  return page.locator('.annotation').evaluateAll((els) => {
    const byId = new Map<string, string>()
    for (const e of els) {
      const id = e.getAttribute('data-annotation') ?? ''
      byId.set(id, (byId.get(id) ?? '') + (e.textContent ?? ''))
    }
    return [...byId.values()]
  })
}

beforeEach(async () => {
  app = await startApp()
  service = app.service
})
afterEach(() => app?.close())

/** Annotates the first occurrence of `quote` in DOC through the services. */
async function annotate(quote: string, tags: string[]): Promise<void> {
  const { text } = await service.getDocument({ id: DOC })
  const start = [...text.slice(0, text.indexOf(quote))].length
  await service.createAnnotation({ docId: DOC, start, end: start + [...quote].length, tags })
}

const openApp = () => openPage(app)

describe('annotating in Chromium', () => {
  it('tags a selection with a note, keeps it across a reload, retrieves it, and undoes it', async () => {
    const { page, errors } = await openApp()
    await openDocument(page, DOC)
    await selectText(page, PHRASE)
    await page.keyboard.press('a')
    const editor = page.locator('.annotation-editor')
    await editor.waitFor()
    await page.keyboard.type('Definition')
    await page.keyboard.press('Enter')
    await page.locator('.note-input').fill('Xi’s definition, *verbatim*')
    // The preview under the note shows it as the Passages view will: Markdown rendered.
    await expect.poll(() => page.locator('.note-preview em').textContent()).toBe('verbatim')
    await page.screenshot({ path: join(SHOTS, 'annotate-editor.png') })
    await page.keyboard.press('Control+Enter')
    await expect.poll(() => page.locator('.status').textContent()).toMatch(/saved/)
    // "saved" is said once the file is written; the pane draws the highlight when the change reaches it.
    await expect.poll(() => annotationTexts(page)).toEqual([PHRASE])

    // Durable on disk before the UI said "saved".
    const onDisk = (await ProjectStore.open(service.project.dir)).annotationsOf(DOC)
    expect(onDisk).toHaveLength(1)
    expect(noteOf(onDisk[0])).toBe('Xi’s definition, *verbatim*')

    // Opened again from its address (a reload has no token: the page cleans its address).
    await page.goto(app.url())
    await openDocument(page, DOC)
    await expect.poll(() => page.locator('.annotation').count()).toBe(1)
    expect(await page.locator('.annotation').first().getAttribute('data-tags')).toBe('Definition')
    await page.screenshot({ path: join(SHOTS, 'annotate-after-reload.png') })

    // The retrieval view lists it with its context.
    await page.locator('#tab-passages').click()
    await expect.poll(() => page.locator('.passage-quote').allTextContents()).toEqual([PHRASE])
    await expect.poll(() => page.locator('.passage-note em').textContent()).toBe('verbatim')
    expect(await page.locator('.passage-note').textContent()).toBe('Xi’s definition, verbatim')
    await page.screenshot({ path: join(SHOTS, 'passages.png') })

    // Undo removes it (from the files too); redo brings it back.
    await page.locator('body').press('Control+z')
    await expect.poll(() => page.locator('.passage').count()).toBe(0)
    expect((await ProjectStore.open(service.project.dir)).annotationsOf(DOC)).toHaveLength(0)
    await page.locator('body').press('Control+Shift+z')
    await expect.poll(() => page.locator('.passage').count()).toBe(1)
    expect(errors).toEqual([])
    await page.close()
  })

  // A tester selected text halfway down a pane at 1440×900 and wrote a note with a list: the
  // preview grew the popover past the window's bottom edge, Save sat at y=916–946 and could not be
  // clicked (only Ctrl+Enter saved).
  it('keeps the editor, and its Save and Cancel, in the window as the note grows', async () => {
    const note = 'Yang frames NQPF **against** the *old* model; compare Shi.\n\n- resource inputs\n- energy\n- labour\n- land\n- capital'
    for (const [width, height, colorScheme] of SCREENS) {
      const { page, errors } = await openPage(app, { colorScheme })
      await page.setViewportSize({ width, height })
      await openDocument(page, DOC)
      await selectText(page, PHRASE)
      // The selection halfway down the window, as the tester's was (scrolled again until it stays
      // there: the text around it is laid out as it comes near the screen).
      await expect
        .poll(() =>
          page.evaluate(async () => {
            const body = document.querySelector('.pane.active .reader-body')!
            body.scrollTop += window.getSelection()!.getRangeAt(0).getBoundingClientRect().top - innerHeight / 2
            await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))
            return window.getSelection()!.getRangeAt(0).getBoundingClientRect().top / innerHeight
          }),
        )
        .toBeCloseTo(0.5, 1)
      await page.keyboard.press('a')
      const editor = page.locator('.annotation-editor')
      await editor.waitFor()
      await page.locator('.note-input').fill(note)
      await expect.poll(() => page.locator('.note-preview .note-bullet').count()).toBe(5)
      /** Whether the whole editor is in the window and Save and Cancel are where a click lands on them. */
      const fits = () =>
        page.evaluate(() => {
          const box = document.querySelector('.annotation-editor')!.getBoundingClientRect()
          const hit = (name: string) => {
            const button = [...document.querySelectorAll('.annotation-editor .popover-actions button')].find((b) => b.textContent === name)!
            const r = button.getBoundingClientRect()
            return document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) === button
          }
          return { inside: box.top >= 0 && box.bottom <= innerHeight, save: hit('Save'), cancel: hit('Cancel') }
        })
      await expect.poll(fits).toEqual({ inside: true, save: true, cancel: true })
      await page.screenshot({ path: join(SHOTS, `annotate-editor-note-${width}-${colorScheme}.png`) })
      // The note's box dragged taller than the window: the editor's body scrolls, Save stays in view.
      await page.locator('.note-input').evaluate((t: HTMLElement) => (t.style.height = `${innerHeight}px`))
      await expect.poll(fits).toEqual({ inside: true, save: true, cancel: true })
      await page.screenshot({ path: join(SHOTS, `annotate-editor-tall-note-${width}-${colorScheme}.png`) })
      await editor.getByRole('button', { name: 'Save', exact: true }).click()
      await expect.poll(() => page.locator('.status').textContent()).toMatch(/saved/)
      expect(errors).toEqual([])
      await page.close()
    }
  })

  it('applies the active tag with one key and builds a codebook hierarchy', async () => {
    await service.createTag({ name: 'Definition' })
    const { page, errors } = await openApp()
    await page.locator('#side-tab-codebook').click()
    await page.locator('.add-tag').click()
    await page.locator('.tag-details input[name="name"]').fill('Innovation')
    await page.locator('.tag-details input[name="name"]').press('Enter')
    await expect.poll(() => page.locator('.tag-row .tag-name').allTextContents()).toContain('Innovation')
    // Nest "Innovation" under "Definition" from the keyboard: Definition comes first, so Alt+→.
    await page.locator('.tag-row', { hasText: 'Innovation' }).focus()
    await page.keyboard.press('Alt+ArrowRight')
    await expect
      .poll(async () => (await service.getProject()).tags.find((t) => t.name === 'Innovation')?.parent)
      .toBe((await service.getProject()).tags.find((t) => t.name === 'Definition')?.id)
    await page.locator('.tag-row', { hasText: 'Innovation' }).focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => page.locator('.tag-row.active .tag-name').textContent()).toBe('Innovation')
    await page.screenshot({ path: join(SHOTS, 'codebook.png') })

    await page.locator('#side-tab-documents').click()
    await openDocument(page, DOC)
    await selectText(page, 'technological breakthroughs')
    await page.keyboard.press('t')
    await page.screenshot({ path: join(SHOTS, 'active-tag.png') })
    await expect.poll(() => page.locator('.annotation[data-tags="Innovation"]').count()).toBe(1)
    expect(errors).toEqual([])
    await page.close()
  })

  it('follows a source file edited on disk, or lists the annotation as an orphan', async () => {
    await annotate(PHRASE, ['Definition'])
    await annotate('technological breakthroughs', ['Innovation'])
    const { page, errors } = await openApp()
    await openDocument(page, DOC)
    await expect.poll(async () => (await annotationTexts(page)).length).toBe(2)
    const path = service.project.documentPath(service.project.document(DOC))
    const before = await readFile(path, 'utf8')
    // Insert a paragraph at the top (the definition moves) and rewrite "technological breakthroughs".
    await writeFile(
      path,
      'An editor’s note added at the top.\n\n' +
        before.replace('revolutionary technological breakthroughs', 'sweeping changes in technique'),
    )
    await expect.poll(() => page.locator('#tab-orphans').textContent(), { timeout: 10_000 }).toBe('Orphans (1)')
    await expect.poll(() => annotationTexts(page)).toEqual([PHRASE])
    await page.locator('#tab-orphans').click()
    await expect.poll(() => page.locator('.passage-quote').allTextContents()).toEqual(['technological breakthroughs'])
    await page.screenshot({ path: join(SHOTS, 'orphans.png') })
    // Re-attach it to new text.
    await page.locator('.passage button', { hasText: 'Re-attach' }).click()
    await page.locator('.reattach-bar').waitFor()
    // The bar quotes the annotation once: a tester read “ “Xi made the point” ” (quote marks written
    // around a <q>, which draws its own).
    const said = page.locator('.reattach-bar > span')
    expect(await said.textContent()).toBe('Re-attaching technological breakthroughs: select its passage, then press A or ')
    expect(await said.locator('q').evaluate((q) => getComputedStyle(q, '::before').content)).toBe('open-quote')
    for (const [width, height, colorScheme] of SCREENS) {
      await page.emulateMedia({ colorScheme })
      await page.setViewportSize({ width, height })
      await page.screenshot({ path: join(SHOTS, `reattach-bar-${width}-${colorScheme}.png`) })
    }
    await selectText(page, 'sweeping changes in technique')
    await page.keyboard.press('a')
    await expect.poll(() => page.locator('#tab-orphans').textContent()).toBe('Orphans')
    await expect.poll(async () => (await annotationTexts(page)).sort()).toEqual([PHRASE, 'sweeping changes in technique'].sort())
    await page.screenshot({ path: join(SHOTS, 'reattached.png') })
    expect(errors).toEqual([])
    await page.close()
  })

  it('searches with a KWIC concordance and opens a hit', async () => {
    const { page, errors } = await openApp()
    await page.locator('#tab-search').click()
    await page.locator('.search-input').fill('"high-quality development"')
    await page.locator('.search-input').press('Enter')
    await expect.poll(() => page.locator('.kwic tbody tr').count()).toBeGreaterThan(5)
    await page.locator('select[aria-label="Sort by"]').selectOption('right')
    await page.screenshot({ path: join(SHOTS, 'search-kwic.png') })
    await page.locator('.kwic tbody tr').first().click()
    await expect.poll(() => page.evaluate(() => String(window.getSelection()).toLowerCase())).toBe('high-quality development')
    expect(errors).toEqual([])
    await page.close()
  })
})
