import type { Tag } from '../../main/core/annotations/codebook.js'
import { notTaggableReason } from '../../main/core/annotations/tag-tree.js'
import { el } from '../shared/dom.js'
import { renderNote } from '../shared/note-view.js'

// The popover that creates or edits an annotation: tags with type-ahead over the codebook (a new
// name creates a tag), a Markdown note, and for an existing annotation: delete, and "use the
// current selection" to extend, shrink or re-attach its span. Ctrl/Cmd+Enter saves, Escape
// cancels; focus returns where it was.

export interface EditorRequest {
  /** Where to show the popover (screen coordinates). */
  anchor: DOMRect
  heading: string
  /** The passage, shown as a reminder. */
  quote: string
  tags: string[]
  /** The active tag, offered as a removable chip marked as such (not silently among `tags`). */
  activeTag?: string
  note: string
  codebook: readonly Tag[]
  onSave(value: { tags: string[]; note: string }): void
  onDelete?(): void
  /** Offered when the annotation exists: choose a new span (extend, shrink, re-attach). */
  onRespan?(): void
}

/** Most suggestions listed under the tag field. */
const MAX_SUGGESTIONS = 8
/**
 * Space kept between the popover and the selection, and between it and the window's edges (px):
 * more shows more of the text around it, less leaves more room for the popover before its body
 * has to scroll. The style sheet's max-height for .annotation-editor keeps the same space.
 */
const GAP = 8

export class AnnotationEditor {
  readonly dom: HTMLElement
  private request: EditorRequest | null = null
  private tags: string[] = []
  private readonly chips = el('span', { class: 'chips' })
  private readonly input = el('input', {
    type: 'text',
    class: 'tag-input',
    role: 'combobox',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': 'tag-suggestions',
    'aria-label': 'Add a tag',
    placeholder: 'Add a tag…',
  })
  // Not a Tab stop (Chromium makes scrolling boxes focusable): the tag field drives the list, and
  // Tab goes from the tag field to the note, then to Save.
  private readonly suggestions = el('ul', {
    class: 'suggestions',
    id: 'tag-suggestions',
    role: 'listbox',
    'aria-label': 'Matching tags',
    tabindex: '-1',
  })
  private readonly note = el('textarea', {
    class: 'note-input',
    rows: '4',
    'aria-label': 'Note (Markdown)',
    placeholder: 'Note (Markdown, optional)',
  })
  /** The note as it will show in the Passages view (rendered Markdown); hidden while the note is empty. */
  private readonly preview = el('div', { class: 'note-view note-preview', 'aria-label': 'Note preview', hidden: true })
  /** Says why a name cannot be added (a category); empty otherwise. */
  private readonly refusal = el('p', { class: 'tag-refusal error-text', role: 'alert', hidden: true })
  /** Says that a tag came from the active tag (so it is not saved unnoticed). */
  private readonly origin = el('p', { class: 'tag-origin muted', hidden: true })
  /** The tag that came from the active tag, while it is still among the tags. */
  private fromActive: string | null = null
  private readonly heading = el('h2', { class: 'popover-heading', id: 'annotation-editor-heading' })
  private readonly quote = el('blockquote', { class: 'popover-quote' })
  private readonly actions = el('div', { class: 'popover-actions' })
  private highlighted = -1
  private returnFocus: HTMLElement | null = null
  /** The selection the popover was opened for, and the side of it that it was put on. */
  private placement: { anchor: DOMRect; side: 'below' | 'above' } | null = null

