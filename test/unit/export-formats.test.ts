import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parse as parseCsv } from 'csv-parse/sync'
import { XMLParser } from 'fast-xml-parser'
import { strToU8, unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { positionOf, quoteOf, tagIdsOf, noteOf } from '../../main/core/annotations/annotation.js'
import type { Tag } from '../../main/core/annotations/codebook.js'
import { CSV_COLUMNS } from '../../main/core/export/csv.js'
import { buildQdc, QDC_NAMESPACE, QDE_NAMESPACE } from '../../main/core/export/refi-qda.js'
import { OffsetMap } from '../../main/core/text/offsets.js'
import { runCli } from '../../main/node/cli/cli.js'
import { readPdf } from '../../main/node/import/pdf.js'
import { Service } from '../../main/node/service/service.js'
import { CORPUS, tempDir } from '../helpers.js'

// One project, built once: a Markdown text with astral characters, a text with Windows line
// endings, a tag hierarchy, annotations with and without notes. Every export is parsed back.

let base: string
let cleanup: () => Promise<void>
let s: Service
let project: string
const ASTRAL =
  '---\ntitle: Astral Essay\nauthor: Ann Lee\ndate: 2024-05-01\n---\n\n# Astral Essay\n\nThe 😀 term 𝔘𝔫𝔦 means what it says. Note <script>alert(1)</script> & co.\n\nA second 👩‍👩‍👧 paragraph with the term again.\n'
const WINDOWS = 'Windows Notes\r\n\r\nBy Bo Chen\r\n\r\nFirst line here.\r\nSecond line with the key phrase.\r\n'

function cp(text: string, needle: string, occurrence = 1): [number, number] {
  let at = -1
  for (let i = 0; i < occurrence; i++) at = text.indexOf(needle, at + 1)
  const map = new OffsetMap(text)
  const start = map.toCodePoint(at)
  return [start, map.toCodePoint(at + needle.length)]
}

beforeAll(async () => {
  const t = await tempDir()
  base = t.dir
  cleanup = t.cleanup
  project = join(base, 'project')
  await mkdir(join(base, 'in'))
  await writeFile(join(base, 'in', 'astral.md'), ASTRAL)
  await writeFile(join(base, 'in', 'windows.txt'), WINDOWS)
  s = await Service.start({ corpusDir: CORPUS, userData: join(base, 'user-data'), project })
  await s.importDocuments({ paths: [join(base, 'in')] })
  const { tag: economy } = await s.createTag({ name: 'Economy', colour: '#336699', description: 'About the economy' })
  await s.createTag({ name: 'Growth', colour: '#cc3300', parent: economy.id })
  let [start, end] = cp(ASTRAL, 'term 𝔘𝔫𝔦 means')
  await s.createAnnotation({ docId: 'astral', start, end, tags: ['Definition', 'Growth'], note: 'Astral *emphasis* <b>not html</b>' })
  ;[start, end] = cp(ASTRAL, '👩‍👩‍👧 paragraph')
  await s.createAnnotation({ docId: 'astral', start, end, tags: ['Economy'] })
  ;[start, end] = cp(WINDOWS, 'Second line with the key phrase')
  await s.createAnnotation({ docId: 'windows', start, end, tags: ['Definition'], note: 'On Windows\nline two' })
  ;[start, end] = cp(ASTRAL, 'Note <script>alert(1)</script>')
  await s.createAnnotation({ docId: 'astral', start, end })
})
afterAll(() => cleanup())

async function exported(input: Parameters<Service['exportExcerpts']>[0]): Promise<{ text: string; bytes: Uint8Array; fileName: string }> {
  const r = await s.exportExcerpts(input)
  const bytes = r.encoding === 'base64' ? new Uint8Array(Buffer.from(r.content, 'base64')) : new TextEncoder().encode(r.content)
  return { text: r.encoding === 'base64' ? '' : r.content, bytes, fileName: r.fileName }
}

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (n) =>
    ['Code', 'TextSource', 'PlainTextSelection', 'Coding', 'Note', 'NoteRef', 'User', 'Variable', 'VariableValue'].includes(n),
})

