import { describe, expect, it } from 'vitest'
import { analyse } from '../../main/core/engine/analyse.js'
import { findOverlaps } from '../../main/core/engine/overlaps.js'
import { Run } from '../../main/core/engine/progress.js'
import { sameStretch } from '../../main/core/engine/same-stretch.js'

// Two passages are one stretch of the same words (same-stretch.ts) when their words agree where
// both have them and each document goes on as the other passage does: the test by which an
// overlap is verbatim as a reader compares its passages (overlaps.ts closeKind).

/** Texts A and B analysed as one corpus of two documents. */
function corpusOf(A: string, B: string) {
  return analyse(
    [
      { id: 'a', text: A },
      { id: 'b', text: B },
    ],
    true,
    new Run({}),
  )
}

/**
 * Whether the passages `a` of text A and `b` of text B (each given by its first and last words,
 * first occurrences) are one stretch of the same words.
 */
function same(A: string, a: [string, string], B: string, b: [string, string]): boolean {
  const [docA, docB] = corpusOf(A, B).docs
  const span = (doc: typeof docA, [first, last]: [string, string]): [number, number] => {
    const word = (t: number) => doc.text.slice(doc.starts[t], doc.ends[t])
    let t0 = 0
    while (word(t0) !== first) t0++
    let t1 = t0
    while (word(t1) !== last) t1++
    return [t0, t1]
  }
  const [a0, a1] = span(docA, a)
  const [b0, b1] = span(docB, b)
  return sameStretch(docA, a0, a1, docB, b0, b1) !== undefined
}

const COPY = 'Permission is hereby granted, free of charge, to any person obtaining a copy of this software.'

describe('one stretch of the same words', () => {
  it('holds for the same words, and for passages whose extents differ where each text goes on alike', () => {
    expect(same(COPY, ['Permission', 'software'], `Notice. ${COPY}`, ['Permission', 'software'])).toBe(true)
    // A starts earlier, B ends later: B's text has A's first words before its passage, and A's
    // text B's last words after its own.
    expect(same(COPY, ['Permission', 'person'], COPY, ['granted', 'software'])).toBe(true)
    expect(same(COPY, ['granted', 'person'], COPY, ['Permission', 'software'])).toBe(true)
    // The stretch is both passages' span: the whole sentence in each.
    const [A, B] = corpusOf(COPY, `Notice. ${COPY}`).docs
    expect(sameStretch(A, 0, 5, B, 4, A.surface.length)).toEqual({ from: 0, to: A.surface.length - 1, shift: 1 })
    // Case and quotation marks are no words.
    expect(same(COPY, ['Permission', 'software'], COPY.replace('Permission', 'PERMISSION'), ['PERMISSION', 'software'])).toBe(true)
  })

  it('finds the place where passages agree when their first words recur (a reviewer)', () => {
    const text = 'Options follow. Set the value of the first option now. Set the value of the second option later. End.'
    const corpus = corpusOf(text, text)
    const [A, B] = corpus.docs
    const second = B.surface.findIndex((s, t) => t > 2 && corpus.lexicon.surfaces[s] === 'set')
    expect(sameStretch(A, 0, A.surface.length - 1, B, second, B.surface.length - 1)).toEqual({
      from: 0,
      to: A.surface.length - 1,
      shift: 0,
    })
  })

  it('fails for a word inserted, replaced or respelled, and for an edge word the other text lacks', () => {
    expect(same(COPY, ['Permission', 'software'], COPY.replace('any person', 'any natural person'), ['Permission', 'software'])).toBe(false)
    expect(same(COPY, ['Permission', 'software'], COPY.replace('a copy', 'the copy'), ['Permission', 'software'])).toBe(false)
    expect(
      same('The colour of the sky at noon is blue.', ['colour', 'blue'], 'The color of the sky at noon is blue.', ['color', 'blue']),
    ).toBe(false)
    // A's passage starts with "Notice", which B's text has not before its passage.
    expect(same(`Notice. ${COPY}`, ['Notice', 'software'], `Warning. ${COPY}`, ['Permission', 'software'])).toBe(false)
    // Passages with no word in common at one place.
    expect(same(COPY, ['Permission', 'charge'], COPY, ['person', 'software'])).toBe(false)
  })

  it('fails for code whose signs between the words differ, not for prose whose typography does (a tester of /usr/include)', () => {
    const negated = '#if ! defined (_FILE_OFFSET_BITS) || _FILE_OFFSET_BITS != 64\n# define __USE_FILE_OFFSET64\n#endif\n'
    const plain = '#if defined _FILE_OFFSET_BITS && _FILE_OFFSET_BITS == 64\n# define __USE_FILE_OFFSET64\n#endif\n'
    expect(same(negated, ['if', '64'], plain, ['if', '64'])).toBe(false)
    // The same condition laid out otherwise is the same code.
    expect(same(plain, ['if', '64'], plain.replace(' && ', '\n    && '), ['if', '64'])).toBe(true)
    const cast = '#define CMPLXL(x, y) __builtin_complex ((long double) (x), (long double) (y))\n'
    const parameters = 'static int __call (long double __x, long double __y) throw ();\n'
    expect(same(cast, ['long', 'y'], parameters, ['long', 'y'])).toBe(false)
    // In prose, a copy's quotes and commas are its typography.
    expect(
      same(COPY, ['Permission', 'software'], COPY.replace('granted, free', 'granted "free').replace('charge,', 'charge;'), [
        'Permission',
        'software',
      ]),
    ).toBe(true)
  })
})

