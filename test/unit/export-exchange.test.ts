import { execFileSync } from 'node:child_process'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse as parseCsv } from 'csv-parse/sync'
import { XMLParser } from 'fast-xml-parser'
import { unzipSync } from 'fflate'
import MarkdownIt from 'markdown-it'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { OffsetMap } from '../../main/core/text/offsets.js'
import { Service } from '../../main/node/service/service.js'
import { CORPUS, tempDir } from '../helpers.js'
import { mustRunner } from '../support/w3c-musts.js'

// What other programs make of the exports, checked with those programs' own rules: the W3C Web
// Annotation test suite's MUST assertions (its JSON schemas, run by Ajv), Python's csv module and
// csv-parse, a CommonMark renderer with raw HTML enabled. And orphans (annotations whose passage
// was deleted from the text) in every format: left out and counted by default, or quoted as
// stored and marked, never placed on other text.

let base: string
let cleanup: () => Promise<void>
let s: Service
let project: string

const TEXT = [
  'The Essay',
  '',
  'By Ann Lee',
  '',
  'The first paragraph keeps its words in place.',
  '',
  '1. A numbered line <b>bold</b> & [a link](javascript:alert(1)) <script>alert(2)</script>',
  '',
  'The second paragraph will lose a sentence. In my view this sentence goes away entirely. The rest stays as it was written.',
  '',
].join('\n')
const GONE = 'In my view this sentence goes away entirely.'
const NOTE =
  'Line one of the note\nline two with **bold**\n\n- item <img src=x onerror=alert(3)>\n- [site](https://example.org) and [bad](javascript:alert(4))'
const FORMULA_NOTE = '=HYPERLINK("http://evil.example","click")'

function span(text: string, needle: string): { start: number; end: number } {
  const at = text.indexOf(needle)
  const map = new OffsetMap(text)
  return { start: map.toCodePoint(at), end: map.toCodePoint(at + needle.length) }
}

async function exported(input: Parameters<Service['exportExcerpts']>[0]) {
  const r = await s.exportExcerpts(input)
  const bytes = r.encoding === 'base64' ? new Uint8Array(Buffer.from(r.content, 'base64')) : new TextEncoder().encode(r.content)
  return { ...r, bytes }
}

beforeAll(async () => {
  const t = await tempDir()
  base = t.dir
  cleanup = t.cleanup
  project = join(base, 'project')
  await mkdir(join(base, 'in'))
  await writeFile(join(base, 'in', 'essay.md'), TEXT)
  s = await Service.start({ corpusDir: CORPUS, userData: join(base, 'user-data'), project })
  await s.importDocuments({ paths: [join(base, 'in', 'essay.md')] })
  await s.createAnnotation({ docId: 'essay', ...span(TEXT, 'keeps its words'), tags: ['Claim'], note: NOTE })
  await s.createAnnotation({
    docId: 'essay',
    ...span(TEXT, '1. A numbered line <b>bold</b> & [a link]'),
    tags: ['-Minus tag'],
    note: FORMULA_NOTE,
  })
  await s.createAnnotation({ docId: 'essay', ...span(TEXT, 'The rest stays as it was written'), tags: [] })
  await s.createAnnotation({ docId: 'essay', ...span(TEXT, GONE), tags: ['Claim'], note: 'A note on the lost sentence' })
  // The sentence is deleted on disk: its annotation becomes an orphan.
  const edited = TEXT.replace(` ${GONE}`, '')
  await writeFile(join(project, 'documents', 'essay.md'), edited)
  s = await Service.start({ corpusDir: CORPUS, userData: join(base, 'user-data'), project })
  expect((await s.getProject()).orphanCount).toBe(1)
})
afterAll(() => cleanup())

