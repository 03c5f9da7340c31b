import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  MAX_INSERTED_HEAD,
  MAX_SENTENCE_TAIL,
  SAME_HEAD_WORDS,
  SentenceEdges,
  sentenceTails,
} from '../../main/core/engine/sentence-tails.js'
import { findOverlaps } from '../../main/core/engine/overlaps.js'
import { endsSentence, fullLineOf, sentenceStarts } from '../../main/core/engine/sentences.js'
import { analysed } from '../helpers.js'

// Two texts of numbered words: "w0 w1 ... w9. W10 ... w29. W30 ...", sentences of 10 and 20 words.
const sentence = (from: number, to: number) =>
  Array.from({ length: to - from }, (_, k) => (k === 0 ? `W${from + k}` : `w${from + k}`)).join(' ') + '.'
const docs = analysed([sentence(0, 10), sentence(10, 30), sentence(30, 40)].join(' '), [sentence(0, 12), sentence(12, 50)].join(' '))
const edges = new SentenceEdges(docs)

describe('sentenceTails', () => {
  it("takes every passage to its sentence's end when each stops at most MAX_SENTENCE_TAIL words short", () => {
    expect(
      sentenceTails(
        [
          { doc: 0, start: 10, end: 27 },
          { doc: 1, start: 12, end: 49 },
        ],
        edges,
      ),
    ).toEqual([
      { doc: 0, start: 10, end: 29 },
      { doc: 1, start: 12, end: 49 },
    ])
  })

  it('takes a passage exactly MAX_SENTENCE_TAIL words short, and not over text left out (blanked)', () => {
    const short = [
      { doc: 0, start: 10, end: 29 - MAX_SENTENCE_TAIL },
      { doc: 1, start: 12, end: 49 },
    ]
    expect(sentenceTails(short, edges).map((p) => p.end)).toEqual([29, 49])
    // "w7" left out of a copy (blanked, offsets kept): its passage is not taken over it, and so
    // neither is the other.
    const blanked = analysed(docs[0].text.replace(' w7 ', '    '), docs[1].text)
    const both = [
      { doc: 0, start: 2, end: 5 },
      { doc: 1, start: 2, end: 5 },
    ]
    expect(sentenceTails(both, edges).map((p) => p.end)).toEqual([9, 11])
    expect(sentenceTails(both, new SentenceEdges(blanked)).map((p) => p.end)).toEqual([5, 5])
  })

  it('goes over a line break only into a line that goes on in lower case', () => {
    // Fields of a Debian copyright file, wrapped text to sentences.ts: a name's line ends there.
    // (A dozen lines of about one length: a wrapped text, whose lines run on as far as sentences.ts reads them.)
    const names = Array.from({ length: 12 }, (_, k) => ` 2012-2019 Developer Number${k} <developer${k}@debian.org>`).join('\n')
    const fields = analysed(
      `Copyright:${names}\n 2012-2019 Michael Gilbert <mgilbert@debian.org>\nLicense: BSD-3-clause\n\nMore.`,
      `Copyright:${names}\n 2012-2019 Michael Gilbert <mgilbert@debian.org>\nand the rest of the team.\n\nMore.`,
    )
    const fieldEdges = new SentenceEdges(fields)
    const at = (d: number, word: string) =>
      [...fields[d].starts].findLastIndex((s, t) => fields[d].text.slice(s, fields[d].ends[t]) === word)
    expect(endsSentence(fields[0], at(0, 'org'), fullLineOf(fields[0]))).toBe(false)
    expect(fieldEdges.distance(0, at(0, 'org'), 1)).toBe(Infinity)
    expect(fieldEdges.distance(1, at(1, 'org'), 1)).toBe(6)
  })

  it('leaves the passages as they are when one of them stops further short, at either edge', () => {
    const far = [
      { doc: 0, start: 10, end: 29 - MAX_SENTENCE_TAIL - 1 },
      { doc: 1, start: 12, end: 47 },
    ]
    expect(sentenceTails(far, edges)).toEqual(far)
    // Starts 3 and 2 words into their sentences are taken back; the ends, too far, are left.
    expect(
      sentenceTails(
        [
          { doc: 0, start: 13, end: 20 },
          { doc: 1, start: 14, end: 30 },
        ],
        edges,
      ),
    ).toEqual([
      { doc: 0, start: 10, end: 20 },
      { doc: 1, start: 12, end: 30 },
    ])
  })

  it("reads a wrapped text's line length as splitting it into lines would (the scan that replaced it)", () => {
    /** The length a line must reach to run on, computed the plain way: lines split, trimmed, sorted. */
    const reference = (text: string): number => {
      const lengths = text
        .split(/\r\n|[\n\r\u2029]/)
        .map((line) => line.trim())
        .filter((line) => /[\p{L}\p{N}]/u.test(line))
        .map((line) => line.length)
      if (lengths.length < 8 || lengths.filter((l) => l <= 100).length < 0.8 * lengths.length) return Infinity
      return 0.75 * lengths.sort((a, b) => a - b)[lengths.length >> 1]
    }
    const pieces = fc.constantFrom(
      'word',
      'Ωμέγα',
      '𝔄𝔰',
      '12',
      ' ',
      '  ',
      '\t',
      '\u00a0',
      '\ufeff',
      '\u2028',
      '\n',
      '\r\n',
      '\r',
      '\u2029',
      '.',
      '-',
    )
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 400 }), fc.integer({ min: 1, max: 60 }), (parts, width) => {
        // Lines of about `width` characters, so that some texts are wrapped.
        const text = parts.map((p, k) => (k % width === width - 1 ? `${p}\n` : p)).join('')
        const [doc] = analysed(text)
        expect(fullLineOf(doc)()).toBe(reference(text))
      }),
      { numRuns: 500 },
    )
    // And sentences start where they did (sentences.ts, the same gaps read).
    expect([...sentenceStarts(docs[0])]).toEqual([0, 10, 30, 40])
  })
})

