import { type Cluster, clusterPairs, eitherOrder, type PairPassage, type PairSides } from './cluster.js'
import { mergePassages } from './extend.js'
import { identity, sortIndicesByKeys } from './radix.js'
import { type AnalysedDocument } from './analyse.js'
import { paragraphBetween } from './align.js'

/** What abutting reads of a document (ABUTTING_TOKENS): its text and where its tokens are. */
type Paragraphs = Pick<AnalysedDocument, 'text' | 'starts' | 'ends'>

// Two texts an overlap holds only through pairs that are loosely alike. Clustering joins pairs
// whose passages lie in the same place of a document (cluster.ts, cores.ts): a pair is taken to be
// one text in two documents. A loose pair of two different texts, each copied word for word in
// documents of its own, joins both copies into one overlap: Python's reference ships its "if" and
// "while" sections as topics of their own and again inside its "compound" topic, and the two
// sections, written to one pattern ("The "if" statement is used for conditional execution: ...",
// "The "while" statement is used for repeated execution ..."), matched as a pair of their own
// whose words were half the same. The four passages were one near-verbatim overlap "27 shared
// words, similarity 0.529", and the two copies word for word were listed nowhere (a reviewer);
// without a fifth, unrelated topic in the folder, the pair was shorter, stayed apart, and the
// copies were listed: adding a document removed them.
// So within each overlap, the pairs that are close (word for word, or as alike as a near-verbatim
// copy: CLOSE_SIMILARITY) are read as the texts they join, passages of one document that overlap
// joining their pairs; where two such texts or more are each in two documents at least, the
// overlap is split: each text its own overlap with the loose pairs that touch it alone, and the
// loose pairs that touch two texts or none an overlap of their own (clustered again), which
// holds the likeness of the texts and is listed beside them.
// A loose pair that reads a text again is such a likeness too: a close pair of the text in the
// same two documents holds one of its passages, and its other passage lies away from that pair's
// (the text read a second time, against a passage of the other document's own that is only
// loosely alike). Joined to the text, it was a second passage of that document in the overlap and
// gave it its figures: chage's and passwd's "--mindays MIN_DAYS Set the minimum number of days
// between password changes to MIN_DAYS. A value of zero ..." with chage's DESCRIPTION ("changes
// the number of days between password changes ... when a user must change their password") was
// one near-verbatim overlap, "7 shared words, similarity 0.368" (a reviewer of man pages). A
// loose pair of two documents no close pair of which holds either of its passages is a loose copy
// of the text, and stays with it, and so does one that goes on from a close pair's passage
// (ABUTTING_TOKENS). Its limit: a text that a document gives in pieces far apart (wget's manual's
// "--certificate-type" and "--private-key" options, which its startup file lists at two places as
// "certificate_type" and "private_key"), one piece matched closely and the other loosely, parts
// the loose piece as a likeness (a reviewer).

/**
 * Share of the words of a pair's passages in common (PairValues.similarity, a Dice coefficient)
 * from which the pair is one text's copies, never a bridge between two texts: a near-verbatim
 * copy's (kept-pair.ts VARIANT_SIMILARITY). Two sections written to one pattern share half.
 */
export const CLOSE_SIMILARITY = 0.6

/**
 * Tokens, at most, between a loose pair's passage and the close pair's passage it goes on from
 * for the two to be one place of the text, not two (readsAgain): a list of copyright holders
 * matched in two parts, one close and one loose, "... Ronald S. Bultje" / "2005-2007 Vincent Untz
 * ..." (a reviewer: the first part was parted from the list as a likeness of its own). Further,
 * or past a paragraph break (chage's DESCRIPTION before its options), and a passage of the
 * document's own is read against the text again.
 */
export const ABUTTING_TOKENS = 2

/** What splitting reads of the pairs: their passages, how alike they are, and whether word for word. */
export interface BridgedPairs extends PairSides {
  similarity(i: number): number
  verbatim(i: number): boolean
}

/**
 * `clusters` with each overlap that holds two texts or more through loose pairs only, or a text
 * and a loose pair that reads it again, split into those texts and the likeness between them (see
 * above); the same array where none does. `docs`: where paragraphs break (ABUTTING_TOKENS); without
 * them, none do.
 */
