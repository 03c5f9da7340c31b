import type { AnalysedCorpus, AnalysedDocument } from './analyse.js'
import { isCommonNgram } from './banality.js'
import { fmix32, mix32 } from './hash.js'
import type { Run } from './progress.js'
import { type RowKey, sortByKey, sortRows, UintList } from './radix.js'

// Seeds: places where two documents share a word n-gram. Every document's content words (function
// words left out, see stopwords.ts) are read as overlapping n-grams of match forms, each hashed to
// 32 bits, and the hashes of the whole corpus are sorted once (radix.ts), so equal n-grams sit
// next to each other. Each run of equal n-grams that occurs in two or more documents seeds; none
// is dropped for being frequent (a licence in three hundred files, a formula every author quotes
// is reuse a reader wants to see; whether it is boilerplate is said on the overlap, see
// overlaps.ts). A topic phrase (banality.ts) still seeds, but its words are flagged as common so
// that a match made of topic phrases alone is banal.
// Reuse inside one document (a text repeating itself) is not reported by itself; a passage a
// document repeats joins the overlap of its copies in other documents.
//
// Seeding through a representative: an n-gram in few documents (at most ALL_PAIRS_DF, with at
// most ALL_PAIRS_OCCURRENCES occurrences) seeds every pair of its occurrences in different
// documents. A more frequent one seeds each occurrence against one representative, its first
// occurrence in the corpus: k occurrences make k - 1 seeds, not k(k - 1)/2. A passage shared by k
// documents is then aligned k - 1 times against the representative's copy, and clustering
// (cluster.ts) joins those pairs, which all hold the representative's passage, into one overlap
// with k passages, as passim clusters pairwise alignments into connected components. Each
// occurrence is also seeded against one in the previous document that has the n-gram, so that
// documents next to each other in the corpus (a file and its copy) meet directly, even where the
// representative of some of their n-grams is a third document that has them elsewhere. At most
// 2k seeds: the cost grows linearly with k, and no pair of documents is left unseen: two
// documents that share a frequent passage meet through the representative's copy of it.
// Contexts: the representative may hold the n-gram in other company (a sentence two licences
// share, one of which the first document has), and then two copies of the longer text meet only
// where their n-grams are rarer, in pieces; a short formula (a sign-off line with its date, a
// standard clause) whose n-grams are all frequent would not meet its copies at all. So the
// occurrences are also sorted by the words that follow them, and again by the words that precede
// them, and each is linked to the earliest occurrence in another document among those that share
// the most context words with it (linkByContext): the copies of a passage that agree longest meet
// word for word, and consecutive words of one copy link to the same other copy, so they chain.
// Where the next word's link goes to another copy (one that agrees longer from there on), each
// link is also made one n-gram on, where its two copies still agree, so every link is an anchor
// of two seeds (chain.ts) and the pair's passage is aligned out to its ends. At most four more
// seeds per occurrence; the cost stays linear in the seeds (the sort is k log k per n-gram over a
// few words of context).

/**
 * Words per n-gram, counting content words only. Three content words span about six running words
 * (English prose is roughly half function words), which two unrelated texts rarely share by
 * chance once common n-grams are set aside, yet short enough that a passage with an edit every
 * six or seven words still yields seeds between its edits. Two would seed on every shared
 * collocation ("economic growth", "key fields"); four or five would miss lightly edited
 * quotations, which the paraphrase pass (paraphrase.ts) only partly recovers. TextPAIR's default
 * is the same (trigrams of content words); passim uses 5-grams of all words, which is about as
 * long.
 */
export const NGRAM_SIZE = 3

