import { describe, expect, it } from 'vitest'
import { dateProblem, metadataProblems, titleProblem } from '../../main/core/project/metadata-rules.js'
import { dispatch } from '../../main/core/contract/schemas.js'
import type { Api } from '../../main/core/contract/api.js'

// The rules of a document's editable metadata, said in plain words: the metadata form checks with
// them before sending, and the contract's schema checks an update with the same ones.

describe('metadata rules', () => {
  it('takes a date as the project stores it, as precise as the source is, or none', () => {
    for (const date of ['', '  ', '2024', '2024-04', '2024-04-10', ' 2024-02-29 ']) expect(dateProblem(date), date).toBeNull()
  })

  it('says how to write a date it does not take, with the date written so where it can be read', () => {
    expect(dateProblem('10 April 2024')).toBe('Write the date as YYYY-MM-DD, here 2024-04-10 (or YYYY-MM, or the year alone)')
    expect(dateProblem('April 10, 2024')).toMatch(/here 2024-04-10/)
    expect(dateProblem('2024-4-1')).toMatch(/here 2024-04-01/)
    for (const date of ['2024-13-01', '2023-02-29', 'spring', '24-04-10'])
      expect(dateProblem(date), date).toBe('Write the date as YYYY-MM-DD, e.g. 2024-04-10 (or YYYY-MM, or the year alone)')
  })

  it('needs a title', () => {
    expect(titleProblem(' ')).toBe('A title is needed: the document is listed and cited by it')
    expect(titleProblem('A title')).toBeNull()
    expect(metadataProblems({ title: '', date: 'x', author: '' })).toEqual({ title: expect.any(String), date: expect.any(String) })
    expect(metadataProblems({ author: 'anyone' })).toEqual({})
  })

  it('is what the services answer an update with, not a schema library’s words', async () => {
    const impl = { updateDocumentMetadata: async () => ({}) } as unknown as Api
    const answer = await dispatch(impl, 'updateDocumentMetadata', { id: 'a', title: '', date: '10 April 2024' })
    expect(answer.ok).toBe(false)
    const message = answer.ok ? '' : answer.error.message
    expect(message).toContain(titleProblem('')!)
    expect(message).toContain(dateProblem('10 April 2024')!)
    expect(message).not.toMatch(/Too small|expected string/)
  })
})
