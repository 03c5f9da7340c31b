import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { CLOSE_SIMILARITY, withoutBridges } from '../../main/core/engine/bridged.js'
import { clusterPairs, type PairPassage } from '../../main/core/engine/cluster.js'
import { findOverlaps } from '../../main/core/engine/overlaps.js'
import { containedOverlaps } from '../../main/core/engine/contained.js'
import { PairTable } from '../../main/core/engine/pair-table.js'
import { KIND_RANK } from '../../main/core/engine/kept-pair.js'
import { loadFolder } from '../../main/node/engine/inline.js'

// Two texts an overlap held only through loosely alike pairs (bridged.ts).

const FIXTURES = join(import.meta.dirname, '../fixtures/engine')

/** A pair table of [a, b, similarity, verbatim] pairs. */
function table(pairs: [PairPassage, PairPassage, number, boolean][]): PairTable {
  const list = new PairTable()
  for (const [a, b, similarity, verbatim] of pairs)
    list.push(a, b, { shared: 10, similarity, verbatim, kind: KIND_RANK[verbatim ? 'verbatim' : 'variant'], score: 1 })
  return list
}

const at = (doc: number, start: number, end: number): PairPassage => ({ doc, start, end })

/** Whether withoutBridges leaves the clusters of `list` as they are (the same array). */
function unsplit(list: PairTable): boolean {
  const clusters = clusterPairs(list)
  return withoutBridges(clusters, list) === clusters
}

describe('withoutBridges', () => {
  it('splits two texts copied word for word that only a loose pair joins, keeping their likeness apart', () => {
    // Text X at 0-99 of document 0 and in document 1; text Y at 200-299 of document 0 and in
    // document 2; a loose pair of X's and Y's copies (documents 1 and 2), half their words alike.
    const list = table([
      [at(0, 0, 99), at(1, 0, 99), 1, true],
      [at(0, 200, 299), at(2, 0, 99), 1, true],
      [at(1, 0, 99), at(2, 0, 99), 0.53, false],
    ])
    const clusters = clusterPairs(list)
    expect(clusters).toHaveLength(1)
    const split = withoutBridges(clusters, list)
    expect(split.map((c) => c.pairs)).toEqual([[0], [1], [2]])
    expect(split.map((c) => c.passages)).toEqual([
      [at(0, 0, 99), at(1, 0, 99)],
      [at(0, 200, 299), at(2, 0, 99)],
      [at(1, 0, 99), at(2, 0, 99)],
    ])
  })

  it('keeps one text whose copies a near-verbatim pair joins, and a loose pair that touches one text only', () => {
    // An edited copy (similarity over CLOSE_SIMILARITY) is the same text: no split.
    const edited = table([
      [at(0, 0, 99), at(1, 0, 99), 1, true],
      [at(2, 0, 99), at(3, 0, 99), 1, true],
      [at(1, 0, 99), at(2, 0, 99), CLOSE_SIMILARITY, false],
    ])
    expect(unsplit(edited)).toBe(true)
    // A loose pair from one text to a document holding no other copied text joins that text.
    const loose = table([
      [at(0, 0, 99), at(1, 0, 99), 1, true],
      [at(1, 0, 99), at(2, 0, 99), 0.45, false],
      [at(0, 0, 99), at(2, 0, 99), 0.45, false],
    ])
    expect(unsplit(loose)).toBe(true)
    // A text in one document only (a repetition within it) is no text of its own to split off,
    // and a loose pair from another text's copy to it in a document that text is not in joins
    // that text.
    const inOne = table([
      [at(0, 0, 99), at(1, 0, 99), 1, true],
      [at(2, 200, 299), at(2, 400, 499), 1, true],
      [at(1, 0, 99), at(2, 200, 299), 0.5, false],
    ])
    expect(unsplit(inOne)).toBe(true)
  })

  it('parts a text from a loose pair that reads it against another place of a document it is in (a reviewer)', () => {
    // Text X at 400-499 of document 0 and at 0-99 of document 1; a loose pair of X's copy in
    // document 1 with 0-99 of document 0, a passage of its own there that shares a phrase with
    // X. Joined, document 0 was in the overlap twice, and the loose pair gave it its figures.
    const list = table([
      [at(0, 400, 499), at(1, 0, 99), 1, true],
      [at(0, 0, 99), at(1, 0, 99), 0.37, false],
    ])
    const split = withoutBridges(clusterPairs(list), list)
    expect(split.map((c) => c.pairs)).toEqual([[0], [1]])
    expect(split.map((c) => !!c.likeness)).toEqual([false, true])
    // Not where its passage goes on from the close pair's, a word or two between (ABUTTING_TOKENS):
    // one list matched in two parts, one close and one loose (a reviewer).
    const abutting = table([
      [at(0, 100, 199), at(1, 0, 99), 1, true],
      [at(0, 0, 97), at(1, 0, 99), 0.5, false],
    ])
    expect(unsplit(abutting)).toBe(true)
    // So too where the loose pair reads a repetition within document 0 (a text in one document
    // only, which is no text of its own to split off: it goes with the likeness).
    const repeated = table([
      [at(0, 0, 99), at(1, 0, 99), 1, true],
      [at(0, 200, 299), at(0, 400, 499), 1, true],
      [at(1, 0, 99), at(0, 200, 299), 0.5, false],
    ])
    expect(withoutBridges(clusterPairs(repeated), repeated).map((c) => [c.pairs, !!c.likeness])).toEqual([
      [[0], false],
      [[1, 2], true],
    ])
  })
})

