import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { type DefinitionResult, findDefinitions } from '../../main/core/definitions/definitions.js'
import { facetTable, facetTableToCsv, facetTableToMarkdown } from '../../main/core/definitions/facet-table.js'
import { judgeMention } from '../../main/core/definitions/patterns.js'
import { timelineOf } from '../../main/core/definitions/timeline.js'
import { loadFolder } from '../../main/node/engine/inline.js'
import { ROOT } from '../helpers.js'

// test/fixtures/definitions: three authors define "smart grids" (alpha 2019, beta 2021, gamma
// undated); alpha and beta both give Ada Lind's formula, one as reported speech, one quoted;
// alpha also tells the term's history and status; delta has "productive forces" and
// "productivity", one stem in two terms.

const FIXTURE = join(ROOT, 'test/fixtures/definitions')

/** The code points [start, end) of a text. */
const cut = (text: string, start: number, end: number): string => [...text].slice(start, end).join('')

describe('definitions on the fixture', async () => {
  const { texts, dates } = await loadFolder(FIXTURE)
  const textOf = (doc: string): string => texts.find((t) => t.id === doc)!.text
  const result: DefinitionResult = findDefinitions(texts, { term: 'smart grids', dates })
  const byText = (re: RegExp) => result.definitions.find((d) => re.test(d.text))

  it('gives every definition a pattern, a confidence and code point offsets into the text as decoded', () => {
    expect(result.definitions.length).toBeGreaterThan(0)
    for (const d of result.definitions) {
      expect(cut(textOf(d.doc), d.start, d.end)).toBe(d.text)
      expect(cut(textOf(d.doc), d.mention.start, d.mention.end)).toBe(d.mention.text)
      expect(d.confidence).toBeGreaterThan(0)
      expect(d.confidence).toBeLessThanOrEqual(1)
      expect(d.pattern).toBeTruthy()
    }
    // alpha has a character outside the Basic Multilingual Plane before its definitions.
    expect(textOf('alpha')).toContain('🌍')
  })

  it('takes a definition across two sentences when the second continues it with "They"', () => {
    const d = byText(/^Smart grids are networks of sensors/)!
    expect(d.doc).toBe('gamma')
    expect(d.text).toBe(
      'Smart grids are networks of sensors, meters and software. They are powered by innovations in technology and in data analysis.',
    )
  })

  it('lists history and status sentences apart as mentions, never as definitions', () => {
    const history = ['The term smart grids has gained popularity', 'Smart grids first appeared', 'Smart grids are now a buzzword']
    for (const h of history) expect(result.definitions.some((d) => d.text.includes(h))).toBe(false)
    expect(result.mentions.map((m) => [m.doc, m.kind, m.text.slice(0, 30)])).toEqual([
      ['alpha', 'status', 'The term smart grids has gaine'],
      ['alpha', 'history', 'Smart grids first appeared in '],
      ['alpha', 'status', 'Smart grids are now a buzzword'],
    ])
    for (const m of result.mentions) expect(cut(textOf(m.doc), m.start, m.end)).toBe(m.text)
    // Sentences where the term is governed by a verb or preposition are neither.
    expect(result.definitions.some((d) => /invest in smart grids|approve smart grids/.test(d.text))).toBe(false)
  })

  it('attributes the reported and the quoted formula to their speaker and groups them as one quotation', () => {
    const reported = result.definitions.find((d) => d.doc === 'alpha' && d.quoted)!
    const quoted = result.definitions.find((d) => d.doc === 'beta' && d.quoted)!
    const formula = 'smart grids are electricity networks that use digital communication to detect and react to local changes in usage'
    expect(reported.quoted).toMatchObject({ speaker: 'Ada Lind', form: 'reported' })
    expect(quoted.quoted).toMatchObject({ speaker: 'Ada Lind', form: 'quotation' })
    expect(cut(textOf('alpha'), reported.quoted!.start, reported.quoted!.end)).toBe(formula)
    expect(cut(textOf('beta'), quoted.quoted!.start, quoted.quoted!.end).toLowerCase()).toBe(formula)
    expect(reported.group).toBe(quoted.group)
    const [shared] = result.quotations
    expect(shared.speaker).toBe('Ada Lind')
    expect(shared.docs.sort()).toEqual(['alpha', 'beta'])
    const framing = Object.fromEntries(shared.members.map((m) => [m.doc, m.framing]))
    expect(framing.alpha).toBe('What are smart grids? Engineer Ada Lind once pointed out that ….')
    expect(framing.beta).toBe('Ada Lind stated, “….”')
    // Who used it first: alpha (2019) before beta (2021).
    expect(shared.timeline).toEqual({
      dated: [
        { doc: 'alpha', date: '2019-05-01', first: true },
        { doc: 'beta', date: '2021-03-10', first: false },
      ],
      undated: [],
    })
    // The authors' own definitions are theirs.
    expect(byText(/^Smart grids are driven by/)!.quoted).toBeUndefined()
  })

  it('finds contrast definitions, including one that splits the term ("the smart and conventional grids")', () => {
    const unlike = byText(/^Unlike conventional grids/)!
    expect(unlike).toMatchObject({ doc: 'beta', pattern: 'contrast' })
    const distinction = byText(/^The primary distinction between the smart and conventional grids/)!
    expect(distinction).toMatchObject({ doc: 'gamma', pattern: 'contrast' })
    expect(distinction.mention.text).toBe('smart and conventional grids')
  })

  it('aligns one component three authors word differently into one facet, with its timeline and word variants', () => {
    const facet = result.facets[0]
    expect(facet.label).toBe('technological innovation as driver')
    expect(facet.role).toBe('driver')
    expect(facet.docs.sort()).toEqual(['alpha', 'beta', 'gamma'])
    expect(facet.members.map((m) => m.text)).toEqual([
      'driven by technological innovation in metering and storage',
      'led by innovation in tech and in market design',
      'They are powered by innovations in technology and in data analysis',
    ])
    for (const m of facet.members) {
      expect(cut(textOf(m.doc), m.start, m.end)).toBe(m.text)
      expect(result.definitions[m.definition].doc).toBe(m.doc)
    }
    expect(facet.timeline).toEqual({
      dated: [
        { doc: 'alpha', date: '2019-05-01', first: true },
        { doc: 'beta', date: '2021-03-10', first: false },
      ],
      undated: ['gamma'],
    })
    // Pairs of members of different documents, diffed word by word, the first use's first.
    expect(facet.variants.length).toBe(3)
    expect(facet.variants.slice(0, 2).map((v) => [v.a, v.b])).toEqual([
      [0, 1],
      [0, 2],
    ])
    const ab = facet.variants.find((v) => v.a === 0 && v.b === 1)!
    expect(ab.changes?.some((c) => c.op === 'equal' && /innovation/.test(c.a))).toBe(true)
    expect(ab.changes?.some((c) => c.op !== 'equal')).toBe(true)
  })

  it('keeps the CLI fields: term, aliases, definitions with shared phrases and groups', () => {
    expect(result.term).toBe('smart grids')
    for (const d of result.definitions) {
      expect(Object.keys(d)).toEqual(expect.arrayContaining(['doc', 'start', 'end', 'text', 'pattern', 'mention', 'shared', 'group']))
      expect(result.groups[d.group].definitions.map((i) => result.definitions[i])).toContain(d)
    }
  })
})

