import type { MenuItemConstructorOptions } from 'electron'

// The native menu as data: main.ts turns it into a Menu with Menu.buildFromTemplate. Kept apart
// so its structure (items, accelerators) is plain to read and to test.

export type ThemeSource = 'system' | 'light' | 'dark'

export interface MenuActions {
  openProject(): void
  addDocuments(): void
  /** Reads a batch tool's results (passim's output folder, TextPAIR's alignments) chosen in a dialog. */
  importReuse(tool: 'passim' | 'textpair'): void
  openRecent(dir: string): void
  openDefaultProject(): void
  exportAnnotations(): void
  setTheme(theme: ThemeSource): void
  /** The app's undo and redo (the page undoes typing instead when a text field has the focus). */
  undo(): void
  redo(): void
  showShortcuts(): void
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
        { label: 'Import passim Output Folder…', click: () => actions.importReuse('passim') },
        { label: 'Import TextPAIR Alignments…', click: () => actions.importReuse('textpair') },
        { type: 'separator' },
        { label: 'Export…', accelerator: 'CmdOrCtrl+E', click: () => actions.exportAnnotations() },
        { type: 'separator' },
        mac ? { role: 'close' } : { role: 'quit', label: 'Quit', accelerator: 'CmdOrCtrl+Q' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        // The page reads Ctrl+Z itself (app undo, or typing undo in a field), so the menu shows the
        // keys without taking them (registerAccelerator: false) and only a click comes here.
        { label: 'Undo', accelerator: 'CmdOrCtrl+Z', registerAccelerator: false, click: () => actions.undo() },
        { label: 'Redo', accelerator: 'CmdOrCtrl+Shift+Z', registerAccelerator: false, click: () => actions.redo() },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
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
    {
      label: '&Help',
      submenu: [{ label: 'Keyboard Shortcuts', accelerator: '?', registerAccelerator: false, click: () => actions.showShortcuts() }],
    },
  ]
}
