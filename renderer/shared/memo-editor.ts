import { el, keepFocus } from './dom.js'
import { renderNote } from './note-view.js'

// A memo (the reader's Markdown note about a tag or a whole document) as the codebook and the
// document details show it: rendered like the notes (note-view.ts), with Edit; editing is a text
// box with Save and Cancel (Ctrl+Enter saves, Escape cancels). The same editor object is kept
// while its tag or document stays selected, so a redraw of the panel (another change arriving)
// never throws away what is being typed: `show` updates the rendered memo but leaves an open
// text box as it is.

export interface MemoEditorOptions {
  /** What the memo is about, for labels: "tag “Economy”", "document “Title”". */
  about: string
  /** A line under the heading naming what the memo is about, where the panel does not say it ('' for none). */
  subject?: string
  /**
   * Saves the memo ('' removes it); resolves with whether it was stored (a failure is reported by
   * the caller, and the text box stays open with what was typed).
   */
  save(memo: string): Promise<boolean>
}

export class MemoEditor {
  readonly dom: HTMLElement
  private memo = ''
  private editing = false
  private readonly view = el('div', { class: 'note-view memo-text' })
  private readonly input: HTMLTextAreaElement
  private readonly actions = el('div', { class: 'row memo-actions' })

  constructor(
    /** The tag's or document's id: a panel keeps the editor while the same one is shown. */
    readonly target: string,
    private readonly options: MemoEditorOptions,
  ) {
    this.input = el('textarea', {
      class: 'memo-input',
      rows: '6',
      'aria-label': `Memo on ${options.about} (Markdown)`,
      placeholder: 'What this is about, decisions, doubts… Markdown: **bold**, *italic*, - lists, [links](https://…)',
    })
    this.input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault()
        void this.commit()
      } else if (e.key === 'Escape') {
        e.preventDefault()
        e.stopPropagation()
        this.close()
      }
    })
    this.dom = el(
      'section',
      { class: 'memo', 'aria-label': `Memo on ${options.about}` },
      el('h3', { class: 'details-heading' }, 'Memo'),
      options.subject ? el('p', { class: 'memo-subject', title: options.subject }, options.subject) : null,
      this.view,
      this.input,
      this.actions,
    )
    this.draw()
  }

  /** Shows `memo` as stored ('' for none); an open text box keeps what is typed in it. */
  show(memo: string): void {
    if (memo === this.memo) return
    this.memo = memo
    if (!this.editing) this.draw()
  }

  /**
   * Call before a redraw that moves this editor in the page (moving an element takes its focus);
   * the function returned, called after it, gives the text box back its focus and selection.
   */
  keepFocus(): () => void {
    return keepFocus(this.dom)
  }

  /** Opens the text box with the stored memo, focused. */
  edit(): void {
    this.editing = true
    this.input.value = this.memo
    this.draw()
    this.input.focus()
  }

  private close(): void {
    this.editing = false
    this.draw()
    this.dom.querySelector<HTMLButtonElement>('.memo-edit')?.focus()
  }

  private async commit(): Promise<void> {
    const text = this.input.value
    if (text.trim() === this.memo.trim()) return this.close()
    if (!(await this.options.save(text.trim() ? text : ''))) return
    this.memo = text.trim() ? text.replace(/\s+$/, '') : ''
    this.close()
  }

  private button(label: string, cls: string, run: () => void): HTMLButtonElement {
    const b = el('button', { type: 'button', class: cls }, label)
    b.addEventListener('click', run)
    return b
  }

  private draw(): void {
    this.dom.classList.toggle('editing', this.editing)
    this.input.hidden = !this.editing
    this.view.hidden = this.editing || !this.memo
    if (!this.editing && this.memo) renderNote(this.view, this.memo)
    this.actions.replaceChildren(
      ...(this.editing
        ? [
            this.button('Save memo', 'memo-save', () => void this.commit()),
            this.button('Cancel', 'memo-cancel', () => this.close()),
            el('span', { class: 'hint' }, 'Ctrl+Enter saves, Esc cancels'),
          ]
        : [this.button(this.memo ? 'Edit memo' : '+ Add memo', 'memo-edit', () => this.edit())]),
    )
  }
}
