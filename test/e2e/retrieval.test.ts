import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Service } from '../../main/node/service/service.js'
import { SHOTS } from './browser.js'
import { openPage, startApp, type TestApp } from './harness.js'

// Finding and retrieving in Chromium through the web host: search that reads spelling variants,
// "Tag all hits" and its one-step undo, tags combined with AND / OR, and the code × document
// matrix. Each test has its own app (a fresh copy of the bundled corpus) and makes the tags and
// annotations it needs through the services.

let app: TestApp
let service: Service
const DOC = 'yang-yundong-nqpf-high-quality-development'

beforeEach(async () => {
  app = await startApp()
  service = app.service
})
afterEach(() => app?.close())

/** Annotates the first occurrence of `quote` (at or after `from`) in a document through the services. */
async function annotate(docId: string, quote: string, tags: string[], from = ''): Promise<void> {
  const { text } = await service.getDocument({ id: docId })
  const i = text.indexOf(quote, from ? text.indexOf(from) : 0)
  if (i < 0) throw new Error(`"${quote}" is not in ${docId}`)
  const start = [...text.slice(0, i)].length
  await service.createAnnotation({ docId, start, end: start + [...quote].length, tags })
}

async function searchFor(page: Page, query: string): Promise<void> {
  await page.locator('#tab-search').click()
  await page.locator('.search-input').fill(query)
  await page.locator('.search-input').press('Enter')
}

const annotationCount = async () => (await service.listAnnotations({})).items.length

describe('finding and retrieving in Chromium', () => {
  it('finds "labour" when searching "labor", and says how to widen a search that finds nothing', async () => {
    const { page, errors } = await openPage(app)
    await searchFor(page, 'labor')
    await expect.poll(() => page.locator('.kwic td.match').allTextContents()).toContain('labour')
    const matches = (await page.locator('.kwic td.match').allTextContents()).map((m) => m.toLowerCase())
    expect(matches).toContain('labor')
    await expect.poll(() => page.locator('.search-syntax').textContent()).toContain('innovat*')
    await searchFor(page, 'innovat*')
    // Waits for the new results (the previous search's hits are on screen until they come).
    await expect
      .poll(async () => new Set((await page.locator('.kwic td.match').allTextContents()).map((m) => m.toLowerCase())))
      .toContain('innovation')
    expect(await page.locator('.kwic td.match').count()).toBeGreaterThan(5)
    await searchFor(page, 'qwertyuiop')
    await expect.poll(() => page.locator('.search-view .passages-summary').textContent()).toContain('No hits')
    expect(errors).toEqual([])
    await page.close()
  })

  it('tags all hits with the active tag and undoes them in one step', async () => {
    const tag = (await service.createTag({ name: 'Labour' })).tag
    const { page, errors } = await openPage(app)
    await page.locator('#side-tab-codebook').click()
    await page.locator(`.tag-row[data-tag="${tag.id}"] .set-active`).click()
    await searchFor(page, 'labor')
    await expect.poll(() => page.locator('.kwic tbody tr').count()).toBeGreaterThan(2)
    const hits = await page.locator('.kwic tbody tr').count()
    const before = await annotationCount()
    await page.locator('.tag-all').click()
    await expect.poll(() => page.locator('.status').textContent(), { timeout: 30_000 }).toContain('saved')
    // Counted by the test's services (in Electron they learn of the app's writes from the folder).
    await expect.poll(annotationCount, { timeout: 30_000 }).toBe(before + hits)
    await page.locator('button.history', { hasText: 'Undo' }).click()
    await expect.poll(annotationCount, { timeout: 30_000 }).toBe(before)
    expect(errors).toEqual([])
    await page.close()
  })

  it('combines tags with AND and OR, and lists a cell of the code × document matrix', async () => {
    await annotate(DOC, 'new quality productive forces', ['Concept'], 'new quality productive forces are, in essence')
    await annotate(DOC, 'new quality productive forces are, in essence', ['Definition'])
    await annotate('china-briefing-nqpf-explainer', 'human labor', ['Concept'])
    const project = await service.getProject()
    const id = (name: string) => project.tags.find((t) => t.name === name)!.id
    const { page, errors } = await openPage(app)
    await page.locator('#tab-passages').click()
    const passages = page.locator('.passages > li')
    await page.locator('select[aria-label="Tag"]').selectOption(id('Concept'))
    await expect.poll(() => passages.count()).toBe(2)
    await page.locator('select[aria-label="Second tag"]').selectOption(id('Definition'))
    await expect.poll(() => passages.count()).toBe(3)
    await page.locator('select[aria-label="Combine the two tags"]').selectOption('all')
    // AND: where Concept and Definition meet (the two overlapping annotations in DOC).
    await expect.poll(() => passages.count()).toBe(2)
    expect(await passages.locator('.passage-source strong').allTextContents()).toEqual(
      Array(2).fill(project.documents.find((d) => d.id === DOC)!.title),
    )
    await page.locator('select[aria-label="Leave out tag"]').selectOption(id('Definition'))
    await expect.poll(() => passages.count()).toBe(1)

    await page.locator('.code-overview summary').click()
    const matrix = page.locator('table.code-matrix').first()
    await expect.poll(() => matrix.locator('tbody tr').count()).toBe(2)
    const conceptRow = matrix.locator('tbody tr', { hasText: 'Concept' })
    expect(await conceptRow.locator('button.count').allTextContents()).toEqual(['1', '1', '2'])
    await page.screenshot({ path: join(SHOTS, 'code-matrix.png') })
    await conceptRow.locator('button.count').first().click()
    await expect.poll(() => passages.count()).toBe(1)
    await expect.poll(() => page.locator('select[aria-label="Second tag"]').inputValue()).toBe('')
    expect(errors).toEqual([])
    await page.close()
  })
})
