import { mkdir, open, readFile, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { zipSync } from 'fflate'
import iconv from 'iconv-lite'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { buildQde } from '../../main/core/export/refi-qda.js'
import { decodeImportedText } from '../../main/node/import/encoding.js'
import { MAX_HTML_DEPTH } from '../../main/node/import/html.js'
import { readOffThread } from '../../main/node/import/off-thread.js'
import { READER_WORKER } from '../../main/node/root.js'
import { Service } from '../../main/node/service/service.js'
import { deepHtml } from '../bench/import.js'
import { articlePage, makeDocx, makeStructuredDocx, snapshot, zipBombDocx } from '../fixtures/import/helpers.js'
import { imageOnlyPdf, textPdf } from '../fixtures/import/pdf.js'
import { atlasQdpx } from '../fixtures/import/refi.js'
import { CORPUS, ROOT, tempDir } from '../helpers.js'

let base: string
let project: string
let cleanup: () => Promise<void>

beforeEach(async () => {
  const t = await tempDir()
  base = t.dir
  cleanup = t.cleanup
  project = join(base, 'project')
})
afterEach(() => cleanup())

async function service(): Promise<Service> {
  return Service.start({ corpusDir: CORPUS, userData: join(base, 'user-data'), project })
}

async function file(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(base, 'in', name)
  await mkdir(join(base, 'in'), { recursive: true })
  await writeFile(path, content)
  return path
}

describe('import of richer formats', () => {
  it('imports an HTML article: the main text without site furniture, with the page metadata', async () => {
    const s = await service()
    const { added } = await s.importDocuments({ paths: [await file('forces.html', articlePage())] })
    expect(added).toHaveLength(1)
    const doc = added[0]
    expect(doc).toMatchObject({
      id: 'forces',
      file: 'forces.txt',
      title: 'Productive forces, explained',
      author: 'Ann Lee',
      outlet: 'Example Times',
      date: '2024-03-09',
      url: 'https://example.org/news/forces',
    })
    const text = await readFile(join(project, 'documents', 'forces.txt'), 'utf8')
    expect(text.startsWith('Productive forces, explained\n\nNew quality productive forces are driven by innovation')).toBe(true)
    expect(text).toContain('The concept 😀 came up again')
    expect(text).toContain('explore feasible paths')
    for (const furniture of ['About Us', 'Related stories', 'Leave a Reply', 'All rights reserved', 'tracking', 'Home'])
      expect(text).not.toContain(furniture)
    // Paragraphs are kept apart.
    expect(text.split('\n\n')).toHaveLength(4)
  })

  it("keeps an HTML page's whole title where the reader's heuristics leave a piece of it with an unpaired bracket", async () => {
    // Readability keeps what follows a title's last colon when no heading holds the whole title.
    const title = 'Arrays Unions Enums (libffi: the portable foreign function interface library)'
    const paragraph = 'Although libffi does not have special support for unions or enums, it is possible to describe them. '
    const page = `<html><head><title>${title}</title></head><body><div><h3>2.3.3 Arrays, Unions, and Enumerations</h3><p>${paragraph.repeat(4)}</p><p>${paragraph.repeat(3)}</p></div></body></html>`
    const s = await service()
    const { added } = await s.importDocuments({ paths: [await file('Arrays-Unions-Enums.html', page)] })
    expect(added[0].title).toBe(title)
    const text = await readFile(join(project, 'documents', added[0].file), 'utf8')
    expect(text.startsWith(`${title}\n\n`)).toBe(true)
    expect(text).not.toMatch(/^the portable/m)
  })

  it("keeps an HTML page's code as written: indentation, aligned columns, each version of an example its own block, no heading's permalink mark", async () => {
    const prose = 'The paragraphs around the examples are ordinary prose, long enough for the page to read as an article. '
    const page = `<html><head><title>Examples</title></head><body><article>
<h2>Greeting people<span><a class="mark" href="#greeting-people" id="greeting-people">#</a></span></h2>
<p>${prose.repeat(3)}</p>
<pre><code>def greet(name):
    if name:
        print("Hello", name)

Column A    Column B
short	1
</code></pre>
<p>${prose.repeat(2)}</p>
<pre><input type="checkbox"><code class="mjs">import { greet } from 'greeting';
greet('you');</code><code class="cjs">const { greet } = require('greeting');
greet('you');</code><button>copy</button></pre>
<p>${prose.repeat(2)} The rules are in <a href="#rules">§</a> 4.</p>
<pre>$ <code>npm install</code> <code>greeting</code>
int
<b>greet</b> (const char *name,
       int times);</pre>
<ul><li>An item with code:<pre>  indented()</pre></li></ul>
</article></body></html>`
    const s = await service()
    const { added } = await s.importDocuments({ paths: [await file('examples.html', page)] })
    const text = await readFile(join(project, 'documents', added[0].file), 'utf8')
    const blocks = text.split('\n\n')
    expect(blocks).toContain('def greet(name):\n    if name:\n        print("Hello", name)')
    expect(blocks).toContain('Column A    Column B\nshort\t1')
    expect(blocks).toContain("import { greet } from 'greeting';\ngreet('you');")
    expect(blocks).toContain("const { greet } = require('greeting');\ngreet('you');")
    expect(blocks).toContain('Greeting people')
    expect(text).not.toContain('#')
    // A <code> or <b> inside a <pre>'s text is part of its line; a mark linking inside the page
    // outside a heading is text; a <pre> in a list item is a block of its own, as written.
    expect(blocks).toContain('$ npm install greeting\nint\ngreet (const char *name,\n       int times);')
    expect(text).toContain('The rules are in § 4.')
    expect(blocks).toContain('- An item with code:')
    expect(text.endsWith('\n\n  indented()\n')).toBe(true)
  })

  it("keeps an HTML page's notices that start with a link, and still leaves its menus out", async () => {
    const notice = (level: string, rest: string) =>
      `<div class="api_stability"><a href="documentation.html#stability-index">Stability: ${level}</a> - ${rest}</div>`
    const page = `<html><head><title>Domain | Docs</title></head><body>
<nav><ul><li><a href="a.html">About</a></li><li><a href="b.html">Usage</a></li><li><a href="c.html">Buffer</a></li></ul></nav>
<div id="content"><h2>Domain</h2>${notice('0', 'Deprecated')}
<p>This module is pending deprecation. Once a replacement API has been finalized, this module will be fully deprecated. Most developers should not have cause to use this module.</p>
<p>Domains provide a way to handle multiple different IO operations as a single group. If any of the event emitters or callbacks registered to a domain emit an error event, then the domain object will be notified.</p>
<h3>setTimeout()</h3>${notice('3', 'Legacy: Use <a href="#cleartimeout"><code>clearTimeout()</code></a> instead.')}
<p>Schedules execution of a one-time callback after delay milliseconds. The callback will likely not be invoked in precisely delay milliseconds.</p>
</div></body></html>`
    const s = await service()
    const { added } = await s.importDocuments({ paths: [await file('domain.html', page)] })
    const blocks = (await readFile(join(project, 'documents', added[0].file), 'utf8')).split('\n\n')
    expect(blocks).toContain('Stability: 0 - Deprecated')
    expect(blocks).toContain('Stability: 3 - Legacy: Use clearTimeout() instead.')
    for (const item of ['About', 'Usage', 'Buffer']) expect(blocks.join('\n')).not.toMatch(new RegExp(`^- ${item}$`, 'm'))
  })

  it('imports a .docx (mammoth) and a PDF text layer (pdf.js) as UTF-8 text with their metadata', async () => {
    const s = await service()
    const docx = await file(
      'report.docx',
      await makeDocx(['A Report on Forces', 'First paragraph 😀 of the report.', 'Second paragraph.'], {
        title: 'A Report on Forces',
        creator: 'Bo Chen',
      }),
    )
    const pdf = await file(
      'paper.pdf',
      textPdf([['# Working Paper on Forces', 'By Dana Roe', '', 'The first page says this.'], ['The second page says that.']], {
        title: 'Working Paper on Forces',
      }),
    )
    const { added } = await s.importDocuments({ paths: [docx, pdf] })
    expect(added.map((d) => [d.file, d.title, d.author])).toEqual([
      ['report.txt', 'A Report on Forces', 'Bo Chen'],
      ['paper.txt', 'Working Paper on Forces', 'Dana Roe'],
    ])
    expect(await readFile(join(project, 'documents', 'report.txt'), 'utf8')).toBe(
      'A Report on Forces\n\nFirst paragraph 😀 of the report.\n\nSecond paragraph.\n',
    )
    expect(await readFile(join(project, 'documents', 'paper.txt'), 'utf8')).toBe(
      'Working Paper on Forces\n\nBy Dana Roe\n\nThe first page says this.\n\nThe second page says that.\n',
    )
    // Annotations anchor to the stored text.
    const { text } = await s.getDocument({ id: 'report' })
    const start = [...text.slice(0, text.indexOf('paragraph 😀'))].length
    const { annotation } = await s.createAnnotation({ docId: 'report', start, end: start + 11, tags: ['Test'] })
    expect(annotation.annotation.target.selector[0]).toMatchObject({ exact: 'paragraph 😀' })
  })

  it('keeps the structure of a .docx: footnotes as numbered notes at the end, lists, table rows', async () => {
    const s = await service()
    const { added } = await s.importDocuments({ paths: [await file('structured.docx', await makeStructuredDocx())] })
    expect(added[0]).toMatchObject({ title: 'Forces in Practice', author: 'Cy Dee' })
    expect(await readFile(join(project, 'documents', 'structured.txt'), 'utf8')).toBe(
      [
        'Forces in Practice',
        'Growth depends on innovation.[1] So they say.',
        '- First bullet',
        '- Second bullet',
        '1. Step one',
        '2. Step two',
        'Region\tShare',
        'East\t41%',
        'The end.',
        'Notes',
        '1. Cited from the 2023 conference report.',
      ].join('\n\n') + '\n',
    )
  })

  it('a folder import leaves out README and licence files unless they are named', async () => {
    const s = await service()
    await file('essay.txt', 'An essay on forces.\n')
    await file('README.md', '# About this folder\n')
    await file('LICENSE.txt', 'MIT License\n')
    const { added } = await s.importDocuments({ paths: [join(base, 'in')] })
    expect(added.map((d) => d.file)).toEqual(['essay.txt'])
    const named = await s.importDocuments({ paths: [join(base, 'in', 'README.md')] })
    expect(named.added.map((d) => d.file)).toEqual(['README.md'])
  })

  it('rebuilds PDF paragraphs: lines joined, hyphenation mended, running headers and page numbers dropped', async () => {
    const s = await service()
    const header = 'Working Paper 12: Productive Forces'
    const pages = [
      [
        header,
        '# Introduction',
        'New quality productive forces are driven by innovation and they',
        'break away from the traditional growth path of the past decades,',
        'which relied on land, labour and capital. Their develop-',
        'ment is therefore a matter of science and of organisation.',
        '',
        'Local governments have started to explore feasible paths to',
        'develop them, each according to its own industrial base and its',
        '1',
      ],
      [header, 'local conditions, as the conference insisted more than once.', '', 'A short closing line.', '2'],
      [header, 'The third page has one paragraph of its own, ending here.', '3'],
    ]
    const pdf = await file('forces.pdf', textPdf(pages, { title: 'Productive Forces' }))
    await s.importDocuments({ paths: [pdf] })
    expect(await readFile(join(project, 'documents', 'forces.txt'), 'utf8')).toBe(
      [
        'Introduction',
        'New quality productive forces are driven by innovation and they break away from the traditional growth path of the past decades, which relied on land, labour and capital. Their development is therefore a matter of science and of organisation.',
        'Local governments have started to explore feasible paths to develop them, each according to its own industrial base and its local conditions, as the conference insisted more than once.',
        'A short closing line.',
        'The third page has one paragraph of its own, ending here.',
      ].join('\n\n') + '\n',
    )
  })

  it('takes a PDF author from its Author field before a byline in the text', async () => {
    const s = await service()
    const pdf = await file(
      'paper.pdf',
      textPdf([['A Paper', 'By Someone Else', 'Text of the paper.']], { title: 'A Paper', author: 'Dana Roe' }),
    )
    const { added } = await s.importDocuments({ paths: [pdf] })
    expect(added[0]).toMatchObject({ title: 'A Paper', author: 'Dana Roe' })
  })

  it('converts legacy encodings to UTF-8 and says what it cannot read', async () => {
    const s = await service()
    const french = 'Le café est très chaud. Ça coûte cher à Montréal, où l’été est court. Élève, garçon, naïve.\n'
    const russian =
      'Новые качественные производительные силы — это современная производительность, свободная от традиционного пути роста.\n'
    const paths = [
      await file('french.txt', iconv.encode(french, 'windows-1252')),
      await file('russian.md', iconv.encode(russian, 'windows-1251')),
    ]
    const { added, report } = await s.importDocuments({ paths })
    expect(added.map((d) => d.file)).toEqual(['french.txt', 'russian.md'])
    // The import says so, a line a file (a reviewer: converted silently, as the README says it is not).
    expect(report).toEqual(['french.txt: converted from windows-1252', 'russian.md: converted from windows-1251'])
    // A page of ASCII that declares another encoding reads the same in it: nothing to say.
    const ascii = `<html><head><meta charset="iso-8859-1"><title>Plain</title></head><body><article><p>${'Plain ASCII prose only. '.repeat(20)}</p></article></body></html>`
    expect((await s.importDocuments({ paths: [await file('plain.html', ascii)] })).report).toBeUndefined()
    expect(await readFile(join(project, 'documents', 'french.txt'), 'utf8')).toBe(french)
    expect(await readFile(join(project, 'documents', 'russian.md'), 'utf8')).toBe(russian)
    // UTF-16 with a byte-order mark.
    expect(decodeImportedText(Uint8Array.from(iconv.encode('\ufeffHello wörld', 'utf16-le')), 'u.txt')).toMatchObject({
      text: 'Hello wörld',
      encoding: 'UTF-16LE',
    })
    // Chinese, Japanese and Korean legacy encodings, whose byte pairs are often valid UTF-8 by
    // chance ("传统" in GBK is CD B3 ..., a two-byte sequence): read, not refused as damaged UTF-8.
    const chinese = '新质生产力是创新起主导作用，摆脱传统经济增长方式、生产力发展路径，具有高科技、高效能、高质量特征的先进生产力质态。'
    const traditional = '新質生產力是創新起主導作用，擺脫傳統經濟增長方式、生產力發展路徑，具有高科技、高效能、高質量特徵的先進生產力質態。'
    const japanese = '新しい質の生産力とは、イノベーションが主導的な役割を果たし、従来の経済成長方式から脱却した先進的な生産力である。'
    const korean = '새로운 질적 생산력은 혁신이 주도적 역할을 하는 선진 생산력이며, 전통적인 경제 성장 방식에서 벗어난 것이다.'
    for (const [text, encoding, read] of [
      [chinese, 'gbk', 'GB18030'],
      [traditional, 'big5', 'Big5'],
      [japanese, 'shift_jis', 'Shift_JIS'],
      [japanese, 'euc-jp', 'EUC-JP'],
      [korean, 'euc-kr', 'EUC-KR'],
    ])
      expect(decodeImportedText(Uint8Array.from(iconv.encode(text, encoding)), 'cjk.txt')).toEqual({
        text,
        encoding: read,
        converted: true,
      })
    // UTF-8 with a damaged byte is refused, not "converted" into mojibake.
    expect(() => decodeImportedText(Uint8Array.from([...Buffer.from('naïve café '), 0xe9, 0x20, 0x6f]), 'broken.txt')).toThrow(
      /broken\.txt: this is not valid UTF-8 text \(first invalid byte at offset 13\): it is UTF-8 with damaged bytes/,
    )
  })
})

describe('hostile input', () => {
  /**
   * Imports `paths` into a project that already holds one document and expects the one file to be
   * reported as not imported, in one line matching `message` ("file: reason"), with the project unchanged.
   */
  async function refused(paths: string[], message: RegExp): Promise<void> {
    const s = await service()
    await s.importDocuments({ paths: [await file('existing.txt', 'An existing document.\n')] })
    const before = await snapshot(project)
    const { added, failed } = await s.importDocuments({ paths })
    expect(added).toEqual([])
    expect(failed).toHaveLength(1)
    const text = `${failed![0].file}: ${failed![0].reason}`
    expect(text).toMatch(message)
    expect(text.split('\n')).toHaveLength(1)
    expect(await snapshot(project)).toEqual(before)
    expect((await s.getProject()).documents.map((d) => d.id)).toEqual(['existing'])
  }

  it('refuses a binary file, and imports the good files of the same batch', async () => {
    await refused([await file('data.txt', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x01]))], /data\.txt: this is a binary file/)
    // A tester's good file was silently left out when another file of the batch was binary.
    const s = await service()
    const batch = [
      await file('good.txt', 'Fine text.\n'),
      await file('data2.txt', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x01])),
      await file('empty2.txt', ''),
      await file('fine.md', '# Fine too\n\nMore text.\n'),
    ]
    const { added, failed } = await s.importDocuments({ paths: batch })
    expect(added.map((d) => d.file)).toEqual(['good.txt', 'fine.md'])
    expect(failed).toEqual([
      { file: batch[1], reason: expect.stringMatching(/^this is a binary file/) },
      { file: batch[2], reason: 'the file is empty' },
    ])
    expect(await readFile(join(project, 'documents', 'good.txt'), 'utf8')).toBe('Fine text.\n')
  })

  it('names a file picked in the page as it was picked, never by the temporary copy the services read', async () => {
    const s = await service()
    const data = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64')
    const { added, failed } = await s.importFiles({
      files: [
        { name: 'h3bin.txt', data: data(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x01])) },
        { name: 'good.txt', data: data('A good text.\n') },
        { name: 'sheet.xlsx', data: data('x') },
      ],
    })
    expect(added.map((d) => d.file)).toEqual(['good.txt'])
    expect(failed!.map((f) => f.file)).toEqual(['h3bin.txt', 'sheet.xlsx'])
    expect(JSON.stringify(failed)).not.toContain('parallax-upload')
    expect(failed![1].reason).toMatch(/cannot import "\.xlsx" files/)
  })

  it('refuses invalid UTF-8 whose encoding cannot be told', async () => {
    await refused(
      [await file('latin1.txt', Buffer.from('caf\xe9 ok', 'latin1'))],
      /latin1\.txt: this is not valid UTF-8 text \(first invalid byte at offset 3\), and too little of it is beyond ASCII/,
    )
  })

  it('refuses empty files of every format', async () => {
    for (const name of ['empty.txt', 'empty.html', 'empty.docx', 'empty.pdf'])
      await refused([await file(name, '')], new RegExp(`${name.replace('.', '\\.')}: the file is empty`))
  })

  it('refuses a 200 MB file without reading it', async () => {
    const path = join(base, 'in', 'huge.txt')
    await mkdir(join(base, 'in'), { recursive: true })
    const handle = await open(path, 'w')
    await handle.truncate(200 * 2 ** 20) // sparse: takes no disk space
    await handle.close()
    await refused([path], /huge\.txt: the file is 200 MB, over the 64 MB import limit/)
  })

  it('refuses a zip-bomb .docx without inflating it', async () => {
    await refused(
      [await file('bomb.docx', zipBombDocx(120))],
      /bomb\.docx: this \.docx file inflates to more than 100 MB \(a zip bomb\?\); not imported/,
    )
  })

  it('refuses a .docx that is not a zip or has no document', async () => {
    await refused([await file('fake.docx', 'just text, not a zip')], /fake\.docx: this is not a \.docx file: it is not a zip container/)
    await refused(
      [await file('other.docx', zipSync({ 'a.txt': new TextEncoder().encode('x') }))],
      /other\.docx: this is not a \.docx file \(it has no word\/document\.xml\)/,
    )
  })

  it('refuses a PDF with no text layer, and one that is not a PDF', async () => {
    await refused([await file('scan.pdf', imageOnlyPdf())], /scan\.pdf: this PDF has no text layer .* run OCR on it first/)
    await refused([await file('bad.pdf', '%PDF-1.4 nothing else')], /bad\.pdf: this is not a readable PDF/)
  })

  it('refuses a link in the chosen folder that leads outside it', async () => {
    const folder = join(base, 'chosen')
    await mkdir(folder)
    await writeFile(join(folder, 'inside.txt'), 'Inside the folder.\n')
    await writeFile(join(base, 'secret.txt'), 'Outside the folder.\n')
    await symlink(join(base, 'secret.txt'), join(folder, 'link.txt'))
    // The choice itself is suspect: the whole import stops, nothing is written.
    const s = await service()
    const before = await snapshot(project)
    await expect(s.importDocuments({ paths: [folder] })).rejects.toThrow(
      /link\.txt: links to .*secret\.txt, outside the chosen folder .*chosen; nothing was imported/,
    )
    expect(await snapshot(project)).toEqual(before)
  })

  it('refuses a .qdpx whose source path climbs out of the archive, and skips a selection with bad positions', async () => {
    const qde = (path: string, end = 5) =>
      buildQde({
        name: 'Evil',
        origin: 'test',
        users: [],
        codes: [],
        notes: [],
        description: '',
        sources: [
          {
            guid: '11111111-1111-4111-8111-111111111111',
            name: 'a.txt',
            plainTextPath: path,
            description: '',
            variables: {},
            selections: [
              { guid: '21111111-1111-4111-8111-111111111111', name: '', start: 0, end, description: '', codeGuids: [], noteGuids: [] },
            ],
          },
        ],
      })
    const zip = (xml: string) =>
      zipSync({ 'project.qde': new TextEncoder().encode(xml), 'sources/a.txt': new TextEncoder().encode('Hello world\n') })
    await refused(
      [await file('climb.qdpx', zip(qde('internal://../../etc/passwd')))],
      /climb\.qdpx: TextSource "a\.txt" refers to internal:\/\/\.\.\/\.\.\/etc\/passwd, a path outside the archive's sources folder/,
    )
    // A selection outside its text is skipped and reported, not fatal (test/unit/import-refi.test.ts).
    const other = await Service.start({ corpusDir: CORPUS, userData: join(base, 'user-data'), project: join(base, 'other') })
    const far = await other.importDocuments({ paths: [await file('far.qdpx', zip(qde('internal://a.txt', 99)))] })
    expect(far.report![0]).toMatch(/far\.qdpx: brought in 1 document, 0 annotations.*span 0\.\.99 runs past the end of the text \(12\)/)
    await refused(
      [await file('dtd.qdpx', zip('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><Project name="x"/>'))],
      /dtd\.qdpx: project\.qde: document type declarations are not allowed/,
    )
  })

  it('reads a file named without an ending, or with a version for one, as plain text, stored as a .txt file (GNU licences, a tester)', async () => {
    const s = await service()
    const { added, failed } = await s.importDocuments({
      paths: [
        await file('LGPL-2.1', 'GNU LESSER GENERAL PUBLIC LICENSE\n\nVersion 2.1, February 1999\n'),
        await file('README', 'A readme.\n'),
        await file('program', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01, 0x00])),
      ],
    })
    expect(added.map((d) => [d.file, d.title])).toEqual([
      ['LGPL-2.1.txt', 'GNU LESSER GENERAL PUBLIC LICENSE'],
      ['README.txt', 'A readme.'],
    ])
    expect(failed!.map((f) => f.file)).toEqual([expect.stringMatching(/program$/)])
    expect(failed![0].reason).toMatch(/binary file/)
  })

  it("reads a folder's files by their endings, never those of its hidden folders (a reviewer: a checkout's .git read as documents)", async () => {
    const s = await service()
    const folder = join(base, 'checkout')
    await mkdir(join(folder, '.git', 'refs', 'heads'), { recursive: true })
    await mkdir(join(folder, '.venv', 'lib'), { recursive: true })
    await writeFile(join(folder, 'notes.txt'), 'Notes on the texts.\n')
    await writeFile(join(folder, 'README'), 'A readme named without an ending.\n')
    await writeFile(join(folder, '.git', 'HEAD'), 'ref: refs/heads/main\n')
    await writeFile(join(folder, '.git', 'refs', 'heads', 'main'), '0123456789abcdef\n')
    await writeFile(join(folder, '.venv', 'lib', 'LICENSE.txt'), 'A licence a library brought.\n')
    const { added, failed } = await s.importDocuments({ paths: [folder] })
    expect(added.map((d) => d.file)).toEqual(['notes.txt'])
    expect(failed).toBeUndefined()
  })

  it('says which files the project holds already, rather than passing them over', async () => {
    const s = await service()
    const path = await file('notes.txt', 'Notes on the texts.\n')
    expect((await s.importDocuments({ paths: [path] })).added).toHaveLength(1)
    const again = await s.importDocuments({ paths: [path, await file('sheet.xlsx', 'x')] })
    expect(again.added).toEqual([])
    expect(again.report).toEqual(['notes.txt: already in the project, as “Notes on the texts.”, not imported again'])
    expect(again.failed!.map((f) => f.file)).toEqual([expect.stringMatching(/sheet\.xlsx$/)])
  })

  it('refuses an unknown format by name', async () => {
    await refused(
      [await file('sheet.xlsx', 'x')],
      /sheet\.xlsx: cannot import "\.xlsx" files \(only \.txt, \.md, \.html, \.docx, \.pdf and \.qdpx, and plain text named without an ending\)/,
    )
  })

  it('never writes over a file in documents/ that project.json does not list', async () => {
    const s = await service()
    await writeFile(join(project, 'documents', 'notes.txt'), 'My own notes, not a document of the project.\n')
    await writeFile(join(project, 'documents', 'Hamlet 1.2.txt'), 'Another file of mine.\n')
    const { added } = await s.importDocuments({ paths: [await file('notes.txt', 'An imported text.\n')] })
    expect(added.map((d) => d.file)).toEqual(['notes-2.txt'])
    expect(await readFile(join(project, 'documents', 'notes.txt'), 'utf8')).toBe('My own notes, not a document of the project.\n')
    expect(await readFile(join(project, 'documents', 'notes-2.txt'), 'utf8')).toBe('An imported text.\n')
    const qdpx = await s.importDocuments({ paths: [await file('atlas.qdpx', atlasQdpx())] })
    expect(qdpx.added.map((d) => d.file)).toEqual(['Hamlet 1.2-2.txt'])
    expect(await readFile(join(project, 'documents', 'Hamlet 1.2.txt'), 'utf8')).toBe('Another file of mine.\n')
    // A file with the very content imported is still not taken over.
    await writeFile(join(project, 'documents', 'same.txt'), 'Same words.\n')
    const more = await s.importDocuments({ paths: [await file('same.txt', 'Same words.\n')] })
    expect(more.added.map((d) => d.file)).toEqual(['same-2.txt'])
  })

  it('reads a PDF printed by LibreOffice in the reader worker as the app reads it, with the same text as inline', async () => {
    // test/fixtures/import/libreoffice.pdf: `soffice --headless --convert-to pdf libreoffice.fodt`
    // (LibreOffice 7.4): four pages with a running header and page numbers, a title and an author.
    const path = join(ROOT, 'test/fixtures/import/libreoffice.pdf')
    const bytes = new Uint8Array(await readFile(path))
    const inWorker = await readOffThread({ format: 'pdf', bytes, path }, READER_WORKER)
    expect(inWorker).toEqual(await readOffThread({ format: 'pdf', bytes, path }, undefined))
    const paragraphs = inWorker.text.trimEnd().split('\n\n')
    expect(paragraphs[0]).toBe('Productive Forces in Print')
    expect(paragraphs.slice(1, 37).map((p) => p.match(/Paragraph (\d+) /)?.[1])).toEqual(Array.from({ length: 36 }, (_, i) => `${i + 1}`))
    expect(paragraphs.at(-1)).toBe('The last paragraph ends the study.')
    expect(inWorker.text).not.toContain('a test document') // the running header
    expect(inWorker.metadata).toMatchObject({ title: 'Productive Forces in Print', author: 'Mei Chen' })

    const s = await Service.start({ corpusDir: CORPUS, userData: join(base, 'user-data'), project, readerWorker: READER_WORKER })
    const { added } = await s.importDocuments({ paths: [path] })
    expect(added[0]).toMatchObject({ file: 'libreoffice.txt', title: 'Productive Forces in Print', author: 'Mei Chen' })
    expect(await readFile(join(project, 'documents', 'libreoffice.txt'), 'utf8')).toBe(inWorker.text)
    // A file that is no PDF gets the reader's one message from the worker too.
    const bad = await s.importDocuments({ paths: [await file('bad.pdf', '%PDF-1.4 nothing else')] })
    expect(bad.failed![0].reason).toMatch(/^this is not a readable PDF/)
  })

  it('HTML nested 2,000 or 100,000 levels deep is refused with one message, read in the worker as the app reads it', async () => {
    const s = await Service.start({ corpusDir: CORPUS, userData: join(base, 'user-data'), project, readerWorker: READER_WORKER })
    for (const depth of [2000, 100_000]) {
      const path = await file(`deep-${depth}.html`, deepHtml(depth))
      const { failed } = await s.importDocuments({ paths: [path] })
      expect(failed).toEqual([
        { file: path, reason: `this page nests its elements over ${MAX_HTML_DEPTH} levels deep; no article does, so it was not imported` },
      ])
    }
    // A page within the limit, and an ordinary article, read in the worker as inline.
    const { added } = await s.importDocuments({
      paths: [await file('deep-100.html', deepHtml(100)), await file('forces.html', articlePage())],
    })
    expect(added.map((d) => d.file)).toEqual(['deep-100.txt', 'forces.txt'])
    expect((await s.getDocument({ id: 'deep-100' })).text).toContain('Text at the bottom of a very deep page.')
    expect(added[1]).toMatchObject({ title: 'Productive forces, explained', author: 'Ann Lee' })
  })
})
