import { noteOf, positionOf, tagIdsOf } from '../main/core/annotation.js'
import type { AnnotationItem, ProjectView, RetrievedItem, SearchHit } from '../main/core/api.js'
import { AnnotationEditor } from './annotation-editor.js'
import { connect } from './client.js'
import { CodebookPanel } from './codebook-panel.js'
import { DocumentList } from './document-list.js'
import { el } from './dom.js'
import { PassagesView } from './passages-view.js'
import { Reader, type Span } from './reader.js'
import { SearchView } from './search-view.js'
import { themeButton } from './theme.js'

// The UI's entry: connects to the host and wires the panels together. State lives here; each
// panel renders what it is given and reports what the user did.

const host = connect()
const api = host.api
const root = document.getElementById('app') as HTMLElement

let project: ProjectView | null = null
let annotations: AnnotationItem[] = []
/** An orphan being re-attached: the next selection in its document becomes its span. */
let reattaching: RetrievedItem | null = null

// --- Status, saving, undo ---------------------------------------------------------------------

const status = el('p', { class: 'status', role: 'status', 'aria-live': 'polite' })
function say(text: string, error = false): void {
  status.textContent = text
  status.classList.toggle('error', error)
}

/** Runs a change: "Saving…" until the services confirm it is durable on disk, then "Saved". */
async function run(label: string, change: () => Promise<unknown>): Promise<void> {
  say('Saving…')
  try {
    await change()
    say(`${label} · saved`)
  } catch (e) {
    say(e instanceof Error ? e.message : String(e), true)
  }
  await refresh()
}

const undoButton = el('button', { type: 'button', class: 'history', 'aria-keyshortcuts': 'Control+Z' }, 'Undo')
const redoButton = el('button', { type: 'button', class: 'history', 'aria-keyshortcuts': 'Control+Shift+Z' }, 'Redo')
const undo = () => run('Undone', async () => say(`Undid ${(await api.undo({})).undone ?? 'nothing'}`))
const redo = () => run('Redone', () => api.redo({}))
undoButton.addEventListener('click', () => void undo())
redoButton.addEventListener('click', () => void redo())

// --- Panels -------------------------------------------------------------------------------------

const title = el('span', { class: 'project-name' })
const editor = new AnnotationEditor()
const reader = new Reader({
  onKey: (e) => readerKey(e),
  onAnnotationClick: (ids) => editAnnotation(ids[0]),
})
const list = new DocumentList((id) => void openDocument(id))
const codebook = new CodebookPanel({
  api,
  run,
  onActiveChange: () => updateHint(),
  onShowPassages: (id) => {
    showView('passages')
    passages.showTag(id)
  },
})
const passages = new PassagesView({ api, open: (item) => void openPassage(item), edit: (item, rect) => editRetrieved(item, rect) }, 'passages')
const orphans = new PassagesView({ api, open: (item) => void openPassage(item), edit: (item, rect) => editRetrieved(item, rect) }, 'orphans')
const search = new SearchView(api, (hit) => void openHit(hit))
const problems = el('section', { class: 'problems', 'aria-label': 'Files that could not be read', hidden: true })

const hint = el('p', { class: 'hint reader-hint' })
const reattachBar = el('div', { class: 'reattach-bar', role: 'region', 'aria-label': 'Re-attach an annotation', hidden: true })
const empty = el('div', { class: 'reader-empty' }, el('p', {}, 'Choose a document to read it.'))
const readView = el('section', { class: 'view read-view', 'aria-label': 'Read' }, reattachBar, hint, empty, reader.dom)
reader.dom.hidden = true

