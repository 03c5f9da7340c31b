import type { SourcedOverlap } from '../../main/core/reuse/imported.js'
import { el, select } from '../shared/dom.js'
import type { State, StateSource } from '../state/store.js'
import { filterOverlaps, hideBoilerplateByDefault, SOURCE_LABELS } from './overlap-filter.js'
import { KIND_DESCRIPTIONS, KIND_LABELS, KINDS } from '../../main/core/engine/kinds.js'
import { likenessTexts } from '../../main/core/engine/likeness-texts.js'
import { PARAPHRASE_MAX_WORDS } from '../../main/core/engine/paraphrase-bound.js'

// The ranked overlap list, best first, with filters (kind, minimum score, document, text, hide
// boilerplate) and next/previous keys as diff tools have (N / P, or Alt+↓ / Alt+↑, anywhere in the
// compare view). Each item says its kind in the README's words (main/core/engine/kinds.ts), whether it is
// boilerplate, a duplicate document or a loose likeness of text shared more closely elsewhere
// (linked to that text), and why a paraphrase was found. The kinds' colours are explained once, by the compare toolbar's
// legend (legend.ts).

/** Where the reader's choice of "Hide boilerplate" is remembered ('1' or '0'; unset: the default rule). */
const HIDE_BOILERPLATE_KEY = 'parallax.hideBoilerplate'

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
  private readonly minScore = el('input', {
    type: 'number',
    min: '0',
    step: '0.5',
    value: '0',
    'aria-label': 'Minimum score',
    title: 'Minimum score',
  })
  private readonly doc = el('select', { 'aria-label': 'Document' })
  private readonly text = el('input', { type: 'search', placeholder: 'Text…', 'aria-label': 'Filter by text' })
  private readonly summary = el('p', { class: 'passages-summary', role: 'status' })
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
  ) {
    this.dom = el(
      'section',
      { class: 'side-section', 'aria-label': 'Overlaps' },
      el(
        'div',
        { class: 'filters compact' },
        this.source,
        this.kind,
        this.minScore,
        this.doc,
        this.text,
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
      ),
      this.summary,
      this.paraphraseNote,
      this.list,
    )
    for (const input of [this.source, this.kind, this.minScore, this.doc, this.text]) input.addEventListener('input', () => this.render())
    this.askParaphrases.addEventListener('click', () => this.onAskParaphrases())
    this.hideBoilerplate.addEventListener('input', () => {
      localStorage.setItem(HIDE_BOILERPLATE_KEY, this.hideBoilerplate.checked ? '1' : '0')
      this.render()
    })
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

  /** Redraws what changed between two states. */
  update(state: State, previous: State): void {
    if (state.project !== previous.project && state.project) this.fillDocuments(state.project.documents)
    if (state.overlaps !== previous.overlaps || state.project !== previous.project) return this.render()
    if (state.paraphrasesAsked !== previous.paraphrasesAsked) this.sayParaphrases()
    if (state.selectedOverlap !== previous.selectedOverlap) this.showSelected()
  }

  private fillDocuments(documents: readonly { id: string; title: string }[]): void {
    const value = this.doc.value
    this.doc.replaceChildren(el('option', { value: '' }, 'All documents'), ...documents.map((d) => el('option', { value: d.id }, d.title)))
    this.doc.value = documents.some((d) => d.id === value) ? value : ''
  }

  private showSelected(): void {
    const id = this.store.state.selectedOverlap
    for (const item of this.list.querySelectorAll<HTMLElement>('[data-overlap]')) {
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

  private render(): void {
    const { project, overlaps: view, selectedOverlap } = this.store.state
    const titles = new Map((project?.documents ?? []).map((d) => [d.id, d.author || d.outlet || d.title]))
    const all = view?.overlaps ?? []
    const chosen = localStorage.getItem(HIDE_BOILERPLATE_KEY)
    this.hideBoilerplate.checked = chosen === null ? hideBoilerplateByDefault(all) : chosen === '1'
    const boilerplate = all.filter((o) => o.boilerplate).length
    this.shown = filterOverlaps(all, {
      source: this.source.value,
      kind: this.kind.value,
      minScore: Number(this.minScore.value) || 0,
      doc: this.doc.value,
      text: this.text.value,
      hideBoilerplate: this.hideBoilerplate.checked,
    })
    this.summary.textContent = view
      ? `${this.shown.length} of ${all.length} shared passages` +
        (boilerplate ? ` · ${boilerplate} boilerplate${this.hideBoilerplate.checked ? ' hidden' : ''}` : '')
      : ''
    this.sayParaphrases()
    if (this.read?.of !== all) this.read = { of: all, ranks: new Map(all.map((o, i) => [o.id, i + 1])), likenesses: likenessTexts(all) }
    const { ranks, likenesses } = this.read
    this.list.replaceChildren(
      ...this.shown.map((o) =>
        el(
          'li',
          {
            role: 'option',
            id: `overlap-${o.id}`,
            'data-overlap': o.id,
            class: `overlap-item kind-${o.kind}`,
            'aria-selected': String(o.id === selectedOverlap),
          },
          el(
            'div',
            { class: 'overlap-head' },
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
            el('span', { class: 'rank', title: 'Its rank in the whole list, whatever the filters show' }, `#${ranks.get(o.id)}`),
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
            o.passages[0].text.length > 160 ? o.passages[0].text.slice(0, 160) + '…' : o.passages[0].text,
          ),
          el('p', { class: 'overlap-docs' }, [...new Set(o.passages.map((p) => titles.get(p.doc) ?? p.doc))].join(' · ')),
          !!o.because?.length &&
            el('p', { class: 'overlap-because', title: 'Why the engine reports this paraphrase' }, `Because: ${o.because.join(' · ')}`),
          o.likeness && this.likenessOf(likenesses.get(o.id) ?? [], ranks),
        ),
      ),
    )
    this.showSelected()
  }
}
