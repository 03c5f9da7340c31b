import { describe, expect, it } from 'vitest'
import { attribute } from '../../main/core/definitions/attribution.js'
import { isQuestion, judgeMention, predicateOf } from '../../main/core/definitions/patterns.js'
import { readStatedMetadata } from '../../main/core/project/metadata.js'
import { withMemo } from '../../main/core/project/memo.js'
import { readHtml } from '../../main/node/import/html.js'
import { LINK, nameJoins, namesIn, nonWordTokens } from '../../main/core/engine/nonwords.js'
import { headings } from '../../main/core/engine/headings.js'
import { furnitureHeadings } from '../../main/core/engine/furniture.js'
import { tokenize } from '../../main/core/engine/tokenize.js'
import { onCodeLines } from '../../main/core/engine/code-lines.js'
import { nameOtherThings } from '../../main/core/engine/named-slots.js'
import { nameOtherVersions } from '../../main/core/engine/cited-numbers.js'
import { pointElsewhere } from '../../main/core/engine/addresses.js'
import { findOverlaps } from '../../main/core/engine/overlaps.js'
import { analysed } from '../helpers.js'

// Patterns read on what a user's files hold, on inputs that made them try the same text in
// polynomially many ways (an audit with recheck, each confirmed by timing: seconds for a few
// kilobytes, and a larger file would hang the app). Each input is many times the size that took
// seconds before; read as rewritten, each takes milliseconds, and reads what it read before.

/** A run of n spaces. */
const spaces = (n: number) => ' '.repeat(n)

