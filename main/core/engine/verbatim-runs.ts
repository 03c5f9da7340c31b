import type { AlignedGap } from './aligned-gaps.js'
import type { AlignedSpans } from './aligned-spans.js'
import { type AnalysedDocument, isContentToken } from './analyse.js'
import type { PairPassage } from './cluster.js'
import { fmix32, mix32 } from './hash.js'
import { plainSharedWords } from './names.js'
import { ALL_PAIRS_DF, ALL_PAIRS_OCCURRENCES } from './ngrams.js'
import { sortByKey } from './radix.js'
import { stopAfter } from './sentences.js'

// Runs of running words that two versions of one text have word for word, function words and
// all: what sim_text (Dick Grune's similarity tester) reports, any run of MIN_RUN_TOKENS words.
// The engine seeds on content words (ngrams.ts), and a candidate needs four of them in a row
// (chain.ts MIN_REGION_SEEDS), so a sentence of function words that two texts share word for
// word was never one: the synoptic gospels' "even that which he has will be taken away from
// him", "you ought to have done these, and not to have left the other undone", "that even the
// wind and the sea obey him" (a tester: of sim_text's 452 runs among Matthew, Mark and Luke, 88
// lay in no overlap of the engine, most of them so). Each run here is a pair for the rules every
// pair passes (kept-pair.ts keptKind), with fewer content words shared (MIN_RUN_SHARED).
//
// Only between versions of one text, and only where each of the two says its own things: inside
// the gaps between the passages the two share in order (aligned-gaps.ts). Elsewhere a run of a
// few content words is most often a template's or a stock phrase's in sentences that say other
// things: "The strlen() function returns the number of bytes in the" / "The strspn() function
// ...", "This option can be used multiple times to", "subject to the terms and conditions of
// the". Read in any two texts, with two content words in common around a run asked for, a
// reviewer judged 34 of a sample of 90 new overlaps outside the gospels noise; read between
// versions only, as here, 17 of all 86 (39 true, 30 partial, and in the gospels 46 of 56 true).
// Each side may lie in a gap of its own, not the same one: Luke gives a saying in another place
// of the story than Matthew. Not a phrase one of the two texts says more than once, though,
// unless both sides lie in the same gap: which of its places the other text's is, nothing tells,
// and a page says its stock phrases more than once ("the return status is the exit status of",
// "in a format that can be reused as input" of three builtins in bash's pages: of 15 new overlaps
// there a reviewer judged 12 partial or noise, six of them joined to another option's passage;
// read so, 2 are new).

/**
 * Running words, at least, that two documents have word for word for a run: sim_text's `-r 8`,
 * which the engine bench measures its coverage against. About a clause; a set phrase ("in
 * accordance with the terms of the") is seldom longer, and its content words (MIN_RUN_SHARED)
 * and banality (banality.ts) decide the rest.
 */
export const MIN_RUN_TOKENS = 8

/**
 * Content words a run must share to be kept (keptKind's minWords for a run, below
 * MIN_SHARED_WORDS), written as ordinary words, not names (names.ts plainSharedWords): two, so
 * that a run of function words alone is none, nor a name in a phrase ("of the Communist Party of
 * China Central Committee", in two of the bundled corpus's articles, in two sentences that say
 * other things of it), and "even that which he has will be taken away" is one.
 */
export const MIN_RUN_SHARED = 2

/** A run two documents share: tokens [start, end] of each, `a` in the document first read. */
export interface RunPair {
  a: PairPassage
  b: PairPassage
}

/** The hash of tokens [t, t + MIN_RUN_TOKENS) of `match`. */
function windowHash(match: Uint32Array, t: number): number {
  let h = 0x9747b28c
  for (let k = 0; k < MIN_RUN_TOKENS; k++) h = mix32(h, match[t + k])
  return fmix32(h ^ MIN_RUN_TOKENS)
}

