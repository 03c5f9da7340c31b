import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { analyse } from '../../main/core/engine/analyse.js'
import { findOverlaps, type OverlapResult } from '../../main/core/engine/overlaps.js'
import { Run } from '../../main/core/engine/progress.js'
import { synonymClasses, type SynonymSource, wordClasses } from '../../main/core/engine/synonyms.js'
import { loadFolder } from '../../main/node/engine/inline.js'
import { WordNet } from '../../main/node/engine/wordnet.js'
import { runJob } from '../../main/node/engine/worker.js'
import { CORPUS, ROOT } from '../helpers.js'

// Synonyms in the paraphrase pass: WordNet's common senses (main/node/engine/wordnet.ts) handed to
// the engine as a SynonymSource (main/core/engine/synonyms.ts).

const FIXTURES = join(ROOT, 'test/fixtures/engine')
const wordnet = new WordNet()

function shared(a: string, b: string): string[] {
  const senses = wordnet.senses(b)
  return wordnet.senses(a).filter((s) => senses.includes(s))
}

describe('WordNet as a source of synonyms', () => {
  it('gives words of one common meaning the same sense, base forms found', () => {
    expect(shared('railway', 'railroad')).toHaveLength(1)
    expect(shared('physician', 'doctor')).toHaveLength(1)
    expect(shared('purchase', 'buy')).toHaveLength(1)
    expect(shared('enlargement', 'expansion')).toHaveLength(1)
    // Inflected forms are read as their base forms.
    expect(shared('railways', 'railroads')).toEqual(shared('railway', 'railroad'))
    expect(shared('purchased', 'buys')).toEqual(shared('purchase', 'buy'))
  })

  it('never gives antonyms, broader words or rare readings as synonyms', () => {
    expect(shared('increase', 'decrease')).toEqual([])
    expect(shared('buy', 'sell')).toEqual([])
    expect(shared('car', 'vehicle')).toEqual([])
    expect(shared('dog', 'animal')).toEqual([])
    // "quality" as "choice" (adjective) and "make" as "brand" are WordNet senses, not common ones.
    expect(shared('quality', 'choice')).toEqual([])
    expect(shared('make', 'brand')).toEqual([])
    expect(shared('growth', 'tumor')).toEqual([])
  })

  it('joins related forms through common senses of both, not through a rare reading', () => {
    const related = (a: string, b: string) => wordnet.relatedForms(a).filter((id) => wordnet.relatedForms(b).includes(id))
    expect(related('necessity', 'necessary')).not.toEqual([])
    expect(related('strategy', 'strategic')).not.toEqual([])
    // Inflected forms through their base forms.
    expect(related('necessities', 'necessary')).toEqual(related('necessity', 'necessary'))
    expect(related('strategies', 'strategic')).toEqual(related('strategy', 'strategic'))
    // A noun and an adjective only: a verb and the nouns made from it name an act, its agent or
    // its result ("application", a program in technical writing).
    expect(related('apply', 'application')).toEqual([])
    expect(related('debugging', 'debuggers')).toEqual([])
    expect(related('specified', 'specifications')).toEqual([])
    // "forceful" is linked to "force" as "physical energy or intensity", a sense the tagged texts
    // seldom used "force" in; synonyms are not related forms, nor are unrelated words.
    expect(related('force', 'forceful')).toEqual([])
    expect(related('railway', 'railroad')).toEqual([])
    expect(related('domestic', 'internal')).toEqual([])
    expect(wordnet.relatedForms('qqzzvv')).toEqual([])
  })

  it('knows nothing of words it does not hold', () => {
    expect(wordnet.senses('qqzzvv')).toEqual([])
    expect(wordnet.senses('naïve')).toEqual([])
    expect(wordnet.senses('')).toEqual([])
  })

  it('tells the words it holds, in any sense and inflected, from names and identifiers', () => {
    expect(['command', 'reads', 'passwords', 'studies', 'catenates', 'heap'].every((w) => wordnet.knows(w))).toBe(true)
    expect(['chgpasswd', 'newusers', 'xzlib', 'preinst', 'qqzzvv', 'naïve', ''].some((w) => wordnet.knows(w))).toBe(false)
  })
})

