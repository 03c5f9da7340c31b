import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type AnalysedDocument, contentBlocksOf } from '../../main/core/engine/analyse.js'
import type { RegionList } from '../../main/core/engine/region-list.js'
import {
  chainSeeds,
  joinAlikeGaps,
  MAX_GAP_WORDS,
  MERGE_GAP_WORDS,
  MIN_REGION_SEEDS,
  type Region,
  repeatedTwice,
} from '../../main/core/engine/chain.js'
import type { Seeds } from '../../main/core/engine/ngrams.js'
import { Run } from '../../main/core/engine/progress.js'
import { findOverlaps } from '../../main/core/engine/overlaps.js'
import { loadFolder } from '../../main/node/engine/inline.js'
import { ROOT } from '../helpers.js'

// chainSeeds against the chaining it replaced, which scanned back over up to 64 earlier seeds of
// the pair for every seed, even a copy of an earlier one, and sorted a long run's seeds by
// diagonal: the same candidates, in the same order, from any seeds. The documents here have no
// text, so no paragraph breaks: the rules that read them (list items reordered, a stock line
// before stanzas) are tested on texts, in engine-overlaps.

const LOOKBACK = 64
const MERGE_LOOKBACK = 64

function find(parent: number[], x: number): number {
  while (parent[x] !== x) x = parent[x] = parent[parent[x]]
  return x
}

function union(parent: number[], x: number, y: number): void {
  const rx = find(parent, x)
  const ry = find(parent, y)
  if (rx < ry) parent[ry] = rx
  else parent[rx] = ry
}

/**
 * The chaining of commit f0242d2, written plainly, a candidate joining the last before it near it
 * in both texts that holds in A every candidate after it but the short ones (chance matches), not
 * only the last, past such matches only when it is long or one text has it at once after the other.
 */