describe('a term whose stem also occurs in a longer term', async () => {
  const { texts } = await loadFolder(FIXTURE)

  it('"productivity" finds its own definition, not "productive forces" nor "labour productivity growth"', () => {
    const result = findDefinitions(texts, { term: 'productivity' })
    expect(result.definitions.map((d) => d.text)).toEqual(['Productivity is the ratio of output to the labour and capital put in.'])
  })

  it('"productive forces" finds its own definition, not productivity\'s', () => {
    const result = findDefinitions(texts, { term: 'productive forces' })
    expect(result.definitions.map((d) => d.text)).toEqual(['Productive forces are the means of labour and the people who use them.'])
  })
})

describe('judgeMention', () => {
  it('tells definitions from mentions by the frame before the term and the predicate after it', () => {
    expect(judgeMention('', ' mean advanced productivity.')).toMatchObject({ kind: 'definition', pattern: 'means' })
    expect(judgeMention('Marked by innovation, ', ' are, in essence, advanced productivity.')).toMatchObject({ pattern: 'in essence' })
    expect(judgeMention('', ' no longer rely on large inputs.')).toMatchObject({ pattern: 'contrast' })
    expect(judgeMention('The core of ', ' lies in the concepts of “new” and “quality.”')).toMatchObject({ pattern: 'meaning of' })
    expect(judgeMention('In my view, the workers involved in ', ' are digital-intelligent workers.')).toMatchObject({
      pattern: 'constituent',
    })
    expect(judgeMention('', ' is a necessary prerequisite for growth.')).toEqual({ kind: 'mention', mention: 'importance' })
    expect(judgeMention('“', '” is now a buzzword.')).toEqual({ kind: 'mention', mention: 'status' })
    expect(judgeMention('The term ', ' first began appearing in 2023.')).toEqual({ kind: 'mention', mention: 'history' })
    expect(judgeMention('As the concept of ', ' is still relatively new, there are few measures.')).toEqual({
      kind: 'mention',
      mention: 'status',
    })
    // Governed by a preposition or a gerund, or part of a longer noun phrase: not the subject.
    expect(judgeMention('Accelerating the development of ', ' is a fundamental way.')).toBeNull()
    expect(judgeMention('Developing ', ' requires talent.')).toBeNull()
    expect(judgeMention('Traditional ', ' are driven by labour.')).toBeNull()
    // The term as what its driver founds, or as a move away from something: weak definitions.
    expect(judgeMention('Engineers agree that soil science is the foundation for creating ', ' and that it pays.')).toMatchObject({
      kind: 'definition',
      pattern: 'driven by',
      confidence: 0.56,
    })
    expect(judgeMention('Cheap sensors are a necessary prerequisite for developing ', '.')).toBeNull()
    expect(judgeMention('The focus on ', ' marks an important change from ploughing to direct seeding.')).toMatchObject({
      pattern: 'contrast',
      confidence: 0.56,
    })
    expect(judgeMention('The focus on ', ' signals a shift towards soil health.')).toBeNull()
    expect(judgeMention('', ' are shifting from machinery to devices.')).toBeNull()
  })
})

