import { describe, expect, it } from 'vitest'
import { DocumentMemo } from '../../main/core/engine/document-memo.js'
import { noticeEnd } from '../../main/core/engine/notices.js'

// What the engine's modules read of a whole document, read once per document (document-memo.ts).

describe('DocumentMemo', () => {
  it('reads each document once, at its first question, and tells documents apart', () => {
    const reads: string[] = []
    const memo = new DocumentMemo((doc: { text: string }) => {
      reads.push(doc.text)
      return doc.text.length
    })
    const a = { text: 'one' }
    const b = { text: 'three' }
    expect(memo.held(a)).toBeUndefined()
    expect([memo.get(a), memo.get(b), memo.get(a), memo.get(b)]).toEqual([3, 5, 3, 5])
    expect(reads).toEqual(['one', 'three'])
    expect(memo.held(a)).toBe(3)
  })

  it('keeps a reading of 0, false or an empty string (only undefined is read again)', () => {
    for (const value of [0, false, '']) {
      let reads = 0
      const memo = new DocumentMemo(() => {
        reads++
        return value
      })
      const doc = {}
      memo.get(doc)
      expect(memo.get(doc)).toBe(value)
      expect(reads).toBe(1)
    }
  })

  it('holds a document apart from another with the same text (by object, as the engine keys its documents)', () => {
    const memo = new DocumentMemo(() => ({}))
    expect(memo.get({ text: 'x' })).not.toBe(memo.get({ text: 'x' }))
  })

  it('serves the engine as before: a notice read once is the same answer after (notices.ts)', () => {
    const doc = { text: '/* Copyright (C) 2024 A. Author. Licensed under the MIT licence. */\nint main(void);\n' }
    const end = noticeEnd(doc)
    expect(doc.text.slice(0, end)).toBe('/* Copyright (C) 2024 A. Author. Licensed under the MIT licence. */')
    expect(noticeEnd(doc)).toBe(end)
  })
})