/** Whether tokens from t of `a` and from u of `b` are the same MIN_RUN_TOKENS match forms. */
function sameWindow(a: Uint32Array, t: number, b: Uint32Array, u: number): boolean {
  for (let k = 0; k < MIN_RUN_TOKENS; k++) if (a[t + k] !== b[u + k]) return false
  return true
}

/**
 * Run [t, t + length) of A and [u, u + length) of B without a few words of the sentence before it
 * or after it, as [from, to] offsets into the run. A run stops where the two texts' words part,
 * which may be a word or two into the next sentence: "how they might destroy him. Jesus", "flee
 * to the mountains. Let" (a reviewer of the gospels' runs). So a head or a tail past a full stop
 * (in either text) that has fewer than MIN_RUN_SHARED content words is left out, and what is left
 * is a run only with MIN_RUN_TOKENS words still: "Jesus asked him, "What is your name?" He said"
 * / "He asked him, ..." is none. A run's words inside a clause stay ("they came to", "for the sake
 * of his oaths and of"): cut at their last content word, the runs no longer held what sim_text
 * reports, and the gospels' coverage of its runs fell by a point more, for passages that still
 * end inside a clause.
 */
function withoutSpill(A: AnalysedDocument, t: number, B: AnalysedDocument, u: number, length: number): [number, number] {
  /** Whether a full stop stands after the run's word k in either text. */
  const stopAfterWord = (k: number): boolean => stopAfter(A, t + k) || stopAfter(B, u + k)
  const contentIn = (from: number, to: number): number => {
    let n = 0
    for (let k = from; k <= to; k++) if (isContentToken(A, t + k)) n++
    return n
  }
  let from = 0
  let to = length - 1
  let first = 0
  while (first < to && !stopAfterWord(first)) first++
  if (first < to && contentIn(0, first) < MIN_RUN_SHARED) from = first + 1
  let last = to
  while (last > from && !stopAfterWord(last - 1)) last--
  if (last > from && contentIn(last, to) < MIN_RUN_SHARED) to = last - 1
  return [from, to]
}

/** Where the runs of two documents may lie (see above): the gaps between the passages they share in order. */
class VersionGaps {
  private readonly byPair = new Map<string, AlignedGap[]>()

  constructor(gaps: readonly AlignedGap[]) {
    for (const g of gaps) {
      const key = `${g.docA} ${g.docB}`
      const list = this.byPair.get(key)
      if (list) list.push(g)
      else this.byPair.set(key, [g])
    }
  }

  /**
   * Whether tokens [a0, a1] of document da lie in a gap it has with db, and [b0, b1] of db in one
   * (da < db); with `same`, in one and the same gap.
   */
  holds(da: number, a0: number, a1: number, db: number, b0: number, b1: number, same: boolean): boolean {
    const list = this.byPair.get(`${da} ${db}`)
    if (!list) return false
    const inA = (g: AlignedGap) => g.a0 <= a0 && a1 <= g.a1
    const inB = (g: AlignedGap) => g.b0 <= b0 && b1 <= g.b1
    return same ? list.some((g) => inA(g) && inB(g)) : list.some(inA) && list.some(inB)
  }
}

/**
 * The runs of MIN_RUN_TOKENS words or more (by match form, so a spelling or inflection changed is
 * no break here; CandidateAligner.alignRun then keeps only runs whose surface forms agree too,
 * similarity.ts `verbatim`) that two documents of `docs`
 * share in the gaps between the passages they share in order (`gaps`, aligned-gaps.ts), in the
 * same gap where either repeats its first words (see above), that no pair kept (`aligned`)
 * already holds; each once, from its first word on, without a few words spilt over from another
 * sentence (withoutSpill) and MIN_RUN_TOKENS long still, with MIN_RUN_SHARED words in common that
 * are no names.
 * Documents `skip` marks read nothing (the copies of a duplicate document). Occurrences of a
 * window in ALL_PAIRS_DF documents or fewer (ALL_PAIRS_OCCURRENCES at most) make every pair;
 * more, each makes a pair with the first (a representative, as seeds do: ngrams.ts), so that text
 * a hundred documents print costs a hundred pairs, not five thousand, and clustering joins them.
 */
