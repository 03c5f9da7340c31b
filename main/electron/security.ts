import type { WebPreferences } from 'electron'
import { type OperationName } from '../core/contract/api.js'

// Every security setting of the desktop shell, in one pure module (types only from Electron) so
// that a unit test asserts each of them. main.ts applies them; nothing else sets them.

/** The renderer is served from this custom protocol, never from file://. */
export const APP_SCHEME = 'app'
export const APP_HOST = 'parallax'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_URL = `${APP_ORIGIN}/index.html`

/** Privileges of the app:// scheme: a standard, secure origin with fetch, no CORS bypass. */
export const SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  corsEnabled: false,
  bypassCSP: false,
  allowServiceWorkers: false,
  stream: false,
} as const

/** IPC channel of an operation: the preload and ipcMain use only these. */
export function channelFor(op: OperationName): string {
  return `parallax:${op}`
}

/** The one channel events travel on, main to renderer. */
export const EVENT_CHANNEL = 'parallax:event'

/** webPreferences of every window: isolated, sandboxed, no Node in the page. */
export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
  }
}

/** Headers of every response of the app:// protocol: the web host's, from the one static-file module. */
export { responseHeaders } from '../node/host/static-files.js'

/** The part of a WebFrameMain an IPC check needs. */
export interface SenderFrame {
  url: string
  parent: unknown | null
}

/**
 * Whether an IPC message may be served: only from the app's own top-level page. A frame that
 * navigated elsewhere, an iframe, or a missing frame (destroyed) is refused.
 */
export function isTrustedSender(frame: SenderFrame | null | undefined): boolean {
  if (!frame || frame.parent) return false
  try {
    const url = new URL(frame.url)
    return `${url.protocol}//${url.host}` === APP_ORIGIN
  } catch {
    return false
  }
}

/** Navigation away from the loaded page is never allowed (links open nothing inside the app). */
export function mayNavigate(_url: string): boolean {
  return false
}

/** window.open and target=_blank: always denied. */
export function windowOpenResponse(): { action: 'deny' } {
  return { action: 'deny' }
}

/** Permission requests (camera, notifications, geolocation, …): always denied. */
export function mayGrantPermission(_permission: string): boolean {
  return false
}