function reference(seeds: Seeds, n: number, docs: readonly AnalysedDocument[]): Region[] {
  const link = n + MAX_GAP_WORDS
  const regions: Region[] = []
  let start = 0
  while (start < seeds.count) {
    const da = seeds.docA[start]
    const db = seeds.docB[start]
    let end = start + 1
    while (end < seeds.count && seeds.docA[end] === da && seeds.docB[end] === db) end++
    const start0 = regions.length
    const parent = Array.from({ length: end - start }, (_, k) => k)
    const anchored = new Uint8Array(end - start)
    for (let i = start; i < end; i++) {
      for (let j = i - 1, steps = 0; j >= start && steps < LOOKBACK; j--, steps++) {
        if (seeds.posA[i] - seeds.posA[j] > link) break
        if (Math.abs(seeds.posB[i] - seeds.posB[j]) <= link) {
          if (seeds.posA[i] - seeds.posA[j] === 1 && seeds.posB[i] - seeds.posB[j] === 1) anchored[i - start] = anchored[j - start] = 1
          union(parent, i - start, j - start)
        }
      }
    }
    if (end - start > LOOKBACK) {
      const order = Array.from({ length: end - start }, (_, k) => start + k)
      const diagonal = (i: number) => seeds.posB[i] - seeds.posA[i]
      order.sort((x, y) => diagonal(x) - diagonal(y) || seeds.posA[x] - seeds.posA[y])
      for (let k = 1; k < order.length; k++) {
        const [i, j] = [order[k], order[k - 1]]
        if (diagonal(i) !== diagonal(j) || seeds.posA[i] - seeds.posA[j] > link) continue
        if (seeds.posA[i] - seeds.posA[j] === 1) anchored[i - start] = anchored[j - start] = 1
        union(parent, i - start, j - start)
      }
    }
    const byRoot = new Map<number, Region>()
    const rootAnchored = new Set<number>()
    for (let i = start; i < end; i++) {
      const root = find(parent, i - start)
      const [pa, pb] = [seeds.posA[i], seeds.posB[i]]
      if (anchored[i - start]) rootAnchored.add(root)
      const r = byRoot.get(root)
      if (!r) byRoot.set(root, { docA: da, docB: db, a0: pa, a1: pa + n - 1, b0: pb, b1: pb + n - 1, seeds: 1 })
      else
        Object.assign(r, {
          a0: Math.min(r.a0, pa),
          a1: Math.max(r.a1, pa + n - 1),
          b0: Math.min(r.b0, pb),
          b1: Math.max(r.b1, pb + n - 1),
          seeds: r.seeds + 1,
        })
    }
    // A text held twice in one document, chained into one set, read as its two copies.
    const members = new Map<number, number[]>()
    for (let i = start; i < end; i++) members.set(find(parent, i - start), [...(members.get(find(parent, i - start)) ?? []), i])
    const found = [...byRoot]
      .filter(([root, r]) => r.seeds >= MIN_REGION_SEEDS && rootAnchored.has(root))
      .flatMap(([root, r]) => {
        const lopsided = Math.abs(r.a1 - r.a0 - (r.b1 - r.b0)) > 2 * link
        const copies = lopsided ? repeatedTwice(seeds, members.get(root)!, link) : undefined
        return copies ? copies.map((c) => ({ docA: da, docB: db, ...c, a1: c.a1 + n - 1, b1: c.b1 + n - 1 })) : [r]
      })
    found.sort((x, y) => x.a0 - y.a0 || x.b0 - y.b0)
    for (const region of found) {
      // The last of the last MERGE_LOOKBACK near it in both texts that holds in A every later one
      // but the short ones; past any, only a long one, and only where it is long or next to k in
      // one text.
      const link = n + MAX_GAP_WORDS
      let last: Region | undefined
      let laterEnd = -1
      // A short one just before a long region only where no long one further back joins.
      let shortBefore: Region | undefined
      for (let k = regions.length - 1; k >= start0 && k >= regions.length - MERGE_LOOKBACK; k--) {
        const [gapA, gapB] = [region.a0 - regions[k].a1, region.b0 - regions[k].b1]
        const near = gapA >= -n && gapA <= MERGE_GAP_WORDS && gapB >= -n && gapB <= MERGE_GAP_WORDS
        const past = k < regions.length - 1
        const long = (r: Region) => Math.min(r.a1 - r.a0, r.b1 - r.b0) >= link
        // No long candidate of the pair lies wholly inside the gap, in A or in B: text moved.
        const [ka1, kb1] = [regions[k].a1, regions[k].b1]
        const moved = found.some((r) => long(r) && ((r.b0 > kb1 && r.b1 < region.b0) || (r.a0 > ka1 && r.a1 < region.a0)))
        const joins = !past || (long(regions[k]) && (long(region) || Math.min(gapA, gapB) <= n) && !moved)
        if (near && laterEnd <= regions[k].a1 && joins) {
          if (past || long(regions[k]) || !long(region)) {
            last = regions[k]
            break
          }
          shortBefore = regions[k]
        }
        if (regions[k].a1 - regions[k].a0 >= link) laterEnd = Math.max(laterEnd, regions[k].a1)
      }
      last ??= shortBefore
      if (!last) {
        for (let k = regions.length - 1; k >= start0 && k >= regions.length - MERGE_LOOKBACK; k--) {
          if (sameGap(docs[da], regions[k].a1, region.a0, docs[db], regions[k].b1, region.b0)) {
            last = regions[k]
            break
          }
        }
      }
      if (last) {
        if (!last.parts) last.parts = [{ ...last }]
        last.parts.push(region)
        Object.assign(last, {
          a0: Math.min(last.a0, region.a0),
          a1: Math.max(last.a1, region.a1),
          b0: Math.min(last.b0, region.b0),
          b1: Math.max(last.b1, region.b1),
          seeds: last.seeds + region.seeds,
        })
      } else regions.push({ ...region })
    }
    // Long candidates with alike words between joined (the same pass in both: joinAlikeGaps).
    const joined = joinAlikeGaps(regions.slice(start0), docs[da], docs[db], found, n + MAX_GAP_WORDS)
    if (joined) regions.splice(start0, regions.length - start0, ...joined.filter((r) => r !== undefined))
    start = end
  }
  return regions
}