export function withoutBridges(clusters: Cluster[], pairs: BridgedPairs, docs?: readonly Paragraphs[]): Cluster[] {
  let out: Cluster[] | undefined
  clusters.forEach((cluster, k) => {
    const parts = split(cluster, pairs, docs)
    if (!parts) {
      out?.push(cluster)
      return
    }
    out ??= clusters.slice(0, k)
    out.push(...parts)
  })
  return out ?? clusters
}

/**
 * Cluster's texts and their likeness as clusters (see above), or undefined when it holds one text
 * that no loose pair reads again.
 */
function split(cluster: Cluster, pairs: BridgedPairs, docs: readonly Paragraphs[] | undefined): Cluster[] | undefined {
  if (cluster.pairs.length < 2) return undefined
  const close = cluster.pairs.filter((i) => pairs.verbatim(i) || pairs.similarity(i) >= CLOSE_SIMILARITY)
  // Close pairs alone join only where their passages overlap (cluster.ts): one text.
  if (close.length === 0 || close.length === cluster.pairs.length) return undefined
  // The texts: close pairs whose passages overlap in a document (closeTexts).
  const { rootOf, docOf, startOf, endOf } = closeTexts(close, pairs)
  // Texts in two documents at least.
  const docsOf = new Map<number, Set<number>>()
  close.forEach((i, c) => {
    const root = rootOf[c]
    let docs = docsOf.get(root)
    if (!docs) docsOf.set(root, (docs = new Set()))
    docs.add(pairs.doc(2 * i)).add(pairs.doc(2 * i + 1))
  })
  const texts = [...docsOf].filter(([, docs]) => docs.size >= 2).map(([root]) => root)
  if (texts.length === 0) return undefined
  // Each text's passages per document, to find which texts another pair touches.
  const textOf = new Map(texts.map((root, t) => [root, t]))
  const placesOf = new Map<number, { start: number; end: number; text: number }[]>()
  close.forEach((_, c) => {
    const text = textOf.get(rootOf[c])
    if (text === undefined) return
    for (const e of [2 * c, 2 * c + 1]) {
      let places = placesOf.get(docOf[e])
      if (!places) placesOf.set(docOf[e], (places = []))
      places.push({ start: startOf[e], end: endOf[e], text })
    }
  })
  const members: number[][] = texts.map(() => [])
  close.forEach((i, c) => {
    const text = textOf.get(rootOf[c])
    if (text !== undefined) members[text].push(i)
  })
  const closeAt = new Map(close.map((i, c) => [i, c]))
  // The close pairs of a text by their two documents, to find a loose pair that reads again what
  // one of them matched.
  const pairKey = (e: number): number => eitherOrder(pairs.doc(e), pairs.doc(e ^ 1))
  const closeByDocs = new Map<number, number[]>()
  close.forEach((i, c) => {
    if (!textOf.has(rootOf[c])) return
    const key = pairKey(2 * i)
    const list = closeByDocs.get(key)
    if (list) list.push(i)
    else closeByDocs.set(key, [i])
  })
  const overlapsSide = (e: number, f: number): boolean =>
    pairs.doc(e) === pairs.doc(f) && pairs.start(e) <= pairs.end(f) && pairs.start(f) <= pairs.end(e)
  /** Whether sides e and f overlap or abut: ABUTTING_TOKENS between, and no paragraph break. */
  const nearSide = (e: number, f: number): boolean => {
    if (pairs.doc(e) !== pairs.doc(f)) return false
    if (overlapsSide(e, f)) return true
    const [first, second] = pairs.end(e) < pairs.start(f) ? [e, f] : [f, e]
    if (pairs.start(second) - pairs.end(first) - 1 > ABUTTING_TOKENS) return false
    return !docs || !paragraphBetween(docs[pairs.doc(e)], pairs.end(first), pairs.start(second))
  }
  /**
   * Whether loose pair i reads a text again: a close pair of the same two documents holds one of
   * its passages and lies away from the other, which is no place of the text (`inText`, per side:
   * whether it touches one).
   */
  const readsAgain = (i: number, inText: readonly boolean[]): boolean =>
    (closeByDocs.get(pairKey(2 * i)) ?? []).some((j) =>
      [0, 1].some((flip) => {
        const x = 2 * j + flip
        const y = 2 * j + (flip ^ 1)
        return (
          (!inText[1] && pairs.doc(x) === pairs.doc(2 * i) && overlapsSide(x, 2 * i) && !nearSide(y, 2 * i + 1)) ||
          (!inText[0] && pairs.doc(y) === pairs.doc(2 * i + 1) && overlapsSide(y, 2 * i + 1) && !nearSide(x, 2 * i))
        )
      }),
    )
  const bridges: number[] = []
  /** Whether a loose pair reads a text again (see above). */
  let rereads = false
  for (const i of cluster.pairs) {
    const c = closeAt.get(i)
    if (c !== undefined && textOf.has(rootOf[c])) continue
    const touched = new Set<number>()
    const inText = [false, false]
    for (const side of [0, 1])
      for (const place of placesOf.get(pairs.doc(2 * i + side)) ?? [])
        if (place.start <= pairs.end(2 * i + side) && pairs.start(2 * i + side) <= place.end) {
          touched.add(place.text)
          inText[side] = true
        }
    if (touched.size === 1 && !readsAgain(i, inText)) members[[...touched][0]].push(i)
    else {
      rereads ||= touched.size === 1
      bridges.push(i)
    }
  }
  // One text, and no loose pair that reads it again: one overlap, as clustered.
  if (texts.length === 1 && !rereads) return undefined
  const parts: Cluster[] = members.map((list) => ({ pairs: list, passages: passagesOf(list, pairs) }))
  if (bridges.length) {
    // The likeness: the bridging pairs clustered again among themselves.
    const view: PairSides = {
      length: bridges.length,
      doc: (e) => pairs.doc(2 * bridges[e >>> 1] + (e & 1)),
      start: (e) => pairs.start(2 * bridges[e >>> 1] + (e & 1)),
      end: (e) => pairs.end(2 * bridges[e >>> 1] + (e & 1)),
      projected: (b) => pairs.projected(bridges[b]),
    }
    for (const c of clusterPairs(view)) parts.push({ pairs: c.pairs.map((b) => bridges[b]), passages: c.passages, likeness: true })
  }
  return parts
}

