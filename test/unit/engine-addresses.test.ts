import { describe, expect, it } from 'vitest'
import { addressesIn, pointElsewhere } from '../../main/core/engine/addresses.js'
import { findOverlaps } from '../../main/core/engine/overlaps.js'
import { analysed } from '../helpers.js'

// Statements that point at different addresses are no paraphrase (addresses.ts).

describe('addressesIn', () => {
  it('reads web and e-mail addresses whole, without scheme, "mailto:", "www." or the full stop after them', () => {
    const [doc] = analysed('Write to mailto:Debian-Python@lists.debian.org or see https://www.python.org/doc/. Thanks')
    // The passage starts and ends inside the two addresses: each is read whole all the same.
    const from = doc.starts.findIndex((s) => doc.text.slice(s).startsWith('Python@'))
    const to = doc.starts.findIndex((s) => doc.text.slice(s).startsWith('python.org'))
    expect(addressesIn(doc, from, to)).toEqual(['debian-python@lists.debian.org', 'python.org/doc'])
    expect(addressesIn(doc, doc.starts.length - 1, doc.starts.length - 1)).toEqual([])
  })
})

describe('pointElsewhere', () => {
  const all = (x: ReturnType<typeof analysed>[number]) => [x, 0, x.starts.length - 1] as const
  it('tells two statements pointing at other addresses from two pointing at one, or one pointing nowhere', () => {
    const [python, sgml, again, page, nowhere] = analysed(
      'a mailing list for issues related to Python on Debian systems: debian-python@lists.debian.org',
      "Debian mailing list 'debian-sgml@lists.debian.org' is used to discuss issues related to XML and SGML",
      'issues related to Python go to <mailto:DEBIAN-PYTHON@lists.debian.org>.',
      '[Keyv docs](https://github.com/lukechilds/keyv) for more information on storage adapters',
      'a mailing list for issues related to Python on Debian systems',
    )
    const [issues, other] = analysed(
      'see the issues at github.com/lukechilds/keyv/issues',
      '[keyv-file](https://github.com/zaaack/keyv-file)',
    )
    expect(pointElsewhere(...all(python), ...all(sgml))).toBe(true)
    expect(pointElsewhere(...all(python), ...all(again))).toBe(false)
    expect(pointElsewhere(...all(python), ...all(nowhere))).toBe(false)
    // A page of an address is there; another project on the same site is not.
    expect(pointElsewhere(...all(page), ...all(issues))).toBe(false)
    expect(pointElsewhere(...all(page), ...all(other))).toBe(true)
  })
})

describe('findOverlaps, notes that say where things are', () => {
  it('reports no paraphrase between two mailing lists, and keeps the statement that points at the same one', () => {
    // Debian's README files of python3.11 and sgml-base: the paraphrase pass read no address as
    // words, and paired the two lists on "mailing list ... issues related to ... on Debian systems".
    const texts = [
      {
        id: 'python',
        text:
          'Python on Debian\n\nThe Debian packages of Python are built from the upstream sources with a few patches applied.\n\n' +
          "There's a mailing list for discussion of issues related to Python on Debian systems: debian-python@lists.debian.org. The list is open to everyone.\n",
      },
      {
        id: 'sgml',
        text:
          'SGML and XML on Debian\n\nThe catalogs of the installed packages are registered by update-catalog when a package is configured.\n\n' +
          "Debian mailing list 'debian-sgml@lists.debian.org' is used to discuss issues related to XML and SGML on Debian systems. Please send your questions there.\n",
      },
      {
        id: 'packaging',
        text:
          'Notes for packagers\n\nQuestions about packaging go to the mailing list for discussion of issues related to Python on Debian systems ' +
          '(debian-python@lists.debian.org), where the team reads them.\n',
      },
    ]
    const { overlaps } = findOverlaps(texts)
    expect(overlaps.filter((o) => o.passages.some((p) => p.doc === 'sgml'))).toEqual([])
    const python = overlaps.filter((o) => o.passages.some((p) => p.doc === 'python'))
    expect(python.map((o) => o.passages.map((p) => p.doc))).toEqual([['python', 'packaging']])
  })
})
