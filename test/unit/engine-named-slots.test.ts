import { describe, expect, it } from 'vitest'
import { nameOtherThings } from '../../main/core/engine/named-slots.js'
import { findOverlaps } from '../../main/core/engine/overlaps.js'
import { analysed } from '../helpers.js'

// Statements of one template about different named things are no paraphrase (named-slots.ts).

describe('nameOtherThings', () => {
  const all = (x: ReturnType<typeof analysed>[number]) => [x, 0, x.starts.length - 1] as const
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

  it('reads names between the words lined up only, not before the first or after the last', () => {
    // A restatement may open with the option it describes, where the other opens otherwise.
    const [option, words] = analysed(
      '--default-type=module Interpret the input as ES modules or as CommonJS modules.',
      'This configures Node.js to interpret the input as ES modules or as CommonJS modules.',
    )
    expect(nameOtherThings(option, 0, option.starts.length - 1, words, 0, words.starts.length - 1)).toBe(false)
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
