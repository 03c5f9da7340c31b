import { describe, expect, it } from 'vitest'
import { MAX_POINTER_WORDS, inFurniture } from '../../main/core/engine/furniture.js'
import { findOverlaps } from '../../main/core/engine/overlaps.js'

// A document's furniture: the sections about it, not its subject (furniture.ts).

const page = (name: string, about: string, option: string, author: string) =>
  `${name.toUpperCase()}(8)            System Manager's Manual            ${name.toUpperCase()}(8)

NAME
       ${name} - ${about}

DESCRIPTION
       The program reads the kernel's counters from the proc file system once
       a second, sorts them by the column given and redraws the whole screen.

OPTIONS
       ${option}

AUTHOR
       ${name} was written by ${author}.

REPORTING BUGS
       Please send bug reports to <procps@freelists.org>; include the version
       you run, the kernel you run it on and the steps that reproduce the problem.

SEE ALSO
       ps(1), top(1), vmstat(8), free(1), uptime(1)
`

const pages = [
  { id: 'slabtop', text: page('slabtop', 'kernel slab caches', '-o  Display the output once and then exit.', 'Chris Rivera') },
  { id: 'vmstat', text: page('vmstat', 'virtual memory statistics', '-a  Switch on the active and inactive memory.', 'Henry Ware') },
  { id: 'tload', text: page('tload', 'system load average', '-s  Scale the graph by this many rows.', 'Branko Lankester') },
]

describe("a document's furniture", () => {
  it('is the text of its AUTHOR, REPORTING BUGS and SEE ALSO sections, and a README’s License, not its description', () => {
    const { text } = pages[0]
    const at = (words: string) => [text.indexOf(words), text.indexOf(words) + words.length] as const
    expect(inFurniture({ text }, ...at('Please send bug reports'))).toBe(true)
    // From the heading it opens with across the next furniture section.
    expect(inFurniture({ text }, text.indexOf('REPORTING BUGS'), text.indexOf('vmstat'))).toBe(true)
    expect(inFurniture({ text }, ...at('sorts them by the column'))).toBe(false)
    // Reaching into it from the options: not furniture only.
    expect(inFurniture({ text }, text.indexOf('Display the output'), text.indexOf('was written'))).toBe(false)
    expect(inFurniture({ text: 'No heading at all.' }, 0, 10)).toBe(false)
    const readme = '# gopd\n\nGets a property descriptor.\n\n## License\n\nMIT, see [LICENSE](LICENSE).\n\n```sh\n# License\n```\n'
    expect(inFurniture({ text: readme }, readme.indexOf('MIT'), readme.indexOf('see'))).toBe(true)
    expect(inFurniture({ text: readme }, readme.indexOf('Gets'), readme.indexOf('descriptor'))).toBe(false)
  })

  it('is no document\'s title: a guide titled "Contributing" is not its own furniture (a tester of /usr/share/doc)', () => {
    const guide = (title: string) => `${title}\n\nThank you for considering contributing to this distribution.\n\n## License\n\nMIT.\n`
    for (const title of ['CONTRIBUTING', '# Contributing', '\n\n# Contributing']) {
      const text = guide(title)
      expect(inFurniture({ text }, text.indexOf('Thank'), text.indexOf('distribution'))).toBe(false)
      // Its sections after the title still are.
      expect(inFurniture({ text }, text.indexOf('MIT'), text.indexOf('MIT') + 3)).toBe(true)
    }
    // A heading after text is a section, whatever it is called.
    const readme = 'A tool.\n\n## Contributing\n\nSend patches to the list.\n'
    expect(inFurniture({ text: readme }, readme.indexOf('Send'), readme.indexOf('list'))).toBe(true)
  })

  it('is a BUGS section that only says where to report them, not one that describes a bug (lz4, man-db)', () => {
    const pointer =
      'NAME\n       lz4 - lz4 files\n\nBUGS\n       Report bugs at: https://github.com/lz4/lz4/issues\n\nAUTHOR\n       Yann Collet\n'
    expect(inFurniture({ text: pointer }, pointer.indexOf('Report'), pointer.indexOf('Yann'))).toBe(true)
    const bug =
      'NAME\n       pmap - map\n\nBUGS\n       The -x option shows nothing for a process of another user; see https://example.org/1.\n'
    expect(inFurniture({ text: bug }, bug.indexOf('The -x'), bug.indexOf('user'))).toBe(false)
    expect(MAX_POINTER_WORDS).toBeLessThan(bug.slice(bug.indexOf('The -x')).split(/\s+/).length)
  })

  it('makes an overlap of two pages’ furniture boilerplate, and leaves what they say of their subjects (procps, a reviewer)', () => {
    const { overlaps } = findOverlaps(pages)
    const bugs = overlaps.find((o) => o.passages.some((p) => p.text.includes('Please send bug reports')))
    expect(bugs?.passages).toHaveLength(3)
    expect(bugs?.boilerplate).toBe(true)
    // What the pages say of their programs, alone or with the furniture after it: no boilerplate.
    const described = overlaps.filter((o) => o.passages.some((p) => p.text.includes('sorts them by the column')))
    expect(described.length).toBeGreaterThan(0)
    for (const o of described) expect(o.boilerplate).toBe(false)
  })
})
