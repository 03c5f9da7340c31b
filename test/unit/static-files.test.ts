import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../../main/core/contract/csp.js'
import { readStaticFile, responseHeaders } from '../../main/node/host/static-files.js'
import { tempDir } from '../helpers.js'

// The static-file module both Electron's app:// protocol and the web host serve the renderer with.

let t: Awaited<ReturnType<typeof tempDir>>
let root: string

beforeAll(async () => {
  t = await tempDir()
  root = join(t.dir, 'renderer')
  await mkdir(join(root, 'assets'), { recursive: true })
  await writeFile(join(root, 'index.html'), '<!doctype html>')
  await writeFile(join(root, 'assets', 'app 1.js'), 'export {}')
  await writeFile(join(root, 'notes.txt'), 'not part of the page')
  await writeFile(join(t.dir, 'secret.js'), 'outside')
  // A sibling folder whose name starts with the root's: a prefix check without the separator would let it through.
  await mkdir(join(t.dir, 'renderer-other'))
  await writeFile(join(t.dir, 'renderer-other', 'x.js'), 'outside')
})
afterAll(() => t.cleanup())

describe('static files', () => {
  it('serves the page and its assets with their types', async () => {
    expect(await readStaticFile(root, '/')).toMatchObject({ status: 200, type: 'text/html; charset=utf-8' })
    const js = await readStaticFile(root, '/assets/app%201.js')
    expect(js).toMatchObject({ status: 200, type: 'text/javascript; charset=utf-8' })
    expect(String(js.body)).toBe('export {}')
  })

  it('serves nothing outside the folder, of another type, or missing', async () => {
    for (const path of [
      '/../secret.js',
      '/..%2Fsecret.js',
      '/assets/..%2F..%2Fsecret.js',
      '/..%2Frenderer-other%2Fx.js',
      '/notes.txt',
      '/gone.js',
      '/assets/',
    ]) {
      expect(await readStaticFile(root, path), path).toMatchObject({ status: 404, body: 'not found' })
    }
    expect(await readStaticFile(root, '/%E0%A4%A')).toMatchObject({ status: 400 })
  })

  it('sends the security headers with every type', () => {
    const headers = responseHeaders('text/css; charset=utf-8')
    expect(headers['Content-Type']).toBe('text/css; charset=utf-8')
    expect(headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY)
    expect(headers).toMatchObject({
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
      'Cross-Origin-Opener-Policy': 'same-origin',
    })
  })
})
