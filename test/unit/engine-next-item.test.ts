import { describe, expect, it } from 'vitest'
import { findOverlaps } from '../../main/core/engine/overlaps.js'
import { MAX_ITEM_TOKENS, pageLines, withoutNextItems } from '../../main/core/engine/next-item.js'
import { analysed } from '../helpers.js'

// A passage's end on the next item's first words, or its start on the last words of the item
// before (next-item.ts), on the texts of the manual pages a reviewer read (useradd and usermod,
// shadow-utils 4.13; dpkg-query and dpkg-trigger, dpkg 1.21).

/** An option's description, as `man` renders useradd(8) at 80 columns, and the next option's name. */
const option = (next: string, about: string) => `       -p, --password PASSWORD
           The encrypted password, as returned by crypt(3). The default is to
           disable the password.

           You should make sure the password respects the system's password
           policy.

       ${next}
           ${about}
`

describe('a passage that ends on the next item of a list, or starts on the one before', () => {
  it("ends with its option's description, not on the next option's name both pages open alike", () => {
    const overlaps = findOverlaps([
      { id: 'useradd', text: option('-r, --system', 'Create a system account.') },
      { id: 'usermod', text: option('-r, --remove', 'Remove the user from named supplementary groups.') },
    ]).overlaps
    expect(overlaps).toHaveLength(1)
    for (const p of overlaps[0].passages) expect(p.text).toMatch(/password\s+policy\.$/)
    // Nothing is left of the next option's name to read as a difference.
    expect(overlaps[0].kind).toBe('verbatim')
  })

  it("ends before the next term of a reStructuredText definition list, at the margin (a reviewer of CMake's help)", () => {
    const page = (first: string, firstAbout: string, next: string) =>
      `\`\`${first}\`\`\n  ${firstAbout}\n\n\`\`COMMENT\`\`\n  Display the given message before the commands are executed at\n  build time.\n\n\`\`DEPENDS\`\`\n  ${next}\n`
    const overlaps = findOverlaps([
      {
        id: 'command',
        text: page('BYPRODUCTS', 'Specify the files the command is expected to produce.', 'Specify files on which the command depends.'),
      },
      {
        id: 'target',
        text: page(
          'ALL',
          'Indicate that this target should be added to the default build.',
          'Reference files and outputs of custom commands.',
        ),
      },
    ]).overlaps
    expect(overlaps).toHaveLength(1)
    for (const p of overlaps[0].passages) expect(p.text).toMatch(/^``COMMENT``[^]*build time\.$/)
  })

  it("ends before the next class of a pydoc page, its first under a heading, and where another passage ends its sentence inside its box (a reviewer of Python's documentation)", () => {
    const body = [
      '     |  A test case that wraps a test function.',
      '     |',
      '     |  This is useful for slipping pre-existing test functions into the',
      '     |  unittest framework. Optionally, set-up and tidy-up functions can be',
      '     |  supplied.',
    ].join('\n')
    const page = (next: string, about: string) =>
      `CLASSES\n    class FunctionTestCase(TestCase)\n${body}\n\n    class ${next}\n     |  ${about}\n`
    const skip = page('SkipTest(builtins.Exception)', 'Raise this exception in a test to skip it.')
    const isolated = page('IsolatedAsyncioTestCase(TestCase)', 'Run coroutines as tests on an event loop.')
    const pair = findOverlaps([
      { id: 'case', text: skip },
      { id: 'unittest', text: isolated },
    ]).overlaps
    expect(pair).toHaveLength(1)
    for (const p of pair[0].passages) expect(p.text).toMatch(/supplied\.$/)
    // A third page whose box goes on after the sentence: the others' "class" is still cut.
    const three = findOverlaps([
      { id: 'case', text: skip },
      { id: 'unittest', text: isolated },
      {
        id: 'util',
        text: `CLASSES\n    class FunctionTestCase(TestCase)\n${body}\n     |\n     |  ------------------------------\n     |  Methods inherited from object:\n`,
      },
    ]).overlaps
    expect(three).toHaveLength(1)
    for (const p of three[0].passages) expect(p.text).toMatch(/supplied\.$/)
  })

  it("ends before the next lettered item's letter, starts at one after a list's first, and keeps a list's heading at its start (a reviewer of the LGPL; bash's and readline's change logs)", () => {
    // LGPL 2.1 and 2 go on alike into the next item's letter, their items parting after it; and
    // two change logs number the section the list is under otherwise ("2." / "1."), their passages
    // starting on its heading, which the list's first letter does not part from it.
    const clause = (section: string, next: string) =>
      `${section}. Changes to the Library\n\n    a) Accompany the work with the complete corresponding machine-readable source code for the Library,\n    so that the user can modify the Library and then relink to produce a modified executable\n    containing the modified Library.  (It is understood that the user who changes the contents of\n    definitions files in the Library will not necessarily be able to recompile the application\n    to use the modified definitions.)\n\n    b) ${next}\n`
    const [a, b] = analysed(
      clause('2', 'Use a suitable shared library mechanism for linking with the Library.'),
      clause('1', 'Accompany the work with a written offer, valid for at least three years.'),
    )
    const at = (doc: typeof a, word: string, from = 0) => doc.starts.findIndex((s, t) => t >= from && doc.text.startsWith(word, s))
    const given = [a, b].map((doc, i) => ({ doc: i, start: at(doc, 'Changes'), end: at(doc, 'b', at(doc, 'definitions.)')) }))
    const cut = withoutNextItems(given, [a, b])
    for (const [i, doc] of [a, b].entries())
      expect(doc.text.slice(doc.starts[cut[i].start], doc.ends[cut[i].end])).toMatch(
        /^Changes to the Library\n\n {4}a\) Accompany .* definitions$/s,
      )
    // A passage that starts on the last words of item a) starts with b), a letter after the first.
    const later = [a, b].map((doc, i) => ({ doc: i, start: at(doc, 'definitions.)'), end: doc.starts.length - 1 }))
    const from = withoutNextItems(later, [a, b])
    for (const [i, doc] of [a, b].entries()) expect(doc.text.slice(doc.starts[from[i].start])).toMatch(/^b\) /)
  })

  it("ends before a section's heading or a variable's name in capitals, and starts after one", () => {
    const section = (variable: string) =>
      `Before it.\n\n${variable} (number)\n    Maximum members per group entry. When the maximum is reached, a new group entry (line) is started in /etc/group with the same name, password and GID.\n\nAFTER IT\n    The rest of the page.\n`
    const [a, b] = analysed(section('MAX_MEMBERS_PER_GROUP'), section('MAX_MEMBERS_PER_GROUP'))
    const tokenAt = (word: string) => a.starts.findIndex((s) => a.text.startsWith(word, s))
    // A passage from "it." of the paragraph before to "AFTER" of the heading after: its own item
    // with a word of each neighbour.
    const given = [0, 1].map((doc) => ({ doc, start: tokenAt('it.'), end: tokenAt('AFTER') }))
    const cut = withoutNextItems(given, [a, b])
    expect(cut.map((p) => a.text.slice(a.starts[p.start], a.ends[p.end]))).toEqual(
      Array(2).fill(a.text.slice(a.starts[tokenAt('MAX_MEMBERS')], a.ends[tokenAt('GID')])),
    )
  })

  it('ends before a heading its markup makes one, and starts after one (a reviewer of the AWS command line: "**Example 2: To")', () => {
    const example = (verb: string, heading: string, rest: string) =>
      `**To ${verb} a Capacity Reservation**\r\n\r\nThe following \`\`${verb}-capacity-reservation\`\` example ${verb}s it.\r\n\r\n` +
      'Output::\r\n\r\n    {\r\n        "Return": true\r\n    }\r\n\r\n' +
      'For more information, see `Capacity Reservations <https://docs.example.com/capacity-reservations.html>`__ in the *Amazon EC2 User Guide*.\r\n\r\n' +
      `${heading}\r\n\r\n${rest}\r\n`
    const overlaps = findOverlaps([
      {
        id: 'modify',
        text: example(
          'modify',
          '**Example 2: To modify the instance-match criteria of a Capacity Reservation**',
          'Zebras graze quietly near harbour lighthouses.',
        ),
      },
      {
        id: 'cancel',
        text: example(
          'cancel',
          '**Example 2: To cancel a Capacity Reservation and its instances**',
          'Volcanic ash drifts over distant orchards tonight.',
        ),
      },
    ]).overlaps
    const passages = overlaps.flatMap((o) => o.passages)
    expect(passages.length).toBeGreaterThan(0)
    for (const p of passages) expect(p.text).not.toMatch(/Example 2/)
    const underlined = (verb: string) =>
      `Setting up\n==========\n\nRun the ${verb} tool against the shared capacity reservation group to see how the pool behaves.\n`
    const [a] = analysed(underlined('modify'))
    const at = (word: string) => a.starts.findIndex((s) => a.text.startsWith(word, s))
    expect(withoutNextItems([{ doc: 0, start: at('up'), end: at('behaves') }], [a])).toEqual([
      { doc: 0, start: at('Run'), end: at('behaves') },
    ])
  })

  it('keeps a heading the passages share, and reads no code comment or root prompt as a heading (a reviewer)', () => {
    const report = (before: string, tracker: string) =>
      `${before}\n\nHow to report bugs\n==================\n\nBugs should be reported to the ${tracker} bug tracking system, with the version you use, the steps that reproduce the problem, and a short test case that shows it; a backtrace helps when the program crashes.\n`
    const [shared] = findOverlaps([
      { id: 'cups', text: report('The printer helper talks to the print daemon.', 'freedesktop.org') },
      { id: 'gtk', text: report('Widgets in this toolkit, which many desktop programs use, are drawn by means of GLib.', 'GNOME') },
      { id: 'pixbuf', text: report('Images of every common format are decoded, then painted by means of GLib.', 'GNOME') },
    ]).overlaps
    for (const p of shared.passages) expect(p.text).toMatch(/^How to report bugs\n=+\n\nBugs should/)
    const build = (title: string, about: string, tools: string, last: string) =>
      `# ${title}\n\n${about}\n\n## Building\n\nClone the repository, then install the toolchain and run the build from the top folder:\n\n\`\`\`sh\ngit clone https://example.org/widget.git\ncd widget\n\n# then build it\n${tools}\n\`\`\`\n\n${last}\n`
    const [code] = findOverlaps([
      {
        id: 'alpha',
        text: build(
          'Alpha widget',
          'Alpha draws charts for dashboards.',
          './tools/bootstrap --pinned\nmake all',
          'Alpha also ships a plugin for spreadsheets.',
        ),
      },
      {
        id: 'beta',
        text: build('Beta widget', 'Beta renders maps for kiosks.', './tools/setup --latest\nninja', 'Beta has no plugins yet.'),
      },
    ]).overlaps
    // The path both write is read to its end (word-edges.ts), the commands' differences shown.
    for (const p of code.passages)
      expect(p.text).toMatch(/# then build it\n\.\/tools\/(bootstrap --pinned\nmake all|setup --latest\nninja)$/)
    const debian = (name: string, unit: string, last: string) =>
      `${name} for Debian\n--------------\n\nThe daemon is installed but not started, since it needs a configured key\nfile before it can accept connections from other hosts on the network.\nTo start it at boot and right away, run as root:\n\n  # systemctl enable --now ${unit}.service\n\n${last}\n`
    const [prompt] = findOverlaps([
      { id: 'bar', text: debian('bar', 'bard', 'See the manual page for options.') },
      { id: 'foo', text: debian('foo', 'foo-agent', 'Logs go to the journal.') },
    ]).overlaps
    for (const p of prompt.passages) expect(p.text).toMatch(/run as root:\n\n {2}# systemctl enable --now$/)
  })

  it('ends before the next header field\'s name, its value left out (a reviewer of Python packages\' METADATA: "text/x-rst\\nClassifier")', () => {
    const header = (name: string, summary: string, classifiers: string[]) =>
      `Metadata-Version: 2.1\nName: ${name}\nVersion: 0.2.0\nSummary: ${summary}\nHome-page: https://example.org/${name}\n` +
      'License: UNKNOWN\nAuthor: Ann Example\nAuthor-email: ann@example.org\nDescription-Content-Type: text/x-rst\n' +
      classifiers.map((c) => `Classifier: ${c}\n`).join('')
    const overlaps = findOverlaps([
      {
        id: 'callbacks',
        text: header('callbacks', 'Specifications for callback functions passed in to an API', [
          'License :: OSI Approved :: BSD License',
          'Programming Language :: Python :: 2',
        ]),
      },
      {
        id: 'terminals',
        text: header('terminals', 'Run a subprocess in a pseudo terminal', [
          'Development Status :: 5 - Production/Stable',
          'Environment :: Console',
        ]),
      },
    ]).overlaps
    expect(overlaps).toHaveLength(1)
    for (const p of overlaps[0].passages) expect(p.text).toMatch(/Description-Content-Type: text\/x-rst$/)
  })

  it("ends before the name of the next stanza's field, past a blank line or a value's indented lines (Debian's copyright files: \"... License: X11\\n\\nFiles\")", () => {
    const GPL =
      ' This program is free software; you can redistribute it and/or modify\n it under the terms of the GNU General Public License as published by\n' +
      ' the Free Software Foundation; either version 2 of the License, or\n (at your option) any later version.\n'
    const stanza = (holder: string, next: string) =>
      `Files: *\nCopyright: 2019 ${holder}\n 2021 Bob Example <bob@example.org>\nLicense: GPL-2+\n${GPL}\n${next}\n`
    const overlaps = findOverlaps([
      {
        id: 'alpha',
        text: stanza(
          'Ann Example <ann@example.org>',
          'Files: debian/*\nCopyright: 2020 Carol Example <carol@example.org>\nLicense: public-domain\n The packaging was placed in the public domain by its author.',
        ),
      },
      {
        id: 'beta',
        text: stanza(
          'Eve Example <eve@example.org>',
          'Files: src/compat/strlcpy.c\nCopyright: 1998 Todd C. Miller\nLicense: ISC\n Permission to use, copy, modify, and distribute this software for any purpose.',
        ),
      },
      {
        id: 'gamma',
        text: stanza(
          'Fay Example <fay@example.org>',
          'Comment: On Debian systems, the full text of the GNU General Public License version 2\n can be found in the file /usr/share/common-licenses/GPL-2.',
        ),
      },
    ]).overlaps
    expect(overlaps).toHaveLength(1)
    // Two go on into the next stanza's "Files", the third into a comment: each ends with the licence.
    for (const p of overlaps[0].passages) expect(p.text).toMatch(/any later version\.$/)

    // A field's value on indented lines, the next field's name under them ("... <eve@example.org>\nLicense").
    const holders = [2011, 2012, 2013, 2014].map((year, k) => ` ${year} ${['Bob', 'Carol', 'Dan', 'Eve'][k]} Example\n`).join('')
    const header = `Copyright: 2010 Ann Example <ann@example.org>\n${holders}`
    const [held] = findOverlaps([
      { id: 'alpha', text: `Files: lib/*\n${header}License: GPL-2+\n${GPL}` },
      {
        id: 'beta',
        text: `Files: src/*\n${header}License: Expat\n Permission is hereby granted, free of charge, to any person obtaining a copy.\n`,
      },
    ]).overlaps
    for (const p of held.passages) expect(p.text).toMatch(/2014 Eve Example$/)
  })

  it('ends before the opening of the next copyright notice, its years and holder left out ("... documentation.\\n\\nCopyright")', () => {
    const X11 =
      'Permission to use, copy, modify, distribute, and sell this software and its\ndocumentation for any purpose is hereby granted without fee, provided that\n' +
      'the above copyright notice appear in all copies and that both that\ncopyright notice and this permission notice appear in supporting\ndocumentation.'
    const overlaps = findOverlaps([
      {
        id: 'libx',
        text: `Copyright 1989 Example Consortium\n\n${X11}\n\n\nCopyright 1990, 1991 by Omron Corporation\n\nText about fonts.\n`,
      },
      {
        id: 'libice',
        text: `Copyright 1993 Another Group\n\n${X11}\n\n\nCopyright (C) 1987 Digital Equipment Corporation\n\nAll rights reserved.\n`,
      },
    ]).overlaps
    expect(overlaps).toHaveLength(1)
    for (const p of overlaps[0].passages) expect(p.text).toMatch(/appear in supporting\ndocumentation\.$/)
  })

  it('ends before the number of the next item, its words left out ("... with the distribution.\\n 3"), each passage on its own, not a number in a sentence', () => {
    const clauses =
      'Redistribution and use in source and binary forms, with or without modification, are permitted provided that the following conditions are met:\n' +
      ' 1. Redistributions of source code must retain the above copyright notice, this list of conditions and the following disclaimer.\n' +
      ' 2. Redistributions in binary form must reproduce the above copyright notice, this list of conditions and the following disclaimer in the\n' +
      '    documentation and/or other materials provided with the distribution.\n'
    const overlaps = findOverlaps([
      {
        id: 'bsd3',
        text: `Copyright 1990 The Regents.\n\n${clauses} 3. Neither the name of the University nor the names of its contributors may be used.\n`,
      },
      {
        id: 'bsd4',
        text: `Copyright 1995 Another Holder.\n\n${clauses} 3. All advertising materials mentioning features of this software must display it.\n`,
      },
      // A third copy goes on inside its sentence: no item there, the others cut all the same.
      {
        id: 'sold',
        text: `Copyright 1999 A Third Holder.\n\n${clauses.replace('distribution.\n', 'distribution, and the copies sold\n    must say so.\n')}`,
      },
    ]).overlaps
    expect(overlaps).toHaveLength(1)
    const ends = overlaps[0].passages.map((p) => p.text.slice(-40))
    expect(ends.filter((end) => /provided with the distribution\.?$/.test(end))).toHaveLength(3)
    // A number a line opens inside a sentence is no item's ("... License version\n 2 may be found").
    const [a] = analysed('The complete text of the GNU General Public License version\n 2 may be found in the file named here.\n')
    const at = (word: string) => a.starts.findIndex((s) => a.text.startsWith(word, s))
    const passage = [{ doc: 0, start: 0, end: at('2') }]
    expect(withoutNextItems(passage, [a])).toBe(passage)
  })

  it('ends before the number of the next section, its parts too ("... 02110-1301 USA\\n\\n3.2"): an identical paragraph stays verbatim (a tester)', () => {
    const notice =
      'You should have received a copy of the GNU Lesser General Public License along with this library; if not, write to ' +
      'the Free Software Foundation, Inc., 51 Franklin Street, Fifth Floor, Boston, MA 02110-1301 USA'
    const overlaps = findOverlaps([
      {
        id: 'minutes',
        text: `Our committee met on Tuesday to review the budget for the coming year.\n\n${notice}\n\n3. You may otherwise modify your copy of this Package in any way.\n`,
      },
      {
        id: 'notes',
        text: `Short notes on bridges and rivers of the northern district.\n\n${notice}\n\n3.2. Availability of Source Code. Any Modification must be made available.\n`,
      },
    ]).overlaps
    expect(overlaps).toHaveLength(1)
    expect(overlaps[0].kind).toBe('verbatim')
    expect(overlaps[0].passages.map((p) => p.text)).toEqual([notice, notice])
  })

  it("ends before the next field's name where another passage ends with its field's line (a reviewer: three headers)", () => {
    const CLASSIFIERS = [
      'Development Status :: 5 - Production/Stable',
      'Intended Audience :: Developers',
      'License :: OSI Approved :: MIT License',
      'Operating System :: OS Independent',
      'Programming Language :: Python :: 3',
      'Topic :: Software Development :: Libraries',
    ]
    const header = (name: string, summary: string, next: string) =>
      `Metadata-Version: 2.1\nName: ${name}\nSummary: ${summary}\n${CLASSIFIERS.map((c) => `Classifier: ${c}\n`).join('')}${next}\n`
    const overlaps = findOverlaps([
      { id: 'alpha', text: header('alpha', 'Parse calendars written in the iCalendar format', 'Requires-Dist: icalendar>=5') },
      { id: 'beta', text: header('beta', 'Draw charts of time series in a terminal window', 'Requires-Dist: numpy>=1.24') },
      { id: 'gamma', text: header('gamma', 'Read and write compressed archives of many kinds', 'Description-Content-Type: text/markdown') },
    ]).overlaps
    expect(overlaps).toHaveLength(1)
    for (const p of overlaps[0].passages) expect(p.text).toMatch(/Software Development :: Libraries$/)
  })

  it('cuts no passage where another ends its text on the same item words (a reviewer: "-r, --system" read as deleted)', () => {
    const overlaps = findOverlaps([
      { id: 'useradd', text: option('-r, --system', 'Create a system account.').replace(/\n\s+Create a system account\.\n$/, '') },
      { id: 'usermod', text: option('-r, --system', 'Remove the user from named supplementary groups.') },
    ]).overlaps
    expect(overlaps).toHaveLength(1)
    for (const p of overlaps[0].passages) expect(p.text).toMatch(/-r, --system$/)
    expect(overlaps[0].variants).toEqual([])
  })

  it('reads a sentence in capitals as no heading, and cuts a heading with the first item under it', () => {
    const words = Array.from({ length: 40 }, (_, k) => `word${k}`).join(' ')
    const [a] = analysed(
      `${words}.\n\nTHERE IS NO WARRANTY FOR THE PROGRAM, TO THE EXTENT PERMITTED BY\nAPPLICABLE LAW.\n\nGNU GENERAL PUBLIC LICENSE\n\nOPTIONS\n\n-a, --all\n    Show all.\n`,
    )
    const at = (word: string) => a.starts.findIndex((s) => a.text.startsWith(word, s))
    // Into the disclaimer, or a title of four words: no item there, nothing cut.
    const disclaimer = [{ doc: 0, start: 0, end: at('NO') }]
    expect(withoutNextItems(disclaimer, [a])).toBe(disclaimer)
    const title = [{ doc: 0, start: at('word20'), end: at('GENERAL') }]
    expect(withoutNextItems(title, [a])).toBe(title)
    // A heading and the option under it: cut before the heading.
    const heading = [{ doc: 0, start: at('word30'), end: at('all') }]
    expect(withoutNextItems(heading, [a])).toEqual([{ doc: 0, start: at('word30'), end: at('OPTIONS') - 1 }])
  })

  it('cuts the first words of a next bullet both go on into, and keeps those of a paragraph that opens no item, or that one passage goes on into', () => {
    // The next entry of a changelog, or item of a manual's list ("To set the project attribute:\n\n
    // — provide the argument" against "... argument LOCATION", gcloud's pages: a tester), opens
    // alike in both and goes on otherwise: the passages end before it.
    const [a, b, c, d] = analysed(
      'Update the translations for the new release of the program.\n\n * New upstream release\n',
      'Update the translations for the new release of the program.\n\n * New upstream version\n',
      'Update the translations for the new release of the program.\n\n-r the rest of its sentence goes on\n',
      'Update the translations for the new release of the program.\n\nNew upstream code is taken as it is\n',
    )
    const end = (doc: typeof a) => doc.starts.findIndex((s) => doc.text.startsWith('New', s)) + 1
    const bullets = [
      { doc: 0, start: 0, end: end(a) },
      { doc: 1, start: 0, end: end(b) },
    ]
    const program = a.starts.findIndex((s) => a.text.startsWith('program', s))
    expect(withoutNextItems(bullets, [a, b])).toEqual(bullets.map((p) => ({ ...p, end: program })))
    const [dashes, other] = analysed(
      'Some attributes can be set in other ways.\n\nTo set the project attribute:\n\n— provide the argument dashboard on the command line;\n',
      'Some attributes can be set in other ways.\n\nTo set the project attribute:\n\n— provide the argument LOCATION on the command line;\n',
    )
    const argument = (doc: typeof a) => doc.starts.findIndex((s) => doc.text.startsWith('argument', s))
    const cut = withoutNextItems(
      [
        { doc: 0, start: 0, end: argument(dashes) },
        { doc: 1, start: 0, end: argument(other) },
      ],
      [dashes, other],
    )
    for (const p of cut) expect([dashes, other][p.doc].text.slice(0, [dashes, other][p.doc].ends[p.end])).toMatch(/attribute$/)
    // A whole bullet item both have before the words they part in stays (a reviewer: two
    // changelogs' "* Team upload.\n\n  [ Miguel Landaeta" cut back to the version line).
    const entry = (next: string) =>
      `  * Rebuild against the current toolchain and refresh the packaging files for the new policy.\n\n -- Debian Java Maintainers  Mon, 01 Jan 2024 10:00:00 +0000\n\nlibrary (1.0-1) unstable; urgency=medium\n\n  * Team upload.\n\n  [ Miguel Landaeta ]\n  * ${next}\n`
    const [guava, plexus] = analysed(entry('Remove myself from uploaders list.'), entry('Install jars in /usr/share/java.'))
    const upload = [guava, plexus].map((doc, k) => ({
      doc: k,
      start: 0,
      end: doc.starts.findIndex((s) => doc.text.startsWith('Landaeta', s)),
    }))
    expect(withoutNextItems(upload, [guava, plexus])).toBe(upload)
    // One passage ends on an option's name, the other inside a paragraph that is no item: the
    // option's name is cut, and the other passage keeps its end (in an overlap of hundreds of
    // gcloud's pages, one passage ending "... other ways.\n\nTo set the" kept all the others
    // going on into the next bullet: a tester).
    const rIn = (doc: typeof a) => doc.starts.findIndex((s) => doc.text.startsWith('r ', s))
    const mixed = [
      { doc: 3, start: 0, end: end(d) },
      { doc: 2, start: 0, end: rIn(c) },
    ]
    expect(withoutNextItems(mixed, [a, b, c, d])).toEqual([mixed[0], { ...mixed[1], end: rIn(c) - 1 }])
    // Not where that passage's last paragraph opens with the words cut from the others: it goes
    // on into their item, and cut from them, the words it shares would read as a difference.
    const [e] = analysed('Update the translations for the new release of the program.\n\n-r the rest of its long sentence goes on and on\n')
    const into = [
      { doc: 0, start: 0, end: e.starts.findIndex((s) => e.text.startsWith('and on', s)) },
      { doc: 1, start: 0, end: rIn(c) },
    ]
    expect(withoutNextItems(into, [e, c])).toBe(into)
  })

  it('cuts at the bullet alone where the heading over it would be too much of a short passage', () => {
    // gcloud's resource arguments, a tester: the line over the bullets is an item's name (the
    // bullets are indented under it), and a short passage is mostly that line.
    const page = (name: string, long: boolean) =>
      `NAME\n       gcloud ${name} - a command\n\n${long ? '           The arguments in this group can be used to specify the attributes of this resource.\n' : ''}           Some attributes can be set in other ways.\n\n           To set the project attribute:\n\n             — provide the argument ${name} on the command line;\n`
    const docs = analysed(page('dashboard', true), page('location', true), page('endpoint', false))
    const passages = docs.map((doc, k) => ({
      doc: k,
      start: doc.starts.findIndex((s) => doc.text.startsWith(k === 2 ? 'Some' : 'The', s)),
      end: doc.starts.findIndex((s) => doc.text.startsWith('argument ', s)),
    }))
    const attribute = (doc: (typeof docs)[number]) => doc.starts.findIndex((s) => doc.text.startsWith('attribute:', s))
    expect(withoutNextItems(passages, docs)).toEqual(passages.map((p) => ({ ...p, end: attribute(docs[p.doc]) })))
  })

  it('cuts at most MAX_ITEM_TOKENS tokens, and never most of a short passage', () => {
    const words = Array.from({ length: 12 }, (_, k) => `word${k}`).join(' ')
    const [a] = analysed(`${words}.\n\nNEXT ITEM\n    and what it says.\n`)
    // Tokens 0-11 the words, 12-13 the heading.
    expect(withoutNextItems([{ doc: 0, start: 0, end: 13 }], [a])).toEqual([{ doc: 0, start: 0, end: 11 }])
    // Three words and the heading: the heading is too much of the passage to be a stray.
    const short = [{ doc: 0, start: 9, end: 13 }]
    expect(withoutNextItems(short, [a])).toBe(short)
    const long = Array.from({ length: MAX_ITEM_TOKENS + 1 }, (_, k) => `NAME${k}`).join(' ')
    const [b] = analysed(`${words} ${words} ${words}.\n\n${long}\n    and what it says.\n`)
    const far = [{ doc: 0, start: 0, end: 36 + MAX_ITEM_TOKENS }]
    expect(withoutNextItems(far, [b])).toBe(far)
  })

  it('reads a long name in capitals that runs into other words as no item, at once (a manual title line: minutes before)', () => {
    const words = Array.from({ length: 12 }, (_, k) => `word${k}`).join(' ')
    const heading = (line: string) => analysed(`${words}.\n\n${line}\n    and what it says.\n`)[0]
    // Tokens 0-11 the words, 12 on the heading's line. A name cut into names every way before
    // failing on the small letters after it: 2^48 ways.
    const title = heading(`${'GCLOUD_AI_OPERATIONS_DESCRIBE_'.repeat(2)}Xgeneral Commands Manual`)
    const passage = [{ doc: 0, start: 0, end: 12 }]
    expect(withoutNextItems(passage, [title])).toBe(passage)
    // Names beside names, types and commas still open an item, with or without a space after a
    // bracket or a comma.
    for (const line of ['SYS_GID_MAX (number), SYS_GID_MIN (number)', 'SYS_GID_MAX (number),SYS_GID_MIN', 'EXIT STATUS', 'SUB_GID_MIN'])
      expect(withoutNextItems(passage, [heading(line)]), line).toEqual([{ doc: 0, start: 0, end: 11 }])
  })

  it("starts at the first option under a subsection's heading, no blank line between (a reviewer of man-db's pages)", () => {
    // man(1) has "-?, --help" under its "Getting help" and then "--usage", which whatis(1) lacks:
    // man's passage started at "--usage", its "--help" read as the tail of the heading's item.
    const man = `   Getting help
       -?, --help
              Print a help message and exit.

       --usage
              Print a short usage message and exit.

EXIT STATUS
       0      Successful program execution.

       1      Usage, syntax or configuration file error.
`
    const whatis = man.replace(/ {3}Getting help\n/, '').replace(/ {7}--usage\n.*\n\n/, '')
    const [overlap] = findOverlaps([
      { id: 'man', text: man },
      { id: 'whatis', text: whatis },
    ]).overlaps
    // (With its short option of a mark alone: word-edges.ts markLabelStart.)
    expect(overlap.passages.map((p) => p.text.slice(0, 10))).toEqual(['-?, --help', '-?, --help'])
    expect(overlap.variants[0].changes?.filter((c) => c.op !== 'equal').map((c) => c.a.replace(/\s+/g, ' '))).toEqual([
      '--usage Print a short usage message and exit',
    ])
    // Under a line that ends a sentence or leads into a list, the option is no heading's first.
    const version =
      '       -V, --version\n              Display the version of the program, the year it was made, the people who wrote it and\n              the licence it is given under, and exit at once with a status of zero.\n'
    const heading = (line: string) =>
      analysed(`   ${line}\n       -?, --help\n              Print a help message and exit.\n\n${version}`)[0]
    const passage = (doc: { starts: ArrayLike<number> }) => [{ doc: 0, start: 2, end: doc.starts.length - 1 }]
    const [under, after] = [heading('Getting help'), heading('The options are:')]
    expect(withoutNextItems(passage(under), [under])).toEqual(passage(under))
    expect(withoutNextItems(passage(after), [after])[0].start).toBe(
      Array.from(after.starts).findIndex((s) => after.text.startsWith('V, --version', s)),
    )
  })

  it("ends before a subsection's heading with the option under it, and before the next option after a short first one (a second reviewer)", () => {
    // openssl's pages: the passages went on into "PKCS#12 input (parsing) options\n       -in
    // filename|uri", and "OPTIONS\n       -help\n ... message.\n\n       -out filename".
    const pkey = `           This option checks the correctness of either a public key or the\n           public component of a key pair.\n\n   Input options\n       -in filename|uri\n           This specifies the input to read a key from.\n`
    const genpkey = `OPTIONS\n       -help\n           Print out a usage message.\n\n       -out filename\n           Output the key to the specified file.\n`
    const [a, b] = analysed(pkey, genpkey)
    const at = (doc: { text: string; starts: ArrayLike<number> }, word: string) =>
      Array.from(doc.starts).findIndex((s) => doc.text.startsWith(word, s))
    expect(withoutNextItems([{ doc: 0, start: 0, end: at(a, 'This specifies') }], [a])).toEqual([{ doc: 0, start: 0, end: at(a, 'pair') }])
    expect(withoutNextItems([{ doc: 1, start: 0, end: at(b, 'filename') }], [a, b])).toEqual([{ doc: 1, start: 0, end: at(b, 'message') }])
    // A manual's NAME and its line, then DESCRIPTION: the end goes before DESCRIPTION, not NAME.
    const [c] = analysed('FOO(5)\n\nNAME\n       foo.conf - the foo configuration file\n\nDESCRIPTION\n       The foo module')
    expect(withoutNextItems([{ doc: 0, start: 0, end: at(c, 'DESCRIPTION') }], [c])).toEqual([{ doc: 0, start: 0, end: at(c, 'file') }])
  })

  describe('items that open on a line of their own, not a paragraph (bash(1) and dash(1), as man renders them)', () => {
    // bash's tests: no blank line between items, each item's name back at the margin.
    const bashTests = `       -r file
              True if file exists and is readable.
       -s file
              True if file exists and has a size greater than zero.
       -t fd  True if file descriptor fd is open and refers to a terminal.
       -u file
              True if file exists and its set-user-id bit is set.
`
    // dash's: a blank line between items.
    const dashTests = `            -r file       True if file exists and is readable.

            -s file       True if file exists and has a size greater than
                          zero.

            -t file_descriptor
                          True if the file whose file descriptor number is
                          file_descriptor is open and is associated with a
                          terminal.
`
    const at = (doc: { text: string; starts: ArrayLike<number> }, word: string, from = 0) =>
      Array.from(doc.starts).findIndex((s, k) => k >= from && doc.text.startsWith(word, s))

    it('ends before the next option\'s name on the line after a description ("... greater than zero.\\n       -t")', () => {
      // Each page's passage to the next option's name ("-t"), as broken into lines `breaks`.
      const endsBeforeT = (breaks: string) => {
        const [a, b] = analysed(bashTests.replace(/\n/g, breaks), dashTests.replace(/\n/g, breaks))
        const given = [
          { doc: 0, start: 0, end: at(a, 't fd') },
          { doc: 1, start: 0, end: at(b, 't file') },
        ]
        expect(withoutNextItems(given, [a, b])).toEqual([
          { doc: 0, start: 0, end: at(a, 'zero') },
          { doc: 1, start: 0, end: at(b, 'zero') },
        ])
      }
      endsBeforeT('\n')
      // Lines broken as an old Mac broke them, or as Windows does.
      endsBeforeT('\r')
      endsBeforeT('\r\n')
      // The line back at the item's margin is the break, with or without a stop before it.
      const [c] = analysed(bashTests.replace('zero.', 'zero'))
      const unstopped = [{ doc: 0, start: 0, end: at(c, 't fd') }]
      expect(withoutNextItems(unstopped, [c])).toEqual([{ doc: 0, start: 0, end: at(c, 'zero') }])
      const [a] = analysed(bashTests)
      // And starts after the end of the item before: "a terminal.\n       -u file".
      const from = [{ doc: 0, start: at(a, 'a terminal'), end: a.starts.length - 1 }]
      expect(withoutNextItems(from, [a])).toEqual([{ doc: 0, start: at(a, 'u file'), end: a.starts.length - 1 }])
    })

    it('reads a name with its description indented under it as an item (a built-in command, a parameter expansion)', () => {
      const times = (indent: string, body: string, trap: string) =>
        `${indent}times  Print the accumulated user and system times for the shell and\n${body}for processes run from the shell.  The return status is 0.\n\n${indent}${trap}\n${body}The command arg is to be read and executed.\n`
      const [a, b] = analysed(
        times('       ', '              ', 'trap [-lp] [[arg] sigspec ...]'),
        times('     ', '            ', 'trap [action signal ...]'),
      )
      const given = [a, b].map((doc, k) => ({ doc: k, start: 0, end: at(doc, 'trap') }))
      expect(withoutNextItems(given, [a, b])).toEqual([a, b].map((doc, k) => ({ doc: k, start: 0, end: at(doc, 'trap') - 1 })))
      const [c] = analysed(
        `       ... for a parameter that is unset.\n\n       \${#parameter}\n              Parameter length.  The length in characters of the value of\n              parameter is substituted.\n`,
      )
      const expansion = [{ doc: 0, start: 0, end: at(c, 'parameter', at(c, 'unset')) }]
      expect(withoutNextItems(expansion, [c])).toEqual([{ doc: 0, start: 0, end: at(c, 'unset') }])
    })

    it('ends before the option on the line after a sentence, at one margin ("... the shell is interactive.\\n       -l")', () => {
      const [a] = analysed(
        `       -i        If the -i option is present, the shell is interactive.\n       -l        Make bash act as if it had been invoked as a login shell\n`,
      )
      const given = [{ doc: 0, start: at(a, 'interactive'), end: a.starts.length - 1 }]
      expect(withoutNextItems(given, [a])).toEqual([{ doc: 0, start: at(a, 'l  '), end: a.starts.length - 1 }])
    })

    it("keeps a whole numbered item on its line, the next on the line after it (SQLite's changelog)", () => {
      const [a] = analysed(
        `    1. Print the offending SQL statement when an error occurs, and the line and column where the\n       parser stopped reading it, in every one of the shell's modes.\n    2. Do not require commas between constraints in CREATE TABLE\n       statements.\n    3. Added the "-echo" option to the shell.\n    4. Changes to comments.\n`,
      )
      const given = [{ doc: 0, start: 0, end: at(a, 'shell.') }]
      expect(withoutNextItems(given, [a])).toBe(given)
    })

    it("reads no item in a changelog's entry that goes on with a line opening with a compiler's flag", () => {
      // At one margin, after a sentence: an option only after a line that is an option's.
      const [a] = analysed(`\tUnbreak llvm-toolchain-13 on buster.\n\t-fuse-ld=gold wasn't passed to compiler-rt. it was using bfd.\n`)
      const given = [{ doc: 0, start: at(a, 'buster'), end: a.starts.length - 1 }]
      expect(withoutNextItems(given, [a])).toBe(given)
    })

    it("reads no item at a wrapped line of prose, a list's lead-in or an example's introduction (a reviewer)", () => {
      // A paragraph indented on its first line: its second line starts left of it, with an option.
      const [a] = analysed(
        `The files are kept where make cannot see them.\n    The program accepts several flags, and the most useful one is\n-v, which prints each file name quietly.\n`,
      )
      const flags = [{ doc: 0, start: 0, end: at(a, 'which') }]
      expect(withoutNextItems(flags, [a])).toBe(flags)
      // A lead-in and the list it opens; an example a sentence goes on into.
      const [b] = analysed(
        `       Show the changes between the two trees, as they were recorded. The following parameters are available:\n\n       changes\n           Show the changes.\n`,
      )
      const leadIn = [{ doc: 0, start: at(b, 'The following'), end: b.starts.length - 1 }]
      expect(withoutNextItems(leadIn, [b])).toBe(leadIn)
      const [c] = analysed(
        `       Archives are written to the file given, and read from it when asked. To write a file, use\n\n              tar\n                  -cf archive.tar foo bar\n`,
      )
      const example = [{ doc: 0, start: 0, end: at(c, 'tar') }]
      expect(withoutNextItems(example, [c])).toBe(example)
    })

    it("ends before a manual's footer, and reads a line at the margin under an indented first line as the same paragraph", () => {
      const [a] = analysed(
        `       If the info and sed programs are properly installed at your site, the\n       command info sed should give you access to the complete manual.\n\nGNU sed 4.9                      January 2023                           SED(1)\n`,
      )
      const footer = [{ doc: 0, start: 0, end: at(a, 'GNU') }]
      expect(withoutNextItems(footer, [a])).toEqual([{ doc: 0, start: 0, end: at(a, 'GNU') - 1 }])
      // GPL version 2's paragraphs: indented on their first line, going on at the margin.
      const [b] = analysed(
        `  11. BECAUSE THE PROGRAM IS LICENSED FREE OF CHARGE, THERE IS NO WARRANTY\nFOR THE PROGRAM, TO THE EXTENT PERMITTED BY APPLICABLE LAW.  EXCEPT WHEN\nOTHERWISE STATED IN WRITING THE COPYRIGHT HOLDERS PROVIDE THE PROGRAM.\n\n  12. IN NO EVENT UNLESS REQUIRED BY APPLICABLE LAW\n`,
      )
      const warranty = [{ doc: 0, start: at(b, 'THERE'), end: at(b, 'PROGRAM', at(b, 'PROVIDE')) }]
      expect(withoutNextItems(warranty, [b])).toBe(warranty)
    })

    it("ends before a footer of the page's name alone, right-aligned (gcloud's pages, a tester), not before an example indented under its text", () => {
      const page = (name: string, footer: string) =>
        `NOTES\n       These variants are also available:\n\n         $ gcloud beta compute ${name}\n\n\n\n${footer}\n`
      const [a, b, c] = analysed(
        page('health-checks', `${' '.repeat(49)}GCLOUD_COMPUTE_HEALTH-CHECKS(1)`),
        page('health-checks delete', `${' '.repeat(42)}GCLOUD_COMPUTE_HEALTH-CHECKS_DELETE(1)`),
        page('health-checks delete', `${' '.repeat(12)}$ gcloud alpha compute health-checks delete`),
      )
      const inFooter = [
        { doc: 0, start: 0, end: at(a, 'GCLOUD_COMPUTE_HEALTH') },
        { doc: 1, start: 0, end: at(b, 'GCLOUD_COMPUTE_HEALTH') },
      ]
      const cut = withoutNextItems(inFooter, [a, b])
      expect(cut.map((p) => [a, b][p.doc].text.slice(0, [a, b][p.doc].ends[p.end]).trimEnd().split('\n').at(-1)!.trim())).toEqual([
        '$ gcloud beta compute health-checks',
        '$ gcloud beta compute health-checks delete',
      ])
      const example = [{ doc: 0, start: 0, end: at(c, 'alpha') }]
      expect(withoutNextItems(example, [c])).toBe(example)
      // Held whole to the text's end, a long name's footer less indented, each passage on its
      // own (the other ends elsewhere), however short the passage.
      const [d, e] = analysed(
        page('health-checks delete', `${' '.repeat(12)}GCLOUD_DATABASE-MIGRATION_PRIVATE-CONNECTIONS_CREATE(1)`),
        'NOTES\n       These variants are also available, and more of them.\n',
      )
      const held = [
        { doc: 0, start: at(d, 'NOTES'), end: d.starts.length - 1 },
        { doc: 1, start: 0, end: at(e, 'more') },
      ]
      expect(withoutNextItems(held, [d, e])).toEqual([{ ...held[0], end: at(d, 'GCLOUD') - 1 }, held[1]])
      // A licence's last line at the margin under indented ones is its text, not a footer.
      const [f] = analysed('   You may apply these terms to your own work as well.\n\nThat is all there is to it!\n')
      const licence = [{ doc: 0, start: 0, end: f.starts.length - 1 }]
      expect(withoutNextItems(licence, [f])).toBe(licence)
    })

    it("starts after a page's running header and ends before its footer, however many words they are (Perl modules' pages, a tester)", () => {
      const page = (name: string, date: string) =>
        `${name}(3pm)     User Contributed Perl Documentation    ${name}(3pm)\n\nCOPYRIGHT\n       This library is free software; you can redistribute it and/or modify it\n       under the same terms as Perl itself.\n\nperl v5.36.0                      ${date}                      ${name}(3pm)\n`
      const [a] = analysed(page('Authen::SASL', '2022-10-13'))
      // From inside the header to inside the footer (nine tokens into it: "perl v5.36.0
      // 2022-10-13 Authen::SASL").
      const held = [{ doc: 0, start: at(a, 'Documentation'), end: at(a, 'SASL', at(a, 'perl')) }]
      expect(withoutNextItems(held, [a])).toEqual([{ doc: 0, start: at(a, 'COPYRIGHT'), end: at(a, 'perl') - 1 }])
      expect(pageLines(a)).toEqual({ header: a.text.indexOf('\n'), footer: a.text.indexOf('perl v5') })
      // Pages of one date share their footers' words: an overlap of nothing else is furniture,
      // labelled boilerplate; the licence the pages share is their text.
      const { overlaps } = findOverlaps([
        { id: 'lwp-debug', text: page('LWP::Debug', '2023-03-01') },
        { id: 'lwp-simple', text: page('LWP::Simple', '2023-03-01') },
        { id: 'lwp-robotua', text: page('LWP::RobotUA', '2023-03-01') },
      ])
      const licence = overlaps.find((o) => o.passages.some((p) => p.text.includes('same terms as Perl')))!
      for (const p of licence.passages) expect(p.text).not.toMatch(/Documentation|perl v5/)
      for (const o of overlaps.filter((o) => o !== licence)) expect(o.boilerplate).toBe(true)
    })
  })
})