describe('synonym classes', () => {
  /** A made-up dictionary: words -> sense ids, most common first. */
  const table = (senses: Record<string, string[]>): SynonymSource => ({ senses: (w) => senses[w] ?? [] })
  const classesOf = (text: string, source: SynonymSource) => {
    const corpus = analyse([{ id: 'a', text }], false, new Run({}))
    const classes = synonymClasses(corpus, source)
    const word = (w: string) => corpus.lexicon.matchIdOf(w)
    return { same: (x: string, y: string) => classes.get(word(x)) !== undefined && classes.get(word(x)) === classes.get(word(y)) }
  }

  it('joins words sharing a sense, each through one meaning only (no chains)', () => {
    const source = table({ state: ['say', 'condition'], say: ['say'], condition: ['condition'], rapid: ['fast'], swift: ['fast'] })
    const { same } = classesOf('state say condition rapid swift', source)
    expect(same('rapid', 'swift')).toBe(true)
    expect(same('state', 'say')).toBe(true)
    // "state" joined "say" through its most common sense; "condition" is not chained to "say".
    expect(same('say', 'condition')).toBe(false)
    expect(same('state', 'condition')).toBe(false)
  })

  it('joins related forms with each other and with their synonyms, and tells them from synonyms', () => {
    const source: SynonymSource = {
      senses: (w) => ({ rapid: ['fast'], swift: ['fast'], essential: ['needed'], necessary: ['needed'] })[w] ?? [],
      relatedForms: (w) => ({ necessity: ['n+a'], necessary: ['n+a'], swift: ['a+n'], swiftness: ['a+n'] })[w] ?? [],
    }
    const corpus = analyse([{ id: 'a', text: 'necessity necessary essential rapid swift swiftness speed' }], false, new Run({}))
    const { classes, synonyms } = wordClasses(corpus, source)
    const id = (w: string) => corpus.lexicon.matchIdOf(w)
    const same = (x: string, y: string) => classes.get(id(x)) !== undefined && classes.get(id(x)) === classes.get(id(y))
    expect(same('necessity', 'necessary')).toBe(true)
    // Through "necessary", its synonym; "swiftness" through "swift" to "rapid".
    expect(same('necessity', 'essential')).toBe(true)
    expect(same('swiftness', 'rapid')).toBe(true)
    expect(same('necessity', 'rapid')).toBe(false)
    expect(classes.has(id('speed'))).toBe(false)
    // Each class's id is its smallest match id, as synonymClasses gives it.
    for (const [m, first] of classes) expect(first).toBeLessThanOrEqual(m)
    // The synonyms alone, as synonymClasses gives them.
    expect(synonyms).toEqual(synonymClasses(corpus, source))
    // A source without related forms: the synonyms only.
    expect(wordClasses(corpus, { senses: source.senses }).classes).toEqual(synonyms)
  })

  it('never makes two classes of synonyms one through their related forms (a reviewer: "key" and "middle")', () => {
    // "central" is "key" (important), "center" is "middle"; the two are related forms through
    // the other sense of "central".
    const source: SynonymSource = {
      senses: (w) => ({ key: ['important'], central: ['important', 'middle'], center: ['centre'], middle: ['centre'] })[w] ?? [],
      relatedForms: (w) => ({ central: ['a+n'], center: ['a+n'], centrality: ['n+a2'], key: [] as string[] })[w] ?? [],
    }
    const corpus = analyse([{ id: 'a', text: 'key central center middle centrality' }], false, new Run({}))
    const { classes } = wordClasses(corpus, source)
    const id = (w: string) => corpus.lexicon.matchIdOf(w)
    const same = (x: string, y: string) => classes.get(id(x)) !== undefined && classes.get(id(x)) === classes.get(id(y))
    expect(same('key', 'central')).toBe(true)
    expect(same('center', 'middle')).toBe(true)
    expect(same('central', 'center')).toBe(false)
    expect(same('key', 'middle')).toBe(false)
  })
})

