import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type AnalysedDocument, analyse } from '../../main/core/engine/analyse.js'
import {
  codeRuns,
  identifierJoins,
  isNumber,
  LINK,
  MAIL,
  MAX_COMMENT,
  linkWeightShare,
  nameJoins,
  NON_WORD,
  NON_WORD_PATTERNS,
  nonWordTokens,
  nonWordTokensIn,
} from '../../main/core/engine/nonwords.js'
import { ownWordAt } from '../../main/core/engine/tokenize.js'
import { findOverlaps } from '../../main/core/engine/overlaps.js'
import { wordsInCommon } from '../../main/core/engine/paraphrase.js'
import { Run } from '../../main/core/engine/progress.js'
import { analysed, engineFixture } from '../helpers.js'

// What a loose match does not read as words of a claim (nonwords.ts): parts of web and e-mail
// addresses, paths, file names, numbers, identifiers, Markdown code blocks and HTML markup.

const words = (doc: AnalysedDocument, marks: Uint8Array) =>
  [...marks.keys()].filter((t) => marks[t]).map((t) => doc.text.slice(doc.starts[t], doc.ends[t]))

/** The words two whole texts have in common as the paraphrase pass lists them (paraphrase.ts wordsInCommon). */
const inCommon = (a: string, b: string, claimsOnly: boolean) => {
  const corpus = analyse(
    [a, b].map((text, k) => ({ id: `d${k}`, text })),
    true,
    new Run({}),
  )
  const [A, B] = corpus.docs
  return wordsInCommon(corpus, 0, 0, A.surface.length - 1, 1, 0, B.surface.length - 1, claimsOnly)
}