describe('a verbatim copy stopped short of its sentences', () => {
  it("is read to them where the words it stops short of differ, and is near-verbatim (OpenSSH's pages, a reviewer)", () => {
    const shared = 'keys provided by the PKCS#11 shared library pkcs11.'
    const { overlaps } = findOverlaps([
      { id: 'ssh-add', text: `OPTIONS\n     -e pkcs11\n             Remove ${shared}\n\n     -v      Verbose mode.\n` },
      { id: 'ssh-keygen', text: `OPTIONS\n     -D pkcs11\n             Download the public ${shared}\n\n     -q      Silence.\n` },
    ])
    const copy = overlaps.find((o) => o.passages.some((p) => p.text.includes('PKCS#11')))!
    expect(copy.kind).toBe('variant')
    expect(copy.passages.map((p) => p.text)).toEqual([`Remove ${shared}`, `Download the public ${shared}`])
  })

  it('is read to them where a figure differs, and is near-verbatim (a tester: "updated by 12 percent." / "15 percent.")', () => {
    const shared =
      'New productive forces could help focus on the ways and means of finding economic momentum at a time when the ' +
      'economy has been rattled by the failing real estate market, according to industry experts. The labour figures were updated by'
    const { overlaps } = findOverlaps([
      { id: 'a', text: `Opening remarks.\n\n${shared} 12 percent.\n` },
      { id: 'b', text: `Closing notes.\n\n${shared} 15 percent.\n` },
    ])
    expect(overlaps).toHaveLength(1)
    expect(overlaps[0].kind).toBe('variant')
    expect(overlaps[0].passages.map((p) => p.text.split('updated by ')[1])).toEqual(['12 percent.', '15 percent.'])
    expect(overlaps[0].variants[0].changes?.filter((c) => c.op !== 'equal').map((c) => [c.a, c.b])).toEqual([['12', '15']])
  })

  it('stays as found where they differ in numbers only, or one copy stops at its line', () => {
    const heading = (date: string) => `Noteworthy changes in version 1.3.0 of the library and its tools (${date})`
    const { overlaps } = findOverlaps([
      { id: 'a', text: `${heading('2007-05-04')}\n\n* Fixed the parser.\n` },
      { id: 'b', text: `${heading('2012-09-27')}\n\n* Faster start.\n` },
    ])
    expect(overlaps[0]?.kind).toBe('verbatim')
  })
})