function sameGap(A: AnalysedDocument, a1: number, a0: number, B: AnalysedDocument, b1: number, b0: number): boolean {
  const length = a0 - a1 - 1
  if (length <= 0 || length !== b0 - b1 - 1) return false
  for (let k = 1; k <= length; k++) if (A.match[A.content[a1 + k]] !== B.match[B.content[b1 + k]]) return false
  return true
}

/** A document whose content word k has match id words[k]. */
function doc(words: readonly number[]): AnalysedDocument {
  const content = Uint32Array.from(words, (_, k) => k)
  return {
    id: '',
    text: '',
    starts: content,
    ends: content,
    surface: content,
    match: Uint32Array.from(words),
    foreign: new Uint32Array(0),
    foreignSentences: new Uint32Array(0),
    content,
    contentBlocks: contentBlocksOf(content, content.length),
    respelled: new Uint32Array(0),
  }
}

/** Seeds sorted as findSeeds sorts them: by documents and position in A, ties in the order given. */
function seedsOf(list: readonly [number, number, number, number][]): Seeds {
  const sorted = list.map((s, k) => [...s, k]).sort((x, y) => x[0] - y[0] || x[2] - y[2] || x[1] - y[1] || x[4] - y[4])
  return {
    docA: Uint16Array.from(sorted, (s) => s[0]),
    posA: Uint32Array.from(sorted, (s) => s[1]),
    docB: Uint16Array.from(sorted, (s) => s[2]),
    posB: Uint32Array.from(sorted, (s) => s[3]),
    count: sorted.length,
    common: [],
    printed: [],
    stats: { ngrams: 0, distinct: 0, common: 0, seeding: 0 },
  }
}

/** The candidates of a RegionList as objects, in order. */
const regionsOf = (list: RegionList): Region[] => Array.from({ length: list.length }, (_, k) => list.at(k))