describe('export of annotated excerpts', () => {
  it('Markdown: quotes with citations, grouped by tag, notes on request', async () => {
    const { text, fileName } = await exported({ format: 'md', order: 'tag' })
    expect(fileName).toBe('project.excerpts.md')
    expect(text).toContain('## Economy\n')
    expect(text).toContain('## Economy › Growth\n')
    expect(text).toContain('> term 𝔘𝔫𝔦 means\n\n— Ann Lee, “Astral Essay”, 2024-05-01, para. 2, characters')
    expect(text).toContain('Note: Astral *emphasis*')
    expect(text).toContain('## Untagged')
    const [start, end] = cp(ASTRAL, 'term 𝔘𝔫𝔦 means')
    expect(text).toContain(`characters ${start}–${end}`)
    const bare = (await exported({ format: 'md', notes: false, tags: ['Growth'] })).text
    expect(bare).not.toContain('Note:')
    expect(bare).toContain('tag Growth; 1 excerpt from 1 document')
  })

  it('HTML: self-contained, escaped, with tag colours and context', async () => {
    const { text } = await exported({ format: 'html', order: 'tag', context: true })
    expect(text).not.toMatch(/<script|src=|href=|@import|url\(/i) // (the notes hold no links)
    expect(text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(text).toContain('background:#336699')
    expect(text).toContain('<em>emphasis</em> &lt;b&gt;not html&lt;/b&gt;')
    expect(text).toContain('<span class="context">The 😀 </span><mark')
  })

  it('DOCX: the excerpt as a quotation with its citation, tags and note', async () => {
    const { bytes } = await exported({ format: 'docx', docs: ['windows'] })
    const files = unzipSync(bytes)
    const document = new TextDecoder().decode(files['word/document.xml'])
    expect(document).toContain('Second line with the key phrase')
    expect(document).toContain('— Bo Chen, “Windows Notes”, para. 4, characters')
    expect(document).toContain('Bo Chen')
    expect(document).toContain('w:pStyle w:val="Excerpt"')
    expect(document).toContain('On Windows')
    expect(document).not.toContain('𝔘𝔫𝔦')
    expect(new TextDecoder().decode(files['word/styles.xml'])).toContain('Excerpt (quotation)')
  })

  it('How the authors define X: the facet matrix as CSV, and as a section of Markdown, HTML and DOCX on request', async () => {
    // The bundled corpus's default project, with one annotation to export.
    const c = await Service.start({ corpusDir: CORPUS, userData: join(base, 'user-data-corpus') })
    const doc = (await c.getProject()).documents[0].id
    await c.createAnnotation({ docId: doc, start: 0, end: 20, tags: ['Definition'] })
    const exported = async (input: Parameters<Service['exportExcerpts']>[0]) => {
      const r = await c.exportExcerpts(input)
      const bytes = r.encoding === 'base64' ? new Uint8Array(Buffer.from(r.content, 'base64')) : new TextEncoder().encode(r.content)
      return { text: r.encoding === 'base64' ? '' : r.content, bytes, fileName: r.fileName }
    }
    const definitions = { term: 'new quality productive forces' }
    const result = await c.findDefinitions(definitions)
    expect(result.facets.length).toBeGreaterThan(2)
    const csv = await exported({ format: 'facets', definitions })
    expect(csv.fileName).toMatch(/\.definitions\.csv$/)
    expect(csv.text.startsWith('\ufeff')).toBe(true)
    const rows = parseCsv(csv.text.slice(1), { relax_column_count: false }) as string[][]
    expect(rows[0].slice(0, 2)).toEqual(['facet', 'role'])
    // One column per document, one row per facet, each cell the author's words or empty.
    expect(rows[0]).toHaveLength(2 + (await c.getProject()).documents.length)
    expect(rows.slice(1).map((r) => r[0])).toEqual(result.facets.map((f) => f.label))
    const member = result.facets[0].members[0]
    expect(rows[1].some((cell) => cell.includes(member.text))).toBe(true)
    const title = `How the authors define “${result.term}”`
    // Asked for: after the excerpts; not asked for: absent.
    const md = await exported({ format: 'md', docs: [doc], definitions })
    expect(md.text).toContain(`## ${title}`)
    expect(md.text.indexOf('— ')).toBeLessThan(md.text.indexOf(title))
    expect(md.text).toContain(`| **${result.facets[0].label}** |`)
    expect((await exported({ format: 'md', docs: [doc] })).text).not.toContain(title)
    const html = await exported({ format: 'html', docs: [doc], definitions })
    expect(html.text).toContain('<table class="facets">')
    expect(html.text).toContain(`<h2>How the authors define “${result.term}”</h2>`)
    const docx = await exported({ format: 'docx', docs: [doc], definitions })
    const document = new TextDecoder().decode(unzipSync(docx.bytes)['word/document.xml'])
    expect(document).toContain(title)
    expect(document).toContain('<w:tbl>')
    expect(document).toContain(result.facets[0].label)
    // Another term than the key term.
    const other = await exported({ format: 'md', docs: [doc], definitions: { term: 'productive forces' } })
    expect(other.text).toContain('How the authors define “productive forces”')
    // The CLI: the matrix as a file, and the section on request.
    const file = join(base, 'facets.csv')
    const out = { stdout: '', stderr: '' }
    const io = { out: (t: string) => (out.stdout += t + '\n'), err: (t: string) => (out.stderr += t + '\n') }
    expect(await runCli(['export', '--project', c.project.dir, '--format', 'facets', '--term', definitions.term, '--out', file], io)).toBe(
      0,
    )
    expect(await readFile(file, 'utf8')).toBe(csv.text)
    const mdFile = join(base, 'defs.md')
    expect(
      await runCli(
        ['export', '--project', c.project.dir, '--format', 'md', '--definitions', '--term', definitions.term, '--out', mdFile],
        io,
      ),
    ).toBe(0)
    expect(await readFile(mdFile, 'utf8')).toContain(`## ${title}`)
  })

  it('CSV: one row per annotation with the named columns', async () => {
    const { text } = await exported({ format: 'csv', order: 'tag' })
    expect(text.startsWith('\ufeff')).toBe(true)
    const rows = parseCsv(text.slice(1), { columns: true }) as Record<string, string>[]
    expect(Object.keys(rows[0])).toEqual([...CSV_COLUMNS])
    expect(rows).toHaveLength(4) // once each, even under order 'tag'
    const astral = rows.find((r) => r.quote === 'term 𝔘𝔫𝔦 means')!
    expect(astral).toMatchObject({
      document: 'astral',
      author: 'Ann Lee',
      title: 'Astral Essay',
      tags: 'Definition; Growth',
      note: 'Astral *emphasis* <b>not html</b>',
    })
    expect([Number(astral.start), Number(astral.end)]).toEqual(cp(ASTRAL, 'term 𝔘𝔫𝔦 means'))
    expect(rows.find((r) => r.document === 'windows')!.note).toBe('On Windows\nline two')
  })

  it('JSON-LD: an AnnotationCollection, the same one exportAnnotations gives', async () => {
    const { text } = await exported({ format: 'jsonld' })
    const collection = JSON.parse(text)
    expect(collection).toMatchObject({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'AnnotationCollection',
      total: 4,
      first: { type: 'AnnotationPage', startIndex: 0 },
    })
    const all = JSON.parse((await s.exportAnnotations()).content)
    expect(all.type).toBe('AnnotationCollection')
    expect(new Set(all.first.items.map((a: { id: string }) => a.id))).toEqual(
      new Set(collection.first.items.map((a: { id: string }) => a.id)),
    )
  })

  it('REFI-QDA: project.qde with the required elements and attributes, positions in code points', async () => {
    const { bytes, fileName } = await exported({ format: 'qdpx' })
    expect(fileName).toBe('project.qdpx')
    const files = unzipSync(bytes)
    const qde = new TextDecoder().decode(files['project.qde'])
    expect(qde.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true)
    const root = xml.parse(qde).Project
    expect(root.xmlns).toBe(QDE_NAMESPACE)
    expect(root.name).toBe('project')
    expect(root.origin).toBe('Parallax')
    // The order Project.xsd requires.
    expect(Object.keys(root).filter((k) => /^[A-Z]/.test(k))).toEqual(['Users', 'CodeBook', 'Variables', 'Sources', 'Description'])
    const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
    const user = root.Users.User[0]
    expect(user.guid).toMatch(GUID)
    const codes = root.CodeBook.Codes.Code
    const flat = (list: Record<string, unknown>[]): Record<string, unknown>[] =>
      list.flatMap((c) => [c, ...flat((c.Code as Record<string, unknown>[]) ?? [])])
    for (const c of flat(codes)) {
      expect(c.guid).toMatch(GUID)
      expect(c.name).toBeTruthy()
      expect(c.isCodable).toBe('true')
      expect(c.color).toMatch(/^#[0-9a-f]{6}$/i)
    }
    const economy = codes.find((c: { name: string }) => c.name === 'Economy')
    expect(economy.color).toBe('#336699')
    expect(economy.Description).toBe('About the economy')
    expect(economy.Code.map((c: { name: string }) => c.name)).toEqual(['Growth'])
    const codeGuids = new Set(flat(codes).map((c) => c.guid))
    for (const source of root.Sources.TextSource) {
      expect(source.guid).toMatch(GUID)
      expect(source.plainTextPath).toBe(`internal://${source.guid}.txt`)
      const text = new TextDecoder().decode(files[`sources/${source.guid}.txt`])
      expect(text).not.toContain('\r')
      const chars = [...text]
      for (const sel of source.PlainTextSelection ?? []) {
        expect(sel.guid).toMatch(GUID)
        expect(sel.creatingUser).toBe(user.guid)
        expect(Date.parse(sel.creationDateTime)).not.toBeNaN()
        const quote = chars.slice(Number(sel.startPosition), Number(sel.endPosition)).join('')
        expect(sel.name).toBe(quote.replace(/\s+/g, ' ').slice(0, 60))
        for (const coding of sel.Coding ?? []) {
          expect(coding.guid).toMatch(GUID)
          expect(codeGuids.has(coding.CodeRef.targetGUID)).toBe(true)
        }
        // A note is written once, as the selection's memo (Description), not also as a Note.
        expect(sel.NoteRef).toBeUndefined()
      }
    }
    const astral = root.Sources.TextSource.find((t: { name: string }) => t.name === 'astral.md')
    const sel = astral.PlainTextSelection.find((p: { name: string }) => p.name === 'term 𝔘𝔫𝔦 means')
    expect([Number(sel.startPosition), Number(sel.endPosition)]).toEqual(cp(ASTRAL, 'term 𝔘𝔫𝔦 means'))
    // Windows line endings become "\n", and the positions move with them.
    const windows = root.Sources.TextSource.find((t: { name: string }) => t.name === 'windows.txt')
    expect(windows.PlainTextSelection[0].startPosition).toBe(String(cp(WINDOWS.replace(/\r\n/g, '\n'), 'Second line')[0]))
    const vars = new Map(root.Variables.Variable.map((v: { guid: string; name: string }) => [v.guid, v.name]))
    const values = Object.fromEntries(
      windows.VariableValue.map((v: { VariableRef: { targetGUID: string }; TextValue: string }) => [
        vars.get(v.VariableRef.targetGUID),
        v.TextValue,
      ]),
    )
    expect(values).toMatchObject({ Title: 'Windows Notes', Author: 'Bo Chen' })
  })

  it('REFI-QDA round trip into an empty project: same documents, tags and annotation spans', async () => {
    const { bytes } = await exported({ format: 'qdpx' })
    await writeFile(join(base, 'round.qdpx'), bytes)
    const target = await Service.start({ corpusDir: CORPUS, userData: join(base, 'user-data-2'), project: join(base, 'empty') })
    const { added } = await target.importDocuments({ paths: [join(base, 'round.qdpx')] })
    expect(added.map((d) => [d.id, d.file, d.title, d.author, d.date])).toEqual([
      ['astral', 'astral.txt', 'Astral Essay', 'Ann Lee', '2024-05-01'],
      ['windows', 'windows.txt', 'Windows Notes', 'Bo Chen', ''],
    ])
    const from = await s.getProject()
    const to = await target.getProject()
    const shape = (tags: readonly Tag[]) =>
      tags
        .map((t) => ({
          name: t.name,
          colour: t.colour,
          parent: tags.find((p) => p.id === t.parent)?.name ?? null,
          description: t.description,
        }))
        .sort((a, b) => a.name.localeCompare(b.name))
    expect(shape(to.tags)).toEqual(shape(from.tags))
    expect(await readFile(join(base, 'empty', 'documents', 'astral.txt'), 'utf8')).toBe(ASTRAL)
    const spans = async (svc: Service, tags: readonly Tag[]) =>
      (await svc.listAnnotations({})).items
        .map(({ annotation: a }) => ({
          ...positionOf(a),
          quote: quoteOf(a).exact,
          note: noteOf(a),
          tags: tagIdsOf(a)
            .map((id) => tags.find((t) => t.id === id)?.name)
            .sort(),
          id: a.id,
        }))
        .sort((a, b) => a.id.localeCompare(b.id))
    const before = await spans(s, from.tags)
    const after = await spans(target, to.tags)
    // The Windows text comes back with "\n" line ends: its positions are the unified ones.
    const windowsBefore = before.find((b) => b.quote.startsWith('Second line'))!
    const shift = cp(WINDOWS, 'Second line')[0] - cp(WINDOWS.replace(/\r\n/g, '\n'), 'Second line')[0]
    expect(after).toEqual(before.map((b) => (b === windowsBefore ? { ...b, start: b.start - shift, end: b.end - shift } : b)))
  })

  it('imports a .qdc codebook with its hierarchy, reusing tags of the same name', async () => {
    const qdc = buildQdc(
      [
        {
          guid: '11111111-1111-4111-8111-111111111111',
          name: 'Economy',
          color: '#000000',
          description: '',
          isCodable: false,
          children: [
            {
              guid: '21111111-1111-4111-8111-111111111111',
              name: 'Trade',
              color: '#aabbcc',
              description: 'Imports and exports',
              isCodable: true,
              children: [],
            },
          ],
        },
        { guid: '31111111-1111-4111-8111-111111111111', name: 'Policy', description: '', isCodable: true, children: [] },
      ],
      'Test',
    )
    expect(qdc).toContain(`xmlns="${QDC_NAMESPACE}"`)
    await writeFile(join(base, 'book.qdc'), qdc)
    const { added } = await s.importCodebook({ path: join(base, 'book.qdc') })
    const tags = (await s.getProject()).tags
    const economy = tags.find((t) => t.name === 'Economy')!
    expect(economy.colour).toBe('#336699') // the existing tag is kept as it was
    expect(added.map((t) => [t.name, t.colour, t.parent, t.description])).toEqual([
      ['Trade', '#aabbcc', economy.id, 'Imports and exports'],
      ['Policy', expect.stringMatching(/^#[0-9a-f]{6}$/), null, ''],
    ])
    expect((await s.importCodebook({ path: join(base, 'book.qdc') })).added).toEqual([])
    await writeFile(join(base, 'bad.qdc'), strToU8('<CodeBook><Codes><Code name="x"/></Codes></CodeBook>'))
    await expect(s.importCodebook({ path: join(base, 'bad.qdc') })).rejects.toThrow(/bad\.qdc: Code lacks the required attribute guid/)
  })

  it('PDF: the HTML export printed by Chromium, with the excerpt and its citation', async () => {
    const { bytes, fileName } = await exported({ format: 'pdf', order: 'tag' })
    expect(fileName).toBe('project.excerpts.pdf')
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-')
    const { text } = await readPdf(bytes, fileName)
    expect(text).toContain('Second line with the key phrase')
    expect(text.replace(/\s+/g, ' ')).toContain('“Windows Notes”')
    const old = process.env.CHROMIUM_PATH
    process.env.CHROMIUM_PATH = join(base, 'no-chromium')
    try {
      await expect(s.exportExcerpts({ format: 'pdf' })).rejects.toThrow(/PDF export needs Chromium, and there is none at .*no-chromium/)
    } finally {
      if (old === undefined) delete process.env.CHROMIUM_PATH
      else process.env.CHROMIUM_PATH = old
    }
  })

  it('refuses a scope naming what the project lacks', async () => {
    await expect(s.exportExcerpts({ format: 'md', tags: ['Nope'] })).rejects.toThrow('no tag named "Nope" in project project')
    await expect(s.exportExcerpts({ format: 'md', docs: ['nope'] })).rejects.toThrow('no document with id "nope"')
  })

  it('CLI: export --format … --out writes the file; mistakes are usage errors', async () => {
    const io = () => {
      const out = { stdout: '', stderr: '' }
      return { out, io: { out: (t: string) => (out.stdout += t + '\n'), err: (t: string) => (out.stderr += t + '\n') } }
    }
    const a = io()
    const file = join(base, 'cli.csv')
    expect(await runCli(['export', '--project', project, '--format', 'csv', '--tag', 'Definition', '--out', file], a.io)).toBe(0)
    expect(a.out.stderr).toBe(`exported 2 excerpt(s) as csv to ${file}\n`)
    expect((parseCsv((await readFile(file, 'utf8')).slice(1), { columns: true }) as unknown[]).length).toBe(2)
    const b = io()
    expect(await runCli(['export', '--project', project, '--format', 'rtf', '--out', file], b.io)).toBe(2)
    expect(b.out.stderr).toMatch(/export: --format is one of md, html, docx, csv, pdf, jsonld, qdpx, qdc, facets, not "rtf"/)
    const c = io()
    expect(await runCli(['export', '--project', project, '--format', 'md'], c.io)).toBe(2)
    expect(c.out.stderr).toMatch(/export: --out is required/)
    const d = io()
    expect(await runCli(['export', '--project', project, '--format', 'md', '--tag', 'Nope', '--out', file], d.io)).toBe(1)
    expect(d.out.stderr).toBe('parallax: no tag named "Nope" in project project\n')
  })
})

describe('citations of a hard-wrapped text', () => {
  it('number its paragraphs, not its lines (a reviewer: "para. 212" for a twentieth paragraph)', async () => {
    const t = await tempDir()
    try {
      const line = (k: number) => `Line ${k} of a paragraph written at seventy columns, as mail and licences are.`
      const paragraph = (from: number) => [0, 1, 2].map((k) => line(from + k)).join('\n')
      const text = `A Wrapped Text\n\n${paragraph(1)}\n\n${paragraph(4)}\n\n${paragraph(7)}\nIts last line holds the key phrase here.\n`
      await mkdir(join(t.dir, 'in'))
      await writeFile(join(t.dir, 'in', 'wrapped.txt'), text)
      const service = await Service.start({ corpusDir: CORPUS, userData: join(t.dir, 'user-data'), project: join(t.dir, 'project') })
      await service.importDocuments({ paths: [join(t.dir, 'in')] })
      const [start, end] = cp(text, 'the key phrase')
      await service.createAnnotation({ docId: 'wrapped', start, end })
      const r = await service.exportExcerpts({ format: 'md', docs: ['wrapped'] })
      expect(r.content).toContain('“A Wrapped Text”, para. 4, characters')
    } finally {
      await t.cleanup()
    }
  })
})
