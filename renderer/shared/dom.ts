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
