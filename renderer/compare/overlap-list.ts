import type { SourcedOverlap } from '../../main/core/reuse/imported.js'
import { el, select } from '../shared/dom.js'
import type { State, StateSource } from '../state/store.js'
import { asksSource, filterFor, filterOverlaps, type OverlapFilter, type OverlapFilterChoice, SOURCE_LABELS } from './overlap-filter.js'
import { KIND_DESCRIPTIONS, KIND_LABELS, KINDS } from '../../main/core/engine/kinds.js'
import { likenessTexts } from '../../main/core/engine/likeness-texts.js'
import { PARAPHRASE_MAX_WORDS } from '../../main/core/engine/paraphrase-bound.js'
import { documentNames, type Named, namesTogether, shortName } from '../shared/document-names.js'

// The ranked overlap list, best first, with filters (kind, minimum score, document, text, hide
// boilerplate, hide duplicate documents) and next/previous keys as diff tools have (N / P, or
// Alt+↓ / Alt+↑, anywhere in the compare view). The filters are the store's (State.overlapFilter):
// the list draws from them and reports the reader's changes. They stay in place above the list,
// which scrolls on its own: a tester working through 415 overlaps found them 1,000 px above the
// panel after a click. Each item says its kind in the README's words (main/core/engine/kinds.ts), whether it is
// boilerplate, a duplicate document or a loose likeness of text shared more closely elsewhere
// (linked to that text), and why a paraphrase was found. The kinds' colours are explained once, by the compare toolbar's
// legend (legend.ts).

/** Where the reader's choices of "Hide boilerplate" and "Hide duplicates" are remembered ('1' or '0'; unset: the default rule). */
const HIDE_KEYS = { hideBoilerplate: 'parallax.hideBoilerplate', hideDuplicates: 'parallax.hideDuplicates' } as const

/** The hides the reader chose in an earlier session (null: not chosen), for the store's first filter. */
export function rememberedHides(): Pick<OverlapFilterChoice, keyof typeof HIDE_KEYS> {
  const read = (key: string) => {
    const chosen = localStorage.getItem(key)
    return chosen === null ? null : chosen === '1'
  }
  return { hideBoilerplate: read(HIDE_KEYS.hideBoilerplate), hideDuplicates: read(HIDE_KEYS.hideDuplicates) }
}

/** A snippet's length in characters at most: two lines of the card show less (CSS clamps them). */
const SNIPPET_CHARS = 160

/**
 * Cards drawn at a time: the list draws the first ones, and the next as the reader scrolls near
 * its end (or steps to one past them). All of 2,000 cards (900 Debian copyright files) took about
 * a second to draw at every key pressed in the filter; a screen holds five to seven cards, and a
 * hundred are many screens of them.
 */
export const LIST_PAGE = 100

/** "1 group of duplicate documents", "30 groups …" */
const duplicateGroups = (n: number) => `${n} ${n === 1 ? 'group' : 'groups'} of duplicate documents`

const capitalised = (s: string) => s[0].toUpperCase() + s.slice(1)