describe('keys, options and operators in prose', () => {
  // Their signs and case are what they say (code-signs.ts): testers of vim's help files and git's
  // release notes found such pairs "verbatim", similarity 1, no change listed.
  const HELP =
    'Spell checking.\n\nType ]s to move the cursor to the next misspelled word after the cursor.\nWith the \\d item a pattern matches a digit, like [0-9] does.\nUse CTRL-W < to make the current window narrower by N columns.\n'

  it('tells copies apart by a key, a class or an operator, and lists each as a change', () => {
    const other = HELP.replace(']s', '[s').replace('\\d', '\\D').replace('W <', 'W >')
    const [o, ...rest] = findOverlaps([
      { id: 'a', text: HELP },
      { id: 'b', text: other },
    ]).overlaps
    expect(rest).toEqual([])
    expect([o.kind, o.duplicate]).toEqual(['variant', undefined])
    expect(o.variants[0].changes!.filter((c) => c.op !== 'equal').map((c) => [c.op, c.a, c.b])).toEqual([
      ['replace', 'Type ]s', 'Type [s'],
      ['replace', 'the \\d item', 'the \\D item'],
      ['replace', 'W < to', 'W > to'],
    ])
    // Each alone is enough.
    for (const [x, y] of [
      [']s', '[s'],
      ['\\d', '\\D'],
      ['W <', 'W >'],
    ])
      expect(same(HELP, ['Spell', 'columns'], HELP.replace(x, y), ['Spell', 'columns'])).toBe(false)
  })

  it("tells apart git's options and revisions, and a licence's version", () => {
    const item = (command: string) => `* "${command}" added recently lacked documentation, which has been corrected.\n`
    for (const [x, y] of [
      ['git add --chmod=+x', 'git add --chmod={+,-}x'],
      ['git add --chmod=+x', 'git add --chmod=-x'],
      ['git branch -d', 'git branch -D'],
      ['git log HEAD^', 'git log HEAD~'],
    ])
      expect(same(item(x), ['git', 'corrected'], item(y), ['git', 'corrected'])).toBe(false)
    const licence = 'License: GPL-2+\n This program is free software; you can redistribute it and/or modify it.\n'
    expect(same(licence, ['License', 'it'], licence.replace('2+', '2'), ['License', 'it'])).toBe(false)
  })

  it("reads prose's typography as before: quotes round a path, brackets, a rule, an escape, ©", () => {
    const notice =
      'On Debian systems, the complete text of the GNU General Public License version 2 can be found in "/usr/share/common-licenses/GPL-2".\n'
    for (const other of [
      notice.replace('"/usr', '`/usr').replace('GPL-2"', "GPL-2'"),
      notice.replace('"/usr', '/usr').replace('GPL-2".', 'GPL-2.'),
      notice.replace('systems,', 'systems,\u00a0'),
    ])
      expect(same(notice, ['On', '2'], other, ['On', '2'])).toBe(true)
    const credit = 'The credit required by this Section 4(b) may be implemented in any reasonable manner, and/or in print.\n'
    expect(same(credit, ['The', 'print'], credit.replace('4(b)', '4 (b)').replace('and/or', 'and\\/or'), ['The', 'print'])).toBe(true)
    const held = 'Copyright: 2015 Daniel Dinu and others, who wrote it as-is for the project.\n'
    expect(
      same(held, ['Copyright', 'project'], held.replace(': 2015', ': \u00a9 2015').replace('as-is', '\\`\\`as-is'), [
        'Copyright',
        'project',
      ]),
    ).toBe(true)
    // Three reviewers' cases of this rule's first forms: each text, its first and last words, and
    // the edits that leave it the same text.
    const laidOut: [string, [string, string], [string, string][]][] = [
      // Spaces, line breaks, a bracket's shape, an escape, an arrow: vim's links and tags, roff's
      // "\-\-", "x = 1" against "x=1".
      [
        'Use the option --diff-algorithm={patience|minimal} with x = 1 and a -> b, see |TRUE| if the period (.)\ncharacters match.\n',
        ['Use', 'match'],
        [
          ['{patience|minimal}', '[patience|minimal]'],
          ['x = 1', 'x=1'],
          ['a -> b', 'a \u2192 b'],
          ['|TRUE|', 'TRUE'],
          ['period (.)\n', 'period\n(.) '],
          ['--diff', '\\-\\-diff'],
        ],
      ],
      // A box's rule, a bullet's glyph, angle brackets' shape, quotes after "=", a line broken
      // after "(" or continued with "\\", options listed with "|" or "/", a placeholder's case.
      [
        'The table │ lists ○ each <newline> with action="store" and ArgumentParser(description here), run cmd --x \\\n  --y with -des, -des3, -idea or -h -H and --image=IMAGE as told.\n',
        ['The', 'told'],
        [
          ['│', '|'],
          ['○', '•'],
          ['<newline>', '\u27e8newline\u27e9'],
          ['"store"', "'store'"],
          ['ArgumentParser(', 'ArgumentParser(\n    '],
          [' \\\n  --y', ' --y'],
          ['-des, -des3, -idea', '-des|-des3|-idea'],
          ['-h -H', '-h/-H'],
          ['=IMAGE', '=image'],
        ],
      ],
      // A C directive's "#", a quoted backslash, a spaced colon, TeX's tie, a dash's shapes, an
      // option's dashes set as an en dash, a sum wrapped to a line's start, a mail quoted twice.
      [
        'See #endif and `\\` with key:value in Fig.~1 where attempt)\u2014because --no-config takes \u2018+\u2019 and F+1 here.\n> > quoted twice and then the end.\n',
        ['See', 'end'],
        [
          ['#endif', '# endif'],
          ['`\\`', '\\'],
          ['key:value', 'key : value'],
          ['Fig.~1', 'Fig. 1'],
          ['\u2014because', '---because'],
          ['--no-config', '\u2013no-config'],
          ['F+1', 'F\n+ 1'],
          ['> > quoted', '>> quoted'],
        ],
      ],
    ]
    for (const [text, edges, edits] of laidOut)
      expect(
        same(
          text,
          edges,
          edits.reduce((other, [from, to]) => other.replace(from, to), text),
          edges,
        ),
      ).toBe(true)
    const ruled = 'OF THE POSSIBILITY OF SUCH DAMAGE.\n ====================\n .\n This product includes software written by Tim.\n'
    expect(same(ruled, ['OF', 'Tim'], ruled.replace(/\n /g, '\n * '), ['OF', 'Tim'])).toBe(true)
  })
})