type ViewName = 'read' | 'passages' | 'search' | 'orphans'
const views: Record<ViewName, HTMLElement> = { read: readView, passages: passages.dom, search: search.dom, orphans: orphans.dom }
const viewLabels: Record<ViewName, string> = { read: 'Read', passages: 'Passages', search: 'Search', orphans: 'Orphans' }
const viewTabs = el('div', { class: 'tabs', role: 'tablist', 'aria-label': 'Views' })
const tabFor = {} as Record<ViewName, HTMLButtonElement>
for (const name of Object.keys(views) as ViewName[]) {
  const tab = el('button', { type: 'button', role: 'tab', id: `tab-${name}`, 'aria-controls': `view-${name}`, class: 'tab' }, viewLabels[name])
  tab.addEventListener('click', () => showView(name))
  views[name].id = `view-${name}`
  views[name].setAttribute('role', 'tabpanel')
  views[name].setAttribute('aria-labelledby', `tab-${name}`)
  tabFor[name] = tab
  viewTabs.append(tab)
}
let currentView: ViewName = 'read'
function showView(name: ViewName): void {
  currentView = name
  for (const [n, v] of Object.entries(views) as [ViewName, HTMLElement][]) {
    v.hidden = n !== name
    tabFor[n].setAttribute('aria-selected', String(n === name))
    tabFor[n].tabIndex = n === name ? 0 : -1
  }
  if (name === 'passages') void passages.refresh()
  if (name === 'orphans') void orphans.refresh()
  if (name === 'search') search.focus()
}
viewTabs.addEventListener('keydown', (e) => {
  const names = Object.keys(views) as ViewName[]
  const i = names.indexOf(currentView)
  if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
    const next = names[(i + (e.key === 'ArrowRight' ? 1 : names.length - 1)) % names.length]
    showView(next)
    tabFor[next].focus()
  }
})

const sideTabs = el('div', { class: 'tabs side-tabs', role: 'tablist', 'aria-label': 'Sidebar' })
const sidePanels = { documents: el('div', { class: 'side-panel', id: 'side-documents', role: 'tabpanel' }, list.dom, problems), codebook: el('div', { class: 'side-panel', id: 'side-codebook', role: 'tabpanel' }, codebook.dom) }
for (const name of ['documents', 'codebook'] as const) {
  const tab = el('button', { type: 'button', role: 'tab', class: 'tab', id: `side-tab-${name}`, 'aria-controls': `side-${name}` }, name === 'documents' ? 'Documents' : 'Codebook')
  tab.addEventListener('click', () => showSide(name))
  sideTabs.append(tab)
}
function showSide(name: 'documents' | 'codebook'): void {
  for (const n of ['documents', 'codebook'] as const) {
    sidePanels[n].hidden = n !== name
    const tab = document.getElementById(`side-tab-${n}`)!
    tab.setAttribute('aria-selected', String(n === name))
    tab.tabIndex = n === name ? 0 : -1
  }
}

root.replaceChildren(
  el('header', { class: 'titlebar' }, el('span', { class: 'app-name' }, 'Parallax'), title, el('span', { class: 'spacer' }), status, undoButton, redoButton, themeButton()),
  el(
    'div',
    { class: 'layout' },
    el('aside', { class: 'sidebar', 'aria-label': 'Project' }, sideTabs, sidePanels.documents, sidePanels.codebook),
    el('main', { class: 'main', id: 'main' }, viewTabs, readView, passages.dom, search.dom, orphans.dom),
  ),
)
document.body.append(editor.dom)
showView('read')
showSide('documents')

// --- Reading and annotating -------------------------------------------------------------------

function tagName(id: string): string {
  return project?.tags.find((t) => t.id === id)?.name ?? id
}

function updateHint(): void {
  const active = project?.tags.find((t) => t.id === codebook.active)
  hint.replaceChildren(
    'Select text, then press ',
    el('kbd', {}, 'A'),
    ' to annotate',
    active ? el('span', {}, ' or ', el('kbd', {}, 'T'), ' to tag it ', el('span', { class: 'chip active-chip' }, active.name)) : ' (choose an active tag in the Codebook for one-key tagging)',
    '. Click a highlight to edit it.',
  )
}

