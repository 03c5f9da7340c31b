import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { qualcoderQdpx } from '../fixtures/import/refi.js'
import { SHOTS } from './browser.js'
import { openDocument, openPage, savedFile, selectText, startApp, type TestApp } from './harness.js'

// Exchange in the page: notes rendered as Markdown, the export dialog's orphan count and the
// reader's name, a REFI-QDA project's import report, a category the tag picker refuses.

const DOC = 'yang-yundong-nqpf-high-quality-development'
const PHRASE = 'new quality productive forces are, in essence, advanced productivity'
const GONE = 'technological breakthroughs'

let app: TestApp
beforeAll(async () => {
  app = await startApp()
  const s = app.service
  const { text } = await s.getDocument({ id: DOC })
  const span = (quote: string) => {
    const start = [...text.slice(0, text.indexOf(quote))].length
    return { start, end: start + [...quote].length }
  }
  await s.createAnnotation({
    docId: DOC,
    ...span(PHRASE),
    tags: ['Definition'],
    note: 'A **strong** claim, *in essence*:\n\n- first\n- second',
  })
  await s.createAnnotation({ docId: DOC, ...span(GONE), tags: ['Innovation'], note: 'Was **here**' })
  const path = s.project.documentPath(s.project.document(DOC))
  await writeFile(path, (await readFile(path, 'utf8')).replace(`revolutionary ${GONE}`, 'sweeping changes in technique'))
  // The watcher re-anchors the changed document: wait for the orphan.
  for (let i = 0; (await s.getProject()).orphanCount !== 1; i++) {
    if (i > 200) throw new Error('the edited document left no orphan')
    await new Promise((r) => setTimeout(r, 50))
  }
})
afterAll(() => app?.close())

const SIZES = [
  ['light', 1024, 700],
  ['dark', 1024, 700],
  ['light', 1440, 900],
  ['dark', 1440, 900],
] as const

describe('exchange in Chromium', () => {
  it('renders notes as Markdown in Passages and Orphans; the export dialog counts orphans and keeps the reader name', async () => {
    for (const [colorScheme, width, height] of SIZES) {
      const { page, errors } = await openPage(app, { colorScheme })
      await page.setViewportSize({ width, height })
      await page.locator('#tab-passages').click()
      await expect.poll(() => page.locator('.passage-note strong').allTextContents()).toContain('strong')
      expect(await page.locator('.passage-note .note-list').count()).toBe(2)
      expect(await page.locator('.passage-note').first().textContent()).not.toContain('**')
      await page.screenshot({ path: join(SHOTS, `exchange-passages-${colorScheme}-${width}.png`) })
      await page.locator('#tab-orphans').click()
      await expect.poll(() => page.locator('[aria-label="Orphaned annotations"] .passage-note strong').allTextContents()).toEqual(['here'])
      await page.screenshot({ path: join(SHOTS, `exchange-orphans-${colorScheme}-${width}.png`) })

      await page.getByRole('button', { name: 'Export…' }).click()
      const dialog = page.locator('[data-dialog="export"]')
      await expect
        .poll(() => dialog.locator('.orphan-count').textContent())
        .toBe('1 orphaned annotation (its passage could not be found with certainty in the text as it is now) is left out.')
      expect(await dialog.locator('.orphan-choice').isVisible()).toBe(true)
      await page.screenshot({ path: join(SHOTS, `exchange-export-${colorScheme}-${width}.png`) })
      await page.keyboard.press('Escape')
      expect(errors).toEqual([])
      await page.close()
    }

    // Export with the orphan and a name: the name is kept in project.json, the orphan is in the file.
    const { page, errors } = await openPage(app)
    await page.getByRole('button', { name: 'Export…' }).click()
    const dialog = page.locator('[data-dialog="export"]')
    await dialog.getByLabel('Format').selectOption('md')
    await dialog.getByLabel('Include orphans (with their stored quote, marked)').check()
    await dialog.getByLabel('Your name').fill('Ada Reader')
    const saved = await savedFile(page, () => dialog.getByRole('button', { name: 'Export' }).click())
    const md = saved.bytes.toString('utf8')
    expect(md).toContain('Orphaned annotation')
    expect(md).toContain(GONE)
    const settings = JSON.parse(await readFile(join(app.service.project.dir, 'project.json'), 'utf8')).settings
    expect(settings.readerName).toBe('Ada Reader')
    expect(errors).toEqual([])
    await page.close()
  })

  it('reports what a REFI-QDA import could not bring in, and the tag picker refuses a category', async () => {
    const qdpx = join(app.dir, 'qualcoder.qdpx')
    await writeFile(qdpx, qualcoderQdpx())
    for (const [colorScheme, width, height] of SIZES) {
      const { page, errors } = await openPage(app, { colorScheme })
      await page.setViewportSize({ width, height })
      if (colorScheme === 'light' && width === 1024) {
        await page.locator('.side-panel input[type="file"]').setInputFiles(qdpx)
        const report = page.locator('[data-dialog="import-report"]')
        await report.waitFor()
        expect(await report.textContent()).toContain(
          'not brought in: 1 PDF source without text, 1 case, 1 journal (notes not on a passage)',
        )
        await page.screenshot({ path: join(SHOTS, `exchange-import-report-${colorScheme}-${width}.png`) })
        await report.getByRole('button', { name: 'Close' }).click()
      }
      await expect.poll(() => page.locator('.tag-row.category .category-badge').count()).toBe(1)
      await page.screenshot({ path: join(SHOTS, `exchange-codebook-${colorScheme}-${width}.png`) })
      await openDocument(page, DOC)
      await selectText(page, 'high-quality development')
      await page.keyboard.press('a')
      await page.locator('.annotation-editor').waitFor()
      await page.keyboard.type('Imagery')
      await page.keyboard.press('Enter')
      await expect.poll(() => page.locator('.tag-refusal').textContent()).toMatch(/“Imagery” is a category/)
      await page.locator('.note-input').fill('**Bold** and `code`')
      await expect.poll(() => page.locator('.note-preview strong').textContent()).toBe('Bold')
      await page.screenshot({ path: join(SHOTS, `exchange-refused-${colorScheme}-${width}.png`) })
      await page.keyboard.press('Escape')
      expect(errors).toEqual([])
      await page.close()
    }
  })
})
