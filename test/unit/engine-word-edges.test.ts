import { describe, expect, it } from 'vitest'
import type { AnalysedDocument } from '../../main/core/engine/analyse.js'
import { findOverlaps } from '../../main/core/engine/overlaps.js'
import {
  MAX_PIECES_TAKEN,
  passageOffsets,
  sentenceEndAfter,
  wholeAddressAtEnd,
  wholeCodeSpans,
  wholeWords,
  wholeWritten,
} from '../../main/core/engine/word-edges.js'
import { codeSpanAround } from '../../main/core/engine/nonwords.js'
import { analysed } from '../helpers.js'

// A passage's edges at whole written words, with the marks of its first and last words
// (word-edges.ts): what the two reviewers of man pages and NEWS files found cut.

/** The token of `doc` that is `word`, the `nth` such (0: the first). */
function token(doc: AnalysedDocument, word: string, nth = 0): number {
  for (let t = 0; t < doc.starts.length; t++) if (doc.text.slice(doc.starts[t], doc.ends[t]) === word && nth-- === 0) return t
  throw new Error(`no ${word}`)
}

/** The text of tokens [first..last] of `text` with the edges `edges` gives them. */
function edged(
  edges: (doc: AnalysedDocument, t0: number, t1: number) => [number, number],
  text: string,
  first: string,
  last: string,
): string {
  const [doc] = analysed(text)
  const [start, end] = passageOffsets(doc, ...edges(doc, token(doc, first), token(doc, last)))
  return text.slice(start, end)
}

/** The text of tokens [first..last] of `text` (the `nth` such words) at the offsets passageOffsets gives them. */
function offsetText(text: string, first: string, last: string, nth: [number, number] = [0, 0]): string {
  const [doc] = analysed(text)
  const [start, end] = passageOffsets(doc, token(doc, first, nth[0]), token(doc, last, nth[1]))
  return text.slice(start, end)
}

/** The text of tokens [first..last] of `text` as a passage shows it. */
function shown(text: string, first: string, last: string, nth: [number, number] = [0, 0]): string {
  const [doc] = analysed(text)
  const [t0, t1] = wholeWords(doc, token(doc, first, nth[0]), token(doc, last, nth[1]))
  const [start, end] = passageOffsets(doc, t0, t1)
  return text.slice(start, end)
}