describe('patterns on hostile inputs', () => {
  it("reads a file's stated metadata whose lines are padded with spaces and broken by lone carriage returns", () => {
    // Front matter: "key:" then spaces around a value and a carriage return inside the line.
    const front = `---\ntitle:${spaces(20_000)}x${spaces(20_000)}\rx\nauthor: Jane Roe\n---\n\nBody.`
    expect(readStatedMetadata(front, true).author).toBe('Jane Roe')
    // A by-line the same way: one line of the file, as lines are split at line feeds only.
    const byline = `By${spaces(20_000)}x${spaces(20_000)}\rx\nBody.`
    expect(readStatedMetadata(byline)).toMatchObject({ title: 'Body.', author: '' })
    // A citation-like last line with quotation marks, commas and a carriage return.
    const cite = `Body.\n\nA, “"${'” ,'.repeat(3_000)}${'. ,'.repeat(3_000)}\r\n`
    expect(readStatedMetadata(cite)).toMatchObject({ author: '', outlet: '' })
    // What they read is as before.
    expect(readStatedMetadata('---\ntitle:  "A Title"  \nempty:\n---\n\nBody.', true).title).toBe('A Title')
    expect(readStatedMetadata('Growth in the South\nBy Jane Roe  \n\nBody.').author).toBe('Jane Roe')
  })

  it('reads a question, and what follows a term, past long runs of white space', () => {
    expect(isQuestion(`${'what is '.repeat(3_000)}?${spaces(3_000)}x`)).toBe(false)
    expect(isQuestion('So what exactly does it imply? ”')).toBe(true)
    // After a mention: a quotation mark, then the words before a defining verb.
    expect(predicateOf(`”${spaces(20_000)}x`)).toBeNull()
    expect(predicateOf(` for a${spaces(20_000)}x`)).toBeNull()
    expect(predicateOf(` is${spaces(20_000)},${spaces(20_000)}x`)).toBe('copula')
    expect(predicateOf('” for a work in object code form means the source code')).toBe('means')
  })

  it("trims a memo's trailing white space however long", () => {
    expect(withMemo<{ id: string; memo?: string }>({ id: 'a' }, `note${spaces(60_000)}x${spaces(60_000)}`).memo).toBe(
      `note${spaces(60_000)}x`,
    )
  })

  it('reads an HTML page whose preformatted block holds a long run of spaces (10 s for 64,000 before)', () => {
    const page = `<html><head><title>T</title></head><body><article><pre>x${spaces(200_000)}x\ny</pre><p>One paragraph of the article, long enough for the reader to keep it as the page's text.</p></article></body></html>`
    expect(readHtml(new TextEncoder().encode(page), 'page.html').text).toBe(
      `T\n\nx${spaces(200_000)}x\ny\n\nOne paragraph of the article, long enough for the reader to keep it as the page's text.\n`,
    )
  })

  it('reads who speaks in a sentence of a text without full stops (a table out of a PDF) in its last words before the term', () => {
    const head = `A told ${'\t'.repeat(50_000)}\u0000 `
    const text = `${head}new quality productive forces means growth driven by innovation.`
    expect(attribute(text, 0, text.length, head.length, 0, [])).toBeNull()
    const closing = `Growth means innovation, according to ${spaces(50_000)}\u0000`
    expect(attribute(closing, 0, closing.length, 0, 0, [])).toBeNull()
    // A speaker named in the sentence is read as before.
    const said = 'Professor Li Wei once pointed out that new quality productive forces means growth driven by innovation.'
    expect(attribute(said, 0, said.length, said.indexOf('new quality'), 0, [])).toMatchObject({ speaker: 'Li Wei', form: 'reported' })
  })

  it('marks the tags of a text with fourteen megabytes of unclosed HTML comments (3 s a megabyte before)', () => {
    // Each "<!--" was read MAX_COMMENT characters on for its "-->" (and, with one "-->" past the
    // last of them, farther than that, would each search to it). The tag: "a", "href", "y", "a".
    const [open] = analysed(`${'<!-- x '.repeat(2_000_000)}<a href="y">z</a>${' w'.repeat(3_000)} -->`)
    const marks = nonWordTokens(open)
    expect(marks.filter((m) => m & LINK)).toHaveLength(4)
    // A comment still holds what it holds, and a tag after it is read.
    const [closed] = analysed('Then <!-- a <b>licence</b> notice --> <i>call</i> it.')
    expect([...nonWordTokens(closed)].map((m, t) => [closed.text.slice(closed.starts[t], closed.ends[t]), m & LINK ? 1 : 0])).toEqual([
      ['Then', 0],
      ['a', 0],
      ['b', 0],
      ['licence', 0],
      ['b', 0],
      ['notice', 0],
      ['i', 1],
      ['call', 0],
      ['i', 1],
      ['it', 0],
    ])
  })

  // A tester's inputs, each seconds to minutes for a few hundred kilobytes before.
  it('reads a line of a "#" and spaces as no heading, and the headings around it (12 s for 500 spaces before)', () => {
    const text = `NAME\n${'#'}${spaces(5_000)}#y\n## Results${spaces(20_000)}# see below\n## License ##  \nSEE ALSO\n`
    expect(headings({ text }).titles).toEqual(['NAME', 'LICENSE', 'SEE ALSO'])
  })

  it("reads a BUGS section of one long run of a name's characters (27 s for 160,000 before)", () => {
    const text = `NAME\n\nSYNOPSIS\n\nBUGS\n       ${'a.'.repeat(100_000)}\n`
    expect([...furnitureHeadings({ text })]).toEqual([0, 0, 0])
    // A section that only points at where to report bugs is still furniture.
    expect([...furnitureHeadings({ text: 'NAME\n\nSYNOPSIS\n\nBUGS\n       Report bugs to bug-grep@gnu.org.\n' })]).toEqual([0, 0, 1])
  })

  it('tokenises a word hyphenated at the end of every line (14 s for 100,000 lines before)', () => {
    // (Three letters a line: fewer after a line-end hyphen are a word of their own, line-end-hyphens.ts.)
    const { count, starts, ends } = tokenize('abc-\n'.repeat(100_000))
    expect(count).toBe(1)
    expect([starts[0], ends[0]]).toEqual([0, 499_998])
  })

  it('compares the names of two copies of a path of 200 KB, every pair inside it (over two minutes and 2.7 GB before)', () => {
    const folders = ['alpha', 'beta', 'gamma', 'delta', 'river', 'stone', 'policy', 'market', 'growth', 'system', 'forces', 'quality']
    const path = `/usr/${Array.from({ length: 28_000 }, (_, k) => folders[(k * 7 + (k >> 3)) % folders.length]).join('/')}`
    const half = path.lastIndexOf('/', path.length >> 1)
    const [a, b] = analysed(
      `The river flows past the old stone bridge. ${path}`,
      `Other words. ${path.slice(0, half)} inserted changed words here. ${path.slice(half)}`,
    )
    // The names each side touches, read once per document; a pair of one name's words in each.
    expect(namesIn(a, 0, a.starts.length - 1)).toHaveLength(1)
    expect(namesIn(b, 0, b.starts.length - 1)).toHaveLength(2)
    const at = (doc: typeof a, word: number) => doc.starts.findIndex((s) => s > doc.text.indexOf('/usr/')) + word
    expect(nameJoins(a, at(a, 0), at(a, 20), b, at(b, 0), at(b, 20))).toBe(0)
    const { overlaps } = findOverlaps([
      { id: 'a', text: a.text },
      { id: 'b', text: b.text },
    ])
    expect(overlaps.length).toBeGreaterThan(0)
  })

  it('reads a call left open, a link target ending in a comma and a word of brackets, however long (a tester: each read again from every mark)', () => {
    const [open, code] = analysed(`Then f(a,${spaces(100_000)}x and so on.`, 'Then x = g(b, c);')
    expect(onCodeLines(open, 0, open.starts.length - 1)).toBe(false)
    expect(onCodeLines(code, 0, code.starts.length - 1)).toBe(true)
    // Not a link's target (a comma in it): no link marked.
    const [table] = analysed(`[x]: ${'a/'.repeat(100_000)},\n\n[y]: https://example.org/y\n`)
    expect([...nonWordTokens(table)].filter((m) => m & LINK).length).toBeGreaterThan(0)
    expect(nonWordTokens(table)[1] & LINK).toBe(0)
    const [a, b] = analysed(`Use x${'('.repeat(100_000)}x here.`, `Use y${'('.repeat(100_000)}y here.`)
    expect(nameOtherThings(a, 0, a.starts.length - 1, b, 0, b.starts.length - 1)).toBe(false)
  })

  it("reads releases, addresses and a word's closing marks past long runs of their characters (recheck's audit)", () => {
    const all = (x: ReturnType<typeof analysed>[number]) => [x, 0, x.starts.length - 1] as const
    // A release's name starts where a word does, not after each "+" of a long run.
    const [plus, glibc, other] = analysed(
      `Built with ${'v+'.repeat(50_000)} glibc 2.3.4 here.`,
      'Built with glibc 2.1.91 here.',
      'Built with glibc 2.3.4 here.',
    )
    expect(nameOtherVersions(...all(plus), ...all(glibc))).toBe(true)
    expect(nameOtherVersions(...all(plus), ...all(other))).toBe(false)
    // An address's closing marks, and a word's, read once however long the run inside it.
    const [a, b] = analysed(`See http://example.org/${'!'.repeat(100_000)}x now.`, `See http://example.org/${'!'.repeat(100_000)}y now.`)
    expect(pointElsewhere(...all(a), ...all(b))).toBe(true)
    const [c, d] = analysed(`Use "${'!'.repeat(100_000)}x" here.`, `Use "${'!'.repeat(100_000)}y" here.`)
    // (Each a word alone in quotation marks the other never writes: two names.)
    expect(nameOtherThings(...all(c), ...all(d))).toBe(true)
  })

  it('judges a mention after a long run of spaces, or after a word mixing scripts, at once (31 s and 4.6 s before; a tester)', () => {
    // After a comma and 4,000 spaces, words that open no clause: no subject (three runs of spaces side by side before).
    expect(judgeMention(`Foo,${spaces(20_000)}zzz `, ' are a thing.')).toBeNull()
    expect(judgeMention(`Foo,${spaces(20_000)}`, ' are a new kind of productivity.')).toMatchObject({ kind: 'definition' })
    // A gerund is read where a word starts, not from every point where ASCII meets another script.
    expect(judgeMention(`x of ${'aé'.repeat(50_000)} zz `, ' are big.')).toBeNull()
    expect(judgeMention('By developing ', ' are big.')).toBeNull()
  })
})
