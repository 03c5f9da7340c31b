import type { DefinitionResult } from '../../main/core/definitions/definitions.js'
import type { Overlay } from '../compare/reader.js'

// Definitions as the compare panes draw them: each definition of the term marked in its
// document (a layer of its own, apart from shared passages and annotations), and the facet or
// definition chosen in the Definitions view as passages to line the panes up on, the same way a
// selected overlap's passages are.

/** A passage of a document, code points. */
export interface PassageSpan {
  doc: string
  start: number
  end: number
}

/** Passages the panes line up on and join with connectors: an overlap's, a facet's or a definition's. */
export interface Aligned {
  /** The selection's id (an overlap id, `facet:<i>` or `definition:<i>`). */
  id: string
  /** Class of its connectors and marks: `kind-verbatim`, …, or `kind-definition`. */
  kind: string
  passages: readonly PassageSpan[]
}

/** The selection id of a facet (its index in the result's `facets`). */
export function facetSelection(index: number): string {
  return `facet:${index}`
}

/** The selection id of a definition (its index in the result's `definitions`). */
export function definitionSelection(index: number): string {
  return `definition:${index}`
}

function parse(id: string | null): { what: 'facet' | 'definition'; index: number } | null {
  const m = /^(facet|definition):(\d+)$/.exec(id ?? '')
  return m ? { what: m[1] as 'facet' | 'definition', index: Number(m[2]) } : null
}

/**
 * The passages a selection lines up: a facet's members (the authors' words for the element), or a
 * definition with the definitions of other documents grouped with it (sharing phrases or a
 * quotation). Null when the id names nothing in the result.
 */
export function alignedDefinitions(result: DefinitionResult | null, id: string | null): Aligned | null {
  const sel = parse(id)
  if (!result || !sel || !id) return null
  if (sel.what === 'facet') {
    const facet = result.facets[sel.index]
    if (!facet) return null
    return { id, kind: 'kind-definition', passages: facet.members.map(({ doc, start, end }) => ({ doc, start, end })) }
  }
  const definition = result.definitions[sel.index]
  if (!definition) return null
  const group = result.groups[definition.group]?.definitions ?? [sel.index]
  // The chosen definition first: a pane showing its document lines up on it, not on a sibling.
  const order = [sel.index, ...group.filter((i) => i !== sel.index)]
  return {
    id,
    kind: 'kind-definition',
    passages: order
      .map((i) => result.definitions[i])
      .filter(Boolean)
      .map(({ doc, start, end }) => ({ doc, start, end })),
  }
}

/**
 * What the definitions layer draws over a document: each definition of the term (its selection id in
 * `data-definition`, so a click can choose it), and the selected facet's or definition's passages
 * marked as selected.
 */
export function definitionOverlays(result: DefinitionResult | null, docId: string, selected: Aligned | null): Overlay[] {
  if (!result) return []
  const overlays: Overlay[] = []
  result.definitions.forEach((d, i) => {
    if (d.doc !== docId) return
    const quoting = d.quoted ? `, quoting ${d.quoted.speaker}` : ''
    overlays.push({
      start: d.start,
      end: d.end,
      class: 'definition-mark',
      attrs: { 'data-definition': definitionSelection(i), title: `Defines “${result.term}” (${d.pattern}${quoting}) — click to line up` },
    })
  })
  for (const p of selected?.passages ?? []) {
    if (p.doc === docId) overlays.push({ start: p.start, end: p.end, class: 'definition-selected' })
  }
  return overlays
}

/** Where a document's definitions lie, for its heat strip: spans and their selection ids. */
export function definitionHeat(result: DefinitionResult | null, docId: string): (PassageSpan & { id: string })[] {
  if (!result) return []
  return result.definitions.flatMap((d, i) =>
    d.doc === docId ? [{ doc: d.doc, start: d.start, end: d.end, id: definitionSelection(i) }] : [],
  )
}
