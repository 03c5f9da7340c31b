import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { operationNames } from '../../main/core/contract/api.js'
import { CONTENT_SECURITY_POLICY } from '../../main/core/contract/csp.js'
import { menuTemplate } from '../../main/electron/menu.js'
import {
  APP_ORIGIN,
  channelFor,
  isTrustedSender,
  mayGrantPermission,
  mayNavigate,
  responseHeaders,
  SCHEME_PRIVILEGES,
  secureWebPreferences,
  windowOpenResponse,
} from '../../main/electron/security.js'
import { DEFAULT_WINDOW, fitToDisplays, parseWindowState } from '../../main/electron/window-state.js'
import { ROOT } from '../helpers.js'

describe('Electron security settings', () => {
  const prefs = secureWebPreferences('/app/preload.cjs')

  it('isolates and sandboxes the page, with no Node in it', () => {
    expect(prefs.contextIsolation).toBe(true)
    expect(prefs.sandbox).toBe(true)
    expect(prefs.nodeIntegration).toBe(false)
    expect(prefs.nodeIntegrationInWorker).toBe(false)
    expect(prefs.nodeIntegrationInSubFrames).toBe(false)
    expect(prefs.webSecurity).toBe(true)
    expect(prefs.allowRunningInsecureContent).toBe(false)
    expect(prefs.webviewTag).toBe(false)
    expect(prefs.experimentalFeatures).toBe(false)
    expect(prefs.navigateOnDragDrop).toBe(false)
    expect(prefs.preload).toBe('/app/preload.cjs')
  })

  it('serves the renderer from a secure custom scheme with a strict CSP', () => {
    expect(APP_ORIGIN).toBe('app://parallax')
    expect(SCHEME_PRIVILEGES).toMatchObject({ standard: true, secure: true, bypassCSP: false, corsEnabled: false })
    const headers = responseHeaders('text/html')
    expect(headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY)
    expect(headers['X-Content-Type-Options']).toBe('nosniff')
    const directives = Object.fromEntries(
      CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]),
    )
    expect(directives['default-src']).toBe("'none'")
    expect(directives['script-src']).toBe("'self'")
    expect(directives['style-src']).toBe("'self'")
    expect(directives['connect-src']).toBe("'self'")
    expect(directives['object-src']).toBe("'none'")
    expect(directives['frame-ancestors']).toBe("'none'")
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(inline|eval)/)
  })

  it('blocks navigation, window.open and permission requests', () => {
    expect(mayNavigate('https://example.com/')).toBe(false)
    expect(mayNavigate('app://parallax/other.html')).toBe(false)
    expect(windowOpenResponse()).toEqual({ action: 'deny' })
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) expect(mayGrantPermission(p)).toBe(false)
  })

  it('serves IPC only to the app page in its top frame', () => {
    expect(isTrustedSender({ url: 'app://parallax/index.html', parent: null })).toBe(true)
    expect(isTrustedSender({ url: 'app://parallax/index.html', parent: {} })).toBe(false)
    expect(isTrustedSender({ url: 'https://evil.example/', parent: null })).toBe(false)
    expect(isTrustedSender({ url: 'app://parallax.evil/', parent: null })).toBe(false)
    expect(isTrustedSender({ url: 'file:///app/index.html', parent: null })).toBe(false)
    expect(isTrustedSender({ url: 'not a url', parent: null })).toBe(false)
    expect(isTrustedSender(null)).toBe(false)
  })

  it('has one namespaced IPC channel per operation', () => {
    const channels = operationNames.map(channelFor)
    expect(new Set(channels).size).toBe(operationNames.length)
    for (const c of channels) expect(c).toMatch(/^parallax:[a-zA-Z]+$/)
  })

  it('keeps the preload narrow: contextBridge and invoke/on only, never the raw event', async () => {
    const source = await readFile(join(ROOT, 'main/electron/preload.ts'), 'utf8')
    expect(source).toContain("contextBridge.exposeInMainWorld('parallax', bridge)")
    expect(source).toMatch(/\(_event: IpcRendererEvent, payload: ApiEvent\) => listener\(payload\)/)
    expect(source).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer/)
    expect(source).not.toMatch(/ipcRenderer\.(send|sendSync|postMessage)\(/)
  })
})