describe('orphans are never exported onto other text', () => {
  it('are left out by default, with a count, in every format', async () => {
    for (const format of ['md', 'html', 'csv', 'jsonld', 'qdpx', 'docx'] as const) {
      const r = await exported({ format })
      expect(r.omittedOrphans).toBe(1)
      const text = format === 'qdpx' || format === 'docx' ? new TextDecoder().decode(Object.values(unzipSync(r.bytes)).at(0)) : r.content
      expect(text).not.toContain('In my view')
    }
    const md = (await exported({ format: 'md' })).content
    expect(md).toContain('1 orphaned annotation not exported')
    const docx = unzipSync((await exported({ format: 'docx' })).bytes)
    expect(new TextDecoder().decode(docx['word/document.xml'])).not.toContain('In my view')
    const qdpx = unzipSync((await exported({ format: 'qdpx' })).bytes)
    expect(new TextDecoder().decode(qdpx['project.qde'])).not.toContain('lost sentence')
  })

  it('are included on request with their stored quote only, marked as orphans', async () => {
    const md = (await exported({ format: 'md', orphans: true })).content
    expect(md).toContain(`> ${GONE}\n\n— Ann Lee, “The Essay”\n\n_Orphaned annotation:`)
    const html = (await exported({ format: 'html', orphans: true, context: true })).content
    expect(html).toContain(`<blockquote style="border-left-color:#999999">${GONE}</blockquote>`)
    expect(html).toContain('class="orphan"')
    const rows = parseCsv((await exported({ format: 'csv', orphans: true })).content.slice(1), { columns: true }) as Record<
      string,
      string
    >[]
    const orphan = rows.find((r) => r.quote === GONE)!
    expect(orphan).toMatchObject({ status: 'orphan', start: '', end: '', citation: 'Ann Lee, “The Essay”' })
    expect(rows.filter((r) => r.status === 'anchored')).toHaveLength(3)
    const ld = JSON.parse((await exported({ format: 'jsonld', orphans: true })).content)
    const item = ld.first.items.find((a: { target: { selector: { exact?: string }[] } }) => a.target.selector[0].exact === GONE)
    expect(item.target.selector.map((x: { type: string }) => x.type)).toEqual(['TextQuoteSelector'])
    const docx = unzipSync((await exported({ format: 'docx', orphans: true })).bytes)
    expect(new TextDecoder().decode(docx['word/document.xml'])).toContain('Orphaned annotation')
    // The .qdpx codes no text that is not the quote: the orphan is a project note, not a selection.
    const qde = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(
      new TextDecoder().decode(unzipSync((await exported({ format: 'qdpx', orphans: true })).bytes)['project.qde']),
    ).Project
    const text = [...(await readFile(join(project, 'documents', 'essay.md'), 'utf8'))]
    const selections = [qde.Sources.TextSource.PlainTextSelection].flat()
    expect(selections).toHaveLength(3)
    for (const sel of selections)
      expect(sel.name).toBe(text.slice(Number(sel.startPosition), Number(sel.endPosition)).join('').slice(0, 60))
    expect(qde.Notes.Note.PlainTextContent).toContain(`“${GONE}”`)
  })

  it('are named as orphans, not as journals, when such a .qdpx is imported', async () => {
    const file = join(base, 'orphans.qdpx')
    await writeFile(file, (await exported({ format: 'qdpx', orphans: true })).bytes)
    const other = await Service.start({ corpusDir: CORPUS, userData: join(base, 'user-data-2'), project: join(base, 'project-2') })
    const { report } = await other.importDocuments({ paths: [file] })
    expect(report?.join()).toMatch(/not brought in: 1 orphaned annotation \(their passages were not found in the texts when exported/)
    expect(report?.join()).not.toMatch(/journal/)
  })
})

describe('CSV that spreadsheets read safely', () => {
  it('quotes every line break, neutralises formulas, keeps the BOM; csv-parse and Python read one row per annotation', async () => {
    const csv = (await exported({ format: 'csv', orphans: true })).content
    expect(csv.startsWith('\ufeff')).toBe(true)
    const rows = parseCsv(csv.slice(1), { columns: true }) as Record<string, string>[]
    expect(rows).toHaveLength(4)
    expect(rows.find((r) => r.note.startsWith('Line one'))!.note).toBe(NOTE)
    const formula = rows.find((r) => r.tags === "'-Minus tag")!
    expect(formula.note).toBe(`'${FORMULA_NOTE}`)
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`)
    const file = join(base, 'python.csv')
    await writeFile(file, csv)
    const script = [
      'import csv, json, sys',
      "with open(sys.argv[1], newline='', encoding='utf-8-sig') as f: rows = list(csv.DictReader(f))",
      'print(json.dumps(rows))',
    ].join('\n')
    const python = JSON.parse(execFileSync('python3', ['-c', script, file], { encoding: 'utf8' })) as Record<string, string>[]
    expect(python).toEqual(rows)
    // No cell a spreadsheet would run: none starts with =, +, -, @, tab or carriage return.
    for (const row of python) for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/)
  })
})

describe('Markdown that renders what the reader wrote and nothing else', () => {
  it('escapes quotes as text and writes notes back with their HTML escaped (checked with markdown-it, HTML on)', async () => {
    const md = (await exported({ format: 'md', orphans: true })).content
    expect(md).toContain('> 1\\. A numbered line \\<b\\>bold\\</b\\> \\& \\[a link\\]')
    const html = new MarkdownIt({ html: true }).render(md)
    expect(html).not.toMatch(/<(script|img|b)\b/)
    expect(html).not.toMatch(/href="javascript/i)
    expect(html).toContain('&lt;b&gt;bold&lt;/b&gt;')
    // The note's own Markdown is rendered: bold, a list, a safe link; the unsafe link stays text.
    expect(html).toContain('<strong>bold</strong>')
    expect(html).toContain('<a href="https://example.org">site</a>')
    expect(html).toContain('[bad](javascript:alert(4))')
    expect(html).toMatch(/<li>item &lt;img src=x onerror=alert\(3\)&gt;<\/li>/)
    // A numbered line is not turned into a list.
    expect(html).not.toMatch(/<ol>\s*<li>A numbered line/)
  })

  it('HTML export renders notes with the same safe renderer', async () => {
    const html = (await exported({ format: 'html' })).content
    expect(html).toContain('<strong>bold</strong>')
    expect(html).toContain('<li>item &lt;img src=x onerror=alert(3)&gt;</li>')
    expect(html).not.toMatch(/<img|<script|javascript:alert\(4\)"/)
  })
})

describe('JSON-LD that the W3C test suite accepts', () => {
  it('every MUST assertion holds on the export, with and without notes and orphans, and on exportAnnotations', async () => {
    const failures = await mustRunner()
    // The suite itself: a known-bad annotation fails (relative source, empty body), so the runner can fail.
    const bad = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'urn:x:1',
      type: 'Annotation',
      body: [],
      target: { source: 'documents/x.txt', selector: [] },
    }
    expect(failures('annotations/annotationMusts.test', bad).length).toBeGreaterThan(5)
    const exports = [
      JSON.parse((await exported({ format: 'jsonld' })).content),
      JSON.parse((await exported({ format: 'jsonld', notes: false, orphans: true })).content),
      JSON.parse((await s.exportAnnotations()).content),
    ]
    for (const collection of exports) {
      expect(failures('collections/collectionMusts.test', collection)).toEqual([])
      expect(failures('collections/pages/pageMusts.test', collection)).toEqual([])
      for (const item of collection.first.items)
        expect(failures('annotations/annotationMusts.test', { '@context': collection['@context'], ...item })).toEqual([])
    }
  })

  it('names tags, gives absolute sources with the document metadata, ids, no empty bodies, motivations that match', async () => {
    const full = JSON.parse((await exported({ format: 'jsonld' })).content)
    expect(full.id).toMatch(/^urn:uuid:/)
    expect(full.first.id).toMatch(/^urn:uuid:/)
    const items = full.first.items as {
      body?: Record<string, unknown>[]
      motivation: string
      target: { source: { id: string }; selector: { exact?: string }[] }
    }[]
    const claim = items.find((a) => a.target.selector[0].exact === 'keeps its words')!
    const tags = (await s.getProject()).tags
    expect(claim.body![0]).toEqual({
      type: 'TextualBody',
      purpose: 'tagging',
      value: 'Claim',
      'dcterms:identifier': `urn:parallax:tag:${tags.find((t) => t.name === 'Claim')!.id}`,
    })
    expect(claim.motivation).toBe('commenting')
    expect(claim.target.source).toMatchObject({
      id: expect.stringMatching(/^file:\/\/\/.*\/project\/documents\/essay\.md$/),
      type: 'Text',
      'dcterms:title': 'The Essay',
      'dcterms:creator': 'Ann Lee',
    })
    expect(fileURLToPath(claim.target.source.id)).toBe(join(project, 'documents', 'essay.md'))
    const highlight = items.find((a) => a.target.selector[0].exact === 'The rest stays as it was written')!
    expect(highlight).not.toHaveProperty('body')
    expect(highlight.motivation).toBe('highlighting')
    const bare = JSON.parse((await exported({ format: 'jsonld', notes: false })).content)
    for (const a of bare.first.items) {
      expect(a.motivation).not.toBe('commenting')
      expect(JSON.stringify(a.body ?? [])).not.toContain('commenting')
    }
  })
})
