import { execFileSync } from 'node:child_process'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { noteOf, positionOf, quoteOf, tagIdsOf } from '../../main/core/annotations/annotation.js'
import { placeSelections } from '../../main/core/export/refi-positions.js'
import { runCli } from '../../main/node/cli/cli.js'
import { Service } from '../../main/node/service/service.js'
import { atlasQdpx, codebookOnlyQdpx, HAMLET, MAXQDA_QDC, nvivoQdpx, qualcoderQdpx, TAGUETTE_QDC } from '../fixtures/import/refi.js'
import { CORPUS, tempDir } from '../helpers.js'

// REFI-QDA import read as each producer writes: every coding is checked on the text it lands on
// in the stored document (not on positions), for files shaped as ATLAS.ti, NVivo and QualCoder
// (default and "MAXQDA line endings") write them, and for MAXQDA and Taguette codebooks.

let base: string
let cleanup: () => Promise<void>

beforeEach(async () => {
  const t = await tempDir()
  base = t.dir
  cleanup = t.cleanup
})
afterEach(() => cleanup())

async function service(name = 'project'): Promise<Service> {
  return Service.start({ corpusDir: CORPUS, userData: join(base, 'user-data'), project: join(base, name) })
}

async function file(name: string, content: string | Uint8Array): Promise<string> {
  await mkdir(join(base, 'in'), { recursive: true })
  const path = join(base, 'in', name)
  await writeFile(path, content)
  return path
}

/** Each annotation as the words it lands on in the stored text, with tag names and note. */
async function landed(s: Service): Promise<{ text: string; tags: string[]; note: string; status: string }[]> {
  const project = await s.getProject()
  const out = []
  for (const { docId, annotation, status } of (await s.listAnnotations({})).items) {
    const text = [...(await s.getDocument({ id: docId })).text]
    const { start, end } = positionOf(annotation)
    const words = text.slice(start, end).join('')
    expect(quoteOf(annotation).exact).toBe(words)
    out.push({
      start,
      text: words,
      tags: tagIdsOf(annotation).map((id) => project.tags.find((t) => t.id === id)!.name),
      note: noteOf(annotation),
      status,
    })
  }
  return out.sort((a, b) => a.start - b.start).map(({ start: _start, ...rest }) => rest)
}

