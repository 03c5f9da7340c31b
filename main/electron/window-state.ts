// The main window's size and position, remembered between runs in the user data folder. Pure:
// main.ts reads and writes the file and asks Electron for the displays.

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

export interface WindowState {
  x?: number
  y?: number
  width: number
  height: number
  maximized: boolean
}

export const WINDOW_STATE_FILE = 'window-state.json'
/** First-run size: the smallest layout the UI is designed for. */
export const DEFAULT_WINDOW: WindowState = { width: 1280, height: 800, maximized: false }
/** A window smaller than this is not useful for side-by-side reading. */
export const MIN_WIDTH = 800
export const MIN_HEIGHT = 500

function finite(n: unknown): n is number {
  return typeof n === 'number' && Number.isFinite(n)
}

/** A saved state from untrusted JSON; anything malformed gives the default. */
export function parseWindowState(raw: unknown): WindowState {
  if (!raw || typeof raw !== 'object') return { ...DEFAULT_WINDOW }
  const r = raw as Record<string, unknown>
  if (!finite(r.width) || !finite(r.height)) return { ...DEFAULT_WINDOW }
  const state: WindowState = {
    width: Math.max(MIN_WIDTH, Math.round(r.width)),
    height: Math.max(MIN_HEIGHT, Math.round(r.height)),
    maximized: r.maximized === true,
  }
  if (finite(r.x) && finite(r.y)) {
    state.x = Math.round(r.x)
    state.y = Math.round(r.y)
  }
  return state
}

/**
 * Fits a saved state to the displays there are now: a window whose title bar would be off every
 * display (a monitor was unplugged) loses its position and is centred by the OS; a window larger
 * than its display shrinks to it.
 */
export function fitToDisplays(state: WindowState, workAreas: readonly Rect[]): WindowState {
  if (workAreas.length === 0) return state
  const out = { ...state }
  const { x, y } = state
  const area =
    x !== undefined && y !== undefined
      ? workAreas.find((a) => x + 100 > a.x && x < a.x + a.width - 100 && y >= a.y && y < a.y + a.height - 40)
      : undefined
  if (!area) {
    delete out.x
    delete out.y
  }
  const fit = area ?? workAreas[0]
  out.width = Math.min(out.width, fit.width)
  out.height = Math.min(out.height, fit.height)
  return out
}
