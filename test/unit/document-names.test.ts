import { describe, expect, it } from 'vitest'
import { documentNames, namesTogether } from '../../renderer/shared/document-names.js'

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

  it('names a document whose file is named as its title by the title alone, beside those its file tells apart', () => {
    const names = documentNames([
      { id: 'apt', title: 'apt', file: 'apt.txt' },
      { id: 'libapt-pkg', title: 'apt', file: 'libapt-pkg.txt' },
    ])
    expect([...names.values()]).toEqual(['apt', 'apt · libapt-pkg'])
    // Two documents whose files are both named as their title are told apart as any two are.
    const twins = documentNames([
      { id: 'x-apt', title: 'APT', file: 'x/apt.txt' },
      { id: 'y-apt', title: 'APT', file: 'y/apt.txt' },
    ])
    expect([...twins.values()]).toEqual(['APT · x-apt', 'APT · y-apt'])
  })

  it('names documents shown together by their full names where their short names are the same (a tester: "Yang Yundong · Yang Yundong")', () => {
    const short: Record<string, string> = { yang: 'Yang Yundong', copy: 'Yang Yundong', shi: 'Shi Jianxun' }
    const full: Record<string, string> = {
      yang: 'New quality productive forces · yang',
      copy: 'New quality productive forces · copy',
      shi: 'Shi',
    }
    expect(
      namesTogether(
        ['yang', 'copy', 'shi'],
        (d) => short[d],
        (d) => full[d],
      ),
    ).toEqual(['New quality productive forces · yang', 'New quality productive forces · copy', 'Shi Jianxun'])
    expect(
      namesTogether(
        ['yang', 'shi'],
        (d) => short[d],
        (d) => full[d],
      ),
    ).toEqual(['Yang Yundong', 'Shi Jianxun'])
  })
})
