import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SCREENS, SHOTS } from './browser.js'
import { openPage, startApp, type TestApp } from './harness.js'

// The same words written otherwise in the variants panel (text/written-alike.ts), in Chromium:
// two manual pages describe a password option alike, one writing "Use" where the other writes
// "use" and a comma where the other has a semicolon, one word changed. The panel dots those runs
// (the second's writing in their title) and counts them apart from the differences; a line end's
// hyphen ("INSE-\nCURE") is layout, not writing, and is not dotted.

const unzip = [
  'OPTIONS',
  '',
  '       -P password',
  '              use password to decrypt encrypted zipfile entries (if any).  THIS IS INSECURE!  Many',
  '              multi-user operating systems provide ways for any user to see the current command line',
  '              of any other user; even on stand-alone systems there is always the threat of',
  '              over-the-shoulder peeking.',
  '',
].join('\n')

const zip = [
  'OPTIONS',
  '',
  '       --password password',
  '              Use password to encrypt encrypted zipfile entries (if any).  THIS IS INSE-',
  '              CURE!  Many multi-user operating systems provide ways for any user to see the current',
  '              command line of any other user, even on stand-alone systems there is always the threat of',
  '              over-the-shoulder peeking.',
  '',
].join('\n')

let app: TestApp

beforeAll(async () => {
  app = await startApp({ corpus: { name: 'Password options', texts: { unzip, zip } } })
}, 120_000)
afterAll(() => app?.close())

describe('the same words written otherwise', () => {
  for (const [width, height, scheme] of SCREENS)
    it(`are dotted and counted apart from the differences (${width}×${height}, ${scheme})`, async () => {
      const { page, errors } = await openPage(app, { colorScheme: scheme, ready: '.overlap-item' })
      await page.setViewportSize({ width, height })
      await page.locator('.overlap-item', { hasText: 'password' }).first().click()
      await page.locator('#compare-tab-variants').click()
      await expect.poll(() => page.locator('.variants .diff .written').count()).toBe(2)
      const written = page.locator('.variants .diff .written')
      expect(await written.allTextContents()).toEqual(['use', 'user;'])
      expect(await written.first().getAttribute('title')).toBe('the second writes “Use”')
      expect(await written.nth(1).getAttribute('title')).toBe('the second writes “user,”')
      const legend = await page.locator('.variants .muted').first().textContent()
      expect(legend).toMatch(/^2 differences: .*; the same words written otherwise \(case or punctuation\) 2 times, dotted\.$/)
      await page.screenshot({ path: join(SHOTS, `compare-written-otherwise-${width}-${scheme}.png`) })
      expect(errors).toEqual([])
      await page.close()
    })
})