export function verbatimRuns(
  docs: readonly AnalysedDocument[],
  skip: Uint8Array,
  aligned: AlignedSpans,
  gaps: readonly AlignedGap[],
): RunPair[] {
  if (gaps.length === 0) return []
  const versions = new VersionGaps(gaps)
  let total = 0
  for (let d = 0; d < docs.length; d++) if (!skip[d]) total += Math.max(0, docs[d].match.length - MIN_RUN_TOKENS + 1)
  const keys = new Uint32Array(total)
  const docOf = new Uint32Array(total)
  const posOf = new Uint32Array(total)
  let i = 0
  for (let d = 0; d < docs.length; d++) {
    if (skip[d]) continue
    const { match } = docs[d]
    for (let t = 0; t + MIN_RUN_TOKENS <= match.length; t++, i++) {
      keys[i] = windowHash(match, t)
      docOf[i] = d
      posOf[i] = t
    }
  }
  const { order, sorted } = sortByKey(keys)
  const out: RunPair[] = []
  const seen = new Set<string>()
  /** The run from occurrence x's and y's window on, where it starts there and no pair holds it. */
  const runFrom = (x: number, y: number, repeated: (d: number) => boolean): void => {
    let da = docOf[x]
    let t = posOf[x]
    let db = docOf[y]
    let u = posOf[y]
    if (da === db) return
    if (da > db) [da, t, db, u] = [db, u, da, t]
    const a = docs[da].match
    const b = docs[db].match
    // (Not its first window: the run is found from there.)
    if (t > 0 && u > 0 && a[t - 1] === b[u - 1]) return
    if (!sameWindow(a, t, b, u)) return
    let end = MIN_RUN_TOKENS
    while (t + end < a.length && u + end < b.length && a[t + end] === b[u + end]) end++
    if (!versions.holds(da, t, t + end - 1, db, u, u + end - 1, repeated(da) || repeated(db))) return
    const [from, to] = withoutSpill(docs[da], t, docs[db], u, end)
    if (to - from + 1 < MIN_RUN_TOKENS) return
    const t0 = t + from
    const t1 = t + to
    const u0 = u + from
    const u1 = u + to
    // Held already where the two documents were aligned over its first, middle and last words.
    if ([t0, (t0 + t1) >>> 1, t1].every((w) => aligned.covers(da, w, db))) return
    if (plainSharedWords(docs[da], t0, t1, docs[db], u0, u1) < MIN_RUN_SHARED) return
    const key = `${da} ${t0} ${db} ${u0}`
    if (seen.has(key)) return
    seen.add(key)
    out.push({ a: { doc: da, start: t0, end: t1 }, b: { doc: db, start: u0, end: u1 } })
  }
  for (let g = 0; g < total;) {
    let h = g + 1
    while (h < total && sorted[h] === sorted[g]) h++
    if (h - g > 1) {
      const group = order.subarray(g, h)
      const count = new Map<number, number>()
      for (const x of group) count.set(docOf[x], (count.get(docOf[x]) ?? 0) + 1)
      const repeated = (d: number): boolean => count.get(d)! > 1
      if (count.size > 1) {
        if (count.size <= ALL_PAIRS_DF && group.length <= ALL_PAIRS_OCCURRENCES) {
          for (let x = 0; x < group.length; x++) for (let y = x + 1; y < group.length; y++) runFrom(group[x], group[y], repeated)
        } else {
          // (A window another's hash collides with makes no run with it: sameWindow.)
          for (let y = 1; y < group.length; y++) runFrom(group[0], group[y], repeated)
        }
      }
    }
    g = h
  }
  return out
}
