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
})