describe('two versions of a program', () => {
  // packaging 21.3's Version.major, minor and micro; the other version flips three comparisons
  // (a tester of vendored Python libraries).
  const PROPERTIES = [0, 1, 2]
    .map(
      (k) =>
        `    @property\n    def ${['major', 'minor', 'micro'][k]}(self) -> int:\n        return self.release[${k}] if len(self.release) >= ${k + 1} else 0\n`,
    )
    .join('\n')
  const flipped = PROPERTIES.replace('>= 1', '> 1').replace('>= 2', '<= 2').replace('>= 3', '!= 3')

  it('are no duplicate documents, nor verbatim, where an operator differs, and the variant shows it', () => {
    const [o, ...rest] = findOverlaps([
      { id: 'a', text: PROPERTIES },
      { id: 'b', text: flipped },
    ]).overlaps
    expect(rest).toEqual([])
    expect(o.duplicate).toBeUndefined()
    expect(o.kind).toBe('variant')
    const changed = o.variants[0].changes!.filter((c) => c.op !== 'equal')
    expect(changed.map((c) => [c.op, c.a, c.b])).toEqual([
      ['replace', 'release) >= 1', 'release) > 1'],
      ['replace', 'release) >= 2', 'release) <= 2'],
      ['replace', 'release) >= 3', 'release) != 3'],
    ])
    // Every equal step is the same text in both.
    for (const c of o.variants[0].changes!) if (c.op === 'equal') expect(c.a).toBe(c.b)
  })

  it('are duplicates where only the style of quotes and the spacing differ', () => {
    const prose =
      'The \u201cquick\u201d fox \u2014 a brown one \u2014 jumps over the lazy dog, twice, before the farmer wakes up at dawn.\n'
    const [o] = findOverlaps([
      { id: 'a', text: prose },
      {
        id: 'b',
        text: prose
          .replace(/[\u201c\u201d]/g, '"')
          .replace(/\u2014/g, '--')
          .replace('fox ', 'fox\n'),
      },
    ]).overlaps
    expect(o.duplicate).toBe(true)
    expect(o.kind).toBe('verbatim')
    // Four copies of a licence, two quoting ``AS IS'' as TeX does, are one text (a reviewer: two
    // groups of duplicates and a third overlap of the same text).
    const licence =
      "THIS SOFTWARE IS PROVIDED BY THE REGENTS AND CONTRIBUTORS ``AS IS'' AND ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE DISCLAIMED.\n"
    const copies = [licence, licence, licence.replace("``AS IS''", '"AS IS"'), licence.replace("``AS IS''", '"AS IS"')]
    const { overlaps } = findOverlaps(copies.map((text, k) => ({ id: `c${k}`, text })))
    expect(overlaps.map((x) => [x.duplicate, x.passages.length])).toEqual([[true, 4]])
    // Code a paragraph quotes in curly quotes is the same code.
    const said = 'The loop writes "self.count += 1" before it returns, and the counter starts again from zero each time.\n'
    const [quoted] = findOverlaps([
      { id: 'a', text: said },
      { id: 'b', text: said.replace('"self', '\u201cself').replace('1"', '1\u201d') },
    ]).overlaps
    expect([quoted.kind, quoted.duplicate]).toEqual(['verbatim', true])
  })

  it('shows a name made private as a change ("VERSION_PATTERN" / "_VERSION_PATTERN")', () => {
    const pattern =
      '# Deliberately not anchored, to make it easier for 3rd party code to reuse\nVERSION_PATTERN = r"""\n    v?\n    (?:(?P<epoch>[0-9]+)!)?  # epoch\n    (?P<release>[0-9]+(?:\\.[0-9]+)*)  # release segment\n"""\n'
    const [o] = findOverlaps([
      { id: 'a', text: pattern },
      { id: 'b', text: pattern.replace('VERSION_PATTERN', '_VERSION_PATTERN') },
    ]).overlaps
    expect(o.duplicate).toBeUndefined()
    expect(o.variants[0].changes!.filter((c) => c.op !== 'equal').map((c) => [c.a, c.b])).toEqual([['reuse\nVERSION', 'reuse\n_VERSION']])
  })
})

