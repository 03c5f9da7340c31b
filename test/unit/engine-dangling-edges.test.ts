import { describe, expect, it } from 'vitest'
import {
  MAX_DANGLING_SHARE,
  MAX_DANGLING_WORDS,
  MAX_UNLIKE_DANGLING_WORDS,
  withoutDanglingEdges,
  withoutFunctionWordEdges,
} from '../../main/core/engine/dangling-edges.js'
import { MIN_SHARED_WORDS } from '../../main/core/engine/kept-pair.js'
import { findOverlaps } from '../../main/core/engine/overlaps.js'
import { analysed, engineFixture } from '../helpers.js'
import type { AnalysedDocument } from '../../main/core/engine/analyse.js'

// A passage's edge a word or two into another sentence (dangling-edges.ts), on the texts of two
// manual pages a reviewer read (useradd and usermod, groupadd and useradd, shadow-utils 4.13).

/** The -G entry of useradd(8) and of usermod(8), as `man` renders them at 80 columns. */
const USERADD_G = `       -G, --groups GROUP1[,GROUP2,...[,GROUPN]]]
           A list of supplementary groups which the user is also a member of.
           Each group is separated from the next by a comma, with no
           intervening whitespace. The groups are subject to the same
           restrictions as the group given with the -g option. The default is
           for the user to belong only to the initial group.
`
const USERMOD_G = `       -G, --groups GROUP1[,GROUP2,...[,GROUPN]]]
           A list of supplementary groups which the user is also a member of.
           Each group is separated from the next by a comma, with no
           intervening whitespace. The groups must exist.

           If the user is currently a member of a group which is not listed,
           the user will be removed from the group.
`

/** Where a word is in documents `docs`: document d's first token that is `word`, from token `from` on. */
const wordAt =
  (docs: readonly AnalysedDocument[]) =>
  (d: number, word: string, from = 0): number =>
    docs[d].starts.findIndex((s, t) => t >= from && docs[d].text.slice(s, docs[d].ends[t]) === word)

/** The text of each of passages of documents `docs`. */
const textsIn =
  (docs: readonly AnalysedDocument[]) =>
  (passages: readonly { doc: number; start: number; end: number }[]): string[] =>
    passages.map((p) => docs[p.doc].text.slice(docs[p.doc].starts[p.start], docs[p.doc].ends[p.end]))

