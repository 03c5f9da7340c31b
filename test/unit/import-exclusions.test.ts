import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { maskExcluded, normaliseRanges, suggestBoilerplate } from '../../main/core/project/exclusions.js'
import { ProjectFile } from '../../main/core/project/project.js'
import { codePointLength, OffsetMap } from '../../main/core/text/offsets.js'
import { Service } from '../../main/node/service/service.js'
import { CORPUS, copyToTemp } from '../helpers.js'

describe('excluded ranges', () => {
  it('masks excluded text without moving any offset, in UTF-16 units or code points', () => {
    const text = 'Keep 😀 this.\nDrop 😀 that\nKeep end.'
    const map = new OffsetMap(text)
    const start = map.toCodePoint(text.indexOf('Drop'))
    const end = map.toCodePoint(text.indexOf('\nKeep end'))
    const masked = maskExcluded(text, [{ start, end }])
    expect(masked.length).toBe(text.length)
    expect(codePointLength(masked)).toBe(codePointLength(text))
    expect(masked.startsWith('Keep 😀 this.\n')).toBe(true)
    expect(masked.endsWith('\nKeep end.')).toBe(true)
    expect(masked.slice(text.indexOf('Drop'), text.indexOf('\nKeep end'))).not.toMatch(/\p{L}/u)
    expect(maskExcluded(text, [])).toBe(text)
  })

  it('merges overlapping ranges and refuses ones outside the text', () => {
    expect(
      normaliseRanges(
        [
          { start: 5, end: 9, reason: 'b' },
          { start: 0, end: 3, reason: 'a' },
          { start: 8, end: 12 },
        ],
        20,
      ),
    ).toEqual([
      { start: 0, end: 3, reason: 'a' },
      { start: 5, end: 12, reason: 'b' },
    ])
    expect(() => normaliseRanges([{ start: 0, end: 21 }], 20)).toThrow('runs past the end of the text (20)')
  })

  it('suggests advertisement and sponsored blocks wherever they are, with the line they label', () => {
    const text = [
      'Forces explained',
      '',
      'The first paragraph of the article, long enough to be prose and not a label of any kind.',
      '',
      'Sponsored',
      'Invest in the future with Example Bank: open an account today.',
      '',
      'The second paragraph of the article, which the advertisement interrupted.',
      '',
      'Advertisement',
      '',
      'The third paragraph.',
    ].join('\n')
    const found = suggestBoilerplate(text).map((s) => [new OffsetMap(text).slice(s.start, s.end), s.reason])
    expect(found).toEqual([
      ['Sponsored\nInvest in the future with Example Bank: open an account today.', 'advertisement (“Sponsored”)'],
      ['Advertisement', 'advertisement (“Advertisement”)'],
    ])
  })

  it('suggests the site text of the bundled corpus and leaves the articles alone', async () => {
    const cases: [string, string, string][] = [
      ['china-briefing-nqpf-explainer', 'About Us', 'Next Article Exploring China’s Leading AI Hubs: A Regional Analysis'],
      ['yang-yundong-nqpf-high-quality-development', 'Keywords:', 'Required fields are marked *'],
      ['gmw-light-blade-what-are-nqpf', 'Editor: WJH', 'in this information.'],
      ['shi-jianxun-strategic-significance', 'X Thank you for your interest', 'Tongji University!'],
    ]
    for (const [id, from, to] of cases) {
      const text = await readFile(join(CORPUS, `${id}.txt`), 'utf8')
      const map = new OffsetMap(text)
      const tail = suggestBoilerplate(text).find((s) => s.reason.startsWith('site text after'))
      expect(tail, id).toBeDefined()
      const excluded = map.slice(tail!.start, tail!.end)
      expect(excluded.startsWith(from), id).toBe(true)
      expect(excluded.trimEnd().endsWith(to), id).toBe(true)
    }
    const shi = await readFile(join(CORPUS, 'shi-jianxun-strategic-significance.txt'), 'utf8')
    expect(suggestBoilerplate(shi)[0]).toMatchObject({ start: 0, reason: 'navigation breadcrumbs' })
    const yang = await readFile(join(CORPUS, 'yang-yundong-nqpf-high-quality-development.txt'), 'utf8')
    expect(suggestBoilerplate(yang)[0]).toMatchObject({
      start: 0,
      end: codePointLength('111 510 510 libonline@riphah.edu.pk Contact'),
      reason: 'contact details',
    })
    const catalysts = await readFile(join(CORPUS, 'new-productive-forces-catalysts.txt'), 'utf8')
    expect(suggestBoilerplate(catalysts)).toEqual([])
  })
})