/** Seed pairs of one corpus, sorted by (docA, docB, posA); positions index `content` arrays. */
export interface Seeds {
  /** Documents: 16 bits each while the corpus has at most 65,536 documents. */
  docA: Uint32Array | Uint16Array
  posA: Uint32Array
  docB: Uint32Array | Uint16Array
  posB: Uint32Array
  count: number
  /** Per document, per content position: 1 when a common n-gram covers that word. */
  common: Uint8Array[]
  /**
   * Per document, per content position: 1 when a run of MIN_PRINTED_NGRAMS n-grams or more, each
   * in SeedParams.printedBy documents or more, covers that word (boilerplate.ts: text printed in a
   * large share of the corpus); empty arrays when printedBy is not given or exceeds the documents.
   */
  printed: Uint8Array[]
  /** Distinct n-grams, how many seeded, how many of those were common (topic phrases). */
  stats: { ngrams: number; distinct: number; common: number; seeding: number }
}

/**
 * Up to this many documents (and ALL_PAIRS_OCCURRENCES occurrences), an n-gram seeds every pair
 * of its occurrences rather than pairs with a representative: two documents that share a passage
 * also seed on its words that a third document shares with both (an official title inside a
 * quotation), which a representative would give only to the pairs through the third. Small
 * enough that all pairs (at most six documents' worth) cost about what representatives do.
 */
export const ALL_PAIRS_DF = 4
export const ALL_PAIRS_OCCURRENCES = 8

export interface SeedParams {
  n: number
  /** Documents that seed nothing (1 = skip): the copies of a duplicate document after its first. */
  skip?: Uint8Array
  /** Documents, at least, whose n-grams are flagged `printed` (Seeds.printed); none when not given. */
  printedBy?: number
}

/**
 * Words of context (after an n-gram, and before it) by which the occurrences of a frequent n-gram
 * are sorted to find the copies that share the most with each other. Six words beyond the n-gram
 * make nine in all, about the eight running words of the shortest formula worth showing (a
 * sign-off line, a standard clause); more would cost longer comparisons where contexts are equal
 * (a line repeated hundreds of times) for little gain, since the passage's other n-grams carry
 * the rest of the context.
 */
export const CONTEXT_WORDS = 6

/**
 * Links each occurrence to the earliest occurrence, in another document, among its nearest
 * neighbours by context. `sorted` holds a group's occurrences (indices into `docs`, which are in
 * corpus order) sorted by context, and shared[i] how many context words sorted[i - 1] and
 * sorted[i] share. An occurrence's neighbours are the stretch of `sorted` around it in which every
 * adjacent pair shares at least as many words as it shares with its closer neighbour; all of them
 * have its longest context, so every one of them that is in the passage it belongs to is linked to
 * the same copy (the earliest), word after word, and the links of consecutive words chain into one
 * candidate (chain.ts). When those neighbours are all in its own document (a line it repeats), the
 * nearest ones with fewer words in common are taken. An occurrence that shares no word of context
 * with another document is not linked. Linear in the group for each of the CONTEXT_WORDS levels.
 */
export function linkByContext(
  sorted: readonly number[],
  shared: Int32Array,
  docs: readonly number[],
  link: (earlier: number, later: number) => void,
): void {
  const count = sorted.length
  const levelOf = (i: number): number => Math.max(i > 0 ? shared[i] : 0, i + 1 < count ? shared[i + 1] : 0)
  if (done.length < count) done = new Uint8Array(Math.max(count, 2 * done.length))
  done.fill(0, 0, count)
  let top = 0
  for (let i = 1; i < count; i++) top = Math.max(top, shared[i])
  for (let level = top; level >= 1; level--) {
    let from = 0
    while (from < count) {
      // The stretch [from, to) whose adjacent pairs share at least `level` words.
      let to = from + 1
      while (to < count && shared[to] >= level) to++
      if (to - from >= 2) {
        // The earliest occurrence, and the earliest of another document than the earliest's.
        let first = -1
        let firstAt = -1
        let second = -1
        let secondAt = -1
        for (let i = from; i < to; i++) {
          const k = sorted[i]
          if (first < 0 || k < first) {
            if (first >= 0 && docs[first] !== docs[k]) {
              second = first
              secondAt = firstAt
            }
            first = k
            firstAt = i
          } else if (docs[k] !== docs[first] && (second < 0 || k < second)) {
            second = k
            secondAt = i
          }
        }
        // The earliest and the earliest of another document are each other's targets: one link,
        // made from `second` when it is linked at this level, else from `first`. Every other
        // occurrence is linked, earlier or later than its target: the further copies of a line the
        // earliest document repeats meet the other documents too.
        const secondLinks = second >= 0 && !done[secondAt] && levelOf(secondAt) >= level
        for (let i = from; i < to; i++) {
          if (done[i] || levelOf(i) < level) continue
          const k = sorted[i]
          const target = docs[first] !== docs[k] ? first : second
          // No other document this close: the occurrence is linked at a lower level.
          if (target < 0) continue
          done[i] = 1
          if (k === first && target === second && secondLinks) continue
          link(Math.min(target, k), Math.max(target, k))
        }
      }
      from = to
    }
  }
}