describe('a passage that starts or ends a word or two into another sentence', () => {
  it('ends where the sentence ends, not on the first words of the next that both texts open alike', () => {
    const [overlap] = findOverlaps([
      { id: 'useradd', text: USERADD_G },
      { id: 'usermod', text: USERMOD_G },
    ]).overlaps
    expect(overlap.kind).toBe('verbatim')
    for (const p of overlap.passages) expect(p.text).toMatch(/with no\s+intervening whitespace\.$/)
  })

  it('starts with the sentence, not on the last word of the one before that both texts end alike', () => {
    const sentence =
      'Each group is separated from the next by a comma, with no intervening whitespace, and each must already exist on the system when the command runs.'
    const [overlap] = findOverlaps([
      { id: 'useradd', text: `Use the -G option to name extra groups. ${sentence} The default is the initial group only.` },
      { id: 'usermod', text: `The usermod command replaces all groups. ${sentence} Without -a, other groups are left.` },
    ]).overlaps
    expect(overlap.kind).toBe('verbatim')
    for (const p of overlap.passages) expect(p.text).toBe(sentence)
  })

  it('keeps the words across a paragraph break: the next entry of a log or list that opens alike', () => {
    // A changelog's entries, each under its date: the next entry's date, which both texts open
    // alike, stays (paragraph-edge.ts weighs such words; a run of shared words counts them).
    const entry = (date: string) =>
      `${date}  Paolo Bonzini  <bonzini@gnu.org>\n\n\t* Makefile.tpl (cleanstrap): Don't delete the toplevel Makefile.\n\t* Makefile.in: Regenerate.\n\n`
    const [overlap] = findOverlaps([
      { id: 'gcc', text: entry('2007-06-14') + '2007-06-12  Seongbae Park  <seongbae.park@gmail.com>\n\n\t* configure: Regenerate.\n' },
      { id: 'gdb', text: entry('2007-06-14') + '2007-06-08  Kai Tietz  <kai.tietz@onevision.com>\n\n\t* NEWS: Update.\n' },
    ]).overlaps
    for (const p of overlap.passages) expect(p.text).toMatch(/Regenerate\.\n\n2007-06$/)
  })

  it('cuts no passage where another of its overlap goes on alike without a sentence end ("whitespace; the groups")', () => {
    const sentence =
      'Each supplementary group in the list given to this option is separated from the next one by a single comma, with no intervening whitespace'
    const { overlaps } = findOverlaps([
      {
        id: 'a',
        text: `An opening paragraph about the project.\n\n${sentence}. The groups are subject to the same restrictions as the primary group.\n`,
      },
      { id: 'b', text: `Another paragraph about installing it.\n\n${sentence}; the groups must exist before the command is run.\n` },
    ])
    const [a, b] = overlaps[0].passages.map((p) => p.text.replace(/[.;]\s+/, ' ').toLowerCase())
    expect(a).toBe(b)
  })

  it('cuts MAX_DANGLING_WORDS tokens at most, and nothing from a passage that starts and ends with its sentences', () => {
    const text =
      'Alpha beta. ' +
      Array.from({ length: 30 }, (_, k) => `Word${k}`).join(' ') +
      '. Gamma delta epsilon. ' +
      Array.from({ length: 30 }, (_, k) => `More${k}`).join(' ') +
      '.'
    const docs = analysed(text)
    // Tokens: 0-1 "Alpha beta", 2-31 the words, 32-34 "Gamma delta epsilon", 35-64 the others.
    expect(withoutDanglingEdges([{ doc: 0, start: 1, end: 33 }], docs, MIN_SHARED_WORDS)).toEqual([{ doc: 0, start: 2, end: 31 }])
    // A passage that starts and ends with its sentences, the same array back.
    const whole = [{ doc: 0, start: 2, end: 31 }]
    expect(withoutDanglingEdges(whole, docs, MIN_SHARED_WORDS)).toBe(whole)
    // One word more than MAX_DANGLING_WORDS into the next sentence: the passage goes on there.
    const further = [{ doc: 0, start: 10, end: 34 + MAX_DANGLING_WORDS + 1 }]
    expect(withoutDanglingEdges(further, docs, MIN_SHARED_WORDS)).toBe(further)
    // Cut, it would keep fewer content words than asked (33): 30 cut at both edges, 32 at the
    // start alone, 31 at the end alone.
    const few = [{ doc: 0, start: 1, end: 33 }]
    expect(withoutDanglingEdges(few, docs, 33)).toBe(few)
    // Asked for 31, the start alone is cut (both edges would keep 30), and the end stays.
    expect(withoutDanglingEdges(few, docs, 31)).toEqual([{ doc: 0, start: 2, end: 33 }])
  })

  it('cuts the fragment where the overlap’s other passages end with the sentence (a reviewer: "non-negative. The" in two of three)', () => {
    // Three manual pages' "The value must be non-negative.": two go on with "The", the third
    // ends its sentence there. Cut, all three end alike; left, two ended on a stray word.
    const words = Array.from({ length: 25 }, (_, k) => `word${k}`).join(' ')
    const docs = analysed(
      `Intro here. ${words} must be non-negative. The default is one.`,
      `Intro here. ${words} must be non-negative. The value is kept.`,
      `Intro here. ${words} must be non-negative.\n\nThe user's mailbox moves.`,
    )
    // The token "The" after the full stop in document d; the same in the first two.
    const after = (d: number) => docs[d].starts.findIndex((s) => docs[d].text.startsWith('The', s))
    const dangling = (d: number) => ({ doc: d, start: 2, end: after(d) })
    const whole = { doc: 2, start: 2, end: after(2) - 1 }
    const cut = withoutDanglingEdges([dangling(0), dangling(1), whole], docs, MIN_SHARED_WORDS)
    expect(cut.map((p) => p.end)).toEqual([after(0) - 1, after(1) - 1, after(2) - 1])
    // A passage that goes on into its sentence instead (no full stop there): nothing is cut, or
    // the words it shares with the others would read as a difference.
    const going = analysed(`Intro here. ${words} must be non-negative the whole time.`)[0]
    const mixed = [dangling(0), dangling(1), { doc: 3, start: 2, end: after(0) }]
    expect(withoutDanglingEdges(mixed, [...docs, going], MIN_SHARED_WORDS)).toBe(mixed)
  })

  it('cuts nothing where a passage read as whole holds the words cut from the others (a reviewer: a line break, a document’s edge)', () => {
    const sentence =
      'Each supplementary group named by this option must already exist on the system, and its numeric value must be non-negative.'
    // The second's "The" ends a line before a capital: a sentence end as sentences.ts reads it.
    const atLineBreak = findOverlaps([
      { id: 'a', text: `Intro here. ${sentence} The default is one.` },
      { id: 'b', text: `Other text. ${sentence} The\nUID range is set.\n` },
    ]).overlaps
    // At a document's start: the second has the last word of the sentence before.
    const atStart = findOverlaps([
      { id: 'a', text: `Intro here and there, non-negative. ${sentence} The default.` },
      { id: 'b', text: `non-negative. ${sentence} Other words follow.` },
    ]).overlaps
    for (const overlaps of [atLineBreak, atStart]) {
      expect(overlaps).toHaveLength(1)
      const [a, b] = overlaps[0].passages.map((p) => p.text)
      // The same words in both, and no difference made of the words both have.
      expect(a.replace(/\s+/g, ' ')).toBe(b.replace(/\s+/g, ' '))
      expect(overlaps[0].variants).toEqual([])
    }
  })

  it('starts after the last word of a heading line both texts end alike (a reviewer: "group If called with two non-option arguments")', () => {
    // adduser(8) and deluser(8): each mode's heading, then its paragraph; both headings end
    // "group", a line short of the page's width, and a capital opens the next line.
    // A page of wrapped lines (sentences.ts reads a line break as a sentence's end only in a text
    // whose width it knows, MIN_WRAPPED_LINES lines and more).
    const wrapped = (verb: string) =>
      Array.from({ length: 10 }, (_, k) => `       ${Array.from({ length: 9 }, (_, w) => `${verb}${k}w${w}`).join(' ')}`).join('\n')
    const mode = (heading: string, verb: string) =>
      `${wrapped(verb)}\n\n   ${heading}\n       If called with two non-option arguments, the program will ${verb} the user and\n       an existing group named on the command line, and report what it did in the\n       system log.\n`
    const [overlap] = findOverlaps([
      { id: 'adduser', text: mode('Add an existing user to an existing group', 'add') },
      { id: 'deluser', text: mode('Remove a user from a specific group', 'remove') },
    ]).overlaps
    for (const p of overlap.passages) expect(p.text).toMatch(/^If called with two non-option arguments/)
  })

  it('cuts at no line break in a text of a few lines, whose width is not known (a reviewer: "by the\\nNational Science")', () => {
    const text = (rest: string) =>
      `This work on the reading of texts side by side, their shared passages and their variants, was supported in part by the grants and the fellowships of the\nNational Science ${rest}\nand by nothing else at all.\n`
    const [overlap] = findOverlaps([
      { id: 'a', text: text('Foundation under grant 12345 of the year') },
      { id: 'b', text: text('Council of Taiwan under its own programme') },
    ]).overlaps
    for (const p of overlap.passages) expect(p.text).toMatch(/the fellowships of the\s+National Science$/)
  })

  it('keeps a fragment that is more than a tenth of its passage (MAX_DANGLING_SHARE)', () => {
    const docs = analysed('One two three four five six seven. Eight nine ten eleven twelve thirteen fourteen fifteen.')
    // "seven" and then the next sentence: the fragment is a ninth of the passage.
    const short = [{ doc: 0, start: 6, end: 14 }]
    expect(1 / 9).toBeGreaterThan(MAX_DANGLING_SHARE)
    expect(withoutDanglingEdges(short, docs, MIN_SHARED_WORDS)).toBe(short)
  })

  it('cuts a longer fragment where the passages go on into different sentences, not where they open one alike', () => {
    // bash(1) and dash(1) on a parameter's braces: each goes on into a sentence of its own, which
    // share the word "parameter" (a reviewer).
    const braces = (name: string) =>
      `The braces are required when parameter is a positional parameter with more than one digit, or when parameter is followed by a character which is not to be interpreted as part of its ${name}.`
    const docs = analysed(
      `${braces('name')} The parameter is a shell parameter.`,
      `${braces('name')} If a parameter expansion occurs inside quotes, it is quoted.`,
    )
    const at = (d: number, word: string) => docs[d].starts.findIndex((s) => docs[d].text.startsWith(word, s))
    const ends = (d: number, word: string) => ({ doc: d, start: 0, end: at(d, word) })
    const given = [ends(0, 'parameter is a shell'), ends(1, 'parameter expansion')]
    expect(at(1, 'parameter expansion') - at(1, 'If')).toBe(MAX_UNLIKE_DANGLING_WORDS - 1)
    expect(withoutDanglingEdges(given, docs, MIN_SHARED_WORDS)).toEqual([ends(0, 'name'), ends(1, 'name')])
    // Three words both open their next sentence with: a clause they share, left for
    // sentence-tails.ts to read to its end.
    const alike = analysed(`${braces('name')} See also the manual.`, `${braces('name')} See also the tutorial.`)
    const seeAlso = [0, 1].map((d) => ({
      doc: d,
      start: 0,
      end: alike[d].starts.findIndex((s) => alike[d].text.startsWith('the', s) && s > 150),
    }))
    expect(withoutDanglingEdges(seeAlso, alike, MIN_SHARED_WORDS)).toBe(seeAlso)
  })

  it('cuts a short edge alone where a longer one with it is too much of the passage, and reads no whole passage as unlike (a reviewer)', () => {
    const braces =
      'The braces are required when parameter is a positional parameter with more than one digit, or when parameter is followed by a character which is not to be interpreted as part of its name.'
    const docs = analysed(
      `Kittens like good stories. ${braces} The parameter is a shell parameter.`,
      `Dogs prefer good stories. ${braces} If a parameter expansion occurs inside quotes, it is quoted.`,
    )
    const at = (d: number, word: string) => docs[d].starts.findIndex((s) => docs[d].text.startsWith(word, s))
    const given = [
      { doc: 0, start: at(0, 'good'), end: at(0, 'parameter is a shell') },
      { doc: 1, start: at(1, 'good'), end: at(1, 'parameter expansion') },
    ]
    // Both edges, 4 and 5 tokens of 37 and 38: more than MAX_DANGLING_SHARE; the start alone is not.
    expect(MAX_DANGLING_SHARE * 37).toBeLessThan(4)
    expect(withoutDanglingEdges(given, docs, MIN_SHARED_WORDS)).toEqual(given.map((p, d) => ({ ...p, start: at(d, 'The braces') })))
    // The same three words before the sentence in two passages, the third whole there: no longer
    // fragment is cut for the third's sake.
    const sentence =
      'The following terms apply to all files associated with the software unless explicitly disclaimed in individual files, and the authors hereby grant permission to use, copy, modify, distribute, and license this software and its documentation for any purpose.'
    const three = analysed(
      `Foo Bar Limited and other parties. ${sentence}`,
      `Baz Qux and other parties. ${sentence}`,
      `Notice.\n\n${sentence}`,
    )
    const from = (d: number) => three[d].starts.findIndex((s) => three[d].text.startsWith(d < 2 ? 'and other' : 'The following', s))
    const parties = [0, 1, 2].map((d) => ({ doc: d, start: from(d), end: three[d].starts.length - 1 }))
    expect(withoutDanglingEdges(parties, three, MIN_SHARED_WORDS)).toBe(parties)
  })

  it('reads no sentence opening at an option’s name after its dash (a synopsis: "cp [OPTION]... [-T] SOURCE DEST")', () => {
    const synopsis = (cmd: string) =>
      `SYNOPSIS\n       ${cmd} [OPTION]... [-T] SOURCE DEST\n       ${cmd} [OPTION]... SOURCE... DIRECTORY\n       ${cmd} [OPTION]... -t DIRECTORY SOURCE...\n\nDESCRIPTION\n       Rename SOURCE to DEST, or move SOURCE(s) to DIRECTORY.`
    const docs = analysed(synopsis('cp'), synopsis('mv'))
    const at = (d: number, word: string) => docs[d].starts.findIndex((s) => docs[d].text.startsWith(word, s))
    // From "OPTION": were "...]... [-" a sentence's end, the passage would start at "T".
    const given = [0, 1].map((d) => ({ doc: d, start: at(d, 'OPTION'), end: docs[d].starts.length - 1 }))
    expect(withoutDanglingEdges(given, docs, MIN_SHARED_WORDS)).toBe(given)
  })
})

