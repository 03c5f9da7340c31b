import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { quoteOf, tagIdsOf } from '../../main/core/annotations/annotation.js'
import { OffsetMap } from '../../main/core/text/offsets.js'
import { Service } from '../../main/node/service/service.js'
import { CORPUS, tempDir } from '../helpers.js'
import { mustRunner, type MustList } from '../support/w3c-musts.js'

// The project's own annotation files (annotations/<document>.json), checked with the W3C Web
// Annotation test suite's MUST assertions after each kind of change, and a file in the form
// written before (relative source, empty bodies, no page id) read as it is and migrated on its
// next write.

const TEXT = 'The first sentence stays. The second sentence is tagged. The third one carries a note.\n'

function span(text: string, needle: string): { start: number; end: number } {
  const at = text.indexOf(needle)
  const map = new OffsetMap(text)
  return { start: map.toCodePoint(at), end: map.toCodePoint(at + needle.length) }
}

let base: string
let cleanup: () => Promise<void>
let failures: (list: MustList, doc: unknown) => string[]

/** Every MUST assertion the stored page and each of its annotations fail (with the page's context). */
function pageFailures(page: { '@context': unknown; items: Record<string, unknown>[] }): string[] {
  return [
    ...failures('collections/pages/pageMusts.test', page),
    ...page.items.flatMap((item) =>
      failures('annotations/annotationMusts.test', { '@context': page['@context'], ...item }).map((f) => `${String(item.id)}: ${f}`),
    ),
  ]
}

beforeAll(async () => {
  const t = await tempDir()
  base = t.dir
  cleanup = t.cleanup
  failures = await mustRunner()
})
afterAll(() => cleanup())

describe('stored annotation files pass the W3C MUST assertions', () => {
  it('after create, edit and delete', async () => {
    const project = join(base, 'fresh')
    await mkdir(join(base, 'in'))
    await writeFile(join(base, 'in', 'essay.txt'), TEXT)
    const s = await Service.start({ corpusDir: CORPUS, userData: join(base, 'user-data'), project })
    await s.importDocuments({ paths: [join(base, 'in', 'essay.txt')] })
    const file = join(project, 'annotations', 'essay.json')
    const stored = async () => JSON.parse(await readFile(file, 'utf8'))

    const highlight = (await s.createAnnotation({ docId: 'essay', ...span(TEXT, 'first sentence'), tags: [] })).annotation.annotation
    const tagged = (await s.createAnnotation({ docId: 'essay', ...span(TEXT, 'second sentence'), tags: ['Claim'] })).annotation.annotation
    const noted = (await s.createAnnotation({ docId: 'essay', ...span(TEXT, 'third one'), tags: ['Claim'], note: 'A **note**' })).annotation
      .annotation
    let page = await stored()
    expect(pageFailures(page)).toEqual([])
    expect(page.id).toBe('urn:parallax:annotations:essay')
    for (const a of page.items) expect(a.target.source).toBe('urn:parallax:document:essay')
    const storedHighlight = page.items.find((a: { id: string }) => a.id === highlight.id)
    expect(storedHighlight).not.toHaveProperty('body')
    expect(storedHighlight.motivation).toBe('highlighting')

    // Editing away a highlight's only tag and a note's text leaves no empty body behind.
    await s.updateAnnotation({ docId: 'essay', id: tagged.id, tags: [] })
    await s.updateAnnotation({ docId: 'essay', id: noted.id, note: 'Changed, with [a link](https://example.org)' })
    page = await stored()
    expect(pageFailures(page)).toEqual([])
    expect(page.items.find((a: { id: string }) => a.id === tagged.id)).not.toHaveProperty('body')

    await s.deleteAnnotation({ docId: 'essay', id: highlight.id })
    page = await stored()
    expect(page.items).toHaveLength(2)
    expect(pageFailures(page)).toEqual([])

    // The checks can fail: the same page with an empty body and a relative source does.
    const broken = { ...page, items: [{ ...page.items[0], body: [], target: { ...page.items[0].target, source: 'documents/essay.txt' } }] }
    expect(pageFailures(broken).length).toBeGreaterThan(5)
    const { id: _id, ...noId } = page
    expect(failures('collections/pages/pageMusts.test', noId)).not.toEqual([])
  })

  it('reads a file in the older form and migrates it on its next write', async () => {
    const project = join(base, 'old')
    await mkdir(join(project, 'documents'), { recursive: true })
    await mkdir(join(project, 'annotations'))
    await writeFile(join(project, 'documents', 'essay.txt'), TEXT)
    await writeFile(
      join(project, 'project.json'),
      JSON.stringify({
        name: 'Old',
        documents: [{ id: 'essay', file: 'essay.txt', title: 'Essay', author: '', outlet: '', date: '', url: '' }],
        settings: {},
      }),
    )
    await writeFile(join(project, 'tags.json'), JSON.stringify({ tags: [{ id: 'claim', name: 'Claim', colour: '#3366cc' }] }))
    const old = (id: string, needle: string, body: unknown[]) => {
      const { start, end } = span(TEXT, needle)
      return {
        id,
        type: 'Annotation',
        motivation: body.length ? 'tagging' : 'highlighting',
        created: '2025-01-01T00:00:00.000Z',
        modified: '2025-01-01T00:00:00.000Z',
        body,
        target: {
          source: 'documents/essay.txt',
          selector: [
            {
              type: 'TextQuoteSelector',
              exact: needle,
              prefix: TEXT.slice(Math.max(0, start - 32), start),
              suffix: TEXT.slice(end, end + 32),
            },
            { type: 'TextPositionSelector', start, end },
          ],
        },
      }
    }
    const oldFile = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'AnnotationPage',
      items: [
        old('urn:uuid:00000000-0000-4000-8000-000000000001', 'first sentence', []),
        old('urn:uuid:00000000-0000-4000-8000-000000000002', 'second sentence', [
          { type: 'SpecificResource', purpose: 'tagging', source: 'urn:parallax:tag:claim' },
        ]),
      ],
    }
    const file = join(project, 'annotations', 'essay.json')
    await writeFile(file, JSON.stringify(oldFile, null, 2))
    // The older form fails the suite: this is what the migration is for.
    expect(pageFailures(oldFile).length).toBeGreaterThan(0)

    const s = await Service.start({ corpusDir: CORPUS, userData: join(base, 'user-data-old'), project })
    expect((await s.getProject()).problems).toEqual([])
    const items = (await s.listAnnotations({ docId: 'essay' })).items
    expect(items.map((a) => [quoteOf(a.annotation).exact, tagIdsOf(a.annotation), a.status])).toEqual([
      ['first sentence', [], 'anchored'],
      ['second sentence', ['claim'], 'anchored'],
    ])
    // Reading leaves the file as it was.
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(oldFile)

    await s.createAnnotation({ docId: 'essay', ...span(TEXT, 'third one'), tags: [] })
    const page = JSON.parse(await readFile(file, 'utf8'))
    expect(pageFailures(page)).toEqual([])
    expect(page.id).toBe('urn:parallax:annotations:essay')
    expect(page.items.map((a: { target: { source: string } }) => a.target.source)).toEqual(Array(3).fill('urn:parallax:document:essay'))
    expect(page.items[0]).not.toHaveProperty('body')
    expect(page.items[1].body).toEqual(oldFile.items[1].body)
    expect(page.items[0].created).toBe('2025-01-01T00:00:00.000Z')
    expect(await readdir(join(project, 'annotations'))).toEqual(['essay.json'])
  })
})
