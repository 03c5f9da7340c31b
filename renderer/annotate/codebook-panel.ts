import type { Api, ProjectView } from '../../main/core/contract/api.js'
import type { Tag } from '../../main/core/annotations/codebook.js'
import { descendantIds, tagTree } from '../../main/core/annotations/tag-tree.js'
import { el } from '../shared/dom.js'
import { MemoEditor } from '../shared/memo-editor.js'
import type { StateSource } from '../state/store.js'

// The codebook: tags as a tree with colours and counts, the active tag, and a form for the
// selected tag (rename, colour, description, memo, parent, merge, delete). Re-parent by dragging a tag
// onto another (or onto "Top level"), or from the keyboard: Alt+→ puts a tag under the tag above
// it, Alt+← moves it up a level. Enter makes the focused tag the active one.

export interface CodebookActions {
  api: Api
  /** Runs a change with the app's saving indicator and error reporting. */
  run(label: string, change: () => Promise<unknown>, failed?: (message: string) => void): Promise<boolean>
  onActiveChange(id: string | null): void
  onShowPassages(id: string): void
  /** Adds the codes of a REFI-QDA codebook file (.qdc, or a .qdpx's) to the tags. */
  importCodebook(file: File): void
}

export class CodebookPanel {
  readonly dom: HTMLElement
  private readonly tree = el('ul', { class: 'tag-tree', role: 'tree', 'aria-label': 'Codebook' })
  private readonly details = el('section', { class: 'tag-details', 'aria-label': 'Selected tag' })
  private selected: string | null = null
  /** The selected tag's memo editor, kept across redraws while that tag stays selected. */
  private memo: MemoEditor | null = null
  /** Where "+ New tag" puts the new tag: its value is the parent it gets ('' for the top level). */
  private readonly place = el('select', { class: 'new-tag-place', 'aria-label': 'Where the new tag goes' })
  active: string | null = null

  /** The open project, from the store. */
  private get project(): ProjectView | null {
    return this.store.state.project
  }

  constructor(
    private readonly actions: CodebookActions,
    private readonly store: StateSource,
  ) {
    const add = el('button', { type: 'button', class: 'add-tag' }, '+ New tag')
    add.addEventListener('click', () => this.create())
    // REFI-QDA codebooks (.qdc, as QualCoder, MAXQDA, ATLAS.ti and Taguette write them) or a .qdpx's
    // codebook. The file input stays out of the page (the document picker is the page's one file input).
    const picker = el('input', { type: 'file', accept: '.qdc,.qdpx', hidden: true, 'aria-label': 'Codebook file' })
    picker.addEventListener('change', () => {
      const file = picker.files?.[0]
      picker.value = ''
      if (file) this.actions.importCodebook(file)
    })
    const importButton = el(
      'button',
      { type: 'button', class: 'import-codebook', title: 'Add the codes of a REFI-QDA codebook (.qdc or .qdpx) as tags' },
      'Import…',
    )
    importButton.addEventListener('click', () => picker.click())
    const top = el('div', { class: 'drop-top', 'data-drop': '' }, 'Top level (drop here)')
    this.dom = el(
      'section',
      { class: 'codebook', 'aria-label': 'Codebook' },
      el('div', { class: 'codebook-toolbar' }, add, this.place, importButton),
      this.tree,
      top,
      this.details,
    )
    this.tree.addEventListener('keydown', (e) => this.key(e))
    this.tree.addEventListener('click', (e) => {
      const row = (e.target as HTMLElement).closest<HTMLElement>('[data-tag]')
      if (!row) return
      if ((e.target as HTMLElement).closest('.set-active')) this.setActive(row.dataset.tag!)
      else this.select(row.dataset.tag!)
    })
    for (const zone of [this.tree, top]) {
      zone.addEventListener('dragover', (e) => {
        if ((e.target as HTMLElement).closest('[data-tag],[data-drop]')) e.preventDefault()
      })
      zone.addEventListener('drop', (e) => {
        e.preventDefault()
        const id = (e as DragEvent).dataTransfer?.getData('application/x-parallax-tag')
        const target = (e.target as HTMLElement).closest<HTMLElement>('[data-tag]')?.dataset.tag ?? null
        if (id) void this.reparent(id, target)
      })
    }
    this.tree.addEventListener('dragstart', (e) => {
      const row = (e.target as HTMLElement).closest<HTMLElement>('[data-tag]')
      if (row && e.dataTransfer) {
        e.dataTransfer.setData('application/x-parallax-tag', row.dataset.tag!)
        e.dataTransfer.effectAllowed = 'move'
      }
    })
  }

