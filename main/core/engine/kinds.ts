import type { OverlapKind } from './overlaps.js'

// The words a reader sees for how passages relate, as the README names them: the engine's kind
// `variant` is "near-verbatim" wherever a reader sees it (the UI's list, filter, legend, tooltips
// and variants panel; the CLI's text output). The JSON keeps `kind: "variant"`; only the words
// shown change.

/** The word shown for each kind. */
export const KIND_LABELS: Record<OverlapKind, string> = {
  verbatim: 'verbatim',
  variant: 'near-verbatim',
  paraphrase: 'paraphrase',
}

/** What each kind means, for tooltips and the legend. */
export const KIND_DESCRIPTIONS: Record<OverlapKind, string> = {
  verbatim: 'the same words (case and punctuation set aside)',
  variant: 'the same passage with edits: words respelled, changed, added, dropped or moved',
  paraphrase: 'the same content in other words (shared content words, synonyms, abbreviations, or the same event)',
}

/** The kinds, closest first: the order the UI lists them in, and their rank (kept-pair.ts KIND_RANK). */
export const KINDS: OverlapKind[] = ['verbatim', 'variant', 'paraphrase']