export class OverlapList {
  readonly dom: HTMLElement
  private readonly list = el('ul', { class: 'overlap-list', role: 'listbox', 'aria-label': 'Shared passages, best first', tabindex: '0' })
  /** Who found the overlaps shown: the engine, or a batch tool whose results were imported. */
  private readonly source = select({ 'aria-label': 'Source' }, [['', 'All sources'], ...Object.entries(SOURCE_LABELS)])
  private readonly kind = select({ 'aria-label': 'Kind' }, [
    ['', 'All kinds'],
    ...KINDS.map((k) => [k, capitalised(KIND_LABELS[k])] as const),
  ])
  private readonly hideBoilerplate = el('input', { type: 'checkbox', class: 'hide-boilerplate' })
  private readonly hideDuplicates = el('input', { type: 'checkbox', class: 'hide-duplicates' })
  private readonly minScore = el('input', {
    type: 'number',
    min: '0',
    step: '0.5',
    value: '0',
    'aria-label': 'Minimum score',
  })
  private readonly doc = el('select', { 'aria-label': 'Document' })
  private readonly text = el('input', { type: 'search', placeholder: 'Text…', 'aria-label': 'Filter by text' })
  private readonly summary = el('p', { class: 'passages-summary', role: 'status' })
  private readonly importReuse = el(
    'button',
    { type: 'button', class: 'import-reuse', title: "Import the clusters passim or TextPAIR found in this project's documents" },
    'Import passim / TextPAIR…',
  )
  /** Said where the project was too large to be searched for paraphrases by default, with the button that asks. */
  private readonly paraphraseText = document.createTextNode('')
  private readonly askParaphrases = el(
    'button',
    { type: 'button', class: 'ask-paraphrases', title: 'Looking for them can take as long again as finding the rest.' },
    'Look for paraphrases',
  )
  private readonly paraphraseNote = el('p', { class: 'paraphrase-note', hidden: true }, this.paraphraseText, this.askParaphrases)
  /** The overlaps the filters keep, as last drawn (what N and P step through). */
  private shown: SourcedOverlap[] = []
  /** The card of the k-th overlap of `shown`, as the last render draws them; how many of them are drawn. */
  private cardOf: (o: SourcedOverlap, k: number) => HTMLElement = () => el('li')
  private drawn = 0
  /** After the cards drawn, while there are more: drawing the next LIST_PAGE when it comes into view. */
  private readonly more = el('p', { class: 'overlap-list-more hint', hidden: true }, 'More below…')
  /**
   * Read once per list of overlaps, not at every filter change: each overlap's number, its rank in
   * the whole list, which no filter changes (a tester filtered by "labour" and read #2 as "#1",
   * no longer the number they had noted); the texts each likeness is like (likeness-texts.ts).
   */
  private read: { of: readonly SourcedOverlap[]; ranks: Map<string, number>; likenesses: Map<string, string[]> } | undefined

