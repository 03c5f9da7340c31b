import { describe, expect, it } from 'vitest'
import { analyse } from '../../main/core/engine/analyse.js'
import { findOverlaps, MIN_OUTPUT_SHARE } from '../../main/core/engine/overlaps.js'
import {
  afterClosedBracket,
  MAX_BRACKET_TAIL,
  MAX_COMPARED_SENTENCE_WORDS,
  MAX_UNIT_PAIRS,
  MIN_CLAUSE_WORDS,
  trimmedSpan,
  wordsInCommon,
  writtenWords,
} from '../../main/core/engine/paraphrase.js'
import { MAX_ITEM_PAIRS } from '../../main/core/engine/list-items.js'
import { contentsEntry } from '../../main/core/engine/next-item.js'
import { analysed, ROOT, tokenSpan } from '../helpers.js'
import { pasture, RESTATED } from '../past-paraphrase-bound.js'
import { callsOrNames } from '../../main/core/engine/headings.js'
import { loadFolder } from '../../main/node/engine/inline.js'
import { reasonsOf } from '../../main/core/engine/reasons.js'
import { Run } from '../../main/core/engine/progress.js'

// A paraphrase's start (paraphrase.ts, MAX_UNSHARED_EDGE): a side of a restatement, read as one
// clause or a few, does not start with another claim of more than a word or two that the other
// side does not share.

/** The side `text` as trimmedSpan leaves it, the words of `shared` being those the other side has. */
function trimmed(text: string, shared: string): string {
  const corpus = analyse([{ id: 'a', text }], true, new Run({}))
  const [D] = corpus.docs
  const other = new Set(shared.split(' ').map((w) => corpus.lexicon.matchIdOf(w)))
  const [t0, t1] = trimmedSpan(
    D,
    corpus.lexicon.surfaces,
    0,
    D.content.length,
    () => true,
    (c) => other.has(D.match[D.content[c]]),
    0,
    D.starts.length - 1,
  )
  return text.slice(D.starts[t0], D.ends[t1])
}

describe('a paraphrase side trimmed to what it restates', () => {
  it('starts at its first shared word after another claim of three words or more', () => {
    expect(
      trimmed(
        'improving the system and mechanism for developing NQPFs in accordance with local conditions',
        'developing NQPFs accordance local conditions',
      ),
    ).toBe('developing NQPFs in accordance with local conditions')
  })

  it('keeps its end as its clause ends, whatever follows its last shared word', () => {
    // Cut at "royalty-free" it read well; cut at "provided" or "implement manufacturing", it did not.
    const text = 'modification, are permitted in any medium without royalty provided the copyright notice and this notice are preserved'
    expect(trimmed(text, 'modification permitted medium royalty provided')).toBe(text)
  })

  it('keeps a word or two of its own wording at either edge', () => {
    expect(trimmed('vigorously cultivating the ecosystem of computing power industries', 'ecosystem computing power industries')).toBe(
      'vigorously cultivating the ecosystem of computing power industries',
    )
  })

  it('keeps a start whose cut would part the rest from a negation that may govern it', () => {
    const shared = 'include anything normally shipped major components'
    for (const text of [
      'source code distributed need not include anything that is normally shipped with the major components',
      'source code distributed doesn\u2019t include anything that is normally shipped with the major components',
      "source code distributed doesn't include anything that is normally shipped with the major components",
      'source code distributed must never include anything that is normally shipped with the major components',
      'source code is not required to include anything that is normally shipped with the major components',
    ])
      expect(trimmed(text, shared)).toBe(text)
  })

  it('keeps its edges when the rest would be shorter than a clause', () => {
    const text = 'This code implements the MD5 message-digest algorithm'
    expect(trimmed(text, 'message digest algorithm')).toBe(text)
  })
})