describe('timelineOf', () => {
  it('orders dated documents, marks the earliest and keeps undated ones apart', () => {
    expect(timelineOf(['a', 'b', 'c', 'd'], { a: '2024-04-10', b: '2024-03', c: '', d: 'spring' })).toEqual({
      dated: [
        { doc: 'b', date: '2024-03', first: true },
        { doc: 'a', date: '2024-04-10', first: false },
      ],
      undated: ['c', 'd'],
    })
  })
})

describe('the facet table', async () => {
  const { texts, dates, documents } = await loadFolder(FIXTURE)
  const result = findDefinitions(texts, { term: 'smart grids', dates })
  const columns = documents.map((d) => ({ id: d.id, title: d.title, date: dates[d.id] }))

  it('orders the authors by date, undated last, and leaves a cell empty where an author leaves the element out', () => {
    const table = facetTable(result, columns)
    expect(table.columns.map((c) => c.id)).toEqual(['alpha', 'delta', 'beta', 'gamma'])
    const [row] = table.rows
    expect(row.label).toBe('technological innovation as driver')
    expect(row.cells).toEqual([
      ['driven by technological innovation in metering and storage'],
      [],
      ['led by innovation in tech and in market design'],
      ['They are powered by innovations in technology and in data analysis'],
    ])
    expect(row.first).toBe(0)
    const quoted = table.rows.find((r) => r.quoting.some((q) => q.length))!
    expect(quoted.quoting[0]).toEqual(['Ada Lind'])
  })

  it('writes CSV a spreadsheet reads safely and the Markdown section "How the authors define X"', () => {
    const table = facetTable(result, columns)
    const csv = facetTableToCsv(table)
    expect(csv.startsWith('\ufefffacet,role,Smart grids: a primer (2019-05-01),')).toBe(true)
    expect(csv).toContain('technological innovation as driver,driver,driven by technological innovation in metering and storage,,')
    const md = facetTableToMarkdown(table)
    expect(md.split('\n')[0]).toBe('## How the authors define “smart grids”')
    expect(md).toContain(
      '| **technological innovation as driver** | “driven by technological innovation in metering and storage” *(first)* | — |',
    )
    expect(md).toContain('- Ada Lind: “smart grids are electricity networks')
  })

  it('neutralises a cell that a spreadsheet would run as a formula', () => {
    const table = facetTable(result, [{ id: 'alpha', title: '=HYPERLINK("x")' }])
    expect(facetTableToCsv(table)).toContain(`"'=HYPERLINK(""x"")"`)
  })
})

