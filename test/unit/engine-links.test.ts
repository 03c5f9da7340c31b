import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { findOverlaps } from '../../main/core/engine/overlaps.js'
import { loadFolder } from '../../main/node/engine/inline.js'
import { keptKindOf, measurerOf } from '../helpers.js'
import type { PairMeasure } from '../../main/core/engine/similarity.js'

// Links (web addresses, HTML tags: nonwords.ts LINK) say where a text points or how it is shown,
// not what it says: an edited copy shares words besides them (kept-pair.ts linksOnly), and an
// overlap ranks by the words outside them (overlaps.ts, Overlap.score).

describe('links in what two texts share', () => {
  it('makes no near-verbatim overlap of two different notes that share only their links (a reviewer of npm change logs)', async () => {
    // The 0.11.0 notes of prosemirror-state and prosemirror-transform, as their CHANGELOG.md files
    // have them: their sentences differ, their links into one site's documentation do not, and
    // three "variant" overlaps paired different sentences through the addresses' words.
    const { texts } = await loadFolder(join(import.meta.dirname, '../fixtures/engine/links'))
    const overlaps = findOverlaps(texts).overlaps
    expect(overlaps.filter((o) => o.kind !== 'verbatim')).toEqual([])
    // What they do share word for word is still found: the release's heading.
    expect(overlaps.map((o) => o.passages.map((p) => p.text))).toEqual([Array(2).fill('0.11.0 (2016-09-21)\n\n### Breaking changes')])
  })

  it('keeps one link two texts write alike, its number changed', () => {
    const overlaps = findOverlaps([
      {
        id: 'viewer',
        text: 'Release notes of the viewer.\n\n  * Fixes: https://bugs.freedesktop.org/show_bug.cgi?id=14723 (reported upstream)\n\nThe window opens where it closed.\n',
      },
      {
        id: 'fonts',
        text: 'Changes to the font library.\n\n  * Partially fixes: https://bugs.freedesktop.org/show_bug.cgi?id=20708 (reported upstream)\n\nKerning is read.\n',
      },
    ]).overlaps
    expect(overlaps).toHaveLength(1)
    for (const p of overlaps[0].passages)
      expect(p.text).toMatch(/fixes: https:\/\/bugs\.freedesktop\.org\/show_bug\.cgi\?id=\d+ \(reported upstream\)$/i)
  })

  it('ranks a sentence two READMEs share above the badges they share, however many words the addresses have', () => {
    const badges = ['npm', 'build', 'coverage', 'downloads']
      .map((w) => `[![${w}](https://img.shields.io/${w}/v/shared-badges.svg)](https://www.npmjs.com/package/shared-badges)`)
      .join('\n')
    const readme = (name: string, about: string) =>
      `# ${name}\n\n${badges}\n\n${about}\n\n## Usage\n\nThe parser reads a document once and keeps every node in the order the author wrote it.\n`
    const overlaps = findOverlaps([
      {
        id: 'tables',
        text: readme(
          'tool-one',
          'A tool of its own, written for the command line, which formats tables of figures for printing on paper. It reads comma separated values, aligns the columns by their decimal points, and pads every cell so the rows line up in a fixed width font. Totals are added under each column on request, and negative figures may be shown in brackets as accountants write them.',
        ),
      },
      {
        id: 'photos',
        text: readme(
          'tool-two',
          'Another tool entirely: a daemon that watches folders and uploads new photographs to a gallery. Pictures are resized on a background thread, their location data stripped unless the owner asks to keep it, and albums are made from the names of the folders. A failed upload is retried with a growing delay until the network returns.',
        ),
      },
    ]).overlaps
    expect(overlaps.map((o) => o.passages[0].text.slice(0, 16))).toEqual(['Usage\n\nThe parse', '[![npm](https://'])
    // The badges hold more words, and rarer ones.
    expect(overlaps[1].words).toBeGreaterThan(overlaps[0].words)
  })

  it("makes no near-verbatim pair of two READMEs' badges of their own projects, two addresses each; keeps one address edited (a tester)", () => {
    const badge = (repo: string) =>
      `[![Coverage Status](https://coveralls.io/repos/${repo}/badge.svg?branch=master)](https://coveralls.io/github/${repo}?branch=master)`
    expect(keptKindOf(badge('stedolan/jq'), badge('open-source-parsers/jsoncpp'))).toBeUndefined()
    // One link to one tracker, its number changed, is one address two texts write alike (MIN_LINKS).
    const fixes = (id: number) => `Fixes: https://bugs.freedesktop.org/show_bug.cgi?id=${id}`
    expect(keptKindOf(fixes(14723), fixes(20708))).toBe('variant')
  })

  it("makes no overlap of two READMEs' HTML badges, their tags' names and attributes alone (a reviewer of npm READMEs)", () => {
    // A centred block of shields.io badges as chai's and prettier's READMEs open, each its own
    // package's: five overlaps were made of it ("</p>\n\n<p align=center>\n  <a href", the badges'
    // addresses), none of a word either text says.
    const badge = (pkg: string, kind: string, alt: string) =>
      `  <a href="https://www.npmjs.com/package/${pkg}">\n    <img\n      alt="${alt}"\n      src="https://img.shields.io/npm/${kind}/${pkg}.svg?style=flat-square"\n    />\n  </a>\n`
    const readme = (pkg: string, about: string, alts: string[]) =>
      `<h1 align=center>${pkg}</h1>\n\n<p align=center>\n  ${about}\n</p>\n\n<p align=center>\n${badge(pkg, 'dm', alts[0])}${badge(pkg, 'v', alts[1])}  <br/>\n${badge(pkg, 'l', alts[2])}</p>\n`
    const texts = [
      {
        id: 'chai',
        text: readme('chai', 'Chai is an assertion library for node and the browser, paired with any testing framework.', [
          'downloads',
          'node version',
          'licence',
        ]),
      },
      {
        id: 'prettier',
        text: readme('prettier', 'Prettier formats your code the same way every time, whoever wrote it.', [
          'weekly downloads from npm',
          'npm version',
          'licence',
        ]),
      },
    ]
    expect(findOverlaps(texts).overlaps).toEqual([])
    // A sentence the two say inside the same tags is text, and shared.
    const said = 'The assertions read as plain English sentences and report the values they compared.'
    const both = texts.map((t) => ({ ...t, text: t.text.replace('</h1>', `</h1>\n\n<p align=center>${said}</p>`) }))
    expect(findOverlaps(both).overlaps.map((o) => o.passages.map((p) => p.text.includes(said)))).toEqual([[true, true]])
    // Words a text says in a tag are its own: an image's alternative text (a reviewer of this rule).
    const figure = (src: string, after: string) =>
      `As shown below:\n\n<img src="${src}" alt="Mean annual temperature in Berlin from 1900 to 2020, with a ten-year moving average">\n\n${after}\n`
    expect(
      findOverlaps([
        { id: 'report', text: figure('fig3.png', 'Our own analysis follows.') },
        { id: 'essay', text: figure('figures/temp.png', 'We disagree.') },
      ]).overlaps,
    ).toHaveLength(1)
    // A page's style sheet is how it is drawn: two newsletters of one template share it whole.
    const css = 'body { font-family: Georgia, serif; color: #333; } .footer { font-size: 12px; margin-top: 2em; } a { color: #0645ad; }'
    const letter = (news: string) => `<html><head><style>\n${css}\n</style></head><body>\n<p>${news}</p>\n</body></html>\n`
    expect(
      findOverlaps([
        { id: 'march', text: letter('The library opens on Sundays from March onwards.') },
        { id: 'april', text: letter('Our spring reading group meets every second Tuesday.') },
      ]).overlaps,
    ).toEqual([])
    // A "<script>" a sentence names is no script: the paragraph between two mentions is text (a reviewer).
    const shared =
      "Every visitor who opens a page with such a comment runs the attacker's code in their own session, with their cookies and their rights on the site."
    const advisories = [
      `Security advisory 2024-17\n\nThe comment form did not escape a <script> tag typed into a comment.\n\n${shared}\n\nThe old filter removed only the </script> end tag.\n`,
      `Notice to customers\n\nOur forum let users post a <script> element in a reply.\n\n${shared}\n\nWe stripped the </script> closing tag but not the opening one.\n`,
    ]
    expect(findOverlaps(advisories.map((text, k) => ({ id: `a${k}`, text }))).overlaps.map((o) => o.kind)).toEqual(['verbatim'])
    // Nor when a hard-wrapped text puts the "<script>" first on its line.
    const wrapped = advisories.map((text) => text.replace(' <script> ', '\n<script> '))
    expect(findOverlaps(wrapped.map((text, k) => ({ id: `w${k}`, text }))).overlaps.map((o) => o.kind)).toEqual(['verbatim'])
    // A badge's label is no figure's description: one to four words, the same in every README.
    const row = (pkg: string, about: string) =>
      `# ${pkg}\n\n${about}\n\n<p align="center">\n` +
      `  <a href="https://github.com/acme/${pkg}/actions"><img src="https://github.com/acme/${pkg}/workflows/CI/badge.svg" alt="Build Status"></a>\n` +
      `  <a href="https://www.npmjs.com/package/${pkg}"><img src="https://img.shields.io/npm/v/${pkg}.svg" alt="npm version"></a>\n` +
      `  <a href="https://www.npmjs.com/package/${pkg}"><img src="https://img.shields.io/npm/dm/${pkg}.svg" alt="npm downloads"></a>\n</p>\n`
    const labelled = [
      { id: 'store', text: row('fast-store', 'State management without boilerplate or ceremony.') },
      { id: 'router', text: row('tiny-router', 'A tiny router for single-page applications.') },
    ]
    expect(findOverlaps(labelled).overlaps).toEqual([])
    // A tag a text quotes as code, in a code span of one backquote or two, is code whose words count.
    const meta = 'Always add `<meta name="viewport" content="width=device-width, initial-scale=1">` to the head.'
    expect(keptKindOf(`${meta}\n\nThen test on a phone.`, `${meta}\n\nCheck the layout in the browser.`)).toBe('variant')
    const preload = 'Add ``<link rel="preload" href="/fonts/inter-var.woff2" as="font" type="font/woff2" crossorigin="anonymous">`` first.'
    expect(keptKindOf(`${preload}\n\nOther words here.`, `${preload}\n\nAnd more of them.`)).toBe('variant')
    // Code spans as CommonMark reads them (nonwords.ts codeSpanAround): after a literal backquote
    // written `` ` ``, and wrapped across a line break.
    const after =
      'Write `` ` `` for a backquote, and add `<meta name="viewport" content="width=device-width, initial-scale=1">` to the head.'
    expect(keptKindOf(`${after}\n\nThen test on a phone.`, `${after}\n\nCheck the layout in the browser.`)).toBe('variant')
    const wrappedSpan = 'Always add `<meta name="viewport"\ncontent="width=device-width, initial-scale=1">` to the head.'
    expect(keptKindOf(`${wrappedSpan}\n\nThen test on a phone.`, `${wrappedSpan}\n\nCheck the layout in the browser.`)).toBe('variant')
    // A placeholder written as a tag is no markup, even one named as an element that never closes
    // ("<table>"): a manual's "<n>" is a word of its sentence, the sixth these two share.
    expect(
      keptKindOf('Run VACUUM <table> to reclaim the disk space it holds.', 'Run VACUUM <table> to reclaim the disk space it held.'),
    ).toBe('variant')
    expect(
      keptKindOf(
        'Shows <n> lines of context around each change, as diff does.',
        'Shows <n> lines of context around each change, as patch does.',
      ),
    ).toBe('variant')
  })

  it("makes no overlap of two texts' tables of links, Markdown's link reference definitions (a reviewer of Node.js's documentation)", () => {
    // crypto.md's table and deprecations.md's: the same labels in the same order, pointing into
    // one page from inside it and from outside (two of the top twenty overlaps of the corpus).
    const names = ['createCipher', 'createCipheriv', 'createDecipher', 'createDecipheriv', 'createHash', 'createHmac']
    const table = (prefix: string) =>
      names.map((n) => `[\`crypto.${n}()\`]: ${prefix}#crypto${n.toLowerCase()}algorithm-key-options`).join('\n')
    const texts = [
      { id: 'crypto', text: `# Crypto\n\nThe cipher functions are described below.\n\n${table('')}\n` },
      { id: 'deprecations', text: `# Deprecations\n\nSome of these functions are deprecated.\n\n${table('crypto.md')}\n` },
    ]
    expect(findOverlaps(texts).overlaps).toEqual([])
    // Nor is code a table of links, nor a citation whose "target" is no link (a reviewer).
    const handlers = ['Click', 'Hover', 'Focus', 'Blur', 'KeyDown'].map((e) => `  [EventType.${e}]: on${e},`).join('\n')
    const code = (k: number) => `Version ${k} registers its handlers so:\n\n\`\`\`ts\nconst handlers = {\n${handlers}\n};\n\`\`\`\n`
    expect(findOverlaps([0, 1].map((k) => ({ id: `v${k}`, text: code(k) }))).overlaps).toHaveLength(1)
    const routes = ['Home', 'About', 'Contact', 'Pricing', 'Blog'].map((r) => `  [Page.${r}]: '/${r.toLowerCase()}',`).join('\n')
    const router = (k: number) => `Router ${k} maps its pages so:\n\nconst routes = {\n${routes}\n}\n`
    expect(findOverlaps([0, 1].map((k) => ({ id: `p${k}`, text: router(k) }))).overlaps).toHaveLength(1)
    const cites = (k: number) =>
      `Brief ${k}.\n\n[2]: Id. (holding that the seller of a defective product is strictly liable for physical harm to the ultimate user)\n`
    expect(findOverlaps([0, 1].map((k) => ({ id: `b${k}`, text: cites(k) }))).overlaps).toHaveLength(1)
    // Text on such a line is the text's: a footnote, or a label followed by a sentence.
    const notes = (k: number) =>
      `Report ${k}.\n\n[^1]: The measurements were taken at the northern station between March and October.\n\n` +
      `[WARNING]: the sensors at the northern station drift by a degree every winter.\n`
    expect(findOverlaps([0, 1].map((k) => ({ id: `r${k}`, text: notes(k) }))).overlaps).toHaveLength(1)
  })

  it('keeps an edited copy with links that shares MIN_SHARED_WORDS words outside them, not one word fewer; and a copy word for word', () => {
    const link = (page: string) => `https://site.example.org/docs/guide/${page}/page`
    const note = (words: string, edition: string) => `${words} and ${link(`intro${edition}`)} or ${link(`setup${edition}`)}`
    const six = 'alpha bravo charlie delta echo foxtrot'
    expect(keptKindOf(note(six, 'a'), note(six, 'b'))).toBe('variant')
    expect(keptKindOf(note(six, 'a'), note('alpha bravo charlie delta echo golf', 'b'))).toBeUndefined()
    // A word one side writes in its text and the other only in a link is not shared outside links.
    expect(keptKindOf(note('alpha bravo charlie delta echo guide', 'a'), note('alpha bravo charlie delta echo golf', 'b'))).toBeUndefined()
    expect(keptKindOf(note('alpha bravo charlie delta echo golf', 'a'), note('alpha bravo charlie delta echo guide', 'b'))).toBeUndefined()
    // Word for word, links and all: a copy, however few its other words.
    expect(keptKindOf(note('alpha bravo', 'a'), note('alpha bravo', 'a'))).toBe('verbatim')
  })

  it("discounts the links of either side of an overlap's best pair alike, whichever document comes first", () => {
    const [before, after] = [
      'The parser reads a document once from start to end',
      'and keeps every node in the order the author wrote it, then hands the tree to the printer unchanged.',
    ]
    const linked = `${before} (see https://docs.example.org/parser/guide/reading/page) ${after}`
    const plain = `${before} ${after}`
    const scores = (a: string, b: string) =>
      findOverlaps([
        { id: 'a', text: a },
        { id: 'b', text: b },
      ]).overlaps.map((o) => o.score)
    const [[first], [second], [neither]] = [scores(linked, plain), scores(plain, linked), scores(plain, plain)]
    expect(first).toBe(second)
    expect(first).toBeLessThan(neither)
  })

  it("keeps two logs' entry whose commit links differ when a third log has its words (adding a document removes no overlap)", () => {
    // Three npm packages' change logs as they write a release (a reviewer: gopd, minimist and
    // has-symbols). The links' hashes and repositories are rare words; a third log holding the
    // entries' words lowered the pair's similarity from 0.48 to 0.32, and the FUNDING entry the
    // first two share was in no overlap.
    const entry = (repo: string, hash: string, text: string): string =>
      `- ${text} [\`${hash.slice(0, 7)}\`](https://github.com/${repo}/commit/${hash})`
    const log = (repo: string, version: string, entries: string[]): string =>
      `# Changelog\n\n## [${version}](https://github.com/${repo}/compare/v1.0.0...${version}) - 2022-11-01\n\n### Commits\n\n${entries.join('\n')}\n`
    const gopd = log('ljharb/gopd', 'v1.0.1', [
      entry('ljharb/gopd', '4b624bfbeff788c5e3ff16d9443a83627847234f', '[Fix] actually export gOPD instead of dP'),
      entry('ljharb/gopd', '11c22e6355bb01f24e7fac4c9bb3055eb5b25002', '[meta] create FUNDING.yml; add `funding` in package.json'),
      entry('ljharb/gopd', '4f4537a843b39f698c52f072845092e6fca345bb', '[meta] use `npmignore` to autogenerate an npmignore file'),
    ])
    const minimist = log('minimistjs/minimist', 'v1.2.7', [
      entry('minimistjs/minimist', 'f0fb958e9a1fe980cdffc436a211b0bda58f621b', '[Tests] add tests for the option parser'),
      entry('minimistjs/minimist', '3639e0c819359a366387e425ab6eabf4c78d3caa', '[meta] create FUNDING.yml; add `funding` in package.json'),
      entry('minimistjs/minimist', 'be2e038c342d8333b32f0fde67a0026b79c8150e', '[meta] use `npmignore` to autogenerate an npmignore file'),
    ])
    const hasSymbols = log('inspect-js/has-symbols', 'v1.0.3', [
      entry(
        'inspect-js/has-symbols',
        'ac81032809157e0a079e5264e9ce9b6f1275777e',
        '[meta] use `npmignore` to autogenerate an npmignore file',
      ),
      entry('inspect-js/has-symbols', 'aa57a17b19708906d1927f821ea8e73394d84ca4', '[meta] create FUNDING.yml'),
      entry(
        'inspect-js/has-symbols',
        'd84bdfa48ac5188abbb4904b42614cd6c030940a',
        '[Dev Deps] update `eslint`, `@ljharb/eslint-config`, `tape`',
      ),
    ])
    const funding = '[meta] create FUNDING.yml; add `funding` in package.json'
    for (const documents of [
      [
        { id: 'gopd', text: gopd },
        { id: 'minimist', text: minimist },
      ],
      [
        { id: 'gopd', text: gopd },
        { id: 'has-symbols', text: hasSymbols },
        { id: 'minimist', text: minimist },
      ],
    ]) {
      const overlaps = findOverlaps(documents).overlaps
      const shared = overlaps.find((o) =>
        ['gopd', 'minimist'].every((id) => o.passages.some((p) => p.doc === id && p.text.includes(funding))),
      )
      expect(shared?.kind, documents.map((d) => d.id).join(', ')).toBe('variant')
    }
  })

  it("measures the words outside two passages' links, numbers aside, the same however often asked (PairMeasure.outsideLinks)", () => {
    const entry = (repo: string, version: string, hash: string) =>
      `- [meta] create FUNDING.yml; add funding in package.json for ${version} [\`${hash}\`](https://github.com/${repo}/commit/${hash}abcdef)`
    const { corpus, measurer } = measurerOf([
      { id: 'a', text: entry('ljharb/gopd', '1.2.7', '11c22e6') },
      { id: 'b', text: entry('minimistjs/minimist', '2.0.1', '3639e0c') },
      { id: 'c', text: 'Create a funding file; add funding in package.json for 1.2.7 and say so.' },
    ])
    const last = (d: number) => corpus.docs[d].starts.length - 1
    const pair = () => measurer.measure(0, 0, last(0), 1, 0, last(1))
    const first = pair()
    // Outside the links: "meta create funding yml add funding package json" and each side's hash
    // (its numbers set aside): 8 words shared, the hashes the only difference.
    expect(first.outsideLinks?.shared).toBe(8)
    expect(first.outsideLinks!.similarity).toBeGreaterThan(first.similarity)
    expect(first.outsideLinks!.similarity).toBeLessThan(1)
    // A pair without a link on one side has none; and the scratch counts are left clean.
    expect(measurer.measure(0, 0, last(0), 2, 0, last(2)).outsideLinks).toBeUndefined()
    const figures = (m: PairMeasure) => {
      const { shared, weighted, similarity, outsideLinks, dice, commonShare, verbatim, spelledAlike } = m
      return { shared, weighted, similarity, outsideLinks, dice, commonShare, verbatim, spelledAlike }
    }
    expect(figures(pair())).toEqual(figures(first))
  })
})
