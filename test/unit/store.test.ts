import { mkdir, readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeAnnotation, positionOf, quoteOf, tagIdsOf, noteOf } from '../../main/core/annotations/annotation.js'
import { ApiError } from '../../main/core/contract/api.js'
import { OffsetMap } from '../../main/core/text/offsets.js'
import { ProjectStore } from '../../main/node/project/store.js'
import { Service } from '../../main/node/service/service.js'
import { CORPUS, tempDir } from '../helpers.js'

let dir: string
let userData: string
let cleanup: () => Promise<void>
beforeEach(async () => {
  const t = await tempDir()
  cleanup = t.cleanup
  dir = join(t.dir, 'project')
  userData = join(t.dir, 'user-data')
  await mkdir(join(dir, 'documents'), { recursive: true })
  await writeFile(join(dir, 'documents', 'one.txt'), 'Prefix 😀 text. The quoted passage is here. And more text after it.')
  await writeFile(join(dir, 'documents', 'two.txt'), 'Another document.')
  await writeFile(
    join(dir, 'project.json'),
    JSON.stringify({
      name: 'Test',
      documents: [
        { id: 'one', file: 'one.txt', title: 'One', author: 'Ann' },
        { id: 'two', file: 'two.txt', title: 'Two' },
      ],
      settings: { custom: 1 },
      extra: 'kept',
    }),
  )
})
afterEach(() => cleanup())

async function service(): Promise<Service> {
  return Service.start({ corpusDir: CORPUS, userData, project: dir })
}

