import type { Api, ProjectView } from '../../main/core/contract/api.js'
import type { Definition, DefinitionResult } from '../../main/core/definitions/definitions.js'
import type { Facet, FacetMember } from '../../main/core/definitions/facets.js'
import type { Timeline } from '../../main/core/definitions/timeline.js'
import { el } from '../shared/dom.js'
import type { State, StateSource } from '../state/store.js'
import { definitionSelection, facetSelection, type PassageSpan } from './definition-marks.js'

// How each author defines a term: the facet × author matrix, then one column per document with the
// phrases they share with other authors' definitions marked. Choose a term (or one the engine
// proposes); choosing a facet or a definition lines the compare panes up on it; each can be tagged
// with the active tag in one undoable step.

export interface DefinitionsHooks {
  /** The definitions of a term were found: the state takes them. */
  found(result: DefinitionResult): void
  /** The user chose a facet or a definition (`facet:<i>`, `definition:<i>`): the panes line up on it. */
  select(id: string): void
  /** Tag these passages with the active tag, as one undoable step (`what` names them for the status line). */
  tag(passages: PassageSpan[], what: string): void
  /** Tells the user something. */
  say(text: string, error?: boolean): void
}

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
    private readonly hooks: DefinitionsHooks,
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
      const target = e.target as HTMLElement
      const tag = target.closest<HTMLElement>('[data-tag]')
      if (tag) {
        this.tag(tag.dataset.tag!)
        return
      }
      const chosen = target.closest<HTMLElement>('[data-select]')
      if (chosen) this.hooks.select(chosen.dataset.select!)
    })
    this.result.addEventListener('keydown', (e) => {
      const card = (e.target as HTMLElement).closest<HTMLElement>('.definition-card[data-select]')
      if (card && e.target === card && (e.key === 'Enter' || e.key === ' ')) {
        e.preventDefault()
        this.hooks.select(card.dataset.select!)
      }
    })
    this.dom = el('section', { class: 'side-section definitions-panel', 'aria-label': 'Definitions' }, form, this.result)
  }

  /** Redraws what changed between two states. */
  update(state: State, previous: State): void {
    if (state.definitions !== previous.definitions && state.definitions) this.render(state.definitions)
    else if (state.selectedDefinition !== previous.selectedDefinition) this.showSelected()
  }

  /** Marks the chosen facet's row or definition's card. */
  private showSelected(): void {
    const id = this.store.state.selectedDefinition
    for (const node of this.result.querySelectorAll<HTMLElement>('tr[data-selection], .definition-card[data-select]')) {
      const on = (node.dataset.selection ?? node.dataset.select) === id
      node.classList.toggle('chosen', on)
      if (node.tagName === 'TR' || node.classList.contains('definition-card')) node.setAttribute('aria-current', String(on))
    }
  }

  /** Tags a facet's members or a definition (`facet:<i>`, `definition:<i>`) with the active tag. */
  private tag(id: string): void {
    const r = this.store.state.definitions
    const [what, index] = id.split(':')
    if (!r) return
    if (what === 'facet') {
      const f = r.facets[Number(index)]
      if (f)
        this.hooks.tag(
          f.members.map(({ doc, start, end }) => ({ doc, start, end })),
          `${f.members.length} ${f.members.length === 1 ? 'member' : 'members'} of “${f.label}”`,
        )
    } else {
      const d = r.definitions[Number(index)]
      if (d) this.hooks.tag([{ doc: d.doc, start: d.start, end: d.end }], `the definition of “${r.term}”`)
    }
  }

  /** Whether a project has come in yet: the view opens with the key term's definitions found. */
  private started = false
  /** Runs started, so that an older run's late answer is dropped. */
  private runs = 0

  setProject(project: ProjectView): void {
    if (this.started) return
    this.started = true
    if (project.documents.length > 0) void this.run()
  }

  /** The texts or the documents' dates changed: the definitions shown are found again (once the view has started). */
  refresh(): void {
    if (this.started) void this.run()
  }

  async run(): Promise<void> {
    const run = ++this.runs
    this.result.replaceChildren(el('p', { class: 'hint' }, 'Finding definitions…'))
    try {
      const result = await this.api.findDefinitions({ term: this.term.value.trim() || undefined })
      // Only the latest run's result is shown (the texts may have changed meanwhile).
      if (run === this.runs) this.hooks.found(result)
    } catch (e) {
      if (run !== this.runs) return
      this.result.replaceChildren()
      this.hooks.say(e instanceof Error ? e.message : String(e), true)
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
          ...defs.map((x) => {
            const id = definitionSelection(r.definitions.indexOf(x))
            return el(
              'div',
              {
                class: 'definition-card',
                tabindex: '0',
                'data-select': id,
                title: `${x.pattern}, confidence ${x.confidence} — line the panes up on it`,
              },
              x.quoted ? el('p', { class: 'definition-quoting' }, `quoting ${x.quoted.speaker}`) : '',
              marked(x, title),
              el(
                'button',
                { type: 'button', class: 'tag-definition', 'data-tag': id, title: 'Tag this definition with the active tag' },
                'Tag',
              ),
            )
          }),
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
      sharedQuotations(r, docs),
      el('div', { class: 'definition-columns' }, ...columns),
    )
    this.showSelected()
  }
}

