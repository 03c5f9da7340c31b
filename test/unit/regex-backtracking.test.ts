import { describe, expect, it } from 'vitest'
import { attribute } from '../../main/core/definitions/attribution.js'
import { predicateOf, QUESTION } from '../../main/core/definitions/patterns.js'
import { readStatedMetadata } from '../../main/core/project/metadata.js'
import { withMemo } from '../../main/core/project/memo.js'
import { readHtml } from '../../main/node/import/html.js'
import { LINK, nonWordTokens } from '../../main/core/engine/nonwords.js'
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
    expect(QUESTION.test(`${'what is '.repeat(3_000)}?${spaces(3_000)}x`)).toBe(false)
    expect(QUESTION.test('So what exactly does it imply? ”')).toBe(true)
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
})
