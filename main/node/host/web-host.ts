import { randomBytes, timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { dispatch } from '../../core/contract/schemas.js'
import { EXPIRED_MESSAGE, TOKEN_HEADER, TOKEN_PARAMETER } from '../../core/contract/web-access.js'
import type { Service } from '../service/service.js'
import { CONTENT_TYPES, readStaticFile, responseHeaders, TEXT_TYPE } from './static-files.js'

// The loopback web host: the renderer and the API contract over HTTP on 127.0.0.1, for using
// Parallax in a browser and for testing the UI. Another web page in the same browser, another
// local service, or a DNS rebinding attack must not be able to use it, so every request must
//   - name this host in its Host header (127.0.0.1:<port> or localhost:<port>),
//   - come from this origin if it says where it comes from (Origin header),
//   - and prove it may: an API request or the event stream carries the secret token in the
//     X-Parallax-Token header (the page keeps it from its address and sends it; the address is
//     then cleaned, renderer/shared/client.ts); a page (.html) is served only to the address with
//     ?token=. The renderer's scripts, chunks and style sheets are served to any request that
//     passes the first two checks: they are the application's code, the same for everyone, and
//     hold no project data (everything the page shows comes through the API), while the modules
//     the script imports, and those it loads on first use, cannot carry a token or a key.
// No cookie is set: cookies ignore ports, so any other service on 127.0.0.1 the browser visits
// would receive it. Anything else gets 403: a page navigation gets a page saying how to get a
// working address (EXPIRED_MESSAGE), other requests "forbidden".

export { TOKEN_HEADER }
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

/** The page shown, with status 403, to a navigation the host refuses: how to get a working address. */
const REFUSED_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Parallax: page expired</title></head>
<body><h1>Parallax</h1><p>${EXPIRED_MESSAGE.replace(/`([^`]+)`/g, '<code>$1</code>')}</p></body></html>
`

/** Starts the web host on 127.0.0.1. */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(32).toString('base64url')
  let port = 0
  const events = new Set<ServerResponse>()
  const stopEvents = options.service.onEvent((event) => {
    for (const res of events) res.write(`data: ${JSON.stringify(event)}\n\n`)
  })
  const fromHere = (req: IncomingMessage): boolean => {
    const hosts = [`127.0.0.1:${port}`, `localhost:${port}`]
    if (!hosts.includes(req.headers.host ?? '')) return false
    const origin = req.headers.origin
    return origin === undefined || hosts.some((h) => origin === `http://${h}`)
  }
  const headerToken = (req: IncomingMessage) => {
    const header = req.headers[TOKEN_HEADER]
    return typeof header === 'string' ? header : undefined
  }
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const page = url.pathname === '/' ? '/index.html' : url.pathname
    const isPage = page.endsWith('.html')
    const navigation = req.headers['sec-fetch-dest'] === 'document' || (req.headers.accept ?? '').includes('text/html')
    const refuse = () =>
      req.method === 'GET' && (isPage || navigation) ? send(res, 403, REFUSED_PAGE, CONTENT_TYPES['.html']) : send(res, 403, 'forbidden')
    if (!fromHere(req)) return send(res, 403, 'forbidden')
    if (url.pathname.startsWith('/api/')) {
      if (!sameSecret(headerToken(req), token)) return send(res, 403, 'forbidden')
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
    if (isPage && !sameSecret(url.searchParams.get(TOKEN_PARAMETER) ?? undefined, token)) return refuse()
    const file = await readStaticFile(options.rendererDir, page)
    return send(res, file.status, file.body, file.type)
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
    url: `http://127.0.0.1:${port}/?${TOKEN_PARAMETER}=${token}`,
    port,
    token,
    close: async () => {
      stopEvents()
      for (const res of events) res.end()
      const closed = new Promise<void>((r) => server.close(() => r()))
      // A browser keeps its connections open (keep-alive): closing must not wait for it to let go.
      server.closeAllConnections()
      await closed
    },
  }
}
