import { noteOf, positionOf, tagIdsOf } from '../main/core/annotations/annotation-parts.js'
import type { AnnotationItem, ProjectView, RetrievedItem, SearchHit } from '../main/core/contract/api.js'
import { IMPORT_EXTENSIONS } from '../main/core/project/formats.js'
import type { AnnotationEditor, EditorRequest } from './annotate/annotation-editor.js'
import { connect } from './shared/client.js'
import { CodebookPanel } from './annotate/codebook-panel.js'
import { CompareView } from './compare/compare-view.js'
import { firstPair } from './compare/first-screen.js'
import { alignedDefinitions, type PassageSpan } from './definitions/definition-marks.js'
import { DefinitionsPanel } from './definitions/definitions-panel.js'
import { DocumentDetails } from './documents/document-details.js'
import { DocumentList } from './documents/document-list.js'
import { collapseButton } from './shared/collapsible.js'
import { el } from './shared/dom.js'
import { onFirstUse } from './shared/first-use.js'
import { ImportReport } from './documents/import-report.js'
import { readUpload } from './shared/upload.js'
import { OverlapList, rememberedHides } from './compare/overlap-list.js'
import type { OverlapFilterChoice } from './compare/overlap-filter.js'
import type { OverlapMatrix } from './compare/overlap-matrix.js'
import { PassagesView } from './research/passages-view.js'
import type { ReuseImportDialog } from './compare/reuse-import.js'
import type { Reader, Span } from './compare/reader.js'
import type { SearchView } from './research/search-view.js'
import { shortcutsDialog } from './shared/shortcuts.js'
import { StatusLine } from './shared/status-line.js'
import { textSizeControls } from './shared/text-size.js'
import { themeButton } from './shared/theme.js'
import type { VariantsPanel } from './compare/variants-panel.js'
import { type State, type StatusTopic, Store, type ViewName } from './state/store.js'
import { Sync } from './state/sync.js'

// The UI's entry: connects to the host, keeps the state in one store (state/store.ts) that follows
// the services by one path (state/sync.ts), and wires the panels: each draws from the state when
// it changes and reports what the user did.

const host = connect()
const api = host.api
const root = document.getElementById('app') as HTMLElement
const store = new Store()
store.update({ overlapFilter: { ...store.state.overlapFilter, ...rememberedHides() } })
const sync = new Sync(
  api,
  store,
  () => compare.docIds().filter((id): id is string => id !== null),
  (message) => say(message, true),
)
/** The open project (null until it loads), from the store. */
const project = (): ProjectView | null => store.state.project

// --- Status, saving, undo ---------------------------------------------------------------------

const status = new StatusLine()
/** Shows one message in the title bar, replacing the last; `about` says what resolves it (StatusTopic). */
function say(text: string, error = false, about?: StatusTopic): void {
  store.update({ status: { text, error, ...(about ? { about } : {}) } })
}
/** What the message shown was about is resolved: it goes (another message stays). */
function resolved(about: StatusTopic): void {
  if (store.state.status?.about === about) store.update({ status: null })
}

/**
 * Runs a change: "Saving…" until the services confirm it is durable on disk, then "Saved". The
 * state follows from the services' event about the change (state/sync.ts), not from here. A
 * failure is said in the title bar, or handed to `failed` where the change has a place of its own
 * to show it (the metadata form, at its fields), and the title bar then says nothing. Resolves to
 * whether the change was saved.
 */
async function run(label: string, change: () => Promise<unknown>, failed?: (message: string) => void): Promise<boolean> {
  say('Saving…')
  try {
    await change()
    say(`${label} · saved`)
    return true
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e)
    if (failed) {
      store.update({ status: null })
      failed(message)
    } else say(message, true)
    return false
  }
}

const exportButton = el(
  'button',
  { type: 'button', 'aria-keyshortcuts': 'Control+E', title: 'Export annotated excerpts (Ctrl+E)' },
  'Export…',
)
exportButton.addEventListener('click', () => openExport())
const undoButton = el('button', { type: 'button', class: 'history', 'aria-keyshortcuts': 'Control+Z' }, 'Undo')
const redoButton = el('button', { type: 'button', class: 'history', 'aria-keyshortcuts': 'Control+Shift+Z' }, 'Redo')
const undo = () => run('Undone', async () => say(`Undid ${(await api.undo({})).undone ?? 'nothing'}`))
const redo = () => run('Redone', () => api.redo({}))
undoButton.addEventListener('click', () => void undo())
redoButton.addEventListener('click', () => void redo())

// --- Panels -------------------------------------------------------------------------------------

const title = el('span', { class: 'project-name' })
/**
 * Whether the reader has chosen anything the panes show (a document, a pane, an overlap, a
 * definition, a pair of the matrix): the app then opens no first pair of its own over it (chose).
 */
let readerChose = false
/** Notes a choice of the reader's (see readerChose). */
function chose(): void {
  readerChose = true
}