  constructor() {
    this.dom = el(
      'div',
      {
        class: 'popover annotation-editor',
        role: 'dialog',
        'aria-modal': 'false',
        'aria-labelledby': 'annotation-editor-heading',
        hidden: true,
      },
      // Everything but Save and Cancel scrolls, so that they stay in view however tall it grows.
      el(
        'div',
        { class: 'popover-body' },
        this.heading,
        this.quote,
        el('div', { class: 'tag-field' }, this.chips, this.input),
        this.origin,
        this.refusal,
        this.suggestions,
        this.note,
        this.preview,
      ),
      this.actions,
    )
    // A tester's note with a list grew the popover (its preview) past the window's bottom edge,
    // where Save could not be clicked: whatever changes its size (the preview, the suggestions,
    // the note's box dragged taller, the window) places it again, inside the window.
    new ResizeObserver(() => this.place()).observe(this.dom)
    window.addEventListener('resize', () => this.place())
    this.input.addEventListener('input', () => this.suggest())
    this.note.addEventListener('input', () => this.showPreview())
    // The list belongs to the tag field: it closes when focus moves on (to the note, to Save).
    this.input.addEventListener('blur', () => this.suggest())
    this.input.addEventListener('keydown', (e) => this.inputKey(e))
    this.dom.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.preventDefault()
        this.close()
      } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault()
        this.save()
      }
    })
    this.suggestions.addEventListener('mousedown', (e) => {
      const item = (e.target as HTMLElement).closest<HTMLElement>('[data-name]')
      if (!item) return
      e.preventDefault()
      this.addTag(item.dataset.name!)
    })
  }

  get isOpen(): boolean {
    return this.request !== null
  }

  open(request: EditorRequest): void {
    this.returnFocus = document.activeElement as HTMLElement | null
    this.request = request
    this.tags = [...request.tags]
    this.fromActive = request.activeTag ?? null
    if (this.fromActive && !this.tags.includes(this.fromActive)) this.tags.push(this.fromActive)
    this.heading.textContent = request.heading
    this.quote.textContent = request.quote.length > 240 ? request.quote.slice(0, 240) + '…' : request.quote
    this.note.value = request.note
    this.showPreview()
    this.input.value = ''
    this.refusal.hidden = true
    this.renderChips()
    this.suggest()
    const button = (label: string, cls: string, run: () => void, title?: string) => {
      const b = el('button', { type: 'button', class: cls, title }, label)
      b.addEventListener('click', run)
      return b
    }
    const buttons = [
      button('Save', 'primary', () => this.save(), 'Save (Ctrl+Enter)'),
      button('Cancel', '', () => this.close(), 'Cancel (Escape)'),
    ]
    if (request.onRespan)
      buttons.push(
        button('Change span…', '', () => (this.close(), request.onRespan!()), 'Extend, shrink or move the passage by selecting it anew'),
      )
    if (request.onDelete) buttons.push(button('Delete', 'danger', () => (this.close(), request.onDelete!())))
    this.actions.replaceChildren(...buttons)
    this.dom.hidden = false
    this.placement = { anchor: request.anchor, side: this.side(request.anchor) }
    this.place()
    this.input.focus()
  }

  close(): void {
    if (!this.request) return
    this.request = null
    this.placement = null
    this.dom.hidden = true
    // Back where it was without scrolling: focusing a pane's text must not move the passage.
    this.returnFocus?.focus({ preventScroll: true })
  }

  private showPreview(): void {
    const markdown = this.note.value
    this.preview.hidden = !markdown.trim()
    if (markdown.trim()) renderNote(this.preview, markdown)
  }

  /** Below the selection where the popover fits there as it opens, else above it where it fits, else where there is more room. */
  private side(anchor: DOMRect): 'below' | 'above' {
    const height = this.dom.offsetHeight
    const roomBelow = window.innerHeight - anchor.bottom - 2 * GAP
    const roomAbove = anchor.top - 2 * GAP
    if (height <= roomBelow) return 'below'
    return height <= roomAbove || roomAbove > roomBelow ? 'above' : 'below'
  }

  /**
   * Puts the popover beside its selection, on the side chosen as it opened, and inside the window:
   * below, it grows down and moves up as the window's edge needs (over the selection, which its
   * quote repeats); above, it grows up. It never outgrows the window (its body scrolls instead).
   */
  private place(): void {
    if (!this.placement) return
    const { anchor, side } = this.placement
    const width = this.dom.offsetWidth
    const height = this.dom.offsetHeight
    const left = Math.max(GAP, Math.min(anchor.left, window.innerWidth - width - GAP))
    const top = side === 'below' ? Math.min(anchor.bottom + GAP, window.innerHeight - height - GAP) : anchor.top - GAP - height
    this.dom.style.left = `${left}px`
    this.dom.style.top = `${Math.max(GAP, top)}px`
  }

  private save(): void {
    const request = this.request
    if (!request) return
    if (this.input.value.trim()) this.addTag(this.input.value)
    this.close()
    request.onSave({ tags: this.tags, note: this.note.value })
  }

  private addTag(name: string): void {
    const trimmed = name.trim()
    // A category (a REFI-QDA code that is not codable) groups tags; no passage carries it.
    const category = this.request?.codebook.find((t) => t.name.toLowerCase() === trimmed.toLowerCase())
    const reason = category ? notTaggableReason(category) : null
    this.refusal.hidden = !reason
    this.refusal.textContent = reason ?? ''
    if (reason) {
      this.input.focus()
      return
    }
    if (trimmed && !this.tags.some((t) => t.toLowerCase() === trimmed.toLowerCase())) this.tags.push(trimmed)
    this.input.value = ''
    this.renderChips()
    this.suggest()
    this.input.focus()
  }

  private renderChips(): void {
    if (this.fromActive && !this.tags.includes(this.fromActive)) this.fromActive = null
    this.origin.hidden = !this.fromActive
    this.origin.textContent = this.fromActive ? `“${this.fromActive}” is the active tag; remove it with × or Backspace.` : ''
    const colour = (name: string) => this.request?.codebook.find((t) => t.name.toLowerCase() === name.toLowerCase())?.colour
    this.chips.replaceChildren(
      ...this.tags.map((name, i) => {
        const remove = el('button', { type: 'button', class: 'chip-remove', 'aria-label': `Remove tag ${name}` }, '×')
        remove.addEventListener('click', () => {
          this.tags.splice(i, 1)
          this.renderChips()
          this.input.focus()
        })
        const active = name === this.fromActive
        const chip = el(
          'span',
          {
            class: active ? 'chip from-active' : 'chip',
            title: active ? 'The active tag (Codebook): × or Backspace removes it' : undefined,
          },
          el('span', { class: 'swatch' }),
          name,
          active ? el('span', { class: 'chip-origin' }, 'active') : '',
          remove,
        )
        const c = colour(name)
        if (c) chip.style.setProperty('--tag-colour', c)
        else chip.classList.add('new')
        return chip
      }),
    )
  }

  private matches(): string[] {
    const q = this.input.value.trim().toLowerCase()
    const names = (this.request?.codebook ?? [])
      .map((t) => t.name)
      .filter((n) => !this.tags.some((t) => t.toLowerCase() === n.toLowerCase()))
    const found = names
      .filter((n) => n.toLowerCase().includes(q))
      .sort((a, b) => +!a.toLowerCase().startsWith(q) - +!b.toLowerCase().startsWith(q))
    const exact = names.some((n) => n.toLowerCase() === q)
    return [...found.slice(0, MAX_SUGGESTIONS), ...(q && !exact ? [`+ ${this.input.value.trim()}`] : [])]
  }

  private suggest(): void {
    const items = this.input.value.trim() || document.activeElement === this.input ? this.matches() : []
    this.highlighted = items.length ? 0 : -1
    this.suggestions.replaceChildren(
      ...items.map((label, i) => {
        const creates = label.startsWith('+ ')
        const name = creates ? label.slice(2) : label
        const category = !creates && this.request?.codebook.some((t) => t.name === name && t.codable === false)
        return el(
          'li',
          {
            role: 'option',
            id: `tag-option-${i}`,
            'data-name': name,
            class: creates ? 'create' : category ? 'category' : '',
            'aria-selected': String(i === this.highlighted),
            'aria-disabled': category ? 'true' : undefined,
            title: category ? 'A category groups tags: it cannot be put on a passage' : undefined,
          },
          creates ? `Create tag “${name}”` : name,
          category ? el('span', { class: 'muted' }, ' · category') : '',
        )
      }),
    )
    this.input.setAttribute('aria-expanded', String(items.length > 0))
    this.updateHighlight()
  }

  private updateHighlight(): void {
    const options = [...this.suggestions.children] as HTMLElement[]
    options.forEach((o, i) => o.setAttribute('aria-selected', String(i === this.highlighted)))
    if (this.highlighted >= 0) this.input.setAttribute('aria-activedescendant', `tag-option-${this.highlighted}`)
    else this.input.removeAttribute('aria-activedescendant')
  }

  private inputKey(e: KeyboardEvent): void {
    const options = [...this.suggestions.children] as HTMLElement[]
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault()
      if (!options.length) return
      this.highlighted = (this.highlighted + (e.key === 'ArrowDown' ? 1 : -1) + options.length) % options.length
      this.updateHighlight()
    } else if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) {
      e.preventDefault()
      const option = options[this.highlighted]
      if (this.input.value.trim() && option) this.addTag(option.dataset.name!)
      else if (this.input.value.trim()) this.addTag(this.input.value)
      else this.save()
    } else if (e.key === 'Backspace' && !this.input.value && this.tags.length) {
      this.tags.pop()
      this.renderChips()
    }
  }
}