describe('REFI-QDA import, each producer read as it writes', () => {
  it('ATLAS.ti: CRLF text with a line break counted as one character', async () => {
    const s = await service()
    const { added, report } = await s.importDocuments({ paths: [await file('atlas.qdpx', atlasQdpx())] })
    expect(added.map((d) => d.title)).toEqual(['Hamlet 1.2'])
    // The document is stored as it came, Windows line ends and all.
    expect(await readFile(join(base, 'project', 'documents', 'Hamlet 1.2.txt'), 'utf8')).toBe(HAMLET)
    expect(await landed(s)).toEqual([
      { text: 'solid flesh', tags: ['Body'], note: 'Body imagery; cf. 1.5.', status: 'anchored' },
      { text: 'melt,\r\nThaw', tags: ['Body'], note: '', status: 'anchored' },
      { text: 'Thaw, and resolve', tags: ['Dissolution'], note: '', status: 'anchored' },
    ])
    expect(report).toEqual(['atlas.qdpx: brought in 1 document, 3 annotations, 2 new tags'])
  })

  it('NVivo: Sources/, CRLF counted as two, an annotation from a linked note file', async () => {
    const s = await service()
    await s.importDocuments({ paths: [await file('nvivo.qdpx', nvivoQdpx())] })
    expect(await landed(s)).toEqual([
      { text: 'solid flesh', tags: ['Body'], note: '', status: 'anchored' },
      { text: 'melt,\r\nThaw', tags: [], note: 'The line break falls inside the image.', status: 'anchored' },
      { text: 'Thaw, and resolve', tags: ['Dissolution'], note: '', status: 'anchored' },
    ])
    const tags = (await s.getProject()).tags
    expect(tags.find((t) => t.name === 'Dissolution')!.parent).toBe(tags.find((t) => t.name === 'Body')!.id)
  })

  for (const lineEndings of ['default', 'maxqda'] as const) {
    it(`QualCoder (${lineEndings} line endings): memos on passages, categories kept, what is left out reported`, async () => {
      const s = await service()
      const { report } = await s.importDocuments({ paths: [await file('qc.qdpx', qualcoderQdpx(lineEndings))] })
      const expected = [
        { text: 'solid flesh', tags: ['Body'], note: 'Body & blood', status: 'anchored' },
        { text: lineEndings === 'maxqda' ? 'melt,\r\nThaw' : 'melt,\nThaw', tags: ['Dissolution'], note: '', status: 'anchored' },
        { text: 'resolve', tags: [], note: 'Resolve: dissolve, and decide.', status: 'anchored' },
      ]
      expect(await landed(s)).toEqual(expected)
      const tags = (await s.getProject()).tags
      const imagery = tags.find((t) => t.name === 'Imagery')!
      expect(imagery.codable).toBe(false)
      expect(tags.find((t) => t.name === 'Body')!.parent).toBe(imagery.id)
      expect(report).toEqual([
        'qc.qdpx: brought in 1 document, 3 annotations, 3 new tags; not brought in: 1 PDF source without text, 1 case, 1 journal (notes not on a passage)',
      ])
    })
  }

  it('a category (isCodable="false") is not taggable: creating, editing or tagging hits with it is refused with the reason', async () => {
    const s = await service()
    await s.importDocuments({ paths: [await file('cat.qdpx', qualcoderQdpx())] })
    const docId = (await s.getProject()).documents[0].id
    const reason = /“Imagery” is a category \(a group of tags\), not a tag: choose one of the tags under it/
    await expect(s.createAnnotation({ docId, start: 0, end: 3, tags: ['imagery'] })).rejects.toThrow(reason)
    const first = (await s.listAnnotations({ docId })).items[0].annotation
    await expect(s.updateAnnotation({ docId, id: first.id, tags: ['Body', 'Imagery'] })).rejects.toThrow(reason)
    await expect(s.tagHits({ hits: [{ docId, start: 0, end: 3 }], tags: ['Imagery'] })).rejects.toThrow(reason)
    // Its tags are taggable, and nothing was written by the refused calls.
    expect((await s.listAnnotations({ docId })).items).toHaveLength(3)
    await s.createAnnotation({ docId, start: 0, end: 3, tags: ['Body'] })
    expect((await s.listAnnotations({ docId })).items).toHaveLength(4)
  })

  it('skips a selection outside its text and says so; the rest is imported', async () => {
    const s = await service()
    const { added, report } = await s.importDocuments({ paths: [await file('bad.qdpx', qualcoderQdpx('default', { badSelection: true }))] })
    expect(added).toHaveLength(1)
    expect((await landed(s)).map((a) => a.text)).toEqual(['solid flesh', 'melt,\nThaw', 'resolve'])
    expect(report![0]).toMatch(
      /skipped selection 5E100000-0000-4000-8000-000000000009 in TextSource "hamlet-1-2\.txt" \(span 90\.\.120 runs past the end of the text \(87\)\)$/,
    )
  })

  it('decides line-break counting by the selections, and never places a named selection on other words', () => {
    const sel = (name: string, start: number, end: number) => ({
      guid: name,
      name,
      start,
      end,
      description: '',
      codeGuids: [],
      noteGuids: [],
    })
    // Names match under one-character counting: chosen whatever the origin says.
    expect(placeSelections(HAMLET, [sel('solid flesh', 26, 37)], 'NVivo')).toMatchObject({ counting: 'one', decidedBy: 'selection names' })
    expect(placeSelections(HAMLET, [sel('solid flesh', 27, 38)], 'ATLAS.ti')).toMatchObject({
      counting: 'two',
      decidedBy: 'selection names',
    })
    // No names: the origin decides (ATLAS.ti and QualCoder count one, the others two).
    expect(placeSelections(HAMLET, [sel('', 26, 37)], 'ATLAS.ti 9')).toMatchObject({ counting: 'one', decidedBy: 'origin' })
    expect(placeSelections(HAMLET, [sel('', 27, 38)], 'MAXQDA 24')).toMatchObject({ counting: 'two', decidedBy: 'origin' })
    // Names are quotes here, so one that does not match its text is not placed.
    const placed = placeSelections(HAMLET, [sel('solid flesh', 26, 37), sel('Thaw, and resolve', 50, 67), sel('a dew', 0, 4)], 'ATLAS.ti')
    expect(placed.placements.map((p) => p.ok)).toEqual([true, true, false])
    expect(placed.placements[2]).toEqual({ ok: false, reason: 'its text (“Ham.”) is not its name (“a dew”)' })
  })

  it('ATLAS.ti without selection names: origin decides, codings still land on their words', async () => {
    const s = await service()
    await s.importDocuments({ paths: [await file('atlas.qdpx', atlasQdpx({ names: false }))] })
    expect((await landed(s)).map((a) => a.text)).toEqual(['solid flesh', 'melt,\r\nThaw', 'Thaw, and resolve'])
  })
})