// The annotation editor is built when first opened, from a module loaded then (a chunk of its
// own, shared/first-use.ts): the first screen reads; nothing of the editor is needed before.
let editor: AnnotationEditor | null = null
const annotationEditor = onFirstUse(async () => {
  const made = new (await import('./annotate/annotation-editor.js')).AnnotationEditor()
  document.body.append(made.dom)
  return made
})
/** Opens the annotation editor on a request (its module loaded first, the first time). */
async function openEditor(request: EditorRequest): Promise<void> {
  try {
    editor = await annotationEditor()
    editor.open(request)
  } catch (e) {
    say(e instanceof Error ? e.message : String(e), true)
  }
}
const compare = new CompareView(
  {
    readerEvents: (pane) => ({
      onKey: (e) => readerKey(pane().reader, e),
      onAnnotationClick: (ids) => void editAnnotation(pane().reader, ids[0]),
    }),
    load: (docId) => loadDocument(docId),
    onSelect: (id) => {
      // A passage clicked in a pane; the app's own first pair selects its overlap so too.
      if (!openingFirstPair) chose()
      void selectOverlap(id)
    },
    onSelectDefinition: (id) => {
      chose()
      void selectDefinition(id)
    },
    onFocus: () => renderActiveDocument(),
    onChoose: chose,
  },
  store,
)
const details = new DocumentDetails({
  api,
  run,
  excerpt: (docId, start, end) => {
    const reader = compare.panes.find((p) => p.reader.docId === docId)?.reader
    return reader && end <= reader.text.codePointLength ? reader.text.slice(start, end) : null
  },
  title: (docId) => project()?.documents.find((d) => d.id === docId)?.title ?? docId,
})
/** The export dialog, loaded and built when first opened (the first screen does not need it). */
const exportDialog = onFirstUse(async () => {
  const { ExportDialog } = await import('./export/export-dialog.js')
  const dialog = new ExportDialog(api, () => passages.query(), store)
  document.body.append(dialog.dom)
  return dialog
})
const importReport = new ImportReport()
/** The reader changed a filter of the overlaps, in the list or the matrix: one choice, the store's. */
const setOverlapFilter = (change: Partial<OverlapFilterChoice>): void =>
  store.update({ overlapFilter: { ...store.state.overlapFilter, ...change } })
const overlapList = new OverlapList(
  (id) => {
    chose()
    void selectOverlap(id)
  },
  store,
  () => {
    store.update({ paraphrasesAsked: true })
    void analyse(true)
  },
  setOverlapFilter,
  () => void openReuseImport(),
)
const list = new DocumentList((id) => void openDocument(id))
const codebook = new CodebookPanel(
  {
    api,
    run,
    onActiveChange: () => {
      updateHint()
      resolved('active-tag')
    },
    onShowPassages: (id) => {
      showView('passages')
      passages.showTag(id)
    },
    importCodebook: (file) => void importCodebook(file),
  },
  store,
)
const passages = new PassagesView(
  { api, open: (item) => void openPassage(item), edit: (item, rect) => editRetrieved(item, rect) },
  'passages',
  store,
)
const orphans = new PassagesView(
  { api, open: (item) => void openPassage(item), edit: (item, rect) => editRetrieved(item, rect) },
  'orphans',
  store,
)
/**
 * Tags passages with the active tag as one undoable change (search hits, a facet's members, a
 * definition); `what` names them in the status line.
 */
function tagWithActive(passages: readonly PassageSpan[], what: string): void {
  const tag = project()?.tags.find((t) => t.id === codebook.active)
  if (!tag) say(`No active tag: choose one in the Codebook (Enter on a tag), then tag ${what}.`, true, 'active-tag')
  else
    void run(`Tagged ${what} “${tag.name}”${passages.length > 1 ? ' (Undo reverts them all)' : ''}`, () =>
      api.tagHits({ hits: passages.map(({ doc, start, end }) => ({ docId: doc, start, end })), tags: [tag.name] }),
    )
}
// The Search view is built when first shown, from a module loaded then (a chunk of its own,
// shared/first-use.ts): it reads the state when it draws, so nothing of it is needed before.
// (The view, not only its module, made once: two calls while the module loads get the same view.)
let search: SearchView | null = null
const searchView = onFirstUse(
  async () =>
    new (await import('./research/search-view.js')).SearchView(
      api,
      (hit) => void openHit(hit),
      store,
      (hits) =>
        tagWithActive(
          hits.map(({ docId, start, end }) => ({ doc: docId, start, end })),
          `${hits.length} hits`,
        ),
    ),
)
/** Builds the Search view (its module loaded first) in its placeholder's place, then puts the cursor in its field. */
async function openSearch(): Promise<void> {
  try {
    search = await searchView()
    const place = views.search
    if (place !== search.dom) {
      for (const name of ['id', 'role', 'aria-labelledby']) search.dom.setAttribute(name, place.getAttribute(name)!)
      search.dom.hidden = place.hidden
      place.replaceWith(search.dom)
      views.search = search.dom
    }
    if (store.state.view === 'search') search.focus()
  } catch (e) {
    say(e instanceof Error ? e.message : String(e), true)
  }
}
const problems = el('section', { class: 'problems', 'aria-label': 'Files that could not be read', hidden: true })

