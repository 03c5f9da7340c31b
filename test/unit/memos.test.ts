import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { XMLParser } from 'fast-xml-parser'
import { unzipSync, zipSync } from 'fflate'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../main/core/contract/schemas.js'
import { MAX_MEMO_LENGTH } from '../../main/core/project/memo.js'
import { runCli } from '../../main/node/cli/cli.js'
import { Service } from '../../main/node/service/service.js'
import { CORPUS, tempDir } from '../helpers.js'

// Memos on tags and documents: stored in tags.json and project.json (optional `memo` keys, so
// files without them read and write as before), set by undoable operations, exported with the
// excerpts (Markdown, HTML, DOCX, REFI-QDA) and read back from REFI-QDA descriptions.

let dir: string
let cleanup: () => Promise<void>
let project: string
let s: Service

const TEXT = 'Growth Notes\n\nThe economy grew fast this year.\n\nTrade rose with it.\n'

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  isArray: (n) => ['Code', 'TextSource'].includes(n),
})

beforeEach(async () => {
  ;({ dir, cleanup } = await tempDir())
  project = join(dir, 'project')
  await mkdir(join(dir, 'in'))
  await writeFile(join(dir, 'in', 'growth.txt'), TEXT)
  s = await Service.start({ corpusDir: CORPUS, userData: join(dir, 'user-data'), project })
  await s.importDocuments({ paths: [join(dir, 'in')] })
  await s.createTag({ name: 'Economy', description: 'About the economy' })
  const start = [...TEXT.slice(0, TEXT.indexOf('The economy'))].length
  await s.createAnnotation({ docId: 'growth', start, end: start + 'The economy grew fast'.length, tags: ['Economy'] })
})
afterEach(() => cleanup())

const economy = () => s.project.codebook.tags.find((t) => t.name === 'Economy')!

async function exported(input: Parameters<Service['exportExcerpts']>[0]): Promise<{ text: string; bytes: Uint8Array }> {
  const r = await s.exportExcerpts(input)
  const bytes = r.encoding === 'base64' ? new Uint8Array(Buffer.from(r.content, 'base64')) : new TextEncoder().encode(r.content)
  return { text: r.encoding === 'base64' ? '' : r.content, bytes }
}

