import { describe, expect, it } from 'vitest'
import { columns, fitColumns } from '../../main/core/text/columns.js'

// A text's width in a terminal's columns, and a column of the CLI's tables (a tester: the `list`
// command's columns went out of line at a Chinese title).

describe('columns', () => {
  it('counts a Chinese, Japanese or Korean character two columns, a combining mark none', () => {
    expect(columns('new quality')).toBe(11)
    expect(columns('新质生产力')).toBe(10)
    expect(columns('e\u0301te\u0301')).toBe(3)
  })

  it('fits a text to a column, padded or cut with "…", never past its width', () => {
    expect(fitColumns('abc', 5)).toBe('abc  ')
    expect(fitColumns('abcdef', 5)).toBe('abcd…')
    expect(fitColumns('新质生产力发展', 8)).toBe('新质生… ')
    for (const text of ['新质生产力发展', 'New quality 生产力', 'abc', ''])
      for (const n of [1, 4, 7, 12]) expect(columns(fitColumns(text, n))).toBe(n)
  })
})
