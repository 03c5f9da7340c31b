import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { noteOf, positionOf, quoteOf, tagIdsOf } from '../../main/core/annotations/annotation.js'
import type { ApiEvent } from '../../main/core/contract/api.js'
import { Service } from '../../main/node/service/service.js'
import { ProjectStore } from '../../main/node/project/store.js'
import { CORPUS, tempDir } from '../helpers.js'

let dir: string
let userData: string
let cleanup: () => Promise<void>
let s: Service

const ONE = 'Alpha beta gamma. The Quick brown fox jumps over the lazy dog. Café society meets here. Delta epsilon.'
const TWO = 'Another text where the quick brown fox appears again, and a café too.'

beforeEach(async () => {
  const t = await tempDir()
  cleanup = t.cleanup
  dir = join(t.dir, 'project')
  userData = join(t.dir, 'user-data')
  await mkdir(join(dir, 'documents'), { recursive: true })
  await writeFile(join(dir, 'documents', 'one.txt'), ONE)
  await writeFile(join(dir, 'documents', 'two.txt'), TWO)
  await writeFile(
    join(dir, 'project.json'),
    JSON.stringify({
      name: 'T',
      documents: [
        { id: 'one', file: 'one.txt', title: 'One', author: 'Ann' },
        { id: 'two', file: 'two.txt', title: 'Two', author: 'Bob' },
      ],
    }),
  )
  s = await Service.start({ corpusDir: CORPUS, userData, project: dir })
})
afterEach(() => cleanup())

const at = (text: string, quote: string) => ({
  start: [...text.slice(0, text.indexOf(quote))].length,
  end: [...text.slice(0, text.indexOf(quote))].length + [...quote].length,
})

describe('annotations', () => {
  it('edits tags, note and span, and deletes', async () => {
    const { annotation } = await s.createAnnotation({ docId: 'one', ...at(ONE, 'Quick brown fox'), tags: ['Animal'] })
    const id = annotation.annotation.id
    const edited = await s.updateAnnotation({ docId: 'one', id, tags: ['Animal', 'Colour'], note: 'Both' })
    expect(edited.createdTags.map((t) => t.name)).toEqual(['Colour'])
    expect(noteOf(edited.annotation.annotation)).toBe('Both')
    const resized = await s.updateAnnotation({ docId: 'one', id, ...at(ONE, 'The Quick brown fox jumps') })
    expect(quoteOf(resized.annotation.annotation).exact).toBe('The Quick brown fox jumps')
    expect(tagIdsOf(resized.annotation.annotation)).toHaveLength(2)
    await s.deleteAnnotation({ docId: 'one', id })
    expect((await ProjectStore.open(dir)).annotationsOf('one')).toEqual([])
  })

  it('lists only the annotations asked for by id (an editor opening one)', async () => {
    const one = await s.createAnnotation({ docId: 'one', ...at(ONE, 'lazy dog'), tags: ['Animal'], note: 'n' })
    await s.createAnnotation({ docId: 'one', ...at(ONE, 'Café society'), tags: [] })
    const { items } = await s.listAnnotations({ docId: 'one', ids: [one.annotation.annotation.id] })
    expect(items.map((i) => i.annotation.id)).toEqual([one.annotation.annotation.id])
    expect((await s.listAnnotations({ docId: 'one', ids: ['urn:uuid:none'] })).items).toEqual([])
    expect((await s.listAnnotations({ docId: 'one' })).items).toHaveLength(2)
  })

  it('lists the spans a reader draws: what listAnnotations says, slimmed', async () => {
    await s.createAnnotation({ docId: 'one', ...at(ONE, 'lazy dog'), tags: ['Animal', 'Colour'], note: 'n' })
    await s.createAnnotation({ docId: 'one', ...at(ONE, 'Café society'), tags: [] })
    const { items } = await s.listAnnotations({ docId: 'one' })
    const { spans } = await s.listAnnotationSpans({ docId: 'one' })
    expect(spans).toEqual(
      items.map((i) => ({
        id: i.annotation.id,
        ...at(ONE, quoteOf(i.annotation).exact),
        tagIds: tagIdsOf(i.annotation),
        hasNote: noteOf(i.annotation) !== '',
        status: i.status,
      })),
    )
    expect(spans.map((x) => [x.tagIds.length, x.hasNote])).toEqual([
      [2, true],
      [0, false],
    ])
    expect((await s.listAnnotationSpans({ docId: 'two' })).spans).toEqual([])
    await expect(s.listAnnotationSpans({ docId: 'nope' })).rejects.toThrow(/nope/)
  })

  it('undoes and redoes every operation, durably', async () => {
    const { annotation } = await s.createAnnotation({ docId: 'one', ...at(ONE, 'lazy dog'), tags: ['Animal'], note: 'n' })
    await s.updateAnnotation({ docId: 'one', id: annotation.annotation.id, note: 'changed' })
    expect((await s.getProject()).history.undo).toBe('Edit annotation')
    await s.undo({})
    expect(noteOf((await ProjectStore.open(dir)).annotationsOf('one')[0])).toBe('n')
    await s.undo({})
    const reopened = await ProjectStore.open(dir)
    expect(reopened.annotationsOf('one')).toEqual([])
    // The tag created with the annotation went with it.
    expect(reopened.codebook.tags).toEqual([])
    expect((await s.undo({})).undone).toBeNull()
    await s.redo({})
    await s.redo({})
    expect(noteOf((await ProjectStore.open(dir)).annotationsOf('one')[0])).toBe('changed')
    expect((await s.getProject()).history).toEqual({ undo: 'Edit annotation', redo: null })
  })

  it('refuses to undo over a file another program changed', async () => {
    await s.createAnnotation({ docId: 'one', ...at(ONE, 'lazy dog') })
    const path = join(dir, 'annotations', 'one.json')
    const other = await Service.start({ corpusDir: CORPUS, userData, project: dir })
    await other.createAnnotation({ docId: 'one', ...at(ONE, 'Delta') })
    const outside = await readFile(path, 'utf8')
    await expect(s.undo({})).rejects.toThrow(/cannot undo "Annotate": .*one\.json has changed since/)
    expect(await readFile(path, 'utf8')).toBe(outside)
  })
})

