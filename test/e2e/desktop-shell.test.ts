import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SHOTS } from './browser.js'
import { desktopApp, openPage, startApp, type TestApp } from './harness.js'
import { chosenShell } from './shell.js'

// The desktop shell itself, where the Electron binary is present (shell.ts): the page is the app's
// own (app:// protocol, sandboxed, the preload's API), the window is titled by the project, and the
// Edit menu's Undo reaches the app's undo. With Chromium through the web host there is no desktop
// shell to test, and these tests are skipped.

let app: TestApp
beforeAll(async () => {
  if (chosenShell() === 'electron') app = await startApp()
})
afterAll(() => app?.close())

describe.skipIf(chosenShell() !== 'electron')('the desktop shell (Electron)', () => {
  it("serves the app's page, sandboxed, with the preload's API, in a window titled by the project", async () => {
    const { page, errors } = await openPage(app)
    const electron = desktopApp(page)!
    expect(page.url()).toMatch(/^app:\/\/parallax\//)
    expect(await page.evaluate(() => typeof (window as unknown as { parallax?: unknown }).parallax)).toBe('object')
    // No Node in the page: the preload exposes the API and nothing else.
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined')
    const { name } = await app.service.getProject()
    await expect
      .poll(() => electron.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0].getTitle()))
      .toBe(`Parallax — ${name}`)
    await page.screenshot({ path: join(SHOTS, 'electron-shell-1280x800-light.png') })
    expect(errors).toEqual([])
    await page.close()
  })

  it("Edit › Undo and Redo in the menu undo and redo the app's last change", async () => {
    const { page, errors } = await openPage(app)
    const electron = desktopApp(page)!
    const menu = (label: string) =>
      electron.evaluate(({ BrowserWindow, Menu }, label) => {
        const edit = Menu.getApplicationMenu()!.items.find((i) => i.label.replace('&', '') === 'Edit')!
        edit.submenu!.items.find((i) => i.label === label)!.click(undefined, BrowserWindow.getAllWindows()[0], undefined)
      }, label)
    // A change made in the page: a tag added in the codebook.
    await page.locator('#side-tab-codebook').click()
    await page.locator('.add-tag').click()
    const row = page.locator('.tag-row', { hasText: 'New tag 1' })
    await expect.poll(() => row.count()).toBe(1)
    // The page's focus is in no text field: the menu's Undo is the app's undo.
    await page.locator('.pane .reader-text').first().focus()
    await menu('Undo')
    await expect.poll(() => row.count()).toBe(0)
    await menu('Redo')
    await expect.poll(() => row.count()).toBe(1)
    expect(errors).toEqual([])
    await page.close()
  })
})