  private get tags(): readonly Tag[] {
    return this.project?.tags ?? []
  }

  render(project: ProjectView): void {
    if (this.selected && !this.tags.some((t) => t.id === this.selected)) this.selected = null
    if (this.active && !this.tags.some((t) => t.id === this.active)) this.setActive(null)
    const hadFocus = this.tree.contains(document.activeElement)
    const rows: HTMLElement[] = []
    const parents = new Set(this.tags.map((t) => t.parent).filter((p) => p !== null))
    for (const { tag: t, depth } of tagTree(this.tags)) {
      const level = depth + 1
      const row = el(
        'li',
        {
          role: 'treeitem',
          'aria-level': String(level),
          'aria-selected': String(t.id === this.selected),
          'data-tag': t.id,
          draggable: 'true',
          tabindex: t.id === (this.selected ?? this.tags[0]?.id) ? '0' : '-1',
          class: `tag-row${t.id === this.active ? ' active' : ''}${t.codable === false ? ' category' : ''}`,
          title:
            t.codable === false
              ? `A category: groups the tags under it, not put on passages${t.description ? `\n${t.description}` : ''}`
              : t.description || undefined,
        },
        el('span', { class: 'swatch', 'aria-hidden': 'true' }),
        el(
          'span',
          { class: 'tag-name' },
          t.name,
          t.codable === false ? el('span', { class: 'category-badge' }, 'category') : '',
          t.memo?.trim() ? el('span', { class: 'memo-badge', title: 'Has a memo', 'aria-label': 'has a memo' }, '✎') : '',
        ),
        el(
          'span',
          { class: 'tag-count', 'aria-label': `${project.tagCounts[t.id] ?? 0} annotations` },
          String(project.tagCounts[t.id] ?? 0),
        ),
        parents.has(t.id)
          ? el(
              'span',
              {
                class: 'tag-total',
                title: 'Annotations with this tag or any of its sub-tags (each once)',
                'aria-label': `${project.tagTotals[t.id] ?? 0} with its sub-tags`,
              },
              `Σ ${project.tagTotals[t.id] ?? 0}`,
            )
          : null,
        el(
          'button',
          {
            type: 'button',
            class: 'set-active',
            tabindex: '-1',
            'aria-pressed': String(t.id === this.active),
            title: 'Active tag: T applies it to the selection',
          },
          t.id === this.active ? '● active' : '○',
        ),
      )
      row.style.setProperty('--tag-colour', t.colour)
      row.style.setProperty('--level', String(level - 1))
      rows.push(row)
    }
    this.tree.replaceChildren(...rows)
    if (rows.length === 0)
      this.tree.append(el('li', { class: 'empty-note', role: 'none' }, 'No tags yet. Create one here, or type a new name when annotating.'))
    if (hadFocus) this.focusRow(this.selected)
    this.renderPlace()
    this.renderDetails()
  }

