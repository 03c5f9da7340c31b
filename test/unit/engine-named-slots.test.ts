import { describe, expect, it } from 'vitest'
import { clusterPairs, type PairLike, pairSides } from '../../main/core/engine/cluster.js'
import { nameOtherThings, partedByNames } from '../../main/core/engine/named-slots.js'
import { findOverlaps } from '../../main/core/engine/overlaps.js'
import { analysed } from '../helpers.js'

// Statements of one template about different named things are no paraphrase (named-slots.ts).

describe('nameOtherThings', () => {
  const all = (x: ReturnType<typeof analysed>[number]) => [x, 0, x.starts.length - 1] as const
  /** A dictionary's UnknownWord: whether a token's word (lower case) is not among `words`. */
  const outside =
    (words: ReadonlySet<string>) =>
    (doc: ReturnType<typeof analysed>[number], t: number): boolean =>
      !words.has(doc.text.slice(doc.starts[t], doc.ends[t]).toLowerCase())
  it('tells one template said of two named things from one thing said twice', () => {
    const [dh, dsa, pkcs8, pem, stats, tags, traditional, option, ipv6, brackets, capsA, capsB, eg, egAgain] = analysed(
      'This command is used to manipulate DH parameter files.',
      'This command is used to manipulate or generate DSA parameter files.',
      'Write the key using the traditional PKCS#8 format instead of the default format.',
      'Write the key using the traditional PEM format instead of the default format.',
      'Enable them with the `stats` option or by setting `cache.stats.enabled = true` at any time.',
      'Enable the `tags: true` option or by setting `cache.tags.enabled = true` at any time.',
      'Write the key using the traditional PKCS#1 format instead of the PKCS#8 format.',
      'If the -traditional option is used then a traditional format private key is written instead.',
      'IPv6 addresses must be enclosed in square brackets to avoid ambiguity.',
      'IPv6 addresses can be specified by enclosing the address in square brackets.',
      'THE SOFTWARE IS PROVIDED AS IS AND ANY WARRANTIES ARE DISCLAIMED BY THE AUTHORS OF IT.',
      'THE SOFTWARE IS PROVIDED AS IS WITHOUT WARRANTY OF NONINFRINGEMENT BY THE AUTHORS OF IT.',
      'Sizes are printed in a readable form, e.g. in kilobytes, by the program.',
      'Sizes are printed in a readable form, for example in megabytes, by the program.',
    )
    // Each has a name of its own where the other has one: an acronym, a name with a "#", a code span.
    expect(nameOtherThings(...all(dh), ...all(dsa))).toBe(true)
    expect(nameOtherThings(...all(pkcs8), ...all(pem))).toBe(true)
    expect(nameOtherThings(...all(stats), ...all(tags))).toBe(true)
    // A file name's extension.
    const [po, msg] = analysed(
      'Specify the base directory of ‘.po’ message catalogs for the program.',
      'With -d DIRECTORY, the base directory of .msg message catalogs for the program.',
    )
    expect(nameOtherThings(...all(po), ...all(msg))).toBe(true)
    // A name with no counterpart at its place (the option names in words what the format is), or
    // only one side naming anything there.
    expect(nameOtherThings(...all(traditional), ...all(option))).toBe(false)
    expect(nameOtherThings(...all(ipv6), ...all(brackets))).toBe(false)
    // A statement written in capitals has no acronyms; "e.g." is no name.
    expect(nameOtherThings(...all(capsA), ...all(capsB))).toBe(false)
    expect(nameOtherThings(...all(eg), ...all(egAgain))).toBe(false)
  })

  it('reads a name before the first word lined up or after the last only where it is the gap', () => {
    // A restatement may open with the option it describes, where the other opens otherwise; two
    // options' descriptions written to one template open with their names alone.
    const [option, words, cpu, heap] = analysed(
      '--default-type=module Interpret the input as ES modules or as CommonJS modules.',
      'This configures Node.js to interpret the input as ES modules or as CommonJS modules.',
      'If --cpu-prof-dir is not specified, the profile will be written to the current working directory.',
      'If --heap-prof-dir is not specified, the profile will be written to the current working directory.',
    )
    expect(nameOtherThings(...all(option), ...all(words))).toBe(false)
    expect(nameOtherThings(...all(cpu), ...all(heap))).toBe(true)
  })

  it('takes a word no dictionary knows for a name, where the caller knows which', () => {
    // shadow's pages: two commands' descriptions written to one template.
    const [chgpasswd, newusers] = analysed(
      'The chgpasswd command reads a list of pairs from standard input and uses this information to update a set of groups.',
      'The newusers command reads a file from standard input and uses this information to update a set of users.',
    )
    const dictionary = new Set([
      'command',
      'reads',
      'list',
      'pairs',
      'standard',
      'input',
      'uses',
      'information',
      'update',
      'set',
      'groups',
      'file',
      'users',
    ])
    const unknown = outside(dictionary)
    expect(nameOtherThings(...all(chgpasswd), ...all(newusers))).toBe(false)
    expect(nameOtherThings(...all(chgpasswd), ...all(newusers), unknown)).toBe(true)
    // In a sentence of another language, every word is one an English dictionary does not know.
    const [announced, presented] = analysed(
      'Le gouvernement a annoncé une réforme des retraites pour la fin de l’année.',
      'Le gouvernement a présenté une réforme des retraites pour la fin de l’année.',
    )
    expect(nameOtherThings(...all(announced), ...all(presented), () => true)).toBe(false)
  })

  it('takes a content word of two letters for a name, in English, where the caller has a dictionary', () => {
    // shadow's login.defs(5) and sg(1): one template said of two commands. WordNet knows "sg"
    // (seaborgium), not "su".
    const [su, sg, kb, kilobytes] = analysed(
      'Enable "syslog" logging of su activity - in addition to sulog file logging.',
      'Enable "syslog" logging of sg activity.',
      'The program prints the size of each file in kb.',
      'The program prints the size of each file in kilobytes.',
    )
    const unknown = outside(new Set(['enable', 'logging', 'activity', 'addition', 'file', 'sg', 'program', 'prints', 'size', 'kilobytes']))
    expect(nameOtherThings(...all(su), ...all(sg), unknown)).toBe(true)
    expect(nameOtherThings(...all(su), ...all(sg))).toBe(false)
    // Against a word of its own, not a name, it is the restatement's wording.
    expect(nameOtherThings(...all(kb), ...all(kilobytes), unknown)).toBe(false)
  })
})

