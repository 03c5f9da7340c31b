import { describe, expect, it } from 'vitest'
import { extendAlike } from '../../main/core/engine/extend.js'
import { findOverlaps } from '../../main/core/engine/overlaps.js'
import { betweenListItems, paragraphEdges } from '../../main/core/engine/paragraph-edge.js'
import { paragraphBetween } from '../../main/core/engine/align.js'
import { analysed, engineFixture } from '../helpers.js'

// A passage's end a word or two into the next paragraph, or its start a word or two before its
// own (paragraph-edge.ts).

/** Release notes: the entries both share, then each one's own entry. */
const shared = [
  'bpo-1001: Fix a crash in the shell window when the user pastes a very long line that contains tab characters and the font is changed.',
  'bpo-1002: Make the configuration dialog remember its size and position between sessions, so that users with small screens can arrange it once.',
  'bpo-1003: Add a search option that highlights every match in the editor, and let the user step through the matches with the keyboard.',
]

describe('a passage that ends in the next paragraph', () => {
  it('ends before an entry whose identifier only starts alike', () => {
    const documents = [
      [
        ...shared,
        'bpo-9999: Something only this file says about colours in the debugger and the stack viewer, written in plain words here.',
      ],
      [
        'bpo-5555: An unrelated entry about the module browser that appears only in this second file and nowhere else at all.',
        ...shared,
        'bpo-7777: Another entry that only the second file has, about printing and the help menu and the about dialog box.',
      ],
    ].map((entries, k) => ({ id: `d${k}`, text: entries.join('\n\n') + '\n' }))
    const [overlap] = findOverlaps(documents).overlaps
    expect(overlap.passages.map((p) => p.text.slice(-9))).toEqual(['keyboard.', 'keyboard.'])
  })

  it("ends before the next list item's first words, and starts after the last words of the item before", () => {
    // Release notes: items (" * ") both share, between items of each one's own that open (and,
    // before, close) with the same words: "git" is no part of the text they share.
    const items = [
      'The "git fetch" command learned to report the objects it skipped when the server sent a pack that was too large.',
      'The "git log" command stopped showing the notes of commits that were reached only through a grafted parent.',
      'The "git gc" command now prunes the reflogs of deleted branches before it repacks the objects that remain.',
    ]
    const documents = [
      ['"git push" to a mirror did not report the refs it deleted, which has been fixed.', ...items, '"git stash" lost untracked files.'],
      ['"git clone" into an empty folder left a lock file behind, which has been fixed.', ...items, '"git mv" renamed the wrong file.'],
    ].map((entries, k) => ({ id: `d${k}`, text: `Release ${k + 1}\n\n${entries.map((e) => ` * ${e}`).join('\n\n')}\n` }))
    const [overlap] = findOverlaps(documents).overlaps
    expect(overlap.passages.map((p) => [p.text.slice(0, 9), p.text.slice(-7)])).toEqual([
      ['The "git ', 'remain.'],
      ['The "git ', 'remain.'],
    ])
  })

  it('reads a break as between two list items only where both paragraphs are items', () => {
    const at = (text: string, word: string): [ReturnType<typeof analysed>[number], number] => {
      const [doc] = analysed(text)
      const t = doc.starts.findIndex((s) => s === doc.text.indexOf(word))
      expect(t).toBeGreaterThanOrEqual(0)
      return [doc, t]
    }
    // A heading (or a changelog's version line) and its first item: one text, as sim_text reads it.
    expect(betweenListItems(...at('foo (1.2-1) unstable; urgency=medium\n\n  * New upstream release.\n', 'New'))).toBe(false)
    expect(betweenListItems(...at('Fixes\n\n * First item.\n\n * Second item.\n', 'First'))).toBe(false)
    expect(betweenListItems(...at('Fixes\n\n * First item.\n\n * Second item.\n', 'Second'))).toBe(true)
    // An item at the text's start; a quotation mark before the first word; a scene break is no item.
    expect(betweenListItems(...at(' * First item.\n\n * "Second" item.\n', 'Second'))).toBe(true)
    expect(betweenListItems(...at('* * *\n\n * An item.\n', 'An'))).toBe(false)
    // A trailer's "--" is no bullet.
    expect(betweenListItems(...at('  * New upstream release.\n\n -- Matthias Klose\n', 'Matthias'))).toBe(false)
    // A manual's options, and numbered items: "1. ", "2) ", or a tag followed by two spaces.
    const options = 'OPTIONS\n\n       -P password\n              Use password.\n\n       --quiet\n              Say less.\n'
    expect(betweenListItems(...at(options, 'P password'))).toBe(false)
    expect(betweenListItems(...at(options, 'quiet'))).toBe(true)
    const codes = '       4      unable to allocate memory.\n\n       5      a severe error.\n\n2012  John Doe\n'
    expect(betweenListItems(...at(codes, '5'))).toBe(true)
    expect(betweenListItems(...at('1. First clause.\n\n2) Second clause.\n', '2'))).toBe(true)
    // A year, a number in running text, a negative number, a trailer without its space: no items.
    expect(betweenListItems(...at(codes, '2012'))).toBe(false)
    expect(betweenListItems(...at('1. First clause.\n\n12 apples were left.\n', '12'))).toBe(false)
    expect(betweenListItems(...at('-P password\n\n-30 degrees at night\n', '-30'))).toBe(false)
    expect(betweenListItems(...at('  * New upstream release.\n\n--Matthias Klose\n', 'Matthias'))).toBe(false)
    // A bullet after an option; options written with groff's hyphen or minus sign, a digit alone
    // (gzip's -9); an item's number before a tab, or a line break after its stop.
    expect(betweenListItems(...at('-P password\n\n- a dash and words\n', 'a dash'))).toBe(true)
    expect(betweenListItems(...at('\u2010P password\n\n\u2212q quiet\n', 'q quiet'))).toBe(true)
    expect(betweenListItems(...at('-1 fast\n\n-9 best\n', '-9'))).toBe(true)
    expect(betweenListItems(...at('1\tFirst clause.\n\n2\tSecond clause.\n', '2'))).toBe(true)
    expect(betweenListItems(...at('1.\nFirst clause.\n\n2.\nSecond clause.\n', '2'))).toBe(true)
  })

  it('ends before the next option of a manual, or the next numbered item, that opens alike', () => {
    // Manual pages: an option both describe alike, then each its own next option; an exit code
    // both describe alike, then each its own next code.
    const password =
      '       -P password\n              Use password to decrypt encrypted archive entries. THIS IS INSECURE! Many multi-user\n' +
      '              operating systems provide ways for any user to see the current command line of any other user.'
    const memory =
      '       4      The program was unable to allocate memory for one or more buffers during program\n' +
      '              initialization, and stopped before it read any archive.'
    const ends = (texts: string[]) =>
      findOverlaps(texts.map((text, k) => ({ id: `d${k}`, text }))).overlaps.flatMap((o) => o.passages.map((p) => p.text.slice(-11)))
    expect(
      ends([
        `OPTIONS\n\n${password}\n\n       -q     perform operations quietly, with no messages.\n`,
        `DESCRIPTION\n\n${password}\n\n       -q     quiet mode; eliminate informational messages.\n`,
      ]),
    ).toEqual(['other user.', 'other user.'])
    expect(
      ends([
        `EXIT STATUS\n\n${memory}\n\n       5      a severe error in the archive format was detected.\n`,
        `DIAGNOSTICS\n\n${memory}\n\n       5      the archive could not be written to its folder.\n`,
      ]),
    ).toEqual(['ny archive.', 'ny archive.'])
  })

  it("ends before the next section's heading in capitals that both open alike", () => {
    // Manual pages: the last options both describe alike, then the next section's heading, and
    // each its own first entry under it.
    const options =
      '       --admindir=dir\n           Change the location of the package database. The default location is the\n' +
      '           administrative folder of the system.\n\n       -?, --help\n           Show the usage message and exit.\n\n' +
      '       --version\n           Show the version and exit.'
    const ends = findOverlaps(
      [
        `OPTIONS\n${options}\n\nENVIRONMENT\n       COLORS\n           Sets the color mode of the output.\n`,
        `OPTIONS\n${options}\n\nENVIRONMENT\n       LANGUAGE\n           Chooses the messages' language.\n`,
      ].map((text, k) => ({ id: `d${k}`, text })),
    ).overlaps.flatMap((o) => o.passages.map((p) => p.text.slice(-9)))
    expect(ends).toEqual(['and exit.', 'and exit.'])
  })

  it("ends before the next section's Markdown heading, and starts with its own", () => {
    // Node.js's http.md and http2.md describe 'checkContinue' alike; the next heading, another
    // event in each, opens alike ("Event:"), and what follows it does too (its YAML record): both
    // passages ended on the heading (a reviewer).
    const body =
      'Emitted each time a request with an HTTP `Expect: 100-continue` is received.\nIf this event is not listened for, the server will automatically respond\n' +
      'with a `100 Continue` as appropriate.\n\nWhen this event is emitted and handled, the request event will\nnot be emitted.'
    const section = (hashes: string, event: string, added: string, text: string) =>
      `${hashes} Event: \`'${event}'\`\n\n<!-- YAML\nadded: ${added}\n-->\n\n${text}\n\n`
    const overlaps = findOverlaps(
      [
        `# HTTP\n\n${section('###', 'checkContinue', 'v0.3.0', body)}${section('###', 'checkExpectation', 'v5.5.0', 'Emitted for any other expectation.')}`,
        `# HTTP/2\n\n${section('####', 'checkContinue', 'v8.5.0', body)}${section('####', 'connection', 'v8.4.0', 'Emitted when a stream opens.')}`,
      ].map((text, k) => ({ id: `d${k}`, text })),
    ).overlaps
    expect(overlaps.flatMap((o) => o.passages.map((p) => [p.text.slice(0, 24), p.text.slice(-15)]))).toEqual(
      Array(2).fill(["Event: `'checkContinue'`", 'not be emitted.']),
    )
    // A heading underlined ("Setext") is one too, the same heading in both texts (a reviewer).
    const setext = (after: string) =>
      `Intro.\n\nThe quick brown fox jumps over the lazy dog while the farmer watches from the porch and drinks his coffee slowly.\n\nInstallation guide\n------------------\n\n${after}\n`
    const underlined = findOverlaps([setext('Run make.'), setext('Use npm.')].map((text, k) => ({ id: `s${k}`, text }))).overlaps
    expect(underlined.flatMap((o) => o.passages.map((p) => p.text.slice(-14)))).toEqual(['coffee slowly.', 'coffee slowly.'])
  })

  it('extends a passage over a whole item both lists share, not into the next one', () => {
    const item = ' * The fetch command learned to report the objects it skipped when the server sent a pack, which has been fixed.'
    const tails = [
      ' * "git stash" lost untracked files when the index held a conflict.',
      ' * "git mv" renamed the wrong file on a folding filesystem.',
    ]
    const docs = analysed(...tails.map((tail) => `Release\n\n${item}\n\n * Docs updated.\n\n${tail}\n`))
    const token = (k: number, word: string, last = false) => {
      const at = docs[k].text.indexOf(word) + (last ? word.length : 0)
      return last ? docs[k].ends.findIndex((e) => e === at) : docs[k].starts.findIndex((s) => s === at)
    }
    const passages = docs.map((_, k) => ({ doc: k, start: token(k, 'The fetch'), end: token(k, 'fixed', true) }))
    const out = extendAlike(passages, docs)
    expect(out.map((p) => docs[p.doc].text.slice(docs[p.doc].starts[p.start], docs[p.doc].ends[p.end]).slice(-12))).toEqual([
      'Docs updated',
      'Docs updated',
    ])
  })

  it('keeps whole words of the next paragraph', () => {
    // Both go on with an entry that opens with the same whole word: a word two texts share, which
    // sim_text's runs read on into (a changelog's trailer, "-- Matthias Klose", is such words).
    const documents = [
      [...shared, 'Fixed: something only this file says about colours in the debugger and the stack viewer, written in plain words.'],
      [...shared, 'Fixed: another entry that only the second file has, about printing and the help menu and the about dialog box.'],
    ].map((entries, k) => ({ id: `d${k}`, text: `Release ${k + 1}\n\n${entries.join('\n\n')}\n` }))
    const [overlap] = findOverlaps(documents).overlaps
    expect(overlap.passages.map((p) => p.text.slice(-16))).toEqual(['keyboard.\n\nFixed', 'keyboard.\n\nFixed'])
  })

  it('ends before the next paragraph where the two open it unlike: other words, another label', () => {
    // Each case: the paragraphs that follow the entries both share, and where both passages end.
    const cases: { nexts: [string, string]; end: string }[] = [
      // Python's reference: a sentence's "Before an except" against a code line's "except" (a
      // reviewer: "Before an" shown as deleted).
      {
        nexts: [
          'Before an except clause is run, the details of the exception are stored in the module that the interpreter keeps.',
          '   except Exception as error:\n       handle(error)',
        ],
        end: 'keyboard.',
      },
      // A manual's list of the marks special in brackets: the next entries are other marks, with
      // the same words after them (a reviewer: "‘[.’ represents the" and "‘-’ represents the", equal).
      {
        nexts: [
          '‘[.’\n     represents the open collating symbol, which begins the name of a collating element.',
          '‘-’\n     represents the range if it is not first or last in a list or the ending point of a range.',
        ],
        end: 'keyboard.',
      },
      // Alike, to a function word, a clause of the next paragraph cut short: cut in every passage
      // alike (dangling-edges.ts MAX_PARAGRAPH_FRAGMENT; judged pair by pair, a cut there once left
      // an overlap's passages unlike, a reviewer of gzip's manuals).
      {
        nexts: [
          'Otherwise, the type of the error decides which handler runs, and the value is passed to it.',
          'Otherwise, the interpreter stops at once and prints a message with a traceback of the calls.',
        ],
        end: 'keyboard.',
      },
      // Alike, with the same label, to a content word, they stay: words both texts go on with.
      {
        nexts: [
          '‘-’\n     represents the range if it is not first or last in a list, as the manual says.',
          '‘-’\n     represents the range when it stands between two characters of the list.',
        ],
        end: 'keyboard.\n\n‘-’\n     represents the range',
      },
    ]
    for (const { nexts, end } of cases) {
      const documents = nexts.map((next, k) => ({ id: `d${k}`, text: `Release ${k + 1}\n\n${[...shared, next].join('\n\n')}\n` }))
      const [overlap] = findOverlaps(documents).overlaps
      expect(overlap.passages.map((p) => p.text.slice(p.text.lastIndexOf('keyboard')))).toEqual([end, end])
    }
  })

  it('starts after the paragraph before where the two close it unlike, as many words stay (a tester)', () => {
    const clause =
      '5.2. If You initiate litigation against any entity by asserting a patent infringement claim (excluding declaratory ' +
      'judgment actions, counter-claims, and cross-claims) alleging that a Contributor Version directly or indirectly ' +
      'infringes any patent, then the rights granted to You by any and all Contributors for the Covered Software under ' +
      'Section 2.1 of this License shall terminate.'
    // "the License at" against "the License.": an identical clause after two lines of their own.
    const unlike = findOverlaps([
      { id: 'a', text: `You may obtain a copy of the License at\n\n${clause}\n` },
      { id: 'b', text: `Nothing here modifies the License.\n\n${clause}\n` },
    ]).overlaps
    expect(unlike).toHaveLength(1)
    expect(unlike[0].kind).toBe('verbatim')
    expect(unlike[0].passages.map((p) => p.text)).toEqual([clause, clause])
    // As many words before the break, alike: the texts go on alike from there, as sim_text reads them.
    const alike = findOverlaps([
      { id: 'a', text: `You may obtain a copy of the License.\n\n${clause}\n` },
      { id: 'b', text: `Nothing here modifies the License.\n\n${clause}\n` },
    ]).overlaps
    expect(alike[0].passages.map((p) => p.text.slice(0, 14))).toEqual(['the License.\n\n', 'the License.\n\n'])
  })
})