describe('insertedHeads', () => {
  it('starts a passage at its sentence where the sentence begins as another passage does, words inserted after (util-linux, a reviewer)', () => {
    // lsblk inserts "as well as the default output from options like --fs and --topology" into the
    // sentence wipefs gives plainly; the passage started on the line after the insertion.
    const tail = 'So whenever possible, you should avoid using default outputs in your scripts.\n'
    const documents = [
      {
        id: 'lsblk',
        text:
          'Use lsblk --help to get a list of all available columns.\n\n       The default output, as well as the default output from options like\n' +
          `       --fs and --topology, is subject to change. ${tail}`,
      },
      { id: 'wipefs', text: `When used without options, wipefs lists all filesystems. The default output is subject to change. ${tail}` },
    ]
    const { overlaps } = findOverlaps(documents, { paraphrase: false })
    const shared = overlaps.find((o) => o.passages.some((p) => p.text.includes('subject to change')))
    expect(shared?.kind).toBe('variant')
    expect(shared?.passages.map((p) => p.text.slice(0, 18))).toEqual(['The default output', 'The default output'])
    expect(MAX_INSERTED_HEAD).toBeGreaterThanOrEqual(13)
    expect(SAME_HEAD_WORDS).toBe(3)
    // A sentence that begins otherwise is not taken back: "If input file is -" against "If no input".
    const other = findOverlaps(
      [
        { id: 'a', text: `Read the catalogue first. Whenever it can, the default output is subject to change. ${tail}` },
        { id: 'b', text: `Read the index first. The default output is subject to change. ${tail}` },
      ],
      { paraphrase: false },
    ).overlaps.find((o) => o.passages.some((p) => p.text.includes('subject to change')))
    expect(other?.passages.find((p) => p.doc === 'a')?.text.startsWith('Whenever')).toBe(false)
  })

  it("takes a passage to the subject of a paragraph it holds most of, on its own line only (a reviewer of CMake's help)", () => {
    // Three policies' first paragraphs, one sentence each, alike but for their subjects: the
    // passages started after them, mid-sentence ("runtime library flags are ...").
    const policy = (version: string, subject: string, abi: string, what: string) =>
      `.. versionadded:: ${version}\n\n${subject} flags are selected by an abstraction.\n\nCompilers targeting the ${abi} ABI have flags to select the ${what}.\n`
    const [o] = findOverlaps(
      [
        { id: 'cmp0091', text: policy('3.15', 'MSVC runtime library', 'MSVC', 'MSVC runtime library') },
        { id: 'cmp0136', text: policy('3.24', 'Watcom runtime library', 'Watcom', 'Watcom runtime library') },
        { id: 'cmp0141', text: policy('3.25', 'MSVC debug information format', 'MSVC', 'debug information format') },
      ],
      { paraphrase: false },
    ).overlaps
    expect(o.kind).toBe('variant')
    expect(o.passages.map((p) => p.text.split(' flags')[0])).toEqual([
      'MSVC runtime library',
      'Watcom runtime library',
      'MSVC debug information format',
    ])
    // A sentence's words on the line before the passage are a heading ("NAME"), not taken; nor
    // are the words after a heading the passage ends with ("SYNOPSIS", "## 2.").
    const tails = analysed(
      'NAME\n       touch - change file timestamps now\n\nSYNOPSIS\n       touch [OPTION]... FILE...\n',
      'Changes.\n\n## Part two, see the other README file for more\n',
    )
    const lines = new SentenceEdges(tails)
    const at = (d: number, word: string) => tails[d].starts.findIndex((s) => tails[d].text.startsWith(word, s))
    const name = [{ doc: 0, start: at(0, 'touch'), end: at(0, 'OPTION') }]
    expect(sentenceTails(name, lines)).toEqual(name)
    const synopsis = [{ doc: 0, start: at(0, 'change'), end: at(0, 'OPTION') }]
    expect(sentenceTails(synopsis, lines)).toEqual(synopsis)
    const heading = [{ doc: 1, start: 0, end: at(1, 'README') }]
    expect(sentenceTails(heading, lines)).toEqual(heading)
  })

  it("takes no passage to the sentence of another paragraph it opens with (a tester's licence clause)", () => {
    const clause = (verb: string) =>
      '5.2. If You initiate litigation against any entity by asserting a patent infringement claim (excluding declaratory ' +
      'judgment actions, counter-claims, and cross-claims) alleging that a Contributor Version directly or indirectly ' +
      `infringes any patent, then the rights granted to You by any and all Contributors ${verb} terminate.`
    // Verbatim, and near-verbatim by a word: each passage opens with "the License." of a line of
    // its own, which it is not taken back over ("You may obtain a copy of" / "Nothing here modifies").
    for (const verb of ['shall', 'will']) {
      const [overlap] = findOverlaps(
        [
          { id: 'a', text: `You may obtain a copy of the License.\n\n${clause('shall')}\n` },
          { id: 'b', text: `Nothing here modifies the License.\n\n${clause(verb)}\n` },
        ],
        { paraphrase: false },
      ).overlaps
      expect(overlap.kind).toBe(verb === 'shall' ? 'verbatim' : 'variant')
      expect(overlap.passages.map((p) => p.text.slice(0, 12))).toEqual(['the License.', 'the License.'])
    }
  })
})