describe('a paraphrase side that starts inside a bracket it does not open', () => {
  /** Side `text` from its token `from` on, as afterClosedBracket leaves it. */
  const from = (text: string, word: string): string => {
    const [D] = analyse([{ id: 'a', text }], true, new Run({})).docs
    const t0 = [...D.starts.keys()].find((t) => text.slice(D.starts[t], D.ends[t]) === word)!
    const t = afterClosedBracket(D, t0, D.starts.length - 1)
    return text.slice(D.starts[t])
  }

  it('starts after the bracket it would close', () => {
    // MPL 2.0's section 5.2: the clause after "counter-claims," is the bracket's end.
    const text =
      'initiate litigation against any entity by asserting a patent infringement claim (excluding declaratory judgment actions, counter-claims, and cross-claims) alleging that a Contributor Version directly or indirectly infringes any patent'
    expect(from(text, 'cross')).toBe('alleging that a Contributor Version directly or indirectly infringes any patent')
  })

  it('keeps a bracket it opens, one further in than MAX_BRACKET_TAIL tokens, and a rest too short', () => {
    expect(from('(see the manual) for details of every option', 'see')).toBe('see the manual) for details of every option')
    const far = `the ${'very '.repeat(MAX_BRACKET_TAIL)}long name) is given to each new account on the system`
    expect(from(far, 'the')).toBe(far)
    expect(from('the name of it) is given', 'name')).toBe('name of it) is given')
  })
})

describe('what a paraphrase shares', () => {
  it('counts a word written with a hyphen in both as one word (a reviewer of README.Debian files)', () => {
    // The lines of three README.Debian files that made it (delta-debugged).
    const documents = [
      {
        id: 'chromium',
        text: 'directly in the browser and the two-factor authentication extension.\nfrom source.  See debian bug #886358 for more information.\nWidevine Extension\nWidevine is a non-free library that cannot be distributed directly by Debian.\n',
      },
      { id: 'gdb', text: 'Debian main; it is available in the non-free distribution (because it is\n' },
      { id: 'coreutils', text: 'Most of the coreutils documentation is available as info pages. (Try "info\navailable online at\n' },
    ]
    expect(findOverlaps(documents).overlaps).toEqual([])
    // Three shared words besides the compound: still a restatement.
    const restated = [
      { id: 'a', text: 'The non-free firmware blobs are shipped separately from the main archive by the project.\n' },
      { id: 'b', text: 'The project ships the non-free firmware blobs separately, outside its main archive.\n' },
      { id: 'c', text: 'The full documentation for the utilities is maintained as a Texinfo manual.\n' },
    ]
    expect(findOverlaps(restated).overlaps.map((o) => o.passages.map((p) => p.doc))).toEqual([['a', 'b']])
  })
})