describe('a table of terms whose descriptions are no sentences', () => {
  it("ends a passage before the next term, not on it (fstrim's and lsblk's exit codes, a reviewer)", () => {
    const table = (all: string, some: string) =>
      `EXIT STATUS\n       0\n           success\n\n       1\n           failure\n\n       32\n           ${all}\n\n       64\n           ${some}\n`
    const { overlaps } = findOverlaps([
      { id: 'fstrim', text: `FSTRIM(8)\n\nDESCRIPTION\n       fstrim discards unused blocks.\n\n${table('all failed', 'some failed')}` },
      {
        id: 'lsblk',
        text: `LSBLK(8)\n\nDESCRIPTION\n       lsblk lists block devices.\n\n${table('none of specified devices found', 'some not found')}`,
      },
    ])
    const codes = overlaps.find((o) => o.passages.every((p) => p.text.startsWith('EXIT STATUS')))!
    for (const p of codes.passages) expect(p.text).toMatch(/failure$/)
  })
})

describe('an overlap as its edges show it', () => {
  it("is no near-verbatim one of fewer than six words, not alike, left of a pair the next item carried (a tester of git's release notes)", () => {
    // Two of git's merge trailers, kept with the next item's first words both notes have.
    const notes = [
      ' * "git push" over http transport did not unquote the push-options\n   correctly.\n   (merge 90dce21eb0 jk/push-options-via-transport-fix later to maint).\n\n * "git send-email" learned to complain when the batch-size option is\n   not defined when the relogin-delay option is, since these two are\n   mutually required.\n   (merge 9caa70697b xz/send-email-batch-size later to maint).',
      ' * "git rev-parse --exclude=* --branches --branches"  (i.e. first\n   saying "add only things that do not match \'*\' out of all branches"\n   and then adding all branches, without any exclusion this time)\n   worked as expected, but "--exclude=* --all --all" did not work the\n   same way, which has been fixed.\n   (merge 5221048092 ag/rev-parse-all-exclude-fix later to maint).\n\n * "git send-email --transfer-encoding=..." in recent versions of Git\n   sometimes produced an empty "Content-Transfer-Encoding:" header,\n   which has been corrected.\n   (merge 3c88e46f1a al/send-email-auto-cte-fixup later to maint).',
    ]
    const { overlaps } = findOverlaps(notes.map((text, k) => ({ id: `notes-${k}`, text })))
    expect(overlaps.filter((o) => o.passages.some((p) => p.text.includes('later to maint')))).toEqual([])
  })
})