describe('partedByNames', () => {
  it('parts a cluster of restatements joined through a passage that restates two statements of one template', () => {
    // Node.js's page and its documentation: the snapshot blob's default restates both options'.
    const docs = analysed(
      'If --cpu-prof-dir is not specified, the profile will be written to the current working directory.',
      'If --heap-prof-dir is not specified, the profile will be written to the current working directory.',
      'If `--cpu-prof-dir` is not specified, the generated profile is placed in the current working directory.',
      'If `--heap-prof-dir` is not specified, the generated profile is placed in the current working directory.',
      'If not specified, the generated blob is written to `snapshot.blob` in the current working directory.',
    )
    const whole = (doc: number) => ({ doc, start: 0, end: docs[doc].starts.length - 1 })
    const list: PairLike[] = [
      { a: whole(0), b: whole(2) },
      { a: whole(1), b: whole(3) },
      { a: whole(0), b: whole(4) },
      { a: whole(1), b: whole(4) },
    ]
    const pairs = { ...pairSides(list), score: (i: number) => 4 - i }
    const clusters = clusterPairs(pairs)
    expect(clusters).toHaveLength(1)
    const documents = (cs: ReturnType<typeof clusterPairs>) => cs.map((c) => c.passages.map((p) => p.doc).sort())
    expect(documents(partedByNames(clusters, pairs, docs, () => true))).toEqual([
      [0, 2, 4],
      [1, 3, 4],
    ])
    // Copies edited in a word or two are one template's boilerplate, and stay one cluster.
    expect(documents(partedByNames(clusters, pairs, docs, (i) => i !== 2))).toEqual([[0, 1, 2, 3, 4]])
  })
})

describe('findOverlaps, manual pages written to templates', () => {
  it('reports no paraphrase between two parameter files described alike', () => {
    // OpenSSL's dhparam and dsaparam pages: the paraphrase pass paired them on "command, used,
    // manipulate, generate, parameter, files".
    const texts = [
      {
        id: 'dhparam',
        text: 'NAME\n\nopenssl-dhparam - DH parameter manipulation and generation\n\nDESCRIPTION\n\nThis command is used to manipulate DH parameter files, which the server reads at start.\n',
      },
      {
        id: 'dsaparam',
        text: 'NAME\n\nopenssl-dsaparam - DSA parameter manipulation and generation\n\nDESCRIPTION\n\nThis command is used to manipulate or generate DSA parameter files, which signing tools read.\n',
      },
      {
        id: 'gendsa',
        text: 'NAME\n\nopenssl-gendsa - generate a DSA private key from a set of parameters\n\nDESCRIPTION\n\nThe parameter files that this command manipulates or generates hold DSA settings for keys.\n',
      },
    ]
    const { overlaps } = findOverlaps(texts)
    const pairs = overlaps.filter((o) => o.kind === 'paraphrase').map((o) => o.passages.map((p) => p.doc).sort())
    expect(pairs).not.toContainEqual(['dhparam', 'dsaparam'])
  })
})