const definitions = new DefinitionsPanel(
  api,
  {
    found: (result) => store.update({ definitions: result, selectedDefinition: null }),
    select: (id) => {
      chose()
      void selectDefinition(id)
    },
    tag: tagWithActive,
    say,
  },
  store,
)
const hint = el('p', { class: 'hint reader-hint' })
const reattachBar = el('div', { class: 'reattach-bar', role: 'region', 'aria-label': 'Re-attach an annotation', hidden: true })

// The analysis: progress while the engine runs, then the overlaps everywhere.
const progress = el('progress', { class: 'analysis-progress', max: '1', value: '0', 'aria-label': 'Analysis progress' })
const progressLabel = el('span', { class: 'muted analysis-label' })
const cancelButton = el('button', { type: 'button', hidden: true }, 'Cancel')
cancelButton.addEventListener('click', () => void api.cancelAnalysis({}))
const analysisBar = el('div', { class: 'analysis-bar', role: 'status', 'aria-live': 'polite' }, progressLabel, progress, cancelButton)

const sideTabsCompare = el('div', { class: 'tabs', role: 'tablist', 'aria-label': 'Shared passages' })
// The side tabs besides the overlaps (the matrix, the variants) are built when first shown, from
// modules loaded then (chunks of their own, shared/first-use.ts), and drawn only while shown: the
// matrix of 200 documents, built hidden at every analysis, held 160,000 of the page's 173,000
// elements and kept the page busy for 23 s; the variants' character diffs cost a few hundred
// milliseconds at every selection.
let matrix: OverlapMatrix | null = null
let variants: VariantsPanel | null = null
// (Each panel, not only its module, made once: two clicks while the module loads get the same panel.)
const matrixPanel = onFirstUse(
  async () =>
    new (await import('./compare/overlap-matrix.js')).OverlapMatrix(
      store,
      (a, b) => {
        chose()
        void compare.openPair(a, b)
      },
      setOverlapFilter,
    ),
)
const variantsPanel = onFirstUse(async () => new (await import('./compare/variants-panel.js')).VariantsPanel())
/** A side tab's place until its panel is built. */
const placeholder = (label: string) => el('section', { class: 'side-section', 'aria-label': label, 'aria-busy': 'true' })
const compareSide: Record<string, HTMLElement> = {
  overlaps: overlapList.dom,
  matrix: placeholder('Overlap matrix'),
  variants: placeholder('Variants'),
}
for (const [name, label] of [
  ['overlaps', 'Overlaps'],
  ['matrix', 'Matrix'],
  ['variants', 'Variants'],
]) {
  const tab = el('button', { type: 'button', role: 'tab', class: 'tab', id: `compare-tab-${name}` }, label)
  tab.addEventListener('click', () => showCompareSide(name))
  sideTabsCompare.append(tab)
}
function showCompareSide(name: string): void {
  for (const [n, panel] of Object.entries(compareSide)) {
    panel.hidden = n !== name
    const tab = document.getElementById(`compare-tab-${n}`)!
    tab.setAttribute('aria-selected', String(n === name))
    tab.tabIndex = n === name ? 0 : -1
  }
  if (name === 'matrix' && !matrix) void buildSide('matrix')
  if (name === 'variants' && !variants) void buildSide('variants')
  drawCompareSide()
}
/** Builds the matrix or the variants panel (its module loaded first) in its placeholder's place. */
async function buildSide(name: 'matrix' | 'variants'): Promise<void> {
  try {
    const panel = name === 'matrix' ? (matrix = await matrixPanel()) : (variants = await variantsPanel())
    const place = compareSide[name]
    if (place === panel.dom) return
    panel.dom.hidden = place.hidden
    place.replaceWith(panel.dom)
    compareSide[name] = panel.dom
    drawCompareSide()
  } catch (e) {
    say(e instanceof Error ? e.message : String(e), true)
  }
}
/** Draws the side tab shown, the matrix or the variants, from the state (each does nothing if nothing it shows changed). */
function drawCompareSide(): void {
  const { project: p, overlaps, selectedOverlap } = store.state
  if (matrix && !matrix.dom.hidden) matrix.draw()
  if (variants && !variants.dom.hidden)
    variants.render(p, overlaps?.overlaps.find((o) => o.id === selectedOverlap) ?? null, compare.docIds())
}
// passim's and TextPAIR's results, imported from the page (the desktop File menu has the same);
// the dialog's module is loaded when first needed.
const reuseModule = onFirstUse(() => import('./compare/reuse-import.js'))
/** The dialog, once built (its progress shows only an import it started). */
let reuseDialog: ReuseImportDialog | null = null
async function openReuseImport(): Promise<void> {
  try {
    const { ReuseImportDialog } = await reuseModule()
    if (!reuseDialog) {
      reuseDialog = new ReuseImportDialog(api)
      document.body.append(reuseDialog.dom)
    }
    reuseDialog.open()
  } catch (e) {
    say(e instanceof Error ? e.message : String(e), true)
  }
}
const compareSideDom = el(
  'aside',
  { class: 'compare-side', id: 'compare-side', 'aria-label': 'Shared passages' },
  sideTabsCompare,
  overlapList.dom,
  compareSide.matrix,
  compareSide.variants,
)
const compareLayout = el('div', { class: 'compare-layout' }, compare.dom, compareSideDom)
compare.toolbar.append(collapseButton('overlaps', 'overlaps', compareLayout, compareSideDom))
const readView = el(
  'section',
  { class: 'view read-view', 'aria-label': 'Compare' },
  reattachBar,
  el('div', { class: 'read-top' }, hint, analysisBar),
  compareLayout,
)