/** Scratch of linkByContext: which occurrences of the group are linked (or need no link). */
let done = new Uint8Array(16)

/** The n-gram index of a corpus (findSeeds): the n-grams' hashes, in corpus order and sorted. */
interface NgramIndex {
  /** The first hash of each n-gram, by global position (documents' n-grams one after another). */
  keys: Uint32Array
  /** Document of each n-gram: two bytes each while the corpus has at most 65,536 documents. */
  docIndex: Uint16Array | Uint32Array
  /** Global positions in order of first hash (stable: corpus order among equal hashes). */
  order: Uint32Array
  /** One bit per place of `order` (bit i & 31 of [i >>> 5]): a run of equal first hashes starts there. */
  starts: Uint32Array
  /** One bit per place of `order`, set where a run starts whose n-grams' second hashes differ. */
  mixed: Uint32Array
}

/**
 * Indexes the n-grams of a corpus (see findSeeds): two independent 32-bit hashes per n-gram, made
 * in one pass over the documents; the n-grams sorted by the first (radix.ts sortByKey: each pass
 * moves a hash with its index, none reads one through its index); and per run of equal first
 * hashes, whether the second tells n-grams apart (both colliding: ~n^2/2^65, never in practice).
 * Each second hash is read once here, in the order of the sort, and the second hashes and the
 * sorted hashes are let go on return: the seed listing (the peak of its stage on the changelogs of
 * a Debian system) holds neither. Made again from each occurrence's words where the runs are
 * listed, the second hashes cost three reads of places far apart per occurrence (1.5 s there);
 * now only a run marked `mixed` makes them again.
 */
function indexNgrams(
  docs: readonly AnalysedDocument[],
  n: number,
  base: Float64Array,
  length: (d: number) => number,
  run: Run,
): NgramIndex {
  const total = base[docs.length]
  const keys = new Uint32Array(total)
  const checks = new Uint32Array(total)
  const docIndex = docs.length <= 0x10000 ? new Uint16Array(total) : new Uint32Array(total)
  for (let d = 0; d < docs.length; d++) {
    const { content, match } = docs[d]
    const at = base[d]
    const count = length(d)
    for (let i = 0; i < count; i++) {
      keys[at + i] = ngramKey(match, content, i, n)
      checks[at + i] = ngramCheck(match, content, i, n)
      docIndex[at + i] = d
      run.tick(d)
    }
  }
  const { order, sorted } = sortByKey(keys)
  const starts = new Uint32Array((total >>> 5) + 1)
  const mixed = new Uint32Array((total >>> 5) + 1)
  for (let i = 0; i < total;) {
    let j = i + 1
    while (j < total && sorted[j] === sorted[i]) j++
    starts[i >>> 5] |= 1 << (i & 31)
    const first = checks[order[i]]
    for (let k = i + 1; k < j; k++) {
      if (checks[order[k]] === first) continue
      mixed[i >>> 5] |= 1 << (i & 31)
      break
    }
    i = j
  }
  return { keys, docIndex, order, starts, mixed }
}