describe('dates of a plain folder', () => {
  it('come from the dates the texts state, and a text that states none is undated', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'parallax-definitions-'))
    try {
      await writeFile(
        join(dir, 'a.txt'),
        'On grids\nBy A. Writer, 12 March 2022\n\nSmart grids are networks of meters. They are driven by innovation.\n',
      )
      await writeFile(join(dir, 'b.txt'), 'Grids\n\nSmart grids are led by technological innovation in storage.\n')
      const { texts, dates } = await loadFolder(dir)
      expect(dates).toEqual({ a: '2022-03-12' })
      const [facet] = findDefinitions(texts, { term: 'smart grids', dates }).facets
      expect(facet.label).toBe('innovation as driver')
      expect(facet.timeline).toEqual({ dated: [{ doc: 'a', date: '2022-03-12', first: true }], undated: ['b'] })
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})

describe('definitions in the compare panes (renderer/definitions/definition-marks.ts)', async () => {
  const { alignedDefinitions, definitionHeat, definitionOverlays, definitionSelection, facetSelection } =
    await import('../../renderer/definitions/definition-marks.js')
  const { texts, dates } = await loadFolder(FIXTURE)
  const result: DefinitionResult = findDefinitions(texts, { term: 'smart grids', dates })

  it('lines the panes up on a facet’s members, one passage per member', () => {
    const facet = result.facets[0]
    const aligned = alignedDefinitions(result, facetSelection(0))!
    expect(aligned.kind).toBe('kind-definition')
    expect(aligned.passages).toEqual(facet.members.map(({ doc, start, end }) => ({ doc, start, end })))
    expect(new Set(aligned.passages.map((p) => p.doc)).size).toBeGreaterThan(1)
  })

  it('lines a definition up with the definitions grouped with it, the chosen one first', () => {
    const grouped = result.definitions.findIndex((d) => result.groups[d.group].definitions.length > 1)
    expect(grouped).toBeGreaterThanOrEqual(0)
    const d = result.definitions[grouped]
    const aligned = alignedDefinitions(result, definitionSelection(grouped))!
    expect(aligned.passages[0]).toEqual({ doc: d.doc, start: d.start, end: d.end })
    expect(aligned.passages).toHaveLength(result.groups[d.group].definitions.length)
  })

  it('names nothing for an unknown or stale selection', () => {
    expect(alignedDefinitions(result, facetSelection(result.facets.length))).toBeNull()
    expect(alignedDefinitions(result, 'overlap-1')).toBeNull()
    expect(alignedDefinitions(null, facetSelection(0))).toBeNull()
  })

  it('marks each definition of a document, and the chosen passages apart', () => {
    const aligned = alignedDefinitions(result, facetSelection(0))!
    const doc = aligned.passages[0].doc
    const overlays = definitionOverlays(result, doc, aligned)
    const own = result.definitions.filter((d) => d.doc === doc)
    expect(overlays.filter((o) => o.class === 'definition-mark').map((o) => [o.start, o.end])).toEqual(own.map((d) => [d.start, d.end]))
    expect(overlays.filter((o) => o.class === 'definition-selected')).toHaveLength(aligned.passages.filter((p) => p.doc === doc).length)
    expect(definitionHeat(result, doc).map((h) => h.id)).toEqual(
      overlays.filter((o) => o.class === 'definition-mark').map((o) => o.attrs!['data-definition']),
    )
  })
})