describe('how much a paraphrase shares', () => {
  it('compares a clause of purpose run on without a comma ("... in key fields so that ...") as a clause of its own', () => {
    const [overlap, ...rest] = findOverlaps(
      [
        {
          id: 'catalysts',
          text:
            'Other matters were discussed at length by the committee. In order for original and disruptive scientific and technological ' +
            'innovations to proliferate and create more momentum for the emergence of new productive forces, the plan sets aside funds.',
        },
        {
          id: 'significance',
          text:
            'The ministry should accelerate the achievement of great self-reliance and strength in science and technology and achieve ' +
            'breakthroughs in core technologies in key fields so that original and disruptive sci-tech innovation achievements emerge ' +
            'one after another. The session closed with a vote on the budget.',
        },
        {
          // Texts on the subject use the sides' own words too, so that they weigh what they do in a corpus.
          id: 'background',
          text:
            'Reforms create momentum. Start-ups proliferate in coastal provinces. Past achievements were celebrated. ' +
            'Exports create jobs and momentum. New firms proliferate where achievements are rewarded.',
        },
      ],
      { paraphrase: true },
    ).overlaps
    expect(rest).toEqual([])
    expect(overlap.kind).toBe('paraphrase')
    expect(overlap.passages[1].text).toBe('original and disruptive sci-tech innovation achievements emerge')
  })

  it('is four words at least (MIN_RESTATED_STEMS): three make no restatement, however alike (a reviewer of technical text)', () => {
    // Python's reference, 2.7 and 3.13 (cut down by a reviewer): a clause of prose and two lines of
    // a code listing shared "value", "exit" and "false", a paraphrase of similarity 0.62.
    const prose = [
      {
        id: 'py2.7',
        text:
          '   If the suite was exited due to an exception, and the return value\n' +
          '   from the "__exit__()" method was false, the exception is reraised.\n' +
          '   If the return value was true, the exception is suppressed, and\n' +
          '   execution continues with the statement following the "with"\n' +
          '   statement.\n' +
          '\n',
      },
      {
        id: 'py3.13',
        text:
          '4. The context manager\u2019s "__enter__()" method is invoked.\n' +
          '\n' +
          '     The "with" statement guarantees that if the "__enter__()" method\n' +
          '     returns without an error, then "__exit__()" will always be\n' +
          '     called. Thus, if an error occurs during the assignment to the\n' +
          '     target list, it will be treated the same as an error occurring\n' +
          '     within the suite would be. See step 7 below.\n' +
          '\n' +
          '   manager = (EXPRESSION)\n' +
          '   enter = type(manager).__enter__\n' +
          '   exit = type(manager).__exit__\n' +
          '   value = enter(manager)\n' +
          '   hit_except = False\n' +
          '\n',
      },
    ]
    expect(findOverlaps(prose).overlaps).toEqual([])
    // Four: a restatement.
    const restated = [
      { id: 'a', text: 'Lines of a file copied from another system may end with a carriage return and a line feed character.\n' },
      { id: 'b', text: 'On other systems a line of the file can end in a carriage return followed by a feed.\n' },
      { id: 'c', text: 'The manual is maintained in Texinfo and its pages are generated from it at build time.\n' },
      { id: 'd', text: 'Each option is described in its own section of the manual page.\n' },
    ]
    expect(findOverlaps(restated).overlaps.map((o) => o.kind)).toEqual(['paraphrase'])
  })

  it('reads a word after a bound prefix as one word with it: "re-use" is "reuse" (prefixes.ts)', () => {
    // util-linux's pages (a reviewer): losetup's "then re-use the device rather than a new one" and
    // mount's "mount re-uses the loop device rather than initializing a new device" were lost
    // with the prefix read as no word and "use" as "use".
    const installer = 'The installer will re-use a downloaded archive whenever its checksum is unchanged on the mirror.'
    const texts = (b: string) => [
      { id: 'a', text: `${installer}\n` },
      { id: 'b', text: `An archive downloaded before is ${b} by the installer when the mirror has the same checksum.\n` },
      { id: 'c', text: 'The manual is maintained in Texinfo and its pages are generated from it at build time.\n' },
      { id: 'd', text: 'Each option is described in its own section of the manual page.\n' },
    ]
    for (const [b, form] of [
      ['reused', 're-use/reused'],
      ['re-used', 're-use/re-used'],
    ]) {
      const { overlaps } = findOverlaps(texts(b))
      expect(overlaps.map((o) => o.kind)).toEqual(['paraphrase'])
      expect(overlaps[0].because).toContain(`related forms: ${form}`)
      expect(overlaps[0].passages[0].text).toBe(installer)
    }
    // Another word after the hyphen is another word: "re-sign" is no "reuse".
    expect(findOverlaps(texts('re-signed')).overlaps).toEqual([])
  })
})

describe('which corpora are searched for paraphrases', () => {
  it('searches none past PARAPHRASE_MAX_WORDS words, copies counted, unless asked', () => {
    // A duplicate's words count (see PARAPHRASE_MAX_WORDS), though the pass reads one copy.
    const copy = pasture(0.5)
    const texts = [...Object.entries(RESTATED).map(([id, text]) => ({ id, text })), { id: 'c', text: copy }, { id: 'd', text: copy }]
    const kinds = (paraphrase?: boolean) => {
      const { overlaps, stats } = findOverlaps(texts, { variants: false, paraphrase })
      return { searched: stats.paraphraseSearch, kinds: overlaps.filter((o) => !o.duplicate).map((o) => o.kind) }
    }
    expect(kinds()).toEqual({ searched: false, kinds: [] })
    expect(kinds(true)).toEqual({ searched: true, kinds: ['paraphrase'] })
  })
})

