import type { MenuItemConstructorOptions } from 'electron'

// The native menu as data: main.ts turns it into a Menu with Menu.buildFromTemplate. Kept apart
// so its structure (items, accelerators) is plain to read and to test.

export type ThemeSource = 'system' | 'light' | 'dark'

export interface MenuActions {
  openProject(): void
  addDocuments(): void
  openRecent(dir: string): void
  openDefaultProject(): void
  exportAnnotations(): void
  setTheme(theme: ThemeSource): void
}

export interface MenuContext {
  recent: readonly string[]
  theme: ThemeSource
  platform: NodeJS.Platform
  appName: string
  /** app.isPackaged: an installed build has no developer tools in its menu. */
  packaged: boolean
}

export function menuTemplate(actions: MenuActions, ctx: MenuContext): MenuItemConstructorOptions[] {
  const mac = ctx.platform === 'darwin'
  const recent: MenuItemConstructorOptions[] = [
    { label: 'Bundled Corpus', click: () => actions.openDefaultProject() },
    ...(ctx.recent.length ? [{ type: 'separator' } as const] : []),
    ...ctx.recent.map((dir) => ({ label: dir, click: () => actions.openRecent(dir) })),
  ]
  const theme = (label: string, value: ThemeSource): MenuItemConstructorOptions => ({
    label,
    type: 'radio',
    checked: ctx.theme === value,
    click: () => actions.setTheme(value),
  })
  return [
    ...(mac ? [{ label: ctx.appName, role: 'appMenu' } as MenuItemConstructorOptions] : []),
    {
      label: '&File',
      submenu: [
        { label: 'Open Project Folder…', accelerator: 'CmdOrCtrl+O', click: () => actions.openProject() },
        { label: 'Add Documents…', accelerator: 'CmdOrCtrl+Shift+O', click: () => actions.addDocuments() },
        { label: 'Open Recent', submenu: recent },
        { type: 'separator' },
        { label: 'Export…', accelerator: 'CmdOrCtrl+E', click: () => actions.exportAnnotations() },
        { type: 'separator' },
        mac ? { role: 'close' } : { role: 'quit', label: 'Quit', accelerator: 'CmdOrCtrl+Q' },
      ],
    },
    { label: '&Edit', submenu: [{ role: 'copy' }, { role: 'selectAll' }] },
    {
      label: '&View',
      submenu: [
        { role: 'zoomIn', accelerator: 'CmdOrCtrl+=' },
        { role: 'zoomOut' },
        { role: 'resetZoom' },
        { type: 'separator' },
        { label: 'Theme', submenu: [theme('Follow System', 'system'), theme('Light', 'light'), theme('Dark', 'dark')] },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(ctx.packaged ? [] : [{ role: 'toggleDevTools' } as const]),
      ],
    },
  ]
}