describe('annotation ids stay unique in the project', () => {
  it('the same .qdpx imported twice: the second copy gets new ids (old ones as "via"), editing one copy leaves the other in place', async () => {
    const s = await service()
    const path = await file('atlas.qdpx', atlasQdpx())
    await s.importDocuments({ paths: [path] })
    const { added, report } = await s.importDocuments({ paths: [path] })
    expect(report).toEqual([
      'atlas.qdpx: brought in 1 document, 3 annotations, 0 new tags; 3 annotation ids were already in the project and got new ones (the old id is kept as "via")',
    ])
    const [first, second] = [(await s.getProject()).documents[0].id, added[0].id]
    const items = (await s.listAnnotations({})).items
    const ids = items.map((i) => i.annotation.id)
    expect(new Set(ids).size).toBe(6)
    const copies = items.filter((i) => i.docId === second).map((i) => i.annotation)
    const originals = items.filter((i) => i.docId === first).map((i) => i.annotation)
    expect(copies.map((a) => a.via).sort()).toEqual(originals.map((a) => a.id).sort())
    expect(s.project.problems).toEqual([])

    // Move the first copy's "solid flesh" annotation to "Thaw": the second copy's stays on "solid flesh".
    const solid = originals.find((a) => quoteOf(a).exact === 'solid flesh')!
    const text = [...(await s.getDocument({ id: first })).text].join('')
    const at = [...text.slice(0, text.indexOf('resolve'))].length
    await s.updateAnnotation({ docId: first, id: solid.id, start: at, end: at + 'resolve'.length })
    const passages = (await s.retrieve({})).items
    expect(passages.filter((p) => p.docId === second).map((p) => p.quote)).toContain('solid flesh')
    expect(passages.filter((p) => p.docId === first).map((p) => p.quote)).not.toContain('solid flesh')
    expect(passages.filter((p) => p.docId === first).map((p) => p.quote)).toContain('resolve')
    expect(passages).toHaveLength(6)
    // Opened afresh, the project reads the same.
    const again = await Service.start({ corpusDir: CORPUS, userData: join(base, 'user-data'), project: join(base, 'project') })
    expect((await again.retrieve({})).items.map((p) => `${p.docId}:${p.quote}`).sort()).toEqual(
      passages.map((p) => `${p.docId}:${p.quote}`).sort(),
    )
  })

  it('ids in an annotation file that cannot be read count as taken: mended, the file shares no id with a later import', async () => {
    const path = await file('atlas.qdpx', atlasQdpx())
    const first = (await (await service()).importDocuments({ paths: [path] })).added[0].id
    const annotations = join(base, 'project', 'annotations', `${first}.json`)
    const good = await readFile(annotations, 'utf8')
    const originals = (JSON.parse(good) as { items: { id: string }[] }).items.map((a) => a.id)
    // Cut short (a crash of another tool, a bad hand edit): not JSON, so the project opens without it.
    await writeFile(annotations, good.slice(0, Math.floor(good.length * 0.8)))
    const s = await service()
    expect(s.project.problems.map((p) => p.path)).toEqual([annotations])
    const { added, report } = await s.importDocuments({ paths: [path] })
    expect(report).toEqual([
      `atlas.qdpx: brought in 1 document, 3 annotations, 0 new tags; 3 annotation ids were already in the project and got new ones (the old id is kept as "via"), counting the ids in annotations/${first}.json, which could not be read`,
    ])
    const copies = (await s.listAnnotations({ docId: added[0].id })).items.map((i) => i.annotation)
    expect(copies.map((a) => a.via).sort()).toEqual([...originals].sort())
    // The file mended, every id of the project is one annotation's.
    await writeFile(annotations, good)
    const mended = await service()
    expect(mended.project.problems).toEqual([])
    const ids = (await mended.listAnnotations({})).items.map((i) => i.annotation.id)
    expect(ids).toHaveLength(6)
    expect(new Set(ids).size).toBe(6)
  })

  it('an annotation file whose text cannot be read at all (a pipe in its place): every imported id is replaced', async () => {
    const path = await file('atlas.qdpx', atlasQdpx())
    const first = (await (await service()).importDocuments({ paths: [path] })).added[0].id
    const annotations = join(base, 'project', 'annotations', `${first}.json`)
    const originals = (JSON.parse(await readFile(annotations, 'utf8')) as { items: { id: string }[] }).items.map((a) => a.id)
    await rm(annotations)
    execFileSync('mkfifo', [annotations])
    const s = await service()
    const { added, report } = await s.importDocuments({ paths: [path] })
    expect(report).toEqual([
      `atlas.qdpx: brought in 1 document, 3 annotations, 0 new tags; 3 annotation ids were already in the project and got new ones (the old id is kept as "via"): every imported id was replaced, as annotations/${first}.json could not be read and may hold any id`,
    ])
    const copies = (await s.listAnnotations({ docId: added[0].id })).items.map((i) => i.annotation)
    expect(copies.map((a) => a.via).sort()).toEqual([...originals].sort())
    expect(copies.filter((a) => originals.includes(a.id))).toEqual([])
  })
})

