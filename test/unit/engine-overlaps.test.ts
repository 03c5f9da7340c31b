import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { apartInDocuments, findOverlaps, type Overlap } from '../../main/core/engine/overlaps.js'
import { comparedPairs } from '../../main/core/engine/variant-pairs.js'
import { EngineCancelled, isCancelled } from '../../main/core/engine/progress.js'
import { OffsetMap } from '../../main/core/text/offsets.js'
import { loadFolder } from '../../main/node/engine/inline.js'
import { CORPUS, ROOT, analysed, measuredPair } from '../helpers.js'

const FIXTURES = join(ROOT, 'test/fixtures/engine')

async function overlapsOf(folder: string) {
  const { texts } = await loadFolder(join(FIXTURES, folder))
  return { texts, result: findOverlaps(texts) }
}

/** The overlaps of `texts` (by id). */
function overlapsOfTexts(texts: Record<string, string>): Overlap[] {
  return findOverlaps(Object.entries(texts).map(([id, text]) => ({ id, text }))).overlaps
}

/** Each overlap as its kind and its passages' texts. */
function kindsAndTexts(overlaps: readonly Overlap[]): string[][] {
  return overlaps.map((o) => [o.kind, ...o.passages.map((p) => p.text)])
}

/** Every passage's offsets are code points whose slice is its text. */
function expectExactSlices(texts: { id: string; text: string }[], overlaps: Overlap[]): void {
  for (const o of overlaps) {
    for (const p of o.passages) {
      const text = texts.find((t) => t.id === p.doc)!.text
      expect([...text].slice(p.start, p.end).join('')).toBe(p.text)
      expect(new OffsetMap(text).slice(p.start, p.end)).toBe(p.text)
      // No two passages of a document in one overlap list the same words, nor one holds another.
      for (const q of o.passages) if (q !== p && q.doc === p.doc) expect(q.end <= p.start || q.start >= p.end).toBe(true)
    }
  }
}