describe('a passage that starts on the last word of the paragraph before', () => {
  it('starts with its paragraph where that word ends a sentence with its own full stop (a reviewer of licences)', () => {
    const apache =
      'the Licensor that is granting the License.\n\n      "Legal Entity" shall mean the union of the acting entity and all other entities that control, are controlled by, or are under common control with that entity.\n'
    const mpl =
      'which You exercise the rights of this License. For legal entities, the union of the acting entity and all other entities that control, are controlled by, or are under common control with that entity.\n'
    const texts = findOverlaps([
      { id: 'apache', text: apache },
      { id: 'mpl', text: mpl },
    ]).overlaps.map((o) => o.passages.map((p) => p.text))
    expect(texts).toHaveLength(1)
    expect(texts[0][0]).toMatch(/^"?Legal Entity"? shall mean the union/)
    expect(texts[0][1]).toMatch(/^For legal entities, the union/)
  })

  it('starts with its paragraph however short the passage, the word before no part of it (a tester of package descriptions)', () => {
    // "library." is a ninth of the passage, more than MAX_DANGLING_SHARE, and the passage left
    // holds five content words, fewer than MIN_SHARED_WORDS: a short passage's stray word all the same.
    const description = (synopsis: string, paragraph: string) =>
      `${synopsis} (Python 3)\n\n${paragraph}\nlibrary.\n\nThis package installs the library for Python 3.\n`
    const texts = findOverlaps([
      { id: 'aws', text: description('python3-aws-requests-auth: AWS signing', 'The library leverages the Python\nrequests') },
      {
        id: 'terminado',
        text: description('python3-terminado: Terminals served to term.js', 'This is a backend for the term.js\nterminal emulator'),
      },
    ]).overlaps.map((o) => o.passages.map((p) => p.text))
    expect(texts).toEqual([['This package installs the library for Python 3.', 'This package installs the library for Python 3.']])
  })

  it('ends with its paragraph, not on a clause of the next cut short where the texts part (a tester of package descriptions)', () => {
    const shared =
      'oslo.cache aims to provide a generic caching mechanism for OpenStack projects\nby wrapping the dogpile.cache library.\n\n'
    const texts = findOverlaps([
      { id: 'doc', text: `${shared}This package contains the documentation.\n` },
      { id: 'module', text: `${shared}This package contains the Python 3.x module.\n` },
    ]).overlaps.map((o) => o.passages.map((p) => p.text))
    expect(texts).toEqual([[shared.trim(), shared.trim()]])
    // A whole line stays, a heading above its rule: git's release notes (a reviewer).
    const notes = (version: string, fix: string) =>
      `Git v${version}.1 Release Notes\n========================\n\nFixes since v${version}\n----------------\n\n * ${fix}\n`
    const [heading] = findOverlaps([
      { id: '2.5.1', text: notes('2.5', 'Running an aliased command from a subdirectory did not work.') },
      { id: '2.9.1', text: notes('2.9', 'Something entirely different was fixed in this release.') },
    ]).overlaps
    for (const p of heading.passages) expect(p.text).toMatch(/Fixes since v2\.\d$/)
    // The next entry of a log both open alike stays: it ends on no function word.
    const entry = (n: number) =>
      `  * Fix the build with the new compiler and update the symbols file for the library.\n\n -- Jane Doe <jane@example.org>  Mon, 0${n} Jan 2007 10:00:00 +0100\n`
    const [log] = findOverlaps([
      { id: 'a', text: entry(1) },
      { id: 'b', text: entry(2) },
    ]).overlaps
    for (const p of log.passages) expect(p.text).toMatch(/Jane Doe/)
  })

  it('ends with its paragraph before the next one’s "This package provides" too, words of no other kind (a tester)', () => {
    // Two packages' descriptions, the documentation's and the library's, cut down by the tester;
    // the two other files set which words are rare.
    const { overlaps } = findOverlaps(engineFixture('package-descriptions'))
    const copy = overlaps.find((o) => o.kind !== 'paraphrase')!
    for (const p of copy.passages) expect(p.text).toMatch(/Templates \(ZPT\) language\.$/)
  })

  it('keeps its start where the mark before is no full stop of the word’s own (a heading, an HTML comment)', () => {
    const heading = (name: string) =>
      `### \`${name}.httpVersion\`\n\n<!-- YAML\nadded: v0.1.1\n-->\n\n* {string}\n\nIn case of server request, the HTTP version sent by the client. In the case of client response, the HTTP version of the connected-to server.\n`
    const [overlap] = findOverlaps([
      { id: 'http', text: heading('message') },
      { id: 'http2', text: heading('request') },
    ]).overlaps
    for (const p of overlap.passages) expect(p.text).toMatch(/^`\w+\.httpVersion`\n\n<!-- YAML/)
  })
})