describe('memos', () => {
  it('are stored in tags.json and project.json, read again when the project reopens, and undone', async () => {
    const tagsBefore = await readFile(join(project, 'tags.json'), 'utf8')
    const projectBefore = await readFile(join(project, 'project.json'), 'utf8')
    // Files without memos read unchanged: no memo key on any tag or document.
    expect((await s.getProject()).tags.every((t) => !('memo' in t))).toBe(true)
    expect((await s.getProject()).documents.every((d) => !('memo' in d))).toBe(true)

    const { tag } = await s.setTagMemo({ id: economy().id, memo: 'Claims about **growth**.\n\n- GDP\n- trade\n\n' })
    expect(tag.memo).toBe('Claims about **growth**.\n\n- GDP\n- trade')
    const { document } = await s.setDocumentMemo({ id: 'growth', memo: 'A *short* note on the whole text.' })
    expect(document.memo).toBe('A *short* note on the whole text.')
    expect(JSON.parse(await readFile(join(project, 'tags.json'), 'utf8')).tags[0].memo).toBe('Claims about **growth**.\n\n- GDP\n- trade')
    expect(JSON.parse(await readFile(join(project, 'project.json'), 'utf8')).documents[0].memo).toBe('A *short* note on the whole text.')
    expect((await s.getProject()).history.undo).toBe('Edit memo on “Growth Notes”')

    const reopened = await Service.start({ corpusDir: CORPUS, userData: join(dir, 'user-data'), project })
    const view = await reopened.getProject()
    expect(view.problems).toEqual([])
    expect(view.tags[0].memo).toBe('Claims about **growth**.\n\n- GDP\n- trade')
    expect(view.documents[0].memo).toBe('A *short* note on the whole text.')

    // Undo restores both files byte for byte; redo brings the memo back.
    expect((await s.undo()).undone).toBe('Edit memo on “Growth Notes”')
    expect((await s.undo()).undone).toBe('Edit memo on tag "Economy"')
    expect(await readFile(join(project, 'tags.json'), 'utf8')).toBe(tagsBefore)
    expect(await readFile(join(project, 'project.json'), 'utf8')).toBe(projectBefore)
    expect((await s.redo()).redone).toBe('Edit memo on tag "Economy"')
    expect(economy().memo).toBe('Claims about **growth**.\n\n- GDP\n- trade')

    // An empty memo removes the key: the file is as it was before any memo.
    await s.setTagMemo({ id: economy().id, memo: '  \n' })
    expect(await readFile(join(project, 'tags.json'), 'utf8')).toBe(tagsBefore)
    expect((await s.getProject()).history.undo).toBe('Remove memo on tag "Economy"')
  })

  it('refuses what is not a memo with one clear message, and a memo that is not text in a file as a problem', async () => {
    expect(await dispatch(s, 'setTagMemo', { id: economy().id, memo: 'x'.repeat(MAX_MEMO_LENGTH + 1) })).toEqual({
      ok: false,
      error: { code: 'invalid-input', message: 'setTagMemo: memo: a memo holds at most 100,000 characters' },
    })
    await expect(s.setTagMemo({ id: 'nope', memo: 'x' })).rejects.toThrow('no tag with id "nope"')
    await expect(s.setDocumentMemo({ id: 'nope', memo: 'x' })).rejects.toThrow(/nope/)
    expect(economy().memo).toBeUndefined()

    const book = JSON.parse(await readFile(join(project, 'tags.json'), 'utf8'))
    book.tags[0].memo = 42
    await writeFile(join(project, 'tags.json'), JSON.stringify(book))
    const reopened = await Service.start({ corpusDir: CORPUS, userData: join(dir, 'user-data'), project })
    expect((await reopened.getProject()).problems.map((p) => p.reason).join()).toMatch(/memo/)
  })

  it('are exported with the excerpts: under their heading, the others in a closing section', async () => {
    await s.setTagMemo({ id: economy().id, memo: 'Tag memo with *emphasis* and <b>no html</b>.' })
    await s.setDocumentMemo({ id: 'growth', memo: 'Document memo, first line.\nSecond line.' })

    const byDoc = (await exported({ format: 'md' })).text
    // The memo's line break kept (as a note's is), its HTML escaped.
    expect(byDoc).toContain('## Growth Notes\n\nMemo:\n\n> Document memo, first line.\\\n> Second line.\n\n> The economy grew fast')
    expect(byDoc).toContain('## Memos\n\n### Economy (tag)\n\nMemo:\n\n> Tag memo with *emphasis* and \\<b\\>no html\\</b\\>.')
    const byTag = (await exported({ format: 'md', order: 'tag' })).text
    expect(byTag).toContain('## Economy\n\nMemo:\n\n> Tag memo with *emphasis*')
    expect(byTag).toContain('### Growth Notes (document)')
    // Without notes, no memos either.
    expect((await exported({ format: 'md', notes: false })).text).not.toContain('Memo')

    const html = (await exported({ format: 'html', order: 'tag' })).text
    expect(html).toMatch(
      /<h2>.*Economy<\/h2>\n<div class="memo"><span class="label">Memo<\/span><p>Tag memo with <em>emphasis<\/em> and &lt;b&gt;no html&lt;\/b&gt;.<\/p>/,
    )
    expect(html).toContain('<h3>Growth Notes <span class="kind">(document)</span></h3>')

    const docx = new TextDecoder().decode(unzipSync((await exported({ format: 'docx' })).bytes)['word/document.xml'])
    expect(docx).toContain('Document memo, first line.')
    expect(docx).toContain('Tag memo with ')
    expect(docx.indexOf('Document memo')).toBeLessThan(docx.indexOf('The economy grew fast'))

    // REFI-QDA: the code's Description holds the description and the memo; the source's the document's memo.
    const qde = new TextDecoder().decode(unzipSync((await exported({ format: 'qdpx' })).bytes)['project.qde'])
    const parsed = xml.parse(qde).Project
    expect(parsed.CodeBook.Codes.Code[0].Description).toBe('About the economy\n\nTag memo with *emphasis* and <b>no html</b>.')
    expect(parsed.Sources.TextSource[0].Description).toBe('Document memo, first line.\nSecond line.')
    const qdc = xml.parse((await exported({ format: 'qdc' })).text).CodeBook
    expect(qdc.Codes.Code[0].Description).toBe('About the economy\n\nTag memo with *emphasis* and <b>no html</b>.')
  })

  it('come back from REFI-QDA: a source Description is the document memo, a code Description of several lines the tag memo', async () => {
    const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="memo test" origin="MAXQDA 24">
<CodeBook><Codes>
<Code guid="11111111-1111-4111-8111-111111111111" name="Memoed" isCodable="true"><Description>Definition: what counts.
Rule: only explicit claims.</Description></Code>
<Code guid="21111111-1111-4111-8111-111111111111" name="Glossed" isCodable="true"><Description>One line gloss</Description></Code>
</Codes></CodeBook>
<Sources><TextSource guid="31111111-1111-4111-8111-111111111111" name="interview.txt" plainTextPath="internal://31111111-1111-4111-8111-111111111111.txt"><Description>Interview memo: tired speaker.</Description></TextSource></Sources>
</Project>`
    const zip = zipSync({
      'project.qde': new TextEncoder().encode(qde),
      'sources/31111111-1111-4111-8111-111111111111.txt': new TextEncoder().encode('An interview text.\n'),
    })
    await writeFile(join(dir, 'in.qdpx'), zip)
    const { added } = await s.importDocuments({ paths: [join(dir, 'in.qdpx')] })
    expect(added.map((d) => [d.title, d.memo])).toEqual([['interview', 'Interview memo: tired speaker.']])
    const tags = (await s.getProject()).tags
    expect(tags.find((t) => t.name === 'Memoed')).toMatchObject({
      description: '',
      memo: 'Definition: what counts.\nRule: only explicit claims.',
    })
    const glossed = tags.find((t) => t.name === 'Glossed')!
    expect(glossed.description).toBe('One line gloss')
    expect(glossed.memo).toBeUndefined()
  })

  it('come back from a .qdpx as they went: description and memo each in its place, the memo a note the code refers to', async () => {
    await s.setTagMemo({ id: economy().id, memo: 'Memo with **bold**.\n\nA second paragraph.' })
    await s.createTag({ name: 'Trade', memo: 'A one-line memo' })
    await s.createTag({ name: 'Prices', description: 'A gloss' })
    const file = join(dir, 'out.qdpx')
    await writeFile(file, (await exported({ format: 'qdpx' })).bytes)
    // Other tools read the memo in the Description, as before; the note holds the memo alone.
    const parsed = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '',
      isArray: (n) => ['Code', 'Note', 'NoteRef'].includes(n),
    }).parse(new TextDecoder().decode(unzipSync(await readFile(file))['project.qde'])).Project
    const code = parsed.CodeBook.Codes.Code.find((c: { name: string }) => c.name === 'Economy')
    expect(code.Description).toBe('About the economy\n\nMemo with **bold**.\n\nA second paragraph.')
    const note = parsed.Notes.Note.find((n: { guid: string }) => n.guid === code.NoteRef[0].targetGUID)
    expect(note.PlainTextContent).toBe('Memo with **bold**.\n\nA second paragraph.')

    const other = await Service.start({ corpusDir: CORPUS, userData: join(dir, 'user-data-2'), project: join(dir, 'project-2') })
    const { report } = await other.importDocuments({ paths: [file] })
    expect(report?.join()).not.toMatch(/journal/)
    const fields = (name: string) => {
      const t = other.project.codebook.tags.find((x) => x.name === name)!
      return { description: t.description, memo: t.memo }
    }
    expect(fields('Economy')).toEqual({ description: 'About the economy', memo: 'Memo with **bold**.\n\nA second paragraph.' })
    expect(fields('Trade')).toEqual({ description: '', memo: 'A one-line memo' })
    expect(fields('Prices')).toEqual({ description: 'A gloss', memo: undefined })
  })

  it('CLI: memo --tag / --doc prints and sets; tags create --memo; list --json carries the memo', async () => {
    const out: string[] = []
    const err: string[] = []
    const cli = (...args: string[]) => runCli([...args, '--project', project], { out: (t) => out.push(t), err: (t) => err.push(t) })
    expect(await cli('memo', '--tag', 'Economy')).toBe(0)
    expect(err.pop()).toBe('no memo')
    expect(await cli('memo', '--tag', 'economy', '--set', 'Set from the *CLI*')).toBe(0)
    expect(out.pop()).toBe('Set from the *CLI*')
    expect(await cli('memo', '--doc', 'growth', '--set', 'Doc memo', '--json')).toBe(0)
    expect(JSON.parse(out.pop()!)).toEqual({ document: 'growth', title: 'Growth Notes', memo: 'Doc memo' })
    expect(await cli('tags', 'create', 'Trade', '--memo', 'Imports and exports')).toBe(0)
    expect(JSON.parse(out.pop()!).memo).toBe('Imports and exports')
    expect(await cli('list', '--json')).toBe(0)
    expect(JSON.parse(out.pop()!).documents[0].memo).toBe('Doc memo')
    expect(await cli('memo', '--tag', 'Economy', '--doc', 'growth')).toBe(2)
    expect(err.pop()).toMatch(/memo: name either --tag NAME or --doc ID/)
    expect(await cli('tags', 'rename', 'Trade', 'Commerce', '--memo', 'x')).toBe(2)
    const reopened = await Service.start({ corpusDir: CORPUS, userData: join(dir, 'user-data'), project })
    expect((await reopened.getProject()).tags.find((t) => t.name === 'Economy')!.memo).toBe('Set from the *CLI*')
  })
})