describe('findOverlaps on fixtures', () => {
  it('finds an exact copy as one verbatim overlap with exact boundaries', async () => {
    const { texts, result } = await overlapsOf('exact')
    expect(result.overlaps).toHaveLength(1)
    const [o] = result.overlaps
    expect(o.kind).toBe('verbatim')
    expect(o.passages.map((p) => p.doc).sort()).toEqual(['first', 'second'])
    // Where the second document quotes the passage, the quotation marks are its (word-edges.ts),
    // and the full stop inside them; the first's sentence ends at its last word.
    const text = (doc: string) => o.passages.find((p) => p.doc === doc)!.text
    expect(text('first')).toMatch(/^The river authority argued .* within a generation$/)
    expect(text('second')).toBe(`“${text('first')}.”`)
    expectExactSlices(texts, result.overlaps)
    // The pair is compared but has the same words: no variant (it would only repeat the texts).
    expect(comparedPairs(o.passages.map((p) => p.doc))).toEqual([[0, 1]])
    expect(o.variants).toEqual([])
  })

  it('finds a copy in British spelling, near-verbatim, its respelled words as its variants', async () => {
    const { result } = await overlapsOf('spelling')
    expect(result.overlaps).toHaveLength(1)
    const [o] = result.overlaps
    // The same words spelled otherwise: near-verbatim, of similarity 1.
    expect(o.kind).toBe('variant')
    expect(o.similarity).toBe(1)
    expect(o.passages.map((p) => p.text.split(' ').slice(0, 3).join(' ')).sort()).toEqual(['The labor organizers', 'The labour organisers'])
    const changed = o.variants[0].changes!.filter((c) => c.op !== 'equal')
    expect(changed.every((c) => c.op === 'replace')).toBe(true)
    const pairs = changed.map((c) => [c.a, c.b].sort().join('/'))
    expect(pairs).toEqual([
      'labor organizers/labour organisers',
      'harbor center/harbour centre',
      'honor/honour',
      'color/colour',
      'favor/favour',
    ])
  })

  it('tells copies apart by the signs their words are written with: near-verbatim, the signs its variants', () => {
    // sed's manual and its man page, a reviewer's case: the same words but for the signs, read as
    // verbatim copies and "duplicate documents" when a sign was no part of its word.
    const addresses = (first: string, second: string, third: string) =>
      `Addresses. GNU sed also supports some special two-address forms.\n'ADDR1,${first}N'\n    Matches ADDR1 and the lines following ADDR1 until the next line whose input line number is a multiple of N.\nUse 'tail -n ${second}5' to print the file starting with its fifth line, and 'head -n ${third}5' to print all but its last five lines.\n`
    const overlaps = overlapsOfTexts({ info: addresses('~', '+', '-'), man: addresses('+', '', '') })
    expect(overlaps).toHaveLength(1)
    const [o] = overlaps
    expect(o.kind).toBe('variant')
    expect(o.duplicate).toBeUndefined()
    expect(o.similarity).toBe(1)
    const changed = o.variants[0].changes!.filter((c) => c.op !== 'equal')
    expect(changed.map((c) => [c.op, c.a, c.b])).toEqual([
      ['replace', '~N', '+N'],
      ['replace', '+5', '5'],
      ['replace', '-5', '5'],
    ])
    // A minus sign is a hyphen-minus written otherwise: the same word, typography aside.
    const [same] = overlapsOfTexts({ a: addresses('+', '-', '-'), b: addresses('+', '\u2212', '\u2212') })
    expect(same.kind).toBe('verbatim')
  })

  it('tells a setting commented out from the one in use: near-verbatim, the "#" its variant (a tester of /etc)', () => {
    // PostgreSQL's sample configuration and the one installed from it.
    const conf = (mark: string, folder: string) =>
      `# - Connection Settings -\n\n${mark}listen_addresses = 'localhost'\t\t# what IP address(es) to listen on;\n${mark}port = 5432\t\t\t\t# (change requires restart)\n${mark}max_connections = 100\t\t\t# (change requires restart)\n${mark}unix_socket_directories = '${folder}'\t# comma-separated list of directories\n`
    const [o] = overlapsOfTexts({ sample: conf('#', '/tmp'), installed: conf('', '/var/run/postgresql') })
    expect(o.kind).toBe('variant')
    const changed = o.variants[0].changes!.filter((c) => c.op !== 'equal')
    expect(changed.map((c) => [c.a, c.b])).toEqual([
      ['#listen', 'listen'],
      ['#port', 'port'],
      ['#max', 'max'],
      ['#unix', 'unix'],
      ['tmp', 'var/run/postgresql'],
    ])
  })

  it('bridges inserted and deleted words and reports them as a variant', async () => {
    const { texts, result } = await overlapsOf('edits')
    expect(result.overlaps).toHaveLength(1)
    const [o] = result.overlaps
    expect(o.kind).toBe('variant')
    for (const p of o.passages) expect(p.text).toMatch(/^Committee members visited .* science budget\.$/)
    const changes = o.variants[0].changes!
    const a = o.passages[o.variants[0].a]
    const b = o.passages[o.variants[0].b]
    const changed = changes.filter((c) => c.op !== 'equal').map((c) => (c.a + c.b).trim())
    expect(changed.sort()).toEqual(['damaged', 'early', 'old', 'regional'].sort())
    // Change offsets are code points into each document and cut out the change's own text.
    const docA = texts.find((t) => t.id === a.doc)!.text
    const docB = texts.find((t) => t.id === b.doc)!.text
    for (const c of changes) {
      expect([...docA].slice(c.aStart, c.aEnd).join('')).toBe(c.a)
      expect([...docB].slice(c.bStart, c.bEnd).join('')).toBe(c.b)
    }
  })

  it('keeps a passage one text inserts a sentence into whole, though a phrase it repeats matches by chance between its parts (chain.ts)', () => {
    // The phrase both texts repeat makes two chance candidates, its first place in one text
    // against its second in the other, which sort between the two parts of the passage.
    const phrase = 'the regional development fund for coastal towns'
    const before =
      `The council agreed that ${phrase} would pay for new harbour walls, better ferry terminals and the repair of flood barriers along the estuary. ` +
      'Engineers warned that storms had damaged several piers beyond repair, and that insurers refused to cover boats moored there. ' +
      `Residents asked whether ${phrase} could also support small fishing cooperatives and local markets.`
    const after =
      'The treasurer replied that grants would favour projects with matching private investment, audited accounts and a clear plan for maintenance over twenty years. ' +
      'Applications open in March and close at the end of June, after which an independent panel scores every proposal against published criteria.'
    const inserted =
      'A visiting delegation from the northern provinces praised the scheme and promised to copy its rules for their own mountain villages.'
    const overlaps = overlapsOfTexts({
      a: `Minutes of the spring meeting.\n\n${before} ${after}\n\nThe meeting closed at nine.`,
      b: `Report on the spring session.\n\n${before} ${inserted} ${after}\n\nNo other business was raised.`,
    })
    expect(overlaps).toHaveLength(1)
    const [o] = overlaps
    expect(o.kind).toBe('variant')
    for (const p of o.passages) expect([p.text.startsWith('The council'), p.text.endsWith('published criteria.')]).toEqual([true, true])
    // Its words inserted (the full stop before them or theirs is equal, as the diff pairs stops).
    expect(o.variants[0].changes!.filter((c) => c.op !== 'equal').map((c) => [c.op, c.b])).toEqual([['insert', inserted.slice(0, -1)]])
  })

  it('keeps three editions of an article whole, each inserting sentences at other places (chain.ts: a chance match is skipped, never joined)', async () => {
    // Four paragraphs of one bundled article, once as written, once with a sentence inserted at
    // its middle, once with two sentences inserted at its thirds. The article repeats its phrases
    // ("new quality productive forces"), which match at their other places between the parts.
    const article = await readFile(join(CORPUS, 'shi-jianxun-strategic-significance.txt'), 'utf8')
    const paragraphs = article.split('\n').filter((p) => p.split(/\s+/).length > 40)
    const sentences = paragraphs
      .slice(2, 6)
      .join(' ')
      .split(/(?<=[.!?])\s+/)
    // (Sentences of their own: one both inserted, at other places, would be a sentence moved.)
    const [one, two, three] = [
      'The committee also noted that regional pilot programmes in Guangdong and Zhejiang had produced mixed results over the previous two fiscal years.',
      'Critics in several provincial newspapers argued that the targets were too ambitious and poorly specified.',
      'A delegation of engineers from the northern provinces visited three pilot factories and reported on their energy use.',
    ]
    const [half, third] = [Math.floor(sentences.length / 2), Math.floor(sentences.length / 3)]
    const overlaps = overlapsOfTexts({
      a: sentences.join(' '),
      b: [...sentences.slice(0, half), one, ...sentences.slice(half)].join(' '),
      c: [...sentences.slice(0, third), three, ...sentences.slice(third, 2 * third), two, ...sentences.slice(2 * third)].join(' '),
    })
    expect(overlaps.map((o) => [o.kind, o.passages.map((p) => p.doc)])).toEqual([['variant', ['a', 'b', 'c']]])
    for (const p of overlaps[0].passages)
      expect([p.text.startsWith(sentences[0]), p.text.endsWith(sentences.at(-1)!)]).toEqual([true, true])
  })

  it('keeps list items given in another order apart, a moved item being no chance match to join past (a reviewer: items 0-5 as 0, 5, 2, 4, 3, 1)', () => {
    const items = [
      'Itself macro competitions solid backlash internet watchers for capability.',
      'Realization political digitalize and underlying creativity by foster improvement a thailand.',
      'Creating and circuit the consumption the states in diversification accelerate with northeastern.',
      'Intended guangzhou following refer colleges with reach reply shanghai bodies qualitative of attending and levels accuracy fleshed.',
      'Material in conservation to military sessions addition influence tools software for below layout arouse and completely and maintain.',
      'Premier of energy a modes national digitization these indicators nation.',
    ]
    const list = (order: number[]) => order.map((i) => `  * ${items[i]}`).join('\n')
    const overlaps = overlapsOfTexts({
      a: `pkg (1.2-1) unstable; urgency=low\n\n${list([0, 1, 2, 3, 4, 5])}\n\n -- Jane Roe <jane@example.org>  Mon, 01 Jan 2024\n`,
      b: `pkg (1.2) upstream\n\n${list([0, 5, 2, 4, 3, 1])}\n`,
    })
    // Each item moved is a verbatim overlap of its own (item 3 had been joined to the items before
    // it across item 4, which the other text gives before it).
    const shown = overlaps.map((o) => [o.kind, o.passages.map((p) => p.text)])
    for (const i of [1, 3, 4, 5]) expect(shown).toContainEqual(['verbatim', [items[i], items[i]]])
  })

  it("keeps items two change logs give in another order apart, not joined past a chance match (a reviewer: xdg-utils' change logs)", async () => {
    // Debian's change log lists four upstream items in one order, upstream's in another; short
    // items, each a shared line of its own, are no chance matches to join a passage past.
    const { result } = await overlapsOf('reordered-items')
    const items = [
      'xdg-settings: Detect generic DE instead of failing.',
      'xdg-open, xdg-email: Add iceweasel to the list of fallback browsers.',
      'xdg-open: Fall back to generic mode if gvfs-open and gnome-open are missing.',
      'xdg-mime: Check ~/.config/mimeapps.list',
    ]
    const flat = (t: string) => t.replace(/\s+/g, ' ')
    for (const item of items) {
      const holding = result.overlaps.filter((o) => o.passages.every((p) => flat(p.text).includes(item)))
      expect(holding.map((o) => [o.kind, o.passages.map((p) => flat(p.text))])).toEqual([['verbatim', [item, item]]])
    }
  })

  it('gives a copy that drops its negations a similarity below 1 (a reviewer: "is not a SYSTEM library", similarity 1)', () => {
    const text = (not: string) =>
      `Specifies that an imported target is ${not}a SYSTEM library.  This has the following effects: entries of ` +
      `INTERFACE_INCLUDE_DIRECTORIES are ${not}treated as SYSTEM include directories when compiling consumers of the target.`
    const { overlaps } = findOverlaps([
      { id: 'no-system', text: text('not ') },
      { id: 'system', text: text('') },
    ])
    expect(overlaps).toHaveLength(1)
    expect(overlaps[0].kind).toBe('variant')
    expect(overlaps[0].similarity).toBeLessThan(0.98)
    expect(overlaps[0].variants[0].changes!.filter((c) => c.op !== 'equal').map((c) => c.a)).toEqual(['not', 'not'])
    // A negation that is a content word ("never") weighs as any other content word one side lacks, once.
    const similarity = (word: string) =>
      findOverlaps([
        { id: 'with', text: text(`${word} `) },
        { id: 'without', text: text('') },
      ]).overlaps[0].similarity
    expect(similarity('never')).toBe(similarity('always'))
  })

  it("starts and ends no passage inside a name of code (a reviewer of CMake's help: 219 of 654 overlaps did)", () => {
    const text = (name: string, variable: string) =>
      `${name} is embedded in the shared library when it is linked and is checked by the dynamic loader whenever ` +
      `a dependent binary is started; see the ${variable} variable.`
    const { overlaps } = findOverlaps([
      { id: 'compatibility', text: text('FOO_COMPATIBILITY_VERSION', 'PROJECT_DESCRIPTION') },
      { id: 'current', text: text('FOO_CURRENT_VERSION', 'PROJECT_NAME') },
    ])
    // The sentences, whole names and all: a near-verbatim copy, the names its changes
    // (sentence-tails.ts verbatimTails); never a piece of a name.
    expect(overlaps).toHaveLength(1)
    expect(overlaps[0].kind).toBe('variant')
    expect(overlaps[0].passages.map((p) => p.text.replace(/ is embedded .* is started; see the /, ' … '))).toEqual([
      'FOO_COMPATIBILITY_VERSION … PROJECT_DESCRIPTION variable.',
      'FOO_CURRENT_VERSION … PROJECT_NAME variable.',
    ])
    // A name in one text and a word of its own in the other: the passages stay alike, both
    // without the word the name starts with; the sentences' ends, which differ, are changes.
    const named = findOverlaps([
      { id: 'name', text: text('FOO_VERSION', 'PROJECT_NAME') },
      { id: 'word', text: text('FOO_VERSION', 'PROJECT manual page and the') },
    ]).overlaps
    expect(named).toHaveLength(1)
    for (const p of named[0].passages) expect(p.text).toMatch(/^FOO_VERSION is embedded .* is started; see the PROJECT[ _]/)
  })

  it('ends no passage on a lone piece of an address that goes on outside it (a reviewer: "Changelog, https")', () => {
    // Two package descriptions alike up to their projects' addresses, which differ from the host
    // on and are longer than a written word's edge takes whole (word-edges.ts MAX_PIECES_TAKEN).
    const text = (address: string, after: string) =>
      'The library parses and validates configuration files, reports every error with its line and column, and ' +
      `keeps comments when it writes a file back. Report problems at ${address}\n\n${after}`
    const { overlaps } = findOverlaps([
      {
        id: 'alpha',
        text: text(
          'https://code.one/alpha/tickets/new/form/entry/default/view',
          'Orchards bloom early in the valley while the river runs high.',
        ),
      },
      {
        id: 'beta',
        text: text(
          'https://forge.two/beta/bugs/list/all/open/latest/page',
          'Harbour cranes unload grain at dawn before the ferries leave.',
        ),
      },
    ])
    expect(overlaps).toHaveLength(1)
    expect(overlaps[0].kind).toBe('verbatim')
    for (const p of overlaps[0].passages) expect(p.text).toMatch(/when it writes a file back\. Report problems at$/)
    // An e-mail address with its "mailto:" (a reviewer: "... to mailto").
    const mail = findOverlaps([
      { id: 'alpha', text: text('mailto:security@code.one', 'Orchards bloom early in the valley while the river runs high.') },
      { id: 'beta', text: text('mailto:reports@forge.two', 'Harbour cranes unload grain at dawn before the ferries leave.') },
    ]).overlaps
    expect(mail).toHaveLength(1)
    for (const p of mail[0].passages) expect(p.text).toMatch(/when it writes a file back\. Report problems at$/)
  })

  it('starts no passage at the section of a manual page\'s name ("1), CREATE DATABASE" of "dropdb(1)")', () => {
    // The pages' texts differ up to the name, and go on alike from its section on.
    const text = (before: string, page: string) =>
      `${before}\n\n${page}(1), psql(1), pg_dump(1), pg_restore(1), vacuumdb(1), clusterdb(1), reindexdb(1) and the environment variables of libpq\n`
    const { overlaps } = findOverlaps([
      { id: 'createdb', text: text('Orchards bloom early in the valley', 'dropdb') },
      { id: 'createuser', text: text('Harbour cranes unload grain at dawn', 'dropuser') },
    ])
    expect(overlaps).toHaveLength(1)
    for (const p of overlaps[0].passages) expect(p.text).not.toMatch(/^1\)/)
  })

  it('takes an edited copy\'s passages to their sentence\'s end where both stop a few words short (a reviewer: "See also the")', () => {
    const text = (see: string) =>
      'A semicolon-separated list specifying runtime path entries to add to binaries linked in the build tree (for platforms ' +
      `that support it).  The entries will not be used for binaries in the install tree.  See also the ${see}.\n\nMore text.`
    const { overlaps } = findOverlaps([
      { id: 'property', text: text(':prop_tgt:`INSTALL_RPATH` target property') },
      { id: 'variable', text: text(':variable:`CMAKE_INSTALL_RPATH` variable').replace('linked in', 'built in') },
    ])
    expect(overlaps).toHaveLength(1)
    expect(overlaps[0].kind).toBe('variant')
    expect(overlaps[0].passages.map((p) => p.text.slice(-48))).toEqual(
      ['See also the :prop_tgt:`INSTALL_RPATH` target property.', 'See also the :variable:`CMAKE_INSTALL_RPATH` variable.'].map((t) =>
        t.slice(-48),
      ),
    )
    expect(overlaps[0].variants[0].changes!.filter((c) => c.op !== 'equal').map((c) => [c.a, c.b])[0]).toEqual(['linked', 'built'])
  })

  it('reports a whole sentence both texts have word for word, though it has fewer than six content words', () => {
    const { overlaps } = findOverlaps([
      {
        id: 'compiler-id',
        text: 'Compiler identification string.\n\nA short string unique to the compiler vendor.  Possible values include GNU, Clang and MSVC.\n\nThis variable is not guaranteed to be defined for all compilers or\nlanguages.\n',
      },
      {
        id: 'compiler-version',
        text: 'Compiler version.\n\nCompiler version in major.minor.patch format.  This\nvariable is not guaranteed to be defined for all compilers or\nlanguages.\n',
      },
    ])
    expect(overlaps.map((o) => [o.kind, ...o.passages.map((p) => p.text.replace(/\s+/g, ' '))])).toEqual([
      [
        'verbatim',
        'This variable is not guaranteed to be defined for all compilers or languages.',
        'This variable is not guaranteed to be defined for all compilers or languages.',
      ],
    ])
    // Not a part of a sentence: "is not guaranteed to be defined for all compilers" in two others.
    const parts = findOverlaps([
      { id: 'a', text: 'The value is not guaranteed to be defined for all compilers of the family we ship.' },
      { id: 'b', text: 'Its name is not guaranteed to be defined for all compilers and linkers on a platform.' },
    ]).overlaps
    expect(parts).toEqual([])
  })

  it('reports the whole end of a sentence both texts have word for word, where the texts part before it (pg_dump and pg_restore, a tester)', () => {
    // Five content words; before, only the paraphrase pass found it, and lost it once other
    // documents made its words common.
    const pages = [
      {
        id: 'pg_dump',
        text: 'Dumps can be output in script or archive file formats. Script dumps are\nplain-text files containing the SQL commands required to reconstruct\nthe database to the state it was in at the time it was saved. To\nrestore from such a script, feed it to psql.\n',
      },
      {
        id: 'pg_restore',
        text: 'pg_restore is a utility for restoring a PostgreSQL database from an\narchive created by pg_dump in one of the non-plain-text formats. It\nwill issue the commands necessary to reconstruct the database to the\nstate it was in at the time it was saved. The archive files also allow\npg_restore to be selective about what is restored.\n',
      },
    ]
    const shared = 'to reconstruct the database to the state it was in at the time it was saved.'
    const { overlaps } = findOverlaps(pages, { paraphrase: false })
    expect(overlaps).toHaveLength(1)
    for (const p of overlaps[0].passages) expect(p.text.replace(/\s+/g, ' ')).toContain(shared)
    // Under twelve words, the end of a sentence is not enough (nine, four content words).
    const short = findOverlaps(
      [
        { id: 'a', text: 'The old tool could only reconstruct the database at the time it was saved.' },
        { id: 'b', text: 'A full backup will always reconstruct the database at the time it was saved.' },
      ],
      { paraphrase: false },
    ).overlaps
    expect(short).toEqual([])
  })

  it('keeps reordered clauses in one overlap', async () => {
    const { result } = await overlapsOf('reordered')
    expect(result.overlaps).toHaveLength(1)
    const [o] = result.overlaps
    expect(o.kind).toBe('variant')
    for (const p of o.passages) {
      expect(p.text).toContain('customs house at the ford lost most of its revenue')
      expect(p.text).toContain('merchants rerouted their caravans through the mountain pass')
      expect(p.text).toContain('the bridge had been closed since the storm')
    }
  })

  it('makes one overlap of a passage shared by three documents', async () => {
    const { result } = await overlapsOf('three')
    expect(result.overlaps).toHaveLength(1)
    const [o] = result.overlaps
    expect(o.passages.map((p) => p.doc).sort()).toEqual(['essay', 'lecture', 'review'])
    expect(o.kind).toBe('verbatim')
    expect(comparedPairs(o.passages.map((p) => p.doc))).toEqual([
      [0, 1],
      [0, 2],
      [1, 2],
    ])
    expect(o.variants).toEqual([])
  })

  it('lists variants only for the pairs whose words differ', async () => {
    // Two identical copies of a passage and an edited third (the edits fixture's two versions).
    const { texts } = await overlapsOf('edits')
    const copy = { id: 'copy', text: texts.find((t) => t.id === 'minutes')!.text }
    const { overlaps } = findOverlaps([...texts, copy])
    const o = overlaps.find((x) => x.passages.length === 3)!
    expect(o.passages.map((p) => p.doc).sort()).toEqual(['copy', 'minutes', 'report'])
    const report = o.passages.findIndex((p) => p.doc === 'report')
    // Of the three pairs compared, the copies' has the same words: the two with the report remain.
    expect(o.variants).toHaveLength(2)
    for (const v of o.variants) {
      expect([v.a, v.b]).toContain(report)
      const changed = v.changes!.filter((c) => c.op !== 'equal').map((c) => (c.a + c.b).trim())
      expect(changed.sort()).toEqual(['damaged', 'early', 'old', 'regional'].sort())
    }
  })

  it('reports nothing for documents that share only their topic phrase', async () => {
    const { result } = await overlapsOf('topic')
    expect(result.overlaps).toEqual([])
  })

  it('counts offsets in code points after astral characters', async () => {
    const { texts, result } = await overlapsOf('astral')
    expect(result.overlaps).toHaveLength(1)
    const astral = result.overlaps[0].passages.find((p) => p.doc === 'astral')!
    const text = texts.find((t) => t.id === 'astral')!.text
    expect(text.indexOf('The river authority')).toBeGreaterThan(astral.start) // UTF-16 is further on
    expectExactSlices(texts, result.overlaps)
  })

  it('reports a restated sentence as a paraphrase', async () => {
    const { result } = await overlapsOf('paraphrase')
    expect(result.overlaps).toHaveLength(1)
    expect(result.overlaps[0].kind).toBe('paraphrase')
    for (const p of result.overlaps[0].passages) expect(p.text).toMatch(/lagoon/)
  })

  it('reports a clause restated inside longer, different sentences as a paraphrase of the clauses', async () => {
    const { texts, result } = await overlapsOf('clause')
    expect(result.overlaps).toHaveLength(1)
    const [o] = result.overlaps
    expect(o.kind).toBe('paraphrase')
    expect(o.passages.map((p) => p.text).sort()).toEqual([
      'grain merchants could lose overseas contracts to the northern ports',
      'grain merchants will lose their export contracts to the northern ports',
    ])
    expectExactSlices(texts, result.overlaps)
  })

  describe('a phrase restated inside clauses that say more (paraphrase.ts: cores)', () => {
    // Two reports, each with one sentence that says more than the phrase they share.
    const texts = (a: string, b: string) => [
      {
        id: 'harbour',
        text: `The harbour board met on Thursday to discuss the winter timetable for the ferries. The mayor said the toll would bring ${a}. Members also thanked the volunteers who repainted the lighthouse.`,
      },
      {
        id: 'trade',
        text: `Trade Weekly visited the market square, where stallholders were selling the last of the summer apples. As the council stresses regional unity and the role of private lenders in repairing the harbour walls, ${b}. The editor wishes all readers a calm season.`,
      },
    ]
    const found = (a: string, b: string) => findOverlaps(texts(a, b)).overlaps.map((o) => [o.kind, ...o.passages.map((p) => p.text)])

    it('reports the phrase, from the first to the last word the two share', () => {
      // As whole clauses the two say different things (cosine 0.29); read from "new" to
      // "cooperatives" they say one (0.65).
      expect(
        found(
          'about a series of new costs and chances for small fishing cooperatives and their crews',
          'a myriad of new chances are emerging for small fishing cooperatives and families',
        ),
      ).toEqual([
        ['paraphrase', 'new costs and chances for small fishing cooperatives', 'new chances are emerging for small fishing cooperatives'],
      ])
    })

    it('does not when the shared words stand in another order', () => {
      expect(
        found(
          'about a series of new costs and chances for small fishing cooperatives and their crews',
          'fishing cooperatives with small chances are emerging across the north',
        ),
      ).toEqual([])
    })

    it('does not when the phrase is the same words, too short to be shared text', () => {
      expect(
        found(
          'about a series of debts for small fishing cooperatives of the north and their crews',
          'grants are emerging for small fishing cooperatives of the north and families',
        ),
      ).toEqual([])
    })
  })

  it('makes no paraphrase of one phrase two claims write alike (paraphrase.ts: phraseQuoted)', () => {
    // Four words alike, too few to be shared text; the clauses around them say different things
    // (cosine 0.70 and 0.85).
    expect(
      overlapsOfTexts({
        pcre: 'PCRE2 for Debian\n\nThis is PCRE2, the newer version of the PCRE (perl-compatible regular\nexpression) library. New projects should use this library.\n',
        pgrep: 'pgrep looks up processes.  If you are looking for Perl compatible regular\nexpression grep, it is called pcregrep.\n',
      }),
    ).toEqual([])
  })

  it("reports a restatement that keeps a run of the other side's words", () => {
    // Five words alike ("real problems noticed by gcc 12"), too few for shared text; the rest
    // said again in other forms.
    expect(
      kindsAndTexts(
        overlapsOfTexts({
          maint:
            'Git 2.36.2 Release Notes\n========================\n\nFixes since v2.36.1\n-------------------\n\n * Fixes real problems noticed by gcc 12 and works around false\n   positives.\n\n * Update URL to the gitk repository.\n',
          feature:
            'Git v2.37 Release Notes\n=======================\n\n * Some real problems noticed by gcc 12 have been fixed, while false\n   positives have been worked around.\n\n * Update the version of FreeBSD image used in Cirrus CI.\n',
        }),
      ),
    ).toEqual([
      [
        'paraphrase',
        'Fixes real problems noticed by gcc 12 and works around false\n   positives.',
        'Some real problems noticed by gcc 12 have been fixed, while false\n   positives have been worked around.',
      ],
    ])
  })

  it('starts a paraphrase at the negation that governs its clause (a reviewer: "longer leaves behind a temporary file")', async () => {
    // Two Debian NEWS files (coreutils, sed); the sed clause begins after a quotation's semicolon.
    const { result } = await overlapsOf('negation')
    expect(kindsAndTexts(result.overlaps)).toEqual([
      [
        'paraphrase',
        'mktemp no longer leaves a temporary file behind if it was unable to\n  output the name of the file to stdout.',
        'no longer\n  leaves behind a temporary file.',
      ],
    ])
  })

  it('reports a line with one word changed as near-verbatim, though too short for a seed (order.ts editedWords)', async () => {
    // Three coreutils man pages (a reviewer: "every directory processed" was a paraphrase of "every
    // file processed"). Two of the three passages are the same words, rmdir's edited.
    const { result } = await overlapsOf('edited-line')
    const line = result.overlaps.find((o) => o.passages.some((p) => p.doc === 'rmdir'))!
    expect(line.variants.flatMap((v) => (v.changes ?? []).filter((c) => c.op !== 'equal').map((c) => [c.op, c.a, c.b]))).toEqual([
      ['replace', 'file', 'directory'],
      ['replace', 'file', 'directory'],
    ])
    expect(kindsAndTexts([line])).toEqual([
      [
        'variant',
        '-v, --verbose\n              output a diagnostic for every file processed',
        '-v, --verbose\n              output a diagnostic for every file processed',
        '-v, --verbose\n              output a diagnostic for every directory processed',
      ],
    ])
    expect(line.pairKinds).toEqual({ verbatim: 0, variant: 2, paraphrase: 0 })
  })

  it('reports copies of one sentence edited in different words as near-verbatim, though their pairs read as restatements (order.ts editedAround)', async () => {
    // Sections of GPL-2, GPL-3, LGPL-2 and LGPL-2.1 (a reviewer of /usr/share/common-licenses): "the
    // only way you could satisfy both it and this License would be to refrain entirely from
    // distribution of the Program", GPL-3 with "those terms" and "conveying", the LGPL with "the
    // Library". The paraphrase pass found GPL-3 against each LGPL as a restatement (four words
    // changed of nineteen: editedWords' share), and against GPL-2 as an edited copy.
    const { result } = await overlapsOf('licence-versions')
    const o = result.overlaps.find((x) => x.passages.some((p) => p.text.includes('satisfy both those terms')))!
    expect(o.pairKinds).toEqual({ verbatim: 0, variant: 1, paraphrase: 2 })
    expect(o.kind).toBe('variant')
    expect(o.passages.map((p) => p.doc)).toEqual(['gpl-2', 'gpl-3', 'lgpl-2-1', 'lgpl-2'])
    expect(o.variants.map((v) => [v.a, v.b, (v.changes ?? []).filter((c) => c.op !== 'equal').map((c) => [c.a, c.b])])).toEqual([
      [
        0,
        1,
        [
          ['it', 'those terms'],
          ['distribution of', 'conveying'],
        ],
      ],
      [0, 2, [['Program', 'Library']]],
      [0, 3, [['Program', 'Library']]],
      [
        1,
        2,
        [
          ['those terms', 'it'],
          ['conveying the Program', 'distribution of the Library'],
        ],
      ],
      [
        1,
        3,
        [
          ['those terms', 'it'],
          ['conveying the Program', 'distribution of the Library'],
        ],
      ],
    ])
  })

  it("describes an overlap by its best pair of the overlap's kind (a reviewer: verbatim, similarity 0.546)", async () => {
    // Three coreutils man pages sharing a sentence word for word; cp and mv share an option
    // more, cp with another option between (a variant pair, the best scored). Three verbatim
    // pairs were matched, but the passages, as a reader compares them, all differ: cp's goes on
    // with two options, mv's with one, install's stops at the sentence (overlaps.ts closeKind),
    // and each pair is counted so (kindsAsShown).
    const { result } = await overlapsOf('kind-described')
    expect(result.overlaps).toHaveLength(1)
    const [o] = result.overlaps
    expect(o.pairKinds).toEqual({ verbatim: 0, variant: 4, paraphrase: 0 })
    expect(o.variants).toHaveLength(3)
    expect(o.kind).toBe('variant')
    // Described by its variant pair (cp / mv), not by a verbatim one.
    expect(o.similarity).toBeLessThan(1)
    expect(o.words).toBeGreaterThan(10)
  })

  it("counts its pairs as the kinds they read as where the passages are shown (a reviewer of CMake's help: near-verbatim in 0 of its pairs)", () => {
    // Two pages of one command's signature, and a copy of one of them: matched from "BUILD" on,
    // word for word; shown, each passage starts with its whole command's name, and the two
    // names differ. The pairs of different names are near-verbatim as shown; the copies' pair,
    // verbatim. The overlap's kind is among its pairs' (the variants panel says "near-verbatim
    // in 2 of 3 pairs, verbatim in 1", not "in 0 of 3").
    const signature = (name: string) =>
      `${name}\n${'-'.repeat(name.length)}\n\n::\n\n  ${name}([BUILD <build-dir>] [APPEND]\n    [START <start-number>]\n    [END <end-number>]\n    [STRIDE <stride-number>]\n    [EXCLUDE <exclude-regex>]\n    [INCLUDE <include-regex>]\n    [EXCLUDE_LABEL <label-exclude-regex>]\n    [INCLUDE_LABEL <label-include-regex>])\n`
    const [o, ...rest] = overlapsOfTexts({
      memcheck: signature('ctest_memcheck'),
      test: signature('ctest_test'),
      copy: `The test step.\n\n${signature('ctest_test')}`,
    })
    expect(rest).toEqual([])
    expect(o.passages.map((p) => p.text.split('(')[0].split(/\s+/).pop())).toEqual(['ctest_memcheck', 'ctest_test', 'ctest_test'])
    expect(o.kind).toBe('variant')
    expect(o.pairKinds).toEqual({ verbatim: 1, variant: 2, paraphrase: 0 })
  })

  it('judges the kind on the passages it shows (a reviewer: seven passages alike, said to be near-verbatim)', async () => {
    // The "Default Dependencies" sections of eight systemd manual pages (systemd 252): seven
    // open with the same heading and sentence. Matched, some passages began a line or two
    // earlier, where the pages differ; shown, each starts at the heading (next-item.ts), and the
    // seven are the same words.
    const { result } = await overlapsOf('kind-shown')
    const heading = result.overlaps.filter(
      (o) => o.passages.length === 7 && o.passages.every((p) => p.text.startsWith('Default Dependencies')),
    )
    expect(heading).toHaveLength(1)
    expect(new Set(heading[0].passages.map((p) => p.text.replace(/\s+/g, ' '))).size).toBe(1)
    expect(heading[0].kind).toBe('verbatim')
    expect(heading[0].variants).toEqual([])
  })

  it('describes an overlap by the passages it shows, not by the words first matched (a reviewer: 17 words beside 16)', () => {
    // Two manual pages' option, alike up to "whitespace."; the match went on to "The groups",
    // which the passages no longer hold (dangling-edges.ts). Its figures were the match's.
    const option = [
      '-G, --groups GROUP1[,GROUP2,...[,GROUPN]]]',
      '    A list of supplementary groups which the user is also a member of.',
      '    Each group is separated from the next by a comma, with no',
      '    intervening whitespace. The groups',
    ].join('\n')
    const overlaps = overlapsOfTexts({
      useradd: `${option} are subject to the same\n    restrictions as the group given with the -g option.\n`,
      usermod: `${option} must exist.\n\n    If the user is currently a member of a group which is not listed,\n`,
    })
    expect(overlaps).toHaveLength(1)
    const [o] = overlaps
    expect(o.kind).toBe('verbatim')
    expect(o.passages[0].text).toMatch(/intervening whitespace\.$/)
    // The same figures as the two passages give compared alone.
    const [alone] = overlapsOfTexts({ useradd: o.passages[0].text, usermod: o.passages[1].text })
    expect(alone.passages.map((p) => p.text)).toEqual(o.passages.map((p) => p.text))
    expect([o.words, o.similarity]).toEqual([alone.words, alone.similarity])
    expect(o.words).toBe(16)
  })

  it("gives an overlap's similarity as the share of its passages' words in common, a rare word weighing as any other", () => {
    // Four manual pages of one subject, each naming its program in every sentence, copy a sentence
    // with their own names in it. Weighed by rarity, the names (each in one page) outweigh the
    // words the copies share (in every page): the similarity a pair is judged by is low (0.28).
    const page = (name: string, own: string) =>
      [
        `${name} compresses files with its own fast method. Compressed files of ${name} decompress on any system, and ${name} checks them.`,
        own,
        `The ratio ${name} reached for the files is reported, and ${name} runs on large files to show how it compares.`,
      ].join('\n\n')
    const documents = Object.entries({
      lz4: page('lz4', 'Concatenated files decompress as one.'),
      xz: page('xz', 'A file of several streams decompresses as one.'),
      gzip: page('gzip', 'A single file is possible to decompress in place.'),
      bzip2: page('bzip2', 'Decompress a single file in place; concatenate files on any system.'),
    }).map(([id, text]) => ({ id, text }))
    const [o] = findOverlaps(documents).overlaps.filter((x) => x.passages.some((p) => p.text.startsWith('The ratio lz4')))
    expect(o.passages.map((p) => p.doc)).toEqual(['lz4', 'xz', 'gzip', 'bzip2'])
    const [lz4, xz] = o.passages
    const measured = measuredPair(documents, lz4, xz)
    expect(measured.similarity).toBeLessThan(0.5)
    // Shown: the words the two passages share, of all their words (Dice), as a reader counts them.
    const [a, b] = analysed(lz4.text, xz.text)
    expect(o.words).toBe(measured.shared)
    expect(o.similarity).toBe(Math.round(((2 * measured.shared) / (a.content.length + b.content.length)) * 1000) / 1000)
    expect(o.similarity).toBeGreaterThan(0.75)
  })

  it('describes an overlap by its passages as shown, their sentences taken in whole (a reviewer: "-f, --force", 0.947)', () => {
    // Two manual pages' option, alike up to "exists,": the passages are taken to their sentences'
    // ends (sentence-tails.ts), where they differ. Its figures were those of the words before.
    const documents = [
      {
        id: 'lz4',
        text: 'OPTIONS\n\n-f --[no-]force\n    This option has several effects: If the target file already exists,\n    overwrite it without prompting.\n\n-k --keep\n    Keep the input file.\n',
      },
      {
        id: 'xz',
        text: 'OPTIONS\n\n-f, --force\n    This option has several effects: If the target file already exists,\n    delete it before compressing or decompressing.\n\n-q, --quiet\n    Suppress warnings.\n',
      },
    ]
    const overlaps = findOverlaps(documents).overlaps
    expect(overlaps).toHaveLength(1)
    const [o] = overlaps
    expect(o.kind).toBe('variant')
    expect(o.passages.map((p) => p.text.split(/\s+/).slice(-2).join(' '))).toEqual(['without prompting.', 'or decompressing.'])
    const measured = measuredPair(documents, o.passages[0], o.passages[1])
    expect([o.words, o.similarity]).toEqual([measured.shared, Math.round(measured.dice * 1000) / 1000])
    expect(o.similarity).toBeLessThan(0.8)
  })

  it('lists no paraphrase shown inside another overlap (a tester: the BSD and MIT disclaimers twice)', async () => {
    // Pieces of Debian copyright files: the BSD licence's disclaimer in three (one with a word
    // inserted), the MIT licence's in one. As clustered, the paraphrase of BSD's and MIT's
    // disclaimers reached past the near-verbatim overlap of the three; cut at their sentences,
    // both were the same passages.
    const { texts, result } = await overlapsOf('paraphrase-shown-inside')
    const shownInside = (o: Overlap, h: Overlap) =>
      o.passages.every((p) =>
        h.passages.some((q) => q.doc === p.doc && Math.min(p.end, q.end) - Math.max(p.start, q.start) >= 0.8 * (p.end - p.start)),
      )
    const disclaimer = result.overlaps.find(
      (o) => o.kind === 'variant' && o.passages.some((p) => p.doc === 'd3' && p.text.startsWith('THE SOFTWARE IS PROVIDED')),
    )
    expect(disclaimer?.passages.map((p) => p.doc)).toEqual(['d1', 'd2', 'd3'])
    for (const o of result.overlaps)
      if (o.kind === 'paraphrase') for (const h of result.overlaps) if (h !== o) expect(shownInside(o, h)).toBe(false)
    expectExactSlices(texts, result.overlaps)
  })

  it('calls two passages verbatim only when they have the same words (a reviewer: an option inserted, "verbatim")', async () => {
    // Two lists of options, one inserting an option between two the other has: one passage each,
    // one pair, near-verbatim (its candidates, the options before the insertion and those after,
    // are joined across it: chain.ts joinAlikeGaps).
    const { result } = await overlapsOf('kind-two-passages')
    expect(result.overlaps).toHaveLength(1)
    const [o] = result.overlaps
    expect(o.pairKinds).toEqual({ verbatim: 0, variant: 1, paraphrase: 0 })
    expect(o.passages).toHaveLength(2)
    expect(o.kind).toBe('variant')
    // The fork (first by name) has the option the other lacks.
    expect((o.variants[0].changes ?? []).some((c) => c.op === 'delete' && /^iri` \(boolean/.test(c.a))).toBe(true)
    expect(o.similarity).toBeLessThan(1)
    // The same with a copy of one of the two files: two texts still, the copy's passage the same.
    const { texts } = await loadFolder(join(FIXTURES, 'kind-two-passages'))
    const copy = { id: 'address-reader-copy', text: texts.find((t) => t.id === 'address-reader')!.text }
    const [withCopy] = findOverlaps([...texts, copy]).overlaps.filter((x) => !x.duplicate)
    expect(withCopy.passages).toHaveLength(3)
    expect(withCopy.kind).toBe('variant')
  })

  it('says the words a loose pair the seeds found rests on, as the paraphrase pass does', async () => {
    // GNU make's NEWS and Debian's NEWS of make restate one warning; without the paraphrase pass
    // (as on a corpus over PARAPHRASE_MAX_WORDS) the seeds find it, too loose to be an edited copy.
    const { texts } = await loadFolder(join(FIXTURES, 'loose-restatement'))
    const restated = findOverlaps(texts, { paraphrase: false }).overlaps.find((o) =>
      o.passages.some((p) => p.text.startsWith("The '$?' variable now contains")),
    )!
    expect(restated.kind).toBe('paraphrase')
    expect(restated.because).toHaveLength(2)
    expect(restated.because![0]).toMatch(/^related forms: contains\/contain/)
    expect(restated.because![1]).toMatch(/^words in common: variable, prerequisites, caused, target, considered, date/)
  })

  it('reads an abbreviation as its words only where the other passage spells out all of them', () => {
    // "PAM" stands for "Pluggable Authentication Modules"; the other passage has "modules" alone.
    // Read as its three words, "configure the PAM" was a clause of four, and a restatement of
    // "configuring PAM, what modules are available", with "abbreviation PAM" as its reason.
    const overlaps = overlapsOfTexts({
      pam: 'PAM for Debian\n\nPAM (Pluggable Authentication Modules) provides system administrators with a\nflexible way to authenticate users.\n\nThe documentation for PAM is packaged in the "libpam-doc" package. The\n"Linux-PAM System Administrator\'s Guide" covers configuring PAM, what\nmodules are available etc.\n',
      passwd:
        'passwd for Debian\n\nAlso see the /etc/pam.d/* files for each program to configure the PAM\nsupport. PAM documentation is available in several formats in the\nlibpam-doc package.\n',
    })
    expect(kindsAndTexts(overlaps)).toEqual([
      [
        'paraphrase',
        'documentation for PAM is packaged in the "libpam-doc"',
        'PAM documentation is available in several formats in the\nlibpam-doc package',
      ],
    ])
    // PAM is a word the passages have in common, not an abbreviation read as its words; "packaged"
    // and "package" are two forms of one word.
    expect(overlaps[0].because).toEqual(['related forms: packaged/package', 'words in common: documentation, PAM, libpam, doc'])
    // Nor is a pair a restatement through two of those three words: the sentences share
    // administrators, configure, users, log.
    expect(
      overlapsOfTexts({
        pam: 'PAM for Debian.\n\nPAM (Pluggable Authentication Modules) provides a flexible way to authenticate users.\n',
        guide: 'Administrators configure PAM to decide how users log in on the server, says the guide.\n',
        howto: 'The way users log in is decided by the modules and authentication that administrators configure.\n',
      }),
    ).toEqual([])
  })

  it('finds two items of a list that two texts give in another order as two passages (chain.ts)', () => {
    const ferry = 'The ferry timetable for the winter months was printed with the wrong dates, which has been corrected'
    const lights = 'The harbour lights on the north pier stayed dark after the storm, which has been fixed'
    // Chained as one candidate whose words moved, the pair was one near-verbatim overlap of both
    // items in each text, its sides starting in one item and ending in the other.
    expect(
      kindsAndTexts(
        overlapsOfTexts({
          spring: `Notes for the spring issue\n\n * ${ferry}.\n\n * ${lights}.\n`,
          summer: `Notes for the summer issue\n\n * ${lights}.\n\n * ${ferry}.\n`,
        }),
      ).sort(),
    ).toEqual([
      ['verbatim', `${ferry}.`, `${ferry}.`],
      ['verbatim', `${lights}.`, `${lights}.`],
    ])
    // Items too short to be overlaps of their own stay one, as before items were told apart.
    const [crash, strings] = ['Fixed crash when saving spreadsheets', 'Updated German translation strings']
    expect(
      kindsAndTexts(
        overlapsOfTexts({
          spring: `Release notes\n\n * ${crash}.\n\n * ${strings}.\n`,
          summer: `Changes\n\n * ${strings}.\n\n * ${crash}.\n`,
        }),
      ),
    ).toEqual([['variant', `${crash}.\n\n * ${strings}.`, `${strings}.\n\n * ${crash}.`]])
  })

  describe('a short sentence said whole inside a clause that says more (paraphrase.ts: MAX_UNSAID)', () => {
    const works = 'repaint the lighthouse and rebuild'
    const found = (short: string, longer = works) =>
      findOverlaps([
        {
          id: 'harbour',
          text: `The harbour board met on Thursday to discuss the winter timetable for the ferries. Later that day the Northern Rivers Water Authority, chaired by Maria Lopez, also pledged to ${longer}, before the winter, the harbour walls. Members also thanked the volunteers who cleaned the beach.`,
        },
        {
          id: 'trade',
          text: `Trade Weekly visited the market square, where stallholders were selling the last of the summer apples. ${short} The editor wishes all readers a calm season.`,
        },
      ]).overlaps.map((o) => [o.kind, ...o.passages.map((p) => p.text)])
    const clause =
      'Northern Rivers Water Authority, chaired by Maria Lopez, also pledged to repaint the lighthouse and rebuild, before the winter, the harbour walls'

    it('reports the pair, the abbreviation read as the words it stands for (cosine 0.44)', () => {
      // Five words as written, eight as read: a claim, not a fragment (readWords).
      expect(found('The NRWA called for “rebuilding the harbour walls”.')).toEqual([
        ['paraphrase', `${clause}.`, 'The NRWA called for “rebuilding the harbour walls”.'],
      ])
    })

    it('does not when the short sentence says two words of its own', () => {
      expect(found('The NRWA called for quickly rebuilding the harbour walls.')).toEqual([])
    })

    it('does not when the other clause scatters the words among more of its own', () => {
      // 16 stems for 7 shared, over MAX_CONTAINING_SPREAD: the walls come after other works.
      expect(
        found('The NRWA called for “rebuilding the harbour walls”.', 'repaint the lighthouse, dredge the channel and rebuild'),
      ).toEqual([])
    })

    it('does not when the words are a clause of a longer sentence', () => {
      expect(found('Besides new ferries for the islands, the NRWA called for “rebuilding the harbour walls”.')).toEqual([])
    })
  })

  it('starts each side where the other does, not at a chance seed beside the passage (ragged-edge.ts)', () => {
    // The first address's "lists.debian.org" seeds against the second's; the passage once began
    // there, with a sentence the other text does not have.
    const maintainers =
      '\n\nMaintainers of these packages\n-----------------------------\n\nMatthias Klose <doko@debian.org>\nLudovic Brenta <ludovic@ludovic-brenta.org> (gnat)\nIain Buclaw <ibuclaw@ubuntu.com> (gdc)\nAurelien Jarno <aurel32@debian.org> (mips*-linux)\n'
    const { overlaps } = findOverlaps([
      { id: 'a', text: `Please report bugs in these packages to the debian-gcc@lists.debian.org mailing list.${maintainers}` },
      {
        id: 'b',
        text: `Questions about the toolchain go to debian-toolchain@lists.debian.org; for GCC specific things, please use debian-gcc@lists.debian.org. When in doubt use the debian-toolchain ML.${maintainers}`,
      },
    ])
    expect(overlaps).toHaveLength(1)
    for (const p of overlaps[0].passages) expect(p.text).toMatch(/^debian-gcc@lists\.debian\.org[. ]/)
  })

  it('makes no overlap of the start two different web addresses share, and keeps a whole one', () => {
    const found = (a: string, b: string) =>
      findOverlaps([
        { id: 'a', text: a },
        { id: 'b', text: b },
      ]).overlaps.map((o) => o.passages.map((p) => p.text))
    // Links that part after "?group" and "/gnu": cut mid-path, no text the two share (cutAddress).
    expect(
      found(
        'Bugs in findutils are logged at https://savannah.gnu.org/bugs/?group=findutils and nowhere else.',
        'Send your reports to http://savannah.gnu.org/bugs/?group=make for GNU Make.',
      ),
    ).toEqual([])
    expect(
      found(
        'Releases are downloaded from ftp://ftp.gnu.org/pub/gnu/wget/ as usual.',
        'Take it from the directory ftp://ftp.gnu.org/pub/gnu/gcc/ today.',
      ),
    ).toEqual([])
    // The same address in both: a pointer they share.
    expect(
      found(
        'The full licence is at https://savannah.gnu.org/projects/findutils/licence/text and nowhere else.',
        'Send readers to https://savannah.gnu.org/projects/findutils/licence/text for the terms.',
      ),
    ).toEqual([['https://savannah.gnu.org/projects/findutils/licence/text', 'https://savannah.gnu.org/projects/findutils/licence/text']])
  })

  it('makes no overlap of a name and title that two different statements share', async () => {
    // "Maria Lopez, chair of the water board, opened the pumping station that the Northern Rivers
    // Water Authority built" and "Maria Lopez, also chair of the Northern Rivers Water Authority,
    // will retire": one person named, nothing restated (names.ts).
    const { result } = await overlapsOf('names')
    expect(result.overlaps).toEqual([])
  })

  it('starts a shared licence at its own heading, not at a heading a stanza earlier', () => {
    // Debian copyright files (libogg0, libpcsclite1): the same heading opens a file's stanza and,
    // after other words, the licence text; the other file has the heading once, before the text.
    const licence = [
      ' Redistribution and use in source and binary forms, with or without',
      ' modification, are permitted provided that the following conditions',
      ' are met:',
      ' .',
      ' 1. Redistributions of source code must retain the above copyright',
      '    notice, this list of conditions and the following disclaimer.',
      ' 2. Redistributions in binary form must reproduce the above copyright',
      '    notice, this list of conditions and the following disclaimer in the',
      '    documentation and/or other materials provided with the distribution.',
      ' 3. Neither the name of the author nor the names of its contributors',
      '    may be used to endorse or promote products derived from this software',
      '    without specific prior written permission.',
    ].join('\n')
    const a = [
      'Files: *\nCopyright: 2002-2020, Xiph.Org Foundation\nLicense: BSD-3-clause',
      'Files: debian/tests/readogg.c\nCopyright: 2012, Nathan Rajlich <nathan@tootallnate.net>\nLicense: BSD-3-clause\nComment:\n File obtained from\n https://github.com/gypified/libogg/blob/e4f9525/test.c',
      `License: BSD-3-clause\n${licence}`,
    ].join('\n\n')
    const b = `Files: *\nCopyright: 1999-2003 David Corcoran <corcoran@musclecard.com>\nLicense: BSD-3-clause\n All rights reserved.\n .\n${licence}`
    const { overlaps } = findOverlaps([
      { id: 'a', text: a },
      { id: 'b', text: b },
    ])
    const [o] = overlaps.filter((x) => x.passages.some((p) => p.text.includes('Redistribution')))
    const inA = o.passages.find((p) => p.doc === 'a')!
    expect(inA.start).toBeGreaterThanOrEqual([...a].length - [...licence].length - 'License: BSD-3-clause\n'.length)
    expect(inA.text).not.toContain('readogg')
  })

  it('does not start a shared licence at a heading stanzas of other words before it', () => {
    // Debian copyright files (bash, psmisc): each file's stanzas end with the licence's name, and
    // the licence follows under the same heading; the stanzas name different files and holders.
    const notice = [
      ' This program is free software; you can redistribute it and/or modify',
      ' it under the terms of the GNU General Public License as published by',
      ' the Free Software Foundation; either version 2, or (at your option)',
      ' any later version.',
      ' .',
      ' This program is distributed in the hope that it will be useful,',
      ' but WITHOUT ANY WARRANTY; without even the implied warranty of',
      ' MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the',
      ' GNU General Public License for more details.',
    ].join('\n')
    const a = [
      'Files: *\nCopyright: 1987-2022 Free Software Foundation, Inc.\nLicense: GPL-2+',
      'Files: debian/clear_console.c examples/complete/bash_completion\nCopyright:\n Copyright (C) 2006-2019 Canonical Ltd.\n Copyright (C) Ian Macdonald <ian@caliban.org>\nLicense: GPL-2+',
      `License: GPL-2+\n${notice}`,
    ].join('\n\n')
    const b = [
      'Files: *\nCopyright: 1993-2022 Werner Almesberger, Craig Small\nLicense: GPL-2+',
      'Files: src/lists.h\nCopyright: 2011 Werner Fink <werner@suse.de>\nLicense: GPL-2+',
      'Files: src/peekfd.c\nCopyright: 2007 Trent Waddington <trent.waddington@gmail.com>\nLicense: GPL-2+',
      `License: GPL-2+\n${notice}`,
    ].join('\n\n')
    const { overlaps } = findOverlaps([
      { id: 'a', text: a },
      { id: 'b', text: b },
    ])
    const shared = overlaps.filter((x) => x.passages.some((p) => p.text.includes('This program is free software')))
    expect(shared).toHaveLength(1)
    for (const p of shared[0].passages) expect(p.text).not.toMatch(/Files|Copyright/)
  })

  it('keeps a passage whole across an edited paragraph end and a short stretch after it', () => {
    // Each text ends a shared paragraph with a sentence of its own; the next paragraph opens
    // alike for a few words, each rewrites a clause, and the rest is shared again.
    const p1 =
      'The committee shall meet every quarter to review the annual budget, the audit findings and the progress of all outstanding capital projects across the northern region, including harbour works, bridge repairs, school buildings, drainage schemes, coastal defences, road resurfacing and the renewal of municipal housing stock in every district.'
    const island = 'Minutes shall be circulated promptly to every voting member'
    const tail =
      'Each member may propose amendments to the minutes within fourteen days of their circulation, and the committee shall vote on such amendments at its next ordinary meeting, recording each vote by name, publishing the result on the public noticeboard, and forwarding a certified copy to the regional auditor and the ministry of local government.'
    const a = `Preamble one about fishing boats and harbour dues.\n\n${p1} Members unable to attend must notify the secretary in writing seven days beforehand.\n\n${island}, together with dissenting opinions recorded by the chair and copies of all tabled correspondence. ${tail}\n\nClosing remarks on lighthouse keeping.`
    const b = `Another unrelated preamble concerning orchards.\n\n${p1} Absent delegates lose their vote for that session unless a proxy form was lodged.\n\n${island}, along with appendices prepared by treasury staff and a summary of outstanding motions from earlier sittings. ${tail}\n\nA different end about railway timetables.`
    const { overlaps } = findOverlaps([
      { id: 'a', text: a },
      { id: 'b', text: b },
    ])
    expect(overlaps).toHaveLength(1)
    for (const p of overlaps[0].passages)
      expect([p.text.startsWith('The committee'), p.text.endsWith('local government.')]).toEqual([true, true])
  })

  it('gives the same result twice, ids included', async () => {
    const { texts } = await overlapsOf('three')
    expect(findOverlaps(texts)).toEqual(findOverlaps(texts))
  })
})

describe('progress and cancellation', () => {
  it('reports phases and stops when the signal is aborted', async () => {
    const { texts } = await loadFolder(join(FIXTURES, 'three'))
    const phases: string[] = []
    findOverlaps(texts, {}, { onProgress: (p) => void (phases.includes(p.phase) || phases.push(p.phase)) })
    expect(phases.slice(0, 5)).toEqual(['tokenize', 'index', 'seed', 'sort', 'chain'])
    expect(phases).toContain('variants')

    const signal = { aborted: false }
    let reports = 0
    const cancelled = (() => {
      try {
        findOverlaps(texts, {}, { signal, onProgress: () => void (++reports === 3 && (signal.aborted = true)) })
        return null
      } catch (e) {
        return e
      }
    })()
    expect(cancelled).toBeInstanceOf(EngineCancelled)
    expect(isCancelled(cancelled)).toBe(true)
    expect(reports).toBe(3)
  })
})

// What a careful reading of the five bundled texts finds they share (see the engine's report):
// each entry names the two documents and a phrase both passages contain.
const SHARED_IN_CORPUS = [
  {
    docs: ['shi-jianxun-strategic-significance', 'yang-yundong-nqpf-high-quality-development'],
    phrase: /advanced productivity that is freed? from traditional economic growth mode/,
  },
  {
    docs: ['shi-jianxun-strategic-significance', 'yang-yundong-nqpf-high-quality-development'],
    phrase: /the improvement of workers, means of labou?r, subjects of labou?r and their optimal combinations/,
  },
  {
    docs: ['china-briefing-nqpf-explainer', 'yang-yundong-nqpf-high-quality-development'],
    phrase: /revolutionary technological breakthroughs, innovative allocation of production factors/,
  },
  {
    docs: ['new-productive-forces-catalysts', 'shi-jianxun-strategic-significance'],
    phrase: /self-reliance and strength in science and technology.*breakthroughs in core technologies in key fields/,
  },
  {
    docs: ['new-productive-forces-catalysts', 'shi-jianxun-strategic-significance'],
    phrase: /[Ss]tudy [Ss]ession of the Political Bureau/,
  },
  // A policy formula two authors share and a third echoes ("cultivate emerging industries and
  // future industries"); one of them says it three times (banality.ts).
  {
    docs: ['shi-jianxun-strategic-significance', 'china-briefing-nqpf-explainer'],
    phrase: /development of strategic emerging industries and future industries/,
  },
  // Clauses restated inside longer sentences (paraphrase.ts), as a reader marked them.
  {
    docs: ['gmw-light-blade-what-are-nqpf', 'china-briefing-nqpf-explainer'],
    phrase: /accord(ing|ance with) (to )?local conditions/,
  },
  {
    docs: ['shi-jianxun-strategic-significance', 'yang-yundong-nqpf-high-quality-development'],
    phrase: /ecosystem (development )?of (the )?computing power industr/,
  },
  {
    docs: ['shi-jianxun-strategic-significance', 'china-briefing-nqpf-explainer'],
    phrase: /new business forms and (new )?models/,
  },
  {
    docs: ['gmw-light-blade-what-are-nqpf', 'china-briefing-nqpf-explainer'],
    phrase: /(expand its openness|expanding opening) to the outside world/,
  },
  {
    docs: ['shi-jianxun-strategic-significance', 'yang-yundong-nqpf-high-quality-development'],
    phrase: /resilience.*supply chain/,
  },
  // A phrase restated inside clauses that say more (paraphrase.ts, read at their cores).
  {
    docs: ['gmw-light-blade-what-are-nqpf', 'china-briefing-nqpf-explainer'],
    phrase: /new (challenges and )?opportunities (to|are emerging for) foreign investors/,
  },
  // A short sentence said again whole inside another's clause, through its abbreviations ("The
  // GWR called for 'accelerating the development of NQPFs'").
  {
    docs: ['gmw-light-blade-what-are-nqpf', 'china-briefing-nqpf-explainer'],
    phrase: /(Government Work Report|GWR).*accelerat(e|ing) the development of (new quality productive forces|NQPFs)/,
  },
  // The same things listed in other words and order: the ministry's future industries (list-items.ts).
  {
    docs: ['new-productive-forces-catalysts', 'china-briefing-nqpf-explainer'],
    phrase: /humanoid robots.*(quantum|6G)/,
  },
  // The same event in other words: Xi's visit to Heilongjiang in September 2023.
  {
    docs: ['china-briefing-nqpf-explainer', 'gmw-light-blade-what-are-nqpf'],
    phrase: /Heilongjiang.*September 2023|September 2023.*Heilongjiang/,
  },
]

describe('findOverlaps on the bundled corpus', async () => {
  const { texts } = await loadFolder(CORPUS)
  const result = findOverlaps(texts)
  const matches = (o: Overlap, s: (typeof SHARED_IN_CORPUS)[number]) =>
    s.docs.every((doc) => o.passages.some((p) => p.doc === doc && s.phrase.test(p.text)))

  it('hands out the same overlaps one by one, in order, when asked to (onOverlap)', () => {
    expect(result.overlaps.length).toBeGreaterThan(1)
    const handed: Overlap[] = []
    const streamed = findOverlaps(texts, {
      onOverlap: (o, k, count) => {
        expect([k, count]).toEqual([handed.length, result.overlaps.length])
        handed.push(o)
      },
    })
    expect(handed).toEqual(result.overlaps)
    expect(streamed.overlaps).toEqual([])
    expect(streamed.stats).toEqual(result.stats)
  })

  it('finds every passage a reader sees the texts share', () => {
    for (const s of SHARED_IN_CORPUS)
      expect(
        result.overlaps.some((o) => matches(o, s)),
        String(s.phrase),
      ).toBe(true)
  })

  it('has no noise in its top ten', () => {
    for (const o of result.overlaps.slice(0, 10)) {
      expect(
        SHARED_IN_CORPUS.some((s) => matches(o, s)),
        o.passages.map((p) => p.text).join(' | '),
      ).toBe(true)
    }
  })

  it('ranks the quoted definition first, sorted best first', () => {
    expect(matches(result.overlaps[0], SHARED_IN_CORPUS[0])).toBe(true)
    const scores = result.overlaps.map((o) => o.score)
    expect(scores).toEqual([...scores].sort((a, b) => b - a))
  })

  it('gives a paraphrase the clause a reader marks, not the claim its clause runs on from', () => {
    // The passages of each text that hold the words, in any overlap.
    const held = (doc: string, words: RegExp) =>
      result.overlaps.flatMap((o) => o.passages).flatMap((p) => (p.doc === doc && words.test(p.text) ? [p.text] : []))
    // Clauses cut at quotation marks and commas start with another claim ("improving the system and
    // mechanism for", the end of a list), cut off (MAX_UNSHARED_EDGE); a clause that shares only
    // the topic's words ("vigorously promoting the development, openness, and circulation of data")
    // does not make a unit the better restatement (bestUnits weighs what two units share by IDF).
    expect(held('china-briefing-nqpf-explainer', /NQPFs in accordance with local conditions/)).toEqual([
      'developing NQPFs in accordance with local conditions',
    ])
    expect(held('yang-yundong-nqpf-high-quality-development', /ecosystem of computing power/)).toEqual([
      'cultivating the ecosystem of computing power industries',
    ])
    expect(held('shi-jianxun-strategic-significance', /continuously create new business forms/)).toEqual([
      'traditional industries to continuously create new business forms and new models',
    ])
  })

  it('gives the same event as the clauses that name its date and place, not the rest of their sentences', () => {
    // The sentences go on to another visit (Jiangsu, 2024) and to what Xi told the province.
    const event = result.overlaps.find((o) => o.because?.[0] === 'same place and date')
    expect(event?.passages.map((p) => p.text).sort()).toEqual([
      'After first proposing the concept during an inspection in Heilongjiang in September 2023',
      'During a trip to northeastern Heilongjiang province in September 2023',
    ])
  })

  it('makes no overlap of a name and title shared by two different statements', () => {
    // "Xi Jinping, general secretary of the CPC Central Committee, chaired a study session ..." and
    // "Xi Jinping, also general secretary of the Communist Party of China Central Committee" (a
    // photo caption about another day): one person named, nothing restated (names.ts).
    const caption = /also general secretary of the Communist Party of China Central Committee/
    expect(result.overlaps.some((o) => o.passages.some((p) => caption.test(p.text)))).toBe(false)
  })

  it('never makes an overlap of the topic phrase alone', () => {
    for (const o of result.overlaps) {
      for (const p of o.passages) {
        const rest = p.text
          .replace(/(the )?(development of )?new (quality )?productive forces|high-quality development/gi, '')
          .replace(/\W+/g, ' ')
          .trim()
        // At least a clause besides it ("develop ... according to local conditions").
        expect(rest.split(' ').length, p.text).toBeGreaterThanOrEqual(5)
      }
    }
    expectExactSlices(texts, result.overlaps)
  })
})

describe('apartInDocuments', () => {
  it('cuts a passage that runs into the next one of its document before it, and nothing else', () => {
    // A licence notice's passage (tokens 10-40) reaching two words into the sentence the next
    // passage of its document starts with (39-60), as edges read on each alone made it.
    const shown = [
      { doc: 0, start: 10, end: 40 },
      { doc: 1, start: 5, end: 30 },
      { doc: 0, start: 39, end: 60 },
      { doc: 1, start: 31, end: 50 },
    ]
    expect(apartInDocuments(shown)).toEqual([
      { doc: 0, start: 10, end: 38 },
      { doc: 1, start: 5, end: 30 },
      { doc: 0, start: 39, end: 60 },
      { doc: 1, start: 31, end: 50 },
    ])
    // Apart, holding the other, or starting with it: as they are, the same array.
    const apart = [
      { doc: 0, start: 10, end: 20 },
      { doc: 0, start: 21, end: 30 },
      { doc: 2, start: 0, end: 50 },
      { doc: 2, start: 10, end: 20 },
      { doc: 3, start: 5, end: 9 },
      { doc: 3, start: 5, end: 12 },
    ]
    expect(apartInDocuments(apart)).toBe(apart)
  })
})
