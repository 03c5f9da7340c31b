import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import MarkdownIt from 'markdown-it'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { OffsetMap } from '../../main/core/text/offsets.js'
import { Service } from '../../main/node/service/service.js'
import { CORPUS, tempDir } from '../helpers.js'

// The Markdown export's quotes as a CommonMark renderer (markdown-it) shows them: a quote of two
// paragraphs, bold in its context paragraph by paragraph, and an indented line quoted as text,
// not as code (a tester saw both go wrong).

const TEXT = [
  'Field Notes',
  '',
  'By Light Blade',
  '',
  'On the afternoon of March 5 the report was read.',
  '',
  'A list:',
  '',
  '    indented line of the list',
  '',
].join('\n')

let cleanup: () => Promise<void>
let s: Service

function span(needle: string): { start: number; end: number } {
  const at = TEXT.indexOf(needle)
  const map = new OffsetMap(TEXT)
  return { start: map.toCodePoint(at), end: map.toCodePoint(at + needle.length) }
}

beforeAll(async () => {
  const t = await tempDir()
  cleanup = t.cleanup
  await mkdir(join(t.dir, 'in'))
  await writeFile(join(t.dir, 'in', 'notes.txt'), TEXT)
  s = await Service.start({ corpusDir: CORPUS, userData: join(t.dir, 'user-data'), project: join(t.dir, 'project') })
  await s.importDocuments({ paths: [join(t.dir, 'in', 'notes.txt')] })
  await s.createAnnotation({ docId: 'notes', ...span('By Light Blade\n\nOn the afternoon of March 5'), tags: [] })
  await s.createAnnotation({ docId: 'notes', ...span('A list:\n\n    indented line'), tags: [] })
})
afterAll(() => cleanup())

async function rendered(context: boolean): Promise<{ md: string; html: string }> {
  const md = (await s.exportExcerpts({ format: 'md', context })).content
  return { md, html: new MarkdownIt().render(md) }
}

describe('Markdown quotes as a renderer shows them', () => {
  it('a quote over two paragraphs is bold in each, in its context, with no asterisk shown', async () => {
    const { html } = await rendered(true)
    expect(html).toContain('<strong>By Light Blade</strong>')
    expect(html).toMatch(/<strong>On the afternoon of March 5<\/strong> the report was read\./)
    expect(html).not.toContain('*')
  })

  it('an indented line is quoted as text, not as code, with and without context', async () => {
    for (const context of [false, true]) {
      const { md, html } = await rendered(context)
      expect(html).not.toMatch(/<pre|<code/)
      expect(html.replace(/<[^>]+>/g, '')).toContain('    indented line')
      // The reference stands for the first of the four spaces.
      expect(md).toContain('&#32;   ')
    }
  })
})
