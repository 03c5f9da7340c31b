import { extname } from 'node:path'
import { describe, expect, it } from 'vitest'
import { operations } from '../../main/core/contract/schemas.js'
import { EXPORT_FORMAT_IDS, EXPORT_FORMATS, isExportFormat } from '../../main/core/export/formats.js'
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

describe('export formats', () => {
  it('lists each format once, in the order the CLI and the API name them', () => {
    expect(EXPORT_FORMAT_IDS.join('|')).toBe('md|html|docx|csv|pdf|jsonld|qdpx|qdc|facets')
    for (const id of EXPORT_FORMAT_IDS) expect(EXPORT_FORMATS[id].id).toBe(id)
    expect(Object.keys(EXPORT_FORMATS)).toEqual([...EXPORT_FORMAT_IDS])
    expect(operations.exportExcerpts.shape.format.options).toEqual([...EXPORT_FORMAT_IDS])
  })

  it('knows its own ids and nothing else', () => {
    expect(isExportFormat('qdpx')).toBe(true)
    expect(isExportFormat('constructor')).toBe(false)
    expect(isExportFormat('MD')).toBe(false)
  })
})