describe('passage edges at whole written words', () => {
  it('leaves out a piece of an option or a version number at its start', () => {
    expect(shown('       -T, --no-target-directory\n              treat DEST as a normal file', 'target', 'file')).toBe(
      'treat DEST as a normal file',
    )
    expect(shown('GTK+ 3.4.0\n\n* Deprecations are now versioned', '0', 'versioned')).toBe('Deprecations are now versioned')
    expect(shown('the total was 1,000 units', '000', 'units')).toBe('units')
  })

  it('starts at the bound prefix of its first word (prefixes.ts), which a reader reads with it', () => {
    // util-linux's mount page, as a paraphrase of losetup's "re-use the device" (a reviewer).
    expect(shown('Since v2.29, mount re-uses the loop device', 'uses', 'device')).toBe('re-uses the loop device')
    expect(shown('a pre\u2010release build', 'release', 'build')).toBe('pre\u2010release build')
    // Not a word before a hyphen that is no such prefix.
    expect(shown('the non-free archive', 'free', 'archive')).toBe('archive')
  })

  it('leaves out a piece of a call written without spaces at its start, not a Chinese character', () => {
    // Python's reference (a reviewer: a paraphrase began "exit__").
    expect(shown('   exit = type(manager).__exit__\n   value = enter(manager)', 'exit', 'manager', [1, 1])).toBe('value = enter(manager)')
    expect(shown('新质生产力', '质', '力')).toBe('质生产力')
  })

  it("closes a French quotation across the space inside its guillemet, and groff's angle brackets (man pages in French and German, a tester)", () => {
    const credit = 'utilisez la commande « man -L C <section> <page_de_man> ». Ensuite'
    expect(shown(credit, 'utilisez', 'man', [0, 1])).toBe('utilisez la commande « man -L C <section> <page_de_man> »')
    // Not one opened before the passage, nor a guillemet that opens the next quotation.
    expect(shown(credit, 'L', 'man', [0, 1])).toBe('-L C <section> <page_de_man>')
    expect(shown('dit « oui » et « non', 'dit', 'oui')).toBe('dit « oui »')
    const bugs = 'Fehler bitte (auf Englisch) an\n       ⟨procps@freelists.org⟩ melden'
    expect(shown(bugs, 'Fehler', 'org')).toBe('Fehler bitte (auf Englisch) an\n       ⟨procps@freelists.org⟩')
  })

  it('starts with an option\'s short option of a mark alone (dpkg\'s "-?, --help", a tester)', () => {
    const help = "trigger.\n\n       -?, --help\n           Afficher un message d'aide puis quitter."
    expect(shown(help, 'help', 'quitter')).toBe("-?, --help\n           Afficher un message d'aide puis quitter")
    // Not a mark in a sentence before it.
    expect(shown('use it (or -?, --help) to read', 'help', 'read')).toBe('--help) to read')
  })

  it("ends with an identifier's closing underscores, as it starts with its opening ones (a reviewer of Python's documentation)", () => {
    const page = ' |  __dict__\n |      dictionary for instance variables\n |  __weakref__\n |  dict_items'
    const text = (first: string, last: string, nth?: [number, number]) => offsetText(page, first, last, nth)
    expect(text('dict', 'dict')).toBe('__dict__')
    expect(text('dictionary', 'weakref')).toBe('dictionary for instance variables\n |  __weakref__')
    // Not where the name goes on after them.
    expect(text('weakref', 'dict', [0, 1])).toBe('__weakref__\n |  dict')
    // Its opening ones where a mark before them goes with the word before it (a tester of
    // vendored Python libraries: "LazyModule):"), not where the name starts before them.
    const code = 'class _MovedItems(_LazyModule):\n    pass\n'
    expect(offsetText(code, 'LazyModule', 'pass')).toBe('_LazyModule):\n    pass')
    expect(offsetText(code, 'MovedItems', 'pass')).toBe('_MovedItems(_LazyModule):\n    pass')
  })

  it("reaches over the delimiters of a vim help file's links and tags it holds whole (a tester of vim's help files)", () => {
    const help = 'Number of lines to scroll with the commands |CTRL-U| and |CTRL-D|.\n|]s|\t\t]s\t\tmove to next misspelled word *N-back*\n'
    const text = (first: string, last: string) => offsetText(help, first, last)
    expect(text('Number', 'D')).toBe('Number of lines to scroll with the commands |CTRL-U| and |CTRL-D|')
    expect(text('s', 'word')).toBe('|]s|\t\t]s\t\tmove to next misspelled word')
    expect(text('move', 'back')).toBe('move to next misspelled word *N-back*')
    // Not a link the passage holds a part of, nor a glob (its marks as any word's) or a list's bullet.
    expect(text('D', 'word')).toBe('D|.\n|]s|\t\t]s\t\tmove to next misspelled word')
    expect(offsetText('copy *.txt files here\n* an item of a list\n', 'txt', 'item')).toBe('*.txt files here\n* an item')
  })

  it('reads a range of numbers as two words, and leaves the end where the shared words end', () => {
    expect(shown('Copyright: 2002-2012 Free Software Foundation', '2012', 'Foundation')).toBe('2012 Free Software Foundation')
    expect(shown('License: LGPL-2.1+\n', 'License', '2')).toBe('License: LGPL-2')
  })

  it("ends with its last word's + or # (tokenize.ts), and a licence's + one copy lacks is a change", () => {
    expect(shown('License: LGPL-3+\n', 'License', '3+')).toBe('License: LGPL-3+')
    expect(shown('written in C++ and C#, mostly.', 'written', 'C#')).toBe('written in C++ and C#')
    const stanza = (licence: string) =>
      `Files: debian/*\nCopyright: 2004 Other Person Here and Friends\nLicense: ${licence}\n This program is free software; you can redistribute it.\n`
    const { overlaps } = findOverlaps([
      { id: 'later', text: `A first file.\n\n${stanza('GPL-2+')}` },
      { id: 'only', text: `Another one.\n\n${stanza('GPL-2')}` },
    ])
    expect(overlaps.map((o) => o.kind)).toEqual(['variant'])
    const changes = overlaps[0].variants[0].changes!.filter((c) => c.op !== 'equal')
    expect(changes.map((c) => [c.op, c.a, c.b])).toContainEqual(['replace', '2+', '2'])
  })

  it("ends with the angle bracket of an address or placeholder it opened (a reviewer's <doko@debian.org>)", () => {
    expect(shown('--\nMatthias Klose <doko@debian.org>\n', 'Matthias', 'org')).toBe('Matthias Klose <doko@debian.org>')
    expect(shown('see postgresql-doc-<version> for more', 'see', 'version')).toBe('see postgresql-doc-<version>')
    expect(shown('if a < b then b > c holds', 'b', 'then')).toBe('b then')
  })

  it('lists no change of marks alone at an edge beside words both passages have', () => {
    // A command line and its output (a reviewer of the AWS command line's examples): the output
    // quotes the role's address, the command line writes it bare, and the closing quotation mark
    // was a change of its own, '"' inserted.
    const role = 'arn:aws:iam::123456789012:role/service-role/MyTestFunction-role-tges6bf4'
    const { overlaps } = findOverlaps([
      {
        id: 'create',
        text:
          'The following ``create-function`` example creates a Lambda function named ``my-function``. ::\n\n' +
          '    aws lambda create-function \\\n        --function-name my-function \\\n        --runtime nodejs22.x \\\n' +
          `        --zip-file fileb://my-function.zip \\\n        --handler my-function.handler \\\n        --role ${role}\n`,
      },
      {
        id: 'get',
        text:
          'The following ``get-function-configuration`` example displays the settings for version 2 of the ``my-function`` function. ::\n\n' +
          '    aws lambda get-function-configuration \\\n        --function-name  my-function:2\n\nOutput::\n\n    {\n' +
          `        "FunctionName": "my-function",\n        "Handler": "my-function.handler",\n        "Role": "${role}",\n        "Timeout": 3\n    }\n`,
      },
    ])
    const changes = overlaps.flatMap((o) => o.variants.flatMap((v) => v.changes ?? []))
    expect(changes.some((c) => c.op !== 'equal')).toBe(true)
    expect(changes.filter((c) => c.op !== 'equal' && !/\p{L}/u.test(c.a + c.b))).toEqual([])
    // Marks that say something stay changes: a sum in dollars and a bare number, a question and a
    // statement (a reviewer).
    const said = (first: string, last: string) =>
      `${first}450 million was allocated by the council to repair the northern bridge and the old river tunnel before winter${last}`
    const asked = findOverlaps([
      { id: 'a', text: `Zebras graze near the harbour. ${said('"$', '?"')}\n` },
      { id: 'b', text: `Volcanic ash drifts over orchards. ${said('', '.').replace('the council', 'the city council')}\n` },
    ]).overlaps
    const marks = asked.flatMap((o) => o.variants.flatMap((v) => v.changes ?? [])).filter((c) => !/\p{L}/u.test(c.a + c.b))
    expect(marks.filter((c) => c.op !== 'equal').map((c) => [c.op, c.a, c.b])).toEqual([
      ['delete', '"$', ''],
      ['delete', '?"', ''],
    ])
  })

  it("reads the closing marks of a passage that stops short as the other's, where it has them too", () => {
    // Three README signatures, two of them on a Monday: the third passage's ">" is the others'
    // too, before their "Mon", not a mark only it has (a reviewer of README.Debian files). The
    // dates run on past a sentence tail (sentence-tails.ts), so the passages stay as found.
    const line = (day: string) => `Read the notes above before filing a bug.\n\n -- Daniel Kahn Gillmor <dkg@fifthhorseman.net>, ${day}`
    const { overlaps } = findOverlaps([
      { id: 'dirmngr', text: `${line('Mon, 23 Jan 2017 10:04:51 +0100')}\n` },
      { id: 'gnupg', text: `Other text first.\n\n${line('Mon, 18 Apr 2016 09:12:40 -0400')}\n` },
      { id: 'pinentry', text: `More text, elsewhere.\n\n${line('Fri,  8 May 2020 17:31:02 +0200')}\n` },
    ])
    const changes = overlaps.flatMap((o) => o.variants.flatMap((v) => v.changes ?? []))
    expect(changes.filter((c) => c.op !== 'equal').map((c) => [c.op, c.a, c.b])).toEqual([
      ['delete', 'Mon', ''],
      ['delete', 'Mon', ''],
    ])
    expect(changes.filter((c) => c.op === 'equal' && c.a === '>')).toHaveLength(2)
  })

  it("gives the words one passage goes on with and their closing marks as one change (a reviewer of git's manual pages)", () => {
    // Two pages go on with a line of references after the paragraph all three share:
    // "git-branch(1" and its ")" were two deletes. (Not a SEE ALSO section: a passage stops at
    // furniture, furniture.ts.)
    const shared =
      'Incorporates changes from a remote repository into the current branch. If the current branch is behind the remote, then by default it will fast-forward the current branch to match the remote.'
    const seeAlso = 'See also:\n       git-checkout(1), git-branch(1)'
    const { overlaps } = findOverlaps([
      { id: 'x', text: `Intro one.\n\n${shared}\n\n${seeAlso}\n` },
      { id: 'y', text: `Intro two differs.\n\n${shared}\n\nThe end of it.\n` },
      { id: 'z', text: `Intro three here.\n\n${shared}\n\n${seeAlso}\n` },
    ])
    const [first] = overlaps[0].variants
    expect(first.changes!.filter((c) => c.op !== 'equal').map((c) => [c.op, c.a, c.b])).toEqual([['delete', seeAlso, '']])
  })

  it('keeps a passage that is one such word as found', () => {
    expect(shown('version 3.4.0 only', '4', '0')).toBe('4.0')
  })

  it("takes the marks of the first and last words: an option's dashes, a backslash, brackets it opened", () => {
    const man = '       -z, --zero\n              end each output line with NUL, not newline (see basename(1)).\n'
    expect(shown(man, 'z', '1')).toBe('-z, --zero\n              end each output line with NUL, not newline (see basename(1))')
    expect(shown('       \\0NNN   byte with octal value NNN', '0NNN', 'NNN')).toBe('\\0NNN   byte with octal value NNN')
    expect(shown('Run Travis ASan tests with "sudo: required" (Nick Wellnhofer).', 'Run', 'Wellnhofer')).toBe(
      'Run Travis ASan tests with "sudo: required" (Nick Wellnhofer)',
    )
  })

  it("takes its word's own brackets among words written without a space, and no operator's sign for one (testers of locales and package descriptions)", () => {
    const locale = 'country_name "<U0627><U0644><U0623><U0631><U062F><U0646>"\n'
    expect(offsetText(locale, 'country', 'U0644')).toBe('country_name "<U0627><U0644>')
    expect(offsetText(locale, 'U0644', 'U0646')).toBe('<U0644><U0623><U0631><U062F><U0646>')
    expect(offsetText('present only with aeson >=0.10 and later', '0', 'later')).toBe('>=0.10 and later')
    expect(offsetText('a list (a, b) and more', 'a', 'b', [1, 0])).toBe('(a, b)')
  })

  it('takes a bracket or quotation mark only with its partner, and no comma or full stop of the sentence', () => {
    const quoted = 'which called for “improving the system for developing NQPFs in accordance with local conditions”. Specifically'
    expect(shown(quoted, 'developing', 'conditions')).toBe('developing NQPFs in accordance with local conditions')
    expect(shown(quoted, 'improving', 'conditions')).toBe('“improving the system for developing NQPFs in accordance with local conditions”')
    expect(shown('She said: “the improvement of workers.” Then', 'the', 'workers')).toBe('“the improvement of workers.”')
    expect(shown('(see the manual, chapter two) and more', 'see', 'manual')).toBe('see the manual')
    expect(shown('key fields, and more', 'key', 'fields')).toBe('key fields')
    // A comma before the closing bracket is code's, a tuple of one (pydoc's pages, a tester).
    expect(shown('E.g. for t = list[int], t.__origin__ is list and t.__args__ is (int,).', 'is', 'int', [0, 1])).toBe(
      'is list and t.__args__ is (int,)',
    )
    expect(shown('the values (a, b,) and more', 'values', 'b')).toBe('values (a, b,)')
    expect(shown('(see the manual, and more)', 'see', 'manual')).toBe('see the manual')
  })

  it("takes quotation marks of other languages and styles in pairs, and no apostrophe for one (a reviewer's cases)", () => {
    const said = (open: string, close: string) => `She told them ${open}the worst harvest in forty years of farming${close} and left.`
    for (const [open, close] of [
      ["'", "'"],
      ['`', "'"],
      ['\u201e', '\u201c'],
      ['\u201c', '\u201d'],
      ['\u00ab', '\u00bb'],
    ])
      expect(shown(said(open, close), 'the', 'farming')).toBe(`${open}the worst harvest in forty years of farming${close}`)
    expect(shown(said('\u2018', '\u2019').replace('the worst', 'it\u2019s the worst'), 'it\u2019s', 'farming')).toBe(
      '\u2018it\u2019s the worst harvest in forty years of farming\u2019',
    )
    expect(shown(said("'", '').replace(' and left', ''), 'the', 'farming')).toBe('the worst harvest in forty years of farming')
    expect(shown('x "(see the manual" b', 'see', 'manual')).toBe('see the manual')
    expect(shown('x "(see the manual)" b', 'see', 'manual')).toBe('"(see the manual)"')
    expect(shown('加快（发展新质生产力）。', '发', '力')).toBe('（发展新质生产力）')
  })

  it('reads a letter beyond the Basic Multilingual Plane as no mark', () => {
    expect(shown('\u{20000}加快发展', '加', '展')).toBe('加快发展')
  })

  it('changes nothing in Chinese, written without spaces', () => {
    const text = '加快发展新质生产力。扎实推进高质量发展'
    expect(shown(text, '发', '力')).toBe('发展新质生产力')
  })

  it("reaches a close copy's edges to whole written words, not to an identifier's pieces", () => {
    const written = (text: string, first: string, last: string): string => edged(wholeWritten, text, first, last)
    expect(written('  --update-billing-project=PROJECT\n   the project to bill', 'billing', 'bill')).toBe(
      '--update-billing-project=PROJECT\n   the project to bill',
    )
    expect(written('Copyright 2022 Someone\nLicense: GPL-2+\n', 'Copyright', 'GPL')).toBe('Copyright 2022 Someone\nLicense: GPL-2+')
    expect(written('see /usr/share/common-licenses/GPL-2.0 for it', 'see', '2')).toBe('see /usr/share/common-licenses/GPL-2.0')
    // An identifier's pieces are left to wholeIdentifiers; a chain of pieces is taken so far only.
    expect(written('set PROJECT_NAME now', 'NAME', 'now')).toBe('NAME now')
    const chain = Array.from({ length: MAX_PIECES_TAKEN + 3 }, (_, k) => `p${k}`).join('-')
    expect(written(`${chain} end`, `p${MAX_PIECES_TAKEN + 2}`, 'end')).toBe(`p${MAX_PIECES_TAKEN + 2} end`)
    expect(written(`${chain} end`, `p${MAX_PIECES_TAKEN}`, 'end')).toBe(`${chain} end`)
    // An ISO timestamp is one written word, a range of years two numbers, a date alone its pieces
    // (a reviewer of the AWS command line's outputs: a passage started at "10T14:02:12.000Z", its
    // year and month left out).
    expect(written('"CreationTime": "2019-07-10T14:02:12.000Z", "Options"', '10T14', 'Options')).toBe(
      '"2019-07-10T14:02:12.000Z", "Options"',
    )
    expect(written('on 2019-07-10 at noon', '10', 'noon')).toBe('10 at noon')
    expect(written('Copyright 2002-2012 Someone', '2012', 'Someone')).toBe('2012 Someone')
    expect(written('in 12019-07-10T14:00 at noon', '10T14', 'noon')).toBe('10T14:00 at noon')
  })

  it("reaches a close copy's end to the end of a path or web address it is inside of (PAM's pages, a reviewer)", () => {
    const written = (text: string, first: string, last: string): string => edged(wholeAddressAtEnd, text, first, last)
    expect(written('lines which might be specified in\n/etc/security/limits.conf.\n', 'lines', 'security')).toBe(
      'lines which might be specified in\n/etc/security/limits.conf',
    )
    expect(written('[package-url]: https://npmjs.org/package/hasown\n', 'package', 'org')).toBe(
      '[package-url]: https://npmjs.org/package/hasown',
    )
    // Not at its start: the other text may have no address there.
    expect(written('see https://cloud.google.com/compute/docs/disks for more', 'compute', 'more')).toBe('compute/docs/disks for more')
    // A word with no slash in it is left to wholeWritten; an address of more pieces than
    // MAX_PIECES_TAKEN beyond the edge keeps the edge.
    expect(written('see the value=other thing', 'see', 'value')).toBe('see the value')
    const long = Array.from({ length: MAX_PIECES_TAKEN + 2 }, (_, k) => `d${k}`).join('/')
    expect(written(`under /${long} here`, 'under', 'd0')).toBe('under /d0')
  })

  it('shows two different options whose descriptions are the same as a change of the option (a reviewer of gcloud’s pages)', () => {
    const about = '           The Google Cloud project ID to use for API enablement check, quota, and endpoint uptime billing.\n\n'
    const result = findOverlaps([
      { id: 'create', text: `REQUIRED FLAGS\n         --billing-project=BILLING_PROJECT\n\n${about}OPTIONAL FLAGS\n         --async\n` },
      {
        id: 'update',
        text: `FLAGS\n         --description=DESCRIPTION\n\n           Optional description.\n\n         --update-billing-project=BILLING_PROJECT\n\n${about}`,
      },
    ])
    expect(result.overlaps).toHaveLength(1)
    const [overlap] = result.overlaps
    expect(overlap.kind).toBe('variant')
    expect(overlap.passages.map((p) => p.text.split('=')[0])).toEqual(['--billing-project', '--update-billing-project'])
    expect(overlap.variants[0].changes?.filter((c) => c.op !== 'equal').map((c) => [c.op, c.a, c.b])).toEqual([['insert', '', 'update']])
  })

  it('gives the engine whole options in two man pages (a reviewer: "z, --zero … basename(1")', () => {
    const line = '       -z, --zero\n              end each output line with NUL, not newline (see basename(1)).\n'
    const result = findOverlaps([
      {
        id: 'basename',
        text: `       -a, --multiple\n              support multiple arguments\n\n${line}\n       --other\n              something unique to alpha\n`,
      },
      { id: 'dirname', text: `       -q     quiet mode for beta only\n\n${line}` },
    ])
    expect(result.overlaps).toHaveLength(1)
    for (const p of result.overlaps[0].passages) expect(p.text).toMatch(/^-z, --zero\n\s+end each .* \(see basename\(1\)\)\.$/)
  })

  it("gives the marks at a passage's edges to its variants: the changes still read as the passages", () => {
    const line = (name: string, word: string) =>
      `       -z, --zero\n              end each output line with NUL, not ${word} (see ${name}(1)).\n`
    const result = findOverlaps([
      { id: 'basename', text: `       -a, --multiple\n              support multiple arguments\n\n${line('basename', 'newline')}` },
      { id: 'dirname', text: `       -q     quiet mode for beta only\n\n${line('dirname', 'a newline')}` },
    ])
    const [o] = result.overlaps
    expect(o.passages.map((p) => p.text.slice(0, 2))).toEqual(['-z', '-z'])
    const [variant] = o.variants
    const changes = variant.changes!
    expect(changes[0]).toMatchObject({ op: 'equal', a: '-', b: '-', aStart: o.passages[0].start, bStart: o.passages[1].start })
    expect(changes.at(-1)).toMatchObject({ aEnd: o.passages[0].end, bEnd: o.passages[1].end })
    // Read without the added words, the changes and what lies between them are the first passage.
    const text = o.passages[0].text
    let read = ''
    let at = o.passages[0].start
    for (const c of changes) {
      read += [...text].slice(at - o.passages[0].start, c.aStart - o.passages[0].start).join('') + c.a
      at = c.aEnd
    }
    expect(read).toBe(text)
  })

  it('end with the full stop every passage of the overlap ends its sentence with, and only then', () => {
    const shared = 'This gives time to attach a debugger before the agent starts its work'
    const ends = (second: string) =>
      findOverlaps([
        { id: 'agent', text: `Options.\n\n${shared}. Another line follows here.\n` },
        { id: 'daemon', text: `Settings.\n\n${shared}${second}\n` },
      ]).overlaps.map((o) => o.passages.map((p) => p.text))
    expect(ends('. Something else entirely is said next.')).toEqual([[`${shared}.`, `${shared}.`]])
    // One goes on: the stop would be a change of the other's alone.
    expect(ends(', and then some words of its own follow.')).toEqual([[shared, shared]])
    expect(ends('? Asked, not said.')).toEqual([[shared, shared]])
  })

  it('read a sentence end only where the stop is followed by a space, a closing mark or the text end', () => {
    expect(sentenceEndAfter('the end.', 7)).toBe('.')
    expect(sentenceEndAfter('the end. Next', 7)).toBe('.')
    expect(sentenceEndAfter('said “the end.”', 13)).toBe('.')
    expect(sentenceEndAfter('version 3.8', 9)).toBe('')
    expect(sentenceEndAfter('e.g. this', 1)).toBe('')
    expect(sentenceEndAfter('wait...', 4)).toBe('')
    expect(sentenceEndAfter('why? because', 3)).toBe('?')
    expect(sentenceEndAfter('the end', 7)).toBe('')
  })
})

