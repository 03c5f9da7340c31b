import type { StatusMessage } from '../state/store.js'
import { el } from './dom.js'

// The title bar's message, drawn from the store's `status`. It wraps onto a second line rather
// than being cut short (a tester at 1024 wide read "At most 5 panes: close one…"), the title bar
// growing to hold it; the project's name gives way first. Beyond three lines (styles.css, .status)
// it is cut, and the whole text is its tooltip: a message that long is a report, and reports
// (an import's) open in a dialog of their own.

export class StatusLine {
  readonly dom = el('p', { class: 'status', role: 'status', 'aria-live': 'polite' })

  render(status: StatusMessage | null): void {
    this.dom.textContent = status?.text ?? ''
    this.dom.title = status?.text ?? ''
    this.dom.classList.toggle('error', status?.error ?? false)
  }
}