describe('codebooks', () => {
  it('a MAXQDA 24 codebook and a Taguette one, from the CLI (tags import); a codebook-only .qdpx is accepted', async () => {
    const s = await service()
    const io = () => {
      const out = { stdout: '', stderr: '' }
      return { out, io: { out: (t: string) => (out.stdout += t + '\n'), err: (t: string) => (out.stderr += t + '\n') } }
    }
    const project = join(base, 'project')
    const a = io()
    expect(await runCli(['tags', 'import', await file('maxqda.qdc', MAXQDA_QDC), '--project', project], a.io)).toBe(0)
    expect(a.out.stderr).toBe('added 5 tag(s)\n')
    const b = io()
    expect(await runCli(['tags', 'import', await file('taguette.qdc', TAGUETTE_QDC), '--project', project], b.io)).toBe(0)
    expect(b.out.stderr).toBe('added 4 tag(s)\n')
    await s.openProject({ dir: project })
    const tags = (await s.getProject()).tags
    const byName = (n: string) => tags.find((t) => t.name === n)!
    expect(byName('Dew').parent).toBe(byName('Weather & water').id)
    expect(byName('Weather & water').parent).toBe(byName('Imagery').id)
    expect(byName('Body').colour).toBe('#46aa00')
    expect(byName('Ψυχή <soul>').colour).toBe('#a0a0a0')
    expect(byName('Tom & Jerry "quotes"').parent).toBeNull()
    expect(byName('interesting\\places')).toBeTruthy()
    const { added, report } = await s.importDocuments({ paths: [await file('scheme.qdpx', codebookOnlyQdpx())] })
    expect(added).toEqual([])
    expect(report).toEqual(['scheme.qdpx: brought in 0 documents, 0 annotations, 1 new tag'])
    expect((await s.getProject()).tags.map((t) => t.name)).toContain('Scheme code')
  })

  it('export --format qdc writes the codebook, categories as isCodable="false"; it reads back into an empty project', async () => {
    const s = await service()
    await s.importDocuments({ paths: [await file('qc.qdpx', qualcoderQdpx())] })
    const out = join(base, 'book.qdc')
    const err: string[] = []
    const code = await runCli(['export', '--format', 'qdc', '--out', out, '--project', join(base, 'project')], {
      out: () => undefined,
      err: (t) => err.push(t),
    })
    expect(code).toBe(0)
    expect(err).toEqual([`exported the codebook as qdc to ${out}`])
    const xml = await readFile(out, 'utf8')
    expect(xml).toContain('<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Parallax">')
    expect(xml).toMatch(/<Code guid="[0-9a-f-]{36}" name="Imagery" isCodable="false"/)
    const other = await service('other')
    const { added } = await other.importCodebook({ path: out })
    expect(added.map((t) => [t.name, t.codable ?? true])).toEqual([
      ['Imagery', false],
      ['Body', true],
      ['Dissolution', true],
    ])
  })
})
