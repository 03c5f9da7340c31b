import { randomBytes, timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { dispatch } from '../../core/contract/schemas.js'
import type { Service } from '../service/service.js'
import { CONTENT_TYPES, readStaticFile, responseHeaders, TEXT_TYPE } from './static-files.js'

// The loopback web host: the renderer and the API contract over HTTP on 127.0.0.1, for using
// Parallax in a browser and for testing the UI. Another web page in the same browser, or a DNS
// rebinding attack, must not be able to use it, so every request must
//   - name this host in its Host header (127.0.0.1:<port> or localhost:<port>),
//   - come from this origin if it says where it comes from (Origin header),
//   - carry the secret token (the URL's ?token=, the X-Parallax-Token header, or the cookie set
//     when the page was opened with the token);
// anything else gets 403 and nothing more.

/** Header the renderer sends the token in. */
export const TOKEN_HEADER = 'x-parallax-token'
/** Largest request body accepted, in bytes: a dropped file up to the 64 MB import limit, in base64. */
const MAX_BODY_BYTES = 96 * 1024 * 1024
const JSON_TYPE = CONTENT_TYPES['.json']

export interface WebHostOptions {
  service: Service
  /** The built renderer (index.html and its assets). */
  rendererDir: string
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number
  /** The secret; a random 256-bit one by default. */
  token?: string
}

export interface WebHost {
  /** The URL to open, token included. */
  url: string
  port: number
  token: string
  close(): Promise<void>
}

function sameSecret(given: string | undefined, token: string): boolean {
  if (!given) return false
  const a = Buffer.from(given)
  const b = Buffer.from(token)
  return a.length === b.length && timingSafeEqual(a, b)
}

function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=')
    if (k === name) return decodeURIComponent(v.join('='))
  }
  return undefined
}

function send(res: ServerResponse, status: number, body: string | Buffer, type = TEXT_TYPE, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...responseHeaders(type), 'Content-Length': Buffer.byteLength(body), ...extra })
  res.end(body)
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > MAX_BODY_BYTES) throw new Error('request body too large')
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/** Starts the web host on 127.0.0.1. */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(32).toString('base64url')
  let port = 0
  const cookieName = () => `parallax-token-${port}`
  const events = new Set<ServerResponse>()
  const stopEvents = options.service.onEvent((event) => {
    for (const res of events) res.write(`data: ${JSON.stringify(event)}\n\n`)
  })

  const allowed = (req: IncomingMessage, url: URL): boolean => {
    const hosts = [`127.0.0.1:${port}`, `localhost:${port}`]
    if (!hosts.includes(req.headers.host ?? '')) return false
    const origin = req.headers.origin
    if (origin !== undefined && !hosts.some((h) => origin === `http://${h}`)) return false
    const header = req.headers[TOKEN_HEADER]
    return [url.searchParams.get('token') ?? undefined, typeof header === 'string' ? header : undefined, cookie(req, cookieName())].some(
      (t) => sameSecret(t, token),
    )
  }

  const serveFile = async (res: ServerResponse, pathname: string, extra: Record<string, string> = {}) => {
    const file = await readStaticFile(options.rendererDir, pathname)
    send(res, file.status, file.body, file.type, file.status === 200 ? extra : {})
  }

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    if (!allowed(req, url)) return send(res, 403, 'forbidden')
    if (url.pathname.startsWith('/api/')) {
      const op = url.pathname.slice('/api/'.length)
      if (op === 'events' && req.method === 'GET') {
        res.writeHead(200, { ...responseHeaders('text/event-stream'), Connection: 'keep-alive' })
        res.write(': connected\n\n')
        events.add(res)
        req.on('close', () => events.delete(res))
        return
      }
      if (req.method !== 'POST') return send(res, 405, 'use POST', TEXT_TYPE, { Allow: 'POST' })
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 415, 'send application/json')
      let input: unknown
      try {
        const body = await readBody(req)
        input = body ? JSON.parse(body) : {}
      } catch (e) {
        return send(res, 400, JSON.stringify({ ok: false, error: { code: 'invalid-input', message: (e as Error).message } }), JSON_TYPE)
      }
      const envelope = await dispatch(options.service, op, input)
      return send(res, 200, JSON.stringify(envelope), JSON_TYPE)
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed')
    if (url.pathname === '/' || url.pathname === '/index.html') {
      // The cookie lets the page's own asset and API requests through without the token in their URLs.
      return serveFile(res, '/index.html', {
        'Set-Cookie': `${cookieName()}=${encodeURIComponent(token)}; Path=/; HttpOnly; SameSite=Strict`,
      })
    }
    return serveFile(res, url.pathname)
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e) => {
      if (!res.headersSent) send(res, 500, `internal error: ${(e as Error).message}`)
      else res.end()
    })
  })
  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolvePromise())
  })
  port = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: async () => {
      stopEvents()
      for (const res of events) res.end()
      await new Promise<void>((r) => server.close(() => r()))
    },
  }
}
