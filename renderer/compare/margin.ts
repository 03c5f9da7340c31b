import type { AnnotationSpan } from '../../main/core/contract/api.js'
import type { Tag } from '../../main/core/annotations/codebook.js'
import { el } from '../shared/dom.js'
import { lanes } from './reader.js'

// The margin beside a pane's text, as MAXQDA draws coding stripes: one stripe per code of each
// annotation, in the tag's colour, from the passage's first line to its last; overlapping codes
// stand side by side. An annotation with a note carries a marker. Clicking either opens the
// annotation.

/** Width of one stripe and the gap after it (px): narrow enough for several codes, wide enough to click. */
const STRIPE_WIDTH = 4
const STRIPE_GAP = 2

/** Where a stripe goes: pixels from the top of the scrolled content. */
export interface MarginGeometry {
  top(codePoint: number): number
  bottom(codePoint: number): number
}

/** Draws the stripes of `spans` into `margin`; `open` is called with an annotation id on a click. */
export function drawMargin(
  margin: HTMLElement,
  spans: readonly AnnotationSpan[],
  tags: readonly Tag[],
  at: MarginGeometry,
  open: (id: string, event: MouseEvent) => void,
): void {
  const byId = new Map(tags.map((t) => [t.id, t]))
  // One segment per code of each annotation (an untagged highlight gets one neutral stripe).
  const segments = spans.flatMap((s) => (s.tagIds.length ? s.tagIds : ['']).map((tagId) => ({ span: s, tag: byId.get(tagId) })))
  const lane = lanes(segments.map((g) => g.span))
  const nodes: HTMLElement[] = []
  segments.forEach(({ span, tag }, k) => {
    const top = at.top(span.start)
    const stripe = el('button', {
      type: 'button',
      class: tag ? 'stripe' : 'stripe untagged',
      'data-annotation': span.id,
      title: `${tag?.name ?? 'Highlight (no tag)'}${span.hasNote ? ' · has a note' : ''}: click to open`,
      'aria-label': `Annotation: ${tag?.name ?? 'no tag'}`,
      tabindex: '-1',
    })
    stripe.style.top = `${top}px`
    stripe.style.height = `${Math.max(8, at.bottom(span.end) - top)}px`
    stripe.style.left = `${lane[k] * (STRIPE_WIDTH + STRIPE_GAP)}px`
    if (tag) stripe.style.setProperty('--tag-colour', tag.colour)
    nodes.push(stripe)
  })
  for (const span of spans.filter((s) => s.hasNote)) {
    const marker = el('button', {
      type: 'button',
      class: 'note-marker',
      'data-annotation': span.id,
      title: 'Note: click to read it beside the text',
      'aria-label': 'Open the note',
      tabindex: '-1',
    })
    marker.textContent = '✎'
    marker.style.top = `${at.top(span.start)}px`
    nodes.push(marker)
  }
  margin.replaceChildren(...nodes)
  margin.onclick = (e) => {
    const id = (e.target as HTMLElement).closest<HTMLElement>('[data-annotation]')?.dataset.annotation
    if (!id) return
    for (const s of margin.querySelectorAll('.current')) s.classList.remove('current')
    for (const s of margin.querySelectorAll(`[data-annotation="${CSS.escape(id)}"]`)) s.classList.add('current')
    open(id, e)
  }
}