const views: Record<ViewName, HTMLElement> = {
  read: readView,
  passages: passages.dom,
  search: el('section', { class: 'view search-view', 'aria-label': 'Search', 'aria-busy': 'true' }),
  definitions: el('section', { class: 'view definitions-view', 'aria-label': 'Definitions' }, definitions.dom),
  orphans: orphans.dom,
}
const viewLabels: Record<ViewName, string> = {
  read: 'Compare',
  passages: 'Passages',
  search: 'Search',
  definitions: 'Definitions',
  orphans: 'Orphans',
}
const viewTabs = el('div', { class: 'tabs', role: 'tablist', 'aria-label': 'Views' })
const tabFor = {} as Record<ViewName, HTMLButtonElement>
for (const name of Object.keys(views) as ViewName[]) {
  const tab = el(
    'button',
    { type: 'button', role: 'tab', id: `tab-${name}`, 'aria-controls': `view-${name}`, class: 'tab' },
    viewLabels[name],
  )
  tab.addEventListener('click', () => showView(name))
  views[name].id = `view-${name}`
  views[name].setAttribute('role', 'tabpanel')
  views[name].setAttribute('aria-labelledby', `tab-${name}`)
  tabFor[name] = tab
  viewTabs.append(tab)
}
function showView(name: ViewName): void {
  store.update({ view: name })
  if (name === 'passages') void passages.refresh()
  if (name === 'orphans') void orphans.refresh()
  if (name === 'search') void openSearch()
}
viewTabs.addEventListener('keydown', (e) => {
  const names = Object.keys(views) as ViewName[]
  const i = names.indexOf(store.state.view)
  if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
    const next = names[(i + (e.key === 'ArrowRight' ? 1 : names.length - 1)) % names.length]
    showView(next)
    tabFor[next].focus()
  }
})