describe("an overlap's kind", () => {
  const MINUTES =
    'The committee met on Tuesday to discuss the proposal for a new library in the centre of town. After a long debate, members agreed that the building should open in the spring, and that the council would pay for books, staff and heating for the first five years of its life.'
  const edited = MINUTES.replace('five years', 'seven years')
  const HEADERS = [
    'Quantum ferrets juggle marmalade.',
    'Orange zebras whisper softly.',
    'Purple kettles migrate north.',
    'Velvet trumpets dissolve slowly.',
    'Granite pianos evaporate quietly.',
  ]

  it('is near-verbatim for two texts that differ, however many copies one has (a reviewer)', () => {
    const copies = [1, 2, 3, 4].map((k) => ({ id: `a${k}`, text: `${MINUTES}\n\nCopy of the minutes.\n` }))
    const [o] = findOverlaps([...copies, { id: 'b', text: `${edited}\n\nAnother note.\n` }]).overlaps.filter((x) => !x.duplicate)
    expect(o.passages.map((p) => p.doc)).toEqual(['a1', 'a2', 'a3', 'a4', 'b'])
    expect(o.kind).toBe('variant')
    expect(o.similarity).toBeLessThan(1)
  })

  it('does not hang on which document sorts first (a reviewer: a file renamed changed it)', () => {
    const kindWith = (odd: string) => {
      const ids = ['a', 'b', 'c', 'd', 'e']
      const docs = ids.map((id, k) => ({ id, text: `${HEADERS[k]}\n\n${id === odd ? edited : MINUTES}\n` }))
      const [o] = findOverlaps(docs).overlaps
      return [o.passages.length, o.kind]
    }
    // Four of five say "five years", one "seven": near-verbatim, whichever it is.
    expect(kindWith('a')).toEqual([5, 'variant'])
    expect(kindWith('e')).toEqual([5, 'variant'])
    expect(kindWith('none')).toEqual([5, 'verbatim'])
  })

  it('reads every passage: the one edited copy is found wherever its document sorts (a reviewer)', () => {
    const fox =
      'The quick brown fox jumps over the lazy dog near the old river bank every single morning. It then runs back home across the green fields, past the mill and the church, to sleep until noon. Nobody in the village has ever seen it hunt, and the farmers leave it alone.'
    const greek =
      'alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma tau upsilon phi chi psi omega'.split(
        ' ',
      )
    const kindOf = (n: number, edited: number, others = 0) => {
      const docs = Array.from({ length: n }, (_, i) => ({
        id: `d${String(i).padStart(3, '0')}`,
        text: `Intro ${i} unique${i} words${i}.\n\n${i === edited ? fox.replace('dog', 'cat') : fox}\n\nOutro${i} end${i}.`,
      }))
      // Documents of other words, so that the fox's paragraph is in a third of the corpus only.
      for (let j = 0; j < others; j++)
        docs.push({
          id: `o${String(j).padStart(3, '0')}`,
          text: Array.from({ length: 60 }, (_, k) => greek[(j * 7 + k * 13 + k * k) % greek.length] + (k % 9 === 8 ? '.' : '')).join(' '),
        })
      const o = findOverlaps(docs, { paraphrase: false }).overlaps.find((x) => x.passages.some((p) => p.doc === 'd000'))!
      const changes = o.variants.flatMap((v) => (v.changes ?? []).filter((c) => c.op !== 'equal').map((c) => [c.op, c.a, c.b]))
      return { kind: o.kind, passages: o.passages.length, changes }
    }
    // The last of 65 documents, past any sample of the first.
    expect(kindOf(65, 64, 200)).toMatchObject({ kind: 'variant', passages: 65 })
    // The tenth of ten, past the pairs compared (the first against the next eight): its pair is
    // listed too, so the variants say what makes the overlap near-verbatim.
    expect(kindOf(10, 9)).toEqual({ kind: 'variant', passages: 10, changes: [['replace', 'dog', 'cat']] })
  })
})
