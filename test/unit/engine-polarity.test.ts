import { describe, expect, it } from 'vitest'
import { analyse } from '../../main/core/engine/analyse.js'
import { findOverlaps } from '../../main/core/engine/overlaps.js'
import { saysOpposite } from '../../main/core/engine/polarity.js'
import { Run } from '../../main/core/engine/progress.js'

// A paraphrase says what the other side says, not its opposite (polarity.ts).

/** Whether side `a` of text `textA` and side `b` of `textB` say opposite things (each side a substring of its text). */
function opposite(textA: string, a: string, textB: string, b: string): boolean {
  const corpus = analyse(
    [
      { id: 'a', text: textA },
      { id: 'b', text: textB },
    ],
    true,
    new Run({}),
  )
  const [A, B] = corpus.docs
  const span = (D: typeof A, text: string, side: string): [number, number] => {
    const from = text.indexOf(side)
    return [D.starts.findIndex((s) => s >= from), D.ends.findLastIndex((e) => e <= from + side.length)]
  }
  return saysOpposite(A, ...span(A, textA, a), B, ...span(B, textB, b), corpus.lexicon.surfaces)
}

describe('a paraphrase and its opposite', () => {
  it('tells a side that negates a word both say from one that negates nothing', () => {
    // dpkg's manual pages (a reviewer: a false paraphrase).
    const trigger = 'It need not await the processing of this trigger.'
    const awaits = 'The package awaits trigger processing by another package.'
    expect(opposite(trigger, 'await the processing of this trigger', awaits, awaits)).toBe(true)
    // The negation before the side is read with it, as its passage takes it in.
    expect(opposite(trigger, 'await the processing of this trigger', awaits, awaits)).toBe(
      opposite(trigger, 'need not await the processing of this trigger', awaits, awaits),
    )
  })

  it('reads a German or Dutch negation after its verb as negating the word before it', () => {
    const reads = 'Der Dienst liest die Konfigurationsdatei beim Start des Systems vollständig ein.'
    const readsNot = 'Beim Start des Systems liest der Dienst die Konfigurationsdatei nicht.'
    expect(opposite(readsNot, readsNot, reads, reads)).toBe(true)
    const dutch = 'Het programma leest het configuratiebestand bij het opstarten van het systeem.'
    const dutchNot = 'Bij het opstarten van het systeem leest het programma het configuratiebestand niet.'
    expect(opposite(dutchNot, dutchNot, dutch, dutch)).toBe(true)
    // Both negating, they say the same.
    expect(opposite(readsNot, readsNot, readsNot, readsNot)).toBe(false)
  })

  it('reads a negation as negating the word after it, past an adverb, in its clause', () => {
    const possible = 'A single file is possible to decompress in place.'
    expect(
      opposite(
        'It is no longer possible to decompress a single file in place.',
        'no longer possible to decompress a single file in place',
        possible,
        possible,
      ),
    ).toBe(true)
    // A negation of another word of the other side leaves its claim as it is.
    const copied = 'A single file, which need not be copied, is possible to decompress in place.'
    expect(
      opposite(
        'It is not possible to decompress a single file in place.',
        'not possible to decompress a single file in place',
        copied,
        copied,
      ),
    ).toBe(true)
    // A clause (a comma) or a sentence ends what a negation negates.
    for (const text of [
      'It is not, a single file is possible to decompress in place.',
      'It is not. A single file is possible to decompress in place.',
    ])
      expect(opposite(text, text, possible, possible)).toBe(false)
    // LGPL 2.1 and 3: a negation of a word only one side has.
    const lgpl3 = 'if the incorporated material is not limited to numerical parameters, data structure layouts and accessors'
    const lgpl21 = 'the object file uses only numerical parameters, data structure layouts and accessors'
    expect(opposite(lgpl3, lgpl3, lgpl21, lgpl21)).toBe(false)
  })

  it('leaves a pair whose sides both negate what they share, or whose "not" negates nothing', () => {
    // CC0 and Apache 2.0: both disclaim; CC0's side paired from "warranties", after its "no".
    const cc0 = 'Affirmer offers the Work as-is and makes no representations or warranties of any kind concerning the Work'
    const apache = 'WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied'
    expect(opposite(cc0, 'warranties of any kind concerning the Work', apache, apache)).toBe(false)
    expect(opposite(apache, apache, cc0, 'warranties of any kind concerning the Work')).toBe(false)
    // Idioms (a reviewer): "whether or not", "with or without", "not only", "no-charge".
    const able = 'A single file is able to decompress in place.'
    for (const text of [
      'Whether or not a single file is able to decompress in place, it is kept.',
      'With or without modification, a single file is able to decompress in place.',
      'A single file is not only able to decompress in place but also to copy.',
    ])
      expect(opposite(text, text, able, able)).toBe(false)
    const apacheGrant = 'a perpetual, worldwide, no-charge license to copy, modify and distribute the software'
    const mit = 'granted, free of charge, to copy, modify and distribute the software'
    expect(opposite(apacheGrant, apacheGrant, mit, mit)).toBe(false)
  })

  it('reads the other side broadly, so as to keep a pair when in doubt (a reviewer)', () => {
    // Both negate, one with a word between: "no additional restrictions", "not easily possible".
    const restrictions = 'You may impose no restrictions on the exercise of the rights granted.'
    const additional = 'You may impose no additional restrictions on the exercise of the rights granted.'
    expect(opposite(restrictions, restrictions, additional, additional)).toBe(false)
    expect(opposite(additional, additional, restrictions, restrictions)).toBe(false)
    const easily = 'A single file is not easily possible to decompress in place.'
    const not = 'It is not possible to decompress a single file in place.'
    expect(opposite(easily, easily, not, not)).toBe(false)
    // "and" opens another clause as often as it joins a word to the negated one.
    const derivative = 'The library is not a derivative and users are free to link it.'
    const free = 'Users are free to link the library.'
    expect(opposite(derivative, derivative, free, free)).toBe(false)
  })

  it('reads no negation in a comparison, nor in one its clause negates again', () => {
    const most = 'The user name may be at most 32 characters long.'
    for (const text of ['The user name must be no more than 32 characters long.', 'The user name must not be longer than 32 characters.'])
      expect(opposite(text, text, most, most)).toBe(false)
    // GPL 2 and 3: one clause.
    const gpl2 = 'for a charge no more than your cost of physically performing source distribution'
    const gpl3 = 'for a price no more than your reasonable cost of physically performing this conveying of source'
    expect(opposite(gpl2, gpl2, gpl3, gpl3)).toBe(false)
    const without = 'The name may not be used to endorse products without specific prior written permission.'
    const with_ = 'The name may be used to endorse products only with specific prior written permission.'
    expect(opposite(without, without, with_, with_)).toBe(false)
    // Two negations otherwise are two (LGPL 2.1 and 3).
    const lgpl3 = 'other library facilities that are not Applications and are not covered by this License'
    const lgpl21 = 'other library facilities not covered by this License'
    expect(opposite(lgpl3, lgpl3, lgpl21, lgpl21)).toBe(false)
    // "neither ... nor" negates both.
    const neither = 'It is neither possible to decompress a single file in place nor useful.'
    const possible = 'A single file is possible to decompress in place.'
    expect(opposite(neither, neither, possible, possible)).toBe(true)
    // "not just" with no "but" negates.
    const just = 'You should not just delete the lock file.'
    const remove = 'Delete the lock file.'
    expect(opposite(just, just, remove, remove)).toBe(true)
  })

  it('reports no paraphrase of a sentence and its negation', () => {
    const page = (name: string, own: string) =>
      [
        `${name} compresses files with its own fast method. Compressed files of ${name} decompress on any system, and ${name} checks them.`,
        own,
        `Run ${name} on large files to see how it compares; ${name} reports the ratio it reached for the files.`,
      ].join('\n\n')
    const pages = (gzip: string, bzip2: string) =>
      findOverlaps(
        Object.entries({
          lz4: page('lz4', 'It is possible to concatenate .lz4 files as is. lz4 will decompress such files as one.'),
          xz: page('xz', 'It is possible to concatenate .xz files as is. xz will decompress such files as one.'),
          gzip: page('gzip', gzip),
          bzip2: page('bzip2', bzip2),
        }).map(([id, text]) => ({ id, text })),
      ).overlaps.filter((o) => o.kind === 'paraphrase' && o.passages.some((p) => /in place/.test(p.text)))
    const possible = 'A single file is possible to decompress in place, and concatenate too, whatever the system it was made on.'
    const impossible = 'A single file is not possible to decompress in place, nor to concatenate, whatever the system it was made on.'
    const said = (negated: boolean) =>
      `It is ${negated ? 'not ' : ''}possible to decompress a single file in place; concatenate files instead, on any system.`
    expect(pages(possible, said(false)).map((o) => o.passages.length)).toEqual([2])
    expect(pages(possible, said(true))).toEqual([])
    expect(pages(impossible, said(true)).map((o) => o.passages.length)).toEqual([2])
  })

  it('reads a verb that says "not" with its action as a negation, and two negations as none', () => {
    // scp's -B and ssh's -f (a reviewer: a false paraphrase).
    const batch = 'Selects batch mode (prevents asking for passwords or passphrases).'
    const background = 'This is useful if ssh is going to ask for passwords or passphrases.'
    expect(opposite(batch, 'prevents asking for passwords or passphrases', background, 'going to ask for passwords or passphrases')).toBe(
      true,
    )
    // GPL 3 and the Apache licence: both decline to grant, in their own words.
    const gpl = 'Declining to grant rights under trademark law for use of some trade names, trademarks, or service marks.'
    const apache = 'This License does not grant permission to use the trade names, trademarks, service marks.'
    expect(opposite(gpl, gpl.slice(0, -1), apache, apache.slice(0, -1))).toBe(false)
    // "does not prevent" says it may.
    const may = 'You may use the library in a proprietary program.'
    const notPrevented = 'This does not prevent you from using the library in a proprietary program.'
    expect(opposite(notPrevented, notPrevented.slice(0, -1), may, may.slice(0, -1))).toBe(false)
    expect(
      opposite(
        'It prevents you from using the library in a proprietary program.',
        'prevents you from using the library',
        may,
        may.slice(0, -1),
      ),
    ).toBe(true)
  })

  it('reads a negating verb only where it governs an action, and no cancelling past a subordinate clause (a reviewer)', () => {
    const same = (a: string, b: string) => opposite(a, a.slice(0, -1), b, b.slice(0, -1))
    // An object, or a noun the verb qualifies: nothing negated.
    expect(
      same(
        'The company reported declining market share across its European business units this year.',
        'This year, shrinking market share was reported across the European business units of the company.',
      ),
    ).toBe(false)
    expect(
      same(
        'Forbidden characters in uploaded file names are silently replaced by underscores.',
        'The server silently replaces invalid characters in file names of uploads with underscores.',
      ),
    ).toBe(false)
    expect(
      same(
        'The journal prevents corruption of the database after a crash.',
        'The journal avoids corruption of the database after a crash.',
      ),
    ).toBe(false)
    // "Nothing prevents" says you may.
    expect(
      same(
        'Nothing prevents you from copying the files to another machine for backup.',
        'You are free to copy the files to another machine as a backup.',
      ),
    ).toBe(false)
    // "not" governs "retry"; "refuses" is in the "when" clause.
    expect(
      same(
        'Do not retry the request when the remote server refuses the connection.',
        'If the remote server rejects the connection, the client should not retry the request.',
      ),
    ).toBe(false)
  })

  it('reads "rather than" and "instead of" as negating what follows them (a reviewer of sed\'s manuals)', () => {
    const same = (a: string, b: string) => opposite(a, a.slice(0, -1), b, b.slice(0, -1))
    // sed's Info manual and its page: the page sets aside the single stream the manual describes.
    const manual = 'By default, sed will consider the files specified on the command line as a single continuous long stream.'
    expect(same(manual, 'Consider files as separate rather than as a single, continuous long stream.')).toBe(true)
    expect(same(manual, 'Consider the files one at a time instead of a single continuous long stream.')).toBe(true)
    // What each side says is what the other does: no opposite.
    expect(same('Consider files as separate rather than as one stream.', 'Consider the files as separate files.')).toBe(false)
    expect(same('Rather than a stream, the files are read as separate files.', 'The files are read as separate files.')).toBe(false)
    // "rather" alone, and "than" after a comparative, negate nothing.
    expect(same('The files are rather large for a single stream.', 'The files are large for a single stream.')).toBe(false)
  })

  it('reads "all but" as negating what follows it, wherever it stands (a reviewer of head\'s and tail\'s pages)', () => {
    const same = (a: string, b: string) => opposite(a, a.slice(0, -1), b, b.slice(0, -1))
    const tail = 'Print the last 10 lines of each file to standard output.'
    expect(same('With a leading minus, print all but the last 10 lines of each file.', tail)).toBe(true)
    expect(same('All but the last 10 lines of each file are printed to standard output.', tail)).toBe(true)
    // "but" alone, and "all" before another word, negate nothing.
    expect(same('Print the last 10 lines of each file, but not to a terminal.', tail)).toBe(false)
    expect(same('Print all the last 10 lines of each file to standard output.', tail)).toBe(false)
  })

  it('reads "non" joined to a word by a hyphen as negating it (a tester of LLVM\'s pages)', () => {
    const same = (a: string, b: string) => opposite(a, a.slice(0, -1), b, b.slice(0, -1))
    const zero = 'The program exits with an exit code of zero.'
    expect(same('The program exits with a non-zero exit code if there is an error.', zero)).toBe(true)
    // Both negating it, or "non" standing apart: the same claim.
    expect(same('It exits with a non-zero exit code on error.', 'Exits with a non-zero exit code on error.')).toBe(false)
    expect(same('The program exits with the exit code of zero, non negotiable.', zero)).toBe(false)
  })

  it("reads no contrast that opens its clause: the clause after it says the claim (a reviewer of wget's and curl's manuals)", () => {
    const same = (a: string, b: string) => opposite(a, a.slice(0, -1), b, b.slice(0, -1))
    const curl = 'The time is given in seconds, or in minutes with the m suffix, or in hours with the h suffix.'
    // wget's manual: "Instead of in seconds, the time can be specified in minutes using the 'm' suffix".
    const fronted = 'Instead of in seconds, the time can be specified in minutes using the m suffix, in hours using the h suffix.'
    expect(same(fronted, curl)).toBe(false)
    expect(same(`The value is a number. ${fronted}`, curl)).toBe(false)
    expect(same(`The value is a number; ${fronted.replace('Instead', 'instead')}`, curl)).toBe(false)
    // Inside its clause, the same contrast sets aside what the other side says.
    expect(same('The time can be specified in minutes or hours instead of in seconds.', curl)).toBe(true)
  })
})
