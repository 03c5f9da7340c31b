import { el } from './dom.js'

// The app's keyboard shortcuts, listed once: the `?` overlay shows them, and the desktop menu's
// Help → Keyboard Shortcuts opens that same overlay. The handlers live where the keys are read
// (main.ts, the reader, the codebook); a shortcut added there is added here.

export interface Shortcut {
  /** Keys as shown, e.g. "Ctrl+Z"; "Ctrl" is ⌘ on a Mac. */
  keys: string
  does: string
}

export interface ShortcutGroup {
  title: string
  shortcuts: Shortcut[]
}

export const SHORTCUTS: readonly ShortcutGroup[] = [
  {
    title: 'Reading (with the focus in a pane)',
    shortcuts: [
      { keys: 'A', does: 'Annotate the selection (tag and note)' },
      { keys: 'T', does: 'Tag the selection with the active tag' },
      { keys: 'X', does: 'Leave the selection out of the analysis' },
      { keys: 'N / P', does: 'Next / previous shared passage' },
      { keys: 'Alt+↓ / Alt+↑', does: 'Next / previous shared passage' },
    ],
  },
  {
    title: 'Anywhere',
    shortcuts: [
      { keys: 'Ctrl+Z', does: 'Undo the last change (in a text field: undo typing)' },
      { keys: 'Ctrl+Shift+Z or Ctrl+Y', does: 'Redo' },
      { keys: 'Ctrl+Shift+F', does: 'Search the documents' },
      { keys: 'Ctrl+E', does: 'Export annotated excerpts' },
      { keys: '?', does: 'Show this list' },
      { keys: '← / →', does: 'Next / previous view (on the view tabs)' },
    ],
  },
  {
    title: 'Annotation popover',
    shortcuts: [
      { keys: 'Enter', does: 'Add the highlighted tag' },
      { keys: 'Ctrl+Enter', does: 'Save' },
      { keys: 'Escape', does: 'Cancel' },
    ],
  },
  {
    title: 'Codebook',
    shortcuts: [
      { keys: '↑ / ↓', does: 'Move between tags' },
      { keys: 'Enter', does: 'Make the tag the active one' },
      { keys: 'F2', does: 'Rename the tag' },
      { keys: 'Alt+→ / Alt+←', does: 'Nest under the tag above / move up a level' },
    ],
  },
]

/** The shortcut list as a modal dialog; Escape or the button closes it. */
export function shortcutsDialog(): HTMLDialogElement {
  const mac = /Mac/.test(navigator.platform)
  const close = el('button', { type: 'button', class: 'close' }, 'Close')
  const dialog = el(
    'dialog',
    { class: 'shortcuts-dialog', 'aria-labelledby': 'shortcuts-title' },
    el('h2', { id: 'shortcuts-title' }, 'Keyboard shortcuts'),
    ...SHORTCUTS.map((group) =>
      el(
        'section',
        {},
        el('h3', {}, group.title),
        el(
          'dl',
          {},
          ...group.shortcuts.flatMap((s) => [
            el('dt', {}, el('kbd', {}, mac ? s.keys.replaceAll('Ctrl', '⌘') : s.keys)),
            el('dd', {}, s.does),
          ]),
        ),
      ),
    ),
    el('div', { class: 'actions' }, close),
  )
  close.addEventListener('click', () => dialog.close())
  return dialog
}
