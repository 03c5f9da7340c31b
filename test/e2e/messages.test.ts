import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ProjectStore } from '../../main/node/project/store.js'
import { SCREENS, SHOTS } from './browser.js'
import { openDocument, openPage, startApp, type TestApp } from './harness.js'

// What the app tells the reader, in Chromium through the web host: the metadata form's mistakes
// said in plain words at the field and checked before anything is sent, and gone once put right;
// an import of a batch with a file that cannot be read brings in the others and names each one
// that could not be read as the reader picked it.

const DOC = 'shi-jianxun-strategic-significance'

let app: TestApp
beforeAll(async () => {
  app = await startApp()
})
afterAll(() => app?.close())

const field = (page: Page, name: string) => page.locator(`.doc-details input[name="${name}"]`)
const fieldError = (page: Page, name: string) => page.locator(`#metadata-${name}-error`)
const save = (page: Page) => page.locator('.doc-details button[type="submit"]').click()
const stored = async () => (await ProjectStore.open(app.service.project.dir)).project.documents.find((d) => d.id === DOC)!

describe('messages', () => {
  it('says at the field what is wrong with the metadata, sends nothing, and clears it once put right', async () => {
    const { page, errors } = await openPage(app)
    await openDocument(page, DOC)
    const before = await stored()

    // A date as people write it: the field says how to write it, with this date written so.
    await field(page, 'date').fill('10 April 2024')
    await save(page)
    await expect
      .poll(() => fieldError(page, 'date').textContent())
      .toBe('Write the date as YYYY-MM-DD, here 2024-04-10 (or YYYY-MM, or the year alone)')
    expect(await field(page, 'date').getAttribute('aria-invalid')).toBe('true')
    expect(await field(page, 'date').evaluate((input) => input === document.activeElement)).toBe(true)
    // Nothing raw in the title bar, nothing sent.
    expect(await page.locator('.status').textContent()).not.toMatch(/updateDocumentMetadata|ISO date|Too small/)
    expect((await stored()).date).toBe(before.date)

    // An empty title, with the date still wrong: both fields say so.
    await field(page, 'title').fill('  ')
    await save(page)
    await expect.poll(() => fieldError(page, 'title').textContent()).toBe('A title is needed: the document is listed and cited by it')
    expect(await fieldError(page, 'date').isVisible()).toBe(true)
    for (const [width, height, colorScheme] of SCREENS) {
      await page.emulateMedia({ colorScheme })
      await page.setViewportSize({ width, height })
      await page.locator('.doc-details form').scrollIntoViewIfNeeded()
      await page.screenshot({ path: join(SHOTS, `metadata-errors-${colorScheme}-${width}.png`) })
    }
    expect(await page.locator('.status').textContent()).not.toMatch(/updateDocumentMetadata/)
    expect((await stored()).title).toBe(before.title)

    // Put right as typed, a field's message goes at once; the title put back to what is stored is
    // not sent, and its message goes on Save with the rest.
    await field(page, 'date').fill('2024-04-11')
    await expect.poll(() => fieldError(page, 'date').isHidden()).toBe(true)
    await field(page, 'title').fill(before.title)
    await save(page)
    await expect.poll(async () => (await stored()).date).toBe('2024-04-11')
    expect(await fieldError(page, 'title').isHidden()).toBe(true)
    await expect.poll(() => page.locator('.status').textContent()).toBe('Details saved · saved')
    expect(await page.locator('.status.error').count()).toBe(0)
    await app.service.updateDocumentMetadata({ id: DOC, date: before.date })
    expect(errors).toEqual([])
    await page.close()
  })

  it('imports every file of a batch that can be read, and names each one that cannot as it was picked', async () => {
    const files = join(app.dir, 'picked')
    await mkdir(files, { recursive: true })
    await writeFile(join(files, 'h3bin.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x01, 0x02]))
    await writeFile(join(files, 'good-notes.txt'), 'Good notes\n\nA readable text about new quality productive forces.\n')
    await writeFile(join(files, 'empty.md'), '')
    const { page, errors } = await openPage(app)
    const before = await page.locator('.doc-item').count()
    await page
      .locator('.side-panel input[type="file"]')
      .setInputFiles(['h3bin.txt', 'good-notes.txt', 'empty.md'].map((name) => join(files, name)))
    const report = page.locator('dialog.import-report')
    await expect.poll(() => report.isVisible(), { timeout: 10_000 }).toBe(true)
    await expect.poll(() => page.locator('.doc-item').count(), { timeout: 10_000 }).toBe(before + 1)
    const text = await report.textContent()
    expect(text).toContain('Added: “Good notes”')
    expect(text).toContain('Not imported (2 files):')
    expect(await report.locator('.import-failed li').allTextContents()).toEqual([
      expect.stringMatching(/^h3bin\.txt: this is a binary file/),
      'empty.md: the file is empty',
    ])
    expect(text).not.toContain('parallax-upload')
    expect(await page.locator('.status').textContent()).toBe('Added “Good notes”; 2 files were not imported')
    for (const [width, height, colorScheme] of SCREENS) {
      await page.emulateMedia({ colorScheme })
      await page.setViewportSize({ width, height })
      await page.screenshot({ path: join(SHOTS, `import-report-${colorScheme}-${width}.png`) })
    }
    expect(errors).toEqual([])
    await page.close()
  })
})
