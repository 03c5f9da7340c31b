/** Creates an element with attributes and children (strings become text nodes, never HTML). */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | boolean | undefined> = {},
  ...children: (Node | string | null | undefined | false)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag)
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue
    node.setAttribute(name, value === true ? '' : value)
  }
  for (const child of children) if (child) node.append(child)
  return node
}

/** A <select> with its options, given as [value, label] pairs. */
export function select(
  attrs: Record<string, string | boolean | undefined>,
  options: readonly (readonly [string, string])[],
): HTMLSelectElement {
  return el('select', attrs, ...options.map(([value, label]) => el('option', { value }, label)))
}

/**
 * Call before a redraw that moves elements of `root` in the page (moving an element takes its
 * focus); the function returned, called after the redraw, gives the focused element back its focus
 * and, for a text field, its selection and scroll. Does nothing when the focus was elsewhere or the
 * element has left the page.
 */
export function keepFocus(root: HTMLElement): () => void {
  const focused = document.activeElement
  if (!(focused instanceof HTMLElement) || !root.contains(focused)) return () => {}
  const field = focused instanceof HTMLInputElement || focused instanceof HTMLTextAreaElement ? focused : null
  const { selectionStart, selectionEnd, scrollTop } = field ?? {}
  return () => {
    if (!focused.isConnected || document.activeElement === focused) return
    focused.focus({ preventScroll: true })
    if (field && selectionStart != null && selectionEnd != null) {
      try {
        field.setSelectionRange(selectionStart, selectionEnd)
      } catch {
        // Some input types (date, number) have no selection to put back.
      }
      field.scrollTop = scrollTop ?? 0
    }
  }
}
