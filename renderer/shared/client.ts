import { type Api, type ApiEvent, type Bridge, createClient, type Envelope, type Transport } from '../../main/core/contract/api.js'

// The renderer's one way to reach the services. In Electron the preload provides
// window.parallax; in a browser the same operations go to the loopback web host. Everything
// above this module sees only `Host` and cannot tell the two apart.

export interface Host {
  api: Api
  onEvent(listener: (event: ApiEvent) => void): () => void
}

declare global {
  interface Window {
    parallax?: Bridge
  }
}

function webTransport(token: string): Transport {
  return async (op, input) => {
    const response = await fetch(`/api/${op}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Parallax-Token': token },
      body: JSON.stringify(input),
    })
    if (response.status === 403)
      return {
        ok: false,
        error: { code: 'invalid-input', message: 'the web host refused the request (open the address it printed, token included)' },
      }
    return (await response.json()) as Envelope
  }
}

/** Connects to whichever host serves this page. */
export function connect(): Host {
  const bridge = window.parallax
  if (bridge) return { api: createClient((op, input) => bridge.api[op](input)), onEvent: (l) => bridge.onEvent(l) }
  const token = new URLSearchParams(location.search).get('token') ?? ''
  return {
    api: createClient(webTransport(token)),
    onEvent(listener) {
      const source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`)
      source.onmessage = (message) => listener(JSON.parse(message.data) as ApiEvent)
      return () => source.close()
    },
  }
}
