import type { Api, ProjectView } from '../../main/core/contract/api.js'
import type { Definition, DefinitionResult } from '../../main/core/definitions/definitions.js'
import type { Facet } from '../../main/core/definitions/facets.js'
import { el } from '../shared/dom.js'

// How each author defines a term, side by side: one column per document, the phrases they share
// with other authors' definitions marked. Choose a term (or one the engine proposes); clicking a
// definition opens it in its pane.

/** A definition's text with its shared phrases as <mark>s. */
function marked(d: Definition, title: (id: string) => string): HTMLElement {
  const chars = Array.from(d.text)
  const p = el('p', { class: 'definition-text' })
  let at = 0
  for (const s of [...d.shared].sort((x, y) => x.start - y.start)) {
    const from = s.start - d.start
    const to = s.end - d.start
    if (from < at || to > chars.length) continue
    p.append(
      chars.slice(at, from).join(''),
      el('mark', { class: 'shared-phrase', title: `Also in: ${s.docs.map(title).join('; ')}` }, chars.slice(from, to).join('')),
    )
    at = to
  }
  p.append(chars.slice(at).join(''))
  return p
}

export class DefinitionsPanel {
  readonly dom: HTMLElement
  private readonly term = el('input', {
    type: 'search',
    list: 'proposed-terms',
    placeholder: 'Term (empty: the key term)',
    'aria-label': 'Term to define',
  })
  private readonly proposed = el('datalist', { id: 'proposed-terms' })
  private readonly result = el('div', { class: 'definitions', 'aria-live': 'polite' })
  private project: ProjectView | null = null

  constructor(
    private readonly api: Api,
    private readonly open: (doc: string, start: number, end: number) => void,
    private readonly say: (text: string, error?: boolean) => void,
  ) {
    const form = el(
      'form',
      { class: 'filters compact', role: 'search' },
      this.term,
      this.proposed,
      el('button', { type: 'submit' }, 'Find definitions'),
    )
    form.addEventListener('submit', (e) => {
      e.preventDefault()
      void this.run()
    })
    this.result.addEventListener('click', (e) => {
      const card = (e.target as HTMLElement).closest<HTMLElement>('[data-doc]')
      if (card) this.open(card.dataset.doc!, Number(card.dataset.start), Number(card.dataset.end))
    })
    this.result.addEventListener('keydown', (e) => {
      const card = (e.target as HTMLElement).closest<HTMLElement>('[data-doc]')
      if (card && (e.key === 'Enter' || e.key === ' ')) {
        e.preventDefault()
        this.open(card.dataset.doc!, Number(card.dataset.start), Number(card.dataset.end))
      }
    })
    this.dom = el('section', { class: 'side-section definitions-panel', 'aria-label': 'Definitions' }, form, this.result)
  }

  setProject(project: ProjectView): void {
    const first = this.project === null
    this.project = project
    // The view opens with the key term's definitions already found.
    if (first && project.documents.length > 0) void this.run()
  }

  async run(): Promise<void> {
    this.result.replaceChildren(el('p', { class: 'hint' }, 'Finding definitions…'))
    try {
      this.render(await this.api.findDefinitions({ term: this.term.value.trim() || undefined }))
    } catch (e) {
      this.result.replaceChildren()
      this.say(e instanceof Error ? e.message : String(e), true)
    }
  }

  private render(r: DefinitionResult): void {
    if (r.terms)
      this.proposed.replaceChildren(
        ...r.terms.map((t) => el('option', { value: t.term }, t.aliases.length ? `${t.term} (${t.aliases.join(', ')})` : t.term)),
      )
    const docs = this.project?.documents ?? []
    const title = (id: string) => docs.find((d) => d.id === id)?.title ?? id
    const columns = docs
      .map((d) => ({ d, defs: r.definitions.filter((x) => x.doc === d.id) }))
      .filter((c) => c.defs.length)
      .map(({ d, defs }) =>
        el(
          'div',
          { class: 'definition-column', role: 'group', 'aria-label': d.title },
          el('h3', { class: 'definition-author' }, d.author || d.outlet || d.title),
          ...defs.map((x) =>
            el(
              'div',
              {
                class: 'definition-card',
                tabindex: '0',
                'data-doc': x.doc,
                'data-start': String(x.start),
                'data-end': String(x.end),
                title: `${x.pattern}, confidence ${x.confidence} — open in its pane`,
              },
              x.quoted ? el('p', { class: 'definition-quoting' }, `quoting ${x.quoted.speaker}`) : '',
              marked(x, title),
            ),
          ),
        ),
      )
    const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`
    this.result.replaceChildren(
      el(
        'p',
        { class: 'hint' },
        el('strong', {}, r.term),
        r.aliases.length ? ` — also written ${r.aliases.map((a) => `“${a}”`).join(', ')}` : '',
        ` · ${count(r.definitions.length, 'definition', 'definitions')} in ${count(columns.length, 'document', 'documents')}; ` +
          `${count(r.facets.length, 'element', 'elements')} shared by two or more authors.`,
      ),
      facetMatrix(r.facets, r.definitions, docs),
      el('div', { class: 'definition-columns' }, ...columns),
    )
  }
}

/**
 * The facet × author matrix: one row per element of the definitions, one column per document in
 * the order of their dates (undated last); a cell holds the author's words for the element (a
 * button that opens them in their pane), or "—" when the author leaves it out.
 */
function facetMatrix(
  facets: readonly Facet[],
  definitions: readonly Definition[],
  docs: readonly { id: string; title: string; author: string; outlet: string; date: string }[],
): HTMLElement {
  if (facets.length === 0) return el('p', { class: 'hint' }, 'No element of the definitions is shared by two authors.')
  const dated = docs.filter((d) => /^\d{4}/.test(d.date)).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
  const columns = [...dated, ...docs.filter((d) => !/^\d{4}/.test(d.date))].filter((d) => facets.some((f) => f.docs.includes(d.id)))
  const head = el(
    'tr',
    {},
    el('th', { scope: 'col' }, 'Element'),
    ...columns.map((d) =>
      el('th', { scope: 'col', title: d.title }, d.author || d.outlet || d.title, d.date ? el('small', {}, ` ${d.date}`) : ''),
    ),
  )
  const rows = facets.map((f) => {
    const first = new Set(f.timeline.dated.filter((e) => e.first).map((e) => e.doc))
    return el(
      'tr',
      {},
      el('th', { scope: 'row' }, f.label, el('small', { class: 'facet-role' }, ` ${f.role}`)),
      ...columns.map((d) => {
        const members = f.members.filter((m) => m.doc === d.id)
        if (members.length === 0) return el('td', { class: 'facet-missing', title: 'Leaves this element out' }, '—')
        return el(
          'td',
          {},
          ...members.map((m) => {
            const speaker = definitions[m.definition]?.quoted?.speaker
            return el(
              'button',
              {
                type: 'button',
                class: 'facet-member',
                'data-doc': m.doc,
                'data-start': String(m.start),
                'data-end': String(m.end),
                title: 'Open in its pane',
              },
              m.text,
              speaker ? el('small', { class: 'definition-quoting' }, ` quoting ${speaker}`) : '',
            )
          }),
          first.has(d.id) ? el('small', { class: 'facet-first', title: 'The earliest dated use' }, 'first') : '',
        )
      }),
    )
  })
  return el(
    'div',
    { class: 'facet-matrix-wrap' },
    el(
      'table',
      { class: 'facet-matrix', 'aria-label': 'Elements of the definitions by author' },
      el('thead', {}, head),
      el('tbody', {}, ...rows),
    ),
  )
}