describe('codebook', () => {
  it('creates a hierarchy, renames (annotations follow by id), re-parents without cycles', async () => {
    const { tag: parent } = await s.createTag({ name: 'Economy', colour: '#112233', description: 'Economic claims' })
    const { tag: child } = await s.createTag({ name: 'Growth', parent: parent.id })
    const { annotation } = await s.createAnnotation({ docId: 'one', ...at(ONE, 'Alpha'), tags: ['Growth'] })
    await s.updateTag({ id: child.id, name: 'Economic growth' })
    const view = await s.getProject()
    expect(view.tags.find((t) => t.id === child.id)).toMatchObject({ name: 'Economic growth', parent: parent.id })
    expect(tagIdsOf((await ProjectStore.open(dir)).annotationsOf('one')[0])).toEqual([child.id])
    expect(view.tagCounts[child.id]).toBe(1)
    await expect(s.updateTag({ id: parent.id, parent: child.id })).rejects.toThrow(/under itself or one of its own sub-tags/)
    await expect(s.createTag({ name: 'economy' })).rejects.toThrow(/already a tag named "Economy"/)
    await s.updateTag({ id: child.id, parent: null })
    expect((await s.getProject()).tags.find((t) => t.id === child.id)!.parent).toBeNull()
    expect(annotation.status).toBe('anchored')
  })

  it('merges two tags and deletes with reassign or remove', async () => {
    const a = await s.createAnnotation({ docId: 'one', ...at(ONE, 'Alpha'), tags: ['A', 'B'] })
    await s.createAnnotation({ docId: 'two', ...at(TWO, 'Another'), tags: ['B'] })
    const tags = (await s.getProject()).tags
    const [A, B] = ['A', 'B'].map((n) => tags.find((t) => t.name === n)!)
    const { moved } = await s.mergeTags({ from: B.id, into: A.id })
    expect(moved).toBe(2)
    let store = await ProjectStore.open(dir)
    expect(store.codebook.tags.map((t) => t.name)).toEqual(['A'])
    expect(tagIdsOf(store.annotationsOf('one')[0])).toEqual([A.id])
    expect(tagIdsOf(store.annotationsOf('two')[0])).toEqual([A.id])
    await s.undo({})
    store = await ProjectStore.open(dir)
    expect(store.codebook.tags.map((t) => t.name)).toEqual(['A', 'B'])
    expect(tagIdsOf(store.annotationsOf('one')[0])).toEqual([A.id, B.id])

    const { tag: C } = await s.createTag({ name: 'C' })
    await s.deleteTag({ id: B.id, reassignTo: C.id })
    expect(tagIdsOf((await ProjectStore.open(dir)).annotationsOf('two')[0])).toEqual([C.id])
    await s.deleteTag({ id: C.id })
    store = await ProjectStore.open(dir)
    expect(tagIdsOf(store.annotationsOf('two')[0])).toEqual([])
    expect(store.annotationsOf('two')[0].motivation).toBe('highlighting')
    expect(tagIdsOf(store.annotationsOf('one')[0])).toEqual([A.id])
    expect(a.annotation.docId).toBe('one')
  })
})

