import type { ProjectView } from '../main/core/api.js'
import { connect } from './client.js'
import { DocumentList } from './document-list.js'
import { el } from './dom.js'
import { Reader } from './reader.js'
import { themeButton } from './theme.js'

// The UI's entry: connects to the host, shows the project's documents and the selected one.

const host = connect()
const root = document.getElementById('app') as HTMLElement

let project: ProjectView | null = null
let selected: string | null = null

const title = el('span', { class: 'project-name' })
const status = el('p', { class: 'status', role: 'status', 'aria-live': 'polite' })
const problems = el('section', { class: 'problems', 'aria-label': 'Files that could not be read', hidden: true })
const list = new DocumentList((id) => void open(id))
const reader = new Reader()
const empty = el('div', { class: 'reader-empty' }, el('p', {}, 'Choose a document to read it.'))

list.dom.append(problems)
root.replaceChildren(
  el('header', { class: 'titlebar' }, el('span', { class: 'app-name' }, 'Parallax'), title, el('span', { class: 'spacer' }), status, themeButton()),
  el('div', { class: 'layout' }, list.dom, el('main', { class: 'main', id: 'main' }, empty, reader.dom)),
)
reader.dom.hidden = true

function showError(e: unknown): void {
  status.textContent = e instanceof Error ? e.message : String(e)
  status.classList.add('error')
}

async function open(id: string): Promise<void> {
  selected = id
  list.render(project?.documents ?? [], selected)
  try {
    const [doc, annotations] = await Promise.all([host.api.getDocument({ id }), host.api.listAnnotations({ docId: id })])
    if (selected !== id) return
    reader.show(doc, annotations.items, project?.tags ?? [])
    reader.dom.hidden = false
    empty.hidden = true
    status.textContent = ''
    status.classList.remove('error')
  } catch (e) {
    showError(e)
  }
}

async function load(): Promise<void> {
  try {
    project = await host.api.getProject({})
  } catch (e) {
    showError(e)
    return
  }
  title.textContent = project.name
  document.title = `Parallax — ${project.name}`
  problems.hidden = project.problems.length === 0
  problems.replaceChildren(
    el('h2', { class: 'sidebar-heading' }, 'Could not be read'),
    ...project.problems.map((p) => el('p', { class: 'problem' }, el('code', {}, p.path), el('br'), p.reason)),
  )
  if (selected && !project.documents.some((d) => d.id === selected)) selected = null
  list.render(project.documents, selected)
  root.removeAttribute('aria-busy')
  if (selected) await open(selected)
}

host.onEvent((event) => {
  if (event.type === 'project-changed') {
    selected = null
    reader.dom.hidden = true
    empty.hidden = false
    void load()
  } else if (event.type === 'annotations-changed') {
    void load()
  }
})

void load()