describe('ProjectStore', () => {
  it('round-trips an annotation through the files', async () => {
    const s = await service()
    const text = new OffsetMap(await s.project.text('one'))
    const start = [...'Prefix 😀 text. The '].length
    const { annotation } = await s.createAnnotation({
      docId: 'one',
      start,
      end: start + 'quoted passage'.length,
      tags: ['Claim', 'claim', 'Evidence'],
      note: 'A *note*',
    })
    expect(text.slice(start, start + 14)).toBe('quoted passage')

    const reopened = await ProjectStore.open(dir)
    const [a] = reopened.annotationsOf('one')
    expect(a).toEqual(annotation.annotation)
    expect(quoteOf(a)).toMatchObject({
      exact: 'quoted passage',
      prefix: 'Prefix 😀 text. The ',
      suffix: ' is here. And more text after it',
    })
    expect(positionOf(a)).toMatchObject({ start, end: start + 14 })
    expect(noteOf(a)).toBe('A *note*')
    expect(tagIdsOf(a).map((id) => reopened.codebook.tags.find((t) => t.id === id)?.name)).toEqual(['Claim', 'Evidence'])
    expect(reopened.problems).toEqual([])
  })

  it('writes files in a stable, readable form', async () => {
    const s = await service()
    await s.createAnnotation({ docId: 'one', start: 0, end: 6, tags: ['T'] })
    const raw = await readFile(join(dir, 'annotations', 'one.json'), 'utf8')
    expect(
      raw.startsWith(
        '{\n  "@context": "http://www.w3.org/ns/anno.jsonld",\n  "id": "urn:parallax:annotations:one",\n  "type": "AnnotationPage",',
      ),
    ).toBe(true)
    expect(raw).toMatch(/"type": "TextPositionSelector",\n\s+"start": 0,\n\s+"end": 6/)
    const project = JSON.parse(await readFile(join(dir, 'project.json'), 'utf8'))
    expect(project.extra).toBe('kept')
  })

  it('keeps annotations written meanwhile by another process', async () => {
    const s = await service()
    await s.createAnnotation({ docId: 'one', start: 0, end: 6 })
    const other = await Service.start({ corpusDir: CORPUS, userData, project: dir })
    await other.createAnnotation({ docId: 'one', start: 7, end: 8 })
    await s.createAnnotation({ docId: 'one', start: 10, end: 14 })
    expect((await ProjectStore.open(dir)).annotationsOf('one')).toHaveLength(3)
  })

  it('serialises concurrent writes to one file', async () => {
    const s = await service()
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => s.createAnnotation({ docId: 'one', start: i, end: i + 3, tags: [`tag ${i % 3}`] })),
    )
    const reopened = await ProjectStore.open(dir)
    expect(reopened.annotationsOf('one')).toHaveLength(20)
    expect(reopened.codebook.tags.map((t) => t.name).sort()).toEqual(['tag 0', 'tag 1', 'tag 2'])
  })

  it('reports a corrupt annotations file, leaves it untouched and refuses to write over it', async () => {
    const corrupt = '{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationPage", "items": [{"id": 1}]'
    await mkdir(join(dir, 'annotations'))
    await writeFile(join(dir, 'annotations', 'one.json'), corrupt)
    const before = await stat(join(dir, 'annotations', 'one.json'))
    const s = await service()
    const view = await s.getProject()
    expect(view.problems).toHaveLength(1)
    expect(view.problems[0].path).toBe(join(dir, 'annotations', 'one.json'))
    expect(view.problems[0].reason).toMatch(/not valid JSON/)
    // The rest of the project still opens and works.
    expect(view.documents.map((d) => d.id)).toEqual(['one', 'two'])
    await s.createAnnotation({ docId: 'two', start: 0, end: 7 })
    const refused = await s.createAnnotation({ docId: 'one', start: 0, end: 6 }).catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(ApiError)
    expect((refused as ApiError).code).toBe('unreadable')
    expect((refused as ApiError).message).toContain(join(dir, 'annotations', 'one.json'))
    expect(await readFile(join(dir, 'annotations', 'one.json'), 'utf8')).toBe(corrupt)
    expect((await stat(join(dir, 'annotations', 'one.json'))).mtimeMs).toBe(before.mtimeMs)
  })

  it('reports an annotation without its selectors as not matching the format', async () => {
    await mkdir(join(dir, 'annotations'))
    const file = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'AnnotationPage',
      items: [{ id: 'x', type: 'Annotation', created: '', modified: '', target: { source: 's', selector: [] } }],
    }
    await writeFile(join(dir, 'annotations', 'two.json'), JSON.stringify(file))
    const store = await ProjectStore.open(dir)
    expect(store.problems[0].reason).toMatch(/does not match the expected format: .*TextQuoteSelector/)
  })

  it('opens a project whose project.json is broken, listing its documents, and never rewrites it', async () => {
    await writeFile(join(dir, 'project.json'), '{"name": "Test", "documents": [{"id": "BAD ID"}]}')
    const s = await service()
    const view = await s.getProject()
    expect(view.problems[0].path).toBe(join(dir, 'project.json'))
    expect(view.documents.map((d) => d.file)).toEqual(['one.txt', 'two.txt'])
    const outside = join(dir, '..', 'three.txt')
    await writeFile(outside, 'A third text.')
    const refused = await s.importDocuments({ paths: [outside] }).catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(ApiError)
    expect(await stat(join(dir, 'documents', 'three.txt')).catch(() => null)).toBeNull()
    expect(await readFile(join(dir, 'project.json'), 'utf8')).toBe('{"name": "Test", "documents": [{"id": "BAD ID"}]}')
  })

  it("reads a long-named document's annotations again when project.json is broken, under the id they were stored with", async () => {
    // Ids once kept a long name's first 60 characters; now its start and end (document-id.ts). A
    // project made before, read again from its folder, keeps the old id where annotations are
    // stored under it (a reviewer: they were left unread).
    const file = 'gcloud_network-security_mirroring-endpoint-group-associations_create.txt'
    const old = 'gcloud-network-security-mirroring-endpoint-group-association'
    await writeFile(join(dir, 'documents', file), 'Create a mirroring endpoint group association for the project.')
    await writeFile(
      join(dir, 'project.json'),
      JSON.stringify({ name: 'Test', documents: [{ id: old, file, title: 'Create' }], settings: {} }),
    )
    const before = await service()
    await before.createAnnotation({ docId: old, start: 0, end: 6 })
    await writeFile(join(dir, 'project.json'), '{"name": "Test", "documents": [{"id": "BAD ID"}]}')
    const after = await service()
    const view = await after.getProject()
    expect(view.documents.find((d) => d.file === file)?.id).toBe(old)
    expect((await after.listAnnotations({ docId: old })).items).toHaveLength(1)
  })

  it('reports a corrupt codebook and keeps it', async () => {
    await writeFile(join(dir, 'tags.json'), '{"tags": [{"id": "a", "name": "", "colour": "red"}]}')
    const s = await service()
    expect((await s.getProject()).problems[0].path).toBe(join(dir, 'tags.json'))
    await expect(s.createAnnotation({ docId: 'one', start: 0, end: 3, tags: ['new'] })).rejects.toThrow(/will not write over it/)
    // Without tags it still works: the codebook is not needed.
    await s.createAnnotation({ docId: 'one', start: 0, end: 3 })
  })

  it('rejects spans outside the text and unknown documents', async () => {
    const s = await service()
    await expect(s.createAnnotation({ docId: 'one', start: 0, end: 10_000 })).rejects.toThrow(/not inside document/)
    await expect(s.getDocument({ id: 'nope' })).rejects.toThrow(/no document with id "nope"/)
  })

  it('makes annotations whose selectors agree with the text', () => {
    const text = new OffsetMap('ab😀cd')
    const a = makeAnnotation({ id: 'x', now: 't', docId: 'd', text, start: 2, end: 4, tagIds: [] })
    expect(quoteOf(a).exact).toBe('😀c')
    expect(a.motivation).toBe('highlighting')
  })
})

describe('default project', () => {
  it('is created from the bundled corpus on first start and reused after', async () => {
    const s = await Service.start({ corpusDir: CORPUS, userData })
    const view = await s.getProject()
    expect(view.isDefault).toBe(true)
    expect(view.documents).toHaveLength(5)
    for (const d of view.documents) {
      expect(await readFile(join(view.dir, 'documents', d.file))).toEqual(await readFile(join(CORPUS, d.file)))
    }
    await s.createAnnotation({ docId: view.documents[0].id, start: 0, end: 3 })
    const again = await Service.start({ corpusDir: CORPUS, userData })
    expect((await again.getProject()).documents[0].annotationCount).toBe(1)
  })
})
