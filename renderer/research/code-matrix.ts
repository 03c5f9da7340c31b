import { tagIdsOf } from '../../main/core/annotations/annotation-parts.js'
import type { RetrievedItem, ProjectView } from '../../main/core/contract/api.js'
import { el } from '../shared/dom.js'

// The QDA tool's overview of the coding: a code × document matrix (how many passages carry each tag
// in each document; a click lists them) and code co-occurrence (how many passages carry both of two
// tags: one annotation with both, or two annotations whose spans overlap).

/** counts[tagId][docId] = annotations in the document that carry the tag. */
export function codeDocumentCounts(items: readonly RetrievedItem[]): Map<string, Map<string, number>> {
  const counts = new Map<string, Map<string, number>>()
  for (const item of items) {
    for (const tagId of new Set(tagIdsOf(item.annotation))) {
      const row = counts.get(tagId) ?? new Map<string, number>()
      row.set(item.docId, (row.get(item.docId) ?? 0) + 1)
      counts.set(tagId, row)
    }
  }
  return counts
}

/** Key of an unordered pair of tag ids. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}\n${b}` : `${b}\n${a}`
}

/**
 * Co-occurrence of tags: for each pair, the passages where both apply — tags on the same
 * annotation, or on annotations of one document whose spans overlap. Each annotation pair counts once.
 */
export function coOccurrence(items: readonly RetrievedItem[]): Map<string, number> {
  const counts = new Map<string, number>()
  const add = (seen: Set<string>, a: string, b: string) => {
    if (a === b) return
    const k = pairKey(a, b)
    if (seen.has(k)) return
    seen.add(k)
    counts.set(k, (counts.get(k) ?? 0) + 1)
  }
  const byDoc = new Map<string, RetrievedItem[]>()
  for (const item of items) byDoc.set(item.docId, [...(byDoc.get(item.docId) ?? []), item])
  for (const list of byDoc.values()) {
    for (let i = 0; i < list.length; i++) {
      const ti = tagIdsOf(list[i].annotation)
      const own = new Set<string>()
      for (const a of ti) for (const b of ti) add(own, a, b)
      for (let j = i + 1; j < list.length; j++) {
        if (list[i].status === 'orphan' || list[j].status === 'orphan') continue
        if (!(list[i].start < list[j].end && list[j].start < list[i].end)) continue
        const pair = new Set<string>()
        for (const a of ti) for (const b of tagIdsOf(list[j].annotation)) add(pair, a, b)
      }
    }
  }
  return counts
}

/** Shortest label that still tells documents apart in a narrow column (full title on hover). */
const LABEL_CHARS = 14

function short(s: string): string {
  return s.length > LABEL_CHARS ? s.slice(0, LABEL_CHARS - 1) + '…' : s
}

/** The two tables; `onCell` opens the passages of a tag (in one document, or with a second tag). */
export function renderCodeTables(
  project: ProjectView,
  items: readonly RetrievedItem[],
  onCell: (cell: { tagId: string; docId?: string; withTagId?: string }) => void,
): HTMLElement {
  const counts = codeDocumentCounts(items)
  const tags = project.tags.filter((t) => counts.has(t.id))
  const docs = project.documents.filter((d) => tags.some((t) => counts.get(t.id)!.has(d.id)))
  const button = (n: number, label: string, cell: { tagId: string; docId?: string; withTagId?: string }) => {
    if (!n) return el('td', { class: 'zero' }, '·')
    const b = el('button', { type: 'button', class: 'count', 'aria-label': label, title: label }, String(n))
    b.addEventListener('click', () => onCell(cell))
    return el('td', {}, b)
  }
  const rowHead = (t: (typeof tags)[number]) => {
    const th = el('th', { scope: 'row' }, el('span', { class: 'swatch' }), t.name)
    th.style.setProperty('--tag-colour', t.colour)
    return th
  }
  const matrix = el(
    'table',
    { class: 'code-matrix', 'aria-label': 'Codes by document' },
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        el('th', {}, 'Tag'),
        ...docs.map((d) => el('th', { scope: 'col', title: d.title }, short(d.title))),
        el('th', {}, 'All'),
      ),
    ),
    el(
      'tbody',
      {},
      ...tags.map((t) => {
        const row = counts.get(t.id)!
        const total = [...row.values()].reduce((a, b) => a + b, 0)
        return el(
          'tr',
          {},
          rowHead(t),
          ...docs.map((d) =>
            button(row.get(d.id) ?? 0, `${row.get(d.id) ?? 0} passages tagged ${t.name} in ${d.title}`, { tagId: t.id, docId: d.id }),
          ),
          button(total, `${total} passages tagged ${t.name}`, { tagId: t.id }),
        )
      }),
    ),
  )
  const co = coOccurrence(items)
  const cooccurrence = el(
    'table',
    { class: 'code-matrix co-occurrence', 'aria-label': 'Code co-occurrence' },
    el('thead', {}, el('tr', {}, el('th', {}, 'Tag'), ...tags.map((t) => el('th', { scope: 'col', title: t.name }, short(t.name))))),
    el(
      'tbody',
      {},
      ...tags.map((a) =>
        el(
          'tr',
          {},
          rowHead(a),
          ...tags.map((b) => {
            if (a.id === b.id) return el('td', { class: 'zero' }, '—')
            const n = co.get(pairKey(a.id, b.id)) ?? 0
            return button(n, `${n} passages where ${a.name} and ${b.name} meet`, { tagId: a.id, withTagId: b.id })
          }),
        ),
      ),
    ),
  )
  if (tags.length === 0)
    return el('p', { class: 'hint' }, 'No tagged passages yet: the code × document matrix appears once there are some.')
  return el(
    'div',
    { class: 'code-tables' },
    el('h3', {}, 'Codes × documents'),
    el('div', { class: 'matrix-scroll' }, matrix),
    el('h3', {}, 'Co-occurrence'),
    el('p', { class: 'hint' }, 'Passages where two tags meet: on one annotation, or on overlapping annotations.'),
    el('div', { class: 'matrix-scroll' }, cooccurrence),
  )
}
