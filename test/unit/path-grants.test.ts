import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { operationNames } from '../../main/core/contract/api.js'
import { operations } from '../../main/core/contract/schemas.js'
import { dispatchGranted, PATH_INPUTS, PathGrants } from '../../main/node/host/path-grants.js'
import { Service } from '../../main/node/service/service.js'
import { CORPUS, tempDir } from '../helpers.js'

// The rule Electron's main process applies to the page's operations (main/electron/main.ts): a
// path is acted on only when chosen in a native dialog this session or held by the app.

let service: Service
let dir: string
let cleanup: () => Promise<void>
beforeAll(async () => {
  const t = await tempDir()
  dir = t.dir
  cleanup = t.cleanup
  service = await Service.start({ corpusDir: CORPUS, userData: join(dir, 'user-data') })
})
afterAll(() => cleanup())

const grantsFor = (s: Service) => new PathGrants(async () => [s.project.dir, ...(await s.listRecentProjects()).dirs])

describe('path grants', () => {
  it('lists every operation whose input names a path', () => {
    const pathLike = /^(path|paths|dir|dirs|folder|folders|file|out|to)$/
    const taking = operationNames.filter((op) => {
      const shape = (operations[op] as unknown as { shape?: Record<string, unknown> }).shape ?? {}
      // importFiles' `files` are contents ({ name, data }), not paths.
      return Object.keys(shape).some((k) => pathLike.test(k) && op !== 'importFiles')
    })
    expect(taking.sort()).toEqual(Object.keys(PATH_INPUTS).sort())
  })

  it('refuses a path the page names that was neither chosen nor held, and runs nothing', async () => {
    const grants = grantsFor(service)
    const elsewhere = join(dir, 'elsewhere')
    await mkdir(elsewhere)
    const before = service.project.dir
    const opened = await dispatchGranted(grants, service, 'openProject', { dir: elsewhere })
    expect(opened).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    expect(opened.ok ? '' : opened.error.message).toMatch(/openProject: refused ".*elsewhere".*chosen in its own dialogs/)
    expect(service.project.dir).toBe(before)

    const secret = join(dir, 'secret.txt')
    await writeFile(secret, 'not for the page')
    const count = service.project.project.documents.length
    for (const [op, input] of [
      ['importDocuments', { paths: [secret] }],
      ['importDocuments', { paths: ['/etc/passwd'] }],
      ['importCodebook', { path: secret }],
    ] as const) {
      expect(await dispatchGranted(grants, service, op, input)).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    }
    expect(service.project.project.documents.length).toBe(count)
  })

  it('lets through paths chosen in a dialog (however written), held by the app, and operations with no path', async () => {
    const grants = grantsFor(service)
    const chosen = join(dir, 'chosen.txt')
    const other = join(dir, 'other.txt')
    await writeFile(chosen, 'A document the reader chose.')
    await writeFile(other, 'One the reader did not.')
    // Only the paths not chosen are named in the refusal.
    const both = await grants.refusal('importDocuments', { paths: [chosen, other] })
    expect(both).toContain(JSON.stringify(chosen))
    grants.grant([chosen])
    expect(await grants.refusal('importDocuments', { paths: [chosen, other] })).not.toContain(JSON.stringify(chosen))
    expect(await grants.refusal('importDocuments', { paths: [join(dir, 'x', '..', 'chosen.txt')] })).toBeNull()
    const imported = await dispatchGranted(grants, service, 'importDocuments', { paths: [chosen] })
    expect(imported).toMatchObject({ ok: true })

    // The open project and the recent projects are held.
    expect(await grants.refusal('openProject', { dir: service.project.dir })).toBeNull()
    const project = join(dir, 'project-b')
    await mkdir(project)
    grants.grant([project])
    const first = service.project.dir
    expect(await dispatchGranted(grants, service, 'openProject', { dir: project })).toMatchObject({ ok: true })
    // A fresh session (nothing chosen) may go back to a recent project, but not elsewhere.
    const fresh = grantsFor(service)
    expect(await fresh.refusal('openProject', { dir: project })).toBeNull()
    // The bundled corpus's project is not opened by path: openDefaultProject names none.
    expect(await fresh.refusal('openDefaultProject', {})).toBeNull()
    expect(first).not.toBe(project)
    expect(await fresh.refusal('openProject', { dir: join(dir, 'elsewhere') })).not.toBeNull()

    // No path, or an input dispatch refuses anyway: nothing for the grants to say.
    expect(await fresh.refusal('getProject', {})).toBeNull()
    expect(await fresh.refusal('importFiles', { files: [{ name: '/etc/passwd', data: '' }] })).toBeNull()
    expect(await fresh.refusal('openProject', { dir: 42 })).toBeNull()
    expect(await dispatchGranted(fresh, service, 'openProject', { dir: 42 })).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
  })
})