describe('chainSeeds', () => {
  const n = 3
  const length = 400
  const docs = [0, 1, 2].map((d) => doc(Array.from({ length }, (_, k) => (k * (d + 7)) % 11)))

  // Seeds along a few shared stretches (diagonals) with gaps, each seeded up to four times over
  // (as a frequent n-gram's representative and its contexts do); a line of A repeated many times
  // in B (more seeds near one place of A than the lookback sees); chance matches scattered
  // about; in up to four pairs of documents, generated in any order.
  type Seed = [number, number, number, number]
  const pairs = fc.constantFrom<[number, number]>([0, 1], [0, 2], [1, 2], [1, 1])
  const stretch = fc
    .record({
      pair: pairs,
      a: fc.nat(length - 80),
      shift: fc.integer({ min: -40, max: 40 }),
      len: fc.integer({ min: 1, max: 60 }),
      copies: fc.integer({ min: 1, max: 4 }),
      skip: fc.nat(5),
    })
    .map(({ pair: [x, y], a, shift, len, copies, skip }) => {
      const out: Seed[] = []
      for (let k = 0; k < len; k++) {
        if (skip && k % (skip + 2) === 0) continue
        const b = Math.min(length - 1, Math.max(0, a + shift + k))
        for (let c = 0; c < copies; c++) out.push([x, a + k, y, b])
      }
      return out
    })
  const repeated = fc
    .record({
      pair: pairs,
      a: fc.nat(length - 40),
      b: fc.nat(100),
      period: fc.integer({ min: 1, max: 30 }),
      times: fc.integer({ min: 2, max: 60 }),
      len: fc.integer({ min: 1, max: 30 }),
      skip: fc.nat(5),
    })
    .map(({ pair: [x, y], a, b, period, times, len, skip }) => {
      const out: Seed[] = []
      for (let r = 0; r < times; r++) {
        for (let k = 0; k < len; k++) {
          if (skip && (k + r) % (skip + 2) === 0) continue
          if (b + r * period + k < length) out.push([x, a + k, y, b + r * period + k])
        }
      }
      return out
    })
  const noise = fc.array(fc.tuple(fc.constantFrom(0, 1), fc.nat(length - 1), fc.constantFrom(1, 2), fc.nat(length - 1)), { maxLength: 40 })
  const seedLists = fc.tuple(fc.array(fc.oneof(stretch, repeated, noise), { maxLength: 10 }), fc.integer()).map(([lists, seed]) => {
    // In a random order: findSeeds keeps the order it made seeds in among seeds at one place of A.
    const list = lists.flat()
    let state = seed >>> 0
    for (let i = list.length - 1; i > 0; i--) {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0
      const j = state % (i + 1)
      ;[list[i], list[j]] = [list[j], list[i]]
    }
    return list
  })

  it('finds the candidates the full lookback found, in the same order', () => {
    fc.assert(
      fc.property(seedLists, (list) => {
        const seeds = seedsOf(list)
        expect(regionsOf(chainSeeds(seeds, n, new Run(), docs))).toEqual(reference(seeds, n, docs))
      }),
      { numRuns: 500 },
    )
  })

  it('chains a stretch seeded several times over into one candidate', () => {
    const list: [number, number, number, number][] = []
    for (let k = 0; k < 200; k++) for (let c = 0; c < 3; c++) list.push([0, 10 + k, 1, 50 + k])
    const regions = regionsOf(chainSeeds(seedsOf(list), n, new Run(), docs))
    expect(regions).toEqual([{ docA: 0, docB: 1, a0: 10, a1: 209 + n - 1, b0: 50, b1: 249 + n - 1, seeds: 600 }])
  })

  it('reads a text one document holds twice as its two copies, however chance matches chain them', () => {
    // git-config's manual page lists the diff tools twice, git-diff's once; each tool's "(requires
    // a graphical session)" matched at the other tools' places too, and those seeds chained the
    // two copies into one candidate against the one (when git-diff was read first).
    const list: [number, number, number, number][] = []
    for (let k = 0; k < 40; k++) list.push([0, k, 1, k], [0, k, 1, 42 + k])
    for (const [a, b] of [
      [22, 50],
      [22, 57],
      [23, 51],
      [23, 58],
      [31, 52],
      [31, 59],
      [31, 66],
      [38, 46],
    ])
      list.push([0, a, 1, b])
    const regions = regionsOf(chainSeeds(seedsOf(list), n, new Run(), docs))
    expect(regions.map((r) => [r.a0, r.a1, r.b0, r.b1])).toEqual([
      [0, 39 + n - 1, 0, 39 + n - 1],
      [0, 39 + n - 1, 42, 81 + n - 1],
    ])
  })

  it('joins the parts of a passage around an insertion, past a chance match of a phrase the text repeats', () => {
    // A inserts a sentence after its word 80; a phrase of A's words 72-77 also stands at B's
    // 44-49 (the article repeats "new quality productive forces"), a candidate of its own that
    // sorts, in A, between the two parts.
    const list: [number, number, number, number][] = []
    for (let k = 0; k < 78; k++) list.push([0, k, 1, k])
    for (let k = 0; k < 6; k++) list.push([0, 72 + k, 1, 44 + k])
    for (let k = 0; k < 80; k++) list.push([0, 92 + k, 1, 81 + k])
    const regions = regionsOf(chainSeeds(seedsOf(list), n, new Run(), docs))
    const whole = regions.find((r) => r.a0 === 0)
    expect([whole?.a1, whole?.b1]).toEqual([171 + n - 1, 160 + n - 1])
  })

  it('ends a passage before a short tail a section heading and more words away (e2fsprogs, a reviewer)', async () => {
    // resize2fs's and tune2fs's "-z undo_file" paragraphs, then AUTHOR (and tune2fs's BUGS): the
    // two authors' paragraphs share "written by Theodore Ts'o <tytso@mit.edu>" only.
    const { texts } = await loadFolder(`${ROOT}/test/fixtures/engine/tail-across-heading`)
    const { overlaps } = findOverlaps(texts, { paraphrase: false })
    const undo = overlaps.find((o) => o.passages.some((p) => p.text.startsWith('-z undo_file')))
    expect(undo?.passages.map((p) => p.doc)).toEqual(['resize2fs', 'tune2fs'])
    for (const p of undo!.passages) expect(p.text).toMatch(/E2FSPROGS_UNDO_DIR environment variable\.$/)
  })
})