describe('the words a paraphrase rests on', () => {
  /** The words texts a and b have in common, read whole (wordsInCommon), as a paraphrase's or (`claimsOnly` false) an edited copy's. */
  const common = (a: string, b: string, claimsOnly = true): { alike: string[]; forms: string[] } => {
    const corpus = analyse(
      [
        { id: 'a', text: a },
        { id: 'b', text: b },
      ],
      true,
      new Run({}),
    )
    const [A, B] = corpus.docs
    return wordsInCommon(corpus, 0, 0, A.surface.length - 1, 1, 0, B.surface.length - 1, claimsOnly)
  }
  /** Those both write alike. */
  const inCommon = (a: string, b: string, claimsOnly = true): string[] => common(a, b, claimsOnly).alike

  it('are words both write alike, case and spelling aside; words of one stem written otherwise are related forms', () => {
    // The bundled corpus: "according to local conditions" / "in accordance with local conditions".
    const a = 'Develop new quality productive forces according to local conditions and expand openness.'
    const b = 'Developing them in accordance with local conditions, expanding opening to the outside world.'
    expect(common(a, b)).toEqual({
      alike: ['local', 'conditions'],
      forms: ['Develop/Developing', 'according/accordance', 'expand/expanding', 'openness/opening'],
    })
    expect(common('The labour organisation met.', 'The Labor Organization met.').alike).toEqual(['labour', 'organisation', 'met'])
    // A form both write somewhere is in common, however each first writes it (a reviewer: "keys/key").
    expect(common('Private keys and a public key are kept.', 'The public key and the private key are kept.')).toEqual({
      alike: ['Private', 'key', 'public', 'kept'],
      forms: [],
    })
  })

  it("are gathered from an overlap's pairs once each, forms in either order one, the lists in one order", () => {
    expect(
      reasonsOf([
        'words in common: local, conditions, developing',
        'abbreviation NQPFs read as the words it stands for',
        'related forms: develop/developing, components/Component, according/accordance',
        'related forms: Component/components, developing/local',
        'words in common: Local, develop',
      ]),
    ).toEqual([
      'abbreviation NQPFs read as the words it stands for',
      'related forms: components/Component, according/accordance',
      'words in common: local, conditions, developing, develop',
    ])
  })

  it('are no letter alone (a reviewer of licences: "(b)", the "s" of "Contribution(s)")', () => {
    const a = 'Each Contributor grants a patent license for their Contribution(s), (b) to make and sell the Work.'
    const b = 'A Contributor grants (b) a patent license to make and sell its Contribution(s) and the Work.'
    expect(inCommon(a, b)).toEqual(['Contributor', 'grants', 'patent', 'license', 'Contribution', 'make', 'sell', 'Work'])
    // An edited copy's words in common are all of them.
    expect(inCommon(a, b, false)).toContain('b')
  })

  it('are shown without the hyphenation of a line end (a reviewer of manual pages: "com‐\\n pression")', () => {
    const a = 'It is possible to erase source files on successful com‐\n           pression or decompression.'
    const b = 'Remove the source files after successful compression or decompression.'
    expect(inCommon(a, b)).toEqual(['source', 'files', 'successful', 'compression', 'decompression'])
  })
})