/** The first hash of the n-gram of `n` words from content position i: its words' match ids. */
export function ngramKey(match: Uint32Array, content: Uint32Array, i: number, n: number): number {
  let h = n
  for (let k = 0; k < n; k++) h = mix32(h, match[content[i + k]])
  return fmix32(h)
}

/** The second hash of that n-gram (NgramIndex): another seed, and a mask on each word's id. */
export function ngramCheck(match: Uint32Array, content: Uint32Array, i: number, n: number): number {
  let h = 0x5bd1e995
  for (let k = 0; k < n; k++) h = mix32(h, match[content[i + k]] ^ 0x9e3779b9)
  return fmix32(h)
}

/**
 * Printed n-grams (Seeds.printed), at least, that start at consecutive words for their words to
 * be printed text: a formula of n + 1 content words and more ("This command produces no output.
 * For more information, see"), not a name or a topic's phrase of n words that many texts of a
 * corpus on one subject write in sentences of their own ("World Health Organization", "public
 * health emergency": a sentence two of ten articles shared, made of such names, was boilerplate;
 * a reviewer). At three, the licences of Debian's copyright files, worded a little otherwise from
 * file to file, broke into runs too short: 634 boilerplate overlaps of 2,145 at two, 588 at three,
 * 675 with each n-gram alone.
 */
export const MIN_PRINTED_NGRAMS = 2

/**
 * Per content position, 1 where a run of MIN_PRINTED_NGRAMS or more n-grams of `n` words flagged
 * in `starts` (per content position, 1 where a printed n-gram starts) covers the word.
 */
function printedRuns(starts: Uint8Array, n: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(starts.length)
  for (let i = 0; i < starts.length;) {
    if (!starts[i]) {
      i++
      continue
    }
    let j = i
    while (j + 1 < starts.length && starts[j + 1]) j++
    if (j - i + 1 >= MIN_PRINTED_NGRAMS) out.fill(1, i, Math.min(starts.length, j + n))
    i = j + 1
  }
  return out
}

/** Whether bit i of a bit set (bit i & 31 of bits[i >>> 5]) is set. */
function hasBit(bits: Uint32Array, i: number): boolean {
  return ((bits[i >>> 5] >>> (i & 31)) & 1) === 1
}

