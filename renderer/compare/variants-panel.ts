import type { ProjectView } from '../../main/core/contract/api.js'
import type { Overlap, OverlapPassage } from '../../main/core/engine/overlaps.js'
import { OffsetMap } from '../../main/core/text/offsets.js'
import { comparedPairs, MAX_DIFF_WORDS } from '../../main/core/engine/variant-pairs.js'
import type { Change } from '../../main/core/engine/variants.js'
import { ALIKE, writingDifferences, type WritingDifferences } from '../../main/core/text/written-alike.js'
import { el } from '../shared/dom.js'
import { KIND_LABELS, KINDS } from '../../main/core/engine/kinds.js'
import { documentNames, namesTogether, shortName } from '../shared/document-names.js'

// The selected overlap's word-level differences, pair by pair: deletions struck through,
// insertions underlined, substitutions as both, moved words (a sentence put elsewhere) dashed,
// the same words written otherwise (case, punctuation: text/written-alike.ts) dotted. The
// changes but the dotted runs are marked in the panes too. A pair compared without a variant has
// the same words in both passages: shown as identical wording where they are written alike, else
// both are shown, dotted. Loaded as a chunk of its own when its tab is first shown, and drawn
// only while it is (main.ts): the character diffs of a licence's passages take a few hundred
// milliseconds at every selection. The marks in the panes are variant-overlays.ts.

/** A pair of passages as the panel shows it: its variant, or `identical` when it has none. */
export interface PairShown {
  a: number
  b: number
  /** The pair's changes (null: too different in order to diff word by word); [] when identical. */
  changes: Change[] | null
  /** With changes null: passages that differ over more words than are diffed (Variant.tooLong). */
  tooLong?: true
  /** With changes null: the passages are different parts of the text (Variant.apart). */
  apart?: true
  /** Compared and given no variant: the two passages have the same words. */
  identical: boolean
  /**
   * Where the same words are written otherwise (writingDifferences): for an identical pair, its
   * two passages' (one entry); else each change's, by index (none but for equal steps).
   */
  written: WritingDifferences[]
}

/** Where each equal step of `changes` writes its words otherwise (PairShown.written). */
function writtenSteps(changes: readonly Change[] | null): WritingDifferences[] {
  return (changes ?? []).map((c) => (c.op === 'equal' ? writingDifferences(c.a, c.b) : ALIKE))
}

/**
 * The pairs to show, in the engine's order: each compared pair (variant-pairs.ts) with its variant,
 * or identical when it has none, then any variant of a pair outside that rule (the two passages
 * that make a near-verbatim overlap so where the compared pairs all agree, overlaps.ts closeKind;
 * a result stored under other limits).
 */
export function pairsShown(overlap: Overlap): PairShown[] {
  const byPair = new Map(overlap.variants.map((v) => [`${v.a}:${v.b}`, v]))
  const shown = comparedPairs(overlap.passages.map((p) => p.doc)).map(([a, b]): PairShown => {
    const v = byPair.get(`${a}:${b}`)
    byPair.delete(`${a}:${b}`)
    if (v) return { ...v, identical: false, written: writtenSteps(v.changes) }
    return { a, b, changes: [], identical: true, written: [writingDifferences(overlap.passages[a].text, overlap.passages[b].text)] }
  })
  return [...shown, ...[...byPair.values()].map((v) => ({ ...v, identical: false, written: writtenSteps(v.changes) }))]
}

/**
 * A pair's changes as one text: the first passage as written (its words, and what stands between
 * them: a hyphen, a comma, a line break), its words that the second lacks struck through, and the
 * second's words it lacks underlined where the diff puts them, a space apart. Read without the
 * underlined words, it is the first passage.
 */
function renderChanges(changes: readonly Change[], written: readonly WritingDifferences[], a: OverlapPassage): HTMLElement {
  const p = el('p', { class: 'diff' })
  const text = new OffsetMap(a.text)
  // An insertion stands at a place of the first passage (aStart = aEnd): the text there is shown
  // after it, and where there is none (it ends or starts the passage, or stands between two
  // words with nothing between them), a space keeps its words apart.
  // An equal step with nothing of the first passage stands for marks only the second has at an
  // edge: no space beside it.
  const marksOnly = (c: Change): boolean => c.op === 'equal' && !c.a
  const between = (before: Change, after: Change): string =>
    text.slice(before.aEnd - a.start, after.aStart - a.start) || ((before.a && after.a) || marksOnly(before) || marksOnly(after) ? '' : ' ')
  // Words beyond the other passage before the first equal words are at the pair's start, after them at its end.
  const firstEqual = changes.findIndex((x) => x.op === 'equal')
  changes.forEach((c, k) => {
    if (k > 0) p.append(between(changes[k - 1], c))
    if (c.op === 'equal') {
      p.append(...writtenRuns(c.a, c.b, written[k] ?? ALIKE, 'a'))
      return
    }
    if (c.beyond) {
      const where = firstEqual >= 0 && firstEqual < k ? 'after' : 'before'
      p.append(
        el(
          'span',
          { class: 'beyond', title: `the other passage stops short of these words; its text has them too, just ${where} it` },
          c.a || c.b,
        ),
      )
      return
    }
    if (c.a)
      p.append(el('del', c.moved ? { class: 'moved', title: 'moved: elsewhere in the second' } : { title: 'only in the first' }, c.a))
    // A replace's two sides are words apart ("to are emerging for", not "toare emerging for").
    if (c.a && c.b) p.append(' ')
    if (c.b)
      p.append(el('ins', c.moved ? { class: 'moved', title: 'moved: elsewhere in the first' } : { title: 'only in the second' }, c.b))
  })
  return p
}