describe('paraphrases of headings', () => {
  it('finds none between two headings its markup makes ones, titles of two examples', () => {
    // The AWS command line's examples (a reviewer): "**Example 3: To create a VPN connection**" and
    // "**Example 2: To describe your available VPN connections**" were a paraphrase.
    const filler = [
      'Zebras graze quietly near the old harbour while gulls circle.',
      'Volcanic ash drifts slowly over distant orchards tonight.',
      'The baker sells warm bread to early travellers at the station.',
      'Children paint murals along the canal every summer weekend.',
      'A violinist rehearses scales before the evening concert begins.',
      'Farmers bring apples and pears to the Saturday market square.',
    ]
    const documents = [
      {
        id: 'create',
        text: '**Example 3: To create a VPN connection and specify your own inside CIDR and pre-shared key**\n\nThe following example creates a connection for the gateway.\n',
      },
      {
        id: 'describe',
        text: '**Example 2: To describe the inside CIDR and pre-shared key of your available VPN connections**\n\nThe following example lists every connection in the region.\n',
      },
      ...filler.map((text, k) => ({ id: `f${k}`, text: `${text}\n` })),
    ]
    expect(findOverlaps(documents, { paraphrase: true }).overlaps.filter((o) => o.kind === 'paraphrase')).toEqual([])
    // Written as sentences, the same words are one.
    const prose = documents.map((d) => ({ ...d, text: d.text.replace(/\*\*/g, '') }))
    expect(findOverlaps(prose, { paraphrase: true }).overlaps.filter((o) => o.kind === 'paraphrase')).toHaveLength(1)
  })
})

describe('paraphrases of contents entries', () => {
  it("finds none between a contents entry, a section's title pointed to, and a sentence", () => {
    // A reviewer: the entry's link text, four words of the sentence's, was its paraphrase.
    const documents = [
      {
        id: 'contents',
        text: '# Contents\n\n* [Installation](#installation)\n* [Getting the source code of a node](#getting-the-source-code-of-a-node)\n* [License](#license)\n',
      },
      {
        id: 'pyast',
        text: '# pyast\n\nThis project was started in 2019 by a group of volunteers who maintain it in their spare time.\n\nTo get the source code of an AST node, I recommend a helper library that ships with the tools.\n',
      },
    ]
    expect(findOverlaps(documents).overlaps).toEqual([])
    // The same words as a sentence of the text are one.
    const prose = documents.map((d) => ({
      ...d,
      text: d.text.replace(
        '* [Getting the source code of a node](#getting-the-source-code-of-a-node)',
        'Getting the source code of a node takes one call.',
      ),
    }))
    expect(findOverlaps(prose).overlaps.filter((o) => o.kind === 'paraphrase')).toHaveLength(1)
  })

  it("finds none between two Info manuals' node headers, and reads their menu and index entries as contents entries", () => {
    // grep's and sed's Info manuals (a reviewer: four such paraphrases between them).
    const node = (file: string, next: string, up: string, says: string) =>
      `\u001f\nFile: ${file},  Node: Character Classes and Bracket Expressions,  Next: ${next},  Up: ${up}\n\n${says}\n`
    const documents = [
      {
        id: 'grep',
        text: node(
          'grep.info',
          'Special Backslash Expressions,  Prev: Fundamental Structure',
          'Regular Expressions',
          'A bracket expression is a list of characters enclosed by brackets.',
        ),
      },
      {
        id: 'sed',
        text: node(
          'sed.info',
          'regexp extensions,  Prev: ERE syntax',
          'sed regular expressions',
          'The sed program reads its script from the command line or a file.',
        ),
      },
      { id: 'gzip', text: 'The gzip program compresses files with the Lempel-Ziv coding and keeps their names.\n' },
    ]
    expect(findOverlaps(documents).overlaps.map((o) => o.kind)).toEqual(['variant'])
    const lines = [
      'File: grep.info,  Node: Top,  Next: Introduction,  Up: (dir)',
      '* Invoking::     Command-line options, environment, exit status.',
      '* case insensitive search:               Matching Control.    (line  26)',
      '  * debian/control: Add a field for the new package.',
      '* QString::arg(): fix the order of its arguments.',
      'File: the report, Node: unused, is a sentence.',
    ]
    const [doc] = analysed(lines.join('\n') + '\n')
    const lineOf = (t: number) => doc.text.slice(0, doc.starts[t]).split('\n').length - 1
    const entries = new Set([...doc.starts.keys()].filter((t) => contentsEntry(doc, t)).map(lineOf))
    expect([...entries]).toEqual([0, 1, 2])
  })
})