function readerKey(e: KeyboardEvent): boolean {
  if (e.ctrlKey || e.metaKey || e.altKey) return false
  const key = e.key.toLowerCase()
  if (key === 'a') {
    annotateSelection()
    return true
  }
  if (key === 't') {
    const span = reader.selection()
    const tag = project?.tags.find((t) => t.id === codebook.active)
    if (!span || !reader.docId) say('Select some text first.', true)
    else if (!tag) say('No active tag: choose one in the Codebook (Enter on a tag).', true)
    else void run(`Tagged “${tag.name}”`, () => api.createAnnotation({ docId: reader.docId!, ...span, tags: [tag.name] }))
    return true
  }
  return false
}

function annotateSelection(): void {
  const span = reader.selection()
  const docId = reader.docId
  if (!span || !docId) {
    say('Select some text first.', true)
    return
  }
  if (reattaching && reattaching.docId === docId) {
    attachHere(span)
    return
  }
  const active = project?.tags.find((t) => t.id === codebook.active)
  editor.open({
    anchor: reader.selectionRect() ?? new DOMRect(200, 200, 0, 0),
    heading: 'New annotation',
    quote: reader.text.slice(span.start, span.end),
    tags: active ? [active.name] : [],
    note: '',
    codebook: project?.tags ?? [],
    onSave: ({ tags, note }) => void run('Annotation added', () => api.createAnnotation({ docId, ...span, tags, note })),
  })
}

function openEditorFor(item: AnnotationItem, anchor: DOMRect, quote: string): void {
  const { docId, annotation } = item
  editor.open({
    anchor,
    heading: item.status === 'orphan' ? 'Orphaned annotation' : 'Annotation',
    quote,
    tags: tagIdsOf(annotation).map(tagName),
    note: noteOf(annotation),
    codebook: project?.tags ?? [],
    onSave: ({ tags, note }) => void run('Annotation saved', () => api.updateAnnotation({ docId, id: annotation.id, tags, note })),
    onDelete: () => void run('Annotation deleted', () => api.deleteAnnotation({ docId, id: annotation.id })),
    onRespan: () => void startReattach({ ...item, ...positionOf(annotation), quote, before: '', after: '' }),
  })
}

function editAnnotation(id: string): void {
  const item = annotations.find((a) => a.annotation.id === id)
  if (!item) return
  const { start, end } = positionOf(item.annotation)
  openEditorFor(item, reader.annotationRect(id) ?? new DOMRect(200, 200, 0, 0), reader.text.slice(start, Math.min(end, reader.text.codePointLength)))
}

function editRetrieved(item: RetrievedItem, anchor: DOMRect): void {
  openEditorFor(item, anchor, item.quote)
}

function attachHere(span: Span): void {
  const item = reattaching!
  reattaching = null
  reattachBar.hidden = true
  void run('Annotation re-attached', () => api.updateAnnotation({ docId: item.docId, id: item.annotation.id, ...span }))
}

let opening = 0
async function openDocument(id: string, span?: Span): Promise<void> {
  showView('read')
  const request = ++opening
  try {
    const [doc, items] = await Promise.all([api.getDocument({ id }), api.listAnnotations({ docId: id })])
    if (request !== opening) return // A later request won: show that one.
    annotations = items.items
    reader.show(doc)
    reader.setAnnotations(annotations, project?.tags ?? [])
    reader.dom.hidden = false
    empty.hidden = true
    list.render(project?.documents ?? [], id)
    if (span) reader.select(span)
  } catch (e) {
    say(e instanceof Error ? e.message : String(e), true)
  }
}

