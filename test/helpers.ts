import { readdirSync, readFileSync } from 'node:fs'
import { cp, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type AnalysedDocument, analyse, type EngineDocument, rarity } from '../main/core/engine/analyse.js'
import type { OverlapPassage } from '../main/core/engine/overlaps.js'
import { Run } from '../main/core/engine/progress.js'
import { OffsetMap } from '../main/core/text/offsets.js'
import { type PairMeasure, PairMeasurer } from '../main/core/engine/similarity.js'
import { keptKind, MIN_SHARED_WORDS } from '../main/core/engine/kept-pair.js'
import type { OverlapKind } from '../main/core/engine/overlaps.js'

export const ROOT = fileURLToPath(new URL('..', import.meta.url))
export const CORPUS = join(ROOT, 'corpus')

/** The texts of a folder of test/fixtures/engine as the engine's documents, named by their files, in their names' order. */
export function engineFixture(folder: string): EngineDocument[] {
  const dir = join(ROOT, 'test/fixtures/engine', folder)
  return readdirSync(dir)
    .sort()
    .map((name) => ({ id: name, text: readFileSync(join(dir, name), 'utf8') }))
}

/** A fresh temporary folder, removed by the returned cleanup. */
export async function tempDir(prefix = 'parallax-test-'): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), prefix))
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) }
}

/** Copies a folder (fixtures) into a temporary one. */
export async function copyToTemp(from: string): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const t = await tempDir()
  await cp(from, t.dir, { recursive: true })
  return t
}

/** Texts as the engine reads them (analyse.ts, stemming on), as documents d0, d1, ... */
export function analysed(...texts: string[]): AnalysedDocument[] {
  return analyse(
    texts.map((text, k) => ({ id: `d${k}`, text })),
    true,
    new Run({}),
  ).docs
}

/**
 * The tokens of `doc` (analysed from `text`) that hold `part`, its first occurrence from character
 * `after` on: [start, end], inclusive.
 */
export function tokenSpan(
  doc: Pick<AnalysedDocument, 'starts' | 'ends'>,
  text: string,
  part: string,
  after = 0,
): { start: number; end: number } {
  const from = text.indexOf(part, after)
  const to = from + part.length
  let start = 0
  while (doc.starts[start] < from) start++
  let end = start
  while (end + 1 < doc.starts.length && doc.ends[end + 1] <= to) end++
  return { start, end }
}

/**
 * `documents` analysed as the engine analyses them (stemming on), and a measurer of their pairs
 * with its rarity weights over the same documents; no word is counted as covered by a common
 * n-gram.
 */
export function measurerOf(documents: readonly EngineDocument[]): { corpus: ReturnType<typeof analyse>; measurer: PairMeasurer } {
  const corpus = analyse(documents, true, new Run({}))
  const weights = Float64Array.from({ length: corpus.lexicon.matchCount }, (_, m) => rarity(corpus, m))
  const measurer = new PairMeasurer(
    corpus,
    weights,
    corpus.docs.map((d) => new Uint8Array(d.content.length)),
  )
  return { corpus, measurer }
}

/**
 * Two passages of an overlap found in `documents` measured as the engine measures a pair
 * (similarity.ts), with its rarity weights over the same documents; no word is counted as
 * covered by a common n-gram.
 */
export function measuredPair(documents: readonly EngineDocument[], a: OverlapPassage, b: OverlapPassage): PairMeasure {
  const { corpus, measurer } = measurerOf(documents)
  const [da, a0, a1, db, b0, b1] = [a, b].flatMap((p) => {
    const doc = documents.findIndex((d) => d.id === p.doc)
    const { starts, ends, text } = corpus.docs[doc]
    const map = new OffsetMap(text)
    const [start, end] = [map.toUtf16(p.start), map.toUtf16(p.end)]
    // The passage's words: its marks before the first and after the last are no tokens.
    const span = [doc, starts.findIndex((s) => s >= start), ends.findLastIndex((e) => e <= end)]
    if (span.some((x) => x < 0) || span[1] > span[2]) throw new Error(`${p.doc} ${p.start}-${p.end}: no words of its document`)
    return span
  })
  return measurer.measure(da, a0, a1, db, b0, b1)
}

/**
 * The kind two whole texts are kept as when aligned as one pair, measured as the engine measures
 * it (see measuredPair), or undefined when the pair is dropped (kept-pair.ts keptKind).
 */
export function keptKindOf(a: string, b: string): OverlapKind | undefined {
  const { corpus, measurer } = measurerOf([a, b].map((text, k) => ({ id: `d${k}`, text })))
  const [A, B] = corpus.docs
  const [a1, b1] = [A.starts.length - 1, B.starts.length - 1]
  return keptKind(measurer.measure(0, 0, a1, 1, 0, b1), MIN_SHARED_WORDS, A, 0, a1, B, 0, b1)
}

/** A pair of passages as the engine's clustering reads them: [doc, start, end] on each side (inclusive tokens). */
export function pairOf(a: [number, number, number], b: [number, number, number]) {
  return { a: { doc: a[0], start: a[1], end: a[2] }, b: { doc: b[0], start: b[1], end: b[2] } }
}