  /**
   * The choice of where a new tag goes, as the parent it gets: the top level by default, else beside
   * the selected tag (under its parent) or under it, or the parent chosen last while that tag exists.
   * A tester clicked "+ New tag" three times and got a chain five levels deep: the tag just made is
   * selected, and "under the selected tag" was the default, so each went under the one before.
   * Now a choice other than the top level is the reader's own, kept until they change it.
   */
  private renderPlace(): void {
    const byId = new Map(this.tags.map((t) => [t.id, t]))
    const selected = this.selected ? byId.get(this.selected) : undefined
    const chosen = byId.has(this.place.value) ? this.place.value : ''
    const parents = [selected?.parent, selected?.id, chosen].filter((id): id is string => !!id && byId.has(id))
    this.place.replaceChildren(
      el('option', { value: '' }, 'at top level'),
      ...[...new Set(parents)].map((id) => el('option', { value: id }, `under “${byId.get(id)!.name}”`)),
    )
    this.place.value = chosen
    this.place.disabled = this.place.options.length < 2
  }

  private focusRow(id: string | null): void {
    const row = id
      ? this.tree.querySelector<HTMLElement>(`[data-tag="${CSS.escape(id)}"]`)
      : this.tree.querySelector<HTMLElement>('[data-tag]')
    this.tree.querySelectorAll('[data-tag]').forEach((r) => r.setAttribute('tabindex', r === row ? '0' : '-1'))
    row?.focus()
  }

  select(id: string | null): void {
    this.selected = id
    this.tree.querySelectorAll<HTMLElement>('[data-tag]').forEach((r) => r.setAttribute('aria-selected', String(r.dataset.tag === id)))
    this.focusRow(id)
    this.renderPlace()
    this.renderDetails()
  }

  setActive(id: string | null): void {
    // A category is never the active tag: no passage may carry it.
    if (id && this.tags.find((t) => t.id === id)?.codable === false) return
    this.active = this.active === id ? null : id
    this.actions.onActiveChange(this.active)
    if (this.project) this.render(this.project)
  }

  private async create(): Promise<void> {
    const existing = new Set(this.tags.map((t) => t.name.toLowerCase()))
    let n = 1
    while (existing.has(`new tag ${n}`)) n++
    let created: Tag | null = null
    await this.actions.run('Tag created', async () => {
      created = (await this.actions.api.createTag({ name: `New tag ${n}`, parent: this.place.value || null })).tag
    })
    if (created) {
      this.selected = (created as Tag).id
      this.renderDetails()
      this.details.querySelector<HTMLInputElement>('input[name="name"]')?.select()
    }
  }

  private async reparent(id: string, parent: string | null): Promise<void> {
    if (id === parent) return
    await this.actions.run('Tag moved', () => this.actions.api.updateTag({ id, parent }))
    this.focusRow(id)
  }

  private key(e: KeyboardEvent): void {
    const rows = [...this.tree.querySelectorAll<HTMLElement>('[data-tag]')]
    const i = rows.findIndex((r) => r === document.activeElement)
    if (i < 0) return
    const id = rows[i].dataset.tag!
    const tag = this.tags.find((t) => t.id === id)!
    if (e.altKey && e.key === 'ArrowRight') {
      e.preventDefault()
      const above = this.tags.filter((t) => t.parent === tag.parent)
      const k = above.findIndex((t) => t.id === id)
      if (k > 0) void this.reparent(id, above[k - 1].id)
    } else if (e.altKey && e.key === 'ArrowLeft') {
      e.preventDefault()
      if (tag.parent) void this.reparent(id, this.tags.find((t) => t.id === tag.parent)?.parent ?? null)
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault()
      const next = rows[Math.max(0, Math.min(rows.length - 1, i + (e.key === 'ArrowDown' ? 1 : -1)))]
      this.select(next.dataset.tag!)
    } else if (e.key === 'Enter') {
      e.preventDefault()
      this.setActive(id)
    } else if (e.key === 'F2') {
      e.preventDefault()
      this.select(id)
      this.details.querySelector<HTMLInputElement>('input[name="name"]')?.select()
    }
  }