/** Finds the seed pairs of a corpus (see above). */
export function findSeeds(corpus: AnalysedCorpus, params: SeedParams, run: Run): Seeds {
  const { docs } = corpus
  const n = params.n
  const base = new Float64Array(docs.length + 1)
  const length = (d: number): number => (params.skip?.[d] ? 0 : Math.max(0, docs[d].content.length - n + 1))
  for (let d = 0; d < docs.length; d++) base[d + 1] = base[d] + length(d)
  const total = base[docs.length]
  if (total > 0xffffffff) throw new RangeError('the corpus is too large for 32-bit n-gram positions')

  // The index and its sort live only in this function, so their memory is free before the seeds
  // are sorted.
  const { docA, posA, docB, posB, common, printed, stats } = ((): {
    docA: UintList
    posA: UintList
    docB: UintList
    posB: UintList
    common: Uint8Array[]
    printed: Uint8Array[]
    stats: Seeds['stats']
  } => {
    run.phase('index', docs.length)
    const { keys, docIndex, order, starts, mixed } = indexNgrams(docs, n, base, length, run)
    run.end()
    /** The second hash of the n-gram at global position g (NgramIndex), made again from its words. */
    const checkOf = (g: number): number => {
      const d = docIndex[g]
      return ngramCheck(docs[d].match, docs[d].content, g - base[d], n)
    }

    const common = docs.map((d) => new Uint8Array(d.content.length))
    // No n-gram is in more documents than the corpus has: no flags to keep where none can be printed.
    const printedBy = params.printedBy !== undefined && params.printedBy <= docs.length ? params.printedBy : Infinity
    const printed = docs.map((d) => new Uint8Array(printedBy < Infinity ? d.content.length : 0))
    const narrowDocs = docs.length <= 0x10000
    // About as many seeds as n-grams (a third more on the changelogs of a Debian system).
    const docA = new UintList(narrowDocs, total)
    const posA = new UintList(false, total)
    const docB = new UintList(narrowDocs, total)
    const posB = new UintList(false, total)
    const stats = { ngrams: total, distinct: 0, common: 0, seeding: 0 }

    // One run of occurrences of the same n-gram, global positions ascending.
    const occurrenceDocs: number[] = []
    const occurrencePos: number[] = []
    const processGroup = (group: ArrayLike<number>): void => {
      stats.distinct++
      if (group.length < 2) return
      occurrenceDocs.length = 0
      occurrencePos.length = 0
      // Documents that have it, and of those, documents that have it more than once (occurrences
      // are in document order).
      let df = 0
      let repeating = 0
      let last = -1
      let lastRepeating = -1
      for (let k = 0; k < group.length; k++) {
        const d = docIndex[group[k]]
        occurrenceDocs.push(d)
        occurrencePos.push(group[k] - base[d])
        if (d !== last) {
          df++
          last = d
        } else if (d !== lastRepeating) {
          repeating++
          lastRepeating = d
        }
      }
      if (df < 2) return
      stats.seeding++
      if (df >= printedBy) for (let k = 0; k < group.length; k++) printed[occurrenceDocs[k]][occurrencePos[k]] = 1
      if (isCommonNgram(df, repeating, docs.length)) {
        stats.common++
        for (let k = 0; k < group.length; k++) {
          const flags = common[occurrenceDocs[k]]
          flags.fill(1, occurrencePos[k], occurrencePos[k] + n)
        }
      }
      if (df <= ALL_PAIRS_DF && group.length <= ALL_PAIRS_OCCURRENCES) {
        for (let x = 0; x < group.length; x++) {
          for (let y = x + 1; y < group.length; y++) {
            if (occurrenceDocs[x] === occurrenceDocs[y]) continue
            docA.push(occurrenceDocs[x])
            posA.push(occurrencePos[x])
            docB.push(occurrenceDocs[y])
            posB.push(occurrencePos[y])
          }
        }
        return
      }
      // Representatives (see above). Occurrences come in corpus order, grouped by document; the
      // j-th occurrence in a document is linked to the j-th of the representative's document (or
      // its last, when it has fewer) and of the previous document that has the n-gram, so that
      // copies of a passage that repeats a phrase meet phrase by phrase. The representative's
      // document's own further occurrences are linked to its first, so a passage it repeats joins
      // the overlap of its first copy (pairs within one document are never reported alone).
      let previousFrom = -1
      let previousTo = -1
      if (linkedBy.length < 3 * group.length) linkedBy = new Int32Array(Math.max(3 * group.length, 2 * linkedBy.length))
      linkedBy.fill(-1, 0, 3 * group.length)
      const repTo = runEnd(0)
      for (let k = 1; k < repTo; k++) pushOnce(0, k)
      let from = repTo
      while (from < group.length) {
        const to = runEnd(from)
        for (let k = from; k < to; k++) {
          pushOnce(Math.min(k - from, repTo - 1), k)
          if (previousFrom >= 0) pushOnce(previousFrom + Math.min(k - from, previousTo - previousFrom - 1), k)
        }
        previousFrom = from
        previousTo = to
        from = to
      }
      linkContexts(group)
    }
    // Contexts (see above): per group and direction, the occurrences sorted by the words that
    // follow (or precede) them, word by word up to CONTEXT_WORDS; each is linked to the earliest
    // occurrence, in another document, of the block of neighbours that share the most words with
    // it (see linkByContext).
    const sorted: number[] = []
    let shared = new Int32Array(16)
    const linkContexts = (group: ArrayLike<number>): void => {
      for (const dir of [1, -1] as const) {
        sorted.length = 0
        for (let k = 0; k < group.length; k++) sorted.push(k)
        sorted.sort((x, y) => compareContext(group[x], group[y], dir) || x - y)
        if (shared.length < group.length) shared = new Int32Array(Math.max(group.length, 2 * shared.length))
        shared[0] = 0
        for (let i = 1; i < sorted.length; i++) shared[i] = commonContext(group[sorted[i - 1]], group[sorted[i]], dir)
        // Each link also one n-gram on, where the two copies still agree (they share at least one
        // word of context): an anchor, two seeds one word apart (see above).
        linkByContext(sorted, shared, occurrenceDocs, (x, y) => {
          pushOnce(x, y)
          docA.push(occurrenceDocs[x])
          posA.push(occurrencePos[x] + dir)
          docB.push(occurrenceDocs[y])
          posB.push(occurrencePos[y] + dir)
        })
      }
    }
    /** How many context words (0..CONTEXT_WORDS) occurrences at global positions g and h share in direction dir. */
    const commonContext = (g: number, h: number, dir: 1 | -1): number => {
      const limit = Math.min(CONTEXT_WORDS, room(g, dir), room(h, dir))
      let j = 0
      while (j < limit && keys[g + dir * (j + 1)] === keys[h + dir * (j + 1)]) j++
      return j
    }
    /** Orders two occurrences by their context in direction dir (n-gram hashes word by word; shorter first). */
    const compareContext = (g: number, h: number, dir: 1 | -1): number => {
      const rg = Math.min(CONTEXT_WORDS, room(g, dir))
      const rh = Math.min(CONTEXT_WORDS, room(h, dir))
      const limit = Math.min(rg, rh)
      for (let j = 1; j <= limit; j++) {
        const a = keys[g + dir * j]
        const b = keys[h + dir * j]
        if (a !== b) return a < b ? -1 : 1
      }
      return rg - rh
    }
    /** N-grams of the same document beyond global position g in direction dir. */
    const room = (g: number, dir: 1 | -1): number => {
      const d = docIndex[g]
      const at = g - base[d]
      return dir > 0 ? length(d) - 1 - at : at
    }
    /** The end of the run of occurrences in the document of occurrence `from`. */
    const runEnd = (from: number): number => {
      let to = from + 1
      while (to < occurrenceDocs.length && occurrenceDocs[to] === occurrenceDocs[from]) to++
      return to
    }
    // The seeds (x, y) of occurrences x < y of this group pushed so far, kept at y: the first
    // three met (its representative's, its previous document's, and those by context, in both
    // directions), so that the group seeds a pair of occurrences once (a y linked to more is
    // seeded as before). The earliest copy by context is most often the representative or the
    // previous document: pushed again, a seed was sorted and chained again for nothing (a fifth
    // of the copyright files' 1.09 M seeds; 21 MB of the changelogs' peak, which is their seeds'
    // sort; three hundred copies of one licence, 5.0 s, 4.3 s so).
    let linkedBy = new Int32Array(48)
    const pushOnce = (x: number, y: number): void => {
      const at = 3 * y
      for (let j = at; j < at + 3; j++) {
        if (linkedBy[j] === x) return
        if (linkedBy[j] < 0) {
          linkedBy[j] = x
          break
        }
      }
      push(x, y)
    }
    const push = (x: number, y: number): void => {
      docA.push(occurrenceDocs[x])
      posA.push(occurrencePos[x])
      docB.push(occurrenceDocs[y])
      posB.push(occurrencePos[y])
    }

    run.phase('seed', total)
    let i = 0
    while (i < total) {
      let j = i + 1
      while (j < total && !hasBit(starts, j)) j++
      if (j - i === 1) {
        stats.distinct++
      } else {
        const group = order.subarray(i, j)
        if (!hasBit(mixed, i)) {
          processGroup(group)
        } else {
          // A collision of the first hash: split the run by the second.
          const byCheck = new Map<number, number[]>()
          for (const g of group) {
            const check = checkOf(g)
            const list = byCheck.get(check)
            if (list) list.push(g)
            else byCheck.set(check, [g])
          }
          for (const list of byCheck.values()) processGroup(list)
        }
      }
      run.tick(i)
      i = j
    }
    run.end()
    // The printed n-grams' starts as the words of runs of MIN_PRINTED_NGRAMS of them and more.
    for (let d = 0; d < printed.length; d++) printed[d] = printedRuns(printed[d], n)
    return { docA, posA, docB, posB, common, printed, stats }
  })()

  // Sort seeds by (docA, docB, posA), stable (radix.ts sortRows): each list is copied out of its
  // chunks into one array and let go, the documents as one key (docA * documents + docB) where
  // that fits in 32 bits, and the passes move every column's values, so that nothing is read at
  // random. Sorting an order of indices read each key through it, and each list through the
  // order after: the changelogs of a Debian system's 10 M seeds took 3.0 s, 2.1 s so. The columns
  // are held twice while they are sorted (three of 40 MB there, against an order and its scratch
  // before): the run's peak went from 872-897 MB (five runs) to 890-902 (six). The documents come
  // out two bytes each where they were (UintList), carved from the array the passes left free.
  // A phase of its own: the n-gram index is dead from here (main/node/engine/collect.ts).
  const count = docA.length
  run.phase('sort', count)
  const paired = docs.length <= 0x10000
  const columns = [columnOf(posA), columnOf(posB)]
  let maxPos = 0
  for (let i = 0; i < count; i++) maxPos = Math.max(maxPos, columns[0][i])
  const keys: RowKey[] = [{ column: 0, max: maxPos }]
  if (paired) {
    const pair = new Uint32Array(count)
    for (let i = 0; i < count; i++) pair[i] = docA.at(i) * docs.length + docB.at(i)
    docA.clear()
    docB.clear()
    columns.push(pair)
    keys.push({ column: 2, max: docs.length * docs.length - 1 })
  } else {
    columns.push(columnOf(docB), columnOf(docA))
    keys.push({ column: 2, max: docs.length - 1 }, { column: 3, max: docs.length - 1 })
  }
  const { sorted, free } = sortRows(columns, keys)
  const [sortedPosA, sortedPosB] = sorted
  const [sortedDocA, sortedDocB] = paired ? documentsOf(sorted[2], free[2] ?? new Uint32Array(count), docs.length) : [sorted[3], sorted[2]]
  run.end()
  return { docA: sortedDocA, posA: sortedPosA, docB: sortedDocB, posB: sortedPosB, count, common, printed, stats }
}

/** The values of `list` in one array (32 bits each), the list let go. */
function columnOf(list: UintList): Uint32Array {
  const out = new Uint32Array(list.length)
  const size = list.mask + 1
  list.chunks.forEach((chunk, k) => out.set(chunk.subarray(0, Math.min(size, list.length - k * size)), k * size))
  list.clear()
  return out
}

/**
 * The first and second documents of `pairs` (each docA * documents + docB), two bytes each, in the
 * two halves of `spare` (an array of the pairs' length, free to reuse).
 */
function documentsOf(pairs: Uint32Array, spare: Uint32Array, documents: number): [Uint16Array, Uint16Array] {
  const count = pairs.length
  const docA = new Uint16Array(spare.buffer, spare.byteOffset, count)
  const docB = new Uint16Array(spare.buffer, spare.byteOffset + 2 * count, count)
  for (let i = 0; i < count; i++) {
    const d = Math.floor(pairs[i] / documents)
    docA[i] = d
    docB[i] = pairs[i] - d * documents
  }
  return [docA, docB]
}