/**
 * A member's words with those that differ from the facet's first member marked (jsdiff through the
 * engine's variants.ts, as for overlaps): `ins` where the wording is its own, titled with the first
 * member's words it replaces. The first member is the first use (core/definitions/facets.ts orders
 * the members by date), the cell marked "first", and is left plain; `firstName` names its author.
 */
function memberWords(f: Facet, k: number, firstName: string): (string | HTMLElement)[] {
  const m = f.members[k]
  const chars = Array.from(m.text)
  const changes = k === 0 ? null : f.variants.find((v) => v.a === 0 && v.b === k)?.changes
  if (!changes) return [m.text]
  const out: (string | HTMLElement)[] = []
  let at = 0
  for (const c of changes) {
    // Words beyond the first member's edge (variants.ts `beyond`) are in its text too.
    if ((c.op !== 'insert' && c.op !== 'replace') || c.beyond) continue
    const from = c.bStart - m.start
    const to = c.bEnd - m.start
    if (from < at || to > chars.length || to <= from) continue
    out.push(
      chars.slice(at, from).join(''),
      el(
        'ins',
        { title: c.op === 'replace' ? `the first, ${firstName}, has “${c.a}”` : `not in the first, ${firstName}` },
        chars.slice(from, to).join(''),
      ),
    )
    at = to
  }
  out.push(chars.slice(at).join(''))
  return out
}

/** Longest name a timeline gives a document (a title without author can be a sentence long). */
const TIMELINE_NAME_CHARS = 28

/** Who used it when: the dated uses in order (the earliest marked), the undated apart. */
function timelineLine(t: Timeline, fullName: (id: string) => string): HTMLElement {
  const name = (id: string) => {
    const n = fullName(id)
    return n.length > TIMELINE_NAME_CHARS ? `${n.slice(0, TIMELINE_NAME_CHARS - 1).trimEnd()}…` : n
  }
  return el(
    'small',
    { class: 'facet-timeline' },
    ...t.dated.flatMap((e, i) => [i ? ' → ' : '', el(e.first ? 'strong' : 'span', {}, `${name(e.doc)} ${e.date}`)]),
    t.undated.length ? `${t.dated.length ? ' · ' : ''}undated: ${t.undated.map(name).join(', ')}` : '',
  )
}

/**
 * Quotations several authors use as their definition: whose words, the words, who used them when,
 * and each author's framing (a button that lines the panes up on that author's definition and
 * those grouped with it).
 */
function sharedQuotations(
  r: DefinitionResult,
  docs: readonly { id: string; title: string; author: string; outlet: string }[],
): HTMLElement | string {
  const shared = r.quotations.filter((q) => q.docs.length > 1)
  if (shared.length === 0) return ''
  const name = (id: string) => {
    const d = docs.find((x) => x.id === id)
    return d ? d.author || d.outlet || d.title : id
  }
  return el(
    'section',
    { class: 'shared-quotations', 'aria-label': 'Quotations several authors use' },
    el('h3', { class: 'definition-author' }, 'Quotations several authors use'),
    ...shared.map((q) =>
      el(
        'div',
        { class: 'shared-quotation' },
        el('p', { class: 'definition-text' }, el('strong', {}, `${q.speaker}: `), `“${q.text}”`),
        timelineLine(q.timeline, name),
        el(
          'ul',
          {},
          ...q.members.map((m) =>
            el(
              'li',
              {},
              el(
                'button',
                {
                  type: 'button',
                  class: 'facet-member',
                  'data-select': definitionSelection(m.definition),
                  title: 'Line the panes up on it',
                },
                el('strong', {}, name(m.doc)),
                ` (${m.form === 'quotation' ? 'quotes' : 'reports'}): ${m.framing}`,
              ),
            ),
          ),
        ),
      ),
    ),
  )
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
  const name = (id: string) => {
    const d = docs.find((x) => x.id === id)
    return d ? d.author || d.outlet || d.title : id
  }
  const rows = facets.map((f, i) => {
    const first = new Set(f.timeline.dated.filter((e) => e.first).map((e) => e.doc))
    const id = facetSelection(i)
    return el(
      'tr',
      { 'data-selection': id },
      el(
        'th',
        { scope: 'row' },
        el('button', { type: 'button', class: 'facet-select', 'data-select': id, title: 'Line the panes up on its members' }, f.label),
        timelineLine(f.timeline, name),
        el(
          'button',
          {
            type: 'button',
            class: 'tag-facet',
            'data-tag': id,
            title: 'Tag all members of this facet with the active tag (one undoable step)',
          },
          'Tag all',
        ),
      ),
      ...columns.map((d) => {
        const members = f.members.filter((m) => m.doc === d.id)
        if (members.length === 0) return el('td', { class: 'facet-missing', title: 'Leaves this element out' }, '—')
        return el(
          'td',
          {},
          ...members.map((m: FacetMember) => {
            const speaker = definitions[m.definition]?.quoted?.speaker
            return el(
              'button',
              {
                type: 'button',
                class: 'facet-member',
                'data-select': id,
                title: 'Line the panes up on this element',
              },
              ...memberWords(f, f.members.indexOf(m), name(f.members[0].doc)),
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
