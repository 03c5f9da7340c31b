import { join } from 'node:path'
import type { Locator } from 'playwright-core'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SHOTS } from './browser.js'
import { openPage, startApp, type TestApp } from './harness.js'

// Memos in the page: a tag's memo written in the codebook, a document's in the document details;
// both rendered as Markdown, kept across a reload (they are in the project's files), and undone.

let app: TestApp
beforeEach(async () => {
  app = await startApp()
})
afterEach(() => app?.close())

describe('memos', () => {
  it('edits a tag memo and a document memo, keeps them across a reload, and undoes them', async () => {
    const { service } = app
    await service.createTag({ name: 'Economy', description: 'About the economy' })
    const { page, errors } = await openPage(app)
    /** Screenshots at 1024×700 and 1440×900, light and dark, with `shown` scrolled into view. */
    const shots = async (name: string, shown?: Locator) => {
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme })
        for (const [width, height] of [
          [1024, 700],
          [1440, 900],
        ]) {
          await page.setViewportSize({ width, height })
          await shown?.scrollIntoViewIfNeeded()
          await page.screenshot({ path: join(SHOTS, `${name}-${colorScheme}-${width}.png`) })
        }
      }
      await page.emulateMedia({ colorScheme: 'light' })
    }

    // The tag's memo, from the codebook.
    await page.locator('#side-tab-codebook').click()
    const row = page.locator('.tag-row', { has: page.locator('.tag-name', { hasText: 'Economy' }) })
    await row.locator('.tag-name').click()
    const tagMemo = page.locator('.tag-details .memo')
    await tagMemo.locator('.memo-edit').click()
    await tagMemo
      .locator('textarea')
      .fill('Claims about **growth**, with *emphasis*:\n\n- GDP figures\n- trade\n\nSee [the plan](https://example.org/plan).')
    // A change arriving while the reader types (the codebook redrawn) keeps the text box, its text and its focus.
    await service.createTag({ name: 'Trade' })
    await page.locator('.tag-row .tag-name', { hasText: 'Trade' }).waitFor()
    await page.keyboard.type(' Kept.')
    expect(await tagMemo.locator('textarea').inputValue()).toMatch(/\(https:\/\/example\.org\/plan\)\. Kept\.$/)
    await shots('memo-tag-editing', tagMemo)
    await tagMemo.locator('.memo-save').click()
    await expect.poll(async () => (await service.getProject()).tags.find((t) => t.name === 'Economy')?.memo).toMatch(/^Claims about/)
    // Rendered as Markdown: bold, a list, a link; the tree marks the tag as having a memo.
    await expect.poll(() => tagMemo.locator('.memo-text strong').textContent()).toBe('growth')
    expect(await tagMemo.locator('.memo-text .note-bullet').count()).toBe(2)
    expect(await tagMemo.locator('.memo-text a').getAttribute('href')).toBe('https://example.org/plan')
    // The tree is another view of the same state, redrawn on its own turn: waited for too.
    await expect.poll(() => row.locator('.memo-badge').count()).toBe(1)
    await shots('memo-tag', tagMemo)

    // The document's memo, from the document details (the document of the active pane), typed
    // from the keyboard and saved with Ctrl+Enter.
    await page.locator('#side-tab-documents').click()
    const docId = await page.locator('.doc-item[aria-selected="true"]').getAttribute('data-id')
    expect(docId).toBeTruthy()
    const docMemo = page.locator('.doc-details .memo')
    await docMemo.locator('.memo-edit').click()
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('memo-input'))).toBe(true)
    // Single-key shortcuts (n, p, a, t) stay out of the text box.
    await page.keyboard.type('Read next to the plan; note the tone.')
    await page.keyboard.press('Control+Enter')
    await expect.poll(async () => (await service.getDocument({ id: docId! })).document.memo).toBe('Read next to the plan; note the tone.')
    await expect.poll(() => docMemo.locator('.memo-text').textContent()).toBe('Read next to the plan; note the tone.')
    await expect.poll(() => page.locator(`.doc-item[data-id="${docId}"] .doc-memo-mark`).count()).toBe(1)
    await shots('memo-document', docMemo)

    // Escape leaves an edit without saving it.
    await docMemo.locator('.memo-edit').click()
    await docMemo.locator('textarea').fill('Not to be kept')
    await page.keyboard.press('Escape')
    await expect.poll(() => docMemo.locator('textarea').isHidden()).toBe(true)
    expect((await service.getDocument({ id: docId! })).document.memo).toBe('Read next to the plan; note the tone.')

    // Opened again from its address: both memos are still there.
    await page.goto(app.url())
    await page.locator('.overlap-item').first().waitFor()
    await page.locator(`.doc-item[data-id="${docId}"]`).click()
    await expect.poll(() => page.locator('.doc-details .memo .memo-text').textContent()).toBe('Read next to the plan; note the tone.')
    await page.locator('#side-tab-codebook').click()
    await row.locator('.tag-name').click()
    await expect.poll(() => page.locator('.tag-details .memo .memo-text strong').textContent()).toBe('growth')

    // The Passages view shows the memo of the tag retrieved, beside its passages.
    await page.locator('.tag-details button', { hasText: /^Show \d+ passages?$/ }).click()
    const passagesMemo = page.locator('.passages-memo')
    await expect.poll(() => passagesMemo.locator('h3').textContent()).toBe('Memo · Economy')
    await expect.poll(() => passagesMemo.locator('strong').textContent()).toBe('growth')
    await shots('memo-passages')

    // Undo takes the document memo away, then the tag memo; the page follows.
    const undo = page.locator('button.history', { hasText: 'Undo' })
    await expect.poll(() => undo.getAttribute('title')).toMatch(/^Undo Edit memo on “/)
    await undo.click()
    await expect.poll(async () => (await service.getDocument({ id: docId! })).document.memo).toBeUndefined()
    await expect.poll(() => undo.getAttribute('title')).toBe('Undo Edit memo on tag "Economy"')
    await undo.click()
    await expect.poll(() => page.locator('.tag-details .memo .memo-text').isHidden()).toBe(true)
    expect(await page.locator('.tag-details .memo .memo-edit').textContent()).toBe('+ Add memo')
    // The test's services read what the app wrote (in Electron, from the folder, a moment later).
    await expect.poll(async () => (await service.getProject()).tags.find((t) => t.name === 'Economy')?.memo).toBeUndefined()
    await page.locator('#side-tab-documents').click()
    await expect.poll(() => page.locator('.doc-details .memo .memo-edit').textContent()).toBe('+ Add memo')
    expect(errors).toEqual([])
  })
})