describe('tokens that are no words of a claim', () => {
  it('marks numbers, and nothing else of a date or a name', () => {
    const [doc] = analysed('On Thu, 21 Aug 2008 at 21:50 the 3rd release of MD5 tools for Windows 10 came out.')
    expect(words(doc, nonWordTokens(doc))).toEqual(['21', '2008', '21', '50', '10'])
  })

  it('marks quantities, a number with a unit of measure, and not a name or a numbered part', () => {
    const [doc] = analysed('About 2KB, 8kB or ~2.5KB (~7KB); 10ms and 1024px at 3GHz. 6G and 5G, subsection 6b, x86 and the 2nd.')
    // A quantity with the sign it is written with (tokenize.ts) too.
    expect(words(doc, nonWordTokens(doc))).toEqual(['2KB', '8kB', '~2', '5KB', '~7KB', '10ms', '1024px', '3GHz'])
    // Two READMEs that give their packages' sizes say nothing alike (a reviewer of npm READMEs):
    // the sizes were their third shared word. Each among many sentences, so that the words they
    // share are rare ("qab", "qac", ...: words of letters only).
    const word = (k: number) => 'q' + String.fromCharCode(97 + (Math.floor(k / 26) % 26), 97 + (k % 26))
    const others = (from: number) =>
      Array.from({ length: 120 }, (_, k) => `The ${word(from + k)} module reads ${word(from + k + 1)} records.`).join(' ')
    const sizes = [
      `# fdir\n\n${others(0)}\n\n**Astonishingly Small:** < 2KB in size gzipped & minified.\n`,
      `# Tinybench\n\n${others(200)}\n\nBenchmark your code with Tinybench, a tiny \`7KB\` (\`2KB\` minified and gzipped)\nbenchmarking library!\n`,
    ].map((text, k) => ({ id: `d${k}`, text }))
    expect(findOverlaps(sizes).overlaps).toEqual([])
  })

  it('marks the words of addresses and nothing around them', () => {
    const [doc] = analysed('See https://www.gnu.org/licenses/gpl.html, or write to <help@example.org> (www.example.com/faq) today.')
    expect(words(doc, nonWordTokens(doc))).toEqual([
      'https',
      'www',
      'gnu',
      'org',
      'licenses',
      'gpl',
      'html',
      'help',
      'example',
      'org',
      'www',
      'example',
      'com',
      'faq',
    ])
  })

  it('ends an address where text follows it without a space, and reads a package version as numbers', () => {
    const [doc] = analysed('Visit WWW.Example.com\u2014the site\u2014or “https://a.org/x” today; lodash@4.17.21 is no address.')
    expect(words(doc, nonWordTokens(doc))).toEqual(['WWW', 'Example', 'com', 'https', 'a', 'org', 'x', '4', '17', '21'])
  })

  it('marks paths, and not words joined by a slash', () => {
    const [doc] = analysed(
      'Files: debian/* and src/lib/util.c, see /usr/share/common-licenses/GPL-2 or ./configure; GNU/Linux, and/or and input/output are words.',
    )
    expect(words(doc, nonWordTokens(doc))).toEqual([
      'debian',
      'src',
      'lib',
      'util',
      'c',
      'usr',
      'share',
      'common',
      'licenses',
      'GPL',
      '2',
      'configure',
    ])
  })

  it('marks file names with an extension, not initialisms, abbreviations or versions', () => {
    const [doc] = analysed(
      'Read login.defs and username.tar.gz on example.com, e.g. as the U.S. team did with v1.2 and GPL-2.0 here. Done.The U.S.Army',
    )
    expect(words(doc, nonWordTokens(doc))).toEqual(['login', 'defs', 'username', 'tar', 'gz', 'example', 'com', '2', '2', '0'])
  })

  it('marks package names that label a line, not compounds of prose, nor a name inside a sentence or opening a wrapped line', () => {
    const [doc] = analysed(
      'fonts-motoya-l-cedar\n  python3-opensnitch-ui: a state-of-the-art, up-to-date, high-quality tool by Jean-Pierre-Louis.\nCheck for the git-daemon-export-ok file, which repositories that have\ngit-daemon-export-ok file. export.',
    )
    expect(words(doc, nonWordTokens(doc))).toEqual(['fonts', 'motoya', 'l', 'cedar', 'python3', 'opensnitch', 'ui'])
  })

  it("makes no paraphrase of a package's name and a sentence with its words, nor of two synopses through their names (a tester)", () => {
    // Cut down from Debian's descriptions by the tester; the other fonts' lines set what is rare.
    const fonts = [
      'Motoya L Cedar lacks some characters, so these are covered by M+ fonts.',
      'fonts-motoya-l-cedar: Japanese Truetype font, Motoya L Cedar',
      'other characters and symbols useful to linguists. This font makes use of',
      "languages. It covers all of the Unicode Myanmar script blocks and works\n * Special support for: ksw, kht, kyu, shn, aio, phk, csh\n * Variation Selector support for kht, aio, phk\nFor detailed documentation see the contents of the 'documentation' folder.",
    ]
    expect(findOverlaps(fonts.map((text, k) => ({ id: `d${k}`, text }))).overlaps).toEqual([])
    const synopses = [
      'libghc-aeson-compat-prof: compatibility layer for aeson; profiling libraries\n\nCompatibility layer for aeson.\n',
      'libghc-th-bang-compat-dev: Compatibility for bang-type template\n\nThis module provides compatibility definitions of bang-type template.\n\nlibghc-th-bang-compat-prof: Compatibility for bang-type template; profiling libraries\n',
    ]
    expect(findOverlaps(synopses.map((text, k) => ({ id: `d${k}`, text }))).overlaps).toEqual([])
  })

  it('makes no paraphrase of two sentences about different things that name one file', () => {
    // As two manual pages (userdel's and useradd's) say where a setting is kept: the file's name
    // read as the words "login" and "defs" made the two a restatement of each other.
    const documents = [
      'The mail spool directory is set in the login.defs file of the system.\n\nThe home directory is removed with the -r option, and the mail spool with it.\n',
      'The system directory is set in login.defs, instead of the default.\n\nThe password is read from standard input in a batch.\n',
    ].map((text, k) => ({ id: `d${k}`, text }))
    expect(findOverlaps(documents).overlaps).toEqual([])
  })

  it("makes no paraphrase of a table of contents' entry and a sentence with its heading's words", () => {
    // A README's contents, "[Getting the AST node](#getting-the-ast-node)": the link's target read
    // as words made the entry a sentence of six, and another README's clause its paraphrase.
    const documents = [
      '    * [Getting the AST node](#getting-the-ast-node)\n',
      "- Literals (e.g. `123`, `'abc'`, `[1, 2, 3]`, `{'a': (), 'b': ([1, 2], [3])}`)\n" +
        "- Variables or attributes whose name is equal to the value's `__name__`, such as `foo` above or `self.foo` if it was a method.\n" +
        '- Builtins (e.g. `len`) referred to by their usual name.\n```python\n```\n' +
        'To get the source code of an AST node, I recommend [asttokens](https://github.com/gristlabs/asttokens).\n',
    ].map((text, k) => ({ id: `d${k}`, text }))
    expect(findOverlaps(documents).overlaps).toEqual([])
    const [doc] = analysed(documents[0].text)
    expect(words(doc, nonWordTokens(doc))).toEqual(['getting', 'the', 'ast', 'node'])
    // In angle brackets, or with a title; not an empty target.
    const [forms] = analysed('[Usage](<#usage-notes>) [Notes](#read-me "Notes") [Top](#)')
    expect(words(forms, nonWordTokens(forms))).toEqual(['usage', 'notes', 'read', 'me'])
  })

  it('marks commands named with their manual section, and not a number in brackets after a word', () => {
    const [doc] = analysed(
      'Run update-xmlcatalog(8), not xmlcatalog(1), g++(1) or sources.list(5); then repeat the steps (2), the list(s) and the item(2nd).',
    )
    expect(words(doc, nonWordTokens(doc))).toEqual([
      'update',
      'xmlcatalog',
      '8',
      'xmlcatalog',
      '1',
      'g++',
      '1',
      'sources',
      'list',
      '5',
      '2',
    ])
  })

  it("marks command-line options' names and values, not hyphenated words, bullets, trailers or negative numbers", () => {
    const [doc] = analysed(
      "* If --ignore-space-change or `-l' is given, pass -fuse-ld=gold and --tabsize=COLUMNS (or -E) to the high-tech tool.\n" +
        ' -- Maintainer <m@example.org>\n - a bullet at -5 degrees\n-Fixed a bug in **--verbose** and [-a|--all], --Joe Smith\n',
    )
    expect(words(doc, nonWordTokens(doc))).toEqual([
      'ignore',
      'space',
      'change',
      'l',
      'fuse',
      'ld',
      'gold',
      'tabsize',
      'COLUMNS',
      'E',
      'm',
      'example',
      'org',
      '-5',
      'verbose',
      'a',
      'all',
    ])
  })

  it('marks a bound prefix written with its hyphen, not a word before a hyphen or the prefix alone', () => {
    const [doc] = analysed(
      'It is re-raised by the co-maintainer in a pre\u2010release; Re: non-free, self-test, are-you, Core-re, re - done.\n',
    )
    expect(words(doc, nonWordTokens(doc))).toEqual(['re', 'co', 'pre'])
  })

  it('marks the items of a list written without spaces, not those of a list of prose nor two items (a number is marked as one)', () => {
    const [doc] = analysed('Updated translations (be,cs,en_CA,sr@Latn), lib{32,64,x32}; apples, pears, plums; 1,245,300 and a,b.\n')
    expect(words(doc, nonWordTokens(doc))).toEqual(['be', 'cs', 'en', 'CA', 'sr', 'Latn', '32', '64', 'x32', '1', '245', '300'])
  })

  it('makes no paraphrase of two lines that share the codes of their lists (a reviewer of NEWS files)', () => {
    // glib's and GTK's NEWS: the languages each release was translated into, six false paraphrases.
    const texts = [
      'Overview of changes in 2.30\n\n* New and updated translations (bg,cs,da,en_CA,es,et,nb,nl,no,sk,th,zh_TW)\n',
      'Overview of changes in 3.4\n\n* New and updated translations (cs,es,et,he,hu,nb,nl,no,sk)\n',
    ]
    expect(findOverlaps(texts.map((text, k) => ({ id: `d${k}`, text }))).overlaps.filter((o) => o.kind === 'paraphrase')).toEqual([])
  })

  it("reads no words of a claim in options' names (a reviewer of GNU packages' NEWS files)", () => {
    // diffutils' and patch's NEWS: a paraphrase "because" of "ignore", "space" and "change", the
    // words of diff's options, as a restatement of patch's sentence on its -l option.
    const texts = [
      'If --ignore-space-change or --ignore-all-space is also specified, blank lines are empty.\n',
      "`-l' ignores changes only in spaces and tabs, and blank lines are kept.\n",
    ] as const
    expect(inCommon(...texts, true)).toEqual({ alike: ['blank', 'lines'], forms: [] })
    // Read as words (an edited copy's), they are shared in other forms.
    expect(inCommon(...texts, false).forms).toEqual(['ignore/ignores', 'space/spaces', 'change/changes'])
  })

  it('marks the parts of identifiers joined by underscores, and counts each identifier once', () => {
    const [doc] = analysed('Call gtk_tree_selection_get_selected_rows() or __init__ and GNUTLS_CERT_EXPIRED: a self_test.')
    expect(words(doc, nonWordTokens(doc))).toEqual([
      'gtk',
      'tree',
      'selection',
      'get',
      'selected',
      'rows',
      'GNUTLS',
      'CERT',
      'EXPIRED',
      'self',
      'test',
    ])
    // 16 tokens; three identifiers of 6, 3 and 2 content words ("__init__" is one word, and joins
    // nothing): 5 + 2 + 1 joins.
    expect(doc.starts.length).toBe(16)
    expect(identifierJoins(doc, 0, doc.starts.length - 1)).toBe(8)
    // A span starting inside an identifier counts the joins after its first content word only.
    expect(identifierJoins(doc, 3, 6)).toBe(3)
    // "list_of_items": "of" is a function word, between two content words of one identifier.
    const [list] = analysed('Call is_it_on_the_list_of_items now.')
    expect(identifierJoins(list, 0, list.starts.length - 1)).toBe(1)
  })

  it('reads a written word with a colon and letters, or hexadecimal parts, as one code word', () => {
    const [doc] = analysed(
      'At "YYYY-MM-DDTHH:MM:SS.000Z" fleet-12a34b55-67cd-8ef9 uses arn:aws:rds:us-east-1:123456789012 and 2600:1f14:2a00::/56; ' +
        'not 21:50:21, GPL-2+, v1.2-4ubuntu1, self-reliance, e.g. nor debian/copyright.',
    )
    const runs = codeRuns(doc)
    const groups = Array.from({ length: runs.length / 2 }, (_, r) =>
      Array.from({ length: runs[2 * r + 1] - runs[2 * r] + 1 }, (_, k) =>
        doc.text.slice(doc.starts[runs[2 * r] + k], doc.ends[runs[2 * r] + k]),
      ),
    )
    expect(groups.map((g) => g.join(' '))).toEqual([
      'YYYY MM DDTHH MM SS 000Z',
      'fleet 12a34b55 67cd 8ef9',
      'arn aws rds us east 1 123456789012',
      '2600 1f14 2a00',
    ])
    // Not a clause of Chinese, written without spaces, around an ASCII colon (a reviewer).
    const [chinese] = analysed('注意:委员会周二开会审议港口预算。')
    expect([...codeRuns(chinese)]).toEqual([])
    // Each one word: 6 + 4 + 6 ("us" is a function word) content words, less one each.
    expect(identifierJoins(doc, 0, runs[5])).toBe(5 + 3 + 5)
  })

  it('makes no overlap of one shared code word, the words of a sentence around it counted', () => {
    // The AWS command line's examples: a date format and a fleet's id, six tokens each, were
    // verbatim overlaps of "6 shared words" (a reviewer).
    const alone = ['Set "StartTime": "YYYY-MM-DDTHH:MM:SS.000Z" here.', 'Give "EndTime": "YYYY-MM-DDTHH:MM:SS.000Z" there.']
    expect(findOverlaps(alone.map((text, k) => ({ id: `d${k}`, text }))).overlaps).toEqual([])
    const fleets = ['Deletes fleet-12a34b55-67cd-8ef9-ba9b-9208dEXAMPLE now.', 'Lists fleet-12a34b55-67cd-8ef9-ba9b-9208dEXAMPLE too.']
    expect(findOverlaps(fleets.map((text, k) => ({ id: `d${k}`, text }))).overlaps).toEqual([])
    const said = [
      'The following example deletes the fleet fleet-12a34b55-67cd-8ef9-ba9b-9208dEXAMPLE and its instances from the account.',
      'Note that the following example deletes the fleet fleet-12a34b55-67cd-8ef9-ba9b-9208dEXAMPLE and its instances from the account.',
    ]
    expect(findOverlaps(said.map((text, k) => ({ id: `d${k}`, text }))).overlaps).toHaveLength(1)
  })

  it('makes no overlap of one shared identifier, and none of a list of them and a sentence naming them', () => {
    // One name of a function, six tokens as sim_text reads it too, is no clause two release notes share.
    const named = [
      '* GDesktopAppInfo has a new method, g_desktop_app_info_launch_uris_as_manager(), which\n  gives more control over the launched process.\n',
      '* Bugs fixed:\n 791337 Crash opening URIs with g_desktop_app_info_launch_uris_with_spawn()\n 791342 Add autoptr support for lists\n',
    ].map((text, k) => ({ id: `d${k}`, text }))
    expect(findOverlaps(named).overlaps).toEqual([])
    // The notes of one release and a mail about it name the same functions and codes: the mail's
    // sentence shares nothing with the notes' list but five names (19 "words" as tokens).
    const listed = [
      'This changes the semantics of gnutls_x509_crt_list_verify, which in turn is used by gnutls_certificate_verify_peers and ' +
        'gnutls_certificate_verify_peers2. Two codes report the new error condition, GNUTLS_CERT_NOT_ACTIVATED and GNUTLS_CERT_EXPIRED.\n',
      'The affected functions are:\n\ngnutls_x509_crt_list_verify: CHANGED, checks activation/expiration times.\n' +
        'gnutls_certificate_verify_peers: Likewise.\ngnutls_certificate_verify_peers2: Likewise.\nGNUTLS_CERT_NOT_ACTIVATED: ADDED.\n' +
        'GNUTLS_CERT_EXPIRED: ADDED.\n',
    ].map((text, k) => ({ id: `d${k}`, text }))
    expect(findOverlaps(listed).overlaps).toEqual([])
  })

  it('counts the content words of an identifier once, and only identifiers both lines share', () => {
    // Around the line, each document says other things.
    const around = (line: string, k: number) =>
      [
        `The weather was mild and the harvest came in early this year across the valley.\n\n${line}\n\nMore notes follow.`,
        `Other lines here today.\n\n${line}\n\nOur choir sang at the festival and the mayor thanked every volunteer warmly.`,
      ][k]
    const kept = (a: string, b: string) => findOverlaps([a, b].map((line, k) => ({ id: `d${k}`, text: around(line, k) }))).overlaps.length
    // "is_it_on_the_list_of_items" is the content words "list" and "items": one word, six in all.
    const line = 'Calling is_it_on_the_list_of_items resets the widget cache before drawing.'
    expect(kept(line, line)).toBe(1)
    // Identifiers that differ ("list", "map") take nothing from the seven words the lines share.
    const fix = (name: string) => `Fix a rare crash seen in ${name} when the widget cache is reset.`
    expect(kept(fix('is_it_in_the_list'), fix('is_it_in_the_map'))).toBe(1)
  })

  it('counts a name with a slash as one word where the other side writes another name', () => {
    const merge = (name: string, hash = '30e215a65c') => `(merge ${hash} ${name} later to maint).`
    const [a, b, c] = analysed(
      merge('er/fast-import-dump-refs-on-checkpoint'),
      merge('sg/fast-import-dump-refs-on-checkpoint-fix'),
      merge('er/fast-import-dump-refs-on-checkpoint'),
    )
    const all = (doc: AnalysedDocument): [number, number] => [0, doc.starts.length - 1]
    // "er/fast-import-dump-refs-on-checkpoint": six content words, five joins ("on" is a function
    // word); the other name seven, six joins: the fewer, five.
    expect(nameJoins(a, ...all(a), b, ...all(b))).toBe(5)
    // The same name on both sides: its words are shared words.
    expect(nameJoins(a, ...all(a), c, ...all(c))).toBe(0)
    // Names part after the folders they share: "jk/" of two topic branches ("pack", "objects",
    // "bitmap", "splitting" past it: three joins; the other's four), "/usr/share/common-licenses/"
    // of two licences ("GPL", "2": one join).
    const [d, e] = analysed(merge('jk/pack-objects-no-bitmap-when-splitting'), merge('jk/pack-objects-bitmap-progress-fix', '8e118e8490'))
    expect(nameJoins(d, ...all(d), e, ...all(e))).toBe(3)
    const [f, g] = analysed(
      'See /usr/share/common-licenses/GPL-2 for the terms.',
      'See /usr/share/common-licenses/Apache-2.0 for the terms.',
    )
    expect(nameJoins(f, ...all(f), g, ...all(g))).toBe(1)
    // One address however it is written: with or without its scheme and "www.", in a link's
    // brackets or bare. A Chinese sentence's "和/或" is no name (a name has no such letters).
    const [h, i, j] = analysed(
      'Format: http://www.debian.org/doc/packaging-manuals/copyright-format/1.0/ here.',
      'Format: [the format](https://debian.org/doc/packaging-manuals/copyright-format/1.0) here.',
      'Format: www.debian.org/doc/packaging-manuals/copyright-format/1.0 here.',
    )
    expect(nameJoins(h, ...all(h), i, ...all(i))).toBe(0)
    expect(nameJoins(h, ...all(h), j, ...all(j))).toBe(0)
    const [k, l] = analysed(
      '提交书面材料和/或电子材料，逾期未提交的视为撤回申请。',
      '提交书面材料和/或电子文件，逾期未提交的视为撤回申请。',
    )
    expect(nameJoins(k, ...all(k), l, ...all(l))).toBe(0)
    // Two release notes' lines that merge two topic branches of one family share their parts, not a
    // line: no aligned pair (the paraphrase pass, which weighs words by the corpus, is left out: in
    // two documents every word is rare); the same branch merged in both is a line they share.
    const around = (line: string, k: number) =>
      [
        `The weather was mild and the harvest came in early this year across the valley.\n\n${line}\n\nMore notes follow.`,
        `Other lines here today.\n\n${line}\n\nOur choir sang at the festival and the mayor thanked every volunteer warmly.`,
      ][k]
    const kept = (x: string, y: string) =>
      findOverlaps(
        [x, y].map((line, k) => ({ id: `d${k}`, text: around(line, k) })),
        { paraphrase: false },
      ).overlaps.length
    expect(kept(merge('er/fast-import-dump-refs-on-checkpoint'), merge('sg/fast-import-dump-refs-on-checkpoint-fix', 'ab29f1b329'))).toBe(0)
    expect(kept(merge('er/fast-import-dump-refs-on-checkpoint'), merge('er/fast-import-dump-refs-on-checkpoint'))).toBe(1)
  })

  it('keeps a whole sentence both write word for word, its identifier one word of it', () => {
    // The same item in two release notes, between items of each one's own: six content words, of
    // which "parse_config_key" is three; a sentence of ten words both texts have whole.
    const item = ' * The "parse_config_key()" API function has been cleaned up.'
    const documents = [
      ['Release one', item, ' * An helper function to make it easier to append the result to a strbuf has been added.'],
      ['Changes in two', ' * Some warning() messages from "git clean" were updated to show the errno.', item],
    ].map((lines, k) => ({ id: `d${k}`, text: lines.join('\n\n') + '\n' }))
    expect(findOverlaps(documents, { paraphrase: false }).overlaps.map((o) => o.passages.map((p) => p.text))).toEqual([
      [item.slice(3), item.slice(3)],
    ])
  })

  it('keeps a Chinese sentence with a slash in it, which is no address', () => {
    const shared = '申请人应当在规定期限内提交书面材料和/或电子材料，逾期未提交的视为撤回申请。'
    const documents = [
      '第一条 本办法适用于全省范围内的行政许可事项。' + shared + '本条自发布之日起施行。',
      '第五条 各地可以结合实际制定实施细则并报省政府备案。' + shared + '其他事项另行规定。',
    ].map((text, k) => ({ id: `d${k}`, text }))
    expect(findOverlaps(documents, { paraphrase: false }).overlaps.map((o) => o.passages.map((p) => p.text))).toEqual([[shared, shared]])
  })

  it('keeps a shared line that names an identifier among six words of its own', () => {
    const documents = [
      '2021-03-01  Paul Eggert\n\n\tUse intmax_t, not int, for the count of lines read so far.\n\t* src/wc.c (main): Adjust.\n',
      'Changes in 9.1:\n\n* Use intmax_t, not int, for the count of lines read so far.\n* Other fixes.\n',
    ].map((text, k) => ({ id: `d${k}`, text }))
    const overlaps = findOverlaps(documents).overlaps
    expect(overlaps.map((o) => o.passages.map((p) => p.text))).toEqual([
      ['Use intmax_t, not int, for the count of lines read so far.', 'Use intmax_t, not int, for the count of lines read so far.'],
    ])
  })

  it('marks a span of tokens as it marks them in the whole text, however the span cuts an address or path', () => {
    // A fresh document each time: nonWordTokens keeps its marks, which nonWordTokensIn would reuse.
    const text =
      'Files: debian/* src/lib/util.c\nSee https://www.gnu.org/licenses/gpl.html or <help@example.org>, 2008-2010; GNU/Linux 3rd.'
    const whole = nonWordTokens(analysed(text)[0])
    for (let t0 = 0; t0 < whole.length; t0++)
      for (let t1 = t0; t1 < whole.length; t1++)
        expect([...nonWordTokensIn(analysed(text)[0], t0, t1)]).toEqual([...whole.slice(t0, t1 + 1)])
  })

  it('marks spans of one document asked again and again as the whole text, before and after it is read whole', () => {
    // The spans asked of a document add up past its length and it is then read whole once.
    const text = 'See https://www.gnu.org/licenses/gpl.html or <help@example.org>, and `code` in src/lib/util.c.'
    const whole = nonWordTokens(analysed(text)[0])
    const doc = analysed(text)[0]
    for (let t0 = whole.length - 1; t0 >= 0; t0--) expect([...nonWordTokensIn(doc, t0, whole.length - 1)]).toEqual([...whole.slice(t0)])
    expect(nonWordTokens(doc)).toEqual(whole)
  })

  it('marks links, web addresses and HTML tags, as LINK too, and e-mail addresses as MAIL; not paths, numbers or code', () => {
    const text = [
      'See <a href="https://example.org/x">the guide</a> at www.example.com/faq or mail help@example.org.',
      'Files: debian/* src/lib/util.c in 2008',
      '',
      '```js',
      'const guide = load()',
      '```',
    ].join('\n')
    const [doc] = analysed(text)
    const marks = nonWordTokens(doc)
    const linked = words(
      doc,
      marks.map((m) => m & LINK),
    )
    expect(linked).toEqual(['a', 'href', 'https', 'example', 'org', 'x', 'a', 'www', 'example', 'com', 'faq'])
    // An e-mail address is MAIL; the rest of what is no word of a claim is that only.
    const mark = (word: string) => marks[doc.starts.findIndex((s) => doc.text.startsWith(word, s))]
    expect(
      words(
        doc,
        marks.map((m) => m & MAIL),
      ),
    ).toEqual(['help', 'example', 'org'])
    expect(mark('help')).toBe(NON_WORD | MAIL)
    for (const word of ['debian', 'src', 'util', '2008', 'const', 'load']) expect(mark(word), word).toBe(NON_WORD)
    // A span is marked as in the whole text.
    const fresh = analysed(text)[0]
    expect([...nonWordTokensIn(fresh, 3, 12)]).toEqual([...marks.slice(3, 13)])
    // The weight of a passage's words in its links: all of a link, none of prose.
    const weights = new Float64Array(1024).fill(1)
    const at = (word: string) => doc.starts.findIndex((s) => doc.text.startsWith(word, s))
    expect(linkWeightShare(doc, at('https'), at('x'), weights)).toBe(1)
    expect(linkWeightShare(doc, at('Files'), at('2008'), weights)).toBe(0)
    const share = linkWeightShare(doc, 0, at('faq'), weights)
    expect(share).toBeGreaterThan(0.5)
    expect(share).toBeLessThan(1)
    // Nor are a systemd unit or a package at a version e-mail addresses (a reviewer).
    const [units] = analysed('Enable getty@tty1.service and pg_dump@15-main.timer, then install pnpm@7.x or mail help@example.org.')
    expect(
      words(
        units,
        nonWordTokens(units).map((m) => m & MAIL),
      ),
    ).toEqual(['help', 'example', 'org'])
    // An e-mail address weighs nothing either: a signature's names weigh, its addresses not.
    const [signed] = analysed('Jean-loup Gailly    Mark Adler\njloup@gzip.org    madler@alumni.caltech.edu')
    expect(linkWeightShare(signed, 0, signed.starts.length - 1, weights)).toBeCloseTo(7 / 12)
    expect(linkWeightShare(signed, 5, signed.starts.length - 1, weights)).toBe(1)
    // A span that starts inside an address (its "www." before it) or inside a tag with no address.
    expect(linkWeightShare(doc, at('example.com'), at('faq'), weights)).toBe(1)
    const [tagged] = analysed('Our logo: <img alt="logo" src="x.svg" width="64"> and more <!-- a licence notice --> words')
    const inTag = (word: string) => tagged.starts.findIndex((s) => tagged.text.startsWith(word, s))
    expect(linkWeightShare(tagged, inTag('src'), inTag('width'), weights)).toBe(1)
    // A comment is text, no link (though no claim of a paraphrase either).
    expect(
      words(
        tagged,
        nonWordTokens(tagged).map((m) => m & LINK),
      ),
    ).toEqual(['img', 'alt', 'logo', 'src', 'x', 'svg', 'width', '64'])
    expect(nonWordTokens(tagged)[inTag('licence')]).toBe(NON_WORD)
  })

  it('reads a comment as HTML does: to the first "-->", MAX_COMMENT characters at most, none nested', () => {
    /** The tokens of `text` marked LINK (tags), and those marked at all. */
    const read = (text: string) => {
      const [doc] = analysed(text)
      const marks = nonWordTokens(doc)
      return {
        links: words(
          doc,
          marks.map((m) => m & LINK),
        ),
        marked: words(
          doc,
          marks.map((m) => m & NON_WORD),
        ),
      }
    }
    const filler = (n: number) => 'w '.repeat(n / 2)
    // A comment of MAX_COMMENT characters hides the tag in it; one more, and it is no comment.
    const held = `${filler(MAX_COMMENT - 8)}<b>x</b>`
    expect(held).toHaveLength(MAX_COMMENT)
    expect(read(`<!--${held}-->`).links).toEqual([])
    expect(read(`<!--${held} -->`).links).toEqual(['b', 'b'])
    // "<!--->" opens a comment that "--->" closes further on ("<!--" then "-"), and the first
    // "-->" ends it: the second "<!--" is inside, the "-->" after it text.
    expect(read('a <!---> w <b>x</b> --> c').links).toEqual([])
    expect(read('<!-- <!-- a --> b --> <i>c</i>').links).toEqual(['i', 'i'])
    // An unclosed "<!--" farther than MAX_COMMENT before a real comment opens none; the real one does.
    expect(read(`<!-- ${filler(MAX_COMMENT + 10)}<u>y</u> <!-- <b>x</b> --> <i>c</i>`).links).toEqual(['u', 'u', 'i', 'i'])
    // A comment reaching into a code block is none; its words are words.
    expect(read('t <!-- a\n```\nx\n```\n --> after').marked).toEqual(['x'])
  })

  it("marks a Markdown code block's lines and HTML tags, not the prose around them", () => {
    const text = [
      'Install it <a href="https://example.org/x"><img alt="logo" src="x.svg"></a> with npm:',
      '',
      '```javascript',
      "const tmp = require('tmp') // <b>bold</b>",
      '```',
      '',
      'Then <!-- a comment --> call it: m < n and p > q stay words.',
      '',
      '~~~~',
      'an unclosed block',
      '```',
      'runs on',
    ].join('\n')
    const [doc] = analysed(text)
    const marked = words(doc, nonWordTokens(doc))
    expect(marked.slice(0, 11)).toEqual(['a', 'href', 'https', 'example', 'org', 'x', 'img', 'alt', 'logo', 'src', 'x'])
    expect(marked).toContain('javascript')
    expect(marked).toEqual(expect.arrayContaining(['const', 'tmp', 'require', 'bold', 'comment', 'unclosed', 'block', 'runs', 'on']))
    for (const word of ['Install', 'with', 'npm', 'Then', 'call', 'it', 'm', 'n', 'and', 'p', 'q', 'stay', 'words'])
      expect(marked).not.toContain(word)
    // Not a fence: a reStructuredText heading's underline, code inline, a fence after text that
    // closes nothing; not a tag: prose with "<" and ">" in it.
    const [prose] = analysed(
      [
        'Usage',
        '~~~~~',
        '',
        'The program reads its settings.',
        '',
        'Options',
        '~~~~~~~',
        '',
        '```npm install foo``` and then configure it; while i<n holds, it goes on, returned -> to its caller.',
      ].join('\n'),
    )
    expect(words(prose, nonWordTokens(prose))).toEqual([])
    // A bare fence under a longer line of text opens a block, as Markdown writes them.
    const [usage] = analysed('Install it:\n```\nnpm install tmp\n```\nand read on.')
    expect(words(usage, nonWordTokens(usage))).toEqual(['npm', 'install', 'tmp'])
    // A span reads them as the whole text does.
    for (let t0 = 0; t0 < doc.starts.length; t0 += 3)
      expect([...nonWordTokensIn(analysed(text)[0], t0, doc.starts.length - 1)]).toEqual([...nonWordTokens(doc).slice(t0)])
  })

  it("makes no overlap of two HTML tables by their tags, whose rows say different things (Node.js's API documents, a tester)", () => {
    // crypto.md's table of OpenSSL's options, os.md's of POSIX signals, fs.md's of file flags:
    // "<tr><td><code>NAME</code></td><td>...</td></tr>" rows, alike in their tags alone. fs.md's
    // and os.md's were an edited copy, and crypto.md's and os.md's a paraphrase in a larger corpus.
    const docs = engineFixture('html-tables')
    const { overlaps } = findOverlaps(docs)
    expect(overlaps.length).toBeGreaterThan(0)
    // What the tables' documents share is the sentence before them and their heading row.
    for (const o of overlaps) {
      expect(o.passages.map((p) => p.doc).sort()).toEqual(['crypto.md', 'fs.md', 'os.md'])
      for (const p of o.passages) expect(p.text).toContain('The following constants are exported.')
    }
  })

  it('marks a reStructuredText literal block\'s lines, after a paragraph ending "::" or a code directive', () => {
    const text = [
      'The following command returns the settings for ``Trail1``::',
      '',
      '  aws cloudtrail get-event-selectors --trail-name Trail1',
      '',
      '    still indented further',
      '',
      'Output follows in prose again.',
      '',
      '.. code-block:: bash',
      '',
      '   pip install requests',
      '',
      'Back to prose::',
      'not a block: no blank line after it.',
      '',
      'A path such as Net::DBus:: in a sentence, then',
      'prose at its indent.',
    ].join('\r\n')
    const [doc] = analysed(text)
    const marked = words(doc, nonWordTokens(doc))
    expect(marked).toEqual(
      expect.arrayContaining([
        'aws',
        'cloudtrail',
        'get',
        'event',
        'selectors',
        'Trail1',
        'still',
        'indented',
        'further',
        'pip',
        'requests',
      ]),
    )
    for (const word of ['following', 'command', 'returns', 'Output', 'prose', 'again', 'Back', 'not', 'block', 'sentence', 'indent'])
      expect(marked).not.toContain(word)
  })

  it("makes no paraphrase of two AWS CLI examples' command lines (reStructuredText literal blocks, a tester)", () => {
    // awscli/examples/cloudtrail, as shipped: the same two files with their blocks fenced as
    // Markdown gave none already.
    const documents = [
      {
        id: 'get-event-selectors',
        text: '**To view the event selector settings for a trail**\n\nThe following ``get-event-selectors`` command returns the settings for ``Trail1``::\n\n  aws cloudtrail get-event-selectors --trail-name Trail1\n\nOutput::\n\n  {\n    "EventSelectors": [\n        {\n            "IncludeManagementEvents": true,\n            "DataResources": [],\n            "ReadWriteType": "All"\n        }\n    ],\n    "TrailARN": "arn:aws:cloudtrail:us-east-1:123456789012:trail/Trail1"\n  }\n',
      },
      {
        id: 'get-trail-status',
        text: '**To get the status of a trail**\n\nThe following ``get-trail-status`` command returns the delivery and logging details for ``Trail1``::\n\n  aws cloudtrail get-trail-status --name Trail1\n\nOutput::\n\n  {\n    "LatestNotificationTime": 1454022144.869, \n    "LatestNotificationAttemptSucceeded": "2016-01-28T23:02:24Z", \n    "LatestDeliveryAttemptTime": "2016-01-28T23:02:24Z", \n    "LatestDeliveryTime": 1454022144.869, \n    "TimeLoggingStarted": "2015-11-06T18:36:38Z", \n    "LatestDeliveryAttemptSucceeded": "2016-01-28T23:02:24Z", \n    "IsLogging": true, \n    "LatestCloudWatchLogsDeliveryTime": 1454022144.918, \n    "StartLoggingTime": 1446834998.695, \n    "StopLoggingTime": 1446834996.933, \n    "LatestNotificationAttemptTime": "2016-01-28T23:02:24Z", \n    "TimeLoggingStopped": "2015-11-06T18:36:36Z"\n  }',
      },
    ]
    expect(findOverlaps(documents).overlaps.filter((o) => o.kind === 'paraphrase')).toEqual([])
  })

  it("marks a reStructuredText field's name, not its value", () => {
    const text = [
      ':title: AWS CLI Return Codes',
      ':related command: s3, s3 cp',
      '    :param timeout: seconds to wait',
      'A sentence with a colon: and a time 12:30: stay words.',
    ].join('\n')
    const [doc] = analysed(text)
    const marked = words(doc, nonWordTokens(doc))
    expect(marked).toEqual(expect.arrayContaining(['title', 'related', 'command', 'param', 'timeout']))
    for (const word of ['AWS', 'CLI', 'Return', 'Codes', 'seconds', 'wait', 'sentence', 'colon', 'time', 'stay'])
      expect(marked).not.toContain(word)
  })

  it("makes no overlap of the AWS CLI topics' fields (a tester)", () => {
    // awscli/topics, as shipped (the start of each): three topics on different things.
    const documents = [
      {
        id: 'config-vars',
        text: ':title: AWS CLI Configuration Variables\n:description: Configuration Variables for the AWS CLI\n:category: General\n:related command: configure, configure get, configure set\n:related topic: s3-config\n\nConfiguration values for the AWS CLI can come from several sources:\n\n* As a command line option\n* As an environment variable\n* As a value in the AWS CLI config file\n* As a value in the AWS Shared Credential file\n\nSome options are only available in the AWS CLI config.  This topic guide covers\nall the configuration variables available in the AWS CLI.\n\nNote that if you are just looking to get the minimum required configuration to\nrun the AWS CLI, we recommend running ``aws configure``, which will prompt you\nfor the necessary configuration values.\n\nConfig File Format\n==================\n\nThe AWS CLI config file, which defaults to ``~/.aws/config`` has the following\nformat::\n\n    [default]\n    aws_access_key_id=foo\n    aws_secret_access_key=bar\n    region=us-west-2\n\nThe ``default`` section refers to the configuration values for the default\nprofile.  You can create profiles, which represent logical groups of\nconfiguration.  Profiles that aren\'t the default profile are specified by\ncreating a section titled "profile profilename"::\n\n    [profile testing]\n    aws_access_key_id=foo\n    aws_secret_access_key=bar\n    region=us-west-2\n\nNested Values\n-------------\n\nSome service specific configuration, discussed in more detail below, has a\nsingle top level key, with nested sub values.  These sub values are denoted by\nindentation::\n\n    [profile testing]\n    aws_access_key_id = foo\n    aws_secret_access_key = bar\n    region = us-west-2\n    s3 =\n      max_concurrent_requests=10\n      max_queue_size=1000\n\n\nGeneral Options\n===============\n\nThe AWS CLI has a few general options:\n\n==================== =========== ===================== ===================== ============================\nVariable             Option      Config Entry          Environment Variable  Description\n==================== =========== ===================== ===================== ============================\nprofile              --profile   N/A                   AWS_PROFILE           Default profile name\n-------------------- ----------- --------------------- --------------------- ----------------------------\nregion               --region    region                AWS_DEFAULT_REGION    Default AWS Region\n-------------------- ----------- --------------------- --------------------- ----------------------------\noutput               --output    output                AWS_DEFAULT_OUTPUT    Default output style\n-------------------- ----------- --------------------- --------------------- ----------------------------\ncli_timestamp_format N/A         cli_timestamp_format  N/A                   Output format of timestamps\n-------------------- ----------- --------------------- --------------------- ----------------------------\ncli_follow_urlparam  N/A         cli_follow_urlparam   N/A                   Fetch URL url parameters\n-------------------- ----------- --------------------- --------------------- ----------------------------\nca_bundle            --ca-bundle ca_bundle             AWS_CA_BUNDLE         CA Certificate Bundle\n-------------------- ----------- --------------------- --------------------- ----------------------------\nparameter_validation N/A         parameter_validation  N/A                   Toggles parameter validation\n-------------------- ----------- --------------------- --------------------- ----------------------------\ntcp_keepalive        N/A         tcp_keepalive         N/A                   Toggles TCP Keep-Alive\n',
      },
      {
        id: 'return-codes',
        text: ':title: AWS CLI Return Codes\n:description: Describes the various return codes of the AWS CLI\n:category: General\n:related command: s3, s3 cp, s3 sync, s3 mv, s3 rm\n\n',
      },
      {
        id: 's3-config',
        text: ':title: AWS CLI S3 Configuration\n:description: Advanced configuration for AWS S3 Commands\n:category: S3\n:related command: s3 cp, s3 sync, s3 mv, s3 rm\n\nThe ``aws s3`` transfer commands, which include the ``cp``, ``sync``, ``mv``,\nand ``rm`` commands, have additional configuration values you can use to\ncontrol S3 transfers.  This topic guide discusses these parameters as well as\nbest practices and guidelines for setting these values.\n\nBefore discussing the specifics of these values, note that these values are\nentirely optional.  You should be able to use the ``aws s3`` transfer commands\nwithout having to configure any of these values.  These configuration values\nare provided in the case where you need to modify one of these values, either\nfor performance reasons or to account for the specific environment where these\n``aws s3`` commands are being run.\n\n\nConfiguration Values\n====================\n\nThese are the configuration values you can set specifically for the ``aws s3``\ncommand set:\n\n* ``max_concurrent_requests`` - The maximum number of concurrent requests.\n* ``max_queue_size`` - The maximum number of tasks in the task queue.\n* ``multipart_threshold`` - The size threshold the CLI uses for multipart\n  transfers of individual files.\n* ``multipart_chunksize`` - When using multipart transfers, this is the chunk\n  size that the CLI uses for multipart transfers of individual files.\n* ``max_bandwidth`` - The maximum bandwidth that will be consumed for uploading\n  and downloading data to and from Amazon S3.\n\n\nThese are the configuration values that can be set for both ``aws s3``\nand ``aws s3api``:\n\n* ``use_accelerate_endpoint`` - Use the Amazon S3 Accelerate endpoint for\n  all ``s3`` and ``s3api`` commands. You **must** first enable S3 Accelerate\n  on your bucket before attempting to use the endpoint. This is mutually\n  exclusive with the ``use_dualstack_endpoint`` option.\n* ``use_dualstack_endpoint`` - Use the Amazon S3 dual IPv4 / IPv6 endpoint for\n  all ``s3`` and ``s3api`` commands.  This is mutually exclusive with the\n  ``use_accelerate_endpoint`` option.\n* ``addressing_style`` - Specifies which addressing style to use. This controls\n  if the bucket name is in the hostname or part of the URL. Value values are:\n  ``path``, ``virtual``, and ``auto``.  The default value is ``auto``.\n* ``payload_signing_enabled`` - Refers to whether or not to SHA256 sign sigv4\n  payloads. By default, this is disabled for streaming uploads (UploadPart\n  and PutObject) when using https.\n\n\nThese values must be set under the top level ``s3`` key in the AWS Config File,\nwhich has a default location of ``~/.aws/config``.  Below is an example\nconfiguration::\n\n    [profile development]\n    aws_access_key_id=foo\n    aws_secret_access_key=bar\n    s3 =\n      max_concurrent_requests = 20\n      max_queue_size = 10000\n      multipart_threshold = 64MB\n      multipart_chunksize = 16MB\n      max_bandwidth = 50MB/s\n      use_accelerate_endpoint = true\n      addressing_style = path\n\n\nNote that all the S3 configuration values are indented and nested under the top\nlevel ``s3`` key.\n\nYou can also set these values programmatically using the ``aws configure set``\ncommand.  For example, to set the above values for the default profile, you\ncould instead run these commands::\n\n    $ aws configure set default.s3.max_concurrent_requests 20\n    $ aws configure set default.s3.max_queue_size 10000\n    $ aws configure set default.s3.multipart_threshold 64MB\n    $ aws configure set default.s3.multipart_chunksize 16MB\n',
      },
    ]
    const overlaps = findOverlaps(documents).overlaps
    expect(overlaps.filter((o) => o.passages.some((p) => p.text.includes(':category:')))).toEqual([])
    expect(overlaps.filter((o) => o.kind === 'paraphrase' && o.passages.some((p) => p.text.includes(':title:')))).toEqual([])
  })

  it('makes no paraphrase of two code snippets', () => {
    // Shaped as two READMEs of npm packages (a reviewer): their snippets share "javascript",
    // "require" and the package's name, and were reported as a paraphrase.
    const documents = [
      [
        'Load the settings of your project from a file into the environment before anything else runs.',
        '',
        '```javascript',
        "const settings = require('settings-loader')",
        'settings.config()',
        '```',
        '',
        'Version 2 dropped support for old runtimes, and the parser now keeps quoted values whole.',
      ],
      [
        'Report bugs on the tracker; pull requests that add tests are welcome.',
        '',
        '```javascript',
        "require('settings-loader').config()",
        'console.log(process.env.PORT)',
        '```',
        '',
        'Expansion of variables inside values happens after they are read, one line at a time.',
      ],
    ].map((lines, k) => ({ id: `d${k}`, text: lines.join('\n') }))
    expect(findOverlaps(documents).overlaps).toEqual([])
  })

  it('makes no loose match of two stanzas naming different files', () => {
    // Debian copyright stanzas of two programs, each naming its own test_utils files: read as
    // words, the paths share "test", "utils", "h" in order, and were aligned into a match of
    // similarity 0.6, reported as a paraphrase.
    const documents = [
      'Files: chrome/test/file_test_utils.cc chrome/test/file_test_utils.h\nCopyright: 2006-2009 The Chromium Authors.\nLicense: BSD-3-clause\n\n' +
        'Files: chrome/browser/tab_utils.cc\nCopyright: 2010 The Chromium Authors.\nLicense: BSD-3-clause\n',
      'Files: test_utils/test_utils.c\n       test_utils/test_utils.h\nCopyright:\n (c) 2003-2012 Tim Kientzle\nLicense: BSD-2-clause\n\n' +
        'Files: tar/test/test_option.c\nCopyright: 2021 Ryan Libby\nLicense: BSD-2-clause\n',
    ].map((text, k) => ({ id: `d${k}`, text }))
    expect(findOverlaps(documents).overlaps).toEqual([])
  })

  it('makes no paraphrase of two addresses on one site', () => {
    // Each address a sentence of its own, its site's name said often around it: read as words,
    // the two share http, www, org and licenses, and their cosine is 0.7.
    const documents = [
      'The Apache License 2.0 covers this program. Apache grants you a patent grant too. Version 2.0 of it came out in 2004.\n\n' +
        'http://www.apache.org/licenses/LICENSE-2.0\n\nThe Apache foundation keeps the text.\n',
      'The GNU LGPL covers this library. Read why the GNU project prefers the GPL to the LGPL for most libraries. Why not the LGPL, ' +
        'you ask? The html page says why.\n\n<https://www.gnu.org/licenses/why-not-lgpl.html>\n\nGNU software is free.\n',
    ].map((text, k) => ({ id: `d${k}`, text }))
    expect(findOverlaps(documents).overlaps).toEqual([])
  })
  it('makes no paraphrase of two timestamps', () => {
    // Each timestamp a clause; the months, years and zones are said again around them (so they
    // weigh little), and the two share only a weekday and three numbers.
    const documents = [
      'This package was debianized by Marcus Brinkmann on\nThu, 25 Jul 2002 21:50:21 +0200.\n\nIt was taken over in Jul 2002 by Matthias.\n' +
        'The 25 Jul 2002 upload was the first.\nAnother upload on Aug 2008 fixed it, at +0200.\nPeter wrote on 25 Aug 2008, -0400 time.\n',
      '  Subject: Re: license for the annotations\n  Date: Thu, 21 Aug 2008 21:50:44 -0400\n  .\n  I hereby grant license to the code on 25 Jul 2002.\n' +
        'The mail of Aug 2008 came at -0400 and 44 past.\nIn Jul 2002 and +0200 too.\n',
    ].map((text, k) => ({ id: `d${k}`, text }))
    expect(findOverlaps(documents).overlaps).toEqual([])
  })

  it('makes no overlap of a short list of years or versions, and keeps a table of numbers', () => {
    /** The engine's overlaps among `texts`. */
    const overlapsOf = (...texts: string[]) => findOverlaps(texts.map((text, k) => ({ id: `d${k}`, text }))).overlaps
    // Two copyright files that list the same years for different holders; two manual pages'
    // version histories (a reviewer: "0.0, 1.0.1, 1.0" / "0.0, 0.1, and 1.0", near-verbatim).
    const years = '1996, 1997, 1998, 1999, 2000, 2001, 2002, 2003, 2004, 2005'
    expect(
      overlapsOf(
        `Copyright:\n ${years} Alice Example <alice@example.org>\nLicense: GPL-2+\n`,
        `Files: src/*\nCopyright: ${years}\n  Bob Sample and the Sample project\nLicense: BSD-3-clause\n`,
      ),
    ).toEqual([])
    // Two version histories, near-verbatim by their numbers alone.
    expect(
      overlapsOf(
        'The format was changed in versions 0.0, 1.0.1, 1.0, 1.2.3, 1.4 and 2.0.6 of the program.\n',
        'Archives of the releases 0.0, 0.1, and 1.0, 1.2.3, 1.4, 2.0.6 are kept on the site.\n',
      ),
    ).toEqual([])
    // Versions written with a "v", as Node.js's documents write them, under one label (a tester:
    // an eighth of an HTML corpus's overlaps).
    expect(
      overlapsOf(
        'buffer.transcode(source, fromEnc, toEnc)\n\nAdded in: v15.13.0, v14.17.0\n\nRe-encodes the given Buffer instance from one character encoding to another.\n',
        'fs.readv(fd, buffers[, position], callback)\n\nAdded in: v15.13.0, v14.17.0\n\nRead from a file specified by fd and write to an array of views.\n',
      ),
    ).toEqual([])
    // Three versions of one protocol, word for word (curl's and wget's manual pages: a reviewer).
    expect(
      overlapsOf(
        'Set the minimum version to use: tlsv1.1,  tlsv1.2  or\n    tlsv1.3 (the default is chosen by the library).\n',
        'The secure protocol is one of auto, SSLv3, TLSv1_1, TLSv1_2 or TLSv1_3, as the server allows.\n',
      ),
    ).toEqual([])
    // Python versions one package excludes and another is tested on, however many (a reviewer).
    expect(
      overlapsOf(
        'Requires-Python: >=2.7, !=3.0.*, !=3.1.*, !=3.2.*, !=3.3.*, !=3.4.*, !=3.5.*, !=3.6.*\nLicense-File: LICENSE\n',
        '- Developed on Python 3.7\n- Tested on CPython 2.7, 3.2, 3.3, 3.4, 3.5, 3.6, 3.7 and PyPy, PyPy3\n',
      ),
    ).toEqual([])
    expect(
      overlapsOf(
        'Supported on 3.9, 3.10, 3.11, 3.12 and 3.13 only.\n',
        'Wheels are built for 3.9, 3.10, 3.11, 3.12 and 3.13 each night.\n',
      ),
    ).toEqual([])
    // A table of thirty figures both print is one copied; so is a row of twelve, word for word
    // (a reviewer), a list of telephone numbers, and a row of twelve digits (another).
    const table = Array.from({ length: 30 }, (_, k) => `${(17 * k + 3) % 97}.${k % 10}`).join('  ')
    const row = Array.from({ length: 12 }, (_, k) => `${(31 * k + 7) % 89}`).join('  ')
    const phones = '555 0142, 555 0187, 555 0123, 555 0199'
    const digits = '3 7 1 9 4 6 2 8 5 7 3 6'
    for (const shared of [table, row, phones, digits])
      expect(
        overlapsOf(`Figures of the survey, as published:\n${shared}\nThe end.\n`, `Our own reading of it differs.\n\n${shared}\n`),
      ).toHaveLength(1)
  })

  it('reads the runs of text around the characters a pattern needs as the whole text reads', () => {
    // The patterns tried from every character of the whole text, as they were before
    // markNonWords read only the runs without white space that hold "/", "_", "@", "(" or "www.".
    const whole = (doc: AnalysedDocument): number[] => {
      const marks = new Uint8Array(doc.starts.length)
      for (const { pattern, marked } of NON_WORD_PATTERNS)
        for (const match of doc.text.matchAll(pattern)) {
          const end = match.index + marked(match[0])
          doc.starts.forEach((s, t) => {
            if (s >= match.index && s < end) marks[t] = 1
          })
        }
      // Code blocks, line by line: from an opening fence (a backquote one without a backquote
      // after it; one with nothing after it not under a line of text as short as itself) to a closing one of its
      // character, at least as long, with nothing after it, or the text's end; tags and comments
      // outside them.
      let at = 0
      let open = ''
      let blockStart = 0
      let previous = ''
      const blocks: [number, number][] = []
      for (const line of doc.text.split('\n')) {
        const [, fence, rest] = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line) ?? []
        const bare = rest?.trim() === ''
        if (fence && open && bare && fence[0] === open[0] && fence.length >= open.length) {
          blocks.push([blockStart, at + line.length])
          open = ''
        } else if (
          fence &&
          !open &&
          !(fence[0] === '`' && rest.includes('`')) &&
          (!bare || fence.length < previous.trim().length || !previous.trim())
        )
          [open, blockStart] = [fence, at]
        previous = line
        at += line.length + 1
      }
      if (open) blocks.push([blockStart, doc.text.length])
      const ranges = [...blocks]
      const tagPattern =
        /<!--[\s\S]{0,5000}?-->|<\/?[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:@][^\s"'<>/=]*(?:\s*=\s*(?:"[^"<>]{0,1000}"|'[^'<>]{0,1000}'|[^\s"'<>=`]+))?)*\s*\/?>/g
      for (const tag of doc.text.matchAll(tagPattern)) {
        const end = tag.index + tag[0].length
        if (!blocks.some(([s, e]) => tag.index < e && end > s)) ranges.push([tag.index, end])
      }
      // Markdown link reference definitions, line by line: "[label]: target", the target a link
      // (angle brackets, a slash or hash, or a file's extension; no comma or semicolon), with a
      // title or not; not a footnote, nor a line in a code block or comment.
      const hidden: [number, number][] = [...blocks]
      for (const comment of doc.text.matchAll(/<!--[\s\S]{0,5000}?-->/g)) {
        const end = comment.index + comment[0].length
        if (!blocks.some(([s, e]) => comment.index < e && end > s)) hidden.push([comment.index, end])
      }
      at = 0
      for (const line of doc.text.split('\n')) {
        const definition =
          /^ {0,3}\[(?!\^)[^\]\n]{1,999}\]:[ \t]*(<[^<>\n]*>|[^\s<>]+)(?:[ \t]+(?:"[^"\n]*"|'[^'\n]*'|\([^)\n]*\)))?[ \t]*$/.exec(line)
        const target = definition?.[1] ?? ''
        const link = /^<.*>$/.test(target) || (!/[,;]/.test(target) && (/[/#]/.test(target) || /\.[A-Za-z][A-Za-z0-9]{0,4}$/.test(target)))
        if (definition && link && !hidden.some(([from, to]) => at >= from && at < to)) ranges.push([at, at + line.length])
        at += line.length + 1
      }
      doc.starts.forEach((s, t) => {
        if (ranges.some(([from, to]) => s >= from && s < to)) marks[t] = 1
      })
      return [...marks.keys()].map((t) => (marks[t] || ownWordAt(doc.text, doc.starts[t]) || isNumber(doc, t) ? 1 : 0))
    }
    const pieces = [
      'a',
      'b_c',
      'www.',
      'WwW.',
      'x',
      'é',
      '中',
      '𝐀',
      'e\u0301',
      '_',
      '(',
      ')',
      '(1)',
      '(3pm)',
      '(2nd)',
      '/',
      '://',
      '@',
      '.',
      '-',
      '+',
      '*',
      '~',
      ' ',
      '\n',
      '\t',
      '12',
      'org',
      'usr',
      'c',
      're',
      'Co',
      'pre',
      '\u2010',
      '```',
      '`',
      '<',
      '>',
      '</',
      '<!--',
      '-->',
      '<a ',
      '[x]',
      '](',
      '#',
    ]
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
        const [doc] = analysed(parts.join(''))
        const marks = [...nonWordTokens(doc)]
        expect(marks.map((m) => m & NON_WORD)).toEqual(whole(doc))
        // A link's tokens are no words of a claim either.
        for (const m of marks) expect(m & LINK ? m & NON_WORD : NON_WORD).toBe(NON_WORD)
      }),
      // A file name whose name ends in a dash, as the whole text reads it (a run CI found).
      { numRuns: 3000, examples: [[['a', '-', '.', 'a', 'a']]] },
    )
  })

  it("lists a paraphrase's words in common without the parts of its addresses", () => {
    // Two README files' apt source lines (distro-info-data's and chromium's), once read as a loose
    // match of "deb", "stable" and "main": the words it rests on are those, not "http", "debian"
    // and "org" of the two addresses, which count for no claim. (Pointing at two mirrors, the two
    // lines are no paraphrase now: addresses.ts pointElsewhere, engine-addresses.test.ts.)
    const [a, b] = [
      'On Debian, this is:\ndeb http://ftp.debian.org/debian stable-updates main\n',
      'deb http://debug.mirrors.debian.org/debian-debug stable-debug main\n',
    ]
    expect(inCommon(a, b, true).alike).toEqual(['deb', 'stable', 'main'])
  })
})