describe('menu', () => {
  const noop = () => undefined
  const actions = {
    openProject: noop,
    addDocuments: noop,
    importReuse: noop,
    openRecent: noop,
    openDefaultProject: noop,
    exportAnnotations: noop,
    setTheme: noop,
    undo: noop,
    redo: noop,
    showShortcuts: noop,
  }
  it('has the file and view commands', () => {
    const menu = menuTemplate(actions, { recent: ['/data/p1'], theme: 'system', platform: 'linux', appName: 'Parallax', packaged: false })
    const labels = JSON.stringify(menu, (_k, v) => (typeof v === 'function' ? undefined : v))
    for (const label of [
      'Open Project Folder…',
      'Add Documents…',
      'Import passim Output Folder…',
      'Import TextPAIR Alignments…',
      'Open Recent',
      '/data/p1',
      'Export…',
      'Quit',
      'zoomIn',
      'zoomOut',
      'resetZoom',
      'Follow System',
      'Light',
      'Dark',
      'Undo',
      'Redo',
      'cut',
      'copy',
      'selectAll',
      'Keyboard Shortcuts',
    ]) {
      expect(labels).toContain(label)
    }
    expect(labels).toContain('toggleDevTools')
  })
  it('has no developer tools in a packaged build', () => {
    const menu = menuTemplate(actions, { recent: [], theme: 'system', platform: 'linux', appName: 'Parallax', packaged: true })
    expect(JSON.stringify(menu, (_k, v) => (typeof v === 'function' ? undefined : v))).not.toMatch(/devtools/i)
  })
  it('sends Edit → Undo / Redo and Help → Keyboard Shortcuts to the app, leaving the keys to the page', () => {
    const calls: string[] = []
    const menu = menuTemplate(
      { ...actions, undo: () => calls.push('undo'), redo: () => calls.push('redo'), showShortcuts: () => calls.push('shortcuts') },
      { recent: [], theme: 'system', platform: 'linux', appName: 'Parallax', packaged: false },
    )
    const items = menu.flatMap((m) => (Array.isArray(m.submenu) ? m.submenu : []))
    for (const label of ['Undo', 'Redo', 'Keyboard Shortcuts']) {
      const item = items.find((i) => i.label === label)!
      expect(item.registerAccelerator).toBe(false)
      ;(item.click as () => void)()
    }
    expect(calls).toEqual(['undo', 'redo', 'shortcuts'])
  })
})

describe('packaging', () => {
  it('sets the Electron fuses', async () => {
    const { packaging } = await import('../../electron.config.js')
    expect(packaging.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    })
    expect(packaging.asar).toBe(true)
  })
})

describe('window state', () => {
  it('falls back to the default for malformed state', () => {
    expect(parseWindowState(null)).toEqual(DEFAULT_WINDOW)
    expect(parseWindowState({ width: 'x' })).toEqual(DEFAULT_WINDOW)
    expect(parseWindowState({ width: 100, height: 100 })).toMatchObject({ width: 800, height: 500 })
  })
  it('drops a position that is off every display and shrinks to fit', () => {
    const displays = [{ x: 0, y: 0, width: 1920, height: 1080 }]
    expect(fitToDisplays({ x: 3000, y: 10, width: 1280, height: 800, maximized: false }, displays)).toEqual({
      width: 1280,
      height: 800,
      maximized: false,
    })
    expect(fitToDisplays({ x: 10, y: 10, width: 4000, height: 800, maximized: false }, displays)).toEqual({
      x: 10,
      y: 10,
      width: 1920,
      height: 800,
      maximized: false,
    })
  })
})
