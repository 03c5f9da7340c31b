import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createClient, type Envelope } from '../../main/core/contract/api.js'
import { CONTENT_SECURITY_POLICY } from '../../main/core/contract/csp.js'
import { Service } from '../../main/node/service/service.js'
import { startWebHost, type WebHost } from '../../main/node/host/web-host.js'
import { CORPUS, ROOT, tempDir } from '../helpers.js'
import { join } from 'node:path'

let host: WebHost
let cleanup: () => Promise<void>

beforeAll(async () => {
  const t = await tempDir()
  cleanup = t.cleanup
  const service = await Service.start({ corpusDir: CORPUS, userData: t.dir })
  host = await startWebHost({ service, rendererDir: join(ROOT, 'dist', 'renderer') })
})
afterAll(async () => {
  await host.close()
  await cleanup()
})

/** A raw request, so the Host and Origin headers can be anything. */
function raw(
  path: string,
  headers: Record<string, string> = {},
  method = 'GET',
  body?: string,
): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: host.port, path, method, headers: { Host: `127.0.0.1:${host.port}`, ...headers } },
      (res) => {
        let data = ''
        res.on('data', (c) => (data += c))
        res.on('end', () => resolve({ status: res.statusCode!, body: data, headers: res.headers }))
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

const api = (op: string, headers: Record<string, string> = {}) =>
  raw(`/api/${op}`, { 'Content-Type': 'application/json', 'X-Parallax-Token': host.token, ...headers }, 'POST', '{}')

describe('web host', () => {
  it('listens on 127.0.0.1 only and prints a URL with the token', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`)
    expect(host.token.length).toBeGreaterThanOrEqual(40)
  })

  it('serves the page with the token, with the CSP, and sets no cookie', async () => {
    const res = await raw(`/?token=${host.token}`)
    expect(res.status).toBe(200)
    expect(res.body).toContain('<div id="app"')
    expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
    expect(res.headers['set-cookie']).toBeUndefined()
  })

  it('answers 403 without the token', async () => {
    expect((await raw('/')).status).toBe(403)
    expect((await raw('/?token=wrong')).status).toBe(403)
    expect((await api('getProject', { 'X-Parallax-Token': 'x'.repeat(host.token.length) })).status).toBe(403)
    const res = await raw('/api/getProject', { 'Content-Type': 'application/json' }, 'POST', '{}')
    expect(res.status).toBe(403)
    expect(res.body).toBe('forbidden')
  })

  it('answers 403 to a foreign Origin, even with the token', async () => {
    expect((await api('getProject', { Origin: 'https://evil.example' })).status).toBe(403)
    expect((await api('getProject', { Origin: `http://127.0.0.1:${host.port + 1}` })).status).toBe(403)
    expect((await api('getProject', { Origin: 'null' })).status).toBe(403)
    expect((await api('getProject', { Origin: `http://localhost:${host.port}` })).status).toBe(200)
  })

  it('answers 403 to a wrong Host header (DNS rebinding), even with the token', async () => {
    expect((await api('getProject', { Host: `evil.example:${host.port}` })).status).toBe(403)
    expect((await api('getProject', { Host: '127.0.0.1' })).status).toBe(403)
    expect((await api('getProject', { Host: `localhost:${host.port}` })).status).toBe(200)
  })

  it("serves the application's code (scripts, chunks, style sheet) without the token, and no project data with it", async () => {
    const page = await raw(`/?token=${host.token}`)
    const links = [...page.body.matchAll(/(?:src|href)="(app[\w.-]*)"/g)].map((l) => l[1]).sort()
    expect(links).toEqual(['app-style.css', 'app.js'])
    for (const name of links) expect((await raw(`/${name}`)).status).toBe(200)
    // Still not from another origin or host name.
    expect((await raw('/app.js', { Origin: 'https://evil.example' })).status).toBe(403)
    expect((await raw('/app.js', { Host: `evil.example:${host.port}` })).status).toBe(403)
  })

  it('answers a refused page with a page saying how to get a working address', async () => {
    for (const path of ['/', '/?token=old', '/index.html']) {
      const res = await raw(path, { Accept: 'text/html' })
      expect(res.status).toBe(403)
      expect(res.headers['content-type']).toMatch(/^text\/html/)
      expect(res.body).toContain('<code>npm run web</code> again and open the address it prints')
      expect(res.body).not.toContain(host.token)
    }
  })

  it('answers the event stream and the API only to the header, never to the address token', async () => {
    expect((await raw(`/api/events?token=${host.token}`)).status).toBe(403)
    const res = await raw(`/api/getProject?token=${host.token}`, { 'Content-Type': 'application/json' }, 'POST', '{}')
    expect(res.status).toBe(403)
  })

  it('does not serve files outside the renderer', async () => {
    const res = await raw(`/..%2F..%2Fpackage.json?token=${host.token}`)
    expect(res.status).toBe(404)
    expect((await raw(`/..%2F..%2Fpackage.html?token=${host.token}`)).status).toBe(404)
    expect((await raw(`/%E0%A4%A.html?token=${host.token}`)).status).toBe(400)
  })

  it('serves the API contract: the same client works over it', async () => {
    const client = createClient(async (op, input) => {
      const res = await fetch(`http://127.0.0.1:${host.port}/api/${op}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Parallax-Token': host.token },
        body: JSON.stringify(input),
      })
      return (await res.json()) as Envelope
    })
    const project = await client.getProject({})
    expect(project.documents).toHaveLength(5)
    await expect(client.getDocument({ id: 'missing' })).rejects.toMatchObject({ code: 'not-found' })
    const bad = await api('createAnnotation')
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
  })
})