// Function words of another sentence at a passage's edge, cut however many of them there are
// (MAX_FUNCTION_WORD_EDGE), across a paragraph break too, in one passage alone where no other
// keeps the same words (a reviewer of GNU READMEs and licences).
describe('a passage that ends on the function words of another sentence', () => {
  it('ends at its sentence, not on the four function words two READMEs open their next sentences with', () => {
    // findutils' and grep's READMEs: "If there is no" and then "file INSTALL" / "INSTALL file".
    const [overlap] = findOverlaps([
      {
        id: 'findutils',
        text: 'See the file INSTALL for compilation and installation instructions.\n\nIf there is no file INSTALL, you must be looking at the checked-out\nsource code instead of at an unpacked source tarball ("release").\n',
      },
      {
        id: 'grep',
        text: 'See the file INSTALL for compilation and installation instructions.\nIf there is no INSTALL file, this copy of the source code is intended\nfor expert hackers; please see the file README-hacking.\n',
      },
    ]).overlaps
    expect(overlap.passages.map((p) => p.text)).toEqual([
      'See the file INSTALL for compilation and installation instructions.',
      'See the file INSTALL for compilation and installation instructions.',
    ])
    expect(overlap.variants).toEqual([])
  })

  it('cuts the function words a passage ends a clause short on, where the other passages end otherwise (a reviewer)', () => {
    // sed's manual and its page say one clause in two orders; the manual's passage ended "... is
    // not disabled with the", its sentence going on "'-n' options".
    const docs = analysed(
      'Note that the current\n     pattern space is printed if auto-print is not disabled with the\n     ‘-n’ options.',
      'except that if auto-print is not disabled the current pattern space will be printed.  The exit code',
      'Binary prefixes can be used, too: KiB=K, MiB=M, and so on.',
      'Binary prefixes can be used, too: KiB=K, MiB=M, and so on.',
      'Files: Makefile.in\nCopyright: 1994-2021 Free Software Foundation, Inc',
      'The user must change the password if it is not',
    )
    const [at, texts] = [wordAt(docs), textsIn(docs)]
    const clause = [
      { doc: 0, start: at(0, 'current'), end: at(0, 'the', at(0, 'with')) },
      { doc: 1, start: at(1, 'auto'), end: at(1, 'printed') },
    ]
    expect(texts(withoutFunctionWordEdges(clause, docs))).toEqual([
      'current\n     pattern space is printed if auto-print is not disabled',
      'auto-print is not disabled the current pattern space will be printed',
    ])
    // Where another passage has the same words after the same word they are shared, and stay.
    const shared = [
      { doc: 0, start: at(0, 'current'), end: at(0, 'the', at(0, 'with')) },
      { doc: 0, start: at(0, 'current'), end: at(0, 'the', at(0, 'with')) },
    ]
    expect(withoutFunctionWordEdges(shared, docs)).toBe(shared)
    // Nor are the words a sentence ends with cut ("and so on."), nor a name's pieces that read as
    // function words ("Makefile.in"), nor a negation ("if it is not").
    const whole = [
      { doc: 2, start: 0, end: at(2, 'on') },
      { doc: 4, start: 0, end: at(4, 'in') },
      { doc: 5, start: 0, end: at(5, 'not') },
    ]
    expect(withoutFunctionWordEdges(whole, docs)).toBe(whole)
  })

  it('keeps the function words a sentence ends with unstopped, and those another passage has too (a second reviewer)', () => {
    const docs = analysed(
      '--to=UNIT\n              auto-scale output numbers to UNITs; see UNIT\n              below\n\n       -h, --help\n',
      '  * Fix the build scripts and clean up\n  * New upstream release.\n',
      '  * Update the manual (docs changes only)\n',
      'the rights granted to You by the Initial Developer',
      'the rights granted to\n  the licensee',
      'and mark it as Multi-arch: same\n',
      'with M-A: same\n',
      'is appended to the target file name built on disk; for non-executable targets',
      'is appended to the framework file name built on disk.\n\nFor example, given a framework',
    )
    const [at, texts] = [wordAt(docs), textsIn(docs)]
    // An option's description, a changelog's bullet, a bracket: each sentence's own end.
    const unstopped = [
      { doc: 0, start: at(0, 'auto'), end: at(0, 'below') },
      { doc: 1, start: at(1, 'Fix'), end: at(1, 'up') },
      { doc: 2, start: at(2, 'Update'), end: at(2, 'only') },
    ]
    expect(withoutFunctionWordEdges(unstopped, docs)).toBe(unstopped)
    // "to" both passages have after "granted" stays; "You by", which the other lacks, goes.
    const granted = [
      { doc: 3, start: 0, end: at(3, 'by') },
      { doc: 4, start: 0, end: at(4, 'to') },
    ]
    expect(texts(withoutFunctionWordEdges(granted, docs))).toEqual(['the rights granted to', 'the rights granted to'])
    // "same", the last word of both, though after other words ("Multi-arch" / "M-A").
    const same = [
      { doc: 5, start: at(5, 'mark'), end: at(5, 'same') },
      { doc: 6, start: 0, end: at(6, 'same') },
    ]
    expect(withoutFunctionWordEdges(same, docs)).toBe(same)
    // "for", which the other text has just past its passage: in both texts, shown in grey.
    const beyond = [
      { doc: 7, start: 0, end: at(7, 'for') },
      { doc: 8, start: 0, end: at(8, 'disk') },
    ]
    expect(withoutFunctionWordEdges(beyond, docs)).toBe(beyond)
    // But a clause's first words after a comma, which both passages end with and go on otherwise
    // (git's release notes: "... to the index, which", a tester), go.
    const index = analysed(
      'Rewrite of "git add -i" in C didn\'t correctly record a removed file to the index, which is an old regression.\n',
      'Rewrite of "git add -i" in C didn\'t correctly record a removed file to the index, which was fixed.\n',
    )
    const which = index.map((doc, d) => ({ doc: d, start: 0, end: doc.starts.findIndex((s) => doc.text.startsWith('which', s)) }))
    for (const text of textsIn(index)(withoutFunctionWordEdges(which, index))) expect(text).toMatch(/a removed file to the index$/)
  })

  it('cuts one passage’s function words where the others end before them, and none where another keeps them', () => {
    const docs = analysed(
      'This program is distributed WITHOUT ANY WARRANTY and FITNESS FOR A PARTICULAR PURPOSE.  THE ENTIRE RISK IS WITH YOU.',
      'This package is provided WITHOUT ANY WARRANTY and FITNESS FOR A PARTICULAR PURPOSE\nARE DISCLAIMED.',
      'You should have received a copy of the license along with this program; if not, write to us.',
      'You should have received a copy of the license along with this program.  If not, see the web site.',
    )
    const [at, texts] = [wordAt(docs), textsIn(docs)]
    // "PURPOSE.  THE": the disclaimer against one that ends at "PURPOSE" mid-sentence.
    const disclaimers = [
      { doc: 0, start: at(0, 'WITHOUT'), end: at(0, 'THE') },
      { doc: 1, start: at(1, 'WITHOUT'), end: at(1, 'PURPOSE') },
    ]
    expect(texts(withoutFunctionWordEdges(disclaimers, docs))).toEqual([
      'WITHOUT ANY WARRANTY and FITNESS FOR A PARTICULAR PURPOSE',
      'WITHOUT ANY WARRANTY and FITNESS FOR A PARTICULAR PURPOSE',
    ])
    // "; if not" keeps the words ". If not" would lose: both stay, alike, and so where the one
    // goes on past them ("; if not, write to": a reviewer of GNU READMEs).
    const notices = [2, 3].map((d) => ({ doc: d, start: at(d, 'received'), end: at(d, 'not') }))
    expect(withoutFunctionWordEdges(notices, docs)).toBe(notices)
    const goesOn = [{ ...notices[0], end: at(2, 'write') }, notices[1]]
    expect(withoutFunctionWordEdges(goesOn, docs)).toBe(goesOn)
    // Alone, the second one's "If not" goes; a content word after the stop ("If not, see") stays.
    expect(texts(withoutFunctionWordEdges([notices[1]], docs))).toEqual(['received a copy of the license along with this program'])
    expect(withoutFunctionWordEdges([{ ...notices[1], end: at(3, 'see') }], docs)).toEqual([{ ...notices[1], end: at(3, 'see') }])
  })
})
