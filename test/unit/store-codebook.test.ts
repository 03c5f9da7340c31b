import { readFile, writeFile, mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { makeAnnotation, positionOf } from '../../main/core/annotations/annotation.js'
import { checkCodebook, MAX_TAG_DEPTH, type Tag } from '../../main/core/annotations/codebook.js'
import { OffsetMap } from '../../main/core/text/offsets.js'
import { ProjectStore } from '../../main/node/project/store.js'
import { Service } from '../../main/node/service/service.js'
import { CORPUS, tempDir } from '../helpers.js'

// Inconsistent codebook and annotation files: reported with path and reason, the files kept, the
// app working on what is valid.

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c()
})

const tag = (id: string, name: string, parent: string | null = null): Tag => ({ id, name, colour: '#336699', parent, description: '' })

/** Every tag reached walking down from the top level, as the codebook panel draws them. */
function drawn(tags: readonly Tag[]): string[] {
  const out: string[] = []
  const children = new Map<string | null, Tag[]>()
  for (const t of tags) {
    if (!children.has(t.parent)) children.set(t.parent, [])
    children.get(t.parent)!.push(t)
  }
  const walk = (parent: string | null, level: number) => {
    for (const t of children.get(parent) ?? []) {
      if (level > MAX_TAG_DEPTH) throw new Error('deeper than MAX_TAG_DEPTH')
      out.push(t.id)
      walk(t.id, level + 1)
    }
  }
  walk(null, 1)
  return out
}