describe('paraphrase through synonyms', () => {
  const folder = join(FIXTURES, 'synonyms')
  const docsOf = (result: OverlapResult) => result.overlaps.map((o) => [...new Set(o.passages.map((p) => p.doc))].sort())

  it('reports a restatement in synonyms as a paraphrase, and says which synonyms', async () => {
    const { texts } = await loadFolder(folder)
    // Without synonyms only the clauses that use the same words are found (farmers, valleys, seed,
    // wool, market towns), not the railway's enlargement, which the sentences say in other words.
    const without = findOverlaps(texts).overlaps
    for (const o of without) {
      for (const reason of o.because ?? []) expect(reason).toMatch(/^words in common: /)
      for (const p of o.passages) expect(p.text).not.toMatch(/railway|railroad/)
    }
    const result = findOverlaps(texts, { synonyms: wordnet })
    expect(docsOf(result)).toEqual([['county-bulletin', 'valley-gazette']])
    const [o] = result.overlaps
    expect(o.kind).toBe('paraphrase')
    for (const p of o.passages) expect(p.text).toMatch(/^(The council said|Once a large enlargement).*(market towns|council announced)\.$/)
    expect(o.because).toHaveLength(2)
    expect(o.because![0]).toMatch(/^synonyms: /)
    for (const pair of ['railway/railroad', 'expansion/enlargement', 'buy/purchase', 'big/large']) expect(o.because![0]).toContain(pair)
    expect(o.because![1]).toMatch(/^words in common: /)
  })

  it('reports no paraphrase between unrelated sentences that share a synonym (doctor, physician)', async () => {
    const { texts } = await loadFolder(folder)
    const result = findOverlaps(texts, { synonyms: wordnet })
    expect(result.overlaps.some((o) => o.passages.some((p) => /doctor|physician/.test(p.text)))).toBe(false)
  })

  it('finds a phrase restated in synonyms inside clauses that say more (the bundled corpus)', async () => {
    // "... also pledged to build a modern industrial system and accelerate ..." / "...,
    // vigorously promoting the construction of a modern industrial system, and ...".
    const { texts } = await loadFolder(CORPUS)
    const restated = findOverlaps(texts, { synonyms: wordnet }).overlaps.filter((o) =>
      o.passages.some(
        (p) => p.doc === 'yang-yundong-nqpf-high-quality-development' && /construction of a modern industrial system/.test(p.text),
      ),
    )
    expect(restated).toHaveLength(1)
    expect(restated[0].kind).toBe('paraphrase')
    expect(
      restated[0].passages.some((p) => p.doc === 'gmw-light-blade-what-are-nqpf' && /^build a modern industrial system$/.test(p.text)),
    ).toBe(true)
    // Its three passages' pairs read two synonyms: one reason says both.
    expect(restated[0].because).toEqual([
      'synonyms: build/construction, building/construction',
      'words in common: modern, industrial, system',
    ])
  })

  it('finds a claim restated with a related form and an abbreviation (the bundled corpus)', async () => {
    // "Computing power is a necessary prerequisite for developing new quality productive forces" /
    // "new computing power will be a necessity for creating NQPFs": the stemmer leaves "necessary"
    // and "necessity" apart; WordNet links their first senses.
    const { texts } = await loadFolder(CORPUS)
    const restated = (result: OverlapResult) =>
      result.overlaps.filter((o) =>
        o.passages.some((p) => p.doc === 'shi-jianxun-strategic-significance' && /necessary prerequisite/.test(p.text)),
      )
    const found = restated(findOverlaps(texts, { synonyms: wordnet }))
    expect(found).toHaveLength(1)
    expect(found[0].kind).toBe('paraphrase')
    expect(found[0].passages.map((p) => p.text).sort()).toEqual([
      'Computing power is a necessary prerequisite for developing new quality productive forces',
      'new computing power will be a necessity for creating NQPFs',
    ])
    expect(found[0].because).toContain('related forms: necessary/necessity')
    // Synonyms alone do not find it.
    expect(restated(findOverlaps(texts, { synonyms: { senses: (w) => wordnet.senses(w) } }))).toEqual([])
  })

  it('reads synonyms in the app as in the CLI (the worker job)', async () => {
    const { texts } = await loadFolder(folder)
    const result = runJob({ kind: 'overlaps', documents: texts }) as OverlapResult
    expect(result.overlaps.map((o) => o.because)).toEqual(findOverlaps(texts, { synonyms: wordnet }).overlaps.map((o) => o.because))
    expect(result.overlaps[0].because![0]).toMatch(/^synonyms: /)
  })
})