/**
 * Text `text`, side `side` of `written` (the other side's text is `other`), with its runs of the
 * same words written otherwise dotted, each titled with the other text's writing of it.
 */
function writtenRuns(text: string, other: string, written: WritingDifferences, side: 'a' | 'b'): (string | HTMLElement)[] {
  const out: (string | HTMLElement)[] = []
  const otherSide = side === 'a' ? 'b' : 'a'
  const name = side === 'a' ? 'second' : 'first'
  let at = 0
  for (const place of written.places) {
    const [start, end] = place[side]
    if (start > at) out.push(text.slice(at, start))
    const title = written.throughout
      ? `the ${name} writes these words otherwise throughout`
      : `the ${name} writes “${other.slice(...place[otherSide])}”`
    out.push(el('span', { class: 'written', title }, text.slice(start, end)))
    at = end
  }
  if (at < text.length) out.push(text.slice(at))
  return out
}

/** How often `written` says the same words are written otherwise: a count, or "throughout". */
function howOften(written: readonly WritingDifferences[]): string | undefined {
  if (written.some((w) => w.throughout)) return 'throughout'
  const n = written.reduce((sum, w) => sum + w.places.length, 0)
  return n === 0 ? undefined : n === 1 ? 'once' : `${n} times`
}

/**
 * What a pair's marks mean, with how many there are. A move is one delete and one insert (the
 * same words, at another place in each passage), counted once and apart from the differences:
 * its words are in both passages, which "only in" would deny. Runs of the same words written
 * otherwise are counted apart too: no word differs there. `written`: where the same words are
 * written otherwise (PairShown.written).
 */
