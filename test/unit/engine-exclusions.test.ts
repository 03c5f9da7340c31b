import { cp, mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from '../../main/node/cli/cli.js'
import { Service } from '../../main/node/service/service.js'
import { CORPUS, ROOT, tempDir } from '../helpers.js'

// The engine ignores text left out of analysis, in the app and in the CLI, and still reports
// offsets and texts of the files as they are.

let dir: string
let cleanup: () => Promise<void>
beforeEach(async () => {
  const t = await tempDir()
  cleanup = t.cleanup
  dir = join(t.dir, 'project')
  await mkdir(join(dir, 'documents'), { recursive: true })
  await cp(join(ROOT, 'test/fixtures/engine/exact/first.txt'), join(dir, 'documents', 'first.txt'))
  await cp(join(ROOT, 'test/fixtures/engine/exact/second.txt'), join(dir, 'documents', 'second.txt'))
  await writeFile(
    join(dir, 'project.json'),
    JSON.stringify({
      name: 'X',
      documents: [
        { id: 'first', file: 'first.txt', title: 'First' },
        { id: 'second', file: 'second.txt', title: 'Second' },
      ],
    }),
  )
})
afterEach(() => cleanup())

async function cliOverlaps(): Promise<{ overlaps: { passages: { doc: string; start: number; end: number; text: string }[] }[] }> {
  let out = ''
  const code = await runCli(['overlaps', dir, '--json'], { out: (t) => (out += t), err: () => undefined })
  expect(code).toBe(0)
  return JSON.parse(out)
}

describe('excluded ranges and the engine', () => {
  it('drops an overlap whose passage is excluded, in the service and the CLI', async () => {
    const service = await Service.start({ corpusDir: CORPUS, userData: join(dir, '..', 'ud'), project: dir })
    const before = await service.analyseOverlaps({})
    expect(before.overlaps.length).toBeGreaterThan(0)
    const passage = before.overlaps[0].passages.find((p) => p.doc === 'first')!
    const { text } = await service.getDocument({ id: 'first' })
    expect([...text].slice(passage.start, passage.end).join('')).toBe(passage.text)
    expect((await cliOverlaps()).overlaps.length).toBe(before.overlaps.length)

    await service.setExcludedRanges({ id: 'first', ranges: [{ start: passage.start, end: passage.end, reason: 'test' }] })
    const after = await service.analyseOverlaps({})
    expect(after.overlaps.some((o) => o.passages.some((p) => p.doc === 'first' && p.start < passage.end && p.end > passage.start))).toBe(
      false,
    )
    const cli = await cliOverlaps()
    expect(cli.overlaps.some((o) => o.passages.some((p) => p.doc === 'first' && p.start < passage.end && p.end > passage.start))).toBe(
      false,
    )
  })
})