/**
 * The texts of close pairs `close` (see split): per close pair (its place in `close`), the
 * representative of those whose passages overlap in a document, by union-find over their places
 * swept per document in order of start; and per side, entry e (close pair e >>> 1's a side, even,
 * or b side, odd), its document, start and end. A function of its own, apart from the rest of
 * split: V8 compiled split's sweep while it ran one long overlap's thousands of pairs, and each
 * later long one entered that compiled code and fell out of it after the sweep, 40-70 times a run
 * on the copyright files.
 */
function closeTexts(
  close: readonly number[],
  pairs: BridgedPairs,
): { rootOf: Uint32Array; docOf: Uint32Array; startOf: Uint32Array; endOf: Uint32Array } {
  const parent = close.map((_, c) => c)
  const find = (c: number): number => {
    while (parent[c] !== c) c = parent[c] = parent[parent[c]]
    return c
  }
  // Entry e is close pair e >>> 1's a (even) or b (odd) side, in typed arrays (a licence's
  // overlap has thousands of pairs), sorted by document and start.
  const count = 2 * close.length
  const docOf = new Uint32Array(count)
  const startOf = new Uint32Array(count)
  const endOf = new Uint32Array(count)
  for (let e = 0; e < count; e++) {
    const at = 2 * close[e >>> 1] + (e & 1)
    docOf[e] = pairs.doc(at)
    startOf[e] = pairs.start(at)
    endOf[e] = pairs.end(at)
  }
  const order = sortIndicesByKeys(identity(count), count, [(e) => docOf[e], (e) => startOf[e]])
  let reach = -1
  let holder = -1
  for (let n = 0; n < count; n++) {
    const e = order[n]
    if (n > 0 && docOf[order[n - 1]] === docOf[e] && startOf[e] <= reach) {
      parent[find(e >>> 1)] = find(holder)
      reach = Math.max(reach, endOf[e])
    } else {
      holder = e >>> 1
      reach = endOf[e]
    }
  }
  const rootOf = new Uint32Array(close.length)
  for (let c = 0; c < close.length; c++) rootOf[c] = find(c)
  return { rootOf, docOf, startOf, endOf }
}

/** The passages of `list`'s pairs, merged per document. */
function passagesOf(list: readonly number[], pairs: PairSides): PairPassage[] {
  const passages: PairPassage[] = []
  for (const i of list) for (const e of [2 * i, 2 * i + 1]) passages.push({ doc: pairs.doc(e), start: pairs.start(e), end: pairs.end(e) })
  return mergePassages(passages)
}
