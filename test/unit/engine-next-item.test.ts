import { describe, expect, it } from 'vitest'
import { findOverlaps } from '../../main/core/engine/overlaps.js'
import { MAX_ITEM_TOKENS, withoutNextItems } from '../../main/core/engine/next-item.js'
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

  it('keeps the words of a next paragraph that opens no item, or that one passage goes on into', () => {
    // A changelog's next entry opens alike in both: what two changelogs share (paragraph-edge.ts).
    const [a, b, c] = analysed(
      'Update the translations for the new release of the program.\n\n * New upstream release\n',
      'Update the translations for the new release of the program.\n\n * New upstream version\n',
      'Update the translations for the new release of the program.\n\n-r the rest of its sentence goes on\n',
    )
    const end = (doc: typeof a) => doc.starts.findIndex((s) => doc.text.startsWith('New', s)) + 1
    const bullets = [
      { doc: 0, start: 0, end: end(a) },
      { doc: 1, start: 0, end: end(b) },
    ]
    expect(withoutNextItems(bullets, [a, b])).toBe(bullets)
    // One passage ends on an option's name, the other inside a paragraph that is no item.
    const rIn = (doc: typeof a) => doc.starts.findIndex((s) => doc.text.startsWith('r ', s))
    const mixed = [
      { doc: 0, start: 0, end: end(a) },
      { doc: 2, start: 0, end: rIn(c) },
    ]
    expect(withoutNextItems(mixed, [a, b, c])).toBe(mixed)
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
})