// test/fixtures/facets: three authors define "regenerative farming" (north 2020, south 2021,
// west undated) with a genus, a driver, a contrast, a coordinated list of features, a formula of
// constituents and a new component; west also uses "conventional" and "advanced" in passing.
describe('facets: the definitions compared part by part (test/fixtures/facets)', async () => {
  const { texts, dates } = await loadFolder(join(ROOT, 'test/fixtures/facets'))
  const result = findDefinitions(texts, { term: 'regenerative farming', dates })
  const labels = result.facets.map((f) => f.label)
  const facet = (label: string) => {
    const f = result.facets.find((x) => x.label === label)
    expect(f, `facet “${label}” among ${JSON.stringify(labels)}`).toBeDefined()
    return f!
  }
  const docsOf = (label: string) => [...facet(label).docs].sort()

  it('names each element with its role: genus, driver, contrast, constituent', () => {
    expect(facet('advanced agronomy as genus').role).toBe('genus')
    expect(facet('soil biology as driver').role).toBe('driver')
    expect(facet('contrast with conventional tillage').role).toBe('contrast')
    // West's "soil biology is the foundation for creating regenerative farming" names the driver too.
    expect(docsOf('soil biology as driver')).toEqual(['north', 'south', 'west'])
  })

  it('keeps a coordinated list of components one facet, with no row for its words alone', () => {
    expect(docsOf('low cost, low emissions and low waste')).toEqual(['north', 'south'])
    expect(facet('low cost, low emissions and low waste').members.map((m) => m.text)).toEqual([
      'features low cost, low emissions and low waste',
      'Regenerative farming is advanced agronomy with low cost, low emissions and low waste',
    ])
    expect(labels.filter((l) => /\b(?:low|cost|emissions|waste)\b/.test(l))).toHaveLength(1)
  })

  it('keeps a formula of constituents one facet, and a sentence about one constituent in its family', () => {
    const formula = facet('farmers, tools of cultivation, objects of cultivation and their careful combinations as constituents')
    expect(formula.role).toBe('constituent')
    // In the order of the documents' dates, the undated (west) last.
    expect(formula.members.map((m) => [m.doc, m.text.slice(0, 40)])).toEqual([
      ['north', 'taking the improvement of farmers, tools'],
      ['south', 'The farmers involved in regenerative far'],
      ['west', 'Regenerative farming consists of the imp'],
    ])
    expect(labels.filter((l) => /\b(?:farmers|cultivation)\b/.test(l))).toHaveLength(1)
  })

  it('takes an adjective alone for no element: "advanced" is neither a driver nor a facet', () => {
    expect(labels.some((l) => /^advanced\b(?! agronomy)/.test(l))).toBe(false)
    // "focused on economic and social innovation", "based on economic and social knowledge": two
    // adjectives of different things, no driver.
    expect(labels.some((l) => /\b(?:economic|social)\b/.test(l))).toBe(false)
    // West's "advanced sensors" is not a definition's genus.
    expect(facet('advanced agronomy as genus').members.every((m) => m.text.includes('advanced agronomy'))).toBe(true)
  })

  it('takes contrasts only where the sentence contrasts', () => {
    const contrast = facet('contrast with conventional tillage')
    expect(contrast.members.map((m) => m.text)).toEqual([
      'that is free from conventional tillage and chemical inputs',
      'as opposed to conventional tillage',
    ])
    // What the other side is driven by is not a driver of the term.
    expect(result.facets.some((f) => f.role === 'driver' && f.members.some((m) => /heavy machinery/.test(m.text)))).toBe(false)
    expect(result.facets.some((f) => f.members.some((m) => /conventional fences/.test(m.text)))).toBe(false)
  })

  it('aligns "new components like compost" with "one of the new elements": compost as a constituent', () => {
    const compost = facet('compost as constituent')
    expect(compost.members.map((m) => [m.doc, m.text])).toEqual([
      ['south', 'led by soil biology and new components like compost'],
      ['west', 'Compost is one of the new elements of regenerative farming'],
    ])
  })

  it('lists each element once: no two rows with one label or the same members', () => {
    expect(new Set(labels).size).toBe(labels.length)
    const memberSets = result.facets.map((f) => f.members.map((m) => `${m.doc}:${m.start}-${m.end}`).join(' '))
    expect(new Set(memberSets).size).toBe(memberSets.length)
    expect(labels).toHaveLength(6)
  })
})
