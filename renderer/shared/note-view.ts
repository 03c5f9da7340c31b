import type * as Note from '../../main/core/export/note.js'
import type { NoteBlock, NoteRun } from '../../main/core/export/note.js'
import { el } from './dom.js'
import { onFirstUse } from './first-use.js'

// A note (the reader's Markdown) shown as formatted text in the app's views: parsed by the same
// safe renderer the exports use (main/core/export/note.ts: markdown-it, raw HTML off, only
// http(s)/mailto links), then built into DOM nodes, never through innerHTML. The parser is loaded
// on first use as a chunk of its own (it would add about 100 KiB to the page's bundle), so the
// note shows as its plain text for the moment it takes to load.

const noteModule = onFirstUse((): Promise<typeof Note> => import('../../main/core/export/note.js'))

function runNode(run: NoteRun): Node {
  if (run.text === '\n') return el('br')
  let node: Node = run.code ? el('code', {}, run.text) : document.createTextNode(run.text)
  if (run.em) node = el('em', {}, node)
  if (run.strong) node = el('strong', {}, node)
  if (run.href) node = el('a', { href: run.href, target: '_blank', rel: 'noopener noreferrer', title: run.href }, node)
  return node
}

function blockNode(block: NoteBlock): HTMLElement {
  let node: HTMLElement
  if (block.kind === 'rule') node = el('hr')
  else if (block.kind === 'code') node = el('pre', {}, el('code', {}, block.runs[0]?.text ?? ''))
  else {
    // A heading inside a note stays out of the page's outline: a strong paragraph.
    node = el('p', { class: block.kind === 'heading' ? 'note-heading' : undefined }, ...block.runs.map(runNode))
    if (block.marker) node.prepend(el('span', { class: 'note-bullet', 'aria-hidden': 'true' }, block.marker))
  }
  if (block.indent) node.style.setProperty('--note-indent', String(block.indent))
  if (block.quote) node.classList.add('note-quote')
  if (block.indent) node.classList.add('note-list')
  return node
}

/** Fills `box` with `markdown` rendered; it holds the plain text until the renderer has loaded. */
export function renderNote(box: HTMLElement, markdown: string): void {
  box.textContent = markdown
  box.dataset.markdown = markdown
  void noteModule().then((m) => {
    // The box may have been given another note meanwhile.
    if (box.dataset.markdown !== markdown) return
    box.replaceChildren(...m.noteBlocks(markdown).map(blockNode))
    box.classList.add('note-rendered')
  })
}

/** A new element showing `markdown` rendered (class `note-view` plus `className`). */
export function noteView(markdown: string, className = ''): HTMLElement {
  const box = el('div', { class: `note-view ${className}`.trim() })
  renderNote(box, markdown)
  return box
}