describe('a damaged codebook', () => {
  it('is reported with path and reason, kept on disk, and usable', async () => {
    const t = await tempDir()
    cleanups.push(t.cleanup)
    const dir = t.dir
    const store = await ProjectStore.open(dir, { create: true })
    await writeFile(join(dir, 'documents', 'a.txt'), 'One sentence here. Another sentence there.')
    await store.updateProject((p) => ({
      ...p,
      documents: [{ id: 'a', file: 'a.txt', title: 'A', author: '', outlet: '', date: '', url: '' }],
    }))
    const chain = Array.from({ length: 100 }, (_, i) => tag(`d${i}`, `deep ${i}`, i ? `d${i - 1}` : null))
    const tags = [
      tag('self', 'Own parent', 'self'),
      tag('x', 'Cycle X', 'y'),
      tag('y', 'Cycle Y', 'x'),
      tag('orphan', 'Lost child', 'gone'),
      tag('dup', 'First'),
      tag('dup', 'Second'),
      tag('n1', 'Same name'),
      tag('n2', 'same NAME'),
      ...chain,
    ]
    const tagsJson = JSON.stringify({ tags }, null, 2)
    await writeFile(join(dir, 'tags.json'), tagsJson)
    const text = new OffsetMap('One sentence here. Another sentence there.')
    const a = makeAnnotation({
      id: 'urn:uuid:twice',
      now: 't',
      docId: 'a',
      text,
      start: 0,
      end: 3,
      tagIds: ['self', 'missing-tag'],
    })
    await mkdir(join(dir, 'annotations'), { recursive: true })
    const annotationsJson = JSON.stringify({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationPage', items: [a, a] })
    await writeFile(join(dir, 'annotations', 'a.json'), annotationsJson)

    const opened = await ProjectStore.open(dir)
    const reasons = opened.problems.map((p) => `${p.path.slice(dir.length + 1)} | ${p.reason}`)
    const expected = [
      /^annotations\/a\.json \| .*annotation id "urn:uuid:twice" appears 2 times/,
      /^annotations\/a\.json \| .*tag\(s\) not in tags\.json: "missing-tag"/,
      /^tags\.json \| .*tag id "dup" is used by more than one tag/,
      /^tags\.json \| .*tag name "same NAME" is used by more than one tag/,
      /^tags\.json \| .*"Lost child" has a parent "gone" that does not exist/,
      /^tags\.json \| .*"Own parent" are each other's parents \(a cycle\)/,
      /^tags\.json \| .*"Cycle X" → "Cycle Y"|"Cycle Y" → "Cycle X"/,
      new RegExp(`^tags\\.json \\| .*nest more than ${MAX_TAG_DEPTH} levels deep`),
    ]
    for (const re of expected)
      expect(
        reasons.some((r) => re.test(r)),
        `${re} in\n${reasons.join('\n')}`,
      ).toBe(true)
    expect(reasons).toHaveLength(expected.length)
    // The files are kept as they are; the app works on a codebook it can draw.
    expect(await readFile(join(dir, 'tags.json'), 'utf8')).toBe(tagsJson)
    expect(await readFile(join(dir, 'annotations', 'a.json'), 'utf8')).toBe(annotationsJson)
    const usable = opened.codebook.tags
    expect(new Set(drawn(usable))).toEqual(new Set(usable.map((x) => x.id)))
    expect(usable.map((x) => x.id).filter((id) => id === 'dup')).toHaveLength(1)
    // And it still accepts changes: a new tag is written next to the damaged ones.
    await opened.updateCodebook((b) => ({ ...b, tags: [...b.tags, tag('new', 'New one', 'self')] }))
    const after = JSON.parse(await readFile(join(dir, 'tags.json'), 'utf8')) as { tags: Tag[] }
    expect(after.tags).toHaveLength(tags.length + 1)
    expect(drawn(opened.codebook.tags)).toContain('new')
  })

  it('breaks any cycle and bounds any depth (core check)', () => {
    const long = Array.from({ length: 10_000 }, (_, i) => tag(`c${i}`, `c${i}`, `c${(i + 1) % 10_000}`))
    const checked = checkCodebook(long)
    expect(checked.problems.some((p) => p.includes('a cycle'))).toBe(true)
    expect(drawn(checked.tags)).toHaveLength(10_000)
  })

  it('a file holding one annotation id twice: the first is shown and edited, the copy kept as it is', async () => {
    const t = await tempDir()
    cleanups.push(t.cleanup)
    const dir = t.dir
    const TEXT = 'One sentence here. Another sentence there.'
    await mkdir(join(dir, 'documents'), { recursive: true })
    await writeFile(join(dir, 'documents', 'a.txt'), TEXT)
    await writeFile(
      join(dir, 'project.json'),
      JSON.stringify({ name: 'p', documents: [{ id: 'a', file: 'a.txt', title: 'A', author: '', outlet: '', date: '', url: '' }] }),
    )
    const text = new OffsetMap(TEXT)
    const first = makeAnnotation({ id: 'urn:uuid:twice', now: 't', docId: 'a', text, start: 0, end: 3, tagIds: [] })
    const copy = makeAnnotation({ id: 'urn:uuid:twice', now: 't', docId: 'a', text, start: 19, end: 26, tagIds: [] })
    await mkdir(join(dir, 'annotations'), { recursive: true })
    await writeFile(
      join(dir, 'annotations', 'a.json'),
      JSON.stringify({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationPage', items: [first, copy] }),
    )
    const s = await Service.start({ corpusDir: CORPUS, userData: join(dir, 'user-data'), project: dir })
    expect(s.project.problems.map((p) => p.reason)).toEqual([
      'annotations/a.json: annotation id "urn:uuid:twice" appears 2 times; only the first is shown and edited, the other 1 kept in the file as they are',
    ])
    expect((await s.listAnnotations({})).items.map((i) => positionOf(i.annotation).start)).toEqual([0])
    await s.updateAnnotation({ docId: 'a', id: 'urn:uuid:twice', note: 'edited' })
    await s.deleteAnnotation({ docId: 'a', id: 'urn:uuid:twice' })
    // Only the first was edited, then deleted; the copy is still in the file, unchanged, and now the one shown.
    const onDisk = JSON.parse(await readFile(join(dir, 'annotations', 'a.json'), 'utf8')) as { items: unknown[] }
    expect(onDisk.items).toEqual([copy])
    expect((await s.retrieve({})).items.map((i) => i.quote)).toEqual(['Another'])
  })
})
