import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Service } from '../../main/node/service/service.js'
import { ProjectStore } from '../../main/node/project/store.js'
import { CORPUS } from '../helpers.js'
import { SHOTS } from './browser.js'
import { openDocument, openPage, savedFile, selectText, startApp, type TestApp } from './harness.js'

// Bringing documents in and excerpts out, in Chromium through the web host.

let app: TestApp
let service: Service
let dir: string
beforeAll(async () => {
  app = await startApp()
  service = app.service
  dir = app.dir
})
afterAll(() => app?.close())

const openApp = () => openPage(app)

describe('import and export in Chromium', () => {
  it('adds an HTML article picked in the page, with the metadata it states, and edits it', async () => {
    const html = join(dir, 'article.html')
    await writeFile(
      html,
      `<html><head><title>Site | Forces explained</title><meta name="author" content="Ann Lee"><meta property="og:site_name" content="Example Times"></head>
       <body><nav>Home · World · About Us</nav><article><h1>Forces explained</h1><p>By Ann Lee</p>
       <p>New quality productive forces are driven by innovation, and they mean advanced productivity that is free from traditional growth modes.</p>
       <p>Local governments have taken up the term in their plans for the year.</p></article><footer>Leave a Reply</footer></body></html>`,
    )
    const { page, errors } = await openApp()
    await page.locator('.side-panel input[type="file"]').setInputFiles(html)
    await expect.poll(() => page.locator('.doc-item').count(), { timeout: 10_000 }).toBe(6)
    await page.locator('.doc-item', { hasText: 'Forces explained' }).click()
    await expect.poll(() => page.locator('.pane.active .reader-text').innerText()).toContain('driven by innovation')
    expect(await page.locator('.pane.active .reader-text').innerText()).not.toContain('About Us')
    expect(await page.locator('.doc-details input[name="author"]').inputValue()).toBe('Ann Lee')
    const date = page.locator('.doc-details input[name="date"]')
    await date.fill('2024-05-01')
    // A change arriving from elsewhere redraws the details: the unsaved edit stays, and so does the focus.
    const id = (await service.getProject()).documents.find((d) => d.title === 'Forces explained')!.id
    await service.setDocumentMemo({ id, memo: 'Compare with the plan.' })
    await expect.poll(() => page.locator('.doc-details .memo-text').textContent()).toBe('Compare with the plan.')
    expect(await date.inputValue()).toBe('2024-05-01')
    expect(await date.evaluate((input) => input === document.activeElement)).toBe(true)
    // The analysis of the six documents, finished meanwhile, left the new document in its pane.
    await expect.poll(() => page.locator('.analysis-label').textContent(), { timeout: 10_000 }).toMatch(/ in 6 documents$/)
    expect(await page.locator('.pane.active .reader-text').innerText()).toContain('driven by innovation')
    await page.locator('.doc-details button[type="submit"]').click()
    await expect
      .poll(async () => (await ProjectStore.open(service.project.dir)).project.documents.find((d) => d.title === 'Forces explained')?.date)
      .toBe('2024-05-01')
    await page.screenshot({ path: join(SHOTS, 'imported-html.png') })
    expect(errors).toEqual([])
    await page.close()
  })

  it('says clearly why a file cannot be imported, and imports nothing', async () => {
    const bad = join(dir, 'scan.pdf')
    await writeFile(bad, Buffer.from('not a pdf at all'))
    const { page } = await openApp()
    const before = await page.locator('.doc-item').count()
    await page.locator('.side-panel input[type="file"]').setInputFiles(bad)
    await expect.poll(() => page.locator('.status.error').textContent()).toMatch(/scan\.pdf/)
    expect(await page.locator('.doc-item').count()).toBe(before)
    await page.close()
  })

  it('leaves suggested boilerplate and a selection out of the analysis', async () => {
    const doc = 'yang-yundong-nqpf-high-quality-development'
    // The bundled corpus starts with this boilerplate excluded: a reader included it again.
    await service.setExcludedRanges({ id: doc, ranges: [] })
    const { page, errors } = await openApp()
    await openDocument(page, doc)
    await page.locator('.doc-details button', { hasText: 'Suggest boilerplate' }).click()
    await expect.poll(() => page.locator('.suggestions-list li').count()).toBeGreaterThan(0)
    const suggestions = await page.locator('.suggestions-list li').allTextContents()
    expect(suggestions.join('\n')).toMatch(/Leave a Reply|Contact/)
    await page.locator('.suggestions-list li button').first().click()
    await expect
      .poll(async () => (await ProjectStore.open(service.project.dir)).project.documents.find((d) => d.id === doc)?.excluded?.length, {
        timeout: 5000,
      })
      .toBe(1)
    await expect.poll(() => page.locator('.pane.active .excluded').count(), { timeout: 5000 }).toBeGreaterThan(0)
    // A selection left out with X joins it.
    const paragraph = await page
      .locator('.pane.active .reader-text p', { hasText: 'Currently, China' })
      .first()
      .evaluate((p) => p.textContent!)
    await selectText(page, paragraph)
    await page.keyboard.press('x')
    await expect
      .poll(async () => (await ProjectStore.open(service.project.dir)).project.documents.find((d) => d.id === doc)?.excluded?.length, {
        timeout: 5000,
      })
      .toBe(2)
    await page.screenshot({ path: join(SHOTS, 'excluded.png') })
    // The file itself is unchanged.
    expect(await readFile(join(service.project.dir, 'documents', `${doc}.txt`), 'utf8')).toBe(
      await readFile(join(CORPUS, `${doc}.txt`), 'utf8'),
    )
    expect(errors).toEqual([])
    await page.close()
  })

  it('exports annotated excerpts from the dialog as a download', async () => {
    const doc = 'gmw-light-blade-what-are-nqpf'
    const { text } = await service.getDocument({ id: doc })
    const quote = 'new quality productive forces'
    const start = [...text.slice(0, text.indexOf(quote))].length
    await service.createAnnotation({ docId: doc, start, end: start + quote.length, tags: ['Term'], note: 'First use' })
    const { page, errors } = await openApp()
    await page.locator('button', { hasText: 'Export…' }).click()
    await page.locator('[data-dialog="export"] select[aria-label="Format"]').selectOption('md')
    await page.screenshot({ path: join(SHOTS, 'export-dialog.png') })
    const saved = await savedFile(page, () => page.locator('[data-dialog="export"] button[type="submit"]').click())
    expect(saved.name).toMatch(/\.md$/)
    const md = saved.bytes.toString('utf8')
    expect(md).toContain(quote)
    expect(md).toContain('Light Blade')
    expect(md).toContain('First use')
    await page.locator('button', { hasText: 'Export…' }).click()
    await page.locator('[data-dialog="export"] select[aria-label="Format"]').selectOption('docx')
    const docx = await savedFile(page, () => page.locator('[data-dialog="export"] button[type="submit"]').click())
    expect(docx.name).toMatch(/\.docx$/)
    expect(docx.bytes.subarray(0, 2).toString()).toBe('PK')
    expect(errors).toEqual([])
    await page.close()
  })

  it('exports how the authors define the term: the matrix as CSV, and a section of the Markdown', async () => {
    const { page, errors } = await openApp()
    const exportAs = async (format: string, definitions: boolean) => {
      await page.locator('button', { hasText: 'Export…' }).click()
      await page.locator('[data-dialog="export"] select[aria-label="Format"]').selectOption(format)
      if (definitions) await page.locator('[data-dialog="export"] .export-definitions').check()
      const file = await savedFile(page, () => page.locator('[data-dialog="export"] button[type="submit"]').click())
      return { name: file.name, text: file.bytes.toString('utf8') }
    }
    const csv = await exportAs('facets', false)
    expect(csv.name).toMatch(/\.definitions\.csv$/)
    expect(csv.text.split('\r\n')[0]).toMatch(/^\ufefffacet,role,/)
    expect(csv.text.split('\r\n').filter(Boolean).length).toBeGreaterThan(3)
    const md = await exportAs('md', true)
    expect(md.text).toContain('## How the authors define “new quality productive forces”')
    expect(errors).toEqual([])
    await page.close()
  })
})
