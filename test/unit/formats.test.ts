import { extname } from 'node:path'
import { describe, expect, it } from 'vitest'
import { extensionOf, IMPORT_EXTENSIONS, IMPORT_FORMATS_LIST, importFormatOf } from '../../main/core/project/formats.js'

// The one list of import formats: what messages name, what pickers offer, how a file is recognised.

describe('import formats', () => {
  it('names the formats in messages and offers every ending to pickers', () => {
    expect(IMPORT_FORMATS_LIST).toBe('.txt, .md, .html, .docx, .pdf and .qdpx')
    expect(IMPORT_EXTENSIONS).toEqual(['.txt', '.text', '.md', '.markdown', '.html', '.htm', '.xhtml', '.docx', '.pdf', '.qdpx'])
  })

  it('recognises a file by its ending, as node:path does, in any case', () => {
    for (const path of ['a.txt', 'dir.d/b.MD', '/x/.hidden', 'noext', 'a.', 'c:\\docs\\report.Docx', 'archive.tar.qdpx', '.txt']) {
      expect(extensionOf(path), path).toBe(extname(path.replace(/\\/g, '/')).toLowerCase())
    }
    expect(importFormatOf('notes.Markdown')).toBe('markdown')
    expect(importFormatOf('page.XHTML')).toBe('html')
    expect(importFormatOf('project.qdpx')).toBe('qdpx')
    expect(importFormatOf('sheet.xlsx')).toBeUndefined()
    expect(importFormatOf('.txt')).toBeUndefined()
  })
})
