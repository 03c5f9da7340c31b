import type { AnnotationSpan } from '../../main/core/contract/api.js'
import type { Tag } from '../../main/core/annotations/codebook.js'
import { el } from '../shared/dom.js'
import { lanes, type Span } from './reader.js'

// The margin beside a pane's text, as MAXQDA draws coding stripes: one stripe per code of each
// annotation, in the tag's colour, from the passage's first line to its last; overlapping codes
// stand side by side. An annotation with a note carries a marker. Clicking either opens the
// annotation. Like the reader's decorations, stripes are drawn only for the reader's range (the
// visible text and a few screens around it); their lanes are laid out once for all annotations,
// so a stripe keeps its lane while the range moves.

/** Width of one stripe and the gap after it (px): narrow enough for several codes, wide enough to click. */
const STRIPE_WIDTH = 4
const STRIPE_GAP = 2

/** Where a stripe goes: pixels from the top of the scrolled content. */
export interface MarginGeometry {
  top(codePoint: number): number
  bottom(codePoint: number): number
}

/** One stripe: a code of an annotation (tag undefined: an untagged highlight), in its lane. */
export interface Stripe {
  span: AnnotationSpan
  tag: Tag | undefined
  lane: number
}

/** The stripes of a document's annotations, in lanes (one per code of each annotation). */
export function layoutStripes(spans: readonly AnnotationSpan[], tags: readonly Tag[]): Stripe[] {
  const byId = new Map(tags.map((t) => [t.id, t]))
  const segments = spans.flatMap((s) => (s.tagIds.length ? s.tagIds : ['']).map((tagId) => ({ span: s, tag: byId.get(tagId) })))
  const lane = lanes(segments.map((g) => g.span))
  return segments.map((g, k) => ({ ...g, lane: lane[k] }))
}

/**
 * Draws the stripes and note markers whose annotations reach into `range` into `margin` (replacing
 * what it showed); `open` is called with an annotation id on a click. The annotation last clicked
 * stays marked as current across redraws.
 */
export function drawMargin(
  margin: HTMLElement,
  stripes: readonly Stripe[],
  inRange: (span: Span) => boolean,
  at: MarginGeometry,
  open: (id: string, event: MouseEvent) => void,
): void {
  const current = margin.dataset.current
  const nodes: HTMLElement[] = []
  const notes: AnnotationSpan[] = []
  for (const { span, tag, lane } of stripes) {
    if (!inRange(span)) continue
    const top = at.top(span.start)
    const stripe = el('button', {
      type: 'button',
      class: `${tag ? 'stripe' : 'stripe untagged'}${span.id === current ? ' current' : ''}`,
      'data-annotation': span.id,
      title: `${tag?.name ?? 'Highlight (no tag)'}${span.hasNote ? ' · has a note' : ''}: click to open`,
      'aria-label': `Annotation: ${tag?.name ?? 'no tag'}`,
      tabindex: '-1',
    })
    stripe.style.top = `${top}px`
    stripe.style.height = `${Math.max(8, at.bottom(span.end) - top)}px`
    stripe.style.left = `${lane * (STRIPE_WIDTH + STRIPE_GAP)}px`
    if (tag) stripe.style.setProperty('--tag-colour', tag.colour)
    nodes.push(stripe)
    if (span.hasNote && notes.at(-1) !== span) notes.push(span)
  }
  for (const span of notes) {
    const marker = el('button', {
      type: 'button',
      class: `note-marker${span.id === current ? ' current' : ''}`,
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
    margin.dataset.current = id
    for (const s of margin.querySelectorAll('.current')) s.classList.remove('current')
    for (const s of margin.querySelectorAll(`[data-annotation="${CSS.escape(id)}"]`)) s.classList.add('current')
    open(id, e)
  }
}