describe('paraphrases of lists', () => {
  it('finds none between clauses of one word each, as two declarations name their parameters', () => {
    // TypeScript's library (a reviewer): "with(index: number, value: number)" and the callback
    // "(value: number, index: number, ...)" were a paraphrase, similarity 1, cut into clauses at
    // each colon, comma and bracket.
    const documents = [
      {
        id: 'findLast',
        text: [
          'interface Uint8Array<TArrayBuffer extends ArrayBufferLike> {',
          '    /**',
          '     * Returns the value of the last element in the array where predicate is true, and undefined',
          '     * otherwise.',
          '     * @param predicate findLast calls predicate once for each element of the array, in descending',
          '     * order, until it finds one where predicate returns true. If such an element is found, findLast',
          '     * immediately returns that element value. Otherwise, findLast returns undefined.',
          '     * @param thisArg If provided, it will be used as the this value for each invocation of',
          '     * predicate. If it is not provided, undefined is used instead.',
          '     */',
          '    findLast(predicate: (value: number, index: number, array: this) => unknown, thisArg?: any): number | undefined;',
          '',
          '    /**',
          '     * Copies the array and inserts the given number at the provided index.',
          '     * @param index The index of the value to overwrite. If the index is',
          '     * negative, then it replaces from the end of the array.',
          '     * @param value The value to insert into the copied array.',
          '     * @returns A copy of the original array with the inserted value.',
          '     */',
          '    with(index: number, value: number): Uint8Array<ArrayBuffer>;',
          '}',
          '',
        ].join('\n'),
      },
      {
        id: 'every',
        text: [
          'interface Uint8Array<TArrayBuffer extends ArrayBufferLike = ArrayBufferLike> {',
          '    /**',
          '     * Determines whether all the members of an array satisfy the specified test.',
          '     * @param predicate A function that accepts up to three arguments. The every method calls',
          '     * the predicate function for each element in the array until the predicate returns a value',
          '     * which is coercible to the Boolean value false, or until the end of the array.',
          '     * @param thisArg An object to which the this keyword can refer in the predicate function.',
          '     * If thisArg is omitted, undefined is used as the this value.',
          '     */',
          '    every(predicate: (value: number, index: number, array: this) => unknown, thisArg?: any): boolean;',
          '}',
          '',
        ].join('\n'),
      },
    ]
    expect(findOverlaps(documents).overlaps.filter((o) => o.kind === 'paraphrase')).toEqual([])
  })

  it('finds none between two lists of words, and finds a list a clause says something of', () => {
    const paraphrases = (a: string, b: string) =>
      findOverlaps([
        { id: 'a', text: a },
        { id: 'b', text: b },
      ]).overlaps.filter((o) => o.kind === 'paraphrase')
    // Two lists of the same words, in another order: no claim restated.
    expect(
      paraphrases(
        'My grandmother baked this cake every Sunday for forty years. Flour, sugar, eggs, butter, milk, salt.\n',
        'This loaf keeps well for a week if wrapped in a towel. Salt, milk, butter, eggs, sugar, flour.\n',
      ),
    ).toEqual([])
    // A list against a clause that says what its words do: a restatement (a reviewer: lost when
    // a list made no unit at all).
    expect(
      paraphrases(
        'The plenum closed on Thursday with a long communique read out on state television. Future growth will depend on four factors: innovation, talent, capital, and data, and every province has been told to draw up plans by June.\n',
        'Foreign investors have been cautious since the property slump began three years ago. In the view of the planners, data, capital, talent and innovation will drive future growth, though few details were offered.\n',
      ),
    ).toHaveLength(1)
    expect(
      paraphrases(
        'This agreement is made between the author and the person who downloads the files. Except as this agreement expressly allows, you may not copy, modify, sublicense, or distribute, and any attempt to do so will terminate your rights at once.\n',
        'The company offers support by telephone during office hours on weekdays. Whatever the purpose, the licensee must not sublicense, distribute, modify or copy; breaches are reported to the board of directors every quarter.\n',
      ),
    ).toHaveLength(1)
  })
})

