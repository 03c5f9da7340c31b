import { TAG_PALETTE } from '../../main/core/annotations/tag-colours.js'
import type { OverlapKind } from '../../main/core/engine/overlaps.js'
import { el } from '../shared/dom.js'
import { KIND_DESCRIPTIONS, KIND_LABELS, KINDS } from '../../main/core/engine/kinds.js'

// The compare view's legend: each sample word drawn exactly as the text draws it (the overlap
// kinds as a wash, annotations underlined in their tag's colour, untagged highlights grey and
// dashed), so that no colour has to be guessed.

/** The legend element (static: it describes the page's encodings, not the project). */
export function compareLegend(): HTMLElement {
  const kind = (name: OverlapKind) =>
    el('span', { class: `legend-sample legend-overlap kind-${name}`, title: KIND_DESCRIPTIONS[name] }, KIND_LABELS[name])
  const tagged = el(
    'span',
    { class: 'legend-sample legend-annotation', title: 'An annotation, underlined in its tag’s colour (one colour per tag)' },
    'tagged',
  )
  // The palette's colours side by side, as underline and as wash.
  const band = (colour: (c: string) => string) =>
    `linear-gradient(to right, ${TAG_PALETTE.map((c, i) => `${colour(c)} ${(i * 100) / TAG_PALETTE.length}% ${((i + 1) * 100) / TAG_PALETTE.length}%`).join(', ')})`
  tagged.style.setProperty('border-image', `${band((c) => c)} 1`)
  tagged.style.setProperty(
    'background',
    band((c) => `color-mix(in srgb, ${c} var(--highlight-alpha), transparent)`),
  )
  const untagged = el('span', { class: 'legend-sample legend-annotation untagged', title: 'A highlight with no tag' }, 'untagged')
  untagged.style.setProperty('--tag-colour', 'var(--plain-highlight)')
  return el(
    'div',
    { class: 'legend', role: 'note', 'aria-label': 'Legend' },
    el('span', { class: 'legend-group', title: 'Text these documents share, by kind' }, 'Shared:', ...KINDS.map(kind)),
    el('span', { class: 'legend-group' }, 'Notes:', tagged, untagged),
    el(
      'span',
      { class: 'legend-entry kind-definition', title: 'Defines the term the Definitions view shows (dashed line above the text)' },
      el('span', { class: 'legend-swatch', 'aria-hidden': 'true' }),
      'definition',
    ),
  )
}