  private renderDetails(): void {
    const tag = this.tags.find((t) => t.id === this.selected)
    if (!tag) {
      this.details.replaceChildren(
        el('p', { class: 'hint' }, 'Select a tag to edit it. Drag tags to nest them, or use Alt+→ / Alt+← on the focused tag.'),
      )
      return
    }
    const api = this.actions.api
    const below = descendantIds(this.tags, tag.id)
    const others = this.tags.filter((t) => t.id !== tag.id)
    const name = el('input', { name: 'name', value: tag.name, 'aria-label': 'Tag name' })
    const colour = el('input', { type: 'color', name: 'colour', value: tag.colour, 'aria-label': 'Tag colour' })
    const description = el('textarea', { name: 'description', rows: '2', 'aria-label': 'Description', placeholder: 'Description' })
    description.value = tag.description
    const parent = el(
      'select',
      { 'aria-label': 'Parent tag' },
      el('option', { value: '' }, '(top level)'),
      ...others.filter((t) => !below.has(t.id)).map((t) => el('option', { value: t.id, selected: t.id === tag.parent }, t.name)),
    )
    const target = el(
      'select',
      { 'aria-label': 'Other tag' },
      ...others.filter((t) => !below.has(t.id)).map((t) => el('option', { value: t.id }, t.name)),
    )
    const commit = (fields: Parameters<Api['updateTag']>[0]) => this.actions.run('Tag saved', () => api.updateTag(fields))
    name.addEventListener('change', () => name.value.trim() && name.value !== tag.name && void commit({ id: tag.id, name: name.value }))
    name.addEventListener('keydown', (e) => e.key === 'Enter' && name.blur())
    colour.addEventListener('change', () => void commit({ id: tag.id, colour: colour.value }))
    description.addEventListener('change', () => void commit({ id: tag.id, description: description.value }))
    parent.addEventListener('change', () => void commit({ id: tag.id, parent: parent.value || null }))
    const button = (label: string, cls: string, run: () => void) => {
      const b = el('button', { type: 'button', class: cls }, label)
      b.addEventListener('click', run)
      return b
    }
    const count = this.project?.tagCounts[tag.id] ?? 0
    if (this.memo?.target !== tag.id) {
      const id = tag.id
      this.memo = new MemoEditor(id, {
        about: `tag “${tag.name}”`,
        save: async (memo) => {
          let saved = false
          await this.actions.run(memo ? 'Memo saved' : 'Memo removed', async () => {
            await api.setTagMemo({ id, memo })
            saved = true
          })
          return saved
        },
      })
    }
    this.memo.show(tag.memo ?? '')
    const refocus = this.memo.keepFocus()
    this.details.replaceChildren(
      el(
        'div',
        { class: 'details-body' },
        el('h3', { class: 'details-heading' }, 'Tag'),
        el('label', {}, 'Name', name),
        el('div', { class: 'row' }, el('label', {}, 'Colour', colour), el('label', { class: 'grow' }, 'Parent', parent)),
        el('label', {}, 'Description', description),
        this.memo.dom,
        el(
          'div',
          { class: 'row' },
          button(tag.id === this.active ? 'Active tag ✓' : 'Make active (T)', '', () => this.setActive(tag.id)),
          button(`Show ${count} passage${count === 1 ? '' : 's'}`, '', () => this.actions.onShowPassages(tag.id)),
        ),
        others.length
          ? el(
              'div',
              { class: 'row merge' },
              target,
              button(
                'Merge into',
                '',
                () => void this.actions.run('Tags merged', () => api.mergeTags({ from: tag.id, into: target.value })),
              ),
              button(
                'Delete, reassigning',
                'danger',
                () => void this.actions.run('Tag deleted', () => api.deleteTag({ id: tag.id, reassignTo: target.value })),
              ),
            )
          : null,
        button(
          `Delete and remove from ${count} annotation${count === 1 ? '' : 's'}`,
          'danger',
          () => void this.actions.run('Tag deleted', () => api.deleteTag({ id: tag.id })),
        ),
      ),
    )
    refocus()
  }
}
