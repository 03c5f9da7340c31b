import * as z from 'zod'
import { MAX_PAIRWISE_PASSAGES, type Overlap, type OverlapKind, VARIANT_SIMILARITY } from '../engine/overlaps.js'
import { OffsetMap } from '../text/offsets.js'
import { PassageLocator } from './locate.js'
import { passageVariants } from './variants.js'

// Overlaps found by other tools (passim clusters, TextPAIR alignments), as a project stores them
// in reuse/<source>.json and as they are read: in the engine's Overlap shape, with `source` saying
// who found them (the engine's own overlaps are "parallax"). The other tools give no word-level
// alignment, so `variants` are the engine's word diff of the passages (reuse/variants.ts), and no
// rarity weights, so the figures are plain:
//   words       words the best pair of passages shares (case-insensitive, as many times as both have them)
//   similarity  Dice similarity of the best pair's words, 0..1
//   score       words × similarity: ranks one source's overlaps; not comparable with the engine's
//               rarity-weighted score
//   kind        the kind most pairs have, the closer on a tie (as the engine's): verbatim (the
//               same words in the same order), variant (similarity from VARIANT_SIMILARITY) or
//               paraphrase; pairKinds counts them
// Where a passage moved or changed since the import, the figures are measured again.

/** Batch tools whose results a project can import. */
export const REUSE_SOURCES = ['passim', 'textpair'] as const
export type ReuseSource = (typeof REUSE_SOURCES)[number]
/** Who found an overlap: Parallax's own engine, or a tool whose results were imported. */
export type OverlapSource = 'parallax' | ReuseSource

/** One passage of an imported overlap; passim's records add their uid (exact, as a string) and boiler flag. */
export const ImportedPassage = z.looseObject({
  doc: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  text: z.string(),
  uid: z.string().optional(),
  boiler: z.boolean().optional(),
})
export type ImportedPassage = z.infer<typeof ImportedPassage>

/** Word-level differences of a pair of passages (engine/variants.ts), as stored. */
const StoredVariant = z.object({
  a: z.number().int().nonnegative(),
  b: z.number().int().nonnegative(),
  changes: z
    .array(
      z.object({
        op: z.enum(['equal', 'insert', 'delete', 'replace']),
        a: z.string(),
        b: z.string(),
        aStart: z.number().int(),
        aEnd: z.number().int(),
        bStart: z.number().int(),
        bEnd: z.number().int(),
        moved: z.literal(true).optional(),
        beyond: z.literal(true).optional(),
      }),
    )
    .nullable(),
  tooLong: z.literal(true).optional(),
  apart: z.literal(true).optional(),
})

/** An imported overlap as stored. passim's add `cluster` (exact) and `size` (documents in the whole cluster). */
export const StoredOverlap = z.looseObject({
  id: z.string(),
  source: z.enum(REUSE_SOURCES),
  kind: z.enum(['verbatim', 'variant', 'paraphrase']),
  score: z.number(),
  words: z.number().int().nonnegative(),
  similarity: z.number(),
  passages: z.array(ImportedPassage).min(2),
  /** Word-level differences (reuse/variants.ts), computed at import. */
  variants: z.array(StoredVariant).default([]),
  cluster: z.string().optional(),
  size: z.number().int().optional(),
  /** How many of the pairs of passages are of each kind (files written before it was kept: measured on read). */
  pairKinds: z.object({ verbatim: z.number().int(), variant: z.number().int(), paraphrase: z.number().int() }).optional(),
  /** Boilerplate by the tool's own judgement (passim's `boiler`); missing: true when any passage says so. */
  boilerplate: z.boolean().optional(),
})
export type StoredOverlap = z.infer<typeof StoredOverlap>

/** What an import did, kept with its overlaps and printed by the CLI. */
export const ImportReport = z.looseObject({
  source: z.enum(REUSE_SOURCES),
  /** The file or folder read, and when. */
  from: z.string(),
  at: z.string(),
  files: z.number().int(),
  records: z.number().int(),
  /** Records (passages) kept, in overlaps of two or more project documents. */
  passages: z.number().int(),
  overlaps: z.number().int(),
  /** Records naming a document the project does not have, with the first few ids. */
  unknownRecords: z.number().int(),
  unknownDocuments: z.array(z.string()),
  /** Records whose text was not at their offsets but was found nearby (re-anchored). */
  moved: z.number().int(),
  /** Records whose text is not in the document any more, with the first few. */
  unmatchedRecords: z.number().int(),
  unmatched: z.array(z.looseObject({ doc: z.string(), start: z.number(), end: z.number(), text: z.string() })),
  /** Clusters left with passages in one project document only (their other passages lie outside it). */
  singleDocument: z.number().int(),
})
export type ImportReport = z.infer<typeof ImportReport>

/** reuse/<source>.json: one import's overlaps and report. */
export const ReuseFile = z.looseObject({
  format: z.literal('parallax-reuse'),
  version: z.literal(1),
  source: z.enum(REUSE_SOURCES),
  report: ImportReport,
  overlaps: z.array(StoredOverlap),
})
export type ReuseFile = z.infer<typeof ReuseFile>