describe('a long copy with examples that repeat', () => {
  it('starts where the copy starts, in both (Node.js path.md and the text of its HTML page, a tester)', async () => {
    // A chance match near the end of the first half ("the following properties:" of two
    // different examples) may not join the next half (chain.ts apartAcrossBreak); passed over,
    // the next half joins the first half just before it. Stopped there, it joined an example the
    // page repeats, 400 words into the text, and the passage lost the page's first 90 words.
    const { texts } = await loadFolder(`${ROOT}/test/fixtures/engine/long-copy-start`)
    const { overlaps } = findOverlaps(texts, { paraphrase: false })
    const copy = overlaps.reduce((x, y) => (y.words > x.words ? y : x))
    expect(copy.passages.map((p) => p.doc)).toEqual(['path-html', 'path'])
    expect(copy.passages[0].text).toMatch(/^Source Code: lib\/path\.js\n\nThe node:path module provides utilities/)
    expect(copy.passages[1].text).toMatch(/^source_link=lib\/path\.js -->\n\nThe `node:path` module provides utilities/)
    expect(copy.words).toBeGreaterThan(1000)
  })
})

describe('joinAlikeGaps', () => {
  // A: words 0-199, each its own; B: the same, but for the stretch between two parts of a passage,
  // A's 60-99 against B's 60-99, whose words are A's there or others (`between`).
  const link = 3 + MAX_GAP_WORDS
  const docsWith = (between: (k: number) => number) => {
    const words = Array.from({ length: 200 }, (_, k) => k)
    return [doc(words), doc(words.map((w, k) => (k >= 60 && k < 100 ? between(k) : w)))]
  }
  const region = (a0: number, a1: number, b0: number, b1: number): Region => ({ docA: 0, docB: 1, a0, a1, b0, b1, seeds: a1 - a0 })
  const [head, tail] = [region(0, 59, 0, 59), region(100, 199, 100, 199)]

  it('joins two parts of a passage whose words between are mostly alike, however many', () => {
    // Two words in five edited: 24 of the 40 alike, Dice 0.6.
    const [A, B] = docsWith((k) => (k % 5 < 2 ? 1000 + k : k))
    const joined = joinAlikeGaps([head, tail], A, B, [head, tail], link)
    expect(joined).toHaveLength(2)
    expect(joined![1]).toBeUndefined()
    expect(joined![0]).toMatchObject({ a0: 0, a1: 199, b0: 0, b1: 199, seeds: 59 + 99 })
    expect(joined![0]?.parts).toEqual([head, tail])
  })

  it('keeps them apart where the words between are another text, or longer than the parts', () => {
    // Three words in five other words: Dice 0.4.
    const [A, B] = docsWith((k) => (k % 5 < 3 ? 1000 + k : k))
    expect(joinAlikeGaps([head, tail], A, B, [head, tail], link)).toBeUndefined()
    // Alike words between, more of them than the two parts hold.
    const [C, D] = docsWith((k) => k)
    const [short1, short2] = [region(45, 59, 45, 59), region(100, 114, 100, 114)]
    expect(joinAlikeGaps([short1, short2], C, D, [short1, short2], link)).toBeUndefined()
  })

  it('keeps them apart where a candidate of the pair lies between in one text only (items in another order)', () => {
    const [A, B] = docsWith((k) => k)
    const moved = region(70, 89, 150, 169)
    expect(joinAlikeGaps([head, moved, tail], A, B, [head, moved, tail], link)).toBeUndefined()
  })

  it('joins no document with itself', () => {
    const [A] = docsWith((k) => k)
    expect(joinAlikeGaps([head, tail], A, A, [head, tail], link)).toBeUndefined()
  })
})