export function legend(
  changes: readonly Change[] | null,
  a: string,
  b: string,
  tooLong = false,
  written: readonly WritingDifferences[] = [],
  apart = false,
): string {
  if (changes === null && tooLong)
    return `Too long to compare word by word (they differ over more than ${MAX_DIFF_WORDS.toLocaleString('en')} words): both passages are shown whole.`
  if (changes === null && apart)
    return `Different parts of the shared text: ${a} or ${b} holds it in more than one passage, and these two are not the same part.`
  if (changes === null) return 'The wordings differ too much in order for a word-by-word comparison.'
  const differences = changes.filter((c) => c.op !== 'equal' && !c.moved && !c.beyond).length
  const moves = changes.filter((c) => c.moved && c.op === 'delete').length
  const often = howOften(written)
  const edges = changes.some((c) => c.beyond)
  const extent = 'the passages do not start or end alike: the words in grey are in both texts, one passage stops short of them'
  if (changes.length === 0 && often)
    return `The same words, written otherwise (case or punctuation) ${often}, dotted: both passages are shown.`
  if (differences === 0 && moves === 0 && !often) return edges ? `Identical wording; ${extent}.` : 'Identical wording.'
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`
  const dotted = `written otherwise (case or punctuation) ${often}, dotted`
  const parts = [
    ...(differences ? [`${plural(differences, 'difference')}: struck through only in ${a}, underlined only in ${b}`] : []),
    ...(moves
      ? [`${plural(moves, 'move')} (the same words, dashed): struck through where ${a} has them, underlined where ${b} has them`]
      : []),
    ...(often && (differences || moves) ? [`the same words ${dotted}`] : []),
    ...(edges ? [extent] : []),
  ]
  // No word differs: said first ("The same words, written otherwise ... once, dotted.").
  return differences || moves ? `${parts.join('; ')}.` : `The same words, ${[dotted, ...parts].join('; ')}.`
}

/**
 * The line above the pairs: the overlap's kind, then its best pair's figures. Where more than one
 * pair of passages was matched among three passages or more, the kind is that of most pairs
 * (overlaps.ts), and the figures are one pair's, which may be of another kind: both are said as
 * such ("verbatim in 12 of 22 pairs, near-verbatim in 10 · best pair: …"), not run together as if
 * the figures were the kind's.
 */
export function summary(overlap: Overlap): string {
  const figures = `score ${overlap.score.toFixed(1)} · ${overlap.words} shared content words · similarity ${(overlap.similarity * 100).toFixed(0)}%`
  const counts = overlap.pairKinds
  const pairs = counts ? KINDS.reduce((sum, k) => sum + counts[k], 0) : 0
  // Two passages are one pair to a reader, however many pieces of them were matched (a tester:
  // "near-verbatim in 2 of 2 pairs" above one pair).
  if (!counts || pairs < 2 || overlap.passages.length === 2) return `${KIND_LABELS[overlap.kind]} · ${figures}`
  const others = KINDS.filter((k) => k !== overlap.kind && counts[k] > 0).map((k) => `, ${KIND_LABELS[k]} in ${counts[k]}`)
  const kind = `${KIND_LABELS[overlap.kind]} in ${counts[overlap.kind]} of ${pairs} pairs${others.join('')}`
  return `${kind} · best pair: ${figures}`
}

export class VariantsPanel {
  readonly dom: HTMLElement
  private readonly body = el('div', { class: 'variants' })
  /**
   * Each overlap's pairs as shown, read once: the panel is drawn again whenever the project
   * changes (an annotation added), and the places written otherwise are a character diff of each
   * equal step (eight pairs of a licence's passages: a few hundred milliseconds).
   */
  private readonly shown = new WeakMap<Overlap, PairShown[]>()

  constructor() {
    this.dom = el('section', { class: 'side-section', 'aria-label': 'Variants', 'aria-live': 'polite' }, this.body)
  }

  private pairsOf(overlap: Overlap): PairShown[] {
    let pairs = this.shown.get(overlap)
    if (!pairs) this.shown.set(overlap, (pairs = pairsShown(overlap)))
    return pairs
  }

  /**
   * Draws the variants of `overlap`, the pairs whose documents the panes show (`inPanes`) first,
   * then those of which they show one, then the others, each in the engine's order: an overlap of
   * more documents than panes listed first a pair of one document on screen and one not (a
   * tester: GPL-2 against GPL-3, which no pane showed).
   */
  render(project: ProjectView | null, overlap: Overlap | null, inPanes: readonly (string | null)[] = []): void {
    if (!overlap) {
      this.body.replaceChildren(el('p', { class: 'hint' }, 'Select a shared passage to see how its wordings differ.'))
      return
    }
    const names = documentNames(project?.documents ?? [])
    const title = (id: string) => names.get(id) ?? id
    const who = (id: string) => {
      const d = project?.documents.find((x) => x.id === id)
      return d ? shortName(d, title(id)) : id
    }
    this.body.replaceChildren(
      el('p', { class: 'hint' }, summary(overlap)),
      ...(overlap.because?.length ? [el('p', { class: 'hint overlap-because' }, `Because: ${overlap.because.join(' · ')}`)] : []),
      ...pairsByPanes(this.pairsOf(overlap), overlap, inPanes).map((v) => {
        const a = overlap.passages[v.a]
        const b = overlap.passages[v.b]
        const [nameA, nameB] = namesTogether([a.doc, b.doc], who, title)
        return el(
          'article',
          { class: 'variant' },
          el(
            'h3',
            { class: 'variant-heading' },
            el('span', { title: title(a.doc) }, nameA),
            ' ↔ ',
            el('span', { title: title(b.doc) }, nameB),
          ),
          el('p', { class: 'muted' }, legend(v.changes, nameA, nameB, v.tooLong, v.written, v.apart)),
          v.identical && v.written[0].places.length
            ? el(
                'div',
                {},
                el('p', { class: 'diff' }, ...writtenRuns(a.text, b.text, v.written[0], 'a')),
                el('p', { class: 'diff' }, ...writtenRuns(b.text, a.text, v.written[0], 'b')),
              )
            : v.identical
              ? el('p', { class: 'diff' }, a.text)
              : v.changes
                ? renderChanges(v.changes, v.written, a)
                : el('div', {}, el('p', { class: 'diff' }, a.text), el('p', { class: 'diff' }, b.text)),
        )
      }),
    )
  }
}

/** `pairs` of `overlap`, those with both documents in `inPanes` first, then one, then none (a stable order). */
export function pairsByPanes(pairs: readonly PairShown[], overlap: Overlap, inPanes: readonly (string | null)[]): readonly PairShown[] {
  const shown = new Set(inPanes)
  const onScreen = (v: PairShown) => Number(shown.has(overlap.passages[v.a].doc)) + Number(shown.has(overlap.passages[v.b].doc))
  return pairs
    .map((v, k) => ({ v, k, on: onScreen(v) }))
    .sort((x, y) => y.on - x.on || x.k - y.k)
    .map(({ v }) => v)
}