describe('excluded ranges and metadata through the API', () => {
  let dir: string
  let cleanup: () => Promise<void>
  beforeEach(async () => {
    const t = await copyToTemp(CORPUS)
    dir = t.dir
    cleanup = t.cleanup
    await import('node:fs/promises').then(async (fs) => {
      await fs.mkdir(join(dir, 'documents'))
      for (const f of await fs.readdir(dir)) if (f.endsWith('.txt')) await fs.rename(join(dir, f), join(dir, 'documents', f))
      await fs.rename(join(dir, 'manifest.json'), join(dir, 'project.json'))
    })
  })
  afterEach(() => cleanup())

  it('stores accepted suggestions in project.json, leaves the file alone, and undoes', async () => {
    const s = await Service.start({ corpusDir: CORPUS, userData: join(dir, '.user'), project: dir })
    const file = join(dir, 'documents', 'china-briefing-nqpf-explainer.txt')
    const original = await readFile(file, 'utf8')
    // The bundled corpus's project starts with this boilerplate excluded (corpus/manifest.json).
    const before = (await s.getDocument({ id: 'china-briefing-nqpf-explainer' })).document.excluded
    await s.setExcludedRanges({ id: 'china-briefing-nqpf-explainer', ranges: [] })
    const { suggestions } = await s.suggestBoilerplate({ id: 'china-briefing-nqpf-explainer' })
    expect(suggestions).toEqual(before!.map((r) => ({ ...r, docId: 'china-briefing-nqpf-explainer', text: expect.any(String) })))
    expect(suggestions[0].text.startsWith('About Us\nChina Briefing is one of five')).toBe(true)
    const { document } = await s.setExcludedRanges({ id: 'china-briefing-nqpf-explainer', ranges: suggestions })
    expect(document.excluded).toEqual([{ start: suggestions[0].start, end: suggestions[0].end, reason: suggestions[0].reason }])
    const onDisk = ProjectFile.parse(JSON.parse(await readFile(join(dir, 'project.json'), 'utf8')))
    expect(onDisk.documents.find((d) => d.id === 'china-briefing-nqpf-explainer')?.excluded).toEqual(document.excluded)
    expect(await readFile(file, 'utf8')).toBe(original)
    await expect(s.setExcludedRanges({ id: 'china-briefing-nqpf-explainer', ranges: [{ start: 0, end: 10 ** 7 }] })).rejects.toThrow(
      /runs past the end of the text/,
    )
    await s.undo({})
    expect((await s.getDocument({ id: 'china-briefing-nqpf-explainer' })).document.excluded).toBeUndefined()
    await s.undo({})
    expect((await s.getDocument({ id: 'china-briefing-nqpf-explainer' })).document.excluded).toEqual(before)

    const edited = await s.updateDocumentMetadata({ id: 'new-productive-forces-catalysts', author: 'Staff writer', date: '2024-02' })
    expect(edited.document).toMatchObject({
      author: 'Staff writer',
      date: '2024-02',
      title: 'The emergence of new productive forces as catalysts for superior development',
    })
  })

  it('announces an undone or redone exclusion as a project change, so the views analyse again; an annotation undone is none', async () => {
    // A tester undid an exclusion: the shared passages stayed as analysed without that text.
    const s = await Service.start({ corpusDir: CORPUS, userData: join(dir, '.user'), project: dir })
    const events: string[] = []
    s.onEvent((e) => events.push(e.type))
    const id = 'china-briefing-nqpf-explainer'
    const withExclusion = async (change: () => Promise<unknown>) => {
      events.length = 0
      await change()
      return [...new Set(events)].sort()
    }
    expect(await withExclusion(() => s.addExcludedRanges({ ranges: [{ docId: id, start: 0, end: 40 }] }))).toEqual(['project-changed'])
    expect(await withExclusion(() => s.undo({}))).toEqual(['annotations-changed', 'codebook-changed', 'project-changed'])
    expect(await withExclusion(() => s.redo({}))).toEqual(['annotations-changed', 'codebook-changed', 'project-changed'])
    await s.createAnnotation({ docId: id, start: 100, end: 120 })
    expect(await withExclusion(() => s.undo({}))).toEqual(['annotations-changed', 'codebook-changed'])
  })
})