describe('sentences too long to be prose', () => {
  it('compares no sentence of more than MAX_COMPARED_SENTENCE_WORDS words, and compares the same items in shorter ones', () => {
    // Two seed banks' lists of varieties, each written as one "sentence" of comma-separated items,
    // in another order: the same things listed (list-items.ts) while each list is prose-sized; as
    // a table of thousands of words, compared unit by unit, it would cost every unit of one list
    // against every unit of the other (two lists of 20,000 words: more than five minutes).
    const adjectives = ['red', 'green', 'blue', 'tall', 'short', 'early', 'late', 'wild', 'sweet', 'bitter']
    const varieties = (n: number) => Array.from({ length: n }, (_, i) => `${adjectives[i % 10]} plant${i.toString(36)}`)
    const lists = (n: number) => {
      const items = varieties(n)
      return [
        { id: 'bank', text: `The seed bank keeps these varieties: ${items.join(', ')}.\n` },
        { id: 'farm', text: `The farm grows the following varieties: ${items.map((_, i) => items[(i * 7) % n]).join(', ')}.\n` },
      ]
    }
    const paraphrases = (n: number) => findOverlaps(lists(n)).overlaps.filter((o) => o.kind === 'paraphrase')
    expect(paraphrases(20)).toHaveLength(1)
    expect(2 * 1100).toBeGreaterThan(MAX_COMPARED_SENTENCE_WORDS)
    expect(paraphrases(1100)).toEqual([])
  })

  it('compares at most MAX_UNIT_PAIRS clause units and MAX_ITEM_PAIRS list items of two sentences', () => {
    // Two indexes, each one "sentence" of 150 comma-separated pairs of words from one vocabulary of
    // 300: their units and items share words by chance by the hundred. Compared whole, the two
    // were a paraphrase of 292 and 298 words; ten such sentences in each document, 20 s.
    let seed = 7
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
    const vocabulary = Array.from(
      { length: 300 },
      (_, k) => 'w' + String.fromCharCode(97 + (k % 26), 97 + (Math.floor(k / 26) % 26), 97 + Math.floor(next() * 26)),
    )
    const word = () => vocabulary[Math.floor(next() * vocabulary.length)]
    const index = () => Array.from({ length: 150 }, () => `${word()} ${word()}`).join(', ')
    const documents = [0, 1].map((k) => ({ id: `d${k}`, text: `Index ${k}.\n\n${index()}.\n` }))
    expect(150 * 150).toBeGreaterThan(MAX_ITEM_PAIRS)
    expect(150 * 150).toBeGreaterThan(MAX_UNIT_PAIRS)
    expect(findOverlaps(documents).overlaps.filter((o) => o.kind === 'paraphrase')).toEqual([])
  })
})

describe("a program's output", () => {
  it('restates nothing: two lines of counters, MIN_OUTPUT_SHARE of their tokens no words (tc’s pages, a reviewer)', () => {
    expect(MIN_OUTPUT_SHARE).toBeCloseTo(1 / 3)
    const { overlaps } = findOverlaps([
      {
        id: 'codel',
        text: 'The queue discipline was added to the interface and left running for an hour.\n\n    Sent 245801662 bytes 275853 pkt (dropped 0, overlimits 0 requeues 24)\n\nIt drops packets early when the standing queue grows too long.\n',
      },
      {
        id: 'cake',
        text: 'Statistics after a day of traffic on the home router.\n\n    Sent 44709231 bytes 31931 pkt (dropped 45, overlimits 93782 requeues 0)\n\nThe flows are hashed into buckets by their source address.\n',
      },
    ])
    expect(overlaps).toEqual([])
  })
})

describe('cores of words two sentences share between passages their documents share', () => {
  it('are read only where they share rare words: topic words alone make fragments (mke2fs and tune2fs, a reviewer)', async () => {
    // "Note that resizing a file system changes the number of inodes", "Backing up the file
    // system before changing inode size is recommended": two claims, one core of "file system",
    // "inode" and "change", words in most of the two pages' sentences.
    const { texts } = await loadFolder(`${ROOT}/test/fixtures/engine/topic-cores`)
    const paraphrases = findOverlaps(texts).overlaps.filter((o) => o.kind === 'paraphrase')
    const holding = (words: string) => paraphrases.filter((o) => o.passages.some((p) => p.text.replace(/\s+/g, ' ').includes(words)))
    expect(holding('changes the number of inodes')).toEqual([])
    expect(holding('size is 256 bytes')).toEqual([])
    // What the two pages say alike in words of their own stays.
    expect(holding('prefixed with a caret character')).toHaveLength(1)
  })
})

