import { type Api, type ApiEvent, type Bridge, createClient, type Envelope, type Transport } from '../../main/core/contract/api.js'
import { EXPIRED_MESSAGE, STOPPED_MESSAGE, TOKEN_HEADER, TOKEN_PARAMETER } from '../../main/core/contract/web-access.js'

// The renderer's one way to reach the services. In Electron the preload provides
// window.parallax; in a browser the same operations go to the loopback web host. Everything
// above this module sees only `Host` and cannot tell the two apart.
//
// In a browser the page takes the secret token from its address once, keeps it in this module
// only, and cleans the address (history.replaceState), so the token is neither in the address bar
// nor in the tab's history; every API request and the event stream send it in a header. No cookie
// carries it (cookies ignore ports: every service on 127.0.0.1 would receive it). The event stream
// is read with fetch rather than EventSource, which cannot send headers: the token would otherwise
// have to travel in that request's URL.

export interface Host {
  api: Api
  onEvent(listener: (event: ApiEvent) => void): () => void
  /**
   * Called once when the host refuses the page's token (it was restarted: EXPIRED_MESSAGE) or no
   * longer answers (STOPPED_MESSAGE), with the message that says how to get a working page.
   */
  onLost(listener: (message: string) => void): void
  /**
   * Settles once events are being received (the web host's event stream is read), or will never
   * be (the host is lost): state fetched after it misses no change. At once in Electron.
   */
  readonly eventsReady: Promise<void>
  /**
   * Called whenever events may have been missed, so the page fetches its state again: each time
   * the web host's event stream starts again after it broke off (changes made meanwhile were
   * announced on no stream). Electron's IPC is never interrupted: never called.
   */
  onResync(listener: () => void): void
}

declare global {
  interface Window {
    parallax?: Bridge
  }
}

/** How long to wait before reading the event stream again after it ended (a host busy or restarting). */
const EVENTS_RETRY_MS = 2000

/** The token from the page's address (first load only), the address then cleaned of it. */
function takeToken(): string {
  const url = new URL(location.href)
  const token = url.searchParams.get(TOKEN_PARAMETER) ?? ''
  if (url.searchParams.has(TOKEN_PARAMETER)) {
    url.searchParams.delete(TOKEN_PARAMETER)
    history.replaceState(history.state, '', url.pathname + url.search + url.hash)
  }
  return token
}

/** A web host's connection: its token, and the one report of its loss. */
class WebConnection {
  private lost: string | null = null
  private readonly listeners: ((message: string) => void)[] = []
  private readonly resyncListeners: (() => void)[] = []
  private connections = 0
  private settleReady: () => void = () => {}
  /** See Host.eventsReady. */
  readonly eventsReady = new Promise<void>((resolve) => (this.settleReady = resolve))

  constructor(readonly token: string) {
    if (!token) queueMicrotask(() => this.lose(EXPIRED_MESSAGE))
  }

  headers(extra: Record<string, string> = {}): Record<string, string> {
    return { ...extra, [TOKEN_HEADER]: this.token }
  }

  lose(message: string): void {
    if (this.lost) return
    this.lost = message
    for (const l of this.listeners) l(message)
  }

  onLost(listener: (message: string) => void): void {
    this.listeners.push(listener)
    if (this.lost) listener(this.lost)
  }

  onResync(listener: () => void): void {
    this.resyncListeners.push(listener)
  }

  /** The message of a refused or failed request, reported as the connection's loss. */
  failed(response: Response | null): string {
    const message = response?.status === 403 ? EXPIRED_MESSAGE : STOPPED_MESSAGE
    this.lose(message)
    return message
  }

  transport(): Transport {
    return async (op, input) => {
      let response: Response
      try {
        response = await fetch(`/api/${op}`, {
          method: 'POST',
          headers: this.headers({ 'Content-Type': 'application/json' }),
          body: JSON.stringify(input),
        })
      } catch {
        return { ok: false, error: { code: 'unreadable', message: this.failed(null) } }
      }
      if (response.status === 403) return { ok: false, error: { code: 'invalid-input', message: this.failed(response) } }
      return (await response.json()) as Envelope
    }
  }

  /** Reads the server-sent events until `signal` aborts, reading again when the stream ends. */
  async readEvents(listener: (event: ApiEvent) => void, signal: AbortSignal): Promise<void> {
    try {
      await this.readEventStreams(listener, signal)
    } finally {
      // No events will come: the state is fetched all the same (and the loss reported).
      this.settleReady()
    }
  }

  private async readEventStreams(listener: (event: ApiEvent) => void, signal: AbortSignal): Promise<void> {
    while (!signal.aborted && !this.lost) {
      let response: Response | null = null
      try {
        response = await fetch('/api/events', { headers: this.headers(), signal })
        if (!response.ok || !response.body) {
          this.failed(response)
          return
        }
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader()
        // From here on every change is announced on this stream; after a break, those made
        // meanwhile were not.
        if (this.connections++ === 0) this.settleReady()
        else for (const l of this.resyncListeners) l()
        let buffer = ''
        for (;;) {
          const { value, done } = await reader.read()
          if (done) break
          buffer += value
          let end: number
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const message = buffer.slice(0, end)
            buffer = buffer.slice(end + 2)
            const data = message
              .split('\n')
              .filter((line) => line.startsWith('data:'))
              .map((line) => line.slice(5).trimStart())
              .join('\n')
            if (data) listener(JSON.parse(data) as ApiEvent)
          }
        }
      } catch {
        if (signal.aborted) return
        // A stream that could not even start: the host is gone (a broken one is read again).
        if (!response) {
          this.failed(null)
          return
        }
      }
      await new Promise((resolve) => setTimeout(resolve, EVENTS_RETRY_MS))
    }
  }
}

/** Connects to whichever host serves this page. */
export function connect(): Host {
  const bridge = window.parallax
  if (bridge)
    return {
      api: createClient((op, input) => bridge.api[op](input)),
      onEvent: (l) => bridge.onEvent(l),
      onLost: () => undefined,
      eventsReady: Promise.resolve(),
      onResync: () => undefined,
    }
  const connection = new WebConnection(takeToken())
  return {
    api: createClient(connection.transport()),
    onEvent(listener) {
      const stop = new AbortController()
      void connection.readEvents(listener, stop.signal)
      return () => stop.abort()
    },
    onLost: (listener) => connection.onLost(listener),
    eventsReady: connection.eventsReady,
    onResync: (listener) => connection.onResync(listener),
  }
}
