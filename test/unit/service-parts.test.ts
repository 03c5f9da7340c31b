import { mkdir, readdir, readFile, stat, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { annotationFile, makeAnnotation } from '../../main/core/annotations/annotation.js'
import type { ApiEvent } from '../../main/core/contract/api.js'
import { stableStringify } from '../../main/core/project/json.js'
import { OffsetMap } from '../../main/core/text/offsets.js'
import { runCli } from '../../main/node/cli/cli.js'
import { ProjectStore } from '../../main/node/project/store.js'
import { Analyses } from '../../main/node/service/analysis.js'
import { createAnnotation } from '../../main/node/service/annotations.js'
import { OpenProject } from '../../main/node/service/open-project.js'
import { RECENT_FILE, RECENT_LIMIT, RecentProjects } from '../../main/node/service/recent.js'
import { withUploadedFiles } from '../../main/node/service/transfer.js'
import { watchProject } from '../../main/node/service/watcher.js'
import { tempDir } from '../helpers.js'

// The parts the service is a façade over, each on its own, over real project folders.

const ONE = 'The quick brown fox jumps over the lazy dog. A second sentence follows the first one here.'
const TWO = 'Another text in which the quick brown fox jumps over the lazy dog, as foxes do.'

let t: Awaited<ReturnType<typeof tempDir>>
let dir: string

beforeEach(async () => {
  t = await tempDir()
  dir = join(t.dir, 'project')
  await mkdir(join(dir, 'documents'), { recursive: true })
  await writeFile(join(dir, 'documents', 'one.txt'), ONE)
  await writeFile(join(dir, 'documents', 'two.txt'), TWO)
  await writeFile(
    join(dir, 'project.json'),
    JSON.stringify({
      name: 'Parts',
      documents: [
        { id: 'one', file: 'one.txt', title: 'One' },
        { id: 'two', file: 'two.txt', title: 'Two' },
      ],
    }),
  )
})
afterEach(() => t.cleanup())

const open = async () => new OpenProject(await ProjectStore.open(dir))
const span = (text: string, quote: string) => ({ start: text.indexOf(quote), end: text.indexOf(quote) + quote.length })

/** Rewrites a document with a modification time that differs from the one cached. */
async function rewrite(name: string, text: string): Promise<void> {
  const path = join(dir, 'documents', name)
  const before = (await stat(path)).mtimeMs
  await writeFile(path, text)
  const later = new Date(before + 5000)
  await utimes(path, later, later)
}

describe('TextCache', () => {
  it('reads a text once while its file is unchanged and again after it changed', async () => {
    const { texts } = await open()
    const first = await texts.get('one')
    expect(first.map.text).toBe(ONE)
    expect(await texts.get('one')).toBe(first)
    expect(texts.version('one')).toBe(first.mtimeMs)
    await rewrite('one.txt', 'Changed.')
    const second = await texts.get('one')
    expect(second).not.toBe(first)
    expect(second.map.text).toBe('Changed.')
    expect(texts.version('one')).not.toBe(first.mtimeMs)
  })

  it('says why a text cannot be read, or gives null where that is enough', async () => {
    const { texts } = await open()
    await writeFile(join(dir, 'documents', 'two.txt'), Buffer.from([0xff, 0xfe, 0x00, 0x41]))
    await expect(texts.get('two')).rejects.toMatchObject({ code: 'unreadable' })
    expect(await texts.readable('two')).toBeNull()
    await expect(texts.get('missing')).rejects.toMatchObject({ code: 'not-found' })
  })
})

describe('Anchors and watching', () => {
  it('re-anchors a document edited on disk and tells who listens', async () => {
    const project = await open()
    const { annotation } = await createAnnotation(project, { docId: 'one', ...span(ONE, 'lazy dog'), tags: [] })
    const events: ApiEvent[] = []
    const stop = watchProject(project, (e) => events.push(e))
    try {
      await writeFile(join(dir, 'documents', 'one.txt'), `New start. ${ONE}`)
      await expect.poll(() => events.some((e) => e.type === 'document-changed' && e.docId === 'one'), { timeout: 5000 }).toBe(true)
      const anchor = project.anchors.of('one', annotation.annotation)
      expect(anchor.status).toBe('moved')
      expect(`New start. ${ONE}`.slice(anchor.start, anchor.end)).toBe('lazy dog')
      // The moved annotation's stored selectors follow (they never did while the annotations file
      // read back, keys in the file's order, looked different from the store's own objects: the
      // service re-anchored on each of its own writes and never stored the new place).
      const stored = async () => {
        const [a] = (await ProjectStore.open(dir)).annotationsOf('one')
        const position = a.target.selector.find((x) => x.type === 'TextPositionSelector')
        return position && 'start' in position ? position.start : null
      }
      await expect.poll(stored, { timeout: 5000 }).toBe(anchor.start)
    } finally {
      stop()
    }
  })

  it('picks up tags.json and project.json changed by the CLI, another process on the same project', async () => {
    const project = await open()
    const events: ApiEvent[] = []
    const stop = watchProject(project, (e) => events.push(e))
    const io = { out: () => undefined, err: (l: string) => console.error(l) }
    try {
      expect(await runCli(['tags', 'create', 'Irony', '--project', dir], io)).toBe(0)
      await expect.poll(() => events.some((e) => e.type === 'codebook-changed'), { timeout: 5000 }).toBe(true)
      expect(project.store.codebook.tags.map((x) => x.name)).toEqual(['Irony'])
      await writeFile(join(t.dir, 'three.txt'), 'A third text, imported from the command line.')
      expect(await runCli(['import', join(t.dir, 'three.txt'), '--project', dir], io)).toBe(0)
      await expect.poll(() => events.some((e) => e.type === 'project-changed'), { timeout: 5000 }).toBe(true)
      expect(project.store.project.documents.map((d) => d.id)).toEqual(['one', 'two', 'three'])
      expect(project.store.document('three').file).toBe('three.txt')
    } finally {
      stop()
    }
  })

  it('reloads the annotations the CLI writes into a project that had none (its annotations/ folder created after the watch began)', async () => {
    const project = await open()
    const events: ApiEvent[] = []
    const stop = watchProject(project, (e) => events.push(e))
    const io = { out: () => undefined, err: (l: string) => console.error(l) }
    try {
      expect(await runCli(['annotate', '--doc', 'one', '--quote', 'lazy dog', '--project', dir], io)).toBe(0)
      await expect.poll(() => events.some((e) => e.type === 'annotations-changed' && e.docId === 'one'), { timeout: 5000 }).toBe(true)
      expect(project.store.annotationsOf('one')).toHaveLength(1)
      // Watched from then on: a second one is picked up too.
      events.length = 0
      expect(await runCli(['annotate', '--doc', 'one', '--quote', 'quick brown fox', '--project', dir], io)).toBe(0)
      await expect.poll(() => events.some((e) => e.type === 'annotations-changed' && e.docId === 'one'), { timeout: 5000 }).toBe(true)
      expect(project.store.annotationsOf('one')).toHaveLength(2)
    } finally {
      stop()
    }
  })

  it('reloads an annotations file another program wrote', async () => {
    const project = await open()
    await mkdir(join(dir, 'annotations')) // a folder that is not there is not watched
    const events: ApiEvent[] = []
    const stop = watchProject(project, (e) => events.push(e))
    try {
      const a = makeAnnotation({
        id: 'x',
        now: 't',
        docId: 'two',
        text: new OffsetMap(TWO),
        ...span(TWO, 'foxes'),
        tagIds: [],
      })
      await writeFile(join(dir, 'annotations', 'two.json'), stableStringify(annotationFile('two', [a])))
      await expect.poll(() => events.some((e) => e.type === 'annotations-changed' && e.docId === 'two'), { timeout: 5000 }).toBe(true)
      expect(project.store.annotationsOf('two').map((x) => x.id)).toEqual(['x'])
      expect(project.anchors.of('two', a).status).toBe('anchored')
    } finally {
      stop()
    }
  })
})

describe('Analyses', () => {
  it('keeps a result while the texts are unchanged, and reports progress', async () => {
    const project = await open()
    const events: ApiEvent[] = []
    const analyses = new Analyses(undefined, (e) => events.push(e))
    const first = await analyses.overlaps(project)
    expect(first.overlaps.length).toBeGreaterThan(0)
    expect(first.lengths).toEqual({ one: ONE.length, two: TWO.length })
    expect(events.some((e) => e.type === 'analysis-progress' && e.task === 'overlaps')).toBe(true)
    events.length = 0
    await analyses.overlaps(project)
    expect(events).toEqual([]) // served from the kept result: the engine did not run
  })

  it('runs again after a text or an exclusion changed, or after cancelling', async () => {
    const project = await open()
    const events: ApiEvent[] = []
    const analyses = new Analyses(undefined, (e) => events.push(e))
    const ran = async (run: () => Promise<unknown>) => {
      events.length = 0
      await run()
      return events.length > 0
    }
    expect(await ran(() => analyses.definitions(project, 'fox'))).toBe(true)
    expect(await ran(() => analyses.definitions(project, 'fox'))).toBe(false)
    expect(await ran(() => analyses.definitions(project, 'dog'))).toBe(true)
    await rewrite('two.txt', `${TWO} More text.`)
    expect(await ran(() => analyses.definitions(project, 'fox'))).toBe(true)
    await project.store.updateProject((p) => ({
      ...p,
      documents: p.documents.map((d) => (d.id === 'one' ? { ...d, excluded: [{ start: 0, end: 4 }] } : d)),
    }))
    expect(await ran(() => analyses.definitions(project, 'fox'))).toBe(true)
    expect(await analyses.cancel()).toEqual({ cancelled: 0 })
    expect(await ran(() => analyses.definitions(project, 'fox'))).toBe(true)
  })
})

describe('RecentProjects', () => {
  it('keeps the latest folders first, each once, up to the limit', async () => {
    const recent = new RecentProjects(join(t.dir, 'user-data'))
    expect(await recent.list()).toEqual([])
    for (let i = 0; i < RECENT_LIMIT + 2; i++) await recent.remember(`/p/${i}`)
    await recent.remember('/p/5')
    const dirs = await recent.list()
    expect(dirs).toHaveLength(RECENT_LIMIT)
    expect(dirs.slice(0, 3)).toEqual(['/p/5', `/p/${RECENT_LIMIT + 1}`, `/p/${RECENT_LIMIT}`])
    expect(new Set(dirs).size).toBe(dirs.length)
  })

  it('reads a malformed list as empty, keeping only folder names', async () => {
    const userData = join(t.dir, 'user-data')
    await mkdir(userData)
    const recent = new RecentProjects(userData)
    await writeFile(join(userData, RECENT_FILE), '{ not json')
    expect(await recent.list()).toEqual([])
    await writeFile(join(userData, RECENT_FILE), JSON.stringify({ dirs: ['/a', 3, null, '/b'] }))
    expect(await recent.list()).toEqual(['/a', '/b'])
  })
})

describe('uploaded files', () => {
  it('keeps only each file name, inside a temporary folder removed afterwards', async () => {
    const data = (s: string) => Buffer.from(s).toString('base64')
    const before = new Set(await readdir(tmpdir()))
    let seen: string[] = []
    const contents = await withUploadedFiles(
      [
        { name: '../../escape.txt', data: data('one') },
        { name: 'C:\\Users\\me\\notes.md', data: data('two') },
        { name: '...', data: data('three') },
      ],
      async (paths) => {
        seen = paths
        return Promise.all(paths.map((p) => readFile(p, 'utf8')))
      },
    )
    expect(contents).toEqual(['one', 'two', 'three'])
    expect(seen.map((p) => p.split(/[\\/]/).pop())).toEqual(['escape.txt', 'notes.md', 'document.txt'])
    const folder = join(seen[0], '..', '..')
    expect(seen.every((p) => p.startsWith(folder))).toBe(true)
    expect(before.has(folder.split(/[\\/]/).pop()!)).toBe(false)
    await expect(stat(folder)).rejects.toMatchObject({ code: 'ENOENT' })
  })
})
