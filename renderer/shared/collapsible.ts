import { el } from './dom.js'

// Sidebars the reader can fold away to give the panes room: a toggle button that sets a class on
// the layout, remembered for this browser profile (like the theme).

/**
 * A button that folds `target` (adds `collapsed-<name>` to `layout`) and unfolds it again,
 * remembering the choice under `parallax.collapsed.<name>`.
 */
export function collapseButton(name: string, label: string, layout: HTMLElement, target: HTMLElement): HTMLButtonElement {
  const key = `parallax.collapsed.${name}`
  const button = el('button', { type: 'button', class: `collapse-toggle collapse-${name}`, 'aria-controls': target.id || undefined })
  const apply = (collapsed: boolean) => {
    layout.classList.toggle(`collapsed-${name}`, collapsed)
    target.hidden = collapsed
    button.setAttribute('aria-expanded', String(!collapsed))
    button.textContent = collapsed ? `Show ${label}` : `Hide ${label}`
    button.title = `${collapsed ? 'Show' : 'Hide'} the ${label} (remembered)`
  }
  apply(localStorage.getItem(key) === '1')
  button.addEventListener('click', () => {
    const collapsed = !layout.classList.contains(`collapsed-${name}`)
    localStorage.setItem(key, collapsed ? '1' : '0')
    apply(collapsed)
  })
  return button
}
