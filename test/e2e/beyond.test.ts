import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SCREENS, SHOTS } from './browser.js'
import { openPage, startApp, type TestApp } from './harness.js'

// Words past the other passage's edge in the variants panel (variants.ts `beyond`), in Chromium:
// two pages of CMake's help that share a paragraph, one passage taking the word after it ("for")
// that the other text has too, just outside its passage. The panel shows that word in grey, as
// in both texts, not struck through as a word only one has.

const target = [
  '<CONFIG>_POSTFIX',
  '----------------',
  '',
  'Postfix to append to the target file name for configuration ``<CONFIG>``.',
  '',
  'When building with configuration ``<CONFIG>`` the value of this property',
  'is appended to the target file name built on disk; for non-executable',
  'targets, this property is initialized by the value of the',
  ':variable:`CMAKE_<CONFIG>_POSTFIX` variable if it is set when a target is',
  'created.  This property is ignored on macOS for Frameworks and App Bundles.',
  '',
].join('\n')

const framework = [
  'FRAMEWORK_MULTI_CONFIG_POSTFIX_<CONFIG>',
  '---------------------------------------',
  '',
  'Postfix to append to the framework file name for configuration ``<CONFIG>``,',
  'when using a multi-config generator (like Xcode and Ninja Multi-Config).',
  '',
  'When building with configuration ``<CONFIG>`` the value of this property',
  'is appended to the framework file name built on disk.',
  '',
  'For example, given a framework called ``my_fw``, a value of ``_debug``',
  'for the ``FRAMEWORK_MULTI_CONFIG_POSTFIX_DEBUG`` property, the following',
  'relevant files would be created for the ``Debug`` configuration.',
  '',
  'For framework targets, this property is initialized by the value of the',
  ':variable:`CMAKE_FRAMEWORK_MULTI_CONFIG_POSTFIX_<CONFIG>` variable if it',
  'is set when a target is created.',
  '',
].join('\n')

let app: TestApp

beforeAll(async () => {
  app = await startApp({ corpus: { name: 'Postfix pages', texts: { target, framework } } })
}, 120_000)
afterAll(() => app?.close())

describe('words beyond the other passage', () => {
  for (const [width, height, scheme] of SCREENS)
    it(`are shown in grey as in both texts, not as a difference (${width}×${height}, ${scheme})`, async () => {
      const { page, errors } = await openPage(app, { colorScheme: scheme, ready: '.overlap-item' })
      await page.setViewportSize({ width, height })
      await page.locator('.overlap-item', { hasText: 'Postfix to append' }).first().click()
      await page.locator('#compare-tab-variants').click()
      await expect.poll(() => page.locator('.variants .diff .beyond').count()).toBe(1)
      const beyond = page.locator('.variants .diff .beyond')
      expect(await beyond.textContent()).toBe('for')
      expect(await beyond.getAttribute('title')).toBe('the other passage stops short of these words; its text has them too, just after it')
      // Not counted as a difference, and said what it is.
      const legend = await page.locator('.variants .muted').first().textContent()
      expect(legend).toMatch(/^3 differences: .*; the passages do not start or end alike: the words in grey are in both texts/)
      // The panes mark no change there.
      expect(await page.locator('.pane .variant-change', { hasText: /^for$/ }).count()).toBe(0)
      await page.screenshot({ path: join(SHOTS, `compare-beyond-${width}-${scheme}.png`) })
      expect(errors).toEqual([])
      await page.close()
    })
})
