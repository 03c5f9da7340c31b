// This module imports no zod, so the renderer can use it (the compare view's legend);
// codebook.ts re-exports it.

/**
 * Colours given to new tags in turn, so that a colour never means two things: each is far from the
 * overlap kinds' colours, the selection and accent colours and the neutral untagged highlight
 * (renderer/styles.css), in normal vision and in simulated deuteranopia and protanopia, and the six
 * are told apart from each other in both (test/unit/tag-palette.test.ts measures CIEDE2000). Drawn
 * from the colour-blind-safe sets of Okabe & Ito (vermillion, bluish green, reddish purple), Paul
 * Tol (olive, pink) and ColorBrewer (light green); their blues, teals, reds and ambers are left out
 * because the overlap kinds and the selection use them. Six rather than more: a seventh would sit
 * too close to one of these or of the reserved colours. Stored tag colours are never rewritten.
 */
export const TAG_PALETTE = ['#d55e00', '#009e73', '#cc79a7', '#999933', '#b2df8a', '#ffaabb']

/** The colour for the n-th tag of a codebook. */
export function paletteColour(n: number): string {
  return TAG_PALETTE[n % TAG_PALETTE.length]
}
