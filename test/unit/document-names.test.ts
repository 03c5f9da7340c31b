import { describe, expect, it } from 'vitest'
import { documentNames } from '../../renderer/shared/document-names.js'

describe('documentNames', () => {
  it("names documents by their titles, and those that share a title by their files too (Debian's copyright files, a tester)", () => {
    const names = documentNames([
      { id: 'libreoffice-core', title: 'LibreOffice', file: 'libreoffice-core.txt' },
      { id: 'libreoffice-calc', title: 'LibreOffice', file: 'libreoffice-calc.txt' },
      { id: 'adduser', title: 'adduser', file: 'adduser.txt' },
      { id: 'untitled', title: '', file: 'notes/untitled.md' },
    ])
    expect([...names.values()]).toEqual(['LibreOffice · libreoffice-core', 'LibreOffice · libreoffice-calc', 'adduser', 'untitled'])
  })

  it('tells apart documents whose files differ only in their extension or folder (a reviewer)', () => {
    const names = documentNames([
      { id: 'a', title: 'Notes', file: 'a.txt' },
      { id: 'a-2', title: 'Notes', file: 'a.md' },
      { id: 'x-b', title: 'Notes', file: 'x/b.txt' },
      { id: 'y-b', title: 'Notes', file: 'y/b.txt' },
      { id: 'adduser', title: 'adduser', file: 'adduser.txt' },
      { id: 'adduser-2', title: '', file: 'adduser.md' },
    ])
    expect(new Set(names.values()).size).toBe(6)
    expect(names.get('a')).toBe('Notes · a.txt')
    expect(names.get('x-b')).toBe('Notes · x-b')
  })
})