/** An overlap as served and printed: the engine's shape plus its source (and what the tool added). */
export type SourcedOverlap = Overlap & { source: OverlapSource; cluster?: string; size?: number }

/** How many examples (unknown ids, unmatched passages) a report keeps. */
export const REPORT_EXAMPLES = 10

const WORD = /[\p{L}\p{N}]+/gu

function words(text: string): string[] {
  return (text.toLowerCase().match(WORD) ?? []) as string[]
}

function counts(list: readonly string[]): Map<string, number> {
  const m = new Map<string, number>()
  for (const w of list) m.set(w, (m.get(w) ?? 0) + 1)
  return m
}

/** The plain figures of an imported overlap (see above) from its passages' texts. */
export function measurePassages(texts: readonly string[]): {
  kind: OverlapKind
  words: number
  similarity: number
  score: number
  pairKinds: Record<OverlapKind, number>
} {
  const lists = texts.map(words)
  const bags = lists.map(counts)
  let best = { shared: 0, similarity: 0, verbatim: false }
  const pairKinds: Record<OverlapKind, number> = { verbatim: 0, variant: 0, paraphrase: 0 }
  for (let i = 0; i < texts.length; i++) {
    for (let j = i + 1; j < texts.length; j++) {
      // Like the engine's variants: all pairs up to MAX_PAIRWISE_PASSAGES, beyond that the first against the rest.
      if (texts.length > MAX_PAIRWISE_PASSAGES && i > 0) break
      let shared = 0
      for (const [w, n] of bags[i]) shared += Math.min(n, bags[j].get(w) ?? 0)
      const total = lists[i].length + lists[j].length
      const similarity = total ? (2 * shared) / total : 0
      const verbatim = lists[i].length === lists[j].length && lists[i].every((w, k) => w === lists[j][k])
      pairKinds[kindOf(verbatim, similarity)]++
      if (similarity > best.similarity || (similarity === best.similarity && shared > best.shared)) {
        best = { shared, similarity, verbatim }
      }
    }
  }
  let kind: OverlapKind = texts.length < 2 ? kindOf(best.verbatim, best.similarity) : 'verbatim'
  for (const k of ['variant', 'paraphrase'] as const) if (pairKinds[k] > pairKinds[kind]) kind = k
  return { kind, words: best.shared, similarity: round(best.similarity), score: round(best.shared * best.similarity), pairKinds }
}

function kindOf(verbatim: boolean, similarity: number): OverlapKind {
  return verbatim ? 'verbatim' : similarity >= VARIANT_SIMILARITY ? 'variant' : 'paraphrase'
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000
}

/** Passages in reading order: by the documents' order in the project, then by start. */
export function sortPassages<P extends { doc: string; start: number }>(passages: P[], order: ReadonlyMap<string, number>): P[] {
  return passages.sort((a, b) => (order.get(a.doc) ?? 0) - (order.get(b.doc) ?? 0) || a.start - b.start)
}

/** Number of distinct documents among passages. */
export function documentCount(passages: readonly { doc: string }[]): number {
  return new Set(passages.map((p) => p.doc)).size
}

/**
 * The stored overlaps checked against the documents as they are now: a passage whose text moved
 * is re-anchored (PassageLocator), one whose text is gone is dropped, and so is an overlap left
 * with fewer than two documents. `texts` holds every project document's text by id; passages of
 * documents no longer in the project are dropped.
 */
export function currentOverlaps(
  stored: readonly StoredOverlap[],
  texts: ReadonlyMap<string, string>,
): { overlaps: SourcedOverlap[]; moved: number; dropped: number } {
  const locators = new Map<string, PassageLocator>()
  const locatorOf = (doc: string): PassageLocator | null => {
    let l = locators.get(doc)
    if (!l) {
      const text = texts.get(doc)
      if (text === undefined) return null
      locators.set(doc, (l = new PassageLocator(new OffsetMap(text))))
    }
    return l
  }
  let moved = 0
  let dropped = 0
  const overlaps: SourcedOverlap[] = []
  for (const o of stored) {
    const passages: ImportedPassage[] = []
    let changed = false
    for (const p of o.passages) {
      const locator = locatorOf(p.doc)
      const found = locator?.locate(p.text, p.start, p.end)
      if (!locator || !found || found.status === 'unmatched') {
        dropped++
        continue
      }
      if (found.status === 'moved') moved++
      const text = locator.text.slice(found.start, found.end)
      if (found.start !== p.start || text !== p.text) changed = true
      passages.push({ ...p, start: found.start, end: found.end, text })
    }
    if (passages.length !== o.passages.length) changed = true
    if (documentCount(passages) < 2) continue
    // The stored variants and figures hold while every passage is where and what it was.
    overlaps.push({
      ...o,
      passages,
      variants: changed ? passageVariants(passages) : o.variants,
      ...(changed || !o.pairKinds ? measurePassages(passages.map((p) => p.text)) : {}),
      boilerplate: o.boilerplate ?? passages.some((p) => p.boiler === true),
    })
  }
  return { overlaps, moved, dropped }
}
