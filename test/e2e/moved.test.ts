import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CORPUS } from '../helpers.js'
import { SCREENS, SHOTS } from './browser.js'
import { openPage, startApp, type TestApp } from './harness.js'

// Moved words in the variants panel (variants.ts `moved`), in Chromium: a paragraph and a copy of
// it whose sentences stand in another order, each beside other paragraphs of a bundled text.

/** Short sentences, chained into one passage in each text: their order is what differs. */
const sentences = [
  'Free software is a matter of freedom.',
  'You must make sure that they receive the source code.',
  'Therefore you have certain responsibilities when you distribute copies.',
  'To protect your rights we need to prevent others from denying them.',
  'And you must show them these terms.',
]

let app: TestApp

beforeAll(async () => {
  const reordered = [0, 3, 2, 1, 4].map((k) => sentences[k])
  const other = (await readFile(join(CORPUS, 'gmw-light-blade-what-are-nqpf.txt'), 'utf8')).split('\n').filter((l) => l.length > 200)
  app = await startApp({
    corpus: {
      name: 'Moved sentences',
      texts: {
        original: `The original\n\n${other[0]}\n\n${sentences.join(' ')}\n`,
        reordered: `The reordered copy\n\n${reordered.join(' ')}\n\n${other[1]}\n`,
      },
    },
  })
}, 120_000)
afterAll(() => app?.close())

describe('moved words', () => {
  for (const [width, height, scheme] of SCREENS)
    it(`are shown as moved, not as replaced by what stands in their place (${width}×${height}, ${scheme})`, async () => {
      const { page, errors } = await openPage(app, { colorScheme: scheme, ready: '.overlap-item' })
      await page.setViewportSize({ width, height })
      await page.locator('.overlap-item').first().click()
      await page.locator('#compare-tab-variants').click()
      await expect.poll(() => page.locator('.variants .diff del.moved').count()).toBeGreaterThan(0)
      expect(await page.locator('.variants .diff ins.moved').count()).toBeGreaterThan(0)
      expect(await page.locator('.variants .muted').first().textContent()).toMatch(
        /^\d+ moves? \(the same words, dashed\): struck through where .+ has them, underlined where .+ has them\.$/,
      )
      expect(await page.locator('.variants .diff del.moved').first().getAttribute('title')).toBe('moved: elsewhere in the second')
      // Read without its insertions, the diff is the first passage, punctuation and all.
      const withoutInsertions = await page
        .locator('.variants .diff')
        .first()
        .evaluate((p) => {
          const copy = p.cloneNode(true) as HTMLElement
          for (const ins of copy.querySelectorAll('ins')) ins.remove()
          return copy.textContent!.replace(/\s+/g, '')
        })
      // (With the full stop both passages end their last sentence with.)
      expect(withoutInsertions).toBe(sentences.join('').replace(/\s+/g, ''))
      // The panes mark the moved sentences too.
      expect(await page.locator('.pane .variant-change.moved').count()).toBeGreaterThan(0)
      await page.screenshot({ path: join(SHOTS, `compare-moved-${width}-${scheme}.png`) })
      expect(errors).toEqual([])
      await page.close()
    })
})
