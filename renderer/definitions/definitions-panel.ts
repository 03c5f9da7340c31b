import type { Api, ProjectView } from '../../main/core/contract/api.js'
import type { Definition, DefinitionResult } from '../../main/core/definitions/definitions.js'
import { el } from '../shared/dom.js'
import type { StateSource } from '../state/store.js'

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

  /** The open project, from the store. */
  private get project(): ProjectView | null {
    return this.store.state.project
  }

  constructor(
    private readonly api: Api,
    private readonly open: (doc: string, start: number, end: number) => void,
    private readonly say: (text: string, error?: boolean) => void,
    private readonly store: StateSource,
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
                title: `${x.pattern} — open in its pane`,
              },
              marked(x, title),
            ),
          ),
        ),
      )
    this.result.replaceChildren(
      el(
        'p',
        { class: 'hint' },
        el('strong', {}, r.term),
        r.aliases.length ? ` — also written ${r.aliases.map((a) => `“${a}”`).join(', ')}` : '',
        ` · ${r.definitions.length} definitions in ${columns.length} documents; marked phrases are shared with other authors.`,
      ),
      el('div', { class: 'definition-columns' }, ...columns),
    )
  }
}
