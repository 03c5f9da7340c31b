import type { SourcedOverlap } from '../../main/core/reuse/imported.js'
import { foldString } from '../../main/core/text/search.js'

// Which overlaps the list shows: pure (no DOM), so it is tested alone.

export interface OverlapFilter {
  /** Who found it: '' for all, 'parallax' (the engine), 'passim' or 'textpair' (imported). */
  source?: string
  kind: string
  minScore: number
  doc: string
  text: string
  /** Leave out overlaps labelled boilerplate (Overlap.boilerplate). */
  hideBoilerplate?: boolean
  /** Leave out groups of duplicate documents (Overlap.duplicate). */
  hideDuplicates?: boolean
}

/**
 * The list's filters as the reader set them: the one place they are kept (the store's
 * `overlapFilter`); the list draws from it. A hide left `null` is the reader's no choice yet:
 * the default rule of the list at hand decides (`filterFor`).
 */
export interface OverlapFilterChoice extends Omit<OverlapFilter, 'hideBoilerplate' | 'hideDuplicates'> {
  source: string
  hideBoilerplate: boolean | null
  hideDuplicates: boolean | null
}

/** The filters before the reader touches them. */
export const NO_FILTER: OverlapFilterChoice = {
  source: '',
  kind: '',
  minScore: 0,
  doc: '',
  text: '',
  hideBoilerplate: null,
  hideDuplicates: null,
}

/**
 * Share of the list that boilerplate overlaps must make up for "Hide boilerplate" to be on by
 * default: when a third of what is listed is licences and standard notices, they crowd out the
 * borrowings a reader is looking for; when there are a few, hiding them would hide more than it
 * helps (and a reader may be looking for exactly those). Duplicates go by the same share, of the
 * list's top (DUPLICATES_TOP).
 */
export const HIDE_BOILERPLATE_SHARE = 1 / 3

/**
 * How many of the list's first places "Hide duplicates" reads for its default: a group of
 * duplicate documents scores by its whole texts, so the few there are fill the top, where a reader
 * starts. About three screens of cards: at 200 Debian copyright files, 30 groups of 415 overlaps
 * (7 %) held 22 of the first 40 places (14 of the first 20); in the bundled corpus with one copy
 * added, 1 of 20.
 */
export const DUPLICATES_TOP = 40

/** Whether "Hide boilerplate" is on when the reader has not chosen: see HIDE_BOILERPLATE_SHARE. */
export function hideBoilerplateByDefault(overlaps: readonly { boilerplate?: boolean }[]): boolean {
  const boilerplate = overlaps.filter((o) => o.boilerplate).length
  return boilerplate > 0 && boilerplate >= HIDE_BOILERPLATE_SHARE * overlaps.length
}

/**
 * Whether "Hide duplicates" is on when the reader has not chosen: where groups of duplicate
 * documents are a third or more of the first DUPLICATES_TOP overlaps listed (`overlaps` as the
 * boilerplate choice leaves them).
 */
export function hideDuplicatesByDefault(overlaps: readonly { duplicate?: boolean }[]): boolean {
  const top = overlaps.slice(0, DUPLICATES_TOP)
  const duplicates = top.filter((o) => o.duplicate).length
  return duplicates > 0 && duplicates >= HIDE_BOILERPLATE_SHARE * top.length
}

/**
 * The filter a choice makes of a list: a hide not chosen is its default rule's for that list, and
 * a document chosen that the project (`documents`, its ids, where given) no longer has is none (a
 * project opened, a document removed: the list had shown "0 of N").
 */
export function filterFor(
  choice: OverlapFilterChoice,
  overlaps: readonly SourcedOverlap[],
  documents?: ReadonlySet<string>,
): OverlapFilter {
  const hideBoilerplate = choice.hideBoilerplate ?? hideBoilerplateByDefault(overlaps)
  const hideDuplicates =
    choice.hideDuplicates ?? hideDuplicatesByDefault(hideBoilerplate ? overlaps.filter((o) => !o.boilerplate) : overlaps)
  const doc = documents && !documents.has(choice.doc) ? '' : choice.doc
  return { ...choice, doc, hideBoilerplate, hideDuplicates }
}

/**
 * Whether the source filter is offered: where some overlaps were imported (passim, TextPAIR), or
 * one source is chosen; the engine's alone otherwise, and there is nothing to choose.
 */
export function asksSource(source: string | undefined, overlaps: readonly SourcedOverlap[]): boolean {
  return !!source || overlaps.some((o) => o.source !== 'parallax')
}

/** Labels of the sources, for badges and the source filter. */
export const SOURCE_LABELS: Record<SourcedOverlap['source'], string> = { parallax: 'Parallax', passim: 'passim', textpair: 'TextPAIR' }

/**
 * Each passage's text folded for the text filter, once: a group of duplicate documents holds
 * whole documents (2 MB a passage in a corpus of Debian copyright files), and folding them again
 * at every key pressed took most of the 0.5–1.1 s a keystroke cost at 200 documents.
 */
const folded = new WeakMap<object, string>()
function foldedText(passage: { text: string }): string {
  let text = folded.get(passage)
  if (text === undefined) folded.set(passage, (text = foldString(passage.text)))
  return text
}

/** The overlaps a filter keeps, in rank order. */
export function filterOverlaps<O extends SourcedOverlap>(overlaps: readonly O[], f: OverlapFilter): O[] {
  const text = f.text.trim() ? foldString(f.text.trim()) : ''
  return overlaps.filter(
    (o) =>
      (!f.source || o.source === f.source) &&
      !(f.hideBoilerplate && o.boilerplate) &&
      !(f.hideDuplicates && o.duplicate) &&
      (!f.kind || o.kind === f.kind) &&
      o.score >= f.minScore &&
      (!f.doc || o.passages.some((p) => p.doc === f.doc)) &&
      (!text || o.passages.some((p) => foldedText(p).includes(text))),
  )
}