describe('writtenWords', () => {
  it('counts the words a passage is written in: a compound or an identifier one, a Chinese or Japanese character one', () => {
    const texts = [
      'Unicode-DFS-2016',
      'source-package-name (required)',
      'tab-aligned content lines',
      'The GWR called for “accelerating the development of NQPFs”.',
      '新质生产力是创新起主导作用',
    ]
    const counts = analysed(...texts).map((doc) => writtenWords(doc, 0, doc.starts.length - 1))
    expect(counts).toEqual([1, 2, 3, 9, 13])
    // Fewer than a clause's words (MIN_CLAUSE_WORDS): no side of a paraphrase (overlaps.ts).
    expect(counts.map((n) => n >= MIN_CLAUSE_WORDS)).toEqual([false, false, false, true, true])
  })
})

describe("a manual page's NAME line, SYNOPSIS and SEE ALSO", () => {
  it('restate nothing of another page’s: two NAME lines name two programs (msgfmt and msgunfmt, a reviewer)', async () => {
    // "msgfmt - compile message catalog to binary format" / "msgunfmt - uncompile message
    // catalog from binary format": opposite operations, one paraphrase.
    const { texts } = await loadFolder(`${ROOT}/test/fixtures/engine/name-lines`)
    const { overlaps } = findOverlaps(texts)
    expect(overlaps.filter((o) => o.kind === 'paraphrase' && o.passages.some((p) => p.text.includes('message catalog')))).toEqual([])
    // What the pages share of their options stays.
    expect(overlaps.some((o) => o.kind !== 'paraphrase')).toBe(true)
  })

  it('nor as a loose match the alignment kept (deb-preinst and deb-prerm, a paraphrase judged false)', async () => {
    // "deb-preinst - package pre-installation maintainer script" / "deb-prerm - package
    // pre-removal maintainer script": the pages align from their heads, and the pair over the
    // NAME lines was kept, too loose for an edited copy, as a paraphrase.
    const { texts } = await loadFolder(`${ROOT}/test/fixtures/engine/name-lines-aligned`)
    const { overlaps } = findOverlaps(texts)
    expect(overlaps.filter((o) => o.passages.some((p) => p.text.includes('maintainer script')))).toEqual([])
    // Their descriptions, one template, stay near-verbatim.
    expect(overlaps.find((o) => o.passages.some((p) => p.text.includes('A package can perform several')))?.kind).toBe('variant')
  })

  it('nor a SEE ALSO, which lists other pages (find and xargs, a paraphrase judged false)', () => {
    const [find, xargs] = analysed(
      'NAME\n       find - search for files\n\nDESCRIPTION\n       This manual page documents the GNU version of find.\n\n' +
        'SEE ALSO\n       chmod(1), locate(1), ls(1), updatedb(1), xargs(1), lstat(2), stat(2), ctime(3), fnmatch(3)\n',
      'NAME\n       xargs - build and execute command lines\n\nDESCRIPTION\n       This manual page documents the GNU version of xargs.\n\n' +
        'SEE ALSO\n       find(1), kill(1), locate(1), updatedb(1), fork(2), execvp(3), locatedb(5), signal(7)\n',
    )
    const at = (doc: typeof find, phrase: string) => tokenSpan(doc, doc.text, phrase).start
    expect(callsOrNames(find, at(find, 'chmod'), xargs, at(xargs, 'find(1)'))).toBe(true)
    expect(callsOrNames(find, at(find, 'This manual page'), xargs, at(xargs, 'find(1)'))).toBe(true)
    // Their descriptions list no pages.
    expect(callsOrNames(find, at(find, 'This manual page'), xargs, at(xargs, 'This manual page'))).toBe(false)
  })
})