/** Starts choosing a new span for an annotation: its document opens, the next selection is the span. */
async function startReattach(item: RetrievedItem): Promise<void> {
    reattaching = item
    const attach = el('button', { type: 'button', class: 'primary' }, 'Attach to selection')
    const cancel = el('button', { type: 'button' }, 'Cancel')
    attach.addEventListener('click', () => {
      const span = reader.selection()
      if (span) attachHere(span)
      else say('Select the new passage first.', true)
    })
    cancel.addEventListener('click', () => {
      reattaching = null
      reattachBar.hidden = true
    })
    reattachBar.replaceChildren(el('span', {}, `${item.status === 'orphan' ? 'Re-attaching' : 'New span for'} “`, el('q', {}, item.quote.slice(0, 120)), '”: select its passage, then press ', el('kbd', {}, 'A'), ' or '), attach, cancel)
    reattachBar.hidden = false
    await openDocument(item.docId, item.status === 'orphan' ? undefined : { start: item.start, end: item.end })
}

async function openPassage(item: RetrievedItem): Promise<void> {
  if (item.status === 'orphan') await startReattach(item)
  else await openDocument(item.docId, { start: item.start, end: item.end })
}

async function openHit(hit: SearchHit): Promise<void> {
  await openDocument(hit.docId, { start: hit.start, end: hit.end })
}

// --- Loading and events ------------------------------------------------------------------------

async function refresh(): Promise<void> {
  try {
    project = await api.getProject({})
  } catch (e) {
    say(e instanceof Error ? e.message : String(e), true)
    return
  }
  title.textContent = project.name
  document.title = `Parallax — ${project.name}`
  undoButton.disabled = !project.history.undo
  undoButton.title = project.history.undo ? `Undo ${project.history.undo}` : 'Nothing to undo'
  redoButton.disabled = !project.history.redo
  redoButton.title = project.history.redo ? `Redo ${project.history.redo}` : 'Nothing to redo'
  tabFor.orphans.textContent = project.orphanCount ? `Orphans (${project.orphanCount})` : 'Orphans'
  problems.hidden = project.problems.length === 0
  problems.replaceChildren(
    el('h2', { class: 'sidebar-heading' }, 'Could not be read'),
    ...project.problems.map((p) => el('p', { class: 'problem' }, el('code', {}, p.path), el('br'), p.reason)),
  )
  const current = reader.docId && project.documents.some((d) => d.id === reader.docId) ? reader.docId : null
  list.render(project.documents, current)
  codebook.render(project)
  passages.setProject(project)
  orphans.setProject(project)
  search.setProject(project)
  updateHint()
  root.removeAttribute('aria-busy')
  if (current) {
    const [doc, items] = await Promise.all([api.getDocument({ id: current }), api.listAnnotations({ docId: current })])
    annotations = items.items
    reader.show(doc)
    reader.setAnnotations(annotations, project.tags)
  }
  if (currentView === 'passages') await passages.refresh()
  if (currentView === 'orphans') await orphans.refresh()
}

let pending: ReturnType<typeof setTimeout> | undefined
/** Many events arrive together (a merge touches every document): refresh once for all of them. */
function refreshSoon(): void {
  clearTimeout(pending)
  pending = setTimeout(() => void refresh(), 30)
}

host.onEvent((event) => {
  if (event.type === 'project-changed') {
    reader.docId = null
    reader.dom.hidden = true
    empty.hidden = false
  }
  if (event.type === 'document-changed') say('A source file changed on disk; its annotations were re-anchored.')
  refreshSoon()
})

document.addEventListener('keydown', (e) => {
  const mod = e.ctrlKey || e.metaKey
  const inField = (e.target as HTMLElement).closest('input, textarea, select')
  if (mod && !inField && e.key.toLowerCase() === 'z') {
    e.preventDefault()
    void (e.shiftKey ? redo() : undo())
  } else if (mod && !inField && e.key.toLowerCase() === 'y') {
    e.preventDefault()
    void redo()
  } else if (mod && e.shiftKey && e.key.toLowerCase() === 'f') {
    e.preventDefault()
    showView('search')
  }
})
document.addEventListener('mousedown', (e) => {
  if (editor.isOpen && !editor.dom.contains(e.target as Node)) editor.close()
})

void refresh()