describe('retrieval and search', () => {
  it('retrieves passages by tag with sub-tags, in document order, with context and filters', async () => {
    const { tag: parent } = await s.createTag({ name: 'Animals' })
    await s.createTag({ name: 'Fox', parent: parent.id })
    await s.createAnnotation({ docId: 'two', ...at(TWO, 'quick brown fox'), tags: ['Fox'] })
    await s.createAnnotation({ docId: 'one', ...at(ONE, 'lazy dog'), tags: ['Animals'] })
    await s.createAnnotation({ docId: 'one', ...at(ONE, 'Quick brown fox'), tags: ['Fox'], note: 'the famous one' })
    const all = await s.retrieve({ tagIds: [parent.id], includeChildren: true })
    expect(all.items.map((i) => [i.docId, i.quote])).toEqual([
      ['one', 'Quick brown fox'],
      ['one', 'lazy dog'],
      ['two', 'quick brown fox'],
    ])
    expect(all.items[0]).toMatchObject({
      before: 'Alpha beta gamma. The ',
      after: ' jumps over the lazy dog. Café society meets here. Delta epsilon.'.slice(0, 60),
    })
    expect((await s.retrieve({ tagIds: [parent.id], includeChildren: false })).items.map((i) => i.quote)).toEqual(['lazy dog'])
    expect((await s.retrieve({ authors: ['Bob'] })).items.map((i) => i.docId)).toEqual(['two'])
    expect((await s.retrieve({ text: 'FAMOUS' })).items.map((i) => i.quote)).toEqual(['Quick brown fox'])
  })

  it('searches case- and accent-insensitively, by words and phrases, with KWIC context', async () => {
    const { hits } = await s.search({ query: '"quick brown" cafe' })
    expect(hits.map((h) => [h.docId, h.match])).toEqual([
      ['one', 'Quick brown'],
      ['one', 'Café'],
      ['two', 'quick brown'],
      ['two', 'café'],
    ])
    const [first] = hits
    expect([...ONE].slice(first.start, first.end).join('')).toBe('Quick brown')
    expect(first.left).toBe('Alpha beta gamma. The ')
    expect(first.right.startsWith(' fox jumps')).toBe(true)
    expect((await s.search({ query: 'row' })).hits).toEqual([])
  })
})

describe('anchoring when sources change on disk', () => {
  it('follows an edit, orphans a rewrite, and never drops an annotation', async () => {
    const events: ApiEvent[] = []
    s.onEvent((e) => events.push(e))
    const stop = s.watchFiles()
    try {
      // Its text is unchanged and one side of its context (the 32 characters after it) too: followed.
      const fox = await s.createAnnotation({ docId: 'one', ...at(ONE, 'Alpha beta gamma.'), tags: ['Claim'] })
      const cafe = await s.createAnnotation({ docId: 'one', ...at(ONE, 'Café society meets here.') })
      const edited = 'A new opening sentence. ' + ONE.replace('Café society meets here.', 'Something altogether different now.')
      await writeFile(join(dir, 'documents', 'one.txt'), edited)
      await expect.poll(() => events.some((e) => e.type === 'document-changed' && e.docId === 'one'), { timeout: 5000 }).toBe(true)
      const { items } = await s.listAnnotations({ docId: 'one' })
      const byId = new Map(items.map((i) => [i.annotation.id, i]))
      expect(byId.get(fox.annotation.annotation.id)!.status).toBe('moved')
      expect(byId.get(cafe.annotation.annotation.id)!.status).toBe('orphan')
      const stored = (await ProjectStore.open(dir)).annotationsOf('one')
      expect(stored).toHaveLength(2)
      const foxStored = stored.find((a) => a.id === fox.annotation.annotation.id)!
      const p = positionOf(foxStored)
      expect([...edited].slice(p.start, p.end).join('')).toBe('Alpha beta gamma.')
      // The orphan keeps its stored selectors untouched...
      expect(stored.find((a) => a.id === cafe.annotation.annotation.id)).toEqual(cafe.annotation.annotation)
      expect((await s.getProject()).orphanCount).toBe(1)
      expect((await s.retrieve({ status: ['orphan'] })).items[0].quote).toBe('Café society meets here.')
      // ...and is re-attached by giving it a new span.
      const re = await s.updateAnnotation({
        docId: 'one',
        id: cafe.annotation.annotation.id,
        ...at(edited, 'Something altogether different now.'),
      })
      expect(re.annotation.status).toBe('anchored')
      expect((await s.getProject()).orphanCount).toBe(0)
    } finally {
      stop()
    }
  })

  it('re-anchors on load, so a source edited while the app was closed is followed', async () => {
    const fox = await s.createAnnotation({ docId: 'one', ...at(ONE, 'lazy dog') })
    await writeFile(join(dir, 'documents', 'one.txt'), 'Inserted. ' + ONE)
    const again = await Service.start({ corpusDir: CORPUS, userData, project: dir })
    const [item] = (await again.listAnnotations({ docId: 'one' })).items
    expect(item.status).toBe('moved')
    expect(positionOf(item.annotation).start).toBe(positionOf(fox.annotation.annotation).start + 10)
  })
})