describe('withoutBridges, the overlaps around a split', () => {
  it('keeps every other overlap, in its place, and each text with all its copies', () => {
    // Y in documents 2, 3 and 4 (two pairs through document 2), X in 0 and 1, a loose pair of X's
    // copy in 1 and Y's in 2; an overlap before and one after, of other documents.
    const list = table([
      [at(7, 0, 99), at(8, 0, 99), 1, true],
      [at(0, 0, 99), at(1, 0, 99), 1, true],
      [at(2, 0, 99), at(3, 0, 99), 1, true],
      [at(2, 0, 99), at(4, 0, 99), 1, true],
      [at(1, 0, 99), at(2, 0, 99), 0.53, false],
      [at(8, 200, 299), at(9, 0, 99), 1, true],
    ])
    const split = withoutBridges(clusterPairs(list), list)
    expect(split.map((c) => c.pairs)).toEqual([[0], [1], [2, 3], [4], [5]])
    expect(split.map((c) => !!c.likeness)).toEqual([false, false, false, true, false])
  })

  it('lists the split texts even where the likeness holds each of their passages', () => {
    // Text X in documents 0 and 1, Y in 2 and 3, the likeness of the four (a reviewer: a
    // likeness with one passage in each document hid both texts as overlaps inside it).
    const x = { passages: [at(0, 0, 99), at(1, 0, 99)], kind: 'verbatim' }
    const y = { passages: [at(2, 0, 99), at(3, 0, 99)], kind: 'verbatim' }
    const likeness = { passages: [at(0, 0, 99), at(1, 0, 99), at(2, 0, 99), at(3, 0, 99)], kind: 'variant' }
    expect([...containedOverlaps([{ ...likeness, likeness: true }, x, y])]).toEqual([0, 0, 0])
    // (As any other overlap holding them would.)
    expect([...containedOverlaps([likeness, x, y])]).toEqual([0, 1, 1])
  })
})

describe('findOverlaps, an option copied word for word and a sentence that shares a phrase with it', () => {
  it('lists the copy alone, at its own figures, and the loose likeness beside it (a reviewer of man pages)', async () => {
    // chage's and passwd's "--mindays" option, word for word but for its short name, "-m" and
    // "-n" (Debian's manual pages; sentence-tails.ts verbatimTails reads the entry whole);
    // chage's DESCRIPTION shares "the number of days between password changes" and "change their
    // password" with it. The three passages were one near-verbatim overlap, "7 shared words,
    // similarity 0.368".
    const { texts } = await loadFolder(join(FIXTURES, 'reread'))
    const { overlaps } = findOverlaps(texts)
    const copy = overlaps.find((o) => !o.likeness && o.passages.some((p) => p.text.includes('--mindays')))
    expect(copy).toBeDefined()
    expect(copy!.passages.map((p) => p.doc)).toEqual(['chage', 'passwd'])
    expect(copy!.passages.map((p) => p.text.slice(0, 14))).toEqual(['-m, --mindays ', '-n, --mindays '])
    expect(copy!.variants[0].changes!.filter((c) => c.op !== 'equal').map((c) => [c.a, c.b])).toEqual([['m', 'n']])
    expect(copy!.similarity).toBeGreaterThan(0.9)
    expect(copy!.words).toBeGreaterThanOrEqual(15)
    // No overlap holds chage twice, nor its DESCRIPTION with the copy; the DESCRIPTION's pair is
    // marked as the loose likeness it is, and the copy is not.
    expect(copy!.likeness).toBeUndefined()
    expect(overlaps.length).toBeGreaterThan(1)
    for (const o of overlaps) {
      expect(o.passages.filter((p) => p.doc === 'chage')).toHaveLength(1)
      if (o !== copy) {
        expect(o.passages.some((p) => p.text.includes('The chage command'))).toBe(true)
        expect(o.likeness).toBe(true)
      }
    }
  })
})

describe('findOverlaps, two sections written to one pattern', () => {
  it('lists each section copied word for word, whether or not another topic is in the folder (a reviewer)', async () => {
    // Python's reference: the "if" and "while" topics are copies of the "compound" topic's
    // sections, which begin alike ("The "if" statement is used for conditional execution", "The
    // "while" statement is used for repeated execution"). With the "augassign" topic in the folder
    // the sections matched as a loose pair of their own, and the two copies were one near-verbatim
    // overlap of four passages; without it, two verbatim overlaps.
    const { texts } = await loadFolder(join(FIXTURES, 'bridged'))
    for (const documents of [texts, texts.filter((t) => t.id !== 'augassign')]) {
      const { overlaps } = findOverlaps(documents)
      const copies = overlaps.filter((o) => o.kind === 'verbatim').map((o) => o.passages.map((p) => p.doc).sort())
      expect(copies).toEqual(
        expect.arrayContaining([
          ['compound', 'if'],
          ['compound', 'while'],
        ]),
      )
      // The copies are no likeness. The two sections written to one pattern are, with the fifth
      // topic, where their pair is loose (without it, it is shorter and closer, and near-verbatim).
      for (const o of overlaps) {
        const both = ['if', 'while'].every((doc) => o.passages.some((p) => p.doc === doc))
        if (!both) expect(o.likeness).toBeUndefined()
        else if (documents === texts) expect(o.likeness).toBe(true)
      }
      // Every passage of the copies is a whole section, the same words in both documents.
      for (const o of overlaps.filter((o) => o.kind === 'verbatim' && o.passages.length === 2))
        expect(o.passages[0].text.replace(/[=*]+/g, '')).toBe(o.passages[1].text.replace(/[=*]+/g, ''))
    }
  })
})