  constructor(
    private readonly onSelect: (id: string) => void,
    private readonly store: StateSource,
    /** Asks for the project's paraphrases whatever its size (see paraphraseNote). */
    private readonly onAskParaphrases: () => void,
    /** The reader changed a filter: the store's overlapFilter is to take the change. */
    private readonly onFilter: (change: Partial<OverlapFilterChoice>) => void,
    /** Opens the dialog importing passim's or TextPAIR's results. */
    onImport: () => void,
  ) {
    this.dom = el(
      'section',
      { class: 'side-section overlaps-section', 'aria-label': 'Overlaps' },
      el(
        'div',
        { class: 'overlaps-top' },
        el(
          'div',
          { class: 'filters compact overlap-filters' },
          this.text,
          this.kind,
          this.doc,
          el(
            'label',
            { class: 'score-field', title: 'Minimum score: shared words × similarity, each word weighted by its rarity' },
            'Score ≥',
            this.minScore,
          ),
          this.source,
          el(
            'label',
            {
              class: 'check',
              title:
                'Leave out passages shared by a large share of the documents or matching excluded text (licences, notices). On by default when they are a third of the list or more; your choice is remembered.',
            },
            this.hideBoilerplate,
            'Hide boilerplate',
          ),
          el(
            'label',
            {
              class: 'check',
              title:
                'Leave out groups of whole documents with the same words (each listed once, above the rest by its length). On by default when they are a third of the first 40 listed or more; your choice is remembered.',
            },
            this.hideDuplicates,
            'Hide duplicates',
          ),
        ),
        this.summary,
      ),
      // What is asked for once in a while, importing other tools' results and looking for
      // paraphrases in a large project, heads the list and scrolls away with it.
      el(
        'div',
        { class: 'overlap-scroll' },
        el('div', { class: 'overlap-more' }, this.importReuse),
        this.paraphraseNote,
        this.list,
        this.more,
      ),
    )
    // The next cards, once the end of those drawn comes near the list's bottom edge.
    new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && this.drawUntil(this.drawn + LIST_PAGE - 1), {
      root: this.more.parentElement,
      rootMargin: '0px 0px 600px 0px',
    }).observe(this.more)
    const fields = { source: this.source, kind: this.kind, doc: this.doc, text: this.text } as const
    for (const [name, input] of Object.entries(fields)) input.addEventListener('input', () => this.onFilter({ [name]: input.value }))
    this.minScore.addEventListener('input', () => this.onFilter({ minScore: Number(this.minScore.value) || 0 }))
    for (const name of ['hideBoilerplate', 'hideDuplicates'] as const) {
      const box = this[name]
      box.addEventListener('input', () => {
        localStorage.setItem(HIDE_KEYS[name], box.checked ? '1' : '0')
        this.onFilter({ [name]: box.checked })
      })
    }
    this.askParaphrases.addEventListener('click', () => this.onAskParaphrases())
    this.importReuse.addEventListener('click', onImport)
    this.list.addEventListener('click', (e) => {
      const id = (e.target as HTMLElement).closest<HTMLElement>('[data-overlap]')?.dataset.overlap
      if (id) this.onSelect(id)
    })
    this.list.addEventListener('keydown', (e) => {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault()
        this.step(e.key === 'ArrowDown' ? 1 : -1)
      }
    })
  }

  /** The documents an item's passages are in, on one line (all of them in its tooltip). */
  private docsLine(names: readonly string[]): HTMLElement {
    const line = names.join(' · ')
    return el('p', { class: 'overlap-docs', title: names.length > 1 ? `${names.length} documents: ${line}` : line }, line)
  }

  /** Redraws what changed between two states. */
  update(state: State, previous: State): void {
    if (state.project !== previous.project && state.project) this.fillDocuments(state.project.documents)
    if (state.overlaps !== previous.overlaps || state.project !== previous.project || state.overlapFilter !== previous.overlapFilter)
      return this.render()
    if (state.paraphrasesAsked !== previous.paraphrasesAsked) this.sayParaphrases()
    if (state.selectedOverlap !== previous.selectedOverlap) this.showSelected()
  }

  private fillDocuments(documents: readonly Named[]): void {
    const value = this.doc.value
    const names = documentNames(documents)
    this.doc.replaceChildren(
      el('option', { value: '' }, 'All documents'),
      ...documents.map((d) => el('option', { value: d.id }, names.get(d.id) ?? d.title)),
    )
    this.doc.value = documents.some((d) => d.id === value) ? value : ''
  }

  /**
   * Marks the selected item and scrolls the list (only the list) to show it. Items only: a loose
   * likeness's link carries the id of the text it is like, and was marked and scrolled to instead
   * (a tester chose #1 and the list jumped to a likeness near its end, 66,443 px down).
   */
  private showSelected(): void {
    const id = this.store.state.selectedOverlap
    // (An overlap past the cards drawn, stepped to or chosen in a pane, is drawn first.)
    const at = id === null ? -1 : this.shown.findIndex((o) => o.id === id)
    if (at >= this.drawn) this.drawUntil(at)
    for (const item of this.list.querySelectorAll<HTMLElement>(':scope > .overlap-item')) {
      const on = item.dataset.overlap === id
      item.setAttribute('aria-selected', String(on))
      if (on) {
        item.scrollIntoView({ block: 'nearest' })
        this.list.setAttribute('aria-activedescendant', item.id)
      }
    }
  }

  /**
   * Where the engine did not look for paraphrases (a project of more than PARAPHRASE_MAX_WORDS
   * words), says so, with a button that asks for them: the list would otherwise show none without
   * telling why.
   */
  private sayParaphrases(): void {
    const { overlaps: view, paraphrasesAsked } = this.store.state
    // (Only past the bound: the services may also have been told not to search, by another client.)
    const unsearched = !!view && !view.stats.paraphraseSearch && view.stats.words > PARAPHRASE_MAX_WORDS
    this.paraphraseNote.hidden = !unsearched
    if (!unsearched) return
    const words = (n: number) => n.toLocaleString('en-US')
    this.paraphraseText.data = `Paraphrase search not run: ${words(view.stats.words)} words, more than the ${words(PARAPHRASE_MAX_WORDS)} searched by default. `
    this.askParaphrases.disabled = paraphrasesAsked
    this.askParaphrases.textContent = paraphrasesAsked ? 'Looking for paraphrases…' : 'Look for paraphrases'
  }

  /** Draws the cards of `shown` up to its index `last` (all of them at most) after those drawn. */
  private drawUntil(last: number): void {
    const end = Math.min(this.shown.length, last + 1)
    if (end > this.drawn) this.list.append(...this.shown.slice(this.drawn, end).map((o, j) => this.cardOf(o, this.drawn + j)))
    this.drawn = Math.max(this.drawn, end)
    this.more.hidden = this.drawn >= this.shown.length
  }

  /** Selects the next (1) or previous (-1) overlap of the filtered list. */
  step(by: 1 | -1): void {
    if (!this.shown.length) return
    const i = this.shown.findIndex((o) => o.id === this.store.state.selectedOverlap)
    const next = i < 0 ? (by > 0 ? 0 : this.shown.length - 1) : Math.max(0, Math.min(this.shown.length - 1, i + by))
    this.onSelect(this.shown[next].id)
  }

  /**
   * A likeness's line naming the texts it is like (likeness-texts.ts): each a link to its item,
   * by its number (clicking selects it, as the item's own data-overlap does), or "hidden" where
   * the filters leave it out.
   */
  private likenessOf(texts: readonly string[], ranks: ReadonlyMap<string, number>): HTMLElement | false {
    if (!texts.length) return false
    const links = texts.map((id) =>
      this.shown.some((s) => s.id === id)
        ? el(
            'button',
            { type: 'button', class: 'likeness-text', 'data-overlap': id, title: 'Show the text this is loosely like' },
            `#${ranks.get(id)}`,
          )
        : el('span', { class: 'likeness-text hidden', title: 'Left out by the filters above' }, 'one hidden'),
    )
    return el('p', { class: 'overlap-like' }, 'Loosely like ', ...links.flatMap((link, i) => (i ? [', ', link] : [link])))
  }

  /** The fields as the filter is (a field the reader is typing in already is: left alone). */
  private showFilter(filter: OverlapFilter, all: readonly SourcedOverlap[]): void {
    const set = (field: HTMLInputElement | HTMLSelectElement, value: string) => {
      if (field.value !== value) field.value = value
    }
    set(this.source, filter.source ?? '')
    set(this.kind, filter.kind)
    set(this.doc, filter.doc)
    set(this.text, filter.text)
    if ((Number(this.minScore.value) || 0) !== filter.minScore) this.minScore.value = String(filter.minScore)
    this.hideBoilerplate.checked = !!filter.hideBoilerplate
    this.hideDuplicates.checked = !!filter.hideDuplicates
    this.source.hidden = !asksSource(filter.source, all)
  }

  private render(): void {
    const { project, overlaps: view } = this.store.state
    const names = documentNames(project?.documents ?? [])
    const titles = new Map((project?.documents ?? []).map((d) => [d.id, shortName(d, names.get(d.id))]))
    const all = view?.overlaps ?? []
    const filter = filterFor(this.store.state.overlapFilter, all, new Set(project?.documents.map((d) => d.id)))
    this.showFilter(filter, all)
    const boilerplate = all.filter((o) => o.boilerplate).length
    // Duplicates the boilerplate hide has not left out already: the counts add up to what is gone.
    const duplicates = all.filter((o) => o.duplicate && !(filter.hideBoilerplate && o.boilerplate)).length
    this.shown = filterOverlaps(all, filter)
    this.summary.textContent = view
      ? `${this.shown.length} of ${all.length} shared passages` +
        (boilerplate ? ` · ${boilerplate} boilerplate${filter.hideBoilerplate ? ' hidden' : ''}` : '') +
        (duplicates ? ` · ${duplicateGroups(duplicates)}${filter.hideDuplicates ? ' hidden' : ''}` : '')
      : ''
    this.sayParaphrases()
    if (this.read?.of !== all) this.read = { of: all, ranks: new Map(all.map((o, i) => [o.id, i + 1])), likenesses: likenessTexts(all) }
    const { ranks, likenesses } = this.read
    this.cardOf = (o, k) =>
      el(
        'li',
        {
          role: 'option',
          id: `overlap-${o.id}`,
          'data-overlap': o.id,
          class: `overlap-item kind-${o.kind}`,
          // (The selection as it is when the card is drawn: the next cards are drawn later.)
          'aria-selected': String(o.id === this.store.state.selectedOverlap),
          // The list's length and the card's place in it, which the cards drawn do not tell.
          'aria-setsize': String(this.shown.length),
          'aria-posinset': String(k + 1),
        },
        el(
          'div',
          { class: 'overlap-head' },
          el('span', { class: 'rank', title: 'Its rank in the whole list, whatever the filters show' }, `#${ranks.get(o.id)}`),
          el(
            'span',
            { class: `kind-badge kind-${o.kind}`, title: `${capitalised(KIND_LABELS[o.kind])}: ${KIND_DESCRIPTIONS[o.kind]}` },
            KIND_LABELS[o.kind],
          ),
          o.duplicate &&
            el(
              'span',
              { class: 'flag-badge duplicate-badge', title: 'Whole documents with the same words (found by content hash), listed once' },
              'duplicate documents',
            ),
          o.boilerplate &&
            el(
              'span',
              {
                class: 'flag-badge boilerplate-badge',
                title: 'Shared by a large share of the documents, or matching excluded text: boilerplate rather than borrowing',
              },
              'boilerplate',
            ),
          o.likeness &&
            el(
              'span',
              {
                class: 'flag-badge likeness-badge',
                title:
                  'Loosely alike to text these documents share more closely elsewhere: listed apart, so that the shared text keeps its own passages and figures',
              },
              'loose likeness',
            ),
          ...(o.source === 'parallax'
            ? []
            : [
                el(
                  'span',
                  { class: `source-badge source-${o.source}`, title: `Found by ${SOURCE_LABELS[o.source]}, imported` },
                  SOURCE_LABELS[o.source],
                ),
              ]),
          el(
            'span',
            {
              class: 'score',
              title:
                o.source === 'parallax'
                  ? 'Shared words × similarity, each word weighted by its rarity'
                  : 'Shared words × similarity (not comparable with the engine’s scores)',
            },
            o.score.toFixed(1),
          ),
        ),
        el(
          'p',
          { class: 'overlap-snippet' },
          o.passages[0].text.length > SNIPPET_CHARS ? o.passages[0].text.slice(0, SNIPPET_CHARS) + '…' : o.passages[0].text,
        ),
        this.docsLine(
          namesTogether(
            [...new Set(o.passages.map((p) => p.doc))],
            (doc) => titles.get(doc) ?? doc,
            (doc) => names.get(doc) ?? doc,
          ),
        ),
        !!o.because?.length &&
          el('p', { class: 'overlap-because', title: 'Why the engine reports this paraphrase' }, `Because: ${o.because.join(' · ')}`),
        o.likeness && this.likenessOf(likenesses.get(o.id) ?? [], ranks),
      )
    this.list.replaceChildren()
    this.drawn = 0
    this.drawUntil(LIST_PAGE - 1)
    this.showSelected()
  }
}
