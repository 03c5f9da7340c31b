import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { findDefinitions } from '../../main/core/definitions/definitions.js'
import { proposeTerms } from '../../main/core/definitions/terms.js'
import { loadFolder } from '../../main/node/engine/inline.js'
import { CORPUS, ROOT } from '../helpers.js'

const FIXTURES = join(ROOT, 'test/fixtures/engine')

describe('findDefinitions on fixtures', async () => {
  const { texts } = await loadFolder(join(FIXTURES, 'definitions'))

  it('finds copular, "the term", question-and-answer and "in essence" definitions, through an acronym', () => {
    const result = findDefinitions(texts, { term: 'blue carbon ecosystems' })
    expect(result.aliases).toEqual(['BCEs'])
    const byDoc = Object.fromEntries(result.definitions.map((d) => [d.doc, d]))
    expect(Object.keys(byDoc).sort()).toEqual(['blog', 'primer', 'report'])
    expect(byDoc.primer.pattern).toBe('the term')
    expect(byDoc.report.pattern).toBe('question')
    expect(byDoc.report.text).toMatch(/^What are blue carbon ecosystems\? They are coastal habitats .* millennia\.$/)
    expect(byDoc.blog.pattern).toBe('in essence')
    // "Protecting BCEs is ..." says something about protecting, not about BCEs.
    expect(result.definitions.some((d) => d.text.startsWith('Protecting'))).toBe(false)
    for (const d of result.definitions) {
      const text = texts.find((t) => t.id === d.doc)!.text
      expect([...text].slice(d.start, d.end).join('')).toBe(d.text)
    }
  })

  it('groups the definitions that share phrases and marks what they share', () => {
    const result = findDefinitions(texts, { term: 'blue carbon ecosystems' })
    const primer = result.definitions.find((d) => d.doc === 'primer')!
    const report = result.definitions.find((d) => d.doc === 'report')!
    const blog = result.definitions.find((d) => d.doc === 'blog')!
    expect(primer.group).toBe(report.group)
    expect(blog.group).not.toBe(primer.group)
    expect(primer.shared.map((s) => s.text)).toContain('mangroves, salt marshes and seagrass meadows')
    expect(primer.shared[0].docs).toEqual(['report'])
    expect(result.groups[primer.group].docs.sort()).toEqual(['primer', 'report'])
  })

  it('proposes the key term with its acronym when no term is given', () => {
    const result = findDefinitions(texts)
    expect(result.term).toBe('blue carbon ecosystems')
    expect(result.terms?.[0]).toMatchObject({ term: 'blue carbon ecosystems', aliases: ['BCEs'] })
  })
})

describe('findDefinitions on the bundled corpus', async () => {
  const { texts } = await loadFolder(CORPUS)

  it('proposes "new quality productive forces" with its acronym and shorter form', () => {
    const [first] = proposeTerms(texts)
    expect(first.term).toBe('new quality productive forces')
    expect(first.aliases).toEqual(expect.arrayContaining(['NQPFs', 'new productive forces']))
  })

  it('finds a definition in every document and groups the two quotations of Xi Jinping', () => {
    const result = findDefinitions(texts, { term: 'new quality productive forces' })
    expect(new Set(result.definitions.map((d) => d.doc)).size).toBe(texts.length)
    const xi = result.definitions.filter((d) => /innovation playing the leading role/.test(d.text))
    expect(xi.map((d) => d.doc).sort()).toEqual(['shi-jianxun-strategic-significance', 'yang-yundong-nqpf-high-quality-development'])
    expect(xi[0].group).toBe(xi[1].group)
    for (const d of xi) expect(d.shared.map((s) => s.text).join(' | ')).toMatch(/new development philosophy/)
    // The explainer defines the term through its acronym.
    expect(
      result.definitions.some((d) => d.doc === 'china-briefing-nqpf-explainer' && d.mention.text === 'NQPFs' && /denotes/.test(d.text)),
    ).toBe(true)
    // "Accelerating the development of X is ..." is about accelerating, not about X.
    expect(result.definitions.some((d) => /^Accelerating the development/.test(d.text))).toBe(false)
  })
})
