import { readFile } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'
import { CONTENT_SECURITY_POLICY } from '../../core/contract/csp.js'

// Serving the built renderer, the same way for Electron's app:// protocol (main/electron/main.ts)
// and for the web host: the page's file types only, nothing outside the renderer's folder, and
// the app's security headers on every response.

/** Media types of the files the built renderer is made of; a file of any other type is not served. */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
}

/** Media type of plain-text answers (errors). */
export const TEXT_TYPE = 'text/plain; charset=utf-8'

/**
 * Headers of every response that carries the app: the Content-Security-Policy (core/contract/csp.ts),
 * no MIME sniffing, no referrer, no framing, the page isolated from other origins, nothing cached.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
}

/** The security headers with a content type. */
export function responseHeaders(contentType: string): Record<string, string> {
  return { ...SECURITY_HEADERS, 'Content-Type': contentType }
}

/** What to answer a request for a file: 200 with its bytes, 400 for a malformed path, 404 for anything not served. */
export type StaticFile = { status: 200; body: Buffer<ArrayBuffer>; type: string } | { status: 400 | 404; body: string; type: string }

/**
 * The file a URL path (as in `new URL(...).pathname`, percent-encoded, "/" meaning index.html)
 * names inside `root`, if it is one of the renderer's file types. A path that leads outside
 * `root` (../, encoded or not) is not found.
 */
export async function readStaticFile(root: string, pathname: string): Promise<StaticFile> {
  let relative: string
  try {
    relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname.replace(/^\//, ''))
  } catch {
    return { status: 400, body: 'bad request', type: TEXT_TYPE }
  }
  const notFound = { status: 404, body: 'not found', type: TEXT_TYPE } as const
  const path = normalize(join(root, relative))
  if (!path.startsWith(normalize(root) + sep)) return notFound
  const type = CONTENT_TYPES[extname(path)]
  if (!type) return notFound
  const body = await readFile(path).catch(() => null)
  return body ? { status: 200, body, type } : notFound
}