describe('passage edges in Markdown code spans', () => {
  it("reads code spans as CommonMark does, not the stretch between two `quotations' of the old style", () => {
    const around = (text: string, at: string) => {
      const span = codeSpanAround({ text }, text.indexOf(at))
      return span && text.slice(span[0], span[1] + /^`+/.exec(text.slice(span[1]))![0].length)
    }
    expect(around('calling [`buf.fill(fill, encoding)`] now', ',')).toBe('`buf.fill(fill, encoding)`')
    expect(around('calling [`buf.fill(fill, encoding)`] now', 'now')).toBeUndefined()
    // Across a line break in its paragraph, and the prose after it read as prose.
    const wrapped = 'when `handler.on(\n  event)` is set and the flow goes on, the handler calls `next()`.'
    expect(around(wrapped, 'event')).toBe('`handler.on(\n  event)`')
    expect(around(wrapped, 'flow')).toBeUndefined()
    expect(around('one `open\n\nnever closed` here', 'never')).toBeUndefined()
    // A run of another length is the span's text.
    expect(around('write `` ` `` for a backquote, and `x` here', 'here')).toBeUndefined()
    expect(around('write `` ` `` for a backquote, and `x` here', 'x`')).toBe('`x`')
    // Old-style quotations, a reStructuredText link, a fence.
    expect(around("see `foo' and `bar' here", 'and')).toBeUndefined()
    expect(around("give `-f'/`--force' to it", '/')).toBeUndefined()
    // (bash's CHANGES: one quotation's text has spaces, and the next starts in brackets; TeX's.)
    expect(around("`read -e' may now be used with arbitrary file descriptors (`read -u N').", 'used')).toBeUndefined()
    expect(around("the ``foo bar'' (``baz'') form", 'bar')).toBeUndefined()
    // Code's own quotes come in pairs.
    expect(around("the `'resume'` event and `it's` here", 'resume')).toBe("`'resume'`")
    expect(around("the `'resume'` event and `it's` here", "it's")).toBe("`it's`")
    expect(around('the `jq manual <https://example.org/jq/>`_ says', 'manual')).toBeUndefined()
    // (Its closing backquote opens nothing: pip's change log, links around a literal.)
    const rst = '(`#1 <https://example.org/1>`_)\n- Implement ``--break`` now. (`#2 <https://example.org/2>`_)'
    expect(around(rst, 'Implement')).toBeUndefined()
    expect(around(rst, 'break')).toBe('``--break``')
    expect(around('```sh\nrun it\n```\n', 'run')).toBeUndefined()
    expect(around('text\n   ```\nrun it\n   ```\n', 'run')).toBeUndefined()
    // (Not first on its line: no fence, and three backquotes open a span as any run does.)
    expect(around('text ```run``` here', 'run')).toBe('```run```')
  })

  it("takes a code span's marks where the passage holds all its words, and a paraphrase the span's other words", () => {
    // (With the link text's closing bracket, of a bracket it opened: the reference's stays out.)
    expect(shown('emitted when [`stream.resume()`][stream-resume] is called', 'emitted', 'resume')).toBe('emitted when [`stream.resume()`]')
    expect(shown('Defaults to `process.cwd()`.', 'Defaults', 'cwd')).toBe('Defaults to `process.cwd()`')
    expect(shown('`{ port: 12346 }` is returned', 'port', 'returned')).toBe('`{ port: 12346 }` is returned')
    // A part of a span: its marks stay out.
    expect(shown('calling `buf.fill(fill, encoding)` twice', 'calling', 'fill', [0, 1])).toBe('calling `buf.fill(fill')
    expect(shown('type `{ start: number, end: number }` here', 'start', 'number')).toBe('start: number')
    const text = 'initialized by calling [`buf.fill(fill, encoding)`] at once'
    const [doc] = analysed(text)
    const [start, end] = passageOffsets(doc, ...wholeCodeSpans(doc, token(doc, 'initialized'), token(doc, 'fill', 1)))
    expect(text.slice(start, end)).toBe('initialized by calling [`buf.fill(fill, encoding)`]')
  })

  it('shows a paraphrase of API documentation with its code spans whole (Node.js: readline and stream)', () => {
    const filler = [
      'Timers are scheduled on the event loop.',
      'A socket may be half closed.',
      'Paths are resolved against the working directory.',
    ]
    const overlaps = findOverlaps([
      {
        id: 'readline',
        text: `## Event: 'resume'\n\n${filler.join(' ')}\n\nThe \`'resume'\` event is emitted whenever the \`input\` stream is resumed.\n`,
      },
      {
        id: 'stream',
        text: `## Event: 'resume'\n\n${filler.slice(1).join(' ')} Certificates are loaded at start.\n\nThe \`'resume'\` event is emitted when [\`stream.resume()\`][stream-resume] is called.\n`,
      },
      { id: 'other', text: `${filler.slice(0, 2).join(' ')} Nothing else is said here.\n` },
    ]).overlaps
    const paraphrase = overlaps.find((o) => o.kind === 'paraphrase')
    expect(paraphrase?.passages.map((p) => p.text)).toEqual([
      "The `'resume'` event is emitted whenever the `input` stream is resumed",
      "`'resume'` event is emitted when [`stream.resume()`]",
    ])
  })
})
