import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { suggestBoilerplate } from '../../main/core/project/exclusions.js'
import { readManifest } from '../../main/node/project/manifest.js'
import { Service } from '../../main/node/service/service.js'
import { CORPUS, tempDir } from '../helpers.js'

// The bundled corpus's default project starts with its site boilerplate left out of analysis:
// stored as excluded ranges in manifest.json (the texts themselves are never edited), exactly
// what "Suggest boilerplate" finds, so that a change to the suggestions shows up here.

describe('bundled corpus', () => {
  it('excludes exactly the suggested boilerplate of each text', async () => {
    const manifest = await readManifest(CORPUS)
    let ranges = 0
    for (const doc of manifest.documents) {
      const text = await readFile(join(CORPUS, doc.file), 'utf8')
      const suggested = suggestBoilerplate(text).map(({ start, end, reason }) => ({ start, end, reason }))
      expect(doc.excluded ?? [], doc.id).toEqual(suggested)
      ranges += suggested.length
    }
    expect(ranges).toBeGreaterThan(0)
  })

  it('opens the default project with that boilerplate excluded and nothing left to suggest', async () => {
    const t = await tempDir()
    try {
      const service = await Service.start({ corpusDir: CORPUS, userData: join(t.dir, 'user-data') })
      const { documents } = await service.getProject()
      const excluded = (id: string) => documents.find((d) => d.id === id)?.excluded ?? []
      const { text } = await service.getDocument({ id: 'yang-yundong-nqpf-high-quality-development' })
      const at = [...text.slice(0, text.indexOf('Leave a Reply'))].length
      expect(excluded('yang-yundong-nqpf-high-quality-development').some((r) => r.start <= at && at < r.end)).toBe(true)
      expect(excluded('shi-jianxun-strategic-significance')[0]).toMatchObject({ start: 0, reason: 'navigation breadcrumbs' })
      expect((await service.suggestBoilerplate({})).suggestions).toEqual([])

      // Included again by hand, the boilerplate of two documents is suggested again, all at once,
      // excluded in one change and undone in one step.
      const twoDocs = ['yang-yundong-nqpf-high-quality-development', 'shi-jianxun-strategic-significance']
      for (const id of twoDocs) await service.setExcludedRanges({ id, ranges: [] })
      const { suggestions } = await service.suggestBoilerplate({})
      expect(new Set(suggestions.map((s) => s.docId))).toEqual(new Set(twoDocs))
      expect(suggestions.map((s) => s.text).join('\n')).toContain('Leave a Reply')
      const { documents: changed } = await service.addExcludedRanges({ ranges: suggestions })
      expect(changed.map((d) => d.id).sort()).toEqual([...twoDocs].sort())
      expect((await service.suggestBoilerplate({})).suggestions).toEqual([])
      expect((await service.getProject()).history.undo).toMatch(/^Exclude 4 spans/)
      await service.undo({})
      expect((await service.suggestBoilerplate({})).suggestions).toEqual(suggestions)
      // A range outside a text is refused before anything is stored.
      await expect(
        service.addExcludedRanges({ ranges: [{ ...suggestions[0] }, { docId: twoDocs[1], start: 0, end: 10 ** 9 }] }),
      ).rejects.toThrow(/shi-jianxun/)
      expect((await service.suggestBoilerplate({})).suggestions).toEqual(suggestions)
    } finally {
      await t.cleanup()
    }
  })
})

describe("the service's shared passages of the bundled corpus", () => {
  it('are found with the paraphrase search by default, and without it as asked (paraphrases: false) until a cancel or a project opens', async () => {
    const t = await tempDir()
    try {
      const service = await Service.start({ corpusDir: CORPUS, userData: join(t.dir, 'user-data') })
      const searched = async (paraphrases?: boolean) => {
        const { overlaps, stats } = await service.analyseOverlaps(paraphrases === undefined ? {} : { paraphrases })
        return { search: stats.paraphraseSearch, found: overlaps.some((o) => o.kind === 'paraphrase') }
      }
      expect(await searched()).toEqual({ search: true, found: true })
      expect(await searched(false)).toEqual({ search: false, found: false })
      // The project's next analyses keep to what was asked; a cancel forgets it, and so does
      // opening another project (then the bundled corpus's default one again).
      expect(await searched()).toEqual({ search: false, found: false })
      await service.cancelAnalysis()
      expect(await searched()).toEqual({ search: true, found: true })
      expect(await searched(false)).toEqual({ search: false, found: false })
      const other = join(t.dir, 'other')
      await mkdir(join(other, 'documents'), { recursive: true })
      await writeFile(join(other, 'documents', 'a.txt'), 'A text of its own.\n')
      await writeFile(join(other, 'project.json'), JSON.stringify({ name: 'Other', documents: [{ id: 'a', file: 'a.txt', title: 'A' }] }))
      await service.openProject({ dir: other })
      expect((await service.analyseOverlaps({})).stats.paraphraseSearch).toBe(true)
      await service.openDefaultProject()
      expect(await searched()).toEqual({ search: true, found: true })
    } finally {
      await t.cleanup()
    }
  })
})