const sideTabs = el('div', { class: 'tabs side-tabs', role: 'tablist', 'aria-label': 'Sidebar' })
/** The file endings the importer reads (core/project/formats.ts), for the picker. */
const IMPORTABLE = IMPORT_EXTENSIONS.join(',')
const filePicker = el('input', { type: 'file', multiple: true, accept: IMPORTABLE, hidden: true, 'aria-hidden': 'true' })
const addButton = el(
  'button',
  {
    type: 'button',
    class: 'add-docs',
    title: `Add documents (${IMPORTABLE.replaceAll(',', ' ')}, or plain text named without an ending); or drop files on the window`,
  },
  '+ Add documents',
)
addButton.addEventListener('click', () => filePicker.click())
filePicker.addEventListener('change', () => {
  if (filePicker.files?.length) void importFiles([...filePicker.files])
  filePicker.value = ''
})
const sidePanels = {
  documents: el(
    'div',
    { class: 'side-panel', id: 'side-documents', role: 'tabpanel' },
    el('div', { class: 'codebook-toolbar' }, addButton, filePicker),
    list.dom,
    problems,
    details.dom,
  ),
  codebook: el('div', { class: 'side-panel', id: 'side-codebook', role: 'tabpanel' }, codebook.dom),
}
for (const name of ['documents', 'codebook'] as const) {
  const tab = el(
    'button',
    { type: 'button', role: 'tab', class: 'tab', id: `side-tab-${name}`, 'aria-controls': `side-${name}` },
    name === 'documents' ? 'Documents' : 'Codebook',
  )
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

// A skip link, first in the Tab order: straight to the text of the active pane (or the open view).
const skipLink = el('a', { class: 'skip-link', href: '#main' }, 'Skip to the text')
skipLink.addEventListener('click', (e) => {
  e.preventDefault()
  const target = document.querySelector<HTMLElement>(
    store.state.view === 'read' ? '.pane.active .reader-text, .reader-text' : `#view-${store.state.view}`,
  )
  if (target && !target.hasAttribute('tabindex') && !target.isContentEditable) target.tabIndex = -1
  target?.focus()
})

const projectSidebar = el(
  'aside',
  { class: 'sidebar', id: 'project-sidebar', 'aria-label': 'Project' },
  sideTabs,
  sidePanels.documents,
  sidePanels.codebook,
)
const layout = el('div', { class: 'layout' }, projectSidebar, el('main', { class: 'main', id: 'main' }, viewTabs, ...Object.values(views)))
root.replaceChildren(
  skipLink,
  el(
    'header',
    { class: 'titlebar' },
    el('span', { class: 'app-name' }, 'Parallax'),
    collapseButton('project', 'sidebar', layout, projectSidebar),
    title,
    el('span', { class: 'spacer' }),
    status.dom,
    undoButton,
    redoButton,
    exportButton,
    textSizeControls(),
    themeButton(),
  ),
  layout,
)
document.body.append(importReport.dom)

// The web host refused the page's token or stopped: say how to get a working page, and let
// nothing more be done here (it could not be saved).
host.onLost((message) => {
  const words = message.split('`').map((part, i) => (i % 2 ? el('code', {}, part) : part))
  document.body.prepend(el('div', { class: 'host-lost', role: 'alert' }, el('p', {}, ...words)))
  root.inert = true
})
renderView('read')
showSide('documents')
showCompareSide('overlaps')

// --- Reading and annotating -------------------------------------------------------------------

function tagName(id: string): string {
  return project()?.tags.find((t) => t.id === id)?.name ?? id
}

/**
 * The keys of the panes, the most used first: a narrow window shows the hint on one line, cut at
 * its end (its whole text on hover).
 */
function updateHint(): void {
  const active = project()?.tags.find((t) => t.id === codebook.active)
  hint.replaceChildren(
    'Select text, then press ',
    el('kbd', {}, 'A'),
    ' to annotate',
    active ? el('span', {}, ', ', el('kbd', {}, 'T'), ' to tag it ', el('span', { class: 'chip active-chip' }, active.name)) : '',
    ', ',
    el('kbd', {}, 'X'),
    ' to leave it out of the analysis; ',
    el('kbd', {}, 'N'),
    '/',
    el('kbd', {}, 'P'),
    ' step through shared passages',
    active ? '.' : '; an active tag (Codebook) lets T tag it.',
  )
  hint.title = hint.textContent ?? ''
}

function readerKey(reader: Reader, e: KeyboardEvent): boolean {
  if (e.altKey && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
    overlapList.step(e.key === 'ArrowDown' ? 1 : -1)
    return true
  }
  if (e.ctrlKey || e.metaKey || e.altKey) return false
  const key = e.key.toLowerCase()
  if (key === 'n' || key === 'p') {
    overlapList.step(key === 'n' ? 1 : -1)
    return true
  }
  if (key === 'a') {
    annotateSelection(reader)
    return true
  }
  if (key === 'x') {
    const span = reader.selection()
    if (!span || !reader.docId) say('Select the text to leave out of the analysis first.', true)
    else void details.exclude(reader.docId, span.start, span.end)
    return true
  }
  if (key === 't') {
    const span = reader.selection()
    const tag = project()?.tags.find((t) => t.id === codebook.active)
    if (!span || !reader.docId) say('Select some text first.', true)
    else if (!tag) say('No active tag: choose one in the Codebook (Enter on a tag).', true, 'active-tag')
    else void run(`Tagged “${tag.name}”`, () => api.createAnnotation({ docId: reader.docId!, ...span, tags: [tag.name] }))
    return true
  }
  return false
}

function annotateSelection(reader: Reader): void {
  const span = reader.selection()
  const docId = reader.docId
  if (!span || !docId) {
    say('Select some text first.', true)
    return
  }
  if (store.state.reattaching?.docId === docId) {
    attachHere(span)
    return
  }
  const anchor = reader.selectionRect() ?? new DOMRect(200, 200, 0, 0)
  const active = project()?.tags.find((t) => t.id === codebook.active)
  void openEditor({
    anchor,
    heading: 'New annotation',
    quote: reader.text.slice(span.start, span.end),
    tags: [],
    activeTag: active?.name,
    note: '',
    codebook: project()?.tags ?? [],
    onSave: ({ tags, note }) => void run('Annotation added', () => api.createAnnotation({ docId, ...span, tags, note })),
  })
}

function openEditorFor(item: AnnotationItem, anchor: DOMRect, quote: string): void {
  const { docId, annotation } = item
  void openEditor({
    anchor,
    heading: item.status === 'orphan' ? 'Orphaned annotation' : 'Annotation',
    quote,
    tags: tagIdsOf(annotation).map(tagName),
    note: noteOf(annotation),
    codebook: project()?.tags ?? [],
    onSave: ({ tags, note }) => void run('Annotation saved', () => api.updateAnnotation({ docId, id: annotation.id, tags, note })),
    onDelete: () => void run('Annotation deleted', () => api.deleteAnnotation({ docId, id: annotation.id })),
    onRespan: () => void startReattach({ ...item, ...positionOf(annotation), quote, before: '', after: '' }),
  })
}

/** Opens the editor on a highlight: the full annotation (note, selectors) is fetched only now. */
async function editAnnotation(reader: Reader, id: string): Promise<void> {
  if (!reader.docId) return
  let item: AnnotationItem | undefined
  try {
    item = (await api.listAnnotations({ docId: reader.docId, ids: [id] })).items.find((a) => a.annotation.id === id)
  } catch (e) {
    say(e instanceof Error ? e.message : String(e), true)
  }
  if (!item) return
  const { start, end } = positionOf(item.annotation)
  openEditorFor(
    item,
    reader.annotationRect(id) ?? new DOMRect(200, 200, 0, 0),
    reader.text.slice(start, Math.min(end, reader.text.codePointLength)),
  )
}

function editRetrieved(item: RetrievedItem, anchor: DOMRect): void {
  openEditorFor(item, anchor, item.quote)
}

function attachHere(span: Span): void {
  const item = store.state.reattaching!
  store.update({ reattaching: null })
  void run('Annotation re-attached', () => api.updateAnnotation({ docId: item.docId, id: item.annotation.id, ...span }))
}

/** Brings a document's text and annotation spans into the state for a pane. */
async function loadDocument(docId: string): Promise<void> {
  try {
    await sync.load(docId)
  } catch (e) {
    say(e instanceof Error ? e.message : String(e), true)
  }
  renderActiveDocument()
}

/** The document list and details follow the active pane's document. */
function renderActiveDocument(): void {
  const docId = compare.activePane?.docId ?? null
  list.render(project()?.documents ?? [], docId)
  details.render(project()?.documents.find((d) => d.id === docId) ?? null)
}

async function openDocument(id: string, span?: Span): Promise<void> {
  chose()
  showView('read')
  await compare.open(id, span)
}

/**
 * Reads files picked or dropped in the page and imports every one that can be read; each that
 * cannot is named, with why, in the one report.
 */
async function importFiles(files: File[]): Promise<void> {
  say(`Importing ${files.length} file${files.length === 1 ? '' : 's'}…`)
  try {
    const { added, report, failed = [] } = await api.importFiles({ files: await Promise.all(files.map(readUpload)) })
    const titles = added.map((d) => `“${d.title}”`)
    const notRead = failed.length ? `${failed.length === 1 ? `${failed[0].file} was` : `${failed.length} files were`} not imported` : ''
    if (added.length) say(`Added ${titles.join(', ')}${notRead ? `; ${notRead}` : ''}`, failed.length > 0)
    else say(notRead || 'Those documents are already in the project.', failed.length > 0)
    // What could not be brought in (files that cannot be read; a REFI-QDA project's cases, sets,
    // journals, PDF sources without text, skipped selections) is told in one message, not lost in
    // the status line.
    if (report?.length || failed.length) importReport.show('Import report', titles, report ?? [], failed)
  } catch (e) {
    say(e instanceof Error ? e.message : String(e), true)
  }
}

/** Adds the codes of a REFI-QDA codebook (.qdc or .qdpx) picked in the page to the tags. */
async function importCodebook(file: File): Promise<void> {
  say(`Importing the codebook ${file.name}…`)
  try {
    const { added } = await api.importCodebook({ file: await readUpload(file) })
    say(
      added.length
        ? `${file.name}: added ${added.length} tag${added.length === 1 ? '' : 's'}`
        : `${file.name}: every code is already a tag`,
    )
  } catch (e) {
    say(e instanceof Error ? e.message : String(e), true)
  }
}

document.addEventListener('dragover', (e) => {
  if (e.dataTransfer?.types.includes('Files')) {
    e.preventDefault()
    root.classList.add('dropping')
  }
})
document.addEventListener('dragleave', (e) => {
  if (!e.relatedTarget) root.classList.remove('dropping')
})
document.addEventListener('drop', (e) => {
  root.classList.remove('dropping')
  if (!e.dataTransfer?.files.length) return
  e.preventDefault()
  void importFiles([...e.dataTransfer.files])
})

// --- Shared passages -----------------------------------------------------------------------------

let analysing = 0
/** True until the first analysis has chosen what the app opens on. */
let firstScreen = true
/**
 * True while the app opens its first pair of documents on its own: selecting their top passage
 * then leaves the reader in the view they went to meanwhile (a click on Definitions while the
 * panes loaded was undone when the passage was selected).
 */
let openingFirstPair = false
/** The page's first state (the project, the panes' documents): fetched at the end of this module. */
let firstState: Promise<void> = Promise.resolve()
/** Finds the shared passages again; `paraphrases`: the reader asked for the paraphrase search (analyseOverlaps). */
async function analyse(paraphrases?: true): Promise<void> {
  const run = ++analysing
  progressLabel.textContent = 'Finding shared passages…'
  progress.hidden = false
  cancelButton.hidden = false
  try {
    const view = await api.analyseOverlaps(paraphrases ? { paraphrases } : {})
    if (run !== analysing) return
    progressLabel.textContent = `${view.overlaps.length} shared passages in ${Object.keys(view.lengths).length} documents`
    // The selected overlap stays selected if it is still found, but its documents are not opened
    // again: since it was selected the reader may have opened others in its panes (an analysis
    // after an import must not take the new document's pane away).
    const selected = view.overlaps.find((o) => o.id === store.state.selectedOverlap) ?? null
    store.update({ overlaps: view, selectedOverlap: selected?.id ?? null })
    if (firstScreen) {
      firstScreen = false
      // The documents to choose from are the project's: fetched alongside, perhaps not yet there.
      await firstState
      // Nothing chosen yet: open on the two documents that share the most, their top passage
      // selected. Not where the reader has chosen anything meanwhile (the analysis can take
      // longer than a click: the pair took the pane of a document opened, a red CI run).
      const chosen = selected || readerChose
      const first = chosen ? null : firstPair(project()?.documents.map((d) => d.id) ?? [], view.overlaps)
      if (first) {
        openingFirstPair = true
        try {
          await compare.openPair(...first.docs, first.overlap, () => readerChose)
        } finally {
          openingFirstPair = false
        }
      }
    }
  } catch (e) {
    if (run !== analysing) return
    progressLabel.textContent =
      (e as { code?: string }).code === 'cancelled'
        ? 'Analysis cancelled.'
        : `Analysis failed: ${e instanceof Error ? e.message : String(e)}`
  } finally {
    if (run === analysing) {
      progress.hidden = true
      cancelButton.hidden = true
      // The first analysis has opened the panes on what they show first, or failed.
      compare.settled()
      // The paraphrases asked for are found (the note goes), or not (cancelled, failed: the note
      // offers them again).
      if (store.state.paraphrasesAsked) store.update({ paraphrasesAsked: false })
    }
  }
}

/** Selects an overlap: its documents open in panes first, then the state names it. */
async function selectOverlap(id: string | null): Promise<void> {
  const overlap = store.state.overlaps?.overlaps.find((o) => o.id === id) ?? null
  if (store.state.view !== 'read' && !openingFirstPair) showView('read')
  if (overlap) {
    const shown = await compare.reveal(overlap)
    const docs = new Set(overlap.passages.map((p) => p.doc)).size
    // The panes show fewer than its documents (identical copies, or more than fit): said, as the card lists them all.
    if (shown < docs)
      say(
        overlap.duplicate
          ? `${docs} identical documents: ${shown} of them shown`
          : `${shown} of its ${docs} documents shown, as many as fit`,
        false,
        'overlap-panes',
      )
    else resolved('overlap-panes')
  }
  // Chosen again (the reader scrolled away, or its document was opened elsewhere): the panes line
  // up on it again, as on a new selection.
  if (overlap && store.state.selectedOverlap === overlap.id) compare.align()
  else store.update({ selectedOverlap: overlap?.id ?? null, selectedDefinition: null })
}

/**
 * Selects a facet or a definition (`facet:<i>`, `definition:<i>`): its documents open in panes,
 * then the panes line up on its passages with connectors, as for an overlap.
 */
async function selectDefinition(id: string): Promise<void> {
  const aligned = alignedDefinitions(store.state.definitions, id)
  if (!aligned) return
  if (store.state.view !== 'read') showView('read')
  await compare.reveal(aligned)
  store.update({ selectedDefinition: id, selectedOverlap: null })
}

/** Starts choosing a new span for an annotation: its document opens, the next selection is the span. */
async function startReattach(item: RetrievedItem): Promise<void> {
  store.update({ reattaching: item })
  await openDocument(item.docId, item.status === 'orphan' ? undefined : { start: item.start, end: item.end })
  compare.activePane.reader.view.focus()
}

/** The bar saying which annotation is being re-attached (hidden when none is). */
function renderReattach(item: RetrievedItem | null): void {
  reattachBar.hidden = !item
  if (!item) return
  const attach = el('button', { type: 'button', class: 'primary' }, 'Attach to selection')
  const cancel = el('button', { type: 'button' }, 'Cancel')
  attach.addEventListener('click', () => {
    const span = compare.activePane.reader.selection()
    if (span) attachHere(span)
    else say('Select the new passage first.', true)
  })
  cancel.addEventListener('click', () => store.update({ reattaching: null }))
  reattachBar.replaceChildren(
    el(
      'span',
      {},
      // The <q> draws its own quote marks: a tester read “ “Xi made the point” ” when these were written too.
      `${item.status === 'orphan' ? 'Re-attaching' : 'New span for'} `,
      el('q', {}, item.quote.slice(0, 120)),
      ': select its passage, then press ',
      el('kbd', {}, 'A'),
      ' or ',
    ),
    attach,
    cancel,
  )
}

async function openPassage(item: RetrievedItem): Promise<void> {
  if (item.status === 'orphan') await startReattach(item)
  else await openDocument(item.docId, { start: item.start, end: item.end })
}

async function openHit(hit: SearchHit): Promise<void> {
  await openDocument(hit.docId, { start: hit.start, end: hit.end })
}

// --- Drawing from the state and following the services --------------------------------------

/** Shows one of the main views (the tabs and their panels). */
function renderView(name: ViewName): void {
  for (const [n, v] of Object.entries(views) as [ViewName, HTMLElement][]) {
    v.hidden = n !== name
    tabFor[n].setAttribute('aria-selected', String(n === name))
    tabFor[n].tabIndex = n === name ? 0 : -1
  }
}

/** What shows the project itself: title, history, counts, problems, and the panels that list it. */
function renderProject(p: ProjectView): void {
  title.textContent = p.name
  document.title = `Parallax — ${p.name}`
  undoButton.disabled = !p.history.undo
  undoButton.title = p.history.undo ? `Undo ${p.history.undo}` : 'Nothing to undo'
  redoButton.disabled = !p.history.redo
  redoButton.title = p.history.redo ? `Redo ${p.history.redo}` : 'Nothing to redo'
  tabFor.orphans.textContent = p.orphanCount ? `Orphans (${p.orphanCount})` : 'Orphans'
  problems.hidden = p.problems.length === 0
  problems.replaceChildren(
    el('h2', { class: 'sidebar-heading' }, 'Could not be read'),
    ...p.problems.map((q) => el('p', { class: 'problem' }, el('code', {}, q.path), el('br'), q.reason)),
  )
  renderActiveDocument()
  definitions.setProject(p)
  codebook.render(p)
  passages.setProject(p)
  orphans.setProject(p)
  updateHint()
  root.removeAttribute('aria-busy')
}

store.subscribe((state: State, previous: State) => {
  if (state.status !== previous.status) status.render(state.status)
  if (state.view !== previous.view) renderView(state.view)
  if (state.project && state.project !== previous.project) renderProject(state.project)
  compare.update(state, previous)
  overlapList.update(state, previous)
  definitions.update(state, previous)
  if (
    state.project !== previous.project ||
    state.overlaps !== previous.overlaps ||
    state.selectedOverlap !== previous.selectedOverlap ||
    state.overlapFilter !== previous.overlapFilter
  )
    drawCompareSide()
  if (state.reattaching !== previous.reattaching) renderReattach(state.reattaching)
  // The retrieval views list annotations: after a change, the one on screen lists them again.
  if (state.project !== previous.project && previous.project) {
    if (state.view === 'passages') void passages.refresh()
    if (state.view === 'orphans') void orphans.refresh()
  }
})

function openExport(): void {
  if (project())
    exportDialog().then(
      (dialog) => dialog.open(),
      (e: unknown) => say(e instanceof Error ? e.message : String(e), true),
    )
}

// Changes may have gone unannounced while the event stream was broken: everything is fetched
// again, and the analyses run again (the texts may have changed).
host.onResync(() => {
  sync.resync()
  void analyse()
  definitions.refresh()
})
host.onEvent((event) => {
  if (event.type === 'analysis-progress') {
    // The bar belongs to the shared-passages run (analyse() hides it when that run ends); the
    // definitions view runs its own analysis and shows its own state.
    if (event.task !== 'overlaps') return
    progress.hidden = false
    progress.max = Math.max(1, event.total)
    progress.value = event.done
    progressLabel.textContent = `Analysing: ${event.phase}…`
    return
  }
  if (event.type === 'reuse-progress') {
    reuseDialog?.showProgress(event)
    progress.hidden = false
    progress.max = Math.max(1, event.totalBytes)
    progress.value = event.bytes
    progressLabel.textContent = `Importing ${event.tool === 'passim' ? 'passim' : 'TextPAIR'} results: ${event.records.toLocaleString('en')} records read…`
    return
  }
  if (event.type === 'reuse-imported') {
    // The imported clusters join the overlaps (the engine's result is kept: only reuse/ changed).
    const report = event.report
    void reuseModule().then(({ describeReport }) => say(describeReport(report)))
    void analyse()
    return
  }
  if (event.type === 'command') {
    if (event.command === 'export') openExport()
    else if (event.command === 'shortcuts') showShortcuts()
    else editCommand(event.command)
    return
  }
  if (event.type === 'document-changed') say('A source file changed on disk; its annotations were re-anchored.')
  // Texts (or the project) changed: the analysis runs again.
  if (event.type === 'project-changed' || event.type === 'document-changed') {
    void analyse()
    definitions.refresh()
  }
  sync.onEvent(event)
})

document.addEventListener('keydown', (e) => {
  const mod = e.ctrlKey || e.metaKey
  // Typing in a field or a dialog (the annotation popover, the export dialog) is text, never a shortcut.
  const inField = (e.target as HTMLElement).closest('input, textarea, select, [role="dialog"], [contenteditable="true"]:not(.reader-text)')
  if (mod && !inField && e.key.toLowerCase() === 'z') {
    e.preventDefault()
    void (e.shiftKey ? redo() : undo())
  } else if (mod && !inField && e.key.toLowerCase() === 'y') {
    e.preventDefault()
    void redo()
  } else if (mod && !e.shiftKey && e.key.toLowerCase() === 'e') {
    e.preventDefault()
    openExport()
  } else if (e.key === '?' && !mod && !inField && !(e.target as HTMLElement).isContentEditable) {
    e.preventDefault()
    showShortcuts()
  } else if (mod && e.shiftKey && e.key.toLowerCase() === 'f') {
    e.preventDefault()
    showView('search')
  } else if (
    store.state.view === 'read' &&
    !inField &&
    !mod &&
    !(e.target as HTMLElement).closest('.reader-text') &&
    ['n', 'p'].includes(e.key.toLowerCase())
  ) {
    overlapList.step(e.key.toLowerCase() === 'n' ? 1 : -1)
  }
})
const shortcuts = shortcutsDialog()
document.body.append(shortcuts)
function showShortcuts(): void {
  if (!shortcuts.open) shortcuts.showModal()
}
/** The desktop menu's Undo / Redo: typing's own undo in a text field, the app's otherwise. */
function editCommand(command: 'undo' | 'redo'): void {
  const focused = document.activeElement as HTMLElement | null
  if (focused?.closest('input, textarea') || (focused?.isContentEditable && !focused.closest('.reader-text'))) document.execCommand(command)
  else void (command === 'undo' ? undo() : redo())
}
document.addEventListener('mousedown', (e) => {
  if (editor?.isOpen && !editor.dom.contains(e.target as Node)) editor.close()
})

// The project loads, and the analysis starts, once the page hears of changes (the event stream is
// read first, so that no change is missed between the two, and the stream's request waits behind
// no other); the analysis's result is drawn into whichever panes exist when it arrives.
firstState = host.eventsReady.then(() => sync.refresh())
void host.eventsReady.then(() => analyse())