describe('a paragraph break', () => {
  it('is a line holding only the marks of the text\'s margin, pydoc\'s "|" or a quotation\'s ">"', () => {
    const breaks = (text: string) => {
      const [doc] = analysed(text)
      let count = 0
      for (let t = 0; t + 1 < doc.starts.length; t++) if (paragraphBetween(doc, t, t + 1)) count++
      return count
    }
    expect(breaks('first line\n\nsecond line')).toBe(1)
    expect(breaks('    > quoted first\n    >\n    > quoted second')).toBe(1)
    expect(breaks('    > > quoted twice\n    > >\n    > > again')).toBe(1)
    expect(breaks('     |  entry one\n     |  \n     |  entry two')).toBe(1)
    // A comment block's blank lines: its comment mark alone.
    expect(breaks('# first paragraph\n#\n# second paragraph')).toBe(1)
    expect(breaks('/* first paragraph\n *\n * second paragraph */')).toBe(1)
    expect(breaks('// first paragraph\n//\n// second paragraph')).toBe(1)
    expect(breaks('; first paragraph\n;\n; second paragraph')).toBe(1)
    // A mark with words after it is a line of the text.
    expect(breaks('    > quoted first\n    > quoted second')).toBe(0)
    expect(breaks('a | b\nc | d')).toBe(0)
    expect(breaks('# first line\n# second line\n * third line')).toBe(0)
  })

  it("ends the extension of a notice's passages at its comment block's blank line, or at a sentence (configuration files, a tester)", () => {
    // Five systemd configuration files and a tmpfiles.d file open with the LGPL notice; readline's
    // example inputrc has the GPL's. The five go on alike past the notice, to "... by creating
    // "drop-ins" in the" (each then names its own subdirectory): their passages in the notice's
    // overlap ended there, and an overlap of the licence's grant started at "is free software".
    const { overlaps } = findOverlaps(engineFixture('comment-notices'))
    const notice = overlaps.filter((o) => o.passages.some((p) => p.text.includes('is free software')))
    expect(notice.length).toBeGreaterThan(0)
    for (const o of notice)
      for (const p of o.passages) {
        expect(p.text).toMatch(/^(This file is part of systemd\.|This program is free software)/)
        expect(p.text).toMatch(/(any later version|for details|compile time defaults|drop-ins)\.$/)
      }
    // The notice shared by the six files that have it, and the inputrc's grant, are found.
    expect(notice.some((o) => new Set(o.passages.map((p) => p.doc)).size === 7)).toBe(true)
  })

  it("ends a passage at a method's entry in pydoc's pages (Python's enum and typing modules)", () => {
    // As pydoc prints them (a tester: the enum passage ran on through isdigit's entry, and the
    // identical isdecimal entries were near-verbatim, 0.667).
    const documents = [
      {
        id: 'enum',
        text: '     |  isdecimal(self, /)\n     |      Return True if the string is a decimal string, False otherwise.\n     |      \n     |      A string is a decimal string if all characters in the string are decimal and\n     |      there is at least one character in the string.\n     |  \n     |  isdigit(self, /)\n     |      Return True if the string is a digit string, False otherwise.\n     |      \n     |      A string is a digit string if all characters in the string are digits and there\n     |      is at least one character in the string.\n     |  \n',
      },
      {
        id: 'typing',
        text: '     |  isdecimal(self, /)\n     |      Return True if the string is a decimal string, False otherwise.\n     |      \n     |      A string is a decimal string if all characters in the string are decimal and\n     |      there is at least one character in the string.\n     |  \n',
      },
    ]
    const passages = findOverlaps(documents).overlaps.flatMap((o) => o.passages.map((p) => p.text))
    expect(passages.length).toBeGreaterThan(0)
    for (const text of passages) expect(text.includes('isdecimal') && text.includes('isdigit'), text).toBe(false)
  })

  it("drops a pair too short without the next section's heading it ends in (the AWS CLI's examples, a tester)", () => {
    // Three examples' ends, "For more information, see `...`__ in the *Amazon EC2 User Guide*.",
    // and the next example's heading, "**Example 3: To ...**", as shipped (CRLF): a verbatim
    // overlap of "in the *Amazon EC2 User Guide*.\r\n\r\n**Example 3: To".
    const documents = [
      {
        id: 'ec2-create-image',
        text: '**Example 2: To create an AMI from an Amazon EBS-backed instance without reboot**\r\n\r\nThe following ``create-image`` example creates an AMI and sets the --no-reboot parameter, so that the instance is not rebooted before the image is created. ::\r\n\r\n    aws ec2 create-image \\\r\n        --instance-id i-1234567890abcdef0 \\\r\n        --name "My server" \\\r\n        --no-reboot\r\n\r\nOutput::\r\n\r\n    {\r\n        "ImageId": "ami-abcdef01234567890"\r\n    }\r\n\r\nFor more information about specifying a block device mapping for your AMI, see `Specifying a block device mapping for an AMI <https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/block-device-mapping-concepts.html#create-ami-bdm>`__ in the *Amazon EC2 User Guide*.\r\n\r\n\r\n**Example 3: To tag an AMI and snapshots on creation**\r\n\r\nThe following ``create-image`` example creates an AMI, and tags the AMI and the snapshots with the same tag ``cost-center=cc123`` ::\r\n\r\n    aws ec2 create-image \\\r\n',
      },
      {
        id: 'ec2-describe-instances',
        text: '**Example 2: To filter for instances with the specified type**\r\n\r\nThe following ``describe-instances`` example uses filters to scope the results to instances of the specified type. ::\r\n\r\n    aws ec2 describe-instances \\\r\n        --filters Name=instance-type,Values=m5.large\r\n\r\nFor example output, see Example 1.\r\n\r\nFor more information, see `List and filter using the CLI <https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/Using_Filtering.html#Filtering_Resources_CLI>`__ in the *Amazon EC2 User Guide*.\r\n\r\n**Example 3: To filter for instances with the specified type and Availability Zone**\r\n\r\nThe following ``describe-instances`` example uses multiple filters to scope the results to instances with the specified type that are also in the specified Availability Zone. ::\r\n\r\n    aws ec2 describe-instances \\\r\n',
      },
      {
        id: 'ec2-describe-regions',
        text: '**Example 2: To describe enabled Regions with an endpoint whose name contains a specific string**\r\n\r\nThe following ``describe-regions`` example describes all Regions that you have enabled that have the string "us" in the endpoint. ::\r\n\r\n    aws ec2 describe-regions \\\r\n        --filters "Name=endpoint,Values=*us*"\r\n\r\nOutput::\r\n\r\n    {\r\n        "Regions": [\r\n            {\r\n                "Endpoint": "ec2.us-east-1.amazonaws.com",\r\n                "RegionName": "us-east-1"\r\n            },\r\n            {\r\n                "Endpoint": "ec2.us-east-2.amazonaws.com",\r\n                "RegionName": "us-east-2"\r\n            },\r\n            {\r\n                "Endpoint": "ec2.us-west-1.amazonaws.com",\r\n                "RegionName": "us-west-1"\r\n            },\r\n            {\r\n                "Endpoint": "ec2.us-west-2.amazonaws.com",\r\n                "RegionName": "us-west-2"\r\n            }\r\n        ]\r\n    }\r\n\r\nFor more information, see `Regions and Zones <https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-regions-availability-zones.html>`__ in the *Amazon EC2 User Guide*.\r\n\r\n**Example 3: To describe all Regions**\r\n\r\nThe following ``describe-regions`` example describes all available Regions, including Regions that are disabled. ::\r\n\r\n',
      },
    ]
    expect(findOverlaps(documents).overlaps.filter((o) => o.passages.some((p) => p.text.includes('**Example')))).toEqual([])
  })

  it("ends before the next entry's signature both open alike, a bracket open at the end (pydoc's pages, a tester)", () => {
    // _pyio's and io's entries, as pydoc prints them: the passages ended on the next entry's
    // "readable(self", one page's "readable(self)", the other's "readable(self, /)".
    const pyio =
      '     |      In non-blocking mode, returns None if no data is available.\n     |      Return an empty bytes object at EOF.\n     |  \n     |  readable(self)\n     |      True if file was opened in a read mode.\n'
    const io =
      '     |      If the size argument is negative, read until EOF is reached.\n     |      Return an empty bytes object at EOF.\n     |  \n     |  readable(self, /)\n     |      Returns True if the IO object can be read.\n'
    const [A, B] = analysed(pyio, io)
    const last = (doc: typeof A, text: string) => doc.starts.findIndex((s) => text.slice(s, s + 4) === 'self')
    const before = (doc: typeof A, text: string) => doc.starts.findIndex((s) => text.slice(s, s + 8) === 'readable') - 1
    const edges = paragraphEdges(A, 0, last(A, pyio), B, 0, last(B, io), 3)
    expect(edges).toEqual([0, before(A, pyio), 0, before(B, io)])
    // A piece with no bracket left open is read as before: no edge of this rule.
    const [pyioPlain, ioPlain] = [pyio.replace('readable(self)', 'readable self'), io.replace('readable(self, /)', 'readable self')]
    const [C, D] = analysed(pyioPlain, ioPlain)
    expect(paragraphEdges(C, 0, last(C, pyioPlain), D, 0, last(D, ioPlain), 3)).toBeUndefined()
  })
})
